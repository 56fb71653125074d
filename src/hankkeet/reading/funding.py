"""The funding text: its programme, the sources it names, and a total it may state."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from hankkeet.diagnostics import Code, Problem
from hankkeet.locale import M_
from hankkeet.models import FunderKind, Funding, FundingSource, assembled, shallow_copy
from hankkeet.reading.dates import normalise_dashes
from hankkeet.reading.labels import (
    FUNDER_KINDS,
    FUNDER_NOISE_WORDS,
    FUNDING_TOTAL_WORDS,
    FUNDS,
    PROGRAMME_ACRONYMS,
    PROGRAMME_IMPLIES,
    PROGRAMMES,
)
from hankkeet.reading.money import Kind, Quantity, read_number, scan
from hankkeet.reading.text import shorten

# Every distinct pattern of the programme table is searched once per text (a pattern two
# programmes share is not searched twice); a programme is named when all of its are seen.
_ATOMS = list(dict.fromkeys(p for _, pats in PROGRAMMES for p in pats))


# What the two functions below step to, past the plain characters between: an escape (two
# characters, its second never special), a parenthesis or a bar; a character that is not
# plain in a pattern.
_SPECIAL = re.compile(r"\\.|[()|]", re.DOTALL)
_NOT_PLAIN = re.compile(r"[\\.^$*+?{}\[\]|()]")


def _alternatives(pattern: str) -> list[str]:
    """The pattern's top-level alternatives ('a|b(?:c|d)' -> ['a', 'b(?:c|d)'])."""
    out, depth, start = [], 0, 0
    for m in _SPECIAL.finditer(pattern):
        c = m.group()
        if c == "|" and depth == 0:
            out.append(pattern[start : m.start()])
            start = m.end()
        else:
            depth += (c == "(") - (c == ")")
    return [*out, pattern[start:]]


def _prefix(alternative: str) -> str:
    """The text every match of an alternative starts with (word boundaries aside): its
    leading plain characters, less one that a '?', '*' or '{' makes optional."""
    plain = ""
    i, end = 0, len(alternative)
    while i < end:
        special = _NOT_PLAIN.search(alternative, i)
        if special is None:
            return plain + alternative[i:]
        plain += alternative[i : special.start()]
        i = special.start()
        if alternative.startswith("\\b", i):
            i += 2
        elif alternative[i] == "\\" and i + 1 < end and not alternative[i + 1].isalnum():
            plain += alternative[i + 1]  # an escaped character, '\+'
            i += 2
        else:
            if alternative[i] in "?*{" and plain:
                plain = plain[:-1]
            break
    return plain


def literal_check(pattern: str) -> tuple[str, ...] | None:
    """Texts one of which every match of the pattern holds; None when an alternative has
    no plain start (then nothing spares the search)."""
    found = tuple(_prefix(alternative) for alternative in _alternatives(pattern))
    return None if not all(found) else found


class Patterns:
    """Patterns searched in the same texts, answering which of them match.

    Most are absent from a given text: a substring test (in C, fast) on the texts every
    match holds (literal_check) rules them out before any pattern is searched.
    """

    def __init__(self, patterns: list[str]) -> None:
        """The patterns, in order; `matching` answers with their indexes. They are kept as
        text: re compiles (and keeps) one when a text first holds its plain start, as only a
        few of them ever do in a run, not every one of them at every start."""
        self.patterns = patterns
        checks = [literal_check(p) for p in patterns]
        self.texts = [(text, i) for i, found in enumerate(checks) if found for text in found]
        self.always = {i for i, found in enumerate(checks) if found is None}

    def matching(self, key: str) -> set[int]:
        """The indexes of the patterns that match somewhere in key."""
        maybe = {i for text, i in self.texts if text in key} | self.always
        return {i for i in maybe if re.search(self.patterns[i], key)}


_ATOM_PATTERNS = Patterns(_ATOMS)
_PROGRAMME_ATOMS = [(name, {_ATOMS.index(p) for p in pats}) for name, pats in PROGRAMMES]
_KIND_PATTERNS = [(kind, re.compile(p)) for kind, p in FUNDER_KINDS]
# Clauses end at ';', at ', ' and at a sentence's end; a decimal comma has no space after it.
_CLAUSE_END = re.compile(r";|, |\. (?=[A-ZÅÄÖ])|\.$")
_BUDGET_WORDS = re.compile("|".join(FUNDING_TOTAL_WORDS), re.IGNORECASE)
_FUNDER_NOISE = re.compile(r"\b(?:" + "|".join(FUNDER_NOISE_WORDS) + r")\b", re.IGNORECASE)
_CAPS_WORD = r"\b[A-ZÅÄÖ]{3,}\b"  # text: compiled by re when first needed


