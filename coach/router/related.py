"""`related`: the catalog rules closest to a question, by TF-IDF text similarity.

The model is a small, deterministic scikit-learn `TfidfVectorizer` over each rule's name, title,
summary and triggers. It is fitted once per catalog version and saved as JSON (vocabulary, idf,
and the rules' normalised vectors) in the user cache directory. Answering a question only reads
that JSON and does the cosine in pure Python — scikit-learn costs ~1.5 s to import, far more than
the whole `coach ask --no-llm` budget, so it is imported only when the index is (re)built.

The pure-Python side reproduces `TfidfVectorizer(sublinear_tf=True, stop_words="english")`
exactly: same token pattern, lower-casing, 1 + ln(tf), idf weights, L2 normalisation (a test
checks the scores against scikit-learn's on the same input).
"""

from __future__ import annotations

import json
import math
import os
import re
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

from pydantic import BaseModel

from coach.catalog import Catalog, default_catalog
from coach.router.regex_cache import cache_dir

TOKEN_PATTERN = r"(?u)\b\w\w+\b"
INDEX_FORMAT = 1
_TOKEN = re.compile(TOKEN_PATTERN)


class Related(BaseModel):
    rule: str
    title: str
    score: float


@dataclass
class TfidfIndex:
    """The fitted model as plain data (loaded with `json`, no validation layer: it is ours)."""

    catalog_version: str
    vocabulary: dict[str, int]
    idf: list[float]
    rules: list[str]
    titles: list[str]
    vectors: list[dict[int, float]]  # one sparse, L2-normalised row per rule
    format: int = INDEX_FORMAT

    def to_json(self) -> str:
        data = asdict(self)
        data["vectors"] = [{str(i): w for i, w in row.items()} for row in self.vectors]
        return json.dumps(data)

    @classmethod
    def from_json(cls, raw: bytes | str) -> TfidfIndex:
        data = json.loads(raw)
        data["vectors"] = [{int(i): float(w) for i, w in row.items()} for row in data["vectors"]]
        return cls(**data)

    def vectorise(self, text: str) -> dict[int, float]:
        """The TF-IDF vector of `text`, as scikit-learn's `transform` would compute it."""
        counts: dict[int, int] = {}
        for token in _TOKEN.findall(text.lower()):
            index = self.vocabulary.get(token)
            if index is not None:
                counts[index] = counts.get(index, 0) + 1
        weights = {i: (1.0 + math.log(c)) * self.idf[i] for i, c in counts.items()}
        norm = math.sqrt(sum(w * w for w in weights.values()))
        return {i: w / norm for i, w in weights.items()} if norm else {}

    def scores(self, text: str) -> list[float]:
        query = self.vectorise(text)
        return [sum(w * row.get(i, 0.0) for i, w in query.items()) for row in self.vectors]

    def top(
        self,
        text: str,
        *,
        limit: int = 3,
        exclude: set[str] = frozenset(),  # type: ignore[assignment]
        minimum: float = 0.05,
    ) -> list[Related]:
        ranked = sorted(
            zip(self.rules, self.titles, self.scores(text), strict=True),
            key=lambda item: (-item[2], item[0]),
        )
        return [
            Related(rule=rule, title=title, score=round(score, 4))
            for rule, title, score in ranked
            if rule not in exclude and score >= minimum
        ][:limit]


def rule_document(rule) -> str:  # type: ignore[no-untyped-def]
    """The text a rule is matched on: what people would say about it."""
    return " ".join([rule.name.replace("-", " "), rule.title, rule.summary, *rule.triggers])


def build_index(catalog: Catalog) -> TfidfIndex:
    """Fit the TF-IDF model on the catalog (imports scikit-learn)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    rules = catalog.select()
    vectorizer = make_vectorizer(TfidfVectorizer)
    matrix = vectorizer.fit_transform([rule_document(r) for r in rules]).tocsr()
    vectors = []
    for row in range(matrix.shape[0]):
        start, end = matrix.indptr[row], matrix.indptr[row + 1]
        vectors.append(
            {
                int(i): float(v)
                for i, v in zip(matrix.indices[start:end], matrix.data[start:end], strict=True)
            }
        )
    return TfidfIndex(
        catalog_version=catalog.version,
        vocabulary={term: int(i) for term, i in sorted(vectorizer.vocabulary_.items())},
        idf=[float(x) for x in vectorizer.idf_],
        rules=[r.id for r in rules],
        titles=[r.title for r in rules],
        vectors=vectors,
    )


def make_vectorizer(cls):  # type: ignore[no-untyped-def]
    """The one place the model's settings live (the build and the equality test use it)."""
    return cls(
        lowercase=True,
        token_pattern=TOKEN_PATTERN,
        stop_words="english",
        sublinear_tf=True,
        norm="l2",
    )


def index_path(catalog: Catalog) -> Path:
    safe = re.sub(r"[^A-Za-z0-9.+-]", "_", catalog.version)
    return cache_dir() / f"related-tfidf-{safe}.json"


def load_index(catalog: Catalog | None = None, *, build: bool = True) -> TfidfIndex | None:
    """The cached index for this catalog version; built (and cached) if missing and `build`."""
    catalog = catalog or default_catalog()
    path = index_path(catalog)
    cached = _LOADED.get(str(path))
    if cached is not None:
        return cached
    index = None
    try:
        index = TfidfIndex.from_json(path.read_bytes())
        if index.catalog_version != catalog.version or index.format != INDEX_FORMAT:
            index = None
    except (OSError, ValueError, TypeError, KeyError):
        index = None
    if index is None:
        if not build:
            return None
        try:
            index = build_index(catalog)
        except Exception:  # no scikit-learn, or a broken install: answers without `related`
            return None
        _save(index, path)
    _LOADED[str(path)] = index
    return index


_LOADED: dict[str, TfidfIndex] = {}


def _save(index: TfidfIndex, path: Path) -> None:
    """Write atomically; a read-only cache only costs a rebuild next time."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".related-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(index.to_json())
        os.replace(tmp, path)
        for stale in path.parent.glob("related-tfidf-*.json"):
            if stale != path:
                stale.unlink(missing_ok=True)  # an older catalog version
    except OSError:
        pass


def related(text: str, *, exclude: set[str] | None = None, limit: int = 3) -> list[Related]:
    index = load_index()
    if index is None:
        return []
    return index.top(text, limit=limit, exclude=exclude or set())


def main() -> int:  # `python -m coach.router.related` prebuilds the cache
    catalog = default_catalog()
    index = load_index(catalog)
    assert index is not None
    print(
        f"related index for catalog {catalog.version}: {len(index.rules)} rules, "
        f"{len(index.vocabulary)} terms -> {index_path(catalog)}"
    )
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
