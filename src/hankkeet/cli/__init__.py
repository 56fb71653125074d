"""The command line: a thin Typer layer over the library.

The app and its commands load on first use: `hankkeet --version` answers without them.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import typer

    app: typer.Typer


def main() -> None:
    """Run the command line; internal errors become one line on stderr unless --debug."""
    if sys.argv[1:] == ["--version"]:
        from hankkeet import __version__

        print(f"hankkeet {__version__}")
        return
    # Pydantic looks for plugins in the entry points of every installed distribution when
    # the first model is defined (importlib.metadata, about 20 ms): the command line has no
    # use for them. A value the user set (even empty) is kept.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    from hankkeet.cli.application import run

    run()


def __getattr__(name: str) -> object:
    """`app` loads the commands when asked for."""
    if name == "app":
        from hankkeet.cli.application import load_commands

        return load_commands()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["app", "main"]
