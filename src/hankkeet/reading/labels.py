"""The vocabulary as data: field labels and their variants, funding programmes, job titles.

Adding a variant is one line in a table here; the parser holds no wording of its own.
"""

from __future__ import annotations

import re
from enum import StrEnum
from importlib import resources

from hankkeet.models import FunderKind


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
    # The fields below come from register cards and database pages.
    NAME = "name"
    FUND = "fund"
    LEADER = "leader"  # "Onko kyseessä Leader-hanke?" answered yes or no
    CONTACT_NAME = "contact_name"
    CONTACT_TITLE = "contact_title"
    CONTACT_EMAIL = "contact_email"
    CONTACT_PHONE = "contact_phone"


# Every label variant, written as people write it; matching ignores case, the colon,
# and spaces around '/'.
LABELS: dict[Field, tuple[str, ...]] = {
    Field.FUNDING: (
        "Hankkeen rahoitus",
        "Hankkeen rahoittaja",
        "Hankkeen rahoittajat",
        "Rahoitus ja ohjelma",
        "Rahoitus/ohjelma",
        "Rahoitus",
        "Rahoittaja",
        "Rahoittajat",
        "Päärahoittaja",
        "Rahoitusohjelma",
        "Rahoituslähde",
        "Rahoituslähteet",
        "Ohjelma",
        "Ohjelma/Rahasto",
        "Financing program",
        "Main financier",
        "Program/Fond",
        "Rahoittava ohjelma",
        "Ohjelma ja rahasto",
        "Finansiär",
        "Finansiärer",
        "Finansiering",
        "Funding",
        "Funder",
        "Funders",
        "Funded by",
        "Financed by",
        "Financiers",
        "Financier",
        # A label that names the programme: its amount is that programme's grant.
        "Leaderstöd",
        "Leader-stöd",
        "Leader-tuki",
        "Leader-rahoitus",
    ),
    Field.FUND: ("Rahasto", "Fund", "Fond"),
    Field.PERIOD: (
        "Toiminta-aika",
        "Toteutusaika",
        "Hankeaika",
        "Hankkeen kesto",
        "Hankkeen aikataulu",
        "Suunnitelman mukainen toteutusaika",
        "Hankkeen toteutusaika",
        "Aikataulu",
        "Kesto",
        "Hankkeen toiminta-aika",
        "Toteutusajankohta",
        "Toteuttamisaika",
        "Projektin kesto",
        "Projektiaika",
        "Projektin toteutusaika",
        "Implementation time",
        "Tidsperiod",
        "Projekttid",
        "Period",
        "Projektperiod",
        "Project period",
        "Duration",
        "Implementation period",
        "Project duration",
        "Duration of project",
        "Duration of the project",
        "Time period",
    ),
    Field.START: (
        "Aloituspäivämäärä",
        "Alkamispäivä",
        "Alkamispäivämäärä",
        "Aloituspäivä",
        # 'pvm', päivämäärä shortened: register exports and cities' project databases.
        "Aloituspvm",
        "Aloittamispvm",
        "Alkamispvm",
        "Alkupvm",
        "Startdatum",
        "Start date",
        "Starting date",
        # A year alone: read as its first day, said (records._period).
        "Alkamisvuosi",
        "Aloitusvuosi",
        "Start year",
        "Startår",
    ),
    Field.END: (
        "Lopetuspäivä",
        "Lopetuspäivämäärä",
        "Päättymispäivämäärä",
        "Päättymispäivä",
        "Loppumispäivämäärä",
        "Päättymispvm",
        "Lopetuspvm",
        "Loppumispvm",
        "Loppupvm",
        "Slutdatum",
        "End date",
        "Ending date",
        "Päättymisvuosi",
        "Loppumisvuosi",
        "End year",
        "Slutår",
    ),
    Field.BUDGET: (
        "Budjetti koko toiminta-ajalle",
        "Budjetti",
        "Kokonaisbudjetti",
        "Hankkeen kokonaisbudjetti",
        "Hankkeen budjetti",
        "Kustannusarvio",
        "Kokonaiskustannukset",
        "Hankkeen kokonaiskustannukset",
        "Kokonaiskustannusarvio",
        "Hankkeen kustannusarvio",
        "Hankebudjetti",
        "Kokonaiskustannus",
        "Kustannukset yhteensä",
        "Total budget",
        "Budget",
        "Totalbudget",
        "Total projektbudget",
        "Projektbudget",
        "Total projektkostnad",
    ),
    Field.CITY_SHARE: (
        "Kaupungin osuus",
        "Kunnan osuus",
        "Omarahoitusosuus",
        "Omarahoitus",
        "Kaupungin rahoitusosuus",
        "Kunnan rahoitusosuus",
        "Kaupungin omarahoitusosuus",
    ),
    Field.STAFF: (
        "Hankehenkilökunnan määrä",
        "Hankehenkilöstö",
        "Henkilöstö",
        "Henkilöstön määrä",
        "Henkilöstömäärä",
        "Hankehenkilöstön määrä",
        "Työntekijöiden määrä",
    ),
    Field.CONTACTS: (
        "Lisätietoja asiasta antaa",
        "Lisätietoja asiasta antavat",
        "Lisätietoja hankkeesta antaa",
        "Yhteyshenkilö",
        "Yhteyshenkilöt",
        "Yhteystiedot",
        "Lisätietoja",
        "Lisätiedot",
        "Hankkeen yhteyshenkilö",
        "Vastuuhenkilö",
        "Hankkeen yhteyshenkilöt",
        "Lisätietoja hankkeesta",
        "Lisätietoja antaa",
        "Lisätietoja antavat",
        "Kontaktperson",
        "Projektansvarig",
        "Projektansvariga",
        "Projektets kontaktpersoner",
        "Contact person",
        "Yhteyshenkilöt hankkeessa",
        "Projektledare",
        "Kontaktpersoner",
        "Project manager",
        "Project leader",
        "Contact",
    ),
    Field.CONTACT_NAME: (
        "Hankkeen yhteyshenkilön nimi",
        "Vastuuhenkilön nimi",
        "Yhteyshenkilön nimi",
        "Projektin vastuuhenkilön nimi",
        "Hankkeen vastuuhenkilön nimi",
        "Projektipäällikön nimi",
        "Hankepäällikön nimi",
        "Seurantayhdyshenkilön nimi",
        "Hakemusvaiheen yhteyshenkilön nimi",
    ),
    Field.CONTACT_TITLE: (
        "Yhteyshenkilön asema hakijaorganisaatiossa",
        "Yhteyshenkilön asema",
        "Vastuuhenkilön asema",
        "Asema",
        "Asema organisaatiossa",
    ),
    Field.CONTACT_EMAIL: (
        "Yhteyshenkilön sähköpostiosoite",
        "Yhteyshenkilön sähköpostisoite",
        "Yhteyshenkilön sähköposti",
        "Vastuuhenkilön sähköposti",
    ),
    Field.CONTACT_PHONE: ("Yhteyshenkilön puhelinnumero", "Vastuuhenkilön puhelinnumero"),
    Field.NAME: (
        "Nimi",
        "Hankkeen nimi",
        "Projektin nimi",
        "Hankkeen julkinen nimi",
        "Hankkeen nimi ja lyhenne",
        "Hankenimi",
        "Projektets namn",
        "Project name",
        "Projektnamn",
        "Official name of the project",
        "Name of the project",
        "Hankkeen nimi suomeksi",
        # Swedish and English lists of grants: 'Projekt: ”Härbärget på Kökar”' (colon only).
        "Projekt",
        "Project",
    ),
    Field.LEADER: (
        "Onko kyseessä Leader-hanke?",
        "Onko Leader-hanke?",
        "Leader-hanke?",
        "Är det ett Leader-projekt?",
        "Onko Leader",
    ),
    Field.SUMMARY: (
        "Tiivistelmä",
        "Lyhyt tiivistelmä",
        "Hankkeen kuvaus",
        "Kuvaus",
        "Hankkeen tiivistelmä",
        "Lyhyt kuvaus",
        "Julkinen hankekuvaus",
        "Hankkeen julkinen kuvaus",
        "Suunnitelman mukainen tiivistelmä toteutuksesta",
        "Offentlig projektbeskrivning",
        "Projektbeskrivning",
        "Project description",
        "Project in a nutshell",
        "Hankkeesta",
        "Tiivistelmä hankkeesta",
        "Hankkeen julkinen tiivistelmä",
        "Julkinen tiivistelmä",
        "Projektin tiivistelmä",
        "Innehåll",
        "Sammanfattning",
        "Summary",
        "Contents",
        "Content",
        "Sisältö",
    ),
}

