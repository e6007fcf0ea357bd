"""A lint run stops when its caller's token is set (the app's Esc), between files."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from coach.cancel import Cancelled
from coach.lint.config import resolve_settings
from coach.lint.runner import lint_paths

CORPUS = Path(__file__).parent / "corpus"


def test_a_set_token_stops_the_run_after_the_file_in_progress() -> None:
    token = threading.Event()
    seen: list[int] = []

    def progress(done: int, total: int) -> None:
        seen.append(done)
        if done == 3:
            token.set()  # the user pressed Esc while the fourth file was queued

    settings = resolve_settings([str(CORPUS)])
    with pytest.raises(Cancelled):
        lint_paths([CORPUS], settings, jobs=1, progress=progress, cancel=token)
    assert seen == [1, 2, 3], "no file is analysed after the token is set"


def test_an_unset_token_changes_nothing() -> None:
    settings = resolve_settings([str(CORPUS / "LEAK001")])
    plain = lint_paths([CORPUS / "LEAK001"], settings, jobs=1)
    tokened = lint_paths([CORPUS / "LEAK001"], settings, jobs=1, cancel=threading.Event())
    assert [f.model_dump() for f in tokened.findings] == [f.model_dump() for f in plain.findings]
