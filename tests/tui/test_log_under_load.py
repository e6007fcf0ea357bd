"""The log with the app open: the app's long-lived store, other `coach` processes reading and
writing the same file at the same time, and writers killed with SIGKILL mid-write. Nothing the
app or a finished command reported may be lost, the app never shows a failed answer, and SQLite's
full integrity check passes at the end (this is how the log was corrupted before)."""

from __future__ import annotations

import asyncio
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

from coach.tui.app import CoachApp
from coach.tui.widgets.cards import RuleCard

# A writer that logs sessions in a loop until it is killed with SIGKILL.
_ENDLESS_WRITER = textwrap.dedent(
    """
    import sys
    from coach.models import Suggestion
    from coach.store import Store
    with Store.open(sys.argv[1]) as store:
        while True:
            s = store.create_session(title="killed writer")
            q = store.add_question(s.id, "writer question")
            store.add_suggestions([
                Suggestion(session_id=s.id, question_id=q.id, source="rule", title=f"w{i}")
                for i in range(20)
            ])
    """
)

QUESTIONS = [
    "I scaled the data and then split it into train and test",
    "0.2% are fraud and my model gets 99.8% accuracy",
    "1% of the rows are fraud and the model reaches 99% accuracy",
    "I scaled the data and then split it into train and test, again",
]


def _coach(*args: str, db: Path) -> subprocess.Popen:
    env = {**os.environ, "COACH_DB": str(db)}
    return subprocess.Popen(
        [sys.executable, "-m", "coach", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_app_and_cli_processes_share_the_log_without_damage(db, ui):
    children: list[subprocess.Popen] = []
    cli_questions: dict[str, subprocess.Popen] = {}

    def start_others(round_no: int) -> None:
        children.append(_coach("log", "list", "--limit", "30", db=db))
        children.append(_coach("log", "search", "scaled", "--limit", "30", db=db))
        text = f"I scaled the data and then split it (cli round {round_no})"
        cli_questions[text] = _coach("ask", "--no-llm", text, db=db)
        killed = subprocess.Popen(
            [sys.executable, "-c", _ENDLESS_WRITER, str(db)], env={**os.environ}
        )
        children.append(killed)
        killers.append(killed)

    killers: list[subprocess.Popen] = []

    async def scenario():
        app = CoachApp(db_path=db)
        async with app.run_test(size=(100, 30)) as pilot:
            await ui.settle(pilot)
            for round_no, question in enumerate(QUESTIONS):
                start_others(round_no)
                await pilot.pause(0.8)  # let the writers get going before the app writes too
                await ui.type_line(pilot, question)
                await ui.settle(pilot, timeout=120)
                for proc in killers:
                    if proc.poll() is None:
                        proc.send_signal(signal.SIGKILL)  # mid-write, most likely
                killers.clear()
            await ui.settle(pilot)
            assert not app.screen.query(".notice.-error"), ui.conversation_text(app)
            shown = {c.suggestion.id for c in app.screen.query(RuleCard)}
            session_id = app.backend.session.id
        return shown, session_id

    try:
        shown, session_id = asyncio.run(scenario())
        for proc in [*children, *cli_questions.values()]:
            proc.communicate(timeout=120)
    finally:
        for proc in [*children, *cli_questions.values()]:
            if proc.poll() is None:
                proc.kill()
                proc.wait()

    for proc in cli_questions.values():
        assert proc.returncode == 0
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        # Everything the app showed is in the log, under the app's session.
        logged = {
            r[0]
            for r in con.execute("SELECT id FROM suggestions WHERE session_id = ?", [session_id])
        }
        assert shown and shown <= logged
        asked = {
            r[0]
            for r in con.execute("SELECT text FROM questions WHERE session_id = ?", [session_id])
        }
        assert asked == set(QUESTIONS)
        # Every `coach ask` that finished has its question and its rule answer logged.
        for text in cli_questions:
            row = con.execute(
                "SELECT COUNT(*) FROM suggestions s JOIN questions q ON q.id = s.question_id "
                "WHERE q.text = ? AND s.rule = 'LEAK001'",
                [text],
            ).fetchone()
            assert row[0] == 1, text
        # The killed writers' transactions are all-or-nothing: 20 suggestions per question.
        partial = con.execute(
            "SELECT q.id, COUNT(s.id) FROM questions q LEFT JOIN suggestions s "
            "ON s.question_id = q.id WHERE q.text = 'writer question' GROUP BY q.id "
            "HAVING COUNT(s.id) NOT IN (0, 20)"
        ).fetchall()
        assert partial == []
    finally:
        con.close()
