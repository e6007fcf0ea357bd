"""Snapshots of the main screens (pytest-textual-snapshot). Fixed data, fixed sizes.

After an intended change of the look: `pytest tests/tui/test_snapshots.py --snapshot-update`,
then check the new SVGs in tests/tui/__snapshots__/ (open them in a browser) before committing.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from textual.widgets import Input

from coach.tui.app import CoachApp

FIXED_RULES = Path(__file__).parent / "fixtures" / "rules"


@pytest.fixture(autouse=True)
def _fixed_catalog(monkeypatch):
    """Cards show rule texts; snapshots use a fixed catalog so that improving a rule's wording
    does not change them (the real catalog is used by every other app test)."""
    import coach.catalog

    catalog = coach.catalog.load_catalog(FIXED_RULES)
    monkeypatch.setattr(coach.catalog, "default_catalog", lambda: catalog)
    # Modules that imported the function by name (coach.ask, the router) before this test ran
    # would still answer from the real catalog: the picture would depend on test order.
    for name, module in list(sys.modules.items()):
        if name.startswith("coach.") and getattr(module, "default_catalog", None) is not None:
            monkeypatch.setattr(module, "default_catalog", lambda: catalog)


async def _steady(pilot) -> None:
    """No blinking cursor: a screenshot must not depend on when it is taken."""
    for screen in pilot.app.screen_stack:
        for widget in screen.query(Input):
            widget.cursor_blink = False
    await pilot.pause()


def _settled(ui, *keys: str):
    async def run_before(pilot) -> None:
        await ui.settle(pilot)
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        await ui.settle(pilot)
        await _steady(pilot)

    return run_before


def test_session_start_80x24(snap_compare, db, ui):
    app = CoachApp(db_path=db, theme="textual-dark")
    assert snap_compare(app, terminal_size=(80, 24), run_before=_settled(ui))


def test_resumed_session_100x30(snap_compare, seeded_db, ui):
    app = CoachApp(db_path=seeded_db, resume=True, theme="textual-dark")

    async def run_before(pilot) -> None:
        await ui.settle(pilot)
        # The second answer: the draft card (focused), then rule cards, one with "why" open.
        pilot.app.screen.query("RuleCard").last().focus()
        await pilot.press("w")
        await ui.settle(pilot)
        draft = pilot.app.screen.query_one("DraftCard")
        draft.focus(scroll_visible=False)
        draft.scroll_visible(top=True, animate=False)
        await _steady(pilot)

    assert snap_compare(app, terminal_size=(100, 30), run_before=run_before)


def test_review_screen_100x30(snap_compare, seeded_db, ui):
    app = CoachApp(db_path=seeded_db, mode="review", theme="textual-dark")
    assert snap_compare(app, terminal_size=(100, 30), run_before=_settled(ui, "down"))


def test_review_screen_narrow_80x24(snap_compare, seeded_db, ui):
    app = CoachApp(db_path=seeded_db, mode="review", theme="textual-dark")
    assert snap_compare(app, terminal_size=(80, 24), run_before=_settled(ui))


def test_help_screen_80x24(snap_compare, db, ui):
    app = CoachApp(db_path=db, theme="textual-dark")
    assert snap_compare(app, terminal_size=(80, 24), run_before=_settled(ui, "f1"))


def test_light_theme_session_100x30(snap_compare, seeded_db, ui):
    app = CoachApp(db_path=seeded_db, resume=True, theme="textual-light")
    assert snap_compare(app, terminal_size=(100, 30), run_before=_settled(ui))


def test_lint_screen_100x30(snap_compare, db, ui):
    """The lint screen on a fixed report (the linter's own wording changes independently)."""
    from coach.lint.model import FileReport, LintReport, LintSummary
    from coach.models import Finding, Location

    path = "tests/tui/fixtures/leaky_train.py"
    report = LintReport(
        version="test",
        files=[FileReport(path=path, status="ok", models_found=True, evaluation_found=True)],
        findings=[
            Finding(
                rule="LEAK001",
                detector="code",
                message="`StandardScaler` fitted on all rows at line 11; the rows are split at "
                "line 12, so test rows shape the scaling.",
                location=Location(path=path, line=11, column=0),
                related=[Location(path=path, line=12, message="split into train/test here")],
            ),
            Finding(
                rule="IMB001",
                detector="code",
                message="The classifier is judged by accuracy alone (line 15).",
                location=Location(path=path, line=15, column=0),
            ),
        ],
        summary=LintSummary(files=1, files_with_models=1, findings=2, errors=0),
    )
    app = CoachApp(db_path=db, theme="textual-dark")

    async def run_before(pilot) -> None:
        await ui.settle(pilot)
        pilot.app.lint_result = (path, report, [])
        pilot.app.open_findings()
        await pilot.pause()
        await _steady(pilot)

    assert snap_compare(app, terminal_size=(100, 30), run_before=run_before)


def test_resumed_session_wide_160x40(snap_compare, seeded_db, ui):
    app = CoachApp(db_path=seeded_db, resume=True, theme="textual-dark")
    assert snap_compare(app, terminal_size=(160, 40), run_before=_settled(ui))


def _planning(ui, *lines: str, focus_quick: bool = True):
    """Type `lines` one by one, each settled, then show the newest quick question."""

    async def run_before(pilot) -> None:
        await ui.settle(pilot, timeout=120)
        for line in lines:
            await ui.type_line(pilot, line)
            await ui.settle(pilot, timeout=120)
        cards = pilot.app.screen.query("QuickQuestionCard")
        if focus_quick and cards:
            cards.last().focus(scroll_visible=False)
        # Under load the newest widgets are laid out a few frames later: scroll to the end only
        # once the layout has stopped changing, so the picture does not depend on timing.
        conversation = pilot.app.screen.query_one("#conversation")
        for _ in range(3):
            await pilot.pause(0.1)
            conversation.scroll_end(animate=False)
        await ui.settle(pilot)
        await _steady(pilot)

    return run_before


PLANNING = (
    "We split the data by time: train on 2023, test on 2024",
    "I scaled the data and then split it",
    "/plan",
)


def test_plan_panel_and_quick_question_80x24(snap_compare, db, ui):
    app = CoachApp(db_path=db, theme="textual-dark")
    assert snap_compare(app, terminal_size=(80, 24), run_before=_planning(ui, *PLANNING))


def test_plan_panel_with_data_and_charts_120x40(snap_compare, db, ui):
    app = CoachApp(
        db_path=db,
        data="examples/data/transactions.csv",
        target="is_fraud",
        theme="textual-dark",
    )
    assert snap_compare(app, terminal_size=(120, 40), run_before=_planning(ui, *PLANNING))
