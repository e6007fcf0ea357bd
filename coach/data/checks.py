"""`check_data`: look at a dataset the way a careful practitioner would, and report findings.

Every finding points at a catalog rule (IMB003, LEAK002, LEAK004, LEAK005, LEAK006, DATA001-007)
and carries its numbers. Counting and hashing run on every row; only the one-feature model fits
of the leak check use a fixed-seed sample, and the report says so (sample size and seed).

This module imports only light modules at import time: pandas is imported when a check runs, and
scikit-learn only by the "leakage" check, so `check_data(..., checks={"imbalance"})` is cheap
enough for the question router.
"""

from __future__ import annotations

import time
from pathlib import Path

from coach.cancel import Token, cancellable, checkpoint
from coach.data.errors import DataError
from coach.data.progress import ProgressCallback, tick
from coach.data.report import DataReport, DataSummary, sort_findings
from coach.data.thresholds import (
    DRIFT_SAMPLE,
    NEAR_COPY_MIN_COLUMNS,
    SEED,
    SINGLE_FEATURE_SAMPLE,
)

# name -> what it looks for (shown by `coach check-data --help`).
CHECKS: dict[str, str] = {
    "target": "single-valued target, rows without a target (DATA004, DATA007)",
    "imbalance": "class imbalance (IMB003)",
    "order": "file sorted or grouped by the target (DATA005)",
    "columns": "constant, mostly-missing and mixed-type columns (DATA002, DATA003, DATA006)",
    "duplicates": "rows repeating another row of the same file (LEAK002)",
    "conflicts": "identical features with different labels (DATA001)",
    "overlap": "test rows repeating training rows, label excluded (LEAK002; needs --test)",
    "leakage": "identifiers, copies of the target, one-feature models (LEAK004; scikit-learn)",
    "time": "test rows dated before the last training date (LEAK005; --time-col and --test)",
    "groups": "entities on both sides of the split (LEAK006; needs --group-col)",
    "drift": "train/test drift per column and adversarial validation (DATA008, DATA009; --test)",
}
# Checks that need only the target column (the file is read with just that column).
TARGET_ONLY_CHECKS = frozenset({"target", "imbalance", "order"})
# Checks that import scikit-learn.
SKLEARN_CHECKS = frozenset({"leakage", "drift"})
_TEST_CHECKS = frozenset({"overlap", "time", "groups", "drift"})


def _selected(checks: set[str] | frozenset[str] | list[str] | None) -> set[str]:
    if checks is None:
        return set(CHECKS)
    chosen = {c.strip().lower() for c in checks}
    unknown = chosen - set(CHECKS)
    if unknown:
        raise DataError(
            f"unknown check(s): {', '.join(sorted(unknown))}; known checks: {', '.join(CHECKS)}"
        )
    return chosen


def _role_columns(
    target: str, time_col: str | None, group_col: str | None, id_col: str | None
) -> dict[str, str]:
    roles = {"target": target}
    for role, name in (("time", time_col), ("group", group_col), ("id", id_col)):
        if name is None:
            continue
        if name == target:
            raise DataError(f"the {role} column cannot be the target column '{target}'")
        roles[role] = name
    return roles


def _check_test_columns(
    train_cols: list[str], test_cols: list[str], target: str, test: Path
) -> None:
    missing = [c for c in train_cols if c not in test_cols and c != target]
    extra = [c for c in test_cols if c not in train_cols]
    if missing or extra:
        parts = []
        if missing:
            parts.append("missing from the test file: " + ", ".join(missing[:15]))
        if extra:
            parts.append("only in the test file: " + ", ".join(extra[:15]))
        raise DataError(
            f"{test}: the test file's columns differ from the training file's ("
            + "; ".join(parts)
            + "). Both files need the same feature columns."
        )


