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

from hankkeet.diagnostics import Code, Diagnostic
from hankkeet.reading.blocks import Block, FieldValue, IdRegistry, ParsedProject
from hankkeet.reading.labels import (
    AGENDA_SECTION_WORDS,
    CARD_HEADINGS,
    GENERIC_NAMES,
    NOT_ONE_PROJECT,
    PROJECT_WORDS,
    Field,
)
from hankkeet.reading.lines import (
    LabelLine,
    classify,
    is_numbered_heading,
    never_title,
    titleable,
)
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
_COLUMNS_HEAD = re.compile(r"^(?:hankkeen nimi|hanke|projekti|nimi)\b(?P<rest>.*):$",
                           re.IGNORECASE)
_LIST_MARK = re.compile(r"^(?:[-–—•*·▪◦]|\d{1,2}[).])\s+")


@dataclass
class Item:
    """One unit of a page: a label line with its value, a heading, or a paragraph of text."""

    kind: str  # "field", "name", "other", "unknown", "heading", "section", "text"
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
        inner = classify(_NUMBERING.sub("", text.strip()))
        if inner is not None and inner.field is not None and not inner.value:
            return inner
    return label


def items_of(lines: list[tuple[int, str]]) -> list[Item]:
    """The page as items: labels gather their values (same line, running lines, or the
    paragraph under a label that stands alone); the rest is headings and text."""
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
            if _SECTION.match(text):
                out.append(Item("section", number, text))
                j += 1
                continue
            if label is None:
                if is_numbered_heading(text) and len(para) == 1 and not text.endswith("."):
                    out.append(Item("heading", number, text))
                    j += 1
                    continue
                # A run of text lines: one paragraph item (up to the next label line).
                k = j
                while k < len(para) and _label_of(para[k][1]) is None \
                        and not _SECTION.match(para[k][1].strip()):
                    k += 1
                chunk = para[j:k]
                out.append(Item("text", number, " ".join(t.strip() for _, t in chunk),
                                lines=[(n, t.strip()) for n, t in chunk]))
                j = k
                continue
            kind = ("name" if label.field is Field.NAME else "field" if label.field is not None
                    else "other" if label.other else "unknown")
            value, how = label.value, "label"
            k = j + 1
            if value:
                # Running lines: indented ones, or any under a summary, funding or contacts.
                while k < len(para) and _label_of(para[k][1]) is None and (
                        para[k][1][:1].isspace()
                        or label.field in (Field.SUMMARY, Field.FUNDING, Field.CONTACTS)):
                    value += " " + para[k][1].strip()
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
                if _label_of(nxt[0][1]) is None and not is_numbered_heading(nxt[0][1].strip()) \
                        and not _SECTION.match(nxt[0][1].strip()):
                    taken = [nxt]
                    i += 1
                    while label.field in _RUNNING and i + 1 < len(paras) \
                            and _label_of(paras[i + 1][0][1]) is None \
                            and not is_numbered_heading(paras[i + 1][0][1].strip()) \
                            and not _SECTION.match(paras[i + 1][0][1].strip()) \
                            and _is_prose(paras[i + 1]):
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


def _is_prose(para: list[tuple[int, str]]) -> bool:
    text = " ".join(t.strip() for _, t in para)
    return len(text) > 80 or text.endswith((".", "!", "?"))


# -- projects ------------------------------------------------------------------------------

def _new_block(title: str, line: int, layout: str, name_from: str) -> Block:
    return Block(title=squash(title), line=line, layout=layout, name_from=name_from)


def _add(block: Block, item: Item) -> None:
    """Put one item into a block: a field (first value wins), or a paragraph of prose."""
    if item.kind == "field" and item.fld is not None:
        if item.fld in block.fields:
            if item.text and not block.fields[item.fld].text:
                block.fields[item.fld] = _value(item)
            elif item.text and item.text != block.fields[item.fld].text:
                first = block.fields[item.fld]
                block.notes.append(("repeated-field", f"'{item.label.label if item.label else ''}'"
                                    f" again (first on line {first.line}); "
                                    f"'{shorten(item.text)}' is not used", item.line,
                                    item.column, None))
            return
        if not item.text and item.fld not in (Field.PERIOD, Field.BUDGET, Field.START,
                                              Field.END):
            return  # a label standing alone over nothing: a heading of a page, no field
        block.fields[item.fld] = _value(item)
    elif item.kind == "unknown" and item.label is not None:
        block.notes.append(("unknown-label", f"unknown label '{item.label.label}'; its value "
                            "is not used", item.line, 1, None))
    elif item.kind == "text":
        block.prose.append((item.line, item.text))


def _value(item: Item) -> FieldValue:
    assert item.label is not None
    line = item.lines[0][0] if item.lines else item.line
    column = 1 if item.lines else item.column
    return FieldValue(item.text, line, column, item.label.label, item.label.year, item.how)


