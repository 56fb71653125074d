"""One line at a time: is it a label (ours, another's, unknown), a heading, or text?

Every layout asks these questions; the answers live here once. `titleable` holds the rule
that decides boundaries everywhere: a label line, a numbered heading, a list item, a link,
an e-mail address, a phone number, a lone number or date, and a sentence are never a
project's title.
"""

from __future__ import annotations

import difflib
import operator
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from hankkeet.reading.labels import (
    AGENDA_SECTION_WORDS,
    CARD_HEADINGS,
    COLON_ONLY,
    DATE_LINE_WORDS,
    DOCUMENT_WORDS,
    FIRST_NAMES,
    FORM_PROMPT_VERBS,
    FRAME_WORDS,
    GROUP_ENDINGS,
    HONORIFICS,
    LABEL_INDEX,
    MAX_LABEL_WORDS,
    MONTHS,
    NOTICE_STARTS,
    ORGAN_WORDS,
    OTHER_INDEX,
    PAGE_CHROME,
    PAGE_TOP_LINES,
    PARTY_WORDS,
    PROGRAMME_WORDS,
    QUALIFIER_ENDINGS,
    QUALIFIER_WORDS,
    STATUS_WORDS,
    YEAR_SUFFIX,
    Field,
    label_key,
)


class LabelLine(NamedTuple):
    """A line that starts with a label: the field, the value after it and where it stands.

    `field` is None for a label that is not ours: `other` tells a known label of other
    things (Y-tunnus, Hankekoodi) from an unknown one.
    """

    field: Field | None
    label: str
    value: str
    column: int
    year: int | None = None
    typo_of: str | None = None
    other: bool = False
    colon: bool = True


_new_tuple = tuple.__new__
_FIRST_WORD = re.compile(r"[^\W\d_]+")
_ALL_KEYS = (*LABEL_INDEX, *OTHER_INDEX)
# The first word of every label: a line starting with any other word is no label, and
# most lines are told apart by this one look-up.
_LABEL_FIRST_WORDS = frozenset(
    m.group() for key in _ALL_KEYS if (m := _FIRST_WORD.match(key)) is not None
)
# No label is longer than this; a longer text before a colon is prose.
_LABEL_MAX_CHARS = 64
_MAX_WORDS = max(MAX_LABEL_WORDS, *(len(k.split()) for k in _ALL_KEYS))


# Labels of a name or a person's detail: on forms, the value follows with no colon
# ('Projektin nimi Liikkuvan Arjen Design', 'Asema organisaatiossa johtaja').
_VALUE_FOLLOWS = frozenset(
    {Field.NAME, Field.CONTACT_NAME, Field.CONTACT_TITLE, Field.CONTACT_EMAIL, Field.CONTACT_PHONE}
)


def _first_word(text: str) -> str:
    m = _FIRST_WORD.match(text)
    return m.group().casefold() if m else ""


_LABELS_BY_INITIAL: dict[str, list[str]] = {}
for _key in LABEL_INDEX:
    _LABELS_BY_INITIAL.setdefault(_key[:1], []).append(_key)


def _bigrams(text: str) -> frozenset[str]:
    return frozenset(map(operator.add, text, text[1:]))  # each letter and the next, in C


_LABEL_BIGRAMS = {key: _bigrams(key) for key in LABEL_INDEX}
# Two spellings 85 % alike share far more than half their letter pairs; comparing the sets
# (in C) rules out most labels before difflib's slower ratio is computed.
_TYPO_BIGRAM_SHARE = 0.5


def close_labels(key: str, cutoff: float, same_initial: bool = False) -> list[str]:
    """Known labels at least `cutoff` alike (difflib's ratio), best first.

    Only labels whose length allows that ratio are compared at all (the ratio is at most
    2·min/(len a + len b)); with same_initial, only labels that start with the same letter.
    """
    n = len(key)
    low, high = n * cutoff / (2 - cutoff), n * (2 - cutoff) / cutoff
    fitting: list[str]
    if same_initial:
        pairs = _bigrams(key)
        fitting = [
            k
            for k in _LABELS_BY_INITIAL.get(key[:1], [])
            if low <= len(k) <= high
            and 2 * len(pairs & _LABEL_BIGRAMS[k])
            >= _TYPO_BIGRAM_SHARE * (len(pairs) + len(_LABEL_BIGRAMS[k]))
        ]
    else:
        fitting = [k for k in LABEL_INDEX if low <= len(k) <= high]
    return difflib.get_close_matches(key, fitting, n=2, cutoff=cutoff)


