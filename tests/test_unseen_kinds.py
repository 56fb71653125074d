"""Kinds of failure that pages nobody had shown the readers brought (issue 23, batch 4): each
row is a text in the shape of such a page, what must be read from it, and the codes it must
raise. Every row failed (a wrong value, a made-up project) before the rule it tests."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from hankkeet.diagnostics import Code
from hankkeet.locale import Language
from hankkeet.reading.dates import read_period
from hankkeet.reading.funding import find_funds, find_programmes
from hankkeet.reading.layouts.headlines import sentence_headline, strip_kind, years_of
from hankkeet.reading.layouts.names import compound_names, hanke_names
from hankkeet.reading.lines import classify, never_title, titleable
from hankkeet.reading.money import read_money_field
from hankkeet.reading.parser import parse_text
from hankkeet.reading.people import read_contacts
from hankkeet.reading.prose import about_many, counts_projects
from hankkeet.reading.text import clean_line, clean_lines

INCOMING = Path(__file__).parent / "incoming"

ENGLISH_LIST = """\
Accelerace Life

Implementation period: 1 Jan 2014 – 30 Jun 2016
Project partners: Karolinska, Stockholm Innovation
Funded by: Nordic Innovation
Contents: The project sets up a business development unit for all Nordic countries.
Duties of TScP Ltd: Partial implementer in Finland.
Contact person in TScP Ltd: Hanna Halme

BiC (Biomarker Commercialization)

Implementation period: 1 Oct 2017 - 30 Sep 2020
Project partners: Aalborg University Hospital
Funded by: Interreg Öresund-Kattegat-Skagerrak
Contents: The project helps biomarker research reach the market.
Duties of TScP Ltd: Work package leader.
Contact person in TScP Ltd: Timo Huttunen
"""

NO_TITLES = """\
This list shows our projects that are running now.


Duration: 1.4.2019 – 31.3.2021
Funding: Interreg Central Baltic.
Project in a nutshell: The project helps small firms export to Chile.
Contact person in Turku Science Park Ltd: Teppo Laaksonen


Duration: 1.5.2019 – 30.4.2021
Funding: Interreg Central Baltic.
Project in a nutshell: The project helps cleantech firms find markets in Asia.
Contact person in Turku Science Park Ltd: Tero Karhi
"""

SWEDISH_GRANTS = """\
Periodens första Leaderprojekt har beviljats!

Projekt: ”Härbärget på Kökar, fas 2”
Projektägare: Föreningen Franciskus på Kökar.
Projekttid: 01.06.2016-31.05.2018
Totalbudget: 60 278 euro
Leaderstöd: 36 167 euro
"""

CALL = """\
Hyppää sisältöön

JTF-rahaston hankkeiden haku on käynnissä Kymenlaaksossa

Julkaisuajankohta 7.9.2023 10.31
Tiedote

Hämeen ELY-keskus on avannut oikeudenmukaisen siirtymän rahaston haun (JTF) Kymenlaaksossa.

Haun tuen kokonaismäärä on 3,5 miljoonaa euroa.
"""

OVERVIEW = """\
Hankekatsaus 2016 EU- ja elinkeinopoliittinen määräraha 2016 Kaupunginhallitus 22.8.2016

Katsauksessa kukin määrärahasta rahoitettu hanke tiivistetään yhdelle sivulle. Vuoden 2016 \
talousarviossa varattiin elinkeinojen kehittämiseen yhteensä 3 366 664 euroa.
"""

AGENDA_NEWS = """\
Kaupunginhallituksessa 31.8.2020 käsiteltäviä asioita

Kokouksessa ovat esillä valtionosuuden hakeminen ja suunnitteluhankeyhtiön pääomittaminen.

Kaupunki hakee korotusta 4,0 milj. euroa.

Lisätietoja: talousjohtaja Hellevi Kunnas, hellevi.kunnas@kouvola.fi
"""

MID_HEADING = """\
Ohjelmakausi lennokkaasti käyntiin!

Asiakkaat ovat innostuneet uusista tukimuodoista. Hallitus kokoontui syksyllä kolmesti.

Rahoituskiintiön jakautuminen

Vuodelle 2023 rahoitusta oli käytettävissä 727 750 €. Hallitus esitti rahoitettavaksi \
Kahdeksan vuodenajan tapahtumat -hankkeen ja Tunturikylien polut -hankkeen.
"""

LEAD_IN = """\
Kevään AKKE-hausta rahoitusta kolmelle selvityshankkeelle

Maakuntahallitus päätti rahoittaa kestävän kasvun määrärahasta (AKKE) kolme selvitystä.

Rahoitusta myönnettiin seuraaville hakkeille:

  • Loviisan yritysten tulevaisuusnäkymät -selvitys, Cursor Oy
  • Green line -esiselvitys, Espoon kaupunki
  • Luova Törmäyttämö -alusta, kehityssuunnitelma, Vantaan kaupunki
"""

COUNTED = """\
Kolme hanketta sai rahoitusta

Maakuntahallitus myönsi rahoitusta kolmelle kylien hankkeelle. Hankkeiden yhteenlaskettu \
tuki on 120 000 euroa, ja ne toteutetaan vuosina 2024-2025.
"""

CARD_SECTIONS = """\
Cultural Platform Kvarken

Budget

40,000 EUR

Financiers

Interreg Aurora
"""

# (text, [(name, {field: value})], codes that must be raised, why)
CASES: list[tuple[str, list[tuple[str, dict[str, Any]]], set[str], str]] = [
    (
        ENGLISH_LIST,
        [
            (
                "Accelerace Life",
                {
                    "start": date(2014, 1, 1),
                    "end": date(2016, 6, 30),
                    "contacts": ["Hanna Halme"],
                    "summary": "The project sets up a business development unit for all "
                    "Nordic countries.",
                },
            ),
            (
                "BiC (Biomarker Commercialization)",
                {"start": date(2017, 10, 1), "programme": "Interreg"},
            ),
        ],
        set(),
        "an English list: 'Contents:' repeats under each project, so it is a label, never a "
        "name; 'Contact person in <firm>' is a contact label; '1 Jan 2014' is a date",
    ),
    (
        NO_TITLES,
        [
            ("(nimetön hanke, rivi 4)", {"contacts": ["Teppo Laaksonen"]}),
            ("(nimetön hanke, rivi 10)", {"contacts": ["Tero Karhi"], "end": date(2021, 4, 30)}),
        ],
        {"missing-field"},
        "names lost (images): the first field again after a blank line starts the next "
        "project, said to have no name, never merged into the one before",
    ),
    (
        SWEDISH_GRANTS,
        [("”Härbärget på Kökar, fas 2”", {"programme": "Leader", "budget": Decimal("60278")})],
        set(),
        "'Leaderstöd' names its programme: the label's grant is Leader's",
    ),
    (CALL, [], {"no-projects"}, "a call for applications: the date line is no headline"),
    (OVERVIEW, [], {"no-projects"}, "'Hankekatsaus' is an overview of many projects"),
    (
        AGENDA_NEWS,
        [],
        {"no-projects"},
        "'suunnitteluhankeyhtiön' is a company, not a project: no project word, no project",
    ),
    (
        LEAD_IN,
        [
            ("Loviisan yritysten tulevaisuusnäkymät -selvitys", {"programme": "AKKE"}),
            ("Green line -esiselvitys", {"programme": "AKKE"}),
            ("Luova Törmäyttämö -alusta, kehityssuunnitelma", {"programme": "AKKE"}),
        ],
        set(),
        "a lead-in ('seuraaville …:', even misspelt) over 'Name, applicant' items: one "
        "project an item, the name all but the applicant, the page's programme for each",
    ),
    (
        COUNTED,
        [],
        {"no-projects"},
        "a headline that counts its projects ('Kolme hanketta') is about several: no one "
        "project is made of it",
    ),
    (
        """\
Päättynyt hanke

Lähde kylään! -teemahankkeessa kylät saivat tukea retkiin. Hakuaika 1.3. – 30.9.2020, ja \
tukea myönnettiin 500 euroa retkeä kohden.
""",
        [("Päättynyt hanke", {"start": None, "end": None})],
        {"unsure-name"},
        "a status headline names no project (unsure-name, the text's own name offered); a "
        "call's application period is not the project's",
    ),
    (
        """\
Staden hade 102 pågående projekt år 2020

Projekten hade en sammanlagd budget på 11,8 miljoner euro.
""",
        [],
        {"no-projects"},
        "a headline that counts its projects in digits, an adjective between",
    ),
    (
        """\
Uutinen

DeTo-hanke sai rahoitusta

Interreg Aurora -ohjelmaa toteutetaan vuosina 2021–2027. DeTo-hanke sai rahoitusta, ja sen \
kokonaiskustannukset ovat 1,4 M€.
""",
        [("DeTo", {"start": None, "end": None, "budget": None})],
        {"uncertain-fact"},
        "the programme's period (2021–2027) is not the project's; '1,4 M€' is rounded "
        "millions as '1,4 milj. €' is; a chrome word ('Uutinen') is no headline",
    ),
    (
        """\
Maaseudun kehittämiseen 2,9 miljoonaa euroa kesällä

Yhdistykset saivat kehittämishankkeisiinsa rahoitusta, ja tuen sai kaikkiaan 27 hanketta. \
Isoin tukipäätös tehtiin Viitasaarelle laajakaistahankkeelle 1,1 miljoonaa euroa.

Tuettujen hankkeiden rahoitus on yhteensä viisi miljoonaa euroa.
""",
        [],
        {"no-projects", "unknown-layout"},
        "a report of many grants under a headline that names none: no made-up project, "
        "and said where the text speaks of one",
    ),
    (
        """\
Kajplats för charterbåtar

Den som vill använda kajkanten ombeds ge staden följande uppgifter:

 • Kort beskrivning av verksamheten
 • Uppskattad tidsperiod för verksamheten
""",
        [],
        {"no-projects"},
        "a lead-in to a list of other things ('följande uppgifter:') gives no projects",
    ),
    (
        """\
Alueiden väliset hankkeet

Oulun yliopisto
Kylätalot kuntoon
Yhteistyökumppani: Kylä ry
Budjetti: 80 000,00 € (ryhmän osuus 20 000,00 €)
Tuki: 100 %
Hankkeessa kartoitettiin kylätalojen korjaustarpeet ja tehtiin niille suunnitelmat.

Pudasjärven kunta
Retkeilyreitit -esiselvitys
Yhteistyökumppani: Reitti ry
Budjetti: 12 000,00 € (ryhmän osuus 9 000,00 €)
Tuki: 100 %
Esiselvityksessä selvitettiin, missä kunnossa seudun retkeilyreitit ovat.
""",
        [
            ("Kylätalot kuntoon", {"budget": Decimal("80000.00")}),
            ("Retkeilyreitit -esiselvitys", {"budget": Decimal("12000.00")}),
        ],
        set(),
        "a list page of headings (the applicant over the name) each over its own run of "
        "labels: a fact's label given again starts the next project (batch 7)",
    ),
    (
        """\
Projects


Arctic Water Accelerator project

The project helps small firms in the north find markets for water technology.

Project period:

01.03.2023 -

Total budget of the project:  80000 €

Nordic Ports - Smart Logistics for Northern Harbours and their Hinterland Regions Pilot

The project pilots a shared data platform that ports and hauliers in the north can use.

Project period:

01.01.2022 -
""",
        [
            ("Arctic Water Accelerator project", {"budget": Decimal("80000")}),
            (
                "Nordic Ports - Smart Logistics for Northern Harbours and their Hinterland "
                "Regions Pilot",
                {"budget": None},
            ),
        ],
        set(),
        "labels alone on a line under each project's paragraph: the heading over the "
        "paragraph names it, however long (batch 8)",
    ),
    (
        """\
Pågående projekt

Läsande barn

Staden deltar med flera kommuner i projektet "läsande barn", som bygger ett nätverk för \
läsfrämjande arbete.

Musik i skärgården

En festival ordnas varje sommar. Musik i skärgården samlar människor i alla åldrar.
Projektet pågår fram till 30.9.2021.
""",
        [("Läsande barn", {"start": None}), ("Musik i skärgården", {"start": None})],
        set(),
        "headings over paragraphs that name them again are a list of projects, and each "
        "one's facts stay its own (batch 7)",
    ),
    (
        """\
Forest Data -project

Forest Data -project - The data needs of the forest industry in the region and how to meet them

The project gathers the data that firms need when a new mill is built. The total budget of \
the project is EUR 120 000.
""",
        [],
        {"no-projects"},
        "a page title over the project's long title is never two projects (a long heading "
        "is no paragraph of prose); with no fact read from its English text, none",
    ),
    (
        """\
Kylän Koto –esiselvityshanke 1.7.2012 – 31.12.2014

Hankkeessa selvitettiin, voisiko kylään rakentaa yhteisöllisen asuinalueen. Hanketta \
hallinnoi kunta.
""",
        [
            (
                "Kylän Koto –esiselvityshanke",
                {"start": date(2012, 7, 1), "end": date(2014, 12, 31)},
            )
        ],
        set(),
        "a period of full dates in the title line is the project's period, not the last "
        "date's year (batch 8)",
    ),
    (
        """\
Yliopiston tutkijat saivat EU-rahoitusta

Rahoituksen sai yhteensä neljä hanketta, joissa yliopisto on mukana.

Professori Maija Mallin hanke on Skills for Europe (SKILLS). SKILLS-hankkeen \
kokonaisrahoitus on 2 500 000 €.

Tutkijan toinen rahoitettu hanke on Data for Schools (DAFS).
""",
        [],
        {"no-projects", "unsure-boundary"},
        "a news item that counts the projects it reports, and that no list reader can "
        "split, is no one project: said where the count stands (batch 8)",
    ),
    (
        """\
Maakunnan kehittämisrahasto

Maakunnan kunnat keräävät rahastoon rahaa joka vuosi, ja liitto hallinnoi sitä. Tälle \
vuodelle valtuusto on varannut rahastoon 500 000 euroa, ja hallitus linjaa rahoituksen \
käytöstä 29.1.2021.

Rahastosta tuetaan pieniä hankkeita. Yleensä rahoitamme 50 – 60 % hankkeen \
kokonaiskustannuksista.
""",
        [],
        {"no-projects"},
        "a fund's page (its headline names the fund) is no project, however it speaks of "
        "a project's costs (batch 6; found when '60 % hankkeen' stopped counting projects)",
    ),
    (
        (INCOMING / "h7" / "not-project" / "h7-keskipohjanmaa-eakr-haku.txt").read_text(
            encoding="utf-8"
        ),
        [],
        {"no-projects"},
        "a call for applications is no project: its opening and closing dates are the "
        "call's (batch 7's page itself)",
    ),
    (
        """\
Kylätalon korjaushanke käynnistyy

Kyläyhdistys korjaa talon katon. Hankkeen kokonaisbudjetti on 48 000 euroa.
""",
        [("Kylätalon korjaushanke", {"budget": Decimal("48000")})],
        set(),
        "a headline that is a sentence names its project by its subject when the subject "
        "is a '-hanke'",
    ),
    (
        """\
STEA myönsi rahoituksen maakunnan järjestöyhteistyöhön

Maakunnan järjestöjen yhteiselle hankkeelle esitetään avustusta. Hankkeen kokonaisrahoitus \
on 600 000 €.
""",
        [("STEA myönsi rahoituksen maakunnan järjestöyhteistyöhön", {})],
        {"unsure-name"},
        "a headline that is a sentence (a finite verb) is weak evidence of a name: kept, "
        "with unsure-name (batch 8)",
    ),
    (
        """\
Hyppää sisältöön

AMK-kumppanuus

Kaupungin kehittämisessä päästään pidemmälle, kun työtä tehdään yhdessä korkeakoulun kanssa \
ja uusia ideoita kokeillen.

Kylän asumisen pilottihanke

Hankkeessa kehitetään kylästä houkutteleva asuinpaikka uusille asukkaille ja yrityksille.

Hankeaika on 1.1.2017 - 30.6.2019. Hankkeen kustannusarvio on 244 192,50 €.
""",
        [
            (
                "Kylän asumisen pilottihanke",
                {"start": date(2017, 1, 1), "budget": Decimal("244192.50")},
            )
        ],
        set(),
        "a heading further down that says it names a project is the page's project, not "
        "the section heading over another thing's text at the top (batch 8)",
    ),
    (
        """\
Yleishyödylliset kehittämishankkeet

Kylänraitti ry, Rientola elää-hanke: Leader-ryhmä myönsi kehittämistukea 79 000 euroa \
Kylänraitti ry:n Rientola elää-hankkeelle.

Iiden ry: Ryhmä myönsi 8600 euroa Iiden ry:lle torin kehittämissuunnitelman laatimiseen.
""",
        [("Rientola elää", {}), ("Iiden ry", {})],
        {"unsure-name"},
        "a list entry that opens with its applicant: the '-hanke' it names is the project; "
        "an applicant alone is kept with unsure-name (batch 9)",
    ),
    (
        """\
Tukea maakunnan kehittämishankkeisiin

ELY-keskus on myöntänyt maakuntaan hanketukea. ESR-rahoitusta ohjattiin paljon myös \
työllistymiseen eri puolilla maakuntaa.

Kunta sai rahoitusta Tervetuloa kylään! -hankkeeseen, jolle myönnettiin 50 000 euroa.

