"""`link` and merging: one project in many sources, never counted twice.

The fixtures in tests/fixtures/link/ are four small files written for these tests: an
EURA-like card and a city page of one project (a shared code S21949, budgets 52 300,50 € and
52 000 €), its follow-up 'II' and a project of the same name in another municipality.
Expected sums are worked out by hand from those files.
"""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import gc
import io
import json
import sys
from datetime import date
from decimal import Decimal
from difflib import SequenceMatcher
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import FIXTURES, cli
from hankkeet.diagnostics import Code
from hankkeet.encode import dumps
from hankkeet.finnish import NBSP
from hankkeet.library import project_records, read_projects
from hankkeet.link import (
    NAME_ALIKE,
    SIMILAR_NAMES,
    Identity,
    NameTokens,
    Status,
    _collector_paused,
    _common_run,
    acronym_in,
    acronym_of,
    codes_in,
    compare,
    follow_up,
    link,
    link_identities,
    merge,
    name_similarity,
    normalised_name,
    raw_lines,
    short_name_of,
)
from hankkeet.locale import Language
from hankkeet.reading.sources import resolve
from hankkeet.validate import validate_sources

LINK = FIXTURES / "link"
LINKAGE = Path(__file__).resolve().parent / "linkage"


@pytest.mark.parametrize(
    ("name", "expected", "why"),
    [
        ("Kasvua kyliin -hanke", "kasvua kyliin", "the -hanke suffix"),
        ("KASVUA KYLIIN", "kasvua kyliin", "case"),
        ("”Kasvua kyliin” (2023–2025).", "kasvua kyliin", "quotes, a period in parentheses"),
        ("Kasvua kyliin -projekti", "kasvua kyliin", "the -projekti suffix"),
        ("Smart City -projekt", "smart city", "the Swedish -projekt suffix"),
        ("Pohjois-Savon kasvu", "pohjois savon kasvu", "a dash inside the name"),
        ("EU-hanke Healthy Boost", "healthy boost", "a generic 'EU-hanke' before the name"),
        ("VisitSaimaa2 -Lakeland Finland 2019-2021", "visitsaimaa2 lakeland finland", "years"),
        ("Hankeosaaminen", "hankeosaaminen", "'hanke' inside a word stays"),
        ("(nimetön hanke, rivi 12)", "", "the reader's placeholder for a record with no name"),
    ],
)
def test_normalised_name(name: str, expected: str, why: str) -> None:
    assert normalised_name(name) == expected, why


@pytest.mark.parametrize(
    ("normalised", "expected", "why"),
    [
        ("kasvua kyliin ii", ("kasvua kyliin", "2"), "a roman numeral"),
        ("kasvua kyliin 2", ("kasvua kyliin", "2"), "a digit"),
        ("visitsaimaa2 lakeland finland", ("visitsaimaa lakeland finland", "2"), "glued"),
        ("kasvua kyliin", ("kasvua kyliin", ""), "none"),
        (
            "6aika hiilineutraalit yritysalueet hnry",
            ("6aika hiilineutraalit yritysalueet hnry", ""),
            "a digit that starts a word is part of the name (6Aika), not a follow-up",
        ),
        ("4h kerho 2", ("4h kerho", "2"), "the word's own digit stays, the numeral goes"),
        (
            "kohti biokaasutuotannon käyttöönottoa pohjois savossa ii farmgas ps 2",
            ("kohti biokaasutuotannon käyttöönottoa pohjois savossa farmgas ps", "2"),
            "one follow-up said twice, as 'II' and in its acronym ('(FarmGas-PS 2)'), is one "
            "numeral: not another follow-up than the same name with 'II' alone",
        ),
        ("hanke 2 ja 3", ("hanke ja", "2 3"), "two different numerals stay two"),
    ],
)
def test_follow_up(normalised: str, expected: tuple[str, str], why: str) -> None:
    assert follow_up(normalised) == expected, why


