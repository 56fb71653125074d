"""`diff` as a table for people, JSON, or Markdown for a review. Each returns a string."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import StrEnum

from rich.table import Table
from rich.text import Text

from hankkeet.diff import ChangeKind, Diff, ProjectChange, Value
from hankkeet.encode import dumps
from hankkeet.finnish import format_date, format_euros
from hankkeet.render.markdown import render_markdown
from hankkeet.render.table import cell, to_text

MONEY_FIELDS = frozenset({"budget", "city_share"})
HEADERS = ("change", "project", "field", "old", "new", "line")
_STYLE = {ChangeKind.ADDED: "green", ChangeKind.REMOVED: "red", ChangeKind.RENAMED: "yellow",
          ChangeKind.CHANGED: "cyan"}


class DiffFormat(StrEnum):
    """Formats `diff` can write."""

    TABLE = "table"
    JSON = "json"
    MARKDOWN = "markdown"


def value_text(name: str, value: Value) -> str:
    """A field's value for people: euros and dates the Finnish way, '–' for none."""
    if value is None:
        return "–"
    if isinstance(value, Decimal):
        return format_euros(value) if name in MONEY_FIELDS else str(value)
    if isinstance(value, date):
        return format_date(value)
    return str(value)


def line_text(old: int | None, new: int | None) -> str:
    """'67', or '67 → 69' when the line moved."""
    if old == new or old is None or new is None:
        return str(new or old or "")
    return f"{old} → {new}"


def change_rows(change: ProjectChange) -> list[tuple[str, str, str, str, str, str]]:
    """The rows of one change: one for the project, one per changed field."""
    kind = change.kind.value
    project = change.project
    match change.kind:
        case ChangeKind.ADDED | ChangeKind.REMOVED:
            return [(kind, project.name, "", "", "", str(project.source.line))]
        case ChangeKind.RENAMED | ChangeKind.CHANGED:
            return [(kind, project.name, f.name, value_text(f.name, f.old),
                     value_text(f.name, f.new), line_text(f.old_line, f.new_line))
                    for f in change.fields]


def summary_text(diff: Diff) -> str:
    """'1 added, 0 removed, 1 renamed, 2 changed, 5 unchanged'."""
    counts = diff.counts()
    return ", ".join(f"{counts[k]} {k}" for k in (*(c.value for c in ChangeKind), "unchanged"))


def render_table(diff: Diff, width: int, color: bool) -> str:
    """A row per changed field (a project added or removed is one row)."""
    if not diff.changed:
        return ""
    table = Table(expand=False)
    for header in HEADERS:
        table.add_column(header.capitalize(), overflow="fold",
                         no_wrap=header in ("change", "line"))
    for change in diff.changes:
        for row in change_rows(change):
            first, *rest = row
            table.add_row(Text(first, style=_STYLE[change.kind]), *(cell(c) for c in rest))
    return to_text(table, width, color)


def render_json(diff: Diff) -> str:
    """The diff's own dict: {"changed", "counts", "changes": [...]}, numbers exact."""
    return dumps(diff.to_dict(), indent=2) + "\n"


def render_markdown_diff(diff: Diff) -> str:
    """A summary line and a table of the changes, for a pull request or a review."""
    rows: list[dict[str, str | Decimal | int | None]] = [
        dict(zip(HEADERS, row, strict=True))
        for change in diff.changes for row in change_rows(change)]
    return f"**{summary_text(diff)}**\n\n" + render_markdown(HEADERS, rows)


def render_diff(diff: Diff, fmt: DiffFormat, width: int = 100, color: bool = False) -> str:
    """The diff in the chosen format."""
    match fmt:
        case DiffFormat.TABLE:
            return render_table(diff, width, color)
        case DiffFormat.JSON:
            return render_json(diff)
        case DiffFormat.MARKDOWN:
            return render_markdown_diff(diff)
