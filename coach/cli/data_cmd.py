"""`coach check-data` and `coach baseline`: dataset checks and baselines from the command line.

Both print text or JSON on stdout (progress goes to stderr only), log their findings to the
suggestion log under a session, and exit 0 (nothing worth a warning), 1 (a warning or error
finding) or 2 (bad input, explained in one line).
"""

from __future__ import annotations

import argparse
import math
import os
import textwrap
from typing import Any

from coach.cli.common import CommandError, add_format_option, dump_json, open_store, print_warning

EXIT_CODES = (
    "exit status: 0 no warning or error findings; 1 at least one warning or error finding; "
    "2 bad input (missing column, unreadable file, ...)."
)
WIDTH = 100


def register(subparsers: argparse._SubParsersAction) -> None:
    from coach.data.checks import CHECKS

    check = subparsers.add_parser(
        "check-data",
        help="check a dataset for leakage, imbalance and data problems",
        description=(
            "Look at a dataset like a careful practitioner: class imbalance, train/test overlap, "
            "target leakage, train/test drift, time and group leakage, conflicting labels, "
            "constant / mostly "
            "missing / mixed-type columns, files sorted by the target. Reads CSV, TSV, Parquet "
            "and compressed CSV. Findings use the rule catalog's ids (`coach rule ID` explains "
            "one) and are logged for review."
        ),
        epilog="checks: "
        + "; ".join(f"{name} — {text}" for name, text in CHECKS.items())
        + ". "
        + EXIT_CODES,
    )
    check.add_argument("file", metavar="FILE", help="the training data (or the whole dataset)")
    check.add_argument(
        "--test", metavar="FILE", help="a test / validation split to compare with FILE"
    )
    check.add_argument("--target", required=True, metavar="COL", help="the label column")
    check.add_argument(
        "--time-col",
        metavar="COL",
        help="a date column: test rows dated before the last training date are flagged (LEAK005)",
    )
    check.add_argument(
        "--group-col",
        metavar="COL",
        help="an entity column (patient, user, ...): entities in both splits are flagged (LEAK006)",
    )
    check.add_argument(
        "--id-col", metavar="COL", help="a row identifier to leave out of the comparisons"
    )
    check.add_argument(
        "--checks",
        metavar="NAMES",
        help="comma-separated subset of checks to run (default: all; see the list below)",
    )
    _add_common(check)
    check.set_defaults(func=run_check_data)

    base = subparsers.add_parser(
        "baseline",
        help="cross-validate trivial and simple baselines on a dataset",
        description=(
            "Score trivial baselines (DummyClassifier most-frequent and stratified, or "
            "DummyRegressor mean and median) and a simple one (LogisticRegression or Ridge in a "
            "Pipeline with imputation, scaling and one-hot encoding, fitted inside each fold) with "
            "shuffled, seeded cross-validation. --model-score compares your model's score with "
            "them (BASE003 when it does not clearly beat them)."
        ),
        epilog="metrics: classification — balanced_accuracy, f1 (binary, positive class), "
        "f1_macro, roc_auc and pr_auc (binary), log_loss, accuracy (balanced data, or when "
        "asked for); regression — r2, mae, rmse. " + EXIT_CODES,
    )
    base.add_argument(
        "file", metavar="FILE", help="the dataset (CSV, TSV, Parquet, compressed CSV)"
    )
    base.add_argument("--target", required=True, metavar="COL", help="the label column")
    base.add_argument(
        "--task",
        choices=("auto", "classification", "regression"),
        default="auto",
        help="default: auto (text, booleans and up to 20 integer values are classes)",
    )
    base.add_argument("--cv", type=int, default=5, metavar="K", help="number of folds (default: 5)")
    base.add_argument(
        "--model-score",
        action="append",
        default=[],
        metavar="METRIC=VALUE",
        help="your model's score to compare, e.g. roc_auc=0.91 (repeatable)",
    )
    base.add_argument(
        "--id-col", metavar="COL", help="a row identifier to leave out of the features"
    )
    base.add_argument(
        "--keep",
        action="append",
        default=[],
        metavar="COL",
        help="use COL as a feature even when a leakage check flags it (repeatable)",
    )
    base.add_argument(
        "--max-rows",
        type=int,
        default=None,
        metavar="N",
        help="fit on a stratified sample of at most N rows (default: 100000; 0 = all rows)",
    )
    base.add_argument(
        "--seed", type=int, default=0, help="seed for folds and sampling (default: 0)"
    )
    _add_common(base)
    base.set_defaults(func=run_baseline_cmd)


