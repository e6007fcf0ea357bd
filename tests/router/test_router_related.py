"""`related`: a scikit-learn TF-IDF model built once, queried in pure Python with equal scores."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from coach.catalog import default_catalog
from coach.router.related import build_index, index_path, load_index, make_vectorizer, rule_document

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


def test_the_index_is_cached_per_catalog_version_and_loaded_without_scikit_learn(
    tmp_path: Path,
) -> None:
    env = {"COACH_CACHE_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
    probe = (
        "import sys, json; from coach.router.related import related; "
        "items = related('fit the scaler on the whole dataset before splitting'); "
        "print(json.dumps({'rules': [i.rule for i in items], "
        "'sklearn': any(m.startswith('sklearn') for m in sys.modules)}))"
    )
    first = subprocess.run(
        [sys.executable, "-c", probe], env=env, cwd=ROOT, capture_output=True, text=True
    )
    assert first.returncode == 0, first.stderr
    built = json.loads(first.stdout)
    assert built["sklearn"] is True  # the first run builds the index
    assert built["rules"][0] == "LEAK001"
    cached = index_path(default_catalog())
    assert (tmp_path / cached.name).is_file()
    second = subprocess.run(
        [sys.executable, "-c", probe], env=env, cwd=ROOT, capture_output=True, text=True
    )
    again = json.loads(second.stdout)
    assert again == {"rules": built["rules"], "sklearn": False}


def test_a_stale_or_broken_cache_is_rebuilt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COACH_CACHE_DIR", str(tmp_path))
    catalog = default_catalog()
    path = index_path(catalog)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{not json", encoding="utf-8")
    from coach.router import related as related_module

    related_module._LOADED.clear()
    index = load_index(catalog)
    assert index is not None and index.catalog_version == catalog.version
    assert json.loads(path.read_text(encoding="utf-8"))["catalog_version"] == catalog.version
    related_module._LOADED.clear()


def test_related_items_exclude_the_rules_already_given() -> None:
    index = load_index()
    assert index is not None
    top = index.top("scaled before the split", exclude={"LEAK001"})
    assert top and all(item.rule != "LEAK001" for item in top)
    assert all(0 < item.score <= 1 for item in top)
    assert index.top("zebra quokka") == []