# Labels of other things (organisation details, register codes, targets): read as labels, so
# they never become a title or start a project, but their values are not used.
OTHER_LABELS: tuple[str, ...] = (
    "Projektägare",
    "Project owner",
    "Huvudsökande",
    "Projektparter",
    "Project partners",
    "Hankekoodi",
    "Projektikoodi",
    "Hankenumero",
    # An application's or a case's number on a decision ('Hakemusnumero 303746').
    "Hakemusnumero",
    "Hakemuksen numero",
    "Hakemustunnus",
    "Asianumero",
    "Projektnummer",
    "Toimintalinja",
    "Erityistavoite",
    "Toiminnan tila",
    "Tila",
    "Status",
    "Vastuuviranomainen",
    "Rahoittava viranomainen",
    "Hakijan virallinen nimi",
    "Hakija",
    "Organisaatiotyyppi",
    "Y-tunnus",
    "Jakeluosoite",
    "Puhelinnumero",
    "Postinumero",
    "Postitoimipaikka",
    "WWW-osoite",
    "Verkkosivut",
    "Kotisivu",
    "Hakijoiden lukumäärä tai tuen siirto -menettely",
    "Osatoteuttajat",
    "Toimenpide",
    "Alatoimenpide",
    "Toimenpiteen tyyppi",
    "Toimenpiteen tarkenne",
    "Hankeluonne",
    "Kohderyhmä",
    "Kohderyhmät",
    "Toteutusalue",
    "Tavoite",
    "Tavoitteet",
    "Tavoite ja toimenpiteet",
    "Odotettavissa olevat tulokset",
    "Tulokset",
    "Alue",
    "Toteuttaja",
    "Hankkeen toteuttaja",
    "Päätoteuttaja",
    "Hallinnoija",
    "Hankkeen hallinnoija",
    "Hankekumppanit",
    "Kumppanit",
    "Asiasanat",
    "Avainsanat",
    "Julkinen tuki",
    "Myönnetty tuki",
    "EU-tuki",
    "Haettu tuki",
    "Tukimuoto",
    "Tuen muoto",
    "Vastinrahoittajat",
    "Teema",
    "Maakunta",
    "Seutukunta",
    "Kunta",
    "Kunnat",
    "Ajankohtaista hankkeesta",
    "Åtgärd",
    "Underåtgärd",
    "Typ av åtgärd",
    "Åtgärdens specifierare",
    "Projektkaraktär",
    "Aktuellt om projektet",
    "Mer information",
    "Hankkeen verkkosivut",
    "Sähköposti",
    "Puhelin",
    "Valmistelija",
    "Esittelijä",
    "Lisätietojen antaja",
    "Yhteistyökumppanit",
    "Toimintaryhmä",
    "Taloushallinnon vastuuhenkilön nimi",
    "Sähköpostiosoite",
    "Förvaltande myndighet",
    "Hallinnoiva viranomainen",
    "Managing authority",
    "Programperiod",
    "Ohjelmakausi",
    "EU-bidrag",
    "EU-rahoitus",
    "Fokusområde",
    "Campus",
    "Målgrupp",
    "Project coordinator",
    "Project code",
    "Mål",
    "Syfte",
    "Resultat",
    "Bakgrund",
    "Aktiviteter",
    "Goals",
    "Objectives",
    "Results",
    "Background",
    "Activities",
    "Target group",
    "Partner",
    "Partners",
    "Samarbetspartner",
    # A university's project database: a project's acronym, type, focus area and unit,
    # each label alone on a line over its value ('Vahvuusala' over 'Biotalous').
    "Lyhenne",
    "Hankkeen lyhenne",
    "Projektin lyhenne",
    "Projektityyppi",
    "Hanketyyppi",
    "Vahvuusala",
    "Painoala",
    "Osaamisala",
    "Tutkimusryhmä",
    "Yksikkö",
)


# A known label narrowed to one organisation or place: 'Contact person in TScP Ltd',
# 'Kontaktperson vid Novia', 'Yhteyshenkilö Kemin kaupungilla'. The words after the label
# open with one of these, or end in a Finnish place case (-ssa, -lla, -sta…).
QUALIFIER_WORDS: frozenset[str] = frozenset(
    ("in", "at", "for", "of", "vid", "på", "hos", "i", "för", "inom", "från")
)
QUALIFIER_ENDINGS: tuple[str, ...] = ("ssa", "ssä", "lla", "llä", "sta", "stä", "lta", "ltä")

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
OTHER_INDEX: frozenset[str] = frozenset(label_key(v) for v in OTHER_LABELS) - set(LABEL_INDEX)
# Everyday words that are a label only with a colon ('Funding: …'); alone on a line they are
# a table's header or a word of text.
COLON_ONLY: frozenset[str] = frozenset(
    label_key(v)
    for v in (
        "Hankkeen rahoitus",
        "Hankkeen rahoittaja",
        "Hankkeen rahoittajat",
        "Nimi",
        "Projekt",
        "Project",
        "Funding",
        "Funder",
        "Funders",
        "Contact",
        "Summary",
        "Duration",
        "Period",
        "Innehåll",
        "Budget",
        "Financiers",
        "Financier",
        "Contents",
        "Content",
        "Funded by",
        "Financed by",
        "Finansiering",
        "Fund",
        "Fond",
        "Partner",
        "Partners",
        "Campus",
        "Status",
        "Tila",
        "Kunta",
        "Kunnat",
        "Alue",
        "Teema",
        "Asema",
        "Tavoite",
        "Tavoitteet",
        "Tulokset",
    )
)


# Funding programmes: (canonical name, patterns that must all match the funding text,
# case-folded and with every dash as a space: see funding.programme_key). Order matters:
# the first programme that matches is the project's programme, so the specific ones
# (REACT-EU EAKR) stand before the general. A pattern two programmes share is written the
# same way in both, so it is searched once.
# The two structural funds by their names in Finnish, English and Swedish: as programmes
# ('Funding: European Regional Development Fund' names the EAKR programme) and as funds.
_ERDF = (
    r"\beakr\b|aluekehitysrahasto|\berdf\b|regionala utvecklingsfonden|regional development fund"
)
_ESF = r"\besr\b|sosiaalirahasto|\besf\b|socialfonden|social fund"

