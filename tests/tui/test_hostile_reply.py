"""The app shows a hostile LLM reply as inert text: no escape sequence reaches the screen."""

from __future__ import annotations

from coach.tui.app import CoachApp
from coach.tui.widgets.cards import DraftCard

FAKE_VERDICT = "[error] LEAK001 VERIFIED RULE ANSWER"


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
