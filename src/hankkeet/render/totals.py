"""Totals as text: a Rich table, JSON, CSV (or Excel CSV), Markdown, and --chart bars.

The table, Markdown and the chart are for people: Finnish number formatting ('1 857 889 €',
NBSP between thousands, decimal comma) and the notes on how the sums were made. JSON and CSV
are for machines: exact numbers, stable column names, no formatting. The chart draws with
Rich's console, loaded only when a chart is drawn.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Any, assert_never

from hankkeet.encode import dumps
from hankkeet.finnish import format_number, format_percent, money_column
from hankkeet.locale import M_, Language, _
from hankkeet.render.draw import draw_table
from hankkeet.render.layout import GAP, Column, fit_table, fit_widths, paragraph_lines
from hankkeet.render.markdown import render_markdown
from hankkeet.render.spreadsheet import render_rows
from hankkeet.totals import FUNDER_GROUPS, UNKNOWN_YEAR, GroupBy, Measures, Totals, round_places


class TotalsFormat(StrEnum):
    """Formats `totals` can write."""

    TABLE = "table"
    JSON = "json"
    CSV = "csv"
    MARKDOWN = "markdown"
    XLSX = "xlsx"


def group_header(group: GroupBy) -> str:
    """The header of a key column, in the active language."""
    return {
        GroupBy.PROGRAMME: _("Programme"),
        GroupBy.FUNDER: _("Funder"),
        GroupBy.CONTACT: _("Contact"),
    }[group]


def funder_label(kind: str) -> str:
    """A kind of funder in words."""
    return {
        "eu_state": _("EU and state"),
        "municipal": _("municipalities"),
        "other": _("other"),
    }.get(kind, kind)


def funding_header(kind: str) -> str:
    """The header of a stated-funding column."""
    return {
        "eu_state": _("Funding\nEU and\nstate"),
        "municipal": _("Funding\nmunicipalities"),
        "other": _("Funding\nother"),
    }[kind]


def total_label() -> str:
    """The label of the total row."""
    return _("Total")


NO_VALUE = "–"


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
        return funder_label(value)
    return value


def year_header(year: str) -> str:
    """A year column's header for people."""
    return _("unknown") if year == UNKNOWN_YEAR else year


@dataclass(frozen=True)
class Measure:
    """A measure column for people: header, and a row's value (money unless `text` is set)."""

    header: str
    value: Callable[[Measures], Decimal | None] | None = None
    text: Callable[[Measures], str] | None = None
    share: bool = False


def _years_value(year: str) -> Callable[[Measures], Decimal | None]:
    return lambda m: m.years.get(year, Decimal(0))


def _one_year_value(year: int) -> Callable[[Measures], Decimal | None]:
    return lambda m: m.city_share_one_year.get(year)


def _stated(measures: Measures) -> Decimal | None:
    return sum(measures.funding.values(), Decimal(0)) if measures.funding else None


def _share_text(measures: Measures) -> str:
    """The stated funding as a share of the budget, one decimal ('19,7 %')."""
    stated = _stated(measures)
    if stated is None or not measures.budget:
        return ""
    return format_percent((stated * 100 / measures.budget).quantize(Decimal("0.1")))


def _funding_value(kind: str) -> Callable[[Measures], Decimal | None]:
    return lambda m: m.funding.get(kind)


def people_measures(totals: Totals) -> list[Measure]:
    """The measure columns of the table and Markdown.

    With years, the budget by year and its row total (a programme × year pivot); otherwise
    every measure, leaving out funding kinds that no project states an amount for.
    """
    projects = Measure(_("Projects"), text=lambda m: str(m.projects))
    budget = Measure(_("Budget"), lambda m: m.budget)
    if totals.by_year:
        return [
            projects,
            *(Measure(year_header(y), _years_value(y)) for y in totals.year_columns),
            budget,
        ]
    if GroupBy.FUNDER in totals.group_by:
        # A funder's row: what that funder states, and its share of these projects' budget;
        # never the whole project's money under every funder.
        return [
            projects,
            Measure(_("Budget of\nthese projects"), lambda m: m.budget),
            Measure(_("Stated\nfunding"), _stated),
            Measure(_("Share of\nbudget"), text=_share_text),
        ]
    columns = [projects, budget, Measure(_("City share\nwhole period"), lambda m: m.city_share)]
    columns += [
        Measure(_("City share\n{year} only").format(year=y), _one_year_value(y))
        for y in totals.one_year_columns
    ]
    columns += [
        Measure(funding_header(k), _funding_value(k))
        for k in FUNDER_GROUPS
        if k in totals.total.funding
    ]
    columns.append(Measure(_("Person-\nyears"), text=person_years_text))
    return columns


