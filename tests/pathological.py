"""Pathological input shapes of any size, shared by the test suite and the benchmark.

The suite parses each shape (small) and checks the findings; `benchmarks/run.py` parses
each at half a megabyte and reports its cost as a ratio to normal text of the same size.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

SAMPLE_TEXT = (Path(__file__).resolve().parent / "fixtures" / "hostile" / "sample.txt").read_text(
    encoding="utf-8"
)
WORDS = (
    "hanke",
    "kehittää",
    "Kemin",
    "alueen",
    "matkailua",
    "yrityksiä",
    "palvelut",
    "ja",
    "sekä",
    "uusia",
    "työpaikkoja",
    "vuonna",
    "2022",
    "80",
    "%",
    "euroa",
    "(",
    ")",
)
HEAD = "Hanke X\n\nToiminta-aika: 1.1.2020–31.12.2021\nBudjetti: 5 000 €\n"
PERIOD = "Toiminta-aika: 1.1.2020–31.12.2021\n"


def prose(size: int, seed: int = 3) -> str:
    """Finnish-looking words, numbers and signs, about size characters, on one line."""
    rnd = random.Random(seed)
    out: list[str] = []
    total = 0
    while total < size:
        word = rnd.choice(WORDS)
        out.append(word)
        total += len(word) + 1
    return " ".join(out)[:size]


def normal_text(size: int) -> str:
    """The sample's projects again and again (each name unique), about size characters."""
    parts: list[str] = []
    total = 0
    n = 0
    while total < size:
        n += 1
        part = SAMPLE_TEXT.replace("edistämishanke", f"edistämishanke {n}").replace(
            "elävöittäminen", f"elävöittäminen {n}"
        )
        parts.append(part)
        total += len(part) + 1
    return "\n".join(parts)


def _letters(i: int) -> str:
    word = ""
    while True:
        i, r = divmod(i, 26)
        word += "abcdefghijklmnopqrstuvwxyz"[r]
        if not i:
            return word


def _lines(pattern: Callable[[int], str], size: int) -> str:
    parts: list[str] = []
    total = 0
    i = 0
    while total < size:
        line = pattern(i)
        parts.append(line)
        total += len(line)
        i += 1
    return "".join(parts)