def _same_words(a: str, b: str) -> bool:
    """Two labels one typo apart keep their word count and their first word's stem.

    'Hankkeen toteuttaja' is no typo of 'Hankkeen toteutusaika': the words differ in meaning.
    """
    wa, wb = a.split(), b.split()
    if len(wa) != len(wb):
        return False
    return all(
        difflib.SequenceMatcher(None, x, y).ratio() >= 0.8 for x, y in zip(wa, wb, strict=True)
    )


@lru_cache(maxsize=4096)
def near_label(key: str) -> str | None:
    """The one known label a misspelt one stands for: same first letter, 85 % alike."""
    near = [k for k in close_labels(key, 0.85, same_initial=True) if _same_words(key, k)]
    if len(near) == 1 or (len(near) == 2 and LABEL_INDEX[near[0]] == LABEL_INDEX[near[1]]):
        return near[0]
    return None


@lru_cache(maxsize=1024)
def qualified_label(key: str) -> str | None:
    """The known label a longer one narrows to an organisation or place ('contact person in
    tscp ltd' -> 'contact person'), or None. A name label is never narrowed."""
    words = key.split()
    for n in range(len(words) - 1, 0, -1):
        head = " ".join(words[:n])
        fld = LABEL_INDEX.get(head)
        if fld is None or fld is Field.NAME:
            continue
        rest = words[n:]
        if rest[0] in QUALIFIER_WORDS or rest[-1].endswith(QUALIFIER_ENDINGS):
            return head
        return None
    return None


def _split_year(key: str) -> tuple[str, int | None]:
    m = YEAR_SUFFIX.search(key)
    return (key[: m.start()], int(m.group(1))) if m else (key, None)


# The same few labels start most lines of a file: each text before a colon is keyed once.
@lru_cache(maxsize=4096)
def _head_key(head: str) -> tuple[str, int | None]:
    return _split_year(label_key(head))


def looks_like_label(head: str) -> bool:
    """A short capitalised phrase without digits: the shape of a label before a colon."""
    words = head.split()
    return (
        0 < len(words) <= MAX_LABEL_WORDS and head[:1].isupper() and not any(map(str.isdigit, head))
    )


def classify(line: str) -> LabelLine | None:
    """The label a line starts with (field None for another's label), or None for text."""
    if line[:1].isspace() or line[-1:].isspace():
        text = line.lstrip()
        indent = len(line) - len(text)
        text = text.rstrip()
    else:  # most lines: nothing to strip, and no copies of a long line made for it
        text, indent = line, 0
    colon = text.find(":", 0, _LABEL_MAX_CHARS + 1)
    # 'ry:lle', 'EU:n', 'n:o': a colon inside an inflected abbreviation is no label's end.
    while colon > 0 and text[colon + 1 : colon + 2].islower():
        colon = text.find(":", colon + 1, _LABEL_MAX_CHARS + 1)
    if colon > 0 and text[colon + 1 : colon + 3] != "//":
        head = text[:colon]
        key, year = _head_key(head)
        rest = text[colon + 1 :]
        value = rest.lstrip()  # the text ends in no space: stripped on both sides
        column = indent + colon + 2 + (len(rest) - len(value))
        fld = LABEL_INDEX.get(key)
        if fld is not None:
            # tuple.__new__: what LabelLine(fld, head, value, column, year) builds, without
            # its constructor's Python frame (this runs for most lines of a file).
            return _new_tuple(
                LabelLine, (fld, head.strip(), value, column, year, None, False, True)
            )
        return _unknown_head(head, key, value, column, year)
    if _first_word(text) not in _LABEL_FIRST_WORDS:
        return _glued(text, indent)
    return _label_without_colon(text, indent)


