"""The Typer app, its commands loaded on demand, and running it.

Importing a command module registers its commands on the app. A run imports only the module
of the command it runs (`hankkeet list` never loads diff, search or validate, which start
slowly); help, completion and an unknown command load them all, so Typer's help and its
messages list every command, as before.
"""

from __future__ import annotations

import gc
import importlib
import os
import sys
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import typer

from hankkeet.cli import common

if TYPE_CHECKING:
    app: typer.Typer

# Each command and the module that defines it, in the order help lists them.
COMMAND_MODULES: dict[str, str] = {
    "diff": "hankkeet.cli.diff",
    "link": "hankkeet.cli.link",
    "list": "hankkeet.cli.records",
    "show": "hankkeet.cli.records",
    "schema": "hankkeet.cli.records",
    "search": "hankkeet.cli.search",
    "totals": "hankkeet.cli.totals",
    "timeline": "hankkeet.cli.totals",
    "validate": "hankkeet.cli.validate",
}

# The options of the app's callback (common.root) that take a value: the word after one of
# them is that value, not the command.
VALUED_GLOBAL_OPTIONS = frozenset({"--lang", "--jobs", "-j"})


def command_name(argv: Sequence[str]) -> str | None:
    """The command a command line names (the first word that is not a global option or its
    value), or None when it names none (`hankkeet`, `hankkeet --help`)."""
    words = iter(argv)
    for word in words:
        if word in VALUED_GLOBAL_OPTIONS:
            next(words, None)
        elif word == "--":
            return next(words, None)
        elif not word.startswith("-"):
            return word
    return None


def load_commands(names: Iterable[str] | None = None) -> typer.Typer:
    """The app with the commands of these names registered (every command when None, or when
    a name is not a command, so that Typer's 'No such command' can suggest the others)."""
    wanted = list(COMMAND_MODULES) if names is None else list(names)
    if any(name not in COMMAND_MODULES for name in wanted):
        wanted = list(COMMAND_MODULES)
    for module in dict.fromkeys(COMMAND_MODULES[name] for name in wanted):
        importlib.import_module(module)
    # Help lists commands in the order they were registered: keep it fixed, whichever
    # module was imported first.
    order = {name: i for i, name in enumerate(COMMAND_MODULES)}
    common.app.registered_commands.sort(
        key=lambda command: order.get(command.name or "", len(order))
    )
    return common.app


# Young objects collected after this many allocations, not Python's 700: a run makes
# millions of small records and tuples, nearly all freed by reference counting, and a
# long input spent some 5 % of its instructions in collections that found nothing.
GC_THRESHOLD = (20_000, 20, 20)


def lighter_garbage_collection() -> None:
    """Fewer garbage collections for this run (the worker processes fork with them): the
    objects of the loaded modules are frozen out of every collection, and young objects
    are collected less often."""
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLD)


def completing() -> bool:
    """Whether the shell asks for completions (Click's `_PROG_COMPLETE` variable is set)."""
    return any(key.startswith("_") and key.endswith("_COMPLETE") for key in os.environ)


def run() -> None:
    """Run the command line; internal errors become one line on stderr unless --debug."""
    name = None if completing() else command_name(sys.argv[1:])
    app = load_commands(None if name is None else [name])
    lighter_garbage_collection()
    try:
        app(standalone_mode=True)
    except BrokenPipeError:
        # The reader went away (`hankkeet list | head`) outside a command (a command's own
        # broken pipe is common.stopped_from_outside's): quietly, with the same code.
        sys.stderr.close()
        sys.exit(common.EXIT_BROKEN_PIPE)
    except Exception as exc:  # the last line of defence; --debug shows the traceback
        if common.STATE.debug:
            raise
        print(
            f"hankkeet: internal error: {type(exc).__name__}: {exc} (run with --debug for details)",
            file=sys.stderr,
        )
        sys.exit(common.EXIT_UNUSABLE)


def __getattr__(name: str) -> object:
    """`app` is the app with every command, as it was when this module imported them all."""
    if name == "app":
        return load_commands()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["COMMAND_MODULES", "app", "command_name", "load_commands", "run"]
