"""Questions answered by rules, and LLM drafts streamed from a real loopback HTTP server."""

from __future__ import annotations

from coach.tui.app import CoachApp
from coach.tui.widgets.cards import DraftCard, Notice, RuleCard


def test_question_is_answered_by_rule_cards_with_evidence(db, ui):
    async def scenario():
        app = CoachApp(db_path=db)
        async with app.run_test(size=(100, 30)) as pilot:
            await ui.settle(pilot)
            await ui.type_line(pilot, "I scaled the data and then split it into train and test")
            await ui.settle(pilot)
            cards = [c for c in app.screen.query(RuleCard) if c.suggestion.rule == "LEAK001"]
            assert len(cards) == 1
            text = ui.widget_text(cards[0])
            assert "LEAK001" in text and "error" in text
            assert "“scaled the data and then split" in text  # the user's own words
            assert "Fix  Split first" in text
            assert text.count("Split first") == 1  # the fix is not repeated from the log body
            assert not list(app.screen.query(DraftCard))
            # Logged: the question with its route, the suggestion with the question's id.
            questions = ui.db_rows(db, "SELECT id, text, route FROM questions")
            assert [(q[1], q[2]) for q in questions] == [
                ("I scaled the data and then split it into train and test", "rules")
            ]
            logged = ui.db_rows(db, "SELECT question_id, rule, source FROM suggestions")
            assert (questions[0][0], "LEAK001", "rule") in logged
            assert {row[0] for row in logged} == {questions[0][0]}
            assert len(logged) == len(app.screen.query(RuleCard))  # what is shown is logged
            # "why" expands on demand.
            cards[0].focus()
            await pilot.pause()
            assert app.focused is cards[0]
            await pilot.press("w")
            await ui.wait_until(pilot, lambda: len(cards[0].query(".card-why-text")) == 1, 10)
            assert "Why it matters." in ui.widget_text(cards[0].query_one(".card-why-text"))

    ui.run(scenario())


def test_no_rule_and_no_llm_says_so_plainly(db, ui):
    async def scenario():
        app = CoachApp(db_path=db)
        async with app.run_test(size=(100, 30)) as pilot:
            await ui.settle(pilot)
            await ui.type_line(pilot, "how do I bake sourdough bread at home?")
            await ui.settle(pilot)
            text = ui.conversation_text(app)
            assert "No rule in Coach's catalog applies to this question." in text
            assert "No LLM is configured, so Coach cannot brainstorm" in text
            assert not list(app.screen.query(RuleCard))
            assert not list(app.screen.query(DraftCard))
            assert ui.db_rows(db, "SELECT route FROM questions") == [("draft",)]

            await ui.type_line(pilot, "/brainstorm features for churn")
            await ui.settle(pilot)
            assert not list(app.screen.query(DraftCard))  # nothing drafted, nothing pretended
            assert ui.db_rows(db, "SELECT COUNT(*) FROM suggestions WHERE source = 'llm'") == [(0,)]

    ui.run(scenario())


def test_brainstorm_streams_a_draft_card_while_the_input_stays_usable(db, ui, llm_server):
    llm_server.chunk_delay = 0.15

    async def scenario():
        app = CoachApp(db_path=db)
        async with app.run_test(size=(100, 30)) as pilot:
            await ui.settle(pilot)
            await ui.type_line(pilot, "/brainstorm feature ideas for churn prediction")
            card = app.screen.query_one(DraftCard)
            assert "DRAFT — brainstorm, not verified" in ui.widget_text(card)
            # Part of the answer is on screen while the stream is still running.
            await ui.wait_until(pilot, lambda: card.text.strip() != "", timeout=60)
            assert app.screen.jobs, "the draft should still be streaming"
            partial = card.text
            assert llm_server.reply.startswith(partial) and partial != llm_server.reply
            # The user can type meanwhile.
            await pilot.press(*"next question")
            assert app.screen.query_one("#prompt").value == "next question"
            await ui.settle(pilot)
            assert card.text.strip() == llm_server.reply.strip()
            assert card.state == "done" and card.error is None
            shown = ui.widget_text(card)
            assert "Plan downgrades as an early signal." in shown
            assert "openai/test-model" in shown
            # Logged as a draft, with provenance; the request really streamed over HTTP.
            rows = ui.db_rows(db, "SELECT id, source, draft, status, model, body FROM suggestions")
            assert len(rows) == 1
            sid, source, draft, status, model, body = rows[0]
            assert (source, draft, status, model) == ("llm", 1, "pending", "openai/test-model")
            assert body.strip() == llm_server.reply.strip()
            assert llm_server.requests and llm_server.requests[-1]["body"]["stream"] is True
            # A draft is reviewable like any card.
            card.focus()
            await pilot.press("a")
            await pilot.pause()
            assert ui.db_rows(db, "SELECT suggestion_id, status FROM reviews") == [
                (sid, "accepted")
            ]

    ui.run(scenario())


def test_escape_cancels_a_streaming_draft_and_keeps_what_arrived(db, ui, llm_server):
    llm_server.chunk_delay = 1.0

    async def scenario():
        app = CoachApp(db_path=db)
        async with app.run_test(size=(100, 30)) as pilot:
            await ui.settle(pilot)
            await ui.type_line(pilot, "/brainstorm feature ideas for churn prediction")
            card = app.screen.query_one(DraftCard)
            await ui.wait_until(pilot, lambda: card.text.strip() != "", timeout=60)
            await pilot.press("escape")
            await ui.settle(pilot, timeout=15)
            assert card.error and "cancelled" in card.error
            assert "Cancelled: brainstorming." in ui.conversation_text(app)
            assert any(n.has_class("-warning") for n in app.screen.query(Notice))
            rows = ui.db_rows(db, "SELECT status, error, body FROM suggestions")
            assert len(rows) == 1
            status, error, body = rows[0]
            assert status == "failed" and "cancelled" in error
            assert body.startswith(card.text.strip().splitlines()[0])  # partial text kept
            assert ui.db_rows(db, "SELECT text FROM questions") == [
                ("feature ideas for churn prediction",)
            ]

    ui.run(scenario())


def test_the_why_of_a_rule_card_opens_with_the_mouse_too(db, ui):
    async def scenario():
        app = CoachApp(db_path=db)
        async with app.run_test(size=(100, 40)) as pilot:
            await ui.settle(pilot)
            await ui.type_line(pilot, "I scaled the data and then split it into train and test")
            await ui.settle(pilot)
            card = app.screen.query(RuleCard).first()
            toggle = card.query_one(".card-why")
            toggle.scroll_visible(animate=False)
            await pilot.pause()
            await pilot.click(toggle)
            await ui.wait_until(pilot, lambda: len(card.query(".card-why-text")) == 1, 10)
            assert app.focused is card
            await pilot.click(card.query_one(".card-why"))
            await ui.wait_until(pilot, lambda: len(card.query(".card-why-text")) == 0, 10)

    ui.run(scenario())
