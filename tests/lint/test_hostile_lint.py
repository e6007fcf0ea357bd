"""Hostile input for `coach lint`, generated at test time and bounded in size and time: a tree
985 folders deep, a notebook holding a 100,000-digit number, and a run killed with SIGKILL or
SIGTERM while its workers are busy. No traceback, no "please report it", no hang, no orphan."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

DEPTH = 985


def _deep_tree(root: Path) -> Path:
    """`root/d/d/.../d/train.py`, built with relative paths (no path grows past PATH_MAX)."""
    here = os.getcwd()
    try:
        os.chdir(root)
        for _ in range(DEPTH):
            os.mkdir("d")
            os.chdir("d")
        Path("train.py").write_text(
            "from sklearn.preprocessing import StandardScaler\n"
            "from sklearn.model_selection import train_test_split\n"
            "X = StandardScaler().fit_transform(X)\n"
            "X_train, X_test = train_test_split(X)\n"
        )
    finally:
        os.chdir(here)
    return root


def _remove_deep_tree(root: Path) -> None:
    """Remove the tree bottom-up without recursion (pytest's own clean-up would recurse)."""
    here = os.getcwd()
    try:
        os.chdir(root)
        depth = 0
        while os.path.isdir("d"):
            os.chdir("d")
            depth += 1
        for name in os.listdir("."):
            os.remove(name)
        for _ in range(depth):
            os.chdir("..")
            os.rmdir("d")
    finally:
        os.chdir(here)


def test_a_tree_985_folders_deep_is_linted(tmp_path: Path, run_coach) -> None:
    _deep_tree(tmp_path)
    try:
        done = run_coach("lint", ".", cwd=tmp_path, timeout=120)
    finally:
        _remove_deep_tree(tmp_path)
    assert "Traceback" not in done.stderr and "RecursionError" not in done.stderr
    assert "please report it" not in done.stdout + done.stderr
    assert "LEAK001" in done.stdout  # the file at the bottom was found and analysed


def test_a_notebook_with_a_100000_digit_number_is_reported_and_the_run_goes_on(
    tmp_path: Path, run_coach
) -> None:
    big = "1" * 100_000
    (tmp_path / "big.ipynb").write_text(
        '{"cells": [{"cell_type": "code", "source": ["x = 1\\n"], "metadata": {}, '
        f'"outputs": [], "execution_count": {big}}}], "metadata": {{}}, "nbformat": 4, '
        '"nbformat_minor": 5}'
    )
    cell = {"cell_type": "code", "source": [f"x = {big}\n"], "metadata": {}, "outputs": []}
    (tmp_path / "big_source.ipynb").write_text(
        json.dumps({"cells": [cell], "metadata": {}, "nbformat": 4, "nbformat_minor": 5})
    )
    (tmp_path / "train.py").write_text(
        "from sklearn.preprocessing import StandardScaler\n"
        "from sklearn.model_selection import train_test_split\n"
        "X = StandardScaler().fit_transform(X)\n"
        "X_train, X_test = train_test_split(X)\n"
    )
    done = run_coach("lint", ".", cwd=tmp_path, timeout=120)
    out = done.stdout + done.stderr
    assert "Traceback" not in out and "please report it" not in out and "internal error" not in out
    assert "big.ipynb" in out and "big_source.ipynb" in out  # each named, with what is wrong
    assert "LEAK001" in done.stdout  # the rest of the run went on


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found |= {int(c) for c in (task / "children").read_text().split()}
        except OSError:
            continue
    return found


def _alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in status


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["kill-9", "sigterm"])
def test_killing_a_parallel_lint_leaves_no_worker_alive(tmp_path: Path, sig) -> None:
    # Enough code for the parallel path (> 1.5 MB over many files) and for a few seconds of work.
    chunk = "".join(
        f"def f{i}(X, y):\n    s = StandardScaler().fit(X)\n    return s.transform(X)\n"
        for i in range(400)
    )
    header = "from sklearn.preprocessing import StandardScaler\n"
    for n in range(120):
        (tmp_path / f"m{n}.py").write_text(header + chunk)
    proc = subprocess.Popen(
        [sys.executable, "-m", "coach", "lint", "--jobs", "2", "."],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    workers: set[int] = set()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(workers) < 2 and proc.poll() is None:
        workers |= _children(proc.pid)
        time.sleep(0.05)
    assert workers, "the run finished before its workers could be seen; make it bigger"
    proc.send_signal(sig)
    proc.wait(timeout=30)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(w) for w in workers):
        time.sleep(0.1)
    left = [w for w in workers if _alive(w)]
    for w in left:  # never leave them behind, even when the test fails
        os.kill(w, signal.SIGKILL)
    assert left == []
