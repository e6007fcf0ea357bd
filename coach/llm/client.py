"""The one place Coach talks to a model: streamed, with a timeout and one polite retry.

Two back ends, chosen by the model string (`backend_for`):
- OpenAI-compatible endpoints — OpenAI itself and the local servers that speak its API (Ollama,
  llama.cpp, vLLM, LM Studio) — go through the `openai` client directly: it imports in a fraction
  of the time litellm needs and sends exactly the request we build.
- every other provider (Anthropic, Gemini, Bedrock, ...) goes through litellm, imported here,
  inside the call, never at module import (it costs ~2 s). Before the import we force its bundled
  price map (no network), stop it from loading a stray `.env` file and silence its banner.
Retries of both libraries are switched off: Coach retries exactly once, on a 429, after a backoff,
so nothing hammers a rate-limited provider.

Every failure becomes an `LLMCallError` whose `message` is one line a person can act on, and which
carries any text already streamed (`partial`) so the caller can keep it.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
import time
import warnings
from collections.abc import Callable
from typing import Any, Literal

from pydantic import BaseModel

from coach.llm.config import LLMSettings, redact_url
from coach.llm.redact import redact_text

ErrorKind = Literal[
    "auth",
    "rate_limit",
    "timeout",
    "connection",
    "context",
    "server",
    "malformed",
    "cut",
    "not_found",
    "bad_request",
    "cancelled",
    "not_configured",
    "unavailable",
    "unknown",
]
MAX_RETRY_WAIT = 30.0
# Local servers (Ollama, llama.cpp, vLLM) need no key, but the OpenAI client refuses to start
# without one; this placeholder is sent only when no key is configured at all.
NO_KEY_PLACEHOLDER = "no-key-needed"

_import_lock = threading.Lock()

# Providers whose endpoint speaks the OpenAI chat API -> their default base URL (None: OpenAI's own,
# or the configured api_base is required). The model string's prefix names the provider.
OPENAI_COMPATIBLE: dict[str, str | None] = {
    "openai": None,
    "ollama": "http://127.0.0.1:11434/v1",
    "ollama_chat": "http://127.0.0.1:11434/v1",
    "lm_studio": "http://127.0.0.1:1234/v1",
    "hosted_vllm": None,
    "llamafile": "http://127.0.0.1:8080/v1",
}
Backend = Literal["openai", "litellm"]


def backend_for(settings: LLMSettings) -> Backend:
    """`openai` for OpenAI-compatible endpoints, `litellm` for every other provider."""
    model = settings.model or ""
    provider = model.split("/", 1)[0] if "/" in model else settings.provider
    return "openai" if provider in OPENAI_COMPATIBLE else "litellm"


def openai_target(settings: LLMSettings) -> tuple[str, str | None]:
    """(model name without the provider prefix, base URL) for the OpenAI client."""
    model = settings.model or ""
    provider, _, name = model.partition("/") if "/" in model else ("openai", "", model)
    base = settings.api_base or OPENAI_COMPATIBLE.get(provider)
    if base and provider.startswith("ollama") and not base.rstrip("/").endswith("/v1"):
        base = base.rstrip("/") + "/v1"  # Ollama's native base; its OpenAI API lives under /v1
    return name, base


def import_openai() -> Any:
    with _import_lock:
        try:
            import openai
        except ImportError as exc:
            from coach.extras import install_hint

            raise LLMCallError(
                "unavailable", install_hint("llm", "LLM drafts", ["openai"])
            ) from exc
        return openai


class LLMCallError(Exception):
    def __init__(
        self, kind: ErrorKind, message: str, *, partial: str = "", attempts: int = 1
    ) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.partial = partial
        self.attempts = attempts
        self.latency_ms: float | None = None


class ChatResult(BaseModel):
    text: str
    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    finish_reason: str | None = None
    attempts: int = 1
    latency_ms: float = 0.0


def import_litellm(settings_hint: str = "model's") -> Any:
    """litellm, configured to stay offline and quiet. Imported once, on first use."""
    with _import_lock:
        # Forced, not defaulted: without these, importing litellm fetches JSON from GitHub.
        os.environ["LITELLM_LOCAL_MODEL_COST_MAP"] = "True"
        os.environ["LITELLM_LOCAL_ANTHROPIC_BETA_HEADERS"] = "True"
        # In its default "DEV" mode litellm loads the nearest .env file into os.environ at import.
        os.environ.setdefault("LITELLM_MODE", "PRODUCTION")
        try:
            import litellm
        except ImportError as exc:
            from coach.extras import install_hint

            raise LLMCallError(
                "unavailable", install_hint("llm", f"the {settings_hint} provider", ["litellm"])
            ) from exc

        litellm.suppress_debug_info = True
        litellm.telemetry = False
        litellm.set_verbose = False
        for name in ("LiteLLM", "LiteLLM Router", "LiteLLM Proxy", "litellm"):
            logging.getLogger(name).setLevel(logging.CRITICAL)
        return litellm


def chat(
    messages: list[dict[str, str]],
    settings: LLMSettings,
    *,
    on_token: Callable[[str], None] | None = None,
    cancel: threading.Event | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> ChatResult:
    """Send `messages`, streaming text to `on_token`. At most two requests (one retry on 429).

    An exception raised by `on_token` itself (the caller's display) is re-raised unchanged: it is
    not the model's failure and must not be reported as one.
    """
    if not settings.configured:
        raise LLMCallError("not_configured", "no LLM model is configured")
    if backend_for(settings) == "openai":
        sender: Any = _OpenAISender(import_openai(), settings)
    else:
        sender = import_litellm(settings.provider or "model's")
        # litellm trips pydantic deprecation warnings on every chunk; not the user's concern.
        warnings.filterwarnings("ignore", category=DeprecationWarning, module=r"litellm(\.|$)")
    started = time.perf_counter()  # after the import: latency is the model's, not the library's
    callback_errors: list[BaseException] = []

    def emit(piece: str) -> None:
        if on_token is None:
            return
        try:
            on_token(piece)
        except BaseException as exc:
            callback_errors.append(exc)
            raise

    attempts = 0
    while True:
        attempts += 1
        received: list[str] = []
        try:
            result = _call_once(sender, messages, settings, received, emit, cancel)
        except BaseException as exc:
            if callback_errors and exc is callback_errors[-1]:
                raise
            if not isinstance(exc, Exception):
                raise
            error = _failure(exc, settings, received, attempts, started)
            if error.kind == "rate_limit" and attempts == 1 and not received:
                wait = _retry_wait(exc, settings.retry_backoff)
                if cancel is not None and cancel.wait(wait):
                    raise LLMCallError(
                        "cancelled", _message("cancelled", settings), attempts=attempts
                    ) from exc
                if cancel is None:
                    sleep(wait)
                continue
            if error.kind == "rate_limit":
                error.message = _message("rate_limit", settings, retried=attempts > 1)
            if error is exc:
                raise
            raise error from exc
        result.attempts = attempts
        result.latency_ms = (time.perf_counter() - started) * 1000
        return result


def _failure(
    exc: Exception, settings: LLMSettings, received: list[str], attempts: int, started: float
) -> LLMCallError:
    error = (
        exc if isinstance(exc, LLMCallError) else classify(exc, settings, partial="".join(received))
    )
    error.attempts = attempts
    error.latency_ms = (time.perf_counter() - started) * 1000
    return error


def _request_kwargs(messages: list[dict[str, str]], settings: LLMSettings) -> dict[str, Any]:
    key = settings.key_value() or (NO_KEY_PLACEHOLDER if settings.api_base else None)
    kwargs: dict[str, Any] = {
        "model": settings.model,
        "messages": messages,
        "timeout": float(settings.timeout),
        "max_tokens": settings.max_completion_tokens,
        "stream": settings.stream,
        # Both off: `num_retries` drives litellm's wrapper, `max_retries` the OpenAI client (whose
        # default is 2). Coach owns the single retry on 429.
        "num_retries": 0,
        "max_retries": 0,
        "drop_params": True,
    }
    if settings.temperature is not None:
        kwargs["temperature"] = settings.temperature
    if settings.api_base:
        kwargs["api_base"] = settings.api_base
    if key:
        kwargs["api_key"] = key
    if settings.stream:
        kwargs["stream_options"] = {"include_usage": True}
    return kwargs


class _OpenAISender:
    """The OpenAI client behind the same `completion(**kwargs)` call as litellm's."""

    def __init__(self, openai: Any, settings: LLMSettings) -> None:
        model, base = openai_target(settings)
        self.model = model
        self.client = openai.OpenAI(
            api_key=settings.key_value() or NO_KEY_PLACEHOLDER,
            base_url=base,
            timeout=float(settings.timeout),
            max_retries=0,
        )

    def completion(self, **kwargs: Any) -> Any:
        for litellm_only in ("num_retries", "drop_params", "api_base", "api_key", "timeout"):
            kwargs.pop(litellm_only, None)
        kwargs["model"] = self.model
        kwargs.pop("max_retries", None)
        return self.client.chat.completions.create(**kwargs)


def _call_once(
    litellm: Any,
    messages: list[dict[str, str]],
    settings: LLMSettings,
    received: list[str],
    on_token: Callable[[str], None] | None,
    cancel: threading.Event | None,
) -> ChatResult:
    if cancel is not None and cancel.is_set():
        raise LLMCallError("cancelled", _message("cancelled", settings))
    response = litellm.completion(**_request_kwargs(messages, settings))
    if not settings.stream:
        choice = response.choices[0]
        text = choice.message.content or ""
        received.append(text)
        if on_token and text:
            on_token(text)
        usage = getattr(response, "usage", None)
        return ChatResult(
            text=text,
            prompt_tokens=getattr(usage, "prompt_tokens", None),
            completion_tokens=getattr(usage, "completion_tokens", None),
            finish_reason=choice.finish_reason,
        )

    finish_reason = None
    usage = None
    try:
        for chunk in response:
            if cancel is not None and cancel.is_set():
                raise LLMCallError(
                    "cancelled", _message("cancelled", settings), partial="".join(received)
                )
            if getattr(chunk, "usage", None):
                usage = chunk.usage
            if not chunk.choices:
                continue
            choice = chunk.choices[0]
            piece = getattr(choice.delta, "content", None) or ""
            if piece:
                received.append(piece)
                if on_token:
                    on_token(piece)
            finish_reason = choice.finish_reason or finish_reason
        # litellm makes up a final "stop" when a stream just ends (a killed server, a closed
        # connection): only the reason the provider itself sent counts.
        if hasattr(response, "received_finish_reason"):
            finish_reason = response.received_finish_reason
    finally:
        _close(response)
    return ChatResult(
        text="".join(received),
        prompt_tokens=getattr(usage, "prompt_tokens", None),
        completion_tokens=getattr(usage, "completion_tokens", None),
        finish_reason=finish_reason,
    )


def _close(response: Any) -> None:
    for target in (response, getattr(response, "completion_stream", None)):
        close = getattr(target, "close", None)
        if callable(close):
            with contextlib.suppress(Exception):
                close()


# --------------------------------------------------------------------------------------------
# Error mapping


def _chain(exc: BaseException) -> list[BaseException]:
    """The exception and everything it wraps (cause, context, litellm's original_exception)."""
    seen: list[BaseException] = []
    todo: list[BaseException | None] = [exc]
    while todo:
        item = todo.pop(0)
        if item is None or any(item is s for s in seen):
            continue
        seen.append(item)
        todo += [item.__cause__, item.__context__, getattr(item, "original_exception", None)]
    return seen


def _names(chain: list[BaseException]) -> set[str]:
    return {type(e).__name__ for e in chain} | {
        f"{type(e).__module__.split('.')[0]}.{type(e).__name__}" for e in chain
    }


def _status(chain: list[BaseException]) -> int | None:
    for item in chain:
        status = getattr(item, "status_code", None)
        if isinstance(status, int):
            return status
    return None


def classify(
    exc: BaseException, settings: LLMSettings, *, partial: str = "", attempts: int = 1
) -> LLMCallError:
    """Map whatever litellm raised to an `LLMCallError` with a one-line message."""
    chain = _chain(exc)
    names = _names(chain)
    status = _status(chain)
    detail = _detail(exc)

    kind: ErrorKind
    if isinstance(exc, LLMCallError):
        return exc
    if names & {"ConnectionRefusedError", "httpx.ConnectError", "gaierror"}:
        kind = "connection"
    elif names & {"JSONDecodeError"}:
        kind = "malformed"
    elif names & {"httpx.RemoteProtocolError", "httpx.ReadError", "MidStreamFallbackError"} or (
        partial and names & {"APIConnectionError"}
    ):
        kind = "cut"
    elif names & {
        "Timeout",
        "APITimeoutError",
        "httpx.ReadTimeout",
        "httpx.ConnectTimeout",
        "TimeoutError",
    }:
        kind = "timeout"
    elif names & {"AuthenticationError", "PermissionDeniedError"} or status in (401, 403):
        kind = "auth"
    elif names & {"RateLimitError"} or status == 429:
        kind = "rate_limit"
    elif names & {"ContextWindowExceededError"} or _context_exceeded(chain):
        kind = "context"
    elif names & {"NotFoundError"} or status == 404:
        kind = "not_found"
    elif names & {"APIConnectionError"}:
        kind = "connection"
    elif (status is not None and status >= 500) or names & {
        "InternalServerError",
        "ServiceUnavailableError",
    }:
        kind = "server"
    elif names & {"BadRequestError", "UnprocessableEntityError"} or status in (400, 422):
        kind = "bad_request"
    else:
        kind = "unknown"
    message = _message(kind, settings, status=status, detail=detail, exc=exc)
    return LLMCallError(kind, message, partial=partial, attempts=attempts)


def _context_exceeded(chain: list[BaseException]) -> bool:
    """The OpenAI API's own signal (litellm maps it to ContextWindowExceededError; the openai
    client leaves it a 400 with code `context_length_exceeded`)."""
    for item in chain:
        if getattr(item, "code", None) == "context_length_exceeded":
            return True
        text = str(item).lower()
        if "context_length_exceeded" in text or "maximum context length" in text:
            return True
    return False


def _detail(exc: BaseException) -> str:
    """The provider's own words, without litellm's prefixes, secrets or newlines, kept short."""
    text = str(getattr(exc, "message", None) or exc)
    for marker in ("OpenAIException - ", "Exception - ", "Error_str: "):
        if marker in text:
            text = text.rsplit(marker, 1)[1]
    text = redact_text(" ".join(text.split()))
    return text[:160] + ("…" if len(text) > 160 else "")


def _message(
    kind: ErrorKind,
    settings: LLMSettings,
    *,
    status: int | None = None,
    detail: str = "",
    exc: BaseException | None = None,
    retried: bool = False,
) -> str:
    model = settings.model or "(no model)"
    base = redact_url(settings.api_base) or f"the {settings.provider or 'provider'} API"
    key_source = settings.source("api_key") if settings.api_key is not None else None
    if key_source == "default":
        key_source = "the settings passed in"
    match kind:
        case "auth":
            where = f"the key from {key_source}" if key_source else "no API key was set"
            return (
                f"{model}: the API key was rejected (HTTP {status or 401}) — {where}; set a valid "
                "key in COACH_API_KEY or the provider's variable (`coach config show` shows it masked)"
            )
        case "rate_limit":
            again = ", still after one retry" if retried else ""
            return (
                f"{model}: rate limited by the provider (HTTP 429{again}) — wait a minute and ask "
                "again; the question is saved"
            )
        case "timeout":
            return (
                f"{model}: no response within {settings.timeout:g} s (timeout) — try again, or raise "
                "`timeout` in the [llm] config"
            )
        case "connection":
            return (
                f"cannot connect to {base} (connection refused or unreachable) — is the server "
                "running? Check COACH_API_BASE / api_base"
            )
        case "context":
            return (
                f"{model}: the prompt is longer than the model's context window — lower "
                "max_prompt_tokens or set context_window in the [llm] config"
            )
        case "server":
            return f"{model}: the provider failed with a server error (HTTP {status or 500}) — try again later"
        case "malformed":
            return (
                f"{model}: the server at {base} sent a response that is not valid JSON — is it an "
                "OpenAI-compatible /v1 endpoint?"
            )
        case "cut":
            return f"{model}: the response was cut off mid-way — any partial text is kept, marked partial"
        case "not_found":
            return f"{model}: model not found at {base} (HTTP 404) — check COACH_MODEL / model"
        case "bad_request":
            return f"{model}: the provider rejected the request (HTTP {status or 400}): {detail}"
        case "cancelled":
            return "cancelled before the draft finished — any partial text is kept, marked partial"
        case "not_configured":
            return "no LLM model is configured (see `coach config show`)"
        case _:
            name = type(exc).__name__ if exc is not None else "error"
            return f"{model}: the LLM call failed ({name}): {detail}"


def _retry_wait(exc: BaseException, backoff: float) -> float:
    """The provider's Retry-After when it asks for longer than our backoff, capped at 30 s."""
    retry_after = 0.0
    for item in _chain(exc):
        headers = getattr(getattr(item, "response", None), "headers", None)
        value = headers.get("retry-after") if headers is not None else None
        if value:
            with contextlib.suppress(ValueError):
                retry_after = float(value)
            break
    return min(MAX_RETRY_WAIT, max(backoff, retry_after))


__all__ = ["ChatResult", "LLMCallError", "chat", "classify", "import_litellm"]