@pytest.mark.parametrize(
    ("a", "b", "at_least", "at_most", "why"),
    [
        ("kasvua kyliin", "kasvua kyliin", 1.0, 1.0, "the same"),
        ("baltic sohjoa", "sohjoa baltic", 1.0, 1.0, "the same words in another order"),
        ("sohjoa baltic", "sohjoa baltic ympäristöystävällisempää liikennettä", 0.9, 0.9, "inside"),
        ("visit saimaa", "visitsaimaa lakeland finland", 0.9, 0.9, "the beginning, spaced"),
        ("kasvua kyliin", "kasvua kylille", 0.75, 0.99, "an inflected word"),
        ("kasvua kyliin", "healthy boost", 0.0, 0.0, "nothing alike"),
        ("ab", "ab cd ef gh", 0.0, 0.74, "two letters are not a name inside another"),
    ],
)
def test_name_similarity(a: str, b: str, at_least: float, at_most: float, why: str) -> None:
    assert at_least <= name_similarity(a, b) <= at_most, why
    assert name_similarity(a, b) == name_similarity(b, a), "symmetric"


def plain_similarity(a: str, b: str) -> float:
    """name_similarity as its docstring says it, each step on the strings themselves and
    difflib's own bounds (the version before NameTokens and the common-run bound): what
    the faster one must equal."""
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if short.split(" ", 1)[0] in long_:
        words_short, words_long = short.split(), long_.split()
        if sorted(words_short) == sorted(words_long):
            return 1.0
        squeezed = "".join(words_short)
        if (len(words_short) >= 2 or len(squeezed) >= 8) and (
            set(words_short) <= set(words_long) or "".join(words_long).startswith(squeezed)
        ):
            return NAME_ALIKE
    if 2 * len(short) < SIMILAR_NAMES * (len(a) + len(b)):
        return 0.0
    if a.replace(" ", "")[:3] != b.replace(" ", "")[:3] and set(a.split()).isdisjoint(b.split()):
        return 0.0
    matcher = SequenceMatcher(None, b, a, autojunk=False)
    if matcher.quick_ratio() < SIMILAR_NAMES:
        return 0.0
    return matcher.ratio()


# Names of a few letters and spaces: many pairs alike enough to reach difflib.
NAMES = st.text(alphabet="aiklmo ", max_size=24).map(lambda s: " ".join(s.split()))


@settings(max_examples=400, deadline=None)
@given(NAMES, NAMES)
def test_name_similarity_equals_the_plain_one(a: str, b: str) -> None:
    """The cheap bounds (each name's parts worked out once, the letters in common, the
    longest common subsequence) only ever rule out pairs difflib would rule out; below
    SIMILAR_NAMES a similarity is 0.0, names not alike."""
    plain = plain_similarity(a, b)
    assert name_similarity(a, b) == (plain if plain >= SIMILAR_NAMES else 0.0)


def longest_common_subsequence(a: str, b: str) -> int:
    """The textbook dynamic programme."""
    row = [0] * (len(b) + 1)
    for x in a:
        previous, row = row, [0]
        for j, y in enumerate(b):
            row.append(previous[j] + 1 if x == y else max(previous[j + 1], row[j]))
    return row[-1]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abc d", max_size=40), st.text(alphabet="abc d", max_size=40))
def test_common_run_is_the_longest_common_subsequence(a: str, b: str) -> None:
    assert _common_run(NameTokens.of(a), b) == longest_common_subsequence(a, b)


@pytest.mark.parametrize(
    ("name", "expected", "why"),
    [
        ("DIGIDIA - Digitaalista osaamista", "DIGIDIA", "a leading acronym"),
        ("DIGIDIA-hanke pureutuu", "DIGIDIA", "with a suffix"),
        ("Digitaalisuuden optimointi Kainuussa (DIHYTE)", "DIHYTE", "in parentheses at the end"),
        ("PANDATALOUDEN JA TUTKIMUKSEN TIET", "", "a name in capitals has none"),
        ("Healthy Boost", "", "none"),
        ("ILLKKA", "ILLKKA", "a one-word name in capitals is its own acronym"),
        ("TUKEE!", "TUKEE", "with an exclamation mark"),
        ("Arctic smartness excellence (ASE) -hanke", "ASE", "in parentheses before '-hanke'"),
        ("Osaamiskeskittymä - Arctic Smartness Excellence -ASE", "ASE", "after a spaced dash"),
        ("Kasvua kyliin (EAKR)", "", "a fund in parentheses is no acronym"),
        ("ESR", "", "a fund alone is no acronym"),
        ("EU-hanke Kasvua kyliin", "", "two capitals are too few"),
        (
            "Purification of nitrogen … in arctic areas: TypArkt",
            "TypArkt",
            "a coined word of two capitals after a colon at the end",
        ),
        ("Micro-enterprise growth platform (MikroY)", "MikroY", "a coined word in parentheses"),
        ("Kasvua kyliin (Leader)", "", "a word of one capital in parentheses is no short name"),
    ],
)
def test_acronym(name: str, expected: str, why: str) -> None:
    assert acronym_of(name) == expected, why


