"""The app shows a hostile LLM reply as inert text: no escape sequence reaches the screen."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from coach.tui.app import CoachApp
from coach.tui.widgets.cards import DraftCard

SERVER_FILE = Path(__file__).resolve().parents[1] / "llm" / "fake_openai_server.py"
FAKE_VERDICT = "[error] LEAK001 VERIFIED RULE ANSWER"


@pytest.fixture
def llm_server(monkeypatch):
    spec = importlib.util.spec_from_file_location("coach_tui_fake_openai_hostile", SERVER_FILE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    server = module.FakeOpenAIServer().start()
    monkeypatch.setenv("COACH_MODEL", "openai/test-model")
    monkeypatch.setenv("COACH_API_BASE", server.api_base)
    monkeypatch.setenv("COACH_API_KEY", "sk-test-not-a-real-key")
    yield server
    server.stop()


def test_a_reply_full_of_escape_codes_is_shown_as_plain_words(db, ui, llm_server):
    llm_server.reply = (
        "Ideas\x1b[2J\x1b[H \x1b[32m" + FAKE_VERDICT + "\x1b[0m\x1b]0;pwned\x07 tenure\rX"
    )

    async def scenario():
        app = CoachApp(db_path=db)
        async with app.run_test(size=(100, 30)) as pilot:
            await ui.settle(pilot)
            await ui.type_line(pilot, "/brainstorm feature ideas for churn prediction")
            await ui.settle(pilot)
            card = app.screen.query_one(DraftCard)
            for text in (card.text, ui.widget_text(card)):
                assert "\x1b" not in text and "\x07" not in text and "\r" not in text
            assert FAKE_VERDICT in card.text and "DRAFT" in ui.widget_text(card)

    ui.run(scenario())
