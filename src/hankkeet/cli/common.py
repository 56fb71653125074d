"""The Typer app and what every command shares: inputs, filters, output, errors, exit codes.

Only the cli package parses arguments, prints and exits; the core below it does none of it.
"""

from __future__ import annotations

import os
import signal
import sys
import traceback
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
import typer.main
from typer import _click as click

from hankkeet import __version__
from hankkeet.cli import progress
from hankkeet.cli.language import LocalCommand, LocalGroup, LocalTyper, configured_language
from hankkeet.config import NO_CONFIG, Config, ConfigError, discover
from hankkeet.diagnostics import Code, Diagnostic
from hankkeet.library import available_cores, project_records, read_projects
from hankkeet.locale import (
    M_,
    N_,
    HankkeetError,
    Language,
    _,
    current_language,
    language_from_environment,
    ngettext,
    set_language,
)
from hankkeet.models import Project
from hankkeet.query import Filters, QueryError, parse_active, resolve_programme
from hankkeet.reading.parser import ParsedProject
from hankkeet.reading.sources import ENV_SOURCE, Source, resolve, source_from_environment
from hankkeet.reading.text import UnreadableInput, visible
from hankkeet.validate import has_errors

EXIT_OK, EXIT_FINDINGS, EXIT_UNUSABLE = 0, 1, 2
# A run stopped from outside: 128 + the signal's number, as a shell reports a process that
# SIGINT (Ctrl-C) or SIGPIPE (a reader gone: `| head`) ended.
EXIT_INTERRUPTED, EXIT_BROKEN_PIPE = 130, 141


@dataclass
class State:
    """The app's options (given before the command, or after it: see `Command`)."""

    debug: bool = False
    quiet: bool = False
    jobs: int = 1  # processes reading a long input's fields (--jobs; default: every core)
    config: Config = NO_CONFIG


STATE = State()

# The options of the app that a command also takes after its name.
QuietOpt = Annotated[
    bool,
    typer.Option(
        "--quiet",
        "-q",
        help=N_(
            "No progress bar (shown on stderr when it is a terminal and reading takes "
            "more than a second) and no counts of the projects read and matched; "
            "errors, and notes on what was left out, are still said."
        ),
    ),
]
JobsOpt = Annotated[
    int | None,
    typer.Option(
        "--jobs",
        "-j",
        min=1,
        metavar="N",
        help=N_(
            "Processes that read a long input (default: one per core; 1: read in this "
            "process only). The output is the same."
        ),
    ),
]
LangOpt = Annotated[
    Language | None,
    typer.Option(
        "--lang",
        help=N_(
            "Language of tables, notes, messages and help: fi or en (default: the "
            "configured language, else from LC_ALL/LANG, else en)."
        ),
    ),
]


def after_the_command(quiet: QuietOpt = False, jobs: JobsOpt = None, lang: LangOpt = None) -> None:
    """--quiet, --jobs and --lang given after the command's name: the same meaning as before
    it, and over what was given before it (as the later of an option given twice)."""
    if quiet:
        STATE.quiet = True
    if jobs is not None:
        STATE.jobs = jobs
    if lang is not None:
        set_language(lang)


@cache
def global_parameters() -> tuple[click.Parameter, ...]:
    """The Click parameters of `after_the_command`, as Typer makes them from its signature."""
    probe = typer.Typer(add_completion=False)
    probe.command()(after_the_command)
    return tuple(typer.main.get_command(probe).params)


