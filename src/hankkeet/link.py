"""Record linkage: which records, read from different sources, describe one project.

An analyst gathers several sources per project (the city's project page, an EURA card or a
Kohesio row, a council decision, news items); each becomes a record of its own. This module
finds the records that describe one project, the way record linkage does it (Fellegi and
Sunter's match weights), with fixed, documented weights: no training, no labelled data.

1. **Identity.** Each record's evidence of who it is (`Identity`): its register codes (the
   record's `code`, and codes its own lines state: `Hanketunnus: S21949`, an EURA code in a
   sentence, a council's case number such as `KAJDno-2022-849`), its normalised name (case,
   dashes, quotes, a `-hanke`/`-projekti`/`-projekt` suffix and a trailing period in
   parentheses folded away), a follow-up numeral (`II`, `2`), its acronym (in capitals at
   the name's start or end, the whole name in capitals, or after a `Lyhenne` label) and its
   short form in any case (one word before a dash, or a one-word name), the implementer and
   Y-tunnus, the municipality, the period, programme, fund and budget. Two records share a
   short name when one's acronym is the other's acronym or short form (`same_short_name`):
   their names then count as alike.
2. **Blocking.** Only records that share a block are compared, never all pairs: a block per
   register code, per first characters of the normalised name (`NAME_KEY_LENGTH`), per
   acronym or short form, and per municipality plus start year. A block larger than
   `BLOCK_LIMIT` is compared as a sorted neighbourhood (records sorted by name, each against
   the next `WINDOW` ones), so that a city with thousands of projects in one year costs a
   linear number of comparisons.
3. **Weights.** Each field of a pair agrees (a positive weight), disagrees (a negative
   one) or cannot be compared (both not stated: nothing). `WEIGHTS` lists them all; the
   evidence of a pair names each field with its weight. A shared register code is
   decisive, and so is a different code of the same kind (two EURA codes).
4. **Decision.** A pair whose weights add up to `MATCH_AT` or more is a `match`, to
   `PROBABLE_AT` a `probable`. A pair with similar names (`SIMILAR_NAMES`) whose period,
   fund, follow-up numeral or municipality disagrees (a *conflict*) is never a match nor
   probable, whatever its sum: it is `review`, for a person to decide. A shared register
   code makes a match even then (the conflict is then a disagreement of the sources).
5. **Groups.** Match pairs join their records into groups, strongest pair first; two
   groups are never joined when any record of one conflicts with any record of the other,
   so a chain of matches cannot merge two projects that disagree. Probable pairs join
   match groups into probable groups the same way. Review pairs between groups that stay
   apart are listed as review groups of two.

The core of the command `hankkeet link`; it never prints.
"""

from __future__ import annotations

import gc
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from difflib import SequenceMatcher
from enum import StrEnum
from typing import Any

from hankkeet.diagnostics import Code, Diagnostic
from hankkeet.finnish import format_date, format_euros
from hankkeet.locale import M_, N_
from hankkeet.models import LINE_OF_FIELD, Layout, Project, RecordSource, SourceKind, shallow_copy
from hankkeet.reading.labels import (
    ACRONYM_LABEL_WORDS,
    GENERIC_NAMES,
    IMPLEMENTER_LABEL_WORDS,
    MUNICIPALITY_LABEL_WORDS,
    NOT_ACRONYMS,
)
from hankkeet.reading.sources import Source

__all__ = [
    "BLOCK_LIMIT",
    "MATCH_AT",
    "PROBABLE_AT",
    "WEIGHTS",
    "Evidence",
    "Group",
    "Identity",
    "Linkage",
    "Merged",
    "Pair",
    "Status",
    "acronym_in",
    "acronym_of",
    "codes_in",
    "compare",
    "duplicates_across_files",
    "identity_of",
    "link",
    "merge",
    "name_similarity",
    "normalised_name",
    "raw_lines",
    "same_short_name",
    "short_name_of",
]


class Status(StrEnum):
    """How sure a group is: `match` (one project, merged), `probable` (probably one
    project: counted as found, shown by `link`), `review` (alike, but something disagrees:
    a person decides)."""

    MATCH = "match"
    PROBABLE = "probable"
    REVIEW = "review"


# The fixed weights, in points (think of them as log-likelihood ratios: how much more
# often a field agrees in pairs that are one project than in pairs that are not). Each
# field of a pair gives its "agree" or its "disagree" weight, or nothing when one record
# does not state it. Documented in the module docstring and the README.
WEIGHTS: dict[str, tuple[int, int]] = {
    # field: (agree, disagree)
    "code": (100, -100),  # a register code: decisive either way (same kind of code only)
    "name": (6, -6),  # normalised names equal / not alike (below SIMILAR_NAMES)
    "name-alike": (4, 0),  # not equal but alike: similarity >= NAME_ALIKE
    "name-similar": (1, 0),  # similarity >= SIMILAR_NAMES
    "follow-up": (0, -8),  # 'Hanke' and 'Hanke II': the numerals differ
    "period": (4, -6),  # same start and end (each within PERIOD_SLACK_DAYS) / no overlap
    "period-overlaps": (1, 0),  # overlapping periods, not the same
    "programme": (2, -2),
    "fund": (1, -6),
    "budget": (4, -1),  # the same to the cent / more than BUDGET_NEAR apart
    "budget-near": (2, 0),  # within BUDGET_NEAR (one page rounds, the other does not)
    "municipality": (2, -5),
    "implementer": (2, -3),
    "business-id": (4, -4),  # Y-tunnus
}
MATCH_AT = 9
PROBABLE_AT = 4
NAME_ALIKE = 0.9
SIMILAR_NAMES = 0.75
PERIOD_SLACK_DAYS = 31
BUDGET_NEAR = Decimal("0.05")  # 5 % of the larger budget
# Fields whose disagreement makes alike names a case for a person, never a match.
CONFLICTS = frozenset({"period", "fund", "follow-up", "municipality", "code"})

NAME_KEY_LENGTH = 5
BLOCK_LIMIT = 20
WINDOW = 6

# What a layout says of where a record comes from, most trusted first: registers, the
# city's own page, decisions, news (the order of merging; see Group.trusted).
TRUST_OF_LAYOUT: dict[Layout, int] = {
    Layout.CARD: 0,
    Layout.DATABASE: 0,
    Layout.LABELLED: 1,
    Layout.AGENDA: 2,
    Layout.PROSE: 3,
}
# The kind of source each layout is (a register export's rows are `database`): what the
# configured trust order (`trust` in hankkeet.toml, config.SOURCE_KINDS) names.
SOURCE_KIND: dict[str, SourceKind] = {
    "card": "register",
    "database": "register",
    "labelled": "page",
    "agenda": "decision",
    "prose": "news",
}
DEFAULT_TRUST: tuple[SourceKind, ...] = ("register", "page", "decision", "news")


# --- identity ---------------------------------------------------------------------------

