"""Excel workbooks (.xlsx) of `list` and `totals`, written with XlsxWriter.

Numbers are numbers and dates are dates, so sums and filters work in Excel. Excel keeps
numbers as binary doubles: euros are exact to the cent up to about 10^13 €, far beyond any
budget. Number formats are stored the way the file format wants them (`#,##0.00 "€"`);
Excel shows them with the reader's own separators, so a Finnish Excel shows `1 234,56 €`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any

from hankkeet.diagnostics import Diagnostic
from hankkeet.export import MissingExtra
from hankkeet.flat import flat_row
from hankkeet.locale import M_
from hankkeet.models import LINE_OF_FIELD, Project

MONEY_FORMAT = '#,##0.00\\ "€"'
DATE_FORMAT = "d.m.yyyy"
DECIMAL_FORMAT = "0.00"
# Wider than this, a column wraps nobody's screen; the text is all there in the cell.
MAX_WIDTH = 60
MIN_WIDTH = 6

PROJECTS_SHEET = "Hankkeet"
TOTALS_SHEET = "Yhteenveto"
NOTES_SHEET = "Huomiot"
DIAGNOSTICS_SHEET = "Diagnostiikka"

# Which field's source line stands behind each value column of `list`.
LINE_FIELDS = LINE_OF_FIELD
DIAGNOSTIC_COLUMNS = ("path", "line", "column", "severity", "code", "project", "message")


class Kind(Enum):
    """How a column's cells are written and formatted."""

    TEXT = "text"
    MONEY = "money"
    DATE = "date"
    INTEGER = "integer"
    DECIMAL = "decimal"


PROJECT_KINDS: dict[str, Kind] = {
    "budget": Kind.MONEY,
    "city_share": Kind.MONEY,
    "start": Kind.DATE,
    "end": Kind.DATE,
    "city_share_year": Kind.INTEGER,
    "line": Kind.INTEGER,
}


@dataclass(frozen=True)
class Sheet:
    """One worksheet: a name, its columns with their kinds, and rows of plain values."""

    name: str
    columns: Sequence[str]
    kinds: Mapping[str, Kind]
    rows: Sequence[Mapping[str, Any]]


def line_column(column: str) -> str:
    """The name of the column that holds a value column's source line."""
    return f"{column}_line"


def project_sheet(projects: Iterable[Project], columns: Sequence[str]) -> Sheet:
    """The projects, one a row, each value column followed at the end by its source line."""
    lined = [c for c in columns if c in LINE_FIELDS]
    rows = []
    for project in projects:
        row: dict[str, Any] = dict(flat_row(project))
        row["start"], row["end"] = project.start, project.end
        for column in lined:
            row[line_column(column)] = project.lines.get(LINE_FIELDS[column]) or (
                project.lines.get("period") if column in ("start", "end") else None
            )
        rows.append(row)
    kinds = {**PROJECT_KINDS, **{line_column(c): Kind.INTEGER for c in lined}}
    return Sheet(PROJECTS_SHEET, [*columns, *(line_column(c) for c in lined)], kinds, rows)


def diagnostics_sheet(diagnostics: Iterable[Diagnostic]) -> Sheet:
    """Every finding of the inputs, with its file and line."""
    rows = [d.to_dict() for d in diagnostics]
    for row in rows:
        row["code"], row["severity"] = str(row["code"]), str(row["severity"])
    return Sheet(
        DIAGNOSTICS_SHEET, DIAGNOSTIC_COLUMNS, {"line": Kind.INTEGER, "column": Kind.INTEGER}, rows
    )


