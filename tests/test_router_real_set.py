"""The real-question development set stays usable: valid labels, catalog rule ids, a stable split.

A bad hand edit (a typo in a rule id, a question with no split, a held-out question moved to dev)
would silently change every figure measured on the set, so it fails here instead.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

from coach.catalog import default_catalog

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "benchmarks" / "router_real"


def _module(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


def _rows(name: str) -> list[dict]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def test_every_question_is_complete_and_labelled_with_catalog_rules() -> None:
    assign = _module(DATA / "assign_split.py")
    rules = set(default_catalog().rules)
    for name, prefix in (("questions.jsonl", "questions"), ("correct_practice.jsonl", "cp")):
        rows = _rows(name)
        assert assign.problems(rows, prefix) == []
        unknown = {rule for row in rows for rule in row["rules"]} - rules
        assert unknown == set(), f"{name} labels rules the catalog does not have: {unknown}"


def test_the_set_is_large_enough_and_keeps_a_held_out_part() -> None:
    questions = _rows("questions.jsonl")
    correct = _rows("correct_practice.jsonl")
    assert len(questions) >= 300 and len(correct) >= 50
    held_out = sum(row["split"] == "heldout" for row in questions) / len(questions)
    assert 0.30 <= held_out <= 0.40
    no_rule = sum(row["kind"] == "no_rule" for row in questions) / len(questions)
    assert 0.30 <= no_rule <= 0.40
    assert all(row["kind"] == "correct_practice" for row in correct)


def test_assigning_again_changes_no_existing_split(tmp_path: Path) -> None:
    assign = _module(DATA / "assign_split.py")
    rows = _rows("questions.jsonl")
    before = {row["id"]: row["split"] for row in rows}
    extra = {**rows[0], "source": "https://example.org/new"}
    for key in ("id", "split"):
        extra.pop(key)
    rows.append(extra)
    assign.assign(rows, "rq", assign.random.Random(assign.SEED))
    assert {row["id"]: row["split"] for row in rows[:-1]} == before
    assert rows[-1]["id"] == f"rq-{len(rows):03d}" and rows[-1]["split"] in {"dev", "heldout"}


def test_the_eval_reads_rule_answers_only() -> None:
    """Related rules and LLM drafts in the `coach ask` JSON are not answers and are not scored."""
    evaluate = _module(ROOT / "benchmarks" / "router_real_eval.py")
    payload = {
        "suggestions": [
            {"source": "rule", "rule": "LEAK001", "severity": "error"},
            {"source": "rule", "rule": "IMB003", "severity": "info"},
            {"source": "llm", "rule": None, "severity": "info"},
        ],
        "related": [{"rule": "BASE001", "severity": "warning"}],
    }
    answer = evaluate.answer_from_payload(payload)
    assert answer.rules == {"LEAK001": "error", "IMB003": "info"}
    assert answer.families == {"LEAK", "IMB"} and answer.top_severity == "error"
    nested = {"answers": [{"kind": "check", "rule": "CAL001", "severity": "warning"}]}
    assert evaluate.answer_from_payload(nested).rules == {"CAL001": "warning"}
