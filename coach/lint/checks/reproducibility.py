"""REPRO001 (unseeded split or shuffling CV) and REPRO002 (unseeded stochastic model)."""

from __future__ import annotations

from coach.lint import apis
from coach.lint.checks.common import Context
from coach.registry import emits


def _has_seed(kw: dict) -> bool:
    return ("random_state" in kw and getattr(kw["random_state"], "value", 0) is not None) or (
        "seed" in kw or "random_seed" in kw or "__star__" in kw
    )


@emits("code", "REPRO001")
def unseeded_split(ctx: Context) -> None:
    facts = ctx.facts
    if facts.seed_line is not None:
        return  # a global NumPy seed makes random_state=None reproducible
    for split in facts.splits:
        if split.kind == "tts" and split.shuffle and not split.random_state:
            ctx.emit(
                "REPRO001",
                split.line,
                f"train_test_split at {ctx.at(split.line)} shuffles without random_state — every "
                "run gets a different split, so scores change between runs; pass random_state",
            )
    for est in facts.estimators:
        if est.cat == "splitter":
            shuffles = est.cls in apis.ALWAYS_SHUFFLING_SPLITTERS or (
                getattr(est.kw.get("shuffle"), "value", None) is True
            )
            if shuffles and not _has_seed(est.kw):
                ctx.emit(
                    "REPRO001",
                    est.line,
                    f"{est.cls} at {ctx.at(est.line)} shuffles without random_state — the folds "
                    "differ on every run; pass random_state",
                )


@emits("code", "REPRO002")
def unseeded_model(ctx: Context) -> None:
    facts = ctx.facts
    if facts.seed_line is not None:
        return
    for est in facts.estimators:
        if est.cat == "splitter":
            continue
        if est.cls in apis.STOCHASTIC_MODELS and est.fitted and not _has_seed(est.kw):
            ctx.emit(
                "REPRO002",
                est.line,
                f"{est.label()} is created at {ctx.at(est.line)} without random_state — it is "
                "randomised, so each run trains a different model and scores drift; pass "
                "random_state",
            )
