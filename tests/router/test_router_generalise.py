"""How the router reads questions worded by other people: numbers in context, negation scope,
pasted code, and problems described by meaning instead of by the rule's vocabulary."""

from __future__ import annotations

import pytest

from coach.router.facts import extract
from coach.router.route import route


def _rules(question: str) -> set[str]:
    """The rules reported as a mistake (kind "rule"); clarify / correct answers are not."""
    return {f.rule for f in route(question, with_related=False).findings if f.kind == "rule"}


@pytest.mark.parametrize(
    ("question", "share"),
    [
        ("we have 2,000 defective parts among 100k inspected", 0.02),
        ("out of 12,000 scans only 60 show a tumour", 0.005),
        ("7 of every 1000 transactions are chargebacks", 0.007),
        ("88% of the emails are not spam", 0.12),
        ("labels split 97/3", 0.03),
        ("PR-AUC 0.93 (no-skill 0.03), accuracy 0.97", 0.03),
    ],
)
def test_class_shares_in_the_forms_people_write_them(question: str, share: float) -> None:
    balance = extract(question).balance
    assert balance is not None and balance.minority_share == pytest.approx(share), balance


def test_a_share_of_rows_with_missing_labels_is_a_data_problem_not_a_class_share() -> None:
    facts = extract("8% of rows have an empty target, should I drop them?")
    assert facts.balance is None
    assert _rules("8% of rows have an empty target, should I drop them?") == {"DATA007"}


def test_evidence_never_cuts_a_number_in_half() -> None:
    result = route("precision 0.91 and recall 0.05 on the positive class, 4% positives")
    quoted = [e.text for f in result.findings for e in f.evidence]
    assert "recall 0" not in quoted
    assert "BASE003" not in {f.rule for f in result.findings}  # precision is not accuracy


def test_each_score_belongs_to_the_split_named_next_to_it() -> None:
    scores = extract("My model reaches 100% on training data and 68% on the test set").scores
    assert [(s.value, s.split) for s in scores] == [(1.0, "train"), (0.68, "test")]
    assert _rules("training accuracy 100% but test accuracy 70%") == set()  # over-fitting


def test_accuracy_reported_with_other_metrics_is_not_accuracy_only() -> None:
    assert "IMB001" not in _rules("ROC-AUC 0.88 and accuracy 0.96 with 1% positives")
    assert _rules("2% fraud and 98.1% accuracy") == {"BASE003", "IMB001"}


def test_high_accuracy_on_imbalanced_classes_is_not_called_a_leak() -> None:
    assert _rules("It's a 3% positive dataset and the model reaches 99.9% accuracy") == {"IMB001"}


def test_negation_stops_at_the_next_action() -> None:
    assert _rules("I didn't dedupe before the random split") == {"LEAK002"}
    assert _rules("I removed exact duplicates before splitting") == set()


@pytest.mark.parametrize(
    "question",
    [
        "X_s = StandardScaler().fit_transform(X); scores = cross_val_score(SVC(), X_s, y, cv=5)",
        "selector = SelectKBest(k=10).fit(X, y); X2 = selector.transform(X); "
        "X_train, X_test = train_test_split(X2)",
    ],
)
def test_pasted_code_fitting_on_all_rows_before_the_split(question: str) -> None:
    assert _rules(question) == {"LEAK001"}


@pytest.mark.parametrize(
    "question",
    [
        "cross_val_score(make_pipeline(StandardScaler(), LogisticRegression()), X, y, cv=5)",
        "X_train, X_test, y_train, y_test = train_test_split(X, y); scaler.fit(X_train)",
        "I fit the imputer on the training fold only",
        "The one-hot encoder is fitted inside each CV fold via a ColumnTransformer pipeline",
    ],
)
def test_correct_practice_in_code_or_words_stays_silent(question: str) -> None:
    assert "LEAK001" not in _rules(question)


@pytest.mark.parametrize(
    ("question", "rule"),
    [
        ("there is a column that is null unless the customer actually churned", "LEAK004"),
        ("to predict loan default I use days_past_due as a feature", "LEAK004"),
        ("We have several X-ray images per patient and split the images randomly", "LEAK006"),
        ("customers are in both train and test", "LEAK006"),
        ("df['avg'] = df['y'].rolling(5, center=True).mean()", "LEAK005"),
        ("missing prices were backfilled with the next day's value", "LEAK005"),
        ("some rows are identical but have different labels", "DATA001"),
        ("my label only has one class in it", "DATA004"),
        ("the age column mixes numbers and text like 'unknown'", "DATA006"),
        ("We don't plan to track anything after launch", "DEPLOY002"),
        ("we will push the new model straight to production for all traffic", "DEPLOY001"),
        ("we will write the LLM output straight into the patient records", "PRIV002"),
    ],
)
def test_problems_described_by_meaning(question: str, rule: str) -> None:
    assert rule in _rules(question)


@pytest.mark.parametrize(
    "question",
    [
        "my accuracy is 84%",
        "Using early stopping on a validation split to pick the number of boosting rounds",
        "our customer satisfaction model uses survey answers",
        "We removed the leaky column discharge_date and retrained",
        "We will run the new model in shadow mode before switching",
    ],
)
def test_a_single_keyword_is_not_a_problem(question: str) -> None:
    assert _rules(question) == set()
