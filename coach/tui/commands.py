"""Slash commands typed in the app's input: one table of commands, one parser, one help text.

The palette entries, the help screen and the error messages all read `COMMANDS`, so a command
is described once. No Textual here: parsing is plain Python and tested without a terminal.
"""

from __future__ import annotations

import difflib
import shlex
from dataclasses import dataclass, field


@dataclass(frozen=True)
class CommandSpec:
    name: str
    usage: str
    summary: str
    takes_args: bool = True

    @property
    def runs_bare(self) -> bool:
        """Whether the command is complete without arguments (all of them optional)."""
        _, _, args = self.usage.partition(" ")
        return not args or args.startswith("[")


COMMANDS: tuple[CommandSpec, ...] = (
    CommandSpec(
        "lint",
        "/lint PATH",
        "Attach a repository, folder or file and lint it; findings appear in the side panel.",
    ),
    CommandSpec(
        "findings",
        "/findings",
        "Open the lint screen: the attached repository's findings grouped by file, with source.",
        takes_args=False,
    ),
    CommandSpec(
        "data",
        "/data FILE --target COL",
        "Attach a dataset (CSV, TSV, Parquet) and check it: class balance, overlap, leakage. "
        "Options: --test FILE (train/test overlap), --time-col C, --group-col C, --id-col C.",
    ),
    CommandSpec(
        "baseline",
        "/baseline [METRIC=VALUE ...]",
        "Cross-validate trivial and simple baselines on the attached dataset; with your model's "
        "score (e.g. accuracy=0.97), say whether it clearly beats them.",
    ),
    CommandSpec(
        "brainstorm",
        "/brainstorm TEXT",
        "Ask the LLM for ideas. The answer is a DRAFT for you to judge, never a rule answer.",
    ),
    CommandSpec(
        "plan",
        "/plan [ITEM | export [FILE]]",
        "Show the project plan (metric, baseline, split, leakage, balance, calibration, "
        "deployment, third-party data): what is decided, at risk or open, and ask the next "
        "question. /plan ITEM asks about one item; /plan export writes it as Markdown.",
    ),
    CommandSpec(
        "review",
        "/review",
        "Open the review screen: every logged suggestion, filters, search, accept/reject/note.",
        takes_args=False,
    ),
    CommandSpec(
        "export",
        "/export [FILE]",
        "Write this session as a Markdown transcript (drafts marked DRAFT) — to FILE, or to the "
        "exports folder beside the log (or --export-dir); the path is shown.",
    ),
    CommandSpec("help", "/help [COMMAND]", "Show the keys and the commands."),
    CommandSpec("quit", "/quit", "Leave Coach (everything is already in the log).", False),
)

COMMANDS_BY_NAME = {spec.name: spec for spec in COMMANDS}


@dataclass(frozen=True)
class Command:
    """A parsed slash command. `args` holds the named arguments of that command."""

    name: str
    args: dict[str, str] = field(default_factory=dict)


class CommandParseError(ValueError):
    """A command the app cannot run as typed. `help` is what to show the user instead."""

    def __init__(self, message: str, help: str) -> None:
        super().__init__(message)
        self.message = message
        self.help = help


def is_command(text: str) -> bool:
    return text.lstrip().startswith("/")


def commands_help() -> str:
    """Each command's usage, with its summary indented below (reads well in a narrow pane)."""
    return "\n".join(f"{spec.usage}\n    {spec.summary}" for spec in COMMANDS)


def usage_of(name: str) -> str:
    spec = COMMANDS_BY_NAME[name]
    return f"Usage: {spec.usage}\n{spec.summary}"


def parse_command(text: str) -> Command:
    """Parse `/name args...`; raise CommandParseError with the help to show on any mistake."""
    stripped = text.strip()
    if not stripped.startswith("/") or stripped == "/":
        raise CommandParseError("Type a command after the slash.", commands_help())
    head, _, rest = stripped[1:].partition(" ")
    name = head.lower()
    rest = rest.strip()
    spec = COMMANDS_BY_NAME.get(name)
    if spec is None:
        close = difflib.get_close_matches(name, list(COMMANDS_BY_NAME), n=1, cutoff=0.5)
        hint = f" Did you mean /{close[0]}?" if close else ""
        raise CommandParseError(f"Unknown command /{head}.{hint}", commands_help())
    if name == "brainstorm":
        # Free text: keep it exactly as typed (quotes and all).
        if not rest:
            raise _usage_error(name, "/brainstorm needs the topic to brainstorm about.")
        return Command(name, {"text": rest})
    try:
        words = shlex.split(rest)
    except ValueError as exc:
        raise _usage_error(name, f"Cannot read the arguments of /{name}: {exc}.") from exc
    if not spec.takes_args:
        if words:
            raise _usage_error(name, f"/{name} takes no arguments (got: {' '.join(words)}).")
        return Command(name)
    parser = _PARSERS[name]
    return Command(name, parser(words))


