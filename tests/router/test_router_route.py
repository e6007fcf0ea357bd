"""Rules decide: predicates quote evidence, do the arithmetic, and only report catalog rules."""

from __future__ import annotations

import time

from coach.catalog import default_catalog
from coach.models import Finding, Location
from coach.router.facts import extract
from coach.router.predicates import evaluate
from coach.router.route import RouteContext, needs, route


def _rules(question: str) -> list[str]:
    """The rules reported as a mistake (kind "rule"); clarify / correct answers are not."""
    return [f.rule for f in route(question, with_related=False).findings if f.kind == "rule"]


def test_majority_baseline_arithmetic_is_in_the_answer() -> None:
    result = route("With 2% positives my model gets 98.1% accuracy", with_related=False)
    assert [f.rule for f in result.findings] == ["BASE003", "IMB001"]
    base = result.findings[0]
    assert "98% accuracy" in base.message and "98.1%" in base.message
    assert "only 0.1 points above" in base.message
    assert base.data["majority_baseline_accuracy"] == 0.98
    assert base.data["model_accuracy"] == 0.981
    assert [e.text for e in base.evidence] == ["With 2% positives", "98.1%"]


def test_a_score_that_clearly_beats_the_majority_is_not_base003() -> None:
    assert "BASE003" not in _rules("2% positives and my model gets 99.5% accuracy")
    assert _rules("2% positives and my model gets 99.5% accuracy") == ["IMB001"]


def test_evidence_quotes_the_users_own_words() -> None:
    (finding,) = route("I Normalzied EVERYTHING befor splitting", with_related=False).findings
    assert finding.rule == "LEAK001"
    assert finding.evidence[0].kind == "question"
    assert finding.evidence[0].text == "Normalzied EVERYTHING befor splitting"


def test_negation_and_order_change_the_answer() -> None:
    assert _rules("I scaled before splitting") == ["LEAK001"]
    assert _rules("I did not scale before splitting") == []
    assert _rules("I split first and then scaled") == []
    assert _rules("I didn't split before scaling") == ["LEAK001"]


def test_several_problems_in_one_question() -> None:
    rules = _rules(
        "I scaled the data before splitting, tuned hyperparameters on the test set, "
        "and 1% of rows are positive while my accuracy is 98.5%"
    )
    assert rules == ["LEAK001", "LEAK003", "BASE003", "IMB001"]


def test_a_weak_hint_only_answers_when_nothing_else_does() -> None:
    assert _rules("I trained a gradient boosting regressor and got R2 of 0.71") == ["BASE001"]
    # The same bare score next to a real problem: only the problem is reported.
    assert _rules("I scaled before splitting and got R2 of 0.71") == ["LEAK001"]


def test_only_rules_in_the_catalog_are_reported() -> None:
    catalog = default_catalog()
    without_leak = catalog.model_copy(
        update={"rules": {k: v for k, v in catalog.rules.items() if not k.startswith("LEAK")}}
    )
    result = route("I scaled before splitting", catalog=without_leak, with_related=False)
    assert result.findings == [] and result.route == "draft"
    hits = evaluate(extract("I scaled before splitting"), default_catalog(), only={"BASE001"})
    assert hits == {}


def test_dataset_numbers_replace_the_questions_numbers() -> None:
    from coach.data.report import DataReport, DataSummary

    report = DataReport(
        summary=DataSummary(
            file="t.csv",
            target="y",
            task="classification",
            rows=1000,
            columns=3,
            labelled_rows=1000,
        ),
        class_counts={"0": 980, "1": 20},
    )
    context = RouteContext(data=report, data_label="t.csv, target y")
    result = route("my model gets 98.1% accuracy", context, with_related=False)
    base = next(f for f in result.findings if f.rule == "BASE003")
    assert base.data["minority_share"] == 0.02
    assert "from your dataset" in base.message
    assert base.evidence[0].kind == "data" and "980" in base.evidence[0].text


def test_lint_findings_answer_code_questions_with_file_and_line() -> None:
    from coach.lint.model import LintReport

    lint = LintReport(
        version="test",
        findings=[
            Finding(
                rule="LEAK001",
                detector="code",
                message="StandardScaler fitted on `X` (all rows) at line 12",
                location=Location(path="train.py", line=12),
            ),
            Finding(
                rule="REPRO001",
                detector="code",
                message="train_test_split without random_state",
                location=Location(path="train.py", line=15),
            ),
        ],
    )
    result = route("does my code have leakage?", RouteContext(lint=lint), with_related=False)
    assert [f.rule for f in result.findings] == ["LEAK001"]
    assert result.findings[0].evidence[0].text.startswith("train.py:12: StandardScaler")
    everything = route("any problems in my code?", RouteContext(lint=lint), with_related=False)
    assert [f.rule for f in everything.findings] == ["LEAK001", "REPRO001"]


def test_needs_runs_only_what_the_question_asks_about() -> None:
    imbalance = needs("is my data imbalanced?", has_repo=False, has_data=True)
    assert imbalance.data_checks == {"target", "imbalance"}
    assert not imbalance.lint
    leak = needs("does my data have leakage?", has_repo=True, has_data=True)
    assert leak.lint and leak.data_checks is not None and "leakage" in leak.data_checks
    unrelated = needs("how do I explain the model to stakeholders?", has_repo=True, has_data=True)
    assert not unrelated.lint and unrelated.data_checks is None


def test_routing_is_fast() -> None:
    questions = [
        "0.2% are fraud and my model gets 99.8% accuracy",
        "I scaled the data and then split it into train and test. Is that fine?",
        "We send patient notes to the OpenAI API and publish the summaries without review",
    ]
    for q in questions:  # warm up (compiles or loads the patterns)
        route(q, with_related=False)
    started = time.perf_counter()
    for _ in range(20):
        for q in questions:
            route(q, with_related=False)
    per_question = (time.perf_counter() - started) / 60
    # The target is 5 ms median (benchmarks/router_speed.py); this guards against a blow-up.
    assert per_question < 0.05
