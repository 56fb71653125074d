"""The names a text gives a project ('X -hanke', '”X” -hanke', 'X-kunnostushankkeelle'). What a
headline or a title says of its project is headlines.py's."""

from __future__ import annotations

import re

from hankkeet.reading.labels import (
    FIRST_NAMES,
    GENERIC_NAMES,
    ORGANISATION_ENDINGS,
    PROJECT_WORDS,
)
from hankkeet.reading.lines import LIST_JOIN
from hankkeet.reading.prose import about_many, counts_projects

QUOTED = re.compile(r"[”\"“]([^”\"“]{3,120})[”\"“]")
_HANKE_SUFFIX = re.compile(r"\s?-\s?(?:hank|projekt)\w*|\s(?:-)?hanke$", re.IGNORECASE)


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


# Words that give a name right before it ('hankkeelle, jonka nimi on ”X”').
_NAMING = ("nimi on", "nimeltään", "nimeltä", "niminen", "named", "called", "heter", "kallas")


def _quoted_names(text: str) -> list[str]:
    """'”X” -hanke', 'projektet ”X”': the quoted names that a project word stands next to
    (or ends), or that a naming word gives in a sentence about a project ('… hankkeelle,
    jonka nimi on ”X”')."""
    names: list[str] = []
    for m in QUOTED.finditer(text):
        after = text[m.end() : m.end() + 12].casefold()
        before = text[max(0, m.start() - 12) : m.start()].casefold()
        last = m.group(1).split()[-1].casefold() if m.group(1).split() else ""
        sentence = text[max(0, m.start() - 60) : m.start()].casefold()
        if any(w in f"{after} {before} {last}" for w in ("hank", "projekt")) or (
            any(w in before for w in _NAMING)
            and any(w in sentence for w in ("hank", "projekt", "project"))
        ):
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
    # 'Priodiversity LIFE -hanke': a LIFE project's name ends with the programme's, in capitals.
    life = len(words) >= 2 and words[-1] == "LIFE"
    if name and (last not in GENERIC_NAMES or life) and len(words) <= 12:
        return name
    return None


# 'nuorten yrittäjyyskasvatushanke Find Your Way on päättymässä': a name of two capitalised
# words or more in apposition after a Finnish project word in the nominative.
_APPOSED = re.compile(
    r"\b[\wåäö]*(?:hanke|projekti)\s+([A-ZÅÄÖ][\w.+&'’!-]*(?:\s+[A-ZÅÄÖ0-9][\w.+&'’!-]*)+)"
)


def apposed_names(text: str) -> list[str]:
    """Names the text gives after a Finnish project word, in apposition ('… hanke Find Your
    Way on …'); a run that ends in a place ('… Etelä-Savossa') or an organisation is none."""
    return [
        m.group(1)
        for m in _APPOSED.finditer(text)
        if not m.group(1).casefold().endswith((*_IN_PLACE, *ORGANISATION_ENDINGS))
    ]


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
_LIST_JOIN = re.compile(LIST_JOIN)


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
