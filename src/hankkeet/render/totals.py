"""Totals as text: a Rich table, JSON, CSV (or Excel CSV), Markdown, and --chart bars.

The table, Markdown and the chart are for people: Finnish number formatting ('1 857 889 €',
NBSP between thousands, decimal comma) and the notes on how the sums were made. JSON and CSV
are for machines: exact numbers, stable column names, no formatting.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Any

from rich import box
from rich.cells import cell_len
from rich.table import Table
from rich.text import Text

from hankkeet.encode import dumps
from hankkeet.finnish import format_euros, format_number
from hankkeet.render.charts import Bar, bar_chart
from hankkeet.render.markdown import render_markdown
from hankkeet.render.spreadsheet import render_rows
from hankkeet.render.table import cell, to_text
from hankkeet.totals import FUNDER_KINDS, UNKNOWN_YEAR, GroupBy, Measures, Totals, round_places


class TotalsFormat(StrEnum):
    """Formats `totals` can write."""

    TABLE = "table"
    JSON = "json"
    CSV = "csv"
    MARKDOWN = "markdown"
    XLSX = "xlsx"


GROUP_HEADERS: dict[GroupBy, str] = {
    GroupBy.PROGRAMME: "Ohjelma", GroupBy.FUNDER: "Rahoittaja", GroupBy.CONTACT: "Yhteyshenkilö",
}
FUNDER_LABELS: dict[str, str] = {"eu_state": "EU ja valtio", "municipal": "kunnat",
                                 "other": "muut"}
# Column headers wrap by hand, so no header line is wider than the numbers under it.
FUNDING_HEADERS: dict[str, str] = {"eu_state": "Rahoitus\nEU ja\nvaltio",
                                   "municipal": "Rahoitus\nkunnat", "other": "Rahoitus\nmuut"}
TOTAL_LABEL = "Yhteensä"
UNKNOWN_LABEL = "tuntematon"
NO_VALUE = "–"
# A key column is never narrower than its longest word, up to this many cells.
KEY_MAX_WORD = 24
# Cells between columns: the (blank) divider and the padding.
COLUMN_GAP = 2
CENT = Decimal("0.01")


def money_text(value: Decimal | None) -> str:
    """Euros for people: whole euros without decimals, otherwise cents ('4 979,20 €')."""
    if value is None:
        return ""
    if value == value.to_integral_value():
        value = value.quantize(Decimal(1))
    elif value == value.quantize(CENT):
        value = value.quantize(CENT)
    return format_euros(value)


def person_years_text(measures: Measures) -> str:
    """Person-years to two decimals, decimal comma ('5,58'); empty when unknown."""
    if measures.person_years is None:
        return ""
    return format_number(round_places(measures.person_years))


def key_text(group: GroupBy, value: str | None) -> str:
    """A row key for people: funder kinds in words, '–' for 'not stated'."""
    if value is None:
        return NO_VALUE
    if group is GroupBy.FUNDER:
        return FUNDER_LABELS.get(value, value)
    return value


def year_header(year: str) -> str:
    """A year column's header for people."""
    return UNKNOWN_LABEL if year == UNKNOWN_YEAR else year


@dataclass(frozen=True)
class Column:
    """A column for people: header and how to write a row's cell."""

    header: str
    cell: Callable[[Measures], str]


def _years_cell(year: str) -> Callable[[Measures], str]:
    return lambda m: money_text(m.years.get(year, Decimal(0)))


def _one_year_cell(year: int) -> Callable[[Measures], str]:
    return lambda m: money_text(m.city_share_one_year.get(year))


def _funding_cell(kind: str) -> Callable[[Measures], str]:
    return lambda m: money_text(m.funding.get(kind))


def people_columns(totals: Totals) -> list[Column]:
    """The measure columns of the table and Markdown.

    With years, the budget by year and its row total (a programme × year pivot); otherwise
    every measure, leaving out funding kinds that no project states an amount for.
    """
    projects = Column("Hank-\nkeet", lambda m: str(m.projects))
    budget = Column("Budjetti", lambda m: money_text(m.budget))
    if totals.by_year:
        return [projects, *(Column(year_header(y), _years_cell(y)) for y in totals.year_columns),
                budget]
    columns = [projects, budget, Column("Kaupungin\nosuus\nkoko aika", lambda m: money_text(
        m.city_share))]
    columns += [Column(f"Kaupungin\nosuus\nvain {y}", _one_year_cell(y))
                for y in totals.one_year_columns]
    columns += [Column(FUNDING_HEADERS[k], _funding_cell(k))
                for k in FUNDER_KINDS if k in totals.total.funding]
    columns.append(Column("Htv", person_years_text))
    return columns