_QUOTES = "\"'`´‘’‚‛“”„‟«»‹›"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212-"
_TRAILING_PERIOD = re.compile(
    r"\s*[(\[]\s*(?:\d{1,2}\.\d{1,2}\.)?\d{4}\s*(?:[-–—]\s*(?:\d{1,2}\.\d{1,2}\.)?\d{2,4})?"
    r"\s*[)\]]\s*$"
)
_SUFFIX = re.compile(r"(?:^|[\s-])(?:hanke|projekti|projekt)$")
_NOT_WORD = re.compile(r"[^\w]+")
# Generic words before the name itself: 'EU-hanke Healthy Boost' is 'Healthy Boost'.
_GENERIC_START = re.compile(r"^(?:eu[- ])?(?:hanke|projekti|projekt|project)\s+")
_TRAILING_YEARS = re.compile(r"\s+(?:19|20)\d\d(?:\s+(?:19|20)\d\d)?$")
# A follow-up's numeral: a roman numeral word, or one or two digits (alone or at the end of
# a word: 'VisitSaimaa2', never at its start: '6Aika'); a year (four digits) is a period.
_NUMERAL = re.compile(r"(?<![\d])(\d{1,2})(?![\w])|\b(ii|iii|iv|vi)\b")
# The reader's name for a record whose text gives none (reading/records.py, read_block): a
# placeholder, no name, so it makes no name to compare ('rivi 1' and 'rivi 1' of two files
# are no evidence of one project).
_UNNAMED = re.compile(r"^\(nimetön hanke, rivi \d+\)$")


def normalised_name(name: str) -> str:
    """The name folded for comparing: case, quotes, dashes, a trailing period (in
    parentheses or bare years), a `-hanke`/`-projekti`/`-projekt` suffix, a generic
    'EU-hanke' before the name, and punctuation away.

    'ELY-keskuksen ”Kasvua kyliin” -hanke (2023–2025).' -> 'ely keskuksen kasvua kyliin';
    the reader's placeholder for a record with no name -> ''.
    """
    if _UNNAMED.match(name.strip()):
        return ""
    text = unicodedata.normalize("NFC", name).casefold().strip()
    text = text.translate({ord(q): None for q in _QUOTES})
    text = text.rstrip(" .")
    text = _TRAILING_PERIOD.sub("", text).rstrip(" .")
    text = text.translate({ord(d): "-" for d in _DASHES})
    text = _SUFFIX.sub("", text.rstrip(" -")).rstrip(" -")
    text = _NOT_WORD.sub(" ", text).replace("_", " ").strip()
    text = _TRAILING_YEARS.sub("", text)
    return _GENERIC_START.sub("", text) or text


def follow_up(normalised: str) -> tuple[str, str]:
    """The name without its follow-up numerals, and the numerals ('' for none), roman ones
    as digits, each once: 'kasvua kyliin ii' -> ('kasvua kyliin', '2'); 'visitsaimaa2' ->
    ('visitsaimaa', '2'); 'biokaasu ii farmgas ps 2' -> ('biokaasu farmgas ps', '2') (one
    follow-up said twice, as 'II' and in the acronym, is one numeral)."""
    numerals: list[str] = []

    def take(found: re.Match[str]) -> str:
        digits, roman = found.group(1), found.group(2)
        numerals.append(
            str(int(digits)) if digits else {"ii": "2", "iii": "3", "iv": "4", "vi": "6"}[roman]
        )
        return " "

    stem = " ".join(_NUMERAL.sub(take, normalised).split())
    return stem, " ".join(sorted(set(numerals)))


# A name's acronym, in capitals: at its start (four letters or more: 'DIGIDIA - …',
# 'DIGIDIA-hanke'), at its end in parentheses ('… (DIHYTE)', '… (ASE) -hanke') or after a
# spaced dash ('… Excellence -ASE', three letters or more), or the whole name ('ILLKKA').
_CAPS = r"[A-ZÄÖÅ][A-ZÄÖÅ0-9]"
_ACRONYM_START = re.compile(rf"^({_CAPS}{{3,}})(?:\b|-)")
_ACRONYM_END = re.compile(rf"(?:\(\s*({_CAPS}{{2,}})\s*\)|\s[-–—]\s*({_CAPS}{{2,}}))$")
_ACRONYM_WHOLE = re.compile(rf"^({_CAPS}{{2,}})!?$")
# A coined short name of two capitals or more in one word ('TypArkt', 'MikroY'), at a name's
# end in parentheses or after a colon ('… in arctic areas: TypArkt').
_COINED_END = re.compile(r"(?:\(\s*|:\s+)([A-ZÄÖÅ][a-zäöå]+(?:[A-ZÄÖÅ][a-zäöå]*)+)\s*\)?$")
_NAME_SUFFIX = re.compile(r"\s*[-–—]?\s*(?:hanke|projekti|projekt)\s*$", re.IGNORECASE)
# A name's short form in any case: its one word before a spaced dash ('Dynamo - Universities
# in …'), or the whole name when it is one word ('Lyckan', 'VesiVarma').
_SHORT_BEFORE_DASH = re.compile(r"^(\w[\w!]*)\s+[-–—]\s+\S")


def _without_suffix(name: str) -> str:
    """A name without a trailing '-hanke'/'-projekti' word ('(ASE) -hanke' -> '(ASE)')."""
    return _NAME_SUFFIX.sub("", name.strip()).strip()


def acronym_of(name: str) -> str:
    """The acronym a name starts with, ends with (in parentheses or after a spaced dash),
    or is ('' for none): 'DIGIDIA-hanke pureutuu...' -> 'DIGIDIA', 'Digitaalisuuden
    optimointi (DIHYTE)' -> 'DIHYTE', '… Excellence -ASE' -> 'ASE', 'ILLKKA' -> 'ILLKKA'.
    Capitals, or a coined word of two capitals or more at the end ('(TypArkt)', ': TypArkt');
    a name of several words in capitals has none, and a fund or programme in parentheses
    ('(EAKR)', NOT_ACRONYMS) is none."""
    text = _without_suffix(name)
    whole = _ACRONYM_WHOLE.match(text)
    if whole:
        word = whole.group(1)
        return word if len(word) >= 3 and word not in NOT_ACRONYMS else ""
    if text.isupper():
        return ""  # a whole name in capitals: no acronym stands out
    found = _ACRONYM_START.match(text)
    if found and not text[len(found.group(1)) :][:1].isalpha():
        return found.group(1)
    found = _ACRONYM_END.search(text)
    if found:
        word = found.group(1) or found.group(2)
        if len(word) >= 3 and word not in NOT_ACRONYMS:
            return word
    found = _COINED_END.search(text)
    return found.group(1) if found else ""


