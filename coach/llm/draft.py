"""`draft_for`: the single entry point for an LLM brainstorm, from question to logged draft.

The draft row is written to the log *before* the call (status pending, empty body) and updated
when the call ends, so even a crash mid-stream leaves the question and the attempt on record. LLM
failures never raise: they come back as a draft with status "failed" and a one-line `error`, and
any text already streamed is kept in the body, marked partial. A stream that ends without the
model saying why (no finish reason: the server died or the connection closed) is such a failure.

The reply is untrusted: what is streamed to the caller and stored as the body has every escape
and control sequence removed (`coach.sanitize`). The exact messages sent and the untouched reply
are stored in the log's audit columns (`prompt_sent`, `raw_response`) for `coach log show`.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from typing import Any

from coach.llm.client import LLMCallError, chat, classify
from coach.llm.config import LLMConfigError, LLMSettings, load_settings, redact_url
from coach.llm.prompt import (
    DraftContext,
    PromptError,
    PromptPreview,
    Turn,
    load_template,
    preview,
)
from coach.llm.tokens import count_text, model_info
from coach.models import DRAFT_LABEL, Evidence, Suggestion
from coach.sanitize import StreamCleaner, clean

DRAFT_BANNER = f"{DRAFT_LABEL} (an LLM brainstorm for human review, not a rule answer)"
PARTIAL_MARK = "[partial — {reason}]"
TITLE_CHARS = 72


def draft_title(question: str) -> str:
    text = " ".join(question.split())
    if len(text) > TITLE_CHARS:
        text = text[: TITLE_CHARS - 1].rstrip() + "…"
    return f"Brainstorm: {text}"


def describe_draft(draft: Suggestion) -> str:
    """One line of provenance to print under a draft, e.g.
    `DRAFT · openai/gpt-4o-mini · 812 prompt + 211 completion tokens · $0.00025 · 1.9 s · brainstorm@1`.
    """
    parts = [DRAFT_LABEL if draft.status != "failed" else f"{DRAFT_LABEL} (failed)"]
    if draft.model:
        parts.append(draft.model)
    if draft.prompt_tokens is not None:
        tokens = f"{draft.prompt_tokens} prompt"
        if draft.completion_tokens is not None:
            tokens += f" + {draft.completion_tokens} completion"
        parts.append(tokens + " tokens")
    if draft.cost is not None:
        parts.append(f"${draft.cost:.5f}")
    if draft.latency_ms is not None:
        parts.append(f"{draft.latency_ms / 1000:.1f} s")
    if draft.template_version:
        parts.append(draft.template_version)
    return " · ".join(parts)


def session_turns(
    store: Any, session_id: str, *, exclude_question_id: str | None = None, limit: int = 6
) -> list[Turn]:
    """The last `limit` questions of a session and a one-line summary of what Coach answered,
    oldest first, for `DraftContext.earlier_turns`. Failed drafts are not repeated to the model."""
    questions = [q for q in store.questions(session_id) if q.id != exclude_question_id][-limit:]
    turns = []
    for q in questions:
        answers = []
        for s in reversed(store.list_suggestions(question=q.id)):
            if s.source == "rule":
                answers.append(f"{s.rule}: {s.title}")
            elif s.status != "failed" and s.body:
                summary = " ".join(s.body.split())[:200]
                answers.append(f"(earlier draft, {s.status}) {summary}")
        turns.append(Turn(question=q.text, answer="; ".join(answers)))
    return turns


def draft_for(
    question: str,
    *,
    prior: list[Suggestion],
    context: DraftContext,
    store: Any,
    session_id: str | None,
    question_id: str | None,
    on_token: Callable[[str], None] | None = None,
    settings: LLMSettings | None = None,
    cancel: threading.Event | None = None,
) -> Suggestion:
    """Brainstorm on `question`, streaming to `on_token`; return the logged draft.

    Never raises for LLM, configuration or prompt failures (the draft comes back with status
    "failed" and `error`); only a failing log (StoreError) or an interrupt propagate.
    """
    started = time.perf_counter()
    config_error = None
    if settings is None:
        try:
            settings = load_settings()
        except LLMConfigError as exc:
            settings, config_error = LLMSettings(), str(exc)
    template_version = None
    template_error = None
    try:
        template_version = load_template().label
    except PromptError as exc:
        template_error = str(exc)

    draft = Suggestion(
        source="llm",
        session_id=session_id,
        question_id=question_id,
        title=draft_title(question),
        body="",
        status="pending",
        model=settings.model,
        api_base=redact_url(settings.api_base),
        template_version=template_version,
    )
    store.add_suggestion(draft)
    log = _DraftLog(store, draft, settings, started)

    if config_error:
        return log.fail(f"the LLM configuration is invalid: {config_error}")
    if not settings.configured:
        return log.fail("no LLM model is configured — set COACH_MODEL (see `coach config show`)")
    if template_error:
        return log.fail(template_error)

    try:
        prompt = preview(question, prior=prior, context=context, settings=settings)
    except PromptError as exc:
        return log.fail(str(exc))
    log.prompt = prompt

    received: list[str] = []
    display_error: list[BaseException] = []
    cleaner = StreamCleaner()

    def _show(text: str) -> None:
        if on_token is not None and text:
            try:
                on_token(text)
            except BaseException as exc:  # the caller's display failed, not the model
                display_error.append(exc)
                raise

    def _on_token(piece: str) -> None:
        received.append(piece)
        _show(cleaner.feed(piece))

    try:
        result = chat(prompt.as_dicts(), settings, on_token=_on_token, cancel=cancel)
        _show(cleaner.flush())
    except LLMCallError as exc:
        log.latency_ms = exc.latency_ms
        log.raw_response = exc.partial or "".join(received)
        return log.fail(exc.message, partial=log.raw_response, reason=exc.kind)
    except BaseException as exc:
        log.raw_response = "".join(received)
        if display_error or isinstance(exc, KeyboardInterrupt | SystemExit):
            # Not an LLM failure: log what we have, then let the caller handle its own error.
            why = "interrupted" if isinstance(exc, KeyboardInterrupt) else type(exc).__name__
            log.fail(
                f"the draft was not finished ({why}) — the partial text is kept",
                partial="".join(received),
                reason="cancelled",
            )
            raise
        # Anything else from below (a litellm bug, an unmapped error) must not lose the question.
        error = classify(exc, settings, partial="".join(received))
        return log.fail(error.message, partial=error.partial, reason=error.kind)

    log.raw_response = result.text
    text = clean(result.text)
    if settings.stream and result.finish_reason is None:
        log.latency_ms = result.latency_ms
        return log.fail(
            f"{settings.model}: the reply ended without the model finishing it (the server "
            "stopped or the connection closed) — the partial text is kept, marked partial",
            partial=result.text,
            reason="cut",
        )
    if not text.strip():
        return log.fail(f"{settings.model}: the model returned an empty reply — try again")
    if result.finish_reason == "length":
        text += "\n\n" + PARTIAL_MARK.format(
            reason=f"stopped at max_completion_tokens ({settings.max_completion_tokens})"
        )
    completion_tokens = result.completion_tokens
    if completion_tokens is None:
        completion_tokens = count_text(result.text, settings.model)
    log.latency_ms = result.latency_ms
    return log.finish(
        status="pending",
        body=text,
        prompt_tokens=result.prompt_tokens or prompt.prompt_tokens,
        completion_tokens=completion_tokens,
    )


class _DraftLog:
    """Writes the end state of one draft: the local model and the log row stay identical."""

    def __init__(
        self, store: Any, draft: Suggestion, settings: LLMSettings, started: float
    ) -> None:
        self.store = store
        self.draft = draft
        self.settings = settings
        self.started = started
        self.prompt: PromptPreview | None = None
        self.raw_response: str | None = None  # the reply exactly as received, for the audit
        # The model's latency when a call was made; otherwise the time draft_for took.
        self.latency_ms: float | None = None

    def _scrub(self, text: str | None) -> str | None:
        """Belt and braces: the configured key can never reach the log, whatever echoed it."""
        key = self.settings.key_value()
        if text and key and len(key) >= 8:
            text = text.replace(key, "[REDACTED:api-key]")
        return text

    def _audit(self) -> dict[str, str | None]:
        """What left the machine and what came back, exactly (only the API key is masked)."""
        sent = None
        if self.prompt is not None:
            sent = json.dumps(self.prompt.as_dicts(), ensure_ascii=False, indent=1)
        return {"prompt_sent": self._scrub(sent), "raw_response": self._scrub(self.raw_response)}

    def _evidence(self) -> list[Evidence]:
        if self.prompt is None:
            return []
        p = self.prompt
        text = f"prompt {p.template_version} for {p.model}: {p.prompt_tokens} tokens (budget {p.budget})"
        if p.redactions:
            text += "; redacted before sending: " + ", ".join(
                f"{n} {k}" for k, n in sorted(p.redactions.items())
            )
        if p.trimmed:
            text += "; trimmed: " + "; ".join(p.trimmed)
        return [
            Evidence(
                kind="note",
                text=text,
                data={
                    "prompt_tokens": p.prompt_tokens,
                    "budget": p.budget,
                    "redactions": p.redactions,
                    "trimmed": p.trimmed,
                },
            )
        ]

    def finish(self, **fields: Any) -> Suggestion:
        latency = self.latency_ms
        if latency is None:
            latency = (time.perf_counter() - self.started) * 1000
        fields["latency_ms"] = round(latency, 1)
        fields["evidence"] = self._evidence()
        for name in ("body", "error"):
            if name in fields:
                fields[name] = clean(self._scrub(fields[name]))
        prompt_tokens = fields.get("prompt_tokens")
        completion_tokens = fields.get("completion_tokens")
        if prompt_tokens is not None and completion_tokens is not None:
            info = model_info(self.settings.model, api_base=self.settings.api_base)
            fields["cost"] = info.cost(prompt_tokens, completion_tokens)
        self.store.update_suggestion(self.draft.id, **fields, **self._audit())
        self.draft = self.draft.model_copy(update=fields)
        return self.draft

    def fail(self, error: str, *, partial: str = "", reason: str = "") -> Suggestion:
        body = ""
        if partial:
            why = {
                "cut": "the stream was cut off",
                "cancelled": "cancelled",
                "timeout": "the reply timed out",
            }.get(reason, "the call failed")
            body = partial.rstrip() + "\n\n" + PARTIAL_MARK.format(reason=why)
        fields: dict[str, Any] = {"status": "failed", "error": error, "body": body}
        if self.prompt is not None:
            fields["prompt_tokens"] = self.prompt.prompt_tokens
            fields["completion_tokens"] = count_text(partial, self.settings.model) if partial else 0
        return self.finish(**fields)