def _unknown_head(
    head: str, key: str, value: str, column: int, year: int | None
) -> LabelLine | None:
    """A head before a colon that is no known label's key: another's label, a qualified or a
    misspelt known label, a label-shaped head of no field, or None (the line is text)."""
    if key in OTHER_INDEX:
        return LabelLine(None, head.strip(), value, column, year, other=True)
    narrowed = qualified_label(key) if head[:1].isupper() else None
    if narrowed is not None:
        return LabelLine(LABEL_INDEX[narrowed], head.strip(), value, column, year)
    if looks_like_label(head):
        near = near_label(key)
        if near is not None:
            return LabelLine(LABEL_INDEX[near], head.strip(), value, column, year, near)
        return LabelLine(None, head.strip(), value, column, year)
    return None


def _label_without_colon(text: str, indent: int) -> LabelLine | None:
    """A line whose first words are a label with no colon ('Toteutusaika 1.1.2024-'), its
    value after them; or a label run into its value; or None."""
    parts = text.split(None, _MAX_WORDS + 2)
    for n in range(min(len(parts), _MAX_WORDS + 2), 0, -1):
        head = " ".join(parts[:n])
        key, year = _split_year(label_key(head))
        fld = LABEL_INDEX.get(key)
        if (fld is None and key not in OTHER_INDEX) or key in COLON_ONLY:
            continue
        tail = parts[n:]
        if (
            not tail
            or head.isupper()
            or tail[0][:1].isdigit()
            or fld in _VALUE_FOLLOWS
            or (fld is Field.CONTACTS and key.endswith(("antaa", "antavat")))
        ):
            value = " ".join(tail)
            column = indent + len(text) - len(value) + 1 if value else indent + len(text) + 1
            return LabelLine(fld, head, value, column, year, other=fld is None, colon=False)
        return None
    return _glued(text, indent, words=True)


_GLUED = re.compile(r"^([A-ZÅÄÖ][a-zåäö-]{3,})(?=[A-ZÅÄÖ0-9])(\S.*)$")
# 'Duration of project1.4.2023–30.9.2025': a label of several words run into its value.
# (Kept as text, as the shapes below are: re compiles it when a line first needs it.)
_GLUED_WORDS = r"^([A-ZÅÄÖ][a-zåäö-]+(?: [a-zåäö-]+){1,4}?)(?=[A-ZÅÄÖ0-9])(\S.*)$"


def _glued(text: str, indent: int, words: bool = False) -> LabelLine | None:
    """'Aloituspäivä2.1.2023', 'YhteyshenkilöMaarit Janhunen': a web page's label and value
    run together (its table cells copied without the space), read as the label of ours;
    with `words`, a label of several words too ('Duration of project1.4.2023', asked only
    of a line whose first word starts a label)."""
    m = _GLUED.match(text)
    fld = LABEL_INDEX.get(label_key(m.group(1))) if m is not None else None
    if fld is None and words:
        m = re.match(_GLUED_WORDS, text)
        fld = LABEL_INDEX.get(label_key(m.group(1))) if m is not None else None
    if m is None or fld is None:
        return None
    return LabelLine(fld, m.group(1), m.group(2).strip(), indent + len(m.group(1)) + 1, colon=False)


# -- shapes that are never a title -------------------------------------------------------

