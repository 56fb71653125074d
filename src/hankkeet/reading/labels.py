"""The vocabulary as data: field labels and their variants, funding programmes, job titles.

Adding a variant is one line in a table here; the parser holds no wording of its own.
"""

from __future__ import annotations

import re
from enum import StrEnum


class Field(StrEnum):
    """A field of a project record that a label can introduce."""

    FUNDING = "funding"
    PERIOD = "period"
    START = "start"
    END = "end"
    BUDGET = "budget"
    CITY_SHARE = "city_share"
    STAFF = "staff"
    CONTACTS = "contacts"
    SUMMARY = "summary"


# Every label variant, written as people write it; matching ignores case, the colon,
# and spaces around '/'.
LABELS: dict[Field, tuple[str, ...]] = {
    Field.FUNDING: (
        "Rahoitus ja ohjelma", "Rahoitus/ohjelma", "Rahoitus", "Rahoittaja", "Rahoittajat",
        "Päärahoittaja", "Rahoitusohjelma", "Rahoituslähde", "Rahoituslähteet", "Ohjelma",
    ),
    Field.PERIOD: (
        "Toiminta-aika", "Toteutusaika", "Hankeaika", "Hankkeen kesto", "Hankkeen aikataulu",
        "Suunnitelman mukainen toteutusaika", "Hankkeen toteutusaika", "Aikataulu", "Kesto",
        "Hankkeen toiminta-aika", "Toteutusajankohta",
    ),
    Field.START: ("Aloituspäivämäärä", "Alkamispäivä", "Alkamispäivämäärä", "Aloituspäivä"),
    Field.END: ("Päättymispäivämäärä", "Päättymispäivä", "Loppumispäivämäärä"),
    Field.BUDGET: (
        "Budjetti koko toiminta-ajalle", "Budjetti", "Kokonaisbudjetti",
        "Hankkeen kokonaisbudjetti", "Hankkeen budjetti", "Kustannusarvio",
        "Kokonaiskustannukset", "Hankkeen kokonaiskustannukset", "Kokonaiskustannusarvio",
    ),
    Field.CITY_SHARE: (
        "Kaupungin osuus", "Kunnan osuus", "Omarahoitusosuus", "Omarahoitus",
        "Kaupungin rahoitusosuus", "Kunnan rahoitusosuus", "Kaupungin omarahoitusosuus",
    ),
    Field.STAFF: (
        "Hankehenkilökunnan määrä", "Hankehenkilöstö", "Henkilöstö", "Henkilöstön määrä",
        "Henkilöstömäärä", "Hankehenkilöstön määrä", "Työntekijöiden määrä",
    ),
    Field.CONTACTS: (
        "Yhteyshenkilö", "Yhteyshenkilöt", "Yhteystiedot", "Lisätietoja", "Lisätiedot",
        "Hankkeen yhteyshenkilö", "Vastuuhenkilö",
    ),
    Field.SUMMARY: (
        "Tiivistelmä", "Lyhyt tiivistelmä", "Hankkeen kuvaus", "Kuvaus", "Hankkeen tiivistelmä",
        "Lyhyt kuvaus",
    ),
}

# A city-share label may name the one year it covers: "Kaupungin osuus vuonna 2021".
YEAR_SUFFIX = re.compile(r"\s+vuonna\s+(\d{4})$")

# A label is written by hand; a line of more words than this before the colon is prose.
MAX_LABEL_WORDS = 5


def label_key(text: str) -> str:
    """The form a label is matched in: case-folded, single-spaced, no spaces around '/'."""
    key = " ".join(text.replace("/", " / ").split()).casefold()
    return key.replace(" / ", "/")


LABEL_INDEX: dict[str, Field] = {
    label_key(variant): fld for fld, variants in LABELS.items() for variant in variants
}


# Funding programmes: (canonical name, patterns that must all match the funding text,
# case-folded and with every dash as a space: see funding.programme_key). Order matters:
# the first programme that matches is the project's programme, so the specific ones
# (REACT-EU EAKR) stand before the general. A pattern two programmes share is written the
# same way in both, so it is searched once.
PROGRAMMES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("REACT-EU EAKR", (r"react ?eu", r"\beakr\b|aluekehitysrahasto")),
    ("REACT-EU ESR", (r"react ?eu", r"\besr\b|sosiaalirahasto")),
    ("JTF", (r"\bjtf\b|oikeudenmukaisen siirtymän",)),
    ("ESR+", (r"\besr\+",)),
    ("EAKR", (r"\beakr\b|aluekehitysrahasto",)),
    ("ESR", (r"\besr\b|sosiaalirahasto",)),
    ("Interreg", (r"\binterreg",)),
    ("Leader / Maaseuturahasto",
     (r"\bleader|maaseuturahasto|maaseudun kehittämisrahasto|maaseutuohjelma",)),
    ("AMIF", (r"\bamif\b|turvapaikka, maahanmuutto ja kotouttamisrahasto",)),
    ("Erasmus+", (r"\berasmus",)),
    ("Business Finland", (r"business finland",)),
    ("AKKE", (r"\bakke\b",)),
    ("ÄRM", (r"\bärm\b|äkillisen rakennemuutoksen (?:tuki|rahoitus|rahasto)",)),
    ("OKM", (r"\bokm\b|opetus ja kulttuuriministeriö",)),
    ("STM", (r"\bstm\b|sosiaali ja terveysministeriö",)),
    ("TEM", (r"\btem\b|työ ja elinkeinoministeriö",)),
)

