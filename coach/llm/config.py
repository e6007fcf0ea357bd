"""LLM settings: a TOML file in the per-user config directory, overridden by environment variables.

Every value remembers where it came from (`sources`), so `coach config show` can answer "why is it
using that model?" without guesswork. The API key is a `SecretStr`: it is only unwrapped at the
moment of the call and is shown masked everywhere else.
"""

from __future__ import annotations

import difflib
import os
import sys
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, field_validator

_WARNED: set[str] = set()
CONFIG_ENV = "COACH_CONFIG"
MODEL_ENV = "COACH_MODEL"
API_BASE_ENV = "COACH_API_BASE"
API_KEY_ENV = "COACH_API_KEY"

HOW_TO_CONFIGURE = """\
No LLM is configured, so Coach cannot brainstorm (rule answers work without one). To enable drafts:
  • a hosted model:  export COACH_MODEL=openai/gpt-4o-mini  and  export OPENAI_API_KEY=sk-...
                     (or COACH_API_KEY; any litellm model string works, e.g. anthropic/claude-3-5-haiku-latest)
  • a local server:  export COACH_MODEL=openai/llama3.1  COACH_API_BASE=http://127.0.0.1:11434/v1
                     (Ollama, llama.cpp server and vLLM speak the OpenAI API; no key needed)
  • or a file:       an [llm] table (model = "...", api_base, timeout, ...) in the file that
                     `coach config path` prints; [llm.aliases] names models (haiku = "anthropic/...")
Run `coach config show` to see the effective settings and where each came from."""

# Provider prefix -> the key variable litellm itself reads for that provider. Used to find and mask
# the key for `coach config show`; an unknown provider still works (litellm reads its own variable).
PROVIDER_KEY_VARS: dict[str, str] = {
    "openai": "OPENAI_API_KEY",
    "text-completion-openai": "OPENAI_API_KEY",
    "anthropic": "ANTHROPIC_API_KEY",
    "azure": "AZURE_API_KEY",
    "gemini": "GEMINI_API_KEY",
    "mistral": "MISTRAL_API_KEY",
    "groq": "GROQ_API_KEY",
    "cohere": "COHERE_API_KEY",
    "cohere_chat": "COHERE_API_KEY",
    "deepseek": "DEEPSEEK_API_KEY",
    "openrouter": "OPENROUTER_API_KEY",
    "together_ai": "TOGETHERAI_API_KEY",
    "fireworks_ai": "FIREWORKS_AI_API_KEY",
    "xai": "XAI_API_KEY",
    "perplexity": "PERPLEXITYAI_API_KEY",
}


class LLMConfigError(Exception):
    """The config file or an environment variable is invalid; the message names which and why."""


