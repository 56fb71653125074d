"""Money in Finnish text ("344 616 euroa", "256.506 €", "4979,2 e", "1,2 milj. euroa")."""

from __future__ import annotations

import re
from decimal import Decimal
from enum import StrEnum
from typing import NamedTuple

from hankkeet.diagnostics import Code
from hankkeet.finnish import format_number
from hankkeet.locale import M_, Message
from hankkeet.reading.labels import (
    APPROXIMATION_WORDS,
    CAP_WORDS,
    EURO_UNITS,
    MULTIPLIERS,
    PER_YEAR_PATTERN,
    PERCENT_WORDS,
)
from hankkeet.reading.text import clean_line, find_word, shorten

# A run of digits with the separators Finnish numbers use. The run is read in Python, not
# by the pattern: one flat character class keeps the scan linear on any input.
_NUMBER_RUN = re.compile(r"[0-9][0-9 .,]*")
# What may follow a number, looked for in a short window after it.
_UNIT = re.compile(
    r" ?(?P<mult>milj\.?|miljoonaa|miljoona|M|t|tuhatta)? ?"
    r"(?P<unit>" + "|".join(re.escape(u) for u in EURO_UNITS) + ")"
    r"(?![0-9A-Za-zÅÄÖåäöÜüÉé])",
    re.IGNORECASE,
)
_PERCENT = re.compile(r" ?(?:" + "|".join(re.escape(w) for w in PERCENT_WORDS) + ")")
_PER_YEAR = re.compile(r" ?(?:" + PER_YEAR_PATTERN + ")", re.IGNORECASE)
_WINDOW = 40
# An amount written in millions ('1,2 milj. €', '3 miljoonaa euroa') is rounded.
_ROUNDED = re.compile(r"\d ?(?:milj|M\b)", re.IGNORECASE)


# The currency before the number and the millions in words: 'EUR 3.1 million', '€2,4 milj.'.
# Kept as text: re compiles it when a text first needs it, not at every start.
_EUR_MILLIONS = r"(?i)(?:\bEUR|€)\s?\d+(?:[.,]\d+)?\s?(?:million|milj|miljoonaa|miljoner)"


def in_millions(text: str) -> bool:
    """'1,2 milj. €', '27,2 M€', '3 miljoonaa': an amount rounded to millions."""
    return bool(_ROUNDED.search(text))


# More digits than this is no amount of euros, and past Decimal's 28-digit precision sums
# would round silently: such a number is not read at all.
MAX_DIGITS = 15
_MAX_GROUPS = 6
_MULTIPLIERS = {word: Decimal(factor) for word, factor in MULTIPLIERS.items()}


class Kind(StrEnum):
    """What a number in the text stands for."""

    MONEY = "money"
    PERCENT = "percent"
    NUMBER = "number"


class Quantity(NamedTuple):
    """A number found in text, with what it is and where it stands (0-based offsets).

    A named tuple: a field of thousands of amounts makes thousands of these, and a tuple is
    several times cheaper to build than a frozen dataclass.
    """

    kind: Kind
    value: Decimal
    start: int
    end: int
    text: str
    per_year: bool = False
    decimal_point: bool = False
    in_parens: bool = False


def read_number(token: str) -> tuple[Decimal, bool] | None:
    """Read one Finnish number ("344 616", "256.506", "4979,2"); None when not one number.

    The flag says a dot was read as a decimal point ("12.50"), which Finnish does not use.
    """
    if token.isdigit():
        return (Decimal(token), False) if len(token) <= MAX_DIGITS else None
    if token.count(",") > 1:
        return None
    whole, _, frac = token.partition(",")
    if frac and not frac.isdigit():
        return None
    groups = whole.replace(".", " ").split(" ")  # what re.split("[ .]") gives, faster
    if not all(g.isdigit() for g in groups) or sum(map(len, groups)) > MAX_DIGITS:
        return None
    if len(groups) > 1 and groups[0].startswith("0"):
        return None  # "000,00" is the tail of a number, not a number
    if len(groups) == 1:
        return Decimal(whole + ("." + frac if frac else "")), False
    return _grouped(whole, frac, groups)


def _grouped(whole: str, frac: str, groups: list[str]) -> tuple[Decimal, bool] | None:
    """A number of several groups: thousands of three digits ('1 234 567', '256.506'), or a
    dot read as a decimal point ('12.50', flagged); None for any other grouping."""
    if len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:]):
        return Decimal("".join(groups) + ("." + frac if frac else "")), False
    if len(groups) == 2 and "." in whole and " " not in whole and not frac and len(groups[1]) <= 2:
        return Decimal(groups[0] + "." + groups[1]), True
    return None


