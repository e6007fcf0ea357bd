"""The planning session, driven through Textual's Pilot against a real log file."""

from __future__ import annotations

from coach.tui.app import CoachApp
from coach.tui.widgets.cards import Notice, RuleCard


def test_bad_commands_get_help_not_silence(db, ui):
    async def scenario():
        app = CoachApp(db_path=db)
        async with app.run_test(size=(100, 30)) as pilot:
            await ui.settle(pilot)
            await ui.type_line(pilot, "/lnt examples")
            await ui.type_line(pilot, "/data examples/data/transactions.csv")
            await ui.type_line(pilot, "/baseline")
            text = ui.conversation_text(app)
            assert "Unknown command /lnt. Did you mean /lint?" in text
            assert "/brainstorm TEXT" in text  # the full command list came with it
            assert "/data needs --target COL" in text
            assert "Usage: /data FILE --target COL" in text
            assert "No dataset attached yet." in text
            errors = [n for n in app.screen.query(Notice) if n.has_class("-error")]
            assert len(errors) == 3
            # Nothing was logged for mistyped commands.
            assert ui.db_rows(db, "SELECT COUNT(*) FROM suggestions")[0][0] == 0

    ui.run(scenario())


def test_input_history_recalls_earlier_lines(db, ui):
    async def scenario():
        app = CoachApp(db_path=db)
        async with app.run_test(size=(100, 30)) as pilot:
            await ui.settle(pilot)
            await ui.type_line(pilot, "/help")
            await ui.type_line(pilot, "/help lint")
            prompt = app.screen.query_one("#prompt")
            prompt.value = "half typed"
            await pilot.press("up")
            assert prompt.value == "/help lint"
            await pilot.press("up", "up")
            assert prompt.value == "/help"
            await pilot.press("down", "down")
            assert prompt.value == "half typed"

    ui.run(scenario())


def test_attached_dataset_shows_facts_and_reviewable_findings(db, ui):
    async def scenario():
        app = CoachApp(db_path=db)
        async with app.run_test(size=(100, 30)) as pilot:
            await ui.settle(pilot)
            await ui.type_line(pilot, "/data examples/data/transactions.csv --target is_fraud")
            await ui.settle(pilot)
            panel = ui.widget_text(app.screen.query_one("#panel-data"))
            assert "transactions.csv" in panel
            assert "3,000 rows" in panel
            # The class balance is drawn as a chart: ~97% legitimate, ~3% fraud.
            chart = ui.widget_text(app.screen.query_one("#chart-balance"))
            assert "Class balance" in chart
            assert "is_fraud=0" in chart and "96.9%" in chart
            assert "is_fraud=1" in chart and "3.1%" in chart
            cards = list(app.screen.query(RuleCard))
            rules = {card.suggestion.rule for card in cards}
            assert "LEAK004" in rules  # transaction_id / chargeback_filed
            assert "IMB003" in rules
            # Every card is a logged suggestion of this session.
            logged = ui.db_rows(db, "SELECT id, rule FROM suggestions")
            assert {c.suggestion.id for c in cards} == {row[0] for row in logged}
            open_panel = ui.widget_text(app.screen.query_one("#panel-open"))
            assert "LEAK004" in open_panel
            assert f"{len(cards)} to review" in open_panel

    ui.run(scenario())


def test_accept_reject_and_note_are_written_to_the_log_at_once(db, ui):
    async def scenario():
        app = CoachApp(db_path=db)
        async with app.run_test(size=(100, 30)) as pilot:
            await ui.settle(pilot)
            await ui.type_line(pilot, "/data examples/data/transactions.csv --target is_fraud")
            await ui.settle(pilot)
            cards = list(app.screen.query(RuleCard))
            assert len(cards) >= 2
            first, second = cards[0], cards[1]
            first.focus()
            await pilot.press("a")
            await pilot.pause()
            # On disk, before anything else happens.
            assert ui.db_rows(
                db, "SELECT status FROM suggestions WHERE id = ?", (first.suggestion.id,)
            ) == [("accepted",)]
            await pilot.press("down")
            assert app.focused is second
            await pilot.press("r")
            await pilot.pause()
            await pilot.press("n")
            await pilot.pause()
            await pilot.press(*"id column, drop it", "enter")
            await pilot.pause()
            rows = ui.db_rows(
                db,
                "SELECT suggestion_id, status, note, reviewer FROM reviews ORDER BY created, rowid",
            )
            assert rows == [
                (first.suggestion.id, "accepted", None, "tester"),
                (second.suggestion.id, "rejected", None, "tester"),
                (second.suggestion.id, "rejected", "id column, drop it", "tester"),
            ]
            assert "rejected" in ui.widget_text(second)
            assert "id column, drop it" in ui.widget_text(second)
            # The open-findings panel no longer lists the decided suggestions.
            open_panel = ui.widget_text(app.screen.query_one("#panel-open"))
            assert f"{len(cards) - 2} to review" in open_panel

    ui.run(scenario())


