"""Discovery and loading through the real CLI: messy real-world files are reported per file and
never stop the run."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

GENERATED = ("x = 1  # " + "." * 50 + "\n") * 40_000  # 2.4 MB in 40k lines


def _files(result) -> dict[str, dict]:
    return {f["path"]: f for f in result.json()["files"]}


def test_bad_files_are_reported_and_the_good_one_is_still_linted(kit, lint, tmp_path: Path) -> None:
    kit.write(tmp_path / "train.py", kit.LEAKY_SCRIPT)
    kit.write(tmp_path / "old.py", "import os\n\nprint 'hello'\n")
    (tmp_path / "junk.py").write_bytes(os.urandom(4096) + b"\x00\x01\x02")
    kit.write(tmp_path / "broken.ipynb", '{"cells": [ {"cell_type": "code", ')

    result = lint("--format", "json")

    files = _files(result)
    assert files["old.py"]["status"] == "syntax-error"
    assert files["old.py"]["detail"].startswith("line 3: Missing parentheses in call to 'print'")
    assert "Python 2" in files["old.py"]["detail"]
    assert files["junk.py"]["status"] == "unreadable"
    assert "binary" in files["junk.py"]["detail"]
    assert files["broken.ipynb"]["status"] == "unreadable"
    assert "not valid notebook JSON" in files["broken.ipynb"]["detail"]
    assert files["train.py"]["status"] == "ok"
    assert ("LEAK001", "train.py", None, kit.LEAK_LINE) in kit.rules_at(result)
    assert result.json()["summary"]["errors"] == 3
    assert result.code == 1
    assert "3 files not analysed (1 syntax-error, 2 unreadable)" in result.err


def test_text_output_lists_files_that_could_not_be_analysed(kit, lint, tmp_path: Path) -> None:
    kit.write(tmp_path / "old.py", "print 'hello'\n")
    result = lint()
    assert result.code == 1  # an unparsable file fails the run, as in ruff
    assert "old.py: syntax-error — line 1: Missing parentheses" in result.out
    assert result.out.strip().endswith(
        "Checked 1 file (0 with a model fit recognised): no findings; "
        "1 file not analysed (1 syntax-error)."
    )


def test_latin1_file_is_decoded_with_a_note(kit, lint, tmp_path: Path) -> None:
    source = "# Donn\xe9es: caf\xe9\n" + kit.LEAKY_SCRIPT
    (tmp_path / "legacy.py").write_bytes(source.encode("latin-1"))
    result = lint("--format", "json")
    entry = _files(result)["legacy.py"]
    assert entry["status"] == "ok"
    assert any("Latin-1" in note for note in entry["notes"])
    assert ("LEAK001", "legacy.py", None, kit.LEAK_LINE + 1) in kit.rules_at(result)


def test_coding_cookie_is_honoured_without_a_note(kit, lint, tmp_path: Path) -> None:
    text = "# -*- coding: cp1252 -*-\n# \u20ac prices\n" + kit.LEAKY_SCRIPT
    (tmp_path / "euro.py").write_bytes(text.encode("cp1252"))
    result = lint("--format", "json")
    entry = _files(result)["euro.py"]
    assert entry["status"] == "ok" and entry["notes"] == []
    finding = result.json()["findings"][0]
    assert finding["line"] == kit.LEAK_LINE + 2
    assert finding["source"] == "X = StandardScaler().fit_transform(X)"


def test_huge_file_is_too_large_but_a_big_notebook_of_outputs_is_analysed(
    kit, lint, tmp_path: Path
) -> None:
    kit.write(tmp_path / "generated.py", GENERATED)
    big_output = [{"output_type": "stream", "name": "stdout", "text": ["x" * 1000 + "\n"] * 5000}]
    kit.write(
        tmp_path / "report.ipynb", kit.notebook(("code", kit.LEAKY_SCRIPT), outputs=big_output)
    )
    assert (tmp_path / "report.ipynb").stat().st_size > 5_000_000

    result = lint("--format", "json")

    files = _files(result)
    assert files["generated.py"]["status"] == "too-large"
    assert "2.4 MB" in files["generated.py"]["detail"]
    assert "max-file-size" in files["generated.py"]["detail"]
    assert files["report.ipynb"]["status"] == "ok"
    assert ("LEAK001", "report.ipynb", 1, kit.LEAK_LINE) in kit.rules_at(result)


def test_max_file_size_can_be_raised(kit, lint, tmp_path: Path) -> None:
    kit.write(tmp_path / "generated.py", GENERATED)
    result = lint("--format", "json", "--max-file-size", "3MB")
    assert _files(result)["generated.py"]["status"] == "ok"


def test_deeply_nested_expression_is_reported_not_crashed(kit, lint, tmp_path: Path) -> None:
    kit.write(tmp_path / "nested.py", "x = " + "1 + " * 100_000 + "1\n")
    kit.write(tmp_path / "train.py", kit.LEAKY_SCRIPT)
    result = lint("--format", "json")
    entry = _files(result)["nested.py"]
    assert entry["status"] == "too-large"
    assert "nested too deeply" in entry["detail"]
    assert ("LEAK001", "train.py", None, kit.LEAK_LINE) in kit.rules_at(result)


def test_symlink_loop_does_not_hang(kit, lint, tmp_path: Path) -> None:
    project = tmp_path / "proj"
    kit.write(project / "pkg" / "train.py", kit.LEAKY_SCRIPT)
    os.symlink("..", project / "pkg" / "up")  # pkg/up -> proj: a loop
    os.symlink("self.py", project / "self.py")  # a file link pointing at itself
    result = lint("--format", "json", "proj")
    files = _files(result)
    assert files["proj/self.py"]["status"] == "unreadable"
    assert "symbolic link loop" in files["proj/self.py"]["detail"]
    assert [f for f in files if f.endswith("train.py")] == ["proj/pkg/train.py"]
    assert any("already visited" in note for note in result.json()["notes"])


def test_gitignore_and_default_folders_are_honoured(kit, lint, tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    kit.write(tmp_path / ".gitignore", "scratch/\n*_old.py\n")
    kit.write(tmp_path / "src" / "train.py", kit.LEAKY_SCRIPT)
    kit.write(tmp_path / "src" / "train_old.py", kit.LEAKY_SCRIPT)
    kit.write(tmp_path / "scratch" / "try.py", kit.LEAKY_SCRIPT)
    kit.write(tmp_path / ".venv" / "lib" / "site.py", kit.LEAKY_SCRIPT)
    kit.write(tmp_path / "src" / "nested" / ".gitignore", "local.py\n")
    kit.write(tmp_path / "src" / "nested" / "local.py", kit.LEAKY_SCRIPT)

    result = lint("--format", "json")
    assert sorted(_files(result)) == ["src/train.py"]

    # From inside the repository, the root's .gitignore still applies.
    os.chdir(tmp_path / "src")
    result = lint("--format", "json", ".")
    assert sorted(_files(result)) == ["train.py"]


def test_explicit_file_is_linted_even_if_ignored_unless_force_exclude(
    kit, lint, tmp_path: Path
) -> None:
    (tmp_path / ".git").mkdir()
    kit.write(tmp_path / ".gitignore", "*_old.py\n")
    kit.write(tmp_path / "train_old.py", kit.LEAKY_SCRIPT)
    assert sorted(_files(lint("--format", "json", "train_old.py"))) == ["train_old.py"]
    assert _files(lint("--format", "json", "--force-exclude", "train_old.py")) == {}
    assert _files(lint("--format", "json", "--no-respect-gitignore", ".")) != {}


def test_exclude_option(kit, lint, tmp_path: Path) -> None:
    kit.write(tmp_path / "src" / "train.py", kit.LEAKY_SCRIPT)
    kit.write(tmp_path / "experiments" / "a.py", kit.LEAKY_SCRIPT)
    kit.write(tmp_path / "src" / "gen_model.py", kit.LEAKY_SCRIPT)
    result = lint("--format", "json", "--exclude", "experiments/", "--exclude", "gen_*.py")
    assert sorted(_files(result)) == ["src/train.py"]


def test_missing_path_is_a_usage_error(kit, lint) -> None:
    result = lint("nope.py")
    assert result.code == 2
    assert result.err.strip() == "coach: error: nope.py: no such file or directory"
    assert result.out == ""


def test_explicit_non_python_file_is_skipped(kit, lint, tmp_path: Path) -> None:
    kit.write(tmp_path / "data.csv", "a,b\n1,2\n")
    result = lint("--format", "json", "data.csv")
    assert _files(result)["data.csv"]["status"] == "skipped"
    assert result.code == 0


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read everything")
def test_unreadable_permissions(kit, lint, tmp_path: Path) -> None:
    path = kit.write(tmp_path / "secret.py", kit.LEAKY_SCRIPT)
    path.chmod(0)
    try:
        result = lint("--format", "json")
    finally:
        path.chmod(0o644)
    assert _files(result)["secret.py"]["status"] == "unreadable"


def test_a_folder_named_explicitly_is_linted_even_inside_an_ignored_one(
    kit, lint, tmp_path: Path
) -> None:
    (tmp_path / ".git").mkdir()
    kit.write(tmp_path / ".gitignore", "vendor/\n")
    kit.write(tmp_path / "vendor" / "lib" / "train.py", kit.LEAKY_SCRIPT)
    kit.write(tmp_path / "vendor" / "lib" / ".gitignore", "skip.py\n")
    kit.write(tmp_path / "vendor" / "lib" / "skip.py", kit.LEAKY_SCRIPT)
    assert _files(lint("--format", "json")) == {}
    assert sorted(_files(lint("--format", "json", "vendor/lib"))) == ["vendor/lib/train.py"]
