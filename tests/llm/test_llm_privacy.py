"""Privacy: planted secrets never reach the server, keys never reach the log, rows stay home."""

from __future__ import annotations

import pytest
from fake_openai_server import TEST_KEY

from coach.llm.draft import draft_for
from coach.llm.prompt import DraftContext, Turn
from coach.llm.redact import redact, redact_text
from coach.models import Finding, Location, Suggestion

# Each planted secret, and the kind of placeholder that must replace it.
PLANTED = {
    "sk-proj-4fJ8kL2mN9pQ3rS7tU1vW5xY": "api-key",
    "sk-ant-api03-Hq7Wm2Kp9Lx4Nz8Rb3Tc6Vd": "api-key",
    "AKIAIOSFODNN7EXAMPLE": "aws-key",
    "ghp_aB3cD5eF7gH9iJ1kL3mN5oP7qR9sT1uV3wX5": "github-token",
    "xoxb-2048-4096-Qm7Np3Lk9Jh5Gf1Ds": "slack-token",
    "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N": "jwt",
    "alice.doe@example.com": "email",
}
CONNECTION_PASSWORD = "Tr0ub4dor-and-3"
ASSIGNED_SECRETS = ["hunter2hunter2", "s3cr3t-v4lue", "Kx9-token-value", "my big secret phrase"]
PRIVATE_KEY_BODY = "MIIEowIBAAKCAQEA7bq98xPLANTEDbody"
BEARER = "Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5"


def _planted_context() -> DraftContext:
    return DraftContext(
        repo="examples/churn",
        findings=[
            Finding(
                rule="LEAK001",
                detector="code",
                message=f"scaler fitted before the split; OPENAI_API_KEY = '{next(iter(PLANTED))}'",
                location=Location(path="train.py", line=12),
            ),
            f"db = create_engine('postgresql://etl_user:{CONNECTION_PASSWORD}@db.internal:5432/crm')",
            f'API_KEY = "{ASSIGNED_SECRETS[0]}"  # TODO move to env',
            f"password={ASSIGNED_SECRETS[1]}",
            f"headers = {{'Authorization': 'Bearer {BEARER}'}}",
            f"-----BEGIN RSA PRIVATE KEY-----\n{PRIVATE_KEY_BODY}\n-----END RSA PRIVATE KEY-----",
        ],
        dataset="customers.csv",
        dataset_facts=[
            "rows: 7043; churn rate 26.5%",
            *[f"column sample contains {secret}" for secret in list(PLANTED)[1:]],
            f"token: {ASSIGNED_SECRETS[2]}",
            f'secret = "{ASSIGNED_SECRETS[3]}"',
        ],
        dataset_rows="customer_id,email,churn\n17,bob.rows@example.org,1\n",
        earlier_turns=[
            Turn(question="who owns the data? ask carol@example.net", answer="the CRM team")
        ],
    )


def _secrets() -> list[str]:
    return [
        *PLANTED,
        CONNECTION_PASSWORD,
        *ASSIGNED_SECRETS,
        PRIVATE_KEY_BODY,
        BEARER,
        "bob.rows@example.org",
        "carol@example.net",
    ]


def test_planted_secrets_never_reach_the_server(store, question, fake_server, llm_settings):
    draft = draft_for(
        "feature ideas for churn? my key is sk-live-0000aaaa1111bbbb2222 and I am dave@example.com",
        prior=[],
        context=_planted_context(),
        store=store,
        session_id=question.session_id,
        question_id=question.id,
        settings=llm_settings(),
    )
    assert draft.status == "pending"
    received = fake_server.received_text()
    for secret in [*_secrets(), "sk-live-0000aaaa1111bbbb2222", "dave@example.com"]:
        assert secret not in received, f"{secret!r} was sent to the model"
    # ...while the useful, harmless context did arrive, with the placeholders in place.
    user = fake_server.requests[0]["body"]["messages"][1]["content"]
    assert "churn rate 26.5%" in user and "train.py:12" in user and "LEAK001" in user
    assert "postgresql://etl_user:[REDACTED:password]@db.internal:5432/crm" in user
    for kind in set(PLANTED.values()) | {"private-key", "bearer-token", "secret", "password"}:
        assert f"[REDACTED:{kind}]" in user, kind
    # The draft's evidence tells the reviewer that redaction happened.
    assert "redacted before sending" in draft.evidence[0].text


def test_dataset_rows_are_sent_only_when_opted_in(store, question, fake_server, llm_settings):
    context = DraftContext(
        dataset_facts=["rows: 10"], dataset_rows="id,plan,churn\n1,gold,0\n2,basic,1\n"
    )
    for include_rows in (False, True):
        fake_server.reset()
        draft_for(
            "ideas?",
            prior=[],
            context=context,
            store=store,
            session_id=question.session_id,
            question_id=question.id,
            settings=llm_settings(include_rows=include_rows),
        )
        user = fake_server.requests[0]["body"]["messages"][1]["content"]
        assert ("2,basic,1" in user) is include_rows
        assert "rows: 10" in user


def test_the_api_key_is_never_written_to_the_log(store, question, fake_server, llm_settings):
    bases = [fake_server.api_base] * 3 + [
        fake_server.api_base.replace("http://", "http://user:pw@")
    ]
    for mode, base in zip(("ok", "401", "cut", "ok"), bases, strict=True):
        fake_server.script(mode)
        draft_for(
            "ideas?",
            prior=[Suggestion(source="rule", rule="IMB001", title="Accuracy misleads", body="b")],
            context=DraftContext(),
            store=store,
            session_id=question.session_id,
            question_id=question.id,
            settings=llm_settings(api_base=base),
        )
    assert fake_server.requests[0]["headers"]["authorization"] == f"Bearer {TEST_KEY}"
    assert store.list_suggestions()[0].api_base == "http://[REDACTED]@" + fake_server.api_base[7:]
    store.close()
    raw = b"".join(p.read_bytes() for p in store.path.parent.glob(store.path.name + "*"))
    assert TEST_KEY.encode() not in raw
    assert TEST_KEY[-12:].encode() not in raw
    assert b"user:pw@" not in raw, "credentials inside the API base are not logged either"


@pytest.mark.parametrize(
    "text",
    [
        "max_tokens = 100 and n_estimators=300",
        "api_key = os.environ['OPENAI_API_KEY']",
        "token = None",
        "Use PR-AUC; the minority class is 2% (see https://scikit-learn.org/stable/).",
        "postgres://db.internal:5432/crm (no credentials)",
    ],
)
def test_ordinary_text_is_left_alone(text):
    assert redact_text(text) == text


def test_redaction_counts_by_kind():
    result = redact("a@b.io and c@d.io with sk-abcdefghijklmnopqrstuvwx")
    assert result.counts == {"email": 2, "api-key": 1}
    assert result.total == 3


def test_a_secret_on_the_cut_line_of_a_long_rule_body_is_still_redacted():
    from coach.llm.config import LLMSettings
    from coach.llm.prompt import preview

    secret = "sk-proj-Q1w2E3r4T5y6U7i8O9p0"
    # Cut at 400 characters, a naive cut would keep "sk-proj-Q1w2E": too short to look like a key.
    body = "x" * 386 + " " + secret + " and more text after the cut"
    rule = Suggestion(source="rule", rule="PRIV001", title="Data sent to a third party", body=body)
    p = preview("ideas?", prior=[rule], settings=LLMSettings(model="openai/test-model"))
    sent = p.messages[1].content
    assert "sk-proj-Q1w2" not in sent and "[REDACTED" in sent
    assert p.redactions == {"api-key": 1}
