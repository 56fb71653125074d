"""The run's language, chosen before the command line is parsed, and help and usage errors
written in it.

Typer and the Click it carries write their help headings ('Usage:', 'Options:'), the notes
after an option's help ('[default: table]') and their usage errors in English, from
f-strings that no gettext catalogue reaches. So the app's own group and command classes
do it instead, in three places:

1. `LocalGroup.main` chooses the language from the command line as typed (`--lang`), the
   configuration and the locale, then `translate_help` puts every help text of the command
   tree into it: command docstrings, option and argument help (`N_()` messages, or
   `filled_help` texts with fields) and the help option's own line.
2. `LocalFormatter` (through `LocalContext`) writes the headings and the notes after an
   option's help in that language.
3. Usage errors are caught where Typer parses (`make_context`, `invoke`) and worded again
   from what they carry (the parameter, its choices and range, the value given): a
   `WordedUsageError` shows the usage line, the hint and the message in the language.
"""

from __future__ import annotations

import inspect
import os
import re
import sys
import weakref
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import typer
from typer import _click as click
from typer._click.exceptions import (
    BadOptionUsage,
    BadParameter,
    MissingParameter,
    NoArgsIsHelpError,
    NoSuchOption,
    UsageError,
)
from typer._click.formatting import HelpFormatter
from typer._click.utils import echo
from typer.core import TyperCommand, TyperGroup

from hankkeet.config import Config, ConfigError, discover
from hankkeet.locale import N_, Language, _, language_from_environment, set_language
from hankkeet.reading.text import visible

# Click's and Typer's own help texts, translated through the catalogues like ours.
HELP_OPTION = N_("Show this message and exit.")
INSTALL_COMPLETION = N_("Install completion for the current shell.")
SHOW_COMPLETION = N_(
    "Show completion for the current shell, to copy it or customize the installation."
)
OPTIONS_METAVAR = N_("[OPTIONS]")
COMMAND_METAVAR = N_("COMMAND [ARGS]...")
SECTIONS = (N_("Arguments"), N_("Options"), N_("Commands"))


def configured_language(config: Config) -> Language | None:
    """The configuration's `language` (checked when the file was read), if it has one."""
    return Language(config.language) if config.language else None


def typed_language(argv: Sequence[str]) -> Language | None:
    """The language of the last --lang in the words as typed, before the app's or after the
    command's name (Click keeps the last of an option given twice), up to a `--`; None
    when no --lang names one."""
    found = None
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        value = (
            arg.removeprefix("--lang=")
            if arg.startswith("--lang=")
            else argv[i + 1]
            if arg == "--lang" and i + 1 < len(argv)
            else None
        )
        if value in (Language.FI.value, Language.EN.value):
            found = Language(value)
    return found


def initial_language(
    argv: Sequence[str], environ: Mapping[str, str], folder: Path | None = None
) -> Language:
    """--lang as typed (read before Typer parses it, so that help and usage errors follow
    it), else the configured language (unless --no-config), else the locale."""
    typed = typed_language(argv)
    if typed is not None:
        return typed
    if folder is not None and "--no-config" not in argv:
        try:
            configured = configured_language(discover(folder))
        except ConfigError:
            configured = None  # the command's own start says what is wrong with the file
        if configured is not None:
            return configured
    return language_from_environment(environ)


def current_folder() -> Path | None:
    """The working folder, or None when it was removed under us (no configuration to find)."""
    try:
        return Path.cwd()
    except OSError:
        return None


# Help texts with fields ({endings}): the English text made, and the message and fields it
# was made from (Typer keeps only the text; the translation step finds the rest here).
_FILLED: dict[str, tuple[str, dict[str, str]]] = {}


def filled_help(msgid: str, **fields: str) -> str:
    """A help text with fields: the English text now, translated when the help is shown."""
    text = msgid.format(**fields)
    _FILLED[text] = (msgid, fields)
    return text


# The help of each object as written (a message id), whatever language it was last put in.
_written: weakref.WeakKeyDictionary[object, str] = weakref.WeakKeyDictionary()


def _in_language(thing: object, text: str | None) -> str | None:
    """`text`, the help `thing` was made with, in the active language."""
    if text is None:
        return None
    written = inspect.cleandoc(_written.setdefault(thing, text))
    if written in _FILLED:
        msgid, fields = _FILLED[written]
        return _(msgid).format(**fields)
    return _(written)


def translate_help(command: click.Command) -> None:
    """Every help text of a command and the commands under it, in the active language."""
    command.help = _in_language(command, command.help)
    command.options_metavar = _(OPTIONS_METAVAR)
    for param in command.params:
        if isinstance(param, typer.core.TyperOption | typer.core.TyperArgument):
            param.help = _in_language(param, param.help)
        if param.name == "install_completion":
            param.callback = install_completion
    if isinstance(command, TyperGroup):
        command.subcommand_metavar = _(COMMAND_METAVAR)
        for sub in command.commands.values():
            translate_help(sub)