def people_rows(totals: Totals) -> list[list[str]]:
    """Every row as cells for people (keys, then measures); the total row last."""
    columns = people_columns(totals)
    rows = [[*(key_text(g, k) for g, k in zip(totals.group_by, row.key, strict=True)),
             *(c.cell(row.measures) for c in columns)] for row in totals.rows]
    keys = [""] * max(1, len(totals.group_by))
    keys[0] = TOTAL_LABEL
    rows.append([*keys, *(c.cell(totals.total) for c in columns)])
    return rows


def people_headers(totals: Totals) -> list[str]:
    """Headers of the people's table: one per key (or one empty), then the measures."""
    keys = [GROUP_HEADERS[g] for g in totals.group_by] or [""]
    return [*keys, *(c.header for c in people_columns(totals))]


def people_notes(totals: Totals) -> list[str]:
    """The notes, plus where the other columns are when the table shows years."""
    notes = totals.notes()
    if totals.by_year:
        notes.append("The table shows the budget by year; --format json or csv gives every "
                     "column (city shares, funding, person-years).")
    return notes


def _key_widths(natural: list[int], least: list[int], room: int) -> list[int]:
    """Widths of the key columns: all they want if it fits, else the room shared out.

    Each column gets at least its longest word; what room is left goes to the columns in
    proportion to how much more they want.
    """
    if sum(natural) <= room:
        return natural
    spare = max(0, room - sum(least))
    wants = [n - m for n, m in zip(natural, least, strict=True)]
    total_want = sum(wants) or 1
    return [m + spare * w // total_want for m, w in zip(least, wants, strict=True)]


def totals_table(totals: Totals, width: int) -> tuple[Table, int]:
    """The totals as a Rich table for the width, and the width it really needs.

    Numbers are right-aligned and never wrapped or cut; keys wrap between words. When even
    the numbers and the longest key words need more than `width`, the table is that much
    wider rather than cutting anything. The total is the footer, under a rule (or the only
    row, when there are no groups).
    """
    rows = people_rows(totals)
    footer = rows.pop() if totals.group_by else None
    headers = people_headers(totals)
    keys = max(1, len(totals.group_by))
    columns = [[h, footer[i] if footer is not None else "", *(r[i] for r in rows)]
               for i, h in enumerate(headers)]
    number_widths = [max(cell_len(line) for c in col for line in c.split("\n"))
                     for col in columns[keys:]]
    natural = [max(cell_len(line) for c in col for line in c.split("\n"))
               for col in columns[:keys]]
    least = [min(max((cell_len(w) for c in col for w in c.split()), default=1), KEY_MAX_WORD)
             for col in columns[:keys]]
    room = width - sum(number_widths) - (len(headers) - 1) * COLUMN_GAP
    key_widths = _key_widths(natural, least, room)
    table = Table(box=box.SIMPLE, show_edge=False, pad_edge=False,
                  padding=(0, 0, 0, COLUMN_GAP - 1), show_footer=footer is not None)
    for i, header in enumerate(headers):
        foot = Text(footer[i] if footer is not None else "")
        if i < keys:
            table.add_column(Text(header), foot, overflow="fold", width=key_widths[i])
        else:
            table.add_column(Text(header), foot, justify="right", no_wrap=True,
                             width=number_widths[i - keys])
    for cells in rows:
        table.add_row(*(cell(c, 200) for c in cells))
    needed = sum(key_widths) + sum(number_widths) + (len(headers) - 1) * COLUMN_GAP
    return table, needed


def _notes_text(notes: list[str], width: int, color: bool) -> str:
    return "".join(to_text(Text(n, style="dim"), width, color) for n in notes)


def render_table(totals: Totals, width: int, color: bool) -> str:
    """The table and, under it, the notes.

    The table fits the width when it can; when the numbers alone need more, it is drawn
    wider rather than cutting a number.
    """
    table, needed = totals_table(totals, width)
    return to_text(table, max(width, needed), color) + _notes_text(people_notes(totals),
                                                                   width, color)


def render_json(totals: Totals) -> str:
    """{"group_by": [...], "rows": [...], "total": {...}, "notes": [...]}, numbers exact."""
    return dumps(totals.to_dict(), indent=2) + "\n"


def flat_columns(totals: Totals) -> list[str]:
    """CSV column names: level (group or total), keys, then every measure."""
    return [
        "level", *(g.value for g in totals.group_by), "projects", "budget", "city_share",
        *(f"city_share_{y}_only" for y in totals.one_year_columns),
        *(f"funding_{k}" for k in FUNDER_KINDS), "person_years",
        *(f"year_{y}" for y in (totals.year_columns if totals.by_year else [])),
    ]


def _flat_measures(totals: Totals, measures: Measures) -> dict[str, Any]:
    data = totals.measures_dict(measures)
    out: dict[str, Any] = {k: data[k] for k in ("projects", "budget", "city_share",
                                                 "person_years")}
    out.update({f"city_share_{y}_only": v for y, v in data["city_share_one_year"].items()})
    out.update({f"funding_{k}": v for k, v in data["funding"].items()})
    out.update({f"year_{y}": v for y, v in data.get("years", {}).items()})
    return out


def flat_rows(totals: Totals) -> list[dict[str, Any]]:
    """Every row as flat cells (numbers stay exact numbers); the total row last."""
    rows = [{"level": "group",
             **{g.value: k for g, k in zip(totals.group_by, row.key, strict=True)},
             **_flat_measures(totals, row.measures)} for row in totals.rows]
    rows.append({"level": "total", **_flat_measures(totals, totals.total)})
    return rows


def render_csv(totals: Totals, excel: bool = False) -> str:
    """CSV (or the Excel dialect) of the rows and the total row."""
    return render_rows(flat_columns(totals), flat_rows(totals), excel=excel)


def render_markdown_totals(totals: Totals) -> str:
    """A Markdown table for people (Finnish numbers), the notes as a list under it."""
    # Headers are wrapped by hand for the terminal; Markdown gets them on one line.
    headers = [h.replace("-\n", "").replace("\n", " ") for h in people_headers(totals)]
    rows: list[dict[str, str | Decimal | int | None]] = [
        dict(zip(headers, cells, strict=True)) for cells in people_rows(totals)]
    text = render_markdown(headers, rows)
    notes = people_notes(totals)
    return text + ("\n" + "".join(f"- {n}\n" for n in notes) if notes else "")


def render_chart(totals: Totals, width: int, color: bool) -> str:
    """--chart: a bar per row of the budget (per year with only --by-year), and the notes."""
    footer = Bar(TOTAL_LABEL, totals.total.budget, money_text(totals.total.budget))
    if totals.group_by:
        bars = [Bar(" / ".join(key_text(g, k) for g, k in zip(totals.group_by, row.key,
                                                               strict=True)),
                    row.measures.budget, money_text(row.measures.budget))
                for row in totals.rows]
        header = " / ".join(GROUP_HEADERS[g] for g in totals.group_by)
    elif totals.by_year:
        bars = [Bar(year_header(y), totals.total.years.get(y),
                    money_text(totals.total.years.get(y, Decimal(0))))
                for y in totals.year_columns]
        header = "Vuosi"
    else:
        return bar_chart([footer], width, color, "", "Budjetti") + \
            _notes_text(totals.notes(), width, color)
    chart = bar_chart(bars, width, color, header, "Budjetti", footer)
    return chart + _notes_text(totals.notes(), width, color)


def render_totals(totals: Totals, fmt: TotalsFormat, excel: bool = False, width: int = 100,
                  color: bool = False) -> str:
    """The totals in the chosen format, as text."""
    if fmt is TotalsFormat.JSON:
        return render_json(totals)
    if fmt is TotalsFormat.CSV:
        return render_csv(totals, excel)
    if fmt is TotalsFormat.MARKDOWN:
        return render_markdown_totals(totals)
    if fmt is TotalsFormat.XLSX:
        raise ValueError("xlsx is a file format, not text")
    return render_table(totals, width, color)