def short_name_of(name: str) -> str:
    """A name's short form, case-folded ('' for none): the one word before a spaced dash
    ('Dynamo - Universities in Boosting …' -> 'dynamo'), or the whole name when it is one
    word ('Lyckan' -> 'lyckan'); four letters at least, and never a generic word."""
    text = _without_suffix(name)
    found = _SHORT_BEFORE_DASH.match(text)
    word = found.group(1) if found else text if text and " " not in text else ""
    word = word.rstrip("!").casefold()
    if len(word) < 4 or not word.isalnum() or word in GENERIC_NAMES:
        return ""
    return word


def acronym_in(lines: Sequence[str]) -> str:
    """The acronym a project's own lines state after its label ('Lyhenne: VesiVarma', or
    'Lyhenne' alone on a line and the acronym on the next), '' for none."""
    for n, line in enumerate(lines):
        found = _ACRONYM_LABEL.match(line)
        if found:
            return found.group(1).strip()
        if line.strip().casefold() in ACRONYM_LABEL_WORDS:
            following = [rest.strip() for rest in lines[n + 1 : n + 3] if rest.strip()]
            if following and " " not in following[0]:
                return following[0]
    return ""


# Register codes in a text: EURA 2014 and 2021 codes (S21949, A72571), a council's or an
# agency's case number (KAJDno-2022-849, OUKA/1234/02.08.00/2022, Dnro 123/2022), a
# rural-network or Leader project number after its label.
_EURA = re.compile(r"\b([SAJ]\d{5})\b")
_CASE = re.compile(r"\b([A-ZÄÖ]{2,10}(?:DNO|Dno|dno)-\d{4}-\d{1,6})\b")
_CODE_LABEL = re.compile(
    r"^\s*(?:hanketunnus|hankekoodi|hankenumero|hankkeen (?:tunnus|numero|koodi)|"
    r"projektikoodi|projektinumero|projektnummer|eura[- ]?(?:tunnus|koodi)|"
    r"kohesio[- ]?(?:id|tunnus)|diaarinumero|dnro|dno|asianumero|project (?:code|id))"
    r"\s*[:.]?\s+(\S+)",
    re.IGNORECASE,
)


def _label_line(words: Iterable[str]) -> re.Pattern[str]:
    """A line that starts with one of these labels (case aside), its value the group."""
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"^\s*(?:{alternatives})\s*:?\s+(.+)$", re.IGNORECASE)


_IMPLEMENTER_LABEL = _label_line(IMPLEMENTER_LABEL_WORDS)
_ACRONYM_LABEL = re.compile(
    rf"^\s*(?:{'|'.join(re.escape(w) for w in ACRONYM_LABEL_WORDS)})\s*:\s*(\S+)\s*$",
    re.IGNORECASE,
)
_MUNICIPALITY_LABEL = _label_line(MUNICIPALITY_LABEL_WORDS)
_BUSINESS_ID = re.compile(r"\b(\d{7}-\d)\b")
_MUNICIPAL_FUNDER = re.compile(r"^\s*(\w+?)n?\s+(?:kaupunki|kunta)\b", re.IGNORECASE)


def code_kind(code: str) -> str:
    """What kind of register a code is of: 'eura', 'case' or 'other' (only codes of one
    kind are compared: an EURA code and a case number of one project differ by nature)."""
    if _EURA.fullmatch(code):
        return "eura"
    if _CASE.fullmatch(code) or "/" in code:
        return "case"
    return "other"


def codes_in(lines: Iterable[str]) -> tuple[str, ...]:
    """The register codes a project's own lines state, in order, each once."""
    found: dict[str, None] = {}
    for line in lines:
        labelled = _CODE_LABEL.match(line)
        if labelled and any(c.isdigit() for c in labelled.group(1)):
            # (a code holds a digit: 'EURA-tunnus: S', cut short on its page, is none)
            found[labelled.group(1).strip(".,;)")] = None
        for pattern in (_EURA, _CASE):
            for hit in pattern.finditer(line):
                found[hit.group(1)] = None
    return tuple(found)


def municipality_key(text: str) -> str:
    """A municipality as a short key: 'Kajaanin kaupunki', 'Kajaani' -> 'kajaa' (the
    first letters: a genitive and gradation change the end of a name, rarely its start)."""
    word = _NOT_WORD.split(text.casefold().strip())[0] if text.strip() else ""
    return word[:5]


@dataclass(frozen=True, slots=True)
class Identity:
    """The evidence of who a record is: what linking compares."""

    index: int  # the record's place in the linked sequence
    name: str
    normalised: str
    stem: str  # the normalised name without its follow-up numeral
    numeral: str  # the follow-up numeral ('2' for 'II'), '' for none
    acronym: str = ""  # a name's acronym: 'DIGIDIA' of 'DIGIDIA - Digitaalista osaamista...'
    short: str = ""  # the name's short form, case-folded: 'dynamo' of 'Dynamo - Universities…'
    codes: tuple[str, ...] = ()
    implementer: str | None = None
    business_id: str | None = None
    municipality: str | None = None
    start: date | None = None
    end: date | None = None
    programme: str | None = None
    fund: str | None = None
    budget: Decimal | None = None
    trust: int = 1  # TRUST_OF_LAYOUT of the record's layout
    path: str = ""
    line: int = 0

    def record(self) -> dict[str, Any]:
        """Where the record stands and what it says of itself, for output."""
        return {
            "record": self.index + 1,
            "path": self.path,
            "line": self.line,
            "name": self.name,
            "codes": list(self.codes),
            "municipality": self.municipality,
            "start": self.start,
            "end": self.end,
            "programme": self.programme,
            "fund": self.fund,
            "budget": self.budget,
        }


def identity_of(project: Project, index: int = 0, lines: Sequence[str] = ()) -> Identity:
    """A record's identity, from its fields and (when given) its own raw lines: codes,
    implementer, Y-tunnus and municipality the reader does not keep as fields."""
    normalised = normalised_name(project.name)
    stem, numeral = follow_up(normalised)
    codes = codes_in(lines)
    if project.code:
        codes = (project.code, *[c for c in codes if c != project.code])
    implementer = business_id = municipality = None
    for line in lines:
        if implementer is None and (found := _IMPLEMENTER_LABEL.match(line)):
            implementer = _BUSINESS_ID.sub("", found.group(1)).strip(" ,;()")
        if municipality is None and (found := _MUNICIPALITY_LABEL.match(line)):
            municipality = municipality_key(found.group(1))
        if business_id is None and (found := _BUSINESS_ID.search(line)):
            business_id = found.group(1)
    if municipality is None:
        for source in project.funding.sources:
            if source.kind == "municipal" and (found := _MUNICIPAL_FUNDER.match(source.funder)):
                municipality = municipality_key(found.group(1))
                break
    return Identity(
        index=index,
        name=project.name,
        normalised=normalised,
        stem=stem,
        numeral=numeral,
        acronym=acronym_of(project.name) or acronym_in(lines),
        short=short_name_of(project.name),
        codes=codes,
        implementer=normalised_name(implementer) if implementer else None,
        business_id=business_id,
        municipality=municipality or None,
        start=project.start,
        end=project.end,
        programme=project.programme,
        fund=project.fund,
        budget=project.budget,
        trust=TRUST_OF_LAYOUT.get(project.layout, 1),
        path=project.source.path,
        line=project.source.line,
    )


