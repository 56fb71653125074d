"""The names a text gives a project ('X -hanke', '”X” -hanke', 'X-kunnostushankkeelle'), and
what a title says besides its name (years, page chrome).
"""

from __future__ import annotations

import re

from hankkeet.reading.labels import (
    FIRST_NAMES,
    GENERIC_NAMES,
    HEADLINE_VERBS,
    ONE_PROJECT_WORD,
    ORGANISATION_ENDINGS,
    PAGE_CHROME,
    PROJECT_WORDS,
)
from hankkeet.reading.lines import TITLE_PERIOD, strip_note
from hankkeet.reading.prose import about_many, counts_projects

QUOTED = re.compile(r"[”\"“]([^”\"“]{3,120})[”\"“]")
_HANKE_SUFFIX = re.compile(r"\s?-\s?(?:hank|projekt)\w*|\s(?:-)?hanke$", re.IGNORECASE)


def _strip_hanke(name: str) -> str:
    return name.strip(" -–:")


HANKE_NAME = re.compile(
    r"(?:\s[-–]\s?|-)[\wåäö]*?(?:hanke|hankkee[a-zåäö]*|hanketta|projekti[a-zåäö]*)\b",
    re.IGNORECASE,
)


# 'on project MäRi (Human-Robot interaction)', 'Luckans projekt Hallå!': the name after the
# word in English and Swedish, which put it first (the word in lower case: 'Project
# partners' is a label).
_NAMED_AFTER = re.compile(
    r"\b(?:project|projektet|projekt)\s+([A-ZÅÄÖ][\w.+&'’!-]*(?:\s+[A-ZÅÄÖ0-9][\w.+&'’!-]*){0,5})"
)
# Words that follow 'project' and name a role or a part of it, never the project.
_PROJECT_ROLES = frozenset(
    {"manager", "coordinator", "leader", "partners", "partner", "team", "group", "owner"}
)

# 'ETPÄHÄ-kehittämishanke n:o 170387 eli SATU-rata': the name after 'eli'.
_ALIAS = re.compile(
    r"(?:hanke|projekti)(?:\s+n:o\s+\d+)?,?\s+eli\s+"
    r"([A-ZÅÄÖ][\w-]+(?:\s[A-ZÅÄÖ][\w-]+)*)"
)


_COMPOUND = re.compile(r"\b[\wåäö]{3,}(?:hank|projekt)\w*", re.IGNORECASE)
_WORD = re.compile(r"[\wÅÄÖåäöÜüÉé][\w.'’+&ÅÄÖåäöÜüÉé-]*")
_INFLECTED = re.compile(r"(hank|projekt)\w*$", re.IGNORECASE)
_SENTENCE_BREAK = re.compile(r"[a-zåäö0-9)]{2}[.!?] ")
_LOCATIVE = ("ssa", "ssä", "lla", "llä", "sta", "stä", "lle", "seen", "hin")
# A word alone in one of these cases names a place, never a project ('Utsjoella').
_IN_PLACE = ("ssa", "ssä", "lla", "llä", "lle", "lta", "ltä")
_SENTENCE_ADVERBS = frozenset({"myös", "lisäksi", "samalla", "nyt", "jo", "vielä", "sekä"})
# A capitalised word that is money ('ESR-rahoitusta', 'Leader-tukea'): it leads no name.
_FUNDING_WORD = re.compile(r"-(?:rahoit|tuki|tuke|avustu|raha)", re.IGNORECASE)
_CONNECTORS = frozenset({"ja", "and", "of", "for", "the", "och", "i", "&"})


def _run_before(text: str, end: int) -> int | None:
    """Where the capitalised name that ends at `end` starts ('… rahoitusta Keskustaajamien
    Älykkäät kylät' -> the 'K'); None when no capitalised word leads it."""
    words = _sentence_words_before(text, end)
    start, run = _capitalised_run(words)
    # 'Sitoutuminen Oulujoen … -hankkeen rahoittamiseen': a verbal noun leads the title,
    # the name starts after it.
    while len(run) > 1 and run[0][1].casefold().endswith(("minen", "misesta", "miseen")):
        run.pop(0)
        start = next((p for p, w in run if w[:1].isupper()), None)
    if start is not None:
        start = _start_before_place(words, run, start)
    return start


