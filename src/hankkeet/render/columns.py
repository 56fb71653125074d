"""A table for people of the columns chosen with --columns (money and dates the Finnish way)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from rich.table import Table
from rich.text import Text

from hankkeet.finnish import format_date, format_euros
from hankkeet.models import Project
from hankkeet.render.cells import flat_row
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


def columns_table(projects: Sequence[Project], columns: Sequence[str]) -> Table:
    """A row per project with only the chosen columns, in their order."""
    table = Table(show_lines=False, expand=False)
    for column in columns:
        if column in NUMBER_COLUMNS:
            table.add_column(column, justify="right", no_wrap=True)
        else:
            table.add_column(column, overflow="fold")
    for project in projects:
        row = flat_row(project)
        table.add_row(*(cell(people_cell(c, row.get(c)), 300) if c not in NUMBER_COLUMNS
                        else Text(people_cell(c, row.get(c))) for c in columns))
    return table