# --- comparing ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NameTokens:
    """A normalised name's parts that `name_similarity` reads, worked out once per name
    (a run compares each name with many)."""

    text: str
    first: str  # the first word (up to the first space)
    words: tuple[str, ...]
    word_set: frozenset[str]
    ordered: tuple[str, ...]  # the words sorted: the same words in any order
    squeezed: str  # the words without spaces
    head: str  # the first three letters without spaces
    letters: dict[str, int]  # how often each character stands in the name
    places: dict[str, int]  # each character's places in the name, as bits (for _common_run)

    @classmethod
    def of(cls, text: str) -> NameTokens:
        """The parts of one normalised name."""
        words = tuple(text.split())
        letters: dict[str, int] = {}
        places: dict[str, int] = {}
        bit = 1
        for char in text:
            letters[char] = letters.get(char, 0) + 1
            places[char] = places.get(char, 0) | bit
            bit <<= 1
        return cls(
            text,
            text.split(" ", 1)[0],
            words,
            frozenset(words),
            tuple(sorted(words)),
            "".join(words),
            text.replace(" ", "")[:3],
            letters,
            places,
        )


def name_similarity(
    a: str, b: str, matchers: dict[str, SequenceMatcher[str]] | None = None
) -> float:
    """How alike two normalised names are, 0..1: the one place that says it.

    0.0 when either has no name; 1.0 for the same words (in any order); NAME_ALIKE when
    the shorter name (two words or eight letters at least) is all in the longer one, as
    words or as the longer one's beginning without spaces ('visit saimaa' and 'visitsaimaa
    lakeland finland'); else the standard library's difflib ratio (Ratcliff/Obershelp),
    its cheap upper bounds first, and 0.0 for any below SIMILAR_NAMES (not alike: every
    use of a similarity compares it with SIMILAR_NAMES or more).
    `matchers` keeps a matcher per name for a run that compares one name with many (difflib
    then reads that name once).
    """
    return _tokens_similarity(NameTokens.of(a), NameTokens.of(b), matchers)


def _tokens_similarity(
    x: NameTokens, y: NameTokens, matchers: dict[str, SequenceMatcher[str]] | None = None
) -> float:
    """name_similarity of two names' parts (NameTokens)."""
    a, b = x.text, y.text
    if not a or not b:
        return 0.0  # no name (a placeholder folds to ''): nothing alike, not even another
    if a == b:
        return 1.0
    short, long_ = (x, y) if len(a) <= len(b) else (y, x)
    # The same words, or the shorter name in the longer one, need the shorter one's first
    # word in the longer one: a substring test in C rules most pairs out at once.
    if short.first in long_.text:
        if short.ordered == long_.ordered:
            return 1.0
        if (len(short.words) >= 2 or len(short.squeezed) >= 8) and (
            short.word_set <= long_.word_set or long_.squeezed.startswith(short.squeezed)
        ):
            return NAME_ALIKE
    length = len(a) + len(b)
    if 2 * len(short.text) < SIMILAR_NAMES * length:
        return 0.0  # difflib's real_quick_ratio, without making a matcher
    if x.head != y.head and x.word_set.isdisjoint(y.word_set):
        return 0.0  # alike names share a word or their first letters
    if 2.0 * _common_letters(x.letters, y.letters) / length < SIMILAR_NAMES:
        return 0.0  # difflib's quick_ratio (the letters in common), without a matcher
    if 2.0 * _common_run(x, y.text) / length < SIMILAR_NAMES:
        return 0.0  # the longest common subsequence: difflib's matches are one
    if matchers is None:
        matcher = SequenceMatcher(None, b, a, autojunk=False)
    else:
        matcher = matchers.get(a) or matchers.setdefault(
            a, SequenceMatcher(None, "", a, autojunk=False)
        )
        matcher.set_seq1(b)
    ratio = matcher.ratio()
    return ratio if ratio >= SIMILAR_NAMES else 0.0


def _common_run(x: NameTokens, text: str) -> int:
    """The length of the longest common subsequence of a name and a text: an upper bound
    of the characters difflib's matching blocks cover (they are a common subsequence), far
    cheaper than difflib. Hyyrö's bit-parallel algorithm: one bit per character of the
    name, a few integer operations per character of the text."""
    places = x.places
    size = len(x.text)
    row = (1 << size) - 1
    for char in text:
        at = places.get(char)
        if at:
            kept = row & at
            row = (row + kept) | (row - kept)
    return size - (row & ((1 << size) - 1)).bit_count()


def _common_letters(x: dict[str, int], y: dict[str, int]) -> int:
    """How many characters two names have in common, each as often as both have it (what
    difflib's quick_ratio counts)."""
    if len(x) > len(y):
        x, y = y, x
    found = 0
    for char, count in x.items():
        other = y.get(char)
        if other:
            found += count if count < other else other
    return found


@dataclass(frozen=True, slots=True)
class Evidence:
    """One field of a pair: agreed (True), disagreed (False), with its weight and the two
    values as text."""

    field: str
    agrees: bool
    weight: int
    values: tuple[object, object]


@dataclass(frozen=True, slots=True)
class Pair:
    """Two records compared: their evidence, the sum of its weights, and the verdict
    (None: not alike at all)."""

    a: int
    b: int
    score: int
    status: Status | None
    evidence: tuple[Evidence, ...]

    def record(self) -> dict[str, Any]:
        """The pair for output: its records, score, verdict and evidence."""
        return {
            "records": [self.a + 1, self.b + 1],
            "score": self.score,
            "status": None if self.status is None else self.status.value,
            "evidence": [
                {
                    "field": e.field,
                    "agrees": e.agrees,
                    "weight": e.weight,
                    "values": [_text(v) for v in e.values],
                }
                for e in self.evidence
            ],
        }

    @property
    def conflicts(self) -> tuple[str, ...]:
        """The conflicting fields (CONFLICTS) that disagree."""
        return tuple(e.field for e in self.evidence if not e.agrees and e.field in CONFLICTS)


def _text(value: object) -> str:
    """A value of the evidence as text: a period as 'start..end'."""
    if isinstance(value, tuple):
        return "..".join("" if v is None else str(v) for v in value)
    return "" if value is None else str(value)


def _same_period(a: Identity, b: Identity) -> bool | None:
    """True: same period (within the slack); False: no overlap or a different start or
    end by more than a year; None: not comparable, or overlapping and close."""
    if a.start is None or b.start is None:
        return None
    if abs((a.start - b.start).days) > PERIOD_SLACK_DAYS + 365:
        return False
    if a.end is None or b.end is None:
        return True if abs((a.start - b.start).days) <= PERIOD_SLACK_DAYS else None
    if a.start > b.end or b.start > a.end:
        return False
    if (
        abs((a.start - b.start).days) <= PERIOD_SLACK_DAYS
        and abs((a.end - b.end).days) <= PERIOD_SLACK_DAYS
    ):
        return True
    return None