def _sentence_words_before(text: str, end: int) -> list[tuple[int, str]]:
    """The last fourteen words (with where each starts) before `end`, in the same sentence
    and within 120 characters of it."""
    window = text[max(0, end - 120) : end]
    offset = max(0, end - 120)
    words = [(w.start() + offset, w.group()) for w in _WORD.finditer(window)]
    # Not past the sentence's start.
    ends = [m.end() - 2 for m in _SENTENCE_BREAK.finditer(window)]  # not 'D.O. Saimaa'
    cut = ends[-1] if ends else -1
    return [(pos, w) for pos, w in words if pos - offset > cut][-14:]


def _capitalised_run(words: list[tuple[int, str]]) -> tuple[int | None, list[tuple[int, str]]]:
    """Read back from the end: where the capitalised words that lead up to it start, and the
    words from there on (lower-case ones after a capital may end a name; a connector between
    capitals joins two); None when no capitalised word leads it."""
    start: int | None = None
    run: list[tuple[int, str]] = []
    rev = list(reversed(words))
    for k, (pos, word) in enumerate(rev):
        if word[:1].isupper() and start is not None and _FUNDING_WORD.search(word):
            break  # '… haettiin ESR-rahoitusta Yrittäjien …': the money, not the name
        if word[:1].isupper():
            start = pos
            run.append((pos, word))
        elif start is not None:
            left = rev[k + 1][1] if k + 1 < len(rev) else ""
            if word.casefold() in _CONNECTORS and left[:1].isupper():
                run.append((pos, word))  # 'D.O. Saimaa ja Saimaa Academy of Gastronomy'
                continue
            break  # lower-case words may end a name ('… Älykkäät kylät'), not lead it
        else:
            run.append((pos, word))
    run.reverse()
    return start, run


def _start_before_place(
    words: list[tuple[int, str]], run: list[tuple[int, str]], start: int
) -> int:
    """'… tiet Ähtärissä –hanke': a place in a locative ends a name, it does not start one;
    the name runs from the sentence's start ('Pandatalouden ja …') when that is near."""
    first = next(w for p, w in run if p == start)
    before = [(p, w) for p, w in words if p < start]
    if first.casefold().endswith(_LOCATIVE) and 0 < len(before) <= 5:
        while before and before[0][1].casefold() in _SENTENCE_ADVERBS:
            before.pop(0)
        if (
            before
            and before[0][1][:1].isupper()
            and all(w[:1].islower() or w[:1].isupper() for _, w in before)
        ):
            return before[0][0]
    return start


def hanke_names(text: str, at_end: bool = False) -> list[str]:
    """Names the text gives a project: '”X” -hanke', 'X-hanke', 'X -hankkeelle'.

    With at_end, only a name whose '-hanke' ends the text (a title that is the name).
    """
    names = _quoted_names(text)
    aliased: list[tuple[int, int]] = []
    for m in _ALIAS.finditer(text):
        names.append(m.group(1))
        aliased.append((max(0, m.start() - 60), m.end()))
    for m in HANKE_NAME.finditer(text):
        if "teemahank" in m.group().casefold():
            continue  # a Leader theme project is an umbrella over many measures, not the page's
        if any(a <= m.start() < b for a, b in aliased):
            continue  # 'ETPÄHÄ-kehittämishanke n:o 170387 eli SATU-rata': the alias names it
        if at_end and text[m.end() :].strip(" .!?"):
            continue
        name = _name_before(text, m.start())
        if name is not None:
            names.append(name)
    return names


