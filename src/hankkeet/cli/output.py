"""-o/--output and the formats: which format a run writes, and writing it atomically."""

from __future__ import annotations

import difflib
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TypeVar

import typer
from typer.models import OptionInfo

from hankkeet.cli.common import fail, write
from hankkeet.cli.language import filled_help
from hankkeet.cli.progress import stdout_in_use
from hankkeet.export import DatabaseError, InexactMoney, MissingExtra
from hankkeet.export.output import (
    EXTENSION_FORMATS,
    atomic_path,
    format_for_path,
    write_text_atomic,
)
from hankkeet.flat import UnknownColumn
from hankkeet.locale import N_, _
from hankkeet.render import ListFormat

F = TypeVar("F", bound=StrEnum)

# Formats that are files, not text: they need -o, and never go to a terminal or a pipe.
FILE_FORMATS = frozenset({"xlsx", "sqlite"})


def output_option(kind: type[StrEnum]) -> OptionInfo:
    """-o/--output for a command that writes the formats of `kind`: its help names the file
    endings of those formats only."""
    values = {f.value for f in kind}
    endings = [ending for ending, value in EXTENSION_FORMATS.items() if value in values]
    option: OptionInfo = typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        dir_okay=False,
        help=filled_help(
            N_(
                "Write to FILE (atomically: replaced only when the run succeeds); the "
                "format follows its ending ({endings}) unless --format says otherwise."
            ),
            endings=" ".join(endings),
        ),
    )
    return option


def format_option() -> OptionInfo:
    """-f/--format for a command whose default is a table (or what -o FILE's ending says)."""
    option: OptionInfo = typer.Option(
        "--format",
        "-f",
        help=N_("Output format (default: table, or from -o FILE's extension)."),
        show_default=False,
    )
    return option


# -o of `list`, which writes every format.
OutputOpt = Annotated[Path | None, output_option(ListFormat)]

ColumnsOpt = Annotated[
    str | None,
    typer.Option(
        "--columns",
        metavar="NAME,...",
        help=N_(
            "Only these columns, in this order (id,name,programme,start,end,"
            "budget,city_share,...); for every format but sqlite (json and jsonl "
            "then write flat rows of them)."
        ),
    ),
]
LimitOpt = Annotated[
    int | None,
    typer.Option("--limit", min=0, metavar="N", help=N_("At most N projects.")),
]
ReverseOpt = Annotated[
    bool,
    typer.Option("--reverse", help=N_("The opposite order (missing values stay last).")),
]


def choose_format(
    kind: type[F], given: F | None, output: Path | None, configured: str | None, default: F
) -> F:
    """--format if given, else the output file's extension, else the configuration's
    default format (when this command has it), else the command's default."""
    if given is not None:
        chosen = given
    elif output is not None and (wanted := format_for_path(output)) is None:
        # A file named out.xls, x.pdf or noext would otherwise get a text table: refuse.
        fail(unknown_extension(output, kind))
    elif output is not None and wanted is not None:
        values = [f.value for f in kind]
        if wanted not in values:
            fail(
                _(
                    "this command cannot write {suffix} files; use --format with one of: {formats}"
                ).format(suffix=output.suffix, formats=", ".join(values))
            )
        chosen = kind(wanted)
    elif (
        configured is not None
        and configured in {f.value for f in kind}
        and (output is not None or configured not in FILE_FORMATS)
    ):
        # A configured file format (xlsx) only applies when there is a file to write.
        chosen = kind(configured)
    else:
        chosen = default
    if chosen.value in FILE_FORMATS and output is None:
        fail(
            _("--format {name} writes a file: give it a name with -o FILE").format(
                name=chosen.value
            )
        )
    return chosen


def unknown_extension(output: Path, kind: type[StrEnum]) -> str:
    """Why -o FILE's name tells no format, the nearest ending this command writes
    ('.xls': did you mean .xlsx?) and every ending it writes."""
    values = {f.value for f in kind}
    endings = [ending for ending, value in EXTENSION_FORMATS.items() if value in values]
    suffix = output.suffix.casefold()
    near = difflib.get_close_matches(suffix, endings, n=1, cutoff=0.6) if suffix else []
    problem = (
        _("cannot tell the format of {path} from its ending {suffix}").format(
            path=output, suffix=output.suffix
        )
        if suffix
        else _("cannot tell the format of {path}: its name has no ending").format(path=output)
    )
    hint = _(" (did you mean {near}?)").format(near=near[0]) if near else ""
    return (
        problem
        + hint
        + _("; name it with one of {endings}, or give --format").format(endings=" ".join(endings))
    )


@contextmanager
def writable() -> Iterator[None]:
    """Turn a failed write (folder missing, extra not installed) into one line and exit 2."""
    try:
        yield
    except (MissingExtra, InexactMoney, UnknownColumn) as exc:
        fail(exc)
    except OSError as exc:
        fail(
            _("cannot write {path}: {problem}").format(
                path=exc.filename or _("the output"), problem=exc.strerror or exc
            )
        )
    except DatabaseError as exc:
        fail(_("cannot write the database: {problem}").format(problem=exc))


def emit(text: str, output: Path | None) -> None:
    """Text to the output file (atomically) or to stdout."""
    if output is None:
        write(text)
        return
    with writable():
        write_text_atomic(output, text)


def emit_file(output: Path | None, writer: Callable[[Path], None]) -> None:
    """Let a file writer write to a temporary file, then rename it onto the output."""
    if output is None:  # choose_format refuses this; kept for the type checker
        fail(_("give the file a name with -o FILE"))
    with writable(), atomic_path(output) as temporary:
        writer(temporary)


@contextmanager
def emitting(output: Path | None) -> Iterator[Callable[[str], object]]:
    """A function that writes pieces of text as they come: to stdout, or to a temporary file
    renamed onto the output file when the run succeeds."""
    if output is None:

        def to_stdout(text: str) -> int:
            stdout_in_use()
            return sys.stdout.write(text)

        yield to_stdout
        sys.stdout.flush()
        return
    with (
        writable(),
        atomic_path(output) as temporary,
        open(temporary, "w", encoding="utf-8", newline="") as out,
    ):
        yield out.write