def _strip_hanke(name: str) -> str:
    return name.strip(" -–:")


_HANKE_NAME = re.compile(r"(?:\s-|-)\s?(?:hank|projekt)\w*", re.IGNORECASE)
_WORD = re.compile(r"[\wÅÄÖåäöÜüÉé][\w.'’+&ÅÄÖåäöÜüÉé-]*")


def hanke_names(text: str) -> list[str]:
    """Names the text gives a project: '”X” -hanke', 'X-hanke', 'X -hankkeelle'."""
    names: list[str] = []
    for m in _QUOTED.finditer(text):
        after = text[m.end():m.end() + 12].casefold()
        before = text[max(0, m.start() - 12):m.start()].casefold()
        if "hank" in after or "projekt" in after or "hank" in before or "projekt" in before:
            names.append(m.group(1).strip())
    for m in _HANKE_NAME.finditer(text):
        words = [(w.start(), w.group()) for w in _WORD.finditer(text[max(0, m.start() - 120):
                                                                     m.start()])]
        if not words or text[m.start() - 1:m.start()] in ("”", '"'):
            continue
        run: list[str] = []
        for _, word in reversed(words[-8:]):
            if word[:1].islower() and run and not any(w[:1].isupper() for w in run):
                run.append(word)
                continue
            if word[:1].islower() and run and run[-1][:1].isupper():
                break
            run.append(word)
        run.reverse()
        while run and not run[0][:1].isupper():
            run.pop(0)
        name = " ".join(run)
        if name and name.casefold() not in GENERIC_NAMES and len(run) <= 8:
            names.append(name)
    return names


def _about_one_project(title: str, text: str) -> bool:
    folded = f"{title} {text}".casefold()
    if any(w in title.casefold() for w in NOT_ONE_PROJECT):
        return False
    return any(w in folded for w in PROJECT_WORDS)


def _headline(items: list[Item]) -> tuple[Item, int] | None:
    """The last titleable line before the first paragraph of prose, and its index."""
    best: tuple[Item, int] | None = None
    for n, item in enumerate(items):
        if item.kind == "text":
            if _is_prose([(item.line, item.text)]) and len(item.lines) >= 1 \
                    and not titleable(item.text):
                break
            if len(item.lines) == 1 and titleable(item.text):
                best = (item, n)
                continue
            if len(item.lines) > 1 and titleable(item.lines[0][1]) \
                    and not titleable(item.lines[1][1]):
                best = (Item("text", item.lines[0][0], item.lines[0][1]), n)
                break
        elif item.kind in ("field", "name"):
            break
    return best


