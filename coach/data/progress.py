"""Progress reporting for long data work, kept apart from the output on stdout.

Checks call `progress(stage, done, total)`; they never print. The CLI passes a `StderrProgress`,
which stays silent for work that finishes within a second: on a terminal it draws a one-line bar
once the command has run for a second; elsewhere (CI logs) it writes a plain "stage: NN%" line at
every quarter of a stage that has itself run for a second. Never on stdout, so `--format json`
output stays clean.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO

ProgressCallback = Callable[[str, float, float], None]


def tick(progress: ProgressCallback | None, stage: str, done: float, total: float) -> None:
    if progress is not None:
        progress(stage, done, total)


class StderrProgress:
    def __init__(
        self, stream: TextIO | None = None, *, delay: float = 1.0, label: str = "coach"
    ) -> None:
        self.stream = stream or sys.stderr
        self.delay = delay
        self.label = label
        self.started = time.monotonic()
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self._last_line: tuple[str, int] | None = None
        self._stage: str | None = None
        self._stage_started = self.started
        self._drawn = False

    def __call__(self, stage: str, done: float, total: float) -> None:
        now = time.monotonic()
        if stage != self._stage:
            self._stage, self._stage_started = stage, now
        pct = int(100 * done / total) if total else 100
        pct = max(0, min(100, pct))
        if self.tty:
            if now - self.started < self.delay:
                return
            width = 24
            filled = width * pct // 100
            bar = "#" * filled + "." * (width - filled)
            self.stream.write(f"\r{self.label}: {stage:<28.28} [{bar}] {pct:3d}%\x1b[K")
            self.stream.flush()
            self._drawn = True
            return
        if now - self._stage_started < self.delay:
            return  # log lines only for a stage that itself takes a while
        step = pct // 25 * 25
        if self._last_line is not None and self._last_line == (stage, step):
            return
        self._last_line = (stage, step)
        self.stream.write(f"{self.label}: {stage}: {step}%\n")
        self.stream.flush()

    def close(self) -> None:
        """Clear the bar so the next output starts on a clean line."""
        if self.tty and self._drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
