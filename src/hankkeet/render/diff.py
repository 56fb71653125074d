"""`diff` as a table for people, JSON, or Markdown for a review. Each returns a string."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import assert_never

from hankkeet.diff import ChangeKind, Diff, FieldChange, ProjectChange, Value
from hankkeet.encode import dumps
from hankkeet.finnish import format_date, format_euros, format_staff
from hankkeet.locale import _
from hankkeet.render.draw import draw_table
from hankkeet.render.fields import field_label
from hankkeet.render.layout import Column, clipped, fit_table
from hankkeet.render.markdown import render_markdown

MONEY_FIELDS = frozenset({"budget", "city_share"})
HEADERS = ("change", "project", "field", "old", "new", "line")


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
            return [
                (
                    kind,
                    project.name,
                    f.name,
                    *old_and_new_text(change, f),
                    line_text(f.old_line, f.new_line),
                )
                for f in change.fields
            ]


def old_and_new_text(change: ProjectChange, field: FieldChange) -> tuple[str, str]:
    """A changed field's old and new value for people; staff in the Finnish form from the
    records themselves (the diff's own value is the machine form of its JSON)."""
    if field.name == "staff" and change.old is not None and change.new is not None:
        return (
            format_staff(change.old.staff) or "–",
            format_staff(change.new.staff) or "–",
        )
    return value_text(field.name, field.old), value_text(field.name, field.new)


def summary_text(diff: Diff) -> str:
    """'1 added, 0 removed, 1 renamed, 2 changed, 5 unchanged'."""
    counts = diff.counts()
    return ", ".join(f"{counts[k]} {k}" for k in (*(c.value for c in ChangeKind), "unchanged"))


def kind_text(kind: ChangeKind) -> str:
    """The kind of change in the active language (the JSON and Markdown keep the code)."""
    match kind:
        case ChangeKind.ADDED:
            return _("added")
        case ChangeKind.REMOVED:
            return _("removed")
        case ChangeKind.RENAMED:
            return _("renamed")
        case ChangeKind.CHANGED:
            return _("changed")


def summary_note(diff: Diff) -> str:
    """The summary line for people, in the active language."""
    counts = diff.counts()
    return _(
        "{added} added, {removed} removed, {renamed} renamed, {changed} changed, "
        "{unchanged} unchanged"
    ).format(**{k: counts[k] for k in (*(c.value for c in ChangeKind), "unchanged")})


def render_table(diff: Diff, width: int, color: bool) -> str:
    """A row per changed field (a project added or removed is one row), fitted to the width."""
    if not diff.changed:
        return ""
    rows = [
        (
            kind_text(change.kind),
            clipped(row[1], 300),
            field_label(row[2]) if row[2] else "",
            *(clipped(c, 300) for c in row[3:]),
        )
        for change in diff.changes
        for row in change_rows(change)
    ]
    headers = (_("Change"), _("Project"), _("Field"), _("Old"), _("New"), _("Line"))
    columns = [
        Column(header, tuple(r[i] for r in rows), right=i == 5, nowrap=i in (0, 5))
        for i, header in enumerate(headers)
    ]
    fitted, widths, _taken = fit_table(columns, width)
    return draw_table(fitted, widths, color)


def render_json(diff: Diff) -> str:
    """The diff's own dict: {"changed", "counts", "changes": [...]}, numbers exact."""
    return dumps(diff.to_dict(), indent=2) + "\n"


def render_markdown_diff(diff: Diff) -> str:
    """A summary line and a table of the changes, for a pull request or a review."""
    rows: list[dict[str, str | Decimal | int | None]] = [
        dict(zip(HEADERS, row, strict=True))
        for change in diff.changes
        for row in change_rows(change)
    ]
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
        case _:
            assert_never(fmt)