def _add_common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--encoding", metavar="NAME", help="text encoding of CSV files (default: UTF-8)"
    )
    add_format_option(parser)
    parser.add_argument("--no-progress", action="store_true", help="do not show progress on stderr")
    parser.add_argument("--no-log", action="store_true", help="do not log the results")
    parser.add_argument(
        "--session", metavar="ID", help="log under this session (default: a new one)"
    )
    parser.add_argument(
        "--db", dest="db", default=argparse.SUPPRESS, metavar="PATH", help="suggestion log (SQLite)"
    )


def _progress(args: argparse.Namespace):
    if args.no_progress:
        return None
    from coach.data.progress import StderrProgress

    return StderrProgress()


def _run_guarded(label: str, func, *a, **kw):
    """Call into the data layer; bad input and resource failures become one-line errors."""
    from coach.data.errors import DataError

    try:
        return func(*a, **kw)
    except DataError as exc:
        raise CommandError(str(exc), 2) from exc
    except MemoryError as exc:
        raise CommandError(
            f"ran out of memory while {label}; try a smaller file or a sample", 2
        ) from exc
    except (CommandError, KeyboardInterrupt):
        raise
    except Exception as exc:  # a bug, not bad input: still one line, traceback on request
        if os.environ.get("COACH_DEBUG"):
            raise
        raise CommandError(
            f"unexpected error while {label}: {type(exc).__name__}: {exc} "
            "(set COACH_DEBUG=1 for a traceback, and please report it)",
            3,
        ) from exc


def _log(
    args: argparse.Namespace, suggestions_for, *, title: str, data: str, target: str
) -> dict | None:
    """Write the suggestions under a session; a failing log is a warning, never lost output."""
    if args.no_log:
        return None
    from coach.store import StoreError

    try:
        store = open_store(args)
    except CommandError as exc:
        print_warning(f"results not logged: {exc}")
        return None
    try:
        with store:
            session = store.ensure_session(args.session, title=title, data=data, target=target)
            # The command is the "question" these suggestions answer, so the log can show it.
            question = store.add_question(session.id, f"coach {title} --target {target}", "data")
            suggestions = suggestions_for(session.id)
            for suggestion in suggestions:
                suggestion.question_id = question.id
            store.add_suggestions(suggestions)
            return {"session": session.id, "suggestions": len(suggestions), "db": str(store.path)}
    except StoreError as exc:
        print_warning(f"results not logged: {exc}")
        return None


def _wrap(text: str, indent: int, prefix: str = "") -> str:
    """Wrap to the terminal width; `prefix` starts the first line, later lines are indented."""
    return textwrap.fill(
        text,
        WIDTH,
        initial_indent=prefix,
        subsequent_indent=" " * indent,
        break_on_hyphens=False,
    )


def _findings_text(findings, severity_of) -> list[str]:
    lines = []
    for item in findings:
        severity = severity_of(item)
        prefix = f"{severity:<8} {item.rule:<8} "
        lines.append(_wrap(item.message, len(prefix), prefix))
    return lines


def _count_line(findings, severity_of) -> str:
    if not findings:
        return "no findings"
    tally = {"error": 0, "warning": 0, "info": 0}
    for item in findings:
        tally[severity_of(item)] += 1
    parts = [f"{n} {k}{'s' if n != 1 and k != 'info' else ''}" for k, n in tally.items() if n]
    return f"{len(findings)} finding{'s' if len(findings) != 1 else ''} ({', '.join(parts)})"


def _pct(share: float) -> str:
    return f"{100 * share:.1f}%" if share >= 0.001 else f"{100 * share:.2f}%"


# -- check-data -----------------------------------------------------------------------------


def run_check_data(args: argparse.Namespace) -> int:
    from coach.data.checks import check_data
    from coach.data.report import fails
    from coach.suggestions import to_suggestions

    checks = None
    if args.checks:
        checks = {c for c in args.checks.split(",") if c.strip()}
    progress = _progress(args)
    try:
        report = _run_guarded(
            f"checking {args.file}",
            check_data,
            args.file,
            args.target,
            args.test,
            time_col=args.time_col,
            group_col=args.group_col,
            id_col=args.id_col,
            checks=checks,
            progress=progress,
            encoding=args.encoding,
        )
    finally:
        if progress is not None:
            progress.close()
    logged = _log(
        args,
        lambda session_id: to_suggestions(report.findings, session_id=session_id),
        title=f"check-data {args.file}",
        data=args.file,
        target=args.target,
    )
    if args.format == "json":
        payload = report.to_json()
        payload["log"] = logged
        print(dump_json(payload))
    else:
        print(render_data_report(report, logged))
    return 1 if fails(report.findings) else 0


