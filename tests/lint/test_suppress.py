"""Suppression comments, and warnings for the ones that no longer suppress anything."""

from __future__ import annotations

from pathlib import Path

import pytest

FIT = "X = StandardScaler().fit_transform(X)"


def _with_comment(kit, comment: str) -> str:
    return kit.LEAKY_SCRIPT.replace(FIT, f"{FIT}  {comment}")


@pytest.mark.parametrize(
    "comment",
    [
        "# coach: ignore[LEAK001]",
        "# coach: ignore[LEAK]",
        "# coach:ignore[leak001, IMB001]",
        "# noqa: LEAK001",
        "# noqa: E501, LEAK001",
        "# coach: ignore",
    ],
)
def test_line_suppression(kit, lint, tmp_path: Path, comment: str) -> None:
    kit.write(tmp_path / "train.py", _with_comment(kit, comment))
    result = lint("--format", "json", "--select", "LEAK001")
    assert result.json()["findings"] == []
    assert result.json()["summary"]["suppressed"] == 1
    assert result.code == 0


def test_bare_noqa_does_not_hide_coach_findings(kit, lint, tmp_path: Path) -> None:
    kit.write(tmp_path / "train.py", _with_comment(kit, "# noqa"))
    result = lint("--format", "json", "--select", "LEAK001")
    assert kit.rules_at(result) == [("LEAK001", "train.py", None, kit.LEAK_LINE)]


def test_comment_for_another_rule_does_not_suppress(kit, lint, tmp_path: Path) -> None:
    kit.write(tmp_path / "train.py", _with_comment(kit, "# coach: ignore[LEAK002]"))
    result = lint("--format", "json", "--select", "LEAK001,LEAK002")
    assert kit.rules_at(result) == [("LEAK001", "train.py", None, kit.LEAK_LINE)]
    unused = result.json()["unused_suppressions"]
    assert unused == [
        {
            "path": "train.py",
            "line": kit.LEAK_LINE,
            "cell": None,
            "comment": "# coach: ignore[LEAK002]",
            "codes": ["LEAK002"],
            "reason": "no such finding here",
        }
    ]


def test_file_level_suppression(kit, lint, tmp_path: Path) -> None:
    kit.write(tmp_path / "a.py", "# coach: ignore-file[LEAK001]\n" + kit.LEAKY_SCRIPT)
    kit.write(tmp_path / "b.py", kit.LEAKY_SCRIPT + "# coach: ignore-file\n")
    kit.write(tmp_path / "c.py", kit.LEAKY_SCRIPT)
    result = lint("--format", "json", "--select", "LEAK001")
    assert [f["path"] for f in result.json()["findings"]] == ["c.py"]
    assert result.json()["unused_suppressions"] == []


def test_unused_suppression_warning_in_text_output(kit, lint, tmp_path: Path) -> None:
    kit.write(
        tmp_path / "train.py",
        kit.CLEAN_SCRIPT + "x = 1  # coach: ignore[LEAK001]\ny = 2  # noqa: LEAK002, E501\n",
    )
    result = lint("--select", "LEAK001")
    assert result.code == 0  # a warning, not a finding
    assert (
        "warning: train.py:6: unused suppression `# coach: ignore[LEAK001]` — LEAK001: "
        "no such finding here"
    ) in result.out
    # LEAK002 is not selected: whether its comment is still needed cannot be known.
    assert "LEAK002" not in result.out
    assert result.out.strip().endswith("no findings; 1 unused suppression.")


def test_unknown_code_in_a_suppression_is_reported(kit, lint, tmp_path: Path) -> None:
    kit.write(tmp_path / "train.py", _with_comment(kit, "# coach: ignore[LEAK001, LAEK009]"))
    result = lint("--format", "json", "--select", "LEAK001")
    assert result.json()["findings"] == []
    [unused] = result.json()["unused_suppressions"]
    assert (unused["codes"], unused["reason"]) == (["LAEK009"], "unknown rule code")


def test_suppression_inside_a_notebook_cell(kit, lint, tmp_path: Path) -> None:
    kit.write(
        tmp_path / "nb.ipynb",
        kit.notebook(
            ("code", "import os  # coach: ignore[LEAK001]"),
            ("code", _with_comment(kit, "# coach: ignore[LEAK001]")),
        ),
    )
    result = lint("--format", "json", "--select", "LEAK001")
    assert result.json()["findings"] == []
    [unused] = result.json()["unused_suppressions"]
    assert (unused["cell"], unused["line"]) == (1, 1)