PROGRAMMES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "Interreg",
        (r"\binterreg|botnia atlantica|central baltic|northern periphery|pohjoinen periferia",),
    ),
    ("REACT-EU EAKR", (r"react ?eu", _ERDF)),
    ("REACT-EU ESR", (r"react ?eu", _ESF)),
    ("JTF", (r"\bjtf\b|oikeudenmukaisen siirtymän",)),
    ("ESR+", (r"\besr\+",)),
    ("EAKR", (_ERDF,)),
    ("ESR", (_ESF,)),
    # 'lokalt ledd utveckling' (Swedish for community-led local development) is Leader.
    ("Leader", (r"\bleader|lokalt ledd utveckling",)),
    (
        "Maaseuturahasto",
        (
            r"maaseuturahasto|maaseudun kehittämisrahasto|maaseutuohjelma"
            r"|maaseudun kehittämisohjelma"
            r"|maaseudun kehittämisen maatalousrahasto|maaseudun maatalousrahasto"
            r"|\bmsr\b|\bmaaseuturahastosta"
            r"|landsbygdsfond|landsbygdsprogrammet|jordbruksfonden för landsbygdsutveckling"
            r"|\beafrd\b|agricultural fund for rural development",
        ),
    ),
    ("AMIF", (r"\bamif\b|turvapaikka, maahanmuutto ja kotouttamisrahasto",)),
    ("Erasmus+", (r"\berasmus",)),
    ("Business Finland", (r"business finland",)),
    (
        "AKKE",
        (
            r"\bakke\b|maakuntien liitoille osoitta|aluekehittämisen kehittämisrahoitu"
            r"|alueiden kestävän kasvun ja elinvoiman tuke",
        ),
    ),
    ("ÄRM", (r"\bärm\b|äkillisen rakennemuutoksen (?:tuki|rahoitus|rahasto)",)),
    (
        "OKM",
        (
            r"\bokm\b|opetus ja kulttuuriministeriö|ministry of education and culture"
            r"|undervisnings och kulturministeriet|utbildnings och kulturministeriet",
        ),
    ),
    (
        "STM",
        (
            r"\bstm\b|sosiaali ja terveysministeriö|ministry of social affairs and health"
            r"|social och hälsovårdsministeriet",
        ),
    ),
    (
        "TEM",
        (
            r"\btem\b|työ ja elinkeinoministeriö|ministry of economic affairs and employment"
            r"|arbets och näringsministeriet",
        ),
    ),
)

# A programme whose name says another: "REACT-EU EAKR" names EAKR too, but is one programme;
# an Interreg programme is funded by EAKR, a Leader group by the rural development fund.
PROGRAMME_IMPLIES: dict[str, tuple[str, ...]] = {
    "REACT-EU EAKR": ("EAKR",),
    "REACT-EU ESR": ("ESR",),
    "ESR+": ("ESR",),
    "Interreg": ("EAKR",),
    "Leader": ("Maaseuturahasto",),
    # The ministry's money that regional councils grant: the ministry is no other programme.
    "AKKE": ("TEM",),
}

# The EU funds behind the programmes, as (fund, pattern on the programme key). A fund is
# recorded only when the text names it; the programme says the rest.
FUNDS: tuple[tuple[str, str], ...] = (
    ("ESR+", r"\besr\+"),
    ("EAKR", _ERDF),
    ("ESR", _ESF),
    ("JTF", r"\bjtf\b|oikeudenmukaisen siirtymän rahasto"),
    (
        "Maaseuturahasto",
        r"maaseuturahasto|maaseudun kehittämisen maatalousrahasto|maaseudun kehittämisrahasto"
        r"|maaseudun maatalousrahasto|\bmsr\b|landsbygdsfond"
        r"|jordbruksfonden för landsbygdsutveckling|\beafrd\b"
        r"|agricultural fund for rural development",
    ),
    ("AMIF", r"\bamif\b|turvapaikka, maahanmuutto ja kotouttamisrahasto"),
)

# Acronyms people write in capitals; a capitalised word one letter-swap away from one of
# these is read as it, with a warning ("EARK" -> "EAKR"). Short ones (ESR) are left out:
# too many real words lie one edit away from them.
PROGRAMME_ACRONYMS: dict[str, str] = {
    "EAKR": "EAKR",
    "AKKE": "AKKE",
    "AMIF": "AMIF",
    "INTERREG": "Interreg",
    "LEADER": "Leader",
    "ERASMUS": "Erasmus+",
}

# Kinds of funder, for totals: the first pattern that matches a funder's text wins.
FUNDER_KINDS: tuple[tuple[FunderKind, str], ...] = (
    ("municipal", r"\bkun(?:ta|nat|tien|nan)\b|kaupun|omarahoitus|\bkuntarahoitus"),
    (
        "eu_state",
        r"eakr|\besr|euroop|\beu\b|valtio|valtion|\bjtf|interreg|leader|amif"
        r"|ministeriö|\bokm\b|\bstm\b|\btem\b|akke|liitto|liiton|ely",
    ),
    ("private", r"yksityi|yritys|yritysten|säätiö"),
)

# Job titles. A title ending in one of these words is known ("projektipäällikkö" ends in
# "päällikkö"), so compound titles need no entry of their own.
TITLE_WORDS: tuple[str, ...] = (
    "koordinaattori",
    "päällikkö",
    "asiantuntija",
    "työntekijä",
    "sihteeri",
    "johtaja",
    "suunnittelija",
    "ohjaaja",
    "kehittäjä",
    "neuvoja",
    "vastaava",
    "assistentti",
    "lehtori",
    "insinööri",
    "tutkija",
    "manageri",
    "agentti",
    "valmentaja",
    "kouluttaja",
    "esimies",
    "vetäjä",
    "yhteyshenkilö",
    "tuottaja",
    "opettaja",
    "rehtori",
    "sosiaalityöntekijä",
    "ohjelmapäällikkö",
    "palvelupäällikkö",
    "kuraattori",
    "psykologi",
    "hoitaja",
    "terapeutti",
    "konsultti",
    "asiamies",
    "harjoittelija",
    "kehityspäällikkö",
    "talouspäällikkö",
    "mestari",
    "muutosjohtaja",
    "hallintojohtaja",
    "kanslisti",
    "toimistosihteeri",
    "pormestari",
    "kaupunginjohtaja",
    "sosionomi",
    "mentori",
    "neuvonantaja",
    "hanketyöntekijä",
    "projektityöntekijä",
    "projektipäällikkö",
    "projektikoordinaattori",
    "hankekoordinaattori",
    "hankepäällikkö",
    "kehittämispäällikkö",
    "erityisasiantuntija",
    "projektisihteeri",
    # Titles of planners, scientists and officials (compounds end in them:
    # 'Kaavoitusarkkitehti', 'erikoistutkija').
    "arkkitehti",
    "professori",
    "ekonomisti",
    "agrologi",
    "tarkastaja",
    "kaavoittaja",
    "puheenjohtaja",
    "toiminnanjohtaja",
    "projektledare",
    "koordinator",
    "handläggare",
)

# Name particles that stay lower-case inside a name ("Oskar van Ieperen").
NAME_PARTICLES: frozenset[str] = frozenset(
    {"van", "von", "af", "de", "der", "den", "da", "di", "du", "la", "le", "ten", "ter", "zu"}
)

# Words that join contacts in a list.
CONTACT_JOINERS: frozenset[str] = frozenset({"ja", "sekä", "&", "and"})

