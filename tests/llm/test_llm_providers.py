"""Which library carries a request: the `openai` client for OpenAI-compatible endpoints (OpenAI,
Ollama, llama.cpp, vLLM, LM Studio), litellm for every other provider — each checked with real HTTP
against the loopback server. Plus model aliases and the readable-key warning."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from coach.llm.client import backend_for, chat, openai_target
from coach.llm.config import LLMSettings, load_settings

MESSAGES = [{"role": "user", "content": "feature ideas for churn?"}]


@pytest.mark.parametrize(
    ("model", "backend"),
    [
        ("openai/gpt-4o-mini", "openai"),
        ("gpt-4o-mini", "openai"),
        ("ollama/llama3.1", "openai"),
        ("ollama_chat/llama3.1", "openai"),
        ("hosted_vllm/Qwen2.5-7B", "openai"),
        ("lm_studio/phi-4", "openai"),
        ("anthropic/claude-3-5-haiku-latest", "litellm"),
        ("claude-3-5-haiku-latest", "litellm"),
        ("gemini/gemini-2.0-flash", "litellm"),
        ("deepseek/deepseek-chat", "litellm"),
    ],
)
def test_backend_choice(model: str, backend: str) -> None:
    assert backend_for(LLMSettings(model=model)) == backend


def test_ollama_default_and_native_base_get_the_v1_api() -> None:
    assert openai_target(LLMSettings(model="ollama/llama3.1")) == (
        "llama3.1",
        "http://127.0.0.1:11434/v1",
    )
    native = LLMSettings(model="ollama/llama3.1", api_base="http://gpu-box:11434")
    assert openai_target(native) == ("llama3.1", "http://gpu-box:11434/v1")


def test_openai_compatible_request_goes_through_the_openai_client(
    fake_server, llm_settings
) -> None:
    pieces: list[str] = []
    result = chat(MESSAGES, llm_settings(), on_token=pieces.append)
    assert result.text == "".join(pieces) and result.text
    request = fake_server.requests[-1]
    assert request["path"] == "/v1/chat/completions"
    assert request["body"]["model"] == "test-model"  # the provider prefix is not sent
    assert request["body"]["stream"] is True
    assert "openai/python" in request["headers"].get("user-agent", "").lower()


def test_local_server_without_a_key_gets_the_placeholder(fake_server, llm_settings) -> None:
    chat(MESSAGES, llm_settings(model="hosted_vllm/test-model", api_key=None))
    assert fake_server.requests[-1]["headers"]["authorization"] == "Bearer no-key-needed"


def test_other_providers_go_through_litellm(fake_server, llm_settings) -> None:
    # litellm's DeepSeek provider speaks the OpenAI protocol, so the loopback server can stand in.
    result = chat(MESSAGES, llm_settings(model="deepseek/test-model"))
    assert result.text
    assert "litellm" in sys.modules
    assert fake_server.requests[-1]["body"]["model"] == "test-model"


def test_openai_path_never_imports_litellm(fake_server) -> None:
    probe = (
        "import sys; from coach.llm.client import chat; from coach.llm.config import LLMSettings; "
        f"s = LLMSettings(model='openai/test-model', api_base='{fake_server.api_base}', "
        "api_key='sk-test', timeout=5); r = chat([{'role': 'user', 'content': 'hi'}], s); "
        "print(bool(r.text), 'litellm' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert out.stdout.split() == ["True", "False"], out.stderr


def test_errors_are_classified_the_same_on_the_openai_path(fake_server, llm_settings) -> None:
    from coach.llm.client import LLMCallError

    fake_server.script("401")
    with pytest.raises(LLMCallError) as info:
        chat(MESSAGES, llm_settings())
    assert info.value.kind == "auth"
    fake_server.script("429", "ok")
    assert chat(MESSAGES, llm_settings()).attempts == 2


def _config(tmp_path: Path, text: str, mode: int = 0o600) -> dict[str, str]:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    os.chmod(path, mode)
    return {"COACH_CONFIG": str(path)}


def test_model_alias_from_the_config(tmp_path: Path) -> None:
    env = _config(
        tmp_path,
        '[llm]\nmodel = "haiku"\n\n[llm.aliases]\nhaiku = "anthropic/claude-3-5-haiku-latest"\n',
    )
    settings = load_settings({**env, "ANTHROPIC_API_KEY": "sk-ant-0123456789abcdef"})
    assert settings.model == "anthropic/claude-3-5-haiku-latest"
    assert settings.source("model").startswith("alias 'haiku'")
    assert settings.key_value() == "sk-ant-0123456789abcdef"
    # COACH_MODEL may name an alias too.
    assert load_settings({**env, "COACH_MODEL": "haiku"}).provider == "anthropic"
    assert load_settings({**env, "COACH_MODEL": "openai/x"}).model == "openai/x"


def test_bad_alias_table_is_a_clear_error(tmp_path: Path) -> None:
    from coach.llm.config import LLMConfigError

    env = _config(tmp_path, '[llm]\nmodel = "x"\naliases = ["haiku"]\n')
    with pytest.raises(LLMConfigError, match=r"\[llm.aliases\]"):
        load_settings(env)


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_a_key_in_a_readable_config_file_is_warned_about(tmp_path: Path, capsys) -> None:
    text = '[llm]\nmodel = "openai/gpt-4o-mini"\napi_key = "sk-proj-Jd83kLq0Pz7Xv2Mn5Bc1Aw9e"\n'
    readable = load_settings(_config(tmp_path, text, 0o644))
    assert readable.warnings and "readable by every user" in readable.warnings[0]
    assert "chmod 600" in capsys.readouterr().err
    private = load_settings(_config(tmp_path, text, 0o600))
    assert private.warnings == []
    no_key = load_settings(_config(tmp_path, '[llm]\nmodel = "openai/x"\n', 0o644))
    assert no_key.warnings == []
    assert "sk-proj" not in json.dumps(readable.warnings)
