"""Dates and periods in Finnish text, read with explicit patterns only; nothing is guessed."""

from __future__ import annotations

import re
from datetime import date
from typing import Literal, NamedTuple

from dateutil.relativedelta import relativedelta

from hankkeet.diagnostics import Code, Problem
from hankkeet.locale import M_, Message
from hankkeet.reading.labels import FROM_WORDS, MONTHS, SEASON_WORDS, UNTIL_WORDS, YEAR_WORDS
from hankkeet.reading.text import replace_each

# One alternation of fixed shapes; each branch is bounded, so the scan is linear.
_DATE_TOKEN = re.compile(
    r"(?<![0-9.])(?:"
    r"(?P<iy>[0-9]{4})-(?P<im>[0-9]{1,2})-(?P<id>[0-9]{1,2})"
    r"|(?P<d>[0-9]{1,2})\.(?P<m>[0-9]{1,2})\.(?P<y>[0-9]{4})?"
    r"|(?P<mm>[0-9]{1,2})/(?P<my>[0-9]{4})"
    r"|(?P<yy>(?:19|20)[0-9]{2})"
    r")(?![0-9])"
)
_WORD = re.compile(r"[a-zåäö]+")
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"


_DASH_TABLE = {ord(c): "-" for c in DASHES}
_WRITTEN = re.compile(
    r"\b([0-9]{1,2})\.?\s+("
    + "|".join(sorted(MONTHS, key=len, reverse=True))
    + r")\.?\s+([0-9]{4})\b",
    re.IGNORECASE,
)


# A capitalised word right before a year: a month in another language ('Octobre 2002',
# 'Kesäkuu 2020'), never read as the whole year.
# (Kept as text: re compiles it when a text first needs it, not at every start.)
_NAMED_YEAR = r"\b([A-ZÀ-ÖØ-Ý][a-zà-öø-ÿ]{2,})\.?\s+(?:19|20)[0-9]{2}\b"


# A month and its year ('maaliskuussa 2022', 'i mars 2022', 'in March 2022'), in any case:
# the Finnish months' stems in any inflection, the others as labels.MONTHS writes them.
# (Kept as text, as _NAMED_YEAR is.)
MONTH_YEAR = (
    r"(?i)\b(?:(?:"
    + "|".join(sorted(m.removesuffix("kuuta") for m in MONTHS if m.endswith("kuuta")))
    + r")kuu\w*|"
    + "|".join(sorted((m for m in MONTHS if not m.endswith("kuuta")), key=len, reverse=True))
    + r")\s+(?P<y>(?:19|20)\d\d)\b"
)


def _month_named(text: str) -> bool:
    return re.search(MONTH_YEAR, text) is not None or any(
        m[1].casefold() not in YEAR_WORDS for m in re.finditer(_NAMED_YEAR, text)
    )


def normalise_dashes(text: str) -> str:
    """Every dash variant (–, —, ‐, −) as a plain hyphen; a month written out as its number
    ('1 januari 2019' as '1.1.2019')."""
    text = replace_each(text, DASHES, _DASH_TABLE)
    if _WRITTEN.search(text):
        text = _WRITTEN.sub(lambda m: f"{m[1]}.{MONTHS[m[2].casefold()]}.{m[3]}", text)
    return text


# How much of a date is known: a day, a whole month, a whole year, or day and month with the
# year still to come from context ('1.1.–31.12.2023').
Precision = Literal["day", "month", "year", "partial"]


class DateToken(NamedTuple):
    """One date-like piece of text, as the first and last day it can mean."""

    first: date | None
    last: date | None
    precision: Precision
    text: str
    day: int = 0
    month: int = 0


class PeriodReading(NamedTuple):
    """The result of reading a period: start and end, plus diagnostics as (code, message)."""

    start: date | None
    end: date | None
    problems: tuple[Problem, ...] = ()


