"""A page as items: what every whole-page family reads.

A page's lines become items (a label with its value, a heading, a paragraph of text); a
family's boundary rule then cuts the items into projects, and each project's items fill one
block (fill.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from hankkeet.diagnostics import Diagnostic
from hankkeet.reading.labels import LABELS, Field
from hankkeet.reading.lines import (
    LabelLine,
    classify,
    is_list_item,
    is_numbered_heading,
    never_title,
)
from hankkeet.reading.people import read_contacts, title_status

# Fields whose value runs on over the lines (and paragraphs) under a label standing alone.
_RUNNING = frozenset({Field.SUMMARY})


SECTION = re.compile(r"^(?:§\s*(\d+)|(\d+)\s*§)\s*(.*)$")
_NUMBERING = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*\.?)\s+")
_PARENS = re.compile(r"\s*\([^)]*\)\s*$")
_TWO_DATES = re.compile(r"^(\d{1,2}\.\d{1,2}\.\d{4})\s*[-–]?\s*(\d{1,2}\.\d{1,2}\.\d{4})$")


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


@dataclass
class Page:
    """What a family's reader knows of a page besides its items: its file, its first line,
    and the findings about the page it leaves."""

    path: str
    first: int = 1
    notes: list[Diagnostic] = field(default_factory=list)


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


Para = list[tuple[int, str]]


@dataclass
class _Cursor:
    """Where items_of stands: the page's paragraphs, the one it reads, the items so far. A
    label may take the paragraphs under it, so the readers below move `at` on."""

    paras: list[Para]
    at: int = 0
    out: list[Item] = field(default_factory=list)

    def next_para(self) -> Para | None:
        return self.paras[self.at + 1] if self.at + 1 < len(self.paras) else None


def items_of(lines: list[tuple[int, str]]) -> list[Item]:
    """The page as items: labels gather their values (same line, running lines, or the
    paragraph under a label that stands alone); the rest is headings and text."""
    lines = [(n, piece) for n, line in lines for piece in _split_labels(line)]
    cur = _Cursor(_paragraphs(lines))
    while cur.at < len(cur.paras):
        para = cur.paras[cur.at]
        j = 0
        while j < len(para):
            j = _item_at(cur, para, j)
        cur.at += 1
    return cur.out


def _item_at(cur: _Cursor, para: Para, j: int) -> int:
    """The item that starts at line j of the paragraph; the line after it."""
    number, raw = para[j]
    text = raw.strip()
    label = _label_of(raw)
    pair = _pair(text, para[j + 1][1] if j + 1 < len(para) else None)
    if pair is not None:
        for one, _ in pair:
            cur.out.append(Item(ItemKind.FIELD, number, one.value, one, one.field, one.column))
        return j + pair[0][1]
    if SECTION.match(text):
        cur.out.append(Item(ItemKind.SECTION, number, text))
        return j + 1
    if label is None:
        return _text_at(cur, para, j)
    if label.field is None and not label.other and is_prose([(number, label.value)]):
        # 'Hyviä uutisia: ELY-keskus on …': a sentence that holds a colon.
        cur.out.append(Item(ItemKind.TEXT, number, text, lines=[(number, text)]))
        return j + 1
    return _label_at(cur, para, j, label)


def _text_at(cur: _Cursor, para: Para, j: int) -> int:
    """A numbered heading alone in its paragraph, or a run of text lines as one paragraph
    item (up to the next label line)."""
    number, raw = para[j]
    text = raw.strip()
    if is_numbered_heading(text) and len(para) == 1 and not text.endswith("."):
        cur.out.append(Item(ItemKind.HEADING, number, text))
        return j + 1
    k = j
    while k < len(para) and _label_of(para[k][1]) is None and not SECTION.match(para[k][1].strip()):
        k += 1
    chunk = para[j:k]
    cur.out.append(
        Item(
            ItemKind.TEXT,
            number,
            " ".join(t.strip() for _, t in chunk),
            lines=[(n, t.strip()) for n, t in chunk],
        )
    )
    return k


def _kind_of(label: LabelLine) -> ItemKind:
    if label.field is Field.NAME:
        return ItemKind.NAME
    if label.field is not None:
        return ItemKind.FIELD
    return ItemKind.OTHER if label.other else ItemKind.UNKNOWN


def _label_at(cur: _Cursor, para: Para, j: int, label: LabelLine) -> int:
    """A label line and its value: on its line, on the lines under it, or in the paragraphs
    under it when it stands alone."""
    number = para[j][0]
    kind = _kind_of(label)
    value, how = label.value, "label"
    k = j + 1
    if _value_under(para, k, label):
        return _lines_under(cur, para, k, number, label)
    if value and label.field is Field.CONTACTS and k == len(para):
        # 'Lisätietoja: Aluekehitysjohtaja Tarja Nuotio, p. …' and the next person in a
        # paragraph of their own.
        for part in _next_contacts(cur):
            value += ", " + part
    if value:
        value, k = _running(para, k, label, value)
    elif label.field is Field.CONTACTS:
        value, k = _contacts_under(cur, para, k)
        how = "heading"
    elif k == len(para) and _opens_value(cur.next_para()):
        _paragraphs_item(cur, number, label)
        return len(para)
    cur.out.append(Item(kind, number, value, label, label.field, label.column, how))
    return k


def _value_under(para: Para, k: int, label: LabelLine) -> bool:
    """'Label' with no value, then its value on the lines under it (from line k), in the
    same paragraph (a contacts label reads its own way)."""
    return (
        not label.value
        and label.field is not None
        and label.field is not Field.CONTACTS
        and k < len(para)
        and _label_of(para[k][1]) is None
    )


def _lines_under(cur: _Cursor, para: Para, k: int, number: int, label: LabelLine) -> int:
    """A label's (on line `number`) value on the lines under it from line k: one line, or
    for a running field every line up to the next label; the line after it."""
    stop = k + 1
    while label.field in _RUNNING and stop < len(para) and _label_of(para[stop][1]) is None:
        stop += 1
    value = " ".join(t.strip() for _, t in para[k:stop])
    kind = _kind_of(label)
    cur.out.append(
        Item(kind, number, value, label, label.field, 1, "label", lines=[(para[k][0], value)])
    )
    return stop


def _next_contacts(cur: _Cursor) -> list[str]:
    """The people in the paragraphs that follow, each a contact of its own; the cursor
    moves past them."""
    parts: list[str] = []
    while (nxt := cur.next_para()) is not None and _contact_like(nxt):
        cur.at += 1
        parts.append(_contact_part(" ".join(t.strip() for _, t in nxt)))
    return parts


def _contacts_under(cur: _Cursor, para: Para, k: int) -> tuple[str, int]:
    """'Lisätietoja' over a contact block: the lines under it (from line k) up to the next
    label, in its paragraph or the next, joined with commas; and where its paragraph's
    next item starts."""
    stop = k
    while stop < len(para) and _label_of(para[stop][1]) is None:
        stop += 1
    rest = [t.strip() for _, t in para[k:stop]]
    nxt = cur.next_para()
    if not rest and stop == len(para) and nxt is not None and _label_of(nxt[0][1]) is None:
        cur.at += 1
        rest = [t.strip() for _, t in nxt]
        # The next person's lines in a paragraph of their own are the label's too.
        rest.extend(_next_contacts(cur))
    return ", ".join(rest), stop


def _paragraphs_item(cur: _Cursor, number: int, label: LabelLine) -> None:
    """A label alone in its paragraph (on line `number`) and its value in the paragraphs
    under it."""
    taken = _paragraphs_under(cur, label)
    value = " ".join(t.strip() for p in taken for _, t in p)
    how = "heading" if label.field in _RUNNING else "label"
    item = Item(_kind_of(label), number, value, label, label.field, 1, how)
    item.lines = [(taken[0][0][0], value)]
    cur.out.append(item)


def _running(para: Para, k: int, label: LabelLine, value: str) -> tuple[str, int]:
    """A value with its running lines: indented ones, or any under a summary, funding or
    contacts; an indented funding line is a source of its own (a clause). A list's next item,
    indented no deeper than the label's line, is the list's, not the value's."""
    indent = _indent(para[k - 1][1])
    while (
        k < len(para)
        and _label_of(para[k][1]) is None
        and (
            para[k][1][:1].isspace()
            or label.field in (Field.SUMMARY, Field.FUNDING, Field.CONTACTS)
        )
        and not (is_list_item(para[k][1]) and _indent(para[k][1]) <= indent)
    ):
        joint = "; " if label.field is Field.FUNDING and para[k][1][:1].isspace() else " "
        value += joint + para[k][1].strip()
        k += 1
    return value, k


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _opens_value(para: Para | None) -> bool:
    """A paragraph that may be the value of a label standing alone above it: no label (a
    sentence of prose whose first clause ends in a colon is no unknown label: 'Yhdistys uusii
    majansa lämmityksen: puulämmityksen tilalle …'), no numbered heading, no agenda section."""
    if para is None:
        return False
    label = _label_of(para[0][1])
    return (
        (label is None or (label.field is None and not label.other and is_prose(para)))
        and not is_numbered_heading(para[0][1].strip())
        and not SECTION.match(para[0][1].strip())
    )


