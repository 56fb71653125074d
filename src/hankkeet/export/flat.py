"""Choosing columns and rows of the flat formats: --columns, --limit, --reverse."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from hankkeet.locale import _
from hankkeet.render.cells import COLUMNS

T = TypeVar("T")


class UnknownColumn(ValueError):
    """A column name given to --columns is not one of the columns."""


def parse_columns(text: str | None, available: Sequence[str] = COLUMNS) -> tuple[str, ...]:
    """'name,budget' as column names in the order given; all columns when text is empty."""
    if not text or not text.strip():
        return tuple(available)
    chosen: list[str] = []
    for part in text.split(","):
        name = part.strip().casefold().replace("-", "_")
        if not name:
            continue
        if name not in available:
            raise UnknownColumn(
                _("unknown column '{name}' in --columns; columns: {columns}").format(
                    name=part.strip(), columns=",".join(available)
                )
            )
        if name not in chosen:
            chosen.append(name)
    if not chosen:
        raise UnknownColumn(
            _("--columns needs column names; columns: {columns}").format(
                columns=",".join(available)
            )
        )
    return tuple(chosen)


def limited(items: Sequence[T], limit: int | None) -> list[T]:
    """The first `limit` items (all of them when limit is None)."""
    return list(items if limit is None else items[:limit])
