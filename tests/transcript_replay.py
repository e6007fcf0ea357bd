"""Replay and re-record the golden `coach ask` transcripts (test code, not part of the package).

    .venv/bin/python tests/transcript_replay.py     # re-record every transcript

The format itself (parse, render, append) is `coach.cli.transcript`, which `coach ask --record`
uses; replaying runs the real CLI in process, which is why this lives beside the tests.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script from a checkout
    sys.path.insert(0, str(ROOT))

from coach.cli.transcript import Entry, normalise, parse, render  # noqa: E402


def replay(entry: Entry, db: Path) -> str:
    """Run one recorded command against a fresh log and return its normalised output."""
    from coach.cli.main import main

    out = io.StringIO()
    env_keys = ("COACH_MODEL", "COACH_API_BASE", "COACH_API_KEY")
    saved = {k: os.environ.pop(k, None) for k in env_keys}
    try:
        with contextlib.redirect_stdout(out):
            code = main(["--db", str(db), *entry.command])
    finally:
        for key, value in saved.items():
            if value is not None:
                os.environ[key] = value
    text = out.getvalue()
    if code != 0:
        text += f"\n(exit code {code})"
    return normalise(text)


def rerecord(path: Path) -> int:
    """Re-run every entry of one transcript and rewrite it; returns the number of entries."""
    title, entries = parse(path)
    with tempfile.TemporaryDirectory() as tmp:
        fresh = [Entry(e.command, replay(e, Path(tmp) / "coach.db")) for e in entries]
    path.write_text(render(path, title, fresh), encoding="utf-8")
    return len(fresh)


def transcripts_dir() -> Path:
    return ROOT / "transcripts"


def main() -> int:  # re-records every transcript
    os.chdir(
        transcripts_dir().parent
    )  # recorded --repo / --data paths are relative to the checkout
    for path in sorted(transcripts_dir().glob("*.md")):
        if path.name.lower() == "readme.md":
            continue
        print(f"{path.name}: {rerecord(path)} entries")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
