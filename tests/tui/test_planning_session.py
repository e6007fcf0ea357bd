"""A scripted planning session on the example project, driven through the real app with Pilot.

Twelve turns a practitioner might type while planning the fraud model. At the end every plan item
is decided or flagged, the review queue holds each distinct suggestion once, and no answer carries
a card for a rule its question did not raise. The session is recorded as a golden transcript in
transcripts/app/planning-session.md; after an intended change re-record it with:

    COACH_RECORD=1 .venv/bin/python -m pytest tests/tui/test_planning_session.py
"""

from __future__ import annotations

import difflib
import os
import re
from pathlib import Path

from coach.tui.app import CoachApp
from coach.tui.widgets.cards import Notice, QuestionBubble, RuleCard
from coach.tui.widgets.plan import QuickQuestionCard

ROOT = Path(__file__).resolve().parents[2]
TRANSCRIPT = ROOT / "transcripts" / "app" / "planning-session.md"
RECORD = os.environ.get("COACH_RECORD") == "1"

# (what the user types, the rule cards its answer must show — exactly these, in this order)
TURNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    # The rare class of the attached data is what a success metric must be chosen for.
    ("We want to catch card fraud; success is PR-AUC and recall at 90% precision", ("IMB003",)),
    ("I scaled the data and then split it", ("LEAK001",)),
    ("Should I scale for a random forest?", ()),
    # /baseline leaves out the columns the data checks flagged as leaks, and says so (LEAK004).
    ("/baseline", ("LEAK004",)),
    ("We will split by time: train on older transactions, test on the latest month", ()),
    ("Analysts will read the predicted probabilities as the fraud risk", ("CAL001",)),
    # Correct practice (issue 12): a `correct` answer, "that order is right", at info level.
    ("We deploy in shadow mode first, then a canary", ("DEPLOY001",)),
    ("No customer data goes to third-party APIs; we use a local model", ()),
    # Answered with the dataset's class balance; IMB001 links to the project's own accuracy use.
    ("my fraud model gets 97% accuracy, is that good?", ("BASE003", "IMB001")),
    ("any problems with my training code?", ()),
    ("/plan", ()),
    ("/plan export", ()),
)

HEADER = """# App transcript: planning the example project

A scripted session in the Coach app (`coach examples/ --data examples/data/transactions.csv
--target is_fraud`), driven by `tests/tui/test_planning_session.py` through Textual's Pilot.
For each turn: what was typed, the rule cards of the answer (with the places in the project that
break the same rule), the titles of the other messages, and the plan panel afterwards. It ends
with the plan file `/plan export` wrote. Golden test: any difference fails. Re-record after an
intended change with:

    COACH_RECORD=1 .venv/bin/python -m pytest tests/tui/test_planning_session.py
"""


def _title(notice: Notice, ui) -> str:
    return ui.widget_text(notice).splitlines()[0]


def _turn_record(number: int, line: str, widgets: list, app, ui) -> list[str]:
    out = [f"## {number}. `{line}`", ""]
    for widget in widgets:
        if isinstance(widget, RuleCard):
            s = widget.suggestion
            out.append(f"- card {s.rule}: {s.title}")
            places = [
                e.location.path
                + (f" cell {e.location.cell}" if e.location.cell else "")
                + (f":{e.location.line}" if e.location.line else "")
                for e in s.evidence
                if e.kind == "code" and e.location is not None
            ]
            if places:
                out.append(f"  - in your project: {', '.join(places)}")
        elif isinstance(widget, QuickQuestionCard):
            out.append(f"- question: {widget.question.prompt}")
        elif isinstance(widget, Notice) and "-welcome" not in widget.classes:
            title = _title(widget, ui)
            if title.startswith("Wrote "):
                title = "Wrote <exports>/" + Path(title.removeprefix("Wrote ")).name
            elif "Exported" in title:
                pass
            out.append(f"- message: {title}")
    plan = ui.widget_text(app.screen.query_one("#panel-plan"))
    heading = ui.widget_text(app.screen.query_one("#plan-title"))
    out += ["", "```text", heading, plan, "```", ""]
    return out


def _normalise(text: str) -> str:
    text = re.sub(r"coach-(plan|session)-[0-9a-f]{8}", r"coach-\1-<id>", text)
    return re.sub(r"^- Exported: .*$", "- Exported: <time>", text, flags=re.M)


def test_scripted_planning_session_on_the_example_project(db, ui, tmp_path):
    exports = tmp_path / "exports"
    record = [HEADER]

    async def scenario():
        app = CoachApp(
            db_path=db,
            repo="examples/",
            data="examples/data/transactions.csv",
            target="is_fraud",
            export_dir=exports,
        )
        async with app.run_test(size=(120, 40)) as pilot:
            await ui.settle(pilot, timeout=180)
            conversation = app.screen.query_one("#conversation")
            for number, (line, expected) in enumerate(TURNS, start=1):
                before = len(conversation.children)
                await ui.type_line(pilot, line)
                await ui.settle(pilot, timeout=180)
                widgets = list(conversation.children)[before:]
                if not line.startswith("/"):
                    assert isinstance(widgets[0], QuestionBubble)
                cards = [w.suggestion.rule for w in widgets if isinstance(w, RuleCard)]
                # No project card in an answer whose question did not raise that rule.
                assert tuple(cards) == expected, f"turn {number}: {line!r} showed {cards}"
                record.extend(_turn_record(number, line, widgets, app, ui))

            plan = app.backend.plan
            assert plan.settled, [i.id for i in plan.items if i.status == "open"]
            statuses = {item.id: item.status for item in plan.items}
            assert statuses["deployment"] == "decided"
            assert statuses["privacy"] == "decided"
            assert statuses["leakage"] == "at_risk"
            assert "Every item is decided or flagged" in ui.conversation_text(app)
            # The baseline was run and its score decided the item (the code still has none).
            assert "logistic-regression" in (plan.item("baseline").decision or "")

    ui.run(scenario())

    # The review queue holds each distinct suggestion once: no rule answer logged twice with the
    # same text and evidence, and the project's findings logged once (by /lint and /data).
    rows = ui.db_rows(db, "SELECT rule, body, evidence FROM suggestions")
    assert len(rows) == len(set(rows))
    lint_rows = ui.db_rows(
        db,
        "SELECT COUNT(*) FROM suggestions s JOIN questions q ON s.question_id = q.id "
        "WHERE q.text LIKE '/lint %'",
    )[0][0]
    assert lint_rows == 12  # the example project's lint findings, once each

    plan_file = next(exports.glob("coach-plan-*.md"))
    record += ["## The exported plan", "", "````markdown", plan_file.read_text().rstrip(), "````"]
    text = _normalise("\n".join(record).rstrip() + "\n")
    if RECORD:
        TRANSCRIPT.parent.mkdir(parents=True, exist_ok=True)
        TRANSCRIPT.write_text(text, encoding="utf-8")
        return
    expected = TRANSCRIPT.read_text(encoding="utf-8")
    if text != expected:
        diff = "\n".join(
            difflib.unified_diff(expected.splitlines(), text.splitlines(), lineterm="")
        )
        raise AssertionError(f"{TRANSCRIPT.name} differs (re-record if intended):\n{diff}")
