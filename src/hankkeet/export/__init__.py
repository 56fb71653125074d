"""Where the data goes next: files written atomically, workbooks, SQLite."""

from __future__ import annotations

from hankkeet.locale import HankkeetError


class MissingExtra(HankkeetError, RuntimeError):
    """An optional writer is not installed; the message says which extra brings it."""


class InexactMoney(HankkeetError, ValueError):
    """An amount has fractions of a cent and cannot be stored exactly as integer cents."""


class DatabaseError(RuntimeError):
    """SQLite could not write the database; the message is SQLite's own."""
