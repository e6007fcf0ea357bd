"""BASE001 facts per file, and the project-level check combining them."""

from __future__ import annotations

from coach.lint.checks.common import Context

RULES = frozenset({"BASE001"})


def check(ctx: Context) -> None:
    """Nothing per file: BASE001 is decided across the project (see `project_facts`)."""


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
