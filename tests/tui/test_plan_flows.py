"""The plan in the app: filled from questions, /lint, /data and quick answers; /plan and its
export; and the session's feel (exports folder, resume, scrolling, errors)."""

from __future__ import annotations

from pathlib import Path

from coach.tui.app import CoachApp
from coach.tui.widgets.plan import QuickQuestionCard

DATA = "examples/data/transactions.csv"


def plan_panel(app, ui) -> str:
    return ui.widget_text(app.screen.query_one("#panel-plan"))


def test_the_plan_fills_from_what_the_user_says(db, ui):
    async def scenario():
        app = CoachApp(db_path=db)
        async with app.run_test(size=(120, 40)) as pilot:
            await ui.settle(pilot)
            assert "○ Split open" in plan_panel(app, ui)
            await ui.type_line(pilot, "We split the data by time: train on 2023, test on 2024")
            await ui.settle(pilot)
            assert "✓ Split by time" in plan_panel(app, ui)
            # The turn says what it settled, with the user's words, and what comes next.
            text = ui.conversation_text(app)
            assert "✓ Split strategy (random, time or group, and why) — split: by time" in text
            assert "(“split the data by time”)" in text
            assert "Next: Problem and success metric:" in text
            await ui.type_line(pilot, "I scaled the data and then split it")
            await ui.settle(pilot)
            assert "! Leakage at risk: LEAK001" in plan_panel(app, ui)
            heading = ui.widget_text(app.screen.query_one("#plan-title"))
            assert heading == "Plan  ✓1 !1 ○6"

    ui.run(scenario())


def test_lint_and_data_fill_the_plan_and_a_time_column_flags_a_random_split(db, ui, tmp_path):
    csv = tmp_path / "orders.csv"
    rows = ["order_date,amount,churned"] + [
        f"2024-01-{(i % 28) + 1:02d},{i * 1.5},{int(i % 10 == 0)}" for i in range(200)
    ]
    csv.write_text("\n".join(rows) + "\n")

    async def scenario():
        app = CoachApp(db_path=db, repo="examples/")
        async with app.run_test(size=(120, 40)) as pilot:
            await ui.settle(pilot, timeout=120)
            panel = plan_panel(app, ui)
            assert "! Leakage at risk: LEAK001, LEAK002" in panel  # from /lint
            assert "! Baseline at risk: BASE001" in panel
            await ui.type_line(pilot, "I use a random stratified split")
            await ui.settle(pilot)
            await ui.type_line(pilot, f"/data {csv} --target churned")
            await ui.settle(pilot, timeout=120)
            panel = plan_panel(app, ui)
            # The decision stays visible next to what puts it at risk.
            assert "! Split random and stratified · IMB002, time column" in panel
            split = app.backend.plan.item("split")
            assert any("'order_date'" in risk.text for risk in split.risks)

    ui.run(scenario())


def test_quick_answers_decide_an_item_by_number_and_are_replayed_on_resume(db, ui):
    async def scenario():
        app = CoachApp(db_path=db)
        async with app.run_test(size=(100, 30)) as pilot:
            await ui.settle(pilot)
            await ui.type_line(pilot, "/plan split")
            card = app.screen.query(QuickQuestionCard).last()
            assert card.question.prompt.startswith("How will train and test be split")
            assert "2  By time" in ui.widget_text(card) or card.query("Button")
            # A lone number typed in the input answers the question on screen.
            await ui.type_line(pilot, "2")
            await ui.settle(pilot)
            assert card.chosen is not None and card.chosen.label.startswith("By time")
            assert "✓ Split by time" in plan_panel(app, ui)
            # The next open item is asked at once; pressing its number on the card answers it.
            following = app.screen.query(QuickQuestionCard).last()
            assert following is not card and following.question.item == "problem"
            following.focus()
            await pilot.press("1")
            await ui.settle(pilot)
            assert "✓ Metric PR-AUC" in plan_panel(app, ui)
        rows = ui.db_rows(db, "SELECT text, route FROM questions ORDER BY created")
        assert rows[-2][0].startswith("/plan split: By time") and rows[-2][1] == "plan"

        resumed = CoachApp(db_path=db, resume=True)
        async with resumed.run_test(size=(100, 30)) as pilot:
            await ui.settle(pilot)
            panel = plan_panel(resumed, ui)
            assert "✓ Split by time" in panel and "✓ Metric PR-AUC" in panel

    ui.run(scenario())