@pytest.mark.parametrize(
    ("name", "expected", "why"),
    [
        ("Dynamo - Universities in Boosting Innovations", "dynamo", "one word before a dash"),
        ("Lyckan", "lyckan", "a one-word name"),
        ("VesiVarma-hanke", "vesivarma", "a one-word name with its suffix"),
        ("Musiikki elämään - osallistavan konserttitoiminnan", "", "two words before the dash"),
        ("Toimari 2", "", "two words"),
        ("Ase", "", "under four letters"),
        ("Hanke", "", "a generic word"),
    ],
)
def test_short_name(name: str, expected: str, why: str) -> None:
    assert short_name_of(name) == expected, why


@pytest.mark.parametrize(
    ("lines", "expected", "why"),
    [
        (["Lyhenne", "VesiVarma", "Projektityyppi"], "VesiVarma", "label alone, value below"),
        (["Lyhenne: HUMUS"], "HUMUS", "label and value on one line"),
        (["Lyhenne", "", "VesiVarma"], "VesiVarma", "a blank line between"),
        (["Lyhenne", "Pienten vesihuoltolaitosten huolto"], "", "words are no acronym"),
        (["Lyhenteet ja käsitteet"], "", "no label"),
    ],
)
def test_acronym_in(lines: list[str], expected: str, why: str) -> None:
    assert acronym_in(lines) == expected, why


def test_names_that_share_only_an_acronym_at_their_end_meet_in_a_block() -> None:
    """The ASE card and a council's list page: names alike enough, but no block in common
    (their first letters and longest words differ) until both give their acronym."""
    linkage = link_identities(
        [
            identity(
                0,
                "Lapin maakunnallinen Arktisen erikoistumisen osaamiskeskittymä - "
                "Arctic Smartness Excellence -ASE",
            ),
            identity(1, "Arctic smartness excellence (ASE) -hanke"),
        ]
    )
    assert [(g.status, g.members) for g in linkage.groups] == [(Status.PROBABLE, [0, 1])]


@pytest.mark.parametrize(
    ("a", "b", "acronym", "expected", "why"),
    [
        (
            "DYNAMO - Korkeakoulut innovaatioiden ja osaamisen vauhdittajina",
            "Dynamo - Universities in Boosting Innovations and Know-how in Businesses",
            "",
            Status.PROBABLE,
            "one states the acronym in capitals, the other spells it as a word before a dash",
        ),
        (
            "ILLKKA - Itä-Lapin luonnonkivi- ja kiviaineshanke",
            "ILLKKA",
            "",
            Status.PROBABLE,
            "a name that is only the other's acronym",
        ),
        (
            "Pienten vesihuoltolaitosten huoltovarmuuden kehittäminen",
            "VesiVarma",
            "VesiVarma",
            Status.PROBABLE,
            "an acronym its own lines state ('Lyhenne') and the other's one-word name",
        ),
        (
            "Vamos - Matalankynnyksen ohjaus- ja neuvontapalvelu",
            "Vamos - Lahden miehiä",
            "",
            None,
            "a common first word on both sides, in no one's capitals: not an acronym",
        ),
        (
            "TUKEE!",
            "TUKEE2",
            "",
            Status.REVIEW,
            "a follow-up's acronym is another acronym (alike names, another numeral)",
        ),
        (
            "Lyckan – Maaseudun innovaatio- ja inspiraatiotoiminnan tulevaisuushub",
            "Lyckan",
            "",
            Status.PROBABLE,
            "a name that is only the other's short form before its dash, in no capitals",
        ),
        (
            "Mikroyritysten kasvualusta",
            "Micro-enterprise growth platform (MikroY)",
            "",
            Status.PROBABLE,
            "a coined short name that is the other's name's first letters run together",
        ),
        (
            "Mikroyrittäjien verkosto",
            "Kasvualusta (MiKr)",
            "",
            None,
            "a coined short name of fewer letters than a name's start needs says nothing",
        ),
    ],
)
def test_acronyms_link_names(
    a: str, b: str, acronym: str, expected: Status | None, why: str
) -> None:
    left = identity(0, a)
    if acronym:
        left = dataclasses.replace(left, acronym=acronym)
    pair = compare(left, identity(1, b))
    assert pair.status is expected, (why, pair)


