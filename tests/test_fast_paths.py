"""Fast paths give what the general readers give.

The common shapes (`344 616 euroa`, `1.11.2021–31.10.2023`) are read by one pattern each,
and a repeated funding text is read once; each table row says whether its text takes the
fast path, so a row fails when the path is missed or when it reads another value. A sweep
over the benchmark generator's values checks every shape it writes.
"""

from __future__ import annotations

import difflib
import importlib
import re
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from conftest import ROOT, SEED
from hankkeet.library import read_projects
from hankkeet.locale import Language, use_language
from hankkeet.models import Contact, Funding, FundingSource, Project, SourceRef
from hankkeet.reading.dates import (
    _DASH_TABLE,
    _TWO_DAYS,
    _WRITTEN,
    normalise_dashes,
    read_period,
    read_period_generally,
)
from hankkeet.reading.funding import (
    _ATOMS,
    Patterns,
    digit_shape,
    find_funds,
    find_programmes,
    funds_in,
    literal_check,
    programme_key,
    programmes_in,
    read_funding,
    read_funding_generally,
)
from hankkeet.reading.labels import FUNDS, PROGRAMMES, TITLE_WORDS, Field
from hankkeet.reading.lines import classify, never_title, titleable
from hankkeet.reading.money import (
    _GROUPED,
    _PLAIN_EUROS,
    _longest_number,
    longest_number_generally,
    read_money_field,
    read_money_generally,
)
from hankkeet.reading.parser import ParsedProject
from hankkeet.reading.people import (
    _AT,
    find_email,
    read_contacts,
    read_contacts_generally,
    title_status,
)
from hankkeet.reading.staff import _COUNT, read_staff, read_staff_generally
from hankkeet.reading.text import (
    _FOLD_TABLE,
    _TABLE,
    clean_line,
    clean_lines,
    lines_of,
    replace_each,
    squash,
    squash_clean,
    squashable,
    table_row,
)

sys.path.insert(0, str(ROOT / "benchmarks"))
from generate import projects as generated  # the benchmark's generator

# The standard library's own regular-expression parser (no type stubs: typed as Any).
re_parser: Any = importlib.import_module("re._parser")

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
    ("256.506 euroa", True, "a dot between thousands"),
    ("1.016.855,50 euroa", True, "dots between thousands, and cents"),
    ("999.999.999.999.999 €", True, "fifteen digits grouped by dots"),
    ("1.000.000.000.000.000 €", False, "sixteen digits grouped by dots"),
    ("12.50 euroa", False, "a dot as a decimal point: a finding"),
    ("1 016.855 euroa", False, "a space and a dot mixed"),
    ("0.500 €", False, "a leading zero before a dot"),
    ("1,2 milj. euroa", False, "a multiplier"),
    ("1 234,5 €", True, "one decimal"),
    ("1 234,567 €", False, "three decimals"),
    ("344 616 euroa vuodessa", False, "per year: a finding"),
    ("344 616 euroa (EAKR 70 %)", False, "a share after it"),
    ("-344 616 euroa", False, "a minus sign"),
    ("344 616", False, "no unit"),
    ("344616 euroa", True, "no grouping"),
    ("127106,8 euroa", True, "no grouping, one decimal"),
    ("3446160 euroa", True, "seven digits ungrouped"),
    ("999999999999999 €", True, "fifteen digits ungrouped"),
    ("1000000000000000 €", False, "sixteen digits ungrouped: the general reader refuses it"),
    ("0344616 euroa", False, "a leading zero"),
    ("1234 567 euroa", False, "a group of four before a group of three"),
    ("344616€", False, "no space before the unit"),
    ("344 616 €.", False, "a full stop after the unit"),
]


@pytest.mark.parametrize(("text", "fast", "why"), MONEY, ids=[m[2] for m in MONEY])
def test_money_fast_path_reads_what_the_general_reader_reads(
    text: str, fast: bool, why: str
) -> None:
    """Same value, finding and share; the fast path taken exactly where the row says."""
    assert (_PLAIN_EUROS.fullmatch(clean_line(text)) is not None) is fast, why
    assert read_money_field(text) == read_money_generally(text), why


