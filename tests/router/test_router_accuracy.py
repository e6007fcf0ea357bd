"""The labelled question set: varied enough to mean something, and answered well enough."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from coach.catalog import default_catalog
from coach.router.route import route

QUESTIONS = Path(__file__).with_name("questions.jsonl")


def _items() -> list[dict]:
    return [
        json.loads(line)
        for line in QUESTIONS.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


def test_the_set_is_large_and_varied() -> None:
    items = _items()
    assert len(items) >= 200
    assert len({i["question"].lower() for i in items}) == len(items), "duplicate questions"
    tags = Counter(t for i in items for t in i["tags"])
    for tag, minimum in {
        "negation": 10,
        "typo": 8,
        "multi": 10,
        "none": 10,
        "plan": 10,
        "paraphrase": 10,
    }.items():
        assert tags[tag] >= minimum, f"only {tags[tag]} questions tagged {tag}"
    catalog = default_catalog()
    expected = {rule for i in items for rule in i["expected"]}
    assert expected <= set(catalog.rules)
    question_rules = {r.id for r in catalog.rules.values() if "question" in r.detectors}
    assert question_rules <= expected, f"never expected: {sorted(question_rules - expected)}"


def test_precision_and_recall_meet_the_target() -> None:
    tp = fp = fn = 0
    wrong = []
    for item in _items():
        expected = set(item["expected"])
        # The synthetic set labels mistakes: count the answers that report one (kind "rule").
        findings = route(item["question"], with_related=False).findings
        got = {f.rule for f in findings if f.kind == "rule"}
        tp += len(expected & got)
        fp += len(got - expected)
        fn += len(expected - got)
        if got != expected:
            wrong.append((item["question"], sorted(expected), sorted(got)))
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    assert precision >= 0.95 and recall >= 0.90, (precision, recall, wrong[:10])
