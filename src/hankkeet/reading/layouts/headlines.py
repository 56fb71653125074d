"""What a headline or a heading says of its project: the name it gives, read with the text
under it (prose_name); a sentence headline; and what a title holds besides its name (its kind,
years and period). The names a text gives are names.py's."""

from __future__ import annotations

import re

from hankkeet.reading.labels import (
    HEADLINE_VERBS,
    ONE_PROJECT_WORD,
    PAGE_CHROME,
    YEAR_WORDS,
)
from hankkeet.reading.layouts.names import (
    apposed_names,
    compound_names,
    hanke_names,
    named_after,
)
from hankkeet.reading.lines import TITLE_PERIOD, strip_note
from hankkeet.reading.prose import about_many, counts_projects


def about_one_project(title: str, text: str) -> bool:
    """A title and text about one project: a project word, and no title about many."""
    if about_many(title) or counts_projects(title):
        return False
    words = f"{title} {text}".casefold().replace("-", " ").split()
    return any(re.search(ONE_PROJECT_WORD, w.strip('.,:;!?()"”')) for w in words)


GRANT = re.compile(r"rahoit|myönt|myönn|\btuki|\btuke|avustu", re.IGNORECASE)


def prose_name(title: str, first: list[str], rest: list[str] | None = None) -> str:
    """A news page's project: the name the text gives ('X -hanke') when it gives one,
    else the headline; a headline that names nothing ('Hankkeen rahoitus') yields to the
    project its text names ('… kunnostushankkeelle'). A name the text also gives a
    programme ('KareliaCBC -hankkeella' and '… KareliaCBC -ohjelmasta') is the programme's."""
    programmes = {n for t in [title, *first] for n in _programme_names(t)}
    bare = strip_years(title)
    in_title = _name_in_title(title, bare, programmes)
    if in_title is not None:
        return in_title
    names = list(dict.fromkeys(n for text in first for n in _own(hanke_names(text), programmes)))
    in_first = _one_name_first(title, first, names)
    if in_first is not None:
        return in_first
    compound = _compound_under(title, first)
    if compound is not None:
        return compound
    further = None if names else _one_name_further(title, bare, first, rest)
    return further if further is not None else strip_years(title)


def _own(names: list[str], programmes: set[str]) -> list[str]:
    """The names that are no programme's (programmes: their names, case-folded)."""
    return [n for n in names if n.casefold() not in programmes]


def _name_in_title(title: str, bare: str, programmes: set[str]) -> str | None:
    """The name a headline gives (bare: the headline without its years): the whole headline
    when it is the name, else a name it begins with, else one that is no page chrome."""
    if _own(hanke_names(bare, at_end=True), programmes) and bare.casefold().endswith(
        ("hanke", "projekti")
    ):
        # the title is the name: 'X -hanke', 'X - investointihanke', after a topic and a
        # colon ('Talousarviomuutos 2025: Presidenttipolku-hanke')
        return _without_chrome(_after_topic(bare))
    named = _own(hanke_names(title), programmes)
    leading = [n for n in named if title.startswith(n)]
    if leading:
        return _without_chrome(leading[0])  # 'Laukota -kylätalohanke Lautamaassa''
    in_title = [n for n in named if n.casefold() not in PAGE_CHROME]
    if in_title:
        return _without_chrome(in_title[0])
    return None


def _after_topic(title: str) -> str:
    """A title without the topic before its colon ('Talousarviomuutos 2025: X-hanke' gives
    'X-hanke'): words in lower case after their first letter, and years. A name's own first
    part, an acronym or a word with a digit or a capital inside ('6Aika: …', 'UCSEdu: …'),
    is kept."""
    head, colon, rest = title.partition(": ")
    if not colon or not rest:
        return title
    words = head.split()
    topic = bool(words) and all(
        (w.isdigit() and len(w) == 4) or (w.isalpha() and w[1:] == w[1:].lower()) for w in words
    )
    return rest if topic else title


