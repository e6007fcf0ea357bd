"""The review screen: every logged suggestion, filters, full-text search, detail, decisions.

`coach review` opens it directly; `/review` or ctrl+r opens it over a session. Decisions are
written to the log at once (the log keeps the history; nothing is overwritten).
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Markdown, Select, Static

from coach.tui.backend import BackendError
from coach.tui.widgets.cards import DRAFT_LABEL, SEVERITY_STYLE, STATUS_STYLE

STATUSES = ("pending", "accepted", "rejected", "edited", "failed")
SOURCES = (("rule", "rule"), ("llm (drafts)", "llm"))
LIMIT = 1000


class ReviewScreen(Screen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "decide('accepted')", "Accept"),
        Binding("r", "decide('rejected')", "Reject"),
        Binding("n", "note", "Note"),
        Binding("slash", "focus_search", "Search"),
        Binding("f", "focus_filters", "Filters"),
        Binding("escape", "leave", "Back"),
        Binding("f1", "app.help", "Help"),
    ]

    def __init__(self, standalone: bool = False, filters: dict[str, str] | None = None) -> None:
        super().__init__()
        self.standalone = standalone
        self.initial = filters or {}
        self.views: dict[str, Any] = {}
        self.loaded = False
        self._shown_markdown = ""
        self.total = 0

    def compose(self):
        yield Header(icon="◆")
        with Horizontal(id="filters"):
            yield Select(
                [(s, s) for s in STATUSES],
                prompt="any status",
                value=self.initial.get("status", Select.NULL),
                id="filter-status",
                compact=True,
            )
            yield Select(
                list(SOURCES),
                prompt="any source",
                value=self.initial.get("source", Select.NULL),
                id="filter-source",
                compact=True,
            )
            yield Input(
                self.initial.get("rule", ""),
                placeholder="rule: LEAK…",
                id="filter-rule",
                compact=True,
            )
            yield Select([], prompt="any session", id="filter-session", compact=True)
            yield Input(
                self.initial.get("search", ""),
                placeholder="/ search text",
                id="filter-search",
                compact=True,
            )
        with Horizontal(id="review-body"):
            table: DataTable = DataTable(id="suggestions", cursor_type="row", zebra_stripes=True)
            yield table
            with VerticalScroll(id="detail", can_focus=False):
                yield Static(Content.from_markup("[dim]Loading the log…[/dim]"), id="detail-text")
                yield Markdown("", id="detail-rule")
        yield Static("", id="review-count")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Coach — review"
        table = self.query_one(DataTable)
        table.add_column("Status", key="status", width=9)
        table.add_column("Kind", key="kind", width=6)
        table.add_column("Rule", key="rule", width=8)
        table.add_column("Title", key="title")
        table.add_column("When", key="when", width=11)
        table.focus()
        self.call_after_refresh(self.app.start_background)  # type: ignore[attr-defined]
        if self.app.ready.is_set():  # type: ignore[attr-defined]
            self.load()

    @property
    def backend(self):
        return self.app.backend  # type: ignore[attr-defined]

    def show_error(self, message: str) -> None:
        self.query_one("#detail-text", Static).update(
            Content.from_markup("[b $error]Cannot open the log[/]\n$message", message=message)
        )

    # -- loading -----------------------------------------------------------------------------

    def load(self) -> None:
        """(Re)read the log with the current filters. The first call also fills the sessions."""
        store = self.backend.store
        if store is None:
            return
        if not self.loaded:
            self.loaded = True
            sessions = store.sessions(limit=100)
            select = self.query_one("#filter-session", Select)
            select.set_options(
                [(f"{s.created:%m-%d %H:%M} {s.title or s.id[:8]}", s.id) for s in sessions]
            )
            wanted = self.initial.get("session")
            if wanted:
                match = next((s.id for s in sessions if s.id.startswith(wanted)), None)
                if match:
                    select.value = match
        self.refresh_table()

    def filters(self) -> dict[str, str | None]:
        def select_value(selector: str) -> str | None:
            value = self.query_one(selector, Select).value
            return None if value is Select.NULL else str(value)

        return {
            "status": select_value("#filter-status"),
            "source": select_value("#filter-source"),
            "rule": self.query_one("#filter-rule", Input).value.strip() or None,
            "session": select_value("#filter-session"),
            "search": self.query_one("#filter-search", Input).value.strip() or None,
        }

    def query_log(self) -> list[Any]:
        store = self.backend.store
        f = self.filters()
        if f["search"]:
            views = store.search(f["search"], limit=LIMIT)
            return [v for v in views if _matches(v, f)]
        return store.list_suggestions(
            status=f["status"],
            source=f["source"],
            rule=f["rule"],
            session=f["session"],
            limit=LIMIT,
        )

    def refresh_table(self) -> None:
        if self.backend.store is None:
            return
        table = self.query_one(DataTable)
        current = self.current_id()
        views = self.query_log()
        self.views = {v.id: v for v in views}
        table.clear()
        for view in views:
            table.add_row(*_row(view), key=view.id)
        total = self.total = self.backend.store.count_suggestions()
        filtered = any(self.filters().values())
        self.query_one("#review-count", Static).update(
            Content.from_markup(
                "$shown of $total suggestions$what · [dim]a accept · r reject · n note · "
                "/ search · f filters[/dim]",
                shown=str(len(views)),
                total=str(total),
                what=" (filtered)" if filtered else "",
            )
        )
        if current in self.views:
            table.move_cursor(row=table.get_row_index(current))
        self.show_detail()

    # -- filters -----------------------------------------------------------------------------

    @on(Select.Changed)
    def _select_changed(self) -> None:
        if self.loaded:
            self.refresh_table()

    @on(Input.Changed, "#filter-rule, #filter-search")
    def _input_changed(self) -> None:
        if self.loaded:
            self.refresh_table()

    @on(Input.Submitted, "#filter-rule, #filter-search")
    def _input_submitted(self) -> None:
        self.query_one(DataTable).focus()

    # -- detail ------------------------------------------------------------------------------

    def current_id(self) -> str | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        try:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        except Exception:
            return None
        return key.value

    @on(DataTable.RowHighlighted)
    def _highlighted(self) -> None:
        self.show_detail()

    def show_detail(self) -> None:
        view = self.views.get(self.current_id() or "")
        text = self.query_one("#detail-text", Static)
        rule_text = detail_markdown(view, self.backend.rules) if view is not None else ""
        markdown = self.query_one("#detail-rule", Markdown)
        markdown.display = bool(rule_text)
        if rule_text != self._shown_markdown:
            self._shown_markdown = rule_text
            markdown.update(rule_text)
        if view is None:
            if not self.loaded:
                message = "Loading the log…"
            elif not self.total:
                message = (
                    "The log has no suggestions yet. Run `coach` (or `coach ask "
                    '"..."`) and every answer Coach gives is logged here for review.'
                )
            else:
                message = "No suggestions match. Change the filters (f) or the search (/)."
            text.update(Content.from_markup("[dim]$message[/dim]", message=message))
            return
        text.update(detail_content(view, self.backend.rules))

    # -- decisions -----------------------------------------------------------------------------

    def action_decide(self, status: str) -> None:
        view = self.views.get(self.current_id() or "")
        if view is None:
            return
        try:
            self.backend.review(view.id, status)
        except BackendError as exc:
            self.notify(str(exc), severity="error")
            return
        self._reload_one(view.id)
        self.notify(f"{status.capitalize()}: {view.title}", timeout=2)

    def action_note(self) -> None:
        view = self.views.get(self.current_id() or "")
        if view is None:
            return

        def save(note: str | None) -> None:
            if not note:
                return
            try:
                self.backend.annotate(view.id, note)
            except BackendError as exc:
                self.notify(str(exc), severity="error")
                return
            self._reload_one(view.id)
            self.notify("Note saved to the log.", timeout=2)

        self.app.ask_note(view, save)  # type: ignore[attr-defined]

    def _reload_one(self, suggestion_id: str) -> None:
        fresh = self.backend.store.get_suggestion(suggestion_id)
        if fresh is None:
            return
        self.views[suggestion_id] = fresh
        table = self.query_one(DataTable)
        table.update_cell(suggestion_id, "status", _row(fresh)[0])
        self.show_detail()

    # -- navigation ----------------------------------------------------------------------------

    def action_focus_search(self) -> None:
        self.query_one("#filter-search", Input).focus()

    def action_focus_filters(self) -> None:
        self.query_one("#filter-status", Select).focus()

    def action_leave(self) -> None:
        if not isinstance(self.focused, DataTable):
            self.query_one(DataTable).focus()
            return
        if self.standalone:
            self.app.exit()
        else:
            self.dismiss()


def _matches(view: Any, f: dict[str, str | None]) -> bool:
    if f["status"] and view.status != f["status"]:
        return False
    if f["source"] and view.source != f["source"]:
        return False
    if f["rule"] and not (view.rule or "").upper().startswith(f["rule"].upper()):
        return False
    return not (f["session"] and not (view.session_id or "").startswith(f["session"]))


def _row(view: Any) -> tuple[Content, Content, str, str, str]:
    style = STATUS_STYLE.get(view.status, "$text-muted")
    status = Content.from_markup(f"[{style}]$s[/]", s=view.status)
    kind = Content.from_markup("[b $accent]DRAFT[/]") if view.draft else Content("rule")
    return status, kind, view.rule or "", view.title, f"{view.created:%m-%d %H:%M}"


def detail_markdown(view: Any, rules: dict[str, Any]) -> str:
    """The rule's fix and why (Markdown with code examples), for rule suggestions."""
    rule = rules.get(view.rule or "")
    if rule is None or view.draft:
        return ""
    return f"**How to fix it.** {rule.fix}\n\n**Why it matters.** {rule.why}"