Yrittäjät saivat rahoitusta Kasvun kartta -hankkeeseen, jolle myönnettiin 80 000 euroa.
""",
        [("Tervetuloa kylään!", {"programme": None}), ("Kasvun kartta", {"programme": None})],
        {"uncertain-fact"},
        "a programme the page names outside every reported project's own paragraph is none "
        "of theirs: left empty and said (batch 9)",
    ),
    (
        MID_HEADING,
        [("Rahoituskiintiön jakautuminen", {})],
        {"unsure-name"},
        "a section heading inside the text is kept as the name only with a warning that "
        "names the projects the text gives",
    ),
]


@pytest.mark.parametrize(("text", "projects", "codes", "why"), CASES, ids=[c[3] for c in CASES])
def test_kind(
    text: str, projects: list[tuple[str, dict[str, Any]]], codes: set[str], why: str
) -> None:
    result = parse_text(text, "page.txt")
    read = list(result.projects)
    assert [p.project.name for p in read] == [name for name, _ in projects], why
    for parsed, (_, fields) in zip(read, projects, strict=True):
        for key, want in fields.items():
            got = getattr(parsed.project, key)
            if key == "contacts":
                got = [c.name for c in got]
            assert got == want, (key, why)
    found = {d.code.value for d in result.diagnostics} | {
        d.code.value for p in read for d in p.diagnostics
    }
    assert codes <= found, (found, why)


PERIODS = [
    ("1 Jan 2014 – 30 Jun 2016", (date(2014, 1, 1), date(2016, 6, 30)), "English short months"),
    ("1 Sept. 2019 - 31 Aug. 2021", (date(2019, 9, 1), date(2021, 8, 31)), "a dot after them"),
    ("1 okt 2020 – 30 sep 2022", (date(2020, 10, 1), date(2022, 9, 30)), "Swedish short months"),
    ("May 2014 – June 2016", (None, None), "months with no day: never whole years"),
    ("2019–2020", (date(2019, 1, 1), date(2020, 12, 31)), "years alone: whole years, said"),
    ("Octobre 2002 – Février 2005", (None, None), "months in another language: never years"),
    ("Vuodet 2019-2021", (date(2019, 1, 1), date(2021, 12, 31)), "'Vuodet' names no month"),
]


@pytest.mark.parametrize(("text", "period", "why"), PERIODS, ids=[p[2] for p in PERIODS])
def test_period(text: str, period: tuple[date | None, date | None], why: str) -> None:
    reading = read_period(text)
    assert (reading.start, reading.end) == period, why
    if period == (None, None):
        assert [p.code.value for p in reading.problems] == ["unreadable-date"], why


GLUED = [
    ("Duration of project1.4.2023–30.9.2025", "period", "1.4.2023–30.9.2025", "words, then a date"),
    ("Aloituspäivä2.1.2023", "start", "2.1.2023", "one word, then a date"),
]


@pytest.mark.parametrize(("line", "field", "value", "why"), GLUED, ids=[g[3] for g in GLUED])
def test_a_label_run_into_its_value(line: str, field: str, value: str, why: str) -> None:
    label = classify(line)
    assert label is not None and label.field is not None, why
    assert (label.field.value, label.value) == (field, value), why


PEOPLE = [("Dr. James Scott", "a doctor"), ("Prof. Anna Virtanen", "a professor")]


@pytest.mark.parametrize(("text", "why"), PEOPLE, ids=[p[1] for p in PEOPLE])
def test_a_person_with_a_title_is_never_a_project(text: str, why: str) -> None:
    assert not titleable(text) and never_title(text) == "a person's name", why


SECTION_WORDS = [
    ("Budget", "a card's section heading in English"),
    ("Financiers", "and its funders' heading"),
    ("Tiivistelmä", "a Finnish one"),
]


@pytest.mark.parametrize(("text", "why"), SECTION_WORDS, ids=[w[1] for w in SECTION_WORDS])
def test_a_one_word_label_is_never_a_title(text: str, why: str) -> None:
    assert not titleable(text), why
    assert never_title(text) is not None, why


DATE_LINES = [
    ("Julkaisuajankohta 7.9.2023 10.31", "a register's publication line"),
    ("Julkaistu 12.3.2024", "a city page's"),
    ("Published 1.2.2024", "an English page's"),
    ("Publicerad 5.6.2023", "a Swedish page's"),
]


@pytest.mark.parametrize(("text", "why"), DATE_LINES, ids=[d[1] for d in DATE_LINES])
def test_a_date_line_is_never_a_title(text: str, why: str) -> None:
    assert not titleable(text), why
    assert never_title(text) == "a page's date line", why


MONEY = [
    ("EUR 3.1 million", "uncertain-fact", "English millions: rounded, never exact"),
    ("€ 4 miljoner", "uncertain-fact", "Swedish millions after the sign"),
]


@pytest.mark.parametrize(("text", "code", "why"), MONEY, ids=[m[2] for m in MONEY])
def test_millions_with_the_currency_first(text: str, code: str, why: str) -> None:
    reading = read_money_field(text)
    assert (reading.value, reading.problem) == (None, code), why


CONTACTS = [
    ("Kaavoitusarkkitehti Heli Vauhkonen", "kaavoitusarkkitehti", "Heli Vauhkonen", "a planner"),
    ("erikoistutkija Anna Koski", "erikoistutkija", "Anna Koski", "a compound of tutkija"),
]


@pytest.mark.parametrize(("text", "title", "name", "why"), CONTACTS, ids=[c[3] for c in CONTACTS])
def test_a_title_compound_is_no_part_of_the_name(
    text: str, title: str, name: str, why: str
) -> None:
    contacts = read_contacts(text).contacts
    assert [(c.title, c.name) for c in contacts] == [(title, name)], why


def test_swedish_project_leads_are_contacts() -> None:
    text = (
        "Dagvatten i Pargas\n\nProjekttid: 1.12.2022- 30.6.2024\n"
        "Projektansvariga: Heidi Saaristo-Levin\n"
    )
    (parsed,) = parse_text(text, "pargas.txt").projects
    assert [c.name for c in parsed.project.contacts] == ["Heidi Saaristo-Levin"]


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("Kustavin kunta RSS Haku", "a feed link in the frame"),
        ("Päävalikko", "a menu"),
        ("Leader logo rgb yksi rajupusu", "an image's alt text of a logo (batch 8)"),
        ("Skip to main content", "a page's skip link, anywhere in the text (batch 9)"),
        ("Kunnat / Nurmes / Päätöksenteko / Kaupunginhallitus", "a breadcrumb (batch 9)"),
        ("HÅ flaggor", "an image's text of flags (batch 9)"),
        ("Viktig information om coronapandemin", "a site's notice over every page (batch 46)"),
        ("Tärkeää tietoa koronaviruksesta", "the same in Finnish"),
    ],
)
def test_a_frame_line_is_never_a_title(text: str, why: str) -> None:
    assert not titleable(text) and never_title(text) is not None, why


@pytest.mark.parametrize(
    ("title", "many", "why"),
    [
        ("Kolme hanketta sai rahoitusta", True, "a count in words"),
        ("102 pågående projekt", True, "a count in digits, a word between"),
        ("² hanketta", False, "a superscript digit is no count (hypothesis found it raising)"),
        ("2021 EU-hankkeelle", False, "a year is no count"),
    ],
)
def test_counted_projects(title: str, many: bool, why: str) -> None:
    assert counts_projects(title) is many, why


@pytest.mark.parametrize(
    ("line", "title", "why"),
    [
        ("Toimiala: Kemia ja biotalous", False, "a label of one plain word we do not know"),
        ("Toiminta-alue: Keski-Pohjanmaa", False, "a hyphened one, the same (a linkage page)"),
        (
            "UCSEdu: Yliopistokoulutuksen vahvistaminen Etelä-Pohjanmaalla",
            True,
            "an acronym before the colon is the name's first part",
        ),
        ("6Aika: Hiilineutraalit yritysalueet", True, "a name's first part with a digit"),
        ("Resultat: Bättre service och fler besökare", False, "a Swedish section label (batch 9)"),
    ],
)
def test_a_label_line_with_its_value_is_never_a_name(line: str, title: bool, why: str) -> None:
    assert titleable(line, classify(line)) is title, why


@pytest.mark.parametrize(
    ("title", "why"),
    [
        ("Research & projects", "an English page's section of projects (batch 9)"),
        ("Pågående projekten", "Swedish, definite plural"),
        ("Kuntien työllisyyshankkeille jatkoaikaa", "Finnish, as before"),
    ],
)
def test_a_headline_about_projects_in_the_plural(title: str, why: str) -> None:
    assert about_many(title), why


@pytest.mark.parametrize(
    ("line", "field", "why"),
    [
        ("Official name of the project: TUKSU", "name", "an English page's name label (batch 10)"),
        ("Name of the project: TUKSU", "name", "the same, shorter"),
        ("Projektnamn: Boundless Bothnian Bay", "name", "a Swedish register's (batch 10)"),
        ("Project coordinator: VAMK", None, "the implementer: a label, never a name (batch 10)"),
    ],
)
def test_english_and_swedish_labels_of_batch_10(line: str, field: str | None, why: str) -> None:
    label = classify(line)
    assert label is not None, why
    assert (label.field.value if label.field else None) == field, why
    assert field is not None or label.other, why  # a known label of another thing


def test_a_ministry_in_english_is_its_programme() -> None:
    from hankkeet.reading.funding import find_programmes

    assert find_programmes("Funding: Ministry of Education and Culture") == ["OKM"]


LEFTOVERS = [
    (
        """\
Leader-ryhmä Pohjoisin Kylä ry

Kansainväliset hankkeemme

Kyläbrändäys

Hankkeessa tehtiin kylille yhteinen ilme ja viestintä vuosina 2018–2022.
""",
        "programme",
        "a programme the page names only in its heading is no project's own: left empty, "
        "and said on the project (batch 9's Leader lists)",
    ),
    (
        """\
Hankkeet

Cleantech Kvarken

Projektet hjälper små företag i Kvarken att sälja ren teknik. Projekttid 1.1.2016–31.12.2018.

Finansieras av Europeiska regionala utvecklingsfonden (ERUF).
""",
        "fund",
        "a fund the page names below the project's text, outside its own lines: said",
    ),
]


@pytest.mark.parametrize(("text", "about", "why"), LEFTOVERS, ids=[c[2] for c in LEFTOVERS])
def test_a_fact_the_page_names_elsewhere_is_said(text: str, about: str, why: str) -> None:
    result = parse_text(text, "page.txt")
    project = result.projects[0]
    assert getattr(project.project, about) is None, why
    assert any(
        d.code.value == "uncertain-fact" and d.about == about for d in project.diagnostics
    ), why


UNREAD = [
    (
        """\
Ajankohtaista

13.02.2025 | VIUHKA-hanke, vieraskasvien uhkat hallintaan Kalajokilaaksossa |

Priodiversity LIFE -hanke

Hankkeessa torjutaan vieraslajeja koko maassa. Hanke kestää 1.10.2023–30.9.2030.
""",
        ["VIUHKA"],
        "a project the page names by its '-hanke' that no read project is called by: said "
        "where it stands (batch 9's news lists)",
    ),
    (
        """\
Kaupungin hankkeet

 • Kaupunki hallinnoi myös yrityskehittämiseen liittyvää CLT-pro-hanketta

Puurakentamisen edistäminen -hanke

Hanke edistää puurakentamista. Toteutusaika 1.1.2021–31.12.2022.
""",
        ["CLT-pro"],
        "an inflected '-hanketta' in a list item names a project too (batch 10's city list)",
    ),
    (
        """\
Hanketoiminta

Tällä hetkellä Keski-Suomen Kylät ry:n hallinnoitavana on Kyläsuunnitelmalla eteenpäin – \
kehittämishanke, jota rahoitetaan maaseuturahastosta.

Kylältä kylille -hanke 2.1.2018 – 30.10.2019

Kylältä kylille -hanke herättelee kyliä uuteen toimintaan.
""",
        ["Kyläsuunnitelmalla eteenpäin"],
        "a name with 'suunnitelma' in it is a name; only a '-projektisuunnitelma' after it is "
        "a document (batch 17)",
    ),
    (
        """\
Kasvun kartta -hanke

Kasvun kartta -hanke jatkaa Kasvun kartta -hankkeen työtä. Euroopan aluekehitysrahaston \
osittain rahoittamat projektit julkaistaan EAKR-projektisuunnitelmassa.
""",
        [],
        "the project itself, projects in the plural and a project plan are no unread project",
    ),
]


@pytest.mark.parametrize(("text", "names", "why"), UNREAD, ids=[c[2] for c in UNREAD])
def test_a_project_named_but_not_read_is_said(text: str, names: list[str], why: str) -> None:
    result = parse_text(text, "page.txt")
    said = [
        d.message.values().get("name")
        for d in result.diagnostics
        if d.code.value == "unsure-boundary"
    ]
    assert said == names, why


@pytest.mark.parametrize(
    ("line", "why"),
    [
        ("Lauri Heino", "a first name and a surname alone: a byline, never a title (batch 11)"),
        ("Anna-Liisa Korhonen", "a hyphenated first name too"),
        (
            "Virtaa-teemahankkeen aloituskokouksen materiaalit (pdf)",
            "a link to a document, '(pdf)' at its end (batch 11)",
        ),
        ("Hakuohje [PDF, 2 Mt]", "in brackets, with its size"),
        ("Kaupunginvaltuusto", "a council's name alone (batch 8's agenda)"),
        ("Kunnanhallitus 12.3.2024 § 41", "a board's name with its date and section"),
        ("Dynasty tietopalvelu", "an agenda system's name in its page's head (batches 6, 7)"),
        ("Funded by the EU", "a funder's logo's caption (batch 5)"),
    ],
)
def test_batch_11_lines_that_are_never_a_title(line: str, why: str) -> None:
    assert never_title(line) is not None, why
    assert not titleable(line), why


@pytest.mark.parametrize(
    ("title", "name", "why"),
    [
        (
            "Silver Economy Kemi -valmisteluhanke (haettu 10/2019)",
            "Silver Economy Kemi -valmisteluhanke",
            "the project's state in parentheses is no part of its name (batch 11)",
        ),
        (
            "Tieto lisää toimivuutta (2022-09/2024)",
            "Tieto lisää toimivuutta",
            "its months in parentheses are none either (batch 11)",
        ),
        ("Earning Logic (TaideART)", "Earning Logic (TaideART)", "an acronym stays"),
        ("Kaasua Kuhmoon", "Kaasua Kuhmoon", "a name with no note stays as it is"),
        (
            "Ulkokuntosali Kaalisaareen (30 000 e)",
            "Ulkokuntosali Kaalisaareen",
            "its money in parentheses is no part of it either (batch 16's participatory budget)",
        ),
    ],
)
def test_a_note_after_the_title_is_no_part_of_the_name(title: str, name: str, why: str) -> None:
    result = parse_text(f"{title}\n\nToiminta-aika: 1.1.2020-31.12.2021\nBudjetti: 1000 €\n", "p")
    assert [p.project.name for p in result.projects] == [name], why


BATCH_11 = [
    (
        (INCOMING / "h11" / "not-project" / "h11-linnaseutu-rahoituksen-haku.txt").read_text(
            encoding="utf-8"
        ),
        [],
        "a page on applying for funding, with its application periods, is no project (batch 11)",
    ),
    (
        """\
Hankkeet

Käynnissä olevia hankkeita

Kumppanuuden Hattula (1.6.2022 – 31.12.2023)

Tavoitteet:

  • kunta ja yhdistykset tekevät enemmän yhteistyötä

Kokonaisbudjetti 65 264 eur, josta Leader-rahoitusta 70 %.

Lisätietoja:

Heikki Konsala, hankekoordinaattori


Tieto lisää toimivuutta (2022-09/2024)

Kunta osallistuu ministeriön rahoittamaan Tieto lisää toimivuutta -hankkeeseen.

Lisätietoja:

Kari Uusitalo, elinvoimajohtaja
""",
        [("Kumppanuuden Hattula", "Heikki Konsala"), ("Tieto lisää toimivuutta", "Kari Uusitalo")],
        "headings each over text and a 'Lisätietoja:' label of their own: a project each, "
        "its contact its own (batch 11)",
    ),
]


@pytest.mark.parametrize(("text", "projects", "why"), BATCH_11, ids=[c[2] for c in BATCH_11])
def test_batch_11_pages(text: str, projects: list[tuple[str, str]], why: str) -> None:
    result = parse_text(text, "page.txt")
    got = [
        (p.project.name, ", ".join(c.name or "" for c in p.project.contacts))
        for p in result.projects
    ]
    assert got == projects, why


@pytest.mark.parametrize(
    ("line", "cleaned", "why"),
    [
        (
            "Kontaktperson\tMirva Leppälä",
            "Kontaktperson: Mirva Leppälä",
            "two cells of a copied table: a label and its value (batch 10's register)",
        ),
        (
            "Hankkeen nimi\tKokonaisbudjetti\tKauhajoen rahoitusosuus\tKesto",
            "| Hankkeen nimi | Kokonaisbudjetti | Kauhajoen rahoitusosuus | Kesto |",
            "three cells or more: a table's row, never a title or a label (batch 10's city)",
        ),
        ("2019\t2020", "2019 2020", "cells with no word: white space, as before"),
        ("\tsisennetty rivi", " sisennetty rivi", "a tab that indents: white space"),
    ],
)
def test_cells_parted_by_tabs(line: str, cleaned: str, why: str) -> None:
    assert clean_line(line) == cleaned, why
    assert clean_lines(f"alku\n{line}\n") == ["alku", cleaned, ""], why


def test_a_contact_the_page_gives_that_no_project_took_is_said() -> None:
    text = """\
Hankkeen perustiedot

Hankkeen nimi: Taivalkosken energiaratkaisut
Toteutusaika: 1.1.2011–31.12.2013

Hankkeen yhteystiedot ovat kehittämisyhtiön sivuilla.
"""
    project = parse_text(text, "card.txt").projects[0]
    assert project.project.contacts == []
    said = [d for d in project.diagnostics if d.code.value == "uncertain-fact"]
    assert [d.about for d in said] == ["contacts"]


def test_a_forms_empty_labels_are_no_part_of_a_name() -> None:
    text = """\
Hankkeen nimi: Taivalkosken energiaratkaisut
Toteutusaika: 1.1.2011–31.12.2013
Projektin vastuuhenkilön nimi Tauno Korpela Sähköpostiosoite Puhelinnumero
"""
    project = parse_text(text, "card.txt").projects[0]
    assert [c.name for c in project.project.contacts] == ["Tauno Korpela"]


@pytest.mark.parametrize(
    ("title", "years", "why"),
    [
        ("Vihtijärven kylätalo - investointihanke 2008-2011", (2008, 2011), "a title's years"),
        ("Tieto lisää toimivuutta (2022-09/2024)", None, "a note on months gives no years"),
        (
            "Badstränderna valdes till utvecklingsobjekt för invånarbudgeten 2024",
            None,
            "a sentence's year is no period (batch 11's Swedish headline)",
        ),
    ],
)
def test_years_a_title_gives(title: str, years: tuple[int, int] | None, why: str) -> None:
    assert years_of(title) == years, why


def test_the_ministrys_money_through_regional_councils_is_akke() -> None:
    text = "Rahoitus on työ- ja elinkeinoministeriön maakuntien liitoille osoittamaa määrärahaa."
    assert find_programmes(text) == ["AKKE"]


BATCH_12 = [
    (
        """\
Maaseudun kehittämishankkeita tuettu vuonna 2017

Tuetut hankkeet ovat seuraavat:

 1. DigiMetsä –koulutushanke
 • Suomen 4H-liitto ry
 1. Sukumetsät seuraavalle
 • Suomen metsäkeskus
 1. Maistuvat kyläjuhlat
 • Pohjois-Karjalan Martat ry ja Maaseudun Sivistysliiton aluejärjestö ry
""",
        ["DigiMetsä –koulutushanke", "Sukumetsät seuraavalle", "Maistuvat kyläjuhlat"],
        "list items under list items, with marks of another kind, tell of the item above "
        "(its applicant): no project of their own (batch 12's ELY list)",
    ),
    (
        """\
Valtuusto hyväksyi rahoituksen tapahtumakeskukselle

Valtuustossa käytyä keskustelua:

Topias Kotiniemi (kok): Suunnitelmat on laadittu kiireessä ja luvut ovat arvioita.

