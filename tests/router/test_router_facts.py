"""The fact extractor: order, negation, numbers in the forms people write them, typos."""

from __future__ import annotations

import pytest

from coach.router.facts import extract
from coach.router.text import correct, normalise


def _orders(question: str) -> list[tuple[str, str]]:
    return [(s.kind, s.order) for s in extract(question).steps if not s.negated]


@pytest.mark.parametrize(
    ("question", "order"),
    [
        ("I scaled the data and then split it into train and test", "before"),
        ("I normalised everything before splitting", "before"),
        ("Before splitting, I standardised the features", "before"),
        ("After scaling, I split the data", "before"),
        ("I split the data after scaling it", "before"),
        ("I didn't split before scaling", "before"),
        ("I normalised the whole dataset", "full"),
        ("imputed missing values with the mean of the entire column", "full"),
        ("I split first and then scaled", "after"),
        ("I split the data before scaling", "after"),
        ("After the split I standardised the training features", "after"),
        ("I scaled after splitting", "after"),
        ("the scaler is inside a Pipeline passed to cross_val_score", "inside"),
        ("should I normalise before or after splitting?", "asking"),
    ],
)
def test_preprocessing_is_placed_relative_to_the_split(question: str, order: str) -> None:
    orders = [o for _, o in _orders(question)]
    assert orders and orders[0] == order, (question, orders)


def test_a_negated_step_is_not_a_leak_but_a_negated_split_flips_the_order() -> None:
    not_scaled = extract("I did not scale before splitting")
    assert not_scaled.steps[0].negated and not_scaled.steps[0].order == "unknown"
    not_split = extract("I didn't split before scaling")
    assert not not_split.steps[0].negated and not_split.steps[0].order == "before"


def test_two_splits_the_one_tied_by_a_connective_wins() -> None:
    facts = extract("Daily data, random split, and I normalized everything before splitting")
    assert [s.order for s in facts.steps] == ["before"]


@pytest.mark.parametrize(
    ("question", "share"),
    [
        ("0.2% are fraud and my model gets 99.8% accuracy", 0.002),
        ("only 1 in 40 transactions is fraud", 0.025),
        ("we have 900 negatives and 100 positives", 0.1),
        ("95% of the labels are negative", 0.05),
        ("My data: 10,000 transactions, 50 of them fraudulent", 0.005),
        ("the positive class is about 15% of the rows", 0.15),
        ("In my dataset 97 out of 100 samples are healthy", 0.03),
        ("the class ratio is 1:99", 0.01),
        ("Rare events (0.1%) — should I undersample?", 0.001),
    ],
)
def test_class_balance_in_every_form(question: str, share: float) -> None:
    balance = extract(question).balance
    assert balance is not None and balance.minority_share == pytest.approx(share)


def test_class_balance_in_words_and_a_balanced_dataset() -> None:
    tiny = extract("the minority class is tiny")
    assert tiny.balance is not None and tiny.balance.qualitative and tiny.imbalanced
    assert not extract("Classes are roughly balanced, 48% vs 52%").imbalanced
    assert extract("Classes are roughly balanced, 48% vs 52%").scores == []


def test_train_test_proportions_are_not_class_balance_or_scores() -> None:
    facts = extract("I used an 80/20 split and a 20% test set")
    assert facts.balance is None and facts.scores == []


def test_scores_carry_their_metric_split_and_role() -> None:
    facts = extract(
        "My deep model is at 0.62 AUC on the test set while logistic regression gets 0.70"
    )
    model, baseline = facts.scores
    assert (model.value, model.metric, model.split, model.role) == (
        0.62,
        "roc_auc",
        "test",
        "model",
    )
    assert (baseline.value, baseline.role) == (0.70, "baseline")
    train = extract("my training accuracy is 99%").scores[0]
    assert (train.value, train.metric, train.split) == (0.99, "accuracy", "train")
    bare = extract("With 2% positives my model gets 98.1%").scores[0]
    assert bare.value == pytest.approx(0.981) and bare.metric == "accuracy" and bare.assumed_metric


def test_models_are_sorted_into_simple_and_complex() -> None:
    facts = extract("I compared logistic regression, a random forest and a fine-tuned BERT")
    kinds = {(m.kind, m.complexity) for m in facts.models}
    assert kinds == {
        ("logistic regression", "simple"),
        ("random forest", "medium"),
        ("bert", "complex"),
    }


def test_typos_are_corrected_but_evidence_quotes_the_users_words() -> None:
    norm = normalise("I standardzied my featurs befor the trian test split")
    assert norm.text.startswith("i standardi") and "features before" in norm.text
    facts = extract("i normalzied the data befor spliting it")
    assert facts.steps[0].order == "before"
    assert facts.steps[0].relation == "normalzied the data befor spliting"


def test_the_typo_normaliser_leaves_real_words_and_inflections_alone() -> None:
    for word in ("texts", "modal", "predicts", "scales", "trained", "spent", "tests"):
        assert correct(word) == word
    assert correct("acuracy") == "accuracy"
    assert correct("stratifed") == "stratified"


def test_plans_questions_and_past_actions() -> None:
    assert extract("I'm going to oversample before splitting").intent == "plan"
    assert extract("is my data imbalanced?").intent == "question"
    assert extract("I oversampled before splitting").intent == "past"


def test_synonyms_are_canonicalised_but_quoted_as_written() -> None:
    norm = normalise("We tuned the depth on the Hold-Out data")
    assert norm.text.endswith("on the test set")
    start = norm.text.index("test set")
    assert norm.quote(start, start + len("test set")) == "Hold-Out data"
    facts = extract("We tuned the depth on the Hold-Out data")
    assert facts.signals["test_tuning"][0].text == "tuned the depth on the Hold-Out data"


def test_a_numbered_list_of_steps_is_read_in_order() -> None:
    facts = extract(
        "Steps:\n1. load data\n2. StandardScaler().fit_transform(X)\n3. train_test_split"
    )
    assert facts.steps[0].order == "before"
