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
from hankkeet.encode import decimal_text, dumps
from hankkeet.finnish import format_euros
from hankkeet.models import Project, record_schema
from hankkeet.query import SortKey, find_project, select, sort_projects
from hankkeet.render import ListFormat
from hankkeet.render.cells import COLUMNS, flat_row, period_text, staff_text
from hankkeet.render.markdown import render_markdown
from hankkeet.render.records import render_json, render_jsonl
from hankkeet.render.spreadsheet import render_rows
from hankkeet.render.table import cell, city_share_text, project_table, to_text


def render_list(projects: list[Project], fmt: ListFormat, excel: bool = False) -> str:
    """The projects in the chosen format, as text."""
    if fmt is ListFormat.JSON:
        return render_json(projects)
    if fmt is ListFormat.JSONL:
        return render_jsonl(projects)
    if fmt is ListFormat.CSV:
        return render_rows(COLUMNS, [flat_row(p) for p in projects], excel=excel)
    if fmt is ListFormat.MARKDOWN:
        return render_markdown(COLUMNS, [flat_row(p) for p in projects])
    return to_text(project_table(projects), terminal_width(), color_wanted())


@app.command("list")
def list_command(
    paths: PathsArg = None,
    active: ActiveOpt = None,
    programme: ProgrammeOpt = None,
    contact: ContactOpt = None,
    sort: Annotated[SortKey, typer.Option("--sort", help="Order of the projects.")]
    = SortKey.NAME,
    fmt: Annotated[ListFormat, typer.Option("--format", "-f", help="Output format.")]
    = ListFormat.TABLE,
    excel: ExcelOpt = False,
) -> None:
    """List projects as a table or as data.

    Example: hankkeet list --active 2022 --sort start
    """
    with usable_input():
        filters = build_filters(active, programme, contact)
        selection = select(load_projects(paths), filters)
    projects = sort_projects(selection.projects, sort)
    write(render_list(projects, fmt, excel))
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
    with usable_input():
        projects = load_projects(paths)
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
