"""Rich tables for people at a terminal. User text is passed as Text, never as markup."""

from __future__ import annotations

import io

from rich.console import Console
from rich.table import Table
from rich.text import Text

from hankkeet.finnish import format_euros
from hankkeet.models import Project
from hankkeet.render.cells import contact_text, period_text

# A table is for reading: a cell longer than this is cut, with a note of how much is left
# (machine formats always carry the whole text). Rich wraps long cells in more than linear
# time, so a 5 MB title must not reach it whole.
CELL_MAX = 1000


def cell(value: str, limit: int = CELL_MAX) -> Text:
    """User text for a table cell: never markup, and cut when very long."""
    if len(value) <= limit:
        return Text(value)
    return Text(f"{value[:limit]}… ({len(value) - limit} more characters)")


def to_text(table: Table | Text, width: int, color: bool) -> str:
    """Render a Rich object to a string at a fixed width."""
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, color_system="standard" if color else None,
                      force_terminal=color, no_color=not color, highlight=False,
                      emoji=False, markup=False)
    console.print(table)
    return buffer.getvalue()


def city_share_text(project: Project, sep: str = " ") -> str:
    """The city share, with the one year it covers when the text says so."""
    if project.city_share is None:
        return ""
    money = format_euros(project.city_share)
    return f"{money}{sep}(v. {project.city_share_year})" if project.city_share_year else money


def project_table(projects: list[Project], title: str | None = None) -> Table:
    """The list table: name, programme, period, budget, city share, contacts."""
    table = Table(title=Text(title) if title else None, show_lines=False, expand=False)
    table.add_column("Hanke", overflow="fold", ratio=3, min_width=16)
    table.add_column("Ohjelma", overflow="fold", min_width=8)
    table.add_column("Toiminta-aika", min_width=11)
    table.add_column("Budjetti", justify="right", no_wrap=True)
    table.add_column("Kaupungin\nosuus", justify="right", no_wrap=True)
    table.add_column("Yhteyshenkilöt", overflow="fold", ratio=2, min_width=12)
    for p in projects:
        table.add_row(
            cell(p.name, 200), cell(p.programme or "–"),
            Text(period_text(p).replace("–", " – ")),
            Text(format_euros(p.budget)), Text(city_share_text(p, "\n")),
            cell("\n".join(contact_text(c) for c in p.contacts), 300),
        )
    return table