# A run that is one number grouped by spaces, as amounts mostly are: read as a whole.
_GROUPED = re.compile(r"[1-9][0-9]{0,2}(?: [0-9]{3}){0,4}")


def _longest_number(token: str) -> tuple[str, Decimal, bool] | None:
    """The longest space-separated tail of a digit run that reads as one number."""
    if _GROUPED.fullmatch(token):
        # What read_number gives for the whole run (the longest tail), without its steps.
        return token, Decimal(token.replace(" ", "")), False
    return longest_number_generally(token)


def longest_number_generally(token: str) -> tuple[str, Decimal, bool] | None:
    """_longest_number without its fast path (what the fast path is tested against)."""
    # No real amount has more than a handful of digit groups; looking further back would
    # make a long run of digits and spaces cost quadratic time.
    chunks = token.split(" ")[-_MAX_GROUPS:]
    for i in range(len(chunks)):
        tail = " ".join(chunks[i:])
        read = read_number(tail)
        if read is not None:
            return tail, read[0], read[1]
    return None


def scan(text: str) -> list[Quantity]:
    """Every number in the text that is money (has a unit) or a percent, in order."""
    found: list[Quantity] = []
    depth = 0
    last = 0
    for match in _NUMBER_RUN.finditer(text):
        token = match.group().rstrip(" .,")
        start = match.start()
        depth += text.count("(", last, start) - text.count(")", last, start)
        last = start
        num_end = start + len(token)
        window = text[num_end : num_end + _WINDOW]
        # Most numbers (years, dates, section numbers) have no unit: look at what follows
        # first, and read the number only when it is money or a percent.
        unit = _UNIT.match(window)
        percent = None if unit else _PERCENT.match(window)
        if unit is None and percent is None:
            continue
        read = _longest_number(token)
        if read is None:
            continue
        tail, value, decimal_point = read
        num_start = num_end - len(tail)
        if unit is not None:
            mult = (unit.group("mult") or "").rstrip(".").casefold()
            if mult:
                value *= _MULTIPLIERS[mult]
            end = num_end + unit.end()
            per_year = bool(_PER_YEAR.match(text, end, end + _WINDOW))
            found.append(
                Quantity(
                    Kind.MONEY,
                    value,
                    num_start,
                    end,
                    text[num_start:end],
                    per_year,
                    decimal_point,
                    depth > 0,
                )
            )
        elif percent is not None:
            end = num_end + percent.end()
            found.append(
                Quantity(
                    Kind.PERCENT, value, num_start, end, text[num_start:end], in_parens=depth > 0
                )
            )
    return found


class MoneyReading(NamedTuple):
    """The result of reading a money field: a value, or a diagnostic code and message."""

    value: Decimal | None
    problem: Code | None = None
    message: Message | None = None
    share: Decimal | None = None


# The shapes most money fields are written in: '344 616 euroa', '1 234,50 €', '256.506
# euroa', '127106,8 euroa' (thousands grouped by spaces or by dots, or not at all; a
# decimal comma with one or two digits). Read without the general steps, which give the
# same answer for them (tests/test_fast_paths.py); at most MAX_DIGITS digits before the
# comma, as the general reader reads.
_PLAIN_EUROS = re.compile(
    r"([1-9][0-9]{0,2}(?: [0-9]{3}){0,4}|[1-9][0-9]{0,2}(?:\.[0-9]{3}){1,4}|[1-9][0-9]{3,14}|0)"
    r"(?:,([0-9]{1,2}))? (?:euroa|€)"
)


def read_money_field(text: str) -> MoneyReading:
    """Read the one total a money field states; leave it empty and say why when unsure."""
    text = clean_line(text)  # NBSPs as spaces: '1 000 €' as written by format_euros
    m = _PLAIN_EUROS.fullmatch(text)
    if m is not None:
        cents = m[2]
        whole = m[1].replace(" ", "").replace(".", "")
        return MoneyReading(Decimal(whole + ("." + cents if cents else "")))
    return read_money_generally(text)


