"""Correct practice, recognised: "that order is right" instead of a warning (issue 12).

The concepts are data (`data/correct_practice.toml`): each names the rules it answers, the
sentence Coach says, its patterns and example sentences. A match counts only when it is stated,
not proposed ("we should fit it on the training data" is a plan, not a description) and not
negated; the router then turns a mistake's hit on one of the concept's rules into a `correct`
answer, or into the rule's deciding question when the question also states the mistake.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from coach.router.facts import is_negated, sentences
from coach.router.text import normalise

DATA = Path(__file__).with_name("data") / "correct_practice.toml"

# Words that make what follows a proposal or a question about doing it, not a description.
_PROPOSAL = re.compile(
    r"\b(should(?!n't)|instead|rather|ought to|supposed to|is it better to|do (i|we) need to|"
    r"would it be better|have to|must)\b"
)


@dataclass(frozen=True)
class Concept:
    id: str
    rules: tuple[str, ...]
    says: str
    patterns: tuple[re.Pattern[str], ...]
    positive: tuple[str, ...]
    negative: tuple[str, ...]


@dataclass(frozen=True)
class Practice:
    """One concept found in a question: the words that showed it, and whether it was proposed."""

    concept: Concept
    text: str
    start: int
    proposed: bool
    also: tuple[str, ...] = ()  # every other stated match of the concept, in the asker's words


@lru_cache(maxsize=1)
def concepts() -> tuple[Concept, ...]:
    raw = tomllib.loads(DATA.read_text(encoding="utf-8"))
    return tuple(
        Concept(
            id=c["id"],
            rules=tuple(c["rules"]),
            says=c["says"],
            patterns=tuple(re.compile(p, re.IGNORECASE) for p in c["patterns"]),
            positive=tuple(c.get("positive", ())),
            negative=tuple(c.get("negative", ())),
        )
        for c in raw["concept"]
    )


def find(question: str) -> list[Practice]:
    """Every correct-practice concept in `question`, quoted in the asker's own words."""
    norm = normalise(question)
    text = norm.text
    spans = sentences(text)
    found: list[Practice] = []
    for concept in concepts():
        matches: list[Practice] = []
        for pattern in concept.patterns:
            for m in pattern.finditer(text):
                s0 = next((a for a, b in spans if a <= m.start() < b), 0)
                if is_negated(text, m.start(), s0):
                    continue
                proposed = bool(_PROPOSAL.search(text[s0 : m.start()]))
                matches.append(
                    Practice(concept, norm.quote(m.start(), m.end()), m.start(), proposed)
                )
        if not matches:
            continue
        stated = [m for m in matches if not m.proposed]
        best = (stated or matches)[0]
        others = tuple(m.text for m in stated if m.text != best.text)
        found.append(Practice(concept, best.text, best.start, best.proposed, others))
    return found
