"""The plan model: filled from questions, project checks and quick answers; open / decided /
at risk; the next item to settle; the Markdown export. Pure logic, no terminal."""

from __future__ import annotations

from datetime import UTC, datetime

from coach.models import Finding, Location
from coach.plan.fill import (
    answer_line,
    from_answer,
    from_baseline,
    from_data,
    from_lint,
    from_question,
    parse_answer_line,
)
from coach.plan.items import new_plan, next_step, quick_question
from coach.plan.markdown import render_markdown
from coach.plan.model import ITEM_IDS
from coach.router.route import route


def say(plan, text: str) -> None:
    routed = route(text, with_related=False)
    from_question(plan, routed.facts, routed.findings)


def lint_finding(rule: str, line: int, message: str = "found it") -> Finding:
    return Finding(
        rule=rule,
        detector="code",
        message=message,
        location=Location(path="examples/train.py", line=line),
    )


def test_a_new_plan_has_every_item_open_and_proposes_the_first():
    plan = new_plan()
    assert [item.id for item in plan.items] == list(ITEM_IDS)
    assert plan.counts() == {"decided": 0, "at_risk": 0, "open": 8}
    assert next_step(plan).startswith("Problem and success metric:")
    # Without a dataset the baseline item says how to get one.
    plan.item("problem").decide("x", by=plan.items[0].decided_by or _answer())
    assert "/data FILE --target COL" in next_step(plan)
    assert "/baseline runs one on your data" in next_step(plan, has_data=True)


def _answer():
    from coach.plan.model import PlanEvidence

    return PlanEvidence(source="answer", text="x")


def test_the_users_words_decide_items_and_are_quoted():
    plan = new_plan()
    say(plan, "We split the data by time: train on 2023, test on 2024")
    say(plan, "We deploy in shadow mode first, then a canary")
    say(plan, "We use a local model, no customer data leaves our servers")
    split = plan.item("split")
    assert split.status == "decided"
    assert split.decision == "split: by time"
    assert split.decided_by.text == "split the data by time"
    assert plan.item("deployment").decision.startswith("deployment: shadow first")
    assert plan.item("privacy").status == "decided"


def test_a_question_decides_nothing_but_a_rule_it_raises_flags_the_item():
    plan = new_plan()
    say(plan, "Should I use F1 or PR-AUC?")
    assert plan.item("problem").status == "open"
    say(plan, "I scaled the data and then split it")
    leakage = plan.item("leakage")
    assert leakage.status == "at_risk"
    assert leakage.risks[0].rule == "LEAK001"
    assert leakage.risks[0].source == "question"


def test_later_words_replace_earlier_words_but_not_project_findings():
    plan = new_plan()
    say(plan, "We will show the predicted probabilities to customers as their risk")
    assert plan.item("calibration").status == "at_risk"  # CAL001 from the user's words
    say(plan, "We will not use the probabilities, only the ranking")
    assert plan.item("calibration").status == "decided"
    assert plan.item("calibration").decided_by.text == "use the probabilities"

    from_lint(plan, [lint_finding("LEAK001", 21)], files=3, with_models=2)
    say(plan, "The imputer is fitted inside a pipeline")
    leakage = plan.item("leakage")
    assert leakage.decision == "leakage: preprocessing fitted inside a Pipeline"
    assert leakage.status == "at_risk"  # the code still does it
    assert leakage.risks[0].where == "examples/train.py:21"
    # Linting again after the fix clears the risk.
    from_lint(plan, [], files=3, with_models=2)
    assert leakage.status == "decided"


def test_a_clean_lint_decides_the_leakage_audit():
    plan = new_plan()
    from_lint(plan, [lint_finding("REPRO001", 3)], files=4, with_models=1)
    leakage = plan.item("leakage")
    assert leakage.status == "decided"
    assert "no leakage in 4 files" in leakage.decision
    # Code without any model proves nothing.
    other = new_plan()
    from_lint(other, [], files=4, with_models=0)
    assert other.item("leakage").status == "open"


