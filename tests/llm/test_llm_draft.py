"""`draft_for` end to end: litellm over real HTTP to a loopback server, logged to a real SQLite file.

Each failure mode asserts the three things a user relies on: the one-line message they see, the
number of requests the provider received (no retry storms), and what the log holds afterwards.
"""

from __future__ import annotations

import json
import threading
import time

import pytest
from fake_openai_server import DEFAULT_REPLY, TEST_KEY

from coach.llm.config import LLMSettings
from coach.llm.draft import draft_for
from coach.llm.prompt import DraftContext, load_template
from coach.models import Suggestion

QUESTION = "give me feature ideas for churn prediction"


def _draft(store, question, settings, **kwargs):
    kwargs.setdefault("prior", [])
    kwargs.setdefault("context", DraftContext())
    return draft_for(
        QUESTION,
        store=store,
        session_id=question.session_id,
        question_id=question.id,
        settings=settings,
        **kwargs,
    )


def _logged(store, draft):
    row = store.get_suggestion(draft.id)
    assert row is not None, "the draft must be in the log"
    return row


@pytest.mark.parametrize("stream", [True, False], ids=["streaming", "non-streaming"])
def test_a_successful_draft_streams_and_is_logged_with_provenance(
    store, question, fake_server, llm_settings, stream
):
    pieces: list[str] = []
    draft = _draft(store, question, llm_settings(stream=stream), on_token=pieces.append)

    assert draft.status == "pending" and draft.error is None
    assert draft.source == "llm" and draft.draft is True
    assert draft.body == DEFAULT_REPLY
    assert "".join(pieces) == DEFAULT_REPLY
    if stream:
        assert len(pieces) > 5, "a streamed reply arrives in pieces, not all at once"
    assert len(fake_server.requests) == 1
    sent = fake_server.requests[0]["body"]
    assert sent["model"] == "test-model" and bool(sent.get("stream")) is stream
    assert sent["messages"][0]["role"] == "system"
    assert "DRAFT for human review" in sent["messages"][0]["content"]

    row = _logged(store, draft)
    assert row.status == "pending" and row.draft is True and row.source == "llm"
    assert row.body == DEFAULT_REPLY
    assert row.question_text == QUESTION
    assert row.model == "openai/test-model"
    assert row.api_base == fake_server.api_base
    assert row.template_version == load_template().label
    # The fake server reports usage as word counts: the log holds the provider's own numbers.
    words = sum(len(m["content"].split()) for m in sent["messages"])
    assert row.prompt_tokens == words
    assert row.completion_tokens == len(DEFAULT_REPLY.split())
    assert row.cost is None, "a local server's price is unknown, so no cost is invented"
    assert row.latency_ms is not None and row.latency_ms > 0
    assert row.evidence and "tokens" in row.evidence[0].text


def test_usage_missing_from_the_server_is_counted_with_tiktoken(
    store, question, fake_server, llm_settings
):
    fake_server.usage = False
    draft = _draft(store, question, llm_settings())
    row = _logged(store, draft)
    assert row.status == "pending"
    assert row.prompt_tokens and row.prompt_tokens > 100  # the system prompt alone is longer
    assert row.completion_tokens and 20 <= row.completion_tokens <= 60


def test_the_draft_row_exists_before_the_call_returns(store, question, fake_server, llm_settings):
    """A crash mid-stream must still leave the question and the attempt in the log."""
    seen_mid_stream = []

    def on_token(piece: str) -> None:
        if not seen_mid_stream:
            rows = store.list_suggestions(question=question.id)
            seen_mid_stream.extend(rows)

    draft = _draft(store, question, llm_settings(), on_token=on_token)
    assert len(seen_mid_stream) == 1
    assert seen_mid_stream[0].id == draft.id
    assert seen_mid_stream[0].status == "pending" and seen_mid_stream[0].body == ""
    assert seen_mid_stream[0].draft is True


