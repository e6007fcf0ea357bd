"""Hostile inputs for `check-data` and `baseline`, generated at test time (small and quick).

Every case must end in a clear one-line error (exit 2) or a normal report: never a traceback,
never "please report it", never a hang, never a false leakage finding.
"""

from __future__ import annotations

import gzip
import os
import sys
import threading
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from coach.cli.main import main
from coach.data import source

from .conftest import EXAMPLE_DATA

COMMANDS = ("check-data", "baseline")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main([*argv, "--no-log", "--no-progress"])
    out, err = capsys.readouterr()
    assert "Traceback" not in err and "please report it" not in err, err
    return code, out, err


def both(capsys, path: Path, target: str = "target") -> list[tuple[int, str, str]]:
    return [run(capsys, command, str(path), "--target", target) for command in COMMANDS]


def test_a_decompression_bomb_is_stopped_with_the_numbers(capsys, tmp_path, monkeypatch):
    # The real ratio floor is 64 MB; a 1 MB floor keeps this test's bomb at 8 MB of text.
    monkeypatch.setattr(source, "RATIO_FLOOR", 1024**2)
    bomb = tmp_path / "bomb.csv.gz"
    with gzip.open(bomb, "wb", compresslevel=9) as fh:
        fh.write(b"a,b,target\n")
        for _ in range(100):
            fh.write(b"1,2,0\n" * 14_000)
    assert bomb.stat().st_size < 100_000
    for code, out, err in both(capsys, bomb):
        assert code == 2 and out == ""
        assert "decompression bomb" in err and "gzip file expands to more than" in err
        assert "over 100× its size" in err


def test_text_past_the_size_limit_is_refused_before_reading(capsys, tmp_path, monkeypatch):
    path = tmp_path / "big.csv"
    pd.read_csv(EXAMPLE_DATA).to_csv(path, index=False)
    monkeypatch.setenv(source.MAX_BYTES_ENV, "100000")
    for code, _, err in both(capsys, path, "is_fraud"):
        assert code == 2
        assert "holds 130.5 KB of text, more than the 97.7 KB" in err
        assert "COACH_DATA_MAX_BYTES=100000" in err


def test_parsing_stops_at_the_memory_limit(capsys, tmp_path, monkeypatch):
    path = tmp_path / "wide.csv"
    rng = np.random.default_rng(0)
    pd.DataFrame(rng.random((60_000, 20))).assign(target=0).to_csv(path, index=False)
    monkeypatch.setenv(source.MAX_MEMORY_ENV, "1000000")  # below what Python itself uses
    code, _, err = run(capsys, "check-data", str(path), "--target", "target")
    assert code == 2
    assert "memory use reached" in err and "past the limit of 976.6 KB" in err


def _regression_frame(rows: int = 300, seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(rows, 4))
    frame = pd.DataFrame(x, columns=["f1", "f2", "f3", "f4"])
    frame["target"] = x @ np.array([1.0, -2.0, 0.5, 0.0]) + rng.normal(scale=0.5, size=rows)
    return frame


@pytest.mark.parametrize("where", ["features", "target"])
def test_infinities_become_missing_values_with_a_note(capsys, tmp_path, where):
    frame = _regression_frame()
    columns = ["f1", "f2"] if where == "features" else ["target"]
    for index, col in enumerate(columns):
        frame.loc[index::9, col] = np.inf
        frame.loc[index + 4 :: 9, col] = -np.inf
    path = tmp_path / "inf.csv"
    frame.to_csv(path, index=False)
    for code, out, _ in both(capsys, path):
        assert code in (0, 1)
        assert "infinite values (inf / -inf) treated as missing: " in " ".join(out.split())
        assert "LEAK004" not in out
    if where == "target":
        assert "rows without a target value left out (DATA007)" in " ".join(out.split())


def test_huge_targets_give_finite_scores_and_no_false_leak(capsys, tmp_path):
    frame = _regression_frame()
    frame["target"] = frame["target"] * 3e306  # up to ~1e308: squares overflow float64
    path = tmp_path / "huge.csv"
    frame.to_csv(path, index=False)
    code, out, _ = run(capsys, "baseline", str(path), "--target", "target", "--format", "json")
    payload = __import__("json").loads(out)
    ridge = next(m for m in payload["models"] if m["name"] == "ridge")
    assert 0.5 < ridge["metrics"]["r2"]["mean"] < 1.0  # the real fit, not NaN
    assert all(np.isfinite(v["mean"]) for v in ridge["metrics"].values())
    assert not [f for f in payload["findings"] if f["rule"] == "LEAK004"]
    assert any("fitted on target / 1e+30" in n for n in payload["notes"])
    code, out, _ = run(capsys, "check-data", str(path), "--target", "target")
    assert "LEAK004" not in out and code == 0