def totals_sheets(
    columns: Sequence[str], rows: Sequence[Mapping[str, Any]], notes: Sequence[str]
) -> list[Sheet]:
    """The totals (from the flat CSV columns and rows) and the notes on how they were made."""
    kinds: dict[str, Kind] = {}
    for column in columns:
        if column == "projects":
            kinds[column] = Kind.INTEGER
        elif column == "person_years":
            kinds[column] = Kind.DECIMAL
        elif column in ("budget", "city_share") or column.startswith(
            ("city_share_", "funding_", "year_")
        ):
            kinds[column] = Kind.MONEY
    sheets = [Sheet(TOTALS_SHEET, columns, kinds, rows)]
    sheets.append(Sheet(NOTES_SHEET, ["note"], {}, [{"note": n} for n in notes]))
    return sheets


def _display_width(value: Any, kind: Kind) -> int:
    """About how many characters Excel needs to show a value."""
    if value is None:
        return 0
    if kind is Kind.MONEY:
        return len(f"{Decimal(value):,.2f}") + 2
    if kind is Kind.DATE:
        return 10
    if kind is Kind.DECIMAL:
        return len(f"{Decimal(value):.2f}")
    return max((len(part) for part in str(value).split("\n")), default=0)


def column_widths(sheet: Sheet) -> list[int]:
    """A width per column that fits the header (with the filter button) and the values."""
    widths = []
    for column in sheet.columns:
        kind = sheet.kinds.get(column, Kind.TEXT)
        longest = max((_display_width(row.get(column), kind) for row in sheet.rows), default=0)
        widths.append(min(MAX_WIDTH, max(MIN_WIDTH, len(column) + 3, longest + 1)))
    return widths


def write_workbook(path: Path, sheets: Sequence[Sheet]) -> None:
    """Write the sheets to a new .xlsx file: header row frozen and filtered, widths fitted.

    MissingExtra when XlsxWriter is not installed.
    """
    try:
        import xlsxwriter  # type: ignore[import-untyped]
    except ImportError:
        raise MissingExtra(
            M_(
                "writing .xlsx needs XlsxWriter: pip install XlsxWriter "
                "(from a checkout of hankkeet: pip install '.[xlsx]')"
            )
        ) from None
    # Every cell is written with a typed method; these only guard against a future write().
    workbook = xlsxwriter.Workbook(
        str(path),
        {
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
        },
    )
    try:
        formats = {
            Kind.MONEY: workbook.add_format({"num_format": MONEY_FORMAT}),
            Kind.DATE: workbook.add_format({"num_format": DATE_FORMAT}),
            Kind.DECIMAL: workbook.add_format({"num_format": DECIMAL_FORMAT}),
            Kind.INTEGER: workbook.add_format({"num_format": "0"}),
        }
        header = workbook.add_format({"bold": True})
        for sheet in sheets:
            _write_sheet(workbook.add_worksheet(sheet.name), sheet, formats, header)
    finally:
        workbook.close()


def _write_sheet(worksheet: Any, sheet: Sheet, formats: Mapping[Kind, Any], header: Any) -> None:
    for col, name in enumerate(sheet.columns):
        worksheet.write_string(0, col, name, header)
    for row_number, row in enumerate(sheet.rows, start=1):
        for col, name in enumerate(sheet.columns):
            _write_cell(
                worksheet, row_number, col, row.get(name), sheet.kinds.get(name, Kind.TEXT), formats
            )
    for col, width in enumerate(column_widths(sheet)):
        worksheet.set_column(col, col, width)
    worksheet.freeze_panes(1, 0)
    worksheet.autofilter(0, 0, max(1, len(sheet.rows)), len(sheet.columns) - 1)


def _write_cell(
    worksheet: Any, row: int, col: int, value: Any, kind: Kind, formats: Mapping[Kind, Any]
) -> None:
    if value is None or value == "":
        return
    match kind:
        case Kind.TEXT:
            worksheet.write_string(row, col, str(value))
        case Kind.DATE:
            worksheet.write_datetime(
                row,
                col,
                value if isinstance(value, date) else date.fromisoformat(str(value)),
                formats[kind],
            )
        case Kind.MONEY | Kind.DECIMAL | Kind.INTEGER:
            worksheet.write_number(row, col, float(value), formats[kind])
