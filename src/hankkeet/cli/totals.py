"""`totals` and `timeline`: money by programme, year, funder and contact, and pictures."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, assert_never

import typer

from hankkeet.cli.common import (
    ActiveOpt,
    ContactOpt,
    ExcelOpt,
    PathsArg,
    ProgrammeOpt,
    RefreshOpt,
    Tally,
    app,
    build_filters,
    check_excel,
    color_wanted,
    counted,
    fail,
    filters_text,
    input_sources,
    iter_parsed,
    iter_projects,
    load_projects,
    note,
    note_without_period,
    say_what_was_read,
    stop_when_nothing_read,
    terminal_width,
    usable_input,
    write,
)
from hankkeet.cli.config import configured_format, configured_paths
from hankkeet.cli.link import merged_projects
from hankkeet.cli.output import (
    choose_format,
    emit,
    emit_file,
    format_option,
    output_option,
)
from hankkeet.diagnostics import Diagnostic
from hankkeet.export.xlsx import diagnostics_sheet, totals_sheets, write_workbook
from hankkeet.locale import N_, _, current_language
from hankkeet.query import Filters, Skipped, filter_projects, select
from hankkeet.reading.sources import Source
from hankkeet.render.totals import (
    TotalsFormat,
    flat_columns,
    flat_rows,
    render_chart,
    render_totals,
)
from hankkeet.totals import GroupBy, Totals, TotalsBuilder
from hankkeet.validate import findings_about, projects_and_findings

ByProgrammeOpt = Annotated[
    bool,
    typer.Option("--by-program", "--by-programme", help=N_("A row per funding programme.")),
]
ByYearOpt = Annotated[
    bool,
    typer.Option("--by-year", help=N_("Budgets spread over calendar years, pro rata by days.")),
]
ByFunderOpt = Annotated[
    bool,
    typer.Option(
        "--by-funder",
        help=N_(
            "A row per kind of funder with a stated amount (EU and state, municipalities, other)."
        ),
    ),
]
ByContactOpt = Annotated[
    bool,
    typer.Option(
        "--by-contact",
        help=N_("A row per contact person (a project with two counts under both)."),
    ),
]
FormatOpt = Annotated[TotalsFormat | None, format_option()]
ChartOpt = Annotated[
    bool, typer.Option("--chart", help=N_("Draw the budget of each row as a horizontal bar."))
]
TotalsOutputOpt = Annotated[Path | None, output_option(TotalsFormat)]
TotalsMergeOpt = Annotated[
    bool,
    typer.Option(
        "--merge/--no-merge",
        help=N_(
            "With several inputs, count a project that several sources describe once "
            "(a 'match' group of 'hankkeet link'); --no-merge counts each record."
        ),
    ),
]


@app.command("totals")
def totals_command(
    paths: PathsArg = None,
    refresh: RefreshOpt = False,
    by_programme: ByProgrammeOpt = False,
    by_year: ByYearOpt = False,
    by_funder: ByFunderOpt = False,
    by_contact: ByContactOpt = False,
    active: ActiveOpt = None,
    programme: ProgrammeOpt = None,
    contact: ContactOpt = None,
    fmt: FormatOpt = None,
    excel: ExcelOpt = False,
    chart: ChartOpt = False,
    output: TotalsOutputOpt = None,
    merge: TotalsMergeOpt = True,
) -> None:
    """Sum budgets, city shares, stated funding and person-years, exact to the cent.

    City shares stated for one year only get their own column and are never added into the
    whole-period city share. Any combination of --by-* options; --by-program --by-year is a
    programme x year pivot.

    Example: hankkeet totals --by-program --by-year
    """
    fmt = _totals_format(fmt, chart, output)
    check_excel(excel, fmt is TotalsFormat.CSV)
    builder = TotalsBuilder(_group_by(by_programme, by_funder, by_contact), by_year)
    skipped = Skipped()
    tally = Tally()
    with usable_input():
        filters = build_filters(active, programme, contact)
        sources = input_sources(configured_paths(paths))
        findings = _add_projects(
            builder, sources, filters, skipped, tally, fmt is TotalsFormat.XLSX, merge
        )
    stop_when_nothing_read(tally)
    totals = builder.result()
    _write_totals(totals, findings, fmt, chart, excel, output)
    note_without_period(skipped.without_period)
    say_what_was_read(tally, totals.total.projects, filters_text(active, programme, contact))


def _group_by(by_programme: bool, by_funder: bool, by_contact: bool) -> list[GroupBy]:
    """The groupings --by-program, --by-funder and --by-contact ask for (--by-year is not
    one: it spreads the sums over years)."""
    return [
        group
        for group, wanted in (
            (GroupBy.PROGRAMME, by_programme),
            (GroupBy.FUNDER, by_funder),
            (GroupBy.CONTACT, by_contact),
        )
        if wanted
    ]


def _totals_format(fmt: TotalsFormat | None, chart: bool, output: Path | None) -> TotalsFormat:
    """The format typed, else the output's or the configured one, else table; a chart is
    for people: usage error for --chart with another format typed, and the configured
    format is passed over."""
    if chart and fmt not in (None, TotalsFormat.TABLE):
        fail(_("--chart draws a picture for people; leave out --format (or use --format table)"))
    return choose_format(
        TotalsFormat, fmt, output, None if chart else configured_format(), TotalsFormat.TABLE
    )


def _add_projects(
    builder: TotalsBuilder,
    sources: list[Source],
    filters: Filters,
    skipped: Skipped,
    tally: Tally,
    with_findings: bool,
    merge: bool,
) -> list[Diagnostic]:
    """Add the projects that pass the filters to the sums (with --merge and several
    sources, each match group once); the findings about them when `with_findings` (a
    workbook carries them), else none."""
    merging = merge and len(sources) > 1
    if with_findings:
        everything, findings = projects_and_findings(counted(iter_parsed(None, sources), tally))
        if merging:
            everything, merged = merged_projects(sources, everything)
            findings = [*findings, *merged.findings]
        selection = select(everything, filters)
        skipped.without_period = selection.without_period
        for project in selection.projects:
            builder.add(project)
        return findings_about(selection.projects, findings)
    projects = iter_projects(None, tally, sources)
    if merging:
        # Linking needs every record at once: the projects are read whole, and each match
        # group is counted once (the notes say how many).
        projects = iter(merged_projects(sources, list(projects))[0])
    for project in filter_projects(projects, filters, skipped):
        builder.add(project)
    return []


def _write_totals(
    totals: Totals,
    findings: list[Diagnostic],
    fmt: TotalsFormat,
    chart: bool,
    excel: bool,
    output: Path | None,
) -> None:
    """The sums as a chart or in the chosen format; with CSV, the notes on stderr."""
    language = current_language()  # the notes are values: written here, in the run's language
    notes = [n.text(language) for n in totals.notes()]
    if chart:
        emit(render_chart(totals, terminal_width(), color_wanted(), language), output)
    else:
        match fmt:
            case TotalsFormat.XLSX:
                sheets = [
                    *totals_sheets(flat_columns(totals), flat_rows(totals), notes),
                    diagnostics_sheet(findings),
                ]
                emit_file(output, lambda path: write_workbook(path, sheets))
            case TotalsFormat.TABLE | TotalsFormat.JSON | TotalsFormat.CSV | TotalsFormat.MARKDOWN:
                text = render_totals(totals, fmt, excel, terminal_width(), color_wanted(), language)
                emit(text, output)
            case _:
                assert_never(fmt)
    if fmt is TotalsFormat.CSV:
        # CSV has no room for prose; the notes go to the person, on stderr.
        for line in notes:
            note(line)


@app.command("timeline")
def timeline_command(
    paths: PathsArg = None,
    refresh: RefreshOpt = False,
    active: ActiveOpt = None,
    programme: ProgrammeOpt = None,
    contact: ContactOpt = None,
) -> None:
    """Draw each project's period as a bar on a shared year axis, with today marked.

    Projects without a period are listed under the chart.

    Example: hankkeet timeline --active 2022
    """
    tally = Tally()
    with usable_input():
        filters = build_filters(active, programme, contact)
        selection = select(load_projects(configured_paths(paths), tally), filters)
    stop_when_nothing_read(tally)
    from hankkeet.render.charts import timeline  # here, so that `totals` starts without Rich

    write(timeline(selection.projects, date.today(), terminal_width(), color_wanted()))
    note_without_period(selection.without_period)
    say_what_was_read(tally, len(selection.projects), filters_text(active, programme, contact))