def _one_name_first(title: str, first: list[str], names: list[str]) -> str | None:
    """The one project the first paragraphs name (names: theirs), or the one they quote;
    the headline instead when it holds that name."""
    quoted = [
        n
        for n in names
        if any(f"”{n}" in t or f'"{n}' in t or f"“{n}" in t or f"” {n}" in t for t in first)
    ]
    if len(names) == 1 or len(quoted) == 1:
        name = quoted[0] if quoted else names[0]
        # 'Lounais-Suomi rakentuu puusta - LSPUU' is the fuller form of 'LSPUU'; in
        # 'ESF-projektet Yrke för alla' the words before the name are its kind.
        if (
            not _holds_word(title, name)
            or _kind_before(strip_years(title), name)
            or _opens_a_phrase(title, name)
        ):
            return name
        return strip_years(title)
    return None


def _opens_a_phrase(title: str, name: str) -> bool:
    """The headline opens with the name and goes on in lower case, with no verb
    ('Pienvesi-HELMI vipuvartena ennallistamistoiminnan lisäämisessä'): a phrase about the
    project, not its fuller name ('Lounais-Suomi rakentuu puusta - LSPUU'). (Of a sentence
    ('Rauma sai rahoitusta …'), the name its text gives may be cut short: the headline
    stays.)"""
    rest = title[len(name) :] if title.startswith(name) else ""
    return rest[:1] == " " and rest[1:2].islower() and not sentence_headline(title)


def _holds_word(title: str, name: str) -> bool:
    """The title holds the name as words of its own ('… - LSPUU'), not inside a compound
    ('Investoi jokikeskushankkeeseen' holds no 'Jokikeskus')."""
    pattern = rf"(?<!\w){re.escape(name.casefold())}(?!\w)"
    return re.search(pattern, title.casefold()) is not None


def _kind_before(title: str, name: str) -> bool:
    """The title is the name after a word of its kind ('ESF-projektet Yrke för alla',
    'Leader-hanke Kylätalo kuntoon')."""
    head = title[: len(title) - len(name)].rstrip(" :–-")
    return (
        title.casefold().endswith(name.casefold())
        and 0 < len(head.split()) <= 2
        and re.search(ONE_PROJECT_WORD, head.casefold()) is not None
    )


def _compound_under(title: str, first: list[str]) -> str | None:
    """Under a headline that names nothing ('Hankkeen rahoitus'), the one project the first
    paragraphs name in a compound ('… kunnostushankkeelle')."""
    if title.casefold().startswith(("hanke", "hankkeen", "projekti")) and len(title.split()) <= 3:
        compounds = list(dict.fromkeys(n for text in first for n in compound_names(text)))
        if len(compounds) == 1:
            return compounds[0]
    return None


def _one_name_further(
    title: str, bare: str, first: list[str], rest: list[str] | None
) -> str | None:
    """When the first paragraphs name no project: the one the text names further down, or
    under a one-word heading the one it names after the word 'project'."""
    if rest:
        # The text names its project further down, and names only that one: the name the
        # text gives is better than a headline about it ('… -hankkeeseen' in the fifth
        # paragraph under 'Lappiin 40 miljoonaa').
        # A sentence headline that holds the name inflected ('Lyckanista tehdään …' over
        # '… Lyckan-hankkeen budjetti') tells of the project; the text's name names it.
        later = list(dict.fromkeys(n for text in rest for n in hanke_names(text)))
        if len(later) == 1 and (
            later[0].casefold() not in title.casefold() or sentence_headline(title)
        ):
            return later[0]
    apposed = list(
        dict.fromkeys(n for text in [*first, *(rest or [])] for n in apposed_names(text))
    )
    if len(apposed) == 1 and apposed[0].casefold() not in title.casefold():
        # '… yrittäjyyskasvatushanke Find Your Way on päättymässä' under a headline about
        # what it did: the one name the text gives in apposition.
        return apposed[0]
    if len(bare.split()) == 1:
        # 'Highlights 2021' over '… on project MäRi': a one-word heading names no project;
        # the one project the text names does.
        texts = [*first, *(rest or [])]
        after = list(dict.fromkeys(n for text in texts for n in named_after(text)))
        if len(after) == 1:
            return after[0]
    return None


