"""The Textual themes Coach can start with (`--theme`); the palette switches them at run time."""

from __future__ import annotations


def theme_names() -> list[str]:
    from textual.theme import BUILTIN_THEMES

    return sorted(BUILTIN_THEMES)
