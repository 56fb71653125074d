"""The configuration file's settings as defaults for the commands' options."""

from __future__ import annotations

import os

from hankkeet.cli.common import STATE


def configured_format() -> str | None:
    """The configured default output format (each command uses it when it has it)."""
    return STATE.config.output_format


def configured_paths(paths: list[str] | None) -> list[str] | None:
    """PATH arguments, else $HANKKEET_SOURCE (left to the reader), else configured paths."""
    if paths:
        return paths
    if os.environ.get("HANKKEET_SOURCE"):
        return None
    return list(STATE.config.paths) or None