# Words that turn a single date into a start ("alkaen") or an end ("saakka").
FROM_WORDS: tuple[str, ...] = ("alkaen", "lähtien", "alkaa", "alkoi", "aloitus")
# Words that say a project began ('lähti maaliskuussa 2022 käyntiin', 'started in March
# 2022'): with a month of a period's first year, the years give no start day (prose.py).
START_WORDS: tuple[str, ...] = (
    "alkoi",
    "alkaa",
    "käynnistyi",
    "käynnistyy",
    "käyntiin",
    "aloitettiin",
    "started",
    "began",
    "startade",
    "startar",
    "inleddes",
)
UNTIL_WORDS: tuple[str, ...] = ("saakka", "asti", "päättyy", "päättyi", "loppuu")
SEASON_WORDS: tuple[str, ...] = (
    "kevät",
    "keväällä",
    "kesä",
    "kesällä",
    "syksy",
    "syksyllä",
    "talvi",
    "talvella",
    "alkuvuosi",
    "loppuvuosi",
    "alkuvuodesta",
    "loppuvuodesta",
    "vuodenvaihde",
)
PER_YEAR_PATTERN = (
    r"/\s?(?:v|vuosi|vuodessa|vuosittain)\b|\bvuodessa\b|\bvuosittain\b"
    r"|\bper vuosi\b"
)

# -- prose: the words that decide whether a sentence states a fact exactly -----------------
# A word ending in '*' matches every word it starts.
# Verbs that say a budget or cost changed ('Kustannusarvio nousi tosin 15 prosentilla'): an
# amount the text gives for it may not be the final one.
BUDGET_CHANGE_WORDS: tuple[str, ...] = (
    "nousi",
    "nousivat",
    "kasvoi",
    "kasvoivat",
    "ylittyi",
    "ylittyivät",
    "ylitti",
    "muuttui",
    "tarkentui",
    "korotettiin",
    "steg",
    "ökade",
    "överskreds",
    "rose",
    "increased",
)
APPROXIMATION_WORDS: tuple[str, ...] = (
    "noin",
    "n.",
    "arviolta",
    "arviolta noin",
    "lähes",
    "vajaa",
    "vajaat",
    "runsas",
    "runsaat",
    "reilu",
    "reilut",
    "yli",
    "alle",
    "jopa",
    "ainakin",
    "suunnilleen",
    "likimain",
    "ennakoitu*",
    "arvioi*",
    "arvioidu*",
    "milj.",
    "miljoonaa",
    "miljoona",
    # Swedish and English pages of Finnish publishers.
    "cirka",
    "ca",
    "ca.",
    "omkring",
    "ungefär",
    "drygt",
    "nästan",
    "över",
    "about",
    "approximately",
    "approx.",
    "around",
    "nearly",
    "almost",
    "over",
    "million",
)
# Words that make an amount a ceiling, not the amount itself ('enintään 50 000 euroa').
CAP_WORDS: tuple[str, ...] = (
    "enintään",
    "maksimissaan",
    "korkeintaan",
    "max.",
    "högst",
    "maximum",
    "up to",
)
PART_WORDS: tuple[str, ...] = (
    "josta",
    "joista",
    "mistä",
    *CAP_WORDS,
    "osahanke*",
    "osahankkee*",
    "osatoteutu*",
    "osuude*",
    "osuus",
    "osuutta",
)
DECISION_WORDS: tuple[str, ...] = (
    "päätö*",
    "päätti",
    "päättänyt",
    "myönsi",
    "myöntänyt",
    "hyväksyi",
    "hyväksynyt",
    "allekirjoit*",
    "kokous*",
    "kokoukse*",
    "mennessä",
    "viimeistään",
    # A call's application period, not the project's ('Hakuaika 1.3. – 30.9.2020').
    "hakuaika*",
    "haku on auki",
    "hakea voi",
    "ansökningstid*",
    "application period",
    # An idea call's, a vote's or a sign-up's dates ('Ideahaku 19.9.–23.10.2022', 'Haku
    # avoinna 1.1.-31.3.2019'): the window of something the project runs, not its period.
    "avoinna",
    "ideahaku*",
    "äänestys*",
    "ilmoittautu*",
    # An exhibition's or a plan's days on display ('työt ovat esillä 29.9.–7.10.2023').
    "esillä",
    "nähtävillä",
    "näyttely*",
)
# The EU's programming periods: years a sentence gives for a programme, not for a project
# ('Interreg Aurora -ohjelmaa toteutetaan vuosina 2021–2027').
PROGRAMME_PERIODS: frozenset[tuple[int, int]] = frozenset(
    {(2000, 2006), (2007, 2013), (2014, 2020), (2021, 2027), (2028, 2034)}
)
PROGRAMME_PERIOD_WORDS: tuple[str, ...] = (
    "ohjelma*",
    "ohjelmakau*",
    "programperiod*",
    "programme*",
)
PERIOD_CUE_WORDS: tuple[str, ...] = (
    "toteutetaan",
    "toteutettiin",
    "toteutusaika",
    "toteutusaikaa",
    "toteutusajan",
    "kestää",
    "kesti",
    "käynnissä",
    "ajalla",
    "ajanjaksolla",
    "aikavälillä",
    "välisenä",
    "toimi",
    "toimii",
    "hankeaika",
    "hankeaikana",
    "vuosina",
    "vuosille",
    "kaudella",
    "toiminta-aika",
)
# Words that make the years after them an example, not a time of the project ('kuten
# vuonna 1999 ja vuosina 2002–2003', 'such as in 2018'): looked for just before the years.
EXAMPLE_WORDS: tuple[str, ...] = ("kuten", "esimerkiksi", "such as", "såsom", "till exempel")
# A form's instruction under its section label, in the imperative ('Ge en sammanfattande
# beskrivning av projektidé …', 'Kuvaile hankkeen tulokset.'): no part of the answer under it.
FORM_PROMPT_VERBS: frozenset[str] = frozenset(
    {
        "kuvaile",
        "kuvatkaa",
        "kerro",
        "kertokaa",
        "esitä",
        "esittäkää",
        "beskriv",
        "redogör",
        "ange",
        "ge",
        "describe",
        "provide",
        "summarise",
        "summarize",
        "explain",
    }
)
# Words a full stop follows without ending the sentence.
ABBREVIATIONS: frozenset[str] = frozenset(
    {
        "n",
        "esim",
        "mm",
        "ns",
        "milj",
        "ym",
        "yms",
        "jne",
        "tms",
        "eur",
        "klo",
        "puh",
        "p",
        "ks",
        "vrt",
        "tel",
        "os",
        "k",
        "t",
        "mrd",
        "n:o",
        "nro",
        "s",
        "v",
        "yht",
        "ko",
        "em",
    }
)
HEDGE_WORDS: tuple[str, ...] = (
    "mahdollisesti",
    "mahdollisuu*",
    "voisi",
    "voitaisiin",
    "saattaa",
    "tarvittaessa",
    "harkit*",
    "selvite*",
    "aiotaan",
    "aikoo",
    "suunnitel*",
    "voivat",
    "voi",
    "esimerkiksi",
    "esim.",
)

