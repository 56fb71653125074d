"""Writing Finnish: numbers, euros, dates and periods as every view shows them (one place).

Every human view (tables, charts, notes, `show`, validation messages) writes money, numbers,
dates and periods through these functions, so the same amount always reads the same way:
NBSP between thousands and before '€' (a line never breaks inside an amount), a decimal
comma, and in a column of money the same decimals on every row. Machine formats (JSON, CSV)
never come here: they keep the exact decimals the text states.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal
from typing import Protocol

NBSP = "\u00a0"
CENT = Decimal("0.01")


def format_number(
    value: Decimal | None, group: str = NBSP, decimal: str = ",", places: int | None = None
) -> str:
    """A number in Finnish form: thousands grouped, decimal comma; `places` fixes decimals."""
    if value is None:
        return ""
    if places is not None:
        value = value.quantize(Decimal(1).scaleb(-places))
    sign = "-" if value < 0 else ""
    text = format(value.copy_abs(), "f")  # abs() would round to the context's 28 digits
    whole, _, frac = text.partition(".")
    head = len(whole) % 3 or 3
    groups = [whole[:head], *(whole[i : i + 3] for i in range(head, len(whole), 3))]
    out = sign + group.join(groups)
    return out + (decimal + frac if frac else "")


def is_whole(value: Decimal) -> bool:
    """Whether an amount has no cents."""
    return value == value.to_integral_value()


def euro_places(values: Sequence[Decimal | None]) -> int:
    """Decimals for a column of money: 0 when every amount is whole euros, else 2."""
    return 0 if all(v is None or is_whole(v) for v in values) else 2


def format_euros(value: Decimal | None, group: str = NBSP, places: int | None = None) -> str:
    """Euros in Finnish form, as in '344 616 €' ('0 €' for zero); empty for no value.

    Without `places`, whole euros are written without decimals and anything else with
    cents ('4 979,20 €'), never with more digits than a cent unless the text stated them.
    """
    if value is None:
        return ""
    if places is None:
        places = 0 if is_whole(value) else 2 if value == value.quantize(CENT) else None
    return f"{format_number(value, group, places=places)}{NBSP}€"


def money_column(values: Sequence[Decimal | None]) -> list[str]:
    """A column of amounts, all with the same decimals ('178 866,00 €', '264 103,92 €')."""
    places = euro_places(values)
    return [format_euros(v, places=places) for v in values]


def format_percent(value: Decimal | None) -> str:
    """A share in per cent, as in '80 %' (NBSP before the sign)."""
    return "" if value is None else f"{format_number(value)}{NBSP}%"


def format_date(value: date | None) -> str:
    """A date in Finnish form, as in '1.11.2021'; empty for no date."""
    return f"{value.day}.{value.month}.{value.year}" if value else ""


def format_period(start: date | None, end: date | None, spaced: bool = False) -> str:
    """'1.11.2021–31.10.2023', with '…' for an open side; empty with neither.

    `spaced` puts spaces around the dash ('1.11.2021 – 31.10.2023', NBSP before it) so a
    narrow column can wrap the period after the dash, never before it.
    """
    if start is None and end is None:
        return ""
    dash = f"{NBSP}– " if spaced else "–"
    return f"{format_date(start) or '…'}{dash}{format_date(end) or '…'}"


class Headcount(Protocol):
    """What format_staff reads of a staff period (models.StaffPeriod)."""

    @property
    def count(self) -> Decimal: ...
    @property
    def start(self) -> date | None: ...
    @property
    def end(self) -> date | None: ...


def format_staff(periods: Iterable[Headcount]) -> str:
    """Headcounts and their periods, as in '2,5 (1.9.2021–31.12.2021); 3,0 (1.1.2022–…)'."""
    return "; ".join(
        f"{format_number(p.count)} ({format_period(p.start, p.end) or '…'})" for p in periods
    )