def _quoted_names(text: str) -> list[str]:
    """'”X” -hanke', 'projektet ”X”': the quoted names that a project word stands next to
    (or ends)."""
    names: list[str] = []
    for m in QUOTED.finditer(text):
        after = text[m.end() : m.end() + 12].casefold()
        before = text[max(0, m.start() - 12) : m.start()].casefold()
        last = m.group(1).split()[-1].casefold() if m.group(1).split() else ""
        if any(w in f"{after} {before} {last}" for w in ("hank", "projekt")):
            names.append(m.group(1).strip())
    return names


def _name_before(text: str, end: int) -> str | None:
    """The name that a '-hanke' at `end` follows: the capitalised run before it (an acronym
    in parentheses with the name before it); None after a quote (read as a quoted name),
    for no capitalised run, for a place alone, a generic name or one of over twelve words."""
    if text[end - 1 : end] in ("”", '"'):
        return None
    start = _run_before(text, end)
    if start is None:
        return None
    name = text[start:end].strip(" -–")
    if name.endswith(")") and "(" not in name:
        name = _with_acronym(text, start, end, name)
    words = name.split()
    last = words[-1].casefold() if words else ""
    if len(words) == 1 and last.endswith(_IN_PLACE):
        return None  # '… käynnistyshanke Utsjoella -hanke': a place the project is in
    if name and last not in GENERIC_NAMES and len(words) <= 12:
        return name
    return None


def named_after(text: str) -> list[str]:
    """Names the text gives after the word 'project' in English or Swedish ('on project
    MäRi', 'Luckans projekt Hallå!')."""
    return [
        m.group(1).rstrip(".")
        for m in _NAMED_AFTER.finditer(text)
        if m.group(1).split()[0].casefold().strip(".!") not in _PROJECT_ROLES
    ]


# Projects named in a row after a colon, where the sentence speaks of projects ('… kahden
# nyt alkavan hankkeen avulla: Teolliset symbioosit ja Vihreän kasvun keskus.').
# A sentence (four words or more before its colon, not a label) that speaks of projects.
_LISTED = re.compile(
    r"(?:^|[.!?]\s)([^.:;!?]*(?:hank|projekt|project)[^.:;!?]{0,80}):\s+([^.;:!?]+)",
    re.IGNORECASE,
)
_LIST_JOIN = re.compile(r",\s+|\s+(?:ja|och|and|sekä)\s+")


def listed_names(text: str) -> list[str]:
    """The names a sentence about projects lists after its colon: two or more, each led by
    a capital and of at most eight words; none when one of them is an organisation's or a
    person's name (partners, funders, contacts)."""
    if ":" not in text:
        return []
    names: list[str] = []
    for m in _LISTED.finditer(text):
        before = m.group(1).split()
        near = " ".join(before[-2:]).casefold()
        if len(before) < 4 or not any(p in near for p in PROJECT_WORDS):
            continue  # 'Hankkeen rahoittajat: …' is a label; '… kolme ohjelmaa: …' no projects
        parts = [p.strip(' ”"“') for p in _LIST_JOIN.split(m.group(2).strip())]
        if len(parts) >= 2 and all(_listed_name(p) for p in parts):
            names.extend(parts)
    return names


def _listed_name(part: str) -> bool:
    words = part.split()
    return (
        part[:1].isupper()
        and len(words) <= 8
        and not part.casefold().endswith(ORGANISATION_ENDINGS)
        and words[0].casefold() not in FIRST_NAMES
    )


def _with_acronym(text: str, start: int, end: int, name: str) -> str:
    """'… hyvinvointi (HYVE) -hankkeelle': the name runs on before the acronym in parentheses
    (not 'HYVE)'); the acronym alone when no name leads it."""
    paren = start - 1
    while paren >= 0 and text[paren] == " ":
        paren -= 1
    if paren < 0 or text[paren] != "(":
        return name.rstrip(")")
    before = _run_before(text, paren)
    return text[before:end].strip(" -–") if before is not None else name.rstrip(")")


