"""Golden test: every recorded `coach ask` in transcripts/ must replay to exactly the same answer.

After an intended change to the answers, re-record every transcript with:

    COACH_RECORD=1 .venv/bin/python -m pytest tests/test_transcripts.py
"""

from __future__ import annotations

import difflib
import os
import re
from pathlib import Path

import pytest
from transcript_replay import replay

from coach.catalog import default_catalog
from coach.cli.transcript import RERECORD, normalise, parse, render

ROOT = Path(__file__).resolve().parent.parent
TRANSCRIPTS = sorted(
    p for p in (ROOT / "transcripts").glob("*.md") if p.name.lower() != "readme.md"
)
RECORD = os.environ.get("COACH_RECORD") == "1"


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("transcript-cache")


@pytest.fixture(autouse=True)
def _replay_environment(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COACH_CACHE_DIR", str(cache_dir))
    monkeypatch.chdir(ROOT)  # recorded --repo / --data paths are relative to the checkout


def test_there_are_enough_transcripts_covering_every_rule_the_router_knows() -> None:
    assert len(TRANSCRIPTS) >= 12
    text = "\n".join(p.read_text(encoding="utf-8") for p in TRANSCRIPTS)
    shown = set(re.findall(r"^\[(?:error|warning|info)\] ([A-Z]+\d{3}) ", text, re.M))
    known = {r.id for r in default_catalog().rules.values() if "question" in r.detectors}
    assert known <= shown, f"rules never shown in a transcript: {sorted(known - shown)}"
    assert "route: draft" in text, "the no-rule path is recorded"
    assert re.search(r"^\d+ rule findings:", text, re.M), "a multi-problem answer is recorded"
    for path in TRANSCRIPTS:
        assert RERECORD in path.read_text(encoding="utf-8"), (
            f"{path.name} lacks the re-record command"
        )


@pytest.mark.parametrize("path", TRANSCRIPTS, ids=lambda p: p.stem)
def test_transcript_replays_exactly(path: Path, tmp_path: Path) -> None:
    title, entries = parse(path)
    assert entries, f"{path.name} has no entries"
    fresh = [type(e)(e.command, replay(e, tmp_path / "coach.db")) for e in entries]
    if RECORD:
        path.write_text(render(path, title, fresh), encoding="utf-8")
        return
    for recorded, replayed in zip(entries, fresh, strict=True):
        expected, now = normalise(recorded.output), replayed.output
        if now != expected:
            diff = "\n".join(
                difflib.unified_diff(
                    expected.splitlines(), now.splitlines(), "recorded", "now", lineterm=""
                )
            )
            pytest.fail(
                f"{path.name}: `coach {' '.join(recorded.command)}` answers differently:\n{diff}\n"
                f"If the change is intended, re-record: {RERECORD}"
            )