def _paragraphs_under(cur: _Cursor, label: LabelLine) -> list[Para]:
    """A label alone in its paragraph takes the paragraph under it (database pages); a
    summary takes every paragraph of prose up to the next label or heading."""
    cur.at += 1
    taken = [cur.paras[cur.at]]
    while (
        label.field in _RUNNING
        and (nxt := cur.next_para()) is not None
        and _opens_value(nxt)
        and is_prose(nxt)
    ):
        cur.at += 1
        taken.append(nxt)
    return taken


# A person's paragraph: a name and a title, and a phone and an e-mail on lines of their own.
_PERSON_LINES = 4


def _contact_like(para: list[tuple[int, str]]) -> bool:
    """A paragraph that is one more contact: a title, a name, and a phone or an e-mail."""
    text = " ".join(t.strip() for _, t in para)
    if len(para) > _PERSON_LINES or len(text) > 200 or _label_of(para[0][1]) is not None:
        return False
    contacts = read_contacts(_contact_part(text)).contacts
    if not contacts or contacts[0].name is None or contacts[0].title is None:
        return False
    person = contacts[0]
    words = person.name.split() if person.name else []
    return (
        len(words) >= 2
        and all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words)
        and title_status(person.title)[0] == "known"
        and bool(person.phone or person.email)
    )


_DETAIL = re.compile(
    r"(?:p\.|puh\.?|tel\.?)?\s*\+?[0-9][0-9 ()-]{5,18}[0-9]|\S+@\S+\.\w+", re.IGNORECASE
)


def _contact_part(text: str) -> str:
    """A contact line up to its phone number or e-mail: what follows is the page's other text
    ('… p. 040 776 0630 Tämä sähköpostiosoite on suojattu')."""
    m = _DETAIL.search(text)
    return text[: m.end()] if m else text


def is_prose(para: list[tuple[int, str]]) -> bool:
    text = " ".join(t.strip() for _, t in para)
    return len(text) > 80 or text.endswith((".", "!", "?"))


def why_not_title(text: str) -> str | None:
    """Why a line is never a title (for tests and messages)."""
    return never_title(text, classify(text))
