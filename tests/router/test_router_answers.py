"""Three kinds of answer (issue 12): a mistake with evidence (`rule`), correct practice
(`correct`, never error level), and a recognised but undecided rule (`clarify`) whose deciding
question the user answers to re-route."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coach.catalog import default_catalog
from coach.cli.main import main
from coach.router import classifier, correct
from coach.router.clarify import answered_rules, follow_up
from coach.router.route import route


def _kinds(question: str) -> dict[str, tuple[str, str]]:
    """rule id -> (kind, severity) of every answer."""
    rules = default_catalog().rules
    return {
        f.rule: (f.kind, f.severity or rules[f.rule].severity)
        for f in route(question, with_related=False).findings
    }


@pytest.mark.parametrize("concept", correct.concepts(), ids=lambda c: c.id)
def test_every_correct_practice_example_is_recognised_and_no_counter_example(concept) -> None:
    for sentence in concept.positive:
        found = [p for p in correct.find(sentence) if p.concept.id == concept.id]
        assert found and not found[0].proposed, sentence
    for sentence in concept.negative:
        assert concept.id not in {p.concept.id for p in correct.find(sentence)}, sentence


@pytest.mark.parametrize(
    ("question", "rule"),
    [
        ("I fit the imputer on the training fold only", "LEAK001"),
        (
            "My workflow: split off 20% as a test set first, then an imblearn Pipeline with SMOTE "
            "and a RandomForest, then GridSearchCV on the training part only. No errors so far.",
            "LEAK001",
        ),
        ("I use GroupKFold with the patient id as groups, is that enough?", "LEAK006"),
        ("Added random_state=42 to make the split reproducible", "REPRO001"),
    ],
)
def test_correct_practice_is_said_to_be_right_never_an_error(question: str, rule: str) -> None:
    kinds = _kinds(question)
    assert kinds[rule] == ("correct", "info")
    assert all(severity != "error" for _, severity in kinds.values())
    findings = route(question, with_related=False).findings
    message = next(f.message for f in findings if f.rule == rule)
    assert message.startswith("That order is right:")


def test_a_stated_mistake_is_still_an_error() -> None:
    assert _kinds("I scaled the whole dataset and then did a train/test split")["LEAK001"] == (
        "rule",
        "error",
    )


def test_a_proposed_fix_next_to_a_mistake_asks_instead_of_erring() -> None:
    kinds = _kinds(
        "I normalised with StandardScaler before the split. Should I fit the scaler on the "
        "training data only?"
    )
    assert kinds.get("LEAK001", ("", ""))[1] != "error"


def test_every_catalog_clarify_answer_re_routes_to_a_decision() -> None:
    """Quick answer 1 confirms the rule (a `rule` answer), the last clears it (correct or
    silent): the rule is never asked again once answered."""
    catalog = default_catalog()
    for rule in catalog.rules.values():
        if "question" in rule.detectors:
            assert rule.clarify is not None, f"{rule.id} has no deciding question"
        if rule.clarify is None:
            continue
        first, last = rule.clarify.answers[0], rule.clarify.answers[-1]
        assert rule.id in answered_rules(first.adds, catalog)
        confirmed = _kinds(first.adds).get(rule.id)
        cleared = _kinds(last.adds).get(rule.id)
        assert confirmed is not None and confirmed[0] == "rule", rule.id
        assert cleared is None or cleared[0] == "correct", (rule.id, cleared)


def test_follow_up_appends_the_chosen_answer_and_checks_the_number() -> None:
    question = "Should I split by patient id?"
    assert _kinds(question)["LEAK006"][0] == "clarify"
    text = follow_up(question, 1)
    assert text.startswith(question) and "same patient appears" in text
    assert _kinds(text)["LEAK006"] == ("rule", "error")
    assert _kinds(follow_up(question, 2))["LEAK006"] == ("correct", "info")
    with pytest.raises(ValueError, match="choose 1 to 2"):
        follow_up(question, 3)


def test_coach_ask_json_carries_the_clarify_question_and_answer_re_routes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "log.db")
    assert (
        main(["--db", db, "ask", "--no-llm", "--format", "json", "Should I split by patient id?"])
        == 0
    )
    payload = json.loads(capsys.readouterr().out)
    (clarify,) = [s for s in payload["suggestions"] if s.get("kind") == "clarify"]
    assert clarify["severity"] == "info" and clarify["rule"] == "LEAK006"
    assert clarify["clarify"]["question"].startswith("Can one person")
    assert [a["n"] for a in clarify["clarify"]["answers"]] == [1, 2]
    assert main(["--db", db, "ask", "--no-llm", "--format", "json", "--answer", "1"]) == 0
    follow = json.loads(capsys.readouterr().out)
    assert follow["session"] == payload["session"]
    assert {(s["rule"], s["kind"], s["severity"]) for s in follow["suggestions"]} == {
        ("LEAK006", "rule", "error")
    }
    assert main(["--db", db, "ask", "--no-llm", "--answer", "7"]) == 2
    assert "no deciding question to answer" in capsys.readouterr().err


def test_classifier_is_shipped_pure_python_and_explains_itself() -> None:
    model = classifier.load()
    assert model is not None and model.version
    text = "the same patient has images in both my training and my test set"
    scores = model.family_scores(text)
    assert scores == model.family_scores(text)  # deterministic
    assert max(scores, key=scores.get) == "LEAK"
    words = [w for w, weight in model.explain(text, "LEAK") if weight > 0]
    assert words and all(w in text for w in words)