@pytest.mark.parametrize(
    ("lines", "expected", "why"),
    [
        (["Hanketunnus: S21949"], ("S21949",), "a labelled code"),
        (["Lisätietoja: hanketunnus S21949"], ("S21949",), "an EURA code in a sentence"),
        (["§ 45 Osallistuminen", "KAJDno-2022-849"], ("KAJDno-2022-849",), "a case number"),
        (["Budjetti 212 000 €"], (), "no code"),
    ],
)
def test_codes_in(lines: list[str], expected: tuple[str, ...], why: str) -> None:
    assert codes_in(lines) == expected, why


def identity(index: int, name: str, **fields: object) -> Identity:
    """An identity with a name and some fields, as identity_of makes them."""
    normalised = normalised_name(name)
    stem, numeral = follow_up(normalised)
    return Identity(
        index=index,
        name=name,
        normalised=normalised,
        stem=stem,
        numeral=numeral,
        acronym=acronym_of(name),
        short=short_name_of(name),
        **fields,  # type: ignore[arg-type]
    )


PERIOD = {"start": date(2023, 1, 1), "end": date(2025, 12, 31)}
LATER = {"start": date(2026, 1, 1), "end": date(2027, 12, 31)}


@pytest.mark.parametrize(
    ("a", "b", "expected", "why"),
    [
        ({"codes": ("S21949",)}, {"codes": ("S21949",)}, Status.MATCH, "a shared code"),
        (
            {"codes": ("S21949",), **PERIOD},
            {"codes": ("S21949",), **LATER},
            Status.MATCH,
            "a shared code decides even when the periods differ",
        ),
        (
            {"budget": Decimal(52300), **PERIOD},
            {"budget": Decimal(52300), **PERIOD},
            Status.MATCH,
            "name, period and budget agree",
        ),
        ({}, {}, Status.PROBABLE, "the name alone"),
        ({**PERIOD}, {**LATER}, Status.REVIEW, "the same name, another period"),
        (
            {"fund": "EAKR", "budget": Decimal(1), **PERIOD},
            {"fund": "ESR", "budget": Decimal(1), **PERIOD},
            Status.REVIEW,
            "the same name, period and budget, another fund: never matched",
        ),
        (
            {"municipality": "kajaa"},
            {"municipality": "kuhmo"},
            Status.REVIEW,
            "the same name in two municipalities",
        ),
        ({"codes": ("S21949",)}, {"codes": ("S30001",)}, Status.REVIEW, "two EURA codes"),
    ],
)
def test_verdict(a: dict[str, object], b: dict[str, object], expected: Status, why: str) -> None:
    pair = compare(identity(0, "Kasvua kyliin", **a), identity(1, "Kasvua kyliin -hanke", **b))
    assert pair.status is expected, (why, pair)


def test_a_follow_up_is_never_matched() -> None:
    pair = compare(
        identity(0, "Kasvua kyliin", **PERIOD), identity(1, "Kasvua kyliin II", **PERIOD)
    )
    assert pair.status is Status.REVIEW
    assert "follow-up" in pair.conflicts


def test_two_records_without_a_name_are_not_alike_by_their_placeholders() -> None:
    """Two texts the reader finds no name in (tests/linkage/kohti-tyota-lieksa-news.txt and
    liikkuvan-arjen-design-eakr-application.txt, both '(nimetön hanke, rivi 1)'): the
    placeholder is no name, so it joins nothing."""
    pair = compare(identity(0, "(nimetön hanke, rivi 1)"), identity(1, "(nimetön hanke, rivi 1)"))
    assert pair.status is None
    later = compare(identity(0, "(nimetön hanke, rivi 1)"), identity(1, "(nimetön hanke, rivi 12)"))
    assert later.status is None, "not a follow-up (1 and 12) either"