# never_title's shapes, kept as text: titleable looks for most of them in one pattern
# (_NEVER_AT_START), and re compiles (and keeps) one alone when a line first needs it, not
# at every start. A shape that ignores case says so in its own group, (?i:…), so that it
# reads the same alone and joined with the others.
_NUMBERED = r"^(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVX]{1,4}\.)\s+\S"
# (An agenda's section number stays compiled: it is asked about far more often than the
# shapes around it, by the layout choice and the page parts too, through is_section_mark.)
_SECTION = re.compile(r"^(?:§\s*\d+|\d+\s*§)(?:\s|$)")
# A database page's kind-and-number line ('Kehittämishanke - 171169').
KIND_NUMBER = re.compile(r"^[\w ]{3,60}\s[-–]\s\d{3,}$")
# A card's heading is a short line; longer ones are sentences that mention a card.
HEADING_MAX = 120
# Each ends a word ('Hankkeen tiedot', not '… -hankkeen tiedote', a release).
_CARD_HEADING = re.compile("(?:" + "|".join(re.escape(h) for h in CARD_HEADINGS) + r")(?!\w)")
# A list item's mark and the space after it ('• ', '2) ', 'b) '): one pattern for every reader.
LIST_MARK = r"^(?:[-–—•*·▪◦]|\d{1,2}[).]|[a-zåäö]\))\s+"
_LINK = r"(?i:(?:https?://|www\.)\S+)"
_EMAIL = r"(?i:^\S+(?:@|\(at\))\S+\.\S+$)"
_PHONE = r"(?i:^(?:(?:puh|p|tel|gsm|mob)\.?:?\s*)?\+?[0-9][0-9 ()-]{5,18}[0-9]$)"
_NO_LETTERS = r"^[^A-Za-zÅÄÖåäöÜüÉé]*$"
_DATE_LINE = r"^[0-9.,/ \-–—:]+$|^[0-9]{1,2}\.[0-9]{1,2}\.(?:[0-9]{4})?(?:\s|$)"
# A byline under a headline: who (and where), a comma, and the day or month ('Suomen
# Satamaliitto ry, 24.10.2019', 'Keskisuomalainen, Meidän juttu, 2019-01').
_BYLINE = (
    r"^[^.!?]{2,80},\s*(?:[0-9]{1,2}\.\s?[0-9]{1,2}\.\s?(?:19|20)[0-9]{2}"
    r"|(?:19|20)[0-9]{2}-[01][0-9](?:-[0-3][0-9])?)\s*$"
)
# A page's number, as a printed form or minutes give it ('Sid 1 (12)', 'Sivu 2/5', 'Page 1
# of 12').
_PAGE_WORDS = ("sivu", "sid", "page", "s.")
_PAGE_NUMBER = (
    r"(?i:^(?:"
    + "|".join(map(re.escape, _PAGE_WORDS))
    + r")a?\s*[0-9]{1,4}\s*(?:\([0-9]{1,4}\)|(?:/|of|av|\(|\))\s*[0-9]{1,4}\)?)?\s*$)"
)
_SENTENCE_END = (".", "!", "?", ":", ",", ";")
_MARKUP = r"^(?:#+\s|\$\s|```|\||>\s|<[a-zA-Z/!]|\[[^\]]*\]\(|[{}\[\]]$)"
_MID_SENTENCE = r"[a-zåäö]{2}[.!?] [A-ZÅÄÖ][a-zåäö]"


# One-word labels that head a section of a card ('Budget', 'Financiers'): never a title. A
# name label ('Nimi') is left out: a page may name a project so.
_SECTION_LABELS = frozenset(
    key for key, fld in LABEL_INDEX.items() if " " not in key and fld is not Field.NAME
)


def _chrome_words(text: str) -> bool:
    """'Kustavin kunta RSS Haku': a short line of a page's frame, told by a word only a frame
    holds (a feed link, a menu), never a project's title."""
    words = text.casefold().split()
    return len(words) <= 6 and any(w in FRAME_WORDS for w in words)


# What joins the items of a list written in a sentence or a line ('A, B ja C', 'A och B').
LIST_JOIN = r",\s+|\s+(?:ja|och|and|sekä)\s+"


def _people_alone(text: str) -> bool:
    """'Veera Holappa ja Henna Busk': people alone on a line, each a first name and a
    surname, joined by 'ja', 'och', 'and' or commas."""
    parts = re.split(LIST_JOIN, text)
    return len(parts) >= 2 and all(_person_alone(p) for p in parts)


def _person_alone(text: str) -> bool:
    """'Lauri Heino': a first name and a surname alone on a line (a byline, a photo credit),
    or with a party after it ('Topias Kotiniemi (kok)')."""
    party = re.search(_PARTY, text) if text.endswith(")") else None
    words = (text[: party.start()] if party else text).split()
    return (
        1 < len(words) <= 3
        and (
            words[0].casefold().split("-")[0] in FIRST_NAMES
            or (party is not None and party.group(1) in PARTY_WORDS)
        )
        and all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words)
        and words[-1].casefold() not in FIRST_NAMES
    )


# Patterns that only lines ending in ')' or ']' are looked at with, kept as text: re
# compiles (and keeps) one when a line first needs it, not at every start.
# A party's abbreviation after a person's name in a report of a council's debate.
_PARTY = r"\s*\(([a-zåäö]{1,5})\.?\)$"

# A link to a document: 'Aloituskokouksen materiaalit (pdf)', 'Hakuohje [PDF, 2 Mt]'.
_DOCUMENT_LINK = r"(?i)[(\[]\s*(?:pdf|docx?|xlsx?|pptx?|odt)\b[^()\[\]]*[)\]]$"

