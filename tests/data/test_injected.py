"""Injected-problem suite, second part: near copies, drift in numbers and in categories, and a
leaky column kept out of the baseline — each found, and nothing found on a clean twin (the same
data, split at random, without the injected problem)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from coach.data.baseline import run_baseline
from coach.data.checks import check_data
from coach.data.report import severity_of

from .conftest import EXAMPLE_DATA, split

DRIFT_RULES = {"DATA008", "DATA009"}


def _check(write, train: pd.DataFrame, test: pd.DataFrame, target: str = "target", **kw):
    return check_data(write(train, "train.csv"), target, write(test, "test.csv"), **kw)


def _example() -> pd.DataFrame:
    return pd.read_csv(EXAMPLE_DATA)


def test_rows_copied_with_one_column_changed_are_found(dataset, write):
    frame = dataset("breast_cancer")
    frame["batch_weight"] = np.random.default_rng(1).normal(size=len(frame))  # 31 features
    train, test = split(frame)
    copies = train.sample(n=30, random_state=2).copy()
    copies["batch_weight"] += np.random.default_rng(3).normal(scale=0.1, size=30)  # noise
    test = pd.concat([test, copies], ignore_index=True)
    report = _check(write, train, test, checks={"overlap"})
    item = report.finding("LEAK002")
    assert item is not None
    assert item.data["overlapping_rows"] == 30
    assert item.data["one_column_off"] == 30 and item.data["exact"] == 0
    example = item.data["near_copy_examples"][0]
    assert example["differs_in"] == ["batch_weight"]
    # The row numbers point at the real pair.
    test_row = test.iloc[example["test_row"] - 1]
    train_row = train.iloc[example["train_row"] - 1]
    assert test_row.drop("batch_weight").equals(train_row.drop("batch_weight"))
    assert "30 equal on all but one column" in item.message
    assert f"test row {example['test_row']} = training row {example['train_row']}" in item.message


def test_rows_copied_with_two_columns_changed_are_found(dataset, write):
    frame = dataset("breast_cancer")
    train, test = split(frame)
    copies = train.sample(n=12, random_state=4).copy()
    copies["mean_radius"] *= 1.05
    copies["worst_area"] += 3.0
    test = pd.concat([test, copies], ignore_index=True)
    item = _check(write, train, test, checks={"overlap"}).finding("LEAK002")
    assert item is not None and item.data["two_columns_off"] == 12
    assert sorted(item.data["near_copy_examples"][0]["differs_in"]) == ["mean_radius", "worst_area"]


@pytest.mark.parametrize("name", ["breast_cancer", "wine", "digits", "diabetes", "example"])
def test_clean_twins_have_no_overlap_and_no_drift(dataset, write, name):
    frame = _example() if name == "example" else dataset(name)
    target = "is_fraud" if name == "example" else "target"
    train, test = split(frame)
    report = _check(write, train, test, target, checks={"overlap", "drift"})
    assert report.rules() == [] or (report.rules() == ["LEAK002"] and name == "digits"), [
        f.message for f in report.findings
    ]
    assert report.drift and report.adversarial is not None
    assert report.adversarial.auc < 0.65


def test_digits_overlap_is_only_its_own_duplicates(dataset, write):
    # digits holds a few identical images; a random split puts some on both sides — real overlap.
    train, test = split(dataset("digits"))
    item = _check(write, train, test, checks={"overlap"}).finding("LEAK002")
    if item is not None:
        assert item.data["one_column_off"] + item.data["two_columns_off"] <= 5


def test_a_shifted_number_is_drift_with_the_numbers(dataset, write):
    train, test = split(dataset("breast_cancer"))
    test["mean_area"] = test["mean_area"] * 5
    report = _check(write, train, test, checks={"drift"})
    drifted = [f for f in report.findings if f.rule == "DATA008"]
    assert [f.data["column"] for f in drifted] == ["mean_area"]
    item = drifted[0]
    assert severity_of(item) == "warning"
    assert item.data["psi"] > 1.0 and item.data["ks"] > 0.5 and item.data["p_value"] < 1e-10
    assert item.data["test_median"] == pytest.approx(5 * train["mean_area"].median(), rel=0.3)
    assert "PSI" in item.message and "KS distance" in item.message
    adversarial = report.finding("DATA009")
    assert adversarial is not None and adversarial.data["auc"] > 0.9
    assert "'mean_area'" in adversarial.message


def test_a_new_category_is_drift_with_the_unseen_share(write):
    train, test = split(_example())
    test.loc[test.index[:90], "country"] = "ZZ"  # 10% of test rows: a country training never saw
    report = _check(write, train, test, "is_fraud", checks={"drift"})
    item = next(f for f in report.findings if f.rule == "DATA008")
    assert item.data["column"] == "country"
    assert item.data["unseen_rows"] == 90 and item.data["unseen_share"] == pytest.approx(0.1)
    assert item.data["unseen_examples"] == ["ZZ"]
    assert severity_of(item) == "warning"
    assert "10.0% of its test rows (90) have a category training never saw (e.g. 'ZZ')" in (
        item.message
    )


def test_the_issue_case_amount_times_five_and_a_new_country(write):
    train, test = split(_example())
    test["amount"] = test["amount"] * 5
    test.loc[test.index[:60], "country"] = "ZZ"
    report = _check(write, train, test, "is_fraud", checks={"drift"})
    drifted = {f.data["column"] for f in report.findings if f.rule == "DATA008"}
    assert drifted == {"amount", "country"}
    assert report.finding("DATA009") is not None


def test_time_and_group_columns_are_not_drift(dataset, write):
    frame = dataset("breast_cancer")
    frame["day"] = pd.date_range("2024-01-01", periods=len(frame), freq="D").astype(str)
    frame["patient"] = np.arange(len(frame)) // 2
    train, test = frame.iloc[:400], frame.iloc[400:]  # a time split, on purpose
    report = _check(write, train, test, time_col="day", group_col="patient", checks={"drift"})
    assert "day" not in report.drift and "patient" not in report.drift


def test_a_leaky_column_is_left_out_of_the_baseline_and_a_clean_twin_keeps_everything(
    dataset, write
):
    frame = dataset("breast_cancer")
    rng = np.random.default_rng(0)
    # Recorded after the outcome: equal to the label except for 0.5% noise.
    flip = rng.random(len(frame)) < 0.005
    frame["review_outcome"] = np.where(flip, 1 - frame["target"], frame["target"])
    report = run_baseline(write(frame), "target", cv=3)
    assert list(report.leakage_columns) == ["review_outcome"]
    assert "review_outcome" not in report.features
    clean = run_baseline(write(dataset("breast_cancer"), "clean.csv"), "target", cv=3)
    assert clean.leakage_columns == {} and len(clean.features) == 30
    assert [m.kind for m in clean.models] == ["trivial", "trivial", "simple"]