# -- layouts: the words that tell a page's family and its boundaries ----------------------
# A register card's heading names the fund: "Euroopan aluekehitysrahaston (EAKR)
# rahoittaman hankkeen kuvaus".
CARD_HEADINGS: tuple[str, ...] = (
    "rahoittaman hankkeen kuvaus",
    "rahoittaman projektin kuvaus",
    "hankkeen tiedot",
    "rahoittamat projektit",
    "projektisuunnitelma",
    "hankehakemus",
    "hankekortti",
    "projektikortti",
)
# Words a heading ends with when it names a project ('Forest In -project', 'X-projekt'), and
# the word-and-number line at the top of a database page ends with ('Kehittämishanke - 171169').
PROJECT_SUFFIXES: tuple[str, ...] = ("hanke", "projekt", "project", "projekti")
# Headings inside an agenda item: never its title, never a project.
AGENDA_SECTION_WORDS: frozenset[str] = frozenset(
    {
        "valmistelija",
        "valmistelijat",
        "esittelijä",
        "perustelut",
        "päätöksen perustelut",
        "esitys",
        "ehdotus",
        "päätösehdotus",
        "päätös",
        "kuvaus",
        "lisätiedot",
        "liitteet",
        "oheismateriaali",
        "tiedoksi",
        "muutoksenhaku",
        "käsittely",
        "pöytäkirja",
        "asialla on uudempia käsittelyjä",
        "elinkeinojohtaja",
        "kaupunginhallitus",
        "kunnanhallitus",
        "strategiajohtaja",
    }
)
# Words that show a text is about a project at all.
PROJECT_WORDS: tuple[str, ...] = ("hank", "projekt", "project")
# A word that names one project: the project word is the word's end ('hanke',
# 'kehittämishankkeelle', 'projektet'), not the start or the middle of another thing
# ('hankekatsaus', 'suunnitteluhankeyhtiön') and not a plural ('hankkeiden'). Kept as text:
# re compiles it when a page first needs it (a labelled file never does), not at every start.
ONE_PROJECT_WORD = (
    r"(?:hanke|hankkee(?:n|lle|ssa|sta|seen|lla|na)|hanketta|projekti(?:n|lle|ssa|sta|in|a)?"
    r"|projekt(?:et)?|projects?)$"
)
# A project spoken of as one, a whole word ('The project will begin …', 'Hankkeen
# tavoitteena …'), not counted ('133 kpl … hanketta') and not in a compound.
THE_PROJECT_WORDS: frozenset[str] = frozenset(
    {
        "hanke",
        "hankkeen",
        "hankkeessa",
        "hankkeella",
        "hankkeelle",
        "hankkeesta",
        "projekti",
        "projektin",
        "projektissa",
        "projekt",
        "projektet",
        "project",
    }
)
# 'hanke-' or 'projekti-' before one of these heads names an overview of many projects
# ('Hankekatsaus 2016', 'hankehaku', 'hankesalkku'), never one project.
OVERVIEW_HEADS: tuple[str, ...] = (
    "katsaus",
    "haku",
    "haun",
    "haut",
    "salkku",
    "lista",
    "luettelo",
    "kooste",
    "yhteenveto",
    "rahoitus",
    "hakemuks",
    "tilanne",
    "seuranta",
)
# Words that stand before a year and name no month ('Vuodet 2019-2021', 'År 2020').
YEAR_WORDS: frozenset[str] = frozenset(
    {
        "vuosi",
        "vuodet",
        "vuosina",
        "vuonna",
        "vuosille",
        "vuodelle",
        "vuoden",
        "kausi",
        "ohjelmakausi",
        "år",
        "åren",
        "året",
        "year",
        "years",
        "period",
        "from",
        "since",
        "until",
        "från",
        "till",
    }
)
# A person's title before the name ('Dr. James Scott', 'Prof. Anna Virtanen'): a line that
# starts with one names a person, never a project.
HONORIFICS: frozenset[str] = frozenset({"dr", "prof", "professor", "fil", "phd", "mr", "ms", "mrs"})
# The first word of a page's date line ('Julkaistu 7.9.2023', 'Päivitetty 1.2.2024'): never
# a project's title.
DATE_LINE_WORDS: frozenset[str] = frozenset(
    {
        "julkaistu",
        "julkaisuajankohta",
        "julkaisupäivä",
        "julkaisupäivämäärä",
        "päivitetty",
        "muokattu",
        "published",
        "updated",
        "posted",
        "publicerad",
        "publicerat",
        "uppdaterad",
        "uppdaterat",
    }
)
# Title words about projects in the plural: a text about many projects, not about one.
NOT_ONE_PROJECT: frozenset[str] = frozenset(
    {
        "hankkeiden",
        "hankkeille",
        "hankkeisiin",
        "hankkeita",
        "hankkeet",
        "projektien",
        "projekteille",
        "projektit",
        "projects",
        "projekten",
        "hankerahoitus",
        "välirahoituslainat",
        "välirahoitus",
        "väliaikaisrahoitus",
        "hankehakemukset",
        "hankkeissa",
    }
)
# Counts before a project word make it many projects ('kymmenelle selvityshankkeelle',
# 'tre projekt', 'two projects'): the stems of Finnish 2-20 in any case, Swedish, English.
COUNT_STEMS: tuple[str, ...] = (
    "kaksi",
    "kahde",
    "kahta",
    "kolme",
    "neljä",
    "viisi",
    "viide",
    "viitt",
    "kuusi",
    "kuude",
    "kuutt",
    "seitsem",
    "kahdeks",
    "yhdeks",
    "kymmen",
    "useam",
    "useit",
    "monel",
    "monia",
    "monta",
)
COUNT_WORDS: frozenset[str] = frozenset(
    {
        "två",
        "tre",
        "fyra",
        "fem",
        "sex",
        "sju",
        "åtta",
        "nio",
        "tio",
        "flera",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "several",
    }
)
# Words that name no project when they stand before '-hanke'.
# Programmes' and funds' names that name no project when they stand alone as a title
# ('Leader 2014-2022' over a Leader area's page).
PROGRAMME_WORDS: frozenset[str] = frozenset(
    {"jtf", "eakr", "esr", "interreg", "akke", "life", "aiko", "leader", "eu"}
)
GENERIC_NAMES: frozenset[str] = frozenset(
    {
        "jtf",
        "eakr",
        "esr",
        "interreg",
        "akke",
        "life",
        "aiko",
        "hanke",
        "tämä",
        "kyseinen",
        "uusi",
        "koko",
        "eu",
        "leader",
        "kehittämis",
        "investointi",
    }
)

# Common Finnish (and Finland-Swedish) first names: a contact written surname first
# ('Kaunismaa Pekka', as registers print them) is told by its last word being one of these
# and its first word not. Names not listed are left in the order written.
FIRST_NAMES: frozenset[str] = frozenset(
    line.strip()
    for line in resources.files("hankkeet.reading")
    .joinpath("data", "first_names.txt")
    .read_text(encoding="utf-8")
    .splitlines()
    if line.strip() and not line.startswith("#")
)

# Labels of other things whose value still tells the programme ("Toimintalinja: 9. REACT-EU:n
# ESR-toimenpiteet"): their text joins the funding text the programme is read from.
PROGRAMME_CONTEXT_LABELS: frozenset[str] = frozenset({"toimintalinja", "erityistavoite"})