def test_note_dialog_escape_writes_nothing(db, ui):
    async def scenario():
        app = CoachApp(db_path=db)
        async with app.run_test(size=(100, 30)) as pilot:
            await ui.settle(pilot)
            await ui.type_line(pilot, "/data examples/data/transactions.csv --target is_fraud")
            await ui.settle(pilot)
            app.screen.query(RuleCard).first().focus()
            await pilot.press("n")
            await pilot.pause()
            await pilot.press(*"never mind", "escape")
            await pilot.pause()
            assert ui.db_rows(db, "SELECT COUNT(*) FROM reviews")[0][0] == 0

    ui.run(scenario())


def test_export_writes_the_session_as_markdown(db, tmp_path, ui):
    out = tmp_path / "session.md"

    async def scenario():
        app = CoachApp(db_path=db)
        async with app.run_test(size=(100, 30)) as pilot:
            await ui.settle(pilot)
            await ui.type_line(pilot, "/export")
            assert "nothing to export yet" in ui.conversation_text(app)
            await ui.type_line(pilot, "/data examples/data/transactions.csv --target is_fraud")
            await ui.settle(pilot)
            app.screen.query(RuleCard).first().focus()
            await pilot.press("a")
            await pilot.pause()
            app.screen.query_one("#prompt").focus()
            await ui.type_line(pilot, f"/export {out}")
            assert f"Wrote {out}" in ui.conversation_text(app)

    ui.run(scenario())
    text = out.read_text()
    assert text.startswith("# Coach session:")
    assert "- Dataset: `examples/data/transactions.csv` (target `is_fraud`)" in text
    assert "### LEAK004" in text
    assert "status: accepted" in text


def test_baseline_scores_reach_the_panel(db, ui):
    async def scenario():
        app = CoachApp(db_path=db)
        async with app.run_test(size=(100, 30)) as pilot:
            await ui.settle(pilot)
            await ui.type_line(pilot, "/data examples/data/transactions.csv --target is_fraud")
            await ui.settle(pilot)
            await ui.type_line(pilot, "/baseline")
            await ui.settle(pilot, timeout=120)
            text = ui.conversation_text(app)
            assert "Baselines (cross-validated)" in text
            # The majority-class baseline is uninformative by construction: 0.5 balanced accuracy.
            assert "dummy-most-frequent: balanced_accuracy 0.500 ± 0.000" in text
            line = next(ln for ln in text.splitlines() if ln.startswith("logistic-regression:"))
            score = float(line.split("balanced_accuracy ")[1].split(" ±")[0])
            assert score > 0.6
            chart = ui.widget_text(app.screen.query_one("#chart-scores")).splitlines()
            assert chart[0] == "Scores (balanced accuracy)"
            # Each model on its line, its bar and score below it.
            dummy = chart.index("dummy-most-frequent")
            assert chart[dummy + 1].endswith(" 0.500")
            logistic = chart.index("logistic-regression")
            assert chart[logistic + 1].endswith(f" {score:.3f}")
            # The longer bar belongs to the better model.
            assert chart[logistic + 1].count("█") > chart[dummy + 1].count("█")

    ui.run(scenario())


def test_every_command_is_in_the_palette_and_runs_from_there(db, ui):
    async def scenario():
        app = CoachApp(db_path=db)
        async with app.run_test(size=(100, 30)) as pilot:
            await ui.settle(pilot)
            titles = {command.title for command in app.get_system_commands(app.screen)}
            for name in ("/lint", "/findings", "/data", "/baseline", "/brainstorm", "/export"):
                assert name in titles
            assert {"Review suggestions", "Help: keys and commands", "Theme"} <= titles
            # Commands without arguments run at once from the palette...
            await pilot.press("ctrl+p")
            await pilot.pause()
            await pilot.press(*"/baseline")
            await pilot.pause(0.5)
            await pilot.press("enter")
            await pilot.pause(0.3)
            assert "No dataset attached yet." in ui.conversation_text(app)
            # ...the others are typed into the input, ready for their arguments.
            await pilot.press("ctrl+p")
            await pilot.pause()
            await pilot.press(*"/data")
            await pilot.pause(0.5)
            await pilot.press("enter")
            await pilot.pause(0.3)
            prompt = app.screen.query_one("#prompt")
            assert prompt.value == "/data "
            assert app.focused is prompt

    ui.run(scenario())


def test_an_unusable_log_is_reported_and_the_app_keeps_running(tmp_path, ui):
    not_a_log = tmp_path / "notes.txt"
    not_a_log.write_text("my notes, not a database\n")

    async def scenario():
        app = CoachApp(db_path=not_a_log)
        async with app.run_test(size=(100, 30)) as pilot:
            await ui.settle(pilot)
            text = ui.conversation_text(app)
            assert "Cannot open the log" in text
            assert "is not a SQLite database; Coach left it untouched" in text
            await ui.type_line(pilot, "I scaled the data and then split it")
            await ui.settle(pilot)
            assert "the log could not be opened" in ui.conversation_text(app)
            assert app.is_running

    ui.run(scenario())
    assert not_a_log.read_text() == "my notes, not a database\n"