class NameMemo:
    """Name similarities a run has worked out, each name's parts (NameTokens), and a
    difflib matcher per name (kept for the names compared last: a block's pairs come name
    by name)."""

    LIMIT = 4096

    def __init__(self) -> None:
        self.known: dict[tuple[str, str], float] = {}
        self.matchers: dict[str, SequenceMatcher[str]] = {}
        self.tokens: dict[str, NameTokens] = {}

    def tokens_of(self, name: str) -> NameTokens:
        """A name's parts, worked out once."""
        found = self.tokens.get(name)
        if found is None:
            if len(self.tokens) > 16 * self.LIMIT:
                self.tokens.clear()
            found = self.tokens[name] = NameTokens.of(name)
        return found

    def similarity(self, a: str, b: str) -> float:
        """name_similarity(a, b), worked out once."""
        key = (a, b)
        found = self.known.get(key)
        if found is None:
            if len(self.matchers) > self.LIMIT:
                self.matchers.clear()
            if len(self.known) > 64 * self.LIMIT:
                self.known.clear()
            found = self.known[key] = _tokens_similarity(
                self.tokens_of(a), self.tokens_of(b), self.matchers
            )
        return found


def _best_case(a: Identity, b: Identity) -> int:
    """The most a pair with names not alike can add up to: the name's weight against, and
    every other field both records state agreeing."""
    best = WEIGHTS["name"][1]
    if a.start is not None and b.start is not None:
        best += WEIGHTS["period"][0]
    if a.programme and b.programme:
        best += WEIGHTS["programme"][0]
    if a.fund and b.fund:
        best += WEIGHTS["fund"][0]
    if a.budget is not None and b.budget is not None:
        best += WEIGHTS["budget"][0]
    if a.municipality and b.municipality:
        best += WEIGHTS["municipality"][0]
    if a.business_id and b.business_id:
        best += WEIGHTS["business-id"][0]
    elif a.implementer and b.implementer:
        best += WEIGHTS["implementer"][0]
    return best


def same_short_name(a: Identity, b: Identity) -> bool:
    """Whether two records share an acronym: both state it ('DIGIDIA - …' and 'DIGIDIA —
    …'), or one states it and the other's short form is it ('DYNAMO - Korkeakoulut …' and
    'Dynamo - Universities …'; 'ILLKKA - Itä-Lapin …' and 'ILLKKA'), one is named by the
    other's short form alone ('Lyckan' and 'Lyckan – Maaseudun …'), or one's coined short
    name starts the other's name ('MikroY' and 'Mikroyritysten kasvualusta'). Case aside; a
    short form before a dash on both sides ('Vamos - …' and 'Vamos - …') is a common
    word, not an acronym, and says nothing."""
    left, right = a.acronym.casefold(), b.acronym.casefold()
    if left and left in (right, b.short):
        return True
    if right and right == a.short:
        return True
    if coined_from(a.acronym, b) or coined_from(b.acronym, a):
        return True
    # One named by the short form alone, the other by it before a dash and the long name
    # ('Lyckan' and 'Lyckan – Maaseudun innovaatio- …'): the short form is that name's own.
    return bool(a.short) and a.short == b.short and (a.stem == a.short) != (b.stem == b.short)


def _coined(acronym: str) -> bool:
    """A coined short name ('MikroY', 'TypArkt'), not one in capitals ('DIGIDIA')."""
    return any(c.islower() for c in acronym)


# Letters a coined short name has at least, to say that it starts another's name.
_COINED_PREFIX = 5


def coined_from(acronym: str, other: Identity) -> bool:
    """Whether a coined short name is the start of the other's name run together ('MikroY'
    of 'Mikroyritysten kasvualusta'): the name's first letters, its short form."""
    return (
        len(acronym) >= _COINED_PREFIX
        and _coined(acronym)
        and other.stem.replace(" ", "").startswith(acronym.casefold())
    )


def compare(a: Identity, b: Identity, names: NameMemo | None = None) -> Pair:
    """The evidence of two records, its weight and the verdict (`names`: what a run that
    compares many pairs keeps of the names it compared)."""
    status, score, _conflicting, entries = _weigh(a, b, names)
    return _pair(a, b, status, score, entries)


# One field of a pair before it becomes Evidence: (field, agrees, left value, right value).
# A run weighs every candidate pair but keeps few: only those get Evidence objects.
_Entry = tuple[str, bool, object, object]


def _weigh(
    a: Identity, b: Identity, names: NameMemo | None = None
) -> tuple[Status | None, int, bool, list[_Entry]]:
    """A pair's verdict, score, whether a conflicting field (CONFLICTS) disagrees, and
    its evidence as entries (none for names not alike with too little else to agree)."""
    entries = _code_entries(a, b)
    shared_code = bool(entries) and entries[0][1]
    if names is None:
        similarity = name_similarity(a.stem, b.stem)
    else:
        similarity = names.similarity(a.stem, b.stem)
    if similarity < NAME_ALIKE and same_short_name(a, b):
        similarity = NAME_ALIKE  # the same acronym: 'DIGIDIA - ...' and 'DIGIDIA — ...'
    if similarity < SIMILAR_NAMES and not shared_code and _best_case(a, b) < PROBABLE_AT:
        # Names not alike, and not enough else that could agree: no verdict, and no
        # evidence to keep (most pairs of a block end here, cheaply).
        return None, WEIGHTS["name"][1], False, []
    entries += _name_entries(a, b, similarity)
    entries += _period_entries(a, b)
    entries += _field_entries(a, b)
    score = 0
    conflicting = False
    for name, agrees, _left, _right in entries:
        agree, disagree = WEIGHTS[name]
        score += agree if agrees else disagree
        conflicting = conflicting or (not agrees and name in CONFLICTS)
    return _verdict(score, similarity, shared_code, conflicting), score, conflicting, entries


def _pair(
    a: Identity, b: Identity, status: Status | None, score: int, entries: list[_Entry]
) -> Pair:
    """A weighed pair with its evidence, each field with its weight (WEIGHTS)."""
    evidence = []
    for name, agrees, left, right in entries:
        agree, disagree = WEIGHTS[name]
        evidence.append(Evidence(name, agrees, agree if agrees else disagree, (left, right)))
    return Pair(a.index, b.index, score, status, tuple(evidence))


def _code_entries(a: Identity, b: Identity) -> list[_Entry]:
    """A shared register code (decisive), or two different EURA codes (decisive against);
    nothing when the records share no kind of code."""
    if not a.codes or not b.codes:
        return []
    shared = [c for c in a.codes if c in b.codes]
    if shared:
        return [("code", True, shared[0], shared[0])]
    kinds_a = {code_kind(c): c for c in a.codes}
    for code in b.codes:
        other = kinds_a.get(code_kind(code))
        if other is not None and code_kind(code) == "eura":
            return [("code", False, other, code)]
    return []