def test_a_follow_up_named_twice_is_not_another_follow_up() -> None:
    """An EURA card's 'Hanke II (FarmGas-PS 2)' and a page's 'Hanke II' (real names of
    tests/linkage/farmgas-ps2-*): the same follow-up, no 'follow-up' conflict."""
    pair = compare(
        identity(0, "Kohti biokaasutuotannon käyttöönottoa Pohjois-Savossa II (FarmGas-PS 2)"),
        identity(1, "Kohti biokaasutuotannon käyttöönottoa Pohjois-Savossa II"),
    )
    assert "follow-up" not in pair.conflicts
    assert pair.status is Status.PROBABLE


def test_evidence_names_each_field_with_its_weight() -> None:
    pair = compare(
        identity(0, "Kasvua kyliin", budget=Decimal(100), **PERIOD),
        identity(1, "Kasvua kyliin", budget=Decimal(100), **PERIOD),
    )
    assert [(e.field, e.agrees, e.weight) for e in pair.evidence] == [
        ("name", True, 6),
        ("period", True, 4),
        ("budget", True, 4),
    ]
    assert pair.score == 14


def test_a_chain_of_matches_never_joins_records_that_conflict() -> None:
    """A matches B and B matches C by their codes, but A and C disagree on the period
    with alike names: C stays out of A's group."""
    records = [
        identity(0, "Kasvua kyliin", codes=("S21949",), **PERIOD),
        identity(1, "Kasvua kyliin", codes=("S21949", "A70001")),
        identity(2, "Kasvua kyliin", codes=("A70001",), **LATER),
    ]
    linkage = link_identities(records)
    matched = [g.members for g in linkage.of_status(Status.MATCH)]
    assert [0, 1, 2] not in matched
    assert any(0 in m and 1 in m for m in matched)


def test_blocking_never_compares_all_pairs() -> None:
    """Two thousand different records: far fewer comparisons than their 1 999 000 pairs."""
    records = [
        identity(n, f"Hanke {n:04d} {chr(97 + n % 26)}{chr(97 + n // 26 % 26)}x", **PERIOD)
        for n in range(2000)
    ]
    linkage = link_identities(records)
    assert linkage.compared < 2000 * 30


@pytest.mark.parametrize(
    ("enabled", "fails", "why"),
    [
        (True, False, "on before, on after"),
        (False, False, "off before (the caller's choice), still off after"),
        (True, True, "on again after an exception in the loop"),
    ],
)
def test_the_pair_loop_leaves_the_collector_as_it_was(enabled: bool, fails: bool, why: str) -> None:
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        with contextlib.suppress(ZeroDivisionError), _collector_paused():
            assert not gc.isenabled(), "paused inside"
            if fails:
                raise ZeroDivisionError
        assert gc.isenabled() is enabled, why
    finally:
        gc.enable() if was else gc.disable()


def read(folder: Path) -> tuple[list, list]:  # type: ignore[type-arg]
    sources = resolve([str(p) for p in sorted(folder.glob("*.txt"))])
    projects = list(project_records(read_projects(sources)))
    return projects, raw_lines(projects, sources)


def test_merge_takes_the_trusted_value_and_says_where_they_disagree() -> None:
    projects, lines = read(LINK)
    linkage = link(projects, lines)
    merged = merge(projects, linkage)
    assert merged.counted_once == 1
    assert len(merged.projects) == len(projects) - 1
    budgets = sorted(p.budget for p in merged.projects if p.budget is not None)
    assert budgets == [Decimal(48000), Decimal("52300.50"), Decimal(150000)]
    (finding,) = merged.findings
    assert finding.code is Code.SOURCES_DISAGREE
    assert f"52{NBSP}300,50" in finding.text(Language.EN) and f"52{NBSP}000" in finding.text(
        Language.EN
    )
    assert "card.txt" in finding.text(Language.EN) and "page.txt" in finding.text(Language.EN)


