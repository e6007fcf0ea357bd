"""The conversation's building blocks: the user's question, rule cards, draft cards, notices.

A rule card is an answer from the catalog (authoritative); a draft card is an LLM brainstorm and
must never be mistaken for one, so it has its own colour, border and the DRAFT label on top.
Cards that hold a logged suggestion are focusable and carry the review keys; the screen does the
writing (cards only ask for it with a message), so a card never touches the log itself.
"""

from __future__ import annotations

import re
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static

from coach.models import DRAFT_LABEL, Evidence, Rule, Suggestion

SEVERITY_STYLE = {"error": "$error", "warning": "$warning", "info": "$primary"}
STATUS_STYLE = {
    "pending": "$text-muted",
    "accepted": "$success",
    "rejected": "$error",
    "edited": "$accent",
    "failed": "$error",
}


class QuestionBubble(Static):
    """What the user asked, echoed into the conversation."""

    def __init__(self, text: str) -> None:
        super().__init__(Content.from_markup("[b]You[/b]  $text", text=text))


class Notice(Static):
    """A message from the app itself (help, an error, progress of an attached repo/dataset)."""

    def __init__(self, text: str | Content, kind: str = "info", title: str | None = None) -> None:
        body = text if isinstance(text, Content) else Content(text)
        if title:
            body = Content.assemble(Content.from_markup("[b]$title[/b]\n", title=title), body)
        super().__init__(body, classes=f"notice -{kind}")


class SuggestionCard(Vertical, can_focus=True):
    """Base of the reviewable cards: holds a logged suggestion and the review keys."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "review('accepted')", "Accept"),
        Binding("r", "review('rejected')", "Reject"),
        Binding("n", "note", "Note"),
        Binding("up,k", "step(-1)", "Previous card", show=False),
        Binding("down,j", "step(1)", "Next card", show=False),
    ]

    status: reactive[str] = reactive("pending")

    class ReviewRequested(Message):
        """The user pressed accept/reject (status) or note (status None) on a card."""

        def __init__(self, card: SuggestionCard, status: str | None) -> None:
            super().__init__()
            self.card = card
            self.status = status

    def __init__(self, suggestion: Suggestion | None, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.suggestion = suggestion
        if suggestion is not None:
            self.set_reactive(SuggestionCard.status, suggestion.status)
        self.notes: list[str] = []

    @property
    def suggestion_id(self) -> str | None:
        return self.suggestion.id if self.suggestion else None

    def status_line(self) -> Content:
        if self.suggestion is None:
            return Content("")
        style = STATUS_STYLE.get(self.status, "$text-muted")
        parts = [Content.from_markup(f"[{style}]● $status[/]", status=self.status)]
        if self.notes:
            parts.append(Content.from_markup("  [i]note: $note[/i]", note=self.notes[-1]))
        if self.status != "failed":
            parts.append(Content.from_markup("  [dim]a accept · r reject · n note[/dim]"))
        return Content.assemble(*parts)

    def watch_status(self, status: str) -> None:
        self.set_class(status == "accepted", "-accepted")
        self.set_class(status == "rejected", "-rejected")
        self._refresh_status()

    def _refresh_status(self) -> None:
        if self.is_mounted:
            self.query_one(".card-status", Static).update(self.status_line())

    def add_note(self, note: str) -> None:
        self.notes.append(note)
        self._refresh_status()

    def action_review(self, status: str) -> None:
        if self.suggestion is None:
            return
        self.post_message(self.ReviewRequested(self, status))

    def action_note(self) -> None:
        if self.suggestion is None:
            return
        self.post_message(self.ReviewRequested(self, None))

    def action_step(self, offset: int) -> None:
        cards = [c for c in self.screen.query(SuggestionCard) if c.suggestion is not None]
        if self not in cards:
            return
        index = cards.index(self) + offset
        if 0 <= index < len(cards):
            cards[index].focus()
            cards[index].scroll_visible()


class WhyToggle(Static):
    """ "▶ Why it matters": `w` on the card, or a click here, opens it."""

    def on_click(self) -> None:
        card = next((a for a in self.ancestors if isinstance(a, RuleCard)), None)
        if card is not None:
            card.focus()
            card.action_toggle_why()


class RuleCard(SuggestionCard):
    """A rule answer: severity colour, id and title, evidence, fix, and a "why" on demand."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("w,enter", "toggle_why", "Why?")]

    expanded: reactive[bool] = reactive(False)

    def __init__(
        self, suggestion: Suggestion | None, rule: Rule | None = None, severity: str | None = None
    ) -> None:
        severity = (
            severity
            or (suggestion.severity if suggestion else None)
            or (rule.severity if rule else "info")
        )
        super().__init__(suggestion, classes=f"card rule-card -{severity}")
        self.rule = rule
        self.severity = severity

    def compose(self):
        s = self.suggestion
        assert s is not None
        style = SEVERITY_STYLE.get(self.severity, "$primary")
        yield Static(
            Content.from_markup(
                f"[b {style}]$rule[/] [{style}]$severity[/]  [b]$title[/b]",
                rule=s.rule or "NOTE",
                severity=self.severity,
                title=s.title,
            ),
            classes="card-title",
        )
        body = answer_text(s.body, self.rule)
        if body:
            yield Static(Content(body), classes="card-body")
        evidence = _evidence_content(s, body)
        if evidence is not None:
            yield Static(evidence, classes="card-evidence")
        yield from self.compose_rule_details()
        yield Static(self.status_line(), classes="card-status")

    def compose_rule_details(self):
        """The fix in one paragraph, and the full why + fix (Markdown) behind `w`."""
        if self.rule is None:
            return
        yield Static(
            Content.from_markup("[b]Fix[/b]  $fix", fix=first_paragraph(self.rule.fix)),
            classes="card-fix",
        )
        yield WhyToggle(self._why_toggle(), classes="card-why")

    def _why_toggle(self) -> Content:
        if self.expanded:
            return Content.from_markup("[b]▼ Why it matters, and the full fix[/b] [dim](w)[/dim]")
        return Content.from_markup("[dim]▶ Why it matters, and the full fix (w)[/dim]")

    def watch_expanded(self, expanded: bool) -> None:
        if not self.is_mounted or self.rule is None:
            return
        toggle = self.query_one(".card-why", Static)
        toggle.update(self._why_toggle())
        existing = self.query(".card-why-text")
        if expanded and not existing:
            from textual.widgets import Markdown

            text = f"**Why it matters.** {self.rule.why}\n\n**How to fix it.** {self.rule.fix}"
            self.mount(Markdown(text, classes="card-why-text"), after=toggle)
        elif not expanded:
            existing.remove()

    def action_toggle_why(self) -> None:
        self.expanded = not self.expanded


