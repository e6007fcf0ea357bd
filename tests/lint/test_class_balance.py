"""Imbalance evidence: IMB001/IMB002 speak only when something shows the classes are uneven.

The fixtures under tests/lint/corpus/IMB00* cover the kinds of evidence one by one; these tests
cover what fixtures cannot: a data file larger than the read budget, a data file showing balance,
and the "balance unknown" count.
"""

from __future__ import annotations

import json
from pathlib import Path

from coach.lint import class_balance
from coach.lint.analysis import analyze_source
from coach.lint.dataflow import analyse
from coach.lint.sources import Candidate, load_file

SCRIPT = """\
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score

df = pd.read_csv("data/events.csv")
X_train, X_test, y_train, y_test = train_test_split(df.drop(columns="label"), df["label"])
model = LogisticRegression(max_iter=200{extra}).fit(X_train, y_train)
print(accuracy_score(y_test, model.predict(X_test)))
"""


def _lint(path: Path) -> dict[str, str]:
    loaded = load_file(Candidate(path=path, display=path.name))
    assert loaded.source is not None and loaded.tree is not None
    analysis = analyze_source(loaded.source, loaded.tree)
    return {f.rule: f.message for f in analysis.findings if f.rule.startswith("IMB")}


def _project(tmp_path: Path, rows: list[str], extra: str = "") -> Path:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "events.csv").write_text("\n".join(["a,b,label", *rows]) + "\n")
    script = tmp_path / "train.py"
    script.write_text(SCRIPT.format(extra=extra))
    return script


def test_a_rare_class_in_the_data_file_beside_the_code_is_named_in_both_findings(
    tmp_path: Path,
) -> None:
    rows = [f"{i},{i % 7},{1 if i % 40 == 0 else 0}" for i in range(2000)]
    found = _lint(_project(tmp_path, rows))
    assert set(found) == {"IMB001", "IMB002"}
    assert "`label`=1 is 2.5% of 2000 rows in events.csv" in found["IMB001"]
    assert all(len(message) <= 170 for message in found.values())


def test_a_data_file_larger_than_the_budget_is_counted_up_to_it_and_says_so(
    tmp_path: Path,
) -> None:
    row_count = class_balance.CSV_BYTE_BUDGET // 15  # rows of 19 bytes: past the budget
    rows = [f"{i:09d},{i % 7:06d},{1 if i % 50 == 0 else 0}" for i in range(row_count)]
    found = _lint(_project(tmp_path, rows))
    assert "the first 4 MB of events.csv" in found["IMB001"]
    counted = int(found["IMB001"].split(" rows")[0].rsplit(" ", 1)[-1])
    assert counted < row_count


def test_a_balanced_data_file_silences_the_rules_even_with_class_weights(tmp_path: Path) -> None:
    rows = [f"{i},{i % 7},{i % 2}" for i in range(1000)]
    assert _lint(_project(tmp_path, rows, extra=', class_weight="balanced"')) == {}


def test_without_evidence_the_rules_are_silent_and_the_file_counts_as_balance_unknown(
    tmp_path: Path,
) -> None:
    script = tmp_path / "train.py"
    script.write_text(SCRIPT.format(extra=""))  # data/events.csv is not in the repository
    assert _lint(script) == {}
    loaded = load_file(Candidate(path=script, display="train.py"))
    assert loaded.source is not None and loaded.tree is not None
    assert analyze_source(loaded.source, loaded.tree).facts["balance_unknown"] is True
    assert analyse(loaded.tree, loaded.source.text).balance_unknown is False  # set by the rules


def test_a_saved_normalised_value_counts_output_is_evidence(tmp_path: Path) -> None:
    cells = [
        (
            "import pandas as pd\nfrom sklearn.svm import SVC\nfrom sklearn.metrics import "
            "accuracy_score\nfrom sklearn.model_selection import train_test_split",
            None,
        ),
        (
            "df = pd.read_csv('x.csv')\ndf.target.value_counts(normalize=True)",
            "0    0.96\n1    0.04\nName: proportion, dtype: float64",
        ),
        (
            "Xtr, Xte, ytr, yte = train_test_split(df.drop(columns='target'), df.target, "
            "stratify=df.target)\nsvc = SVC().fit(Xtr, ytr)\naccuracy_score(yte, svc.predict(Xte))",
            None,
        ),
    ]
    notebook = {
        "nbformat": 4,
        "nbformat_minor": 5,
        "metadata": {},
        "cells": [
            {
                "cell_type": "code",
                "metadata": {},
                "execution_count": 1,
                "source": source,
                "outputs": []
                if text is None
                else [
                    {
                        "output_type": "execute_result",
                        "metadata": {},
                        "execution_count": 1,
                        "data": {"text/plain": text},
                    }
                ],
            }
            for source, text in cells
        ],
    }
    path = tmp_path / "nb.ipynb"
    path.write_text(json.dumps(notebook))
    found = _lint(path)
    assert set(found) == {"IMB001"}
    assert "cell 2's saved output shows a 4.0% minority class" in found["IMB001"]