def render_data_report(report, logged: dict | None = None) -> str:
    """The text form of a DataReport (used by the CLI and usable by the app)."""
    from coach.data.report import severity_of

    s = report.summary
    head = f"{s.file}: {s.rows:,} rows × {s.columns} columns · target '{s.target}'"
    if s.task == "classification" and s.n_classes:
        head += f" (classification, {s.n_classes} classes)"
    elif s.task:
        head += f" ({s.task})"
    lines = [head]
    if s.test_file and s.test_rows is not None:
        lines.append(f"test: {s.test_file}: {s.test_rows:,} rows")
    if report.class_counts:
        total = sum(report.class_counts.values())
        shown = list(report.class_counts.items())[:8]
        classes = " · ".join(f"'{k}' {v:,} ({_pct(v / total)})" for k, v in shown)
        more = len(report.class_counts) - len(shown)
        lines.append("classes: " + classes + (f" · … {more} more" if more > 0 else ""))
    if s.ignored_columns:
        lines.append(
            "left out of row comparisons: " + ", ".join(f"'{c}'" for c in s.ignored_columns)
        )
    lines.append("")
    lines += _findings_text(report.findings, severity_of)
    if report.findings:
        lines.append("")
    tail = f"{_count_line(report.findings, severity_of)} · {s.seconds:.1f} s"
    if s.sampled:
        tail += f" · sampled: {s.sample_size:,} rows, seed {s.seed}"
    lines.append(tail)
    lines += [_wrap(n, 6, "note: ") for n in report.notes]
    if report.findings:
        lines.append("`coach rule ID` explains a rule and how to fix it.")
    if logged:
        lines.append(
            f"logged {logged['suggestions']} suggestion(s) to session {logged['session']} "
            "(`coach review` to go through them)"
        )
    return "\n".join(lines)


# -- baseline ---------------------------------------------------------------------------------


def run_baseline_cmd(args: argparse.Namespace) -> int:
    from coach.data.baseline import parse_model_scores, run_baseline
    from coach.data.errors import DataError
    from coach.data.report import fails
    from coach.data.thresholds import BASELINE_MAX_ROWS
    from coach.suggestions import to_suggestions

    try:
        scores = parse_model_scores(args.model_score)
    except DataError as exc:
        raise CommandError(str(exc)) from exc
    if args.max_rows is not None and args.max_rows < 0:
        raise CommandError("--max-rows must be 0 (all rows) or a positive number")
    max_rows = BASELINE_MAX_ROWS if args.max_rows is None else (args.max_rows or None)
    progress = _progress(args)
    try:
        report = _run_guarded(
            f"running baselines on {args.file}",
            run_baseline,
            args.file,
            args.target,
            task=args.task,
            cv=args.cv,
            model_scores=scores or None,
            progress=progress,
            id_col=args.id_col,
            max_rows=max_rows,
            seed=args.seed,
            encoding=args.encoding,
            keep=args.keep,
        )
    finally:
        if progress is not None:
            progress.close()
    table = render_baseline_report(report)

    def suggestions(session_id: str):
        return [
            baseline_suggestion(report, table, session_id),
            *to_suggestions(report.findings, session_id=session_id, kind="baseline"),
        ]

    logged = _log(
        args, suggestions, title=f"baseline {args.file}", data=args.file, target=args.target
    )
    if args.format == "json":
        payload = report.to_json()
        payload["log"] = logged
        print(dump_json(payload))
    else:
        print(table)
        if logged:
            print(
                f"logged {logged['suggestions']} suggestion(s) to session {logged['session']} "
                "(`coach review` to go through them)"
            )
    return 1 if fails(report.findings) else 0


def _decimals(value: float, bounded: bool) -> int:
    """3 decimals for scores in [0, 1]; about 4 significant digits for errors like RMSE."""
    if bounded or value == 0 or not math.isfinite(value):
        return 3
    return max(0, min(4, 3 - math.floor(math.log10(abs(value)))))


def _fmt(value: float, bounded: bool, decimals: int | None = None) -> str:
    if math.isfinite(value) and abs(value) >= 1e9:
        return f"{value:.4g}"  # an error on a huge target: 3.39e+307, not 308 digits
    return f"{value:.{_decimals(value, bounded) if decimals is None else decimals}f}"


def _cell(mean: float, std: float, bounded: bool) -> str:
    places = _decimals(mean, bounded)
    return f"{_fmt(mean, bounded, places)} ± {_fmt(std, bounded, places)}"


