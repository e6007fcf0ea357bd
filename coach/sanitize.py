"""Model text made safe to show: no terminal escape or control sequences on any surface.

A model's reply is untrusted text. Printed raw, it can clear the screen after the DRAFT banner,
paint a fake green "VERIFIED RULE ANSWER", retitle the terminal or hide text with bidi overrides.
Every surface (the terminal, the app, `log show`, the exports) shows text through `clean`; the
streaming path uses `StreamCleaner`, which holds back an escape sequence split across chunks.
The untouched reply is kept only in the log's audit column, and shown there through `visible`,
which spells each control character out instead of obeying it.
"""

from __future__ import annotations

import re

# CSI (ESC [ ... final), string commands (OSC, DCS, SOS, PM, APC up to BEL or ST), and the
# remaining two-character escapes; with their 8-bit C1 forms.
_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)"
    r"|\x1b[ -/]*[0-OQ-WYZ\\`a-~]",
)
# C0 controls but tab and newline, DEL, C1 controls, and the bidi embedding/override/isolate marks.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_INTRODUCERS = "\x1b\x90\x98\x9b\x9d\x9e\x9f"
# An escape sequence longer than this is not waited for: it is dropped as garbage.
MAX_PENDING = 4096


def clean(text: str | None) -> str:
    """`text` without escape sequences or control characters; newlines and tabs are kept."""
    if not text:
        return text or ""
    text = text.replace("\r\n", "\n")
    text = _SEQUENCE.sub("", text)
    return _CONTROL.sub("", text)


def is_clean(text: str) -> bool:
    return clean(text) == text.replace("\r\n", "\n")


def visible(text: str | None) -> str:
    """`text` with every control character written out (`\\x1b`), for the audit view."""
    if not text:
        return text or ""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


class StreamCleaner:
    """`clean` for a stream of pieces: a sequence cut between two pieces is still removed."""

    def __init__(self) -> None:
        self._pending = ""

    def feed(self, piece: str) -> str:
        text = self._pending + piece
        self._pending = ""
        hold = _unfinished(text)
        if hold is not None and len(text) - hold < MAX_PENDING:
            self._pending, text = text[hold:], text[:hold]
        if text.endswith("\r"):  # may be the first half of \r\n
            self._pending, text = "\r" + self._pending, text[:-1]
        return clean(text)

    def flush(self) -> str:
        text, self._pending = self._pending, ""
        return clean(text)


def _unfinished(text: str) -> int | None:
    """Where a sequence starts whose end has not arrived yet (left to right), if anywhere."""
    at = 0
    while True:
        found = [i for i in (text.find(c, at) for c in _INTRODUCERS) if i >= 0]
        if not found:
            return None
        start = min(found)
        match = _SEQUENCE.match(text, start)
        if match:
            at = match.end()
        elif _could_continue(text[start:]):
            return start
        else:
            at = start + 1  # a stray introducer: `clean` removes it


def _could_continue(tail: str) -> bool:
    if tail.startswith(("\x1b[", "\x9b")):
        return re.fullmatch(r"[0-?]*[ -/]*", tail[2 if tail[0] == "\x1b" else 1 :]) is not None
    if tail.startswith(("\x1b]", "\x1bP", "\x1bX", "\x1b^", "\x1b_")) or tail[0] != "\x1b":
        return True  # a string command waiting for its terminator
    return re.fullmatch(r"[ -/]*", tail[1:]) is not None


__all__ = ["MAX_PENDING", "StreamCleaner", "clean", "is_clean", "visible"]
