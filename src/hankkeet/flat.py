"""A project as a flat row of cells, and choosing its columns and rows (--columns, --limit).

The table, CSV, Markdown, JSON Lines with --columns and the workbook all write these cells:
render/ and export/ both sit above this module, neither above the other.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TypeVar

from hankkeet.locale import M_, HankkeetError
from hankkeet.models import Contact, Project, StaffPeriod

T = TypeVar("T")

# Column order of the flat formats (CSV, Markdown). Stable: spreadsheets depend on it.
COLUMNS = (
    "id",
    "name",
    "programme",
    "start",
    "end",
    "budget",
    "city_share",
    "city_share_year",
    "staff",
    "contacts",
    "funding",
    "summary",
    "path",
    "line",
)


# The column a merged record (`--merge`) adds after COLUMNS: its sources, each with the
# fields taken from it and their lines. Only when a record was merged: other output keeps
# COLUMNS exactly.
SOURCES_COLUMN = "sources"


def sources_text(project: Project) -> str:
    """'eura.csv:2 register (name 2, budget 2); sivu.html:5 page (contacts 9)': a merged
    record's sources, most trusted first, each with the fields taken from it and their
    lines ('' for a record read from one source)."""
    return "; ".join(
        f"{s.path}:{s.line} {s.kind}"
        + (
            " (" + ", ".join(f"{f} {line}" for f, line in s.fields.items()) + ")"
            if s.fields
            else ""
        )
        for s in project.sources
    )


def flat_columns(projects: Sequence[Project]) -> tuple[str, ...]:
    """The default columns of these records: COLUMNS, and SOURCES_COLUMN when one of them
    was merged from several sources."""
    if any(p.sources for p in projects):
        return (*COLUMNS, SOURCES_COLUMN)
    return COLUMNS


def staff_text(staff: list[StaffPeriod]) -> str:
    """'2.5 (2021-09-01–2021-12-31); 3 (2022-01-01–2023-07-31)': the machine form of the
    flat formats (CSV, JSON Lines with --columns), as the record writes numbers and dates;
    people's views write finnish.format_staff."""

    def one(s: StaffPeriod) -> str:
        span = f"{s.start.isoformat() if s.start else '…'}–{s.end.isoformat() if s.end else '…'}"
        return f"{s.count} ({span})"

    return "; ".join(one(s) for s in staff)


def contact_text(contact: Contact) -> str:
    """'projektipäällikkö Anne Oikarinen'."""
    return " ".join(filter(None, (contact.title, contact.name)))


def flat_row(project: Project) -> dict[str, str | Decimal | int | None]:
    """A project as one row of plain cells; numbers stay numbers."""
    return {
        "id": project.id,
        "name": project.name,
        "programme": project.programme,
        "start": project.start.isoformat() if project.start else None,
        "end": project.end.isoformat() if project.end else None,
        "budget": project.budget,
        "city_share": project.city_share,
        "city_share_year": project.city_share_year,
        "staff": staff_text(project.staff),
        "contacts": "; ".join(contact_text(c) for c in project.contacts),
        "funding": project.funding.text,
        "summary": project.summary,
        "path": project.source.path,
        "line": project.source.line,
        SOURCES_COLUMN: sources_text(project),
    }


class UnknownColumn(HankkeetError, ValueError):
    """A column name given to --columns is not one of the columns."""


def parse_columns(text: str | None, available: Sequence[str] = COLUMNS) -> tuple[str, ...]:
    """'name,budget' as column names in the order given; all columns when text is empty."""
    if not text or not text.strip():
        return tuple(available)
    chosen: list[str] = []
    for part in text.split(","):
        name = part.strip().casefold().replace("-", "_")
        if not name:
            continue
        if name not in available:
            raise UnknownColumn(
                M_(
                    "unknown column '{name}' in --columns; columns: {columns}",
                    name=part.strip(),
                    columns=",".join(available),
                )
            )
        if name not in chosen:
            chosen.append(name)
    if not chosen:
        raise UnknownColumn(
            M_("--columns needs column names; columns: {columns}", columns=",".join(available))
        )
    return tuple(chosen)


def limited(items: Sequence[T], limit: int | None) -> list[T]:
    """The first `limit` items (all of them when limit is None)."""
    return list(items if limit is None else items[:limit])
