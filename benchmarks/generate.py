"""Synthetic corpora in the seed's format: N projects with the variety real exports have.

Each project is a title line, a blank line and labelled fields, as in data/source.txt, with
the variation stewards' text shows: label variants, amounts written four ways (spaces, NBSPs,
dots, 'milj.'), dates with en dashes, hyphens and spaces, start and end on their own labels,
a city share for one year, staff changes, one or two contacts with e-mail and phone, and now
and then a misspelt label, a heading or an empty field. The same seed gives the same bytes.

With --findings N it writes a file for the text report's worst case instead: projects in
the same format whose fields carry the defects editors leave (unreadable money and dates,
periods that end before they start, misspelt labels and titles, empty fields, sums that do
not add up), about seven findings each, until `hankkeet validate` reports exactly N findings.

Usage: python benchmarks/generate.py --size-mb 15 -o benchmarks/out/corpus-15mb.txt
       python benchmarks/generate.py --projects 1000 -o corpus.txt
       python benchmarks/generate.py --findings 200000 -o benchmarks/out/findings-200k.txt
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

NBSP = "\u00a0"

PREAMBLE = (
    "Elinvoima on eloisuutta, voimaa ja hyvinvointia.\n\n"
    "Se on myös kasvua ja kehitystä, selviytymistä ja kilpailukykyä. Elinvoimahankkeiden "
    "tarkoituksena on kehittää ja parantaa asukkaiden ja yritysten elinvoimaa.\n\n"
)
PLACES = (
    "Kemin",
    "Meri-Lapin",
    "Perämeren",
    "Sisäsataman",
    "Veitsiluodon",
    "Tornion",
    "Keminmaan",
    "Lapin",
    "Ajoksen",
    "Rovaniemen",
    "Simon",
    "Tervolan",
)
TOPICS = (
    "matkailun",
    "kaupunkiviljelyn",
    "digiosaamisen",
    "harrastusten",
    "yrittäjyyden",
    "työllisyyden",
    "saaristomatkailun",
    "lähiruoan",
    "kiertotalouden",
    "nuorisotyön",
    "kotoutumisen",
    "elinvoiman",
    "palveluiden",
    "osaamisen",
    "vetovoiman",
)
KINDS = (
    "kehittämishanke",
    "koordinaatiohanke",
    "elpymissuunnitelma",
    "pilottihanke",
    "jäänmurtajahanke",
    "esiselvitys",
    "verkostohanke",
    "toimenpidehanke",
)
CASES = ("", " – master plan {place}", " (case {short})", " -hanke")
FIRST = (
    "Irina",
    "Virpi",
    "Erkki",
    "Jussi",
    "Anne",
    "Oskar",
    "Janne",
    "Åsa",
    "Jyrki",
    "Päivi",
    "Tuomas",
    "Liisa",
    "Mikko",
    "Sanna",
    "Heikki",
    "Riikka",
    "Ömer",
    "Aino",
)
LAST = (
    "Ruohonen",
    "Pakarinen",
    "Böhme",
    "Tuovinen",
    "Leppälä-Hast",
    "van Ieperen",
    "Jylkkä",
    "Öhman",
    "Äimälä",
    "Oikarinen",
    "Niskanen",
    "Kärkkäinen",
    "Mäkelä",
    "Virtanen",
)
TITLES = (
    "projektipäällikkö",
    "projektikoordinaattori",
    "hankekoordinaattori",
    "yrityskehittämisen asiantuntija",
    "kehittämispäällikkö",
    "projektityöntekijä",
    "erityisasiantuntija",
    "Projektikoordinaattori",
    "hankepäällikkö",
)
SENTENCE_WORDS = (
    "hankkeella",
    "vastataan",
    "kehitetään",
    "vahvistetaan",
    "alueen",
    "yritysten",
    "asukkaiden",
    "palveluja",
    "yhteistyötä",
    "toimijoiden",
    "kanssa",
    "ja",
    "sekä",
    "tavoitteena",
    "on",
    "lisätä",
    "uusia",
    "työpaikkoja",
    "osaamista",
    "matkailua",
    "kestävää",
    "kasvua",
    "digitaalisia",
    "menetelmiä",
    "kaupungin",
    "toimintaa",
    "myös",
    "koronan",
    "jälkeen",
    "vuonna",
    "2030",
    "esimerkiksi",
    "työpajojen",
    "pilottien",
    "avulla",
    "mahdollistetaan",
    "paikallisten",
    "pk-yritysten",
    "toipumista",
    "luodaan",
)

LABEL_VARIANTS = {
    "funding": (
        "Rahoitus ja ohjelma",
        "Rahoitus ja ohjelma",
        "Rahoitus ja ohjelma",
        "Rahoitus",
        "Rahoittaja",
        "Rahoitusohjelma",
        "Rahoitus/ohjelma",
    ),
    "period": (
        "Toiminta-aika",
        "Toiminta-aika",
        "Toiminta-aika",
        "Toteutusaika",
        "Hankeaika",
        "Hankkeen kesto",
    ),
    "budget": (
        "Budjetti koko toiminta-ajalle",
        "Budjetti koko toiminta-ajalle",
        "Budjetti",
        "Kokonaisbudjetti",
        "Kustannusarvio",
    ),
    "city": ("Kaupungin osuus", "Kaupungin osuus", "Kunnan osuus", "Omarahoitusosuus"),
    "staff": (
        "Hankehenkilökunnan määrä",
        "Hankehenkilökunnan määrä",
        "Henkilöstö",
        "Henkilöstön määrä",
    ),
    "contacts": ("Yhteyshenkilö", "Yhteyshenkilö", "Yhteystiedot", "Lisätietoja"),
    "summary": ("Tiivistelmä", "Tiivistelmä", "Tiivistelmä", "Lyhyt kuvaus", "Kuvaus"),
}
# Misspelt labels, as typed in a hurry (a few per thousand projects).
TYPOS = {"budget": "Budjeti", "summary": "Tiivistlemä", "staff": "Henkilösto"}
PROGRAMMES = (
    "Hanke rahoitetaan {share} % osuudella Lapin liiton AKKE-rahoituksella.",
    "Lapin liitto. Toimintalinja 8. REACT- EU:n EAKR- toimenpiteet, erityistavoite 12.1.",
    "Toimintalinja 9. REACT- EU:n ESR- toimenpiteet, erityistavoite 12.3.",
    "Euroopan aluekehitysrahaston EAKR:n ja valtion rahoitus {eu} euroa, "
    "kuntien rahoitus {muni} euroa.",
    "ESR:n ja valtion rahoitus {eu} euroa, kuntien rahoitus {muni} euroa.",
    "Hanketta rahoitetaan {share} % osuudella Lapin liiton AKKE-rahoituksella, "
    "hankkeen kokonaisbudjetti on {total} euroa.",
    "Leader-rahoitus Peräpohjolan kehitys ry:n kautta.",
    "Interreg Aurora -ohjelma, EU-osuus {share} %.",
    "Business Finland.",
)
DASH_FORMS = ("–", "–", "-", " – ", " - ", "—")


def grouped(value: int, sep: str) -> str:
    """344616 -> '344 616' with the given thousands separator."""
    text = str(value)
    groups: list[str] = []
    while len(text) > 3:
        groups.insert(0, text[-3:])
        text = text[:-3]
    groups.insert(0, text)
    return sep.join(groups)


def money(rnd: random.Random, value: int) -> str:
    """An amount as people write it: '344 616 euroa', '256.506 €', '1,2 milj. euroa'."""
    form = rnd.random()
    if form < 0.45:
        return f"{grouped(value, ' ')} euroa"
    if form < 0.65:
        return f"{grouped(value, NBSP)}{NBSP}€"
    if form < 0.8:
        return f"{grouped(value, '.')} euroa"
    if form < 0.9 and value >= 1_000_000:
        millions = f"{value / 1_000_000:.1f}".replace(".", ",")
        return f"{millions} milj. euroa"
    if form < 0.95:
        return f"{value},{rnd.randint(1, 9)} euroa"
    return f"Hankkeen kokonaisbudjetti on {grouped(value, ' ')} euroa."


def day(rnd: random.Random, year: int, first: bool) -> tuple[int, int]:
    """A (day, month): mostly month starts and ends, as project periods are."""
    month = rnd.randint(1, 12)
    if first:
        return (1 if rnd.random() < 0.8 else rnd.randint(1, 28)), month
    last = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[month - 1]
    return (last if rnd.random() < 0.8 else rnd.randint(1, 28)), month


def period(rnd: random.Random) -> tuple[str, str, str, int]:
    """The period text, its first and last day on their own, and the start year."""
    start_year = rnd.randint(2014, 2027)
    end_year = start_year + rnd.randint(0, 3)
    d1, m1 = day(rnd, start_year, True)
    d2, m2 = day(rnd, end_year, False)
    if end_year == start_year and (m2, d2) < (m1, d1):
        end_year += 1
    dash = rnd.choice(DASH_FORMS)
    form = rnd.random()
    if form < 0.8:
        text = f"{d1}.{m1}.{start_year}{dash}{d2}.{m2}.{end_year}"
    elif form < 0.9:
        text = f"{d1:02}.{m1:02}.{start_year}{dash}{d2:02}.{m2:02}.{end_year}"
    elif form < 0.96:
        text = f"{m1}/{start_year}{dash}{m2}/{end_year}"
    else:
        text = f"{start_year}{dash}{end_year}"
    return text, f"{d1}.{m1}.{start_year}", f"{d2}.{m2}.{end_year}", start_year


def sentence(rnd: random.Random, words: int) -> str:
    """A Finnish-looking sentence."""
    chosen = [rnd.choice(SENTENCE_WORDS) for _ in range(words)]
    return " ".join(chosen).capitalize() + "."


def contact(rnd: random.Random) -> str:
    """'projektipäällikkö Virpi Pakarinen', sometimes with e-mail and phone."""
    first, last = rnd.choice(FIRST), rnd.choice(LAST)
    text = f"{rnd.choice(TITLES)} {first} {last}"
    if rnd.random() < 0.25:
        mail = f"{first}.{last}".casefold().replace(" ", "").replace("ä", "a").replace("ö", "o")
        text += f", {mail.replace('å', 'a')}@kemi.fi"
    if rnd.random() < 0.2:
        text += f", puh. 040 {rnd.randint(100, 999)} {rnd.randint(1000, 9999)}"
    return text


def title(rnd: random.Random, n: int) -> str:
    """A project name; the number keeps names unique, as real registers do."""
    place = rnd.choice(PLACES)
    base = f"{place} {rnd.choice(TOPICS)} {rnd.choice(KINDS)}"
    case = rnd.choice(CASES).format(
        place=place[:-1] if place.endswith("n") else place,
        short=rnd.choice(("ÄRM", "Veitsiluoto", "Sisäsatama")),
    )
    return f"{base}{case} {n}"


def project(rnd: random.Random, n: int) -> str:
    """One project block, ending in a blank line."""

    def label(field: str) -> str:
        if field in TYPOS and rnd.random() < 0.003:
            return TYPOS[field]
        return rnd.choice(LABEL_VARIANTS[field])

    total = rnd.randrange(20_000, 3_000_000, 1)
    share = rnd.choice((70, 75, 80, 90))
    city = total * (100 - share) // 100
    text_period, first_day, last_day, start_year = period(rnd)
    lines = [title(rnd, n), ""]
    funding = rnd.choice(PROGRAMMES).format(
        share=share,
        eu=grouped(total - city, " "),
        muni=grouped(city, " "),
        total=grouped(total, " "),
    )
    lines.append(f"{label('funding')}: {funding}")
    if rnd.random() < 0.05:
        lines.append(f"Alkamispäivä: {first_day}")
        lines.append(f"Päättymispäivä: {last_day}")
    else:
        lines.append(f"{label('period')}: {text_period}")
    lines.append(f"{label('budget')}: {money(rnd, total)}")
    if rnd.random() < 0.2:
        lines.append(f"Kaupungin osuus vuonna {start_year}: {money(rnd, city // 2)}")
    elif rnd.random() < 0.95:
        lines.append(f"{label('city')}: {money(rnd, city)}")
    staff = rnd.random()
    if staff < 0.1:
        lines.append(f"{label('staff')}:")
    elif staff < 0.2:
        lines.append(f"{label('staff')}: 2,5 (31.12.{start_year} saakka, minkä jälkeen 3,0)")
    else:
        lines.append(f"{label('staff')}: {rnd.choice(('1', '1', '2', '1,5', '3', '0,5'))}")
    people = contact(rnd)
    if rnd.random() < 0.3:
        people += f" ja {contact(rnd)}"
    lines.append(f"{label('contacts')}: {people}")
    summary = " ".join(sentence(rnd, rnd.randint(6, 22)) for _ in range(rnd.randint(1, 9)))
    lines.append(f"{label('summary')}: {summary}")
    if rnd.random() < 0.02:
        lines.append("")
        lines.append(
            rnd.choice(
                ("Hankkeet vuonna " + str(start_year), "Päättyneet hankkeet", "Käynnissä olevat")
            )
        )
    return "\n".join(lines) + "\n\n"


def projects(seed: int = 7, limit: int | None = None) -> Iterator[str]:
    """The corpus as text pieces: the preamble, then one project after another."""
    rnd = random.Random(seed)
    yield PREAMBLE
    n = 0
    while limit is None or n < limit:
        n += 1
        yield project(rnd, n)


# -- a file full of findings: the worst case of the text report --------------------------------
#
# Each field of a project is written clean or with one of the defects editors leave, and the
# generator keeps the values a reader gets from what it wrote, so that it can count the
# findings `hankkeet validate` will report: each defect's own, plus the cross-field rules
# (hankkeet/checks.py) worked out on those values. A project is made to give at most the
# findings still wanted, so the file gives exactly N (tests/test_generate.py checks it).

FIELDS = ("funding", "period", "budget", "city", "staff", "contacts", "summary", "extra")
# How often each field is written with a defect (else clean): about seven findings a project.
DEFECT_RATE = {
    "funding": 0.85,
    "period": 0.8,
    "budget": 0.7,
    "city": 0.8,
    "staff": 0.8,
    "contacts": 0.85,
    "summary": 0.7,
    "extra": 0.9,
}
SEASONS = (
    "syksy {year}",
    "kevät {year} – syksy {later}",
    "kesä {year}",
    "talvi {year}–{later}",
)
UNREADABLE_MONEY = (
    "noin puoli miljoonaa",
    "tarkentuu myöhemmin",
    "ei vielä tiedossa",
    "haetaan syksyllä",
    "päätetään hallituksessa",
)
UNKNOWN_PROGRAMMES = (
    "Kemin kaupunki ja alueen yritykset.",
    "Rahoitus haetaan kevään haussa; rahoittaja selviää myöhemmin.",
    "Säätiön avustus ja kuntien rahoitus yhdessä alueen yritysten kanssa, tarkempi jako "
    "sovitaan ohjausryhmässä hankkeen alussa.",
    "Ministeriön erityisavustus.",
)
PROGRAMME_TYPOS = ("AKEK", "AKKR", "EARK", "EAKK", "LEDAER", "INTERRGE")
MULTIPLE = (
    "EAKR- ja ESR-rahoitus, Lapin liitto.",
    "Business Finland ja Leader-rahoitus Peräpohjolan kehitys ry:n kautta.",
    "AKKE-rahoitus ja OKM:n erityisavustus.",
)
KNOWN_PROGRAMMES = (
    "Business Finland.",
    "Leader-rahoitus Peräpohjolan kehitys ry:n kautta.",
    "Interreg Aurora -ohjelma.",
    "Toimintalinja 9. REACT- EU:n ESR- toimenpiteet, erityistavoite 12.3.",
)
TITLE_TYPOS = ("Korrdinattori", "projektipäälikkö", "hankekoordinaatori", "Projektipäälliko")
UNKNOWN_TITLES = ("hankevelho", "markkinointivelho", "kahvinkeittäjä", "vapaaehtoinen")
UNREADABLE_STAFF = ("kaksi ja puoli", "tarpeen mukaan", "useita", "2 (1.1.2030 alkaen)")
UNKNOWN_LABELS = (
    "Vastuutaho: Kemin kaupunki, elinvoimapalvelut",
    "Hankkeen vetäjä: Kemin kaupunki",
    "Kohdealue: Meri-Lappi",
    "Ohjausryhmä: Kemin kaupunki, Lapin liitto, Lapin AMK ja Meri-Lapin yrittäjät",
    "Diaarinumero: KEM/{number}/2022",
    "Päätöspäivä: 12.5.2022",
)


@dataclass
class Flawed:
    """One project of the findings file: its lines, the values a reader gets from them, and
    the findings its fields give on their own."""

    lines: list[str]
    own: int = 0
    budget: int | None = None
    city: int | None = None
    city_year: int | None = None
    start: date | None = None
    end: date | None = None
    share: int | None = None  # the outside funders' percent the funding text states
    amounts: tuple[int, ...] = ()  # the amounts the funding text states
    stated: int | None = None  # a whole budget the funding text states
    staff_change: date | None = None  # 'N (D saakka, minkä jälkeen M)'

    def findings(self) -> int:
        """Every finding `validate` reports on this project: its fields' and the checks'."""
        found = self.own
        start, end = self.start, self.end
        reversed_ = start is not None and end is not None and end < start
        found += reversed_  # end-before-start
        if self.staff_change is not None and not reversed_:
            cut = self.staff_change  # the first count ends here, the next starts a day later
            found += (start is not None and cut < start) or (
                end is not None and cut + timedelta(days=1) > end
            )
        if self.city_year is not None and (start is not None or end is not None):
            found += (start is not None and self.city_year < start.year) or (
                end is not None and self.city_year > end.year
            )
        budget, city = self.budget, self.city
        if budget is not None:
            found += city is not None and city > budget  # city-share-above-budget
            total = sum(self.amounts)
            found += bool(self.amounts) and (
                total > budget + 1 or (len(self.amounts) > 1 and total < budget - 1)
            )
            if city is not None and self.city_year is None and self.share is not None:
                found += abs(budget * (100 - self.share) / 100 - city) > 1  # share-mismatch
            found += self.stated is not None and abs(self.stated - budget) > 1
        return found


def _day(value: date) -> str:
    return f"{value.day}.{value.month}.{value.year}"


def _amount(rnd: random.Random, value: int) -> str:
    """An exact amount in one of the forms people write: spaces, NBSPs or dots."""
    form = rnd.random()
    if form < 0.5:
        return f"{grouped(value, ' ')} euroa"
    if form < 0.8:
        return f"{grouped(value, NBSP)}{NBSP}€"
    return f"{grouped(value, '.')} euroa"


def flawed_project(n: int, seed: float, kinds: dict[str, str]) -> Flawed:
    """Project number n with each field written as `kinds` says ('clean' or a defect); the
    same seed and kinds give the same text."""
    rnd = random.Random(seed)
    total = rnd.randrange(20_000, 3_000_000)
    share = rnd.choice((70, 75, 80, 90))
    first_year = rnd.randint(2015, 2026)
    start = date(first_year, rnd.randint(1, 12), 1)
    end = date(first_year + rnd.randint(1, 3), rnd.randint(1, 12), 28) - timedelta(
        days=rnd.choice((0, 0, 10))
    )
    dash = rnd.choice(DASH_FORMS)
    p = Flawed([title(rnd, n), ""])
    label = {name: rnd.choice(variants) for name, variants in LABEL_VARIANTS.items()}

    match kinds["funding"]:
        case "clean":
            p.share = share
            funding = f"Hanke rahoitetaan {share} % osuudella Lapin liiton AKKE-rahoituksella."
        case "share":  # a share that disagrees with the city share, if both are read
            p.share = share - 5
            funding = f"Hanke rahoitetaan {share - 5} % osuudella Lapin liiton AKKE-rahoituksella."
        case "stated":
            p.share, p.stated = share, total + rnd.choice((-1, 1)) * rnd.randrange(2_000, 90_000)
            funding = (
                f"Hanketta rahoitetaan {share} % osuudella Lapin liiton AKKE-rahoituksella, "
                f"hankkeen kokonaisbudjetti on {grouped(p.stated, ' ')} euroa."
            )
        case "amounts":
            eu = total * share // 100 + rnd.randrange(5_000, 50_000)
            p.amounts = (eu, total - eu + rnd.randrange(3_000, 30_000))
            funding = (
                f"Euroopan aluekehitysrahaston EAKR:n ja valtion rahoitus {grouped(eu, ' ')} "
                f"euroa, kuntien rahoitus {grouped(p.amounts[1], ' ')} euroa."
            )
        case "typo":
            p.own += 1
            funding = f"Lapin liiton {rnd.choice(PROGRAMME_TYPOS)}-rahoitus."
        case "unknown":
            p.own += 1
            funding = rnd.choice(UNKNOWN_PROGRAMMES)
        case "multiple":
            p.own += 1
            funding = rnd.choice(MULTIPLE)
        case other:
            raise ValueError(other)
    p.lines.append(f"{label['funding']}: {funding}")

    period: str | None
    match kinds["period"]:
        case "clean":
            p.start, p.end = start, end
            period = f"{_day(start)}{dash}{_day(end)}"
        case "reversed":
            p.start, p.end = start.replace(year=end.year), end.replace(year=start.year)
            p.start = p.start if p.start > p.end else p.start.replace(year=p.start.year + 1)
            period = f"{_day(p.start)}{dash}{_day(p.end)}"
        case "season":
            p.own += 1
            period = rnd.choice(SEASONS).format(year=start.year, later=end.year)
        case "impossible":
            p.own += 1
            period = (
                f"{rnd.choice(('31.2.', '30.2.', '31.4.', '1.13.'))}{start.year}{dash}{_day(end)}"
            )
        case "years":
            p.own += 1
            p.start, p.end = date(start.year, 1, 1), date(end.year, 12, 31)
            period = f"{start.year}{dash}{end.year}"
        case "open":
            p.own += 1
            p.start = start
            period = f"{_day(start)} alkaen"
        case "missing":
            p.own += 1
            period = None
        case other:
            raise ValueError(other)
    if period is not None:
        p.lines.append(f"{label['period']}: {period}")

    budget: str | None
    match kinds["budget"]:
        case "clean":
            p.budget = total
            budget = _amount(rnd, total)
        case "unreadable":
            p.own += 1
            budget = rnd.choice(UNREADABLE_MONEY)
        case "per-year":
            p.own += 1
            budget = f"{grouped(total // 3, ' ')} €/vuosi"
        case "empty":
            p.own += 1  # missing-field: an empty budget is no budget
            budget = ""
        case "missing":
            p.own += 1
            budget = None
        case other:
            raise ValueError(other)
    if budget is not None:
        p.lines.append(f"{label['budget']}: {budget}".rstrip())

    city_share = total * (100 - share) // 100
    match kinds["city"]:
        case "clean":
            p.city = city_share
            p.lines.append(f"{label['city']}: {_amount(rnd, city_share)}")
        case "above":
            p.city = total + rnd.randrange(1_000, 200_000)
            p.lines.append(f"{label['city']}: {_amount(rnd, p.city)}")
        case "year":
            p.city, p.city_year = city_share // 2, start.year + rnd.choice((-3, -1, 0, 1, 5))
            p.lines.append(f"Kaupungin osuus vuonna {p.city_year}: {_amount(rnd, p.city)}")
        case "unreadable":
            p.own += 1
            p.lines.append(f"{label['city']}: {rnd.choice(UNREADABLE_MONEY)}")
        case "empty":
            p.own += 1
            p.lines.append(f"{label['city']}:")
        case "missing":
            pass
        case other:
            raise ValueError(other)

    staff_label = label["staff"]
    match kinds["staff"]:
        case "clean":
            p.lines.append(f"{staff_label}: {rnd.choice(('1', '2', '1,5', '3', '0,5'))}")
        case "change":
            cut = date(rnd.randint(start.year - 2, end.year + 2), 12, 31)
            p.staff_change = cut
            p.lines.append(f"{staff_label}: 2,5 ({_day(cut)} saakka, minkä jälkeen 3,0)")
        case "empty":
            p.own += 1
            p.lines.append(f"{staff_label}:")
        case "unreadable":
            p.own += 1
            p.lines.append(f"{staff_label}: {rnd.choice(UNREADABLE_STAFF)}")
        case other:
            raise ValueError(other)

    first, last = rnd.choice(FIRST), rnd.choice(LAST)
    match kinds["contacts"]:
        case "clean":
            people = contact(rnd)
        case "title-typo":
            p.own += 1
            people = f"{rnd.choice(TITLE_TYPOS)} {first} {last}"
        case "unknown-title":
            p.own += 1
            people = f"{rnd.choice(UNKNOWN_TITLES)} {first} {last}"
        case "no-name":
            p.own += 1
            people = (
                f"projektipäällikkö, puh. 040 {rnd.randint(100, 999)} {rnd.randint(1000, 9999)}"
            )
        case "two-titles":
            p.own += 2
            people = (
                f"{rnd.choice(TITLE_TYPOS)} {first} {last} ja "
                f"{rnd.choice(UNKNOWN_TITLES)} {rnd.choice(FIRST)} {rnd.choice(LAST)}"
            )
        case "empty":
            p.own += 1
            people = ""
        case other:
            raise ValueError(other)
    p.lines.append(f"{label['contacts']}: {people}".rstrip())

    summary = " ".join(sentence(rnd, rnd.randint(6, 18)) for _ in range(rnd.randint(1, 4)))
    match kinds["summary"]:
        case "clean":
            p.lines.append(f"{label['summary']}: {summary}")
        case "typo":
            p.own += 1
            p.lines.append(f"Tiivistlemä: {summary}")
        case "empty":
            p.own += 1
            p.lines.append(f"{label['summary']}:")
        case other:
            raise ValueError(other)

    match kinds["extra"]:
        case "clean":
            pass
        case "unknown-label":
            p.own += 1
            p.lines.insert(-1, rnd.choice(UNKNOWN_LABELS).format(number=n))
        case "unknown-labels":
            extra = rnd.sample(UNKNOWN_LABELS, rnd.randint(2, 4))
            p.own += len(extra)
            p.lines[-1:-1] = [line.format(number=n) for line in extra]
        case "repeated":
            p.own += 1
            p.lines.insert(-1, f"{staff_label}: {rnd.choice(('1', '2'))}")
        case other:
            raise ValueError(other)
    return p


# The defects each field may carry (besides 'clean'); a repeated staff line only after a
# readable one, so that it is the one finding it is meant to be.
DEFECTS: dict[str, tuple[str, ...]] = {
    "funding": ("share", "stated", "amounts", "typo", "unknown", "multiple"),
    "period": ("reversed", "season", "impossible", "years", "open", "missing"),
    "budget": ("unreadable", "per-year", "empty", "missing"),
    "city": ("above", "year", "unreadable", "empty", "missing"),
    "staff": ("change", "empty", "unreadable"),
    "contacts": ("title-typo", "unknown-title", "two-titles", "no-name", "empty"),
    "summary": ("typo", "empty"),
    "extra": ("unknown-label", "unknown-labels", "unknown-labels", "repeated"),
}


def findings_projects(findings: int, seed: int = 7) -> Iterator[tuple[str, int]]:
    """(text, findings) pieces whose findings add up to exactly `findings`: the preamble
    (one finding), then projects of about seven findings each."""
    rnd = random.Random(seed)
    yield PREAMBLE, 1
    left = findings - 1
    n = 0
    while left > 0:
        n += 1
        kinds = {
            name: rnd.choice(DEFECTS[name]) if rnd.random() < DEFECT_RATE[name] else "clean"
            for name in FIELDS
        }
        if kinds["extra"] == "repeated" and kinds["staff"] != "clean":
            kinds["extra"] = "unknown-label"
        project_seed = rnd.random()
        p = flawed_project(n, project_seed, kinds)
        # The last project gives just what is left: its defects are cleaned, last field first.
        for name in reversed(FIELDS):
            if p.findings() <= left:
                break
            kinds = {**kinds, name: "clean"}
            p = flawed_project(n, project_seed, kinds)
        count = p.findings()
        left -= count
        yield "\n".join(p.lines) + "\n\n", count


def write_findings(path: Path, findings: int, seed: int = 7) -> tuple[int, int]:
    """Write a file that gives exactly `findings` findings; (bytes, projects) written."""
    written = made = 0
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for piece, _count in findings_projects(findings, seed):
            out.write(piece)
            written += len(piece.encode("utf-8"))
            made += piece is not PREAMBLE
    return written, made


def write_corpus(
    path: Path, size_bytes: int | None = None, count: int | None = None, seed: int = 7
) -> tuple[int, int]:
    """Write a corpus of about size_bytes (or count projects); (bytes, projects) written."""
    if size_bytes is None and count is None:
        raise ValueError("give a size or a number of projects")
    written = made = 0
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for piece in projects(seed, count):
            if size_bytes is not None and written >= size_bytes:
                break
            out.write(piece)
            written += len(piece.encode("utf-8"))
            made += piece is not PREAMBLE
    return written, made


def main(argv: list[str] | None = None) -> int:
    """Command line: write one corpus."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    size = parser.add_mutually_exclusive_group(required=True)
    size.add_argument("--size-mb", type=float, help="about this many megabytes (10^6 bytes)")
    size.add_argument("--projects", type=int, help="exactly this many projects")
    size.add_argument(
        "--findings",
        type=int,
        help="projects full of defects, until validate reports exactly this many findings",
    )
    parser.add_argument("-o", "--output", type=Path, required=True, help="file to write")
    parser.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    args = parser.parse_args(argv)
    if args.findings is not None:
        written, made = write_findings(args.output, args.findings, args.seed)
        print(
            f"{args.output}: {made} projects, {args.findings} findings, {written / 1e6:.1f} MB",
            file=sys.stderr,
        )
        return 0
    size_bytes = int(args.size_mb * 1_000_000) if args.size_mb is not None else None
    written, made = write_corpus(args.output, size_bytes, args.projects, args.seed)
    print(f"{args.output}: {made} projects, {written / 1e6:.1f} MB", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
