"""EVAL001 (preprocessing refitted on the test set), EVAL002 (evaluated only on the training
data), EVAL003 (a metric mixing the predictions of one split with the labels of another) and
EVAL004 (the test set resampled)."""

from __future__ import annotations

from coach.lint.checks.common import Context, marked_training, shown
from coach.lint.dataflow import SIDE_NAMES, TEST, TRAIN, Data, EvalEv, FitEv
from coach.registry import emits


def _is_test(ctx: Context, d: Data | None) -> bool:
    return d is not None and (bool(ctx.test_splits(d)) or d.file_role == TEST)


@emits("code", "EVAL001")
def refit_on_test(ctx: Context) -> None:
    fits = [f for f in ctx.facts.fits if f.est.cat == "transformer" and f.x is not None]
    for fit in fits:
        if not _is_test(ctx, fit.x):
            continue
        others = [
            o for o in fits if o is not fit and o.est.cls == fit.est.cls and not _is_test(ctx, o.x)
        ]
        if not others:
            continue
        other = others[0]
        ctx.emit(
            "EVAL001",
            fit.line,
            f"{fit.est.label()} is fitted again on the test data "
            f"{shown(fit.x_name or fit.x.name)} at {ctx.at(fit.line)} instead of reusing the one "
            f"fitted on the training data at {ctx.at(other.line)} — train and test features are "
            "transformed with different numbers (or codes); use transform() on the test data",
            [(other.line, "fitted on the training data here")],
        )


def _same_rows(a: Data, b: Data) -> bool:
    return a.roots == b.roots and a.sides == b.sides


@emits("code", "EVAL002")
def only_training_score(ctx: Context) -> None:
    facts = ctx.facts
    if facts.cvs:
        return
    by_model: dict[int, list[EvalEv]] = {}
    for ev in facts.evals:
        if ev.model is not None and ev.fit is not None:
            by_model.setdefault(id(ev.model), []).append(ev)
    for evs in by_model.values():
        fit: FitEv = evs[0].fit  # type: ignore[assignment]
        if fit.x is None or any(
            k in fit.kw for k in ("validation_data", "validation_split", "eval_set")
        ):
            continue
        if any(e.fit is not fit for e in evs):
            continue
        # named as training data: the author knows it is a training score (otherwise the
        # overlap is LEAK002)
        on_train = [
            e for e in evs if e.x is not None and _same_rows(e.x, fit.x) and marked_training(e.x)
        ]
        if len(on_train) != len(evs):
            continue
        # any held-out evaluation in the file (another model) means the author does test
        if any(_is_test(ctx, e.x) or _is_test(ctx, e.y_true) for e in facts.evals):
            continue
        ev = on_train[0]
        ctx.emit(
            "EVAL002",
            ev.line,
            f"{fit.est.label()} is evaluated at {ctx.at(ev.line)} only on "
            f"{shown(ev.x.name if ev.x else '')}, the data it was trained on at {ctx.at(fit.line)} "
            "— a training score says how well it memorised, not how it will do on new data",
            [(fit.line, "trained on the same rows here")],
        )


@emits("code", "EVAL003")
def wrong_split_metric(ctx: Context) -> None:
    for ev in ctx.facts.evals:
        if ev.kind != "metric" or ev.y_true is None or ev.x is None:
            continue
        for sid, side in ev.y_true.sides:
            other = ev.x.side_of(sid)
            if other and other != side and {side, other} == {TRAIN, TEST}:
                ctx.emit(
                    "EVAL003",
                    ev.line,
                    f"The metric at {ctx.at(ev.line)} compares the {SIDE_NAMES[side]} labels "
                    f"{shown(ev.y_true.name)} with predictions made on the {SIDE_NAMES[other]} "
                    f"data {shown(ev.x.name)} — the rows do not correspond, so the number is "
                    "meaningless",
                    [
                        (
                            ev.y_pred.line if ev.y_pred is not None else 0,
                            "the predictions are made here",
                        )
                    ],
                )
                break


@emits("code", "EVAL004")
def resampled_test_set(ctx: Context) -> None:
    """A resampler fitted on (applied to) the test part: the test set loses its real balance."""
    for fit in ctx.facts.fits:
        if fit.est.cat != "resampler" or fit.x is None or not _is_test(ctx, fit.x):
            continue
        name = shown(fit.x_name or fit.x.name, "the test data")
        splits = ctx.test_splits(fit.x)
        how = "loaded" if splits and splits[0].kind == "file" else "split off"
        origin = f" ({how} at {ctx.at(splits[0].line)})" if splits else ""
        ctx.emit(
            "EVAL004",
            fit.line,
            f"{fit.est.label()} resamples the test part {name} at {ctx.at(fit.line)}{origin} — "
            "the test set no longer has the real class balance, so every score measured on it "
            "is about made-up data; resample the training part only",
            [(splits[0].line, f"the test part is {how} here")] if splits else [],
        )