# A programme whose name says another: "REACT-EU EAKR" names EAKR too, but is one programme.
PROGRAMME_IMPLIES: dict[str, tuple[str, ...]] = {
    "REACT-EU EAKR": ("EAKR",), "REACT-EU ESR": ("ESR",), "ESR+": ("ESR",),
}

# Acronyms people write in capitals; a capitalised word one letter-swap away from one of
# these is read as it, with a warning ("EARK" -> "EAKR"). Short ones (ESR) are left out:
# too many real words lie one edit away from them.
PROGRAMME_ACRONYMS: dict[str, str] = {
    "EAKR": "EAKR", "AKKE": "AKKE", "AMIF": "AMIF", "INTERREG": "Interreg",
    "LEADER": "Leader / Maaseuturahasto", "ERASMUS": "Erasmus+",
}

# Kinds of funder, for totals: the first pattern that matches a funder's text wins.
FUNDER_KINDS: tuple[tuple[str, str], ...] = (
    ("municipal", r"\bkun(?:ta|nat|tien|nan)\b|kaupun|omarahoitus|\bkuntarahoitus"),
    ("eu_state", r"eakr|\besr|euroop|\beu\b|valtio|valtion|\bjtf|interreg|leader|amif"
                 r"|ministeriö|\bokm\b|\bstm\b|\btem\b|akke|liitto|liiton|ely"),
    ("private", r"yksityi|yritys|yritysten|säätiö"),
)

# Job titles. A title ending in one of these words is known ("projektipäällikkö" ends in
# "päällikkö"), so compound titles need no entry of their own.
TITLE_WORDS: tuple[str, ...] = (
    "koordinaattori", "päällikkö", "asiantuntija", "työntekijä", "sihteeri", "johtaja",
    "suunnittelija", "ohjaaja", "kehittäjä", "neuvoja", "vastaava", "assistentti",
    "lehtori", "insinööri", "tutkija", "manageri", "agentti", "valmentaja", "kouluttaja",
    "esimies", "vetäjä", "työntekijä", "yhteyshenkilö", "tuottaja", "opettaja",
    "rehtori", "sosiaalityöntekijä", "ohjelmapäällikkö", "palvelupäällikkö", "kuraattori",
    "psykologi", "hoitaja", "terapeutti", "konsultti", "asiamies", "harjoittelija",
    "kehityspäällikkö", "talouspäällikkö", "kanslisti", "toimistosihteeri", "pormestari",
    "kaupunginjohtaja", "sosionomi", "mentori", "neuvonantaja", "hanketyöntekijä",
    "projektityöntekijä", "projektipäällikkö", "projektikoordinaattori", "hankekoordinaattori",
    "hankepäällikkö", "kehittämispäällikkö", "erityisasiantuntija", "projektisihteeri",
)

# Name particles that stay lower-case inside a name ("Oskar van Ieperen").
NAME_PARTICLES: frozenset[str] = frozenset(
    {"van", "von", "af", "de", "der", "den", "da", "di", "du", "la", "le", "ten", "ter", "zu"}
)

# Words that join contacts in a list.
CONTACT_JOINERS: frozenset[str] = frozenset({"ja", "sekä", "&", "and"})

# Words that turn a single date into a start ("alkaen") or an end ("saakka").
FROM_WORDS: tuple[str, ...] = ("alkaen", "lähtien", "alkaa", "alkoi", "aloitus")
UNTIL_WORDS: tuple[str, ...] = ("saakka", "asti", "päättyy", "päättyi", "loppuu")
SEASON_WORDS: tuple[str, ...] = (
    "kevät", "keväällä", "kesä", "kesällä", "syksy", "syksyllä", "talvi", "talvella",
    "alkuvuosi", "loppuvuosi", "alkuvuodesta", "loppuvuodesta", "vuodenvaihde",
)
PER_YEAR_PATTERN = (r"/\s?(?:v|vuosi|vuodessa|vuosittain)\b|\bvuodessa\b|\bvuosittain\b"
                    r"|\bper vuosi\b")