def test_keyboard_moves_between_input_and_cards(db, ui):
    async def scenario():
        app = CoachApp(db_path=db)
        async with app.run_test(size=(100, 30)) as pilot:
            await ui.settle(pilot)
            await ui.type_line(pilot, "/data examples/data/transactions.csv --target is_fraud")
            await ui.settle(pilot)
            cards = list(app.screen.query(RuleCard))
            await pilot.press("shift+tab")  # from the input to the newest card
            assert app.focused is cards[-1]
            await pilot.press("up")
            assert app.focused is cards[-2]
            await pilot.press("escape")  # nothing running: back to the input
            assert app.focused is app.screen.query_one("#prompt")
            await pilot.press("f1")
            await pilot.pause()
            assert app.screen.__class__.__name__ == "HelpScreen"
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen.__class__.__name__ == "SessionScreen"

    ui.run(scenario())


def test_export_of_a_resumed_session_marks_drafts(seeded_db, tmp_path, ui):
    out = tmp_path / "plan.md"

    async def scenario():
        app = CoachApp(db_path=seeded_db, resume=True)
        async with app.run_test(size=(100, 30)) as pilot:
            await ui.settle(pilot)
            await ui.type_line(pilot, f"/export {out}")

    ui.run(scenario())
    text = out.read_text()
    assert text.startswith("# Coach session: fraud model plan\n")
    assert "## Q1. I scaled the data and then split it, is that fine?" in text
    assert "## Q2. 0.2% are fraud and my model gets 99.8% accuracy" in text
    assert "### LEAK001 · error · Preprocessing fitted before the split" in text
    assert "### DRAFT — brainstorm, not verified: Brainstorm: 0.2% are fraud" in text
    assert "> - Compare against a majority-class baseline" in text  # draft body quoted
    assert "churn" not in text  # the other session is not part of this transcript
    # Each answer sits under the question it answers.
    q2 = text.index("## Q2.")
    assert text.index("### IMB001") > q2 and text.index("### BASE003") > q2


def test_escape_cancels_a_data_check_and_nothing_is_logged(db, tmp_path, ui):
    # Big enough that the check is still running when Esc arrives.
    data = tmp_path / "big.csv"
    rows = ["id,amount,country,label"]
    rows += [f"{i},{i % 997 * 1.5},{'ABCDE'[i % 5]},{int(i % 31 == 0)}" for i in range(300_000)]
    data.write_text("\n".join(rows) + "\n")

    async def scenario():
        app = CoachApp(db_path=db)
        async with app.run_test(size=(100, 30)) as pilot:
            await ui.settle(pilot)
            # What `/data FILE --target label` starts (Pilot's Enter would wait for the job).
            app.screen.attach_data(str(data), "label")
            activity = ui.widget_text(app.screen.query_one("#activity"))
            assert f"checking {data}" in activity and "Esc cancels" in activity
            await pilot.press("escape")
            await ui.settle(pilot, timeout=120)
            assert f"Cancelled: checking {data}." in ui.conversation_text(app)
            assert not list(app.screen.query(RuleCard))
            assert ui.db_rows(db, "SELECT COUNT(*) FROM suggestions") == [(0,)]
            assert ui.widget_text(app.screen.query_one("#activity")) == ""

    ui.run(scenario())


def test_data_with_a_test_split_reports_the_overlap(db, tmp_path, ui):
    lines = (ui.examples / "data" / "transactions.csv").read_text().splitlines()
    test_file = tmp_path / "test.csv"
    test_file.write_text("\n".join([lines[0], *lines[1:41]]) + "\n")  # 40 training rows reused

    async def scenario():
        app = CoachApp(db_path=db)
        async with app.run_test(size=(100, 30)) as pilot:
            await ui.settle(pilot)
            await ui.type_line(
                pilot, f"/data examples/data/transactions.csv --target is_fraud --test {test_file}"
            )
            await ui.settle(pilot)
            overlap = [c for c in app.screen.query(RuleCard) if c.suggestion.rule == "LEAK002"]
            assert overlap, "train/test overlap should be reported"
            assert "40" in ui.widget_text(overlap[0])
            assert "LEAK002" in ui.widget_text(app.screen.query_one("#panel-data"))

    ui.run(scenario())


def test_baseline_with_the_users_score_says_whether_it_beats_the_baselines(db, ui):
    async def scenario():
        app = CoachApp(db_path=db)
        async with app.run_test(size=(100, 30)) as pilot:
            await ui.settle(pilot)
            await ui.type_line(pilot, "/data examples/data/transactions.csv --target is_fraud")
            await ui.settle(pilot)
            # ~97% of rows are not fraud: 0.97 accuracy is what "never fraud" scores.
            await ui.type_line(pilot, "/baseline accuracy=0.97")
            await ui.settle(pilot, timeout=120)
            text = ui.conversation_text(app)
            line = next(ln for ln in text.splitlines() if ln.startswith("Your accuracy 0.970"))
            assert "does not beat the trivial baseline" in line or "not clearly" in line
            rules = [c.suggestion.rule for c in app.screen.query(RuleCard)]
            assert "BASE003" in rules

    ui.run(scenario())