def _measure_cells(measure: Measure, rows: list[Measures]) -> list[str]:
    """One column's cells: money with the same decimals on every row."""
    if measure.text is not None:
        return [measure.text(m) for m in rows]
    assert measure.value is not None
    return money_column([measure.value(m) for m in rows])


def people_rows(totals: Totals) -> list[list[str]]:
    """Every row as cells for people (keys, then measures); the total row last."""
    every = [row.measures for row in totals.rows] + [totals.total]
    columns = [_measure_cells(m, every) for m in people_measures(totals)]
    keys = [
        [key_text(g, k) for g, k in zip(totals.group_by, row.key, strict=True)]
        for row in totals.rows
    ]
    total_keys = [""] * max(1, len(totals.group_by))
    total_keys[0] = total_label()
    keys.append(total_keys)
    if not totals.group_by:
        keys = [[""] for _row in totals.rows] + [total_keys]
    return [[*k, *(c[i] for c in columns)] for i, k in enumerate(keys)]


def people_headers(totals: Totals) -> list[str]:
    """Headers of the people's table: one per key (or one empty), then the measures."""
    keys = [group_header(g) for g in totals.group_by] or [""]
    return [*keys, *(m.header for m in people_measures(totals))]


def people_notes(totals: Totals, language: Language) -> list[str]:
    """The notes in `language`, plus where the other columns are when the table shows
    years."""
    notes = totals.notes()
    if totals.by_year:
        notes.append(
            M_(
                "The table shows the budget by year; --format json or csv gives every "
                "column (city shares, funding, person-years)."
            )
        )
    return [n.text(language) for n in notes]


def totals_panels(totals: Totals, width: int) -> list[tuple[list[Column], list[int]]]:
    """The table as one or more panels that each fit the width, the keys repeated in each.

    Numbers are never wrapped or cut and a programme name never wraps; other keys wrap
    between words. When the measures do not fit side by side, they continue in a further
    panel under the first, so no column is lost.
    """
    rows = people_rows(totals)
    headers = people_headers(totals)
    n_keys = max(1, len(totals.group_by))
    grouped = bool(totals.group_by)
    body = rows[:-1] if grouped else rows

    def column(i: int, nowrap: bool, right: bool) -> Column:
        footer = rows[-1][i] if grouped else None
        return Column(
            headers[i], tuple(r[i] for r in body), right=right, nowrap=nowrap, footer=footer
        )

    groups: list[GroupBy | None] = [*totals.group_by] or [None]
    keys = [column(i, groups[i] is GroupBy.PROGRAMME, False) for i in range(n_keys)]
    measures = [column(i, True, True) for i in range(n_keys, len(headers))]
    panels: list[tuple[list[Column], list[int]]] = []
    start = 0
    while start < len(measures):
        end = len(measures)
        while True:
            chosen = keys + measures[start:end]
            room = width - GAP * (len(chosen) - 1)
            widths = fit_widths([c.least() for c in chosen], [c.natural() for c in chosen], room)
            if widths is not None or end == start + 1:
                break
            end -= 1
        if widths is None:
            chosen, widths, _taken = fit_table(chosen, width)
        panels.append((chosen, widths))
        start = end
    return panels


def _notes_text(notes: list[str], width: int, color: bool) -> str:
    del color  # notes are plain sentences; kept for a uniform signature
    return "".join(paragraph_lines(n, width) for n in notes)


def render_table(totals: Totals, width: int, color: bool, language: Language) -> str:
    """The table (in panels when it is wider than the width) and, under it, the notes (in
    `language`)."""
    panels = [
        draw_table(columns, widths, color) for columns, widths in totals_panels(totals, width)
    ]
    return "\n".join(panels) + _notes_text(people_notes(totals, language), width, color)


def render_json(totals: Totals, language: Language) -> str:
    """{"group_by": [...], "rows": [...], "total": {...}, "notes": [...]}, numbers exact,
    the notes in `language`."""
    return dumps(totals.to_dict(language), indent=2) + "\n"


