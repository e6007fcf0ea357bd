"""Test-wide isolation: no test ever touches the user's real log, config or an LLM provider."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Variables that would point Coach at a real provider or a real log.
_ISOLATED_ENV = [
    "COACH_DB",
    "COACH_CONFIG",
    "COACH_MODEL",
    "COACH_API_BASE",
    "COACH_API_KEY",
    "OPENAI_API_KEY",
    "OPENAI_BASE_URL",
    "OPENAI_API_BASE",
    "ANTHROPIC_API_KEY",
]


@pytest.fixture(autouse=True)
def _isolated_environment(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
):
    home = tmp_path_factory.mktemp("home")
    for name in _ISOLATED_ENV:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COACH_DB", str(home / "coach.db"))
    monkeypatch.setenv("COACH_CONFIG", str(home / "config.toml"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("NO_COLOR", "1")
    yield


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A fresh log path (the file does not exist yet)."""
    return tmp_path / "log.db"


@pytest.fixture
def run_coach():
    """Run the real `coach` command in a subprocess; returns the CompletedProcess."""
    import subprocess

    def _run(
        *args: str,
        cwd: Path | None = None,
        env: dict[str, str] | None = None,
        timeout: float = 120,
        input: str | None = None,
    ):
        full_env = {**os.environ, **(env or {})}
        return subprocess.run(
            [sys.executable, "-m", "coach", *args],
            cwd=cwd or ROOT,
            env=full_env,
            capture_output=True,
            text=True,
            timeout=timeout,
            input=input,
        )

    return _run
