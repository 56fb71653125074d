"""Output formats: each a small module whose functions return text."""

from __future__ import annotations

from enum import StrEnum


class ListFormat(StrEnum):
    """Formats `list` can write."""

    TABLE = "table"
    JSON = "json"
    JSONL = "jsonl"
    CSV = "csv"
    MARKDOWN = "markdown"
    XLSX = "xlsx"
    SQLITE = "sqlite"