# A note in parentheses that ends a title and is no part of the name: the project's state
# ('(haettu 10/2019)'), its months ('(2022-09/2024)', '(9/2022–12/2024)'; not its years,
# '(2016-2022)') or its money.
TITLE_NOTE = (
    r"(?i)\s*\((?:(?:" + "|".join(STATUS_WORDS) + r")\b[^()]*"
    r"|(?!(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d\))\d{1,4}[-/.]\d{1,2}[^()a-zåäö]*"
    # or its money ('(30 000 e)', '(5000e)', '(10 000 €)').
    r"|\d[\d  .,]*\s?(?:e|€|eur|euroa)\.?)\)$"
)


# A subtitle after a name, in a headline, that ends in its project word ('Utsjoen rakennemuutoksen
# koordinointihanke – Uusi tulevaisuuden kuva …'): the name is the words before the dash.
SUBTITLE = r"^(\S+(?:\s+\S+)+?(?:hanke|projekt|project))\s+[–-]\s+\S.*$"


# A register item's statements, one value a line with no label, as Kohesio's item pages
# give them in English ('210,801.0 Euro', '59.88 percent', '1 September 2017'), or as the
# Central Baltic programme's database does ('€1 306 732', '01.09.2016 - 28.02.2019').
# (Kept as text: re compiles them when a page first needs them.)
EURO_LINE = r"\d{1,3}(?:,\d{3})*(?:\.\d+)? Euro|€\s?\d{1,3}(?: \d{3})*(?:,\d{1,2})?"
PERCENT_LINE = r"\d{1,3}(?:\.\d+)? percent"
DAY_LINE = r"\d{1,2} [A-Z][a-z]+ (?:19|20)\d\d"
# Both days of a register item's period on one line ('01.09.2016 - 28.02.2019').
DAYS_LINE = r"\d{1,2}\.\d{1,2}\.(?:19|20)\d\d\s*[-–]\s*\d{1,2}\.\d{1,2}\.(?:19|20)\d\d"


def register_statements(lines: Sequence[str]) -> bool:
    """Whether lines hold a register item's statements, each a line of its own: two amounts
    in euros and a rate in per cent (Kohesio's item page), or two amounts and a line of the
    period's two days (the Central Baltic database)."""
    texts = [t.strip() for t in lines]
    amounts = [t for t in texts if t.endswith(" Euro") or t.startswith("€")]
    if sum(1 for t in amounts if re.fullmatch(EURO_LINE, t)) < 2:
        return False
    return any(t.endswith(" percent") and re.fullmatch(PERCENT_LINE, t) for t in texts) or any(
        t[:1].isdigit() and re.fullmatch(DAYS_LINE, t) for t in texts
    )


def is_list_item(text: str) -> bool:
    """A line that is an item of a list ('• Krutfjällslänken', '2) …'), its indent aside."""
    return re.match(LIST_MARK, text.lstrip()) is not None


def without_list_mark(text: str) -> str:
    """The text without the list mark it starts with ('• Kinnulan ja …' -> 'Kinnulan ja …')."""
    text = text.lstrip()
    if text[:1].isalpha() and text[1:2] != ")":
        return text  # most texts: a word first, and the pattern is not compiled for them
    return re.sub(LIST_MARK, "", text, count=1)


def without_prompt(text: str) -> str:
    """A form's answer without the instruction that opens it ('Ge en sammanfattande
    beskrivning av projektidé och framkomna resultat. Länsbygderådets projekt …' ->
    'Länsbygderådets projekt …'): a first sentence that starts with a verb of
    labels.FORM_PROMPT_VERBS, when an answer follows it."""
    first, _, _ = text.partition(" ")
    if first.casefold() not in FORM_PROMPT_VERBS:
        return text
    m = re.search(r"[.?:]\s+(?=\S)", text)
    return text[m.end() :] if m is not None and m.start() < 300 else text


# The project's state after a dash that ends a title ('Nordenskiöldsloppet – Slutredovisat').
_STATE_AFTER_DASH = r"(?i)\s+[-–—]\s+(?:" + "|".join(STATUS_WORDS) + r")\s*$"
_STATES = frozenset(STATUS_WORDS)


