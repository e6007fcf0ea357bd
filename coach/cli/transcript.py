"""The Markdown transcript format of `coach ask --record` (read, render, append).

A transcript is a title, a short header, then one entry per question: the exact command in a
```console block and Coach's text answer in a ```text block. Ids are normalised to `<id>` so
a transcript only changes when an answer does.

- `coach ask ... --record transcripts/NAME.md` appends an entry (creating the file if needed);
- `tests/test_transcripts.py` replays every entry and fails on any difference (the replaying
  and re-recording code is test code: `tests/transcript_replay.py`);
- `COACH_RECORD=1 python -m pytest tests/test_transcripts.py` re-records every transcript after
  an intended change.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass
from pathlib import Path

RERECORD = "COACH_RECORD=1 .venv/bin/python -m pytest tests/test_transcripts.py"
HEADER = """# Transcript: {title}

Recorded `coach ask` sessions — the questions and Coach's answers, exactly as printed. Each entry
is replayed by `tests/test_transcripts.py` (a golden test: any difference fails). Ids are shown
as `<id>`. After an intended change, re-record every transcript with:

    {rerecord}

Append a new entry with `coach ask --no-llm "..." --record transcripts/{name}`.
"""
_ID = re.compile(r"\b[0-9a-f]{16}\b")
_ENTRY = re.compile(
    r"^## (?P<heading>.*?)\n\n```console\n\$ (?P<command>coach ask .*?)\n```\n\n```text\n"
    r"(?P<output>.*?)\n```\n",
    re.S | re.M,
)


@dataclass
class Entry:
    command: list[str]  # the arguments after `coach`
    output: str


def normalise(output: str) -> str:
    """Remove what changes from run to run (ids), and trailing spaces."""
    text = _ID.sub("<id>", output)
    return "\n".join(line.rstrip() for line in text.strip("\n").splitlines())


def command_line(args: list[str]) -> str:
    """A shell command a person can copy (double quotes when the text has an apostrophe)."""
    return "coach " + " ".join(_quote(a) for a in args)


def _quote(arg: str) -> str:
    if "'" in arg and not re.search(r'["$`\\!]', arg):
        return f'"{arg}"'
    return shlex.quote(arg)


def command_args(
    question: str,
    *,
    no_llm: bool = True,
    repo: str | None = None,
    data: str | None = None,
    target: str | None = None,
    brainstorm: bool = False,
    explain: bool = False,
) -> list[str]:
    """The canonical, replayable arguments for one recorded question."""
    args = ["ask"]
    if no_llm:
        args.append("--no-llm")
    if repo:
        args += ["--repo", repo]
    if data:
        args += ["--data", data]
    if target:
        args += ["--target", target]
    if brainstorm:
        args.append("--brainstorm")
    if explain:
        args.append("--explain")
    return [*args, question]


def parse(path: Path) -> tuple[str, list[Entry]]:
    text = path.read_text(encoding="utf-8")
    title_match = re.match(r"# Transcript: (.*)\n", text)
    title = title_match.group(1).strip() if title_match else path.stem.replace("_", " ")
    entries = [
        Entry(command=shlex.split(m.group("command"))[1:], output=m.group("output"))
        for m in _ENTRY.finditer(text)
    ]
    return title, entries


def _heading(index: int, args: list[str]) -> str:
    question = " ".join(args[-1].split())
    if len(question) > 90:
        question = question[:89] + "…"
    return f"{index}. {question}"


def render(path: Path, title: str, entries: list[Entry]) -> str:
    parts = [HEADER.format(title=title, rerecord=RERECORD, name=path.name)]
    for index, entry in enumerate(entries, 1):
        parts.append(
            f"## {_heading(index, entry.command)}\n\n```console\n$ {command_line(entry.command)}\n"
            f"```\n\n```text\n{normalise(entry.output)}\n```\n"
        )
    return "\n".join(parts)


def append_entry(path: str | Path, args: list[str], output: str) -> None:
    path = Path(path)
    if path.exists():
        title, entries = parse(path)
    else:
        title, entries = path.stem.replace("_", " ").replace("-", " "), []
    entries.append(Entry(command=args, output=output))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(path, title, entries), encoding="utf-8")