def _without_euros(text: str, share: Decimal | None, percents: bool) -> MoneyReading:
    """A text with no amount of euros in it: a bare number is one; else why none is read."""
    bare = text.strip().rstrip(".").strip()
    read = read_number(bare) if bare[:1].isdigit() else None
    if read is not None:
        return _with_point_warning(MoneyReading(read[0], share=share), read[1], bare)
    if percents:
        return MoneyReading(
            None,
            Code.UNREADABLE_MONEY,
            M_("'{text}' states a share, not an amount in euros", text=text),
        )
    if re.search(_EUR_MILLIONS, text):
        # 'EUR 3.1 million': English, rounded to millions; its '.' is a decimal point
        # here, and still no exact amount.
        return MoneyReading(
            None,
            Code.UNCERTAIN_FACT,
            M_("'{text}' is rounded to millions, not an exact amount", text=text),
        )
    return MoneyReading(
        None, Code.UNREADABLE_MONEY, M_("no amount in euros in '{text}'", text=text)
    )


def read_money_generally(text: str) -> MoneyReading:
    """read_money_field without its fast path (what the fast path is tested against)."""
    text = clean_line(text)
    quantities = scan(text)
    money = [q for q in quantities if q.kind is Kind.MONEY]
    percents = [q for q in quantities if q.kind is Kind.PERCENT]
    share = percents[0].value if len(percents) == 1 else None
    if not money:
        return _without_euros(text, share, bool(percents))
    totals = [q for q in money if not q.per_year]
    if not totals:
        return MoneyReading(
            None,
            Code.PER_YEAR_AMOUNT,
            M_("'{amount}' is an amount per year, not the total", amount=money[0].text),
        )
    picked = _the_total(totals)
    if isinstance(picked, MoneyReading):
        return picked
    value = picked.value
    if after_dash(text, picked):
        return MoneyReading(
            None,
            Code.UNREADABLE_MONEY,
            M_(
                "'{text}': a minus sign or a range; an amount of euros cannot be read from it",
                text=_around(text, picked),
            ),
        )
    if text[picked.end : picked.end + 3].lstrip(" ").startswith("+"):
        return MoneyReading(
            None,
            Code.UNREADABLE_MONEY,
            M_(
                "'{text}': a sum of parts ('+'); its total cannot be read from it",
                text=_around(text, picked),
            ),
        )
    if hedge := _hedged(text, picked):
        return hedge
    return _with_point_warning(MoneyReading(value, share=share), picked.decimal_point, picked.text)


def after_dash(text: str, q: Quantity) -> bool:
    """The amount follows a dash: a range's end ('2.000-8.000 €') or a minus sign."""
    before = text[max(0, q.start - 2) : q.start].rstrip(" ")
    return before.endswith(("-", "\u2212", "\u2013", "\u2014"))


def _the_total(totals: list[Quantity]) -> Quantity | MoneyReading:
    """The one total among a text's amounts (those outside parentheses first), or the
    ambiguity when they differ."""
    outside = {q.value for q in totals if not q.in_parens}
    inside = {q.value for q in totals if q.in_parens}
    chosen = outside if outside else inside
    if len(chosen) != 1:
        amounts = ", ".join(q.text for q in totals[:3]) + (", …" if len(totals) > 3 else "")
        return MoneyReading(
            None,
            Code.AMBIGUOUS_MONEY,
            M_("several amounts ({amounts}) and none is clearly the total", amounts=amounts),
        )
    value = next(iter(chosen))
    return next(q for q in totals if q.value == value)


def _hedged(text: str, picked: Quantity) -> MoneyReading | None:
    """An amount that a labelled value states only roughly ('noin 80 000 euroa', '1,2 milj.
    €') or as a ceiling ('enintään 50 000 euroa'): no exact amount, and the finding says why,
    as for the same words in a sentence (prose.py)."""
    before = text[max(0, picked.start - 24) : picked.start]
    quoted = shorten(text.strip(), 60)
    if word := find_word(before, CAP_WORDS):
        why = M_("'{text}' is a ceiling ('{word}'), not the amount", text=quoted, word=word)
    elif word := find_word(before, APPROXIMATION_WORDS):
        why = M_(
            "'{text}' is an approximation ('{word}'), not an exact amount", text=quoted, word=word
        )
    elif in_millions(picked.text):
        why = M_("'{text}' is rounded to millions, not an exact amount", text=quoted)
    else:
        return None
    return MoneyReading(None, Code.UNCERTAIN_FACT, why)


def _around(text: str, q: Quantity) -> str:
    return text[max(0, q.start - 2) : q.end].strip()


def _with_point_warning(reading: MoneyReading, decimal_point: bool, text: str) -> MoneyReading:
    if not decimal_point:
        return reading
    return MoneyReading(
        reading.value,
        Code.MONEY_DECIMAL_POINT,
        M_(
            "'{text}' read as {number}: the dot was taken as a decimal point",
            text=text,
            number=format_number(reading.value),
        ),
        reading.share,
    )