@pytest.mark.parametrize(
    ("args", "budget", "projects", "why"),
    [
        ([], "250300.5", "3", "merged: the card and the page are one project, counted once"),
        (["--no-merge"], "302300.5", "4", "each record: the project counted twice"),
    ],
)
def test_totals_counts_a_project_once(
    args: list[str], budget: str, projects: str, why: str
) -> None:
    run = cli("totals", str(LINK), "--format", "csv", *args)
    assert run.exit_code == 0, run.stderr
    (row,) = list(csv.DictReader(io.StringIO(run.stdout)))
    assert (row["budget"], row["projects"]) == (budget, projects), why
    said = "described by more than one source and is counted once" in run.stderr
    assert said == (not args), why


@pytest.mark.parametrize(
    ("args", "projects", "budget", "why"),
    [
        (
            [],
            "146",
            "29616808.21",
            "merged (the fifth and sixth rounds' 88 files included: MetsäRekry Lappi's card "
            "and page a match, DUDE's, Kantola's and Retkiä's too, "
            "no budget counted twice; the Central Baltic database's items read with "
            "their budgets, '€1 306 732' …): sixteen projects described by several sources "
            "are counted once each "
            "(Lyckan's municipal and partner pages among them; Centria's HABITUS page, named "
            "by its first line since the fields stand under its text, with its EURA card: the "
            "same period, programme and fund; the newspaper's item on Rinnalla kulkien, named "
            "by the name its text gives in quotes ('jonka nimi on ”…”'), with its EURA card). "
            "JAMK's VesiVarma card is one record: its database's labels alone over their "
            "values ('Vahvuusala' over 'Biotalous') make no title; the EAKR application's "
            "two card headings, one under the other, are one card (no nameless second); "
            "Humak's publication page is one project, its participants' headings in capitals "
            "('LUOVAN ALAN OSAAJAT: …') no entries; "
            "HNRY's 1 170 776 € (its decision and the "
            "6Aika news state it) once. ILLKKA's 450 271 € still counts twice: its page and the "
            "trade magazine's item (which names it only 'ILLKKA') are a probable pair now, "
            "counted as found, not merged. The KSI page's two projects are both read (PoPYk, "
            "no budget, since the list reader of label runs); Centria's HABITUS page is one "
            "project, no longer two named after its label lines ('Toimiala: …'); Humak's "
            "publication page no longer makes a project of its list item 'ASIAKKAAT: "
            "Mahdollistajat.' (a one-word head whose text says nothing of a project); "
            "TAMK's blog post is one project, DIGIDIA, named by its headline's '-hanke' "
            "(no budget); the two Kohesio item pages are read (their statements: TUKEE!'s "
            "210 801 € and DIGIDIA's 504 832 €): TUKEE!'s joins its EURA card and news as a "
            "match, counted once with the Kohesio budget (the card, cut short, gives none); "
            "DIGIDIA's is a probable pair (the card ends 31.12.2023, Kohesio 31.8.2023), "
            "counted as found, its card having no budget either; Metropolia's Healthy Boost "
            "page is one project (its headline is the name its first sentence gives with "
            "'-projekti'; no budget)",
        ),
        (
            ["--no-merge"],
            "164",
            "30787584.21",
            "each record: the merged 146 plus the 18 other records of the match groups, and "
            "HNRY's budget twice: 29 616 808,21 + 1 170 776",
        ),
    ],
)
def test_totals_over_the_linkage_set_counts_each_project_once(
    args: list[str], projects: str, budget: str, why: str
) -> None:
    run = cli("totals", str(LINKAGE), "--format", "csv", *args)
    assert run.exit_code == 0, run.stderr
    (row,) = list(csv.DictReader(io.StringIO(run.stdout)))
    assert (row["projects"], row["budget"]) == (projects, budget), why
    assert ("16 projects are described by more than one source" in run.stderr) == (not args)
    assert ("'hankkeet link' shows them" in run.stderr) == (not args)


