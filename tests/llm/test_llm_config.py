"""LLM settings: file < environment, sources recorded, clear errors, keys masked in `config show`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coach.cli.main import main
from coach.llm.config import HOW_TO_CONFIGURE, LLMConfigError, load_settings, mask_secret

KEY = "sk-proj-Jd83kLq0Pz7Xv2Mn5Bc1Aw9e"


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_nothing_configured_means_not_configured_with_defaults(tmp_path):
    settings = load_settings({"COACH_CONFIG": str(tmp_path / "missing.toml")})
    assert not settings.configured
    assert settings.timeout == 60 and settings.include_rows is False and settings.api_key is None
    assert settings.source("model") == "default"


def test_the_file_is_read_and_the_environment_overrides_it(tmp_path):
    config = _write(
        tmp_path / "config.toml",
        '[llm]\nmodel = "openai/gpt-4o-mini"\napi_base = "http://127.0.0.1:11434/v1/"\n'
        "timeout = 20\nmax_prompt_tokens = 3000\ninclude_rows = true\n\n[lint]\nselect = ['LEAK']\n",
    )
    file_only = load_settings({"COACH_CONFIG": str(config)})
    assert file_only.configured and file_only.model == "openai/gpt-4o-mini"
    assert file_only.api_base == "http://127.0.0.1:11434/v1", "trailing slash dropped"
    assert (file_only.timeout, file_only.max_prompt_tokens, file_only.include_rows) == (
        20,
        3000,
        True,
    )
    assert file_only.source("timeout") == f"config file {config}"

    env = {
        "COACH_CONFIG": str(config),
        "COACH_MODEL": "anthropic/claude-3-5-haiku-latest",
        "COACH_API_KEY": KEY,
    }
    both = load_settings(env)
    assert (
        both.model == "anthropic/claude-3-5-haiku-latest" and both.source("model") == "$COACH_MODEL"
    )
    assert both.key_value() == KEY and both.source("api_key") == "$COACH_API_KEY"
    assert both.timeout == 20, "values the environment does not set still come from the file"


def test_the_provider_key_variable_is_used_when_coach_has_none(tmp_path):
    env = {
        "COACH_CONFIG": str(tmp_path / "none.toml"),
        "COACH_MODEL": "anthropic/claude-3-5-haiku-latest",
    }
    settings = load_settings(
        {**env, "ANTHROPIC_API_KEY": "sk-ant-api03-abcdefghijklmnop", "OPENAI_API_KEY": KEY}
    )
    assert settings.key_value() == "sk-ant-api03-abcdefghijklmnop"
    assert settings.source("api_key") == "$ANTHROPIC_API_KEY"
    bare = load_settings({**env, "COACH_MODEL": "gpt-4o-mini", "OPENAI_API_KEY": KEY})
    assert bare.source("api_key") == "$OPENAI_API_KEY", "no prefix means OpenAI, as in litellm"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('[llm]\nmodle = "x"\n', "unknown setting 'modle' in [llm] — did you mean 'model'?"),
        ('[llm]\ntimeout = "soon"\n', "invalid LLM setting 'timeout'"),
        ("[llm]\ntimeout = -1\n", "invalid LLM setting 'timeout'"),
        ('[llm]\napi_base = "localhost:11434"\n', "must be an http:// or https:// URL"),
        ("[llm\n", "is not valid TOML"),
        ('llm = "openai/gpt-4o"\n', "`llm` must be a table"),
    ],
)
def test_an_invalid_config_file_is_a_clear_one_line_error(tmp_path, content, message):
    config = _write(tmp_path / "config.toml", content)
    with pytest.raises(LLMConfigError) as info:
        load_settings({"COACH_CONFIG": str(config)})
    assert message in str(info.value)
    assert str(config) in str(info.value) and "\n" not in str(info.value)


def test_a_bad_environment_value_names_the_variable(tmp_path):
    with pytest.raises(LLMConfigError, match=r"'api_base' \(from \$COACH_API_BASE\)"):
        load_settings({"COACH_CONFIG": str(tmp_path / "x.toml"), "COACH_API_BASE": "ftp://host"})


def test_keys_are_masked():
    assert mask_secret(KEY) == "sk-…Aw9e"
    assert mask_secret("abcdefghijklmnopqrst") == "****qrst"
    assert mask_secret("short") == "****"
    assert mask_secret(None) == "(not set)"


def test_how_to_configure_names_every_way():
    for needle in (
        "COACH_MODEL=openai/gpt-4o-mini",
        "COACH_API_BASE=http://127.0.0.1:11434/v1",
        "[llm]",
        "coach config path",
    ):
        assert needle in HOW_TO_CONFIGURE


# -- `coach config` -------------------------------------------------------------------------


def test_config_show_masks_the_key_and_names_sources(monkeypatch, capsys):
    monkeypatch.setenv("COACH_MODEL", "openai/gpt-4o-mini")
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    assert main(["config", "show"]) == 0
    out = capsys.readouterr().out
    assert KEY not in out and KEY[:-4] not in out
    assert f"sk-…{KEY[-4:]}" in out
    lines = {line.split()[0]: line for line in out.splitlines() if line.startswith("  ")}
    assert lines["model"].rstrip().endswith("$COACH_MODEL")
    assert lines["api_key"].rstrip().endswith("$OPENAI_API_KEY")
    assert "60 s" in lines["timeout"] and lines["timeout"].rstrip().endswith("default")
    assert "128000 (from litellm's model map)" in lines["context_window"]
    assert "Brainstorm drafts are enabled" in out


def test_config_show_json(monkeypatch, capsys):
    monkeypatch.setenv("COACH_MODEL", "openai/test-model")
    monkeypatch.setenv("COACH_API_KEY", KEY)
    assert main(["config", "show", "--format", "json"]) == 0
    out = capsys.readouterr().out
    data = json.loads(out)
    assert data["configured"] is True
    assert data["settings"]["api_key"] == {"value": f"sk-…{KEY[-4:]}", "source": "$COACH_API_KEY"}
    assert data["settings"]["model"]["value"] == "openai/test-model"
    assert KEY not in out


def test_config_show_without_a_model_explains_how_to_configure(capsys):
    assert main(["config"]) == 0
    out = capsys.readouterr().out
    assert "No LLM is configured" in out and "not found — defaults and environment only" in out


def test_config_show_with_a_broken_file_is_one_line_and_exit_2(monkeypatch, tmp_path, capsys):
    config = _write(tmp_path / "config.toml", "[llm]\ntimeout = 'x'\n")
    monkeypatch.setenv("COACH_CONFIG", str(config))
    assert main(["config", "show"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("coach: error: invalid LLM setting 'timeout'") and err.count("\n") == 1


def test_config_path_honours_coach_config(monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("COACH_CONFIG", str(tmp_path / "elsewhere.toml"))
    assert main(["config", "path"]) == 0
    assert capsys.readouterr().out.strip() == str(tmp_path / "elsewhere.toml")
    monkeypatch.delenv("COACH_CONFIG")
    assert main(["config", "path"]) == 0
    assert capsys.readouterr().out.strip().endswith("coach/config.toml")
