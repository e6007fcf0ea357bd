"""Which detector can emit which rule, declared next to the code that does it.

Every detector kind registers its functions the same way::

    @emits("code", "LEAK001")          # a lint check: (Context) -> None
    @emits("question", "CAL003")       # a router predicate: (Facts) -> Hit | None
    @emits("data", "DATA004", "DATA007")  # a data check: (...) -> list[Finding]

The registry is the one answer to "what can emit rule X, and where is it?": the lint runner and
the router run what is registered here, and `tests/test_registry.py` checks every registration
against the catalog's `detectors` field in both directions. Question rules whose predicate only
recognises a topic are declared in the catalog itself (`[rules.question]`) and registered by the
router's generic predicate, so they need no code.

This module sits at the bottom of the layering (it imports nothing from Coach): detectors import
it, never the other way round. `load()` imports the detector modules so their decorators have run.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

DetectorKind = Literal["code", "question", "data"]
KINDS: tuple[DetectorKind, ...] = ("code", "question", "data")

# The modules whose import registers each kind's detectors (imported by `load`).
MODULES: dict[DetectorKind, tuple[str, ...]] = {
    "code": ("coach.lint.checks",),
    "question": ("coach.router.predicates",),
    "data": (
        "coach.data.basic",
        "coach.data.overlap",
        "coach.data.leakage",
        "coach.data.baseline",
        "coach.data.drift",
    ),
}

F = TypeVar("F", bound=Callable[..., Any])


@dataclass(frozen=True)
class Registration:
    """One detector function that can emit one rule."""

    kind: DetectorKind
    rule: str
    func: Callable[..., Any]
    # Free-form stage label a detector kind may use (lint: "project" for cross-file checks).
    scope: str = ""

    @property
    def where(self) -> str:
        """`module.function`, for error messages and `coach rule ID`-style listings."""
        return f"{self.func.__module__}.{getattr(self.func, '__qualname__', repr(self.func))}"


_REGISTRATIONS: list[Registration] = []


def emits(kind: DetectorKind, *rules: str, scope: str = "") -> Callable[[F], F]:
    """Register the decorated function as the `kind` detector of each rule in `rules`."""
    if kind not in KINDS:
        raise ValueError(f"unknown detector kind {kind!r}; known: {', '.join(KINDS)}")
    if not rules:
        raise ValueError("emits() needs at least one rule id")

    def register(func: F) -> F:
        for rule in rules:
            add(kind, rule, func, scope=scope)
        return func

    return register


def add(kind: DetectorKind, rule: str, func: Callable[..., Any], *, scope: str = "") -> None:
    """Register `func` (also for functions built at run time, e.g. from catalog data)."""
    new = Registration(kind, rule, func, scope)
    for index, old in enumerate(_REGISTRATIONS):
        if (old.kind, old.rule, old.where) == (kind, rule, new.where):
            _REGISTRATIONS[index] = new  # a module imported again replaces its own entries
            return
    _REGISTRATIONS.append(new)


def registrations(kind: DetectorKind | None = None) -> list[Registration]:
    """Registrations in the order they were made (the order detectors run in)."""
    return [r for r in _REGISTRATIONS if kind is None or r.kind == kind]


def rules(kind: DetectorKind) -> set[str]:
    """Every rule id a detector of this kind can emit."""
    return {r.rule for r in _REGISTRATIONS if r.kind == kind}


def load(kind: DetectorKind | None = None) -> None:
    """Import the detector modules of `kind` (or all kinds) so their registrations exist."""
    for each in KINDS if kind is None else (kind,):
        for module in MODULES[each]:
            importlib.import_module(module)
