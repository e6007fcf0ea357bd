"""`run_baseline`: real cross-validated fits on bundled datasets, and the BASE003 comparison."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from coach.data.baseline import canonical_metric, parse_model_scores, run_baseline
from coach.data.errors import DataError
from coach.data.report import severity_of

from .conftest import with_class_share


def test_breast_cancer_majority_is_half_and_logistic_regression_far_above(dataset, write):
    report = run_baseline(write(dataset("breast_cancer")), "target", cv=3)
    assert report.task == "classification" and report.cv == 3
    assert [m.name for m in report.models] == [
        "dummy-most-frequent",
        "dummy-stratified",
        "logistic-regression",
    ]
    majority = report.model("dummy-most-frequent").metrics
    assert majority["balanced_accuracy"].mean == 0.5
    assert majority["balanced_accuracy"].std == 0.0
    assert majority["roc_auc"].mean == 0.5
    assert majority["pr_auc"].mean == pytest.approx(357 / 569, abs=0.01)  # positive rate
    assert len(majority["balanced_accuracy"].folds) == 3
    simple = report.model("logistic-regression").metrics
    assert simple["balanced_accuracy"].mean > 0.93
    assert simple["roc_auc"].mean > 0.98
    assert simple["log_loss"].mean < majority["log_loss"].mean
    stratified = report.model("dummy-stratified").metrics["balanced_accuracy"].mean
    assert 0.4 < stratified < 0.6
    assert report.positive_class == "1"
    assert "accuracy" in simple  # 37/63: balanced enough for accuracy to mean something
    assert report.findings == []


def test_imbalanced_data_hides_accuracy_and_weights_classes(dataset, write):
    frame = with_class_share(dataset("breast_cancer"), minority=0, share=0.06)
    report = run_baseline(write(frame), "target", cv=3)
    names = set(report.model("logistic-regression").metrics)
    assert names == {"balanced_accuracy", "f1", "f1_macro", "roc_auc", "pr_auc", "log_loss"}
    assert "class_weight='balanced'" in report.model("logistic-regression").description
    assert report.positive_class == "1"  # 0/1 labels keep 1 as the positive class


def test_multiclass_metrics(dataset, write):
    report = run_baseline(write(dataset("wine")), "target", cv=3)
    names = set(report.model("logistic-regression").metrics)
    assert names == {"balanced_accuracy", "f1_macro", "log_loss", "accuracy"}
    assert report.model("dummy-most-frequent").metrics["balanced_accuracy"].mean == pytest.approx(
        1 / 3
    )
    assert report.model("logistic-regression").metrics["balanced_accuracy"].mean > 0.9
    assert report.findings == []  # wine is easy, but not suspiciously perfect


def test_regression_baselines(dataset, write):
    report = run_baseline(write(dataset("diabetes")), "target", cv=3)
    assert report.task == "regression"
    assert [m.name for m in report.models] == ["dummy-mean", "dummy-median", "ridge"]
    mean = report.model("dummy-mean").metrics
    ridge = report.model("ridge").metrics
    assert mean["r2"].mean <= 0.0
    assert ridge["r2"].mean > 0.35
    assert ridge["mae"].mean < mean["mae"].mean
    assert ridge["rmse"].mean < mean["rmse"].mean
    assert report.model("dummy-median").metrics["mae"].mean <= mean["mae"].mean + 1.0


def test_text_features_are_one_hot_encoded_and_ids_dropped(dataset, write):
    frame = dataset("iris")
    frame["colour"] = np.random.default_rng(0).choice(["blue", "purple", "red"], len(frame))
    frame.insert(0, "flower_id", range(1000, 1000 + len(frame)))
    frame["target"] = frame["target"].map({0: "setosa", 1: "versicolor", 2: "virginica"})
    report = run_baseline(write(frame), "target", cv=3)
    assert "colour" in report.features
    assert report.dropped_columns == {
        "flower_id": "identifier: named like an identifier, and 100% of its values are distinct"
    }
    assert report.class_counts == {"setosa": 50, "versicolor": 50, "virginica": 50}


def test_a_copy_of_the_target_is_left_out_and_scored_only_for_comparison(dataset, write):
    frame = dataset("breast_cancer")
    frame["outcome_flag"] = frame["target"] * 2 + 1
    report = run_baseline(write(frame), "target", cv=3, model_scores={"balanced_accuracy": 0.97})
    assert "outcome_flag" not in report.features
    assert report.leakage_columns == {
        "outcome_flag": "target leakage: a copy of the target under another encoding (LEAK004)"
    }
    assert report.dropped_columns["outcome_flag"] == report.leakage_columns["outcome_flag"]
    item = next(f for f in report.findings if f.rule == "LEAK004")
    assert item.data["column"] == "outcome_flag" and item.data["kind"] == "copy"
    flagged = report.model("with-flagged")
    assert flagged.kind == "flagged"
    assert flagged.metrics["balanced_accuracy"].mean > 0.99
    honest = report.model("logistic-regression").metrics["balanced_accuracy"].mean
    assert 0.93 < honest < 0.99
    # The user's score is compared with the honest baseline, never with the leaky one.
    (comparison,) = report.comparisons
    assert comparison.best_model == "logistic-regression"
    assert any(
        "With it the simple model scores balanced accuracy 0.99" in n for n in report.notes
    ), report.notes


def test_kept_columns_are_used_even_when_flagged(dataset, write):
    frame = dataset("breast_cancer")
    frame["outcome_flag"] = frame["target"] * 2 + 1
    report = run_baseline(write(frame), "target", cv=3, keep=["outcome_flag"])
    assert "outcome_flag" in report.features and not report.leakage_columns
    assert [m.name for m in report.models][-1] == "logistic-regression"
    # Scored on the leak, the simple model is too good to be true, and says so.
    item = next(f for f in report.findings if f.rule == "LEAK004")
    assert severity_of(item) == "error"
    assert item.data["mean"] >= 0.995
    assert item.data["copies_of_target"] == ["outcome_flag"]
    assert "'outcome_flag' (alone: 1.000)" in item.message
    assert "likely leak, not a win" in item.message


def test_example_project_baseline_leaves_out_the_chargeback_column():
    from .conftest import EXAMPLE_DATA

    report = run_baseline(EXAMPLE_DATA, "is_fraud", cv=3, model_scores={"balanced_accuracy": 0.62})
    assert set(report.leakage_columns) == {"chargeback_filed"}
    assert "transaction_id" in report.dropped_columns
    assert "chargeback_filed" not in report.features
    honest = report.model("logistic-regression").metrics["balanced_accuracy"].mean
    leaky = report.model("with-flagged").metrics["balanced_accuracy"].mean
    assert leaky > 0.9 > 0.75 > honest
    (comparison,) = report.comparisons
    assert comparison.best_model == "logistic-regression"
    assert comparison.best_mean == honest


def test_model_score_that_beats_the_baselines(dataset, write):
    report = run_baseline(write(dataset("diabetes")), "target", cv=3, model_scores={"r2": 0.7})
    (comparison,) = report.comparisons
    assert comparison.margin == pytest.approx(2 * comparison.best_std, abs=1e-6)
    assert comparison.beats_clearly and comparison.beats_trivial
    assert comparison.best_model == "ridge"
    assert not [f for f in report.findings if f.rule == "BASE003"]


def test_a_baseline_at_the_ceiling_cannot_be_clearly_beaten(dataset, write):
    report = run_baseline(
        write(dataset("breast_cancer")), "target", cv=3, model_scores={"roc_auc": 0.999}
    )
    (comparison,) = report.comparisons
    assert comparison.best_mean > 0.98 and not comparison.beats_clearly
    item = next(f for f in report.findings if f.rule == "BASE003")
    assert "already at the ceiling" in item.message


def test_model_score_no_better_than_the_majority_class(dataset, write):
    frame = with_class_share(dataset("breast_cancer"), minority=0, share=0.05)
    report = run_baseline(write(frame), "target", cv=3, model_scores={"accuracy": 0.95})
    item = next(f for f in report.findings if f.rule == "BASE003")
    assert severity_of(item) == "error"
    assert item.data["trivial_model"] == "dummy-most-frequent"
    assert item.data["trivial_mean"] == pytest.approx(357 / 376, abs=0.002)
    assert item.data["beats_trivial"] is False
    assert "accuracy" in report.model("dummy-most-frequent").metrics  # shown because asked for
    assert any("IMB001" in n for n in report.notes)


def test_model_score_between_trivial_and_simple(dataset, write):
    report = run_baseline(
        write(dataset("breast_cancer")), "target", cv=3, model_scores={"balanced_accuracy": 0.9}
    )
    item = next(f for f in report.findings if f.rule == "BASE003")
    assert severity_of(item) == "warning"
    assert item.data["beats_trivial"] is True and item.data["beats_clearly"] is False
    assert "is worse than the simple baseline logistic-regression" in item.message


def test_lower_is_better_metrics_compare_the_right_way(dataset, write):
    report = run_baseline(write(dataset("diabetes")), "target", cv=3, model_scores={"mae": 20.0})
    (comparison,) = report.comparisons
    assert comparison.higher_is_better is False
    assert comparison.beats_clearly is True
    report = run_baseline(write(dataset("diabetes")), "target", cv=3, model_scores={"rmse": 90.0})
    assert report.comparisons[0].beats_trivial is False


def test_model_score_parsing_and_aliases():
    assert parse_model_scores(["AUC=0.9", "average precision=0.4", "acc=0.8"]) == {
        "roc_auc": 0.9,
        "pr_auc": 0.4,
        "accuracy": 0.8,
    }
    assert canonical_metric("Macro-F1") == "f1_macro"
    for bad in ["roc_auc", "=0.3", "roc_auc=high", "r2=nan"]:
        with pytest.raises(DataError, match="--model-score"):
            parse_model_scores([bad])


def test_model_score_for_a_metric_the_task_does_not_have(dataset, write):
    with pytest.raises(DataError, match=r"metric .roc_auc. is not computed.*available: r2, mae"):
        run_baseline(write(dataset("diabetes")), "target", cv=3, model_scores={"roc_auc": 0.8})
    with pytest.raises(DataError, match="lies between 0 and 1"):
        run_baseline(write(dataset("iris")), "target", cv=3, model_scores={"accuracy": 97})


def test_bad_targets(dataset, write):
    iris = dataset("iris")
    single = iris[iris.target == 1]
    with pytest.raises(DataError, match="single class"):
        run_baseline(write(single), "target", cv=3)
    text = iris.assign(target=iris["target"].map({0: "a", 1: "b", 2: "c"}))
    with pytest.raises(DataError, match="--task regression needs a numeric target"):
        run_baseline(write(text), "target", task="regression", cv=3)
    with pytest.raises(DataError, match="is it a regression target"):
        run_baseline(write(dataset("diabetes")), "target", task="classification", cv=3)
    lonely = pd.concat([iris, iris.head(1).assign(target=7)])
    with pytest.raises(DataError, match="single row"):
        run_baseline(write(lonely), "target", cv=3)
    with pytest.raises(DataError, match="at least 2"):
        run_baseline(write(iris), "target", cv=1)


def test_large_files_are_sampled_and_say_so(dataset, write):
    report = run_baseline(write(dataset("digits")), "target", cv=3, max_rows=500)
    assert report.sampled is True
    assert report.rows == 1797
    assert report.rows_used == pytest.approx(500, abs=10)
    assert any("sample of" in n and "seed 0" in n for n in report.notes)


def test_results_are_reproducible(dataset, write):
    path = write(dataset("wine"))
    first = run_baseline(path, "target", cv=3)
    second = run_baseline(path, "target", cv=3)
    assert [m.metrics for m in first.models] == [m.metrics for m in second.models]