Nina Brask (sd): Hanke kytkeytyy tapahtumakeskukseen maankäyttösopimuksen kautta.
""",
        [],
        "a speaker with a party after the name is a person, never an entry's project "
        "(batch 12's live blog of a council's debate)",
    ),
]


@pytest.mark.parametrize(("text", "names", "why"), BATCH_12, ids=[c[2] for c in BATCH_12])
def test_batch_12_pages(text: str, names: list[str], why: str) -> None:
    assert [p.project.name for p in parse_text(text, "page.txt").projects] == names, why


def test_an_organisation_as_the_title_is_an_unsure_name() -> None:
    page = INCOMING / "h12" / "leader" / "h12-jetina-keskikarjala.txt"
    result = parse_text(page.read_text(encoding="utf-8"), page.name)
    named = [p for p in result.projects if p.project.name == "Keski-Karjalan Jetina ry"]
    assert named, "the Leader group's name is read as a title here"
    assert any(d.code.value == "unsure-name" for d in named[0].diagnostics)


@pytest.mark.parametrize(
    ("text", "names", "why"),
    [
        (
            "Rahoitusta haettiin Yrittäjien ja työyhteisöjen hyvinvointi (HYVE) -hankkeelle.",
            ["Yrittäjien ja työyhteisöjen hyvinvointi (HYVE)"],
            "a name with its acronym in parentheses before '-hanke' is whole, not 'HYVE)' "
            "(batches 10 and 13)",
        ),
        (
            "Haettiin ESR-rahoitusta Kasvun polut (KAPO) -hankkeelle.",
            ["Kasvun polut (KAPO)"],
            "a capitalised word that is money ('ESR-rahoitusta') leads no name",
        ),
        (
            "Ykkösakseli ry on myöntänyt Leader-rahoitusta kahdelle salolaishankkeelle.",
            [],
            "a count before a compound '-hankkeelle' names no one project (batch 13)",
        ),
    ],
)
def test_names_in_sentences_of_batch_13(text: str, names: list[str], why: str) -> None:
    assert hanke_names(text) + compound_names(text) == names, why


def test_a_perfect_tense_headline_is_a_sentence() -> None:
    assert sentence_headline("Ykkösakseli ry on myöntänyt Leader-rahoitusta kahdelle hankkeelle")
    assert not sentence_headline("Kylätalon korjaus ja laajennus")


def test_grants_to_other_recipients_are_said_where_they_stand() -> None:
    text = """\
Sataman kunnostus saa tuen

Kunta saa satamahankkeeseensa tukea ELY-keskukselta 314 930 euroa.

Hankkeen koko kustannusarvio on 749 834 euroa.

Kylällä ely tukee myös Puutavaraliike Toimi Talka Ky:tä, joka saa 50 967 euroa investointitukea.

Lemillä toimiva Misa Oy saa elyltä investointitukea 15 424 euroa.
"""
    result = parse_text(text, "news.txt")
    said = [d.line for d in result.diagnostics if d.code.value == "unsure-boundary"]
    assert len(result.projects) == 1
    assert said == [7, 9], "each grant to another recipient, in a paragraph of its own"


def test_an_agenda_items_decision_title_is_an_unsure_name() -> None:
    text = """\
Kunnanhallitus 12.3.2024

§ 41 Tilapäisen lainan myöntäminen Maakesken kylä ry:lle

Maakesken kylä ry toteuttaa Rientolan leikkipuiston rakentaminen -hankkeen. Hankkeen \
kustannusarvio on 33 480 euroa ja sille on myönnetty Leader-tukea.

Päätösehdotus: Kunnanhallitus myöntää yhdistykselle 20 000 euron tilapäisen lainan.
"""
    result = parse_text(text, "agenda.txt")
    project = result.projects[0]
    assert project.project.name == "Tilapäisen lainan myöntäminen Maakesken kylä ry:lle"
    unsure = [d for d in project.diagnostics if d.code.value == "unsure-name"]
    assert unsure and "Rientolan leikkipuiston rakentaminen" in unsure[0].message.text(
        Language.EN
    ), "the decision's title is kept with a warning naming the project the text gives"


BATCH_14: list[tuple[str, list[str], str]] = [
    (
        (INCOMING / "h14" / "not-project" / "h14-vesuri-hanketuet.txt").read_text(encoding="utf-8"),
        [],
        "a page of a funder's grants in the plural is no project (batch 14)",
    ),
    (
        """\
Kehittämishanke - Hyrrä-ohje

Tämä ohje koskee vuosien 2014–2022 hankkeita ja niiden hakemista.
""",
        [],
        "a guide to applying is no project (batch 14)",
    ),
]


@pytest.mark.parametrize(("text", "names", "why"), BATCH_14, ids=[c[2] for c in BATCH_14])
def test_batch_14_pages(text: str, names: list[str], why: str) -> None:
    assert [p.project.name for p in parse_text(text, "page.txt").projects] == names, why


def test_a_projects_sites_in_a_list_are_no_projects() -> None:
    """A list goes on after a blank line only when it started right under its lead-in: a
    project's sites in a list below another paragraph are no projects (batch 14)."""
    text = """\
Valtionavustus lähivirkistysalueiden kunnostamiseen: 42 350 € Leppävirralle

Kunta on saanut 42 350 € avustuksen. Hankkeessa kehitetään seuraavat kohteet:

Kirkonkylän kohteet:
- Vokkolan laavu: esteettömyyden parantaminen laavulla
- Laakunlammen ympäristö: parempi valaistus ja puulajipuiston kehittäminen
- Kalmalahden rantareitti: valaistus uusitaan
"""
    names = [p.project.name for p in parse_text(text, "page.txt").projects]
    assert not any(n.startswith(("Vokkolan", "Laakunlammen", "Kalmalahden")) for n in names)


def test_each_person_under_a_contacts_heading_is_a_contact() -> None:
    text = """\
Osallisuudella uusia palveluratkaisuja -hanke

Hanke toteutetaan 1.1.2019–31.12.2020.

Yhteystiedot:

Projektipäällikkö Seija Korhonen
puh: 050 567 8728

Kumppanuuskehittäjä Elina Huerta
puh: 050 511 8490


Tieto lisää toimivuutta (2022-09/2024)

Kunta osallistuu Tieto lisää toimivuutta -hankkeeseen.
"""
    project = parse_text(text, "page.txt").projects[0]
    assert [c.name for c in project.project.contacts] == ["Seija Korhonen", "Elina Huerta"], (
        "the second person's paragraph is the heading's too; a title with its months is no "
        "person (batch 14)"
    )


@pytest.mark.parametrize(
    ("line", "why"),
    [
        ("Valmistelijat elinvoimapäällikkö Maria Virtanen", "an agenda item's preparers"),
        ("Tietoa projektista", "a section heading 'about the project' (batch 14)"),
    ],
)
def test_batch_14_lines_that_are_never_a_title(line: str, why: str) -> None:
    assert not titleable(line), why


def test_a_municipalitys_share_the_page_speaks_of_is_said() -> None:
    text = """\
Henna - maaseudun asumisen pilottihanke

Hanke toteutetaan 1.1.2018–31.12.2020. Kaupungin rahoitusosuus on neljännes kustannuksista.
"""
    project = parse_text(text, "page.txt").projects[0]
    assert project.project.city_share is None
    assert any(
        d.code.value == "uncertain-fact" and d.about == "city_share" for d in project.diagnostics
    ), "a share the page speaks of, with no amount read: said (batch 8)"


@pytest.mark.parametrize(
    ("text", "programme", "why"),
    [
        ("samt av Utbildnings- och kulturministeriet", "OKM", "the ministry in Swedish (batch 15)"),
        ("Social- och hälsovårdsministeriet beviljade", "STM", "in Swedish, the other ministry"),
        ("Arbets- och näringsministeriet", "TEM", "and the third"),
    ],
)
def test_ministries_in_swedish_are_their_programmes(text: str, programme: str, why: str) -> None:
    assert find_programmes(text) == [programme], why


@pytest.mark.parametrize(
    "line", ["Avslutade projekt", "Finished projects", "Käynnissä olevat hankkeet"]
)
def test_a_heading_over_projects_in_the_plural_is_never_a_title(line: str) -> None:
    assert not titleable(line), "Swedish 'projekt' is singular and plural alike (batch 15)"


def test_a_heading_whose_text_opens_by_naming_it_is_a_project() -> None:
    text = """\
Avslutade projekt

Luckan har drivit många projekt. Här berättar vi om dem som har avslutats.

Stora komet (2016–2019)

Stora komet skulle stärka vägledningen på svenska i Nyland under åren.

Smartkultur

Smartkultur i Nyland – Kulturens digitala stödpatrull hjälpte kulturaktörer med digitala verktyg.
"""
    names = [p.project.name for p in parse_text(text, "page.txt").projects]
    assert names == ["Stora komet", "Smartkultur"], (
        "a one-word heading over a paragraph that opens with it names a project (batch 15)"
    )


@pytest.mark.parametrize(
    "line",
    [
        "Table of contents",
        "Kolumni",
        "Uutisanalyysi",
        "Styrgrupp",
        "Kort om projektet",
        "EU:n rahoittama verkostohanke",
        "Euroopan unionin osarahoittama",
        "Beviljat stöd",
        "Research & projects",
    ],
)
def test_batch_16_lines_that_are_never_a_title(line: str) -> None:
    assert not titleable(line), "a newspaper's or a document's section, a funder's caption"


@pytest.mark.parametrize(
    ("text", "programme", "why"),
    [
        ("from European Regional Development Funds", "EAKR", "the fund's English name (batch 15)"),
        ("funded by ERDF", "EAKR", "its English acronym (batch 12)"),
        ("European Social Fund (ESF)", "ESR", "the other fund's (batch 6)"),
        ("Europeiska socialfonden", "ESR", "its Swedish name (batch 15)"),
    ],
)
def test_a_structural_fund_in_english_or_swedish_is_its_programme(
    text: str, programme: str, why: str
) -> None:
    assert find_programmes(text) == [programme], why


def test_a_fund_that_a_programme_outside_the_projects_text_implies_is_said() -> None:
    page = INCOMING / "h6" / "list-page" / "h6-interregno-botnia-atlantica-godkjent.txt"
    projects = parse_text(page.read_text(encoding="utf-8"), page.name).projects
    assert len(projects) >= 2
    for project in projects:
        said = {d.about for d in project.diagnostics if d.code.value == "uncertain-fact"}
        assert {"programme", "fund"} <= said, "Interreg outside each project's text: its EAKR too"


def test_a_university_as_the_title_is_an_unsure_name() -> None:
    page = INCOMING / "h5" / "eu-card" / "h5-tuni-ucsedu.txt"
    result = parse_text(page.read_text(encoding="utf-8"), page.name)
    named = [p for p in result.projects if p.project.name == "Tampere University"]
    assert not named or any(d.code.value == "unsure-name" for d in named[0].diagnostics), (
        "an organisation's name read as the title is kept only with unsure-name (batch 5)"
    )


# Batch 18's round: rules of evidence for a name that hold for every layout.
PIKES = INCOMING / "h18" / "news" / "h18-pikes-elinkeinostrategia.txt"

PYHAJOKI = INCOMING / "h18" / "city-page" / "h18-pyhajoki-vanhatie.txt"


@pytest.mark.parametrize(
    ("text", "why"),
    [
        (
            "Sademetsät ja suot\n\nNordic Peat Network\n\n"
            "Project: Carbon Stocks of Drained Peatlands in the Boreal Zone The study asks"
            " how much carbon is lost when a drained peatland is left"
            " as it is, and compares it with peatlands restored decades ago across the region,"
            " using field plots and long-term records.\nDuration: 1.1.2020 - 31.12.2022\n",
            "a name label whose value runs on into the description",
        ),
    ],
)
def test_a_name_too_long_to_be_one_is_an_unsure_name(text: str, why: str) -> None:
    projects = parse_text(text, "x.txt").projects
    long = [p for p in projects if len(p.project.name.split()) > 22]
    assert long, "the test's text must give a long name"
    assert all(any(d.code.value == "unsure-name" for d in p.diagnostics) for p in long), why


def test_a_headline_with_nothing_read_under_it_is_an_unsure_name() -> None:
    result = parse_text(PIKES.read_text(encoding="utf-8"), PIKES.name)
    assert result.projects, "the page's headline is read as a record"
    for p in result.projects:
        assert any(d.code.value == "unsure-name" for d in p.diagnostics), p.project.name


def test_projects_a_sentence_lists_after_its_colon_are_said() -> None:
    result = parse_text(PIKES.read_text(encoding="utf-8"), PIKES.name)
    said = {
        str(d.message.values().get("name"))
        for d in result.diagnostics
        if d.code.value == "unsure-boundary"
    }
    read = {p.project.name for p in result.projects}
    for name in ("Teolliset symbioosit", "Vihreän kasvun keskus"):
        assert name in said or name in read, "named in a list of the page's projects"


@pytest.mark.parametrize(
    ("text", "names", "why"),
    [
        (
            "Seutu vie ohjelmaa eteenpäin kahden hankkeen avulla: Puun uudet tuotteet ja "
            "Matkailun kasvupolku.",
            ["Puun uudet tuotteet", "Matkailun kasvupolku"],
            "two projects listed after the colon",
        ),
        (
            "Kunnan lisäksi hanketta toteuttavat neljä ammattikorkeakoulua: Laurea AMK, "
            "Hämeen AMK ja LAB AMK.",
            [],
            "the colon lists universities: the project word is not right before it",
        ),
        ("Hankkeen yhteyshenkilöt: Matti Virtanen ja Liisa Mäki.", [], "a label, not a sentence"),
        (
            "Hankkeessa laadittiin verkoston kanssa kolme ohjelmaa: Lapin elintarvikeohjelma ja "
            "Lapin energiaohjelma.",
            [],
            "programmes, not projects",
        ),
        (
            "Mukana on kaksi yritysten hanketta: Abc Oy ja Def Oy.",
            [],
            "organisations are partners, not projects",
        ),
    ],
)
def test_names_listed_after_a_colon(text: str, names: list[str], why: str) -> None:
    from hankkeet.reading.layouts.names import listed_names

    assert listed_names(text) == names, why


@pytest.mark.parametrize(
    ("text", "why"),
    [
        (
            "Hanke jatkaa siitä, mihin AKKE-rahoitteinen käynnistyshanke Inarissa -hanke jäi.",
            "a place in the locative before '-hanke' is where the project was, not its name",
        ),
    ],
)
def test_a_place_alone_is_never_a_hanke_name(text: str, why: str) -> None:
    assert hanke_names(text) == [], why


def test_a_headlines_subtitle_after_its_project_word_is_no_part_of_the_name() -> None:
    text = (
        "Kirkonkylän kehittämishanke – Uusi suunta kylän elinkeinoille\n\n"
        "Kirkonkylän kehittämishanke 1.5.2022–31.12.2023 vie kylän elinkeinoja eteenpäin.\n\n"
        "Hankkeen kokonaisbudjetti on 117 751 euroa, ja sen rahoittaa Lapin liitto.\n"
    )
    names = [p.project.name for p in parse_text(text, "x.txt").projects]
    assert names == ["Kirkonkylän kehittämishanke"]


def test_a_section_headed_hanke_is_no_second_project() -> None:
    projects = parse_text(PYHAJOKI.read_text(encoding="utf-8"), PYHAJOKI.name).projects
    assert [p.project.name for p in projects] == ["Pyhäjoen Vanhatien kunnostushanke"], (
        "'Hanke' over the project's own text is a section of the same page"
    )


# Batch 19's round.
def test_a_sentence_that_mentions_an_application_is_no_card_heading() -> None:
    text = (
        "Teemahanke\n\nHakuohje\n\nHakemus ja liitteet\n\n"
        "Hakemus tehdään lomakkeella 3325B.\n"
        "* HUOM: hankehakemus tulee allekirjoittaa sääntömääräisesti.\n\n"
        "Hakemuksen liitteiksi tarvitaan seuraavat asiakirjat:\n\n"
        " 1. Ajantasainen yhdistysrekisteriote\n 2. Yhdistyksen tilinpäätöstiedot\n"
    )
    names = [p.project.name for p in parse_text(text, "x.txt").projects]
    assert not any(n.startswith("(nimetön hanke") for n in names), (
        "a sentence that speaks of the application starts no register card"
    )


def test_a_programme_a_cards_type_label_names_is_said() -> None:
    text = (
        "Hankeinfo\n\nLeader-toimintaryhmähanke:\n"
        "Hankkeen nimi:Kylän vesiosuuskunnan runkolinja\n"
        "Hallinnoija:KYLÄN VESI OY\nKustannusarvio:120000 €\n"
    )
    projects = parse_text(text, "x.txt").projects
    assert len(projects) == 1
    p = projects[0]
    assert p.project.programme == "Leader" or any(
        d.code.value == "uncertain-fact" and d.about == "programme" for d in p.diagnostics
    ), "the type label names the programme: read, or said"


@pytest.mark.parametrize(
    ("text", "names", "why"),
    [
        (
            "Arcada works with Åbo Akademi on project MäRi (Human-Robot interaction).",
            ["MäRi"],
            "English puts the word before the name",
        ),
        ("Med Luckans projekt Hallå! ordnades språkcaféer.", ["Hallå!"], "Swedish too"),
        ("Ask the project Manager for details.", [], "a role, not a name"),
        ("Project Partners: Arcada, Novia", [], "a label in capitals is not the word"),
    ],
)
def test_names_after_the_word_project(text: str, names: list[str], why: str) -> None:
    from hankkeet.reading.layouts.names import named_after

    assert named_after(text) == names, why


def test_a_one_word_headline_yields_to_the_project_the_text_names() -> None:
    page = INCOMING / "h19" / "list-page" / "h19-arcada-highlights-2021.txt"
    projects = parse_text(page.read_text(encoding="utf-8"), page.name).projects
    assert all(p.project.name == "MäRi" for p in projects), "'Highlights 2021' names no project"
    assert all(p.project.start is None for p in projects), "the headline's year is the page's"


@pytest.mark.parametrize(
    ("name", "glued", "why"),
    [
        ("ValtionvarainministeriöKalajoen kaupunki", True, "two cells of a saved table"),
        ("Euroopan unionin osarahoittamaYlivieskan kaupunki", True, "a caption and a partner"),
        ("DigiMetsä", False, "a coined name joins short parts"),
        ("SmartKalajoki", False, "a coined name"),
        ("Kylien digituki", False, "an ordinary name"),
    ],
)
def test_a_name_of_glued_cells(name: str, glued: bool, why: str) -> None:
    text = f"{name}\n\nHanke toteutetaan 1.1.2024–31.12.2025 ja sen budjetti on 50 000 euroa.\n"
    projects = parse_text(text, "x.txt").projects
    assert projects, "the page is read as one project"
    unsure = any(d.code.value == "unsure-name" for d in projects[0].diagnostics)
    assert unsure is glued, why


