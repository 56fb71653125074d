"""JSON and plain values for records: Decimals written digit for digit, dates as ISO text."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from typing import Any


def decimal_text(value: Decimal) -> str:
    """A Decimal as a JSON number: integers without a fraction, others exactly."""
    if value == value.to_integral_value():
        # format(), not int(): a huge integer would hit Python's int-to-text digit limit.
        return format(value.to_integral_value(), "f")
    return format(value.normalize(), "f")


def dumps(value: Any, indent: int | None = None) -> str:
    """JSON text for records; unlike json.dumps, a Decimal never passes through a float."""
    return _encode(value, indent, 0)


def dumps_nested(value: Any, indent: int, level: int) -> str:
    """JSON text for a value nested `level` deep in an indented document (for streaming)."""
    return _encode(value, indent, level)


def _encode(value: Any, indent: int | None, level: int) -> str:
    # Each level joins its children's text at once: a large report costs its text, not a
    # tree of small fragments.
    if isinstance(value, Decimal):
        return decimal_text(value)
    if isinstance(value, date):
        return json.dumps(value.isoformat())
    if isinstance(value, dict):
        items = [
            f"{json.dumps(str(k), ensure_ascii=False)}: {_encode(v, indent, level + 1)}"
            for k, v in value.items()
        ]
        return _container("{", "}", items, indent, level)
    if isinstance(value, (list, tuple)):
        return _container("[", "]", [_encode(v, indent, level + 1) for v in value], indent, level)
    return json.dumps(value, ensure_ascii=False)


def _container(open_: str, close: str, items: list[str], indent: int | None, level: int) -> str:
    if not items:
        return open_ + close
    if indent is None:
        return open_ + ", ".join(items) + close
    pad = "\n" + " " * (indent * (level + 1))
    return open_ + pad + ("," + pad).join(items) + "\n" + " " * (indent * level) + close