# Month names in written-out dates ('1 januari 2019', '1. tammikuuta 2019', '1 January 2019'):
# the month's number, for the explicit date patterns.
MONTHS: dict[str, int] = {
    **{
        m: i
        for i, m in enumerate(
            (
                "tammikuuta",
                "helmikuuta",
                "maaliskuuta",
                "huhtikuuta",
                "toukokuuta",
                "kesäkuuta",
                "heinäkuuta",
                "elokuuta",
                "syyskuuta",
                "lokakuuta",
                "marraskuuta",
                "joulukuuta",
            ),
            1,
        )
    },
    **{
        m: i
        for i, m in enumerate(
            (
                "januari",
                "februari",
                "mars",
                "april",
                "maj",
                "juni",
                "juli",
                "augusti",
                "september",
                "oktober",
                "november",
                "december",
            ),
            1,
        )
    },
    **{
        m: i
        for i, m in enumerate(
            (
                "january",
                "february",
                "march",
                "april",
                "may",
                "june",
                "july",
                "august",
                "september",
                "october",
                "november",
                "december",
            ),
            1,
        )
    },
    # English and Swedish months shortened, as English-interface pages write them
    # ('1 Jan 2014 – 30 Jun 2016'); 'mar', 'maj' and 'may' are whole words above or here.
    **{
        m: i
        for i, names in enumerate(
            (
                ("jan",),
                ("feb",),
                ("mar",),
                ("apr",),
                (),
                ("jun",),
                ("jul",),
                ("aug",),
                ("sep", "sept"),
                ("oct", "okt"),
                ("nov",),
                ("dec",),
            ),
            1,
        )
        for m in names
    },
}
# Words of a page's frame, not of its content: never a project's title.
PAGE_CHROME: frozenset[str] = frozenset(
    {
        "rss",
        "rss-linkki",
        "uutinen",
        "nyhet",
        "nyheter",
        "news",
        "artikkeli",
        "artikel",
        "project presentations",
        "projects",
        "hankkeet",
        "projekt",
        "projekten",
        "projektinformation",
        "projektitiedot",
        "hankkeen tiedot",
        "uutiset",
        "tiedotteet",
        "ajankohtaista",
        "navigaatiovalikko",
        "etusivu",
        "menu",
        "go to content",
        "siirry sisältöön",
        "lue lisää",
        "läs mer",
        "jaa",
        "tulosta",
        "takaisin",
        "projektit",
        "kylähankkeet",
        "hankkeet ja projektit",
        "tietoa hankkeesta",
        "tietoa projektista",
        "beviljat stöd",
        "myönnetyt tuet",
        "research & projects",
        "research and projects",
        "tutkimus ja hankkeet",
        # A document site's word over the text it transcribed from a PDF.
        "transkriptio",
        "transkript",
        "transcript",
        "transcription",
        # A newspaper's section names and a document's parts, over or between its items.
        "kolumni",
        "mainos",
        "uutisanalyysi",
        "pääkirjoitus",
        "mielipide",
        "annons",
        "ledare",
        "kolumn",
        "advertisement",
        "table of contents",
        "sisällysluettelo",
        "innehåll",
        "innehållsförteckning",
        "styrgrupp",
        "ohjausryhmä",
        "steering group",
        "inriktningsmål",
        "projektmål",
        "kort om projektet",
        # Headings over a page's projects in the plural (Swedish 'projekt' is both).
        "avslutade projekt",
        "pågående projekt",
        "aktuella projekt",
        "våra projekt",
        "finished projects",
        "completed projects",
        "ongoing projects",
        "current projects",
        "päättyneet hankkeet",
        "käynnissä olevat hankkeet",
        "meneillään olevat hankkeet",
        "om projektet",
        "about the project",
        "rahoitus",
        "lisätiedot",
        # A funder's logo's caption.
        "funded by the eu",
        "funded by the european union",
        "co-funded by the european union",
        "co-funded by the eu",
        "euroopan unionin osarahoittama",
        "euroopan unionin rahoittama",
        "medfinansieras av europeiska unionen",
    }
)

# A council's or a board's name alone (with its date, or its section number), as agendas
# print it over their items: never a project's name ('Kaupunginvaltuusto', 'Kunnanhallitus
# 12.3.2024').
ORGAN_WORDS: frozenset[str] = frozenset(
    {
        "kaupunginvaltuusto",
        "kaupunginhallitus",
        "kunnanvaltuusto",
        "kunnanhallitus",
        "maakuntahallitus",
        "maakuntavaltuusto",
        "aluehallitus",
        "aluevaltuusto",
        "valtuusto",
        "hallitus",
        "lautakunta",
        "stadsfullmäktige",
        "stadsstyrelsen",
        "kommunfullmäktige",
        "kommunstyrelsen",
    }
)
# A site's notice over every page ('Viktig information om coronapandemin', 'Tärkeää tietoa
# koronaviruksesta'): the frame's, never a title.
NOTICE_STARTS: tuple[str, ...] = (
    "viktig information om",
    "important information about",
    "tärkeää tietoa",
    "ajankohtaista tietoa koronaviruksesta",
)
# Lines that stand only at a page's top (skip links, a way back to the front page): where
# they stand after other text, another page pasted into the same file begins.
PAGE_TOP_LINES: frozenset[str] = frozenset(
    {
        "suoraan sisältöön",
        "siirry sisältöön",
        "siirry suoraan sisältöön",
        "siirry pääsisältöön",
        "hyppää sisältöön",
        "hyppää pääsisältöön",
        "takaisin etusivulle",
        "hoppa till innehåll",
        "hoppa till huvudinnehåll",
        "gå till innehållet",
        "skip to content",
        "skip to main content",
        "go to content",
    }
)
# A photo's caption names the people in it ('Upper row from the left: …', 'Kuvassa
# vasemmalta: …', 'På bilden från vänster: …'): a line that opens so is never a project.
CAPTION_PHRASES: tuple[str, ...] = (
    "from the left",
    "from left",
    "from the right",
    "in the picture",
    "in the photo",
    "vasemmalta",
    "oikealta",
    "kuvassa",
    "kuvassa vasemmalta",
    "från vänster",
    "från höger",
    "på bilden",
    "på fotot",
)
# The last word of a heading that names a group of people, never a project ('Saimaa-ilmiön
# projektitiimi', 'Hankkeen ohjausryhmä', 'Project team').
GROUP_ENDINGS: tuple[str, ...] = ("tiimi", "ohjausryhmä", "työryhmä", "team", "styrgrupp")
# Words only a page's frame holds ('RSS', 'Valikko'): a short line with one of them is the
# frame's, never a title.
FRAME_WORDS: frozenset[str] = frozenset(
    {
        "rss",
        "rss-syöte",
        "valikko",
        "päävalikko",
        "menu",
        "meny",
        "sivukartta",
        "sitemap",
        "logo",
        "logotyp",
        "logotype",
        "logotyyppi",
        "lippu",
        "flagga",
        "flaggor",
        # A funder's caption under its logo ('EU:n rahoittama verkostohanke', 'Euroopan
        # unionin osarahoittama'), in a short line.
        "rahoittama",
        "osarahoittama",
        "medfinansieras",
        "co-funded",
        # Agenda systems' names, in their pages' heads ('Dynasty tietopalvelu').
        "dynasty",
        "cloudnc",
        "tweb",
    }
)
# Words that name a document, not a project: a heading that starts with one is never a title
# ('Loppuraportti 2010 – 2012', 'Pöytäkirja').
DOCUMENT_WORDS: frozenset[str] = frozenset(
    {
        # An agenda item's roles, first on a line ('Valmistelijat elinvoimapäällikkö …').
        "valmistelija",
        "valmistelijat",
        "esittelijä",
        "beredare",
        "föredragande",
        "loppuraportti",
        "väliraportti",
        "slutrapport",
        "delrapport",
        "raportti",
        "pöytäkirja",
        "pöytäkirjanote",
        "esityslista",
        "tiedote",
        "lehdistötiedote",
        "liite",
        "hakemus",
        "päätös",
        "loppuselvitys",
        # A funder's rules and guidelines ('Rahoituslinjaukset kaudelle 2023-2027').
        "linjaukset",
        "rahoituslinjaukset",
        "valintakriteerit",
        "hakuohjeet",
        "riktlinjer",
    }
)

# Words of a page that reports a meeting's or a month's several subjects ('Kunnanhallituksen
# kokoustiedote 20.6.2022', 'Kunnanhallituksessa päätettyä 26.4.', '… käsitteli seuraavat
# asiat:', a newsletter): a heading over a paragraph of it is one subject among others, and
# names the page's project only when it says it names a project (layouts/news.py).
DIGEST_WORDS: tuple[str, ...] = (
    "kokoustiedote",
    "päätettyä",
    "seuraavat asiat",
    "asialistalla",
    "uutiskirje",
    "nyhetsbrev",
    "newsletter",
    "beslut i korthet",
    "kortfattat",
)

