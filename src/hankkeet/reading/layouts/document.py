"""Every layout but the seed's: register cards, database pages, agendas, news and list pages.

A page of these is read whole (they are pages, not streams): first its lines become items
(a label with its value, a heading, a paragraph of text), then the layout's boundary rule
cuts the items into projects, and each project's items fill one block. Only evidence starts
a project: a name label or a card heading (cards), a header block (database pages), an
agenda section about one project (agendas), a headline or a list entry (news and lists).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum

from hankkeet.diagnostics import Code, Diagnostic
from hankkeet.locale import M_
from hankkeet.models import Layout
from hankkeet.reading.blocks import Block, FieldValue, IdRegistry, Note, ParsedProject
from hankkeet.reading.funding import find_programmes
from hankkeet.reading.labels import (
    AGENDA_SECTION_WORDS,
    CARD_HEADINGS,
    GENERIC_NAMES,
    LABELS,
    ONE_PROJECT_WORD,
    PAGE_CHROME,
    PROGRAMME_CONTEXT_LABELS,
    Field,
    label_key,
)
from hankkeet.reading.lines import (
    LabelLine,
    classify,
    is_numbered_heading,
    never_title,
    titleable,
)
from hankkeet.reading.money import Kind, scan
from hankkeet.reading.people import read_contacts
from hankkeet.reading.prose import about_many, counts_projects, mostly_many, read_prose
from hankkeet.reading.records import build_project
from hankkeet.reading.text import shorten, squash

# Fields whose value runs on over the lines (and paragraphs) under a label standing alone.
_RUNNING = frozenset({Field.SUMMARY})
_SECTION = re.compile(r"^(?:§\s*(\d+)|(\d+)\s*§)\s*(.*)$")
_NUMBERING = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*\.?)\s+")
_KIND_NUMBER = re.compile(r"^[\w ]{3,60}\s[-–]\s\d{3,}$")
_DATES_LINE = re.compile(r"^\d{1,2}\.\d{1,2}\.\d{4}\s*[-–]\s*\d{1,2}\.\d{1,2}\.\d{4}$")
_QUOTED = re.compile(r"[”\"“]([^”\"“]{3,120})[”\"“]")
_HANKE_SUFFIX = re.compile(r"\s?-\s?(?:hank|projekt)\w*|\s(?:-)?hanke$", re.IGNORECASE)
_ENTRY = re.compile(r"^(?P<name>[^:.!?]{3,100}?):\s+(?P<rest>[A-ZÅÄÖ].*)$")
_COLUMNS_HEAD = re.compile(r"^(?:hankkeen nimi|hanke|projekti|nimi)\b(?P<rest>.*):$", re.IGNORECASE)
_PARENS = re.compile(r"\s*\([^)]*\)\s*$")
_TWO_DATES = re.compile(r"^(\d{1,2}\.\d{1,2}\.\d{4})\s*[-–]?\s*(\d{1,2}\.\d{1,2}\.\d{4})$")
_LISTED_NAME = re.compile(
    r"\b(?:hanke|hankkeelle|projekti)\s+[“”\"](?P<name>[^“”\"]{3,160})[“”\"]", re.IGNORECASE
)
_FULL_DATE = re.compile(r"\b\d{1,2}\.\d{1,2}\.\d{4}\b")
# A line that leads in to a list of projects: 'seuraaville hankkeille:', 'följande projekt:'.
_LEAD_IN = re.compile(r"\b(?:seuraav\w*|följande|the following)\b.*:$", re.IGNORECASE)
_ITEM_START = re.compile(r"\s+(?=[•▪◦·]\s)")
_LIST_MARK = re.compile(r"^(?:[-–—•*·▪◦]|\d{1,2}[).])\s+")


class ItemKind(StrEnum):
    """What a unit of a page is."""

    FIELD = "field"  # one of our labels with its value
    NAME = "name"  # the name label
    OTHER = "other"  # a known label of other things
    UNKNOWN = "unknown"  # a label we do not know
    HEADING = "heading"
    SECTION = "section"  # an agenda's section mark
    TEXT = "text"  # a paragraph


@dataclass
class Item:
    """One unit of a page: a label line with its value, a heading, or a paragraph of text."""

    kind: ItemKind
    line: int
    text: str
    label: LabelLine | None = None
    fld: Field | None = None
    column: int = 1
    how: str = "label"
    lines: list[tuple[int, str]] = field(default_factory=list)


def _paragraphs(lines: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    out: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    for number, text in lines:
        if text.strip():
            current.append((number, text))
        elif current:
            out.append(current)
            current = []
    if current:
        out.append(current)
    return out


def _label_of(text: str) -> LabelLine | None:
    """The label a line starts with, numbered ('3 Suunnitelman mukainen tiivistelmä …') or not."""
    label = classify(text)
    if label is None and _NUMBERING.match(text.strip()):
        # '4.1 Hankkeen julkinen tiivistelmä (tavoitteet, toimenpiteet, tulokset)'
        inner = classify(_PARENS.sub("", _NUMBERING.sub("", text.strip())))
        if inner is not None and inner.field is not None and not inner.value:
            return inner
    return label


_PAIR = re.compile(
    r"^(?P<sl>"
    + "|".join(re.escape(v) for v in sorted(LABELS[Field.START], key=len, reverse=True))
    + r")\s*:?\s*(?P<sv>.*?)\s*(?P<el>"
    + "|".join(re.escape(v) for v in sorted(LABELS[Field.END], key=len, reverse=True))
    + r")\s*:?\s*(?P<ev>.*)$",
    re.IGNORECASE,
)


def _pair(text: str, nxt: str | None) -> list[tuple[LabelLine, int]] | None:
    """A start and an end on one line ('Alkamispäivämäärä 1.9.2019 Päättymispäivämäärä
    31.8.2021'), or their labels on one line and both dates on the next; with how many
    lines they take. None when the line is no such pair."""
    m = _PAIR.match(text.strip())
    if m is None:
        return None
    if m.group("sv") or m.group("ev"):
        return [
            (LabelLine(Field.START, m.group("sl"), m.group("sv"), 1), 1),
            (LabelLine(Field.END, m.group("el"), m.group("ev"), 1), 1),
        ]
    dates = _TWO_DATES.match(nxt.strip()) if nxt else None
    if dates is None:
        return None
    return [
        (LabelLine(Field.START, m.group("sl"), dates.group(1), 1), 2),
        (LabelLine(Field.END, m.group("el"), dates.group(2), 1), 2),
    ]


_SECOND_LABEL = re.compile(r"(?<=[.;])\s+(?=[A-ZÅÄÖ][\wåäö /-]{2,45}:\s)")


def _split_labels(line: str) -> list[str]:
    """'Hankkeen toteutusaika: 1.10.2016-30.9.2019. Hankkeen rahoitus: EAKR …': a sentence
    that ends and another label of ours that starts on the same line make two lines."""
    if ":" not in line or _label_of(line) is None:
        return [line]
    pieces: list[str] = []
    last = 0
    for m in _SECOND_LABEL.finditer(line):
        nxt = classify(line[m.end() :])
        if nxt is not None and nxt.field is not None and nxt.colon:
            pieces.append(line[last : m.start()])
            last = m.end()
    pieces.append(line[last:])
    return pieces


def items_of(lines: list[tuple[int, str]]) -> list[Item]:
    """The page as items: labels gather their values (same line, running lines, or the
    paragraph under a label that stands alone); the rest is headings and text."""
    lines = [(n, piece) for n, line in lines for piece in _split_labels(line)]
    paras = _paragraphs(lines)
    out: list[Item] = []
    i = 0
    while i < len(paras):
        para = paras[i]
        j = 0
        while j < len(para):
            number, raw = para[j]
            text = raw.strip()
            label = _label_of(raw)
            pair = _pair(text, para[j + 1][1] if j + 1 < len(para) else None)
            if pair is not None:
                for one, _ in pair:
                    out.append(Item(ItemKind.FIELD, number, one.value, one, one.field, one.column))
                j += pair[0][1]
                continue
            if _SECTION.match(text):
                out.append(Item(ItemKind.SECTION, number, text))
                j += 1
                continue
            if label is None:
                if is_numbered_heading(text) and len(para) == 1 and not text.endswith("."):
                    out.append(Item(ItemKind.HEADING, number, text))
                    j += 1
                    continue
                # A run of text lines: one paragraph item (up to the next label line).
                k = j
                while (
                    k < len(para)
                    and _label_of(para[k][1]) is None
                    and not _SECTION.match(para[k][1].strip())
                ):
                    k += 1
                chunk = para[j:k]
                out.append(
                    Item(
                        ItemKind.TEXT,
                        number,
                        " ".join(t.strip() for _, t in chunk),
                        lines=[(n, t.strip()) for n, t in chunk],
                    )
                )
                j = k
                continue
            if label.field is None and not label.other and _is_prose([(number, label.value)]):
                # 'Hyviä uutisia: ELY-keskus on …': a sentence that holds a colon.
                label = None
                k = j + 1
                out.append(Item(ItemKind.TEXT, number, text, lines=[(number, text)]))
                j = k
                continue
            kind = (
                ItemKind.NAME
                if label.field is Field.NAME
                else ItemKind.FIELD
                if label.field is not None
                else ItemKind.OTHER
                if label.other
                else ItemKind.UNKNOWN
            )
            value, how = label.value, "label"
            k = j + 1
            if (
                not value
                and label.field is not None
                and label.field is not Field.CONTACTS
                and k < len(para)
                and _label_of(para[k][1]) is None
            ):
                # 'Label' then its value on the lines under it, in the same paragraph.
                stop = k + 1
                while (
                    label.field in _RUNNING
                    and stop < len(para)
                    and _label_of(para[stop][1]) is None
                ):
                    stop += 1
                value = " ".join(t.strip() for _, t in para[k:stop])
                item = Item(
                    kind, number, value, label, label.field, 1, how, lines=[(para[k][0], value)]
                )
                out.append(item)
                j = stop
                continue
            if value and label.field is Field.CONTACTS and k == len(para):
                # 'Lisätietoja: Aluekehitysjohtaja Tarja Nuotio, p. …' and the next person in
                # a paragraph of their own.
                while i + 1 < len(paras) and _contact_like(paras[i + 1]):
                    i += 1
                    value += ", " + _contact_part(" ".join(t.strip() for _, t in paras[i]))
            if value:
                # Running lines: indented ones, or any under a summary, funding or contacts.
                while (
                    k < len(para)
                    and _label_of(para[k][1]) is None
                    and (
                        para[k][1][:1].isspace()
                        or label.field in (Field.SUMMARY, Field.FUNDING, Field.CONTACTS)
                    )
                ):
                    # An indented funding line is a source of its own: a clause.
                    joint = (
                        "; " if label.field is Field.FUNDING and para[k][1][:1].isspace() else " "
                    )
                    value += joint + para[k][1].strip()
                    k += 1
            elif label.field is Field.CONTACTS:
                # 'Lisätietoja' over a contact block: the lines under it, in its paragraph
                # or the next.
                rest = [t.strip() for _, t in para[k:]]
                k = len(para)
                if not rest and i + 1 < len(paras) and _label_of(paras[i + 1][0][1]) is None:
                    i += 1
                    rest = [t.strip() for _, t in paras[i]]
                value, how = ", ".join(rest), "heading"
            elif k == len(para) and i + 1 < len(paras):
                # A label alone in its paragraph: the value is the paragraph under it
                # (database pages), or for a summary every text paragraph up to the next
                # label or heading.
                nxt = paras[i + 1]
                if (
                    _label_of(nxt[0][1]) is None
                    and not is_numbered_heading(nxt[0][1].strip())
                    and not _SECTION.match(nxt[0][1].strip())
                ):
                    taken = [nxt]
                    i += 1
                    while (
                        label.field in _RUNNING
                        and i + 1 < len(paras)
                        and _label_of(paras[i + 1][0][1]) is None
                        and not is_numbered_heading(paras[i + 1][0][1].strip())
                        and not _SECTION.match(paras[i + 1][0][1].strip())
                        and _is_prose(paras[i + 1])
                    ):
                        i += 1
                        taken.append(paras[i])
                    value = " ".join(t.strip() for p in taken for _, t in p)
                    how = "heading" if label.field in _RUNNING else "label"
                    number_of_value = taken[0][0][0]
                    out.append(Item(kind, number, value, label, label.field, 1, how))
                    out[-1].lines = [(number_of_value, value)]
                    j = len(para)
                    continue
            out.append(Item(kind, number, value, label, label.field, label.column, how))
            j = k
        i += 1
    return out


def _contact_like(para: list[tuple[int, str]]) -> bool:
    """A paragraph that is one more contact: a title, a name, and a phone or an e-mail."""
    text = " ".join(t.strip() for _, t in para)
    if len(para) > 2 or len(text) > 200 or _label_of(para[0][1]) is not None:
        return False
    contacts = read_contacts(_contact_part(text)).contacts
    return (
        bool(contacts)
        and contacts[0].name is not None
        and bool(contacts[0].title and (contacts[0].phone or contacts[0].email))
    )


_DETAIL = re.compile(
    r"(?:p\.|puh\.?|tel\.?)?\s*\+?[0-9][0-9 ()-]{5,18}[0-9]|\S+@\S+\.\w+", re.IGNORECASE
)


def _contact_part(text: str) -> str:
    """A contact line up to its phone number or e-mail: what follows is the page's other text
    ('… p. 040 776 0630 Tämä sähköpostiosoite on suojattu')."""
    m = _DETAIL.search(text)
    return text[: m.end()] if m else text


def _is_prose(para: list[tuple[int, str]]) -> bool:
    text = " ".join(t.strip() for _, t in para)
    return len(text) > 80 or text.endswith((".", "!", "?"))


# -- projects ------------------------------------------------------------------------------


def _new_block(title: str, line: int, layout: Layout, name_from: str) -> Block:
    return Block(title=squash(title), line=line, layout=layout, name_from=name_from)


_PERSON_FIELDS = frozenset(
    {Field.CONTACT_NAME, Field.CONTACT_TITLE, Field.CONTACT_EMAIL, Field.CONTACT_PHONE}
)


def _add(block: Block, item: Item) -> None:
    """Put one item into a block: a field (first value wins), or a paragraph of prose."""
    if item.kind == "field" and item.fld in _PERSON_FIELDS:
        if item.fld is Field.CONTACT_NAME and item.text:
            block.people.append({Field.CONTACT_NAME: _value(item)})
        elif block.people and item.text:
            block.people[-1].setdefault(item.fld, _value(item))
        return
    if item.kind == "field" and item.fld is not None:
        if item.fld in block.fields:
            if item.text and not block.fields[item.fld].text:
                block.fields[item.fld] = _value(item)
            elif item.text and item.text != block.fields[item.fld].text:
                first = block.fields[item.fld]
                block.notes.append(
                    Note(
                        Code.REPEATED_FIELD,
                        M_(
                            "'{label}' again (first on line {line}); '{value}' is not used",
                            label=item.label.label if item.label else "",
                            line=first.line,
                            value=shorten(item.text),
                        ),
                        item.line,
                        item.column,
                        None,
                    )
                )
            return
        if not item.text and item.fld not in (Field.PERIOD, Field.BUDGET, Field.START, Field.END):
            return  # a label standing alone over nothing: a heading of a page, no field
        block.fields[item.fld] = _value(item)
        if (item.fld is Field.SUMMARY and item.how == "heading") or (
            item.fld is Field.FUNDING and _is_prose([(item.line, item.text)])
        ):
            # A description under a heading, or a funding label's sentence, is prose too:
            # it may state facts that no label of their own gives.
            block.prose.append((_value(item).line, item.text))
    elif (
        item.kind == "other"
        and item.label is not None
        and item.text
        and label_key(item.label.label) in PROGRAMME_CONTEXT_LABELS
    ):
        funding = block.fields.get(Field.FUNDING)
        if funding is None:
            block.fields[Field.FUNDING] = _value(item)
        elif funding.how == "heading":
            funding.text = f"{funding.text}. {item.text}"
    elif item.kind == "other" and item.label is not None and item.text:
        # 'Hallinnoija: Kylä ry, yhteyshenkilö Pasi Latvateikari.': its sentence may state
        # a fact.
        block.asides.append((item.line, f"{item.label.label}: {item.text}"))
    elif item.kind == "unknown" and item.label is not None:
        block.notes.append(
            Note(
                Code.UNKNOWN_LABEL,
                M_("unknown label '{label}'; its value is not used", label=item.label.label),
                item.line,
                1,
                None,
            )
        )
    elif item.kind == "text":
        block.prose.append((item.line, item.text))


def _value(item: Item) -> FieldValue:
    assert item.label is not None
    line = item.lines[0][0] if item.lines else item.line
    column = 1 if item.lines else item.column
    return FieldValue(item.text, line, column, item.label.label, item.label.year, item.how)


def _strip_hanke(name: str) -> str:
    return name.strip(" -–:")


_HANKE_NAME = re.compile(
    r"(?:\s[-–]\s?|-)[\wåäö]*?(?:hanke|hankkee[a-zåäö]*|hanketta|projekti[a-zåäö]*)\b",
    re.IGNORECASE,
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
_SENTENCE_ADVERBS = frozenset({"myös", "lisäksi", "samalla", "nyt", "jo", "vielä", "sekä"})
_CONNECTORS = frozenset({"ja", "and", "of", "for", "the", "och", "i", "&"})


def _run_before(text: str, end: int) -> int | None:
    """Where the capitalised name that ends at `end` starts ('… rahoitusta Keskustaajamien
    Älykkäät kylät' -> the 'K'); None when no capitalised word leads it."""
    window = text[max(0, end - 120) : end]
    offset = max(0, end - 120)
    words = [(w.start() + offset, w.group()) for w in _WORD.finditer(window)]
    # Not past the sentence's start.
    ends = [m.end() - 2 for m in _SENTENCE_BREAK.finditer(window)]  # not 'D.O. Saimaa'
    cut = ends[-1] if ends else -1
    words = [(pos, w) for pos, w in words if pos - offset > cut][-14:]
    start: int | None = None
    run: list[tuple[int, str]] = []
    rev = list(reversed(words))
    for k, (pos, word) in enumerate(rev):
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
    # 'Sitoutuminen Oulujoen … -hankkeen rahoittamiseen': a verbal noun leads the title,
    # the name starts after it.
    while len(run) > 1 and run[0][1].casefold().endswith(("minen", "misesta", "miseen")):
        run.pop(0)
        start = next((p for p, w in run if w[:1].isupper()), None)
    if start is not None:
        first = next(w for p, w in run if p == start)
        before = [(p, w) for p, w in words if p < start]
        if first.casefold().endswith(_LOCATIVE) and 0 < len(before) <= 5:
            # '… tiet Ähtärissä –hanke': a place in a locative ends a name, it does not
            # start one; the name runs from the sentence's start ('Pandatalouden ja …').
            while before and before[0][1].casefold() in _SENTENCE_ADVERBS:
                before.pop(0)
            if (
                before
                and before[0][1][:1].isupper()
                and all(w[:1].islower() or w[:1].isupper() for _, w in before)
            ):
                start = before[0][0]
    return start


def hanke_names(text: str, at_end: bool = False) -> list[str]:
    """Names the text gives a project: '”X” -hanke', 'X-hanke', 'X -hankkeelle'.

    With at_end, only a name whose '-hanke' ends the text (a title that is the name).
    """
    names: list[str] = []
    for m in _QUOTED.finditer(text):
        after = text[m.end() : m.end() + 12].casefold()
        before = text[max(0, m.start() - 12) : m.start()].casefold()
        last = m.group(1).split()[-1].casefold() if m.group(1).split() else ""
        if any(w in f"{after} {before} {last}" for w in ("hank", "projekt")):
            names.append(m.group(1).strip())
    aliased: list[tuple[int, int]] = []
    for m in _ALIAS.finditer(text):
        names.append(m.group(1))
        aliased.append((max(0, m.start() - 60), m.end()))
    for m in _HANKE_NAME.finditer(text):
        if "teemahank" in m.group().casefold():
            continue  # a Leader theme project is an umbrella over many measures, not the page's
        if any(a <= m.start() < b for a, b in aliased):
            continue  # 'ETPÄHÄ-kehittämishanke n:o 170387 eli SATU-rata': the alias names it
        if at_end and text[m.end() :].strip(" .!?"):
            continue
        if text[m.start() - 1 : m.start()] in ("”", '"'):
            continue
        start = _run_before(text, m.start())
        if start is None:
            continue
        name = text[start : m.start()].strip(" -–")
        last = name.split()[-1].casefold() if name.split() else ""
        if name and last not in GENERIC_NAMES and len(name.split()) <= 12:
            names.append(name)
    return names


def compound_names(text: str) -> list[str]:
    """'Panumanjärven ja -ojan kunnostushankkeelle' as 'Panumanjärven ja -ojan kunnostushanke'."""
    names: list[str] = []
    for m in _COMPOUND.finditer(text):
        if about_many(m.group()):
            continue  # 'työllisyyshankkeille': projects in the plural name no one project
        start = _run_before(text, m.start())
        if start is None:
            continue
        word = _INFLECTED.sub(
            lambda w: w.group(1) + ("e" if w.group(1) == "hank" else "i"), m.group()
        )
        names.append(f"{text[start : m.start()]}{word}".strip())
    return names


def _about_one_project(title: str, text: str) -> bool:
    """A title and text about one project: a project word, and no title about many."""
    if about_many(title) or counts_projects(title):
        return False
    words = f"{title} {text}".casefold().replace("-", " ").split()
    return any(ONE_PROJECT_WORD.search(w.strip('.,:;!?()"”')) for w in words)


# Labelled fields that make a page's text a project description on their own.
_FACT_FIELDS = frozenset(
    {Field.PERIOD, Field.START, Field.END, Field.BUDGET, Field.FUNDING, Field.CITY_SHARE}
)


_GRANT = re.compile(r"rahoit|myönt|myönn|\btuki|\btuke|avustu", re.IGNORECASE)


def scan_money(text: str) -> bool:
    """Whether the text names an amount of euros."""
    return any(q.kind is Kind.MONEY for q in scan(text))


def _states_facts(block: Block) -> bool:
    """Whether the sentences state at least one fact of a project (evidence, not a guess)."""
    if block.years is not None or Field.CONTACTS in block.fields:
        return True
    prose = read_prose(block.prose)
    return (
        any(f is not None for f in (prose.budget, prose.period, prose.city_share, prose.programme))
        or any(problem.code is Code.UNCERTAIN_FACT for problem, *_ in prose.problems)
        or any(_GRANT.search(text) and scan_money(text) for _, text in block.prose)
    )


def _headline(items: list[Item]) -> tuple[Item, int] | None:
    """The headline: of the titleable lines before the first line of prose, the last one
    that names a project, else the last one not in capitals (a slogan), else the last.

    A page's top may hold a section name, a date line and a byline before the headline.
    """
    found: list[tuple[Item, int]] = []
    for n, item in enumerate(items):
        if item.kind in ("field", "name"):
            break
        if item.kind != "text":
            continue
        stop = False
        for k, (line, text) in enumerate(item.lines):
            wrapped = k + 1 < len(item.lines) and item.lines[k + 1][1][:1].islower()
            if wrapped or (not titleable(text) and _is_prose([(line, text)])):
                stop = True
                break
            if titleable(text) and not (
                found and len(found[-1][0].text.split()) >= 4 and _looks_like_person(text)
            ):
                found.append((Item(ItemKind.TEXT, line, text), n))
        if stop:
            break
    if not found:
        return None
    naming = [f for f in found if hanke_names(f[0].text)]
    plain = [f for f in found if not f[0].text.isupper()]
    return (naming or plain or found)[-1]


def _heading_over_text(items: list[Item]) -> tuple[Item, int] | None:
    """A page that gives its facts first and its name later ('Startdatum: …', then the name
    over the description): the first titleable line with a paragraph of prose under it."""
    for n, item in enumerate(items[:-1]):
        nxt = items[n + 1]
        if (
            item.kind == "text"
            and len(item.lines) == 1
            and titleable(item.text)
            and nxt.kind == "text"
            and _is_prose([(nxt.line, nxt.text)])
        ):
            return item, n
    return None


_PERSON = re.compile(
    r"^[A-ZÅÄÖ][a-zåäöéü]+(?:-[A-ZÅÄÖ][a-zåäöéü]+)?"
    r"(?:\s[A-ZÅÄÖ][a-zåäöéü]+(?:-[A-ZÅÄÖ][a-zåäöéü]+)?){1,2}$"
)


def _looks_like_person(text: str) -> bool:
    """'Jenni Kylänpää': a byline under a headline, not a headline."""
    return bool(_PERSON.match(text.strip()))


def _after(items: list[Item], head: tuple[Item, int]) -> list[Item]:
    """The items after a headline line, the rest of its own paragraph first."""
    line, n = head[0].line, head[1]
    rest = [(k, t) for k, t in items[n].lines if k > line]
    first = (
        [Item(ItemKind.TEXT, rest[0][0], " ".join(t for _, t in rest), lines=rest)] if rest else []
    )
    return first + items[n + 1 :]


class DocumentReader:
    """Reads one whole page of a layout other than the seed's."""

    def __init__(self, path: str, registry: IdRegistry, layout: Layout) -> None:
        self.path = path
        self.registry = registry
        self.layout = layout
        self.notes: list[Diagnostic] = []
        self.first = 1

    def read(self, lines: list[tuple[int, str]]) -> Iterator[ParsedProject | Diagnostic]:
        """The page's projects, then its file findings (no-projects when there is none)."""
        self.first = lines[0][0] if lines else 1  # a part of a file starts where it starts
        items = items_of(lines)
        cut = {
            Layout.CARD: self._card,
            Layout.DATABASE: self._database,
            Layout.AGENDA: self._agenda,
            Layout.PROSE: self._prose,
        }[self.layout]
        blocks = [b for b in cut(items) if b is not None]
        if not blocks:
            yield Diagnostic(
                Code.NO_PROJECTS,
                M_("{path} holds no project description", path=self.path),
                self.path,
                1,
            )
            if self.layout is Layout.PROSE:
                yield from _unknown_layout(items, self.path)
            return
        for block in blocks:
            yield build_project(block, self.path, self.registry)
        yield from self.notes

    # -- register cards ------------------------------------------------------------------

    def _card(self, items: list[Item]) -> list[Block]:
        blocks: list[Block] = []
        current: Block | None = None
        heading_text: tuple[int, str] | None = None
        for item in items:
            heading = (
                next(
                    (
                        (n, t)
                        for n, t in item.lines
                        if len(t) < 120 and any(h in t.casefold() for h in CARD_HEADINGS)
                    ),
                    None,
                )
                if item.kind == "text"
                else None
            )
            if heading is not None and (
                current is None or current.title or Field.FUNDING in current.fields
            ):
                current = _new_block("", heading[0], Layout.CARD, "label")
                blocks.append(current)
            if heading is not None and current is not None:
                heading_text = heading
                current.fields.setdefault(
                    Field.FUNDING,
                    FieldValue(heading[1], heading[0], 1, "kortin otsikko", None, "heading"),
                )
                continue
            if item.kind == "name":
                if current is None or current.title:
                    current = _new_block(item.text, item.line, Layout.CARD, "label")
                    blocks.append(current)
                else:
                    current.title = squash(item.text)
                    current.line = item.line if heading_text is None else current.line
                continue
            if current is None:
                continue  # the page's preamble ('Euroopan unioni', a logo's text)
            _add(current, item)
        for block in blocks:
            if not block.title:
                block.notes.append(
                    Note(
                        Code.MISSING_FIELD,
                        M_("the card has no name label (Hankkeen nimi)"),
                        block.line,
                        None,
                        "name",
                    )
                )
        return blocks

    # -- database pages ------------------------------------------------------------------

    def _database(self, items: list[Item]) -> list[Block]:
        blocks: list[Block] = []
        current: Block | None = None
        header = True
        for item in items:
            if (
                item.kind == "text"
                and len(item.lines) <= 3
                and any(_KIND_NUMBER.match(t) for _, t in item.lines)
            ):
                # 'Hanke' / 'Kehittämishanke - 171169': a project's header starts.
                header, current = True, None
                continue
            if header and item.kind == "text" and not _is_prose([(item.line, item.text)]):
                for line, text in item.lines:
                    if current is None:
                        one_word_ok = not blocks and line > self.first
                        if titleable(text) and (len(text.split()) > 1 or one_word_ok):
                            current = _new_block(text, line, Layout.DATABASE, "header")
                            blocks.append(current)
                    elif _DATES_LINE.match(text):
                        current.fields.setdefault(
                            Field.PERIOD, FieldValue(text, line, 1, "otsikkotiedot", None, "header")
                        )
                    # else: organisation, status: header lines that are not ours
                continue
            if item.kind in ("field", "name", "other", "unknown", "heading", "section") or (
                item.kind == "text" and _is_prose([(item.line, item.text)])
            ):
                header = False
            if current is None:
                continue
            _add(current, item)
        for block in blocks:
            # Header dates give way to the start and end labels.
            period = block.fields.get(Field.PERIOD)
            if (
                period is not None
                and period.how == "header"
                and (Field.START in block.fields or Field.END in block.fields)
            ):
                del block.fields[Field.PERIOD]
        return blocks

    # -- agendas and minutes -------------------------------------------------------------

    def _agenda(self, items: list[Item]) -> list[Block]:
        sections: list[tuple[Item, list[Item]]] = []
        for item in items:
            if item.kind == "section":
                sections.append((item, []))
            elif sections:
                sections[-1][1].append(item)
        blocks: list[Block] = []
        for head, body in sections:
            m = _SECTION.match(head.text)
            title = m.group(3).strip() if m else ""
            title_line = head.line
            rest = body
            if not title or not titleable(title):
                for k, item in enumerate(body):
                    if (
                        item.kind == "text"
                        and len(item.lines) == 1
                        and (titleable(item.text) or _QUOTED.search(item.text))
                        and item.text.casefold() not in AGENDA_SECTION_WORDS
                    ):
                        title, title_line, rest = item.text, item.line, body[k + 1 :]
                        break
            text = " ".join(i.text for i in rest if i.kind == "text")
            if not title or not _about_one_project(title, text):
                self.notes.append(
                    Diagnostic(
                        Code.PREAMBLE,
                        M_(
                            "agenda item '{title}' is not about one project",
                            title=shorten(title or head.text),
                        ),
                        self.path,
                        head.line,
                    )
                )
                continue
            quoted = [q for q in _QUOTED.findall(title) if len(q) > 3]
            named = hanke_names(title)
            name = quoted[0] if quoted else named[0] if named else title
            # 'VisitSaimaa-hankkeeseen' in the title, 'VisitSaimaa-Lakeland Finland -hanke' in
            # the text: the text gives the whole name.
            fuller = [
                n
                for i in rest[:6]
                if i.kind in ("text", "field")
                for n in hanke_names(i.text)
                if n.startswith(name) and len(n) > len(name)
            ]
            name = fuller[0] if fuller else name
            block = _new_block(name, title_line, Layout.AGENDA, "agenda")
            for item in rest:
                if item.kind == "text" and item.text.casefold().rstrip(":") in AGENDA_SECTION_WORDS:
                    continue
                _add(block, item)
            blocks.append(block)
        return blocks

    # -- news and list pages -------------------------------------------------------------

    def _prose(self, items: list[Item]) -> list[Block]:
        entries = self._entries(items)
        if len(entries) >= 2:
            return entries
        listed = self._column_list(items) or self._quoted_list(items)
        if len(listed) >= 2:
            return listed
        sections = self._sections(items)
        if len(sections) >= 2:
            return sections
        head = _headline(items)
        inside = False  # a heading inside the text, under paragraphs of it
        if head is None:
            head = _heading_over_text(items)
            if head is None:
                return []
            inside = any(
                i.kind == "text" and _is_prose([(i.line, i.text)]) for i in items[: head[1]]
            )
            # The fields above the heading (a register's facts box) belong to it too.
            body = [i for n, i in enumerate(items) if n != head[1]]
        else:
            body = _after(items, head)
        text = " ".join(i.text for i in body if i.kind == "text")
        title = head[0].text
        # A headline that joins two subjects ('Pandatalous ja kulttuurihyvinvointi saavat
        # rahoitusta') or speaks of projects in the plural may report several decisions.
        several = _by_paragraph(body) if (" ja " in title or about_many(title)) else []
        if len(several) >= 2:
            return several
        name = _prose_name(
            title,
            [i.text for i in body[:3] if i.kind == "text"],
            [i.text for i in body[3:] if i.kind == "text"],
        )
        block = _new_block(name, head[0].line, Layout.PROSE, "headline")
        block.years = years_of(title)
        for item in body:
            _add(block, item)
        labelled = any(f in block.fields for f in _FACT_FIELDS)
        if not labelled and not (_about_one_project(title, text) and _states_facts(block)):
            return []
        if not labelled and name == _strip_years(title) and mostly_many(text):
            return []  # a report of many grants under a headline that names none of them
        if name == _strip_years(title) and _weak_headline(
            title, inside and not _names_itself(name)
        ):
            _unsure_name(block, [n for n in hanke_names(text) if n != name])
        return [block]

    def _entries(self, items: list[Item]) -> list[Block]:
        """A list page: paragraphs that start 'Name 2019-2021: sentence…', one per project."""
        blocks: list[Block] = []
        current: Block | None = None
        heads = [
            m.group("name").casefold()
            for item in items
            if item.kind == "text" and (m := _ENTRY.match(item.text)) is not None
        ]
        # A head that opens two entries ('Contents: …' under each project) is a label.
        labels = {head for head in heads if heads.count(head) > 1}
        for item in items:
            m = _ENTRY.match(item.text) if item.kind == "text" else None
            if m is not None and m.group("name").casefold() in labels:
                m = None
            if m is not None and titleable(m.group("name")):
                current = _new_block(
                    _strip_years(m.group("name")), item.line, Layout.PROSE, "entry"
                )
                current.years = years_of(m.group("name"))
                current.prose.append((item.line, m.group("rest")))
                blocks.append(current)
            elif current is not None and item.kind == "text" and not titleable(item.text):
                current.prose.append((item.line, item.text))
            elif current is not None:
                _add(current, item)
        return blocks

    def _quoted_list(self, items: list[Item]) -> list[Block]:
        """List items that each name a project in quotes ('• Cursor Oy hanke “Kymenlaakso –
        luonnollisesti lähellä” enintään 80 000 €'): one project an item. The page's contact
        block and the programme its text names are shared by all of them."""
        rows = [
            (line, row)
            for item in items
            if item.kind == "text"
            for line, row in item.lines
            if _LIST_MARK.match(row) and _LISTED_NAME.search(row)
        ]
        if len(rows) < 2:
            return []
        shared = [i for i in items if i.kind == "field" and i.fld is Field.CONTACTS]
        context = next((i for i in items if i.kind == "text" and find_programmes(i.text)), None)
        blocks: list[Block] = []
        for line, row in rows:
            m = _LISTED_NAME.search(row)
            assert m is not None
            block = _new_block(m.group("name"), line, Layout.PROSE, "entry")
            for item in shared:
                _add(block, item)
            if context is not None:
                block.fields[Field.FUNDING] = FieldValue(
                    context.text, context.line, 1, "luettelon otsikko", None, "heading"
                )
            blocks.append(block)
        return blocks

    def _sections(self, items: list[Item]) -> list[Block]:
        """A page of projects under headings of their own ('Arktinen biotalous' over 'Arktinen
        biotalous -hanke oli …'): a heading names a project when it says '-hanke' or the text
        under it starts with its name and '-hanke'."""
        heads: list[int] = []
        for n, item in enumerate(items[:-1]):
            nxt = items[n + 1]
            if not (
                item.kind == "text"
                and len(item.lines) == 1
                and titleable(item.text)
                and nxt.kind == "text"
                and _is_prose([(nxt.line, nxt.text)])
            ):
                continue
            bare = _strip_years(item.text)
            own = bare.casefold().endswith(("hanke", "projekti"))
            under = nxt.text.casefold().startswith(bare.casefold()) and bool(
                _HANKE_NAME.match(nxt.text[len(bare) : len(bare) + 20])
            )
            if (own or under) and not about_many(item.text):
                heads.append(n)
        if len(heads) < 2:
            return []
        blocks: list[Block] = []
        for k, n in enumerate(heads):
            end = heads[k + 1] if k + 1 < len(heads) else len(items)
            title = items[n].text
            block = _new_block(
                _prose_name(title, [items[n + 1].text]), items[n].line, Layout.PROSE, "heading"
            )
            block.years = years_of(title)
            for item in items[n + 1 : end]:
                _add(block, item)
            blocks.append(block)
        return blocks

    def _column_list(self, items: list[Item]) -> list[Block]:
        """'Hankkeen nimi, hakija ja haettu tuki:' over list items: one project an item."""
        blocks: list[Block] = []
        for n, item in enumerate(items):
            if item.kind not in ("text", "unknown"):
                continue
            head_text = (
                item.text if item.kind == "text" else (f"{item.label.label}:" if item.label else "")
            )
            m = _COLUMNS_HEAD.match(head_text.strip())
            below = items[n + 1] if n + 1 < len(items) else None
            rows = below.lines if below is not None and below.kind == "text" else []
            if m is not None:
                columns = 1 + len(re.findall(r",|\bja\b", m.group("rest")))
            else:
                if item.kind == "unknown" and item.text:
                    # The items ran on under the lead-in label as its value: one a mark.
                    rows = [(item.line, r) for r in _ITEM_START.split(item.text) if r.strip()]
                lead = head_text.strip()
                if not (_LEAD_IN.search(lead) and _of_projects(lead) and _listed(rows)):
                    continue
                # 'Rahoitusta myönnettiin seuraaville hankkeille:' over 'Name, applicant'
                # items: the name is all but the last part when every item has one.
                columns = 2 if all("," in r for _, r in rows if _LIST_MARK.match(r)) else 1
            # The nearest text above that names a programme says whose call this list is.
            context = next(
                (
                    (i.line, t)
                    for i in reversed(items[:n])
                    if i.kind == "text"
                    for _, t in [(i.line, i.text)]
                    if find_programmes(t)
                ),
                None,
            )
            for line, row in rows:
                if not _LIST_MARK.match(row):
                    continue
                parts = [p.strip() for p in _LIST_MARK.sub("", row).split(",")]
                name = ", ".join(parts[: max(1, len(parts) - columns + 1)])
                if not titleable(name):
                    continue
                block = _new_block(name, line, Layout.PROSE, "entry")
                if context is not None:
                    block.fields[Field.FUNDING] = FieldValue(
                        context[1], context[0], 1, "luettelon otsikko", None, "heading"
                    )
                blocks.append(block)
        return blocks


def _prose_name(title: str, first: list[str], rest: list[str] | None = None) -> str:
    """A news page's project: the name the text gives ('X -hanke') when it gives one,
    else the headline; a headline that names nothing ('Hankkeen rahoitus') yields to the
    project its text names ('… kunnostushankkeelle')."""
    bare = _strip_years(title)
    if hanke_names(bare, at_end=True) and bare.casefold().endswith(("hanke", "projekti")):
        return _without_chrome(bare)  # the title is the name: 'X -hanke', 'X - investointihanke'
    leading = [n for n in hanke_names(title) if title.startswith(n)]
    if leading:
        return _without_chrome(leading[0])  # 'Laukota -kylätalohanke Lautamaassa''
    in_title = [n for n in hanke_names(title) if n.casefold() not in PAGE_CHROME]
    if in_title:
        return _without_chrome(in_title[0])
    names = list(dict.fromkeys(n for text in first for n in hanke_names(text)))
    quoted = [
        n
        for n in names
        if any(f"”{n}" in t or f'"{n}' in t or f"“{n}" in t or f"” {n}" in t for t in first)
    ]
    if len(names) == 1 or len(quoted) == 1:
        name = quoted[0] if quoted else names[0]
        # 'Lounais-Suomi rakentuu puusta - LSPUU' is the fuller form of 'LSPUU'.
        return _strip_years(title) if name.casefold() in title.casefold() else name
    if title.casefold().startswith(("hanke", "hankkeen", "projekti")) and len(title.split()) <= 3:
        compounds = list(dict.fromkeys(n for text in first for n in compound_names(text)))
        if len(compounds) == 1:
            return compounds[0]
    if not names and rest:
        # The text names its project further down, and names only that one: the name the
        # text gives is better than a headline about it ('… -hankkeeseen' in the fifth
        # paragraph under 'Lappiin 40 miljoonaa').
        later = list(dict.fromkeys(n for text in rest for n in hanke_names(text)))
        if len(later) == 1 and later[0].casefold() not in title.casefold():
            return later[0]
    return _strip_years(title)


def _unknown_layout(items: list[Item], path: str) -> Iterator[Diagnostic]:
    """A text no reader made a project of, though it speaks of one ('… hankkeessa') and
    states amounts or dates: said where it first speaks of it, since a project may stand
    there in a layout no reader knows."""
    texts = [i.text for i in items if i.kind == "text"]
    if not any(scan_money(t) or _FULL_DATE.search(t) for t in texts):
        return
    for item in items:
        if item.kind != "text":
            continue
        for line, text in item.lines:
            word = next(
                (
                    w
                    for w in text.casefold().replace("-", " ").split()
                    if ONE_PROJECT_WORD.search(w.strip('.,:;!?()"”'))
                ),
                None,
            )
            if word is not None:
                yield Diagnostic(
                    Code.UNKNOWN_LAYOUT,
                    M_(
                        "the text speaks of a project ('{word}') in no layout the readers "
                        "know; nothing was read from it",
                        word=word.strip('.,:;!?()"”'),
                    ),
                    path,
                    line,
                )
                return


def _of_projects(lead: str) -> bool:
    """A lead-in about projects or grants ('Rahoitusta myönnettiin seuraaville hakkeille:'),
    not about other things ('följande uppgifter:')."""
    folded = lead.casefold()
    return any(w in folded for w in ("hank", "projekt", "project")) or bool(_GRANT.search(lead))


def _listed(rows: list[tuple[int, str]]) -> bool:
    """Two or more list items, none naming its project in quotes (_quoted_list's)."""
    marked = [r for _, r in rows if _LIST_MARK.match(r)]
    return len(marked) >= 2 and not any(_LISTED_NAME.search(r) for r in marked)


def _weak_headline(title: str, inside: bool) -> bool:
    """A headline that is weak evidence of a name: a heading inside the text, a headline in
    capitals (a slogan: 'HELMESTÄ ON KUORIUTUNUT TODELLINEN HELMI'), or a project's status
    with no name ('Päättynyt hanke')."""
    words = title.split()
    if inside or (len(words) >= 2 and title.isupper()):
        return True
    return len(words) <= 3 and words[-1].casefold() in ("hanke", "projekti", "projekt", "project")


def _names_itself(name: str) -> bool:
    """'Kylätalon kunnostushanke', 'X-projekti': a heading that says it names a project."""
    return name.casefold().endswith(("hanke", "projekti", "projekt", "project"))


def _unsure_name(block: Block, others: list[str]) -> None:
    """The name is a line no reader trusts as a name: kept, and said, with the names the
    text gives ('… -hanke') as the other candidates."""
    others = list(dict.fromkeys(others))[:3]
    block.notes.append(
        Note(
            Code.UNSURE_NAME,
            M_(
                "'{name}' (line {line}) may not be the project's name; other candidates: {others}",
                name=shorten(block.title),
                line=block.line,
                others=", ".join(f"'{shorten(n)}'" for n in others),
            )
            if others
            else M_(
                "'{name}' (line {line}) may not be the project's name; no other candidate",
                name=shorten(block.title),
                line=block.line,
            ),
            block.line,
            None,
            "name",
        )
    )


def _first_name_in(text: str) -> str | None:
    """The first project a paragraph names, by where the name stands."""
    found: list[tuple[int, str]] = []
    for name in hanke_names(text) + compound_names(text):
        pos = text.find(name.split()[0])  # a compound's last word stands inflected
        if pos >= 0 and name.split()[-1].casefold() not in GENERIC_NAMES:
            found.append((pos, name))
    return min(found)[1] if found else None


def _by_paragraph(body: list[Item]) -> list[Block]:
    """A news text about two or more funding decisions: each paragraph that names a new
    project and speaks of its money starts that project; the paragraphs after it, until
    the next, are its own."""
    starts: list[tuple[int, str]] = []
    for k, item in enumerate(body):
        if item.kind != "text" or not _GRANT.search(item.text):
            continue
        name = _first_name_in(item.text)
        if name is None or any(name.startswith(n) or n.startswith(name) for _, n in starts):
            continue
        starts.append((k, name))
    if len(starts) < 2:
        return []
    # One programme named once on the page ('… AIKO-rahoituksesta', then 'Myös X -hanke sai
    # AIKO-rahoitusta') is every reported project's programme.
    named = [
        i for i in body if i.kind == "text" and _GRANT.search(i.text) and find_programmes(i.text)
    ]
    shared = named[0] if len({p for i in named for p in find_programmes(i.text)}) == 1 else None
    blocks: list[Block] = []
    for j, (k, name) in enumerate(starts):
        end = starts[j + 1][0] if j + 1 < len(starts) else len(body)
        block = _new_block(name, body[k].line, Layout.PROSE, "paragraph")
        for item in body[k:end]:
            _add(block, item)
        if shared is not None and not any(find_programmes(t) for _, t in block.prose):
            block.fields[Field.FUNDING] = FieldValue(
                shared.text, shared.line, 1, "sivun rahoitus", None, "heading"
            )
        blocks.append(block)
    return blocks


def _without_chrome(name: str) -> str:
    """'Ajankohtaista SustainBaltic' without the page's section word."""
    words = name.split()
    while len(words) > 1 and words[0].casefold() in PAGE_CHROME:
        words.pop(0)
    return " ".join(words)


_YEARS = re.compile(r"\s*\(?((?:19|20)[0-9]{2})(?:\s*[-–]\s*((?:19|20)[0-9]{2}))?\)?\s*$")


def _strip_years(title: str) -> str:
    """'Vihtijärven kylätalo - investointihanke 2008-2011' without its years."""
    m = _YEARS.search(title)
    return title[: m.start()].strip() if m and m.start() > 0 else title


def years_of(title: str) -> tuple[int, int] | None:
    """The years a title ends with, as (first, last); None when it ends with none."""
    m = _YEARS.search(title)
    if m is None or m.start() == 0:
        return None
    a = int(m.group(1))
    b = int(m.group(2)) if m.group(2) else a
    return (a, b) if a <= b else None


def why_not_title(text: str) -> str | None:
    """Why a line is never a title (for tests and messages)."""
    return never_title(text, classify(text))
