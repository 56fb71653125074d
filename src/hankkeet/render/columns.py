"""A table for people of the columns chosen with --columns (money and dates the Finnish way)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from hankkeet.finnish import format_date, format_euros, format_staff
from hankkeet.flat import flat_row
from hankkeet.models import Project
from hankkeet.render.draw import draw_table
from hankkeet.render.layout import Column, fit_table
from hankkeet.render.table import cell

MONEY_COLUMNS = frozenset({"budget", "city_share"})
NUMBER_COLUMNS = MONEY_COLUMNS | {"city_share_year", "line", "score"}


def people_cell(column: str, value: str | Decimal | int | None) -> str:
    """One value for people: euros and dates in Finnish form, nothing for no value."""
    if value is None:
        return ""
    if column in MONEY_COLUMNS and isinstance(value, Decimal):
        return format_euros(value)
    if column in ("start", "end") and isinstance(value, str):
        return format_date(date.fromisoformat(value))
    return str(value)


def render_columns_table(
    projects: Sequence[Project], columns: Sequence[str], width: int, color: bool
) -> str:
    """A row per project with only the chosen columns, in their order, fitted to the width.

    The headers are the column names as --columns takes them (the same in every language).
    """
    if not projects:
        return ""  # the note on stderr says how many matched; an empty box says nothing
    # Staff for people, as `show` writes it (the flat row holds the machine form of CSV).
    rows = [{**flat_row(p), "staff": format_staff(p.staff)} for p in projects]
    table = [
        Column(
            name, tuple(people_cell(name, row.get(name)) for row in rows), right=True, nowrap=True
        )
        if name in NUMBER_COLUMNS
        else Column(name, tuple(cell(people_cell(name, row.get(name)), 300).plain for row in rows))
        for name in columns
    ]
    fitted, widths, _taken = fit_table(table, width)
    return draw_table(fitted, widths, color)
