"""--write-baseline / --baseline: adopt Coach on an existing repository, see only new findings."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest


@pytest.fixture
def repo(kit, tmp_path: Path) -> Path:
    kit.write(tmp_path / "src" / "train.py", kit.LEAKY_SCRIPT)
    kit.write(tmp_path / "src" / "other.py", kit.LEAKY_SCRIPT)
    return tmp_path


def test_baseline_hides_known_findings_even_after_lines_move(kit, lint, repo: Path) -> None:
    written = lint("--write-baseline", "coach-baseline.json")
    assert written.code == 0
    assert "wrote 2 finding(s) to coach-baseline.json" in written.err
    stored = json.loads((repo / "coach-baseline.json").read_text())
    assert [entry["path"] for entry in stored["findings"]] == ["src/other.py", "src/train.py"]

    # Unrelated edits: ten lines inserted above the finding, another function added below.
    train = repo / "src" / "train.py"
    train.write_text(
        '"""Training."""\n' + "import os\n" * 9 + kit.LEAKY_SCRIPT + "\n\ndef helper():\n    pass\n"
    )
    result = lint("--baseline", "coach-baseline.json", "--format", "json")
    assert result.code == 0
    assert result.json()["findings"] == []
    assert result.json()["summary"]["baselined"] == 2
    assert "2 in the baseline" in result.err


def test_a_new_finding_is_reported_despite_the_baseline(kit, lint, repo: Path) -> None:
    lint("--write-baseline", "baseline.json")
    kit.write(repo / "src" / "new.py", kit.LEAKY_SCRIPT)
    # A second, identical mistake in a known file is new too (occurrence count).
    train = repo / "src" / "train.py"
    train.write_text(kit.LEAKY_SCRIPT + kit.LEAKY_SCRIPT.split("\n", 8)[-1])
    result = lint("--baseline", "baseline.json", "--format", "json", "--select", "LEAK001")
    assert result.code == 1
    found = sorted((f["path"], f["line"]) for f in result.json()["findings"])
    second = kit.LEAKY_SCRIPT.count("\n") + kit.LEAK_LINE - 8
    assert found == [("src/new.py", kit.LEAK_LINE), ("src/train.py", second)]


def test_editing_the_offending_line_makes_it_new(lint, repo: Path) -> None:
    lint("--write-baseline", "baseline.json")
    train = repo / "src" / "train.py"
    train.write_text(
        train.read_text().replace(
            "X = StandardScaler().fit_transform(X)",
            "X = StandardScaler(with_std=False).fit_transform(X)",
        )
    )
    result = lint("--baseline", "baseline.json", "--format", "json", "--select", "LEAK001")
    assert [f["path"] for f in result.json()["findings"]] == ["src/train.py"]


def test_baseline_works_from_another_directory(kit, lint, repo: Path) -> None:
    lint("--write-baseline", "baseline.json")
    os.chdir(repo / "src")
    result = lint("--baseline", "../baseline.json", "--format", "json", ".")
    assert result.json()["findings"] == []
    assert result.code == 0


def test_missing_or_broken_baseline_is_a_usage_error(lint, repo: Path) -> None:
    result = lint("--baseline", "nope.json")
    assert result.code == 2
    assert "nope.json: baseline file not found (create it with --write-baseline nope.json)" in (
        result.err
    )
    (repo / "bad.json").write_text("{not json")
    result = lint("--baseline", "bad.json")
    assert result.code == 2
    assert "bad.json: not a Coach baseline file" in result.err
