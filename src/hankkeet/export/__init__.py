"""Where the data goes next: files written atomically, workbooks, SQLite, SARIF."""

from __future__ import annotations


class MissingExtra(RuntimeError):
    """An optional writer is not installed; the message says which extra brings it."""
