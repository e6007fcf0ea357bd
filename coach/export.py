"""Render logged suggestions for people and other tools: JSON Lines, CSV, Markdown.

Every format marks LLM output as a draft, and none ever contains an API key (the log holds none)
or a terminal escape sequence (the store's views are cleaned by `coach.sanitize`).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable

from coach.models import DRAFT_LABEL
from coach.store import SuggestionView

CSV_COLUMNS = [
    "id",
    "created",
    "session_id",
    "question",
    "source",
    "draft",
    "rule",
    "severity",
    "status",
    "title",
    "body",
    "edited_body",
    "evidence",
    "model",
    "prompt_tokens",
    "completion_tokens",
    "cost",
    "error",
    "last_note",
]


def _record(view: SuggestionView) -> dict[str, object]:
    # The audit columns (exact prompt, raw reply) stay in the log: `coach log show` shows them.
    data = view.model_dump(
        mode="json", exclude={"reviews", "question_text", "prompt_sent", "raw_response"}
    )
    data["question"] = view.question_text
    data["label"] = DRAFT_LABEL if view.draft else "rule"
    data["reviews"] = [r.model_dump(mode="json") for r in view.reviews]
    data["edited_body"] = view.edited_body
    return data


def to_jsonl(views: Iterable[SuggestionView]) -> str:
    return "".join(json.dumps(_record(v), ensure_ascii=False) + "\n" for v in views)


def to_csv(views: Iterable[SuggestionView]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    for view in views:
        row = _record(view)
        row["draft"] = "DRAFT" if view.draft else ""
        row["evidence"] = "; ".join(e.text for e in view.evidence)
        notes = [r.note for r in view.reviews if r.note]
        row["last_note"] = notes[-1] if notes else ""
        writer.writerow(row)
    return buffer.getvalue()


def suggestion_markdown(view: SuggestionView) -> str:
    """One suggestion as a Markdown block (shared by the log export and session transcripts)."""
    if view.draft:
        head = f"### {DRAFT_LABEL}: {view.title}"
    else:
        head = f"### {view.rule or 'note'} · {view.severity or ''} · {view.title}".replace(
            " ·  ·", " ·"
        )
    lines = [head, ""]
    meta = [f"status: {view.status}", f"id: `{view.id}`"]
    if view.model:
        meta.append(f"model: {view.model}")
    lines.append("_" + " · ".join(meta) + "_")
    lines.append("")
    if view.evidence:
        lines.append("Evidence:")
        lines.extend(f"- {e.text}" for e in view.evidence)
        lines.append("")
    if view.body:
        body = view.body.strip()
        if view.draft:
            body = "\n".join(f"> {line}" if line else ">" for line in body.splitlines())
        lines.append(body)
        lines.append("")
    if view.edited_body is not None:
        lines.append("**Edited by the reviewer:**")
        lines.append("")
        lines.append(view.edited_body.strip())
        lines.append("")
    if view.error:
        lines.append(f"**Failed:** {view.error}")
        lines.append("")
    for review in view.reviews:
        note = f" — {review.note}" if review.note else ""
        lines.append(f"- review: **{review.status}** by {review.reviewer}{note}")
    if view.reviews:
        lines.append("")
    return "\n".join(lines)


def to_markdown(views: Iterable[SuggestionView], title: str = "Coach suggestions") -> str:
    """Suggestions grouped under the question they answer, oldest question first."""
    groups: dict[str, list[SuggestionView]] = {}
    questions: dict[str, str] = {}
    for view in sorted(views, key=lambda v: v.created):
        key = view.question_id or "-"
        groups.setdefault(key, []).append(view)
        questions[key] = view.question_text or "(no question)"
    out = [f"# {title}", ""]
    for key, items in groups.items():
        out.append(f"## Q: {questions[key]}")
        out.append("")
        out.extend(suggestion_markdown(v) for v in items)
    return "\n".join(out).rstrip() + "\n"


FORMATS = {"jsonl": to_jsonl, "csv": to_csv, "markdown": to_markdown}