def strip_note(title: str) -> str:
    """A title without the note on its state or months that ends it."""
    if title.endswith(")"):
        return re.sub(TITLE_NOTE, "", title)
    if title[title.rfind(" ") + 1 :].casefold() in _STATES:
        return re.sub(_STATE_AFTER_DASH, "", title)
    return title


def strip_translation(title: str) -> str:
    """A name without its translation in brackets after it, told by the name's first word
    repeated ('TUKSU - Erityistä suojelua … (TUKSU - Supporting the Future Belief …)')."""
    if not title.endswith(")"):
        return title
    start = title.rfind(" (")
    inside = title[start + 2 : -1].split()
    first = title.split(None, 1)[0]
    if start > 0 and len(inside) >= 3 and len(first) >= 3 and inside[0] == first:
        return title[:start].rstrip()
    return title


def strip_subtitle(title: str) -> str:
    """A headline's name without the subtitle that follows it (a register's or a labelled
    page's title line is its name whole)."""
    if " – " in title or " - " in title:
        return re.sub(SUBTITLE, r"\1", title, flags=re.IGNORECASE)
    return title


def _organ_alone(text: str) -> bool:
    """'Kaupunginvaltuusto', 'Kunnanhallitus 12.3.2024 § 41': a council's or a board's name,
    with at most its date and section, as an agenda prints it over its items."""
    words = text.split()
    return (
        bool(words)
        and (words[0].casefold() in ORGAN_WORDS or words[0].casefold().endswith("lautakunta"))
        and all(not any(c.isalpha() for c in w) for w in words[1:])
    )


def _titled_person(text: str) -> bool:
    """'Dr. James Scott': a person's title, with its full stop, before the name."""
    word = _first_word(text)
    return word in HONORIFICS and text[len(word) : len(word) + 1] == "."


def is_section_mark(text: str) -> bool:
    """'§ 42 …', '42 § …': an agenda's section number."""
    return bool(_SECTION.match(text))


def is_card_heading(text: str) -> bool:
    """A register card's heading ('Euroopan sosiaalirahaston (ESR) rahoittaman hankkeen
    kuvaus', 'Hankekortti'): a short line that names one, not a sentence or a label's value
    that speaks of one ('HUOM: hankehakemus tulee allekirjoittaa …')."""
    if len(text) >= HEADING_MAX or text.endswith("."):
        return False
    folded = text.casefold()
    m = _CARD_HEADING.search(folded)
    return m is not None and ":" not in folded[: m.start()]


def is_numbered_heading(text: str) -> bool:
    """'1 Hanke', '4.1 Tavoitteet', '§ 42 Title', '42 §': a numbered heading."""
    return bool(re.match(_NUMBERED, text) or _SECTION.match(text))


# A label of one plain word ('Toimiala', 'Toiminta-alue'), not a name's first part
# ('UCSEdu: …', '6Aika: …'). Kept as text: re compiles it when a label first needs it.
_PLAIN_LABEL = r"^[A-ZÅÄÖ][a-zåäö]{4,}(?:-[a-zåäö]+)?$"


def _breadcrumb(text: str) -> bool:
    """'Kunnat / Nurmes / Päätöksenteko / …': a page's path, not a title."""
    return text.count(" / ") >= 2 or text.count(" > ") >= 2 or text.count(" » ") >= 2


def _frame_line(text: str) -> bool:
    """A line of the page's frame: a menu, a section name, a skip link, a breadcrumb."""
    folded = text.casefold()
    return (
        folded.strip(" :") in PAGE_CHROME
        or folded.startswith(NOTICE_STARTS)
        or _chrome_words(text)
        or folded.strip(" .»>") in PAGE_TOP_LINES
        or _breadcrumb(text)
    )


def _label_line(label: LabelLine) -> bool:
    """A label line, not a title with a colon: one of our labels or a known other one, a
    label over a value that is no title ('Vastuualue: 3.1.', 'Kotisivu: http://…'), or a
    label of one plain word over a short value ('Toimiala: Kemia ja biotalous')."""
    if label.field is not None or label.other:
        return True
    if label.value and never_title(label.value) is not None:
        return True
    return bool(
        label.value and re.match(_PLAIN_LABEL, label.label) and len(label.value.split()) <= 6
    )