class DocumentReader:
    """Reads one whole page of a layout other than the seed's."""

    def __init__(self, path: str, registry: IdRegistry, layout: str) -> None:
        self.path = path
        self.registry = registry
        self.layout = layout
        self.notes: list[Diagnostic] = []

    def read(self, lines: list[tuple[int, str]]) -> Iterator[ParsedProject | Diagnostic]:
        """The page's projects, then its file findings (no-projects when there is none)."""
        items = items_of(lines)
        cut = {"card": self._card, "database": self._database, "agenda": self._agenda,
               "prose": self._prose}[self.layout]
        blocks = [b for b in cut(items) if b is not None]
        if not blocks:
            yield Diagnostic(Code.NO_PROJECTS, f"{self.path} holds no project description",
                             self.path, 1)
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
            is_heading = item.kind == "text" and len(item.lines) == 1 and any(
                h in item.text.casefold() for h in CARD_HEADINGS)
            if is_heading:
                current = _new_block("", item.line, "card", "label")
                blocks.append(current)
                heading_text = (item.line, item.text)
                current.fields[Field.FUNDING] = FieldValue(item.text, item.line, 1,
                                                           "kortin otsikko", None, "heading")
                continue
            if item.kind == "name":
                if current is None or current.title:
                    current = _new_block(item.text, item.line, "card", "label")
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
                block.notes.append(("missing-field", "the card has no name label "
                                    "(Hankkeen nimi)", block.line, None, "name"))
        return blocks

    # -- database pages ------------------------------------------------------------------

    def _database(self, items: list[Item]) -> list[Block]:
        blocks: list[Block] = []
        current: Block | None = None
        header = True
        for n, item in enumerate(items):
            if item.kind == "text" and len(item.lines) == 1 and _KIND_NUMBER.match(item.text):
                header = True
                current = None
                continue
            if header and item.kind == "text":
                text = item.text
                if current is None:
                    if titleable(text) and len(text.split()) > 0 and not (
                            len(text.split()) == 1 and n == 0):
                        current = _new_block(text, item.line, "database", "header")
                        blocks.append(current)
                    continue
                if _DATES_LINE.match(text):
                    current.fields.setdefault(Field.PERIOD, FieldValue(
                        text, item.line, 1, "otsikkotiedot", None, "header"))
                    continue
                if len(item.lines) == 1 and not _is_prose([(item.line, text)]):
                    continue  # organisation, status: header lines that are not ours
            if item.kind in ("field", "name", "other", "unknown", "heading", "section"):
                header = False
            if current is None:
                continue
            _add(current, item)
        for block in blocks:
            # Header dates give way to the start and end labels.
            period = block.fields.get(Field.PERIOD)
            if period is not None and period.how == "header" and (
                    Field.START in block.fields or Field.END in block.fields):
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
                    if item.kind == "text" and len(item.lines) == 1 and (
                            titleable(item.text) or _QUOTED.search(item.text)) \
                            and item.text.casefold() not in AGENDA_SECTION_WORDS:
                        title, title_line, rest = item.text, item.line, body[k + 1:]
                        break
            text = " ".join(i.text for i in rest if i.kind == "text")
            if not title or not _about_one_project(title, text):
                self.notes.append(Diagnostic(
                    Code.PREAMBLE, f"agenda item '{shorten(title or head.text)}' is not about "
                    "one project", self.path, head.line))
                continue
            quoted = [q for q in _QUOTED.findall(title) if len(q) > 3]
            named = hanke_names(title)
            name = quoted[0] if quoted else named[0] if named else title
            block = _new_block(name, title_line, "agenda", "agenda")
            for item in rest:
                if item.kind == "text" and item.text.casefold().rstrip(":") in \
                        AGENDA_SECTION_WORDS:
                    continue
                _add(block, item)
            blocks.append(block)
        return blocks

    # -- news and list pages -------------------------------------------------------------

    def _prose(self, items: list[Item]) -> list[Block]:
        entries = self._entries(items)
        if len(entries) >= 2:
            return entries
        listed = self._column_list(items)
        if len(listed) >= 2:
            return listed
        head = _headline(items)
        body = items if head is None else items[head[1] + 1:]
        text = " ".join(i.text for i in body if i.kind == "text")
        if head is None:
            return []
        title = head[0].text
        if not _about_one_project(title, text):
            return []
        names = hanke_names(title) or [n for n in hanke_names(
            " ".join(i.text for i in body[:3] if i.kind == "text"))]
        distinct = list(dict.fromkeys(names))
        name = distinct[0] if len(distinct) == 1 else _strip_years(title)
        block = _new_block(name, head[0].line, "prose", "headline")
        block.years = years_of(title)
        for item in body:
            _add(block, item)
        if not block.prose and not block.fields:
            return []
        return [block]

    def _entries(self, items: list[Item]) -> list[Block]:
        """A list page: paragraphs that start 'Name 2019-2021: sentence…', one per project."""
        blocks: list[Block] = []
        current: Block | None = None
        for item in items:
            m = _ENTRY.match(item.text) if item.kind == "text" else None
            if m is not None and titleable(m.group("name")):
                current = _new_block(_strip_years(m.group("name")), item.line, "prose", "entry")
                current.years = years_of(m.group("name"))
                current.prose.append((item.line, m.group("rest")))
                blocks.append(current)
            elif current is not None and item.kind == "text" and not titleable(item.text):
                current.prose.append((item.line, item.text))
            elif current is not None:
                _add(current, item)
        return blocks

    def _column_list(self, items: list[Item]) -> list[Block]:
        """'Hankkeen nimi, hakija ja haettu tuki:' over list items: one project an item."""
        blocks: list[Block] = []
        for n, item in enumerate(items):
            if item.kind not in ("text", "unknown"):
                continue
            head_text = item.text if item.kind == "text" else (
                f"{item.label.label}:" if item.label else "")
            m = _COLUMNS_HEAD.match(head_text.strip())
            if m is None:
                continue
            columns = 1 + len(re.findall(r",|\bja\b", m.group("rest")))
            context = " ".join(i.text for i in items[max(0, n - 4):n] if i.kind == "text")
            rows = items[n + 1].lines if n + 1 < len(items) and items[n + 1].kind == "text" \
                else []
            for line, row in rows:
                if not _LIST_MARK.match(row):
                    continue
                parts = [p.strip() for p in _LIST_MARK.sub("", row).split(",")]
                name = ", ".join(parts[:max(1, len(parts) - columns + 1)])
                if not titleable(name):
                    continue
                block = _new_block(name, line, "prose", "entry")
                block.prose.append((line, context))
                blocks.append(block)
        return blocks


_YEARS = re.compile(r"\s*\(?((?:19|20)[0-9]{2})(?:\s*[-–]\s*((?:19|20)[0-9]{2}))?\)?\s*$")


def _strip_years(title: str) -> str:
    """'Vihtijärven kylätalo - investointihanke 2008-2011' without its years."""
    m = _YEARS.search(title)
    return title[:m.start()].strip() if m and m.start() > 0 else title


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
