"""`coach rules` and `coach rule ID` — the catalog as users browse it."""

from __future__ import annotations

import json

from coach.catalog import default_catalog
from coach.cli.main import main


def test_rules_json_lists_the_whole_catalog(capsys) -> None:
    # The fixed ids and names themselves are pinned by tests/test_catalog.py; here: the command
    # shows every rule of the catalog, with the fields tools rely on.
    assert main(["rules", "--format", "json"]) == 0
    rules = json.loads(capsys.readouterr().out)
    catalog = default_catalog()
    assert [r["id"] for r in rules] == sorted(catalog.rules)
    for row in rules:
        assert {"id", "name", "family", "severity", "title"} <= set(row)
        assert row["name"] == catalog.rules[row["id"]].name


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