# 'KareliaCBC -ohjelmasta', 'Interreg Aurora -ohjelman': a name given to a programme.
# The word before '-ohjelma' ('KareliaCBC -ohjelmasta'), looked for only in the few
# characters before each 'ohjelm': a search over the whole text was quadratic on one word
# the size of a file (tests/test_hostile.py).
_BEFORE_PROGRAMME = re.compile(r"([\w-]{1,60})\s?[-–]\s?$")


def _programme_names(text: str) -> set[str]:
    """The names the text gives programmes, case-folded."""
    folded = text.casefold()
    names: set[str] = set()
    k = folded.find("ohjelm")
    while k >= 0:
        m = _BEFORE_PROGRAMME.search(folded[max(0, k - 70) : k])
        if m is not None:
            names.add(m.group(1))
        k = folded.find("ohjelm", k + 6)
    return names


def sentence_headline(title: str) -> bool:
    """A headline that is a sentence ('STEA myönsi rahoituksen …', 'Ykkösakseli ry on
    myöntänyt …'): it holds a finite verb, so it tells of a project rather than names one."""
    words = [w.strip(',.:;!?()”"') for w in title.casefold().split()]
    return verb_at(words) is not None


def two_subjects(title: str) -> bool:
    """A sentence headline whose subject is two things joined before a plural verb
    ('Pumptrack ja esteetön luontopolku saivat rahaa …'): it tells of two projects."""
    words = [w.strip(',.:;!?()”"') for w in title.casefold().split()]
    k = verb_at(words)
    return (
        k is not None
        and "ja" in words[:k]
        and (words[k].endswith(("vat", "vät")) or words[k] in ("ovat", "olivat"))
    )


def verb_at(words: list[str]) -> int | None:
    """Where a headline's finite verb stands (its words folded and stripped), if it has one:
    a verb of news, or an auxiliary before a participle ('on myöntänyt', 'on päättymässä')."""
    for k, word in enumerate(words):
        if (
            word in HEADLINE_VERBS
            or (
                word in _AUXILIARIES
                and k + 1 < len(words)
                and words[k + 1].endswith(_PARTICIPLE_ENDINGS)
            )
            or (k > 0 and len(word) > 6 and word.endswith(_PASSIVE_ENDINGS))
        ):
            return k
    return None


# A Finnish passive, present or past ('tehdään', 'rakennetaan', 'myönnettiin'): a finite
# verb whatever its stem (not first: a headline's first word is its subject or topic).
_PASSIVE_ENDINGS = ("taan", "tään", "daan", "dään", "ttiin")


# 'on myöntänyt', 'ovat saaneet', 'on valittu': a perfect tense, a finite verb of its own.
_AUXILIARIES = frozenset({"on", "ovat", "oli", "olivat", "har", "hade", "has", "have"})
# ('on päättymässä', 'on alkamassa': a verb in progress is a finite verb too.)
_PARTICIPLE_ENDINGS = ("nyt", "nut", "neet", "ttu", "tty", "at", "it", "ed", "massa", "mässä")


def _without_chrome(name: str) -> str:
    """'Ajankohtaista SustainBaltic' without the page's section word (a word in lower case
    after it is the name's own: 'Tulosta laadulla -hanke')."""
    words = name.split()
    while len(words) > 1 and words[0].casefold() in PAGE_CHROME and not words[1][:1].islower():
        words.pop(0)
    return " ".join(words)