NUMBER_RUNS = [
    # (a run of digits and separators, read as a whole by the fast path, why)
    ("762 642", True, "grouped by spaces"),
    ("7", True, "one digit"),
    ("999 999 999 999 999", True, "fifteen digits"),
    ("1 000 000 000 000 000", False, "sixteen digits: the general reader takes a tail"),
    ("2014 1 610 921", False, "a year before the amount: the general reader takes the tail"),
    ("0 234", False, "a leading zero group"),
    ("1.016.855", False, "dots"),
    ("127106,8", False, "a decimal comma"),
    ("12 34", False, "a group of two"),
    ("344616", False, "ungrouped"),
]


@pytest.mark.parametrize(("token", "fast", "why"), NUMBER_RUNS, ids=[n[2] for n in NUMBER_RUNS])
def test_a_grouped_run_is_read_as_the_general_reader_reads_it(
    token: str, fast: bool, why: str
) -> None:
    """The longest tail that reads as a number: the whole run when it is grouped alike."""
    assert (_GROUPED.fullmatch(token) is not None) is fast, why
    assert _longest_number(token) == longest_number_generally(token), why


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
    ("1.1.2023—31.12.2024", True, "an em dash"),
    ("1.1.2023 \u2212 31.12.2024", True, "a minus sign as the dash"),
    ("1.1.2023 \u2010 31.12.2024", True, "a hyphen character"),
    ("1.1.2023 / 31.12.2024", False, "a slash between the dates"),
    ("1.1.2023  –  31.12.2024", False, "two spaces around the dash"),
    ("1.1.2023 – 31.12.2024.", False, "a full stop after it"),
]


@pytest.mark.parametrize(("text", "fast", "why"), PERIODS, ids=[p[2] for p in PERIODS])
def test_period_fast_path_reads_what_the_general_reader_reads(
    text: str, fast: bool, why: str
) -> None:
    """Same dates and findings; the fast path's pattern matches exactly where the row says."""
    assert (_TWO_DAYS.fullmatch(text) is not None) is fast, why
    assert read_period(text) == read_period_generally(text), why


STAFF = [
    # (text, takes the fast path, why)
    ("1", True, "one person"),
    ("2,5", True, "a decimal comma"),
    ("0,25", True, "a quarter"),
    ("12", True, "two digits"),
    ("1,555", False, "three decimals: the general reader"),
    ("1.5", False, "a decimal point"),
    ("2 henkilöä", False, "a unit word"),
    ("2,5 (31.12.2021 saakka, minkä jälkeen 3,0)", False, "a change of headcount"),
    ("", False, "empty"),
    ("noin 2", False, "a word before the count"),
]


@pytest.mark.parametrize(("text", "fast", "why"), STAFF, ids=[s[2] for s in STAFF])
@pytest.mark.parametrize(
    "period", [(date(2021, 1, 1), date(2022, 12, 31)), (None, None)], ids=["period", "none"]
)
def test_staff_fast_path_reads_what_the_general_reader_reads(
    text: str, fast: bool, why: str, period: tuple[date | None, date | None]
) -> None:
    """Same headcount periods and findings; the fast path taken exactly where the row says."""
    assert (_COUNT.fullmatch(text) is not None) is fast, why
    assert read_staff(text, *period) == read_staff_generally(text, *period), why


def digit_blind(pattern: str) -> bool:
    """Whether a pattern matches the same texts when their digits are changed for others:
    no digit of its own (alone, in a set or a range's end), no range with part of 0-9 in
    it, no back-reference (two equal digits may become two different ones). A digit class
    (\\d, \\w, '.') treats every digit alike."""
    digits = range(ord("0"), ord("9") + 1)

    def items(value: Any) -> Any:
        """Every (opcode, argument) of a parsed pattern, nested ones too."""
        if isinstance(value, re_parser.SubPattern):
            value = list(value)
        if not isinstance(value, (list, tuple)):
            return
        if len(value) == 2 and type(value[0]).__name__ == "_NamedIntConstant":
            yield value
        for part in value:
            yield from items(part)

    for op, arg in items(re_parser.parse(pattern)):
        name = str(op)
        if name in ("LITERAL", "NOT_LITERAL") and arg in digits:
            return False
        if name == "RANGE":
            low, high = arg
            if not (
                high < digits[0] or low > digits[-1] or (low <= digits[0] and high >= digits[-1])
            ):
                return False
        if name in ("GROUPREF", "GROUPREF_EXISTS"):
            return False
    return True


