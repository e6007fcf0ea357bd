"""`coach rules` and `coach rule ID` — the catalog as users browse it."""

from __future__ import annotations

import json

from coach.catalog import default_catalog
from coach.cli.main import main

FIXED = {
    "LEAK001": "preprocessing-before-split",
    "LEAK002": "train-test-overlap",
    "LEAK003": "test-set-reuse",
    "LEAK004": "target-leakage",
    "LEAK005": "temporal-leakage",
    "LEAK006": "group-leakage",
    "BASE001": "no-baseline",
    "BASE002": "complex-first",
    "BASE003": "not-beating-baseline",
    "IMB001": "accuracy-on-imbalanced",
    "IMB002": "unstratified-split",
    "IMB003": "imbalanced-classes",
}


def test_rules_json_lists_the_fixed_ids(capsys) -> None:
    assert main(["rules", "--format", "json"]) == 0
    rules = {r["id"]: r for r in json.loads(capsys.readouterr().out)}
    for rule_id, name in FIXED.items():
        assert rules[rule_id]["name"] == name
        assert {"id", "name", "family", "severity", "title"} <= set(rules[rule_id])


def test_rules_family_filter(capsys) -> None:
    assert main(["rules", "--family", "imb"]) == 0
    out = capsys.readouterr().out
    assert "IMB001" in out and "LEAK001" not in out
    assert main(["rules", "--family", "NOPE"]) == 2
    assert "unknown family 'NOPE'" in capsys.readouterr().err


def test_rule_explains_like_ruff_rule(capsys) -> None:
    assert main(["rule", "leak001"]) == 0
    out = capsys.readouterr().out
    rule = default_catalog().get("LEAK001")
    assert out.startswith("LEAK001 (preprocessing-before-split)")
    assert "## Why it matters" in out and "## How to fix it" in out
    assert rule.fix.splitlines()[0] in out


def test_rule_by_name(capsys) -> None:
    assert main(["rule", "no-baseline"]) == 0
    assert capsys.readouterr().out.startswith("BASE001")


def test_unknown_rule_suggests_close_matches(capsys) -> None:
    assert main(["rule", "LEAK01"]) == 2
    err = capsys.readouterr().err
    assert "Unknown rule 'LEAK01'" in err and "LEAK001" in err
