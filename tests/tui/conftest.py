"""Fixtures for the app tests: a real log file per test, a Pilot driver, seeded suggestions."""

from __future__ import annotations

import asyncio
import importlib.util
import sqlite3
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
FIXED = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
SERVER_FILE = ROOT / "tests" / "llm" / "fake_openai_server.py"


@pytest.fixture(autouse=True)
def _app_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    # Colours are part of what the app shows (severity, DRAFT): snapshots keep them.
    monkeypatch.delenv("NO_COLOR", raising=False)
    # Paths in findings are shown relative to the working directory: make it stable.
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("COACH_REVIEWER", "tester")


@pytest.fixture
def llm_server(monkeypatch):
    """The LLM tests' OpenAI-compatible server on 127.0.0.1, configured as Coach's model."""
    spec = importlib.util.spec_from_file_location("coach_tui_fake_openai", SERVER_FILE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    server = module.FakeOpenAIServer().start()
    monkeypatch.setenv("COACH_MODEL", "openai/test-model")
    monkeypatch.setenv("COACH_API_BASE", server.api_base)
    monkeypatch.setenv("COACH_API_KEY", "sk-test-not-a-real-key")
    yield server
    server.stop()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "coach.db"


def run(coro) -> None:
    """Run one Pilot scenario (pytest has no asyncio plugin here; each test owns its loop)."""
    asyncio.run(coro)


async def wait_until(pilot, predicate: Callable[[], bool], timeout: float = 30.0) -> None:
    """Let the app work until `predicate()` holds; fail with a clear message otherwise."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        await pilot.pause(0.05)
        if predicate():
            await pilot.pause()
            return
    raise AssertionError(f"timed out after {timeout}s waiting for the app")


async def settle(pilot, timeout: float = 60.0) -> None:
    """Wait until the log is open and no job (lint, data, answer, draft) is running."""
    app = pilot.app

    def idle() -> bool:
        jobs = getattr(app.screen, "jobs", None)
        return app.ready.is_set() and not jobs and not app.workers._workers

    await wait_until(pilot, idle, timeout)
    await pilot.pause()


async def type_line(pilot, text: str) -> None:
    """Put `text` in the session's input line and press Enter, as a user would."""
    prompt = pilot.app.screen.query_one("#prompt")
    if pilot.app.focused is not prompt:
        prompt.focus()
        await pilot.pause()
    prompt.value = text
    await pilot.press("enter")
    await pilot.pause()


def conversation_text(app) -> str:
    """Everything the conversation pane currently shows, as plain text."""
    from textual.widgets import Static

    parts = []
    for widget in app.screen.query("#conversation Static"):
        if isinstance(widget, Static):
            parts.append(str(widget.render()))
    return "\n".join(parts)


def widget_text(widget) -> str:
    from textual.widgets import Static

    if isinstance(widget, Static):
        return str(widget.render())
    return "\n".join(str(w.render()) for w in widget.query(Static))


def db_rows(path: Path, sql: str, params: tuple = ()) -> list[tuple]:
    """Read the log file directly with sqlite3: what is really on disk."""
    with sqlite3.connect(path) as conn:
        return conn.execute(sql, params).fetchall()


@pytest.fixture
def seeded_db(db: Path) -> Path:
    """A log with two sessions and a mix of rule answers and drafts, at fixed times and ids."""
    from coach.models import Evidence, Suggestion
    from coach.store import Store

    with Store.open(db) as store:
        plan = store.ensure_session("a1b2c3d4e5f60718", title="fraud model plan")
        other = store.ensure_session("f0e1d2c3b4a59687", title="churn ideas")
        # The plan's questions come last, so `--resume` reopens the plan.
        q3 = store.add_question(other.id, "give me feature ideas for churn prediction")
        q1 = store.add_question(plan.id, "I scaled the data and then split it, is that fine?")
        q2 = store.add_question(plan.id, "0.2% are fraud and my model gets 99.8% accuracy")
        rows = [
            Suggestion(
                id="s0000000000000001",
                session_id=plan.id,
                question_id=q1.id,
                source="rule",
                rule="LEAK001",
                severity="error",
                title="Preprocessing fitted before the split",
                body="The scaler saw the test rows before the split.",
                evidence=[Evidence(kind="question", text="scaled the data and then split")],
                created=FIXED,
            ),
            Suggestion(
                id="s0000000000000002",
                session_id=plan.id,
                question_id=q2.id,
                source="rule",
                rule="IMB001",
                severity="warning",
                title="Accuracy on imbalanced classes",
                body="With 0.2% positives, always predicting 'not fraud' scores 99.8%.",
                evidence=[Evidence(kind="question", text="99.8% accuracy")],
                created=FIXED + timedelta(minutes=1),
            ),
            Suggestion(
                id="s0000000000000003",
                session_id=plan.id,
                question_id=q2.id,
                source="rule",
                rule="BASE003",
                severity="warning",
                title="Model does not beat the baseline",
                body="The majority-class baseline also scores 99.8%.",
                evidence=[Evidence(kind="question", text="99.8% accuracy")],
                created=FIXED + timedelta(minutes=2),
            ),
            Suggestion(
                id="s0000000000000005",
                session_id=plan.id,
                question_id=q2.id,
                source="llm",
                title="Brainstorm: 0.2% are fraud and my model gets 99.8% accuracy",
                body="- Compare against a majority-class baseline\n- Report PR-AUC",
                model="openai/test-model",
                prompt_tokens=200,
                completion_tokens=25,
                created=FIXED - timedelta(minutes=1),
            ),
            Suggestion(
                id="s0000000000000004",
                session_id=other.id,
                question_id=q3.id,
                source="llm",
                title="Brainstorm: feature ideas for churn prediction",
                body="- Tenure buckets\n- Support tickets in the last 30 days",
                model="openai/test-model",
                prompt_tokens=120,
                completion_tokens=30,
                created=FIXED + timedelta(minutes=3),
            ),
        ]
        store.add_suggestions(rows)
    return db


class UI:
    """The helpers above, handed to tests as the `ui` fixture (conftest is not importable)."""

    run = staticmethod(run)
    wait_until = staticmethod(wait_until)
    settle = staticmethod(settle)
    type_line = staticmethod(type_line)
    conversation_text = staticmethod(conversation_text)
    widget_text = staticmethod(widget_text)
    db_rows = staticmethod(db_rows)
    examples = EXAMPLES
    fixed = FIXED


@pytest.fixture
def ui() -> type[UI]:
    return UI