def test_a_random_split_on_data_with_a_time_column_is_at_risk_in_either_order():
    plan = new_plan()
    say(plan, "I use a random stratified split")
    assert plan.item("split").status == "decided"
    from_data(plan, "orders.csv, target churned", {"0": 900, "1": 100}, [], ["order_date"])
    split = plan.item("split")
    assert split.status == "at_risk"
    assert "order_date" in split.risks[0].text
    # The other order, and a time-based decision clears it.
    other = new_plan()
    from_data(other, "orders.csv, target churned", {"0": 900, "1": 100}, [], ["order_date"])
    say(other, "I use a random stratified split")
    assert other.item("split").status == "at_risk"
    say(other, "We split by date: train on the past, test on the last month")
    assert other.item("split").status == "decided"


def test_class_balance_from_data_and_a_suitable_metric():
    plan = new_plan()
    from_data(plan, "transactions.csv, target is_fraud", {"0": 2907, "1": 93}, [])
    balance = plan.item("balance")
    assert balance.status == "open"
    assert any("3.1%" in fact for fact in balance.known)
    say(plan, "Our success metric is PR-AUC")
    assert balance.status == "decided"
    assert balance.decision == "minority 3.1%: judged by PR-AUC"
    assert plan.item("problem").decision == "success metric: PR-AUC"
    # Balanced data decides the item by itself.
    other = new_plan()
    from_data(other, "x.csv, target y", {"a": 500, "b": 450}, [])
    assert other.item("balance").status == "decided"


def test_baseline_result_decides_and_a_losing_model_flags():
    plan = new_plan()
    from_baseline(plan, "logistic-regression: balanced accuracy 0.712 ± 0.020", [])
    baseline = plan.item("baseline")
    assert baseline.status == "decided"
    assert "0.712" in baseline.decision
    losing = Finding(rule="BASE003", detector="data", message="your 0.60 does not beat 0.71")
    from_baseline(plan, "logistic-regression: balanced accuracy 0.712 ± 0.020", [losing])
    assert baseline.status == "at_risk"


def test_quick_answers_decide_and_round_trip_through_the_log_line():
    plan = new_plan()
    question = quick_question(plan.item("split"))
    assert question.item == "split"
    assert len(question.answers) == 3
    answer = question.answers[1]
    from_answer(plan, "split", answer)
    assert plan.item("split").decision.startswith("split: by time")
    assert plan.item("split").decided_by.source == "answer"
    line = answer_line("split", answer)
    assert parse_answer_line(line) == ("split", answer)
    assert parse_answer_line("/plan nonsense") is None
    # /baseline is offered as an answer only when there is data to run it on.
    baseline = plan.item("baseline")
    assert all(a.command is None for a in quick_question(baseline).answers)
    assert quick_question(baseline, has_data=True).answers[0].command == "/baseline"


def test_markdown_export_says_what_is_decided_at_risk_and_open():
    plan = new_plan()
    say(plan, "We split the data by time: train on 2023, test on 2024")
    from_lint(plan, [lint_finding("LEAK001", 21, "scaler fitted on all rows")], 3, 2)
    text = render_markdown(
        plan, title="fraud", repo="examples/", exported=datetime(2026, 3, 2, tzinfo=UTC)
    )
    assert text.startswith("# Project plan: fraud\n")
    assert "- 1 decided, 1 at risk, 6 open (of 8 items)" in text
    assert "## 3. Split strategy (random, time or group, and why) — decided" in text
    assert "decided by your words: “split the data by time”" in text
    assert "## 4. Leakage audit — AT RISK" in text
    assert "**Risk:** /lint: LEAK001 scaler fitted on all rows (examples/train.py:21)" in text
    assert "## Open risks" in text
    assert "- Leakage: LEAK001 at examples/train.py:21" in text
    assert "Still to settle: Will anyone read the scores as probabilities?" in text
