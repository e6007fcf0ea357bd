"""`coach ask "QUESTION"`: the routed answer — rule findings first, an LLM brainstorm only as a draft."""

from __future__ import annotations

import argparse
import sys
import textwrap
from typing import Any

from coach.cli.common import CommandError, add_format_option, dump_json, open_store

WIDTH = 100
RECORD_HINT = "re-record all transcripts: COACH_RECORD=1 python -m pytest tests/test_transcripts.py"


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "ask",
        help="ask a question; rules answer first, an LLM only brainstorms (labelled DRAFT)",
        description=(
            "Route a question to Coach's rules. Matching rules are the answer (with the words "
            "that triggered them, the numbers, and the fix). When no rule applies — or with "
            "--brainstorm — a configured LLM brainstorms, always as a DRAFT for review. The "
            "question and every suggestion are written to the log before the command returns."
        ),
        epilog=(
            'examples:\n  coach ask "I scaled the data and then split it, is that ok?"\n'
            '  coach ask --no-llm "2% of rows are fraud and my model gets 98.1% accuracy"\n'
            '  coach ask --repo examples/ "does my code have leakage?"\n'
            '  coach ask --data examples/data/transactions.csv --target is_fraud "is my data imbalanced?"'
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("question", nargs="*", metavar="QUESTION", help="the question ('-' reads stdin)")
    p.add_argument("--repo", metavar="PATH", help="lint this code and answer from its findings")
    p.add_argument("--data", metavar="FILE", help="dataset (CSV/TSV/Parquet) to answer from")
    p.add_argument("--target", metavar="COL", help="target column of --data")
    p.add_argument("--session", metavar="ID", help="add to this session ('last' = the latest one)")
    p.add_argument(
        "--answer",
        metavar="N",
        type=int,
        help="answer the last question's deciding question with quick answer N (re-routes it; "
        "implies --session last)",
    )
    p.add_argument("--no-llm", action="store_true", help="never call an LLM (rules only)")
    p.add_argument(
        "--brainstorm", action="store_true", help="also brainstorm with the LLM (as a DRAFT)"
    )
    p.add_argument(
        "--show-prompt",
        action="store_true",
        help="print exactly what would be sent to the LLM, and send nothing",
    )
    p.add_argument("--explain", action="store_true", help="also print the facts extracted")
    p.add_argument(
        "--record",
        metavar="FILE",
        help="append this question and answer to a Markdown transcript (see transcripts/)",
    )
    p.add_argument(
        "--db", metavar="PATH", dest="db", default=argparse.SUPPRESS, help=argparse.SUPPRESS
    )
    add_format_option(p)
    p.set_defaults(func=run_ask)


def _question(args: argparse.Namespace) -> str:
    if args.question == ["-"]:
        return sys.stdin.read()
    return " ".join(args.question)


def run_ask(args: argparse.Namespace) -> int:
    from coach.ask import AskError, ask

    question = _question(args)
    store = open_store(args)
    session_id = args.session
    if args.answer is not None and session_id is None:
        session_id = "last"
    if session_id == "last":
        last = store.last_session()
        session_id = last.id if last else None
    streaming = args.format == "text" and not args.show_prompt
    printed = {"rules": False, "draft": False}

    def on_rules(result: Any) -> None:
        # Called only when a brainstorm follows: the first call may spend seconds importing
        # litellm, so say what is happening instead of sitting silent.
        print(render_text(result, explain=args.explain, final=False), flush=True)
        printed["rules"] = True
        from coach.llm.config import load_settings

        print(f"(asking {load_settings().model} for a brainstorm…)", file=sys.stderr, flush=True)

    def on_token(piece: str) -> None:
        if not printed["draft"]:
            from coach.llm.draft import DRAFT_BANNER

            print(f"\n{DRAFT_BANNER}\n", flush=True)
            printed["draft"] = True
        sys.stdout.write(piece)
        sys.stdout.flush()

    from coach.store import StoreError

    try:
        result = ask(
            question,
            store=store,
            session_id=session_id,
            repo=args.repo,
            data=args.data,
            target=args.target,
            no_llm=args.no_llm,
            brainstorm=args.brainstorm,
            show_prompt=args.show_prompt,
            on_rules=on_rules if streaming else None,
            on_token=on_token if streaming else None,
            answer=args.answer,
        )
    except AskError as exc:
        raise CommandError(f"{exc} (the question was logged)") from exc
    except StoreError as exc:
        raise CommandError(str(exc)) from exc
    finally:
        store.close()

    if args.format == "json":
        payload = result.to_json()
        if args.explain and result.facts is not None:
            payload["facts"] = result.facts.to_dict()
        print(dump_json(payload))
    elif printed["rules"]:
        from coach.llm.draft import describe_draft

        if printed["draft"]:
            print()
        for draft in (s for s in result.suggestions if s.source == "llm"):
            print(f"\n{describe_draft(draft)} · id {draft.id}")
        print(render_tail(result))
    else:
        print(render_text(result, explain=args.explain))
    if args.record:
        record(args, result)
    # A brainstorm that was asked for and failed is an error for scripts; the rules still stand
    # and the question, the rule answers and the failed draft are all in the log.
    failed = any(s.source == "llm" and s.status == "failed" for s in result.suggestions)
    return 1 if failed else 0


# --- text rendering ---------------------------------------------------------------------------


def _wrap(text: str, indent: str = "  ") -> str:
    paragraphs = [p for p in text.split("\n") if p.strip()]
    return "\n".join(
        textwrap.fill(p, WIDTH, initial_indent=indent, subsequent_indent=indent) for p in paragraphs
    )


def _numbers(data: dict[str, Any]) -> str:
    parts = []
    for key, value in data.items():
        if isinstance(value, float):
            shown = f"{value:.4g}"
        elif isinstance(value, list):
            shown = ", ".join(str(v) for v in value)
        else:
            shown = str(value)
        parts.append(f"{key.replace('_', ' ')} = {shown}")
    return "; ".join(parts)


def _fix_summary(fix: str) -> str:
    """The first paragraph of the catalog's fix (the code example stays in `coach rule ID`)."""
    first = fix.strip().split("\n\n")[0]
    return " ".join(first.split())


def render_text(result: Any, *, explain: bool = False, final: bool = True) -> str:
    from coach.catalog import default_catalog

    catalog = default_catalog()
    rules = [s for s in result.suggestions if s.source == "rule"]
    drafts = [s for s in result.suggestions if s.source == "llm"]
    out = [f"Q: {result.question}", f"route: {result.route} · session {result.session}"]
    if result.context:
        for key, value in result.context.items():
            out.append(f"context {key}: " + _numbers(value))
    if rules:
        out.append("")
        out.append(f"{len(rules)} rule finding{'s' if len(rules) != 1 else ''}:")
    from coach.router.clarify import quick_answers

    numbered = quick_answers(result.findings)
    for suggestion, finding in zip(rules, result.findings, strict=False):
        rule = catalog.rules[suggestion.rule]
        label = {"rule": "", "clarify": "worth checking · ", "correct": "looks right · "}
        out += [
            "",
            f"[{suggestion.severity}] {label[finding.kind]}{suggestion.rule} {rule.name} — "
            f"{suggestion.title}",
            f"  id {suggestion.id}",
            _wrap(finding.message),
        ]
        for e in suggestion.evidence:
            out.append(_wrap(f'evidence ({e.kind}): "{e.text}"', "  "))
        if finding.data:
            out.append(_wrap("numbers: " + _numbers(finding.data)))
        if finding.kind == "clarify":
            for a in (a for a in numbered if a.rule == finding.rule):
                out.append(f"  answer {a.number}: {a.label}  (coach ask --answer {a.number})")
        if finding.kind == "rule":
            out.append(_wrap("fix: " + _fix_summary(rule.fix)))
        out.append(f"  more: coach rule {suggestion.rule}")
    for draft in drafts:
        from coach.llm.draft import DRAFT_BANNER

        out += ["", DRAFT_BANNER, f"  id {draft.id} · status {draft.status}"]
        if draft.body:
            out.append(draft.body)
    if result.prompt_preview:
        out += ["", result.prompt_preview]
    if explain and result.facts is not None:
        import json

        out += ["", "facts: " + json.dumps(result.facts.to_dict(), ensure_ascii=False)]
    if final:
        tail = render_tail(result)
        if tail:
            out += ["", tail]
    return "\n".join(out)


def render_tail(result: Any) -> str:
    out: list[str] = []
    for note in result.notes:
        out.append(note)
    if result.related:
        out.append("related checklist items:")
        for item in result.related:
            out.append(f"  {item.rule}  {item.title}  ({item.score:.2f})")
    return "\n".join(out)


def record(args: argparse.Namespace, result: Any) -> None:
    """Append this exchange to a Markdown transcript (ids normalised; replayable command)."""
    from coach.cli.transcript import append_entry, command_args

    command = command_args(
        result.question,
        no_llm=args.no_llm,
        repo=args.repo,
        data=args.data,
        target=args.target,
        brainstorm=args.brainstorm,
        explain=args.explain,
    )
    append_entry(args.record, command, render_text(result, explain=args.explain))