def test_plan_command_shows_the_plan_and_export_writes_markdown_to_the_exports_folder(
    db, ui, tmp_path
):
    exports = tmp_path / "out"

    async def scenario():
        app = CoachApp(db_path=db, export_dir=exports)
        async with app.run_test(size=(100, 30)) as pilot:
            await ui.settle(pilot)
            await ui.type_line(pilot, "We split the data by time: train on 2023, test on 2024")
            await ui.settle(pilot)
            await ui.type_line(pilot, "/plan")
            text = ui.conversation_text(app)
            assert "Plan: 1 decided, 0 at risk, 7 open" in text
            assert "split: by time — your words: “split the data by time”" in text
            # /plan asks the next open item.
            assert app.screen.query(QuickQuestionCard).last().question.item == "problem"
            await ui.type_line(pilot, "/plan export")
            await ui.settle(pilot)
            await pilot.press("ctrl+s")
            await ui.settle(pilot)
            text = ui.conversation_text(app)
            plan_file = next(exports.glob("coach-plan-*.md"))
            session_file = next(exports.glob("coach-session-*.md"))
            assert f"Wrote {plan_file}" in text
            assert f"Wrote {session_file}" in text
            markdown = plan_file.read_text()
            assert "## 3. Split strategy (random, time or group, and why) — decided" in markdown
            assert "## Open risks" in markdown

    ui.run(scenario())


def test_exports_default_to_a_folder_beside_the_log(db, ui):
    async def scenario():
        app = CoachApp(db_path=db)
        async with app.run_test(size=(100, 30)) as pilot:
            await ui.settle(pilot)
            await ui.type_line(pilot, "/plan export")
            await ui.settle(pilot)
            out = next((db.parent / "exports").glob("coach-plan-*.md"))
            assert f"Wrote {out}" in ui.conversation_text(app)

    ui.run(scenario())


def test_resume_restores_the_latest_attachments_not_the_first(db, ui, tmp_path):
    other = tmp_path / "small.csv"
    other.write_text("x,y\n" + "\n".join(f"{i},{i % 2}" for i in range(40)) + "\n")
    single = tmp_path / "single.py"
    single.write_text("print('hello')\n")

    async def scenario():
        app = CoachApp(db_path=db, repo="examples/", data=DATA, target="is_fraud")
        async with app.run_test(size=(100, 30)) as pilot:
            await ui.settle(pilot, timeout=120)
            await ui.type_line(pilot, f"/lint {single}")
            await ui.settle(pilot)
            await ui.type_line(pilot, f"/data {other} --target y")
            await ui.settle(pilot, timeout=120)

        resumed = CoachApp(db_path=db, resume=True)
        async with resumed.run_test(size=(100, 30)) as pilot:
            await ui.settle(pilot, timeout=120)
            assert resumed.backend.repo == str(single)
            assert resumed.backend.data == str(other)
            assert resumed.backend.target == "y"
            assert resumed.screen.sub_title == f"repo {single} · data {other}"

    ui.run(scenario())


def test_a_failed_dataset_leaves_no_stale_dataset_in_the_header(db, ui, tmp_path):
    async def scenario():
        app = CoachApp(db_path=db, data=DATA, target="is_fraud")
        async with app.run_test(size=(100, 30)) as pilot:
            await ui.settle(pilot, timeout=120)
            assert "data examples/data/transactions.csv" in app.screen.sub_title
            await ui.type_line(pilot, f"/data {tmp_path / 'missing.csv'} --target y")
            await ui.settle(pilot)
            assert "transactions.csv" not in app.screen.sub_title
            assert app.backend.data is None
            panel = ui.widget_text(app.screen.query_one("#panel-data"))
            assert "missing.csv" in panel

    ui.run(scenario())


def test_brainstorm_without_an_llm_says_how_to_configure_one(db, ui, monkeypatch):
    for name in ("COACH_MODEL", "COACH_API_BASE", "COACH_API_KEY", "OPENAI_API_KEY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(Path(db).parent / "config"))

    async def scenario():
        app = CoachApp(db_path=db)
        async with app.run_test(size=(100, 30)) as pilot:
            await ui.settle(pilot)
            await ui.type_line(pilot, "/brainstorm features for churn")
            await ui.settle(pilot)
            text = ui.conversation_text(app)
            assert "No LLM is configured" in text
            assert "COACH_MODEL" in text
            assert "No rule applies" not in text

    ui.run(scenario())


def test_page_keys_scroll_the_conversation_from_the_input(db, ui):
    async def scenario():
        app = CoachApp(db_path=db)
        async with app.run_test(size=(80, 24)) as pilot:
            await ui.settle(pilot)
            for _ in range(4):
                await ui.type_line(pilot, "/help")
            conversation = app.screen.query_one("#conversation")
            await pilot.pause()
            assert conversation.max_scroll_y > 20
            prompt = app.screen.query_one("#prompt")
            await pilot.press("end")
            await pilot.pause()
            bottom = conversation.scroll_y
            await pilot.press("pageup")
            await pilot.pause()
            assert conversation.scroll_y < bottom
            assert app.focused is prompt
            await pilot.press("home")
            await pilot.pause()
            assert conversation.scroll_y == 0
            await pilot.press("pagedown")
            await pilot.pause()
            assert conversation.scroll_y > 0
            # In a typed line, Home and End move the cursor as usual.
            prompt.value = "abc"
            await pilot.press("home")
            assert prompt.cursor_position == 0
            assert app.focused is prompt

    ui.run(scenario())
