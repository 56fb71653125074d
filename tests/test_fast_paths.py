"""Fast paths give what the general readers give.

The common shapes (`344 616 euroa`, `1.11.2021–31.10.2023`) are read by one pattern each,
and a repeated funding text is read once; each table row says whether its text takes the
fast path, so a row fails when the path is missed or when it reads another value. A sweep
over the benchmark generator's values checks every shape it writes.
"""

from __future__ import annotations

import sys

import pytest

from conftest import ROOT
from hankkeet.locale import Language, use_language
from hankkeet.reading.dates import _TWO_DAYS, read_period, read_period_generally
from hankkeet.reading.funding import read_funding, read_funding_generally
from hankkeet.reading.money import _PLAIN_EUROS, read_money_field, read_money_generally
from hankkeet.reading.text import clean_line

sys.path.insert(0, str(ROOT / "benchmarks"))
from generate import projects as generated  # the benchmark's generator

MONEY = [
    # (text, takes the fast path, why)
    ("344 616 euroa", True, "the seed's shape"),
    ("344\u00a0616\u00a0€", True, "no-break spaces, as format_euros writes them"),
    ("1 234,50 €", True, "cents"),
    ("0,50 €", True, "less than a euro"),
    ("0 euroa", True, "nothing"),
    ("999 999 999 999 999 euroa", True, "fifteen digits, the most an amount has"),
    ("1 000 000 000 000 000 euroa", False, "sixteen digits: the general reader refuses it"),
    ("0 234 €", False, "a leading zero group: the general reader takes the tail"),
    ("256.506 euroa", False, "a dot between thousands"),
    ("1,2 milj. euroa", False, "a multiplier"),
    ("1 234,5 €", False, "one decimal"),
    ("344 616 euroa vuodessa", False, "per year: a finding"),
    ("344 616 euroa (EAKR 70 %)", False, "a share after it"),
    ("-344 616 euroa", False, "a minus sign"),
    ("344 616", False, "no unit"),
    ("344616 euroa", False, "no grouping: the general reader"),
    ("3446160 euroa", False, "seven digits ungrouped"),
    ("344 616 €.", False, "a full stop after the unit"),
]


@pytest.mark.parametrize(("text", "fast", "why"), MONEY, ids=[m[2] for m in MONEY])
def test_money_fast_path_reads_what_the_general_reader_reads(
    text: str, fast: bool, why: str
) -> None:
    """Same value, finding and share; the fast path taken exactly where the row says."""
    assert (_PLAIN_EUROS.fullmatch(clean_line(text)) is not None) is fast, why
    assert read_money_field(text) == read_money_generally(text), why


PERIODS = [
    ("1.11.2021–31.10.2023", True, "the seed's shape"),
    ("1.11.2021 - 31.10.2023", True, "spaced hyphen"),
    ("01.01.2022-31.12.2022", True, "zero-padded"),
    ("1.1.2023–31.12.2022", True, "end before start: the checks report it, both read it"),
    ("31.2.2023–31.12.2023", True, "an impossible date falls back to the general reader"),
    ("1.1.–31.12.2023", False, "the start's year written once"),
    ("1/2024–12/2024", False, "months"),
    ("2027–2028", False, "years only"),
    ("1.1.2023 alkaen", False, "open-ended"),
    ("1.1.2023—31.12.2024", False, "an em dash: the general reader"),
    ("1.1.2023 – 31.12.2024.", False, "a full stop after it"),
]


@pytest.mark.parametrize(("text", "fast", "why"), PERIODS, ids=[p[2] for p in PERIODS])
def test_period_fast_path_reads_what_the_general_reader_reads(
    text: str, fast: bool, why: str
) -> None:
    """Same dates and findings; the fast path's pattern matches exactly where the row says."""
    assert (_TWO_DAYS.fullmatch(text) is not None) is fast, why
    assert read_period(text) == read_period_generally(text), why


FUNDING = [
    "Euroopan aluekehitysrahaston EAKR:n ja valtion rahoitus 899 297 euroa, kuntien "
    "rahoitus 224 824 euroa.",
    "Interreg Aurora -ohjelma, EU-osuus 90 %.",
    "EARK",  # a misspelt programme: a finding
    "Leader ja EAKR",  # two programmes: a finding
]


@pytest.mark.parametrize("language", [Language.EN, Language.FI])
@pytest.mark.parametrize("text", FUNDING)
def test_a_funding_text_read_again_is_read_the_same(text: str, language: Language) -> None:
    """The second reading (from the cache) equals a fresh one, in the language of the run,
    and each reading has records of its own."""
    with use_language(language):
        first, again = read_funding(text), read_funding(text)
        fresh = read_funding_generally(text)
    assert again.funding == fresh.funding
    assert again.programme == fresh.programme
    assert again.problems == fresh.problems
    assert again.funding.model_fields_set == fresh.funding.model_fields_set
    assert again.funding is not first.funding
    pairs = zip(again.funding.sources, first.funding.sources, strict=True)
    assert all(a is not b for a, b in pairs)


def test_every_generated_value_reads_the_same_both_ways() -> None:
    """Every money, period and funding value the benchmark's generator writes."""
    labels = {
        "money": ("Budjetti", "Kustannusarvio", "Kaupungin osuus", "Kunnan osuus"),
        "period": ("Toiminta-aika", "Toteutusaika", "Hankeaika", "Hankkeen kesto"),
        "funding": ("Rahoitus ja ohjelma", "Rahoitus", "Rahoittaja", "Rahoitusohjelma"),
    }
    seen = {kind: 0 for kind in labels}
    for piece in generated(seed=3, limit=400):
        for line in piece.splitlines():
            label, _, value = line.partition(": ")
            value = clean_line(value)
            if label.startswith(labels["money"]):
                assert read_money_field(value) == read_money_generally(value), line
                seen["money"] += 1
            elif label in labels["period"]:
                assert read_period(value) == read_period_generally(value), line
                seen["period"] += 1
            elif label in labels["funding"]:
                assert read_funding(value).funding == read_funding_generally(value).funding, line
                seen["funding"] += 1
    assert min(seen.values()) > 50, seen
