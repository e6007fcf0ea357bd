"""The `coach` command: a thin dispatcher over one module per command group.

Command modules import only the standard library and light Coach modules at import time; heavy
libraries (scikit-learn, litellm, Textual) are imported inside the handlers that need them, so
`coach rules` or `coach ask --no-llm` start fast.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from coach import __version__

# Sub-command name -> the module whose `register(subparsers)` adds it and sets `func`. Kept as a
# literal so `coach` (the app) and a single command start without importing every module.
COMMANDS: dict[str, str] = {
    "rules": "coach.cli.rules_cmd",
    "rule": "coach.cli.rules_cmd",
    "log": "coach.cli.log_cmd",
    "review": "coach.cli.app_cmd",
    "lint": "coach.cli.lint_cmd",
    "config": "coach.cli.config_cmd",
    "check-data": "coach.cli.data_cmd",
    "baseline": "coach.cli.data_cmd",
    "ask": "coach.cli.ask_cmd",
    "completion": "coach.cli.completion",
}
COMMAND_MODULES = list(dict.fromkeys(COMMANDS.values()))

# Commands that need an optional part of the install: (extra, what the user asked for).
NEEDS_EXTRA: dict[str, tuple[str, str]] = {
    "check-data": ("data", "`coach check-data`"),
    "baseline": ("data", "`coach baseline`"),
}

# `--help` examples for the commands whose modules do not carry their own (one home for them).
EXAMPLES: dict[str, str] = {
    "rules": """\
examples:
  coach rules                    every rule: id, severity, title
  coach rules --family LEAK      only the leakage rules
  coach rules --format json      for scripts""",
    "rule": """\
examples:
  coach rule LEAK001             why it matters, how to fix it, references
  coach rule preprocessing-before-split   by name
  coach rule LEAK001 --format json""",
    "log": """\
examples:
  coach log list                 the latest logged suggestions
  coach log search "leakage"     full-text search over questions and suggestions
  coach log show 12              one suggestion with its review history
  coach log accept 12            record a review decision
  coach log export --format csv > reviews.csv""",
    "review": """\
examples:
  coach review                   go through pending suggestions in the app
  coach --db team.db review      review another log""",
    "config": """\
examples:
  coach config show              the effective LLM settings and where each came from
  coach config path              the config file to edit""",
    "check-data": """\
examples:
  coach check-data train.csv --target is_fraud
  coach check-data train.csv --test test.csv --target churned --id-col customer_id
  coach check-data events.parquet --target y --time-col ts --format json""",
    "baseline": """\
examples:
  coach baseline train.csv --target is_fraud
  coach baseline train.csv --target price --task regression --cv 10
  coach baseline train.csv --target is_fraud --model-score balanced_accuracy=0.62""",
    "completion": """\
examples:
  coach completion bash > ~/.local/share/bash-completion/completions/coach
  coach completion zsh > "${fpath[1]}/_coach"
  coach completion fish > ~/.config/fish/completions/coach.fish""",
}


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The full parser, or (with `command`) one that only knows that command's module."""
    parser = argparse.ArgumentParser(
        prog="coach",
        description=(
            "Coach — an ML project coach. Rule checks first; LLM output only as labelled drafts; "
            "every suggestion logged for review. Run `coach` with no command to open the app."
        ),
    )
    parser.add_argument("--version", action="version", version=f"coach {__version__}")
    parser.add_argument(
        "--db",
        metavar="PATH",
        help="suggestion log (SQLite); default: $COACH_DB or the per-user data directory",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    modules = [COMMANDS[command]] if command in COMMANDS else COMMAND_MODULES
    for name in modules:
        importlib.import_module(name).register(subparsers)
    for name, sub in subparsers.choices.items():
        if name in EXAMPLES and "examples:" not in (sub.epilog or ""):
            sub.epilog = EXAMPLES[name] + ("\n\n" + sub.epilog if sub.epilog else "")
            sub.formatter_class = argparse.RawDescriptionHelpFormatter
    return parser


def _wants_app(argv: list[str]) -> bool:
    """`coach`, `coach PATH`, `coach --data F --target C`, `coach --resume` open the app."""
    if argv[:1] and argv[0] in ("-h", "--help", "--version"):
        return False
    first = _first_positional(argv)
    return first is None or first not in COMMANDS


def _first_positional(argv: list[str]) -> str | None:
    """The first word that is not an option or an option's value (only --db takes a value here)."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
            continue
        if arg == "--db":
            skip = True
            continue
        if arg.startswith("-"):
            continue
        return arg
    return None


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv == ["--version"]:  # answered before anything else is imported
        print(f"coach {__version__}")
        return 0
    if _wants_app(argv):
        from coach.cli.app_cmd import run_app

        return run_app(argv)
    parser = build_parser(_first_positional(argv))
    args = parser.parse_args(argv)
    func = getattr(args, "func", None)
    if func is None:
        parser.print_help()
        return 2
    from coach.cli.common import CommandError, print_error
    from coach.extras import MissingExtra, extra_for, require

    try:
        if args.command in NEEDS_EXTRA:
            require(*NEEDS_EXTRA[args.command])
        return int(func(args) or 0)
    except MissingExtra as exc:
        print_error(str(exc))
        return 2
    except ModuleNotFoundError as exc:  # an optional library a code path needed (e.g. ask --data)
        missing = extra_for(exc)
        if missing is None:
            raise
        print_error(str(missing).replace("this command", f"`coach {args.command}`", 1))
        return 2
    except CommandError as exc:
        print_error(str(exc))
        return exc.exit_code
    except KeyboardInterrupt:
        print_error("interrupted")
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:
        # A log failure met mid-command (a damaged page, a full disk): one clear line, exit 1.
        store = sys.modules.get("coach.store")
        if store is not None and isinstance(exc, store.StoreError):
            print_error(str(exc))
            return 1
        raise


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
