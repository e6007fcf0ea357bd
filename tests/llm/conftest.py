"""Fixtures for the LLM tests: a real OpenAI-compatible server on loopback and a real SQLite log."""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fake_openai_server import TEST_KEY, FakeOpenAIServer

from coach.llm.config import LLMSettings
from coach.store import Store


@pytest.fixture(scope="session")
def _server() -> Iterator[FakeOpenAIServer]:
    server = FakeOpenAIServer().start()
    yield server
    server.stop()


@pytest.fixture
def fake_server(_server: FakeOpenAIServer) -> FakeOpenAIServer:
    """The loopback server, reset to answer "ok" and with an empty request record."""
    _server.reset()
    _server.slow_seconds = 3.0
    return _server


@pytest.fixture
def llm_settings(fake_server: FakeOpenAIServer) -> Callable[..., LLMSettings]:
    """Settings pointing at the fake server through litellm's OpenAI provider, real HTTP."""

    def make(**overrides: Any) -> LLMSettings:
        values: dict[str, Any] = {
            "model": "openai/test-model",
            "api_base": fake_server.api_base,
            "api_key": TEST_KEY,
            "timeout": 5.0,
            "retry_backoff": 0.05,
        }
        values.update(overrides)
        return LLMSettings(**values)

    return make


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "log.db") as opened:
        yield opened


@pytest.fixture
def question(store: Store):
    session = store.create_session(title="churn project")
    return store.add_question(
        session.id, "give me feature ideas for churn prediction", route="draft"
    )


@pytest.fixture
def closed_port() -> int:
    """A loopback port with nothing listening (connection refused)."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return port
