"""`coach log ...`: list, show, search, review and export the suggestion log; check, recover,
back up, delete and count it."""

from __future__ import annotations

import argparse
import re
import sys
import textwrap
from datetime import datetime, timedelta
from pathlib import Path

from coach.cli.common import CommandError, add_format_option, dump_json, open_store
from coach.models import utcnow

SHORT_ID = 8
# The audit columns are shown by `log show` only: listings and exports carry the cleaned text.
AUDIT = {"prompt_sent", "raw_response"}


def register(subparsers: argparse._SubParsersAction) -> None:
    log = subparsers.add_parser(
        "log",
        help="review the suggestion log (list, show, search, accept, reject, export, stats, "
        "path, check, recover, backup, delete)",
    )
    log.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="log file")
    sub = log.add_subparsers(dest="log_command", metavar="ACTION", required=True)

    listing = sub.add_parser("list", help="list logged suggestions, newest first")
    _add_filters(listing)
    add_format_option(listing)
    listing.set_defaults(func=run_list)

    show = sub.add_parser("show", help="show one suggestion with its question and review history")
    show.add_argument("id", help="suggestion id (a unique prefix is enough)")
    add_format_option(show)
    show.set_defaults(func=run_show)

    search = sub.add_parser("search", help="full-text search over questions and suggestions")
    search.add_argument("text", help="words to search for")
    search.add_argument("--limit", type=int, default=50, help="at most N results (default 50)")
    add_format_option(search)
    search.set_defaults(func=run_search)

    for action, status in (("accept", "accepted"), ("reject", "rejected")):
        review = sub.add_parser(action, help=f"mark a suggestion as {status}")
        review.add_argument("id", help="suggestion id (a unique prefix is enough)")
        review.add_argument("--note", help="why (kept in the review history)")
        review.set_defaults(func=run_review, status=status)

    edit = sub.add_parser(
        "edit", help="record your corrected version of a suggestion (status: edited)"
    )
    edit.add_argument("id", help="suggestion id (a unique prefix is enough)")
    source = edit.add_mutually_exclusive_group(required=True)
    source.add_argument("--text", help="the corrected text")
    source.add_argument(
        "--file", metavar="FILE", help="read the corrected text from FILE ('-': stdin)"
    )
    edit.add_argument("--note", help="why (kept in the review history)")
    edit.set_defaults(func=run_edit)

    note = sub.add_parser("note", help="add a note to a suggestion without changing its status")
    note.add_argument("id", help="suggestion id (a unique prefix is enough)")
    note.add_argument("note", help="the note")
    note.set_defaults(func=run_note)

    export = sub.add_parser("export", help="export suggestions (LLM drafts are marked as drafts)")
    export.add_argument(
        "--format", choices=("jsonl", "csv", "markdown"), default="jsonl", help="default: jsonl"
    )
    export.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: stdout)")
    _add_filters(export)
    export.set_defaults(func=run_export)

    path = sub.add_parser("path", help="print where the log file is")
    path.set_defaults(func=run_path)

    stats = sub.add_parser("stats", help="per-rule counts and acceptance rates")
    add_format_option(stats)
    stats.set_defaults(func=run_stats)

    check = sub.add_parser("check", help="run SQLite's full integrity check on the log")
    check.set_defaults(func=run_check)

    recover = sub.add_parser(
        "recover", help="copy every readable row of a damaged log into a NEW file (keeps the old)"
    )
    recover.add_argument("output", metavar="NEW_FILE", help="the recovered log to create")
    recover.set_defaults(func=run_recover)

    backup = sub.add_parser("backup", help="copy the log safely, even while Coach is running")
    backup.add_argument("output", metavar="FILE", help="the copy to create")
    backup.set_defaults(func=run_backup)

    delete = sub.add_parser(
        "delete", help="delete a suggestion, a session, or everything before a date"
    )
    what = delete.add_mutually_exclusive_group(required=True)
    what.add_argument("id", nargs="?", help="suggestion id (a unique prefix is enough)")
    what.add_argument("--session", dest="delete_session", metavar="ID", help="a whole session")
    what.add_argument(
        "--before", metavar="DATE", help="everything logged before an ISO date or an age (30d)"
    )
    delete.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    delete.set_defaults(func=run_delete)


def _add_filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--status", choices=("pending", "accepted", "rejected", "edited", "failed"))
    parser.add_argument("--source", choices=("rule", "llm"))
    parser.add_argument("--rule", help="rule id or family prefix, e.g. LEAK001 or LEAK")
    parser.add_argument("--session", help="session id (or a unique prefix)")
    parser.add_argument(
        "--since", help="only newer than this: an ISO date/time or an age such as 2h, 3d, 1w"
    )
    parser.add_argument("--limit", type=int, help="at most N suggestions")