class LLMSettings(BaseModel):
    """The effective LLM settings. `sources` maps each field name to where its value came from."""

    model_config = ConfigDict(frozen=True)

    model: str | None = None
    api_base: str | None = None
    api_key: SecretStr | None = None
    timeout: float = Field(default=60.0, gt=0, le=3600)
    max_prompt_tokens: int = Field(default=6000, ge=256)
    max_completion_tokens: int = Field(default=1024, ge=16)
    # Context window override for models litellm's price map does not know (local models).
    context_window: int | None = Field(default=None, ge=512)
    temperature: float | None = Field(default=0.7, ge=0, le=2)
    stream: bool = True
    retry_backoff: float = Field(default=2.0, ge=0, le=60)
    include_rows: bool = False
    # Short names for model strings (`[llm.aliases]` haiku = "anthropic/claude-3-5-haiku-latest");
    # `model` is stored resolved, `sources["model"]` says which alias it came from.
    aliases: dict[str, str] = Field(default_factory=dict)
    sources: dict[str, str] = Field(default_factory=dict)
    config_path: Path | None = None
    # Problems a person should know about that do not stop Coach (e.g. a readable key file).
    warnings: list[str] = Field(default_factory=list)

    @property
    def configured(self) -> bool:
        return bool(self.model)

    @property
    def provider(self) -> str | None:
        return provider_of(self.model) if self.model else None

    def key_value(self) -> str | None:
        """The raw key, for the call itself only. Never print or log it."""
        return self.api_key.get_secret_value() if self.api_key is not None else None

    def masked_key(self) -> str:
        return mask_secret(self.key_value())

    def source(self, field: str) -> str:
        return self.sources.get(field, "default")

    @field_validator("model")
    @classmethod
    def _model(cls, value: str | None) -> str | None:
        if value is None:
            return None
        value = value.strip()
        return value or None

    @field_validator("api_base")
    @classmethod
    def _api_base(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        value = value.strip().rstrip("/")
        if not value.startswith(("http://", "https://")):
            raise ValueError(f"must be an http:// or https:// URL, got {value!r}")
        return value


# Keys a user may write in the [llm] table (everything except the bookkeeping fields).
FILE_KEYS = [
    name for name in LLMSettings.model_fields if name not in ("sources", "config_path", "warnings")
]


def provider_of(model: str) -> str:
    """The litellm provider a model string routes to ("openai/gpt-4o" -> "openai")."""
    if "/" in model:
        return model.split("/", 1)[0]
    if model.startswith("claude"):
        return "anthropic"
    if model.startswith("gemini"):
        return "gemini"
    return "openai"


def mask_secret(value: str | None) -> str:
    """`sk-proj-abc…wxyz` -> `sk-…wxyz`; anything else -> `****wxyz`; short values fully hidden."""
    if not value:
        return "(not set)"
    if len(value) < 12:
        return "****"
    tail = value[-4:]
    if value.startswith("sk-"):
        return f"sk-…{tail}"
    return f"****{tail}"


def config_path(env: Mapping[str, str] | None = None) -> Path:
    """$COACH_CONFIG, or config.toml in the per-user config directory."""
    env = os.environ if env is None else env
    override = env.get(CONFIG_ENV)
    if override:
        return Path(override).expanduser()
    from platformdirs import user_config_dir

    return Path(user_config_dir("coach")) / "config.toml"


def _read_file(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise LLMConfigError(f"config file {path} is not valid TOML: {exc}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise LLMConfigError(f"cannot read config file {path}: {exc}") from exc
    table = data.get("llm", {})
    if not isinstance(table, dict):
        raise LLMConfigError(f"config file {path}: `llm` must be a table ([llm]), not a value")
    for key in table:
        if key not in FILE_KEYS:
            close = difflib.get_close_matches(key, FILE_KEYS, n=1)
            hint = (
                f" — did you mean '{close[0]}'?" if close else f" (known: {', '.join(FILE_KEYS)})"
            )
            raise LLMConfigError(f"config file {path}: unknown setting '{key}' in [llm]{hint}")
    return table


def load_settings(env: Mapping[str, str] | None = None) -> LLMSettings:
    """The effective settings: defaults < config file [llm] table < environment variables.

    The key comes from $COACH_API_KEY, else the file's `api_key`, else the provider's own variable
    (e.g. $OPENAI_API_KEY for `openai/...` models). Raises LLMConfigError with a one-line message.
    """
    env = os.environ if env is None else env
    path = config_path(env)
    values: dict[str, Any] = {}
    sources: dict[str, str] = {}
    for key, value in _read_file(path).items():
        values[key] = value
        sources[key] = f"config file {path}"

    for field, var in (("model", MODEL_ENV), ("api_base", API_BASE_ENV), ("api_key", API_KEY_ENV)):
        if env.get(var):
            values[field] = env[var]
            sources[field] = f"${var}"

    if not values.get("api_key") and values.get("model"):
        var = PROVIDER_KEY_VARS.get(provider_of(str(values["model"])))
        if var and env.get(var):
            values["api_key"] = env[var]
            sources["api_key"] = f"${var}"

    aliases = values.get("aliases") or {}
    if not isinstance(aliases, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in aliases.items()
    ):
        raise LLMConfigError(
            f'config file {path}: [llm.aliases] must map names to model strings (haiku = "...")'
        )
    model = values.get("model")
    if isinstance(model, str) and model.strip() in aliases:
        name = model.strip()
        values["model"] = aliases[name]
        sources["model"] = f"alias '{name}' ({sources.get('model', 'default')})"
        if not values.get("api_key"):
            var = PROVIDER_KEY_VARS.get(provider_of(aliases[name]))
            if var and env.get(var):
                values["api_key"] = env[var]
                sources["api_key"] = f"${var}"
    warnings = key_file_warnings(path, values, sources)
    for warning in warnings:
        if warning not in _WARNED:  # once per process, on stderr (never in a report or the log)
            _WARNED.add(warning)
            print(f"coach: warning: {warning}", file=sys.stderr)
    try:
        return LLMSettings(**values, sources=sources, config_path=path, warnings=warnings)
    except ValidationError as exc:
        error = exc.errors()[0]
        field = str(error["loc"][0]) if error["loc"] else "?"
        where = sources.get(field, f"config file {path}")
        message = error["msg"].removeprefix("Value error, ")
        raise LLMConfigError(f"invalid LLM setting '{field}' (from {where}): {message}") from exc


def key_file_warnings(path: Path, values: dict[str, Any], sources: dict[str, str]) -> list[str]:
    """A warning when the API key in use was read from a file other users can read."""
    if not values.get("api_key") or not sources.get("api_key", "").startswith("config file"):
        return []
    try:
        mode = path.stat().st_mode
    except OSError:
        return []
    if os.name == "nt" or not mode & 0o044:
        return []
    who = "every user" if mode & 0o004 else "its group"
    return [
        f"{path} holds an API key and is readable by {who} (mode {mode & 0o777:o}); "
        f"run `chmod 600 {path}` or keep the key in an environment variable"
    ]


def redact_url(url: str | None) -> str | None:
    """An API base without any user:password part, safe to log and display."""
    if not url or "@" not in url or "://" not in url:
        return url
    scheme, rest = url.split("://", 1)
    netloc, slash, path = rest.partition("/")
    if "@" in netloc:
        netloc = "[REDACTED]@" + netloc.rsplit("@", 1)[1]
    return f"{scheme}://{netloc}{slash}{path}"