def check_data(
    path: str | Path,
    target: str,
    test: str | Path | None = None,
    *,
    time_col: str | None = None,
    group_col: str | None = None,
    id_col: str | None = None,
    checks: set[str] | frozenset[str] | list[str] | None = None,
    progress: ProgressCallback | None = None,
    encoding: str | None = None,
    seed: int = SEED,
    sample_size: int = SINGLE_FEATURE_SAMPLE,
    cancel: Token | None = None,
) -> DataReport:
    """Check the dataset at `path` (and a `test` split) for the target column `target`.

    Raises DataError for input that cannot be checked (missing file or column, unreadable or
    non-tabular file, test columns that differ). `checks=None` runs every check. Setting
    `cancel` stops the work at its next progress tick with `coach.cancel.Cancelled`.
    """
    import numpy as np

    progress = cancellable(progress, cancel)
    from coach.data import basic, overlap
    from coach.data.frame import class_counts, infer_task
    from coach.data.load import load_notes, load_table, read_header, require_columns

    started = time.monotonic()
    selected = _selected(checks)
    path = Path(path)
    roles = _role_columns(target, time_col, group_col, id_col)
    header = read_header(path, encoding=encoding)
    require_columns(header, roles, path)
    target_only = selected <= TARGET_ONLY_CHECKS
    tick(progress, "reading data", 0, 1)
    train = load_table(path, columns=[target] if target_only else None, encoding=encoding)
    test_frame = None
    test_path = Path(test) if test is not None else None
    if test_path is not None and selected & _TEST_CHECKS:
        test_header = read_header(test_path, encoding=encoding)
        _check_test_columns(header, test_header, target, test_path)
        test_frame = load_table(test_path, encoding=encoding)
        test_frame = test_frame[[c for c in header if c in test_frame.columns]]
    tick(progress, "reading data", 1, 1)
    checkpoint(cancel)

    y = train[target]
    labelled_rows = int(y.notna().sum())
    if labelled_rows == 0:
        raise DataError(f"the target column '{target}' in {path} has no values")
    task = infer_task(y)
    counts = class_counts(y) if task == "classification" else None
    single_valued = y.nunique() < 2
    report = DataReport(
        summary=DataSummary(
            file=str(path),
            target=target,
            task=task,
            rows=len(train),
            columns=len(header),
            labelled_rows=labelled_rows,
            missing_target_rows=len(train) - labelled_rows,
            n_classes=len(counts) if counts is not None else None,
            test_file=str(test_path) if test_path else None,
            test_rows=len(test_frame) if test_frame is not None else None,
            test_columns=test_frame.shape[1] if test_frame is not None else None,
            seed=seed,
            checks=[c for c in CHECKS if c in selected],
        ),
        class_counts=counts,
    )
    if test_frame is not None and task == "classification" and target in test_frame:
        report.test_class_counts = class_counts(test_frame[target])
    findings = report.findings
    notes = report.notes
    notes += [f"{path.name}: {n}" for n in load_notes(train)]
    if test_frame is not None:
        notes += [f"{test_path.name}: {n}" for n in load_notes(test_frame)]

    if "target" in selected:
        findings += basic.check_target(y, target)
    if single_valued:
        notes.append("label checks skipped: the target has a single value")
    if counts is not None and len(counts) > 0.5 * labelled_rows and labelled_rows >= 10:
        notes.append(
            f"the target '{target}' has {len(counts):,} distinct values in {labelled_rows:,} "
            "labelled rows: nearly every row is its own class, so checks that need repeated "
            "classes (copies of the target, one-feature models) say nothing; is it the right column?"
        )
    if "imbalance" in selected and counts is not None and not single_valued:
        findings += basic.check_imbalance(counts, target)
    if "order" in selected and not single_valued:
        findings += basic.check_order(y, target, task)
    if "columns" in selected:
        findings += basic.check_columns(train, target, progress)

    features = [c for c in train.columns if c not in (target, id_col)]
    needs_rows = selected & {"duplicates", "conflicts", "overlap", "leakage", "drift"}
    id_like: dict[str, str] = {}
    if needs_rows:
        from coach.data.leakage import identifier_columns

        id_like = identifier_columns(train, [c for c in features if c not in (time_col, group_col)])
        report.summary.ignored_columns = ({id_col: "--id-col"} if id_col else {}) | id_like
    row_features = [c for c in features if c not in id_like]

    if selected & {"duplicates", "conflicts", "overlap"}:
        if not row_features:
            notes.append("row comparisons skipped: no feature columns besides the target and ids")
        else:
            frames = [train] + ([test_frame] if test_frame is not None else [])
            keys = overlap.row_keys(frames, row_features, progress)
            if "duplicates" in selected:
                findings += overlap.check_duplicates(keys[0], row_features)
            if "conflicts" in selected and task == "classification" and not single_valued:
                codes = overlap.label_codes([y], task)[0]
                findings += overlap.check_conflicts(keys[0], codes, target)
            if "overlap" in selected and test_frame is not None:
                labels = None
                if target in test_frame:
                    labels = overlap.label_codes([y, test_frame[target]], task)
                already = np.isin(keys[1].exact, keys[0].exact) | np.isin(
                    keys[1].near, keys[0].near
                )
                copies = overlap.near_copies(train, test_frame, row_features, already, progress)
                if copies is None:
                    notes.append(
                        "near copies (all but one or two columns equal) not checked: fewer than "
                        f"{NEAR_COPY_MIN_COLUMNS} compared columns"
                    )
                findings += overlap.check_overlap(
                    keys[0],
                    keys[1],
                    labels[0] if labels else None,
                    labels[1] if labels else None,
                    row_features,
                    copies,
                )
    if "overlap" in selected and test_path is None:
        notes.append("train/test overlap not checked: pass --test FILE")
    if "drift" in selected and test_frame is not None:
        from coach.data import drift
        from coach.data.frame import column_kinds

        # The time and group columns differ between splits by design (LEAK005/LEAK006).
        compared = [c for c in row_features if c not in (time_col, group_col)]
        kinds = column_kinds([train, test_frame], compared)
        tick(progress, "drift", 0, 2)
        report.drift = drift.column_drifts(train, test_frame, compared, kinds, seed=seed)
        findings += drift.check_drift(report.drift, test_path.name)
        tick(progress, "adversarial validation", 1, 2)
        report.adversarial = drift.adversarial_validation(
            train, test_frame, compared, kinds, seed=seed
        )
        findings += drift.check_adversarial(report.adversarial, test_path.name)
        if report.adversarial is not None:
            notes.append(
                f"adversarial validation fitted on {report.adversarial.rows_per_file:,} rows from "
                f"each file (seed {seed}); drift statistics use every row (KS on at most "
                f"{DRIFT_SAMPLE:,} values per file)"
            )
        tick(progress, "drift", 2, 2)

    # The group column is left to LEAK006: entities repeat by design, so a per-entity lookup
    # "predicts" well in random folds — that is group leakage, reported there.
    leak_features = [c for c in features if c != group_col]
    if "leakage" in selected and not single_valued and leak_features:
        from coach.data import leakage

        findings += leakage.check_identifiers(id_like)
        tick(progress, "copies of the target", 0, 1)
        functions = leakage.target_functions(train, leak_features, y, task)
        checkpoint(cancel)
        single = leakage.single_feature_skills(
            train, leak_features, y, task, sample_size=sample_size, seed=seed, progress=progress
        )
        if single.note:
            notes.append(single.note)
        findings += leakage.check_target_leakage(target, functions, single)
        report.single_feature_skill = dict(
            sorted(single.skills.items(), key=lambda kv: kv[1], reverse=True)[:10]
        )
        if single.sampled:
            report.summary.sampled = True
            report.summary.sample_size = single.rows
            notes.append(
                f"one-feature leak check fitted on a sample of {single.rows:,} of "
                f"{labelled_rows:,} labelled rows (seed {seed}); all other checks use every row"
            )

    if "time" in selected and time_col:
        if test_frame is None:
            notes.append("LEAK005 (time) needs a test file: pass --test FILE with --time-col")
        else:
            tick(progress, "time order", 0, 1)
            train_times = basic.parse_times(train[time_col], time_col, str(path))
            test_times = basic.parse_times(test_frame[time_col], time_col, str(test_path))
            if train_times.dtype != test_times.dtype:
                raise DataError(
                    f"time column '{time_col}' has different types in the two files "
                    f"({train_times.dtype} in {path.name}, {test_times.dtype} in "
                    f"{test_path.name}); use the same date format in both"
                )
            findings += basic.check_time(train_times, test_times, time_col)
    if "groups" in selected and group_col:
        tick(progress, "groups", 0, 1)
        findings += basic.check_groups(
            train[group_col], test_frame[group_col] if test_frame is not None else None, group_col
        )

    report.findings = sort_findings(findings)
    report.summary.seconds = round(time.monotonic() - started, 3)
    return report