def compound_names(text: str) -> list[str]:
    """'Panumanjärven ja -ojan kunnostushankkeelle' as 'Panumanjärven ja -ojan kunnostushanke'."""
    names: list[str] = []
    for m in _COMPOUND.finditer(text):
        if about_many(m.group()) or counts_projects(text[max(0, m.start() - 30) : m.end()]):
            continue  # 'työllisyyshankkeille', 'kahdelle salolaishankkeelle': no one project
        start = _run_before(text, m.start())
        if start is None:
            continue
        word = _INFLECTED.sub(
            lambda w: w.group(1) + ("e" if w.group(1) == "hank" else "i"), m.group()
        )
        names.append(f"{text[start : m.start()]}{word}".strip())
    return names


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
        return _without_chrome(bare)  # the title is the name: 'X -hanke', 'X - investointihanke'
    named = _own(hanke_names(title), programmes)
    leading = [n for n in named if title.startswith(n)]
    if leading:
        return _without_chrome(leading[0])  # 'Laukota -kylätalohanke Lautamaassa''
    in_title = [n for n in named if n.casefold() not in PAGE_CHROME]
    if in_title:
        return _without_chrome(in_title[0])
    return None


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
        if name.casefold() not in title.casefold() or _kind_before(strip_years(title), name):
            return name
        return strip_years(title)
    return None


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
        later = list(dict.fromkeys(n for text in rest for n in hanke_names(text)))
        if len(later) == 1 and later[0].casefold() not in title.casefold():
            return later[0]
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


def verb_at(words: list[str]) -> int | None:
    """Where a headline's finite verb stands (its words folded and stripped), if it has one:
    a verb of news, or an auxiliary before a participle ('on myöntänyt', 'on päättymässä')."""
    for k, word in enumerate(words):
        if word in HEADLINE_VERBS or (
            word in _AUXILIARIES
            and k + 1 < len(words)
            and words[k + 1].endswith(_PARTICIPLE_ENDINGS)
        ):
            return k
    return None


# 'on myöntänyt', 'ovat saaneet', 'on valittu': a perfect tense, a finite verb of its own.
_AUXILIARIES = frozenset({"on", "ovat", "oli", "olivat", "har", "hade", "has", "have"})
# ('on päättymässä', 'on alkamassa': a verb in progress is a finite verb too.)
_PARTICIPLE_ENDINGS = ("nyt", "nut", "neet", "ttu", "tty", "at", "it", "ed", "massa", "mässä")


def _without_chrome(name: str) -> str:
    """'Ajankohtaista SustainBaltic' without the page's section word."""
    words = name.split()
    while len(words) > 1 and words[0].casefold() in PAGE_CHROME:
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


def strip_kind(title: str) -> str:
    """A list heading without the project's kind and dates that follow its name."""
    m = _KIND_AFTER.match(title) if ", " in title else None
    return m.group("name").strip() if m else title


def strip_years(title: str) -> str:
    """'Vihtijärven kylätalo - investointihanke 2008-2011' without its years (and without a
    note on its state or months: lines.TITLE_NOTE)."""
    title = strip_note(title)
    m = _YEARS.search(title)
    return title[: m.start()].strip() if m and m.start() > 0 else title


def strip_period(title: str) -> str:
    """'Kolman Koto –esiselvityshanke 1.7.2012 – 31.12.2014' without its period."""
    m = re.search(TITLE_PERIOD, title)
    return title[: m.start()].strip() if m and m.start() > 0 else title


def years_of(title: str) -> tuple[int, int] | None:
    """The years a title ends with, as (first, last); None when it ends with none, when
    they are part of a note on its months ('(2022-09/2024)'), or when the title is a
    sentence ('… valdes till utvecklingsobjekt för invånarbudgeten 2024': a year the
    sentence speaks of, not the project's period)."""
    if strip_note(title) != title or sentence_headline(title):
        return None
    m = _YEARS.search(title)
    if m is None or m.start() == 0:
        return None
    a = int(m.group(1))
    b = int(m.group(2)) if m.group(2) else a
    return (a, b) if a <= b else None
