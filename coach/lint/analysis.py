"""The analysis entry points the lint front end calls: one file, then the whole project.

Pure functions: no I/O. Lines are in `source.text` coordinates; the front end maps them to
notebook cells.
"""

from __future__ import annotations

import ast

from coach.lint.checks import RULE_IDS, run_checks
from coach.lint.checks.base import project_facts
from coach.lint.checks.common import Context
from coach.lint.dataflow import analyse
from coach.lint.model import FileAnalysis, SourceFile
from coach.models import Finding, Location

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
    findings = run_checks(facts, source.path)
    summary = project_facts(Context(facts, source.path))
    return FileAnalysis(
        findings=findings,
        models_found=bool(summary["models_found"]),
        evaluation_found=bool(summary["evaluation_found"]),
        baseline_found=bool(summary["baseline_found"]),
        facts={
            "first_evaluation_line": summary["first_evaluation_line"],
            "baseline_line": summary["baseline_line"],
            "incomplete": facts.incomplete,
        },
    )


def project_findings(results: list[tuple[SourceFile, FileAnalysis]]) -> list[Finding]:
    """BASE001: models trained and evaluated somewhere, but no baseline anywhere."""
    if any(analysis.baseline_found for _, analysis in results):
        return []
    evaluated = [
        (source, analysis)
        for source, analysis in results
        if analysis.models_found
        and analysis.evaluation_found
        and isinstance(analysis.facts.get("first_evaluation_line"), int)
    ]
    if not evaluated:
        return []
    source, analysis = evaluated[0]
    line = int(analysis.facts["first_evaluation_line"])  # type: ignore[arg-type]
    others = [
        Location(
            path=s.path,
            line=int(a.facts["first_evaluation_line"]),  # type: ignore[arg-type]
            message="another model is evaluated here",
        )
        for s, a in evaluated[1:4]
    ]
    files = len(evaluated)
    where = "this file" if files == 1 else f"{files} files"
    return [
        Finding(
            rule="BASE001",
            detector="code",
            message=(
                f"A model is trained and evaluated here (models are evaluated in {where}), but no "
                "baseline appears anywhere in the linted paths — no DummyClassifier/"
                "DummyRegressor, majority or mean predictor, or simple linear/logistic model "
                "scored the same way, so the score has nothing to be compared with"
            ),
            location=Location(path=source.path, line=line, column=0, end_line=line),
            related=others,
        )
    ]