_YEARS = re.compile(r"\s*\(?(?<![.\d])((?:19|20)[0-9]{2})(?:\s*[-–]\s*((?:19|20)[0-9]{2}))?\)?\s*$")


# A list heading's name, then the project's kind and its dates ('Lumoavat kylät, alueellinen
# kehittämishanke 1.1.2022-'): the name is the words before the comma.
_KIND_AFTER = re.compile(
    r"^(?P<name>[^,]{3,}),\s+(?:[\wåäö-]+\s+){0,3}[\wåäö-]*(?:hanke|projekti|projekt|project)"
    r"(?P<rest>[\s\d.\-–]*)$",
    re.IGNORECASE,
)


# A list heading's name, a dash, then what the project is in words of lower case that end in
# its kind ('NonHazCity – ett kemikaliesmart EU-projekt'): the name is the words before the
# dash. (One compound after the dash, 'DigiMetsä – koulutushanke', is left as it is.)
_DESCRIBED_AFTER = re.compile(
    r"^(?P<name>\S.*?)\s+[–—-]\s+[a-zåäö][\w-]*(?:\s+[\w-]+)*\s+[\w-]*(?:hanke|projekt|projekti|project)$"
)


def strip_kind(title: str) -> str:
    """A list heading without the project's kind and dates that follow its name, or
    without what the project is, after a dash."""
    m = _KIND_AFTER.match(title) if ", " in title else None
    if m is None and (" – " in title or " - " in title or " — " in title):
        m = _DESCRIBED_AFTER.match(title)
    return m.group("name").strip() if m else title


# Years a list heading opens with, before its name ('2017-2021 Kuppi nurin -hanke').
# (Kept as text: re compiles it when a heading first needs it, not at every start.)
_YEARS_FIRST = r"\(?((?:19|20)[0-9]{2})\s*[-–]\s*((?:19|20)[0-9]{2})\)?:?\s+(?=[^\W\d_])"


def strip_years(title: str) -> str:
    """'Vihtijärven kylätalo - investointihanke 2008-2011' (or '2017-2021 Kuppi nurin
    -hanke') without its years (and without a note on its state or months:
    lines.TITLE_NOTE)."""
    title = strip_note(title)
    first = re.match(_YEARS_FIRST, title)
    if first is not None:
        return title[first.end() :].strip()
    m = _YEARS.search(title)
    if not m or m.start() == 0:
        return title
    bare = title[: m.start()].strip()
    # '… kehittämishanke vuosina 2024-2025': the word that led to the years goes with them.
    head, _, last = bare.rpartition(" ")
    return head.rstrip() if head and last.casefold() in YEAR_WORDS else bare


def strip_period(title: str) -> str:
    """'Kolman Koto –esiselvityshanke 1.7.2012 – 31.12.2014' without its period."""
    m = re.search(TITLE_PERIOD, title)
    return title[: m.start()].strip() if m and m.start() > 0 else title


def years_of(title: str) -> tuple[int, int] | None:
    """The years a title ends (or opens) with, as (first, last); None when it has none, when
    they are part of a note on its months ('(2022-09/2024)'), when they follow a word in the
    translative ('… kulttuuripääkaupungiksi 2026': the year of a goal), or when the title is a
    sentence ('… valdes till utvecklingsobjekt för invånarbudgeten 2024': a year the
    sentence speaks of, not the project's period)."""
    if strip_note(title) != title or sentence_headline(title):
        return None
    m = re.match(_YEARS_FIRST, title) or _YEARS.search(title)
    if m is None or (m.start() == 0 and m.end() == len(title)):
        return None
    if title[: m.start()].rstrip(" -–").casefold().endswith("ksi"):
        return None  # '… kulttuuripääkaupungiksi 2026', 'hiilineutraaliksi 2035': a goal's year
    a = int(m.group(1))
    b = int(m.group(2)) if m.group(2) else a
    return (a, b) if a <= b else None
