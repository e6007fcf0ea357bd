"""`check_data` on bundled scikit-learn datasets with injected problems: findings and numbers."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from coach.data.checks import CHECKS, check_data
from coach.data.errors import DataError
from coach.data.report import severity_of

from .conftest import ROOT, split, with_class_share

FAST = {"sample_size": 2000}


def only(report, rule: str):
    found = [f for f in report.findings if f.rule == rule]
    assert len(found) == 1, [f.message for f in report.findings]
    return found[0]


def of_kind(report, rule: str, **match):
    return [
        f
        for f in report.findings
        if f.rule == rule and all(f.data.get(k) == v for k, v in match.items())
    ]


# -- IMB003 ---------------------------------------------------------------------------------


def test_imbalance_fires_on_5_95_with_the_numbers(dataset, write):
    frame = with_class_share(dataset("breast_cancer"), minority=0, share=0.05)
    report = check_data(write(frame), "target", checks={"imbalance"})
    item = only(report, "IMB003")
    assert severity_of(item) == "warning"
    assert item.data["minority_class"] == "0"
    assert item.data["minority_share"] == pytest.approx(0.05, abs=0.002)
    assert item.data["counts"] == report.class_counts
    assert item.data["counts"] == {"1": 357, "0": 19}
    assert "is 5.1% of the labelled rows (19 of 376)" in item.message


def test_balanced_50_50_never_fires(dataset, write):
    frame = with_class_share(dataset("breast_cancer"), minority=1, share=0.5)
    report = check_data(write(frame), "target", checks={"imbalance"})
    assert report.findings == []
    assert sorted(report.class_counts.items()) == [("0", 212), ("1", 212)]


def test_15_percent_is_an_info_note_and_25_percent_is_nothing(dataset, write):
    frame = with_class_share(dataset("breast_cancer"), minority=0, share=0.15)
    assert (
        severity_of(only(check_data(write(frame), "target", checks={"imbalance"}), "IMB003"))
        == "info"
    )
    frame = with_class_share(dataset("breast_cancer"), minority=0, share=0.25)
    assert check_data(write(frame), "target", checks={"imbalance"}).findings == []


def test_multiclass_imbalance_is_relative_to_the_majority(dataset, write):
    iris = dataset("iris")
    assert check_data(write(iris), "target", checks={"imbalance"}).findings == []  # 50/50/50
    rare = pd.concat([iris[iris.target != 2], iris[iris.target == 2].head(4)])
    item = only(check_data(write(rare), "target", checks={"imbalance"}), "IMB003")
    assert severity_of(item) == "warning"
    assert item.data["rare_classes"] == ["2"]
    assert item.data["ratio_to_majority"]["2"] == pytest.approx(4 / 50)


def test_imbalance_only_reads_the_target_and_never_imports_sklearn(write, dataset):
    path = write(with_class_share(dataset("breast_cancer"), minority=1, share=0.05))
    code = (
        "import sys\n"
        "import coach.data.checks\n"
        "assert 'sklearn' not in sys.modules, 'import pulled in sklearn'\n"
        "assert 'pandas' not in sys.modules, 'import pulled in pandas'\n"
        "from coach.data.checks import check_data\n"
        f"r = check_data({str(path)!r}, 'target', checks={{'imbalance'}})\n"
        "assert 'sklearn' not in sys.modules, 'imbalance check pulled in sklearn'\n"
        "print(r.findings[0].rule, r.summary.columns)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["IMB003", "31"]


# -- LEAK002 overlap and duplicates ---------------------------------------------------------


def test_rows_copied_into_test_are_found_with_label_excluded(dataset, write):
    train, test = split(dataset("breast_cancer"))
    copied = train.head(30).copy()
    copied.loc[copied.index[:5], "target"] = 1 - copied["target"].head(5)  # label differs
    test = pd.concat([test, copied], ignore_index=True)
    report = check_data(write(train), "target", write(test, "test.csv"), checks={"overlap"})
    item = only(report, "LEAK002")
    assert item.data["scope"] == "train-test"
    assert item.data["overlapping_rows"] == 30
    assert item.data["exact"] == 30
    assert item.data["different_label"] == 5
    assert item.data["test_rows"] == len(test)
    assert item.data["examples"][0]["train_row"] == 1  # the first copied train row
    assert f"30 of {len(test):,} test rows" in item.message


def test_near_duplicates_match_on_float_tolerance_and_text_normalisation(dataset, write):
    frame = dataset("wine")
    frame["colour"] = np.where(frame.index % 2 == 0, "Deep Red", "pale ruby")
    train, test = split(frame)
    near = train.head(12).copy()
    near["alcohol"] = near["alcohol"] * (1 + 1e-9)  # float noise from a round trip
    near["colour"] = "  " + near["colour"].str.upper() + " "  # whitespace and case
    test = pd.concat([test, near], ignore_index=True)
    item = only(
        check_data(write(train), "target", write(test, "test.csv"), checks={"overlap"}), "LEAK002"
    )
    assert item.data["overlapping_rows"] == 12
    assert item.data["exact"] == 0
    assert item.data["near_only"] == 12
    assert item.data["different_label"] == 0


def test_clean_split_has_no_overlap(dataset, write):
    train, test = split(dataset("breast_cancer"))
    report = check_data(write(train), "target", write(test, "test.csv"), checks={"overlap"})
    assert report.findings == []
    assert report.summary.test_rows == len(test)


def test_duplicates_within_train(dataset, write):
    frame = dataset("iris")
    frame = pd.concat([frame, frame.iloc[[5, 6, 7]]], ignore_index=True)  # 3 extra copies
    report = check_data(write(frame), "target", checks={"duplicates"})
    found = of_kind(report, "LEAK002", scope="within-train")
    assert len(found) == 1
    # iris itself holds one duplicated row (row 143 repeats 102): 3 injected + 1 original.
    assert found[0].data["duplicate_rows"] == 4
    assert found[0].data["exact"] == 4
    assert found[0].data["examples"] == [
        {"row": 143, "repeats_row": 102},
        {"row": 151, "repeats_row": 6},
        {"row": 152, "repeats_row": 7},
    ]
    assert severity_of(found[0]) == "warning"  # 2.6% of the rows


def test_identifier_columns_are_left_out_of_row_comparisons(dataset, write):
    frame = dataset("breast_cancer")
    frame = pd.concat([frame, frame.head(10)], ignore_index=True)
    frame.insert(0, "record_id", np.arange(len(frame)) + 1000)  # unique: hides duplicates
    report = check_data(write(frame), "target", checks={"duplicates"})
    assert report.summary.ignored_columns.keys() == {"record_id"}
    assert only(report, "LEAK002").data["duplicate_rows"] == 10


# -- DATA001 conflicting labels -------------------------------------------------------------


def test_conflicting_labels(dataset, write):
    frame = dataset("breast_cancer")
    flipped = frame.head(8).copy()
    flipped["target"] = 1 - flipped["target"]
    frame = pd.concat([frame, flipped], ignore_index=True)
    item = only(check_data(write(frame), "target", checks={"conflicts"}), "DATA001")
    assert item.data["conflicting_groups"] == 8
    assert item.data["rows_in_conflict"] == 16
    assert item.data["example_rows"][:2] == [1, len(frame) - 7]


# -- LEAK004 target leakage ------------------------------------------------------------------


def test_a_copy_of_the_target_is_named(dataset, write):
    frame = dataset("breast_cancer")
    frame["diagnosis_code"] = np.where(frame["target"] == 1, "B", "M")
    report = check_data(write(frame), "target", checks={"leakage"}, **FAST)
    item = only(report, "LEAK004")
    assert item.data["column"] == "diagnosis_code"
    assert item.data["kind"] == "copy"
    assert severity_of(item) == "error"
    assert report.single_feature_skill["diagnosis_code"] == pytest.approx(1.0)


def test_a_noisy_leak_column_is_caught_by_the_one_feature_model(dataset, write):
    frame = dataset("breast_cancer")
    rng = np.random.default_rng(0)
    frame["followup_score"] = frame["target"] * 10 + rng.normal(0, 1, len(frame))
    report = check_data(write(frame), "target", checks={"leakage"}, **FAST)
    item = only(report, "LEAK004")
    assert item.data["column"] == "followup_score"
    assert item.data["kind"] == "single-feature-model"
    assert item.data["single_feature_score"] > 0.99
    assert item.data["trivial_score"] == 0.5
    assert "almost perfectly" in item.message


@pytest.mark.parametrize("name", ["breast_cancer", "iris", "wine"])
def test_clean_datasets_have_no_target_leak(dataset, write, name):
    report = check_data(write(dataset(name)), "target", checks={"leakage"}, **FAST)
    assert report.findings == [], [f.message for f in report.findings]
    assert 0 < max(report.single_feature_skill.values()) < 0.98


def test_identifier_like_column(dataset, write):
    frame = dataset("wine")
    frame.insert(0, "sample_id", [f"W{i:05d}" for i in range(len(frame))])
    item = only(check_data(write(frame), "target", checks={"leakage"}, **FAST), "LEAK004")
    assert item.data == {
        "column": "sample_id",
        "kind": "identifier",
        "reason": "named like an identifier, and 100% of its values are distinct",
    }
    assert severity_of(item) == "warning"
    # Declared with --id-col, it is expected and not reported.
    report = check_data(write(frame), "target", id_col="sample_id", checks={"leakage"}, **FAST)
    assert report.findings == []


def test_regression_monotone_function_of_the_target(dataset, write):
    frame = dataset("diabetes")
    frame["target_log"] = np.log(frame["target"])
    item = only(check_data(write(frame), "target", checks={"leakage"}, **FAST), "LEAK004")
    assert item.data["column"] == "target_log"
    assert item.data["kind"] == "monotone"
    assert item.data["rank_correlation"] == pytest.approx(1.0)


def test_one_feature_check_reports_its_sample_and_seed(dataset, write):
    report = check_data(write(dataset("digits")), "target", checks={"leakage"}, sample_size=600)
    assert report.summary.sampled is True
    assert report.summary.sample_size == pytest.approx(600, abs=10)
    assert report.summary.seed == 0
    assert any("sample of" in n and "seed 0" in n for n in report.notes)


# -- DATA005 sorted by target ----------------------------------------------------------------


def test_file_sorted_by_target(dataset, write):
    frame = dataset("breast_cancer").sort_values("target", kind="stable")
    item = only(check_data(write(frame), "target", checks={"order"}), "DATA005")
    assert item.data["label_changes"] == 1
    assert item.data["expected_changes_if_shuffled"] > 200
    shuffled = frame.sample(frac=1.0, random_state=0)
    assert check_data(write(shuffled), "target", checks={"order"}).findings == []


def test_regression_file_sorted_by_target(dataset, write):
    frame = dataset("diabetes").sort_values("target", ascending=False)
    item = only(check_data(write(frame), "target", checks={"order"}), "DATA005")
    assert item.data["direction"] == "descending"
    assert item.data["rank_correlation"] < -0.99


# -- LEAK005 time, LEAK006 groups -------------------------------------------------------------


def _dated(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.copy()
    frame["day"] = pd.date_range("2021-01-01", periods=len(frame), freq="D").strftime("%Y-%m-%d")
    return frame


def test_test_rows_dated_before_the_last_training_date(dataset, write):
    frame = _dated(dataset("breast_cancer"))
    train, test = frame.iloc[:400], frame.iloc[400:]
    clean = check_data(
        write(train), "target", write(test, "test.csv"), time_col="day", checks={"time"}
    )
    assert clean.findings == []
    test = pd.concat([test, train.iloc[100:125]])  # 25 older rows slipped into test
    item = only(
        check_data(write(train), "target", write(test, "t.csv"), time_col="day", checks={"time"}),
        "LEAK005",
    )
    assert item.data["test_rows_before_last_train_date"] == 25
    assert item.data["last_train_date"] == "2022-02-04"
    assert item.data["first_test_date"] == "2021-04-11"


def test_random_split_of_dated_rows(dataset, write):
    train, test = split(_dated(dataset("iris")))
    item = only(
        check_data(write(train), "target", write(test, "t.csv"), time_col="day", checks={"time"}),
        "LEAK005",
    )
    assert 0.9 < item.data["share"] <= 1.0


def test_unparseable_time_column_is_a_clear_error(dataset, write):
    train, test = split(dataset("iris"))
    train["when"] = "soon"
    test["when"] = "later"
    with pytest.raises(DataError, match=r"time column 'when'.*not dates"):
        check_data(write(train), "target", write(test, "t.csv"), time_col="when", checks={"time"})


def test_groups_across_splits(dataset, write):
    frame = dataset("breast_cancer")
    frame["patient"] = [f"P{i // 3}" for i in range(len(frame))]  # 3 rows per patient
    train, test = split(frame)
    item = only(
        check_data(
            write(train), "target", write(test, "t.csv"), group_col="patient", checks={"groups"}
        ),
        "LEAK006",
    )
    shared = set(train["patient"]) & set(test["patient"])
    assert item.data["shared_groups"] == len(shared)
    assert item.data["test_rows_in_shared_groups"] == int(test["patient"].isin(shared).sum())
    assert item.data["train_rows_in_shared_groups"] == int(train["patient"].isin(shared).sum())
    # A split by patient has no shared groups.
    by_group = frame["patient"].str[1:].astype(int) < 120
    report = check_data(
        write(frame[by_group]),
        "target",
        write(frame[~by_group], "t.csv"),
        group_col="patient",
        checks={"groups"},
    )
    assert report.findings == []


def test_repeated_groups_in_one_file_are_an_info_note(dataset, write):
    frame = dataset("iris")
    frame["plant"] = [i // 2 for i in range(len(frame))]
    item = only(check_data(write(frame), "target", group_col="plant", checks={"groups"}), "LEAK006")
    assert severity_of(item) == "info"
    assert item.data["groups_with_several_rows"] == 75
    assert "GroupKFold" in item.message


# -- columns and target ----------------------------------------------------------------------


def test_constant_mostly_missing_and_mixed_type_columns(dataset, write):
    frame = dataset("breast_cancer")
    frame["site"] = "clinic-a"
    frame["version"] = 3
    frame["lab_value"] = np.where(np.arange(len(frame)) < 30, 1.0, np.nan)  # 94.7% missing
    frame["notes"] = np.where(np.arange(len(frame)) < 250, "x", None)  # 56.1% missing
    frame["age"] = [str(40 + i % 30) for i in range(len(frame))]
    frame.loc[:3, "age"] = "unknown"
    report = check_data(write(frame), "target", checks={"columns"})
    constant = only(report, "DATA002")
    assert constant.data["columns"] == {"site": "clinic-a", "version": "3"}
    missing = only(report, "DATA003")
    assert severity_of(missing) == "warning"
    assert missing.data["columns"] == {
        "lab_value": pytest.approx(539 / 569, abs=1e-6),
        "notes": pytest.approx(319 / 569, abs=1e-6),
    }
    mixed = only(report, "DATA006")
    assert mixed.data["column"] == "age"
    assert mixed.data["text_rows"] == 4
    assert mixed.data["text_examples"] == ["unknown"]


def test_single_class_target_and_missing_targets(dataset, write):
    frame = dataset("iris")
    frame = frame[frame.target == 0].copy()
    frame.loc[frame.index[:5], "target"] = np.nan
    report = check_data(write(frame), "target", **FAST)
    single = only(report, "DATA004")
    assert severity_of(single) == "error"
    assert single.data == {"target": "target", "value": "0", "rows": 45}
    assert only(report, "DATA007").data["missing_rows"] == 5
    assert "label checks skipped: the target has a single value" in report.notes


def test_target_mixing_numbers_and_words(dataset, write):
    frame = dataset("breast_cancer")
    frame["target"] = frame["target"].astype(object)
    frame.loc[:2, "target"] = "benign?"
    item = only(check_data(write(frame), "target", checks={"columns"}), "DATA006")
    assert item.data["is_target"] is True
    assert severity_of(item) == "error"


# -- input validation -----------------------------------------------------------------------


def test_missing_target_and_role_columns(dataset, write):
    path = write(dataset("iris"))
    with pytest.raises(DataError, match=r"target column 'traget' not found.*Did you mean 'target'"):
        check_data(path, "traget")
    with pytest.raises(DataError, match="group column 'plant' not found"):
        check_data(path, "target", group_col="plant")
    with pytest.raises(DataError, match="time column cannot be the target"):
        check_data(path, "target", time_col="target")


def test_test_file_with_different_columns(dataset, write):
    train, test = split(dataset("iris"))
    test = test.drop(columns=["petal_width_(cm)"]).assign(extra=1)
    with pytest.raises(DataError) as info:
        check_data(write(train), "target", write(test, "t.csv"))
    message = str(info.value)
    assert "missing from the test file: petal_width_(cm)" in message
    assert "only in the test file: extra" in message


def test_unlabelled_test_file_is_accepted(dataset, write):
    train, test = split(dataset("iris"))
    test = pd.concat([test, train.head(4)]).drop(columns=["target"])
    item = only(
        check_data(write(train), "target", write(test, "t.csv"), checks={"overlap"}), "LEAK002"
    )
    assert item.data["overlapping_rows"] >= 4
    assert "different_label" not in item.data


def test_unknown_check_name(dataset, write):
    with pytest.raises(DataError, match="unknown check"):
        check_data(write(dataset("iris")), "target", checks={"imbalanse"})


def test_every_rule_a_data_check_can_emit_is_in_the_catalog():
    from coach.catalog import default_catalog

    catalog = default_catalog()
    source = "\n".join(p.read_text() for p in (ROOT / "coach" / "data").glob("*.py"))
    emitted = set(re.findall(r'finding\(\s*"([A-Z]+[0-9]{3})"', source))
    assert {"IMB003", "LEAK002", "LEAK004", "LEAK005", "LEAK006", "BASE003"} <= emitted
    assert {f"DATA00{i}" for i in range(1, 8)} <= emitted
    assert emitted <= set(catalog.rules)
    for rule_id in emitted:
        assert "data" in catalog.get(rule_id).detectors or rule_id.startswith("LEAK"), rule_id


def test_all_checks_together_on_the_example_dataset():
    report = check_data(ROOT / "examples" / "data" / "transactions.csv", "is_fraud")
    assert set(report.summary.checks) == set(CHECKS)
    assert report.summary.rows == 3000
    imbalance = only(report, "IMB003")
    assert imbalance.data["minority_share"] == pytest.approx(93 / 3000)
    leaks = {f.data["column"]: f.data["kind"] for f in report.findings if f.rule == "LEAK004"}
    assert leaks == {"transaction_id": "identifier", "chargeback_filed": "dominant-single-feature"}


def test_report_json_has_the_documented_shape(dataset, write):
    frame = with_class_share(dataset("breast_cancer"), minority=0, share=0.05)
    payload = check_data(write(frame), "target", checks={"imbalance", "columns"}).to_json()
    assert payload["summary"]["rows"] == len(frame)
    assert payload["summary"]["columns"] == 31
    assert payload["summary"]["sampled"] is False
    (item,) = payload["findings"]
    assert set(item) == {"rule", "severity", "message", "evidence"}
    assert item["rule"] == "IMB003" and item["severity"] == "warning"
    assert item["evidence"]["minority_share"] == pytest.approx(0.05, abs=0.002)


def test_paths_as_strings_work(dataset, write):
    path: Path = write(dataset("iris"))
    assert check_data(str(path), "target", checks={"imbalance"}).summary.rows == 150
