"""`list`, `show` and `schema`: the records themselves."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import closing
from pathlib import Path
from typing import Annotated, assert_never

import typer

from hankkeet.cli.common import (
    EXIT_FINDINGS,
    ActiveOpt,
    ContactOpt,
    ExcelOpt,
    MergeOpt,
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
from hankkeet.cli.output import (
    FILE_FORMATS,
    ColumnsOpt,
    LimitOpt,
    OutputOpt,
    ReverseOpt,
    choose_format,
    emit,
    emit_file,
    emitting,
    format_option,
    writable,
)
from hankkeet.diagnostics import Diagnostic
from hankkeet.encode import dumps
from hankkeet.flat import flat_columns, limited, parse_columns
from hankkeet.locale import N_, _
from hankkeet.models import Project, record_schema
from hankkeet.query import (
    Filters,
    Matched,
    SortKey,
    find_project,
    near_projects,
    ordered_rows,
    select,
    sort_projects,
)
from hankkeet.reading.text import shorten
from hankkeet.render import ListFormat
from hankkeet.render.records import (
    ShowFormat,
    render_list_noted,
    render_project,
    row_writer,
    streams,
)
from hankkeet.validate import findings_about, projects_and_findings


def stream_list(
    projects: Iterable[Project],
    filters: Filters,
    sort: SortKey,
    reverse: bool,
    limit: int | None,
    writer: tuple[str, Callable[[Project], str]],
    output: Path | None,
    tally: Tally | None = None,
) -> tuple[int, int]:
    """Write the head and the rows of the matching projects (query.ordered_rows: none held)
    to the output; (shown, without a period) as select() counts them. When `tally` counted
    no project at all, nothing is written and the run exits 1."""
    head, row = writer
    counted = Matched()
    rows = ordered_rows(projects, filters, sort, reverse, limit, row, counted)
    with closing(rows), emitting(output) as out:
        # The head waits for the first row: an input that fails before any row leaves
        # stdout empty, as when everything was read first.
        first = next(rows, None)
        if first is None and tally is not None:
            stop_when_nothing_read(tally)
        out(head)
        if first is not None:
            out(first)
        for text in rows:
            out(text)
    return counted.kept, counted.without_period


SortOpt = Annotated[
    SortKey,
    typer.Option(
        "--sort",
        help=N_(
            "Order of the projects (source: as in the input, each written as it is read; "
            "another order holds only what sorting needs)."
        ),
    ),
]
ListFormatOpt = Annotated[ListFormat | None, format_option()]
IdsOpt = Annotated[
    bool, typer.Option("--ids", help=N_("Add the id column (what 'hankkeet show' takes)."))
]


@app.command("list")
def list_command(
    paths: PathsArg = None,
    refresh: RefreshOpt = False,
    active: ActiveOpt = None,
    programme: ProgrammeOpt = None,
    contact: ContactOpt = None,
    sort: SortOpt = SortKey.SOURCE,
    fmt: ListFormatOpt = None,
    excel: ExcelOpt = False,
    show_ids: IdsOpt = False,
    output: OutputOpt = None,
    columns: ColumnsOpt = None,
    limit: LimitOpt = None,
    reverse: ReverseOpt = False,
    merge: MergeOpt = False,
) -> None:
    """List projects as a table or as data, or write them to a file.

    Example: hankkeet list --active 2022 --sort start -o hankkeet.xlsx
    """
    chosen = choose_format(ListFormat, fmt, output, configured_format(), ListFormat.TABLE)
    check_excel(excel, chosen is ListFormat.CSV)
    picked = _picked_columns(columns, chosen)
    tally = Tally()
    described = filters_text(active, programme, contact)
    if streams(chosen) and not merge:
        with usable_input():
            filters = build_filters(active, programme, contact)
            shown, without_period = stream_list(
                iter_projects(configured_paths(paths), tally),
                filters,
                sort,
                reverse,
                limit,
                row_writer(chosen, excel, picked),
                output,
                tally,
            )
        say_what_was_read(tally, shown, described)
        note_without_period(without_period)
        return
    with usable_input():
        filters = build_filters(active, programme, contact)
        everything, findings = _read_all(configured_paths(paths), tally, chosen, merge)
        selection = select(everything, filters)
    stop_when_nothing_read(tally)
    projects = limited(sort_projects(selection.projects, sort, reverse), limit)
    # The data first: a machine format stays valid ('[]') even when the run then exits 1.
    _write_list(projects, findings, chosen, excel, show_ids, picked, output)
    say_what_was_read(tally, len(selection.projects), described)
    note_without_period(selection.without_period)


def _picked_columns(columns: str | None, chosen: ListFormat) -> tuple[str, ...] | None:
    """The columns --columns names (None: every field); usage error for SQLite."""
    with writable():
        picked = parse_columns(columns) if columns else None
    if picked is not None and chosen is ListFormat.SQLITE:
        fail(
            _(
                "--columns does not apply to SQLite: the database keeps every field; "
                "choose columns in SQL (select name, budget_cents from projects)"
            )
        )
    return picked


def _read_all(
    paths: list[str] | None, tally: Tally, chosen: ListFormat, merge: bool
) -> tuple[list[Project], list[Diagnostic]]:
    """Every project of the inputs (merged with --merge), with the findings about them when
    a file format keeps them."""
    if merge:
        from hankkeet.cli.link import read_merged

        return read_merged(paths, tally)
    if chosen.value in FILE_FORMATS:
        return projects_and_findings(counted(iter_parsed(paths), tally))
    return load_projects(paths, tally), []


def _write_list(
    projects: list[Project],
    findings: list[Diagnostic],
    chosen: ListFormat,
    excel: bool,
    show_ids: bool,
    picked: tuple[str, ...] | None,
    output: Path | None,
) -> None:
    """The projects in the chosen format, to the output file or stdout."""
    match chosen:
        case ListFormat.XLSX:
            from hankkeet.export.xlsx import diagnostics_sheet, project_sheet, write_workbook

            sheets = [
                project_sheet(projects, picked or flat_columns(projects)),
                diagnostics_sheet(findings_about(projects, findings)),
            ]
            emit_file(output, lambda path: write_workbook(path, sheets))
        case ListFormat.SQLITE:
            from hankkeet.export.sqlite import write_database

            emit_file(
                output,
                lambda path: write_database(path, projects, findings_about(projects, findings)),
            )
        case (
            ListFormat.TABLE
            | ListFormat.JSON
            | ListFormat.JSONL
            | ListFormat.CSV
            | ListFormat.MARKDOWN
        ):
            text, width_note = render_list_noted(
                projects, chosen, excel, terminal_width(), color_wanted(), show_ids, picked
            )
            emit(text, output)
            if width_note:
                note(width_note)
        case _:
            assert_never(chosen)


@app.command("show")
def show_command(
    ident: Annotated[
        str, typer.Argument(metavar="ID", help=N_("The project's id (or a unique start of it)."))
    ],
    paths: PathsArg = None,
    refresh: RefreshOpt = False,
    fmt: Annotated[
        ShowFormat,
        typer.Option(
            "--format",
            "-f",
            help=N_(
                "table (every field with its line), json (the record), jsonl, csv or "
                "markdown; for xlsx or sqlite use 'hankkeet list -o FILE'."
            ),
        ),
    ] = ShowFormat.TABLE,
    merge: MergeOpt = False,
) -> None:
    """Show every field of one project with the line it came from.

    ID is the project's id or name, or a unique start of either; case and ä/ö/å are ignored.

    Example: hankkeet show harrastusten-jaanmurtajahanke
    """
    if merge:
        from hankkeet.cli.link import read_merged

        projects = read_merged(configured_paths(paths), Tally())[0]
    else:
        with usable_input():
            projects = load_projects(configured_paths(paths))
    project = find_project(projects, ident)
    if project is None:
        close = near_projects(projects, ident)
        more = _("(and {count} more)").format(count=len(close) - 5) if len(close) > 5 else ""
        hint = (
            _("; did you mean: {ids}").format(
                ids=" ".join(filter(None, [", ".join(close[:5]), more]))
            )
            if close
            else _("; 'hankkeet list --ids' shows the ids")
        )
        fail(
            _("no single project with id or name '{ident}'").format(ident=ident) + hint,
            EXIT_FINDINGS,
        )
    write(render_project(project, fmt, terminal_width(), color_wanted(), source_place(project)))


def source_place(project: Project) -> str | None:
    """Where a project read from a saved page or a PDF stands, for people: its line of the
    text read from the file, quoted, and a PDF's page; None for text, whose path:line says
    it all."""
    from hankkeet.inputs.dispatch import place_of

    source = project.source
    place = place_of(source.path, source.line)
    if place is None:
        return None
    quoted = shorten(place.text)
    if place.page is None:
        return _("{path}:{number} (line {number} of the text read from the page: '{text}')").format(
            path=source.path, number=source.line, text=quoted
        )
    return _(
        "{path} page {page}, line {line} (line {number} of the text read from the PDF: '{text}')"
    ).format(
        path=source.path, page=place.page, line=place.page_line, number=source.line, text=quoted
    )


@app.command("schema")
def schema_command() -> None:
    """Print the JSON Schema of a project record (the output of list --format json).

    Example: hankkeet schema > hanke.schema.json
    """
    write(dumps(record_schema(), indent=2) + "\n")