def _real_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_span(year: int, month: int) -> tuple[date, date] | None:
    first = _real_date(year, month, 1)
    if first is None:
        return None
    return first, first + relativedelta(months=1, days=-1)


def date_tokens(text: str) -> list[DateToken] | str:
    """The date-like pieces of the text, or the text of an impossible one (31.2.2023)."""
    tokens: list[DateToken] = []
    for m in _DATE_TOKEN.finditer(text):
        g = m.groupdict()
        if g["iy"]:
            d = _real_date(int(g["iy"]), int(g["im"]), int(g["id"]))
            if d is None:
                return m.group()
            tokens.append(DateToken(d, d, "day", m.group()))
        elif g["d"]:
            if g["y"] is None:
                tokens.append(DateToken(None, None, "partial", m.group(), int(g["d"]), int(g["m"])))
                continue
            d = _real_date(int(g["y"]), int(g["m"]), int(g["d"]))
            if d is None:
                return m.group()
            tokens.append(DateToken(d, d, "day", m.group()))
        elif g["mm"]:
            span = _month_span(int(g["my"]), int(g["mm"]))
            if span is None:
                return m.group()
            tokens.append(DateToken(span[0], span[1], "month", m.group()))
        else:
            year = int(g["yy"])
            tokens.append(DateToken(date(year, 1, 1), date(year, 12, 31), "year", m.group()))
    return tokens


def read_date(text: str) -> PeriodReading:
    """Read one date (a start or an end label's value) as a period of one day."""
    found = date_tokens(normalise_dashes(text))
    if isinstance(found, str):
        return PeriodReading(
            None,
            None,
            (Problem(Code.IMPOSSIBLE_DATE, M_("'{date}' is not a real date", date=found)),),
        )
    if len(found) == 1 and found[0].precision == "month":
        return _months_left_out(text, found)
    days = [t for t in found if t.precision == "day"]
    if len(found) != 1 or not days:
        return PeriodReading(
            None,
            None,
            (Problem(Code.UNREADABLE_DATE, M_("'{text}' is not one date", text=text)),),
        )
    return PeriodReading(days[0].first, days[0].last)


# The shape most periods are written in, two whole dates with a dash of any kind between:
# read without the general steps, which give the same answer for it
# (tests/test_fast_paths.py).
_TWO_DAYS = re.compile(
    r"([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4}) ?[-"
    + DASHES
    + r"] ?([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})"
)


def read_period(text: str) -> PeriodReading:
    """Read a period ("1.11.2021–31.10.2023", "2024–2025", "1.1.2023 alkaen")."""
    m = _TWO_DAYS.fullmatch(text)
    if m is not None:
        first = _real_date(int(m[3]), int(m[2]), int(m[1]))
        last = _real_date(int(m[6]), int(m[5]), int(m[4]))
        if first is not None and last is not None:
            return PeriodReading(first, last)
    return read_period_generally(text)


def _unread(code: Code, message: Message) -> PeriodReading:
    """No period, and the finding that says why."""
    return PeriodReading(None, None, (Problem(code, message),))