DIGIT_BLIND = [
    # (pattern, blind to which digits stand in a text, why)
    (r"\bEAKR\b", True, "letters and word boundaries"),
    (r"EU[- ]?osuus \d+ %", True, "a digit class treats every digit alike"),
    (r"[0-9]{4}", True, "a range of every digit"),
    (r"[!-~]+", True, "a range holding all of 0-9"),
    (r"ohjelma 2021", False, "a digit of its own"),
    (r"[12]\d{3}", False, "digits in a set"),
    (r"[5-z]", False, "a range holding part of 0-9"),
    (r"(?:a|kausi [^1])", False, "a digit in a negated set, inside an alternative"),
    (r"(\d)\1", False, "a back-reference"),
]


@pytest.mark.parametrize(("pattern", "blind", "why"), DIGIT_BLIND, ids=[d[2] for d in DIGIT_BLIND])
def test_digit_blind_tells_the_patterns_apart(pattern: str, blind: bool, why: str) -> None:
    assert digit_blind(pattern) is blind, why


def test_programmes_and_funds_are_found_in_a_texts_digit_shape() -> None:
    """The programme and fund searches run on a text's digit shape (every digit as 0), so
    no pattern on the way may tell digits apart: the programme and fund patterns, and the
    written-month pattern of programme_key."""
    patterns = [*_ATOMS, *(p for _, p in FUNDS), _WRITTEN.pattern]
    assert [p for p in patterns if not digit_blind(p)] == []


def test_a_texts_shape_names_what_the_text_names() -> None:
    """find_programmes and find_funds (by shape, cached) give what a direct search of the
    text gives, for every funding value of the generator and every corpus page's line."""
    texts = [
        line.partition(": ")[2]
        for piece in generated(seed=5, limit=300)
        for line in piece.splitlines()
        if line.startswith(("Rahoitus", "Rahoittaja"))
    ]
    for page in sorted((ROOT / "tests" / "corpus").glob("*/*.txt")):
        texts += page.read_text(encoding="utf-8").splitlines()
    named = 0
    for text in texts:
        key = programme_key(text)
        assert find_programmes(text) == list(programmes_in(key)), text
        assert find_funds(text) == list(funds_in(key)), text
        named += bool(programmes_in(key))
    assert named > 300
    assert digit_shape("EAKR 2014–2020: 1 953 160 €") == "EAKR 0000–0000: 0 000 000 €"


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
    """The second reading (from the cache) equals a fresh one, in the language of the run.
    Each reading has a Funding and a list of sources of its own; the sources in it are
    shared, and frozen: what one project does to its record leaves the next reading alone."""
    with use_language(language):
        first = read_funding(text)
        for source in first.funding.sources:
            with pytest.raises(ValidationError, match="frozen"):
                source.amount = None
        first.funding.sources.append(FundingSource(funder="changed"))
        first.funding.stated_budget = None
        again = read_funding(text)
        fresh = read_funding_generally(text)
    assert again.funding == fresh.funding
    assert again.programme == fresh.programme
    assert again.problems == fresh.problems
    assert again.funding.model_fields_set == fresh.funding.model_fields_set
    assert again.funding is not first.funding


CONTACTS = [
    "hankepäällikkö Sanna Böhme, sanna.bohme@kemi.fi",
    "projektikoordinaattori Oskar Oikarinen ja erityisasiantuntija Åsa Jylkkä",
    "Mats Berg, projektipäällikkö, puh. 040 123 4567",
    "projektipäälikkö Anna Virtanen",  # a misspelt title: a finding
    "hankevastaava",  # no name: a finding
]


@pytest.mark.parametrize("language", [Language.EN, Language.FI])
@pytest.mark.parametrize("text", CONTACTS)
def test_a_contact_text_read_again_is_read_the_same(text: str, language: Language) -> None:
    """The second reading (from the cache) equals a fresh one, in the language of the run.
    Each reading has lists of its own; the contacts in them are shared, and frozen: what one
    project does to its list leaves the next reading alone."""
    with use_language(language):
        first = read_contacts(text)
        for contact in first.contacts:
            with pytest.raises(ValidationError, match="frozen"):
                contact.email = "changed@example.org"
        first.contacts.append(Contact(name="Changed"))
        first.problems.clear()
        again = read_contacts(text)
        fresh = read_contacts_generally(text)
    assert again.contacts == fresh.contacts
    assert again.problems == fresh.problems
    assert [c.model_fields_set for c in again.contacts] == [
        c.model_fields_set for c in fresh.contacts
    ]


