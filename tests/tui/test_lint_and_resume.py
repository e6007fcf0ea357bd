"""Attaching a repository (findings in the panel and on the lint screen) and resuming."""

from __future__ import annotations

from coach.tui.app import CoachApp
from coach.tui.screens.lint import FindingCard, LintScreen
from coach.tui.widgets.cards import DraftCard, QuestionBubble, RuleCard


def test_coach_path_lints_the_example_repo_into_the_panel_and_lint_screen(db, ui):
    async def scenario():
        app = CoachApp(db_path=db, repo="examples")  # what `coach examples` does
        async with app.run_test(size=(100, 30)) as pilot:
            await ui.settle(pilot)
            panel = ui.widget_text(app.screen.query_one("#panel-repo"))
            assert "examples" in panel
            assert "2 with models" in panel  # train.py and explore.ipynb
            assert "● LEAK" in panel and "● IMB" in panel and "● BASE" in panel
            open_panel = ui.widget_text(app.screen.query_one("#panel-open"))
            assert "LEAK001" in open_panel

            await pilot.press("ctrl+l")
            await pilot.pause()
            assert isinstance(app.screen, LintScreen)
            headers = [ui.widget_text(h) for h in app.screen.query(".file-header")]
            assert any(h.startswith("examples/train.py") for h in headers)
            assert any(h.startswith("examples/explore.ipynb") for h in headers)
            cards = list(app.screen.query(FindingCard))
            leak = next(
                c
                for c in cards
                if c.finding.rule == "LEAK001"
                and c.finding.location.path == "examples/train.py"
                and "scaler" in ui.widget_text(c).lower()
            )
            text = ui.widget_text(leak)
            # The mistake's own source line, marked, and the related split line.
            assert "▶" in text and "scaler.fit_transform(X)" in text
            assert "train_test_split(X_scaled, y, test_size=0.2)" in text
            # Reviewing a finding here goes to the log like anywhere else.
            leak.focus()
            await pilot.press("r")
            await pilot.pause()
            assert ui.db_rows(
                db, "SELECT status FROM reviews WHERE suggestion_id = ?", (leak.suggestion.id,)
            ) == [("rejected",)]
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen.__class__.__name__ == "SessionScreen"
            # Linting again logs no duplicates.
            before = ui.db_rows(db, "SELECT COUNT(*) FROM suggestions")[0][0]
            await ui.type_line(pilot, "/lint examples")
            await ui.settle(pilot)
            assert ui.db_rows(db, "SELECT COUNT(*) FROM suggestions")[0][0] == before

    ui.run(scenario())


def test_lint_of_a_missing_path_says_so(db, ui):
    async def scenario():
        app = CoachApp(db_path=db)
        async with app.run_test(size=(100, 30)) as pilot:
            await ui.settle(pilot)
            await ui.type_line(pilot, "/lint no/such/dir")
            await ui.settle(pilot)
            assert "no/such/dir: no such file or directory" in ui.conversation_text(app)
            assert "no such file" in ui.widget_text(app.screen.query_one("#panel-repo"))
            await pilot.press("ctrl+l")
            await pilot.pause()
            assert "No repository linted yet." in ui.conversation_text(app)

    ui.run(scenario())


def test_resume_reopens_the_last_session_from_the_log(seeded_db, ui):
    async def scenario():
        app = CoachApp(db_path=seeded_db, resume=True)
        async with app.run_test(size=(100, 30)) as pilot:
            await ui.settle(pilot)
            questions = [ui.widget_text(q) for q in app.screen.query(QuestionBubble)]
            assert questions == [
                "You  I scaled the data and then split it, is that fine?",
                "You  0.2% are fraud and my model gets 99.8% accuracy",
            ]
            rules = [c.suggestion.rule for c in app.screen.query(RuleCard)]
            assert rules == ["LEAK001", "IMB001", "BASE003"]
            assert "Resumed: fraud model plan" in ui.conversation_text(app)
            assert "2 questions, 4 suggestions from the log." in ui.conversation_text(app)
            drafts = list(app.screen.query(DraftCard))
            assert len(drafts) == 1
            assert "DRAFT — brainstorm, not verified" in ui.widget_text(drafts[0])
            # The earlier questions are in the input history.
            prompt = app.screen.query_one("#prompt")
            await pilot.press("up")
            assert prompt.value == "0.2% are fraud and my model gets 99.8% accuracy"
            # New work joins the resumed session.
            assert app.backend.session.id == "a1b2c3d4e5f60718"

    ui.run(scenario())


def test_resume_with_an_empty_log_explains(db, ui):
    async def scenario():
        app = CoachApp(db_path=db, resume=True)
        async with app.run_test(size=(100, 30)) as pilot:
            await ui.settle(pilot)
            text = ui.conversation_text(app)
            assert "There is no earlier session in the log to resume; this is a new one." in text
            assert "Cannot open the log" not in text
            await ui.type_line(pilot, "/data examples/data/transactions.csv --target is_fraud")
            await ui.settle(pilot)
            assert ui.db_rows(db, "SELECT COUNT(*) FROM sessions")[0][0] == 1

    ui.run(scenario())
