"""End to end: the real `coach ask` process, configured by environment, against the loopback server.

The streaming run blocks every non-loopback connection in the child process, so it also proves
that importing litellm and drafting stay offline (litellm fetches a price map from GitHub at import
unless told not to) and that litellm prints no banner or debug output.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from fake_openai_server import DEFAULT_REPLY, TEST_KEY

from coach.llm.draft import DRAFT_BANNER
from coach.store import Store

ROOT = Path(__file__).resolve().parents[2]
QUESTION = "give me feature ideas for churn prediction"


# Runs `coach` (coach.cli.main) with the network cut off except for loopback, then reports to
# stderr, as its last line, every other host the process tried to reach.
OFFLINE_COACH = textwrap.dedent(
    """
    import atexit, json, socket, sys
    attempts = []
    real_connect, real_getaddrinfo = socket.socket.connect, socket.getaddrinfo
    LOCAL = ("127.0.0.1", "::1", "localhost")

    def connect(self, address):
        host = address[0] if isinstance(address, tuple) else str(address)
        if host not in LOCAL:
            attempts.append(host)
            raise OSError("network disabled in this test")
        return real_connect(self, address)

    def getaddrinfo(host, *args, **kwargs):
        if host not in LOCAL:
            attempts.append(str(host))
            raise OSError("network disabled in this test")
        return real_getaddrinfo(host, *args, **kwargs)

    socket.socket.connect, socket.getaddrinfo = connect, getaddrinfo
    atexit.register(lambda: print(json.dumps({"network_attempts": attempts}), file=sys.stderr))
    from coach.cli.main import main
    sys.exit(main(sys.argv[1:]))
    """
)


def _env(fake_server, db: Path) -> dict[str, str]:
    return {
        **os.environ,
        "COACH_DB": str(db),
        "COACH_MODEL": "openai/test-model",
        "COACH_API_BASE": fake_server.api_base,
        "COACH_API_KEY": TEST_KEY,
    }


def test_coach_ask_streams_a_draft_labelled_answer_and_logs_it(fake_server, tmp_path):
    fake_server.chunk_delay = 0.06
    db = tmp_path / "coach.db"
    proc = subprocess.Popen(
        [sys.executable, "-c", OFFLINE_COACH, "ask", QUESTION],
        cwd=ROOT,
        env=_env(fake_server, db),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    arrivals: list[tuple[float, str]] = []
    assert proc.stdout is not None
    for line in proc.stdout:
        arrivals.append((time.perf_counter(), line.rstrip("\n")))
    proc.wait(timeout=120)
    assert proc.stderr is not None
    stderr = proc.stderr.read()
    assert proc.returncode == 0, stderr
    *noise, report = stderr.strip().splitlines()
    assert json.loads(report) == {"network_attempts": []}, "only the loopback server was contacted"
    # Only Coach's own status line: litellm's banner and debug output are suppressed.
    assert noise == ["(asking openai/test-model for a brainstorm…)"]
    lines = [text for _, text in arrivals]

    banner = lines.index(DRAFT_BANNER)
    reply_lines = DEFAULT_REPLY.splitlines()
    first, last = lines.index(reply_lines[0]), lines.index(reply_lines[-1])
    assert banner < first < last, "the reply comes after an unmistakable DRAFT label"
    # Streamed: the first line reached the terminal well before the server sent the last word.
    assert arrivals[last][0] - arrivals[first][0] > 0.4

    with Store.open(db) as store:
        (draft,) = store.list_suggestions(source="llm")
        assert draft.draft is True and draft.status == "pending"
        assert draft.body == DEFAULT_REPLY and draft.question_text == QUESTION
        assert draft.model == "openai/test-model" and draft.template_version == "brainstorm@1"
        assert draft.prompt_tokens and draft.completion_tokens and draft.latency_ms
    assert TEST_KEY.encode() not in b"".join(p.read_bytes() for p in tmp_path.glob("coach.db*"))


def test_coach_ask_with_a_failing_provider_says_why_and_keeps_the_question(
    fake_server, tmp_path, run_coach
):
    fake_server.script("401")
    db = tmp_path / "coach.db"
    result = run_coach("ask", QUESTION, env=_env(fake_server, db))
    assert "API key was rejected (HTTP 401)" in result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert result.returncode == 1  # the requested brainstorm failed: scripts can tell
    assert "DRAFT — brainstorm, not verified (failed)" in result.stdout
    assert len(fake_server.requests) == 1
    with Store.open(db) as store:
        (draft,) = store.list_suggestions(source="llm")
        assert draft.status == "failed" and "HTTP 401" in draft.error
        assert draft.question_text == QUESTION


def test_coach_ask_without_a_model_explains_how_to_configure(tmp_path, run_coach):
    result = run_coach("ask", QUESTION, env={"COACH_DB": str(tmp_path / "coach.db")})
    assert result.returncode == 0, result.stderr
    assert "No LLM is configured" in result.stdout and "COACH_MODEL" in result.stdout


def test_coach_ask_in_a_session_gives_the_model_the_earlier_turns(fake_server, tmp_path, run_coach):
    db = tmp_path / "coach.db"
    env = _env(fake_server, db)
    first = run_coach("ask", "--session", "planning-1", QUESTION, env=env)
    assert first.returncode == 0, first.stderr
    second = run_coach("ask", "--session", "planning-1", "what data sources could help?", env=env)
    assert second.returncode == 0, second.stderr
    sent = json.dumps(fake_server.requests[-1]["body"]["messages"])
    assert QUESTION in sent  # the earlier question travels with the new one
    with Store.open(db) as store:
        assert [q.text for q in store.questions("planning-1")] == [
            QUESTION,
            "what data sources could help?",
        ]