def flat_columns(totals: Totals) -> list[str]:
    """CSV column names: level (group or total), keys, then every measure."""
    return [
        "level",
        *(g.value for g in totals.group_by),
        "projects",
        "budget",
        "city_share",
        *(f"city_share_{y}_only" for y in totals.one_year_columns),
        *(f"funding_{k}" for k in FUNDER_GROUPS),
        "person_years",
        *(f"year_{y}" for y in (totals.year_columns if totals.by_year else [])),
    ]


def _flat_measures(totals: Totals, measures: Measures) -> dict[str, Any]:
    data = totals.measures_dict(measures)
    out: dict[str, Any] = {k: data[k] for k in ("projects", "budget", "city_share", "person_years")}
    out.update({f"city_share_{y}_only": v for y, v in data["city_share_one_year"].items()})
    out.update({f"funding_{k}": v for k, v in data["funding"].items()})
    out.update({f"year_{y}": v for y, v in data.get("years", {}).items()})
    return out


def flat_rows(totals: Totals) -> list[dict[str, Any]]:
    """Every row as flat cells (numbers stay exact numbers); the total row last."""
    rows = [
        {
            "level": "group",
            **{g.value: k for g, k in zip(totals.group_by, row.key, strict=True)},
            **_flat_measures(totals, row.measures),
        }
        for row in totals.rows
    ]
    rows.append({"level": "total", **_flat_measures(totals, totals.total)})
    return rows


def render_csv(totals: Totals, excel: bool = False) -> str:
    """CSV (or the Excel dialect) of the rows and the total row."""
    return render_rows(flat_columns(totals), flat_rows(totals), excel=excel)


def render_markdown_totals(totals: Totals, language: Language) -> str:
    """A Markdown table for people (Finnish numbers), the notes (in `language`) as a list
    under it."""
    # Headers are wrapped by hand for the terminal; Markdown gets them on one line.
    headers = [h.replace("-\n", "").replace("\n", " ") for h in people_headers(totals)]
    rows: list[dict[str, str | Decimal | int | None]] = [
        dict(zip(headers, cells, strict=True)) for cells in people_rows(totals)
    ]
    text = render_markdown(headers, rows)
    notes = people_notes(totals, language)
    return text + ("\n" + "".join(f"- {n}\n" for n in notes) if notes else "")


def render_chart(totals: Totals, width: int, color: bool, language: Language = Language.EN) -> str:
    """--chart: a bar per row of the budget; with --by-year a bar per row and year; the
    notes under it in `language`.

    Every value in the picture has the same decimals (whole euros when all are whole).
    """
    labelled: list[tuple[str, Decimal | None]] = []
    if totals.group_by:
        for row in totals.rows:
            name = " / ".join(key_text(g, k) for g, k in zip(totals.group_by, row.key, strict=True))
            if totals.by_year:
                labelled += [
                    (f"{name} {year_header(y)}", row.measures.years.get(y, Decimal(0)))
                    for y in totals.year_columns
                ]
            else:
                labelled.append((name, row.measures.budget))
        header = " / ".join(group_header(g) for g in totals.group_by)
        if totals.by_year:
            header += " / " + _("Year")
    elif totals.by_year:
        labelled = [
            (year_header(y), totals.total.years.get(y, Decimal(0))) for y in totals.year_columns
        ]
        header = _("Year")
    else:
        labelled, header = [], ""
    texts = money_column([v for _label, v in labelled] + [totals.total.budget])
    from hankkeet.render.charts import Bar, bar_chart

    bars = [Bar(label, value, text) for (label, value), text in zip(labelled, texts, strict=False)]
    footer = Bar(total_label(), totals.total.budget, texts[-1])
    notes = [n.text(language) for n in totals.notes()]
    if not labelled:
        return bar_chart([footer], width, color, "", _("Budget")) + _notes_text(notes, width, color)
    chart = bar_chart(bars, width, color, header, _("Budget"), footer)
    return chart + _notes_text(notes, width, color)


def render_totals(
    totals: Totals,
    fmt: TotalsFormat,
    excel: bool = False,
    width: int = 100,
    color: bool = False,
    language: Language = Language.EN,
) -> str:
    """The totals in the chosen format, as text (the notes in `language`)."""
    match fmt:
        case TotalsFormat.TABLE:
            return render_table(totals, width, color, language)
        case TotalsFormat.JSON:
            return render_json(totals, language)
        case TotalsFormat.CSV:
            return render_csv(totals, excel)
        case TotalsFormat.MARKDOWN:
            return render_markdown_totals(totals, language)
        case TotalsFormat.XLSX:
            raise ValueError("xlsx is a file format, not text")
        case _:
            assert_never(fmt)
