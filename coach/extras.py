"""Optional parts of the install: which extra brings which libraries, and the message a user sees
when a command needs one that is missing.

The base install (`pipx install mlcoach`) lints, answers from the rules, keeps the log and runs
the app. `mlcoach[data]` adds the dataset checks, `mlcoach[llm]` the LLM drafts, `mlcoach[all]`
both. Standard library only: this runs before any heavy import.
"""

from __future__ import annotations

import importlib.util

DISTRIBUTION = "mlcoach"

# extra -> (import name, distribution name) of what it installs.
EXTRAS: dict[str, tuple[tuple[str, str], ...]] = {
    "data": (("sklearn", "scikit-learn"), ("pandas", "pandas"), ("pyarrow", "pyarrow")),
    "llm": (("openai", "openai"), ("litellm", "litellm"), ("tiktoken", "tiktoken")),
}


# Modules that arrive only with an extra (including what its packages pull in, e.g. NumPy).
_MODULE_EXTRA: dict[str, str] = {
    **{module: extra for extra, pairs in EXTRAS.items() for module, _ in pairs},
    "numpy": "data",
    "scipy": "data",
    "tiktoken_ext": "llm",
}
_DISTRIBUTION_OF = {module: dist for pairs in EXTRAS.values() for module, dist in pairs}


def extra_for(exc: ModuleNotFoundError) -> MissingExtra | None:
    """The `MissingExtra` behind an import failure of an optional library, else None."""
    top = (exc.name or "").split(".")[0]
    extra = _MODULE_EXTRA.get(top)
    if extra is None:
        return None
    return MissingExtra(extra, "this command", [_DISTRIBUTION_OF.get(top, top)])


class MissingExtra(ImportError):
    """A command needs an optional part that is not installed; the message says how to add it."""

    def __init__(self, extra: str, feature: str, missing: list[str]) -> None:
        self.extra = extra
        self.feature = feature
        self.missing = missing
        super().__init__(install_hint(extra, feature, missing))


def install_hint(extra: str, feature: str, missing: list[str]) -> str:
    names = ", ".join(missing)
    return (
        f"{feature} needs the [{extra}] extra ({names} not installed). Install it with:\n"
        f"  pipx install '{DISTRIBUTION}[{extra}]'    (or: pipx inject {DISTRIBUTION} {names})\n"
        f"  pip install '{DISTRIBUTION}[{extra}]'     (in the environment that runs coach)"
    )


def missing_from(extra: str, modules: tuple[str, ...] | None = None) -> list[str]:
    """Distribution names of `extra` (or only of `modules`) that cannot be imported."""
    wanted = EXTRAS[extra]
    return [
        dist
        for module, dist in wanted
        if (modules is None or module in modules) and importlib.util.find_spec(module) is None
    ]


def require(extra: str, feature: str, modules: tuple[str, ...] | None = None) -> None:
    """Raise `MissingExtra` unless the libraries of `extra` (or just `modules`) are importable."""
    missing = missing_from(extra, modules)
    if missing:
        raise MissingExtra(extra, feature, missing)
