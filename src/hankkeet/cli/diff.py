"""`diff`: what changed between two versions of the descriptions."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from hankkeet.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    app,
    color_wanted,
    fail,
    load_projects,
    note,
    terminal_width,
    usable_input,
)
from hankkeet.cli.config import configured_format
from hankkeet.cli.output import choose_format, emit, output_option
from hankkeet.diff import diff_projects
from hankkeet.locale import N_, _
from hankkeet.render.diff import DiffFormat, render_diff, summary_note


@app.command("diff")
def diff_command(
    old: Annotated[
        str,
        typer.Argument(
            metavar="OLD",
            show_default=False,
            help=N_("The old version: a file, a folder (every *.txt in it) or '-'."),
        ),
    ],
    new: Annotated[
        str,
        typer.Argument(
            metavar="NEW",
            show_default=False,
            help=N_("The new version: a file, a folder (every *.txt in it) or '-'."),
        ),
    ],
    fmt: Annotated[
        DiffFormat | None,
        typer.Option(
            "--format",
            "-f",
            show_default=False,
            help=N_("table (default), json or markdown (for a review)."),
        ),
    ] = None,
    output: Annotated[Path | None, output_option(DiffFormat)] = None,
) -> None:
    """Show projects added, removed and renamed, and fields changed, between two versions.

    Projects are matched by id, and a renamed project by its content. Exit 0 when nothing
    changed, 1 when something did (like diff), 2 when a version cannot be read.

    Example: hankkeet diff julkaistu.txt luonnos.txt --format markdown
    """
    chosen = choose_format(DiffFormat, fmt, output, configured_format(), DiffFormat.TABLE)
    if old == "-" and new == "-":
        fail(_("only one of OLD and NEW can be '-' (standard input)"))
    with usable_input():
        before = load_projects([old])
        after = load_projects([new])
    result = diff_projects(before, after)
    emit(render_diff(result, chosen, terminal_width(), color_wanted()), output)
    if chosen is DiffFormat.TABLE:
        note(summary_note(result))
    raise typer.Exit(EXIT_FINDINGS if result.changed else EXIT_OK)