def test_rule_findings_already_given_are_in_the_prompt(store, question, fake_server, llm_settings):
    prior = [
        Suggestion(
            source="rule",
            rule="IMB001",
            severity="warning",
            title="Accuracy misleads on imbalanced classes",
            body="With 2% churners a model that predicts 'stays' for everyone scores 98% accuracy.",
        )
    ]
    _draft(store, question, llm_settings(), prior=prior)
    user = fake_server.requests[0]["body"]["messages"][1]["content"]
    assert "IMB001" in user and "98% accuracy" in user
    assert "do not contradict" in user


def _fail(store, question, fake_server, llm_settings, mode, **settings):
    fake_server.script(mode)
    draft = _draft(store, question, llm_settings(**settings))
    row = _logged(store, draft)
    assert draft.status == "failed" and row.status == "failed"
    assert row.error == draft.error and "\n" not in row.error
    assert row.question_text == QUESTION, "the question is never lost"
    assert row.template_version == load_template().label
    return draft, row


def test_401_is_a_bad_key_message_and_is_not_retried(store, question, fake_server, llm_settings):
    draft, row = _fail(store, question, fake_server, llm_settings, "401")
    assert len(fake_server.requests) == 1
    assert "API key was rejected (HTTP 401)" in draft.error
    assert TEST_KEY not in draft.error and TEST_KEY not in row.body


def test_500_is_a_server_error_and_is_not_retried(store, question, fake_server, llm_settings):
    draft, _ = _fail(store, question, fake_server, llm_settings, "500")
    assert len(fake_server.requests) == 1
    assert "server error (HTTP 500)" in draft.error


def test_429_is_retried_exactly_once_then_succeeds(store, question, fake_server, llm_settings):
    fake_server.script("429", "ok")
    started = time.perf_counter()
    draft = _draft(store, question, llm_settings(retry_backoff=0.3))
    assert time.perf_counter() - started >= 0.3, "the retry waits for the backoff"
    assert len(fake_server.requests) == 2
    assert draft.status == "pending" and draft.body == DEFAULT_REPLY


def test_429_twice_fails_after_exactly_two_requests(store, question, fake_server, llm_settings):
    draft, _ = _fail(store, question, fake_server, llm_settings, "429")
    assert len(fake_server.requests) == 2, "one retry, never a storm"
    assert "rate limited" in draft.error and "still after one retry" in draft.error


def test_a_slow_server_times_out(store, question, fake_server, llm_settings):
    fake_server.slow_seconds = 3.0
    started = time.perf_counter()
    draft, _ = _fail(store, question, fake_server, llm_settings, "slow", timeout=1.0)
    assert time.perf_counter() - started < 2.5, "the timeout is honoured, not the server's pace"
    assert len(fake_server.requests) == 1
    assert "no response within 1 s (timeout)" in draft.error


@pytest.mark.parametrize("stream", [True, False], ids=["streaming", "non-streaming"])
def test_malformed_json_is_named_as_such(store, question, fake_server, llm_settings, stream):
    draft, _ = _fail(store, question, fake_server, llm_settings, "malformed", stream=stream)
    assert len(fake_server.requests) == 1
    assert "not valid JSON" in draft.error and fake_server.api_base in draft.error


def test_a_stream_cut_mid_way_keeps_the_partial_text_marked(
    store, question, fake_server, llm_settings
):
    pieces: list[str] = []
    fake_server.script("cut")
    draft = _draft(store, question, llm_settings(), on_token=pieces.append)
    row = _logged(store, draft)
    assert row.status == "failed"
    assert "cut off mid-way" in row.error
    partial = "".join(pieces)
    assert partial and DEFAULT_REPLY.startswith(partial) and partial != DEFAULT_REPLY
    assert row.body.startswith(partial.rstrip())
    assert row.body.rstrip().endswith("[partial — the stream was cut off]")
    assert row.completion_tokens and row.completion_tokens > 0


def test_a_stream_that_stalls_mid_way_times_out_and_keeps_the_partial(
    store, question, fake_server, llm_settings
):
    fake_server.slow_seconds = 3.0
    draft, row = _fail(store, question, fake_server, llm_settings, "hang_stream", timeout=1.0)
    assert "timeout" in draft.error
    assert (
        row.body.startswith(DEFAULT_REPLY.split()[0])
        and "[partial — the reply timed out]" in row.body
    )