# Documents a decision is about, before a project's name in an agenda item's title
# ('Kumppanuussopimus X -hankkeen toteuttamisesta', 'Rahoitushakemus X -hankkeelle'):
# matched at the word's end.
DECIDED_DOCUMENTS: tuple[str, ...] = (
    "sopimus",
    "hakemus",
    "anomus",
    "lausunto",
    "päätös",
    "esitys",
    "sitoumus",
)
# Documents whose years a sentence gives right after them ('hyväksyy MAL-sopimuksen
# vuosille 2020–2031', 'strategian vuosille 2022–2025'): not the project's period. Stems,
# found inside compounds.
DOCUMENT_YEARS_STEMS: tuple[str, ...] = ("sopimu", "strategi", "avtal")

# -- numbers: the words around amounts, shares and headcounts ------------------------------
# Euros as written after a number, longest first ('euroa' before 'euro' before 'e').
EURO_UNITS: tuple[str, ...] = (
    "€",
    "euroa",
    "eurolla",
    "eurosta",
    "euroksi",
    "euron",
    "euroon",
    "euro",
    "eur",
    "e",
)
# Words between a number and its unit that multiply it ('1,2 milj. euroa').
MULTIPLIERS: dict[str, int] = {
    "milj": 1_000_000,
    "miljoonaa": 1_000_000,
    "miljoona": 1_000_000,
    "m": 1_000_000,
    "t": 1000,
    "tuhatta": 1000,
}
# A share after a number ('80 %', '80 prosentin osuudella').
PERCENT_WORDS: tuple[str, ...] = (
    "%",
    "prosenttia",
    "prosentin",
    "prosentilla",
    "prosentin osuudella",
)
# Words that may follow a headcount ('1,5 henkilöä').
STAFF_UNIT_WORDS: frozenset[str] = frozenset(
    {"henkilöä", "henkilö", "hlö", "hlöä", "työntekijää", "työntekijä", "henkeä", "kpl"}
)
# Words of a funding clause that state the total, not a source ('kokonaisbudjetti on …').
FUNDING_TOTAL_WORDS: tuple[str, ...] = (
    "budjetti",
    "kustannusarvio",
    "kokonaiskustannu",
    "kustannukset",
)
# Words of a funding clause that are not the funder's name.
FUNDER_NOISE_WORDS: tuple[str, ...] = (
    "hanke",
    "hanketta",
    "rahoitetaan",
    "rahoittaa",
    "on",
    "osuudella",
    "osuus",
    "osuutena",
    "yhteensä",
)
# Words before a phone number ('puh. 040 …').
PHONE_WORDS: tuple[str, ...] = ("puh.", "puh", "p.", "tel.", "tel", "gsm", "mob.", "mob")

# Finite verbs of news headlines ('STEA myönsi rahoituksen …', '… -tiimi aloitti työnsä',
# 'Kommunen får …'): a headline that holds one is a sentence about a project, weak
# evidence of its name.
HEADLINE_VERBS: frozenset[str] = frozenset(
    {
        "sai",
        "saa",
        "saivat",
        "saavat",
        "myönsi",
        "myönsivät",
        "myönnettiin",
        "myöntää",
        "aloitti",
        "aloittaa",
        "aloittivat",
        "alkaa",
        "alkoi",
        "alkavat",
        "käynnistyi",
        "käynnistyy",
        "käynnistää",
        "käynnistettiin",
        "käynnistyivät",
        "päättyi",
        "päättyy",
        "rahoittaa",
        "rahoitti",
        "tukee",
        "kehittää",
        "kehittävät",
        "vie",
        "tuo",
        "toi",
        "hakee",
        "etsii",
        "selvittää",
        "selvitti",
        "edistää",
        "vahvistaa",
        "parantaa",
        "kokoaa",
        "yhdistää",
        "hyväksyi",
        "hyväksyttiin",
        "päätti",
        "valittiin",
        "jatkuu",
        "jatkaa",
        "laajenee",
        "kasvaa",
        "tekee",
        "teki",
        "auttaa",
        "rakentaa",
        "rakennetaan",
        # What a building or a place does in a headline ('Simpan majan viereen nousee …').
        "nousee",
        "valmistuu",
        "valmistui",
        "avataan",
        "avattiin",
        "kunnostetaan",
        "korjataan",
        "uudistuu",
        "uudistetaan",
        "byggs",
        "koordinoi",
        "vetää",
        "esittelee",
        "avaa",
        "avasi",
        "får",
        "fick",
        "startar",
        "startade",
        "inleds",
        "beviljades",
        "beviljar",
        "söker",
        "utvecklar",
        "planeras",
        "valdes",
        "väljs",
        "valts",
        "blev",
        "blir",
        "har",
        "fortsätter",
        "avslutas",
        "förbättras",
        "was",
        "were",
        "is",
        "are",
        "selected",
        "chosen",
        "gets",
        "got",
        "receives",
        "received",
        "starts",
        "started",
        "launches",
        "launched",
        "wins",
        "won",
        "develops",
        "helps",
        "brings",
    }
)

# A headline about a funding instrument, not a project: its last word names a fund or a
# strategy ('Kehittämisrahasto', '… 6Aika-strategian'; not a programme: a
# 'kehittämisohjelma' may be a project's name; not 'fund': 'funding'), or it speaks of a
# call for applications ('EAKR-rahoitusta haettavana …', 'Projektbidrag söks').
INSTRUMENT_STEMS: tuple[str, ...] = (
    "rahasto",
    "strategi",
    "fond",
    "strategy",
)
# Last words of a headline of grants in the plural or of a guide to applying: a funder's
# page, no project's ('Vesuri-ryhmän hanketuet', 'Kehittämishanke - Hyrrä-ohje'); matched at
# the word's end ('kehittämisohjelma' is no guide).
INSTRUMENT_ENDINGS: tuple[str, ...] = ("tuet", "avustukset", "ohje", "ohjeet", "opas", "guide")
CALL_WORDS: tuple[str, ...] = (
    "haettavana",
    "hakuaika",
    "haku päättyy",
    "hakuilmoitus",
    "haku on auki",
    "haku avautuu",
    "ansökningstid",
    "utlysning",
    "söks",
    "call for",
    "rahoituksen haku",
    "rahoitushaku",
    "avustushaku",
    "hankehaku",
    "määrärahan haku",
    "avustuksen haku",
    "apurahan haku",
    "tuen haku",
    "hakujakso",
    "haettavissa",
    # Applying as a noun ('Lumijoki 150 vuotta avustusten hakeminen').
    "avustusten hakeminen",
    "avustuksen hakeminen",
    "avustusten haku",
    "tuen hakeminen",
    "tukien haku",
    "rahoituksen hakeminen",
    "apurahan hakeminen",
    "apurahojen haku",
    "ansöka om",
    "apply for",
    # A headline that tells the reader to apply ('Hae avustusta lippukunnan kokeiluihin').
    "hae avustusta",
    "hae tukea",
    "hae rahoitusta",
    "hae apurahaa",
    "hakekaa avustusta",
    "hakekaa tukea",
    "sök bidrag",
    "sök stöd",
    "sök pengar",
    "sök medel",
)

# The stems of what a lead-in lists when it lists no projects ('… inom följande
# insatsområden:', 'seuraavilla painopistealueilla:', 'the following priorities:'): the areas,
# themes, measures, aims, criteria and purposes ('seuraaviin tarkoituksiin:') a funder's call
# names (layouts/columns.py).
LISTED_NOT_PROJECTS: tuple[str, ...] = (
    "insatsområ",
    "temaområ",
    "fokusområ",
    "teema",
    "painopist",
    "toimenpit",
    "toimenpide",
    "tavoit",
    "kriteer",
    "valintaperustee",
    "åtgärd",
    "priorit",
    "theme",
    "focus area",
    "criteri",
    "tarkoitu",
    "ändamål",
    "purpose",
)