def test_validate_reports_both_cross_file_findings() -> None:
    report = validate_sources(resolve([str(LINK / "card.txt"), str(LINK / "page.txt")]))
    codes = [d.code for d in report.diagnostics]
    assert Code.DUPLICATE_ACROSS_FILES in codes
    assert Code.SOURCES_DISAGREE in codes
    (duplicate,) = [d for d in report.diagnostics if d.code is Code.DUPLICATE_ACROSS_FILES]
    assert duplicate.path.endswith("page.txt") and "card.txt" in duplicate.text(Language.EN)


def test_validate_of_one_file_links_nothing() -> None:
    report = validate_sources(resolve([str(LINK / "card.txt")]))
    assert Code.DUPLICATE_ACROSS_FILES not in {d.code for d in report.diagnostics}


@pytest.mark.parametrize(
    ("fmt", "why"),
    [("table", "for people"), ("json", "the library's dict"), ("csv", "a row per record")],
)
def test_link_command_formats(fmt: str, why: str) -> None:
    run = cli("link", str(LINK), "--format", fmt)
    assert run.exit_code == 0, run.stderr
    if fmt == "json":
        projects, lines = read(LINK)
        assert json.loads(run.stdout) == json.loads(dumps(link(projects, lines).to_dict())), why
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(run.stdout)))
        assert {r["status"] for r in rows} == {"match", "review"}, why
        assert [r["path"].rsplit("/", 1)[-1] for r in rows[:2]] == ["card.txt", "page.txt"]
    else:
        assert "match" in run.stdout and "code +100" in run.stdout, why


def test_link_says_when_nothing_links() -> None:
    run = cli("link", str(LINK / "card.txt"))
    assert run.exit_code == 1
    assert run.stdout == ""
    assert "no two records describe the same project" in run.stderr


def test_link_of_a_missing_file_exits_2() -> None:
    run = cli("link", str(LINK / "nothing-here.txt"))
    assert run.exit_code == 2


def test_link_in_finnish() -> None:
    run = cli("--lang", "fi", "link", str(LINK))
    assert run.exit_code == 0, run.stderr
    assert "sama" in run.stdout and "tarkistettava" in run.stdout


def test_linkage_set_holds_its_floors() -> None:
    """Precision of match 1.0, no look-alike pair and no pair of different projects in one
    match or probable group, over the records the reader finds in the real linkage set
    (benchmarks/linkage.py prints the figures).

    Recall does NOT reach the issue's target of 0.9 on the set as it stands (2026-12-08):
    0.811 (60 of 74 pairs) end to end, 0.864 of the pairs whose two records the reader
    names right. Before the fifth round (b5) the rounds of that day had brought it to 0.906
    (48 of 53), tuned on the set; b5, written by people who had not read src/, scored 0.429
    (3 of 7) at first contact, with one look-alike pair joined as probable (two records
    the reader named wrong), and 0.714 (5 of 7) with none joined after its round. The sixth
    round (b6) scored 0.429 (6 of 14) at first contact, one look-alike pair joined (a
    record the reader made of a paragraph on a predecessor), the whole set 0.800; after its
    round 0.811 (60 of 74), none joined. The misses left: names in two languages
    (DIGIDIA's English page), a register's acronym the other sources never use
    (Genera/HUMUS), a page of two projects read as one (TUKEE! and TUKEE2), and pages the
    reader names by something else or reads as no project. The floors below are the
    measured figures, so that a change that lowers them fails here."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "linkage_bench", Path(__file__).resolve().parents[1] / "benchmarks" / "linkage.py"
    )
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = bench  # dataclasses look their module up
    spec.loader.exec_module(bench)
    projects, lines = bench.read_set()
    result = bench.score(projects, link(projects, lines))
    assert result.precision == 1.0, result.wrong
    assert result.alike_joined == 0
    assert result.found_wrong == 0
    assert result.named_recall >= 0.86, result.missed
    assert result.recall >= 0.81, result.missed


@pytest.mark.parametrize(
    ("lines", "codes", "why"),
    [
        (["EURA-tunnus: S"], (), "a code cut short on its page holds no digit: none"),
        (["EURA-tunnus: S21301"], ("S21301",), "a whole code"),
        (["Hankenumero: 171169"], ("171169",), "a project number after its label"),
    ],
)
def test_a_labelled_code_holds_a_digit(lines: list[str], codes: tuple[str, ...], why: str) -> None:
    assert codes_in(lines) == codes, why
