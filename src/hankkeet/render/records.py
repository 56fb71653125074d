"""JSON and JSON Lines: the public record contract, exact numbers."""

from __future__ import annotations

from hankkeet.encode import dumps
from hankkeet.models import Project


def render_json(projects: list[Project]) -> str:
    """A JSON array of records (an empty array when nothing matched)."""
    return dumps([p.record() for p in projects], indent=2) + "\n"


def render_jsonl(projects: list[Project]) -> str:
    """One JSON record a line."""
    return "".join(dumps(p.record()) + "\n" for p in projects)
