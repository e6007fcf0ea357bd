"""Every fixture in tests/lint/corpus reports exactly the findings its `expect:` header declares.

Leaky programs and their fixed twins are written in the styles real notebooks use (Kaggle-style
pandas, star imports, exported `# In[ ]:` scripts, .ipynb, functions, pipelines, Keras). A twin
must be clean: a false positive there is a failure like a missed leak.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from analysis_helpers import CORPUS, actual_findings, corpus_files, expected_findings

from coach.catalog import default_catalog

FILES = corpus_files()


@pytest.mark.parametrize("path", FILES, ids=[p.relative_to(CORPUS).as_posix() for p in FILES])
def test_fixture_reports_exactly_its_expected_findings(path: Path) -> None:
    expected = expected_findings(path)
    actual = actual_findings(path)
    missing = sorted(expected - actual, key=str)
    unexpected = sorted(actual - expected, key=str)
    assert not missing and not unexpected, f"missing {missing}, unexpected {unexpected}"


def test_every_required_rule_has_leaky_fixtures_and_clean_twins() -> None:
    by_rule: dict[str, list[Path]] = {}
    for path in FILES:
        by_rule.setdefault(path.parent.name, []).append(path)
    required = {
        "LEAK001",
        "LEAK002",
        "LEAK003",
        "LEAK004",
        "LEAK005",
        "BASE001",
        "IMB001",
        "IMB002",
        "EVAL001",
        "EVAL002",
        "EVAL003",
        "REPRO001",
        "REPRO002",
        "SCALE001",
    }
    assert required <= set(by_rule)
    for rule, paths in by_rule.items():
        fired = [p for p in paths if any(e[0] == rule for e in expected_findings(p))]
        clean = [p for p in paths if not expected_findings(p)]
        assert fired, f"{rule}: no leaky fixture"
        assert clean, f"{rule}: no clean twin"


def test_every_expected_rule_exists_in_the_catalog() -> None:
    catalog = default_catalog()
    for path in FILES:
        for rule, _, _ in expected_findings(path):
            assert rule in catalog.rules, f"{path.name}: {rule} is not in the catalog"


def test_no_fixture_looks_like_a_test_module_to_pytest() -> None:
    """Fixtures read data files that do not exist: pytest must never import them."""
    for path in FILES:
        assert not path.name.startswith("test_") and not path.name.endswith("_test.py"), path
