"""Every field of every seed project, written out by hand from data/source.txt."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from conftest import SEED, cli
from hankkeet.reading.parser import parse_text

D = Decimal


def _staff(*periods: tuple[str, str, str]) -> list[dict[str, Any]]:
    return [
        {"count": D(c), "start": date.fromisoformat(s), "end": date.fromisoformat(e)}
        for c, s, e in periods
    ]


def _contact(title: str, name: str) -> dict[str, Any]:
    return {"title": title, "name": name, "email": None, "phone": None}


def _source(funder: str, amount: str | None, share: str | None, kind: str) -> dict[str, Any]:
    return {
        "funder": funder,
        "amount": D(amount) if amount else None,
        "share": D(share) if share else None,
        "kind": kind,
    }


EAKR_TEXT = (
    "Euroopan aluekehitysrahaston EAKR:n ja valtion rahoitus 108 387 euroa, "
    "kuntien rahoitus 27 097 euroa."
)
EAKR_FUNDER = "Euroopan aluekehitysrahaston EAKR:n ja valtion rahoitus"

# (id, title line, programme, start, end, budget, city share, share year, staff, contacts,
#  funding sources, stated budget, summary start, summary end, summary length)
SEED_PROJECTS: list[dict[str, Any]] = [
    {
        "id": "arm-koordinaatiohanke-case-veitsiluoto-kemin-akillisen-rakennemuutoksen-"
        "toimintasuunnitelman-mukainen-koordinaatiohanke",
        "name": "ÄRM-koordinaatiohanke case Veitsiluoto – Kemin äkillisen rakennemuutoksen "
        "toimintasuunnitelman mukainen koordinaatiohanke",
        "line": 5,
        "programme": "AKKE",
        "start": "2021-11-01",
        "end": "2023-10-31",
        "budget": "344616",
        "city_share": "68923",
        "city_share_year": None,
        "staff": _staff(("1", "2021-11-01", "2023-10-31")),
        "contacts": [_contact("projektikoordinaattori", "Irina Ruohonen")],
        "sources": [_source("Lapin liiton AKKE-rahoituksella", None, "80", "eu_state")],
        "stated_budget": None,
        "funding_start": "Hanke rahoitetaan 80 % osuudella Lapin liiton AKKE-rahoituksella.",
        "summary": ("Hankkeella vastataan Kemissä o", "mman hyvin ja kattavasti.", 753),
    },
    {
        "id": "matkailun-ja-palveluiden-elpymissuunnitelma-master-plan-kemi",
        "name": "Matkailun ja palveluiden elpymissuunnitelma – master plan Kemi",
        "line": 15,
        "programme": "REACT-EU EAKR",
        "start": "2021-10-01",
        "end": "2023-04-30",
        "budget": "256506",
        "city_share": "25651",
        "city_share_year": None,
        "staff": _staff(("2", "2021-10-01", "2023-04-30")),
        "contacts": [
            _contact("projektipäällikkö", "Virpi Pakarinen"),
            _contact("projektikoordinaattori", "Erkki Böhme"),
        ],
        "sources": [],
        "stated_budget": None,
        "funding_start": "Lapin liitto. Toimintalinja 8. REACT- EU:n EAKR- toimenpiteet",
        "summary": ("Hankkeen tavoitteena on lisätä", "kiinnostus Kemiä kohtaan.", 1180),
    },
    {
        "id": "kemin-akillisen-rakennemuutoksen-toimenpiteet-case-arm-agentti-hanke",
        "name": "Kemin äkillisen rakennemuutoksen toimenpiteet (case ÄRM-agentti) -hanke",
        "line": 25,
        "programme": "AKKE",
        "start": "2021-06-01",
        "end": "2022-12-31",
        "budget": "145616",
        "city_share": "4979.2",
        "city_share_year": 2021,
        "staff": _staff(("1", "2021-06-01", "2022-12-31")),
        "contacts": [_contact("yrityskehittämisen asiantuntija", "Jussi Tuovinen")],
        "sources": [_source("Lapin liiton AKKE-rahoituksella", None, "90", "eu_state")],
        "stated_budget": "145616",
        "funding_start": "Hanketta rahoitetaan 90 % osuudella",
        "summary": ("Hankkeella vastataan Kemissä o", "sitiivista kaupunkikuvaa.", 683),
    },
    {
        "id": "vahvax-digiosaamista-ja-palveluja-aikuisuuden-ja-vanhemmuuden-vahvistamiseksi",
        "name": "Vahvax-digiosaamista ja -palveluja aikuisuuden ja vanhemmuuden vahvistamiseksi",
        "line": 35,
        "programme": "REACT-EU ESR",
        "start": "2021-09-01",
        "end": "2023-07-31",
        "budget": "295400",
        "city_share": "29540",
        "city_share_year": None,
        "staff": _staff(("2.5", "2021-09-01", "2021-12-31"), ("3.0", "2022-01-01", "2023-07-31")),
        "contacts": [_contact("projektipäällikkö", "Anne Leppälä-Hast")],
        "sources": [],
        "stated_budget": None,
        "funding_start": "Toimintalinja 9. REACT- EU:n ESR- toimenpiteet, erityistavoite 12.3.",
        "summary": ("Vahvax- hanke jatkaa kaupungin", "digitaitojen koulutuksia.", 555),
    },
    {
        "id": "perameren-saaristomatkailun-kehittamishanke",
        "name": "Perämeren saaristomatkailun kehittämishanke",
        "line": 45,
        "programme": "EAKR",
        "start": "2021-06-01",
        "end": "2022-05-31",
        "budget": "135484",
        "city_share": "15490",
        "city_share_year": 2021,
        "staff": _staff(("1.5", "2021-06-01", "2022-05-31")),
        "contacts": [_contact("projektipäällikkö", "Oskar van Ieperen")],
        "sources": [
            _source(EAKR_FUNDER, "108387", None, "eu_state"),
            _source("kuntien rahoitus", "27097", None, "municipal"),
        ],
        "stated_budget": None,
        "funding_start": EAKR_TEXT,
        "summary": ("Perämeren saaristomatkailun ke", "ujen käyttämistä Kemissä.", 350),
    },
    {
        "id": "ymparivuotinen-kaupunkiviljely-ja-lahiruoan-tuottaminen-kemissa",
        "name": "Ympärivuotinen kaupunkiviljely ja lähiruoan tuottaminen Kemissä",
        "line": 55,
        "programme": "EAKR",
        "start": "2020-01-01",
        "end": "2022-06-30",
        "budget": "449880",
        "city_share": "31670",
        "city_share_year": 2020,
        "staff": _staff(("3", "2020-01-01", "2022-06-30")),
        "contacts": [_contact("projektipäällikkö", "Anne Oikarinen")],
        "sources": [
            _source(EAKR_FUNDER, "359904", None, "eu_state"),
            _source("kuntien rahoitus", "89976", None, "municipal"),
        ],
        "stated_budget": None,
        "funding_start": "Euroopan aluekehitysrahaston EAKR:n ja valtion rahoitus 359 904 euroa",
        "summary": ("Tavoitteena on käynnistää ympä", "kkiruuan hyödyntämiselle.", 164),
    },
    {
        "id": "harrastusten-jaanmurtajahanke",
        "name": "Harrastusten jäänmurtajahanke",
        "line": 65,
        "programme": "EAKR",
        "start": "2021-08-01",
        "end": "2022-06-30",
        "budget": "61875",
        "city_share": "12375",
        "city_share_year": None,
        "staff": [],  # the staff line is empty in the source
        "contacts": [_contact("korrdinattori", "Janne Jylkkä")],
        "sources": [
            _source(EAKR_FUNDER, "108387", None, "eu_state"),
            _source("kuntien rahoitus", "27097", None, "municipal"),
        ],
        "stated_budget": None,
        "funding_start": EAKR_TEXT,
        "summary": ("Harrastusten Suomen mallin muk", "pohjalta toteutettavaksi.", 509),
    },
    {
        "id": "koronasta-kasvuun-hanke",
        "name": "Koronasta kasvuun -hanke",
        "line": 75,
        "programme": "REACT-EU ESR",
        "start": "2021-08-01",
        "end": "2023-07-31",
        "budget": "168512",
        "city_share": "16851",
        "city_share_year": None,
        "staff": _staff(("1", "2021-08-01", "2023-07-31")),
        "contacts": [_contact("projektikoordinaattori", "Juha Simonaho")],
        "sources": [
            _source("ESR:n ja valtion rahoitus", "151661", None, "eu_state"),
            _source("kuntien rahoitus", "16851", None, "municipal"),
        ],
        "stated_budget": None,
        "funding_start": "Toimintalinja 9. REACT- EU:n ESR- toimenpiteet, erityistavoite 12.4.",
        "summary": ("Koronasta kasvuun hankkeen tar", "mistoiminnalle puitteita.", 534),
    },
]


@pytest.fixture(scope="module")
def records() -> dict[str, dict[str, Any]]:
    result = parse_text(SEED.read_text(encoding="utf-8"), str(SEED))
    return {p.project.id: p.project.record() for p in result.projects}


def test_eight_projects_in_order(records: dict[str, dict[str, Any]]) -> None:
    assert list(records) == [p["id"] for p in SEED_PROJECTS]


@pytest.mark.parametrize("expected", SEED_PROJECTS, ids=[p["id"][:30] for p in SEED_PROJECTS])
def test_every_field(records: dict[str, dict[str, Any]], expected: dict[str, Any]) -> None:
    got = records[expected["id"]]
    assert got["name"] == expected["name"]
    assert got["source"] == {"path": str(SEED), "line": expected["line"]}
    assert got["programme"] == expected["programme"]
    assert got["start"] == date.fromisoformat(expected["start"])
    assert got["end"] == date.fromisoformat(expected["end"])
    assert got["budget"] == D(expected["budget"])
    assert got["city_share"] == D(expected["city_share"])
    assert got["city_share_year"] == expected["city_share_year"]
    assert got["staff"] == expected["staff"]
    assert got["contacts"] == expected["contacts"]
    assert got["funding"]["sources"] == expected["sources"]
    stated = expected["stated_budget"]
    assert got["funding"]["stated_budget"] == (D(stated) if stated else None)
    assert got["funding"]["text"].startswith(expected["funding_start"])
    start, end, length = expected["summary"]
    summary = got["summary"]
    assert (summary[:30], summary[-25:], len(summary)) == (start, end, length)
    assert "  " not in summary and "\u00a0" not in summary


def test_budgets_are_exact_decimals(records: dict[str, dict[str, Any]]) -> None:
    for record in records.values():
        assert isinstance(record["budget"], Decimal)


def test_json_output_keeps_the_contract() -> None:
    run = cli("list", "--format", "json", "--sort", "start")
    assert run.exit_code == 0, run.stderr
    data = json.loads(run.stdout, parse_float=Decimal)
    assert [r["start"] for r in data] == sorted(r["start"] for r in data)
    keys = {
        "id",
        "name",
        "source",
        "programme",
        "start",
        "end",
        "budget",
        "city_share",
        "city_share_year",
        "staff",
        "contacts",
        "funding",
        "summary",
    }
    for record in data:
        assert keys <= set(record)
    harr = next(r for r in data if r["id"] == "harrastusten-jaanmurtajahanke")
    assert harr["budget"] == 61875 and harr["source"]["line"] == 65
    assert harr["contacts"][0]["title"] == "korrdinattori"
    arm = next(r for r in data if r["id"].startswith("kemin-akillisen"))
    assert arm["city_share"] == Decimal("4979.2") and arm["city_share_year"] == 2021
    vahvax = next(r for r in data if r["id"].startswith("vahvax"))
    assert vahvax["staff"] == [
        {"count": Decimal("2.5"), "start": "2021-09-01", "end": "2021-12-31"},
        {"count": 3, "start": "2022-01-01", "end": "2023-07-31"},
    ]