def parse_since(text: str | None) -> datetime | None:
    """`2h`, `3d`, `1w`, `30m` or an ISO date/time (taken as UTC when it has no zone)."""
    if not text:
        return None
    match = re.fullmatch(r"\s*(\d+)\s*([mhdw])\s*", text)
    if match:
        amount, unit = int(match.group(1)), match.group(2)
        delta = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}[unit]
        return utcnow() - timedelta(**{delta: amount})
    try:
        parsed = datetime.fromisoformat(text.strip())
    except ValueError as exc:
        raise CommandError(
            f"--since: cannot read '{text}'; use an ISO date (2026-11-01) or an age (2h, 3d, 1w)"
        ) from exc
    if parsed.tzinfo is None:
        from datetime import UTC

        parsed = parsed.replace(tzinfo=UTC)
    return parsed


def _filtered(store, args: argparse.Namespace):
    return store.list_suggestions(
        status=args.status,
        source=args.source,
        rule=args.rule,
        session=args.session,
        since=parse_since(args.since),
        limit=args.limit,
    )


def _label(view) -> str:
    if view.draft:
        return "DRAFT (llm)"
    return view.rule or view.source


def _print_views(views, empty: str) -> None:
    if not views:
        print(empty)
        return
    for view in views:
        when = view.created.strftime("%Y-%m-%d %H:%M")
        print(f"{view.id[:SHORT_ID]}  {when}  {view.status:<8}  {_label(view):<11}  {view.title}")
        question = (view.question_text or "(no question)").replace("\n", " ")
        print(f"          Q: {textwrap.shorten(question, 100)}")
    print(f"\n{len(views)} suggestion(s). `coach log show ID` for details.")


