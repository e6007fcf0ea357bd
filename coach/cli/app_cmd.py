"""`coach [PATH] [--data FILE --target COL] [--resume]` opens the app; `coach review` its review
screen.

Textual is imported only inside the functions that start the app (this module is imported by the
CLI dispatcher for every command, so it must stay light).
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence
from pathlib import Path

from coach.cli.common import CommandError, print_error

STATUSES = ("pending", "accepted", "rejected", "edited", "failed")


def build_app_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="coach",
        description=(
            "Open the Coach app: a planning session where questions are answered by rules, with "
            "evidence, and the LLM only brainstorms (labelled DRAFT). Everything is logged."
        ),
        epilog="Other commands: coach --help. Inside the app: F1 for keys, /help for commands.",
    )
    parser.add_argument("path", nargs="?", metavar="PATH", help="repository or file to lint")
    parser.add_argument("--data", metavar="FILE", help="dataset to check (CSV, TSV, Parquet)")
    parser.add_argument("--target", metavar="COL", help="the dataset's target column")
    parser.add_argument(
        "--resume", action="store_true", help="reopen the last session from the log"
    )
    parser.add_argument("--db", metavar="PATH", help="suggestion log (default: $COACH_DB)")
    parser.add_argument("--theme", metavar="NAME", help="Textual theme (e.g. textual-light)")
    parser.add_argument(
        "--export-dir",
        metavar="DIR",
        help="where /export, /plan export and ctrl+s write (default: exports/ beside the log)",
    )
    return parser


def run_app(argv: Sequence[str]) -> int:
    """Entry for `coach` with no sub-command (called by coach.cli.main)."""
    parser = build_app_parser()
    args = parser.parse_args(list(argv))
    try:
        _check_app_args(args)
    except CommandError as exc:
        print_error(str(exc))
        return exc.exit_code
    from coach.tui.app import CoachApp

    app = CoachApp(
        db_path=args.db,
        repo=args.path,
        data=args.data,
        target=args.target,
        resume=args.resume,
        theme=args.theme,
        export_dir=args.export_dir,
    )
    return _run(app)


def _check_app_args(args: argparse.Namespace) -> None:
    if args.path and not Path(args.path).expanduser().exists():
        raise CommandError(f"{args.path}: no such file or directory (PATH is the repo to lint)")
    if args.data and not args.target:
        raise CommandError("--data needs --target COL: the column the model predicts")
    if args.target and not args.data:
        raise CommandError("--target needs --data FILE")
    if args.data and not Path(args.data).expanduser().is_file():
        raise CommandError(f"{args.data}: no such file (--data)")
    if args.theme:
        from coach.tui.themes import theme_names

        names = theme_names()
        if args.theme not in names:
            raise CommandError(f"unknown theme '{args.theme}'; known: {', '.join(names)}")


def register(subparsers: argparse._SubParsersAction) -> None:
    review = subparsers.add_parser(
        "review",
        help="open the review screen: filter, search, accept/reject/annotate logged suggestions",
        description=(
            "Browse every logged suggestion in the app: filter by status, source, rule and "
            "session, search the text, read the detail, accept / reject / add notes."
        ),
    )
    review.add_argument("--status", choices=STATUSES, help="only suggestions with this status")
    review.add_argument("--source", choices=("rule", "llm"), help="rule answers or LLM drafts")
    review.add_argument("--rule", metavar="ID", help="a rule id or family prefix (LEAK, IMB001)")
    review.add_argument("--session", metavar="ID", help="one session (an id prefix is enough)")
    review.add_argument("--search", metavar="TEXT", help="full-text search")
    review.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="log file")
    review.add_argument("--theme", metavar="NAME", help="Textual theme (e.g. textual-light)")
    review.set_defaults(func=run_review)


def run_review(args: argparse.Namespace) -> int:
    if args.theme:
        from coach.tui.themes import theme_names

        if args.theme not in theme_names():
            raise CommandError(f"unknown theme '{args.theme}'")
    from coach.tui.app import CoachApp

    filters = {
        key: value
        for key in ("status", "source", "rule", "session", "search")
        if (value := getattr(args, key, None))
    }
    app = CoachApp(
        db_path=getattr(args, "db", None),
        mode="review",
        review_filters=filters,
        theme=args.theme,
    )
    return _run(app)


def _run(app) -> int:
    if os.environ.get("TERM") == "dumb":
        print_error("the app needs a terminal (TERM=dumb); use `coach ask` and `coach log`")
        return 2
    result = app.run()
    return int(result or app.return_code or 0)


__all__ = ["build_app_parser", "register", "run_app", "run_review"]
