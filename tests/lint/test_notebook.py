"""Notebooks and exported scripts: IPython syntax is tolerated and findings point at cell + line."""

from __future__ import annotations

import json
from pathlib import Path

from coach.lint.notebook import neutralise_cell

MAGIC_CELL = "%matplotlib inline\n!pip install -q scikit-learn\nfiles = !ls data\ndf.head?\n"


def test_notebook_with_magics_reports_cell_and_line(kit, lint, tmp_path: Path) -> None:
    kit.write(
        tmp_path / "explore.ipynb",
        kit.notebook(
            ("markdown", "# Exploring the data"),
            ("code", MAGIC_CELL),
            ("code", "%%bash\necho this is not python ((\n"),
            ("code", "%%time\n" + kit.LEAKY_SCRIPT),
        ),
    )
    result = lint("--format", "json")
    assert result.json()["files"][0]["status"] == "ok"
    finding = result.json()["findings"][0]
    # Cell 4 (markdown counts: editors number every cell); `%%time` is line 1 of the cell.
    assert (finding["rule"], finding["cell"], finding["line"]) == ("LEAK001", 4, kit.LEAK_LINE + 1)
    assert finding["source"] == "X = StandardScaler().fit_transform(X)"
    assert finding["related"][0]["cell"] == 4
    assert finding["related"][0]["line"] == kit.SPLIT_LINE + 1


def test_text_output_names_the_cell(kit, lint, tmp_path: Path) -> None:
    kit.write(
        tmp_path / "nb.ipynb", kit.notebook(("code", "import os"), ("code", kit.LEAKY_SCRIPT))
    )
    result = lint()
    assert f"--> nb.ipynb:cell 2:{kit.LEAK_LINE}:1" in result.out
    assert "X = StandardScaler().fit_transform(X)" in result.out


def test_timed_statement_keeps_its_python(kit, lint, tmp_path: Path) -> None:
    script = kit.LEAKY_SCRIPT.replace(
        "X = StandardScaler().fit_transform(X)", "%time X = StandardScaler().fit_transform(X)"
    )
    kit.write(tmp_path / "nb.ipynb", kit.notebook(("code", script)))
    result = lint("--format", "json")
    finding = result.json()["findings"][0]
    assert (finding["cell"], finding["line"]) == (1, kit.LEAK_LINE)
    # The user's own line is shown, magic included.
    assert finding["source"] == "%time X = StandardScaler().fit_transform(X)"


def test_cell_with_a_syntax_error_is_left_out_with_a_note(kit, lint, tmp_path: Path) -> None:
    kit.write(
        tmp_path / "nb.ipynb",
        kit.notebook(
            ("code", "import pandas as pd"),
            ("code", "def broken(:\n    pass"),
            ("code", kit.LEAKY_SCRIPT),
        ),
    )
    result = lint("--format", "json")
    entry = result.json()["files"][0]
    assert entry["status"] == "ok"
    assert entry["notes"] == ["cell 2 not analysed: cell 2, line 1: invalid syntax"]
    assert kit.rules_at(result) == [("LEAK001", "nb.ipynb", 3, kit.LEAK_LINE)]


def test_python2_notebook_is_a_syntax_error(kit, lint, tmp_path: Path) -> None:
    kit.write(
        tmp_path / "old.ipynb",
        kit.notebook(("code", "print 'a'"), ("code", "print 'b'"), ("code", "x = 1")),
    )
    entry = lint("--format", "json").json()["files"][0]
    assert entry["status"] == "syntax-error"
    assert entry["detail"].startswith("cell 2, line 1: Missing parentheses in call to 'print'")


def test_non_python_notebook_is_skipped(kit, lint, tmp_path: Path) -> None:
    kit.write(tmp_path / "r.ipynb", kit.notebook(("code", "x <- 1"), language="R"))
    entry = lint("--format", "json").json()["files"][0]
    assert (entry["status"], entry["detail"]) == (
        "skipped",
        "the notebook's language is r, not Python",
    )


def test_notebook_json_without_cells_is_unreadable(kit, lint, tmp_path: Path) -> None:
    kit.write(tmp_path / "x.ipynb", json.dumps({"metadata": {}}))
    entry = lint("--format", "json").json()["files"][0]
    assert entry["status"] == "unreadable"
    assert entry["detail"] == "not a Jupyter notebook (no 'cells' list)"


def test_nbformat3_notebook_is_read(kit, lint, tmp_path: Path) -> None:
    old = {
        "worksheets": [
            {"cells": [{"cell_type": "code", "input": kit.LEAKY_SCRIPT.splitlines(True)}]}
        ],
        "metadata": {},
        "nbformat": 3,
    }
    kit.write(tmp_path / "v3.ipynb", json.dumps(old))
    assert kit.rules_at(lint("--format", "json")) == [("LEAK001", "v3.ipynb", 1, kit.LEAK_LINE)]


def test_exported_script_maps_lines_to_cells(kit, lint, tmp_path: Path) -> None:
    exported = (
        "#!/usr/bin/env python\n# coding: utf-8\n\n# In[1]:\n\n\n"
        "get_ipython().run_line_magic('matplotlib', 'inline')\n"
        "get_ipython().system('pip install lightgbm')\n\n\n# In[ ]:\n\n\n"
        "!pip install raw-shell-line-left-by-hand\n" + kit.LEAKY_SCRIPT
    )
    kit.write(tmp_path / "kaggle.py", exported)
    result = lint("--format", "json")
    entry = result.json()["files"][0]
    assert (entry["status"], entry["kind"]) == ("ok", "exported")
    file_line = exported.splitlines().index("X = StandardScaler().fit_transform(X)") + 1
    assert kit.rules_at(result) == [("LEAK001", "kaggle.py", 2, file_line)]
    assert f"kaggle.py:{file_line}:1 (cell 2)" in lint().out


def test_neutralising_keeps_line_count_and_python_inside_brackets() -> None:
    cell = "x = f(a,\n      %b)\n!ls\ny = (1 +\n     2)\n%who"
    lines, changed = neutralise_cell(cell)
    assert lines == ["x = f(a,", "      %b)", "pass", "y = (1 +", "     2)", "pass"]
    assert changed == 2
    assert neutralise_cell("%%writefile a.txt\nhello\n")[0] == ["", "", ""]
