"""The Typer app with every command registered, and running it."""

from __future__ import annotations

import sys

# Importing a command module registers its commands on the app.
from hankkeet.cli import diff, records, search, totals, validate  # noqa: F401
from hankkeet.cli.common import EXIT_UNUSABLE, STATE, app, translate_help

translate_help(app)


def run() -> None:
    """Run the command line; internal errors become one line on stderr unless --debug."""
    try:
        app(standalone_mode=True)
    except BrokenPipeError:
        # The reader went away (`hankkeet list | head`): not an error worth a message.
        sys.stderr.close()
        sys.exit(0)
    except Exception as exc:  # the last line of defence; --debug shows the traceback
        if STATE.debug:
            raise
        print(
            f"hankkeet: internal error: {type(exc).__name__}: {exc} (run with --debug for details)",
            file=sys.stderr,
        )
        sys.exit(EXIT_UNUSABLE)


__all__ = ["app", "run"]