def _name_entries(a: Identity, b: Identity, similarity: float) -> list[_Entry]:
    """The names' evidence by their similarity, and a follow-up numeral that differs
    between alike names."""
    if similarity == 1.0:
        found: list[_Entry] = [("name", True, a.name, b.name)]
    elif similarity >= NAME_ALIKE:
        found = [("name-alike", True, a.name, b.name)]
    elif similarity >= SIMILAR_NAMES:
        found = [("name-similar", True, a.name, b.name)]
    else:
        found = [("name", False, a.name, b.name)]
    if a.numeral != b.numeral and similarity >= SIMILAR_NAMES:
        found.append(("follow-up", False, a.numeral or "-", b.numeral or "-"))
    return found


def _period_entries(a: Identity, b: Identity) -> list[_Entry]:
    """The same period, none in common, or two periods that overlap."""
    period = _same_period(a, b)
    if period is not None:
        return [("period", period, (a.start, a.end), (b.start, b.end))]
    if a.start and b.start and a.end and b.end:
        return [("period-overlaps", True, (a.start, a.end), (b.start, b.end))]
    return []


def _field_entries(a: Identity, b: Identity) -> list[_Entry]:
    """Programme, fund, budget, municipality and implementer (by Y-tunnus when both state
    it), each when both records state it."""
    found: list[_Entry] = []
    if a.programme and b.programme:
        found.append(("programme", a.programme == b.programme, a.programme, b.programme))
    if a.fund and b.fund:
        found.append(("fund", a.fund == b.fund, a.fund, b.fund))
    if a.budget is not None and b.budget is not None:
        found.append(_budget_entry(a.budget, b.budget))
    if a.municipality and b.municipality:
        agrees = a.municipality == b.municipality
        found.append(("municipality", agrees, a.municipality, b.municipality))
    if a.business_id and b.business_id:
        agrees = a.business_id == b.business_id
        found.append(("business-id", agrees, a.business_id, b.business_id))
    elif a.implementer and b.implementer:
        agrees = name_similarity(a.implementer, b.implementer) >= NAME_ALIKE
        found.append(("implementer", agrees, a.implementer, b.implementer))
    return found


def _budget_entry(a: Decimal, b: Decimal) -> _Entry:
    """The same budget to the cent, within BUDGET_NEAR, or further apart."""
    if a == b:
        return ("budget", True, a, b)
    if abs(a - b) <= BUDGET_NEAR * max(abs(a), abs(b)):
        return ("budget-near", True, a, b)
    return ("budget", False, a, b)


def _verdict(score: int, similarity: float, shared_code: bool, conflicting: bool) -> Status | None:
    """A pair's status: a shared code matches; a conflict between alike names is for a
    person (review), between names not alike nothing; else the sum decides."""
    if shared_code:
        return Status.MATCH
    if conflicting:
        return Status.REVIEW if similarity >= SIMILAR_NAMES else None
    if score >= MATCH_AT:
        return Status.MATCH
    if score >= PROBABLE_AT:
        return Status.PROBABLE
    return None


# --- blocking ----------------------------------------------------------------------------


def block_keys(identity: Identity) -> Iterator[tuple[str, str]]:
    """The blocks a record stands in: each code, its name's first letters and its longest
    word, and its municipality with its start year."""
    for code in identity.codes:
        yield ("code", code)
    squeezed = identity.stem.replace(" ", "")
    if squeezed:
        yield ("name", squeezed[:NAME_KEY_LENGTH])
        # and its longest word: the same words in another order ('Baltic SOHJOA')
        yield ("word", max(identity.stem.split(), key=lambda w: (len(w), w)))
    if identity.acronym:
        yield ("acronym", identity.acronym.casefold())
        if _coined(identity.acronym):
            # 'MikroY' meets 'Mikroyritysten kasvualusta' (coined_from)
            yield ("name", identity.acronym.casefold()[:NAME_KEY_LENGTH])
    if identity.short and identity.short != identity.acronym.casefold():
        yield ("acronym", identity.short)
    if identity.municipality and identity.start is not None:
        yield ("place", f"{identity.municipality} {identity.start.year}")


def candidate_pairs(identities: Sequence[Identity]) -> Iterator[tuple[int, int]]:
    """Each pair of records that share a block, once (never all pairs): a block of at
    most BLOCK_LIMIT records gives all its pairs, a larger one those of a sorted
    neighbourhood (sorted by name, each record with the next WINDOW)."""
    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    for identity in identities:
        for key in block_keys(identity):
            blocks[key].append(identity.index)
    seen: set[int] = set()  # each pair as one number: (lower << 32) | higher
    for members in blocks.values():
        if len(members) < 2:
            continue
        reach = len(members)
        if reach > BLOCK_LIMIT:
            members = sorted(members, key=lambda n: identities[n].normalised)
            reach = WINDOW
        for i, first in enumerate(members):
            for second in members[i + 1 : i + 1 + reach]:
                number = first << 32 | second if first < second else second << 32 | first
                if number not in seen:
                    seen.add(number)
                    yield (first, second) if first < second else (second, first)


# --- groups ------------------------------------------------------------------------------


@dataclass
class Group:
    """Records that describe one project (match), probably do (probable), or look alike
    but disagree (review); with the pairs that joined them."""

    status: Status
    members: list[int]
    pairs: list[Pair] = field(default_factory=list)
    # For a probable group: the match groups it joins (indexes into Linkage.groups).
    parts: list[int] = field(default_factory=list)


class _Clusters:
    """Union-find over records, where two clusters with a conflict between them never join."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))
        self.members: dict[int, list[int]] = {}

    def find(self, n: int) -> int:
        root = n
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[n] != root:
            self.parent[n], n = root, self.parent[n]
        return root

    def join(self, a: int, b: int, conflicts: set[tuple[int, int]]) -> bool:
        """Join the clusters of a and b unless a pair across them conflicts."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        left = self.members.get(ra, [ra])
        right = self.members.get(rb, [rb])
        if conflicts and any(
            ((x, y) if x < y else (y, x)) in conflicts for x in left for y in right
        ):
            return False
        if len(left) < len(right):
            ra, rb, left, right = rb, ra, right, left
        self.parent[rb] = ra
        self.members[ra] = left + right
        self.members.pop(rb, None)
        return True

    def clusters(self) -> list[list[int]]:
        """The clusters of more than one record, each in record order, by first record."""
        return sorted(sorted(m) for m in self.members.values() if len(m) > 1)


