"""Rule checks: one function per rule, registered with `@emits("code", RULE)`.

Checks never re-read the source; they only combine what `coach.lint.dataflow` proved. Each
finding carries the mistake's line plus related lines (the evidence). Per-file checks take a
`Context`; a check registered with `scope="project"` (BASE001) takes every file's analysis.
Importing this package imports every check module, which registers them.
"""

from __future__ import annotations

from coach import registry
from coach.lint.checks import base, evaluation, imbalance, leakage, reproducibility, scaling
from coach.lint.checks.common import Context
from coach.lint.dataflow import Facts
from coach.lint.model import FileAnalysis, SourceFile
from coach.models import Finding

__all__ = ["base", "evaluation", "imbalance", "leakage", "reproducibility", "scaling"]

_FILE_CHECKS = [r.func for r in registry.registrations("code") if r.scope != "project"]
_PROJECT_CHECKS = [r.func for r in registry.registrations("code") if r.scope == "project"]

# Every rule id a check can emit (the registry test keeps this in step with the catalog).
RULE_IDS: frozenset[str] = frozenset(registry.rules("code"))


def run_checks(facts: Facts, source: SourceFile) -> list[Finding]:
    """Every per-file check on one file's facts, findings sorted by line."""
    ctx = Context(facts, source)
    for check in _FILE_CHECKS:
        check(ctx)
    return ctx.sorted_findings()


def run_project_checks(results: list[tuple[SourceFile, FileAnalysis]]) -> list[Finding]:
    """The checks decided across every linted file."""
    found: list[Finding] = []
    for check in _PROJECT_CHECKS:
        found += check(results)
    return found