class Command(LocalCommand):
    """A command of the app: it also takes --quiet, --jobs and --lang after its name."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        shared = global_parameters()
        taken = {p.name for p in self.params} | {o for p in self.params for o in p.opts}
        clash = taken & ({p.name for p in shared} | {o for p in shared for o in p.opts})
        if clash:
            raise TypeError(f"command {self.name!r} defines global options {sorted(clash)}")
        self.params.extend(shared)

    def invoke(self, ctx: click.Context) -> Any:
        """Take the global options given after the name, then run the command."""
        after_the_command(**{p.name: ctx.params.pop(p.name) for p in global_parameters() if p.name})
        return super().invoke(ctx)


app = LocalTyper(
    name="hankkeet",
    cls=LocalGroup,
    command_class=Command,
    help="Finnish municipal development projects (hankkeet) as exact, typed records.\n\n"
    "With no PATH, commands read the embedded data (or the file $HANKKEET_SOURCE names).\n\n"
    "Example: hankkeet list --active 2022",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


PathsArg = Annotated[
    list[str] | None,
    typer.Argument(
        metavar="PATH",
        help=N_(
            "Files (text, saved web pages, PDFs, CSV or Excel register exports), folders "
            "(every such file in them, at any depth), web addresses (https://…) or '-' for "
            "standard input."
        ),
        show_default=False,
    ),
]
ActiveOpt = Annotated[
    str | None,
    typer.Option(
        "--active",
        metavar="YEAR|DATE|FROM..TO",
        help=N_(
            "Projects whose period overlaps a year (2022), a month (2022-06), a day "
            "(2022-06-15 or 15.6.2022) or a range FROM..TO (2021..2022, 2023.., or with a "
            "dash: 2021–2022, 1.1.2022-31.12.2022)."
        ),
    ),
]
ProgrammeOpt = Annotated[
    str | None,
    typer.Option(
        "--programme",
        "--program",
        metavar="NAME",
        help=N_("Only this funding programme (EAKR, AKKE, 'REACT-EU ESR', ...)."),
    ),
]
ContactOpt = Annotated[
    str | None,
    typer.Option(
        "--contact",
        metavar="TEXT",
        help=N_(
            "Only projects with a contact whose name or title holds TEXT (case and ä/ö/å ignored)."
        ),
    ),
]
ExcelOpt = Annotated[
    bool,
    typer.Option(
        "--excel",
        help=N_("With --format csv: CSV for Excel (';' delimiter, decimal commas, UTF-8 BOM)."),
    ),
]


@dataclass
class Fetching:
    """Web addresses among the inputs: whether to fetch them again (--refresh), and those
    that could not be fetched (said, and exit 2, once the rest is read and written)."""

    refresh: bool = False
    failed: list[UnreadableInput] = field(default_factory=list)


FETCHING = Fetching()


def _set_refresh(value: bool) -> bool:
    FETCHING.refresh = value
    return value


RefreshOpt = Annotated[
    bool,
    typer.Option(
        "--refresh",
        callback=_set_refresh,
        help=N_("Fetch web addresses again instead of reading them from the cache."),
    ),
]


def unfetched_said() -> None:
    """Say which addresses could not be fetched and exit 2 (the other inputs' output is
    written already: the command calls this when it ends); nothing when every address was
    fetched."""
    failed, FETCHING.failed = FETCHING.failed, []
    if failed:
        for problem in failed[:-1]:
            note(f"hankkeet: {said(problem)}")
        fail(failed[-1])


def said(problem: HankkeetError) -> str:
    """A library error's text (a value) written in the run's language."""
    return problem.text(current_language())


def fail(message: str | HankkeetError, code: int = EXIT_UNUSABLE) -> NoReturn:
    """One line on stderr and the exit code; never a traceback."""
    if isinstance(message, HankkeetError):
        message = said(message)
    progress.messages_in_use()
    typer.echo(f"hankkeet: {visible(message)}", err=True)
    raise typer.Exit(code)


@contextmanager
def stopped_from_outside() -> Iterator[None]:
    """Ctrl-C exits 130 and a closed stdout (`| head`) 141, quietly: no traceback, no bar
    left on the screen, no worker left, no 'Exception ignored' from Python's last flush.

    Held by the app's context for the whole command (see root): Typer would make a broken
    pipe exit 1, which means "no input".
    """
    try:
        yield
    except KeyboardInterrupt as stop:
        # Workers ignore Ctrl-C: this process stops them. A second Ctrl-C while it does
        # ends this process at once (its workers end with it), still without a traceback.
        with suppress(ValueError):  # a run in another thread than the main one sets none
            signal.signal(signal.SIGINT, lambda _signal, _frame: os._exit(EXIT_INTERRUPTED))
        let_go(stop)
        raise typer.Exit(EXIT_INTERRUPTED) from None
    except BrokenPipeError as stop:
        let_go(stop)
        try:
            # What stdout still holds goes nowhere: its reader is gone.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            os.close(devnull)
        except (OSError, ValueError, AttributeError):  # not a file (a test's capture)
            pass
        raise typer.Exit(EXIT_BROKEN_PIPE) from None


def let_go(stop: BaseException) -> None:
    """Close, here and now, what the command that `stop` ended still holds, and take any bar
    away.

    The frames the exception went through hold the reading's generators (a command stopped
    between two records leaves them open). Cleared, they close the generators in this
    thread: their finally blocks stop the workers and take the bar away. Left to a garbage
    collection, they would close in whichever thread it runs in, a worker pool's own
    thread among them, which then fails to wait for itself, with a traceback.
    """
    traceback.clear_frames(stop.__traceback__)
    progress.messages_in_use()


@contextmanager
def usable_input() -> Iterator[None]:
    """Turn unusable input and bad filter values into a one-line message and exit 2."""
    try:
        yield
    except (UnreadableInput, QueryError) as exc:
        fail(exc)


def build_filters(active: str | None, programme: str | None, contact: str | None) -> Filters:
    """The shared filters from the command line; QueryError for a value that makes no sense."""
    return Filters(
        active=parse_active(active) if active is not None else None,
        programme=resolve_programme(programme) if programme else None,
        contact=contact or None,
    )


def check_excel(excel: bool, csv_chosen: bool) -> None:
    """--excel only means something with --format csv: say so rather than ignore it."""
    if excel and not csv_chosen:
        fail(_("--excel applies to --format csv only; add --format csv"))


def from_config(problem: UnreadableInput, paths: list[str]) -> UnreadableInput:
    """A problem with an input of the configuration's `paths` says it came from there
    (configured_paths hands them over as they are: no PATH was typed)."""
    config = STATE.config
    if config.source is None or paths != list(config.paths):
        return problem
    return UnreadableInput(
        M_(
            "{problem} (from 'paths' in {config})",
            problem=problem.reason,
            config=str(config.source),
        ),
        problem.path,
    )


def input_sources(paths: list[str] | None) -> list[Source]:
    """The sources of the command line, $HANKKEET_SOURCE, or the embedded data.

    A problem with the file $HANKKEET_SOURCE names says that it came from there.
    """
    if paths:
        failed: list[UnreadableInput] = []
        try:
            sources = resolve(paths, sys.stdin.buffer, refresh=FETCHING.refresh, failed=failed)
        except UnreadableInput as exc:
            raise from_config(exc, paths) from None
        if failed:
            FETCHING.failed.extend(failed)
            if not sources:
                unfetched_said()  # nothing else to read
        return sources
    default = source_from_environment()
    if not default:
        return resolve([], stdin=sys.stdin.buffer)
    try:
        return resolve([default], stdin=sys.stdin.buffer)
    except UnreadableInput as exc:
        raise UnreadableInput(
            M_("${name} names {problem}", name=ENV_SOURCE, problem=exc.message)
        ) from None


@dataclass
class Tally:
    """What was read: projects, projects with errors, inputs that hold no project, and
    inputs with bytes that are not UTF-8 (read as U+FFFD)."""

    projects: int = 0
    with_errors: int = 0
    empty: list[str] = field(default_factory=list)
    damaged: list[str] = field(default_factory=list)

    def count(self, item: ParsedProject | Diagnostic) -> None:
        """Count one parsed project (and whether it has errors) or an input without one."""
        if isinstance(item, ParsedProject):
            self.projects += 1
            self.with_errors += has_errors(item)
        elif item.code == Code.NO_PROJECTS:
            self.empty.append(item.path)
        elif item.code == Code.INVALID_BYTE and item.path not in self.damaged[-1:]:
            self.damaged.append(item.path)  # a file's findings come in a row


def iter_parsed(
    paths: list[str] | None, sources: list[Source] | None = None
) -> Iterator[ParsedProject | Diagnostic]:
    """Parsed projects and file diagnostics from the inputs (or these sources of them), one
    at a time; on a terminal a progress bar follows the reading when it takes a while."""
    sources = input_sources(paths) if sources is None else sources
    if not progress.wanted(STATE.quiet):
        yield from read_projects(sources, STATE.jobs)
        return
    with progress.reading_progress(sources) as shown:
        for item in read_projects(shown.watched(sources), STATE.jobs):
            if isinstance(item, ParsedProject):
                shown.count()
            yield item


@contextmanager
def followed(sources: list[Source]) -> Iterator[list[Source]]:
    """The sources, their reading followed by a progress bar on a terminal (bytes only: the
    caller counts no projects); the bar is gone when the block ends."""
    if not progress.wanted(STATE.quiet):
        yield sources
        return
    with progress.reading_progress(sources, counts_projects=False) as shown:
        yield shown.watched(sources)


def counted(
    items: Iterable[ParsedProject | Diagnostic], tally: Tally
) -> Iterator[ParsedProject | Diagnostic]:
    """The items as they come, each counted in `tally`."""
    for item in items:
        tally.count(item)
        yield item


def iter_projects(
    paths: list[str] | None, tally: Tally, sources: list[Source] | None = None
) -> Iterator[Project]:
    """The inputs' projects (or these sources' projects) one at a time, counted in `tally`
    with their errors."""
    return project_records(counted(iter_parsed(paths, sources), tally))


def load_projects(paths: list[str] | None, tally: Tally | None = None) -> list[Project]:
    """Every project of the inputs (counted in `tally` when given)."""
    return list(iter_projects(paths, tally if tally is not None else Tally()))


def filters_text(active: str | None, programme: str | None, contact: str | None) -> str:
    """The filters as the user typed them, for a note ('--active 2022')."""
    parts = [
        f"{option} {value}"
        for option, value in (
            ("--active", active),
            ("--programme", programme),
            ("--contact", contact),
        )
        if value
    ]
    return " ".join(parts)


def say_what_was_read(tally: Tally, shown: int, filters: str = "") -> None:
    """Notes on stderr: inputs without projects, how many projects, and which have errors
    (--quiet leaves out the counts: how many were read and matched, how many have errors).

    Exits 1 when no input holds a project description at all (a filter that matches nothing
    is not an error).
    """
    for path in tally.damaged:
        note(
            _(
                "{path}: bytes that are not UTF-8 were read as '\ufffd'; "
                "'hankkeet validate' says where"
            ).format(path=path)
        )
    for path in tally.empty:
        note(_("{path}: holds no project description").format(path=path))
    if tally.projects == 0:
        fail(_("no input holds a project description"), EXIT_FINDINGS)
    if STATE.quiet:
        return
    if filters:
        note(
            ngettext(
                "{shown} of {total} project matches {filters}",
                "{shown} of {total} projects match {filters}",
                tally.projects,
            ).format(shown=shown, total=tally.projects, filters=filters)
        )
    else:
        note(
            ngettext("{total} project", "{total} projects", tally.projects).format(
                total=tally.projects
            )
        )
    if tally.with_errors:
        note(
            ngettext(
                "{count} project has errors; run 'hankkeet validate'",
                "{count} projects have errors; run 'hankkeet validate'",
                tally.with_errors,
            ).format(count=tally.with_errors)
        )


def stop_when_nothing_read(tally: Tally) -> None:
    """Exit 1 before any data is written when no input holds a project description: a CSV
    header, an empty JSON array or a total of nothing would pass for an answer (and -o FILE
    is left as it was)."""
    if tally.projects == 0:
        say_what_was_read(tally, 0)


def write(text: str) -> None:
    """Data to stdout, as is."""
    progress.stdout_in_use()
    sys.stdout.write(text)
    sys.stdout.flush()


def note(text: str) -> None:
    """A message for the person, on stderr (control characters made visible)."""
    progress.messages_in_use()
    typer.echo("\n".join(visible(line) for line in text.split("\n")), err=True)


def note_without_period(count: int) -> None:
    """Say how many projects --active could not test, never leave them out silently."""
    if count:
        note(
            ngettext(
                "{count} project without a readable period was left out of --active; "
                "run 'hankkeet validate' to see why",
                "{count} projects without a readable period were left out of --active; "
                "run 'hankkeet validate' to see why",
                count,
            ).format(count=count)
        )


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
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=version_callback,
            is_eager=True,
            help=N_("Show the version and exit."),
        ),
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help=N_("Show a traceback on internal errors."))
    ] = False,
    quiet: QuietOpt = False,
    jobs: JobsOpt = None,
    lang: LangOpt = None,
    no_config: Annotated[
        bool,
        typer.Option(
            "--no-config",
            help=N_("Ignore hankkeet.toml and [tool.hankkeet] in pyproject.toml."),
        ),
    ] = False,
) -> None:
    """Finnish municipal development projects (hankkeet) as exact, typed records.

    With no PATH, commands read the embedded data (or the file $HANKKEET_SOURCE names).

    Example: hankkeet list --active 2022
    """
    ctx.with_resource(stopped_from_outside())
    ctx.call_on_close(unfetched_said)  # at the end: addresses that could not be fetched
    STATE.debug = debug
    STATE.quiet = quiet
    STATE.jobs = available_cores() if jobs is None else jobs
    try:
        STATE.config = NO_CONFIG if no_config else discover(Path.cwd())
    except ConfigError as exc:
        fail(exc)
    set_language(lang or configured_language(STATE.config) or language_from_environment(os.environ))


MergeOpt = Annotated[
    bool,
    typer.Option(
        "--merge",
        help=N_(
            "One record per project that several sources describe (a 'match' group of "
            "'hankkeet link'): each field from the most trusted source, with its sources."
        ),
    ),
]