# Batch 20's round.
@pytest.mark.parametrize(
    ("sentence", "why"),
    [
        ("Ideahaku 19.9.–23.10.2022 ja äänestys 10.1.–30.1.2023.", "an idea call's and a vote's"),
        ("Haku avoinna 1.1.-31.3.2019.", "an application window"),
        ("Ilmoittautuminen 1.2.–15.2.2024 verkkolomakkeella.", "a sign-up's"),
        ("Nuorten työt ovat esillä kirjastossa 29.9.–7.10.2023.", "an exhibition's days"),
        ("Kaavaluonnos on nähtävillä 4.4.–8.5.2017.", "a plan's days on display"),
        ("Valtuusto hyväksyy MAL-sopimuksen vuosille 2020–2031.", "an agreement's years"),
        ("Kaupunki päivittää strategian vuosille 2022–2025.", "a strategy's years"),
    ],
)
def test_an_events_window_is_not_the_projects_period(sentence: str, why: str) -> None:
    text = f"Kylien kehittämishanke\n\nHanke kehittää kylien palveluja.\n\n{sentence}\n"
    for p in parse_text(text, "x.txt").projects:
        assert p.project.start is None and p.project.end is None, why


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("Satamahanke on päättymässä", "Satamahanke"),
        ("Kylätalon korjaushanke on alkamassa", "Kylätalon korjaushanke"),
    ],
)
def test_a_headline_in_progress_names_its_subject(title: str, name: str) -> None:
    text = (
        f"{title}\n\nHanke toteutetaan 1.5.2022–31.12.2023. Hankkeen kokonaisbudjetti on "
        "125 000 euroa.\n"
    )
    assert [p.project.name for p in parse_text(text, "x.txt").projects] == [name]


def test_an_agenda_items_verbal_noun_is_no_part_of_the_name() -> None:
    text = (
        "Kunnanhallitus, kokous 28.6.2021\n\n"
        "§ 183 Osallistuminen Järviseudun kalatalousryhmän kehittämishanke\n\n"
        "Kuvaus\n\nKunta osallistuu hankkeeseen, jonka kuntaraha on 1 772 euroa vuosille "
        "2021-2027.\n"
    )
    names = [p.project.name for p in parse_text(text, "x.txt").projects]
    assert names == ["Järviseudun kalatalousryhmän kehittämishanke"]


@pytest.mark.parametrize(
    ("written", "natural"),
    [("Kokkonen Osmo", "Osmo Kokkonen"), ("Virtanen Aimo", "Aimo Virtanen")],
)
def test_more_first_names_tell_a_surname_first_contact(written: str, natural: str) -> None:
    from hankkeet.reading.records import natural_name

    assert natural_name(written) == natural


def test_a_page_about_an_organisation_alone_is_no_project() -> None:
    page = INCOMING / "h20" / "not-project" / "h20-oulunseudunleader-tietoa.txt"
    result = parse_text(page.read_text(encoding="utf-8"), page.name)
    assert result.projects == [], "an organisation's page gives no made-up project"
    assert any(d.code.value == "preamble" for d in result.diagnostics), "and says why"


def test_a_calls_round_in_the_headline_is_no_project() -> None:
    page = INCOMING / "h20" / "not-project" / "h20-businessfinland-r2b-haku.txt"
    result = parse_text(page.read_text(encoding="utf-8"), page.name)
    assert result.projects == [], "'…, haku 2/2024': a funder's call, not a project"


# Batch 21's round.
@pytest.mark.parametrize(
    ("text", "names", "why"),
    [
        (
            "Nivala-Haapajärven seutu NIHAK ry, toimitusjohtaja Toni Krankkala 050 327 7254",
            ["Toni Krankkala"],
            "an organisation before the person is whose, not who",
        ),
        ("Kylä ry, Maija Mäki", ["Maija Mäki"], "an association's name"),
    ],
)
def test_an_organisation_in_a_contact_line_is_no_person(
    text: str, names: list[str], why: str
) -> None:
    assert [c.name for c in read_contacts(text).contacts] == names, why


@pytest.mark.parametrize("line", ["Leader", "Leader 2014-2022", "EAKR", "Interreg 2021–2027"])
def test_a_programmes_name_alone_is_never_a_title(line: str) -> None:
    assert never_title(line) is not None
    assert not titleable(line)


def test_a_heading_that_names_another_project_in_a_compound_is_said() -> None:
    page = INCOMING / "h21" / "agenda" / "h21-nihak-seutuhallitus-190219.txt"
    result = parse_text(page.read_text(encoding="utf-8"), page.name)
    read = {p.project.name for p in result.projects}
    said = {
        str(d.message.values().get("name"))
        for d in result.diagnostics
        if d.code.value == "unsure-boundary"
    }
    name = "Centria Ylivieskan osaamisympäristöjen investointihanke"
    assert name in read or name in said, "'NIHAK tukee … investointihanketta' heads a project"


# Batch 22's round.
def test_headings_after_a_lead_in_of_projects_are_each_a_project() -> None:
    page = INCOMING / "h22" / "list-page" / "h22-naantali-saaristohankkeet.txt"
    names = [
        p.project.name for p in parse_text(page.read_text(encoding="utf-8"), page.name).projects
    ]
    assert names == [
        "Tasapainoa luontoon- Balans i naturen",
        "Costa Food",
        "Merimaskun kalasataman jäähuollon kehittäminen",
        "Saaristo NYT-hanke",
    ], "'Hankkeita:' over four headings, each over its own paragraph"


@pytest.mark.parametrize(
    ("heading", "name"),
    [
        ("Lumoavat kylät, alueellinen kehittämishanke 1.1.2022-", "Lumoavat kylät"),
        ("TwinLAG, kansainvälinen kehittämishanke 1.5.2020-", "TwinLAG"),
        (
            "Selville sosiaalityöstä, Aikuissosiaalityön kehittämishanke Keski-Suomen maakunnassa",
            "Selville sosiaalityöstä, Aikuissosiaalityön kehittämishanke Keski-Suomen maakunnassa",
        ),
        ("Kemi, Tornio ja Keminmaa", "Kemi, Tornio ja Keminmaa"),
    ],
)
def test_a_list_headings_kind_and_dates_are_no_part_of_the_name(heading: str, name: str) -> None:
    from hankkeet.reading.layouts.headlines import strip_kind

    assert strip_kind(heading) == name


# Batch 23's round.
@pytest.mark.parametrize(
    ("line", "why"),
    [
        ("July 2009 COWI A/S", "a report's date and its author"),
        ("Januari 2024", "a month and a year"),
        ("Perustelut", "a section of a decision"),
        ("Päätösehdotus:", "a section of a decision"),
    ],
)
def test_batch_23_lines_that_are_never_a_title(line: str, why: str) -> None:
    assert never_title(line) is not None, why
    assert not titleable(line), why


def test_a_headline_inviting_applications_is_a_call() -> None:
    page = INCOMING / "h23" / "not-project" / "h23-folkhalsomyndigheten-andt-2021.txt"
    result = parse_text(page.read_text(encoding="utf-8"), page.name)
    assert result.projects == [], "'Dags att ansöka om projektbidrag …': a call, no project"


def test_a_headline_over_an_unreadable_period_label_is_no_unsure_name() -> None:
    text = "Hanke X\n\nToiminta-aika: 1.1.1.1.1.1.1.1.1.1.1.1\n"
    for p in parse_text(text, "x.txt").projects:
        assert not any(d.code.value == "unsure-name" for d in p.diagnostics), (
            "a period label stands under the title, though it could not be read"
        )


# Batch 24's round.
@pytest.mark.parametrize(
    ("line", "why"),
    [
        ("Total projektbudget15 463 075 kr", "a register's label and amount run together"),
        ("Kokonaisbudjetti 120 000 €", "a label and its amount, no colon"),
        ("Myönnetty tuki 31 000 euroa", "an amount of euros"),
        ("Rahoituslinjaukset kaudelle 2023-2027", "a funder's guidelines, a document"),
    ],
)
def test_batch_24_lines_that_are_never_a_title(line: str, why: str) -> None:
    assert never_title(line) is not None, why
    assert not titleable(line), why


@pytest.mark.parametrize(
    ("line", "why"),
    [
        ("Kylä 2030", "a year at the end is no amount"),
        ("Hanke E18", "a road's number after no space is no amount"),
    ],
)
def test_names_that_end_in_a_number_may_be_titles(line: str, why: str) -> None:
    assert never_title(line) is None, why
    assert titleable(line), why


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("Hankkeen budjetti on 2.000-8.000 €.", "uncertain-fact"),
        ("Kaupungin osuus on 5 000–10 000 euroa.", "uncertain-fact"),
    ],
)
def test_a_range_of_amounts_in_a_sentence_is_no_amount(sentence: str, code: str) -> None:
    text = f"Testihanke\n\nHanke toteutetaan 1.1.2024-31.12.2025. {sentence}\n"
    (project,) = parse_text(text, "x.txt").projects
    assert project.project.budget is None and project.project.city_share is None, sentence
    assert code in {d.code.value for d in project.diagnostics}, sentence


@pytest.mark.parametrize(
    ("title", "first", "name", "why"),
    [
        (
            "ESF-projektet Yrke för alla",
            "Skolan är huvudman för projektet ”Yrke för alla”, som pågår 1.8.2020 – 30.4.2023.",
            "Yrke för alla",
            "the words before the name are its kind",
        ),
        (
            "Leader-hanke Kylätalo kuntoon",
            "Kylätalo kuntoon -hanke alkoi 1.1.2024.",
            "Kylätalo kuntoon",
            "a Finnish kind before the name",
        ),
        (
            "Lounais-Suomi rakentuu puusta - LSPUU",
            "LSPUU-hanke alkoi 1.1.2024.",
            "Lounais-Suomi rakentuu puusta - LSPUU",
            "the headline is the fuller form of the name, no kind before it",
        ),
    ],
)
def test_a_headlines_kind_before_the_name_is_no_part_of_it(
    title: str, first: str, name: str, why: str
) -> None:
    from hankkeet.reading.layouts.headlines import prose_name

    assert prose_name(title, [first]) == name, why


@pytest.mark.parametrize(
    ("title", "name", "why"),
    [
        (
            "TUKSU - Erityistä suojelua tarvitsevien tukeminen (TUKSU - Supporting People in Need)",
            "TUKSU - Erityistä suojelua tarvitsevien tukeminen",
            "the translation repeats the name's first word",
        ),
        ("Kasvualusta (MikroY)", "Kasvualusta (MikroY)", "an acronym"),
        (
            "Kylien kehittäminen (Pohjois-Savo ja Kainuu)",
            "Kylien kehittäminen (Pohjois-Savo ja Kainuu)",
            "brackets that are no translation",
        ),
    ],
)
def test_a_names_translation_in_brackets_is_no_part_of_it(title: str, name: str, why: str) -> None:
    from hankkeet.reading.lines import strip_translation

    assert strip_translation(title) == name, why


PAST_PROJECTS = """\
Aiemmat hankkeet

Alta löydät tietoa hankkeista, joita olemme vetäneet.

Kylän kerho -hanke toteutettiin 2016–2018. Hanke kokosi lapsiperheitä yhteen.

Toiminta jatkui hankkeen jälkeen vapaaehtoisvoimin. Hankkeen rahoitti STEA.

Rohkeasti yhdessä! -hanke toteutettiin 2019–2020. Hanke kiersi kouluissa.
"""


def test_paragraphs_that_open_with_a_name_and_its_years_are_each_a_project() -> None:
    projects = [p.project for p in parse_text(PAST_PROJECTS, "x.txt").projects]
    assert [(p.name, p.start, p.end) for p in projects] == [
        ("Kylän kerho", date(2016, 1, 1), date(2018, 12, 31)),
        ("Rohkeasti yhdessä!", date(2019, 1, 1), date(2020, 12, 31)),
    ], "a list of past projects in prose, each paragraph opening with a name and years"


CATEGORY_HEADING = """\
Regional development work

The university took part in 40 regional development work projects in 2020, most of them with firms.

Blue Harbour

The university coordinates Blue Harbour, a project on port logistics that began in 2021.

Green Fields

Green Fields is a project on farm energy, and the university leads its research.
"""


def test_a_heading_its_text_counts_as_a_kind_of_projects_is_no_project() -> None:
    names = [p.project.name for p in parse_text(CATEGORY_HEADING, "x.txt").projects]
    assert "Regional development work" not in names, "'… 40 regional development work projects'"
    assert names == ["Blue Harbour", "Green Fields"]


CALL_PAGE = """\
Kylien kehittämisen avustushaku

Mitä avustetaan

Kunta tukee avustuksilla kylien hankkeita, jotka lisäävät asukkaiden yhteistä toimintaa.

Avustus on enintään 5 000 euroa hanketta kohden, ja hankkeen on päätyttävä 31.12.2026.
"""


def test_a_headline_under_a_calls_title_is_no_project() -> None:
    result = parse_text(CALL_PAGE, "x.txt")
    assert result.projects == [], "'Mitä avustetaan' under '… avustushaku': a call's page"


SECTION_OF_PROJECTS = """\
Exempel på stöd

Här berättar vi om några föreningar som fått stöd.

Leaderprojekt möten och kultur

Byahuset

Föreningen rustar upp byahuset så att byn får en lokal för möten och kurser.

Ny scen

Byalaget bygger en scen vid badplatsen för sommarens konserter och teater.
"""


def test_headings_under_a_plural_heading_of_projects_are_each_a_project() -> None:
    names = [p.project.name for p in parse_text(SECTION_OF_PROJECTS, "x.txt").projects]
    assert names == ["Byahuset", "Ny scen"], "'Leaderprojekt …' heads a section of projects"


BULLETED_PROJECTS = """\
Rahoitetut hankkeet

Hallitus myönsi tukea kahdelle hankkeelle.

 • Kylätalo kuntoon
  Kokonaisbudjetti: 120 000 €
  Hakija: Kylän seura ry,
 • Uimaranta uusiksi
  Kokonaisbudjetti: 45 000 €
  Hakija: Rantakylän kyläyhdistys ry
"""


def test_a_lists_next_item_is_no_running_line_of_a_value() -> None:
    projects = [p.project for p in parse_text(BULLETED_PROJECTS, "x.txt").projects]
    assert [(p.name, p.budget) for p in projects] == [
        ("Kylätalo kuntoon", Decimal("120000")),
        ("Uimaranta uusiksi", Decimal("45000")),
    ], "'• Uimaranta uusiksi', indented no deeper than the label, is the list's next item"


def test_labels_again_with_no_heading_are_said() -> None:
    text = BULLETED_PROJECTS + "\nKokonaisbudjetti: 120 000 €\nHakija: Kylän seura ry\n"
    projects = parse_text(text, "x.txt").projects
    assert [p.project.name for p in projects] == ["Kylätalo kuntoon", "Uimaranta uusiksi"]
    assert "unsure-boundary" in {d.code.value for d in projects[-1].diagnostics}, (
        "a run of labels with no heading above it is read with the project above, and said"
    )


@pytest.mark.parametrize(
    ("text", "value", "why"),
    [
        ("656 340 € +   6 940 000 NOK", None, "a sum of parts in two currencies"),
        ("100 000 € + alv", None, "an amount before VAT is no total"),
        ("656 340 €", Decimal("656340"), "one amount"),
    ],
)
def test_a_sum_of_parts_is_no_total(text: str, value: Decimal | None, why: str) -> None:
    reading = read_money_field(text)
    assert reading.value == value, why
    assert (reading.problem is None) is (value is not None), why


RESEARCH_LIST = """\
Tutkimuksemme

Nuorten työpolut

Tavoite: Tutkimus seuraa nuorten siirtymiä koulusta työhön.

Toteutus: Kyselyaineisto ja rekisterit yhdistetään (vaihe I); mallinnus (vaihe II).

Aikataulu: 2019–2021

Tekijät: Anna Virtanen

Ikääntyvät yrittäjät

Tavoite: Selvitetään, miten yrittäjät valmistautuvat eläkkeeseen.

Toteutus: Puhelinhaastattelu, joka tehdään joka vuosi tuhannelle yrittäjälle.

Aikataulu: 2020–2022

Tekijät: Pekka Laine
"""


def test_a_label_of_other_things_between_a_heading_and_its_labels_is_the_runs() -> None:
    projects = [p.project for p in parse_text(RESEARCH_LIST, "x.txt").projects]
    assert [(p.name, p.start, p.end) for p in projects] == [
        ("Nuorten työpolut", date(2019, 1, 1), date(2021, 12, 31)),
        ("Ikääntyvät yrittäjät", date(2020, 1, 1), date(2022, 12, 31)),
    ], "'Tavoite: …' (a label of other things) stands between each heading and its period"


@pytest.mark.parametrize(
    ("title", "name", "why"),
    [
        (
            "§ 22 Kumppanuussopimus Verkostosta vetovoimaa -hankkeen toteuttamisesta",
            "Verkostosta vetovoimaa",
            "the agreement is the decision's subject, of the project",
        ),
        (
            "§ 5 Rahoitushakemus Kylä kuntoon -hankkeelle",
            "Kylä kuntoon",
            "an application for the project",
        ),
        (
            "§ 7 Selvitys kylien tulevaisuudesta -hanke",
            "Selvitys kylien tulevaisuudesta",
            "the project's own name, in its nominative",
        ),
    ],
)
def test_an_agenda_items_document_is_no_part_of_the_name(title: str, name: str, why: str) -> None:
    text = f"Kunnanhallitus 1.2.2024\n\n{title}\n\nHanke toteutetaan 1.3.2024–28.2.2026.\n"
    names = [p.project.name for p in parse_text(text, "x.txt").projects]
    assert names == [name], why


@pytest.mark.parametrize(
    ("text", "programmes", "why"),
    [
        (
            "projektstöd inom lokalt ledd utveckling, landsbygdsfonden",
            ["Leader"],
            "Swedish for community-led local development (whose fund Leader names)",
        ),
        ("stöd ur landsbygdsprogrammet", ["Maaseuturahasto"], "the rural development programme"),
        ("medfinansiering söks ur EU:s landsbygdsfond", ["Maaseuturahasto"], "indefinite form"),
        (
            "Europeiska jordbruksfonden för landsbygdsutveckling",
            ["Maaseuturahasto"],
            "the fund's official Swedish name",
        ),
        (
            "European Agricultural Fund for Rural Development (EAFRD)",
            ["Maaseuturahasto"],
            "its English name",
        ),
        (
            "Alueiden kestävän kasvun ja elinvoiman tukemiseen liittyvää rahoitusta",
            ["AKKE"],
            "AKKE by its long Finnish name",
        ),
    ],
)
def test_programmes_and_funds_by_their_other_names(
    text: str, programmes: list[str], why: str
) -> None:
    assert find_programmes(text) == programmes, why


