"""Stopping long work from outside: a token the caller sets, checked by the work itself.

The app hands a `threading.Event` (its job's token) to a data check or a lint run; the work calls
`checkpoint(cancel)` between units of work (a column, a file, a progress tick) and stops with
`Cancelled` — so Esc stops the computation, not only the display of its result.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol


class Token(Protocol):
    """Anything with `is_set()`; the app uses `threading.Event`."""

    def is_set(self) -> bool: ...


class Cancelled(Exception):
    """The caller asked the work to stop; nothing is wrong with the input."""


def checkpoint(cancel: Token | None) -> None:
    """Raise `Cancelled` if the caller has asked to stop."""
    if cancel is not None and cancel.is_set():
        raise Cancelled("cancelled")


def cancellable(
    progress: Callable[..., None] | None, cancel: Token | None
) -> Callable[..., None] | None:
    """A progress callback that is also a checkpoint: every tick of the work can stop it."""
    if cancel is None:
        return progress

    def tick(*args: object) -> None:
        checkpoint(cancel)
        if progress is not None:
            progress(*args)

    return tick
