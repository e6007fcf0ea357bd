"""SCALE001: a distance- or gradient-based model trained on features that were never scaled."""

from __future__ import annotations

from coach.lint import apis
from coach.lint.checks.common import Context, shown
from coach.registry import emits


@emits("code", "SCALE001")
def unscaled_features(ctx: Context) -> None:
    facts = ctx.facts
    if facts.scaling_seen:
        return
    for fit in facts.fits:
        est = fit.est
        if est.cls not in apis.SCALE_SENSITIVE or fit.x is None:
            continue
        x = fit.x
        if x.scaled or not (x.roots & facts.read_roots) or x.pred is not None:
            continue
        if any(t.kind == "fit" for t in x.taints):
            continue  # some fitted transform (PCA, vectorizer, ...) produced these features
        ctx.emit(
            "SCALE001",
            fit.line,
            f"{est.label()} is trained at {ctx.at(fit.line)} on {shown(fit.x_name or x.name)}, "
            "which is never scaled (no scaler appears in this file) — its distances or "
            "gradients are dominated by the features with the largest ranges; put a "
            "StandardScaler in a Pipeline with it",
            [(est.line, "the model is created here")],
        )
