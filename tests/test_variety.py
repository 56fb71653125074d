"""The real-world variety of project descriptions (issue 3): each row is a text, the fields it
must give, and exactly the diagnostic codes it must raise. A field is either right or empty
with a diagnostic saying why."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from hankkeet.diagnostics import Code
from hankkeet.reading.parser import parse_text
from hankkeet.reading.records import natural_name

D = Decimal
BASE = {  # the labels a case does not set itself
    "funding": "Rahoitus ja ohjelma: EAKR",
    "period": "Toiminta-aika: 1.1.2024–31.12.2025",
    "budget": "Budjetti: 100 000 euroa",
}


def block(*lines: str, title: str = "Testihanke") -> str:
    """A project: the title, a blank line, the given lines plus the base labels not given."""
    text = "\n".join(lines)
    given = [k for k in BASE if _mentions(text, k)]
    extra = [v for k, v in BASE.items() if k not in given]
    return "\n".join([title, "", *lines, *extra]) + "\n"


def _mentions(text: str, key: str) -> bool:
    words = {
        "funding": ("Rahoit", "RAHOIT", "Päärahoit", "Ohjelma"),
        "period": (
            "aika",
            "AIKA",
            "kesto",
            "KESTO",
            "Aloitus",
            "Aloittamis",
            "Alkamis",
            "aikataulu",
            "Toteutus",
        ),
        "budget": ("udjetti", "UDJETTI", "Kustannus"),
    }[key]
    return any(w in text for w in words)


def get(record: dict[str, Any], path: str) -> Any:
    value: Any = record
    for part in path.split("."):
        value = value[int(part)] if isinstance(value, list) else value[part]
    return value


# (text, {field path: expected value}, expected diagnostic codes, why)
CASES: list[tuple[str, dict[str, Any], set[str], str]] = [
    # -- label wording and layout
    (
        block("Toteutusaika: 1.3.2023–28.2.2025"),
        {"start": date(2023, 3, 1), "end": date(2025, 2, 28)},
        set(),
        "Toteutusaika is a period",
    ),
    (
        block("Hankeaika 1.3.2023 - 28.2.2025"),
        {"start": date(2023, 3, 1), "end": date(2025, 2, 28)},
        set(),
        "no colon, spaced hyphen",
    ),
    (
        block("HANKKEEN KESTO: 1.8.2022–31.7.2024"),
        {"start": date(2022, 8, 1), "end": date(2024, 7, 31)},
        set(),
        "upper-case label",
    ),
    (
        block("Suunnitelman mukainen toteutusaika: 1.1.2023–31.12.2024"),
        {"start": date(2023, 1, 1)},
        set(),
        "long label variant",
    ),
    (
        block("Hankkeen aikataulu: 1.2.2024–31.1.2026"),
        {"end": date(2026, 1, 31)},
        set(),
        "aikataulu",
    ),
    (
        block("Aloituspäivämäärä: 1.3.2025", "Päättymispäivämäärä: 30.11.2027"),
        {"start": date(2025, 3, 1), "end": date(2027, 11, 30)},
        set(),
        "separate start and end",
    ),
    (
        block("Aloituspvm: 1.1.2011", "Päättymispvm: 31.12.2013"),
        {"start": date(2011, 1, 1), "end": date(2013, 12, 31)},
        set(),
        "'pvm', päivämäärä shortened, as register exports write it",
    ),
    (
        block("Aloittamispvm   1.1.2011", "Päättymispvm   31.12.2013"),
        {"start": date(2011, 1, 1), "end": date(2013, 12, 31)},
        set(),
        "a table pasted: label and value parted by spaces, no colon",
    ),
    (
        block("Toiminta-aika:", "1.9.2023–31.8.2025"),
        {"start": date(2023, 9, 1), "end": date(2025, 8, 31)},
        set(),
        "value on the next line",
    ),
    (
        block("TOIMINTA-AIKA", "1.9.2023–31.8.2025"),
        {"start": date(2023, 9, 1)},
        set(),
        "upper-case label alone, value below",
    ),
    (
        block(
            "Rahoitus: Euroopan aluekehitysrahaston EAKR:n ja valtion rahoitus 70 000 euroa,",
            "kuntien rahoitus 30 000 euroa.",
        ),
        {
            "programme": "EAKR",
            "funding.sources.1.amount": D(30000),
            "funding.sources.1.kind": "municipal",
        },
        set(),
        "funding sentence wrapped after a comma",
    ),
    (
        block("Toimnta-aika: 1.1.2024–31.12.2025"),
        {"start": date(2024, 1, 1)},
        {"label-typo"},
        "misspelt label read, with a warning",
    ),
    (
        block("Yhteyshenkilo: projektipäällikkö Anna Aho"),
        {"contacts.0.name": "Anna Aho"},
        {"label-typo"},
        "label typed without ö",
    ),
    (
        block("Vastuualue: nuoriso"),
        {"budget": D(100000)},
        {"unknown-label"},
        "unknown label is reported, not swallowed",
    ),
    (block("Yhteyshenkilö:"), {"contacts": []}, {"empty-field"}, "empty value"),
    # -- money
    (block("Kokonaisbudjetti: 187 500,00€"), {"budget": D("187500.00")}, set(), "cents, no space"),
    (block("Kustannusarvio: 109 744 EUR"), {"budget": D(109744)}, set(), "EUR"),
    (block("Hankkeen kokonaisbudjetti: 90 000 euro"), {"budget": D(90000)}, set(), "euro"),
    (
        block("Budjetti: 1,2 milj. euroa"),
        {"budget": None},
        {"uncertain-fact"},
        "rounded millions are not an exact amount (issue 27)",
    ),
    (
        block("Budjetti: 1,2 miljoonaa euroa"),
        {"budget": None},
        {"uncertain-fact"},
        "'miljoonaa' spelled out: rounded too",
    ),
    (
        block("Budjetti: noin 80 000 euroa"),
        {"budget": None},
        {"uncertain-fact"},
        "'noin' in a labelled amount: an approximation, never summed as exact",
    ),
    (
        block("Kaupungin osuus: n. 8 000 euroa"),
        {"city_share": None},
        {"uncertain-fact"},
        "'n.' before the city's share",
    ),
    (
        block("Budjetti: enintään 50 000 euroa"),
        {"budget": None},
        {"uncertain-fact"},
        "a ceiling is not the budget",
    ),
    (
        block("Kokonaisbudjetti: yli 300 000 €"),
        {"budget": None},
        {"uncertain-fact"},
        "'yli': more than, not exactly",
    ),
    (
        block("Budjetti: cirka 40 000 euro"),
        {"budget": None},
        {"uncertain-fact"},
        "Swedish 'cirka'",
    ),
    (
        block("Budjetti: approx. 250 000 €"),
        {"budget": None},
        {"uncertain-fact"},
        "English 'approx.'",
    ),
    (
        block("Budjetti: 120 000 € (ca 50 % EU)"),
        {"budget": D(120000)},
        set(),
        "a hedge after the amount, about a share, leaves the total exact",
    ),
    (
        block("Budjetti: 609.360 €, sis. alv"),
        {"budget": D(609360)},
        set(),
        "dot groups thousands; VAT note ignored",
    ),
    (block("Budjetti: 4979,2 e"), {"budget": D("4979.2")}, set(), "'e' as the euro sign"),
    (
        block("Kunnan osuus: 20 % (240 000 euroa)"),
        {"city_share": D(240000)},
        set(),
        "share with the amount in brackets",
    ),
    (
        block("Omarahoitusosuus: 12 000 €/vuosi"),
        {"city_share": None},
        {"per-year-amount"},
        "a per-year amount is not the share of the whole period",
    ),
    (
        block("Budjetti: 100 000 € tai 120 000 €"),
        {"budget": None},
        {"ambiguous-money"},
        "two totals: leave it empty",
    ),
    (
        block("Budjetti: noin sata tuhatta"),
        {"budget": None},
        {"unreadable-money"},
        "words are not an amount",
    ),
    (
        block("Budjetti vuonna 2024: 50 000 euroa"),
        {"budget": None},
        {"per-year-amount"},
        "one year's budget is not the total",
    ),
    (
        block("Kaupungin osuus vuonna 2024: 5 000 euroa"),
        {"city_share": D(5000), "city_share_year": 2024},
        set(),
        "one-year city share",
    ),
    # -- funding
    (
        block("Rahoitus: EAKR 79 340 € (70 %), valtio 19 835 € (20 %), kunnat 11 020 € (10 %)"),
        {
            "programme": "EAKR",
            "funding.sources.0.amount": D(79340),
            "funding.sources.0.share": D(70),
            "funding.sources.1.funder": "valtio",
            "funding.sources.2.amount": D(11020),
            "funding.sources.2.kind": "municipal",
        },
        set(),
        "several funders with amounts and shares",
    ),
    (
        block("Rahoitus/ ohjelma: ESR+ Etelä-Suomen alueellinen ohjelma"),
        {"programme": "ESR+"},
        set(),
        "Rahoitus/ ohjelma and ESR+",
    ),
    (
        block("Päärahoittaja: Business Finland"),
        {"programme": "Business Finland"},
        set(),
        "Päärahoittaja",
    ),
    (
        block("Rahoittaja: Leader Peräpohjola ry (Maaseuturahasto)"),
        {"programme": "Leader", "fund": "Maaseuturahasto"},
        set(),
        "Leader is the programme, the rural development fund stays visible as the fund",
    ),
    (
        block("Rahoitus ja ohjelma: EARK-rahoitus, Lapin liitto"),
        {"programme": "EAKR"},
        {"programme-typo"},
        "EARK is read as EAKR, with a warning",
    ),
    (
        block("Rahoitus: Opetus- ja kulttuuriministeriö"),
        {"programme": "OKM"},
        set(),
        "a ministry written out",
    ),
    (
        block("Rahoitus: kaupungin oma rahoitus"),
        {"programme": None},
        {"unknown-programme"},
        "no programme named: empty, with a note",
    ),
    # -- dates
    (
        block("Toiminta-aika: 2019-04-01 – 2019-12-31"),
        {"start": date(2019, 4, 1), "end": date(2019, 12, 31)},
        set(),
        "ISO dates",
    ),
    (
        block("Toiminta-aika: Alkaa 1.3.2025 ja päättyy 30.11.2027"),
        {"start": date(2025, 3, 1), "end": date(2027, 11, 30)},
        set(),
        "in words",
    ),
    (
        block("Toiminta-aika: 1/2024–12/2024"),
        {"start": None, "end": None},
        {"period-months-only"},
        "a month without a day is no date (tests/corpus/FORMAT.md): left empty, and said",
    ),
    (
        block("Toiminta-aika: 9/2022–31.8.2023"),
        {"start": None, "end": date(2023, 8, 31)},
        {"period-months-only"},
        "a whole date beside a month is kept; the month is left empty, and said",
    ),
    (
        block("Alkamispäivä: 2/2024\nPäättymispäivä: 28.2.2025"),
        {"start": None, "end": date(2025, 2, 28)},
        {"period-months-only"},
        "a start label's month is no date either",
    ),
    (
        block("Toiminta-aika: 2027–2028"),
        {"start": date(2027, 1, 1), "end": date(2028, 12, 31)},
        {"period-years-only"},
        "years only",
    ),
    (
        block("Toiminta-aika: 1.1.2023 alkaen"),
        {"start": date(2023, 1, 1), "end": None},
        {"open-ended-period"},
        "open end",
    ),
    (
        block("Toiminta-aika: 1.7.2015 -31.3.2017"),
        {"start": date(2015, 7, 1), "end": date(2017, 3, 31)},
        set(),
        "odd spacing",
    ),
    (
        block("Toiminta-aika: 1.1.–31.12.2023"),
        {"start": date(2023, 1, 1), "end": date(2023, 12, 31)},
        set(),
        "year written once",
    ),
    (
        block("Toiminta-aika: syksy 2024"),
        {"start": None, "end": None},
        {"unreadable-date"},
        "a season is not a date",
    ),
    (
        block("Toiminta-aika: 31.2.2023–31.12.2023"),
        {"start": None, "end": None},
        {"impossible-date"},
        "no 31 February",
    ),
    # -- people
    (
        block("Yhteyshenkilö: Mats Berg, projektipäällikkö"),
        {
            "contacts": [
                {"title": "projektipäällikkö", "name": "Mats Berg", "email": None, "phone": None}
            ]
        },
        set(),
        "name before title",
    ),
    (
        block("Yhteyshenkilöt: Hanketyöntekijä Liisa Mäki"),
        {"contacts.0.title": "hanketyöntekijä", "contacts.0.name": "Liisa Mäki"},
        set(),
        "capitalised title",
    ),
    (
        block("Yhteystiedot: nuorisotyön koordinaattori Sanna Ek"),
        {"contacts.0.title": "nuorisotyön koordinaattori", "contacts.0.name": "Sanna Ek"},
        set(),
        "multi-word title",
    ),
    (
        block(
            "Yhteyshenkilöt: projektipäällikkö Anna Aho, koordinaattori Pekka Virta ja "
            "hanketyöntekijä Outi Lampi"
        ),
        {
            "contacts.0.name": "Anna Aho",
            "contacts.1.name": "Pekka Virta",
            "contacts.2.title": "hanketyöntekijä",
            "contacts.2.name": "Outi Lampi",
        },
        set(),
        "three contacts",
    ),
    (
        block("Yhteyshenkilö: projektipäällikkö Carl af Forselles ja tutkija Anna von Wright"),
        {"contacts.0.name": "Carl af Forselles", "contacts.1.name": "Anna von Wright"},
        set(),
        "name particles",
    ),
    (
        block("Lisätietoja: projektipäällikkö Liisa Ek, puh. 040 123 4567, liisa.ek(at)kemi.fi"),
        {
            "contacts.0.name": "Liisa Ek",
            "contacts.0.phone": "040 123 4567",
            "contacts.0.email": "liisa.ek@kemi.fi",
        },
        set(),
        "phone and (at) e-mail are details",
    ),
    (
        block("Yhteyshenkilö: Korrdinattori Janne Jylkkä"),
        {"contacts.0.title": "korrdinattori"},
        {"title-typo"},
        "misspelt title kept, warned",
    ),
    (
        block("Yhteyshenkilö: projektipäällikkö"),
        {"contacts.0.name": None},
        {"contact-without-name"},
        "a title without a person",
    ),
    # -- staff
    (block("Hankehenkilökunnan määrä: 2 henkilöä"), {"staff.0.count": D(2)}, set(), "unit word"),
    (block("Hankehenkilöstö: 1,5"), {"staff.0.count": D("1.5")}, set(), "decimal comma"),
    (
        block("Henkilöstö: 2 (1.1.2025 alkaen 3)"),
        {
            "staff.0.end": date(2024, 12, 31),
            "staff.1.start": date(2025, 1, 1),
            "staff.1.count": D(3),
        },
        set(),
        "change 'alkaen'",
    ),
    (
        block("Henkilöstö: 3 htv"),
        {"staff": []},
        {"unreadable-staff"},
        "person-years are not a headcount",
    ),
    # -- summary
    (
        block("Lyhyt tiivistelmä: Nuorten  työllisyyttä\u00a0edistetään."),
        {"summary": "Nuorten työllisyyttä edistetään."},
        set(),
        "whitespace normalised",
    ),
    (
        block("Hankkeen kuvaus: Ensimmäinen rivi", "jatkuu toisella rivillä."),
        {"summary": "Ensimmäinen rivi jatkuu toisella rivillä."},
        set(),
        "wrapped summary",
    ),
    (
        block("Kuvaus:", "", "Kappale yksi.", "", "Kappale kaksi."),
        {"summary": "Kappale yksi. Kappale kaksi."},
        set(),
        "summary in paragraphs below",
    ),
]


@pytest.mark.parametrize(("text", "fields", "codes", "why"), CASES, ids=[c[3] for c in CASES])
def test_variant(text: str, fields: dict[str, Any], codes: set[str], why: str) -> None:
    result = parse_text(text)
    assert len(result.projects) == 1, why
    parsed = result.projects[0]
    record = parsed.project.record()
    for path, expected in fields.items():
        assert get(record, path) == expected, f"{why}: {path}"
    got = {d.code for d in parsed.diagnostics}
    assert got == codes, why


def test_case_names_are_unique() -> None:
    whys = [c[3] for c in CASES]
    assert len(whys) == len(set(whys))


def test_section_headings_and_preamble_are_not_projects() -> None:
    text = (
        "Johdanto, joka ei ole hanke.\n\nKaupungin hallinnoimat hankkeet\n\n"
        + block("Toiminta-aika: 1.1.2024–31.12.2025", title="Eka hanke")
        + "\nHyvinvointitoimiala\n\n"
        + block("Toiminta-aika: 1.1.2024–31.12.2025", title="Toka hanke")
    )
    result = parse_text(text)
    assert [p.project.name for p in result.projects] == ["Eka hanke", "Toka hanke"]
    codes = [d.code for d in result.all_diagnostics]
    assert codes.count(Code.PREAMBLE) == 2  # the preamble, and the heading inside the first block
    first = result.projects[0].project
    assert first.summary is None


def test_title_without_blank_line_after_previous_project() -> None:
    text = (
        "Eka\nToiminta-aika: 1.1.2024–31.12.2024\nBudjetti: 1 euroa\nRahoitus: EAKR\n"
        "Toka\nToiminta-aika: 1.1.2025–31.12.2025\nBudjetti: 2 euroa\nRahoitus: ESR\n"
    )
    result = parse_text(text)
    assert [(p.project.name, p.project.budget) for p in result.projects] == [
        ("Eka", D(1)),
        ("Toka", D(2)),
    ]


def test_missing_required_fields_are_reported_at_the_title_line() -> None:
    result = parse_text("Hanke ilman rahaa\n\nRahoitus: EAKR\nYhteyshenkilö: Anna Aho\n")
    diags = result.projects[0].diagnostics
    assert {(d.code, d.line) for d in diags} == {("missing-field", 1)}
    assert len([d for d in diags if d.code == "missing-field"]) == 2


# (as written, as read, why): a name's order (records.natural_name)
NAME_ORDER = [
    ("VIRTANEN MARKKU", "Markku Virtanen", "capitals: a register's surname first"),
    ("TERHI LAINE", "Terhi Laine", "capitals, but the first word is a first name"),
    ("Kaunismaa Pekka", "Pekka Kaunismaa", "the second word is a first name"),
    ("Pekka Kaunismaa", "Pekka Kaunismaa", "already in natural order"),
    ("MATTI PEKKA", "Pekka Matti", "both first names: capitals keep the register's order"),
    (
        "Kraft Tapionsalo Seija Kaarina",
        "Seija Kaarina Kraft Tapionsalo",
        "two surnames, then two first names (batch 47: a register card's contact)",
    ),
    ("Virtanen Markku Juhani", "Markku Juhani Virtanen", "a surname, then two first names"),
    ("Anna Maria Virtanen", "Anna Maria Virtanen", "first names first: as written"),
    ("Hanna Kraft Tapionsalo", "Hanna Kraft Tapionsalo", "a first name, then surnames"),
]


@pytest.mark.parametrize(("written", "read", "why"), NAME_ORDER, ids=[r[2] for r in NAME_ORDER])
def test_name_order(written: str, read: str, why: str) -> None:
    assert natural_name(written) == read, why


# (text, names, contacts, why): lists of grants in Swedish and English, one project a name label
GRANT_LISTS = [
    (
        "Projekt: ”Härbärget på Kökar, fas 2”\n"
        "Projektägare: Föreningen Franciskus på Kökar. Kontaktperson är Christian Pleijel.\n"
        "Projekttid: 01.06.2016-31.05.2018\nTotalbudget: 60 278 euro\nLeaderstöd: 36 167 euro\n\n"
        "Projekt: ”Erkas köksspis och bakugn”\n"
        "Projektägare: Vårdöby-Strömsöby byalag. Kontaktperson är Gunilla Boman.\n"
        "Projekttid: 25.02.2016-31.12.2016\nTotalbudget: 4 489,62 euro\n",
        ["Härbärget på Kökar, fas 2", "Erkas köksspis och bakugn"],
        [["Christian Pleijel"], ["Gunilla Boman"]],
        "'Projekt:' names each project; the owner's label is not a title; 'Kontaktperson är'",
    ),
    (
        "Project name: Blue Growth\nProject owner: Turku Science Park Ltd. The contact person "
        "is Tero Karhi.\nDuration: 1.1.2019-31.12.2021\nProject partners: University of Turku\n",
        ["Blue Growth"],
        [["Tero Karhi"]],
        "English: the owner and partners are no name, 'the contact person is'",
    ),
]


@pytest.mark.parametrize(("text", "names", "contacts", "why"), GRANT_LISTS)
def test_grant_lists(text: str, names: list[str], contacts: list[list[str]], why: str) -> None:
    projects = [p.project for p in parse_text(text).projects]
    assert [" ".join(p.name.strip('”"').split()) for p in projects] == names, why
    assert [[c.name for c in p.contacts] for p in projects] == contacts, why
