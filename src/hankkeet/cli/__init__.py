"""The command line: a thin Typer layer over the library.

The app and its commands load on first use: `hankkeet --version` answers without them.
"""

from __future__ import annotations

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
    from hankkeet.cli.application import run

    run()


def __getattr__(name: str) -> object:
    """`app` loads the commands when asked for."""
    if name == "app":
        from hankkeet.cli.application import app as loaded

        return loaded
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["app", "main"]