@pytest.mark.parametrize(
    ("text", "funds", "why"),
    [
        ("Euroopan Unionin (Maaseudun kehittämisrahasto) varoin", ["Maaseuturahasto"], "short"),
        ("Euroopan maaseudun kehittämisen maatalousrahasto", ["Maaseuturahasto"], "official"),
        (
            "rahoituksen Manner-Suomen maaseudun maatalousrahastosta Leader-ryhmän kautta",
            ["Maaseuturahasto"],
            "'kehittämisen' left out (batch 41: a regional village association's page)",
        ),
    ],
)
def test_the_rural_fund_by_its_names(text: str, funds: list[str], why: str) -> None:
    assert find_funds(text) == funds, why


PRESS_RELEASE = """\
Nya medel till byahuset

Pressmeddelande   •   Mar 3, 2024 10:00 CET

Bild: Anna Berg.

Föreningen får 20 000 kronor för att bygga om köket i byahuset.

Tid: Klockan 10, den 5 mars
Plats: Byahuset, stora salen.
Deltagare: Ordförande Eva Lind.

När köket är klart kan byn ordna fler fester: alla är välkomna dit.
"""

ONE_WORD_ENTRIES = """\
Hankkeemme

Kylätalo: Hankkeessa korjattiin kylätalon katto ja ikkunat vuosina 2021–2022.

Venevaja: Hanke rakensi kylän rantaan uuden venevajan vuonna 2023.
"""


def test_a_releases_details_and_a_sentence_are_no_list_entries() -> None:
    names = [p.project.name for p in parse_text(PRESS_RELEASE, "x.txt").projects]
    assert not {"Bild", "Plats", "Deltagare", "Tid"} & set(names), names
    assert not any(n.startswith("När köket") for n in names), names


def test_one_word_entries_that_speak_of_their_project_are_kept() -> None:
    names = [p.project.name for p in parse_text(ONE_WORD_ENTRIES, "x.txt").projects]
    assert names == ["Kylätalo", "Venevaja"]


PAGE_OF_PROJECTS = """\
Sök

Landsbygdsprojekt

Kommunen äger några projekt som gäller landsbygden, och de presenteras här.

Bygdens hamn

I projektet renoveras hamnen i byn så att fler turister hittar dit.

Ny badplats

I projektet byggs en badplats med brygga och omklädningsrum vid sjön.
"""


def test_a_plural_heading_that_leads_in_is_no_project_itself() -> None:
    names = [p.project.name for p in parse_text(PAGE_OF_PROJECTS, "x.txt").projects]
    assert names == ["Bygdens hamn", "Ny badplats"], "'Landsbygdsprojekt' only leads in"


@pytest.mark.parametrize(
    ("title", "first", "name", "why"),
    [
        (
            "Porin kaupunki – Investoi jokikeskushankkeeseen",
            "Jokikeskus-hankkeessa kaupunki uudistaa joen rantoja.",
            "Jokikeskus",
            "the headline holds the name only inside a compound",
        ),
        (
            "Lounais-Suomi rakentuu puusta - LSPUU",
            "LSPUU-hanke alkoi 1.1.2024.",
            "Lounais-Suomi rakentuu puusta - LSPUU",
            "the headline holds the name as a word: its fuller form",
        ),
    ],
)
def test_a_headline_is_the_fuller_form_only_of_a_name_it_holds_as_words(
    title: str, first: str, name: str, why: str
) -> None:
    from hankkeet.reading.layouts.headlines import prose_name

    assert prose_name(title, [first]) == name, why


@pytest.mark.parametrize(
    ("lead", "rows", "names", "why"),
    [
        (
            "Föreningar kan söka stöd från projektet inom följande insatsområden:",
            ["Hållbar turism", "Service och infrastruktur", "Företagande"],
            [],
            "a Leader area's focus areas, not projects",
        ),
        (
            "Hankkeita rahoitetaan seuraavilla painopistealueilla:",
            ["Kylien palvelut", "Nuorten yrittäjyys", "Luonto ja matkailu"],
            [],
            "a funder's themes, not projects",
        ),
        (
            "Projects may be funded under the following priorities:",
            ["Green transition", "Skills and jobs", "Accessible services"],
            [],
            "an English call's priorities",
        ),
        (
            "Avustukset suunnataan ensi sijassa seuraaviin tarkoituksiin:",
            ["Museokokoelmien luettelointiin", "Perusnäyttelyiden uusimiseen"],
            [],
            "a grant's purposes, not projects",
        ),
        (
            "Rahoitusta myönnettiin seuraaville hankkeille:",
            ["Kylätalon korjaus", "Uimarannan laituri"],
            ["Kylätalon korjaus", "Uimarannan laituri"],
            "a lead-in to projects is still read",
        ),
    ],
)
def test_a_lead_in_to_areas_or_themes_lists_no_projects(
    lead: str, rows: list[str], names: list[str], why: str
) -> None:
    page = "\n".join(
        [
            "Maaseudun kehittäminen",
            "",
            "Kunta on mukana paikallisessa kehittämisessä, ja tällä sivulla kerrotaan siitä.",
            "",
            lead,
            "",
            *(f"  • {row}" for row in rows),
            "",
        ]
    )
    got = [p.project.name for p in parse_text(page, "x.txt").projects]
    assert [n for n in got if n in rows] == names, why


GRANTS_WITH_BRACKETS = """\
Kehittämisrahaston rahoituspäätökset

Hakemuksia käsiteltiin 14 kpl. Niistä toimikunta päätti rahoittaa seuraavat hankkeet:

  • Vesihuollon talouden nykytila, 31 000 €
  • VEPATUKI (Vesihuoltopalvelujen tutkimus-, kehittämis- ja innovaatioklusteri)
    20 000 €.
  • Verkoston kunnon seuranta, 18 000 €
"""


def test_a_list_entrys_name_keeps_a_comma_inside_its_brackets() -> None:
    names = [p.project.name for p in parse_text(GRANTS_WITH_BRACKETS, "x.txt").projects]
    assert names == [
        "Vesihuollon talouden nykytila",
        "VEPATUKI (Vesihuoltopalvelujen tutkimus-, kehittämis- ja innovaatioklusteri)",
        "Verkoston kunnon seuranta",
    ]


@pytest.mark.parametrize(
    ("text", "parts", "why"),
    [
        ("Kylätalo, 20 000 €", ["Kylätalo", "20 000 €"], "a plain comma parts"),
        ("A (b, c), d", ["A (b, c)", "d"], "a comma inside brackets does not"),
        ("A (b, c) (d, e), f, g", ["A (b, c) (d, e)", "f", "g"], "two brackets"),
        ("no comma", ["no comma"], "one part"),
    ],
)
def test_comma_parts(text: str, parts: list[str], why: str) -> None:
    from hankkeet.reading.text import comma_parts

    assert comma_parts(text) == parts, why


@pytest.mark.parametrize(
    ("value", "name", "title", "why"),
    [
        ("Stefan Malm VD", "Stefan Malm", "vd", "a Swedish title after the name"),
        ("projektipäällikkö Maija Virtanen", "Maija Virtanen", "projektipäällikkö", "before it"),
        ("Maija Virtanen", "Maija Virtanen", None, "a name alone"),
    ],
)
def test_a_name_fields_title_is_no_part_of_the_name(
    value: str, name: str, title: str | None, why: str
) -> None:
    page = (
        "Kylätalon korjaus\n\nRahoitus ja ohjelma: Leader\nToiminta-aika: 1.1.2020–31.12.2021\n"
        f"Budjetti koko toiminta-ajalle: 20 000 €\nYhteyshenkilön nimi: {value}\n"
    )
    (project,) = parse_text(page, "x.txt").projects
    assert [(c.name, c.title) for c in project.project.contacts] == [(name, title)], why


BOARD_BULLETIN = """\
Kunnanhallituksen kokoustiedote 3.5.2023

Kunnanhallitus käsitteli kokouksessaan 3.5.2023 seuraavat asiat:

Kunta vastustaa uuden voimalinjan reittiä

Tuulipuistojen voimalinja voisi kulkea kunnan läpi. ELY-keskus pyysi lausuntoa hankkeesta.

Kunnanhallitus katsoo, että reitti kulkisi liian lähellä kylän taloja.

Leader-ryhmän toimintaan osallistutaan 120 000 eurolla

Kunta osallistuu 120 000 eurolla Leader-ryhmän strategian toteutukseen vuosina 2023–2027.
"""


def test_a_meeting_bulletins_subject_heading_is_no_project() -> None:
    assert parse_text(BOARD_BULLETIN, "x.txt").projects == []


def test_a_bulletins_subject_that_names_its_project_is_kept() -> None:
    page = BOARD_BULLETIN.replace(
        "ELY-keskus pyysi lausuntoa hankkeesta.",
        "Kylänraitti-hanke sai kunnalta 12 000 euron rahoituksen vuosille 2023–2024.",
    )
    names = [p.project.name for p in parse_text(page, "x.txt").projects]
    assert names and all("Kylänraitti" in n or "voimalinjan" in n for n in names), names


@pytest.mark.parametrize(
    ("text", "budget", "why"),
    [
        (
            "Kylän kuntoportaiden kustannusarvio oli 2 499 euroa. Kustannusarvio nousi "
            "myöhemmin 15 prosentilla, kun portaita levennettiin.",
            None,
            "the estimate rose afterwards: not the final budget",
        ),
        (
            "Sillan korjaukseen haetaan lisäavustusta, koska kustannusarvio ylittyi 6 000 "
            "eurolla. Hankkeen kokonaisbudjetti oli 60 000 euroa.",
            None,
            "an overrun said: the amount may not be the final one",
        ),
        (
            "Hankkeen kokonaisbudjetti on 60 000 euroa. Kävijämäärä kasvoi viime vuonna.",
            Decimal("60000"),
            "a change of something else leaves the budget alone",
        ),
    ],
)
def test_a_budget_the_text_says_changed_is_not_taken(
    text: str, budget: Decimal | None, why: str
) -> None:
    from hankkeet.reading.prose import read_prose

    reading = read_prose([(3, text)])
    got = reading.budget.value if reading.budget is not None else None
    assert got == budget, why
    if budget is None:
        assert any(p.code is Code.UNCERTAIN_FACT for p, _line, _f in reading.problems), why


@pytest.mark.parametrize(
    ("heading", "why"),
    [
        ("Prioriterade och beviljade projekt", "a Swedish plural participle before 'projekt'"),
        ("Avslutade projekt", "one participle"),
    ],
)
def test_a_swedish_plural_heading_that_leads_in_is_no_project(heading: str, why: str) -> None:
    page = PAGE_OF_PROJECTS.replace("Landsbygdsprojekt", heading)
    names = [p.project.name for p in parse_text(page, "x.txt").projects]
    assert names == ["Bygdens hamn", "Ny badplats"], why


@pytest.mark.parametrize(
    ("text", "people", "why"),
    [
        (
            "Porin Satama Oy:n toimitusjohtaja Vesa Mäkilä, +358 44 7012601",
            [("Vesa Mäkilä", "toimitusjohtaja")],
            "a company in the genitive before its person: whose, not who",
        ),
        (
            "Satama Oy.n kehityspäällikkö Kai Heinonen, kai.heinonen@example.fi",
            [("Kai Heinonen", "kehityspäällikkö")],
            "the genitive mistyped with a dot",
        ),
        (
            "Kyläyhdistys ry:n puheenjohtaja Liisa Laine",
            [("Liisa Laine", "puheenjohtaja")],
            "an association's",
        ),
        ("Företagshuset Dynamo Ab:s VD Stefan Malm", [("Stefan Malm", "vd")], "a Swedish one"),
        (
            "Helena Zimmer, Hushållningssällskapet Norrbotten-Västerbotten",
            [("Helena Zimmer", None)],
            "an organisation after its person, named by what it is first: whose, not who",
        ),
        (
            "Anna Berg, Länsstyrelsen Norrbotten",
            [("Anna Berg", None)],
            "a Swedish authority so",
        ),
    ],
)
def test_an_organisation_in_the_genitive_is_no_contacts_name(
    text: str, people: list[tuple[str, str]], why: str
) -> None:
    assert [(c.name, c.title) for c in read_contacts(text).contacts] == people, why


ROLES_CHART = """\
Project organisation

Project Management and Administration (WP1) Reference Board Leader: SLU Group

Information and Communication (WP2) Leader: BSAG

Kylätalon kunnostus: Hankkeessa korjataan kylätalon katto vuonna 2024.

Rantasauna: Hanke rakentaa kylän rantaan saunan vuonna 2025.
"""


def test_a_head_that_ends_with_a_role_is_no_list_entry() -> None:
    names = [p.project.name for p in parse_text(ROLES_CHART, "x.txt").projects]
    assert not any("WP" in n for n in names), names
    assert names == ["Kylätalon kunnostus", "Rantasauna"], names


@pytest.mark.parametrize(
    ("text", "years", "period", "why"),
    [
        (
            "Liedossa lähti maaliskuussa 2022 käyntiin kaksivuotinen kylähanke.",
            (2022, 2023),
            None,
            "began in March of the title's first year: 1 January would be made up",
        ),
        (
            "The project started in March 2022 and runs for two years.",
            (2022, 2023),
            None,
            "the same in English",
        ),
        (
            "Kylähanke on kaksivuotinen, ja sen kyselyt tehtiin maaliskuussa 2022.",
            (2022, 2023),
            (date(2022, 1, 1), date(2023, 12, 31)),
            "a month of something else, not the start: the title's years stand",
        ),
        (
            "Kuivina kausina, kuten vuonna 1999 ja vuosina 2002–2003, vedestä oli pulaa.",
            None,
            None,
            "years given as an example of droughts, not the project's time",
        ),
        (
            "Hanke toteutetaan vuosina 2024–2026.",
            None,
            (date(2024, 1, 1), date(2026, 12, 31)),
            "the project's own years stand",
        ),
    ],
)
def test_a_prose_period_is_left_empty_when_its_start_or_years_are_not_the_projects(
    text: str, years: tuple[int, int] | None, period: tuple[date, date] | None, why: str
) -> None:
    from hankkeet.reading.prose import read_prose

    reading = read_prose([(3, text)], years)
    got = reading.period.period if reading.period is not None else None
    assert got == period, why


ACCOUNTS_NEWS = """\
Kunta teki ylijäämäisen tuloksen vuodelta 2022

Kunnan tulos oli vuonna 2022 ylijäämäinen. Kunnanhallitus käsitteli tilinpäätöstä maanantaina.

Rakentamisprojekti sujui hyvin: kustannukset jäivät noin 200 000 euroa arviota pienemmiksi.
"""


@pytest.mark.parametrize(
    ("headline", "projects", "why"),
    [
        ("Kunta teki ylijäämäisen tuloksen vuodelta 2022", 0, "a municipality's accounts"),
        ("Kommunens bokslut visar överskott för 2022", 0, "the same in Swedish"),
        ("Kunnalle tasapainoinen budjetti – ensi vuonna rakennetaan paljon", 0, "its budget"),
        ("Talousarvio 2018 valmistui", 0, "the same, by its official word"),
    ],
)
def test_a_headline_about_accounts_is_no_project(headline: str, projects: int, why: str) -> None:
    page = ACCOUNTS_NEWS.replace("Kunta teki ylijäämäisen tuloksen vuodelta 2022", headline)
    assert len(parse_text(page, "x.txt").projects) == projects, why


PROJECT_WORK_PAGE = """\
Projektverksamhet vid skolan
Genom projekt med extern finansiering utvecklar skolan utbildningen. Varje projekt har egna mål.
Avslutade projekt:
Hållbar utbildning för småföretag
Projekttid: 30.6.2022-31.12.2025
Projektet ska höja kunnandet om kretsloppsekonomi i små företag.
"""


def test_a_heading_over_a_projects_period_names_it_under_a_headline_that_names_none() -> None:
    (project,) = parse_text(PROJECT_WORK_PAGE, "x.txt").projects
    assert project.project.name == "Hållbar utbildning för småföretag"
    assert (project.project.start, project.project.end) == (date(2022, 6, 30), date(2025, 12, 31))


@pytest.mark.parametrize(
    ("line", "why"),
    [
        ("Suomen Satamaliitto ry, 24.10.2019", "an association and the day it wrote"),
        ("Jenni Kylänpää, 1. 2. 2020", "a writer and a spaced date"),
        ("Keskisuomalainen, Meidän juttu, 2019-01", "a paper, its section and the month"),
    ],
)
def test_a_byline_is_never_a_title(line: str, why: str) -> None:
    assert not titleable(line) and never_title(line) == "a byline: who wrote it, and when", why


@pytest.mark.parametrize(
    ("line", "why"),
    [
        ("Kylätalo, 2019-2021", "a name and its years"),
        ("Kylätalo, 2019", "a name and a year"),
    ],
)
def test_a_name_with_its_years_is_no_byline(line: str, why: str) -> None:
    assert titleable(line), why


def test_a_headline_with_a_byline_under_it_names_the_page() -> None:
    page = (
        "Kokkolaan ja Raumalle EU-rahoitusta\n\nSatamaliitto ry, 24.10.2019\n\n"
        "Kaksi satamaa sai EU:n hakukierroksella yhteisrahoitusta yhteensä 3,9 miljoonaa "
        "euroa.\n\nKokkolan sataman hankkeessa laiturialuetta laajennetaan. EU-osuus on "
        "1,44 miljoonaa euroa.\n\nRauman sataman hankkeessa rakennetaan uusi "
        "rahdinkäsittelyalue. EU-osuus on 2,44 miljoonaa euroa.\n"
    )
    names = [p.project.name for p in parse_text(page, "x.txt").projects]
    assert "Satamaliitto ry, 24.10.2019" not in names, names


RESEARCH_CALL = """\
Hakuohje

Tutkimusmäärärahan haku alueen tutkimustoimikunnalta
Määrärahaa voivat hakea kunnat. Hakemuksen taustalla on oltava tutkimushanke ja sen ryhmä.
Hakemusten on oltava perillä 15.6.2018 mennessä.
Lisätiedot
Tutkimusjohtaja Anne Pitkäranta, puh. 040 643 0511
"""


def test_a_call_for_research_money_is_no_project() -> None:
    assert parse_text(RESEARCH_CALL, "x.txt").projects == []


@pytest.mark.parametrize(
    ("line", "card", "why"),
    [
        ("Hankkeen tiedot", True, "a card's heading"),
        ("Kehittämishankkeen tiedot", True, "a compound before it still is"),
        (
            "Kohti työtä ja koulutusta -työllisyyshankkeen tiedote",
            False,
            "'tiedote' (a release) only starts with 'tiedot'",
        ),
    ],
)
def test_a_card_heading_ends_a_word(line: str, card: bool, why: str) -> None:
    from hankkeet.reading.lines import is_card_heading

    assert is_card_heading(line) is card, why


@pytest.mark.parametrize(
    ("text", "period", "why"),
    [
        ("syyskuu 2022 – syyskuu 2023", None, "Finnish months without days: not whole years"),
        ("syyskuussa 2022 - 2023", None, "a month in another case"),
        ("2022–2023", (date(2022, 1, 1), date(2023, 12, 31)), "years alone stay whole years"),
    ],
)
def test_a_period_of_finnish_months_is_not_read_as_whole_years(
    text: str, period: tuple[date, date] | None, why: str
) -> None:
    reading = read_period(text)
    got = (reading.start, reading.end) if reading.start is not None else None
    assert got == period, why


