"""`list`, `show` and `schema`: the records themselves."""

from __future__ import annotations

from typing import Annotated

import typer

from hankkeet.cli.common import (
    EXIT_FINDINGS,
    ActiveOpt,
    ContactOpt,
    ExcelOpt,
    PathsArg,
    ProgrammeOpt,
    Tally,
    app,
    build_filters,
    check_excel,
    color_wanted,
    fail,
    filters_text,
    load_projects,
    note_without_period,
    say_what_was_read,
    terminal_width,
    usable_input,
    write,
)
from hankkeet.encode import dumps
from hankkeet.locale import _
from hankkeet.models import Project, record_schema
from hankkeet.query import SortKey, find_project, near_projects, select, sort_projects
from hankkeet.render import ListFormat
from hankkeet.render.cells import COLUMNS, flat_row
from hankkeet.render.markdown import render_markdown
from hankkeet.render.records import render_json, render_jsonl
from hankkeet.render.show import render_show
from hankkeet.render.spreadsheet import render_rows
from hankkeet.render.table import render_project_table


def render_list(projects: list[Project], fmt: ListFormat, excel: bool = False,
                width: int = 100, color: bool = False, ids: bool = False) -> str:
    """The projects in the chosen format, as text."""
    if fmt is ListFormat.JSON:
        return render_json(projects)
    if fmt is ListFormat.JSONL:
        return render_jsonl(projects)
    if fmt is ListFormat.CSV:
        return render_rows(COLUMNS, [flat_row(p) for p in projects], excel=excel)
    if fmt is ListFormat.MARKDOWN:
        return render_markdown(COLUMNS, [flat_row(p) for p in projects])
    return render_project_table(projects, width, color, ids)


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
    show_ids: Annotated[bool, typer.Option(
        "--ids", help="Add the id column (what 'hankkeet show' takes).")] = False,
) -> None:
    """List projects as a table or as data.

    Example: hankkeet list --active 2022 --sort start
    """
    check_excel(excel, fmt is ListFormat.CSV)
    tally = Tally()
    with usable_input():
        filters = build_filters(active, programme, contact)
        selection = select(load_projects(paths, tally), filters)
    projects = sort_projects(selection.projects, sort)
    # The data first: a machine format stays valid ('[]') even when the run then exits 1.
    write(render_list(projects, fmt, excel, terminal_width(), color_wanted(), show_ids))
    say_what_was_read(tally, len(selection.projects), filters_text(active, programme, contact))
    note_without_period(selection.without_period)


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

    ID is the project's id or name, or a unique start of either; case and ä/ö/å are ignored.

    Example: hankkeet show harrastusten-jaanmurtajahanke
    """
    with usable_input():
        projects = load_projects(paths)
    project = find_project(projects, ident)
    if project is None:
        close = near_projects(projects, ident)
        hint = _("; did you mean: {ids}").format(ids=", ".join(close[:5])) if close else \
            _("; 'hankkeet list --ids' shows the ids")
        fail(_("no single project with id or name '{ident}'").format(ident=ident) + hint,
             EXIT_FINDINGS)
    if fmt is not ListFormat.TABLE:
        write(render_list([project], fmt) if fmt is not ListFormat.JSON
              else dumps(project.record(), indent=2) + "\n")
        return
    write(render_show(project, terminal_width(), color_wanted()))


@app.command("schema")
def schema_command() -> None:
    """Print the JSON Schema of a project record (the output of list --format json).

    Example: hankkeet schema > hanke.schema.json
    """
    write(dumps(record_schema(), indent=2) + "\n")