def test_every_generated_value_reads_the_same_both_ways() -> None:
    """Every money, period, staff and funding value the benchmark's generator writes."""
    labels = {
        "money": ("Budjetti", "Kustannusarvio", "Kaupungin osuus", "Kunnan osuus"),
        "period": ("Toiminta-aika", "Toteutusaika", "Hankeaika", "Hankkeen kesto"),
        "funding": ("Rahoitus ja ohjelma", "Rahoitus", "Rahoittaja", "Rahoitusohjelma"),
        "staff": ("Hankehenkilökunnan määrä", "Henkilöstön määrä", "Henkilöstö"),
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
            elif label in labels["staff"]:
                period = (date(2020, 1, 1), date(2023, 12, 31))
                assert read_staff(value, *period) == read_staff_generally(value, *period), line
                seen["staff"] += 1
            elif label in labels["funding"]:
                assert read_funding(value).funding == read_funding_generally(value).funding, line
                seen["funding"] += 1
    assert min(seen.values()) > 50, seen


SQUASH = [
    # (text, squash leaves it as it is, why)
    ("Matkailun kehittämishanke", True, "single spaces"),
    ("", True, "nothing"),
    ("a  b", False, "two spaces"),
    (" a", False, "a space first"),
    ("a ", False, "a space last"),
    ("a\tb", False, "a tab"),
    ("a\u00a0b", False, "a no-break space (str.split splits at it)"),
    ("a\u2028b", False, "a line separator, which cleaning leaves"),
    ("a\x1cb", False, "a file separator (white space to str.split)"),
    ("a\u200bb", True, "a zero-width space is no white space"),
    ("1\u202f000 €", False, "a narrow no-break space"),
]


@pytest.mark.parametrize(("text", "kept", "why"), SQUASH, ids=[s[2] for s in SQUASH])
def test_squash_skips_only_what_is_squashed_already(text: str, kept: bool, why: str) -> None:
    """The pre-check is exact: it lets through only text that splitting would not change."""
    assert squash(text) == " ".join(text.split()), why
    assert (not squashable(text)) is kept, why


def test_squash_agrees_with_splitting_on_every_kind_of_space() -> None:
    """Every character str.split takes for white space, alone, doubled, inside and at the ends."""
    spaces = [chr(c) for c in range(0x110000) if chr(c).isspace()]
    assert len(spaces) > 20
    for space in spaces:
        for text in (space, f"a{space}b", f"{space}a", f"a{space}", f"a {space}b", f"a{space} b"):
            assert squash(text) == " ".join(text.split()), repr(text)


LINES = [
    # (text, why)
    ("a\nb\r\nc\rd", "every line break"),
    ("a\u00a0b\nc\td", "spaces to clean"),
    ("a\r\u200b\nb", "a zero-width mark between CR and LF stays a line of its own"),
    ("a\u00a0b\r\u200b\nc", "spaces to clean and a zero-width mark"),
    ("1\u00a0000\u00a0€\r\n\x0cb", "no-break spaces and a form feed, translated whole"),
    ("a\x1b[31mb\n", "an escape made visible"),
    ("", "nothing"),
]


@pytest.mark.parametrize(("text", "why"), LINES, ids=[t[1] for t in LINES])
def test_lines_cleaned_at_once_are_the_lines_cleaned_one_by_one(text: str, why: str) -> None:
    """clean_lines and lines_of (in pieces of every size) give each line as clean_line does."""
    expected = [clean_line(line) for line in re.split(r"\r\n|\r|\n", text)]
    assert clean_lines(text) == expected, why
    for size in (1, 2, 3):
        pieces = [text[i : i + size] for i in range(0, len(text), size)]
        assert list(lines_of(pieces)) == expected, why


LITERALS = [
    # (pattern, texts one of which every match holds, why)
    (r"\binterreg", ("interreg",), "a word boundary holds no text"),
    (r"react ?eu", ("react",), "an optional space ends the plain start, the space with it"),
    (r"\besr\+", ("esr+",), "an escaped character is plain"),
    (r"\beakr\b|aluekehitysrahasto", ("eakr", "aluekehitysrahasto"), "one per alternative"),
    (r"a(?:b|c)|d", ("a", "d"), "a '|' inside a group is no top-level alternative"),
    (r"äkillisen (?:tuki|rahasto)", ("äkillisen ",), "a group ends the plain start"),
    (r"ab*c", ("a",), "'*' makes the letter before it optional"),
    (r"x{2}", None, "'{' leaves nothing plain"),
    (r"[ab]c|d", None, "an alternative with no plain start: always searched"),
    (r"\w+", None, "a class escape is not plain"),
]


@pytest.mark.parametrize(("pattern", "texts", "why"), LITERALS, ids=[row[2] for row in LITERALS])
def test_the_texts_every_match_holds(pattern: str, texts: tuple[str, ...] | None, why: str) -> None:
    """literal_check finds what every match of a pattern holds, or says there is none."""
    assert literal_check(pattern) == texts, why


def test_programme_and_fund_patterns_match_as_plain_searches() -> None:
    """Pre-checked, the vocabulary's patterns match exactly where re.search finds them: in
    the generator's and the corpus's funding texts, and in texts made of the plain starts."""
    atoms = [p for _, patterns in PROGRAMMES for p in patterns] + [p for _, p in FUNDS]
    assert all(literal_check(p) for p in atoms), "every pattern of the vocabulary is pre-checked"
    texts = [
        line.partition(": ")[2]
        for piece in generated(seed=5, limit=300)
        for line in piece.splitlines()
    ]
    for path in (ROOT / "tests" / "corpus").glob("*/*.txt"):
        texts += path.read_text(encoding="utf-8").splitlines()
    for pattern in atoms:
        for text in literal_check(pattern) or ():
            texts += [text, f"x{text}", f"{text}x", f" {text} ", f"{text}+", f"{text} eu"]
    keys = [programme_key(t) for t in texts]
    patterns = Patterns(atoms)
    for key in keys:
        expected = {i for i, p in enumerate(atoms) if re.search(p, key)}
        assert patterns.matching(key) == expected, key
    assert sum(bool(patterns.matching(k)) for k in keys) > 300


@pytest.mark.parametrize(
    ("table", "why"),
    [(_TABLE, "clean_line's table"), (_FOLD_TABLE, "slug's folding"), (_DASH_TABLE, "dashes")],
    ids=["clean", "fold", "dashes"],
)
def test_replacing_each_character_is_translating(table: dict[int, str | None], why: str) -> None:
    """replace_each gives str.translate's text, for every character of the table, alone,
    twice and next to the others, in ASCII and beyond."""
    chars = [chr(c) for c in table]
    texts = ["", "plain text", "Jäänmurtaja – 2024", "".join(chars), "".join(reversed(chars))]
    texts += [f"a{c}b{c}{c}ä€" for c in chars]
    for text in texts:
        assert replace_each(text, chars, table) == text.translate(table), (why, text)
    for text in texts:
        if table is _TABLE:
            # A line with tabs is first cut into its cells (tests/test_unseen_kinds.py).
            cells = table_row(text) if "\t" in text else text
            assert clean_line(text) == cells.translate(_TABLE), repr(text)
        if table is _DASH_TABLE:
            assert normalise_dashes(text) == text.translate(_DASH_TABLE), repr(text)


def _title_status_in_two_passes(title: str) -> tuple[str, str | None]:
    """title_status as it was written first: difflib at 80 %, then again at 60 %."""
    last = title.split()[-1].casefold() if title.split() else ""
    if last in TITLE_WORDS or any(last.endswith(word) for word in TITLE_WORDS):
        return "known", None
    near = difflib.get_close_matches(last, frozenset(TITLE_WORDS), n=1, cutoff=0.8)
    if near:
        return "typo", near[0]
    near = difflib.get_close_matches(last, frozenset(TITLE_WORDS), n=1, cutoff=0.6)
    return "unknown", (near[0] if near else None)


def test_title_status_in_one_pass_says_what_two_passes_say() -> None:
    """Every title word with a letter dropped, changed, cut or added, and other words."""
    words = ["hankevastaava", "projektipäälikkö", "rehtori", "kokki", "", "x"]
    for title in TITLE_WORDS:
        for i in range(len(title)):
            words += [title[:i] + title[i + 1 :], title[:i] + "x" + title[i + 1 :]]
            words += [title[:i], title[i:], title + "a" * i]
    for word in words:
        assert title_status.__wrapped__(word) == _title_status_in_two_passes(word), word


_ADDRESS_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._+-")


def _find_email_walking(text: str, start: int = 0) -> tuple[int, int, str] | None:
    """find_email as it was: the address's sides walked a character at a time."""
    for at in _AT.finditer(text, start):
        left = at.start()
        while left > 0 and at.start() - left < 64 and text[left - 1] in _ADDRESS_CHARS:
            left -= 1
        right = at.end()
        while right < len(text) and right - at.end() < 255 and text[right] in _ADDRESS_CHARS:
            right += 1
        domain = text[at.end() : right].rstrip(".")
        if left < at.start() and "." in domain.strip("."):
            return left, at.end() + len(domain), f"{text[left : at.start()]}@{domain}"
    return None


EMAILS = [
    ("Virpi Pakarinen, virpi.pakarinen@kemi.fi", 0, "one address after a name"),
    ("etunimi.sukunimi(at)lapinliitto.fi, puh. 040 123 4567", 0, "'(at)' for '@'"),
    ("anna.aho [at] xamk.fi ja pekka.oja @ xamk.fi", 0, "spaces around '[at]' and '@'"),
    ("a@b.fi c@d.fi", 3, "the search starts past the first address"),
    ("@kemi.fi", 0, "nothing before the '@': no address"),
    ("virpi@kemi", 0, "no dot in the domain: no address"),
    ("virpi@kemi.fi.", 0, "a sentence's full stop after the address"),
    ("x" * 70 + "@kemi.fi", 0, "a local part longer than 64 characters is cut at 64"),
    ("x" * 64 + "@kemi.fi", 0, "a local part of 64 characters is whole"),
    ("anna@" + "k" * 300 + ".fi", 0, "a domain longer than 255 characters is cut at 255"),
    ("anna@" + "k" * 252 + ".fi", 0, "a domain of 255 characters is whole"),
    ("anna@" + "k" * 253 + ".fi", 0, "a domain cut just after its dot"),
    ("ääkköset.öö@kemi.fi", 0, "letters beyond ASCII end the local part"),
    ("(Kemin kaupunki)", 0, "a bracket and no address"),
    ("", 0, "empty text"),
]


@pytest.mark.parametrize(("text", "start", "why"), EMAILS)
def test_an_address_is_found_as_walking_its_sides_finds_it(text: str, start: int, why: str) -> None:
    assert find_email(text, start) == _find_email_walking(text, start), why


def _pages() -> list[Path]:
    return [SEED, *sorted((ROOT / "tests" / "corpus").glob("*/*.txt"))]


def test_assembled_records_are_valid_records(tmp_path: Path) -> None:
    """A record is assembled without pydantic's validation: every record of the seed, every
    corpus page and a generated corpus is one that strict validation accepts unchanged."""
    generated_page = tmp_path / "generated.txt"
    generated_page.write_text("".join(generated(seed=5, limit=300)), encoding="utf-8")
    checked = 0
    for page in [*_pages(), generated_page]:
        for item in read_projects([page]):
            if not isinstance(item, ParsedProject):
                continue
            project = item.project
            values = dict(project)
            assert Project.model_validate(values, strict=True) == project, (page, project.name)
            assert project.model_fields_set == set(Project.model_fields), project.name
            assert SourceRef.model_validate(dict(project.source), strict=True) == project.source
            for part in (*project.staff, *project.contacts):
                model = type(part)
                assert model.model_validate(dict(part), strict=True) == part, project.name
                assert (
                    part.model_fields_set
                    == type(part)
                    .model_validate(part.model_dump(exclude_unset=True))
                    .model_fields_set
                )
            funding = project.funding
            assert Funding.model_validate(dict(funding), strict=True) == funding
            for source in funding.sources:
                assert FundingSource.model_validate(dict(source), strict=True) == source
                assert source.model_fields_set == set(FundingSource.model_fields)
            checked += 1
    assert checked > 350


LABEL_LINES = [
    # (line, field, value, column of the value, why)
    ("Budjetti: 100 €", Field.BUDGET, "100 €", 11, "nothing to strip: the common line"),
    ("  Budjetti:  100 €  ", Field.BUDGET, "100 €", 14, "spaces around the line and the value"),
    ("\tBudjetti:\t100", Field.BUDGET, "100", 12, "tabs"),
    ("Budjetti:   ", Field.BUDGET, "", 10, "an empty value, spaces after the colon"),
    ("Budjetti: 100 €\u2028", Field.BUDGET, "100 €", 11, "a line separator at the end"),
    ("\u2028Budjetti: 5", Field.BUDGET, "5", 12, "a line separator at the start"),
    (" Y-tunnus: 123", None, "123", 12, "another's label, indented"),
    ("Budjetti:  100", Field.BUDGET, "100", 12, "two spaces after the colon"),
    ("Budjetti:100", Field.BUDGET, "100", 10, "no space after the colon"),
    ("Budjetti: \u2028100", Field.BUDGET, "100", 12, "a space and a line separator"),
]


@pytest.mark.parametrize(
    ("line", "field", "value", "column", "why"), LABEL_LINES, ids=[r[4] for r in LABEL_LINES]
)
def test_a_label_line_is_stripped_only_where_it_has_space(
    line: str, field: Field | None, value: str, column: int, why: str
) -> None:
    """A line is stripped only when it starts or ends in white space; the value and its
    column are what stripping every line gives."""
    label = classify(line)
    assert label is not None, why
    assert (label.field, label.value, label.column) == (field, value, column), why


TITLE_LINES = [
    # one line for each reason never_title gives, and lines that may be titles
    "# Otsikko",
    "§ 42 Hankkeen rahoitus",
    "- listan kohta",
    "4.1 Tavoitteet",
    "https://www.kemi.fi/hankkeet",
    "www.kemi.fi/hankkeet",
    "WWW.KEMI.FI",
    "(HTTPS://KEMI.FI/HANKE)",
    "Hankkeen sivut: HTTPS://KEMI.FI/HANKE",
    "Hanke alkoi! Se jatkuu",
    "Mitä tehdään? Näin tehdään",
    "aino.aho@kemi.fi",
    "Puh. 040 123 4567",
    "12.3.2024",
    "2021–2023",
    "Hanke edistää matkailua.",
    "Hanke alkoi. Se jatkuu",
    "pienellä alkava rivi",
    "Kemin kaupungin logo",
    "Etusivu",
    "Pöytäkirja 12.3.2024",
    "Meri-Lapin matkailun kehittämishanke 11",
    "Jäänmurtajahanke...",
    "TEOLLISUUDEN VIHREÄ SIIRTYMÄ",
    "Hanke (2021–2023)",
    "WWW-sivujen uudistus",
    "  Sisäsataman elinvoimahanke  ",
]


def test_titleable_says_what_never_title_says() -> None:
    """titleable answers in fewer steps: the same answer as never_title for every line of
    the seed, the corpus pages, a generated corpus and a line for each reason."""
    texts = [*TITLE_LINES, *"".join(generated(seed=9, limit=300)).splitlines()]
    for page in _pages():
        texts += page.read_text(encoding="utf-8", errors="replace").splitlines()
    reasons = {never_title(t) for t in TITLE_LINES}
    assert len(reasons) >= 12, reasons  # the table reaches (almost) every reason
    for text in texts:
        assert titleable(text) is (never_title(text) is None), text


def test_cleaning_leaves_only_line_separators_as_other_white_space() -> None:
    """squash_clean looks for two kinds of white space besides ' ': every other kind that
    str.split splits at is made a space or U+FFFD by cleaning, or ends a line."""
    spaces = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
    left = {c for c in spaces if c not in "\n\r" and clean_line(c) not in (" ", "\ufffd", "")}
    assert left == {"\u2028", "\u2029"}


CLEAN_SQUASH = [
    "Yksi väli vain",
    "Kaksi  väliä",
    " alussa",
    "lopussa ",
    "rivin\u2028erotin",
    "kappaleen\u2029erotin",
    "sarkain\tja\u00a0sitova",
    "",
    " ",
]


@pytest.mark.parametrize("text", CLEAN_SQUASH)
def test_squash_of_cleaned_text_is_squash(text: str) -> None:
    """For text of cleaned lines, squash_clean gives what squash gives."""
    cleaned = clean_line(text)
    assert squash_clean(cleaned) == squash(cleaned)
