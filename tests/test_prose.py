"""Facts read from sentences (issue 11): (sentence, field, expected value or None, code, why).

A value is read only when the sentence states one exact value for the whole project; an
approximation, a part, a cap, a per-year amount, two different totals or a decision's date
leave the field empty with `uncertain-fact`, or silent when the sentence is about something
else entirely (code None).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from hankkeet.reading.prose import ProseReading, read_prose

D = Decimal
UNCERTAIN = "uncertain-fact"

# (text, field, expected value, expected finding code on that field or None, why)
CASES: list[tuple[str, str, object, str | None, str]] = [
    # -- budget: exact totals
    ("Hankkeen kokonaisbudjetti on 212 000 €.", "budget", D(212000), None, "kokonaisbudjetti on"),
    (
        "Hankkeen kokonaiskustannukset ovat 412 800 €.",
        "budget",
        D(412800),
        None,
        "kokonaiskustannukset ovat",
    ),
    (
        "Hankkeen kokonaiskustannusarvio on 98 430 €.",
        "budget",
        D(98430),
        None,
        "kokonaiskustannusarvio",
    ),
    (
        "Hanke toimi kokonaisbudjetilla 187 650 € vuosina 2017–2019.",
        "budget",
        D(187650),
        None,
        "adessive 'kokonaisbudjetilla'",
    ),
    (
        "Investointihankkeen kustannusarvio oli 162.299,70 €, josta tuki oli puolet.",
        "budget",
        D("162299.70"),
        None,
        "dots group thousands, the part comes after 'josta'",
    ),
    (
        "Hankkeen kokonaiskustannus on 24.000 euroa.",
        "budget",
        D(24000),
        None,
        "a dot as the thousands separator",
    ),
    ("Hankkeen budjetti on 55 000 euroa.", "budget", D(55000), None, "plain budjetti"),
    ("Kustannukset yhteensä 84 000 €.", "budget", D(84000), None, "flattened cost table"),
    (
        "Hankkeen kustannusarvio on 63 677 €, josta tuen osuus on 50 %.",
        "budget",
        D(63677),
        None,
        "a share after 'josta' is a part, the total before it stands",
    ),
    (
        "Hankkeen kokonaisbudjetti on 1 170 776 euroa, jolle saadaan tukea enintään 784 420 euroa.",
        "budget",
        D(1170776),
        None,
        "the cap belongs to the support, not the budget",
    ),
    (
        "Kokonaisbudjetti on 90 000,00 € ja julkinen tuki 72 000,00 €.",
        "budget",
        D("90000.00"),
        None,
        "cents written out",
    ),
    # -- budget: approximations, parts, caps, per year, disagreements
    (
        "Hankkeen budjetti on noin 1,2 miljoonaa euroa.",
        "budget",
        None,
        UNCERTAIN,
        "noin: an approximation",
    ),
    (
        "Hankkeen kokonaisbudjetti on n. 400 000 euroa.",
        "budget",
        None,
        UNCERTAIN,
        "n.: an approximation",
    ),
    (
        "Hankkeen kokonaiskustannusarvio on arviolta 2 317 255 euroa.",
        "budget",
        None,
        UNCERTAIN,
        "arviolta: an estimate",
    ),
    (
        "Hankkeen kokonaisbudjetti on yli 500 000 euroa.",
        "budget",
        None,
        UNCERTAIN,
        "yli: a lower bound",
    ),
    (
        "Hankkeen kokonaisbudjetti on lähes 300 000 euroa.",
        "budget",
        None,
        UNCERTAIN,
        "lähes: nearly",
    ),
    (
        "Hankkeen kokonaisbudjetti on enintään 80 000 euroa.",
        "budget",
        None,
        UNCERTAIN,
        "enintään: a cap",
    ),
    (
        "Osahankkeen kustannukset ovat 198 980 euroa.",
        "budget",
        None,
        UNCERTAIN,
        "a sub-project's costs are a part",
    ),
    (
        "Helsingin osuuden kustannukset ovat 312 000 euroa.",
        "budget",
        None,
        UNCERTAIN,
        "one partner's share is a part",
    ),
    (
        "Hankkeen kustannukset vuonna 2019 ovat 129 760 euroa.",
        "budget",
        None,
        UNCERTAIN,
        "one year's costs",
    ),
    ("Hankkeen budjetti on 12 000 €/vuosi.", "budget", None, UNCERTAIN, "per year"),
    (
        "Hankkeen budjetti on 1,5 milj. euroa.",
        "budget",
        None,
        UNCERTAIN,
        "millions written short are rounded",
    ),
    (
        "Hankkeen kokonaisbudjetti on 100 000 euroa. Hankkeen kokonaisbudjetti on 120 000 euroa.",
        "budget",
        None,
        UNCERTAIN,
        "two different totals",
    ),
    (
        "Hankkeen kokonaisbudjetti on 100 000 euroa. Kokonaisbudjetti on siis 100 000 euroa.",
        "budget",
        D(100000),
        None,
        "the same total twice agrees",
    ),
    (
        "Hankkeen budjetti on 50 000 euroa ja kokonaisbudjetti 80 000 euroa.",
        "budget",
        D(80000),
        None,
        "kokonais- wins over a plain budget",
    ),
    (
        "ELY-keskus on myöntänyt tukea 12.000 euroa.",
        "budget",
        None,
        None,
        "a grant is not the budget",
    ),
    (
        "Hankkeelle myönnettiin 270 000 euroa.",
        "budget",
        None,
        None,
        "money with no budget word is no budget",
    ),
    ("Budjetti kasvaa ensi vuonna.", "budget", None, None, "a budget word with no amount"),
    # -- city share
    (
        "Pyhännän kunnan rahoitusosuus on 24 600 euroa.",
        "city_share",
        D(24600),
        None,
        "kunnan rahoitusosuus",
    ),
    (
        "Iisalmen kuntarahoitusosuus hankkeessa on 12 410 €.",
        "city_share",
        D(12410),
        None,
        "kuntarahoitusosuus",
    ),
    ("Kaupungin osuus on 68 923 euroa.", "city_share", D(68923), None, "kaupungin osuus"),
    (
        "Kaupungin omarahoitusosuus on 9 843 €.",
        "city_share",
        D(9843),
        None,
        "kaupungin omarahoitusosuus",
    ),
    (
        "Vuonna 2024 kaupungin rahoitusosuus on 6 205 €.",
        "city_share",
        None,
        UNCERTAIN,
        "a share for one year",
    ),
    (
        "Kuntien rahoitusosuus on 18 000 euroa.",
        "city_share",
        None,
        UNCERTAIN,
        "several municipalities together",
    ),
    (
        "Osahankkeen omarahoitusosuus on 14 924 euroa.",
        "city_share",
        None,
        UNCERTAIN,
        "a part's own funding",
    ),
    (
        "Omarahoitusosuus on 9 541 euroa.",
        "city_share",
        None,
        UNCERTAIN,
        "whose own funding the sentence does not say",
    ),
    ("Kaupungin osuus on noin 20 000 euroa.", "city_share", None, UNCERTAIN, "approximation"),
    (
        "Haettavan avustuksen osuus on 17 719 euroa.",
        "city_share",
        None,
        None,
        "a grant's share is no city share",
    ),
    (
        "Euroopan unionin osuus on 149 235 euroa.",
        "city_share",
        None,
        None,
        "the EU's share is no city share",
    ),
    # -- period
    (
        "Hanke toteutetaan 1.5.2023 – 30.4.2025 välisenä aikana.",
        "period",
        (date(2023, 5, 1), date(2025, 4, 30)),
        None,
        "välisenä aikana",
    ),
    (
        "Hanke toteutetaan ajalla 1.8.2022-31.7.2024.",
        "period",
        (date(2022, 8, 1), date(2024, 7, 31)),
        None,
        "ajalla, no spaces",
    ),
    (
        "Hanke toimi 1.2.2017 - 31.1.2019.",
        "period",
        (date(2017, 2, 1), date(2019, 1, 31)),
        None,
        "toimi, spaced hyphen",
    ),
    (
        "Avustettavan hankkeen toteutusaika on 27.11.2020 – 31.12.2021.",
        "period",
        (date(2020, 11, 27), date(2021, 12, 31)),
        None,
        "toteutusaika in a sentence",
    ),
    (
        "Hanke toteutetaan ajalla 1.1.–31.12.2024.",
        "period",
        (date(2024, 1, 1), date(2024, 12, 31)),
        None,
        "the start's year written once",
    ),
    (
        "Hanke toteutetaan aikavälillä 2025-2026.",
        "period",
        (date(2025, 1, 1), date(2026, 12, 31)),
        None,
        "years with a period word",
    ),
    (
        "Hanke toteutetaan vuosina 2018–2021.",
        "period",
        (date(2018, 1, 1), date(2021, 12, 31)),
        None,
        "vuosina",
    ),
    (
        "Hanke on käynnistynyt 2019 ja jatkuu vuoteen 2020.",
        "period",
        (date(2019, 1, 1), date(2020, 12, 31)),
        None,
        "started a year, goes on to a year",
    ),
    ("Hanke käynnistyy keväällä.", "period", None, None, "a season is no date"),
    (
        "Hanke kestää kesäkuun loppuun 2025.",
        "period",
        None,
        None,
        "a month's end without a day is not read",
    ),
    ("ELY-keskus teki päätöksen 11.2.2021.", "period", None, None, "a decision date"),
    (
        "Hallitus hyväksyi 1.3.2024–5.3.2024 pidetyssä kokouksessa hakemuksen.",
        "period",
        None,
        UNCERTAIN,
        "dates of a meeting, not the project",
    ),
    (
        "Työt on aloitettava viimeistään 1.6.2021 mennessä.",
        "period",
        None,
        None,
        "a deadline is no period",
    ),
    ("Hakemukset saapuivat 2019-2020.", "period", None, None, "years with no period word"),
    ("Hanke toteutetaan 1.5.2025 – 30.4.2023.", "period", None, UNCERTAIN, "ends before it starts"),
    (
        "Hanke toteutetaan 1.5.2023–30.4.2025. Hanke toteutetaan 1.6.2023–30.4.2025.",
        "period",
        None,
        UNCERTAIN,
        "two different periods",
    ),
    # -- programme and fund
    (
        "Hanketta rahoitetaan Euroopan aluekehitysrahastosta.",
        "programme",
        "EAKR",
        None,
        "the fund named in words",
    ),
    (
        "Hanke saa rahoitusta EU:n oikeudenmukaisen siirtymän rahastosta (JTF).",
        "programme",
        "JTF",
        None,
        "JTF",
    ),
    (
        "Hankkeen rahoittaa Keski-Suomen ELY-keskus Maaseuturahastosta.",
        "programme",
        "Maaseuturahasto",
        None,
        "MSR in words",
    ),
    ("Hanketta tuetaan MSR-rahastosta.", "programme", "Maaseuturahasto", None, "MSR"),
    ("Hankkeen rahoittaa Leader Pohjoisin Lappi.", "programme", "Leader", None, "Leader"),
    (
        "Rahoitus tulee Interreg Aurora -ohjelmasta, EAKR 65 %.",
        "programme",
        "Interreg",
        None,
        "Interreg over its fund",
    ),
    (
        "Rahoitus tulee Interreg Aurora -ohjelmasta, EAKR 65 %.",
        "fund",
        "EAKR",
        None,
        "the fund stays visible",
    ),
    (
        "Toimijat voivat hakea myös esimerkiksi Leader-tukea.",
        "programme",
        None,
        UNCERTAIN,
        "a possibility, not the funding",
    ),
    (
        "Hankkeen toteuttajana on Leader Viisari ry.",
        "programme",
        None,
        None,
        "an organisation's name without funding words",
    ),
    (
        "Opetus- ja kulttuuriministeriö myönsi hankkeelle avustusta.",
        "programme",
        "OKM",
        None,
        "a ministry",
    ),
    (
        "Pohjois-Savon liitto on myöntänyt hankkeelle EAKR- ja valtion tukea 68 901 € (70 %).",
        "fund",
        "EAKR",
        None,
        "the fund in a grant sentence",
    ),
]


def _value(reading: ProseReading, name: str) -> object:
    fact = {
        "budget": reading.budget,
        "city_share": reading.city_share,
        "period": reading.period,
        "programme": reading.programme,
        "fund": reading.fund,
    }[name]
    return None if fact is None else fact.value


def test_enough_cases_and_no_repeats() -> None:
    assert len(CASES) >= 60
    keys = [(c[0], c[1]) for c in CASES]
    assert len(keys) == len(set(keys)), "a case is listed twice"


@pytest.mark.parametrize(
    ("text", "name", "expected", "code", "why"), CASES, ids=[c[4] for c in CASES]
)
def test_sentence(text: str, name: str, expected: object, code: str | None, why: str) -> None:
    reading = read_prose([(7, text)])
    assert _value(reading, name) == expected, why
    codes = {problem.code for problem, _, about in reading.problems if about == name}
    assert codes == ({code} if code else set()), why
    if expected is not None:
        fact = getattr(reading, name)
        assert fact.line == 7 and fact.sentence, "a fact keeps its line and sentence"