@dataclass
class Linkage:
    """The groups of a set of records: match groups first, then probable, then review."""

    identities: list[Identity]
    groups: list[Group]
    compared: int = 0  # pairs compared (blocking keeps this far below all pairs)

    def to_dict(self) -> dict[str, Any]:
        """The public JSON shape of a linkage: counts, then each group with its records
        and the pairs (with their evidence) that made it."""
        counts = {status.value: len(self.of_status(status)) for status in Status}
        return {
            "stats": {"records": len(self.identities), "compared": self.compared, **counts},
            "groups": [
                {
                    "group": n + 1,
                    "status": group.status.value,
                    "parts": [p + 1 for p in group.parts],
                    "records": [self.identities[m].record() for m in group.members],
                    "pairs": [pair.record() for pair in group.pairs],
                }
                for n, group in enumerate(self.groups)
            ],
        }

    def of_status(self, status: Status) -> list[Group]:
        """The groups of one status."""
        return [g for g in self.groups if g.status is status]

    def match_of(self) -> dict[int, int]:
        """Each record in a match group -> that group's index in `groups`."""
        return {
            member: n
            for n, group in enumerate(self.groups)
            if group.status is Status.MATCH
            for member in group.members
        }


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector paused (and as it was after): the pair loop makes no
    reference cycles, only millions of short-lived tuples, each of which counts towards a
    collection that walks the young objects (17 % of the loop's time at 50 000 records);
    what it frees, reference counting frees."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _weigh_candidates(
    identities: list[Identity],
) -> tuple[list[Pair], set[tuple[int, int]], int]:
    """Every candidate pair weighed: the pairs with a verdict, the pairs whose conflict
    keeps their records apart, and how many pairs were compared."""
    pairs: list[Pair] = []
    conflicts: set[tuple[int, int]] = set()
    compared = 0
    names = NameMemo()
    with _collector_paused():
        for first, second in candidate_pairs(identities):
            compared += 1
            a, b = identities[first], identities[second]
            status, score, conflicting, entries = _weigh(a, b, names)
            if status is Status.REVIEW or (status is None and conflicting):
                conflicts.add((first, second))
            if status is not None:
                pairs.append(_pair(a, b, status, score, entries))
    return pairs, conflicts, compared


def link_identities(identities: Sequence[Identity]) -> Linkage:
    """Compare the records of each block and build the groups (see the module docstring)."""
    identities = list(identities)
    pairs, conflicts, compared = _weigh_candidates(identities)
    pairs.sort(key=lambda p: (-p.score, p.a, p.b))
    groups, group_of = _match_groups(len(identities), pairs, conflicts)
    probable = _probable_groups(len(identities), pairs, conflicts, groups, group_of)
    together = {m: probable.find(m) for m in range(len(identities))}
    groups.extend(_review_groups(pairs, together))
    return Linkage(identities, groups, compared)


def _match_groups(
    size: int, pairs: list[Pair], conflicts: set[tuple[int, int]]
) -> tuple[list[Group], dict[int, int]]:
    """The match groups (match pairs joined, best first, unless a conflict keeps them
    apart), each with its own match pairs; and each grouped record -> its group."""
    matches = _Clusters(size)
    for pair in pairs:
        if pair.status is Status.MATCH:
            matches.join(pair.a, pair.b, conflicts)
    groups = [Group(Status.MATCH, members) for members in matches.clusters()]
    group_of = {m: n for n, g in enumerate(groups) for m in g.members}
    for pair in pairs:
        if pair.status is Status.MATCH and group_of.get(pair.a) == group_of.get(pair.b):
            groups[group_of[pair.a]].pairs.append(pair)
    return groups, group_of


def _probable_groups(
    size: int,
    pairs: list[Pair],
    conflicts: set[tuple[int, int]],
    groups: list[Group],
    group_of: dict[int, int],
) -> _Clusters:
    """Probable pairs join match groups (and single records) the same way: each probable
    group that is more than a match group alone is appended to `groups`; the clusters
    they came from are returned."""
    probable = _Clusters(size)
    for group in groups:
        for member in group.members[1:]:
            probable.join(group.members[0], member, set())
    joining: list[Pair] = []
    for pair in pairs:
        if pair.status is Status.PROBABLE and probable.join(pair.a, pair.b, conflicts):
            joining.append(pair)
    joined: dict[int, list[Pair]] = defaultdict(list)
    for pair in joining:
        joined[probable.find(pair.a)].append(pair)
    for members in probable.clusters():
        parts = sorted({group_of[m] for m in members if m in group_of})
        if len(parts) == 1 and len(members) == len(groups[parts[0]].members):
            continue  # a match group alone
        groups.append(Group(Status.PROBABLE, members, joined[probable.find(members[0])], parts))
    return probable


def _review_groups(pairs: list[Pair], together: dict[int, int]) -> list[Group]:
    """A review group per review pair across two probable clusters (`together`: each
    record -> its cluster), one for each two clusters."""
    reviews: list[Group] = []
    shown: set[tuple[int, ...]] = set()
    for pair in pairs:
        if pair.status is not Status.REVIEW or together[pair.a] == together[pair.b]:
            continue
        key = tuple(sorted((together[pair.a], together[pair.b])))
        if key in shown:
            continue
        shown.add(key)
        reviews.append(Group(Status.REVIEW, [pair.a, pair.b], [pair]))
    return reviews


def raw_lines(projects: Sequence[Project], sources: Sequence[Source]) -> list[tuple[str, ...]]:
    """Each record's own lines as written (labels kept), read again from its source: from
    its first line to the line before the next record of the same source. Each source is
    read once, line by line."""
    starts: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for n, project in enumerate(projects):
        starts[project.source.path].append((project.source.line, n))
    out: list[tuple[str, ...]] = [() for _ in projects]
    done: set[str] = set()
    for source in sources:
        if source.path in done or source.path not in starts:
            continue
        done.add(source.path)
        ordered = sorted(starts[source.path])
        bounds = [
            (line, ordered[k + 1][0] if k + 1 < len(ordered) else None, n)
            for k, (line, n) in enumerate(ordered)
        ]
        at = 0
        kept: list[str] = []
        with source.lines() as lines:
            for number, line in enumerate(lines, start=1):
                while at < len(bounds) and (end := bounds[at][1]) is not None and number >= end:
                    out[bounds[at][2]] = tuple(kept)
                    kept, at = [], at + 1
                if at < len(bounds) and number >= bounds[at][0] and line.strip():
                    kept.append(line)
        if at < len(bounds):
            out[bounds[at][2]] = tuple(kept)
    return out


def link(projects: Sequence[Project], lines: Sequence[Sequence[str]] | None = None) -> Linkage:
    """The groups of these records (each with its own raw lines when given)."""
    identities = [
        identity_of(project, n, lines[n] if lines is not None else ())
        for n, project in enumerate(projects)
    ]
    return link_identities(identities)


# --- merging -----------------------------------------------------------------------------

# The fields a merged record takes from the most trusted record that states them, in
# record order; and the ones whose different values are a finding (a city share is each
# municipality's own and differs between a city's page and another's decision by nature).
MERGED_FIELDS = (
    "code",
    "programme",
    "fund",
    "start",
    "end",
    "budget",
    "city_share",
    "city_share_year",
    "summary",
)
MERGED_LISTS = ("staff", "contacts")
COMPARED_FIELDS = ("start", "end", "budget", "programme", "fund")


