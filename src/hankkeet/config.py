"""Configuration: `[tool.hankkeet]` in pyproject.toml, or hankkeet.toml, found upwards.

As ruff does: from the current folder up to the root, the first folder with a
`hankkeet.toml` (or `.hankkeet.toml`) or a `pyproject.toml` that has a `[tool.hankkeet]`
table wins; the files are not merged. Options on the command line win over the file.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hankkeet.locale import M_, HankkeetError, Language

# In the order they are looked for in each folder.
CONFIG_NAMES = ("hankkeet.toml", ".hankkeet.toml", "pyproject.toml")
LANGUAGES = tuple(language.value for language in Language)
KNOWN_KEYS = frozenset({"paths", "select", "ignore", "strict", "format", "language", "trust"})
# The kinds of source merging (`--merge`) trusts, most trusted first by default.
SOURCE_KINDS = ("register", "page", "decision", "news")


class ConfigError(HankkeetError, ValueError):
    """A configuration file cannot be read or holds a value that makes no sense (its text
    a value: hankkeet.locale.HankkeetError)."""


@dataclass(frozen=True)
class Config:
    """Settings from a configuration file; empty values mean 'not set'.

    `language` (fi or en) is the language of human output when --lang is not given.
    `trust` orders the kinds of source (SOURCE_KINDS) for `--merge`: each field of a merged
    record comes from the most trusted kind that states it; () is the default order.
    """

    source: Path | None = None
    paths: tuple[str, ...] = ()
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    strict: bool | None = None
    output_format: str | None = None
    language: str | None = None
    trust: tuple[str, ...] = ()


NO_CONFIG = Config()


def _table(path: Path) -> dict[str, Any] | None:
    """The hankkeet settings of one file, or None when a pyproject.toml has none."""
    import tomllib  # only when there is a file: every command starts without one

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(M_("cannot read: {problem}", problem=str(exc)), str(path)) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(M_("not valid TOML: {problem}", problem=str(exc)), str(path)) from None
    if path.name != "pyproject.toml":
        return data
    tool = data.get("tool")
    section = tool.get("hankkeet") if isinstance(tool, dict) else None
    return section if isinstance(section, dict) else None


def find_config(start: Path) -> tuple[Path, dict[str, Any]] | None:
    """The nearest configuration file from `start` upwards, with its settings."""
    for folder in (start, *start.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file():
                table = _table(candidate)
                if table is not None:
                    return candidate, table
    return None


def _strings(path: Path, key: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [part for part in value.split(",") if part.strip()]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(M_("'{key}' must be a list of strings", key=key), str(path))
    return tuple(v.strip() for v in value)


def _optional_string(path: Path, key: str, value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ConfigError(M_("'{key}' must be a string", key=key), str(path))
    return value.strip().casefold()


def _language(path: Path, value: Any) -> str | None:
    language = _optional_string(path, "language", value)
    if language is not None and language not in LANGUAGES:
        raise ConfigError(
            M_("'language' must be one of: {languages}", languages=", ".join(LANGUAGES)), str(path)
        )
    return language


def _trust(path: Path, value: Any) -> tuple[str, ...]:
    """The trust order: every kind of source once (kinds left out keep the default order,
    after the named ones)."""
    named = tuple(kind.casefold() for kind in _strings(path, "trust", value))
    wrong = [kind for kind in named if kind not in SOURCE_KINDS]
    if wrong or len(set(named)) != len(named):
        raise ConfigError(
            M_(
                "'trust' must name kinds of source, each once, of: {kinds}",
                kinds=", ".join(SOURCE_KINDS),
            ),
            str(path),
        )
    return (*named, *(kind for kind in SOURCE_KINDS if kind not in named)) if named else ()


def parse_config(path: Path, table: dict[str, Any]) -> Config:
    """The settings of one table; paths are taken relative to the file's folder."""
    unknown = sorted(set(table) - KNOWN_KEYS)
    if unknown:
        near = difflib.get_close_matches(unknown[0], sorted(KNOWN_KEYS), n=1)
        known = ", ".join(sorted(KNOWN_KEYS))
        raise ConfigError(
            M_(
                "unknown setting '{key}' (did you mean '{near}'?); known: {known}",
                key=unknown[0],
                near=near[0],
                known=known,
            )
            if near
            else M_("unknown setting '{key}'; known: {known}", key=unknown[0], known=known),
            str(path),
        )
    strict = table.get("strict")
    if strict is not None and not isinstance(strict, bool):
        raise ConfigError(M_("'strict' must be true or false"), str(path))
    paths = tuple(
        p if p == "-" or Path(p).is_absolute() else str(path.parent / p)
        for p in _strings(path, "paths", table.get("paths", []))
    )
    return Config(
        source=path,
        paths=paths,
        select=_strings(path, "select", table.get("select", [])),
        ignore=_strings(path, "ignore", table.get("ignore", [])),
        strict=strict,
        output_format=_optional_string(path, "format", table.get("format")),
        language=_language(path, table.get("language")),
        trust=_trust(path, table.get("trust", [])),
    )


def discover(start: Path) -> Config:
    """The configuration that applies in folder `start` (NO_CONFIG when there is none)."""
    found = find_config(start.resolve())
    return NO_CONFIG if found is None else parse_config(*found)