def render_baseline_report(report) -> str:
    """The baseline table: metrics as rows, models as columns, mean ± std over folds."""
    from coach.data.baseline import METRICS
    from coach.data.report import severity_of

    head = f"Baselines for '{report.target}' in {report.file}"
    facts = [report.task]
    if report.class_counts:
        facts.append(f"{len(report.class_counts)} classes")
        if report.positive_class is not None:
            total = sum(report.class_counts.values())
            share = report.class_counts.get(report.positive_class, 0) / total
            facts.append(f"positive class '{report.positive_class}' ({_pct(share)})")
    facts.append(
        f"{report.rows_used:,} rows" + (f" (sample of {report.rows:,})" if report.sampled else "")
    )
    facts.append(f"{len(report.features)} features")
    kind = "stratified " if report.task == "classification" else ""
    setup = (
        f"{report.cv}-fold {kind}cross-validation, shuffled (seed {report.seed}); "
        "preprocessing fitted inside each fold"
    )
    lines = [head, " · ".join(facts), setup, ""]
    metric_names: list[str] = []
    for model in report.models:
        for name in model.metrics:
            if name not in metric_names:
                metric_names.append(name)
    label_width = max(len(METRICS[m].label) for m in metric_names) + 2
    cells = {
        (metric, model.name): (
            _cell(stat.mean, stat.std, METRICS[metric].bounded)
            if (stat := model.metrics.get(metric))
            else "—"
        )
        for metric in metric_names
        for model in report.models
    }
    col_width = max(
        17, *(len(m.name) + 2 for m in report.models), *(len(c) + 2 for c in cells.values())
    )
    header = f"{'metric':<{label_width + 2}}" + "".join(
        f"{m.name:>{col_width}}" for m in report.models
    )
    lines.append(header)
    for metric in metric_names:
        info = METRICS[metric]
        arrow = "↑" if info.higher_is_better else "↓"
        row = f"{info.label:<{label_width}}{arrow} "
        for model in report.models:
            row += f"{cells[(metric, model.name)]:>{col_width}}"
        lines.append(row)
    lines.append("(mean ± std over folds; ↑ higher is better, ↓ lower is better)")
    for model in report.models:
        lines.append(f"  {model.name}: {model.description}")
    if report.dropped_columns:
        lines.append(
            _wrap(
                "not used as features: "
                + "; ".join(f"'{c}' ({why})" for c, why in report.dropped_columns.items()),
                2,
            )
        )
    for comparison in report.comparisons:
        info = METRICS[comparison.metric]
        verdict = (
            f"clearly beats the best baseline {comparison.best_model} "
            f"({_fmt(comparison.best_mean, info.bounded)})"
            if comparison.beats_clearly
            else "does NOT clearly beat the baselines (see BASE003 below)"
        )
        lines.append(f"your model: {info.label} {comparison.value:.4g} — {verdict}")
    lines.append("")
    if report.findings:
        lines += _findings_text(report.findings, severity_of)
        lines.append("")
    lines.append(f"{_count_line(report.findings, severity_of)} · {report.seconds:.1f} s")
    lines += [_wrap(n, 6, "note: ") for n in report.notes]
    return "\n".join(lines)


def baseline_suggestion(report, table: str, session_id: str | None) -> Any:
    """The baseline results as one logged suggestion (rule BASE001: always get a baseline)."""
    from coach.catalog import default_catalog
    from coach.models import Evidence, Suggestion

    headline = "balanced_accuracy" if report.task == "classification" else "r2"
    parts = []
    for model in report.models:
        if model.kind == "flagged":
            continue
        stat = model.metrics.get(headline)
        if stat:
            parts.append(f"{model.name} {stat.mean:.3f} ± {stat.std:.3f}")
    data = {
        "task": report.task,
        "cv": report.cv,
        "rows": report.rows_used,
        "sampled": report.sampled,
        "left_out_as_leakage": report.leakage_columns,
        "models": {
            m.name: {k: {"mean": v.mean, "std": v.std} for k, v in m.metrics.items()}
            for m in report.models
        },
    }
    return Suggestion(
        session_id=session_id,
        source="rule",
        rule="BASE001",
        catalog_version=default_catalog().version,
        severity="info",
        title=f"Baselines for '{report.target}' ({headline.replace('_', ' ')}): "
        + "; ".join(parts),
        body=table,
        evidence=[
            Evidence(kind="baseline", text=f"cross-validated baselines on {report.file}", data=data)
        ],
    )
