"""`coach lint` end to end: exit codes, defaults, the real subprocess, parallel runs, imports."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from sarif_schema import validate_sarif

ROOT = Path(__file__).resolve().parents[2]


def test_exit_codes(kit, lint, tmp_path: Path) -> None:
    kit.write(tmp_path / "clean.py", kit.CLEAN_SCRIPT)
    assert lint("clean.py").code == 0
    kit.write(tmp_path / "train.py", kit.LEAKY_SCRIPT)
    assert lint("train.py").code == 1
    assert lint("--exit-zero", "train.py").code == 0
    assert lint("--select", "NOPE").code == 2
    assert lint("--jobs", "0").code == 2


def test_usage_errors_exit_2_without_a_traceback(lint, capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        lint("--format", "yaml")
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "argument --output-format/--format: invalid choice: 'yaml'" in err
    assert "Traceback" not in err


def test_no_paths_lints_the_current_directory(kit, lint, tmp_path: Path) -> None:
    kit.write(tmp_path / "pkg" / "train.py", kit.LEAKY_SCRIPT)
    result = lint("--format", "json")
    assert [f["path"] for f in result.json()["files"]] == ["pkg/train.py"]
    assert result.code == 1


def test_empty_folder_says_so(lint) -> None:
    result = lint()
    assert result.code == 0
    assert result.out.strip() == "Checked 0 files (0 with a model fit recognised): no findings."


def test_verbose_lists_what_was_recognised(kit, lint, tmp_path: Path) -> None:
    kit.write(tmp_path / "train.py", kit.LEAKY_SCRIPT)
    kit.write(tmp_path / "util.py", kit.CLEAN_SCRIPT)
    out = lint("-v").out
    assert "  train.py (13 lines): model fit recognised, evaluation recognised" in out
    assert "  util.py (5 lines): no model fit recognised" in out


def test_parallel_run_gives_the_same_report(kit, lint, tmp_path: Path) -> None:
    padding = "# " + "x" * 98 + "\n"
    for index in range(12):  # 12 files of ~150 kB: large enough to use the process pool
        kit.write(tmp_path / f"m{index:02d}.py", kit.LEAKY_SCRIPT + padding * 1500)
    kit.write(tmp_path / "old.py", "print 'x'\n")
    serial = lint("--format", "json", "--jobs", "1").json()
    parallel = lint("--format", "json", "--jobs", "2").json()
    assert serial["run"]["jobs"] == 1 and parallel["run"]["jobs"] == 2
    for report in (serial, parallel):
        del report["run"]
    assert parallel == serial
    assert serial["summary"]["findings"] >= 12
    assert serial["summary"]["errors"] == 1


def test_real_command_in_a_subprocess(kit, tmp_path: Path) -> None:
    kit.write(tmp_path / "train.py", kit.LEAKY_SCRIPT)
    result = subprocess.run(
        [sys.executable, "-m", "coach", "lint", "--format", "json", "train.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1, result.stderr
    data = json.loads(result.stdout)
    assert ("LEAK001", "train.py", None, kit.LEAK_LINE) in [
        (f["rule"], f["path"], f["cell"], f["line"]) for f in data["findings"]
    ]
    assert result.stderr.startswith("Checked 1 file (1 with a model fit recognised)")


def test_help_documents_exit_codes_and_suppression(lint, capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        lint("--help")
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert "0 no findings, 1 findings or a file that could not be parsed or read" in out
    assert "--ignore-unparsable" in out and "2 usage or internal error" in out
    assert "# coach: ignore[LEAK001]" in out
    assert "--write-baseline" in out


def test_linting_never_imports_heavy_libraries(kit, tmp_path: Path) -> None:
    kit.write(tmp_path / "train.py", kit.LEAKY_SCRIPT)
    kit.write(tmp_path / "nb.ipynb", kit.notebook(("code", kit.LEAKY_SCRIPT)))
    probe = (
        "import sys\n"
        "from coach.cli.main import main\n"
        "code = main(['lint', '--format', 'sarif', '--output-file', 'out.sarif', '.'])\n"
        "heavy = sorted(m for m in sys.modules "
        "if m.split('.')[0] in ('sklearn', 'litellm', 'textual', 'pandas', 'numpy'))\n"
        "print(code, heavy)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert result.stdout.strip() == "1 []", result.stderr
    validate_sarif(json.loads((tmp_path / "out.sarif").read_text()))


def test_pre_commit_hook_definition() -> None:
    text = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "- id: coach-lint" in text
    assert "entry: coach lint" in text
    assert "language: python" in text
    assert "types_or: [python, jupyter]" in text
    assert "--force-exclude" in text
    assert "--ignore BASE001" in text  # staged files alone cannot show a project has no baseline


def test_a_crash_in_the_analysis_is_contained_to_its_file(kit, lint, tmp_path, monkeypatch) -> None:
    import coach.lint.analysis as analysis

    real = analysis.analyze_source

    def fragile(source, tree):
        if source.path == "weird.py":
            raise ValueError("unexpected node")
        return real(source, tree)

    monkeypatch.setattr(analysis, "analyze_source", fragile)
    kit.write(tmp_path / "weird.py", kit.CLEAN_SCRIPT)
    kit.write(tmp_path / "train.py", kit.LEAKY_SCRIPT)
    result = lint("--format", "json", "--jobs", "1")
    assert result.code == 2  # an internal error is never a silent pass
    files = {f["path"]: f for f in result.json()["files"]}
    assert files["weird.py"]["status"] == "skipped"
    assert files["weird.py"]["detail"] == (
        "internal error in the analysis: ValueError: unexpected node"
    )
    assert ("LEAK001", "train.py", None, kit.LEAK_LINE) in kit.rules_at(result)
    assert "the analysis failed on some files" in result.err
