"""Compile the router's patterns once per machine instead of once per process.

The lexicon is a few hundred alternations; Python's `re` compiles them in pure Python, which costs
~0.1–0.2 s — a third of the 0.5 s budget of `coach ask --no-llm`. The compiled program (a list
of integers) is deterministic for a given pattern and interpreter, so it is cached as JSON in the
user cache directory, keyed by the interpreter version, the `_sre` magic number and a hash of
the patterns, and handed back to `_sre.compile` (which validates it). Any mismatch or error
falls back to `re.compile`: correctness never depends on the cache.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import tempfile
from pathlib import Path

try:  # CPython internals; without them we simply compile normally
    import _sre
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    _sre = None  # type: ignore[assignment]


def _key(patterns: dict[str, str]) -> str:
    digest = hashlib.sha256()
    digest.update(f"{sys.version}|{getattr(_sre, 'MAGIC', '')}".encode())
    for name in sorted(patterns):
        digest.update(f"{name}\0{patterns[name]}\0".encode())
    return digest.hexdigest()[:20]


def _program(pattern: str, flags: int) -> dict:
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    return {
        "flags": flags | parsed.state.flags,
        "code": list(code),
        "groups": parsed.state.groups - 1,
        "groupindex": dict(parsed.state.groupdict),
        "indexgroup": [None] * parsed.state.groups,
    }


def _from_program(pattern: str, program: dict) -> re.Pattern[str]:
    indexgroup = list(program["indexgroup"])
    for name, index in program["groupindex"].items():
        indexgroup[index] = name
    return _sre.compile(
        pattern,
        program["flags"],
        program["code"],
        program["groups"],
        program["groupindex"],
        tuple(indexgroup),
    )


def compile_all(
    patterns: dict[str, str], cache_dir: Path | None, flags: int = 0
) -> dict[str, re.Pattern[str]]:
    """`{name: re.compile(pattern)}`, read from / written to the cache when possible."""
    if _sre is None or cache_dir is None:
        return {name: re.compile(p, flags) for name, p in patterns.items()}
    path = cache_dir / f"regex-{_key(patterns)}-{flags}.json"
    try:
        programs = json.loads(path.read_text(encoding="utf-8"))
        return {name: _from_program(patterns[name], programs[name]) for name in patterns}
    except Exception:  # missing, stale or unusable cache: compile and (try to) save
        pass
    compiled: dict[str, re.Pattern[str]] = {}
    programs = {}
    try:
        for name, pattern in patterns.items():
            programs[name] = _program(pattern, flags)
            compiled[name] = _from_program(pattern, programs[name])
    except Exception:
        return {name: re.compile(p, flags) for name, p in patterns.items()}
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cache_dir, prefix=".regex-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(programs, handle)
        os.replace(tmp, path)
        for stale in cache_dir.glob(f"regex-*-{flags}.json"):
            if stale != path:
                stale.unlink(missing_ok=True)  # an older lexicon or interpreter
    except OSError:
        pass
    return compiled


# --- one registry for the router's patterns: compiled together, cached together ----------------

_REGISTRY: dict[str, str] = {}
_COMPILED: dict[str, re.Pattern[str]] = {}


def cache_dir() -> Path:
    """$COACH_CACHE_DIR, else the per-user cache directory."""
    env = os.environ.get("COACH_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("coach", appauthor=False))


def register(name: str, pattern: str) -> str:
    """Declare a pattern (at import time); returns `name` for `get()`."""
    _REGISTRY[name] = pattern
    return name


def get(name: str) -> re.Pattern[str]:
    """The compiled pattern; the first call compiles (or loads) every registered pattern."""
    pattern = _COMPILED.get(name)
    if pattern is None:
        try:
            directory: Path | None = cache_dir()
        except Exception:
            directory = None
        _COMPILED.clear()
        _COMPILED.update(compile_all(dict(_REGISTRY), directory))
        pattern = _COMPILED[name]
    return pattern