def _fill(unit: str, size: int) -> str:
    return unit * (size // len(unit))


class Shape(NamedTuple):
    """A pathological shape: its name, its text at a given size, and why it could be slow."""

    name: str
    make: Callable[[int], str]
    why: str


NO_BUDGET = HEAD[:-18]  # HEAD without its budget line
PATHOLOGICAL: tuple[Shape, ...] = (
    Shape(
        "summary-prose-line",
        lambda n: HEAD + "Tiivistelmä: " + prose(n) + "\n",
        "the reference long line",
    ),
    Shape(
        "title-one-word", lambda n: _fill("A", n) + "\n\n" + PERIOD, "one word the size of the file"
    ),
    Shape(
        "title-many-words",
        lambda n: "Otsikko " + prose(n) + "\n\n" + PERIOD,
        "a title line of prose",
    ),
    Shape(
        "budget-digit-groups",
        lambda n: NO_BUDGET + "Budjetti: " + _fill("1 ", n) + "\n",
        "one run of digits and spaces: every tail could be the number",
    ),
    Shape(
        "budget-digits",
        lambda n: NO_BUDGET + "Budjetti: " + _fill("9", n) + " €\n",
        "a number as long as the file",
    ),
    Shape(
        "budget-dots",
        lambda n: NO_BUDGET + "Budjetti: " + _fill("1.", n) + "\n",
        "thousands separators without end",
    ),
    Shape(
        "budget-amounts",
        lambda n: NO_BUDGET + "Budjetti: " + _fill("(1 € ", n) + "\n",
        "amounts in nested parentheses without end",
    ),
    Shape(
        "budget-nbsp",
        lambda n: NO_BUDGET + "Budjetti: 1" + _fill("\u00a0", n) + "€\n",
        "Unicode spaces without end",
    ),
    Shape(
        "period-dates",
        lambda n: "Hanke X\n\nToiminta-aika: " + _fill("1.1.2020–", n) + "\n",
        "dates without end",
    ),
    Shape(
        "period-digits",
        lambda n: "Hanke X\n\nToiminta-aika: " + _fill("1.", n) + "\n",
        "dots and digits that almost make dates",
    ),
    Shape(
        "contact-letters",
        lambda n: HEAD + "Yhteyshenkilö: Matti " + _fill("a", n) + "\n",
        "one long word: e-mail and name patterns scan it",
    ),
    Shape(
        "contact-at-signs",
        lambda n: HEAD + "Yhteyshenkilö: " + _fill("a@", n) + "\n",
        "an '@' every second character",
    ),
    Shape(
        "contact-dots-at",
        lambda n: HEAD + "Yhteyshenkilö: x@" + _fill("a.", n) + "\n",
        "a domain of endless dots",
    ),
    Shape(
        "contact-phone-dashes",
        lambda n: HEAD + "Yhteyshenkilö: Matti Meikäläinen 1" + _fill("-", n) + "\n",
        "a phone number that never ends in a digit",
    ),
    Shape(
        "contact-phone-digits",
        lambda n: HEAD + "Yhteyshenkilö: puh " + _fill("1 ", n) + "\n",
        "a phone number without end",
    ),
    Shape(
        "contact-many",
        lambda n: (
            HEAD + "Yhteyshenkilö: " + _fill("projektipäällikkö Matti Meikäläinen ja ", n) + "\n"
        ),
        "thousands of contacts",
    ),
    Shape(
        "contact-at-words",
        lambda n: HEAD + "Yhteyshenkilö: " + _fill("Matti (at) ", n) + "\n",
        "'(at)' spelled out again and again",
    ),
    Shape(
        "funding-clauses",
        lambda n: HEAD + "Rahoitus ja ohjelma: " + _fill("EAKR 80 %, ", n) + "\n",
        "funding clauses without end",
    ),
    Shape(
        "funding-caps",
        lambda n: HEAD + "Rahoitus ja ohjelma: " + _fill("EARK ", n) + "\n",
        "programme-typo candidates without end",
    ),
    Shape(
        "funding-one-caps-word",
        lambda n: HEAD + "Rahoitus ja ohjelma: " + _fill("A", n) + "Ü\n",
        "one capitalised word the size of the file",
    ),
    Shape(
        "staff-dates",
        lambda n: HEAD + "Hankehenkilökunnan määrä: 1 (" + _fill("1.1.2020 ", n) + ")\n",
        "a staff change with dates without end",
    ),
    Shape("colons", lambda n: HEAD + _fill(":", n) + "\n", "a line of colons"),
    Shape(
        "label-like-head",
        lambda n: HEAD + "Tuntematon " + _fill("x", n) + ": arvo\n",
        "a label-like head the size of the file",
    ),
    Shape(
        "repeated-known-label",
        lambda n: "Hanke X\n\n" + PERIOD + _fill("Budjetti: 5 €\n", n),
        "tens of thousands of repeats of one field",
    ),
    Shape(
        "repeated-unknown-label",
        lambda n: HEAD + _fill("Tuntematon: x\n", n),
        "tens of thousands of repeats of one unknown label",
    ),
    Shape(
        "distinct-unknown-labels",
        lambda n: HEAD + _lines(lambda i: f"Tuntematon {_letters(i)}: x\n", n),
        "every unknown label different",
    ),
    Shape(
        "duplicate-names",
        lambda n: _fill("Hanke\n\n" + PERIOD + "Budjetti: 5 €\n\n", n),
        "thousands of projects with one name",
    ),
    Shape(
        "headings", lambda n: _fill("Otsikko\n\n", n), "tens of thousands of headings, no project"
    ),
    Shape(
        "stray-lines",
        lambda n: HEAD + "\n" + _fill("Irrallinen lause ilman kenttää.\n\n", n),
        "text that belongs to no field",
    ),
)
