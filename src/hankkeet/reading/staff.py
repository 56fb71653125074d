"""Staff lines: "1", "1,5", "2,5 (31.12.2021 saakka, minkä jälkeen 3,0)" as headcount periods."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from hankkeet.diagnostics import Code, Problem
from hankkeet.locale import M_
from hankkeet.models import StaffPeriod, assembled
from hankkeet.reading.dates import date_tokens, normalise_dashes
from hankkeet.reading.labels import FROM_WORDS, STAFF_UNIT_WORDS, UNTIL_WORDS

_COUNT = re.compile(r"([0-9]{1,4})(?:,([0-9]{1,2}))?")
_UNIT_WORDS = STAFF_UNIT_WORDS


@dataclass
class StaffReading:
    """Headcount periods, and problems as (code, message)."""

    periods: list[StaffPeriod] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _count(text: str) -> Decimal:
    m = _COUNT.fullmatch(text)
    assert m is not None
    return Decimal(m.group(1) + ("." + m.group(2) if m.group(2) else ""))


def read_staff(text: str, start: date | None, end: date | None) -> StaffReading:
    """Read the headcount, and a change of headcount on a date, over the project's period."""
    # Most staff fields are a count alone ('1', '2,5'): read without the general steps,
    # which give the same answer for it (tests/test_fast_paths.py).
    m = _COUNT.fullmatch(text)
    if m is not None:
        count = Decimal(m[1] + ("." + m[2] if m[2] else ""))
        # Assembled without validation: a Decimal and the period's dates (tested as above).
        values = {"count": count, "start": start, "end": end}
        return StaffReading([assembled(StaffPeriod, values, set(values))])
    return read_staff_generally(text, start, end)


def read_staff_generally(text: str, start: date | None, end: date | None) -> StaffReading:
    """read_staff without its fast path (what the fast path is tested against)."""
    clean = " ".join(normalise_dashes(text).split())
    first = _COUNT.match(clean)
    if first is None:
        return StaffReading(
            problems=[Problem(Code.UNREADABLE_STAFF, M_("no headcount in '{text}'", text=text))]
        )
    count = _count(first.group())
    rest = clean[first.end() :].strip(" .")
    words = rest.split()
    while words and words[0].casefold() in _UNIT_WORDS:
        words.pop(0)
    rest = " ".join(words)
    if not rest:
        return StaffReading([StaffPeriod(count=count, start=start, end=end)])
    if not (rest.startswith("(") and rest.endswith(")")):
        return StaffReading(
            problems=[
                Problem(
                    Code.UNREADABLE_STAFF,
                    M_("'{text}': only the headcount could be read", text=text),
                )
            ]
        )
    inner = rest[1:-1]
    tokens = date_tokens(inner)
    days = [] if isinstance(tokens, str) else [t for t in tokens if t.precision == "day"]
    after = _COUNT.findall(re.sub(r"[0-9]{1,2}\.[0-9]{1,2}\.[0-9]{4}", " ", inner))
    lower = inner.casefold()
    if len(days) != 1 or len(after) != 1 or days[0].first is None:
        return StaffReading(
            problems=[
                Problem(Code.UNREADABLE_STAFF, M_("cannot read the change in '{text}'", text=text))
            ]
        )
    change = days[0].first
    later = Decimal(after[0][0] + ("." + after[0][1] if after[0][1] else ""))
    if any(w in lower for w in UNTIL_WORDS):
        cut_end, cut_start = change, change + timedelta(days=1)
    elif any(w in lower for w in FROM_WORDS):
        cut_end, cut_start = change - timedelta(days=1), change
    else:
        return StaffReading(
            problems=[
                Problem(
                    Code.UNREADABLE_STAFF,
                    M_("'{text}': is the date a start or an end?", text=text),
                )
            ]
        )
    return StaffReading(
        [
            StaffPeriod(count=count, start=start, end=cut_end),
            StaffPeriod(count=later, start=cut_start, end=end),
        ]
    )
