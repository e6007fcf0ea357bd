"""The analysis entry points the lint front end calls: one file, then the whole project.

Pure functions: no I/O. Findings are in the user's coordinates from the start (a notebook
location is cell + line within the cell; see `SourceFile.location`).
"""

from __future__ import annotations

import ast

from coach.lint.checks import RULE_IDS, run_checks, run_project_checks
from coach.lint.checks.base import project_facts
from coach.lint.checks.common import Context
from coach.lint.dataflow import analyse
from coach.lint.model import FileAnalysis, SourceFile
from coach.models import Finding

__all__ = ["RULE_IDS", "analyze_source", "project_findings"]

# A file mentioning none of these cannot fit, split, cross-validate or evaluate anything.
_RELEVANT_WORDS = (
    "fit",
    "train_test_split",
    "cross_val",
    "SearchCV",
    "_score",
    "evaluate(",
    "accuracy",
    "read_",
    "load_data",
)


def analyze_source(source: SourceFile, tree: ast.Module) -> FileAnalysis:
    """Run the dataflow analysis and the rule checks on one parsed file."""
    text = source.text
    if not any(word in text for word in _RELEVANT_WORDS):
        return FileAnalysis()
    facts = analyse(tree, text)
    facts.origin = source.origin
    facts.outputs = list(source.outputs)
    findings = run_checks(facts, source)
    summary = project_facts(Context(facts, source))
    return FileAnalysis(
        findings=findings,
        models_found=bool(summary["models_found"]),
        evaluation_found=bool(summary["evaluation_found"]),
        baseline_found=bool(summary["baseline_found"]),
        facts={
            "first_evaluation_line": summary["first_evaluation_line"],
            "baseline_line": summary["baseline_line"],
            "incomplete": facts.incomplete,
            # accuracy-only or unstratified, but nothing shows whether the classes are imbalanced
            "balance_unknown": facts.balance_unknown,
        },
    )


def project_findings(results: list[tuple[SourceFile, FileAnalysis]]) -> list[Finding]:
    """Findings decided across files (BASE001: no baseline anywhere in the linted paths)."""
    return run_project_checks(results)
