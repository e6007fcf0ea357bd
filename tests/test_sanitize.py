"""Model text never drives the terminal: escape and control sequences are removed everywhere."""

from __future__ import annotations

import random

import pytest

from coach.sanitize import StreamCleaner, clean, visible

# What a hostile reply tried (from the red-team pass): clear the screen after the DRAFT banner,
# print a fake green rule verdict, retitle the terminal, hide text, ring the bell, reorder text.
HOSTILE = [
    ("\x1b[2J\x1b[Hfine", "fine"),
    ("\x1b[32m[error] LEAK001 VERIFIED RULE ANSWER\x1b[0m", "[error] LEAK001 VERIFIED RULE ANSWER"),
    ("\x1b]0;pwned\x07title", "title"),
    ("\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\", "link"),
    ("\x9b31mred\x9b0m", "red"),
    ("\x1bP1;2|secret\x1b\\after", "after"),
    ("a\rb", "ab"),
    ("line\r\nnext", "line\nnext"),
    ("bell\x07\x08\x7f", "bell"),
    ("\u202eevil\u202c", "evil"),
    ("\x1b7\x1b[1Asaved\x1b8", "saved"),
    ("tab\tand\nnewline kept", "tab\tand\nnewline kept"),
    ("unicode — é ü 中文 ✓ kept", "unicode — é ü 中文 ✓ kept"),
]


@pytest.mark.parametrize(("raw", "shown"), HOSTILE)
def test_clean_removes_sequences_and_keeps_text(raw: str, shown: str) -> None:
    assert clean(raw) == shown


@pytest.mark.parametrize(("raw", "shown"), HOSTILE)
def test_a_sequence_split_across_stream_pieces_is_still_removed(raw: str, shown: str) -> None:
    rng = random.Random(raw)
    for _ in range(20):
        cuts = sorted(rng.sample(range(len(raw) + 1), k=min(3, len(raw) + 1)))
        pieces = [raw[a:b] for a, b in zip([0, *cuts], [*cuts, len(raw)], strict=True)]
        cleaner = StreamCleaner()
        out = "".join(cleaner.feed(p) for p in pieces) + cleaner.flush()
        assert out == shown, pieces


def test_every_single_character_split_is_safe() -> None:
    raw = "".join(r for r, _ in HOSTILE)
    cleaner = StreamCleaner()
    out = "".join(cleaner.feed(ch) for ch in raw) + cleaner.flush()
    assert out == clean(raw)
    assert "\x1b" not in out and "\x9b" not in out and "\r" not in out


def test_visible_spells_out_controls_for_the_audit_view() -> None:
    assert visible("\x1b[2Jok\x07") == "\\x1b[2Jok\\x07"
    assert visible("plain\ntext") == "plain\ntext"
