"""BASE001: facts per file, and the project-level check combining them.

BASE001 is the one code rule decided across files (a baseline anywhere in the linted paths
counts), so it is registered with `scope="project"` and gets every file's analysis.
"""

from __future__ import annotations

from coach.lint.checks.common import Context
from coach.lint.model import FileAnalysis, SourceFile
from coach.models import Finding
from coach.registry import emits


def project_facts(ctx: Context) -> dict[str, object]:
    facts = ctx.facts
    model_fits = [
        f
        for f in facts.fits
        if f.est.cat in ("model", "search", "pipeline")
        and (
            f.est.cat != "pipeline"
            or f.est.classifier is not None
            or any(c.cat == "model" for c in f.est.all_components())
        )
    ]
    lines = [ev.line for ev in facts.evals if ev.metric != "loss"]
    lines += [cv.line for cv in facts.cvs if cv.est is not None]
    models_found = bool(model_fits) or any(cv.est is not None for cv in facts.cvs)
    first_eval = min(lines) if lines else None
    return {
        "models_found": models_found,
        "evaluation_found": bool(lines),
        "baseline_found": facts.baseline_line is not None or facts.stat_baseline,
        "baseline_line": facts.baseline_line,
        "first_evaluation_line": first_eval,
    }


@emits("code", "BASE001", scope="project")
def no_baseline(results: list[tuple[SourceFile, FileAnalysis]]) -> list[Finding]:
    """Models trained and evaluated somewhere, but no baseline anywhere."""
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
        s.location(
            int(a.facts["first_evaluation_line"]),  # type: ignore[arg-type]
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
            location=source.location(line, column=0, end_line=line),
            related=others,
        )
    ]
