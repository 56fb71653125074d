"""`list`, `show` and `schema`: the records themselves."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from hankkeet.cli.common import (
    EXIT_FINDINGS,
    ActiveOpt,
    ContactOpt,
    ExcelOpt,
    PathsArg,
    ProgrammeOpt,
    app,
    build_filters,
    color_wanted,
    fail,
    load_projects,
    note_without_period,
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
    findings_of,
    projects_and_findings,
    writable,
)
from hankkeet.encode import decimal_text, dumps
from hankkeet.export.flat import limited, parse_columns
from hankkeet.export.sqlite import write_database
from hankkeet.export.xlsx import diagnostics_sheet, project_sheet, write_workbook
from hankkeet.finnish import format_euros
from hankkeet.models import Project, record_schema
from hankkeet.query import SortKey, find_project, select, sort_projects
from hankkeet.render import ListFormat
from hankkeet.render.cells import COLUMNS, flat_row, period_text, staff_text
from hankkeet.render.columns import columns_table
from hankkeet.render.markdown import render_markdown
from hankkeet.render.records import render_json, render_jsonl
from hankkeet.render.spreadsheet import render_rows
from hankkeet.render.table import cell, city_share_text, project_table, to_text


def render_list(projects: list[Project], fmt: ListFormat, excel: bool = False,
                columns: tuple[str, ...] | None = None) -> str:
    """The projects in a text format; --columns makes JSON Lines flat rows of those columns."""
    match fmt:
        case ListFormat.JSON:
            return render_json(projects)
        case ListFormat.JSONL if columns is not None:
            rows = (flat_row(p) for p in projects)
            return "".join(dumps({c: row[c] for c in columns}) + "\n" for row in rows)
        case ListFormat.JSONL:
            return render_jsonl(projects)
        case ListFormat.CSV:
            return render_rows(columns or COLUMNS, [flat_row(p) for p in projects], excel=excel)
        case ListFormat.MARKDOWN:
            return render_markdown(columns or COLUMNS, [flat_row(p) for p in projects])
        case ListFormat.TABLE if columns is not None:
            return to_text(columns_table(projects, columns), terminal_width(), color_wanted())
        case ListFormat.TABLE:
            return to_text(project_table(projects), terminal_width(), color_wanted())
        case ListFormat.XLSX | ListFormat.SQLITE:
            raise ValueError(f"{fmt.value} is a file format, not text")


@app.command("list")
def list_command(
    paths: PathsArg = None,
    active: ActiveOpt = None,
    programme: ProgrammeOpt = None,
    contact: ContactOpt = None,
    sort: Annotated[SortKey, typer.Option("--sort", help="Order of the projects.")]
    = SortKey.NAME,
    fmt: Annotated[ListFormat | None, typer.Option(
        "--format", "-f", help="Output format (default: table, or from -o FILE's extension).",
        show_default=False)] = None,
    excel: ExcelOpt = False,
    output: OutputOpt = None,
    columns: ColumnsOpt = None,
    limit: LimitOpt = None,
    reverse: ReverseOpt = False,
) -> None:
    """List projects as a table or as data, or write them to a file.

    Example: hankkeet list --active 2022 --sort start -o hankkeet.xlsx
    """
    chosen = choose_format(ListFormat, fmt, output, configured_format(), ListFormat.TABLE)
    with writable():
        picked = parse_columns(columns) if columns else None
    with usable_input():
        filters = build_filters(active, programme, contact)
        if chosen.value in FILE_FORMATS:
            everything, findings = projects_and_findings(configured_paths(paths))
        else:
            everything, findings = load_projects(configured_paths(paths)), []
        selection = select(everything, filters)
    projects = limited(sort_projects(selection.projects, sort, reverse), limit)
    match chosen:
        case ListFormat.XLSX:
            sheets = [project_sheet(projects, picked or COLUMNS),
                      diagnostics_sheet(findings_of(projects, findings))]
            emit_file(output, lambda path: write_workbook(path, sheets))
        case ListFormat.SQLITE:
            emit_file(output, lambda path: write_database(
                path, projects, findings_of(projects, findings)))
        case _:
            emit(render_list(projects, chosen, excel, picked), output)
    note_without_period(selection.without_period)


def show_rows(project: Project) -> list[tuple[str, str, int | None]]:
    """(field, value, line) for every field of a project, in reading order."""
    lines = project.lines
    funding = project.funding
    rows: list[tuple[str, str, int | None]] = [
        ("id", project.id, None),
        ("name", project.name, lines.get("name")),
        ("source", f"{project.source.path}:{project.source.line}", None),
        ("programme", project.programme or "", lines.get("funding")),
        ("funding", funding.text or "", lines.get("funding")),
    ]
    for source in funding.sources:
        parts = [source.funder]
        if source.amount is not None:
            parts.append(format_euros(source.amount))
        if source.share is not None:
            parts.append(f"{decimal_text(source.share)} %")
        rows.append(("  source", ", ".join(parts), lines.get("funding")))
    if funding.stated_budget is not None:
        rows.append(("  stated budget", format_euros(funding.stated_budget),
                     lines.get("funding")))
    rows += [
        ("period", period_text(project), lines.get("start")),
        ("budget", format_euros(project.budget), lines.get("budget")),
        ("city share", city_share_text(project), lines.get("city_share")),
        ("staff", staff_text(project.staff), lines.get("staff")),
    ]
    for contact in project.contacts:
        details = ", ".join(filter(None, (contact.title, contact.name, contact.email,
                                          contact.phone)))
        rows.append(("contact", details, lines.get("contacts")))
    rows.append(("summary", project.summary or "", lines.get("summary")))
    return rows


@app.command("show")
def show_command(
    ident: Annotated[str, typer.Argument(metavar="ID", help="The project's id (or a unique "
                                                            "start of it).")],
    paths: PathsArg = None,
    fmt: Annotated[ListFormat, typer.Option("--format", "-f",
                                            help="table, or json for the record.")]
    = ListFormat.TABLE,
) -> None:
    """Show every field of one project with the line it came from.

    Example: hankkeet show harrastusten-jaanmurtajahanke
    """
    if fmt.value in FILE_FORMATS:
        fail(f"show writes table, json, jsonl, csv or markdown; for {fmt.value} use "
             f"'hankkeet list -o FILE'")
    with usable_input():
        projects = load_projects(configured_paths(paths))
    project = find_project(projects, ident)
    if project is None:
        close = [p.id for p in projects if ident in p.id]
        hint = f"; did you mean: {', '.join(close[:5])}" if close else \
            "; 'hankkeet list --format jsonl' shows the ids"
        fail(f"no single project with id '{ident}'{hint}", EXIT_FINDINGS)
    if fmt is not ListFormat.TABLE:
        write(render_list([project], fmt) if fmt is not ListFormat.JSON
              else dumps(project.record(), indent=2) + "\n")
        return
    table = Table(title=Text(project.name), show_header=True)
    table.add_column("Field", no_wrap=True)
    table.add_column("Value", overflow="fold")
    table.add_column("Line", justify="right", no_wrap=True)
    for name, value, line in show_rows(project):
        table.add_row(Text(name), cell(value), Text(str(line) if line else ""))
    write(to_text(table, terminal_width(), color_wanted()))


@app.command("schema")
def schema_command() -> None:
    """Print the JSON Schema of a project record (the output of list --format json).

    Example: hankkeet schema > hanke.schema.json
    """
    write(dumps(record_schema(), indent=2) + "\n")