def read_period_generally(text: str) -> PeriodReading:
    """read_period without its fast path (what the fast path is tested against)."""
    clean = normalise_dashes(text)
    words = set(_WORD.findall(clean.casefold()))
    found = date_tokens(clean)
    if isinstance(found, str):
        return _unread(Code.IMPOSSIBLE_DATE, M_("'{date}' is not a real date", date=found))
    if words & set(SEASON_WORDS):
        return _unread(Code.UNREADABLE_DATE, M_("'{text}' names a season, not a date", text=text))
    if not found:
        return _unread(Code.UNREADABLE_DATE, M_("no date in '{text}'", text=text))
    if len(found) == 2 and found[0].precision == "partial" and found[1].first is not None:
        # "1.1.–31.12.2023": the start's year is the end's year, written once.
        end_year = found[1].first.year
        first = _real_date(end_year, found[0].month, found[0].day)
        if first is None:
            written = f"{found[0].text}{end_year}"
            return _unread(Code.IMPOSSIBLE_DATE, M_("'{date}' is not a real date", date=written))
        found = [DateToken(first, first, "day", found[0].text), found[1]]
    unclear = _unclear(text, clean, words, found)
    if unclear is not None:
        return _unread(Code.UNREADABLE_DATE, unclear)
    if any(t.precision == "month" for t in found):
        return _months_left_out(text, found)
    problems: list[Problem] = []
    if found[0].precision == "year":
        problems.append(
            Problem(
                Code.PERIOD_YEARS_ONLY,
                M_("'{text}' gives years only: read as 1 January to 31 December", text=text),
            )
        )
    if len(found) == 1:
        return _one_date(text, words, found[0], problems)
    if len(found) > 2:
        return _unread(
            Code.UNREADABLE_DATE,
            M_(
                "'{text}' holds {count} dates; which two are meant is unclear",
                text=text,
                count=len(found),
            ),
        )
    return PeriodReading(found[0].first, found[1].last, tuple(problems))


def _months_left_out(text: str, found: list[DateToken]) -> PeriodReading:
    """A period with a month and no day in it: a month is no date (tests/corpus/FORMAT.md),
    so it is left empty, and a whole date beside it kept ('9/2022–31.8.2023' has an end)."""
    why = Problem(
        Code.PERIOD_MONTHS_ONLY,
        M_("'{text}' gives a month without a day, which is left empty", text=text),
    )
    if len(found) != 2:
        return PeriodReading(None, None, (why,))
    first, last = (None if t.precision == "month" else t for t in found)
    return PeriodReading(first and first.first, last and last.last, (why,))


def _unclear(text: str, clean: str, words: set[str], found: list[DateToken]) -> Message | None:
    """Why dates read from a text give no period (a date without a year, years mixed with
    dates, months that were not read), or None."""
    if any(t.precision == "partial" for t in found):
        return M_("a date without a year in '{text}'", text=text)
    if any(t.precision == "year" for t in found) and any(t.precision != "year" for t in found):
        return M_("'{text}' mixes years with dates; which is meant is unclear", text=text)
    if all(t.precision == "year" for t in found) and (words & MONTHS.keys() or _month_named(clean)):
        # 'May 2014 – June 2016', '1 Jun 2014 - 2016': months that were not read;
        # the years alone would put the start and the end months away from the text's.
        return M_("'{text}' gives days or months that could not be read", text=text)
    return None


def _one_date(
    text: str, words: set[str], token: DateToken, problems: list[Problem]
) -> PeriodReading:
    """The period of a text with one date: a year alone is the whole year; a date with
    'from' or 'until' an open period; any other date no period."""
    if token.precision == "year" and not words & set(FROM_WORDS + UNTIL_WORDS):
        return PeriodReading(token.first, token.last, tuple(problems))
    if words & set(FROM_WORDS):
        problems.append(
            Problem(Code.OPEN_ENDED_PERIOD, M_("'{text}' has a start but no end", text=text))
        )
        return PeriodReading(token.first, None, tuple(problems))
    if words & set(UNTIL_WORDS):
        problems.append(
            Problem(Code.OPEN_ENDED_PERIOD, M_("'{text}' has an end but no start", text=text))
        )
        return PeriodReading(None, token.last, tuple(problems))
    return _unread(Code.UNREADABLE_DATE, M_("'{text}' is one date, not a period", text=text))


def parse_cli_date(text: str) -> date | None:
    """A date typed on the command line: '2022-06-15' or '15.6.2022'; None if not one."""
    m = re.fullmatch(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})", text.strip())
    if m:
        return _real_date(int(m[1]), int(m[2]), int(m[3]))
    m = re.fullmatch(r"([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})", text.strip())
    if m:
        return _real_date(int(m[3]), int(m[2]), int(m[1]))
    return None
