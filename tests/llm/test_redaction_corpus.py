"""Nothing secret leaves, nothing ordinary is changed: the redaction corpus, measured at the
redactor and on the wire (what a real loopback OpenAI-compatible server receives)."""

from __future__ import annotations

import pytest
from redaction_corpus import ml_lines, secret_cases

from coach.llm.draft import draft_for
from coach.llm.prompt import DraftContext
from coach.llm.redact import entropy, looks_random, redact, redact_text

SECRETS = secret_cases()
ML_LINES = ml_lines()


def test_the_corpus_is_as_big_as_promised() -> None:
    assert len(SECRETS) >= 150 and len(ML_LINES) >= 150
    kinds = {kind for kind, _, _ in SECRETS}
    for family in ("card", "iban", "phone", "national-id", "email", "private-key", "password"):
        assert family in kinds


@pytest.mark.parametrize(("kind", "text", "secret"), SECRETS, ids=[c[0] for c in SECRETS])
def test_every_secret_is_redacted(kind: str, text: str, secret: str) -> None:
    result = redact(text)
    assert secret not in result.text, result.text
    assert result.total >= 1 and "[REDACTED:" in result.text


@pytest.mark.parametrize("line", ML_LINES)
def test_ordinary_ml_code_is_left_exactly_as_written(line: str) -> None:
    assert redact_text(line) == line


def test_entropy_separates_random_keys_from_words() -> None:
    assert looks_random("q8Zr3LmN5vT7wY2xC4bV6nP9")
    assert not looks_random("bert-base-uncased")
    assert not looks_random("customer_lifetime_value")
    assert entropy("aaaa") == 0.0


def _batches(items: list[str], size: int) -> list[list[str]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def test_on_the_wire_no_secret_is_sent_and_no_ml_line_is_changed(
    store, question, fake_server, llm_settings
) -> None:
    """Everything goes through the real draft path to the loopback server; what it received is
    searched for every secret, and every ML line must arrive verbatim."""
    settings = llm_settings(stream=False)
    sent_secrets = []
    for batch in _batches(SECRETS, 12):
        text = "\n".join(case[1] for case in batch)
        draft_for(
            "review this for me:\n" + text,
            prior=[],
            context=DraftContext(findings=[case[1] for case in batch[:3]]),
            store=store,
            session_id=question.session_id,
            question_id=question.id,
            settings=settings,
        )
        body = fake_server.requests[-1]["body"]
        received = "\n".join(m["content"] for m in body["messages"])
        sent_secrets += [case for case in batch if case[2] in received]
    assert sent_secrets == []

    changed = []
    for batch in _batches(ML_LINES, 15):
        draft_for(
            "is this code fine?\n" + "\n".join(batch),
            prior=[],
            context=DraftContext(),
            store=store,
            session_id=question.session_id,
            question_id=question.id,
            settings=settings,
        )
        body = fake_server.requests[-1]["body"]
        received = "\n".join(m["content"] for m in body["messages"])
        changed += [line for line in batch if line not in received]
    assert changed == []
    # The log's audit column holds exactly what was sent: no secret there either.
    for view in store.list_suggestions(source="llm"):
        assert all(case[2] not in (view.prompt_sent or "") for case in SECRETS)


@pytest.mark.parametrize("include_rows", [False, True])
def test_dataset_values_in_facts_are_rows(store, question, fake_server, llm_settings, include_rows):
    """Class labels and example values quoted in data findings are data: sent only on opt-in."""
    facts = [
        "class counts: Ana Silva: 3, Bob Jones: 5",
        "column 'notes' mixes types, e.g. 'Carol Diaz' and 12.5",
    ]
    draft_for(
        "what else should I check?",
        prior=[],
        context=DraftContext(dataset="people.csv", dataset_facts=facts),
        store=store,
        session_id=question.session_id,
        question_id=question.id,
        settings=llm_settings(stream=False, include_rows=include_rows),
    )
    body = fake_server.requests[-1]["body"]
    received = "\n".join(m["content"] for m in body["messages"])
    assert "class counts" in received and "mixes types" in received  # the facts themselves go
    for value in ("Ana Silva", "Bob Jones", "Carol Diaz"):
        assert (value in received) is include_rows