def detail_content(view: Any, rules: dict[str, Any]) -> Content:
    parts: list[Content] = []
    if view.draft:
        parts.append(Content.from_markup(f"[b reverse $accent] {DRAFT_LABEL} [/]\n"))
        parts.append(Content.from_markup("[b]$title[/b]\n", title=view.title))
    else:
        style = SEVERITY_STYLE.get(view.severity or "info", "$primary")
        parts.append(
            Content.from_markup(
                f"[b {style}]$rule $severity[/]  [b]$title[/b]\n",
                rule=view.rule or "",
                severity=view.severity or "",
                title=view.title,
            )
        )
    status_style = STATUS_STYLE.get(view.status, "$text-muted")
    parts.append(
        Content.from_markup(
            f"[{status_style}]● $status[/]  [dim]id $id · session $session · $when[/dim]\n",
            status=view.status,
            id=view.id,
            session=(view.session_id or "-")[:8],
            when=f"{view.created:%Y-%m-%d %H:%M}",
        )
    )
    if view.question_text:
        parts.append(Content.from_markup("\n[b]Question[/b]  “$q”\n", q=view.question_text))
    if view.body:
        parts.append(Content.from_markup("\n$body\n", body=view.body.strip()))
    if view.error:
        parts.append(Content.from_markup("\n[b $error]Failed:[/] $e\n", e=view.error))
    if view.evidence:
        parts.append(Content.from_markup("\n[b]Evidence[/b]\n"))
        for evidence in view.evidence:
            where = ""
            if evidence.location is not None:
                loc = evidence.location
                where = loc.path + (f":{loc.line}" if loc.line else "") + " "
            parts.append(Content.from_markup("  • $where$text\n", where=where, text=evidence.text))
    if view.draft and view.model:
        tokens = ""
        if view.prompt_tokens is not None or view.completion_tokens is not None:
            tokens = f" · {view.prompt_tokens or 0} + {view.completion_tokens or 0} tokens"
        parts.append(
            Content.from_markup("\n[dim]$model$tokens[/dim]\n", model=view.model, tokens=tokens)
        )
    if view.reviews:
        parts.append(Content.from_markup("\n[b]History[/b]\n"))
        for review in view.reviews:
            note = f" — {review.note}" if review.note else ""
            parts.append(
                Content.from_markup(
                    "  $when $status by $who$note\n",
                    when=f"{review.created:%Y-%m-%d %H:%M}",
                    status=review.status,
                    who=review.reviewer or "?",
                    note=note,
                )
            )
    return Content.assemble(*parts)