def answer_text(body: str, rule: Rule | None) -> str:
    """The specific answer of a logged rule suggestion, without the catalog's fix appended to
    it for the log (the card shows the fix itself, short, with the full text behind `w`)."""
    body = body.strip()
    if rule is not None:
        fix = rule.fix.strip()
        if fix and body.endswith(fix):
            body = body[: -len(fix)].rstrip()
            for label in ("How to fix:", "How to fix it:", "Fix:"):
                if body.endswith(label):
                    body = body[: -len(label)].rstrip()
    return body


def first_paragraph(text: str) -> str:
    """The first paragraph of a Markdown text, on one line (cards stay short). A paragraph that
    introduces something with a colon is not left hanging: a list that follows is folded in,
    code is pointed to (the full text, with the code, is behind `w`)."""
    blocks = text.strip().split("\n\n")
    if blocks[0].lstrip().startswith(("- ", "* ")):  # a list: its first item, the rest on `w`
        first = re.split(r"(?m)^\s*[-*]\s+", blocks[0].strip())[1]
        return " ".join(first.split()) + " (more: w)"
    paragraph = " ".join(blocks[0].split())
    if not paragraph.endswith(":") or len(blocks) < 2:
        return paragraph
    following = blocks[1].strip()
    if following.startswith(("- ", "* ", "1. ")):
        items = [
            " ".join(item.split()).rstrip(";.")
            for item in re.split(r"(?m)^\s*(?:[-*]|\d+\.)\s+", following)
            if item.strip()
        ]
        return f"{paragraph} {'; '.join(items)}."
    return paragraph[:-1].rstrip() + " — the example code is behind w."


