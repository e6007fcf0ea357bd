"""A small dialog for a review note: Enter saves, Esc cancels (nothing is written)."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static


class NoteScreen(ModalScreen[str | None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str) -> None:
        super().__init__()
        self.suggestion_title = title

    def compose(self):
        with Vertical(id="note-dialog"):
            yield Static(
                Content.from_markup("[b]Note on[/b] $title", title=self.suggestion_title),
                id="note-title",
            )
            yield Input(placeholder="Why you accept, reject or doubt it…", id="note-input")
            yield Static(
                Content.from_markup("[dim]Enter saves to the log · Esc cancels[/dim]"),
                id="note-help",
            )

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def save(self, event: Input.Submitted) -> None:
        note = event.value.strip()
        if not note:
            self.notify("An empty note is not saved; Esc cancels.", severity="warning")
            return
        self.dismiss(note)

    def action_cancel(self) -> None:
        self.dismiss(None)