def test_context_too_long_is_explained(store, question, fake_server, llm_settings):
    draft, _ = _fail(store, question, fake_server, llm_settings, "context")
    assert len(fake_server.requests) == 1
    assert "context window" in draft.error and "max_prompt_tokens" in draft.error


def test_connection_refused_names_the_api_base(store, question, llm_settings, closed_port):
    base = f"http://127.0.0.1:{closed_port}/v1"
    draft = _draft(store, question, llm_settings(api_base=base))
    row = _logged(store, draft)
    assert row.status == "failed"
    assert row.error.startswith(f"cannot connect to {base}")
    assert "is the server running" in row.error


def test_cancel_mid_stream_keeps_the_partial_text(store, question, fake_server, llm_settings):
    cancel = threading.Event()
    pieces: list[str] = []

    def on_token(piece: str) -> None:
        pieces.append(piece)
        if len(pieces) == 3:
            cancel.set()

    draft = _draft(store, question, llm_settings(), on_token=on_token, cancel=cancel)
    row = _logged(store, draft)
    assert row.status == "failed" and row.error.startswith("cancelled")
    assert row.body.startswith("".join(pieces).rstrip()) and "[partial — cancelled]" in row.body


def test_no_model_configured_logs_a_failed_draft_without_calling_anything(
    store, question, fake_server
):
    draft = _draft(store, question, LLMSettings())
    assert draft.status == "failed" and "no LLM model is configured" in draft.error
    assert fake_server.requests == []
    assert _logged(store, draft).status == "failed"


def test_an_invalid_config_file_becomes_a_failed_draft(store, question, tmp_path, monkeypatch):
    bad = tmp_path / "config.toml"
    bad.write_text('[llm]\nmodel = "openai/test-model"\ntimeout = "soon"\n')
    monkeypatch.setenv("COACH_CONFIG", str(bad))
    draft = draft_for(
        QUESTION,
        prior=[],
        context=DraftContext(),
        store=store,
        session_id=question.session_id,
        question_id=question.id,
    )
    assert draft.status == "failed"
    assert "invalid LLM setting 'timeout'" in draft.error and str(bad) in draft.error


def test_settings_come_from_the_environment_when_not_passed(
    store, question, fake_server, monkeypatch
):
    monkeypatch.setenv("COACH_MODEL", "openai/test-model")
    monkeypatch.setenv("COACH_API_BASE", fake_server.api_base)
    monkeypatch.setenv("COACH_API_KEY", TEST_KEY)
    draft = draft_for(
        QUESTION,
        prior=[],
        context=DraftContext(),
        store=store,
        session_id=question.session_id,
        question_id=question.id,
    )
    assert draft.status == "pending" and draft.body == DEFAULT_REPLY
    assert fake_server.requests[0]["headers"]["authorization"] == f"Bearer {TEST_KEY}"


def test_a_local_server_without_a_key_gets_a_placeholder_not_an_error(
    store, question, fake_server, llm_settings
):
    draft = _draft(store, question, llm_settings(api_key=None))
    assert draft.status == "pending"
    assert fake_server.requests[0]["headers"]["authorization"] == "Bearer no-key-needed"


def test_session_turns_summarise_earlier_answers_for_the_next_draft(
    store, question, fake_server, llm_settings
):
    from coach.llm.draft import session_turns

    first = store.add_question(
        question.session_id, "I scaled before splitting, fine?", route="rules"
    )
    store.add_suggestion(
        Suggestion(
            source="rule",
            rule="LEAK001",
            severity="error",
            title="Preprocessing fitted before the split",
            session_id=question.session_id,
            question_id=first.id,
        )
    )
    fake_server.script("401")
    _draft(store, question, llm_settings())  # a failed draft for the current question
    turns = session_turns(store, question.session_id, exclude_question_id=None)
    assert [t.question for t in turns] == [QUESTION, "I scaled before splitting, fine?"], (
        "oldest first"
    )
    by_question = {t.question: t.answer for t in turns}
    assert (
        by_question["I scaled before splitting, fine?"]
        == "LEAK001: Preprocessing fitted before the split"
    )
    assert by_question[QUESTION] == "", "a failed draft is not fed back to the model"

    fake_server.script("ok")
    follow_up = store.add_question(question.session_id, "and what about leakage ideas?")
    draft = draft_for(
        follow_up.text,
        prior=[],
        context=DraftContext(
            earlier_turns=session_turns(
                store, question.session_id, exclude_question_id=follow_up.id
            )
        ),
        store=store,
        session_id=question.session_id,
        question_id=follow_up.id,
        settings=llm_settings(),
    )
    assert draft.status == "pending"
    user = fake_server.requests[-1]["body"]["messages"][1]["content"]
    assert (
        "Q: I scaled before splitting, fine?\nA: LEAK001: Preprocessing fitted before the split"
        in user
    )
    assert f"Q: {QUESTION}" in user