def test_a_summary_written_as_a_list_starts_with_its_text() -> None:
    page = (
        "Kylätalon korjaus\n\nRahoitus ja ohjelma: Leader\nToiminta-aika: 1.1.2020–31.12.2021\n"
        "Budjetti koko toiminta-ajalle: 20 000 €\nTiivistelmä:\n"
        "• Kylätalon katto korjataan.\n• Ikkunat vaihdetaan.\n"
    )
    (project,) = parse_text(page, "x.txt").projects
    assert (project.project.summary or "").startswith("Kylätalon katto"), project.project.summary


# A list page of finished projects, each under a heading that opens with its years.
YEARS_FIRST_PAGE = (
    "Päättyneet hankkeet\n\nKehittämishankkeet 2010–2021\n\n"
    "{first}\n\nKuppi nurin -hanke tuki perheitä, joita päihdeongelma koskettaa.\n\n"
    "Hankkeessa\n\n • koottiin tietoa\n • tehtiin oppaita.\n\n"
    "{second}\n\nOpastava-hanke kutsui kokemusasiantuntijat mukaan palvelujen suunnitteluun.\n"
)


@pytest.mark.parametrize(
    ("first", "second", "why"),
    [
        ("2017-2021 Kuppi nurin -hanke", "2012-2016 Opastava-hanke", "years before the name"),
        ("2017–2021: Kuppi nurin -hanke", "(2012–2016) Opastava-hanke", "a colon, brackets"),
    ],
)
def test_a_list_heading_that_opens_with_its_years(first: str, second: str, why: str) -> None:
    page = YEARS_FIRST_PAGE.format(first=first, second=second)
    got = [
        (p.project.name, p.project.start, p.project.end) for p in parse_text(page, "x.txt").projects
    ]
    assert got == [
        ("Kuppi nurin -hanke", date(2017, 1, 1), date(2021, 12, 31)),
        ("Opastava-hanke", date(2012, 1, 1), date(2016, 12, 31)),
    ], why


@pytest.mark.parametrize(
    ("title", "years", "why"),
    [
        ("2017-2021 Kuppi nurin -hanke", (2017, 2021), "a range before the name"),
        ("2017 Kuppi nurin -hanke", None, "one year before a name: no range, no period"),
        ("2017–2021", None, "years alone"),
        ("FRESHABIT LIFE IP –hanke (2016-2022)", (2016, 2022), "years in brackets: no months"),
        ("Kylätalo (2022-09/2024)", None, "months in brackets: a note, no years"),
    ],
)
def test_years_a_heading_opens_with(title: str, years: tuple[int, int] | None, why: str) -> None:
    assert years_of(title) == years, why


@pytest.mark.parametrize(
    "heading", ["Hankkeessa", "Projektet", "Hanke"], ids=["inessive", "Swedish", "generic"]
)
def test_the_project_word_alone_heads_no_project(heading: str) -> None:
    page = YEARS_FIRST_PAGE.format(
        first="2017-2021 Kuppi nurin -hanke", second="2012-2016 Opastava-hanke"
    ).replace("Hankkeessa", heading)
    names = [p.project.name for p in parse_text(page, "x.txt").projects]
    assert names == ["Kuppi nurin -hanke", "Opastava-hanke"]


@pytest.mark.parametrize(
    ("page", "name", "why"),
    [
        (
            "Sid 1 (12)\n\nProjektnamn\nBlekinge Utveckling i Samverkan\n\nSlutrapport\n\n"
            "Sammanfattning\nProjektet har arbetat med småföretag.\n",
            "Blekinge Utveckling i Samverkan",
            "a Swedish form: the name under its label, a page number and a document heading",
        ),
        (
            "Loppuraportti\n\nHankkeen nimi\nKylien digituki\n\nTiivistelmä\nHankkeessa tehtiin.\n",
            "Kylien digituki",
            "a Finnish form under a document's heading",
        ),
    ],
)
def test_a_name_under_its_label_names_a_forms_project(page: str, name: str, why: str) -> None:
    names = [p.project.name for p in parse_text(page, "x.txt").projects]
    assert names == [name], why


@pytest.mark.parametrize(
    ("text", "summary", "why"),
    [
        (
            "Ge en sammanfattande beskrivning av projektidé. Projektet har arbetat med småföretag.",
            "Projektet har arbetat med småföretag.",
            "a Swedish form's instruction",
        ),
        (
            "Kuvaile hankkeen tulokset: Kylille tehtiin verkkosivut.",
            "Kylille tehtiin verkkosivut.",
            "a Finnish one, ending in a colon",
        ),
        (
            "Anna Virtanen veti kyläkoulutuksia. Kylille tehtiin verkkosivut.",
            "Anna Virtanen veti kyläkoulutuksia. Kylille tehtiin verkkosivut.",
            "'Anna' is a name here, and no verb the list holds",
        ),
    ],
)
def test_a_forms_instruction_is_no_part_of_its_summary(text: str, summary: str, why: str) -> None:
    page = (
        "Kylätalon korjaus\n\nRahoitus ja ohjelma: Leader\nToiminta-aika: 1.1.2020–31.12.2021\n"
        f"Budjetti koko toiminta-ajalle: 20 000 €\nTiivistelmä: {text}\n"
    )
    (project,) = parse_text(page, "x.txt").projects
    assert project.project.summary == summary, why


@pytest.mark.parametrize("line", ["Sid 1 (12)", "Sivu 2/5", "Page 1 of 12", "Sivu 3"])
def test_a_page_number_is_never_a_title(line: str) -> None:
    assert never_title(line) == "a page number"
    assert not titleable(line)


FOUNDATION_PAGE = """\
{headline}

{headline}

Pienvesi-HELMI-hankkeessa pienvesiä ennallistetaan vuosina 2022 ja 2023.

Hanketta koordinoi Suomen vesistösäätiö. Hankkeen kokonaisbudjetti on 494 000 euroa.
"""


@pytest.mark.parametrize(
    ("headline", "name", "why"),
    [
        (
            "Pienvesi-HELMI vipuvartena ennallistamistoiminnan lisäämisessä",
            "Pienvesi-HELMI",
            "the name, then a phrase about it in lower case: the text's name",
        ),
        (
            "Pienvesi-HELMI sai rahoitusta ennallistamiseen",
            "Pienvesi-HELMI sai rahoitusta ennallistamiseen",
            "a sentence: the headline stays (a text's name may be cut short)",
        ),
        (
            "Pienvesi-HELMI – Pienvesien ennallistamisen vipuvarsi",
            "Pienvesi-HELMI – Pienvesien ennallistamisen vipuvarsi",
            "a dash and a capital: the fuller name",
        ),
    ],
)
def test_a_headline_that_opens_with_the_name_and_a_phrase(
    headline: str, name: str, why: str
) -> None:
    page = FOUNDATION_PAGE.format(headline=headline)
    assert [p.project.name for p in parse_text(page, "x.txt").projects] == [name], why


@pytest.mark.parametrize(
    ("headline", "name", "why"),
    [
        ("Tulosta laadulla -hanke", "Tulosta laadulla -hanke", "a chrome word before lower case"),
        ("Ajankohtaista Kylätalo kuntoon -hanke", "Kylätalo kuntoon -hanke", "before a capital"),
    ],
)
def test_a_chrome_word_that_opens_a_name(headline: str, name: str, why: str) -> None:
    page = (
        f"{headline}\n\n{name} sai rahoituksensa Opetushallitukselta. Hanke toteutettiin "
        "1.1.2020–31.12.2021.\n"
    )
    assert [p.project.name for p in parse_text(page, "x.txt").projects] == [name], why


def test_a_heading_over_a_period_line_is_said_unread() -> None:
    page = (
        "Tulosta laadulla -hanke\n\nTulosta laadulla -hanke sai rahoituksensa "
        "Opetushallitukselta.\n\nAikataulu:\n\n1.1.2020 – 31.12.2021\n\n"
        "Työelämän rajapinta koulutuksen ytimessä – TYRSKY\n\n1.9.2020 – 31.8.2023\n\n"
        "Hankkeessa kehitetään koulutuksen ja työelämän yhteistyötä.\n"
    )
    result = parse_text(page, "x.txt")
    said = [
        (d.line, d.message.values().get("name"))
        for d in result.diagnostics
        if d.code is Code.UNSURE_BOUNDARY
    ]
    assert said == [(9, "Työelämän rajapinta koulutuksen ytimessä – TYRSKY")]


def test_a_headline_about_many_projects_that_no_reader_splits_makes_none() -> None:
    page = (
        "All Projects\n\nOngoing Projects\n\nHow are we doing? Annual review of values\n\n"
        "Duration: 2022-\n\nAn annual review of the values and attitudes of Finns.\n\n"
        "Tags\nRead more\nYoung People as Future Makers\n\nDuration: 2023–2024\n\n"
        "The project looks at young people in the border areas.\n"
    )
    result = parse_text(page, "x.txt")
    assert [p.project.name for p in result.projects] == []
    assert [(d.code, d.line) for d in result.diagnostics][:1] == [(Code.UNSURE_BOUNDARY, 1)]


@pytest.mark.parametrize("word", ["Transkriptio", "Transkript", "Transcription"])
def test_a_document_sites_word_over_its_transcript_is_no_name(word: str) -> None:
    page = (
        "KYLÄTALON NUORTEN NURKKA\n\nKoko: px\nAloita esitys sivulta:\n\n"
        f'Download "KYLÄTALON NUORTEN NURKKA"\n\n{word}\n\n'
        "1 KYLÄTALON NUORTEN NURKKA Loppuraportti KYLÄN 4H-YHDISTYS RY\n\n"
        "2 1. Hankkeen toteuttaja Kylän 4H-yhdistys ry 2. Hankkeen nimi Kylätalon nuorten "
        "nurkka Yhteenveto hankkeesta Hankkeessa perustettiin nuorten ryhmiä kylätaloille. "
        "Hanke toteuttaa Manner-Suomen maaseudun kehittämisohjelman Leader-toimintalinjaa.\n"
    )
    names = [p.project.name for p in parse_text(page, "x.txt").projects]
    assert word not in names


@pytest.mark.parametrize(
    ("sentence", "period", "said", "why"),
    [
        (
            "Kunnostustyöt tehdään 1.1.2018-31.12.2019.",
            None,
            "2016–2022",
            "a sentence's period in other years than the title's: neither is taken",
        ),
        (
            "Tavastia Blueways -vesistömatkailuhanke 1.1.2018-31.12.2019",
            (date(2016, 1, 1), date(2022, 12, 31)),
            "Tavastia Blueways",
            "the other years follow another project's name: the title's years are the period",
        ),
    ],
)
def test_a_sentences_period_in_other_years_than_the_titles_is_not_taken(
    sentence: str, period: tuple[date, date] | None, said: str, why: str
) -> None:
    page = (
        "Hankkeet\n\nFRESHABIT LIFE IP –hanke (2016-2022)\n\n"
        "Vanajaveden alueella hankkeessa kunnostetaan lintuvesiä. Hanketta koordinoi "
        f"Vanajavesisäätiö.\n\n{sentence}\n"
    )
    (project,) = parse_text(page, "x.txt").projects
    got = None if project.project.start is None else (project.project.start, project.project.end)
    assert got == period, why
    assert any(
        d.code is Code.UNCERTAIN_FACT and said in d.message.text(Language.EN)
        for d in project.diagnostics
    ), why


LEADER_FINISHED = """\
{heading}

Här presenteras kort de projekt som har avslutats. Kontakta oss om du vill veta mer.

PROJEKT ÄGDA AV EXTERNA AKTÖRER

Förstudie för ett levande Folkets Hus – Slutredovisat

Projektet ville göra Folkets Hus till en mötesplats för föreningar och kulturliv.

Nordenskiöldsloppet – Avslutat

Projektet skulle stärka besöksnäringen kring loppet med fler gästnätter i området.
"""


@pytest.mark.parametrize(
    "heading", ["Genomförda projekt", "Avslutade projekt"], ids=["done", "finished"]
)
def test_a_list_of_finished_projects_under_a_plural_heading(heading: str) -> None:
    page = LEADER_FINISHED.format(heading=heading)
    names = [p.project.name for p in parse_text(page, "x.txt").projects]
    assert names == ["Förstudie för ett levande Folkets Hus", "Nordenskiöldsloppet"]


@pytest.mark.parametrize(
    ("title", "bare", "why"),
    [
        ("Nordenskiöldsloppet – Slutredovisat", "Nordenskiöldsloppet", "a state after a dash"),
        ("Kylätalo kuntoon - päättynyt", "Kylätalo kuntoon", "in Finnish, a hyphen"),
        ("Kylätalo – Elävä kylä", "Kylätalo – Elävä kylä", "a subtitle stays"),
    ],
)
def test_a_titles_state_after_a_dash_is_no_part_of_the_name(
    title: str, bare: str, why: str
) -> None:
    from hankkeet.reading.lines import strip_note

    assert strip_note(title) == bare, why


CITY_PROJECTS = """\
Hankkeet

Tällä sivulla esitellään kaupungin hankkeita. Luetteloa päivitetään sitä mukaa kuin tietoja kertyy.

Kaupungin omat hankkeet

Wiitaseudun logistiikkakeskus Wiilo
Hankkeen verkkosivu
Investoinnilla parannetaan seudun yritysten kasvumahdollisuuksia ja rakennetaan alueen infra.
Rahoitus JTF, hankekuvaus
Toteutusaika 1.9.2023-31.12.2025

Viitasaaren vesistömatkailun investointihanke
Hankkeen verkkosivu
Investoinnilla parannetaan vesistömatkailun palveluja ja rakennetaan laitureita.
Rahoitus JTF, hankekuvaus
Toteutusaika 1.9.2023-30.6.2026
"""


def test_a_paragraph_that_opens_with_its_name_over_its_labels() -> None:
    got = [
        (p.project.name, p.project.start, p.project.end, p.project.programme)
        for p in parse_text(CITY_PROJECTS, "x.txt").projects
    ]
    assert got == [
        ("Wiitaseudun logistiikkakeskus Wiilo", date(2023, 9, 1), date(2025, 12, 31), "JTF"),
        (
            "Viitasaaren vesistömatkailun investointihanke",
            date(2023, 9, 1),
            date(2026, 6, 30),
            "JTF",
        ),
    ]


def test_a_section_heading_of_projects_over_a_label_run_names_none() -> None:
    """A research society's list page (batch 35): 'SKS:n hankkeet' over a list of four
    projects and a funding label, 'Organisaatio' over a list of people."""
    page = Path(__file__).parent / "incoming/h35/list-page/h35-sks-valmistuneet-hankkeet.txt"
    names = [p.project.name for p in parse_text(page.read_text("utf-8"), "x.txt").projects]
    assert not {"SKS:n hankkeet", "Organisaatio"} & set(names)


def test_a_headline_over_a_text_that_names_other_projects_is_an_unsure_name() -> None:
    page = (
        "Säätiölle avustuksia nuorten hyvinvoinnin tukemiseen\n\n"
        "Ministeriö on päättänyt vuoden 2022 avustuksista. Uutena rahoitusta sai Hymis-hanke, "
        "ja viime vuonna alkanut Asumisen ajokortti -hanke jatkuu 1.1.2021–31.12.2023.\n"
    )
    (project,) = parse_text(page, "x.txt").projects
    assert any(d.code is Code.UNSURE_NAME for d in project.diagnostics)


@pytest.mark.parametrize(
    ("line", "why"),
    [
        ("Veera Holappa ja Henna Busk", "two researchers joined by 'ja'"),
        ("Anna Berg och Maria Lind", "in Swedish"),
        ("Matti Virtanen, Liisa Laine ja Pekka Koski", "three, with a comma"),
    ],
)
def test_people_alone_on_a_line_are_never_a_title(line: str, why: str) -> None:
    assert never_title(line) == "a person's name", why
    assert not titleable(line), why


def test_a_word_that_led_to_the_years_goes_with_them() -> None:
    from hankkeet.reading.layouts.headlines import strip_years

    assert strip_years("Potkua Pogostalle - matkailuhanke vuosina 2024-2025") == (
        "Potkua Pogostalle - matkailuhanke"
    )
    assert strip_years("Kylätalo 2020–2021") == "Kylätalo"


@pytest.mark.parametrize(
    ("text", "names", "why"),
    [
        (
            "Liitto on yksi toteuttajista Priodiversity LIFE -hankkeessa, joka kestää.",
            ["Priodiversity LIFE"],
            "a LIFE project's name ends with the programme's, in capitals",
        ),
        ("Kunta haki rahoitusta LIFE-hankkeelle.", [], "the programme alone names no project"),
    ],
)
def test_a_life_projects_name(text: str, names: list[str], why: str) -> None:
    assert hanke_names(text) == names, why


def test_a_heading_quoted_whole_names_its_project_without_the_quotes() -> None:
    page = (
        "Våra projekt\n\nVi driver flera projekt på landsbygden, och här berättar vi om dem.\n\n"
        "Doktorandprojekt\n\n“Platsens roll i unga vuxnas politik”\n\n"
        "Doktorandprojektet Platsens roll i unga vuxnas politik pågår 1.1.2020–31.12.2023 vid "
        "universitetet.\n\nRättvis tillgänglighet på landsbygden\n\nProjektet Rättvis "
        "tillgänglighet på landsbygden pågår 1.1.2021–31.12.2022.\n"
    )
    names = [p.project.name for p in parse_text(page, "x.txt").projects]
    assert "Platsens roll i unga vuxnas politik" in names


@pytest.mark.parametrize(
    "headline",
    [
        "Simpan majan viereen nousee Etelä-Siilinjärven asukastalo",
        "Kirjasto valmistuu ensi kesänä",
        "Uimahalli avataan syksyllä",
        "Nytt allaktivitetshus byggs i byn",
    ],
)
def test_a_headline_of_what_a_building_does_is_a_sentence(headline: str) -> None:
    assert sentence_headline(headline)


@pytest.mark.parametrize(
    ("headline", "names", "why"),
    [
        (
            "DIGIDIA-hanke pureutuu uusiin kansalaistaitoihin",
            ["DIGIDIA"],
            "the headline names its project by its '-hanke': a project, though no fact is stated",
        ),
        ("Digitaidot ovat uusia kansalaistaitoja", [], "no name, no fact: no project"),
    ],
)
def test_a_headline_that_names_its_project_is_evidence_of_one(
    headline: str, names: list[str], why: str
) -> None:
    page = (
        f"{headline}\n\nDigitaidot ovat uusia kansalaistaitoja, ja hankkeessa niitä "
        "kehitetään yhdessä järjestöjen kanssa.\n\nHankkeessa tehdään oppaita ja videoita.\n"
    )
    got = [p.project.name for p in parse_text(page, "x.txt").projects]
    assert got == names, why


