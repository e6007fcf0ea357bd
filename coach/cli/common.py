"""Helpers shared by the command modules: errors, output, opening the store."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from pydantic import BaseModel


class CommandError(Exception):
    """A user-facing failure: printed as one clear line, never as a traceback."""

    def __init__(self, message: str, exit_code: int = 2) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def print_error(message: str) -> None:
    print(f"coach: error: {message}", file=sys.stderr)


def print_warning(message: str) -> None:
    print(f"coach: warning: {message}", file=sys.stderr)


def dump_json(payload: Any) -> str:
    """JSON for machines: pydantic models and datetimes serialised the same way everywhere."""
    if isinstance(payload, BaseModel):
        return payload.model_dump_json(indent=2)
    return json.dumps(payload, indent=2, default=_json_default, ensure_ascii=False)


def _json_default(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if hasattr(value, "isoformat"):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def add_format_option(
    parser: argparse.ArgumentParser, choices: tuple[str, ...] = ("text", "json")
) -> None:
    parser.add_argument(
        "--format", choices=choices, default="text", help="output format (default: text)"
    )


def open_store(args: argparse.Namespace):  # -> coach.store.Store (import kept lazy)
    """Open the suggestion log named by --db / $COACH_DB / the default, as a CommandError on failure."""
    from coach.store import Store, StoreError

    try:
        return Store.open(getattr(args, "db", None))
    except StoreError as exc:
        raise CommandError(str(exc)) from exc