class DraftCard(SuggestionCard):
    """An LLM brainstorm, streamed in as it arrives. Never an answer: the label says so."""

    def __init__(self, suggestion: Suggestion | None = None, title: str | None = None) -> None:
        super().__init__(suggestion, classes="card draft-card")
        self.text = suggestion.body if suggestion else ""
        self.title = title or (suggestion.title if suggestion else "Brainstorm")
        self.state = "done" if suggestion else "streaming"
        self.error = suggestion.error if suggestion else None

    def compose(self):
        yield Static(Content.from_markup(f"[b reverse] {DRAFT_LABEL} [/]"), classes="draft-label")
        yield Static(Content.from_markup("[b]$title[/b]", title=self.title), classes="card-title")
        yield Static(self._body(), classes="card-body")
        yield Static(self._meta(), classes="card-meta")
        yield Static(self.status_line(), classes="card-status")

    def _body(self) -> Content:
        if not self.text and self.state == "streaming":
            return Content.from_markup("[dim]waiting for the model…[/dim]")
        return Content(self.text.strip() if self.state != "streaming" else self.text)

    def _meta(self) -> Content:
        if self.state == "streaming":
            return Content.from_markup("[dim]streaming… (Esc cancels)[/dim]")
        if self.error:
            return Content.from_markup("[b $error]Draft failed:[/] $error", error=self.error)
        s = self.suggestion
        if s is None:
            return Content("")
        bits = [b for b in (s.model, _tokens(s), _latency(s)) if b]
        return Content.from_markup("[dim]$meta[/dim]", meta=" · ".join(bits))

    def append_text(self, chunk: str) -> None:
        self.text += chunk
        if self.is_mounted:
            self.query_one(".card-body", Static).update(self._body())

    def finish(self, suggestion: Suggestion | None, error: str | None = None) -> None:
        """The stream ended: show the logged draft (or the failure) and enable review keys."""
        self.state = "done"
        if suggestion is not None:
            self.suggestion = suggestion
            self.text = suggestion.body or self.text
            self.title = suggestion.title or self.title
            self.error = suggestion.error
            self.status = suggestion.status
        if error:
            self.error = error
        self.set_class(bool(self.error), "-failed")
        if self.is_mounted:
            self.query_one(".card-title", Static).update(
                Content.from_markup("[b]$title[/b]", title=self.title)
            )
            self.query_one(".card-body", Static).update(self._body())
            self.query_one(".card-meta", Static).update(self._meta())
            self._refresh_status()


def _place(evidence: Evidence) -> str:
    loc = evidence.location
    if loc is None:
        return ""
    where = loc.path + (f" cell {loc.cell}" if loc.cell is not None else "")
    return where + (f":{loc.line}" if loc.line else "")


def _without_place(text: str, evidence: Evidence) -> str:
    """The evidence text without a leading "path:line: " (the card shows the place itself, so
    the router's "examples/train.py:14: ..." would read "train.py:14 train.py:14: ...")."""
    loc = evidence.location
    if loc is not None and text.startswith(loc.path):
        head, sep, rest = text.partition(": ")
        if sep and len(head) <= len(loc.path) + 24:
            return rest
    return text


def _evidence_content(s: Suggestion, body: str) -> Content | None:
    """The evidence lines, leaving out what the card's body already says word for word (data
    findings repeat their message as evidence); None when nothing is left to show. Places in the
    attached project that break the same rule come last, under "In your project"."""
    lines = []
    project = []
    for evidence in s.evidence:
        where = _place(evidence)
        text = _without_place(evidence.text.strip(), evidence)
        repeated = bool(text) and text in body
        if repeated and not where:
            continue
        if evidence.kind == "question":
            text = f"“{text}”"
        if repeated:
            text = ""  # the body says it; the place is the evidence
        if evidence.kind == "code" and where:
            project.append(Content.from_markup("  • [b]$where[/b] $text", where=where, text=text))
        elif where:
            lines.append(Content.from_markup("  • [b]$where[/b] $text", where=where, text=text))
        else:
            lines.append(Content.from_markup("  • $text", text=text))
    parts = []
    if lines:
        parts += [Content.from_markup("[b]Evidence[/b]"), *lines]
    if project:
        head = "[b]In your project[/b] — this code does exactly this [dim](ctrl+l opens it)[/dim]"
        parts += [Content.from_markup(head), *project]
    if not parts:
        return None
    return Content("\n").join(parts)


def _tokens(s: Suggestion) -> str | None:
    if s.prompt_tokens is None and s.completion_tokens is None:
        return None
    return f"{s.prompt_tokens or 0} prompt + {s.completion_tokens or 0} completion tokens"


def _latency(s: Suggestion) -> str | None:
    return f"{s.latency_ms / 1000:.1f} s" if s.latency_ms else None
