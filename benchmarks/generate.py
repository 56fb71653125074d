"""Synthetic corpora in the seed's format: N projects with the variety real exports have.

Each project is a title line, a blank line and labelled fields, as in data/source.txt, with
the variation stewards' text shows: label variants, amounts written four ways (spaces, NBSPs,
dots, 'milj.'), dates with en dashes, hyphens and spaces, start and end on their own labels,
a city share for one year, staff changes, one or two contacts with e-mail and phone, and now
and then a misspelt label, a heading or an empty field. The same seed gives the same bytes.

Usage: python benchmarks/generate.py --size-mb 15 -o benchmarks/out/corpus-15mb.txt
       python benchmarks/generate.py --projects 1000 -o corpus.txt
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Iterator
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
    parser.add_argument("-o", "--output", type=Path, required=True, help="file to write")
    parser.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    args = parser.parse_args(argv)
    size_bytes = int(args.size_mb * 1_000_000) if args.size_mb is not None else None
    written, made = write_corpus(args.output, size_bytes, args.projects, args.seed)
    print(f"{args.output}: {made} projects, {written / 1e6:.1f} MB", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
