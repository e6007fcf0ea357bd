"""Stage 1 of routing: which rule families a question is *about*, from a small linear model.

The lexicon and predicates (stage 2) find evidence; they miss questions written in words nobody
put in the lexicon. This model recognises the topic from the words people actually use. It is a
one-vs-rest logistic regression per family (and per rule, to pick the rule inside a family),
trained by `scripts/train_router_classifier.py` with scikit-learn on labelled questions (the
synthetic set and the real development split — never the held-out split) and shipped as JSON
(`data/classifier.json`). Here it is evaluated in pure Python: deterministic, no scikit-learn at
run time, and explainable — `explain()` lists the words that weighed most.

A family the model recognises but no predicate confirms becomes a `clarify` answer: Coach asks the
rule's deciding question instead of guessing (see `route.py`).
"""

from __future__ import annotations

import itertools
import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).with_name("data") / "classifier.json"
_TOKEN = re.compile(r"[a-z][a-z0-9_]+")
# Words too common to carry a topic; kept tiny on purpose (bigrams keep "not", "test", ...).
_STOP = frozenset(
    {"the", "a", "an", "and", "or", "of", "to", "in", "on", "for", "is", "it", "this", "that"}
    | {"with", "as", "be", "are", "was", "were", "i", "we", "my", "our", "you", "your", "at"}
    | {"by", "from"}
)


def features(text: str) -> set[str]:
    """Binary features of a normalised question: words and adjacent word pairs."""
    words = [w for w in _TOKEN.findall(text.lower()) if len(w) > 1]
    feats = {w for w in words if w not in _STOP}
    feats |= {f"{a} {b}" for a, b in itertools.pairwise(words)}
    return feats


@dataclass(frozen=True)
class Head:
    bias: float
    weights: dict[str, float]

    def logit(self, feats: set[str]) -> float:
        return self.bias + sum(self.weights.get(f, 0.0) for f in feats)


@dataclass(frozen=True)
class Model:
    version: str
    families: dict[str, Head]
    rules: dict[str, Head]
    threshold: float  # a family is a candidate when its probability reaches this

    def family_scores(self, text: str) -> dict[str, float]:
        feats = features(text)
        return {fam: _sigmoid(h.logit(feats)) for fam, h in self.families.items()}

    def best_rule(self, text: str, family: str, known: set[str]) -> str | None:
        """The likeliest rule of `family` (among `known` rule ids), or None without a head."""
        feats = features(text)
        scored = [
            (h.logit(feats), rule)
            for rule, h in self.rules.items()
            if rule in known and rule.rstrip("0123456789") == family
        ]
        return max(scored)[1] if scored else None

    def explain(self, text: str, family: str, limit: int = 6) -> list[tuple[str, float]]:
        """The question's words that weighed most for `family` (positive first)."""
        head = self.families.get(family)
        if head is None:
            return []
        found = [(f, head.weights[f]) for f in features(text) if f in head.weights]
        return sorted(found, key=lambda fw: (-fw[1], fw[0]))[:limit]


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x)) if x > -30 else 0.0


def _head(raw: dict) -> Head:
    return Head(bias=float(raw["bias"]), weights={k: float(v) for k, v in raw["weights"].items()})


@lru_cache(maxsize=1)
def load() -> Model | None:
    """The shipped model, or None when the data file is missing (routing then uses rules only)."""
    try:
        raw = json.loads(DATA.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return Model(
        version=raw["version"],
        families={k: _head(v) for k, v in raw["families"].items()},
        rules={k: _head(v) for k, v in raw["rules"].items()},
        threshold=float(raw["threshold"]),
    )
