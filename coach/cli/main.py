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
from coach.cli.common import CommandError, print_error

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
}
COMMAND_MODULES = list(dict.fromkeys(COMMANDS.values()))


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
    if _wants_app(argv):
        from coach.cli.app_cmd import run_app

        return run_app(argv)
    parser = build_parser(_first_positional(argv))
    args = parser.parse_args(argv)
    func = getattr(args, "func", None)
    if func is None:
        parser.print_help()
        return 2
    try:
        return int(func(args) or 0)
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