@dataclass
class FundingReading:
    """The funding record, its programme, and problems as (code, message)."""

    funding: Funding
    programme: str | None
    problems: list[Problem] = field(default_factory=list)


def programme_key(text: str) -> str:
    """Funding text as the programme patterns see it: case-folded, dashes as single spaces.

    "REACT- EU:n ESR- toimenpiteet" becomes "react eu:n esr toimenpiteet".
    """
    return " ".join(normalise_dashes(text).casefold().replace("-", " ").split())


_NONZERO_DIGIT = re.compile("[1-9]")


def digit_shape(text: str) -> str:
    """The text with every digit written as 0: 'rahoitus 1 953 160 euroa' and 'rahoitus
    2 201 575 euroa' have one shape."""
    return _NONZERO_DIGIT.sub("0", text)


# No programme or fund pattern tells one digit from another (tests/test_fast_paths.py walks
# every pattern to check): texts that differ only in their amounts and dates, as the
# funding lines of one publisher do, name the same programmes and funds. A new text is
# searched as its shape, and its key made once for both searches.
_key_of = lru_cache(maxsize=256)(lambda text: programme_key(digit_shape(text)))


def find_programmes(text: str) -> list[str]:
    """Every programme the text names, in the vocabulary's order."""
    return list(_programmes(text))


# A publisher writes the same funding line for project after project ('Euroopan
# aluekehitysrahasto EAKR'): each distinct text is looked up once, and each distinct
# shape searched once. The answers are names, the same in every language; the caches are
# bounded.
@lru_cache(maxsize=8192)
def _programmes(text: str) -> tuple[str, ...]:
    return programmes_in(_key_of(text))


@lru_cache(maxsize=4096)
def programmes_in(key: str) -> tuple[str, ...]:
    """The programmes a programme_key names (what find_programmes gives for its text)."""
    seen = _ATOM_PATTERNS.matching(key)
    found = [name for name, atoms in _PROGRAMME_ATOMS if atoms <= seen]
    implied = {general for name in found for general in PROGRAMME_IMPLIES.get(name, ())}
    return tuple(name for name in found if name not in implied)


_FUND_PATTERNS = Patterns([p for _, p in FUNDS])


def find_funds(text: str) -> list[str]:
    """Every EU fund the text names, in the vocabulary's order ('ESR+' before 'ESR')."""
    return list(_funds(text))


@lru_cache(maxsize=8192)
def _funds(text: str) -> tuple[str, ...]:
    return funds_in(_key_of(text))


@lru_cache(maxsize=4096)
def funds_in(key: str) -> tuple[str, ...]:
    """The funds a programme_key names (what find_funds gives for its text)."""
    seen = _FUND_PATTERNS.matching(key)
    found = [fund for i, (fund, _) in enumerate(FUNDS) if i in seen]
    return tuple(f for f in found if not (f == "ESR" and "ESR+" in found))


def _damerau1(a: str, b: str) -> bool:
    """True when a and b differ by one edit or one swap of neighbouring letters."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def programme_typos(text: str) -> list[tuple[str, str]]:
    """Capitalised words one edit from a programme acronym: (as written, canonical)."""
    out: list[tuple[str, str]] = []
    for word in dict.fromkeys(re.findall(_CAPS_WORD, text)):
        if word in PROGRAMME_ACRONYMS:
            continue
        for acronym, canonical in PROGRAMME_ACRONYMS.items():
            if _damerau1(word, acronym):
                out.append((word, canonical))
                break
    return out


def funder_kind(funder: str) -> FunderKind | None:
    """eu_state, municipal or private, from the funder's words; None when unclear."""
    key = funder.casefold()
    for kind, pattern in _KIND_PATTERNS:
        if pattern.search(key):
            return kind
    return None


def _clauses(text: str) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    last = 0
    for m in _CLAUSE_END.finditer(text):
        out.append((last, text[last : m.start()]))
        last = m.end()
    out.append((last, text[last:]))
    return [(start, c) for start, c in out if c.strip()]


def _funder_text(clause: str, spans: list[tuple[int, int]]) -> str:
    kept = clause
    for start, end in sorted(spans, reverse=True):
        kept = kept[:start] + " " + kept[end:]
    kept = _FUNDER_NOISE.sub(" ", kept.replace("(", " ").replace(")", " "))
    return " ".join(kept.split()).strip(" .,:")


_BARE_AMOUNT = re.compile(r"(?<![0-9.,])(\d{1,3}(?:[ .]\d{3})+(?:,\d{1,2})?|\d+,\d{2})\s*$")