def _usage_error(name: str, message: str) -> CommandParseError:
    return CommandParseError(message, usage_of(name))


def _parse_lint(words: list[str]) -> dict[str, str]:
    if not words:
        raise _usage_error("lint", "/lint needs a PATH: a repository, folder or .py/.ipynb file.")
    if len(words) > 1:
        raise _usage_error(
            "lint", f"/lint takes one PATH (got {len(words)}); quote a path that has spaces."
        )
    if words[0].startswith("-"):
        raise _usage_error("lint", f"/lint does not know the option {words[0]}.")
    return {"path": words[0]}


# /data options: flag -> (argument name, what its value is).
DATA_OPTIONS = {
    "--target": ("target", "a column name"),
    "-t": ("target", "a column name"),
    "--test": ("test", "a FILE"),
    "--time-col": ("time_col", "a column name"),
    "--group-col": ("group_col", "a column name"),
    "--id-col": ("id_col", "a column name"),
}


def _parse_data(words: list[str]) -> dict[str, str]:
    args: dict[str, str] = {}
    index = 0
    while index < len(words):
        word = words[index]
        flag, eq, inline = word.partition("=")
        if flag in DATA_OPTIONS:
            name, what = DATA_OPTIONS[flag]
            if eq:
                value = inline
            elif index + 1 < len(words) and not words[index + 1].startswith("-"):
                value = words[index + 1]
                index += 1
            else:
                value = ""
            if not value:
                raise _usage_error("data", f"{flag} needs {what}.")
            args[name] = value
        elif word.startswith("-"):
            raise _usage_error("data", f"/data does not know the option {word}.")
        elif "path" not in args:
            args["path"] = word
        else:
            raise _usage_error("data", f"/data takes one FILE (got also '{word}').")
        index += 1
    if "path" not in args:
        raise _usage_error("data", "/data needs a FILE (CSV, TSV or Parquet).")
    if not args.get("target"):
        raise _usage_error("data", "/data needs --target COL: the column the model predicts.")
    return args


def _parse_export(words: list[str]) -> dict[str, str]:
    if len(words) > 1:
        raise _usage_error("export", "/export takes at most one FILE.")
    return {"path": words[0]} if words else {}


def _parse_help(words: list[str]) -> dict[str, str]:
    if len(words) > 1:
        raise _usage_error("help", "/help takes at most one COMMAND.")
    if words:
        topic = words[0].lstrip("/").lower()
        if topic not in COMMANDS_BY_NAME:
            raise CommandParseError(f"No command /{topic}.", commands_help())
        return {"topic": topic}
    return {}


def _parse_baseline(words: list[str]) -> dict[str, str]:
    for word in words:
        name, eq, value = word.partition("=")
        if not eq or not name or not value:
            raise _usage_error(
                "baseline", f"/baseline takes your model's scores as METRIC=VALUE (got '{word}')."
            )
    return {"scores": " ".join(words)} if words else {}


def _parse_plan(words: list[str]) -> dict[str, str]:
    from coach.plan.model import ITEM_IDS

    if not words:
        return {}
    head = words[0].lower()
    if head == "export":
        if len(words) > 2:
            raise _usage_error("plan", "/plan export takes at most one FILE.")
        return {"action": "export", **({"path": words[1]} if len(words) > 1 else {})}
    if head in ITEM_IDS and len(words) == 1:
        return {"action": head}
    close = difflib.get_close_matches(head, [*ITEM_IDS, "export"], n=1, cutoff=0.6)
    hint = f" Did you mean /plan {close[0]}?" if close else ""
    raise _usage_error(
        "plan", f"/plan does not know '{' '.join(words)}'.{hint} Items: {', '.join(ITEM_IDS)}."
    )


_PARSERS = {
    "plan": _parse_plan,
    "baseline": _parse_baseline,
    "lint": _parse_lint,
    "data": _parse_data,
    "export": _parse_export,
    "help": _parse_help,
}
