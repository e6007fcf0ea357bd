"""The input line: questions and slash commands, with shell-like history on up/down.

PageUp/PageDown scroll the conversation without leaving the input; Home/End do too while the
line is empty (in a typed line they move the cursor, as in any input); ctrl+home/ctrl+end always
scroll.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.suggester import SuggestFromList
from textual.widgets import Input

from coach.tui.commands import COMMANDS


class PromptInput(Input):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "history(-1)", "Previous input", show=False),
        Binding("down", "history(1)", "Next input", show=False),
        Binding("pageup", "scroll_conversation('page_up')", "Scroll up", show=False),
        Binding("pagedown", "scroll_conversation('page_down')", "Scroll down", show=False),
        Binding("ctrl+home", "scroll_conversation('home')", "Top", show=False),
        Binding("ctrl+end", "scroll_conversation('end')", "Bottom", show=False),
        Binding("home", "home_or_top", "Start / top", show=False),
        Binding("end", "end_or_bottom", "End / bottom", show=False),
    ]

    def __init__(self, **kwargs: object) -> None:
        # Typing "/li" offers "/lint " (accept with →): commands are discoverable as you type.
        suggester = SuggestFromList(
            [f"/{spec.name}{' ' if spec.takes_args else ''}" for spec in COMMANDS],
            case_sensitive=False,
        )
        super().__init__(suggester=suggester, **kwargs)  # type: ignore[arg-type]
        self.history: list[str] = []
        self._cursor: int | None = None  # index into history while browsing, None = editing
        self._draft = ""

    def remember(self, text: str) -> None:
        """Add a submitted line to the history (no immediate duplicates)."""
        text = text.strip()
        if text and (not self.history or self.history[-1] != text):
            self.history.append(text)
        self._cursor = None
        self._draft = ""

    def action_history(self, step: int) -> None:
        if not self.history:
            return
        if self._cursor is None:
            if step > 0:
                return
            self._draft = self.value
            index = len(self.history) - 1
        else:
            index = self._cursor + step
        if index < 0:
            index = 0
        if index >= len(self.history):
            self._cursor = None
            self.value = self._draft
        else:
            self._cursor = index
            self.value = self.history[index]
        self.cursor_position = len(self.value)

    def action_scroll_conversation(self, where: str) -> None:
        scroll = getattr(self.screen, "scroll_conversation", None)
        if scroll is not None:
            scroll(where)

    def action_home_or_top(self) -> None:
        if self.value:
            self.cursor_position = 0
        else:
            self.action_scroll_conversation("home")

    def action_end_or_bottom(self) -> None:
        if self.value:
            self.cursor_position = len(self.value)
        else:
            self.action_scroll_conversation("end")