def test_plus_minus_1e308_labels_are_two_classes_not_a_leak(capsys, tmp_path):
    frame = _regression_frame()
    frame["target"] = np.where(frame["target"] > 0, 1e308, -1e308)
    path = tmp_path / "pm.csv"
    frame.to_csv(path, index=False)
    for code, out, _ in both(capsys, path):
        assert code in (0, 1) and "LEAK004" not in out
        assert "nan" not in out.lower()
    assert "1e+308' (" in out  # a readable label, not 309 digits


@pytest.mark.parametrize("kind", ["dates", "unique"])
def test_a_class_per_row_is_not_called_a_copy_of_the_target(capsys, tmp_path, kind):
    frame = _regression_frame(200)
    if kind == "dates":
        frame["target"] = pd.date_range("2024-01-01", periods=len(frame), freq="h")
    else:
        frame["target"] = [f"case-{i}" for i in range(len(frame))]
    frame["code"] = np.arange(len(frame)) % 7  # a low-cardinality column: "one value per class"
    path = tmp_path / "odd.csv"
    frame.to_csv(path, index=False)
    code, out, _ = run(capsys, "check-data", str(path), "--target", "target")
    assert "LEAK004" not in out and "copy of the target" not in out
    assert "nearly every row is its own class" in " ".join(out.split())
    code, _, err = run(capsys, "baseline", str(path), "--target", "target")
    assert code == 2 and "nearly every row is its own class" in err
    if kind == "dates":
        assert "look like dates" in err


@pytest.mark.parametrize("device", ["/dev/zero", "link-to-urandom"])
def test_binary_devices_are_named_not_called_empty(capsys, tmp_path, device):
    path = Path(device)
    if device == "link-to-urandom":
        path = tmp_path / "data.csv"
        path.symlink_to("/dev/urandom")
    for code, out, err in both(capsys, path):
        assert code == 2 and out == ""
        assert "is a character device that delivers binary data (NUL or control bytes" in err
        assert "empty" not in err
    if device == "link-to-urandom":
        assert "(a link to /dev/urandom)" in err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_is_read_like_a_file(capsys, tmp_path):
    fifo = tmp_path / "stream.csv"
    os.mkfifo(fifo)
    payload = EXAMPLE_DATA.read_bytes()

    def writer() -> None:
        with open(fifo, "wb") as fh:
            fh.write(payload)

    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    code, out, _ = run(capsys, "check-data", str(fifo), "--target", "is_fraud")
    thread.join(timeout=10)
    assert code == 1 and "3,000 rows × 11 columns" in out
    # Read once, kept for the process: a second look at the same pipe sees the same data.
    code, out, _ = run(capsys, "baseline", str(fifo), "--target", "is_fraud")
    assert "chargeback_filed" in out


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_pipe_nobody_writes_to_times_out_with_a_message(capsys, tmp_path, monkeypatch):
    monkeypatch.setattr(source, "STREAM_TIMEOUT", 0.5)
    fifo = tmp_path / "silent.csv"
    os.mkfifo(fifo)
    code, _, err = run(capsys, "check-data", str(fifo), "--target", "y")
    assert code == 2
    assert "is a named pipe (FIFO), and nothing arrived for 0 s" in err


@pytest.mark.skipif(sys.platform != "linux", reason="process substitution via /dev/fd")
def test_process_substitution_in_a_real_shell(run_coach):
    import shlex
    import subprocess

    command = (
        f"{shlex.quote(sys.executable)} -m coach check-data "
        f"<(cat {shlex.quote(str(EXAMPLE_DATA))}) --target is_fraud --no-log --no-progress"
    )
    result = subprocess.run(
        ["bash", "-c", command], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 1, result.stderr
    assert "3,000 rows × 11 columns" in result.stdout
    assert "IMB003" in result.stdout and "Traceback" not in result.stderr


def test_decimal_comma_csv_is_read_as_numbers_with_a_note(capsys, tmp_path):
    frame = pd.read_csv(EXAMPLE_DATA)
    path = tmp_path / "eu.csv"
    text = frame.to_csv(index=False, sep=";", decimal=",")
    path.write_text(text, encoding="utf-8")
    _, out, _ = run(capsys, "check-data", str(path), "--target", "is_fraud")
    flat = " ".join(out.split())
    assert "read as numbers written with a decimal comma: 'amount' (e.g. '130,27' → 130.27)" in flat
    assert "DATA006" not in out  # not reported as a text column mixing numbers and words
    from coach.data.load import load_table

    loaded = load_table(path)
    assert loaded["amount"].dtype == "float64"
    assert loaded["amount"].sum() == pytest.approx(frame["amount"].sum())


def test_quoted_decimal_commas_in_a_comma_separated_file(tmp_path):
    from coach.data.load import load_notes, load_table

    path = tmp_path / "quoted.csv"
    path.write_text('price,qty,target\n"1.234,5",3,0\n"12,75",4,1\n"0,5",5,0\n', encoding="utf-8")
    loaded = load_table(path)
    assert loaded["price"].tolist() == [1234.5, 12.75, 0.5]
    assert loaded["qty"].tolist() == [3, 4, 5]
    assert "decimal comma" in load_notes(loaded)[0]
