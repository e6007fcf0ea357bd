"""`related`: the catalog rules closest to a question, by TF-IDF text similarity.

The model is TF-IDF over each rule's name, title, summary and triggers, reproducing
`TfidfVectorizer(sublinear_tf=True, stop_words="english")` exactly (same token pattern,
lower-casing, stop words, 1 + ln(tf), smoothed idf, L2 normalisation; a test checks the scores
against scikit-learn's on the same input). It is fitted here in pure Python when first needed —
the catalog is a few dozen short documents, a few milliseconds — so nothing is cached on disk and
scikit-learn is never imported: an unwritable cache folder used to cost ~2 s per `coach ask`
rebuilding the index through scikit-learn, and a stale cache could not exist.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import asdict, dataclass
from pathlib import Path

from pydantic import BaseModel

from coach.catalog import Catalog, default_catalog

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
    stop_words: frozenset[str] = frozenset()
    format: int = INDEX_FORMAT

    def to_json(self) -> str:
        data = asdict(self)
        data["stop_words"] = sorted(self.stop_words)
        data["vectors"] = [{str(i): w for i, w in row.items()} for row in self.vectors]
        return json.dumps(data)

    @classmethod
    def from_json(cls, raw: bytes | str) -> TfidfIndex:
        data = json.loads(raw)
        data["vectors"] = [{int(i): float(w) for i, w in row.items()} for row in data["vectors"]]
        data["stop_words"] = frozenset(data.get("stop_words", ()))
        return cls(**data)

    def vectorise(self, text: str) -> dict[int, float]:
        """The TF-IDF vector of `text`, as scikit-learn's `transform` would compute it."""
        counts: dict[int, int] = {}
        for token in _TOKEN.findall(text.lower()):
            index = None if token in self.stop_words else self.vocabulary.get(token)
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


STOP_WORDS_FILE = Path(__file__).with_name("data") / "english_stop_words.txt"


def _stop_words() -> frozenset[str]:
    lines = STOP_WORDS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


def _tokens(text: str, stop: frozenset[str]) -> list[str]:
    return [t for t in _TOKEN.findall(text.lower()) if t not in stop]


def build_index(catalog: Catalog) -> TfidfIndex:
    """Fit the TF-IDF model on the catalog, in pure Python (scikit-learn's arithmetic)."""
    rules = catalog.select()
    stop = _stop_words()
    docs = [_tokens(rule_document(r), stop) for r in rules]
    terms = sorted({t for doc in docs for t in doc})
    vocabulary = {t: i for i, t in enumerate(terms)}
    df = [0] * len(terms)
    for doc in docs:
        for t in set(doc):
            df[vocabulary[t]] += 1
    n = len(docs)
    idf = [math.log((1 + n) / (1 + d)) + 1.0 for d in df]
    vectors = []
    for doc in docs:
        counts: dict[int, int] = {}
        for t in doc:
            counts[vocabulary[t]] = counts.get(vocabulary[t], 0) + 1
        weights = {i: (1.0 + math.log(c)) * idf[i] for i, c in counts.items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        vectors.append({i: w / norm for i, w in sorted(weights.items())})
    return TfidfIndex(
        catalog_version=catalog.version,
        vocabulary=vocabulary,
        idf=idf,
        rules=[r.id for r in rules],
        titles=[r.title for r in rules],
        vectors=vectors,
        stop_words=stop,
    )


def make_vectorizer(cls):  # type: ignore[no-untyped-def]
    """scikit-learn's equivalent of `build_index` (the equality test fits it)."""
    return cls(
        lowercase=True,
        token_pattern=TOKEN_PATTERN,
        stop_words="english",
        sublinear_tf=True,
        norm="l2",
    )


def load_index(catalog: Catalog | None = None) -> TfidfIndex:
    """The index of this catalog, fitted once per process."""
    catalog = catalog or default_catalog()
    index = _LOADED.get(catalog.version)
    if index is None:
        index = _LOADED[catalog.version] = build_index(catalog)
    return index


_LOADED: dict[str, TfidfIndex] = {}


def related(text: str, *, exclude: set[str] | None = None, limit: int = 3) -> list[Related]:
    index = load_index()
    if index is None:
        return []
    return index.top(text, limit=limit, exclude=exclude or set())


def main() -> int:  # `python -m coach.router.related`: what the index holds
    catalog = default_catalog()
    index = load_index(catalog)
    print(
        f"related index for catalog {catalog.version}: {len(index.rules)} rules, {len(index.vocabulary)} terms"
    )
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
