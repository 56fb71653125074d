"""Lines that are never a project's title (issue 10): whatever stands around them, in any layout.

Each row is a line seen in real pages, where the first parser made it a title, and why it
cannot be one. The line is put where a title would stand in three layouts (the seed's family,
a register card and a news page), and no project may be named by it.
"""

from __future__ import annotations

import pytest

from hankkeet.reading.layouts.items import why_not_title
from hankkeet.reading.parser import parse_text

LABELS = "Rahoitus ja ohjelma: EAKR\nToiminta-aika: 1.1.2024–31.12.2025\nBudjetti: 100 000 euroa\n"
BEFORE = "Oikea hanke\n\n" + LABELS + "\n"

# (line, the kind of line it is)
NEVER: list[tuple[str, str]] = [
    ("WWW-osoite: http://www.humak.fi", "a label of other things, a link as its value"),
    ("Erityistavoite: 3.1. Pk-yritysten kasvun edistäminen", "another's label"),
    ("Hankekoodi: S20548", "a register code"),
    ("Y-tunnus: 1474763-1", "a business id"),
    ("Hankkeen kustannusarvio 218.740 euroa", "our label without a colon, then an amount"),
    ("Toiminnan tila: Toiminta päättynyt", "another's label"),
    ("Postinumero: 00400", "a postal code label"),
    ("Vastuualue: 3.1.", "an unknown label whose value is a number"),
    ("Kotisivu: https://example.fi/hanke", "a label with a link"),
    ("1 Hanke", "a numbered heading"),
    ("2 Hakijan perustiedot", "a numbered heading"),
    ("4.1 Tavoitteet ja toimenpiteet", "a numbered sub-heading"),
    ("§ 42 Hankehakemus", "an agenda section"),
    ("42 § Kehittämishanke", "an agenda section, number first"),
    ("- Kylätalon peruskorjaus", "a list item"),
    ("• Hankkeen kohderyhmä", "a bulleted item"),
    ("1) Selvitys", "a numbered list item"),
    ("https://www.eura2014.fi/rrtiepa/projekti.php?projektikoodi=S20548", "a link"),
    ("www.kemi.fi", "a bare address"),
    ("etunimi.sukunimi@kemi.fi", "an e-mail address"),
    ("040 123 4567", "a phone number"),
    ("puh. 040 330 6816", "a phone number with its word"),
    ("171169", "a lone number"),
    ("31.07.2021 - 17.05.2023", "a date range"),
    ("6.11.2021 Päivi", "a dateline"),
    ("Hanke päättyi vuonna 2020.", "a sentence"),
    ("Tavoitteena on lisätä yrittäjyyttä nuorten keskuudessa!", "an exclamation"),
    ("Mitä hankkeessa tehdään?", "a question"),
    ("kaupunkiviljelyä ja lähiruokaa", "starts in lower case: a wrapped line"),
    ("Leader Viisari -logo", "an image's text or file name"),
    ("Jan_Vapaavuori", "an image's text or file name"),
    ("## Commands", "a Markdown heading"),
    ("$ hankkeet list --active 2022", "a shell prompt"),
    ("| Hanke | Budjetti |", "a table row"),
    ('<div class="hanke">', "an HTML tag"),
    ("Uutiset", "a page's frame"),
    ("Loppuraportti 2010 – 2012", "the name of a document"),
    (
        "Slutrapport Projekt Hållbart hus, stödmottagare Föreningen X Journalnummer 2010-157",
        "a Swedish final report's heading (batch 42)",
    ),
    ("Delrapport 2011", "a Swedish interim report"),
]


def test_every_row_is_told_apart() -> None:
    assert len({line for line, _ in NEVER}) == len(NEVER)


@pytest.mark.parametrize(("line", "kind"), NEVER, ids=[k for _, k in NEVER])
def test_the_line_says_why(line: str, kind: str) -> None:
    assert why_not_title(line) is not None, kind


def _names(text: str) -> set[str]:
    return {p.project.name for p in parse_text(text).projects}


@pytest.mark.parametrize(("line", "kind"), NEVER, ids=[k for _, k in NEVER])
def test_never_names_a_project_in_the_seed_family(line: str, kind: str) -> None:
    text = BEFORE + line + "\n\n" + LABELS
    assert line.strip() not in _names(text), kind
    assert " ".join(line.split()) not in _names(text), kind


@pytest.mark.parametrize(("line", "kind"), NEVER, ids=[k for _, k in NEVER])
def test_never_names_a_project_on_a_card(line: str, kind: str) -> None:
    text = (
        "Euroopan aluekehitysrahaston (EAKR) rahoittaman hankkeen kuvaus\n\n1 Hanke\n\n"
        f"{line}\n\nHankkeen nimi: Oikea hanke\n\n"
        "Suunnitelman mukainen toteutusaika: Alkaa 1.1.2016 ja päättyy 31.12.2018\n"
    )
    assert _names(text) == {"Oikea hanke"}, kind


@pytest.mark.parametrize(("line", "kind"), NEVER, ids=[k for _, k in NEVER])
def test_never_names_a_news_page(line: str, kind: str) -> None:
    text = (
        f"Uutiset\n\n{line}\n\nKaupunki käynnistää hankkeen, jonka kokonaisbudjetti on "
        "120 000 euroa. Hanke toteutetaan ajalla 1.1.2024–31.12.2025.\n"
    )
    names = _names(text)
    assert line.strip() not in names and " ".join(line.split()) not in names, kind
