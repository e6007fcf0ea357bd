"""`coach config show` and `coach config path`: the effective LLM settings, keys masked."""

from __future__ import annotations

import argparse
from typing import Any

from coach.cli.common import CommandError, add_format_option, dump_json
from coach.llm.config import (
    HOW_TO_CONFIGURE,
    LLMConfigError,
    LLMSettings,
    config_path,
    load_settings,
    redact_url,
)


def register(subparsers: argparse._SubParsersAction) -> None:
    config = subparsers.add_parser(
        "config",
        help="show the LLM settings and where each came from",
        description=(
            "LLM settings come from the [llm] table of config.toml in the per-user config "
            "directory ($COACH_CONFIG overrides the path), overridden by $COACH_MODEL, "
            "$COACH_API_BASE and $COACH_API_KEY (or the provider's own key variable)."
        ),
    )
    config.set_defaults(func=run_show, format="text")
    sub = config.add_subparsers(dest="config_command", metavar="SUBCOMMAND")
    show = sub.add_parser(
        "show", help="print the effective settings (keys masked) and their sources"
    )
    add_format_option(show)
    show.set_defaults(func=run_show)
    path = sub.add_parser("path", help="print the path of the config file")
    path.set_defaults(func=run_path)


def _display(settings: LLMSettings, field: str) -> tuple[str, Any]:
    """(text for people, value for JSON) of one setting; the key only ever masked."""
    value = getattr(settings, field)
    if field == "api_key":
        masked = settings.masked_key() if value is not None else None
        if masked is None and settings.api_base:
            return "(not set; fine for local servers)", None
        return masked or "(not set)", masked
    if field == "api_base":
        shown = redact_url(value)
        return shown or "(the provider's default)", shown
    if field == "model":
        return value or "(not set)", value
    if field == "context_window" and value is None:
        from coach.llm.prompt import budget_for
        from coach.llm.tokens import model_info

        if not settings.model:
            return "(depends on the model)", None
        _, window = budget_for(settings)
        known = model_info(settings.model, api_base=settings.api_base).max_input_tokens
        note = "from litellm's model map" if known else "Coach's default for unknown models"
        return f"{window} ({note})", window
    if isinstance(value, bool):
        return str(value).lower(), value
    if field in ("timeout", "retry_backoff"):
        return f"{value:g} s", value
    return str(value), value


FIELDS = [
    "model",
    "api_base",
    "api_key",
    "timeout",
    "max_prompt_tokens",
    "max_completion_tokens",
    "context_window",
    "temperature",
    "stream",
    "retry_backoff",
    "include_rows",
]


def run_show(args: argparse.Namespace) -> int:
    try:
        settings = load_settings()
    except LLMConfigError as exc:
        raise CommandError(str(exc)) from exc
    path = settings.config_path or config_path()
    rows = {field: (*_display(settings, field), settings.source(field)) for field in FIELDS}
    if getattr(args, "format", "text") == "json":
        print(
            dump_json(
                {
                    "config_path": str(path),
                    "config_exists": path.exists(),
                    "configured": settings.configured,
                    "settings": {f: {"value": v, "source": s} for f, (_, v, s) in rows.items()},
                }
            )
        )
        return 0
    state = "found" if path.exists() else "not found — defaults and environment only"
    print(f"LLM settings (config file: {path}, {state})")
    width = max(len(f) for f in FIELDS)
    value_width = max(len(text) for text, _, _ in rows.values())
    for field, (text, _, source) in rows.items():
        print(f"  {field:<{width}}  {text:<{value_width}}  {source}")
    print()
    if settings.configured:
        print("Brainstorm drafts are enabled (every LLM answer is labelled DRAFT and logged).")
    else:
        print(HOW_TO_CONFIGURE)
    return 0


def run_path(args: argparse.Namespace) -> int:
    print(config_path())
    return 0