KOHESIO_ITEM = """\
TUKEE!
126,232 Euro
210,801.0 Euro
59.88 percent
1 September 2017
31 May 2020
Satakunnan ammattikorkeakoulu Oy
Nuoret osallistetaan palvelujen kehittämiseen, ja hanke kokeilee uusia työtapoja.
"""


@pytest.mark.parametrize(
    ("page", "want", "why"),
    [
        (
            KOHESIO_ITEM,
            ("TUKEE!", Decimal("210801.0"), date(2017, 9, 1), date(2020, 5, 31)),
            "a register item's statements: the larger amount the total, the days in order",
        ),
        (
            KOHESIO_ITEM.replace("TUKEE!", "DIGIDIA — Digital skills (Q3759682)\n\nStatements\n"),
            ("DIGIDIA — Digital skills", Decimal("210801.0"), date(2017, 9, 1), date(2020, 5, 31)),
            "the register's own id after the name is no part of it",
        ),
    ],
)
def test_a_register_items_statements(page: str, want: tuple[object, ...], why: str) -> None:
    (project,) = parse_text(page, "x.txt").projects
    p = project.project
    assert (p.name, p.budget, p.start, p.end) == want, why


def test_amounts_without_a_rate_are_no_register_item() -> None:
    page = KOHESIO_ITEM.replace("59.88 percent\n", "")
    assert all(p.project.budget != Decimal("210801.0") for p in parse_text(page, "x.txt").projects)


def test_a_headline_that_is_the_name_the_opening_gives_with_its_project_word() -> None:
    page = (
        "Healthy Boost\n\nInterreg Baltic Sea Region. European Regional Development Fund.\n\n"
        "Healthy Boost -projekti kokoaa kumppaneita seitsemästä maasta parantamaan "
        "kaupunkien keinoja edistää asukkaiden hyvinvointia.\n\nHanke jatkuu vuoden loppuun.\n"
    )
    assert [p.project.name for p in parse_text(page, "x.txt").projects] == ["Healthy Boost"]


@pytest.mark.parametrize(
    ("page", "name", "why"),
    [
        (
            "Promoting digital skills among diabetes patients\n\n"
            "Tampere University of Applied Sciences\n\n"
            "The project will train citizens to use digital health services, and it is run "
            "together with the city and the patients' association.\n\n"
            "Funding source\n\nEuroopan sosiaalirahasto (ESR) 2014-2020\n",
            "Promoting digital skills among diabetes patients",
            "the university under the headline is its publisher (a linkage page)",
        ),
        (
            "Kyläkoulun uusi elämä\n\nLeppälän kyläyhdistys\n\n"
            "Hankkeessa vanha kyläkoulu kunnostetaan kylätaloksi, ja talkoisiin osallistuu "
            "koko kylä kesän aikana.\n\nHanke saa Leader-tukea 1.6.2022–31.5.2024.\n",
            "Kyläkoulun uusi elämä",
            "an association under the headline, in Finnish",
        ),
    ],
)
def test_an_organisations_name_under_the_headline_is_its_byline(
    page: str, name: str, why: str
) -> None:
    assert [p.project.name for p in parse_text(page, "x.txt").projects] == [name], why


def test_an_english_list_of_projects_with_time_period_and_project_leader() -> None:
    """'Time period 2022-2024' is a period's label and 'Project Leader: …' a contact's, as
    'Project period' and 'Projektledare' are (batch 39: a university's list of the projects
    it funds; the first was named 'Time' and the others missed)."""
    page = (
        "Eight projects receive funding from the rector\n\n"
        "Robotic Welding Lab\n\nTime period 2022-2024\n\n"
        "The project builds a shared welding cell for teaching and for applied research "
        "with the region's companies.\n\nProject Leader: Anna Berg\n\n"
        "Open Course Paths\n\nTime period 2023-2025\n\n"
        "The project opens the engineering courses to working professionals, taught and "
        "examined in flexible ways.\n\nProject Leader: Olli Nurmi\n"
    )
    read = [
        (p.project.name, p.project.start, p.project.end, [c.name for c in p.project.contacts])
        for p in parse_text(page, "x.txt").projects
    ]
    assert read == [
        ("Robotic Welding Lab", date(2022, 1, 1), date(2024, 12, 31), ["Anna Berg"]),
        ("Open Course Paths", date(2023, 1, 1), date(2025, 12, 31), ["Olli Nurmi"]),
    ]


@pytest.mark.parametrize(
    ("headline", "why"),
    [
        ("Uimaranta ja lähiliikuntapaikka saivat rahaa valtuustolta", "a past plural verb"),
        ("Kylätalo ja kota saavat Leader-tukea", "a present one"),
        ("Kirjasto ja museo ovat saaneet avustuksen", "an auxiliary in the plural"),
    ],
)
def test_a_headline_of_two_subjects_before_a_plural_verb_is_no_one_project(
    headline: str, why: str
) -> None:
    """Two things joined before a plural verb got their grants: the page tells of two
    projects that no reader can tell apart, so none is made of the headline, and it says so
    (batch 39: a local paper's item on a council's two grants, read as one project with the
    second one's municipal share)."""
    page = (
        f"{headline}\n\n"
        "Kunnanvaltuusto päätti kokouksessaan rahoittaa yhdistyksen hakemaa hanketta. "
        "Hankkeen kokonaiskustannusarvio on 161 395,00 euroa.\n\n"
        "Toisen hankkeen kustannusarvio on 27000 euroa, ja kunnan rahoitusosuus on "
        "7290 euroa.\n"
    )
    parsed = parse_text(page, "x.txt")
    assert parsed.projects == [], why
    assert any(d.code.value == "unsure-boundary" for d in parsed.diagnostics), why


def test_a_headline_of_one_subject_is_still_its_projects() -> None:
    """One subject before its verb, 'ja' only after it: the headline's one project is read."""
    page = (
        "Kylätalon korjaushanke sai rahaa valtuustolta ja yhdistykseltä\n\n"
        "Kylätalon korjaushanke alkaa kesällä. Hankkeen kokonaiskustannusarvio on "
        "52 000 euroa.\n"
    )
    read = [(p.project.name, p.project.budget) for p in parse_text(page, "x.txt").projects]
    assert read == [("Kylätalon korjaushanke", Decimal("52000"))]


@pytest.mark.parametrize(
    ("sentence", "period", "why"),
    [
        (
            "Hanke jatkaa työtä, joka alkoi Kyläpalvelut Kuntoon -hankkeessa "
            "(1.8.2018-31.10.2018).",
            None,
            "the dates follow the earlier project's name (batch 39: a village's page)",
        ),
        (
            "Hanke jatkaa työtä, joka alkoi Kyläpalvelut Kuntoon -hankkeessa, ja se toimii "
            "1.1.2020-31.12.2021.",
            (date(2020, 1, 1), date(2021, 12, 31)),
            "dates further on in the sentence, not right after that name, are its own",
        ),
        (
            "Kylän Opastus -hanke (1.1.2020-31.12.2021) kehittää kylän palveluita.",
            (date(2020, 1, 1), date(2021, 12, 31)),
            "dates after the project's own name are its period",
        ),
        (
            "Kunnan kanssa sovittiin määräaikaisesta vuokrasopimuksesta 1.8.2022-31.12.2023.",
            None,
            "a lease's dates, right after the agreement's word (batch 40: a village hall's)",
        ),
        (
            "Hanke toteutetaan vuokrasopimuksen aikana 1.1.2021-31.12.2025.",
            (date(2021, 1, 1), date(2025, 12, 31)),
            "the agreement word not right before the dates: the project's own, as before",
        ),
    ],
)
def test_dates_after_another_things_name_are_not_the_period(
    sentence: str, period: tuple[date, date] | None, why: str
) -> None:
    """A sentence's dates right after another project's name or an agreement's word are
    theirs, not the project's period (said as an uncertain fact)."""
    page = (
        "Kylän Opastus -hanke\n\n"
        f"{sentence} Hankkeessa kehitetään kylän opastuskeskusta ja kyläpalveluita.\n\n"
        "Rahoitus tulee Leader-ryhmän kautta.\n"
    )
    (read,) = parse_text(page, "x.txt").projects
    got = None if read.project.start is None else (read.project.start, read.project.end)
    assert got == period, why


@pytest.mark.parametrize(
    ("headline", "why"),
    [
        ("Hae avustusta lippukunnan kokeiluihin", "a scouts' call (batch 40), in Finnish"),
        ("Hae tukea kylän tapahtumiin", "'hae tukea', the same call in other words"),
        ("Sök bidrag för kårens nya verksamhet", "in Swedish"),
    ],
)
def test_a_headline_that_tells_the_reader_to_apply_is_a_call(headline: str, why: str) -> None:
    """'Hae avustusta …' over a call's text and its contact: a call for applications, no
    project (batch 40: read as one, with the call's contact)."""
    page = (
        f"Ajankohtaista\n\n{headline}\n\n"
        "Yhdistykset voivat nyt hakea tukea kokeiluihin, joissa testataan uusia "
        "toimintatapoja. Hakemuksen voi tehdä myös yhdessä naapuriyhdistysten kanssa, ja "
        "kokeilu on noin puolen vuoden mittainen projekti.\n\n"
        "Hakuaika päättyy 28.2.2019.\n\nLisätietoja: Liisa Lahtinen\n"
        "p. 040 123 4567, liisa.lahtinen@example.fi\n"
    )
    assert parse_text(page, "x.txt").projects == [], why


def test_a_summary_whose_first_sentence_has_a_colon_under_its_label() -> None:
    """A label alone over a paragraph of prose whose first clause ends in a colon: the
    paragraph is the label's value, not an unknown label of its own (batch 40: a rural
    network card's summary, left empty with no finding)."""
    page = (
        "Hanke\nInvestointihanke - 343733\n\nKylätalon lämmityksen uusiminen\n\n"
        "Pirtin kyläyhdistys ry\n\n- 31.12.2026\n\nKäynnissä\n\nJulkinen hankekuvaus\n\n"
        "Kyläyhdistys uusii talonsa lämmityksen: öljylämmityksen tilalle tulee "
        "maalämpöpumppu. Talo palvelee kyläläisiä ympäri vuoden, ja sitä voi vuokrata "
        "juhliin ja kokouksiin.\n\nLisätiedot\n\nOhjelma/Rahasto\n\n"
        "Euroopan maaseuturahasto 2023–2027\n"
    )
    (read,) = parse_text(page, "x.txt").projects
    assert (read.project.summary or "").startswith("Kyläyhdistys uusii talonsa lämmityksen")


@pytest.mark.parametrize(
    ("heading", "name", "why"),
    [
        ("NonHazCity – ett kemikaliesmart EU-projekt", "NonHazCity", "batch 41: a Swedish list"),
        ("Kyläkoulu – kylän yhteinen kehittämishanke", "Kyläkoulu", "the same in Finnish"),
        ("DigiMetsä – koulutushanke", "DigiMetsä – koulutushanke", "one compound: kept"),
        ("Take Off och Crossover – socialt företagande", None, "no project word: kept"),
    ],
)
def test_what_a_project_is_after_a_dash_is_no_part_of_a_list_headings_name(
    heading: str, name: str | None, why: str
) -> None:
    assert strip_kind(heading) == (heading if name is None else name), why


@pytest.mark.parametrize(
    ("headline", "name", "why"),
    [
        (
            "Talousarviomuutos 2025: Kylätalopolku-hanke",
            "Kylätalopolku-hanke",
            "a topic and a year before the colon (batch 41: a town's agenda item)",
        ),
        (
            "6Aika: Hiilineutraalit yritysalueet -hanke",
            "6Aika: Hiilineutraalit yritysalueet -hanke",
            "a name's first part before the colon is kept",
        ),
    ],
)
def test_a_topic_before_a_colon_is_no_part_of_the_name(headline: str, name: str, why: str) -> None:
    page = (
        f"Kaupunginhallitus\n\n{headline}\n\n"
        "Kaupunginhallitus päättää myöntää hankkeelle rahoitusta, ja hanke toteutetaan "
        "1.10.2025-31.7.2026 yhdessä naapurikuntien kanssa.\n"
    )
    assert [p.project.name for p in parse_text(page, "x.txt").projects] == [name], why


@pytest.mark.parametrize(
    ("headline", "why"),
    [
        ("Voimala III:ssa varaudutaan sähköntuotantoon", "a name inflected after a colon"),
        ("Satama Oy:lle Euroopan unionin tukea", "an abbreviation inflected after a colon"),
    ],
)
def test_a_headline_with_a_name_inflected_after_a_colon_is_an_unsure_name(
    headline: str, why: str
) -> None:
    """A word inflected after a colon makes the headline tell of something, not name it
    (batch 42: an energy company's and a port company's news, named by their headlines)."""
    page = (
        f"{headline}\n\n"
        "Energiayhtiön hallitus on lyönyt lukkoon Voimala III -laitoksen tärkeimmät osat. "
        "Noin 60 miljoonan euron kattilalaitoksen toimittaa tarjouskilpailun voittaja.\n\n"
        "Hallitus linjasi kokouksessaan 28.2.2017, että laitos rakennetaan valmiiksi myös "
        "sähköntuotantoa varten. Koska tekniikka säästää ympäristöä, hanke on otettu työ- ja "
        "elinkeinoministeriön kärkihankkeiden joukkoon, ja sille on myönnetty kolmen "
        "miljoonan euron investointituki.\n"
    )
    parsed = parse_text(page, "x.txt").projects
    assert parsed, why
    assert all(any(d.code.value == "unsure-name" for d in p.diagnostics) for p in parsed), why


def test_a_paragraph_that_opens_with_hanke_and_ends_in_a_colon_names_no_columns() -> None:
    """'Hanke tuottaa … Hankkeen tavoitteet:' over its goals, one a line: a paragraph of
    prose, no head that names a list's columns ('Hankkeen nimi, hakija:'), so its goals
    are no projects (batch 43: a fisheries Leader group's list, its goals read as three
    made-up projects)."""
    page = (
        "Kalaleaderin rahoittamat hankkeet:\n\n"
        " 1. Uusia kalaruokia kauppoihin, Kala Oy\n\n"
        "Hanke tuottaa uusia valmisruokia muikusta ja muista järvikaloista asiakkaiden "
        "toiveiden pohjalta. Kohderyhmät kuluttajat ja kauppa. Hankkeen tavoitteet:\n\n"
        " • Uusien valmisruokien kehittäminen ja saaminen kauppoihin\n"
        " • Kalastajalta kuluttajalle ulottuvan ketjun rakentaminen\n"
        " • Aiempien kehittämishankkeiden tulosten hyödyntäminen\n\n"
        "Kustannusarvio 79.000,- €\n"
    )
    names = [p.project.name for p in parse_text(page, "x.txt").projects]
    assert not any(n.startswith(("Uusien valmis", "Kalastajalta", "Aiempien")) for n in names)


@pytest.mark.parametrize(
    ("upper", "lower", "why"),
    [
        ("Upper row from the left", "Lower row from the left", "English, a group photo's rows"),
        ("Ylärivissä vasemmalta", "Alarivissä vasemmalta", "Finnish"),
        ("Övre raden från vänster", "Nedre raden från vänster", "Swedish"),
    ],
)
def test_a_photo_caption_is_no_list_entry(upper: str, lower: str, why: str) -> None:
    """A caption over the names in a photo ('Upper row from the left: Sonja Østreng
    (guest), …') is no project of a list (batch 45: a peace institute's news item, its two
    captions read as two made-up projects)."""
    page = (
        "Research meeting in Mariehamn\n\n"
        "The researchers of the project met in Mariehamn to discuss their manuscripts.\n\n"
        f"{upper}: Professor Said Mahmoudi (advisor), Dr. Matthieu Chillaud (advisor).\n"
        f"{lower}: Professor Timo Koivurova (project researcher), Saila Heinikoski.\n"
    )
    assert [p.project.name for p in parse_text(page, "x.txt").projects] == [], why


def test_an_article_that_opens_with_a_question_is_named_by_no_heading_inside_it() -> None:
    """'Mitä jos hakisit hankerahaa?' over an adviser's article: its heading further down
    ('Hankekoordinaattorin rooli') names no project when it says it is none and no period or
    amount stands under it (batch 45: a church magazine's article, read as a made-up
    project)."""
    page = (
        "Mitä jos hakisit hankerahaa?\n\n"
        "Juha Välilä kannustaa seurakuntien työntekijöitä hakemaan rahaa uusille hankkeille.\n\n"
        "– Euroopan sosiaalirahasto tukee sosiaalisia hankkeita ja työllisyyttä, Välilä "
        "sanoo.\n\n"
        "Hankekoordinaattorin rooli\n\n"
        "Välilä auttaa hakijaa hankkeen monissa vaiheissa. Hän neuvoo puhelimessa ja tulee "
        "tarvittaessa kirjoittamaan hakemusta yhdessä hakijan kanssa.\n"
    )
    result = parse_text(page, "x.txt")
    assert [p.project.name for p in result.projects] == []
    assert {d.code for d in result.diagnostics} == {Code.NO_PROJECTS}


FOUNDATION_CARD = """\
Nuorten kuntoutuksen selvitys
Hankkeen sisältö
Hankkeen nimi
Nuorten kuntoutuksen selvitys
Project Name
Alkamisvuosi
2014
Päättymisvuosi
2015
Vastuuhenkilö
Matti Tuusa
Rahoittaja
STM
Hankkeen tiivistelmä
Selvitetään, miten nuorten kuntoutus toimii nyt.
Avainsanat
"""


def test_a_cards_name_label_again_in_english_and_its_years() -> None:
    """A foundation's card gives its name label twice ('Hankkeen nimi', then 'Project
    Name' with no value), its years under year labels, and a contact label over one person
    and more labels (batch 45: the English label took the next label as a second project's
    name, and the contact took every line to the page's end)."""
    read = parse_text(FOUNDATION_CARD, "card.txt").projects
    assert [p.project.name for p in read] == ["Nuorten kuntoutuksen selvitys"]
    project = read[0].project
    assert (project.start, project.end) == (date(2014, 1, 1), date(2015, 12, 31))
    assert [c.name for c in project.contacts] == ["Matti Tuusa"]
    assert project.programme == "STM"
    assert project.summary is not None and project.summary.startswith("Selvitetään")
    assert Code.PERIOD_YEARS_ONLY in {d.code for d in read[0].diagnostics}


RURAL_NETWORK_CARD = """\
Hanke
Yleishyödyllinen investointihanke - 183735

Laavun rakentaminen kylän piha-alueelle

OSUUSKUNTA KYLÄN RIISTAVAJA

10.12.2021 - 23.03.2023

Päättynyt

Hankkeen tiedot
Ajankohtaista
Yhteyshenkilöt

Julkinen hankekuvaus

Osuuskunnan pihaan tehdään laavu kyläläisten ja koululuokkien käyttöön.

Aloituspäivämäärä

10.12.2021

Loppumispäivämäärä

23.03.2023

Hankeluonne

Paikallinen/Alueellinen

Hankkeen yhteyshenkilöt

Vain kirjautuneet käyttäjät voivat kommentoida

Hankkeen tiedot

ELY-keskus

Keski-Suomen ELY-keskus
"""


