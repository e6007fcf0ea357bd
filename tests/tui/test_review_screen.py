"""The review screen (`coach review`): filters, full-text search, detail, decisions."""

from __future__ import annotations

from textual.widgets import DataTable, Input, Select

from coach.tui.app import CoachApp
from coach.tui.screens.review import ReviewScreen


def _ids(app) -> list[str]:
    table = app.screen.query_one(DataTable)
    return [key.value for key in table.rows]


async def _set_select(pilot, app, selector: str, value) -> None:
    app.screen.query_one(selector, Select).value = value
    await pilot.pause()


async def _set_input(pilot, app, selector: str, value: str) -> None:
    app.screen.query_one(selector, Input).value = value
    await pilot.pause()


def test_review_lists_filters_and_searches_the_log(seeded_db, ui):
    async def scenario():
        app = CoachApp(db_path=seeded_db, mode="review")
        async with app.run_test(size=(120, 30)) as pilot:
            await ui.settle(pilot)
            assert isinstance(app.screen, ReviewScreen)
            # Newest first, everything in the log.
            assert _ids(app) == [
                "s0000000000000004",
                "s0000000000000003",
                "s0000000000000002",
                "s0000000000000001",
                "s0000000000000005",
            ]
            count = ui.widget_text(app.screen.query_one("#review-count"))
            assert "5 of 5 suggestions" in count

            await _set_select(pilot, app, "#filter-source", "llm")
            assert _ids(app) == ["s0000000000000004", "s0000000000000005"]
            assert "DRAFT — brainstorm, not verified" in ui.widget_text(
                app.screen.query_one("#detail-text")
            )
            await _set_select(pilot, app, "#filter-source", Select.NULL)

            await _set_input(pilot, app, "#filter-rule", "imb")
            assert _ids(app) == ["s0000000000000002"]
            await _set_input(pilot, app, "#filter-rule", "")

            await _set_select(pilot, app, "#filter-session", "f0e1d2c3b4a59687")
            assert _ids(app) == ["s0000000000000004"]
            await _set_select(pilot, app, "#filter-session", "a1b2c3d4e5f60718")
            assert len(_ids(app)) == 4
            await _set_select(pilot, app, "#filter-session", Select.NULL)

            # Full-text search over suggestion text and the question asked.
            await _set_input(pilot, app, "#filter-search", "scaler")
            assert _ids(app) == ["s0000000000000001"]
            await _set_input(pilot, app, "#filter-search", "churn")
            assert _ids(app) == ["s0000000000000004"]
            await _set_input(pilot, app, "#filter-search", "fraud")  # words of question 2
            assert _ids(app) == ["s0000000000000003", "s0000000000000002", "s0000000000000005"]
            await _set_input(pilot, app, "#filter-search", "nothing-like-this")
            assert _ids(app) == []
            assert "No suggestions match" in ui.widget_text(app.screen.query_one("#detail-text"))

    ui.run(scenario())


def test_review_decisions_go_to_the_log_and_status_filter_sees_them(seeded_db, ui):
    async def scenario():
        app = CoachApp(db_path=seeded_db, mode="review")
        async with app.run_test(size=(120, 30)) as pilot:
            await ui.settle(pilot)
            table = app.screen.query_one(DataTable)
            table.focus()
            await pilot.press("down")  # second row: BASE003
            await pilot.press("r")
            await pilot.pause()
            await pilot.press("n")
            await pilot.pause()
            await pilot.press(*"baseline is 99.8% too", "enter")
            await pilot.pause()
            await pilot.press("down", "a")  # IMB001
            await pilot.pause()
            rows = ui.db_rows(
                seeded_db, "SELECT suggestion_id, status, note FROM reviews ORDER BY rowid"
            )
            assert rows == [
                ("s0000000000000003", "rejected", None),
                ("s0000000000000003", "rejected", "baseline is 99.8% too"),
                ("s0000000000000002", "accepted", None),
            ]
            detail = ui.widget_text(app.screen.query_one("#detail-text"))
            assert "accepted by tester" in detail
            await _set_select(pilot, app, "#filter-status", "rejected")
            assert _ids(app) == ["s0000000000000003"]
            detail = ui.widget_text(app.screen.query_one("#detail-text"))
            assert "baseline is 99.8% too" in detail
            await _set_select(pilot, app, "#filter-status", "pending")
            assert _ids(app) == ["s0000000000000004", "s0000000000000001", "s0000000000000005"]

    ui.run(scenario())


def test_review_starts_with_the_filters_from_the_command_line(seeded_db, ui):
    async def scenario():
        app = CoachApp(db_path=seeded_db, mode="review", review_filters={"rule": "LEAK"})
        async with app.run_test(size=(120, 30)) as pilot:
            await ui.settle(pilot)
            assert _ids(app) == ["s0000000000000001"]
            await pilot.press("escape")  # standalone: Esc leaves the app
            await pilot.pause()
        assert app.return_code == 0

    ui.run(scenario())


def test_review_opens_over_a_session_and_escape_returns(seeded_db, ui):
    async def scenario():
        app = CoachApp(db_path=seeded_db)
        async with app.run_test(size=(100, 30)) as pilot:
            await ui.settle(pilot)
            await ui.type_line(pilot, "/review")
            await ui.settle(pilot)
            assert isinstance(app.screen, ReviewScreen)
            assert len(_ids(app)) == 5
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen.__class__.__name__ == "SessionScreen"

    ui.run(scenario())


def test_decisions_made_on_the_review_screen_show_on_the_session_cards(seeded_db, ui):
    from coach.tui.widgets.cards import RuleCard

    async def scenario():
        app = CoachApp(db_path=seeded_db, resume=True)
        async with app.run_test(size=(100, 30)) as pilot:
            await ui.settle(pilot)
            card = next(
                c for c in app.screen.query(RuleCard) if c.suggestion.id == "s0000000000000001"
            )
            assert card.status == "pending"
            await pilot.press("ctrl+r")
            await ui.settle(pilot)
            await _set_input(pilot, app, "#filter-rule", "LEAK001")
            app.screen.query_one(DataTable).focus()
            await pilot.press("a")
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()
            assert card.status == "accepted"
            assert "accepted" in ui.widget_text(card)
            assert "LEAK001" not in ui.widget_text(app.screen.query_one("#panel-open"))

    ui.run(scenario())


def test_review_of_an_empty_log_says_how_to_fill_it(db, ui):
    async def scenario():
        app = CoachApp(db_path=db, mode="review")
        async with app.run_test(size=(100, 30)) as pilot:
            await ui.settle(pilot)
            assert _ids(app) == []
            detail = ui.widget_text(app.screen.query_one("#detail-text"))
            assert "The log has no suggestions yet." in detail
            assert "0 of 0 suggestions" in ui.widget_text(app.screen.query_one("#review-count"))

    ui.run(scenario())
