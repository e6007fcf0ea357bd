"""Follow-ups to a deciding question: turn "answer N" into the next question to route.

A `clarify` answer carries the rule's deciding question and quick answers (catalog field
`[rules.clarify]`). Each quick answer has a sentence (`adds`); answering appends that sentence to
the original question and routes the whole again, so the answer goes through the same rules as
any question. A question that already contains an answer's sentence counts that rule as answered
and is not asked again — typing the sentence yourself works the same way. The first answer of a
rule confirms it (the rule answers even when no predicate reads the sentence), the last one clears
it (a mistake's hit on it becomes "looks right").

Quick answers are numbered 1, 2, ... across all clarify answers of one routed question, in the
order the answers are listed.
"""

from __future__ import annotations

from dataclasses import dataclass

from coach.catalog import Catalog, default_catalog
from coach.models import Finding


@dataclass(frozen=True)
class QuickAnswer:
    number: int
    rule: str
    label: str
    adds: str


def quick_answers(findings: list[Finding]) -> list[QuickAnswer]:
    """The numbered quick answers of a routed question's clarify findings."""
    out: list[QuickAnswer] = []
    for finding in findings:
        if finding.kind != "clarify" or finding.clarify is None:
            continue
        for answer in finding.clarify.answers:
            out.append(QuickAnswer(len(out) + 1, finding.rule, answer.label, answer.adds))
    return out


def answered_rules(question: str, catalog: Catalog | None = None) -> dict[str, int]:
    """Rules whose deciding question this text already answers (it holds an answer's sentence):
    rule id -> index of the answer given. By convention the first answer confirms the rule and
    the last clears it."""
    catalog = catalog or default_catalog()
    text = " ".join(question.lower().split())
    found: dict[str, int] = {}
    for rule in catalog.rules.values():
        if rule.clarify is None:
            continue
        for index, answer in enumerate(rule.clarify.answers):
            if " ".join(answer.adds.lower().split()) in text:
                found[rule.id] = index
    return found


def follow_up(question: str, number: int, catalog: Catalog | None = None) -> str:
    """The question with quick answer `number` appended; ValueError when there is no such answer."""
    from coach.router.route import route

    routed = route(question, catalog=catalog, with_related=False)
    answers = quick_answers(routed.findings)
    if not answers:
        raise ValueError("the last question has no deciding question to answer")
    if not 1 <= number <= len(answers):
        raise ValueError(f"answer {number} does not exist: choose 1 to {len(answers)}")
    return f"{question.rstrip()}\n{answers[number - 1].adds}"
