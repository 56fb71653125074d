"""The configuration file's settings as defaults for the commands' options."""

from __future__ import annotations

from hankkeet.cli.common import STATE
from hankkeet.reading.sources import source_from_environment


def configured_format() -> str | None:
    """The configured default output format (each command uses it when it has it)."""
    return STATE.config.output_format


def configured_paths(paths: list[str] | None) -> list[str] | None:
    """PATH arguments, else $HANKKEET_SOURCE (left to the reader), else configured paths."""
    if paths:
        return paths
    if source_from_environment():
        return None
    return list(STATE.config.paths) or None
