"""The screen never lies: a hostile reply cannot drive the terminal on any surface (`coach ask`,
`log list/show`, the Markdown/CSV/JSONL exports), and a reply cut off mid-stream is a failure."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from fake_openai_server import TEST_KEY

from coach.models import Suggestion
from coach.store import Store

QUESTION = "give me feature ideas for churn prediction"
FAKE_VERDICT = "[error] LEAK001 VERIFIED RULE ANSWER"
HOSTILE_REPLY = (
    "Some ideas.\x1b[2J\x1b[H\x1b[32m" + FAKE_VERDICT + "\x1b[0m\x1b]0;pwned\x07\r\n- tenure"
)
CONTROL_BYTES = ("\x1b", "\x07", "\x9b", "\r")


def _env(fake_server, db: Path) -> dict[str, str]:
    return {
        "COACH_DB": str(db),
        "COACH_MODEL": "openai/test-model",
        "COACH_API_BASE": fake_server.api_base,
        "COACH_API_KEY": TEST_KEY,
    }


def _assert_inert(text: str) -> None:
    for byte in CONTROL_BYTES:
        assert byte not in text, f"{byte!r} reached the output"


def test_coach_ask_prints_a_hostile_reply_inert_and_the_log_keeps_it_raw(
    fake_server, tmp_path, run_coach
):
    fake_server.reply = HOSTILE_REPLY
    db = tmp_path / "coach.db"
    env = _env(fake_server, db)
    done = run_coach("ask", "--brainstorm", QUESTION, env=env)
    assert done.returncode == 0, done.stderr
    _assert_inert(done.stdout)
    assert FAKE_VERDICT in done.stdout  # the words are shown, only as words, under the DRAFT label
    assert done.stdout.index("DRAFT") < done.stdout.index(FAKE_VERDICT)

    listing = run_coach("log", "list", env=env)
    _assert_inert(listing.stdout)
    (draft_id,) = [
        v["id"]
        for v in json.loads(run_coach("log", "list", "--format", "json", env=env).stdout)
        if v["source"] == "llm"
    ]
    shown = run_coach("log", "show", draft_id[:10], env=env)
    _assert_inert(shown.stdout)
    assert "\\x1b[2J" in shown.stdout  # the audit view spells the escape out
    assert "Audit — exactly what was sent" in shown.stdout and QUESTION in shown.stdout
    for fmt in ("markdown", "csv", "jsonl"):
        exported = run_coach("log", "export", "--format", fmt, env=env)
        assert exported.returncode == 0
        _assert_inert(exported.stdout)
        assert "\\u001b" not in exported.stdout  # not smuggled as a JSON escape either
    with Store.open(db) as store:
        (draft,) = store.list_suggestions(source="llm")
        assert draft.raw_response == HOSTILE_REPLY
        sent = json.loads(draft.prompt_sent)
        assert sent == fake_server.requests[-1]["body"]["messages"]


def test_escapes_already_in_an_old_log_are_not_shown(tmp_path, run_coach):
    """Rows written before the sanitiser existed (or pasted questions) are cleaned on the way out."""
    db = tmp_path / "coach.db"
    with Store.open(db) as store:
        session = store.create_session()
        question = store.add_question(session.id, "why?\x1b]0;title\x07")
        store.add_suggestion(
            Suggestion(
                session_id=session.id,
                question_id=question.id,
                source="llm",
                title="Brainstorm\x1b[2K",
                body="\x1b[31mred\x1b[0m text",
            )
        )
    env = {"COACH_DB": str(db)}
    for args in (("log", "list"), ("log", "export", "--format", "markdown")):
        out = run_coach(*args, env=env)
        assert out.returncode == 0
        _assert_inert(out.stdout)
        assert "red text" in out.stdout or "Brainstorm" in out.stdout


@pytest.mark.parametrize("mode", ["eof", "cut"])
def test_a_reply_cut_mid_stream_is_logged_failed_and_exits_non_zero(
    fake_server, tmp_path, run_coach, mode
):
    fake_server.script(mode)
    db = tmp_path / "coach.db"
    done = run_coach("ask", "--brainstorm", QUESTION, env=_env(fake_server, db))
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    with Store.open(db) as store:
        (draft,) = store.list_suggestions(source="llm")
    assert draft.status == "failed" and "[partial — the stream was cut off]" in draft.body


def test_a_server_killed_mid_reply(tmp_path, run_coach):
    """The real thing: the server process is killed with SIGKILL while it streams."""
    server_code = (
        "import sys, time\n"
        f"sys.path.insert(0, {str(Path(__file__).parent)!r})\n"
        "from fake_openai_server import FakeOpenAIServer\n"
        "s = FakeOpenAIServer()\n"
        "s.chunk_delay = 0.3\n"
        "s.start()\n"
        "print(s.api_base, flush=True)\n"
        "time.sleep(120)\n"
    )
    server = subprocess.Popen(
        [sys.executable, "-c", server_code], stdout=subprocess.PIPE, text=True
    )
    try:
        api_base = server.stdout.readline().strip()
        db = tmp_path / "coach.db"
        env = {
            "COACH_DB": str(db),
            "COACH_MODEL": "openai/test-model",
            "COACH_API_BASE": api_base,
            "COACH_API_KEY": TEST_KEY,
        }
        proc = subprocess.Popen(
            [sys.executable, "-m", "coach", "ask", "--brainstorm", QUESTION],
            env={**__import__("os").environ, **env},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert proc.stdout is not None
        for line in proc.stdout:
            if "Tenure" in line or line.startswith("- "):
                break
        server.kill()
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 1, out + err
        assert "Traceback" not in err
    finally:
        server.kill()
        server.wait()
    with Store.open(db) as store:
        (draft,) = store.list_suggestions(source="llm")
    assert draft.status == "failed" and "[partial" in draft.body
