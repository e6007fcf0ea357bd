"""`coach check-data` and `coach baseline` end to end: output, exit codes, the log, bad input."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from coach.catalog import default_catalog
from coach.cli.main import main
from coach.data.progress import StderrProgress
from coach.store import Store

from .conftest import EXAMPLE_DATA, split


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_check_data_json_on_the_example_project_is_logged(capsys, db_path):
    code, out, _ = run(
        capsys, "--db", str(db_path), "check-data", str(EXAMPLE_DATA), "--target", "is_fraud",
        "--format", "json", "--no-progress",
    )  # fmt: skip
    assert code == 1  # warnings found
    payload = json.loads(out)
    rules = [f["rule"] for f in payload["findings"]]
    assert rules.count("LEAK004") == 2 and "IMB003" in rules
    assert payload["summary"]["rows"] == 3000 and payload["summary"]["sampled"] is False
    imbalance = next(f for f in payload["findings"] if f["rule"] == "IMB003")
    assert imbalance["severity"] == "warning"
    assert imbalance["evidence"]["counts"] == {"0": 2907, "1": 93}
    with Store.open(db_path) as store:
        logged = store.list_suggestions(session=payload["log"]["session"])
        assert sorted(s.rule for s in logged) == sorted(rules)
        imb = next(s for s in logged if s.rule == "IMB003")
        assert imb.source == "rule" and imb.status == "pending" and not imb.draft
        assert imb.evidence[0].data["minority_share"] == pytest.approx(0.031)
        assert imb.title == default_catalog().get("IMB003").title
        session = store.get_session(payload["log"]["session"])
        assert session.data == str(EXAMPLE_DATA) and session.target == "is_fraud"


def test_check_data_text_output(capsys, db_path, write, dataset):
    train, test = split(dataset("breast_cancer"))
    test = pd.concat([test, train.head(20)])
    code, out, _ = run(
        capsys, "--db", str(db_path), "check-data", str(write(train)), "--test",
        str(write(test, "test.csv")), "--target", "target", "--no-progress",
    )  # fmt: skip
    assert code == 1
    assert "398 rows × 31 columns · target 'target' (classification, 2 classes)" in out
    assert "error    LEAK002  20 of 191 test rows (10.5%) repeat a training row" in out
    assert "1 finding (1 error)" in out
    assert "logged 1 suggestion(s) to session" in out


def test_clean_data_exits_zero_and_no_log_writes_nothing(capsys, db_path, write, dataset):
    shuffled = dataset("wine").sample(frac=1.0, random_state=0)  # the bundled file is sorted
    code, out, _ = run(
        capsys, "--db", str(db_path), "check-data", str(write(shuffled)), "--target",
        "target", "--no-log", "--no-progress",
    )  # fmt: skip
    assert code == 0
    assert "no findings" in out
    assert not db_path.exists()


def test_sub_command_db_option_and_session(capsys, tmp_path, write, dataset):
    db = tmp_path / "other.db"
    path = str(write(dataset("breast_cancer").sort_values("target")))
    for _ in range(2):
        code, _, _ = run(
            capsys, "check-data", path, "--target", "target", "--db", str(db), "--session",
            "s-data", "--checks", "order", "--no-progress",
        )  # fmt: skip
        assert code == 1
    with Store.open(db) as store:
        assert [s.rule for s in store.list_suggestions(session="s-data")] == ["DATA005", "DATA005"]


def test_baseline_text_table_and_log(capsys, db_path, write, dataset):
    code, out, _ = run(
        capsys, "--db", str(db_path), "baseline", str(write(dataset("breast_cancer"))),
        "--target", "target", "--cv", "3", "--no-progress",
    )  # fmt: skip
    assert code == 0
    lines = out.splitlines()
    header = next(line for line in lines if line.startswith("metric"))
    assert header.split() == [
        "metric",
        "dummy-most-frequent",
        "dummy-stratified",
        "logistic-regression",
    ]
    row = next(line for line in lines if line.startswith("balanced accuracy"))
    assert "0.500 ± 0.000" in row
    assert "3-fold stratified cross-validation, shuffled (seed 0)" in out
    assert "no findings" in out
    with Store.open(db_path) as store:
        (suggestion,) = store.list_suggestions()
        assert suggestion.rule == "BASE001" and suggestion.severity == "info"
        assert "logistic-regression 0.9" in suggestion.title
        assert "dummy-most-frequent 0.500 ± 0.000" in suggestion.title
        models = suggestion.evidence[0].data["models"]
        assert models["dummy-most-frequent"]["balanced_accuracy"] == {"mean": 0.5, "std": 0.0}


def test_baseline_json_shape_and_model_score(capsys, db_path):
    code, out, _ = run(
        capsys, "--db", str(db_path), "baseline", str(EXAMPLE_DATA), "--target", "is_fraud",
        "--cv", "3", "--model-score", "accuracy=0.97", "--format", "json", "--no-progress",
    )  # fmt: skip
    assert code == 1
    payload = json.loads(out)
    assert payload["task"] == "classification" and payload["cv"] == 3
    first = payload["models"][0]
    assert first["name"] == "dummy-most-frequent"
    assert first["metrics"]["balanced_accuracy"]["mean"] == 0.5
    assert first["metrics"]["balanced_accuracy"]["std"] == 0.0
    finding, leak = payload["findings"]
    assert finding["rule"] == "BASE003" and finding["severity"] == "error"
    assert finding["evidence"]["trivial_mean"] == pytest.approx(2907 / 3000, abs=0.002)
    assert leak["rule"] == "LEAK004" and leak["evidence"]["column"] == "chargeback_filed"
    assert "transaction_id" in payload["dropped_columns"]
    assert list(payload["leakage_columns"]) == ["chargeback_filed"]
    with Store.open(db_path) as store:
        rules = sorted(s.rule for s in store.list_suggestions())
        assert rules == ["BASE001", "BASE003", "LEAK004"]


@pytest.mark.parametrize(
    ("content", "args", "expected"),
    [
        (b"a,target\n1,0\n", ["--target", "traget"], "target column 'traget' not found"),
        (b"", ["--target", "y"], "the file is empty"),
        ("x,y\ncaf\xe9,1\n".encode("latin-1"), ["--target", "y"], "pass --encoding "),
        (b'{"rows": [1, 2]}', ["--target", "y"], "looks like JSON, not a table"),
        (b"\x00\x01\x02binary\x00", ["--target", "y"], "binary file"),
        (b"a,y\n1,2\n3,4,5\n", ["--target", "y"], "line 3 has 3 fields"),
    ],
)
def test_bad_input_is_one_clear_line_and_exit_2(capsys, tmp_path, content, args, expected):
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    for command in ("check-data", "baseline"):
        code, out, err = run(capsys, command, str(path), *args, "--no-log", "--no-progress")
        assert code == 2
        assert out == ""
        assert err.startswith("coach: error: ") and expected in err
        assert len(err.strip().splitlines()) == 1
        assert "Traceback" not in err


def test_test_file_with_different_columns_and_single_class_baseline(capsys, write, dataset):
    iris = dataset("iris")
    train, test = split(iris)
    code, _, err = run(
        capsys, "check-data", str(write(train)), "--test", str(write(test.drop(columns=["target",
        "sepal_length_(cm)"]), "t.csv")), "--target", "target", "--no-log", "--no-progress",
    )  # fmt: skip
    assert code == 2 and "missing from the test file: sepal_length_(cm)" in err
    single = write(iris[iris.target == 2], "one.csv")
    code, _, err = run(capsys, "baseline", str(single), "--target", "target", "--no-log")
    assert code == 2 and "single class ('2')" in err
    code, out, _ = run(
        capsys, "check-data", str(single), "--target", "target", "--no-log", "--no-progress"
    )
    assert code == 1 and "error    DATA004" in out


def test_real_process_keeps_json_stdout_clean_and_progress_on_stderr(run_coach, tmp_path):
    big = tmp_path / "big.csv"
    frame = pd.concat([pd.read_csv(EXAMPLE_DATA)] * 20, ignore_index=True)  # 60,000 rows
    frame.to_csv(big, index=False)
    result = run_coach(
        "check-data", str(big), "--target", "is_fraud", "--format", "json", "--no-log"
    )
    assert result.returncode == 1, result.stderr
    payload = json.loads(result.stdout)  # nothing but JSON on stdout
    within = next(f for f in payload["findings"] if f["evidence"].get("scope") == "within-train")
    assert within["evidence"]["duplicate_rows"] == 57_000
    assert payload["summary"]["sampled"] is True
    assert payload["summary"]["sample_size"] == pytest.approx(20_000, abs=100)
    assert "Traceback" not in result.stderr
    # Progress, when shown (work over a second on a non-terminal), is plain percentage lines.
    for line in result.stderr.splitlines():
        assert line.startswith("coach: ") and line.endswith("%")


def test_progress_rendering():
    plain = io.StringIO()
    progress = StderrProgress(plain, delay=0.0)
    for done in range(0, 101, 5):
        progress("hashing rows", done, 100)
    assert plain.getvalue().splitlines() == [
        "coach: hashing rows: 0%",
        "coach: hashing rows: 25%",
        "coach: hashing rows: 50%",
        "coach: hashing rows: 75%",
        "coach: hashing rows: 100%",
    ]

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    tty = Terminal()
    bar = StderrProgress(tty, delay=0.0)
    bar("fitting", 1, 2)
    bar.close()
    assert "\r" in tty.getvalue() and "[############............]  50%" in tty.getvalue()
    quiet = io.StringIO()
    StderrProgress(quiet, delay=60.0)("fast work", 1, 2)  # finished within the delay
    assert quiet.getvalue() == ""


def test_help_lists_the_checks_and_exit_codes(capsys):
    with pytest.raises(SystemExit):
        main(["check-data", "--help"])
    out = capsys.readouterr().out
    assert "imbalance — class imbalance (IMB003)" in " ".join(out.split())
    assert "exit status" in out


def test_checks_option_and_notes(capsys, write, dataset):
    path = str(write(dataset("iris")))
    code, _, err = run(capsys, "check-data", path, "--target", "target", "--checks", "imbalanse")
    assert code == 2 and "unknown check(s): imbalanse; known checks: target, imbalance" in err
    frame = dataset("iris").assign(day=pd.date_range("2024-01-01", periods=150).astype(str))
    code, out, _ = run(
        capsys, "check-data", str(write(frame, "dated.csv")), "--target", "target", "--time-col",
        "day", "--checks", "time,imbalance", "--no-log", "--no-progress",
    )  # fmt: skip
    assert code == 0
    assert "note: LEAK005 (time) needs a test file: pass --test FILE with --time-col" in out
