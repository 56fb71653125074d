"""The Typer app and what every command shares: inputs, filters, output, errors, exit codes.

Only the cli package parses arguments, prints and exits; the core below it does none of it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from hankkeet import __version__
from hankkeet.config import NO_CONFIG, Config, ConfigError, discover
from hankkeet.diagnostics import Diagnostic
from hankkeet.models import Project
from hankkeet.query import Filters, QueryError, parse_active, resolve_programme
from hankkeet.reading.parser import ParsedProject, parse_sources
from hankkeet.reading.sources import resolve
from hankkeet.reading.text import UnreadableInput, visible

EXIT_OK, EXIT_FINDINGS, EXIT_UNUSABLE = 0, 1, 2

app = typer.Typer(
    name="hankkeet",
    help="Finnish municipal development projects (hankkeet) as exact, typed records.\n\n"
         "With no PATH, commands read the embedded data (or the file $HANKKEET_SOURCE names).\n\n"
         "Example: hankkeet list --active 2022",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@dataclass
class State:
    """Options given before the command."""

    debug: bool = False
    config: Config = NO_CONFIG


STATE = State()

PathsArg = Annotated[
    list[str] | None,
    typer.Argument(help="Files, folders (every *.txt in them) or '-' for standard input.",
                   show_default=False),
]
ActiveOpt = Annotated[
    str | None,
    typer.Option("--active", metavar="YEAR|DATE|FROM..TO",
                 help="Projects whose period overlaps a year (2022), a day (2022-06-15 or "
                      "15.6.2022) or a range (2021..2022)."),
]
ProgrammeOpt = Annotated[
    str | None,
    typer.Option("--programme", "--program", metavar="NAME",
                 help="Only this funding programme (EAKR, AKKE, 'REACT-EU ESR', ...)."),
]
ContactOpt = Annotated[
    str | None,
    typer.Option("--contact", metavar="TEXT",
                 help="Only projects with a contact whose name or title holds TEXT."),
]
ExcelOpt = Annotated[
    bool, typer.Option("--excel", help="CSV for Excel: ';' delimiter, decimal commas, UTF-8 BOM."),
]


def fail(message: str, code: int = EXIT_UNUSABLE) -> NoReturn:
    """One line on stderr and the exit code; never a traceback."""
    typer.echo(f"hankkeet: {visible(message)}", err=True)
    raise typer.Exit(code)


@contextmanager
def usable_input() -> Iterator[None]:
    """Turn unusable input and bad filter values into a one-line message and exit 2."""
    try:
        yield
    except UnreadableInput as exc:
        fail(str(exc))
    except QueryError as exc:
        fail(str(exc))


def build_filters(active: str | None, programme: str | None, contact: str | None) -> Filters:
    """The shared filters from the command line; QueryError for a value that makes no sense."""
    return Filters(
        active=parse_active(active) if active else None,
        programme=resolve_programme(programme) if programme else None,
        contact=contact or None,
    )


def iter_parsed(paths: list[str] | None) -> Iterator[ParsedProject | Diagnostic]:
    """Parsed projects and file diagnostics from the inputs, one at a time."""
    sources = resolve(paths or [], stdin=sys.stdin.buffer)
    yield from parse_sources(sources)


def load_projects(paths: list[str] | None) -> list[Project]:
    """Every project of the inputs (diagnostics are validate's business)."""
    return [item.project for item in iter_parsed(paths) if isinstance(item, ParsedProject)]


def write(text: str) -> None:
    """Data to stdout, as is."""
    sys.stdout.write(text)
    sys.stdout.flush()


def note(text: str) -> None:
    """A message for the person, on stderr (control characters made visible)."""
    typer.echo("\n".join(visible(line) for line in text.split("\n")), err=True)


def note_without_period(count: int) -> None:
    """Say how many projects --active could not test, never leave them out silently."""
    if count:
        note(f"{count} project(s) without a readable period were left out of --active; "
             "run 'hankkeet validate' to see why")


def color_wanted() -> bool:
    """Colour only on a terminal, and never with NO_COLOR set."""
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def terminal_width() -> int:
    """The width to render at: $COLUMNS, the terminal's, or 100 for pipes."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 20:
        return int(columns)
    if sys.stdout.isatty():
        return os.get_terminal_size(sys.stdout.fileno()).columns
    return 100


def version_callback(value: bool) -> None:
    """--version."""
    if value:
        typer.echo(f"hankkeet {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[bool, typer.Option("--version", callback=version_callback,
                                          is_eager=True, help="Show the version and exit.")]
    = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show a traceback on internal errors.")]
    = False,
    no_config: Annotated[bool, typer.Option(
        "--no-config", help="Ignore hankkeet.toml and [tool.hankkeet] in pyproject.toml.")]
    = False,
) -> None:
    """Finnish municipal development projects (hankkeet) as exact, typed records.

    With no PATH, commands read the embedded data (or the file $HANKKEET_SOURCE names).

    Example: hankkeet list --active 2022
    """
    STATE.debug = debug
    try:
        STATE.config = NO_CONFIG if no_config else discover(Path.cwd())
    except ConfigError as exc:
        fail(str(exc))