def test_describe_draft_shows_label_tokens_cost_and_template(
    store, question, fake_server, llm_settings
):
    from coach.llm.draft import describe_draft

    draft = _draft(store, question, llm_settings())
    line = describe_draft(draft)
    assert line.startswith("DRAFT — brainstorm, not verified · openai/test-model · ")
    assert f"{draft.prompt_tokens} prompt + {draft.completion_tokens} completion tokens" in line
    assert line.endswith(load_template().label) and "$" not in line  # no price for a local server
    priced = draft.model_copy(update={"cost": 0.00025, "status": "failed"})
    assert describe_draft(priced).startswith(
        "DRAFT — brainstorm, not verified (failed)"
    ) and "$0.00025" in describe_draft(priced)


def test_a_failing_display_callback_is_logged_and_re_raised_not_blamed_on_the_model(
    store, question, fake_server, llm_settings
):
    def on_token(piece: str) -> None:
        if piece.startswith("buckets"):
            raise BrokenPipeError("stdout closed")

    with pytest.raises(BrokenPipeError):
        _draft(store, question, llm_settings(), on_token=on_token)
    (row,) = store.list_suggestions(question=question.id)
    assert row.status == "failed" and "BrokenPipeError" in row.error
    assert row.body.startswith("- Tenure") and "[partial — cancelled]" in row.body


def test_a_reply_stopped_by_the_token_limit_is_kept_and_marked(
    store, question, fake_server, llm_settings
):
    fake_server.finish_reason = "length"
    draft = _draft(store, question, llm_settings(max_completion_tokens=64))
    assert fake_server.requests[0]["body"]["max_tokens"] == 64
    row = _logged(store, draft)
    assert row.status == "pending", "a truncated brainstorm is still worth reviewing"
    assert row.body.startswith(DEFAULT_REPLY)
    assert row.body.endswith("[partial — stopped at max_completion_tokens (64)]")


def test_a_stream_ending_without_a_finish_is_a_failed_partial_draft(
    store, question, fake_server, llm_settings
):
    """A server killed mid-reply: the body just ends (no error on the wire, no [DONE])."""
    pieces: list[str] = []
    fake_server.script("eof")
    draft = _draft(store, question, llm_settings(), on_token=pieces.append)
    row = _logged(store, draft)
    assert row.status == "failed" and "ended without the model finishing" in row.error
    partial = "".join(pieces)
    assert partial and partial != DEFAULT_REPLY and row.body.startswith(partial.rstrip())
    assert "[partial — the stream was cut off]" in row.body
    assert row.raw_response == partial


def test_escape_sequences_never_reach_the_screen_or_the_body(
    store, question, fake_server, llm_settings
):
    hostile = (
        "Ideas:\x1b[2J\x1b[H\x1b[32m[error] LEAK001 VERIFIED RULE ANSWER\x1b[0m\x1b]0;pwned\x07"
        " tenure\r buckets"
    )
    fake_server.reply = hostile
    pieces: list[str] = []
    draft = _draft(store, question, llm_settings(), on_token=pieces.append)
    row = _logged(store, draft)
    shown = "".join(pieces)
    for text in (shown, row.body, draft.body):
        assert "\x1b" not in text and "\x07" not in text and "\r" not in text
        assert "[error] LEAK001 VERIFIED RULE ANSWER" in text  # the words stay, inert
    assert row.raw_response == hostile  # the audit column keeps the reply as it came
    sent = json.loads(row.prompt_sent)
    assert sent == fake_server.requests[-1]["body"]["messages"]  # exactly what left the machine
