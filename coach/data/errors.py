"""The one exception the data layer raises for bad input."""

from __future__ import annotations


class DataError(Exception):
    """Bad input (missing column, unreadable file, ...): the message is shown to the user as is."""