def _whose(text: str) -> str | None:
    """A line that is someone's or something's name, not a project's: a person, a council,
    a document's link (never_title's reason)."""
    if _titled_person(text) or _person_alone(text) or _people_alone(text):
        return "a person's name"
    if _organ_alone(text):
        return "a council's or a board's name"
    if text.endswith((")", "]")) and re.search(_DOCUMENT_LINK, text):
        return "a link to a document"
    return None


# First words of a person's or a council's name (titleable asks _whose only after them).
_WHOSE_FIRST = FIRST_NAMES | ORGAN_WORDS


def _may_be_whose(first: str, text: str) -> bool:
    """Whether _whose may have a reason for the line: its first word starts a person's or a
    council's name, or it ends in ')' or ']' (a party, a document's link)."""
    return (
        first in _WHOSE_FIRST
        or "-" in first
        or first.endswith("lautakunta")
        or text.endswith((")", "]"))
    )


def never_title(text: str, label: LabelLine | None = None) -> str | None:
    """Why this line can never be a project's title, or None when it may be one."""
    text = text.strip()
    if label is not None and _label_line(label):
        return "a label line"
    if (who := _whose(text)) is not None:
        return who
    return _never_by_shape(text) or _never_by_words(text)


def _never_by_shape(text: str) -> str | None:
    """never_title's reasons that the line's characters give: markup, numbering, a link, an
    address, a number or a date, a sentence."""
    if re.match(_MARKUP, text):
        return "markup or code (a Markdown heading, a shell prompt, a table row)"
    if _SECTION.match(text):
        return "an agenda section number"
    if re.match(LIST_MARK, text):
        return "a list item"
    if re.match(_NUMBERED, text):
        return "a numbered heading"
    if re.match(_LINK, text) or (
        re.search(_LINK, text) and re.match(_NO_LETTERS, re.sub(_LINK, "", text))
    ):
        return "a link"
    if re.match(_EMAIL, text):
        return "an e-mail address"
    if re.match(_PHONE, text):
        return "a phone number"
    if re.match(_NO_LETTERS, text) or re.match(_DATE_LINE, text):
        return "a number or a date"
    if re.match(_BYLINE, text):
        return "a byline: who wrote it, and when"
    if re.match(_PAGE_NUMBER, text):
        return "a page number"
    if text.endswith(_SENTENCE_END) and not text.endswith("..."):
        return "a sentence"
    if re.search(_MID_SENTENCE, text):
        return "sentences"
    if text[:1].islower():
        return "starts in lower case"
    if _amount_at_end(text.casefold()):
        return "an amount of money (a table's cell)"
    return None


# A line that ends in an amount of euros or crowns ('Total projektbudget15 463 075 kr').
_MONEY_ENDS = ("€", " e", " kr", " eur", " euroa", " sek", " kronor")
_AMOUNT_END = r"\d[\d\s.,]*\s?(?:€|e|kr|eur|euroa|sek|kronor)$"


def _amount_at_end(folded: str) -> bool:
    return folded.endswith(_MONEY_ENDS) and re.search(_AMOUNT_END, folded) is not None


def _never_by_words(text: str) -> str | None:
    """never_title's reasons that the line's words give: an image, a page's frame, a
    document's or a date line's first word, a section heading, a programme alone."""
    if text.casefold().endswith("logo") or ("_" in text and " " not in text):
        return "an image's text or file name"
    if _frame_line(text):
        return "a page's frame (menu, section name)"
    if _first_word(text) in DOCUMENT_WORDS:
        return "the name of a document, not of a project"
    if _first_word(text) in DATE_LINE_WORDS:
        return "a page's date line"
    if " " not in text and text.casefold().rstrip(" :") in _SECTION_LABELS:
        return "a one-word label standing alone (a section heading)"
    if _programme_alone(_first_word(text), text.casefold()):
        return "a programme's or a fund's name alone"
    if _month_line(_first_word(text), text):
        return "a page's date line"
    if text.casefold().rstrip(" :") in AGENDA_SECTION_WORDS:
        return "a section of a decision (Perustelut, Päätösehdotus)"
    if text.casefold().endswith(GROUP_ENDINGS):
        return "a group of people (a team, a steering group)"
    return None


def _month_line(first: str, text: str) -> bool:
    """'July 2009 COWI A/S', 'Tammikuu 2024': a month and a year, a document's date."""
    if first not in MONTHS:
        return False
    rest = text[len(first) :].split()
    return bool(rest) and len(rest[0]) == 4 and rest[0].isdigit()


