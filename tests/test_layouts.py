"""Layout families and project boundaries (issue 10): (text, expected projects, why).

The real pages are in tests/corpus; these rows hold the shapes the issue names in their
smallest form, one shape a row, so a failure points at one rule.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from hankkeet.reading.layouts import choose_layout
from hankkeet.reading.parser import parse_text
from hankkeet.reading.people import read_contacts

D = Decimal

LEADER_LABELS_AT_END = """Kylätalon esteettömyys

Kyläyhdistys parantaa kylätalon esteettömyyttä ja rakentaa luiskan. Talkoissa on mukana koko kylä.

Hankkeen toteuttaja: Alakylän kyläyhdistys ry
Hankeaika: 1.4.2023–31.12.2024
Kokonaiskustannukset: 62 300,00 euroa
Rahoitus: EU+valtio 49 840,00
   Yksityinen rahoitus 12 460,00
Alue: Alakylä
"""

AGENDA = """Kunnanhallitus 12.3.2024

§ 41 Kokouksen laillisuus

Todetaan kokous lailliseksi.

§ 42 Kylänraitti-hankkeen rahoitus

KH 12.3.2024 § 42

Valmistelija

Kunnanjohtaja Pekka Ojala

Perustelut

Kyläyhdistys hakee rahoitusta Kylänraitti-hankkeelle.

Alkamispäivämäärä 1.9.2019 Päättymispäivämäärä 31.8.2021
Kustannukset yhteensä 84 000 €
1 Haettava rahoitus 42 000 € (50 %)
Kunnan rahoitusosuus 8 400 €

Päätös

Hyväksyttiin.
"""

TWO_CARDS = """Euroopan aluekehitysrahaston (EAKR) rahoittaman hankkeen kuvaus

1 Hanke

Hankkeen nimi: Ensimmäinen hanke

Toimintalinja: 2. Uusimman tiedon ja osaamisen tuottaminen

Suunnitelman mukainen toteutusaika: Alkaa 1.1.2016 ja päättyy 31.12.2017

2 Hakijan perustiedot

WWW-osoite: http://www.example.fi

Hankkeen yhteyshenkilön nimi: VIRTANEN MARKKU

Euroopan sosiaalirahaston (ESR) rahoittaman hankkeen kuvaus

1 Hanke

Hankkeen nimi: Toinen hanke

Suunnitelman mukainen toteutusaika: Alkaa 1.3.2018 ja päättyy 28.2.2020

Vastuuhenkilön nimi: Kaunismaa Pekka
"""

DATABASE = """Hanke
Kehittämishanke - 171169

Kulttuurisilta-hanke

Lapuan kaupunki

31.07.2021 - 17.05.2023

Päättynyt

Julkinen hankekuvaus

Hanke tuo yhteen harrastajaryhmät ja ammattilaiset. Samalla syntyy uutta toimintaa.

Ohjelma/Rahasto

Manner-Suomen maaseudun kehittämisohjelma 2014–2020

Aloituspäivämäärä

31.07.2021

Loppumispäivämäärä

17.05.2023

Onko kyseessä Leader-hanke?

kyllä
"""

README = """# hankkeet

Finnish projects as records.

## Install

