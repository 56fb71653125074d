"""The Typer app and what every command shares: inputs, filters, output, errors, exit codes.

Only the cli package parses arguments, prints and exits; the core below it does none of it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Annotated, NoReturn

import typer

from hankkeet import __version__
from hankkeet.diagnostics import Diagnostic
from hankkeet.locale import Language, language_from_environment, ngettext, set_language
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
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@dataclass
class State:
    """Options given before the command."""

    debug: bool = False


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
        note(ngettext("{count} project without a readable period was left out of --active; "
                      "run 'hankkeet validate' to see why",
                      "{count} projects without a readable period were left out of --active; "
                      "run 'hankkeet validate' to see why", count).format(count=count))


def color_wanted() -> bool:
    """Colour only on a terminal, and never with NO_COLOR set."""
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def terminal_width() -> int:
    """The width to render at: $COLUMNS, else the terminal the user sits at, else 100.

    When stdout is a pipe (`hankkeet list | less`), the person still reads the output in
    their terminal: its width comes from stderr or stdin when one of them is that terminal.
    """
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 20:
        return int(columns)
    for stream in (sys.stdout, sys.stderr, sys.stdin):
        try:
            if stream is not None and stream.isatty():
                return os.get_terminal_size(stream.fileno()).columns
        except (OSError, ValueError, AttributeError):
            continue
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
    lang: Annotated[Language | None, typer.Option(
        "--lang", help="Language of tables, notes and messages: fi or en (default: from "
                       "LC_ALL/LANG, else en).")] = None,
) -> None:
    """Finnish municipal development projects (hankkeet) as exact, typed records.

    With no PATH, commands read the embedded data (or the file $HANKKEET_SOURCE names).

    Example: hankkeet list --active 2022
    """
    STATE.debug = debug
    set_language(lang or language_from_environment(os.environ))
