"""Shared helpers for the `coach lint` front-end tests: run the real CLI on files in tmp_path."""

from __future__ import annotations

import itertools
import json
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest
from sarif_schema import validate_sarif

from coach.cli.main import main

# The canonical mistake every analysis recognises: a scaler fitted on all rows, then a split.
LEAKY_SCRIPT = textwrap.dedent(
    """\
    import pandas as pd
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import f1_score
    from sklearn.model_selection import train_test_split
    from sklearn.preprocessing import StandardScaler

    df = pd.read_csv("data.csv")
    X = df.drop(columns=["target"])
    y = df["target"]
    X = StandardScaler().fit_transform(X)
    X_train, X_test, y_train, y_test = train_test_split(X, y, stratify=y, random_state=0)
    model = LogisticRegression(random_state=0).fit(X_train, y_train)
    print(f1_score(y_test, model.predict(X_test)))
    """
)
LEAK_LINE = 10  # the fit_transform line of LEAKY_SCRIPT
SPLIT_LINE = 11

CLEAN_SCRIPT = textwrap.dedent(
    """\
    def add(a, b):
        return a + b


    print(add(1, 2))
    """
)


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self) -> dict:
        return json.loads(self.out)


def _output_file(args: tuple[str, ...]) -> Path | None:
    for flag, value in itertools.pairwise(args):
        if flag in ("-o", "--output-file"):
            return Path(value)
    return None


def _asks_for_sarif(args: tuple[str, ...]) -> bool:
    pairs = itertools.pairwise(args)
    return any(a in ("--format", "--output-format") and b == "sarif" for a, b in pairs)


@pytest.fixture
def lint(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    """Run `coach lint ARGS` in-process from tmp_path (the current directory)."""
    monkeypatch.chdir(tmp_path)

    def _run(*args: str) -> Result:
        capsys.readouterr()
        code = main(["lint", *args])
        captured = capsys.readouterr()
        if _asks_for_sarif(args):  # every SARIF any test produces, on stdout or in a file
            written = _output_file(args)
            text = written.read_text() if written is not None and written.exists() else captured.out
            if text.strip():
                validate_sarif(json.loads(text))
        return Result(code, captured.out, captured.err)

    return _run


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding=encoding)
    return path


def notebook(*cells: tuple[str, str], outputs: list | None = None, language: str = "python") -> str:
    """nbformat-4 JSON with the given (cell_type, source) cells."""
    return json.dumps(
        {
            "cells": [
                {
                    "cell_type": kind,
                    "metadata": {},
                    "source": source.splitlines(keepends=True),
                    **({"outputs": outputs or [], "execution_count": i} if kind == "code" else {}),
                }
                for i, (kind, source) in enumerate(cells, start=1)
            ],
            "metadata": {"kernelspec": {"name": "k", "language": language, "display_name": "K"}},
            "nbformat": 4,
            "nbformat_minor": 5,
        }
    )


def rules_at(result: Result) -> list[tuple[str, str, int | None, int | None]]:
    """(rule, path, cell, line) of every finding in a JSON result."""
    return [(f["rule"], f["path"], f["cell"], f["line"]) for f in result.json()["findings"]]


@pytest.fixture
def kit():
    """The shared texts and helpers for the front-end tests (conftest modules cannot be imported
    reliably by test modules, so they are handed out as a fixture)."""
    import types

    return types.SimpleNamespace(
        LEAKY_SCRIPT=LEAKY_SCRIPT,
        LEAK_LINE=LEAK_LINE,
        SPLIT_LINE=SPLIT_LINE,
        CLEAN_SCRIPT=CLEAN_SCRIPT,
        write=write,
        notebook=notebook,
        rules_at=rules_at,
    )