@dataclass
class Merged:
    """Records with each match group made one record, and what the merging found."""

    projects: list[Project]
    counted_once: int  # match groups made one record each
    findings: list[Diagnostic]


def _shown(field_name: str, value: object) -> str:
    """A value as a finding shows it: euros and dates in Finnish."""
    if isinstance(value, Decimal):
        return format_euros(value)
    if isinstance(value, date):
        return format_date(value)
    return str(value)


def _place(project: Project, field_name: str) -> tuple[str, int]:
    """Where a record states a field: its file and line (the record's first line when the
    reader kept none)."""
    line = project.lines.get(LINE_OF_FIELD.get(field_name, field_name), project.source.line)
    return project.source.path, line


def disagreements(members: Sequence[Project]) -> list[Diagnostic]:
    """sources-disagree: each compared field that two records of one group state
    differently, with both values and their places (the first record's against each)."""
    found: list[Diagnostic] = []
    for field_name in COMPARED_FIELDS:
        stated = [
            (p, getattr(p, field_name)) for p in members if getattr(p, field_name) is not None
        ]
        if len(stated) < 2:
            continue
        first, value = stated[0]
        for other, other_value in stated[1:]:
            if other_value == value:
                continue
            path, line = _place(first, field_name)
            other_path, other_line = _place(other, field_name)
            found.append(
                Diagnostic(
                    Code.SOURCES_DISAGREE,
                    M_(
                        "the sources of '{name}' disagree on {field}: {value} ({path}, line "
                        "{line}) and {other} ({other_path}, line {other_line})",
                        name=first.name,
                        field=M_(field_label_text(field_name)),
                        value=_shown(field_name, value),
                        path=path,
                        line=line,
                        other=_shown(field_name, other_value),
                        other_path=other_path,
                        other_line=other_line,
                    ),
                    path,
                    line,
                    first.id,
                    about=field_name,
                )
            )
    return found


def field_label_text(field_name: str) -> str:
    """The English name of a compared field (translated by the caller)."""
    return {
        "start": N_("start"),
        "end": N_("end"),
        "budget": N_("budget"),
        "programme": N_("programme"),
        "fund": N_("fund"),
    }[field_name]


def trust_rank(trust: Sequence[str] = ()) -> dict[str, int]:
    """Each layout's rank in a trust order of kinds of source (0 most trusted); the
    default order (DEFAULT_TRUST) when `trust` is empty."""
    order = list(trust or DEFAULT_TRUST)
    order += [kind for kind in DEFAULT_TRUST if kind not in order]
    return {layout: order.index(kind) for layout, kind in SOURCE_KIND.items()}


def _record_source(project: Project, taken: dict[str, int]) -> RecordSource:
    """One source of a merged record, with the fields taken from it and their lines."""
    return RecordSource(
        path=project.source.path,
        line=project.source.line,
        name=project.name,
        kind=SOURCE_KIND.get(project.layout, "page"),
        fields=taken,
    )


def merge(projects: Sequence[Project], linkage: Linkage, trust: Sequence[str] = ()) -> Merged:
    """One record per match group, at its first record's place; the others as they are.

    Each field comes from the most trusted record that states it (registers, then a city's
    page, then decisions, then news, or the order `trust` names; in input order among
    equals), and its source line comes with it. The merged record's `sources` lists every
    record of the group, most trusted first, each with the fields taken from it and their
    lines. Fields that records of a group state differently are sources-disagree findings.
    """
    rank = trust_rank(trust)
    merged_at: dict[int, Project] = {}
    dropped: set[int] = set()
    findings: list[Diagnostic] = []
    groups = linkage.of_status(Status.MATCH)
    for group in groups:
        order = sorted(group.members, key=lambda n: (rank.get(projects[n].layout, 1), n))
        members = [projects[n] for n in order]
        base = members[0]
        taken: list[dict[str, int]] = [{} for _ in members]
        changed: dict[str, Any] = {}
        lines = dict(base.lines)
        for field_name in ("name", *MERGED_FIELDS, *MERGED_LISTS):
            for at, member in enumerate(members):
                value = getattr(member, field_name)
                if value is None or value == []:
                    continue
                key = LINE_OF_FIELD.get(field_name, field_name)
                taken[at][field_name] = member.lines.get(key, member.source.line)
                if at:
                    changed[field_name] = value
                    if key in member.lines:
                        lines[key] = member.lines[key]
                    else:
                        lines.pop(key, None)
                break
        if base.code is None and "code" not in changed:
            # A code the records' own lines state (what linked them): the most trusted's.
            for at, n in enumerate(order):
                if linkage.identities[n].codes:
                    changed["code"] = linkage.identities[n].codes[0]
                    taken[at]["code"] = members[at].source.line
                    break
        changed["lines"] = lines
        changed["sources"] = [
            _record_source(member, taken[at]) for at, member in enumerate(members)
        ]
        first = min(group.members)
        merged_at[first] = shallow_copy(base, **changed)
        dropped.update(m for m in group.members if m != first)
        findings.extend(disagreements([projects[n] for n in sorted(group.members)]))
    out = [merged_at.get(n, project) for n, project in enumerate(projects) if n not in dropped]
    return Merged(out, len(groups), findings)


def duplicates_across_files(projects: Sequence[Project], linkage: Linkage) -> list[Diagnostic]:
    """duplicate-across-files: each record of a match group after the group's first, when
    the group's records stand in more than one file (read without merging, the project
    would be counted once for each)."""
    found: list[Diagnostic] = []
    for group in linkage.of_status(Status.MATCH):
        members = [projects[n] for n in sorted(group.members)]
        if len({p.source.path for p in members}) < 2:
            continue
        first = members[0]
        for other in members[1:]:
            found.append(
                Diagnostic(
                    Code.DUPLICATE_ACROSS_FILES,
                    M_(
                        "'{name}' is the project that {path}, line {line} describes too; "
                        "'hankkeet totals' counts it once, 'hankkeet link' shows why",
                        name=other.name,
                        path=first.source.path,
                        line=first.source.line,
                    ),
                    other.source.path,
                    other.source.line,
                    other.id,
                )
            )
    return found


def cross_source_findings(sources: Sequence[Source], jobs: int = 1) -> list[Diagnostic]:
    """What linking finds in several sources, as validate reports it: duplicate-across-files
    for each match group read without merging, and sources-disagree for its differing
    values. The sources are read again, with their records (nothing when there is one)."""
    if len(sources) < 2:
        return []
    from hankkeet.reading.parser import ParsedProject, parse_sources

    projects = [
        item.project
        for item in parse_sources(iter(sources), jobs)
        if isinstance(item, ParsedProject)
    ]
    linkage = link(projects, raw_lines(projects, sources))
    found = duplicates_across_files(projects, linkage)
    for group in linkage.of_status(Status.MATCH):
        found.extend(disagreements([projects[n] for n in sorted(group.members)]))
    return found