def _programme_alone(first: str, folded: str) -> bool:
    """'Leader', 'Leader 2014-2022', 'EAKR': a programme's or a fund's name, with at most its
    years, names no project."""
    return first in PROGRAMME_WORDS and not any(c.isalpha() for c in folded[len(first) :])


# never_title's shapes that are looked for at the line's start, as one pattern: a line that
# may be a title (most lines asked about) is told so by one match, not nine.
_NEVER_AT_START = re.compile(
    "|".join(
        f"(?:{p})"
        for p in (
            *(_MARKUP, _SECTION.pattern, LIST_MARK, _NUMBERED, _LINK),
            *(_EMAIL, _PHONE, _NO_LETTERS, _DATE_LINE, _BYLINE),
        )
    )
)


def titleable(text: str, label: LabelLine | None = None) -> bool:
    """Whether the line may be a project's title at all (see never_title, which says why
    not; this gives its answer with fewer steps, tests/test_fast_paths.py)."""
    if label is not None:
        return never_title(text, label) is None
    text = text.strip()
    if _NEVER_AT_START.match(text):
        return False
    folded = text.casefold()
    # A link holds '://' or 'www.' (in any case), and sentences hold '. ', '! ' or '? ':
    # searches in C rule the patterns out for most lines.
    if (
        ("://" in text or "www." in folded)
        and re.search(_LINK, text)
        and re.match(_NO_LETTERS, re.sub(_LINK, "", text))
    ):
        return False
    if text.endswith(_SENTENCE_END) and not text.endswith("..."):
        return False
    if text[:1].islower() or (
        ("! " in text or "? " in text or ". " in text) and re.search(_MID_SENTENCE, text)
    ):
        return False
    if "_" in text and " " not in text:
        return False  # an image's file name ('Jan_Vapaavuori', 'IMG_2041')
    if folded.startswith(_PAGE_WORDS) and re.match(_PAGE_NUMBER, text):
        return False  # 'Sid 1 (12)': asked only of lines that start so, not compiled at start
    if _amount_at_end(folded):
        return False
    return not _never_by_vocabulary(text, folded)


def _never_by_vocabulary(text: str, folded: str) -> bool:
    """titleable's last step: the words that make a line no title (as _never_by_words)."""
    first = _first_word(text)
    return (
        folded.endswith("logo")
        or folded.strip(" :") in PAGE_CHROME
        or folded.startswith(NOTICE_STARTS)
        or folded.strip(" .»>") in PAGE_TOP_LINES
        or _breadcrumb(text)
        or first in _FIRST_WORDS_NEVER
        or (first in HONORIFICS and text[len(first) : len(first) + 1] == ".")
        or (_may_be_whose(first, text) and _whose(text) is not None)
        or (" " not in text and folded.rstrip(" :") in _SECTION_LABELS)
        or (_FRAME.search(folded) is not None and folded.count(" ") < 6)
        or _programme_alone(first, folded)
        or _month_line(first, text)
        or folded.rstrip(" :") in AGENDA_SECTION_WORDS
        or folded.endswith(GROUP_ENDINGS)
    )


# A word only a page's frame holds, anywhere in a line (_chrome_words, in one search).
_FRAME = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, FRAME_WORDS)) + r")(?![\w-])")
# First words of lines that are never a title (never_title says which kind each is).
_FIRST_WORDS_NEVER = DOCUMENT_WORDS | DATE_LINE_WORDS


# A date to the day ('2.10.2019'), anywhere in a text. Kept as text: re compiles it when
# it is first asked.
DAY_DATE = r"\b\d{1,2}\.\d{1,2}\.\d{4}\b"
# A title that ends with its period of two dates ('Kolman Koto –esiselvityshanke 1.7.2012 –
# 31.12.2014', 'Kiertävän käsityötoiminnan esiselvityshanke. 1.4.-30.9.2018': the first
# date's year may be left to the second's). Kept as text: re compiles it when a page's title
# first needs it.
TITLE_PERIOD = (
    r"[.,]?\s*\(?(\d{1,2}\.\d{1,2}\.(?:(?:19|20)\d{2})?)\s*[-–—]\s*"
    r"(\d{1,2}\.\d{1,2}\.(?:19|20)\d{2})\)?\s*$"
)
