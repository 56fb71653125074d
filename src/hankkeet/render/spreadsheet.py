"""CSV (RFC 4180) with spreadsheet formula injection neutralised; an Excel dialect."""

from __future__ import annotations

import csv as _csv
import io
from collections.abc import Sequence
from decimal import Decimal

from hankkeet.encode import decimal_text

# A text cell starting with one of these is a formula to a spreadsheet.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: str | Decimal | int | None, excel: bool = False) -> str:
    """A cell's text: numbers as numbers (decimal comma for Excel), text defused."""
    if value is None:
        return ""
    if isinstance(value, (Decimal, int)):
        text = decimal_text(Decimal(value))
        return text.replace(".", ",") if excel else text
    if value.startswith(_FORMULA_START):
        return "'" + value
    return value


def render_rows(
    columns: Sequence[str],
    rows: Sequence[dict[str, str | Decimal | int | None]],
    excel: bool = False,
) -> str:
    """CSV text: header and rows, CRLF line ends; Excel: ';', decimal commas, UTF-8 BOM."""
    out = io.StringIO()
    writer = _csv.writer(out, delimiter=";" if excel else ",", lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([safe_cell(row.get(c), excel) for c in columns])
    return ("\ufeff" if excel else "") + out.getvalue()
