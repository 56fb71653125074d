"""`list` and `show` as text: the records as JSON, JSON Lines, CSV, Markdown or a table.

JSON and JSON Lines are the public record contract, with exact numbers. Each function
returns a string (or, for the streamed formats, the strings of a header and of one row).
The table modules load only when a table is drawn, so the machine formats start without
Rich (which draws only coloured tables; render/plain.py draws the rest).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from enum import StrEnum
from typing import assert_never

from hankkeet.encode import dumps
from hankkeet.flat import COLUMNS, flat_columns, flat_row
from hankkeet.models import Project
from hankkeet.render import ListFormat
from hankkeet.render.markdown import render_markdown
from hankkeet.render.spreadsheet import render_rows


def render_json(projects: list[Project]) -> str:
    """A JSON array of records (an empty array when nothing matched)."""
    return dumps([p.record() for p in projects], indent=2) + "\n"


def render_jsonl(projects: list[Project]) -> str:
    """One JSON record a line."""
    return "".join(dumps(p.record()) + "\n" for p in projects)


def render_list(
    projects: list[Project],
    fmt: ListFormat,
    excel: bool = False,
    width: int = 100,
    color: bool = False,
    ids: bool = False,
    columns: tuple[str, ...] | None = None,
) -> str:
    """The projects in a text format; --columns makes JSON and JSON Lines flat rows of those
    columns and the table a plain table of them (with --ids, the id column first)."""
    return render_list_noted(projects, fmt, excel, width, color, ids, columns)[0]


def render_list_noted(
    projects: list[Project],
    fmt: ListFormat,
    excel: bool = False,
    width: int = 100,
    color: bool = False,
    ids: bool = False,
    columns: tuple[str, ...] | None = None,
) -> tuple[str, str]:
    """render_list's text, and a note for stderr on what the width hid (the table's; empty
    for the other formats)."""
    if fmt is ListFormat.TABLE and columns is None:
        from hankkeet.render.table import project_table

        return project_table(projects, width, color, ids)
    return _render_list(projects, fmt, excel, width, color, ids, columns), ""


def _render_list(
    projects: list[Project],
    fmt: ListFormat,
    excel: bool,
    width: int,
    color: bool,
    ids: bool,
    columns: tuple[str, ...] | None,
) -> str:
    match fmt:
        case ListFormat.JSON if columns is not None:
            return dumps([_picked(p, columns) for p in projects], indent=2) + "\n"
        case ListFormat.JSON:
            return render_json(projects)
        case ListFormat.JSONL if columns is not None:
            return "".join(_picked_line(p, columns) for p in projects)
        case ListFormat.JSONL:
            return render_jsonl(projects)
        case ListFormat.CSV:
            return render_rows(
                columns or flat_columns(projects), [flat_row(p) for p in projects], excel=excel
            )
        case ListFormat.MARKDOWN:
            return render_markdown(
                columns or flat_columns(projects), [flat_row(p) for p in projects]
            )
        case ListFormat.TABLE if columns is not None:
            from hankkeet.render.columns import render_columns_table

            shown = ("id", *columns) if ids and "id" not in columns else columns
            return render_columns_table(projects, shown, width, color)
        case ListFormat.TABLE:
            from hankkeet.render.table import render_project_table

            return render_project_table(projects, width, color, ids)
        case ListFormat.XLSX | ListFormat.SQLITE:
            raise ValueError(f"{fmt.value} is a file format, not text")
        case _:
            assert_never(fmt)


class ShowFormat(StrEnum):
    """Formats `show` can write: the text formats of `list` (its files are `list -o FILE`'s)."""

    TABLE = "table"
    JSON = "json"
    JSONL = "jsonl"
    CSV = "csv"
    MARKDOWN = "markdown"


def render_project(
    project: Project,
    fmt: ShowFormat,
    width: int = 100,
    color: bool = False,
    where: str | None = None,
) -> str:
    """`show`: one project; the table is every field with the line it came from (`where`
    tells the source when path:line does not say it all), JSON the record (indented), and
    the other text formats as `list` writes a list of one."""
    match fmt:
        case ShowFormat.TABLE:
            from hankkeet.render.show import render_show

            return render_show(project, width, color, where)
        case ShowFormat.JSON:
            return dumps(project.record(), indent=2) + "\n"
        case ShowFormat.JSONL | ShowFormat.CSV | ShowFormat.MARKDOWN:
            return render_list([project], ListFormat(fmt.value))
        case _:
            assert_never(fmt)


def streams(fmt: ListFormat) -> bool:
    """Whether `list` writes this format a row at a time (row_writer), never holding the
    projects; the others need every project first (a JSON array, a fitted table, a file)."""
    match fmt:
        case ListFormat.JSONL | ListFormat.CSV:
            return True
        case (
            ListFormat.TABLE
            | ListFormat.JSON
            | ListFormat.MARKDOWN
            | ListFormat.XLSX
            | ListFormat.SQLITE
        ):
            return False
        case _:
            assert_never(fmt)


def row_writer(
    fmt: ListFormat, excel: bool, columns: tuple[str, ...] | None
) -> tuple[str, Callable[[Project], str]]:
    """For a format that streams: the text before the rows (the CSV header) and one
    project's row, as render_list writes them."""
    match fmt:
        case ListFormat.CSV:
            shown = columns or COLUMNS
            return render_rows(shown, [], excel=excel), lambda p: render_rows(
                shown, [flat_row(p)], excel=excel
            ).split("\r\n", 1)[1]
        case ListFormat.JSONL if columns is not None:
            return "", lambda p: _picked_line(p, columns)
        case ListFormat.JSONL:
            return "", lambda p: dumps(p.record()) + "\n"
        case (
            ListFormat.TABLE
            | ListFormat.JSON
            | ListFormat.MARKDOWN
            | ListFormat.XLSX
            | ListFormat.SQLITE
        ):
            raise ValueError(f"{fmt.value} is not written a row at a time")
        case _:
            assert_never(fmt)


def _picked(project: Project, columns: tuple[str, ...]) -> dict[str, str | Decimal | int | None]:
    """One project as the flat cells of the chosen columns."""
    row = flat_row(project)
    return {c: row[c] for c in columns}


def _picked_line(project: Project, columns: tuple[str, ...]) -> str:
    """One project as a flat JSON line of the chosen columns."""
    return dumps(_picked(project, columns)) + "\n"
