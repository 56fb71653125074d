"""Writing Finnish: numbers, euros and dates as every view shows them (one place for all)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

NBSP = "\u00a0"


def format_number(value: Decimal | None, group: str = NBSP, decimal: str = ",") -> str:
    """A number in Finnish form: thousands grouped, decimal comma, no trailing zeros lost."""
    if value is None:
        return ""
    sign = "-" if value < 0 else ""
    text = format(value.copy_abs(), "f")  # abs() would round to the context's 28 digits
    whole, _, frac = text.partition(".")
    head = len(whole) % 3 or 3
    groups = [whole[:head], *(whole[i:i + 3] for i in range(head, len(whole), 3))]
    out = sign + group.join(groups)
    return out + (decimal + frac if frac else "")


def format_euros(value: Decimal | None, group: str = NBSP) -> str:
    """Euros in Finnish form, as in '344 616 €'; empty for no value."""
    if value is None:
        return ""
    return f"{format_number(value, group)}{NBSP}€"


def format_date(value: date | None) -> str:
    """A date in Finnish form, as in '1.11.2021'; empty for no date."""
    return f"{value.day}.{value.month}.{value.year}" if value else ""