def test_a_database_pages_tabs_and_sidebar_are_no_card() -> None:
    """A rural-network page's header ('… investointihanke - 183735') makes it a database
    page, whatever tab names follow it ('Hankkeen tiedot'); the same words over its sidebar
    open no nameless project (batch 45: the page read as a card, its name missed and a
    '(nimetön hanke, …)' made up)."""
    read = parse_text(RURAL_NETWORK_CARD, "db.txt").projects
    assert [p.project.name for p in read] == ["Laavun rakentaminen kylän piha-alueelle"]
    assert (read[0].project.start, read[0].project.end) == (date(2021, 12, 10), date(2023, 3, 23))


def test_a_headline_about_applying_for_grants_is_a_call() -> None:
    """'Lumijoki 150 vuotta avustusten hakeminen': applying as a noun, a municipality's call
    for applications (batch 45: read as a made-up project)."""
    page = (
        "Lumijoki 150 vuotta avustusten hakeminen\n\n"
        "Ajankohtaista, 01.02.2018\n\n"
        "Kunta jakaa juhlavuoden kunniaksi avustusta hankkeille, jotka lisäävät kuntalaisten "
        "yhteisöllisyyttä. Avustusta voi saada hankinta, tilaisuus tai tapahtuma.\n\n"
        "Haussa noudatetaan seuraavia ohjeita\n"
        "  - hakuaika on 1.2.- 31.3.2018\n"
        "  - hanke on toteutettava 31.5.2019 mennessä\n\n"
        "Kunnanhallitus päättää, miten avustus jaetaan eri kohteille.\n"
    )
    assert [p.project.name for p in parse_text(page, "x.txt").projects] == []


def test_a_period_of_years_made_exact_by_the_summary() -> None:
    """'Toteutusaika: 2019-2021' over a 'Sisältö:' that says 'Hankkeen kesto oli 2.10.2019 –
    30.9.2021': the sentence's days within the label's years are the period, said as read
    from it (batch 45: a Leader association's page read as 1.1.2019-31.12.2021, and
    'Sisältö' was no label of ours)."""
    page = (
        "Luonnosta kestävästi\n\n"
        "Toteuttaja: Arktiset Aromit ry\n\n"
        "Toteutusaika: 2019-2021\n\n"
        "Sisältö:\n\n"
        "Luonnosta kestävästi -hanke kehitti luonnontuotealaa koko maassa. Hankkeen kesto oli "
        "2.10.2019 – 30.9.2021.\n"
    )
    read = parse_text(page, "x.txt").projects
    assert len(read) == 1
    project = read[0].project
    assert (project.start, project.end) == (date(2019, 10, 2), date(2021, 9, 30))
    assert project.summary is not None and project.summary.startswith("Luonnosta kestävästi")
    codes = {d.code for d in read[0].diagnostics}
    assert Code.PROSE_FACT in codes and Code.PERIOD_YEARS_ONLY not in codes


def test_a_line_about_the_project_under_its_name_is_no_headline() -> None:
    """'Hanke rahoitetaan Manner-Suomen maaseudun kehittämisohjelmasta 2007-2013' under the
    name: a sentence about the project (no full stop), not its headline, and the
    programme's years are no period (batch 46: a village's page read that way)."""
    page = (
        "Kerässieppi-Liepimän kyläverkko\n\n"
        "Hanke rahoitetaan Manner-Suomen maaseudun kehittämisohjelmasta 2007-2013\n\n"
        "Hankkeen toteuttaja: Osuuskunta Kerokuitu\n\n"
        "Hankkeessa rakennetaan valokuituverkko kylän asukkaille ja lisätään kylien "
        "yhteistyötä.\n\n"
        "Hankkeen kustannusarvio 336.452 euroa\n"
    )
    read = parse_text(page, "x.txt").projects
    assert [p.project.name for p in read] == ["Kerässieppi-Liepimän kyläverkko"]
    assert (read[0].project.start, read[0].project.end) == (None, None)


@pytest.mark.parametrize(
    ("header", "name", "why"),
    [
        (
            "Kiertävän käsityötoiminnan esiselvityshanke. 1.4.-30.9.2018",
            "Kiertävän käsityötoiminnan esiselvityshanke",
            "a full stop, and the first date's year left to the second's",
        ),
    ],
)
def test_a_period_after_a_database_pages_name_is_no_part_of_it(
    header: str, name: str, why: str
) -> None:
    """A database page's name line that ends with a period (batch 46: a craft association's
    card kept '. 1.4.-30.9.2018' in its name)."""
    page = (
        "Projekt\nUtvecklingsprojekt - 61788\n\n"
        f"{header}\n\n"
        "Taito Varsinais-Suomi ry\n\n01.04.2018 - 13.08.2021\n\nAvslutat\n\n"
        "Julkinen hankekuvaus\n\nHankkeessa selvitetään kiertävän käsityötoiminnan "
        "tarvetta.\n"
    )
    read = parse_text(page, "db.txt").projects
    assert [p.project.name for p in read] == [name], why
    assert (read[0].project.start, read[0].project.end) == (
        date(2018, 4, 1),
        date(2021, 8, 13),
    ), why


def test_a_common_first_name_turns_a_register_contact() -> None:
    """'Makkonen Mari': a register's surname-first contact, turned by its first name
    (batch 46: 'Mari', among the most common Finnish first names, was not in the list)."""
    from hankkeet.reading.records import natural_name

    assert natural_name("Makkonen Mari") == "Mari Makkonen"


# (a real page of the fixtures, the name read or None for a project left nameless, why): a
# one-project page whose fields stand under its text with no title above them is named by
# its first line, and said (issue 25: linkage pages read as '(nimetön hanke, rivi 12)' were
# linked to no other source of their projects).
TESTS = Path(__file__).resolve().parent
HEAD_NAMES = [
    (
        "linkage/illkka-kemijarvi-page.txt",
        "ILLKKA",
        "a short first line over paragraphs and heading-style labels ('HANKEAIKA:')",
    ),
    (
        "linkage/hnry-ilmasto-hel-page.txt",
        "HNRY – Hiilineutraalit ja resurssiviisaat yritysalueet",
        "a name with its acronym over the text, labels standing alone over their values",
    ),
    (
        "linkage/kannattavuudella-jatkuvuutta-page.txt",
        "Kannattavuudella jatkuvuutta",
        "the name need not come again in the text under it",
    ),
    (
        "incoming/h34/leader/h34-naramat-ny-mat-fran-arctic.txt",
        "Ny Mat från Arctic",
        "in Swedish too: a Leader page's name over its paragraph and 'Projektledare:'",
    ),
    (
        "incoming/h5/eu-card/h5-euborderregions-lead-partner.txt",
        None,
        "a role and who plays it ('Lead partner - University of …') says who, not what",
    ),
    (
        "incoming/h24/database/h24-grimslov-galaxhopen.txt",
        None,
        "an image's text ('Logotyp på utskrifter') is the site's, not a name",
    ),
]


@pytest.mark.parametrize(("page", "name", "why"), HEAD_NAMES)
def test_a_one_project_page_is_named_by_its_first_line(
    page: str, name: str | None, why: str
) -> None:
    text = (TESTS / page).read_text(encoding="utf-8")
    (first,) = parse_text(text, "x.txt").projects
    codes = {d.code for d in first.diagnostics}
    if name is None:
        assert first.project.name.startswith("(nimetön hanke"), why
    else:
        assert (first.project.name, first.project.source.line) == (name, 1), why
        assert Code.UNSURE_NAME in codes, why


def test_a_page_of_two_projects_under_text_keeps_the_first_nameless() -> None:
    """The first line over text, then the fields of two projects: a list's heading, not the
    first project's name (only a page of one project is named by its first line)."""
    page = (TESTS / "linkage/illkka-kemijarvi-page.txt").read_text(encoding="utf-8")
    page += "\n\nToinen hanke\nHankeaika: 1.1.2019 - 31.12.2020\nBudjetti: 10 000 €\n"
    read = parse_text(page, "x.txt").projects
    assert [p.project.name for p in read] == ["(nimetön hanke, rivi 13)", "Toinen hanke"]


@pytest.mark.parametrize(
    ("headline", "sentence", "why"),
    [
        (
            "Lyckanista tehdään koko Suomeen uudenlainen maaseudun kehittämisen malli",
            True,
            "a passive present ('tehdään') is a finite verb, whatever its stem",
        ),
        ("Kirjastolle myönnettiin avustus", True, "a passive past ('myönnettiin')"),
        (
            "Kestävää kasvua ja työtä 2014-2020",
            False,
            "a programme's name: no verb (no word ends as a passive)",
        ),
        ("Hankkeen loppuseminaari Kuopiossa", False, "a noun phrase: no finite verb"),
    ],
)
def test_a_finnish_passive_makes_a_sentence_headline(
    headline: str, sentence: bool, why: str
) -> None:
    assert sentence_headline(headline) is sentence, why


@pytest.mark.parametrize(
    ("text", "names", "why"),
    [
        (
            "Ely-keskus myönsi miljoona euroa hankkeelle, jonka nimi on ”Rinnalla kulkien "
            "nuorisotyöttömyys laskuun”.",
            ["Rinnalla kulkien nuorisotyöttömyys laskuun"],
            "a quoted name a naming phrase gives in a sentence about a project",
        ),
        (
            "Torille avattiin kahvila, jonka nimi on ”Kulma”.",
            [],
            "a naming phrase in a sentence about no project names none",
        ),
    ],
)
def test_a_name_given_in_quotes(text: str, names: list[str], why: str) -> None:
    assert hanke_names(text) == names, why


@pytest.mark.parametrize(
    ("page", "name", "why"),
    [
        (
            "linkage/lyckan-lapinjarvi-news.txt",
            "Lyckan",
            "a sentence headline that holds the name inflected ('Lyckanista tehdään …') tells "
            "of the project; the one '-hanke' name the text gives ('Lyckan-hankkeen') names it",
        ),
        (
            "linkage/rinnalla-kulkien-hs-news.txt",
            "Rinnalla kulkien nuorisotyöttömyys laskuun",
            "a sentence headline ('Vantaa sai miljoona euroa …'): the name the text gives in "
            "quotes after 'jonka nimi on'",
        ),
    ],
)
def test_a_news_page_is_named_by_the_name_its_text_gives(page: str, name: str, why: str) -> None:
    text = (TESTS / page).read_text(encoding="utf-8")
    assert [p.project.name for p in parse_text(text, "x.txt").projects] == [name], why


def test_a_project_databases_labels_alone_over_their_values_make_no_title() -> None:
    """A university's project card: each label alone on a line, its value on the next, no
    blank lines between; labels of other things ('Lyhenne', 'Vahvuusala', 'Yksikkö') over
    'VesiVarma', 'Biotalous', 'Teknologia', and 'Rahoitusohjelma' first empty, then again
    with its value. One project, its period, programme and contact read (issue 25: the card
    read as two projects, the second named 'Biotalous')."""
    text = (TESTS / "linkage/vesivarma-jamk-project.txt").read_text(encoding="utf-8")
    (read,) = parse_text(text, "x.txt").projects
    project = read.project
    assert project.name.startswith("Pienten vesihuoltolaitosten huoltovarmuuden")
    assert (project.start, project.end) == (date(2021, 5, 1), date(2023, 8, 31))
    assert project.programme == "Maaseuturahasto"
    assert [c.name for c in project.contacts] == ["Mirja Hurskainen"]
    assert Code.REPEATED_FIELD not in {d.code for d in read.diagnostics}


@pytest.mark.parametrize(
    ("page", "names", "why"),
    [
        (
            "Kylätalo kuntoon\n\nRahoitusohjelma\n\nVahvuusala\nYhteisöllisyys\nToteutusaika\n"
            "1.1.2020 - 31.12.2021\nRahoitusohjelma\nLeader Pohjoisin Lappi\n",
            ["Kylätalo kuntoon"],
            "a label given first empty, then with its value, is one field: no new project",
        ),
        (
            "Kylätalo kuntoon\nRahoitus: Leader Pohjoisin Lappi\nToteutusaika: 2020-2021\n\n"
            "Uimaranta\nRahoitus: Leader Pohjoisin Lappi\nToteutusaika: 2021-2022\n",
            ["Kylätalo kuntoon", "Uimaranta"],
            "a label given again with a value after a title: the next project",
        ),
    ],
)
def test_a_label_first_empty_then_given(page: str, names: list[str], why: str) -> None:
    assert [p.project.name for p in parse_text(page, "x.txt").projects] == names, why


def _names_of_source(page: str) -> list[str]:
    """The names read from a fixture as the command line reads it (a saved page too)."""
    from hankkeet.library import project_records, read_projects
    from hankkeet.reading.sources import resolve

    return [p.name for p in project_records(read_projects(resolve([str(TESTS / page)])))]


@pytest.mark.parametrize(
    ("page", "names", "why"),
    [
        (
            "linkage/liikkuvan-arjen-design-eakr-application.txt",
            ["Liikkuvan Arjen Design"],
            "a card heading right under another ('EAKR-PROJEKTISUUNNITELMA' over 'Euroopan "
            "aluekehitysrahaston osittain rahoittamat projektit') is the same card's",
        ),
        (
            "linkage/luotsie-humak-publication.html",
            ["Luotsie"],
            "a list's heads in capitals whose text says nothing of a project ('LUOVAN ALAN "
            "OSAAJAT: Ideoijat …') are a publication's parts, no entries",
        ),
        (
            "linkage/typarkt-oulu-page.html",
            [
                "Purification of nitrogen and heavy metal-containing runoff using hybrid "
                "purification systems in arctic areas: TypArkt"
            ],
            "the lines of a list under a sentence that leads in to it ('The project is divided "
            "into 3 work packages:') are no headlines, the last one not either",
        ),
    ],
)
def test_parts_of_one_page_are_no_projects_of_their_own(
    page: str, names: list[str], why: str
) -> None:
    assert _names_of_source(page) == names, why


@pytest.mark.parametrize(
    ("text", "names", "why"),
    [
        (
            "Yhdistyksen nuorten yrittäjyyskasvatushanke Find Your Way on päättymässä.",
            ["Find Your Way"],
            "a name of capitalised words in apposition after a Finnish project word",
        ),
        (
            "Hanke Kylätalo kuntoon alkaa keväällä.",
            [],
            "one capitalised word is a name cut short or a sentence's next word: none",
        ),
        (
            "Kehittämishanke Etelä-Savon Maakuntaliitossa jatkuu.",
            [],
            "a run that ends in a place ('… Maakuntaliitossa') is no name",
        ),
    ],
)
def test_a_name_in_apposition(text: str, names: list[str], why: str) -> None:
    from hankkeet.reading.layouts.names import apposed_names

    assert apposed_names(text) == names, why


def test_a_news_page_is_named_by_the_name_in_apposition_in_its_text() -> None:
    """'Uuraisten 4H-yhdistys: Yrittäjyyskasvatushanke poiki 40 yritystä' over '… nuorten
    yrittäjyyskasvatushanke Find Your Way on päättymässä': the text's one name names it."""
    assert _names_of_source("linkage/find-your-way-ksml-2019.txt") == ["Find Your Way"]


def test_a_register_items_statements_with_the_euro_sign_first_and_one_line_of_days() -> None:
    """The Central Baltic programme's database: the name, its priority and objective, the
    sub-programme, '01.09.2016 - 28.02.2019', '€1 306 732' and '€1 022 548', unlabelled: one
    project, its period the line of days and its budget the larger amount (b5: the
    sub-programme line was read as the name)."""
    text = (TESTS / "linkage/sustainbaltic-eura-card-cb.txt").read_text(encoding="utf-8")
    (read,) = parse_text(text, "x.txt").projects
    project = read.project
    assert project.name.startswith("ICZM Plans for Sustaining Coastal")
    assert (project.start, project.end) == (date(2016, 9, 1), date(2019, 2, 28))
    assert project.budget == Decimal("1306732")


@pytest.mark.parametrize(
    ("text", "is_register", "why"),
    [
        (["Nimi", "01.09.2016 - 28.02.2019", "€1 306 732", "€1 022 548"], True, "one-line days"),
        (["Nimi", "210,801.0 Euro", "126,480.6 Euro", "60.0 percent"], True, "Kohesio's"),
        (["Nimi", "01.09.2016 - 28.02.2019", "€1 306 732"], False, "one amount is no register"),
        (["Nimi", "€1 306 732", "€1 022 548"], False, "amounts with no period nor rate"),
    ],
)
def test_register_statements(text: list[str], is_register: bool, why: str) -> None:
    from hankkeet.reading.lines import register_statements

    assert register_statements(text) is is_register, why


@pytest.mark.parametrize(
    ("title", "years", "why"),
    [
        (
            "Saimaa-ilmiöllä elinvoimaa – Savonlinna Euroopan kulttuuripääkaupungiksi 2026",
            None,
            "a year after a word in the translative is a goal's, not the project's",
        ),
        ("Kyläkoulun kunnostus 2019-2021", (2019, 2021), "a title's own years"),
    ],
)
def test_a_goals_year_is_no_period(title: str, years: tuple[int, int] | None, why: str) -> None:
    assert years_of(title) == years, why


@pytest.mark.parametrize(
    ("line", "why"),
    [
        ("Saimaa-ilmiön projektitiimi", "a project's team"),
        ("Hankkeen ohjausryhmä", "a steering group"),
        ("Project team", "in English"),
    ],
)
def test_a_group_of_people_is_no_title(line: str, why: str) -> None:
    assert not titleable(line), why
    assert never_title(line) is not None, why


def test_an_application_number_is_another_things_label() -> None:
    """'Hakemusnumero 303746' under a decision's title in capitals: the number's label, so
    the title is the line above it (b5: the board's decision was named by the number)."""
    assert _names_of_source("linkage/kymbio-decision.txt") == [
        "KYMENLAAKSON BIOTALOUSTOIMINTAYMPÄRISTÖN KEHITTÄMINEN - KYMBIO"
    ]


def test_a_ja_between_two_halves_of_a_word_joins_no_two_projects() -> None:
    """A page about KymECO2 whose headline found is 'Suunta Kymenlaakson ilmasto- ja
    energiastrategiasta': its 'ja' joins two halves of a word, so the page is not read as
    a report of several projects, and the paragraph on the predecessor ('Vuosina 2010-2013
    toteutettu EkoKymenlaakso-projekti …') makes no project (b6: it did, and joined the
    predecessor's own page)."""
    names = _names_of_source("linkage/kymeco2-city-page.txt")
    assert "EkoKymenlaakso" not in names