# A role's label a head ends with ('… (WP1) Reference Board Leader: SLU Group', 'Lead
# partner: …'): the colon is the role's, and the head is no project's name (layouts/lists.py;
# known job titles count too).
ROLE_LABEL_WORDS: frozenset[str] = frozenset(
    {
        "leader",
        "leaders",
        "co-leader",
        "co-leaders",
        "coordinator",
        "partner",
        "partners",
        "contact",
        "manager",
        "chair",
        "ansvarig",
        "kontaktperson",
        "samordnare",
    }
)

# Stems of a headline about an organisation's accounts or budget ('Konneveden kunta teki
# ylijäämäisen tuloksen vuodelta 2022', 'Tilinpäätös 2023', 'Kommunens bokslut visar
# överskott', 'Juvalle tasapainoinen budjetti'): a finance report, no project's page, when
# the headline names no project (layouts/news.py).
ACCOUNTS_STEMS: tuple[str, ...] = (
    "tilinpäätö",
    "talousarvi",
    "budjett",
    "budgeten",
    "ylijäämä",
    "alijäämä",
    "tilikau",
    "bokslut",
    "överskott",
    "underskott",
    "annual accounts",
    "financial statements",
)

# Words of an organisation that receives a grant, in any case ('Misa Oy', 'Lemin
# 4H-yhdistys', 'virkistysaluesäätiölle'): layouts/leftovers.py tells a news item's grants to
# others than its project by them.
RECIPIENT_WORDS: tuple[str, ...] = (
    "yhdisty",
    "säätiö",
    "osuuskun",
    "kunnalle",
    "kaupungille",
    "seuralle",
    "förening",
    "stiftelse",
)
RECIPIENT_FORMS: frozenset[str] = frozenset({"oy", "ky", "oyj", "ab", "ry", "rf", "tmi"})

# Finnish parties' abbreviations, as a report of a council's debate writes them after a
# speaker's name ('Topias Kotiniemi (kok)'): lines.py tells such a line for a person.
PARTY_WORDS: frozenset[str] = frozenset(
    {"kok", "sd", "sdp", "kesk", "vas", "vihr", "ps", "rkp", "sfp", "kd", "liik", "sit"}
)

# Words that name a contact's detail ('Sähköpostiosoite', 'Puhelinnumero'): a form's empty
# labels after a name are no part of it (people.py).
DETAIL_WORDS: frozenset[str] = frozenset(
    {
        "sähköposti",
        "sähköpostiosoite",
        "puhelin",
        "puhelinnumero",
        "matkapuhelin",
        "e-post",
        "telefon",
        "email",
        "e-mail",
        "phone",
        "puh",
        "tel",
    }
)

# Words that speak of a municipality's own share ('Kauhajoen rahoitusosuus', 'kunnan
# osuus on', 'kommunens andel'): layouts/leftovers.py says a share the page speaks of that no
# project took.
SHARE_CUE = (
    r"(?:kaupungi|kunna|kommunen|staden|city|municipal)\w*\s+(?:oma)?(?:rahoitus)?(?:osuu|andel|share)"
    r"|\b\w+n\s+(?:oma)?rahoitusosuu|kuntaosuu|kuntarahoitu"
)

# Words of a line that gives a contact, with or without a label's colon ('Kontakta oss',
# 'Projektin vastuuhenkilön nimi Tauno Korpela'): layouts/leftovers.py says a contact the page
# gives that no project took.
CONTACT_CUE_WORDS: tuple[str, ...] = (
    "yhteyshenkil",
    "yhteystied",
    "lisätietoja",
    "vastuuhenkil",
    "sähköposti",
    "kontakt",
    "e-post",
    "contact",
    "e-mail",
)

# A note in parentheses after a title that tells the project's state, not its name ('Silver
# Economy Kemi -valmisteluhanke (haettu 10/2019)'): lines.TITLE_NOTE.
STATUS_WORDS: tuple[str, ...] = (
    "haettu",
    "haussa",
    "hakuvaiheessa",
    "käynnissä",
    "päättynyt",
    "päättyi",
    "suunnitteilla",
    "valmisteilla",
    "ansökt",
    "pågående",
    "avslutat",
    "slutredovisat",
    "applied",
    "ongoing",
    "ended",
    "completed",
)

# --- linking (link.py): the evidence of who a record is, read again from its own lines ---

# Labels of the line that names a project's implementer ('Toteuttaja: Kajaanin kaupunki').
IMPLEMENTER_LABEL_WORDS: tuple[str, ...] = (
    "toteuttaja",
    "hankkeen toteuttaja",
    "päätoteuttaja",
    "tuensaaja",
    "tuen saaja",
    "hakija",
    "hallinnoija",
    "hankkeen hallinnoija",
    "hallinnoiva organisaatio",
    "toteuttajaorganisaatio",
    "organisaatio",
    "stödmottagare",
    "beneficiary",
)
# Labels of the line that names a project's municipality ('Kunta: Kuhmo').
MUNICIPALITY_LABEL_WORDS: tuple[str, ...] = (
    "kunta",
    "kunnat",
    "sijaintikunta",
    "kotikunta",
    "paikkakunta",
    "toteutuskunta",
    "toteutusalue",
    "kommun",
)
# Labels of a project's acronym, its short name ('Lyhenne: VesiVarma', or the label alone on
# a line and the acronym on the next).
ACRONYM_LABEL_WORDS: tuple[str, ...] = (
    "lyhenne",
    "hankkeen lyhenne",
    "projektin lyhenne",
    "akronyymi",
    "förkortning",
    "acronym",
    "short name",
)
# Words in capitals that end or start many names without being the project's acronym: a
# fund or programme in parentheses ('… (EAKR)'), an organisation's or a region's letters.
NOT_ACRONYMS: frozenset[str] = frozenset(
    {
        "EAKR",
        "ESR",
        "JTF",
        "AKKE",
        "AMIF",
        "EMR",
        "ERDF",
        "ESF",
        "EAFRD",
        "REACT",
        "LEADER",
        "INTERREG",
        "ERASMUS",
        "EU",
        "ELY",
        "TEM",
        "OKM",
        "STM",
        "ÄRM",
        "AMK",
        "OY",
        "RY",
        "II",
        "III",
        "IV",
        "VI",
    }
)

# Last words of an organisation's name ('Iiden ry', 'Iisalmen kaupungin nuorisopalvelut'):
# a list entry that opens with one names its applicant, not its project.
# How a Swedish organisation's name may start: its first word a noun of what it is, in the
# definite form ('Hushållningssällskapet Norrbotten-Västerbotten', 'Länsstyrelsen
# Norrbotten'): no person's first name ends so (people.py). (A Finnish one in the
# nominative may start a genitive before its person: 'Kyläyhdistys ry:n puheenjohtaja …'.)
ORGANISATION_HEADS: tuple[str, ...] = (
    "sällskapet",
    "styrelsen",
    "förbundet",
    "föreningen",
    "verket",
)
ORGANISATION_ENDINGS: tuple[str, ...] = (
    " ry",
    " oy",
    " ab",
    " rf",
    " oyj",
    " ky",
    "kunta",
    "kaupunki",
    "palvelut",
    "yhdistys",
    "säätiö",
    "seurakunta",
    "kuntayhtymä",
    # Universities and institutes, in Finnish, Swedish and English ('Tampere University').
    "yliopisto",
    "ammattikorkeakoulu",
    "university",
    "universitet",
    "högskola",
    "university of applied sciences",
)
