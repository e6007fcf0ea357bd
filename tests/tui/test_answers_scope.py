"""Answers are about the question: the project's findings stay in the panel, are logged once, and
show up in an answer only for the rule the question raised (or when the question asks about the
project). The user's numbers are never silently replaced by the dataset's."""

from __future__ import annotations

from coach.tui.app import CoachApp
from coach.tui.widgets.cards import Notice, RuleCard

DATA = "examples/data/transactions.csv"


def _answer_cards(app, after: int) -> list[RuleCard]:
    """Rule cards mounted after the first `after` widgets of the conversation."""
    children = list(app.screen.query_one("#conversation").children)[after:]
    return [c for c in children if isinstance(c, RuleCard)]


def _count(ui, db, sql="SELECT COUNT(*) FROM suggestions") -> int:
    return ui.db_rows(db, sql)[0][0]


def test_answers_show_only_the_rules_the_question_raised(db, ui):
    async def scenario():
        app = CoachApp(db_path=db, repo="examples/", data=DATA, target="is_fraud")
        async with app.run_test(size=(120, 40)) as pilot:
            await ui.settle(pilot, timeout=120)
            conversation = app.screen.query_one("#conversation")
            project_logged = _count(ui, db)
            assert project_logged >= 10  # lint + data findings, logged once when found

            before = len(conversation.children)
            await ui.type_line(pilot, "Should I scale for a random forest?")
            await ui.settle(pilot)
            # No rule applies to this question: no card at all, however many the project has.
            assert _answer_cards(app, before) == []
            notices = [w for w in conversation.children[before:] if isinstance(w, Notice)]
            assert any("No rule applies" in ui.widget_text(n) for n in notices)

            before = len(conversation.children)
            await ui.type_line(pilot, "I scaled the data and then split it")
            await ui.settle(pilot)
            cards = _answer_cards(app, before)
            assert [c.suggestion.rule for c in cards] == ["LEAK001"]
            text = ui.widget_text(cards[0])
            # The same rule in the project is linked, with its place written once.
            assert "In your project" in text
            assert "examples/train.py:21 StandardScaler fitted on `X`" in text
            assert "examples/train.py:21 examples/train.py:21" not in text
            assert "train.py:21:" not in text

            # Asking again logs the answer, never the project's findings again.
            answers_before = _count(ui, db)
            await ui.type_line(pilot, "My model gets 97% accuracy, is that good?")
            await ui.settle(pilot)
            await ui.type_line(pilot, "Should I scale for a random forest?")
            await ui.settle(pilot)
            new_rules = {
                row[0]
                for row in ui.db_rows(
                    db,
                    "SELECT rule FROM suggestions ORDER BY created DESC LIMIT ?",
                    (_count(ui, db) - answers_before,),
                )
            }
            assert new_rules <= {"BASE003", "IMB001"}
            assert "LEAK004" not in new_rules and "LEAK002" not in new_rules

    ui.run(scenario())


def test_a_question_about_the_project_points_to_its_findings_without_logging_them_again(db, ui):
    async def scenario():
        app = CoachApp(db_path=db, repo="examples/")
        async with app.run_test(size=(120, 40)) as pilot:
            await ui.settle(pilot, timeout=120)
            logged = _count(ui, db)
            conversation = app.screen.query_one("#conversation")
            before = len(conversation.children)
            await ui.type_line(pilot, "any problems with my training code?")
            await ui.settle(pilot)
            notices = [
                ui.widget_text(w)
                for w in conversation.children[before:]
                if isinstance(w, Notice) and "In your project" in ui.widget_text(w)
            ]
            assert len(notices) == 1
            assert "LEAK001" in notices[0] and "examples/train.py:21" in notices[0]
            assert "ctrl+l" in notices[0]
            assert _answer_cards(app, before) == []
            assert _count(ui, db) == logged  # pointers, not new suggestions

    ui.run(scenario())


def test_the_users_numbers_are_used_and_the_datasets_shown_beside_them(db, ui):
    async def scenario():
        app = CoachApp(db_path=db, data=DATA, target="is_fraud")
        async with app.run_test(size=(120, 40)) as pilot:
            await ui.settle(pilot, timeout=120)
            conversation = app.screen.query_one("#conversation")
            before = len(conversation.children)
            await ui.type_line(pilot, "200k rows, 10% churn, my model gets 91% accuracy")
            await ui.settle(pilot)
            text = "\n".join(ui.widget_text(w) for w in conversation.children[before:])
            assert "Your numbers: 10% churn" in text
            assert "transactions.csv" in text and "3.10%" in text
            assert "This answer uses your numbers" in text
            cards = _answer_cards(app, before)
            base = next(c for c in cards if c.suggestion.rule == "BASE003")
            # 10% minority: the majority class scores 90%, and 91% is measured against that.
            assert "90%" in ui.widget_text(base)

    ui.run(scenario())