def install_completion(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    """--install-completion, saying what it did in the run's language."""
    if not value or ctx.resilient_parsing:
        return value
    from typer._completion_shared import install

    shell, path = install(shell=value) if isinstance(value, str) else install()
    echo(
        _("{shell} completion installed in {path}; it takes effect in a new terminal").format(
            shell=shell, path=path
        ),
        err=True,
    )
    sys.exit(0)


# The notes Typer adds after an option's help: '[default: table; x>=0; required]'. These
# patterns, and the usage errors' below, are needed only for help and errors: kept as text,
# compiled by re (and cached there) when first used, not at every start.
_NOTES = r"(?:^|(?<=  ))\[([^\[\]]+)\]$"
_NOTE_WORDS: tuple[tuple[str, Callable[[re.Match[str]], str]], ...] = (
    (r"default: (.*)", lambda m: _("default: {default}").format(default=m[1])),
    (r"required", lambda m: _("required")),
    (r"env var: (.*)", lambda m: _("environment variable: {name}").format(name=m[1])),
    (r"x>=(\S+)", lambda m: _("at least {least}").format(least=m[1])),
    (r"x<=(\S+)", lambda m: _("at most {most}").format(most=m[1])),
    (r"(\S+)<=x<=(\S+)", lambda m: _("from {least} to {most}").format(least=m[1], most=m[2])),
)


def notes_in_language(help_text: str) -> str:
    """An option's help with Typer's notes after it ('[default: x]') in the language."""
    found = re.search(_NOTES, help_text)
    if found is None:
        return help_text
    notes = []
    for note in found[1].split("; "):
        for pattern, word in _NOTE_WORDS:
            if matched := re.fullmatch(pattern, note):
                note = word(matched)
                break
        notes.append(note)
    return f"{help_text[: found.start()]}[{'; '.join(notes)}]"


class LocalFormatter(HelpFormatter):
    """Click's help formatter with its headings and option notes in the language."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        """'Usage: hankkeet list [OPTIONS]' in the language."""
        super().write_usage(prog, args, _("Usage: ") if prefix is None else prefix)

    @contextmanager
    def section(self, name: str) -> Iterator[None]:
        """A heading ('Options') in the language."""
        with super().section(_(name)):
            yield

    def write_dl(
        self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2
    ) -> None:
        """Options and commands, the notes after each help in the language."""
        super().write_dl(
            [(first, notes_in_language(second)) for first, second in rows], col_max, col_spacing
        )


class LocalContext(typer.Context):
    """A context whose help and usage lines come from `LocalFormatter`."""

    formatter_class = LocalFormatter


class WordedUsageError(UsageError):
    """A usage error worded by us: the usage line, the hint and the message in the
    run's language, as Click shows its own."""

    def show(self, file: IO[Any] | None = None) -> None:
        """Usage, hint and message on stderr."""
        out = sys.stderr if file is None else file
        ctx = self.ctx
        if ctx is not None:
            hint = ""
            if ctx.command.get_help_option(ctx) is not None:
                hint = (
                    _("Try '{command} {option}' for help.").format(
                        command=ctx.command_path, option=ctx.help_option_names[0]
                    )
                    + "\n"
                )
            echo(f"{ctx.get_usage()}\n{hint}", file=out, color=ctx.color)
        # The message may quote what was typed: control characters made visible.
        echo(_("Error: {message}").format(message=visible(self.message)), file=out)


def _hint(param: click.Parameter | None, given: Sequence[str] | str | None) -> str:
    """How the parameter is named in a message: "'--format' / '-f'", "'ID'"."""
    if given is not None:
        return given if isinstance(given, str) else " / ".join(repr(x) for x in given)
    if isinstance(param, typer.core.TyperOption | typer.core.TyperArgument):
        return param.get_error_hint()
    return f"'{param.name}'" if param is not None and param.name else ""


def _value_problem(exc: BadParameter) -> str:
    """What is wrong with the value a parameter was given, in the language."""
    from pydantic import ValidationError

    param = exc.param
    cause = exc.__cause__
    if not isinstance(cause, ValidationError) or not cause.errors():
        return exc.message  # our own messages are in the language already
    error = cause.errors()[0]
    given = str(error.get("input", ""))
    descriptor = getattr(param, "type_descriptor", None)
    if descriptor is not None and descriptor.is_choice and descriptor.choices is not None:
        choices = ", ".join(str(getattr(c, "value", c)) for c in descriptor.choices)
        return _("'{value}' is not one of: {choices}").format(value=given, choices=choices)
    least, most = getattr(param, "min", None), getattr(param, "max", None)
    kind = error.get("type", "")
    if kind in ("greater_than_equal", "greater_than") and least is not None:
        return _("'{value}' is less than {least}").format(value=given, least=least)
    if kind in ("less_than_equal", "less_than") and most is not None:
        return _("'{value}' is more than {most}").format(value=given, most=most)
    if kind.startswith("int_"):
        return _("'{value}' is not a whole number").format(value=given)
    return _("'{value}' is not a valid value").format(value=given)


# Usage errors Click words only in its message, never in its type (as text: see _NOTES).
_EXTRA_ARGUMENTS = r"Got unexpected extra argument\(s\) \((.*)\)"
_NO_COMMAND = r"No such command '(.*?)'\.(?: Did you mean (.*)\?)?"
_REQUIRES_VALUE = r"Option '(.*)' requires (?:an argument|\d+ arguments)\."
_TAKES_NO_VALUE = r"Option '(.*)' does not take a value\."


def usage_message(exc: UsageError) -> str:
    """The message of a usage error from Click or Typer, worded again in the language."""
    if isinstance(exc, NoSuchOption):
        text = _("no such option: {option}").format(option=exc.option_name)
        if exc.possibilities:
            text += _(" (did you mean {options}?)").format(
                options=", ".join(sorted(exc.possibilities))
            )
        return text
    if isinstance(exc, MissingParameter):
        kind = exc.param_type or (exc.param.param_type_name if exc.param else "")
        name = _hint(exc.param, exc.param_hint)
        if kind == "argument":
            return _("missing argument {name}").format(name=name)
        return _("missing option {name}").format(name=name)
    if isinstance(exc, BadParameter):
        return _("invalid value for {name}: {problem}").format(
            name=_hint(exc.param, exc.param_hint), problem=_value_problem(exc)
        )
    message = exc.message
    if isinstance(exc, BadOptionUsage):
        if matched := re.fullmatch(_REQUIRES_VALUE, message):
            return _("option {option} needs a value").format(option=matched[1])
        if matched := re.fullmatch(_TAKES_NO_VALUE, message):
            return _("option {option} takes no value").format(option=matched[1])
    if matched := re.fullmatch(_EXTRA_ARGUMENTS, message, re.DOTALL):
        return _("unexpected extra arguments: {arguments}").format(arguments=matched[1])
    if matched := re.fullmatch(_NO_COMMAND, message, re.DOTALL):
        text = _("no such command '{name}'").format(name=matched[1])
        if matched[2]:
            text += _(" (did you mean {commands}?)").format(commands=matched[2])
        return text
    if message == "Missing command.":
        return _("missing command")
    return message


@contextmanager
def worded_usage_errors() -> Iterator[None]:
    """Usage errors raised inside the block come out worded in the run's language."""
    try:
        yield
    except (WordedUsageError, NoArgsIsHelpError):
        raise
    except UsageError as exc:
        raise WordedUsageError(usage_message(exc), exc.ctx) from None


@contextmanager
def in_context(ctx: click.Context) -> Iterator[None]:
    """A usage error raised without a context (the parser's own) gets this one, so that
    its message comes with the command's usage line, as the others do."""
    try:
        yield
    except UsageError as exc:
        if exc.ctx is None:
            exc.ctx = ctx
        raise


class _Local(click.Command):
    """What the app and its commands share: usage errors and the help option's line in the
    run's language (a mixin before TyperCommand or TyperGroup)."""

    context_class = LocalContext

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Parse the options and arguments, usage errors worded in the language."""
        with in_context(ctx):
            return super().parse_args(ctx, args)

    def get_help_option(self, ctx: click.Context) -> typer.core.TyperOption | None:
        """-h/--help, its own line in the language."""
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = _(HELP_OPTION)
        return option


class LocalCommand(_Local, TyperCommand):
    """A command whose help, usage and usage errors speak the run's language."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Parse the options and arguments; a --lang among them is the run's language from
        here on, so that a usage error in them speaks it too (the app's callback, which ran
        before, chose one without it)."""
        typed = typed_language(args)
        if typed is not None:
            set_language(typed)
        return super().parse_args(ctx, args)


class LocalGroup(_Local, TyperGroup):
    """The app: chooses the language before parsing, and speaks it in help and errors."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        """Choose the language from the words as typed, put the help into it, then run."""
        words = sys.argv[1:] if args is None else list(args)
        set_language(initial_language(words, os.environ, current_folder()))
        translate_help(self)
        return super().main(
            args, prog_name, complete_var, standalone_mode, windows_expand_args, **extra
        )

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        """Parse the app's own options; a usage error is worded in the language."""
        with worded_usage_errors():
            return super().make_context(info_name, args, parent, **extra)

    def invoke(self, ctx: click.Context) -> Any:
        """Find and run the command; its usage errors are worded in the language."""
        with worded_usage_errors():
            return super().invoke(ctx)


class LocalTyper(typer.Typer):
    """A Typer app whose commands are of `command_class` (a `LocalCommand`) unless told
    otherwise."""

    def __init__(self, *, command_class: type[LocalCommand] = LocalCommand, **kwargs: Any):
        super().__init__(**kwargs)
        self.command_class = command_class

    def command(  # type: ignore[override]
        self, name: str | None = None, *, cls: type[TyperCommand] | None = None, **kwargs: Any
    ) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        """`Typer.command`, with the app's command class."""
        return super().command(name, cls=cls or self.command_class, **kwargs)