pip install hankkeet
"""

CSV = """id;name;budget
1;Eka;100
2;Toka;200
"""

# (text, layout, [{field: value} per project], why)
CASES: list[tuple[str, str, list[dict[str, Any]], str]] = [
    (
        LEADER_LABELS_AT_END,
        "prose",
        [
            {
                "name": "Kylätalon esteettömyys",
                "start": date(2023, 4, 1),
                "end": date(2024, 12, 31),
                "budget": D("62300.00"),
                "funding.sources.1.amount": D("12460.00"),
            }
        ],
        "prose first, labels at the end, funding amounts on indented lines",
    ),
    (
        AGENDA,
        "agenda",
        [
            {
                "name": "Kylänraitti",
                "start": date(2019, 9, 1),
                "end": date(2021, 8, 31),
                "budget": D(84000),
                "city_share": D(8400),
            }
        ],
        "an agenda: only the item about a project, two label pairs on one line, a cost table",
    ),
    (
        TWO_CARDS,
        "card",
        [
            {
                "name": "Ensimmäinen hanke",
                "programme": "EAKR",
                "start": date(2016, 1, 1),
                "contacts.0.name": "Markku Virtanen",
            },
            {
                "name": "Toinen hanke",
                "programme": "ESR",
                "end": date(2020, 2, 28),
                "contacts.0.name": "Pekka Kaunismaa",
            },
        ],
        "two cards on a page: a name label and a card heading each start one, never a label",
    ),
    (
        DATABASE,
        "database",
        [
            {
                "name": "Kulttuurisilta-hanke",
                "start": date(2021, 7, 31),
                "end": date(2023, 5, 17),
                "programme": "Leader",
                "summary": "Hanke tuo yhteen harrastajaryhmät ja ammattilaiset. "
                "Samalla syntyy uutta toimintaa.",
            }
        ],
        "a database page: header lines, labels alone with the value under a blank line",
    ),
    (README, "prose", [], "a README holds no project"),
    (CSV, "prose", [], "a CSV holds no project"),
]


def get(record: dict[str, Any], path: str) -> Any:
    value: Any = record
    for part in path.split("."):
        value = value[int(part)] if isinstance(value, list) else value[part]
    return value


@pytest.mark.parametrize(("text", "layout", "projects", "why"), CASES, ids=[c[3] for c in CASES])
def test_layout(text: str, layout: str, projects: list[dict[str, Any]], why: str) -> None:
    assert choose_layout(text.splitlines()) == layout, why
    result = parse_text(text)
    assert len(result.projects) == len(projects), why
    for parsed, expected in zip(result.projects, projects, strict=True):
        record = parsed.project.record()
        for path, value in expected.items():
            assert get(record, path) == value, f"{why}: {path}"
    if not projects:
        assert [d.code for d in result.diagnostics] == ["no-projects"], why


def test_a_near_label_of_another_meaning_is_no_typo() -> None:
    """'Hankkeen toteuttaja' (who carries it out) is no 'Hankkeen toteutusaika' (when)."""
    result = parse_text(
        "Testihanke\n\nHankkeen toteuttaja: Kylä ry\nToiminta-aika: "
        "1.1.2024–31.12.2024\nBudjetti: 5 000 euroa\n"
    )
    project = result.projects[0]
    assert project.project.start == date(2024, 1, 1)
    assert "label-typo" not in {d.code for d in project.diagnostics}


@pytest.mark.parametrize(
    ("text", "title", "name", "why"),
    [
        (
            "Nuorisotoimen suunnittelija Jari Laakso",
            "nuorisotoimen suunnittelija",
            "Jari Laakso",
            "a genitive qualifier belongs to the title",
        ),
        (
            "kaupungin elinkeinojohtaja Matti Meikäläinen",
            "kaupungin elinkeinojohtaja",
            "Matti Meikäläinen",
            "kaupungin belongs to the title",
        ),
        ("projektipäällikkö Anne Oikarinen", "projektipäällikkö", "Anne Oikarinen", "plain"),
    ],
)
def test_titles_with_a_qualifier(text: str, title: str, name: str, why: str) -> None:
    contacts = read_contacts(text).contacts
    assert [(c.title, c.name) for c in contacts] == [(title, name)], why


# The project's own text files: the README, the docs (docs/reading.md is full of labels) and
# the history.
OWN_FILES = [
    "README.md",
    "pyproject.toml",
    "benchmarks/README.md",
    "benchmarks/FIDELITY.md",
    "CHANGELOG.md",
    "docs/architecture.md",
    "docs/commands.md",
    "docs/contributing.md",
    "docs/reading.md",
    "docs/search.md",
    "docs/validate.md",
]


@pytest.mark.parametrize("name", OWN_FILES)
def test_the_projects_own_files_hold_no_project(name: str) -> None:
    """Text about hankkeet (with seed examples, tables and shell prompts) is no project."""
    from pathlib import Path

    text = (Path(__file__).resolve().parents[1] / name).read_text(encoding="utf-8")
    result = parse_text(text, name)
    assert [p.project.name for p in result.projects] == []
    codes = [d.code for d in result.diagnostics]
    # No project, said; a text that speaks of projects with dates and amounts is also said
    # to be in no layout the readers know (unknown-layout), never read as one.
    assert "no-projects" in codes and set(codes) <= {"no-projects", "unknown-layout"}
