"""The Coach app (Textual). The only package in Coach that imports Textual.

Modules here that do not need Textual (`commands`, `transcript`, `backend`) avoid importing it,
so they can be tested and reused without a terminal.
"""