def run_list(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        views = _filtered(store, args)
    if args.format == "json":
        print(dump_json([v.model_dump(mode="json", exclude=AUDIT) for v in views]))
    else:
        _print_views(views, "No suggestions match.")
    return 0


def run_search(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        views = store.search(args.text, limit=args.limit)
    if args.format == "json":
        print(dump_json([v.model_dump(mode="json", exclude=AUDIT) for v in views]))
    else:
        _print_views(views, f"Nothing in the log matches '{args.text}'.")
    return 0


def _resolve(store, prefix: str) -> str:
    from coach.store import StoreError

    try:
        return store.resolve_id(prefix)
    except StoreError as exc:
        raise CommandError(str(exc), exit_code=1) from exc


def run_show(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        view = store.get_suggestion(_resolve(store, args.id))
    assert view is not None
    if args.format == "json":
        print(dump_json(view.model_dump(mode="json")))
        return 0
    from coach.models import DRAFT_LABEL

    print(f"{DRAFT_LABEL}\n" if view.draft else "", end="")
    print(f"{_label(view)} · {view.severity or '-'} · {view.title}")
    print(
        f"id {view.id} · status {view.status} · source {view.source} · {view.created:%Y-%m-%d %H:%M} UTC"
    )
    print(f"Q: {view.question_text or '(no question)'}")
    if view.evidence:
        print("\nEvidence:")
        for item in view.evidence:
            print(f"  - {item.text}")
    if view.body:
        print()
        print(view.body)
    if view.edited_body is not None:
        print("\nEdited by the reviewer:")
        print(view.edited_body)
    if view.error:
        print(f"\nFailed: {view.error}")
    if view.model:
        tokens = f"{view.prompt_tokens or 0}+{view.completion_tokens or 0} tokens"
        cost = f", ${view.cost:.4f}" if view.cost is not None else ""
        print(f"\nModel {view.model} ({tokens}{cost}), template {view.template_version}")
    if view.prompt_sent or view.raw_response:
        from coach.sanitize import visible

        print("\nAudit — exactly what was sent to the model (JSON messages):")
        print(textwrap.indent(visible(view.prompt_sent or "(nothing was sent)"), "  "))
        print("\nAudit — the model's raw reply (control characters written out):")
        print(textwrap.indent(visible(view.raw_response or "(no reply)"), "  "))
    if view.reviews:
        print("\nReview history:")
        for review in view.reviews:
            note = f" — {review.note}" if review.note else ""
            print(
                f"  {review.created:%Y-%m-%d %H:%M}  {review.status:<8} by {review.reviewer}{note}"
            )
    return 0


def run_review(args: argparse.Namespace) -> int:
    from coach.store import StoreError

    with open_store(args) as store:
        full_id = _resolve(store, args.id)
        try:
            store.review(full_id, args.status, note=args.note)
        except StoreError as exc:
            raise CommandError(str(exc), exit_code=1) from exc
    print(f"{full_id[:SHORT_ID]} {args.status}.")
    return 0


def run_edit(args: argparse.Namespace) -> int:
    from coach.store import StoreError

    if args.file:
        try:
            text = sys.stdin.read() if args.file == "-" else Path(args.file).read_text("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"cannot read {args.file}: {exc}") from exc
    else:
        text = args.text
    if not text.strip():
        raise CommandError("the edited text is empty; nothing was recorded")
    with open_store(args) as store:
        full_id = _resolve(store, args.id)
        try:
            store.review(full_id, "edited", note=args.note, edited_body=text)
        except StoreError as exc:
            raise CommandError(str(exc), exit_code=1) from exc
    print(f"{full_id[:SHORT_ID]} edited (the original text is kept in the log).")
    return 0


def run_note(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        full_id = _resolve(store, args.id)
        store.annotate(full_id, args.note)
    print(f"Note added to {full_id[:SHORT_ID]}.")
    return 0


def run_export(args: argparse.Namespace) -> int:
    from coach.export import FORMATS

    with open_store(args) as store:
        views = _filtered(store, args)
    text = FORMATS[args.format](views)
    if args.output:
        path = Path(args.output)
        try:
            path.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise CommandError(f"cannot write {path}: {exc.strerror or exc}") from exc
        print(f"Exported {len(views)} suggestion(s) to {path}.", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def run_path(args: argparse.Namespace) -> int:
    from coach.store import default_db_path

    db = getattr(args, "db", None)
    print(Path(db).expanduser() if db else default_db_path())
    return 0


def run_stats(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        rows = store.stats()
    if args.format == "json":
        print(dump_json(rows))
        return 0
    if not rows:
        print("The log is empty.")
        return 0
    print(
        f"{'rule':<10} {'total':>6} {'accepted':>9} {'edited':>7} {'rejected':>9} "
        f"{'pending':>8} {'failed':>7} {'acceptance':>11}"
    )
    for row in rows:
        rate = "-" if row["acceptance"] is None else f"{row['acceptance']:.0%}"
        print(
            f"{row['rule']:<10} {row['total']:>6} {row['accepted']:>9} {row['edited']:>7} "
            f"{row['rejected']:>9} {row['pending']:>8} {row['failed']:>7} {rate:>11}"
        )
    print("\nacceptance = (accepted + edited) / reviewed.")
    return 0


def run_check(args: argparse.Namespace) -> int:
    from coach.store import DAMAGED_ADVICE, Store, StoreError

    try:
        store = Store.open(getattr(args, "db", None), check=False)
    except StoreError as exc:
        raise CommandError(str(exc), exit_code=1) from exc
    with store:
        problems = store.integrity_check()
        counts = {} if problems else store.table_counts()
    if problems:
        print(f"{store.path}: DAMAGED — {len(problems)} problem(s) found:")
        for problem in problems[:20]:
            print(f"  {problem}")
        print(DAMAGED_ADVICE)
        return 1
    summary = ", ".join(f"{n} {table}" for table, n in counts.items())
    print(f"{store.path}: ok ({summary}).")
    return 0


def run_recover(args: argparse.Namespace) -> int:
    from coach.store import StoreError, default_db_path, recover

    db = getattr(args, "db", None)
    source = Path(db).expanduser() if db else default_db_path()
    try:
        results = recover(source, args.output)
    except StoreError as exc:
        raise CommandError(str(exc), exit_code=1) from exc
    for table, (got, claimed) in results.items():
        of = f" of {claimed}" if claimed is not None else ""
        print(f"  {table:<12} {got}{of} row(s) recovered")
    print(
        f"Recovered into {args.output}; {source} was not changed. To use the new log: "
        f"--db {args.output} (or move it over the old one while no Coach is running)."
    )
    return 0


def run_backup(args: argparse.Namespace) -> int:
    from coach.store import StoreError

    with open_store(args) as store:
        try:
            dest = store.backup(args.output)
        except StoreError as exc:
            raise CommandError(str(exc), exit_code=1) from exc
    print(f"Backed up {store.path} to {dest}.")
    return 0


def run_delete(args: argparse.Namespace) -> int:
    from coach.store import StoreError

    with open_store(args) as store:
        try:
            if args.id:
                full_id = _resolve(store, args.id)
                what, act = (
                    f"suggestion {full_id[:SHORT_ID]} and its review history",
                    (lambda: store.delete_suggestions([full_id])),
                )
            elif args.delete_session:
                session = _resolve_session(store, args.delete_session)
                count = len(store.list_suggestions(session=session))
                what = f"session {session[:SHORT_ID]} ({count} suggestion(s))"
                act = lambda: store.delete_session(session)  # noqa: E731
            else:
                when = parse_since(args.before)
                assert when is not None
                count = sum(1 for v in store.list_suggestions() if v.created < when)
                what = f"{count} suggestion(s) logged before {when:%Y-%m-%d %H:%M} UTC"
                act = lambda: store.delete_before(when)  # noqa: E731
            if not args.yes and not _confirm(f"Delete {what}? This cannot be undone."):
                print("Nothing was deleted.")
                return 1
            deleted = act()
        except StoreError as exc:
            raise CommandError(str(exc), exit_code=1) from exc
    print(f"Deleted {deleted} suggestion(s).")
    return 0


def _resolve_session(store, prefix: str) -> str:
    matches = [s.id for s in store.sessions() if s.id.startswith(prefix.strip())]
    if len(matches) != 1:
        problem = "no session" if not matches else "more than one session"
        raise CommandError(f"{problem} with id '{prefix}'", exit_code=1)
    return matches[0]


def _confirm(question: str) -> bool:
    if not sys.stdin.isatty():
        raise CommandError(f"{question} Add --yes to confirm when not at a terminal.")
    try:
        answer = input(f"{question} [y/N] ")
    except EOFError:
        return False
    return answer.strip().lower() in {"y", "yes"}
