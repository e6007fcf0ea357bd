"""Token counting and model facts, offline and without importing litellm.

tiktoken normally downloads its encodings on first use. litellm ships the cl100k_base and
o200k_base files inside its package (named by tiktoken's cache key), so we point tiktoken's cache at
that directory and never touch the network. Model facts (context window, prices) come from the
price map litellm bundles, read as plain JSON: importing litellm costs ~2 s and is not needed here.
"""

from __future__ import annotations

import importlib.util
import json
import os
import threading
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel

# Chat formatting overhead per message and per reply, as in OpenAI's counting recipe. Exact for
# OpenAI models, a close estimate for others: the budget leaves a margin for the difference.
TOKENS_PER_MESSAGE = 4
TOKENS_PER_REPLY = 3
DEFAULT_CONTEXT_WINDOW = 8192

_ENCODING_FILES = {
    # tiktoken's cache file name is sha1 of the download URL; litellm ships them under that name.
    "cl100k_base": "9b5ad71b2ce5302211f9c61530b329a4922fc6a4",
    "o200k_base": "fb374d419588a4632f3f557e76b4b70aebbca790",
}
_O200K_PREFIXES = ("gpt-4o", "gpt-4.1", "gpt-4.5", "gpt-5", "o1", "o3", "o4", "chatgpt-4o")
_env_lock = threading.Lock()


class TokenizerUnavailable(RuntimeError):
    """The bundled encoding files are missing: counting would need a download, which we refuse."""


def _litellm_dir() -> Path:
    # find_spec on a top-level package locates it without executing its __init__.
    spec = importlib.util.find_spec("litellm")
    if spec is None or not spec.submodule_search_locations:
        from coach.extras import install_hint

        raise TokenizerUnavailable(install_hint("llm", "LLM drafts", ["litellm"]))
    return Path(next(iter(spec.submodule_search_locations)))


def tokenizer_dir() -> Path:
    return _litellm_dir() / "litellm_core_utils" / "tokenizers"


def encoding_name_for(model: str | None) -> str:
    name = (model or "").rsplit("/", 1)[-1].lower()
    return "o200k_base" if name.startswith(_O200K_PREFIXES) else "cl100k_base"


@lru_cache(maxsize=4)
def get_encoding(name: str = "cl100k_base"):  # -> tiktoken.Encoding
    """A tiktoken encoding loaded from litellm's bundled files. Never downloads."""
    try:
        import tiktoken
        from tiktoken_ext import openai_public
    except ImportError as exc:  # a base install without the [llm] extra
        from coach.extras import install_hint

        raise TokenizerUnavailable(install_hint("llm", "LLM drafts", ["tiktoken"])) from exc

    if name not in _ENCODING_FILES:
        raise TokenizerUnavailable(f"no bundled file for encoding {name!r}")
    directory = tokenizer_dir()
    if not (directory / _ENCODING_FILES[name]).is_file():
        raise TokenizerUnavailable(
            f"the {name} tokenizer file is missing from {directory}; reinstall litellm"
        )
    # tiktoken reads its cache directory from the environment; swap it only while loading, so a
    # hash mismatch (a corrupt file) fails here instead of silently falling back to a download.
    with _env_lock:
        saved = os.environ.get("TIKTOKEN_CACHE_DIR")
        os.environ["TIKTOKEN_CACHE_DIR"] = str(directory)
        try:
            spec = getattr(openai_public, name)()
        finally:
            if saved is None:
                os.environ.pop("TIKTOKEN_CACHE_DIR", None)
            else:
                os.environ["TIKTOKEN_CACHE_DIR"] = saved
    return tiktoken.Encoding(**spec)


def count_text(text: str, model: str | None = None) -> int:
    return len(get_encoding(encoding_name_for(model)).encode(text, disallowed_special=()))


def count_messages(messages: list[dict[str, str]], model: str | None = None) -> int:
    encoding = get_encoding(encoding_name_for(model))
    total = TOKENS_PER_REPLY
    for message in messages:
        total += TOKENS_PER_MESSAGE
        for value in message.values():
            total += len(encoding.encode(value, disallowed_special=()))
    return total


class ModelInfo(BaseModel):
    """What the bundled price map knows about a model (all fields optional: local models)."""

    max_input_tokens: int | None = None
    max_output_tokens: int | None = None
    input_cost_per_token: float | None = None
    output_cost_per_token: float | None = None

    def cost(self, prompt_tokens: int, completion_tokens: int) -> float | None:
        if self.input_cost_per_token is None or self.output_cost_per_token is None:
            return None
        return (
            prompt_tokens * self.input_cost_per_token
            + completion_tokens * self.output_cost_per_token
        )


@lru_cache(maxsize=1)
def _price_map() -> dict[str, Any]:
    path = _litellm_dir() / "model_prices_and_context_window_backup.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def model_info(model: str | None, *, api_base: str | None = None) -> ModelInfo:
    """Facts for `model`; empty for unknown models and for any model served from a custom API
    base that is not the provider's (a local server's "openai/gpt-4o" is not priced like OpenAI's)."""
    if not model:
        return ModelInfo()
    prices = _price_map()
    entry = prices.get(model)
    if entry is None and "/" in model:
        entry = prices.get(model.split("/", 1)[1])
    if not isinstance(entry, dict):
        return ModelInfo()
    info = ModelInfo.model_validate(
        {k: entry.get(k) for k in ModelInfo.model_fields if isinstance(entry.get(k), int | float)}
    )
    if api_base and not _is_provider_base(api_base):
        info = ModelInfo(
            max_input_tokens=info.max_input_tokens, max_output_tokens=info.max_output_tokens
        )
    return info


def _is_provider_base(api_base: str) -> bool:
    return any(
        host in api_base
        for host in ("api.openai.com", "api.anthropic.com", "openai.azure.com", "googleapis.com")
    )
