"""Rule checks: each module turns the dataflow's events into findings for one rule family.

Checks never re-read the source; they only combine what `coach.lint.dataflow` proved. Each
finding carries the mistake's line plus related lines (the evidence).
"""

from __future__ import annotations

from collections.abc import Callable

from coach.lint.checks import base, evaluation, imbalance, leakage, reproducibility, scaling
from coach.lint.checks.common import Context
from coach.lint.dataflow import Facts
from coach.models import Finding

CHECKS: list[Callable[[Context], None]] = [
    leakage.check,
    imbalance.check,
    evaluation.check,
    reproducibility.check,
    scaling.check,
    base.check,
]

# Every rule id a check can emit (a test keeps this in step with the catalog).
RULE_IDS: frozenset[str] = frozenset(
    leakage.RULES
    | imbalance.RULES
    | evaluation.RULES
    | reproducibility.RULES
    | scaling.RULES
    | base.RULES
)


def run_checks(facts: Facts, path: str) -> list[Finding]:
    ctx = Context(facts, path)
    for check in CHECKS:
        check(ctx)
    return ctx.sorted_findings()