def _bare_amount(clause: str) -> Quantity | None:
    """An amount that ends a funding clause without a unit: grouped thousands or cents."""
    m = _BARE_AMOUNT.search(clause.strip())
    if m is None:
        return None
    read = read_number(m.group(1))
    if read is None:
        return None
    start = clause.find(m.group(1))
    return Quantity(Kind.MONEY, read[0], start, start + len(m.group(1)), m.group(1))


def read_funding(text: str) -> FundingReading:
    """Read programme, sources (funder, amount, share) and a stated total from funding text."""
    # A publisher repeats its funding lines project after project: each distinct text is
    # read once. Every project gets a Funding and a list
    # of its own; the sources in it are shared (a FundingSource is frozen).
    reading = _read_funding_once(text)
    funding = reading.funding
    return FundingReading(
        shallow_copy(funding, sources=list(funding.sources)),
        reading.programme,
        list(reading.problems),
    )


@lru_cache(maxsize=4096)
def _read_funding_once(text: str) -> FundingReading:
    return read_funding_generally(text)


def _programme_of(text: str, problems: list[Problem]) -> str | None:
    """The programme a funding text names (misspelt ones read as the right one, the first
    of several), with the findings of reading it."""
    programmes = find_programmes(text)
    typo_fixed = text
    if not programmes:
        # Each misspelling once, however often it is written.
        for wrong, right in dict.fromkeys(programme_typos(text)):
            problems.append(
                Problem(
                    Code.PROGRAMME_TYPO,
                    M_("'{wrong}' read as '{right}'", wrong=wrong, right=right),
                )
            )
            typo_fixed = typo_fixed.replace(wrong, right)
        programmes = find_programmes(typo_fixed)
    programme = programmes[0] if programmes else None
    if len(programmes) > 1:
        problems.append(
            Problem(
                Code.MULTIPLE_PROGRAMMES,
                M_(
                    "the text names {names}; '{programme}' is used",
                    names=", ".join(programmes),
                    programme=programme,
                ),
            )
        )
    if programme is None:
        problems.append(
            Problem(
                Code.UNKNOWN_PROGRAMME,
                M_("no known programme in '{text}'", text=shorten(text)),
            )
        )
    return programme


def read_funding_generally(text: str) -> FundingReading:
    """read_funding without its cache (what the cached reading is tested against)."""
    problems: list[Problem] = []
    programme = _programme_of(text, problems)
    sources: list[FundingSource] = []
    stated: Decimal | None = None
    for _start, clause in _clauses(text):
        found = scan(clause)
        money, percents = _amounts_in(clause, found)
        if not money and not percents:
            continue
        if _BUDGET_WORDS.search(clause) and money and not percents:
            stated = money[0].value
            continue
        if len(money) > 1 or len(percents) > 1:
            problems.append(
                Problem(
                    Code.STRAY_TEXT,
                    M_(
                        "funding clause '{clause}' names several amounts "
                        "or shares; it is not read as a source",
                        clause=shorten(clause.strip()),
                    ),
                )
            )
            continue
        sources.append(_source(clause, found, money, percents, programme))
    record = {"text": text, "sources": sources, "stated_budget": stated}
    funding = assembled(Funding, record, set(record))
    return FundingReading(funding, programme, problems)


def _amounts_in(clause: str, found: list[Quantity]) -> tuple[list[Quantity], list[Quantity]]:
    """The sums of money (none a year's) and the shares a funding clause names; a bare
    amount at its end counts as money when it names neither."""
    money = [q for q in found if q.kind is Kind.MONEY and not q.per_year]
    percents = [q for q in found if q.kind is Kind.PERCENT]
    if not money and not percents and (bare := _bare_amount(clause)) is not None:
        # 'Yksityinen rahoitus 12 460,00': a funding table's amount, its unit left out.
        money = [bare]
    return money, percents


def _source(
    clause: str,
    found: list[Quantity],
    money: list[Quantity],
    percents: list[Quantity],
    programme: str | None,
) -> FundingSource:
    """A funding clause of at most one sum and one share as a source: its funder is the
    clause without the quantities found (the programme, or '', when nothing is left)."""
    funder = _funder_text(clause, [(q.start, q.end) for q in found])
    amount = money[0].value if money else None
    share = percents[0].value if percents else None
    # Values of their fields' types already: assembled without pydantic's validation
    # (tests/test_fast_paths.py validates every record of the fixtures and the corpus).
    values = {
        "funder": funder or programme or "",
        "amount": amount,
        "share": share,
        "kind": funder_kind(funder),
    }
    return assembled(FundingSource, values, set(values))
