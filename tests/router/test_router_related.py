"""`related`: a scikit-learn TF-IDF model built once, queried in pure Python with equal scores."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from coach.catalog import default_catalog
from coach.router.related import build_index, load_index, make_vectorizer, rule_document

ROOT = Path(__file__).resolve().parents[2]
QUERIES = [
    "I scaled the data before the train test split",
    "my model gets 99% accuracy but only 1% of rows are fraud",
    "we will deploy the model and monitor drift",
    "send customer emails to an LLM API",
    "nothing in common with the catalog: zebra quokka",
]


def test_pure_python_scores_equal_scikit_learns() -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer

    catalog = default_catalog()
    index = build_index(catalog)
    vectorizer = make_vectorizer(TfidfVectorizer)
    docs = vectorizer.fit_transform([rule_document(r) for r in catalog.select()])
    expected = (docs @ vectorizer.transform(QUERIES).T).toarray().T  # one row per query
    for query, row in zip(QUERIES, expected, strict=True):
        assert index.scores(query) == pytest.approx(list(row), abs=1e-9), query


def test_the_index_needs_no_scikit_learn_and_no_writable_cache(tmp_path: Path) -> None:
    """An unwritable cache folder used to cost ~2 s per `coach ask` (a scikit-learn rebuild)."""
    locked = tmp_path / "cache"
    locked.mkdir()
    locked.chmod(0o500)
    env = {"COACH_CACHE_DIR": str(locked / "coach"), "PATH": "/usr/bin:/bin"}
    probe = (
        "import sys, json; from coach.router.related import related; "
        "items = related('fit the scaler on the whole dataset before splitting'); "
        "print(json.dumps({'rules': [i.rule for i in items], "
        "'sklearn': any(m.startswith('sklearn') for m in sys.modules)}))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], env=env, cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"rules": json.loads(done.stdout)["rules"], "sklearn": False}
    assert json.loads(done.stdout)["rules"][0] == "LEAK001"
    assert list(locked.iterdir()) == []


def test_the_index_follows_the_catalog_it_is_given() -> None:
    catalog = default_catalog()
    index = load_index(catalog)
    assert index.catalog_version == catalog.version
    assert index.rules == [r.id for r in catalog.select()]
    assert load_index(catalog) is index  # fitted once per process


def test_related_items_exclude_the_rules_already_given() -> None:
    index = load_index()
    assert index is not None
    top = index.top("scaled before the split", exclude={"LEAK001"})
    assert top and all(item.rule != "LEAK001" for item in top)
    assert all(0 < item.score <= 1 for item in top)
    assert index.top("zebra quokka") == []
