"""Text to records: lines -> blocks with line numbers -> projects and diagnostics.

The parser reads one line at a time and hands out each project as soon as it is complete,
so memory stays flat however long the input is. It never raises on data: whatever it
cannot place or read becomes a diagnostic.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from hankkeet.diagnostics import Code, Diagnostic
from hankkeet.models import Contact, Funding, Project, SourceRef, StaffPeriod
from hankkeet.reading.dates import PeriodReading, read_date, read_period
from hankkeet.reading.funding import read_funding
from hankkeet.reading.labels import LABEL_INDEX, MAX_LABEL_WORDS, YEAR_SUFFIX, Field, label_key
from hankkeet.reading.money import read_money_field
from hankkeet.reading.people import read_contacts
from hankkeet.reading.sources import Source
from hankkeet.reading.staff import read_staff
from hankkeet.reading.text import clean_line, shorten, slug, squash

REQUIRED = (Field.PERIOD, Field.BUDGET)
HINTS_PER_FILE = 200
# A heading between projects is one short line that does not end a sentence.
HEADING_MAX = 80


@dataclass(frozen=True)
class LabelLine:
    """A line that starts with a label: the field, the value after it and where it stands."""

    field: Field | None
    label: str
    value: str
    column: int
    year: int | None = None
    typo_of: str | None = None


@dataclass
class FieldValue:
    """A field's raw text as gathered from its label line and continuation lines."""

    text: str
    line: int
    column: int
    label: str
    year: int | None = None


@dataclass
class Block:
    """The lines of one project: its title and the raw fields under it."""

    title: str
    line: int
    fields: dict[Field, FieldValue] = field(default_factory=dict)
    last: Field | None = None
    dropping: bool = False  # lines under an unknown or repeated label go with it, unread
    notes: list[tuple[str, str, int, int | None]] = field(default_factory=list)


@dataclass
class ParsedProject:
    """One project record with the diagnostics found while reading it."""

    project: Project
    diagnostics: list[Diagnostic]


@dataclass
class ParseResult:
    """Everything read from some text: projects, and diagnostics about the whole text."""

    projects: list[ParsedProject] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def all_diagnostics(self) -> list[Diagnostic]:
        """File diagnostics and project diagnostics, in line order."""
        every = self.diagnostics + [d for p in self.projects for d in p.diagnostics]
        return sorted(every, key=lambda d: (d.path, d.line))


_FIRST_WORD = re.compile(r"[^\W\d_]+")
# The first word of every label: a line starting with any other word is no label, and
# most lines are told apart by this one look-up.
_LABEL_FIRST_WORDS = frozenset(
    m.group() for key in LABEL_INDEX if (m := _FIRST_WORD.match(key)) is not None)
# No label is longer than this; a longer text before a colon is prose.
_LABEL_MAX_CHARS = 64


def _first_word(text: str) -> str:
    m = _FIRST_WORD.match(text)
    return m.group().casefold() if m else ""


_LABELS_BY_INITIAL: dict[str, list[str]] = {}
for _key in LABEL_INDEX:
    _LABELS_BY_INITIAL.setdefault(_key[:1], []).append(_key)


def _bigrams(text: str) -> frozenset[str]:
    return frozenset(text[i:i + 2] for i in range(len(text) - 1))


_LABEL_BIGRAMS = {key: _bigrams(key) for key in LABEL_INDEX}
# Two spellings 85 % alike share far more than half their letter pairs; comparing the sets
# (in C) rules out most labels before difflib's slower ratio is computed.
_TYPO_BIGRAM_SHARE = 0.5


def _close_labels(key: str, cutoff: float, same_initial: bool = False) -> list[str]:
    """Known labels at least `cutoff` alike (difflib's ratio), best first.

    Only labels whose length allows that ratio are compared at all (the ratio is at most
    2·min/(len a + len b)); with same_initial, only labels that start with the same letter.
    """
    n = len(key)
    low, high = n * cutoff / (2 - cutoff), n * (2 - cutoff) / cutoff
    fitting: list[str]
    if same_initial:
        pairs = _bigrams(key)
        fitting = [k for k in _LABELS_BY_INITIAL.get(key[:1], []) if low <= len(k) <= high
                   and 2 * len(pairs & _LABEL_BIGRAMS[k])
                   >= _TYPO_BIGRAM_SHARE * (len(pairs) + len(_LABEL_BIGRAMS[k]))]
    else:
        fitting = [k for k in LABEL_INDEX if low <= len(k) <= high]
    return difflib.get_close_matches(key, fitting, n=2, cutoff=cutoff)


@lru_cache(maxsize=4096)
def _near_label(key: str) -> str | None:
    """The one known label a misspelt one stands for: same first letter, 85 % alike."""
    near = _close_labels(key, 0.85, same_initial=True)
    if len(near) == 1 or (len(near) == 2 and LABEL_INDEX[near[0]] == LABEL_INDEX[near[1]]):
        return near[0]
    return None


def _split_year(key: str) -> tuple[str, int | None]:
    m = YEAR_SUFFIX.search(key)
    return (key[:m.start()], int(m.group(1))) if m else (key, None)


def _looks_like_label(head: str) -> bool:
    words = head.split()
    return (0 < len(words) <= MAX_LABEL_WORDS and head[:1].isupper()
            and not any(c.isdigit() for c in head))


def classify(line: str) -> LabelLine | None:
    """The label a line starts with (field None for an unknown label), or None for text."""
    indent = len(line) - len(line.lstrip())
    text = line.strip()
    colon = text.find(":", 0, _LABEL_MAX_CHARS + 1)
    if colon > 0:
        head = text[:colon]
        key, year = _split_year(label_key(head))
        rest = text[colon + 1:]
        column = indent + colon + 2 + (len(rest) - len(rest.lstrip()))
        value = rest.strip()
        if key in LABEL_INDEX:
            return LabelLine(LABEL_INDEX[key], head.strip(), value, column, year)
        if _looks_like_label(head):
            near = _near_label(key)
            if near is not None:
                return LabelLine(LABEL_INDEX[near], head.strip(), value, column, year, near)
            return LabelLine(None, head.strip(), value, column, year)
        return None
    if _first_word(text) not in _LABEL_FIRST_WORDS:
        return None
    parts = text.split(None, MAX_LABEL_WORDS + 2)
    for n in range(min(len(parts), MAX_LABEL_WORDS + 2), 0, -1):
        head = " ".join(parts[:n])
        key, year = _split_year(label_key(head))
        if key in LABEL_INDEX:
            tail = parts[n:]
            if not tail or head.isupper() or tail[0][:1].isdigit():
                value = " ".join(tail)
                column = indent + len(text) - len(value) + 1 if value else indent + len(text) + 1
                return LabelLine(LABEL_INDEX[key], head, value, column, year)
            return None
    return None


class IdRegistry:
    """The ids handed out in one run: a repeated name gets '-2', '-3', ... and is reported."""

    def __init__(self) -> None:
        self.first: dict[str, str] = {}
        self.next_suffix: dict[str, int] = {}

    def claim(self, base: str, where: str) -> tuple[str, str | None]:
        """A unique id for the slug, and where the slug was first seen if it was."""
        if base not in self.first:
            self.first[base] = where
            return base, None
        n = self.next_suffix.get(base, 2)
        while f"{base}-{n}" in self.first:
            n += 1
        self.next_suffix[base] = n + 1
        self.first[f"{base}-{n}"] = where
        return f"{base}-{n}", self.first[base]


class FileParser:
    """Reads the lines of one file and hands out projects as they complete."""

    def __init__(self, path: str, registry: IdRegistry | None = None) -> None:
        self.path = path
        self.registry = IdRegistry() if registry is None else registry
        self.block: Block | None = None
        self.pending: tuple[int, str, LabelLine | None] | None = None
        # An unknown label after a blank line, under a title candidate: a field we do not
        # know if a line follows it directly, else a title that holds a colon.
        self.held_label: tuple[int, str, LabelLine] | None = None
        self.pending_attached = False
        self.pending_alone = True
        self.after_blank = True
        self.attached = False  # the previous non-blank line was a field or its continuation
        self.projects = 0
        self.hints = 0
        self.file_notes: list[Diagnostic] = []
        self.preamble: tuple[int, int] | None = None

    # -- feeding -------------------------------------------------------------------------

    def feed(self, number: int, line: str) -> Iterator[ParsedProject | Diagnostic]:
        """Take one line (1-based number); yield whatever it completes."""
        if not line.strip():
            self.after_blank = True
            return
        label = classify(line)
        if self.held_label is not None:
            held, self.held_label = self.held_label, None
            if self.after_blank:
                self._take_text(*held)
            else:
                yield from self._resolve_pending(None)
                self._unknown_label(held[0], held[2])
                self.after_blank = False
        if label is not None and label.field is None and not self.after_blank and (
                self.pending is not None or self.attached):
            yield from self._resolve_pending(None)
            self._unknown_label(number, label)
            self.attached = True
        elif (label is not None and label.field is None and self.after_blank
              and self.pending is not None):
            self.held_label = (number, line.strip(), label)
            self.after_blank = False
            return
        elif label is not None and label.field is not None:
            yield from self._resolve_pending(label.field)
            yield from self._add_field(number, label)
            self.attached = True
        else:
            self._take_text(number, line.strip(), label)
        self.after_blank = False
        yield from self._drain()

    def _take_text(self, number: int, text: str, label: LabelLine | None) -> None:
        """A text line: the new title candidate; the one before it is resolved as text."""
        if self.pending is not None:
            if self.after_blank:
                self._resolve_as_text(*self.pending, self.pending_attached,
                                      self.pending_alone)
                self.pending_alone = True
            else:
                self._resolve_as_text(*self.pending, self.pending_attached, False)
                self.pending_alone = False
            self.pending_attached = self.pending_attached and not self.after_blank
        else:
            self.pending_attached = self.attached and not self.after_blank
            self.pending_alone = True
        self.pending = (number, text, label)
        self.attached = self.pending_attached

    def finish(self) -> Iterator[ParsedProject | Diagnostic]:
        """End of the file: resolve what is pending, complete the last project."""
        if self.held_label is not None:
            self.after_blank = True
            self._take_text(*self.held_label)
            self.held_label = None
        if self.pending is not None:
            self._resolve_as_text(*self.pending, self.pending_attached, self.pending_alone)
            self.pending = None
        yield from self._close_block()
        self._flush_preamble()
        yield from self._drain()
        if self.projects == 0:
            yield Diagnostic(Code.NO_PROJECTS, f"{self.path} holds no project", self.path, 1)

    # -- internals -----------------------------------------------------------------------

    def _drain(self) -> Iterator[Diagnostic]:
        while self.file_notes:
            yield self.file_notes.pop(0)

    def _resolve_pending(self, next_field: Field | None) -> Iterator[ParsedProject | Diagnostic]:
        if self.pending is None:
            return
        number, text, maybe_label = self.pending
        self.pending = None
        block = self.block
        last_has_value = bool(block and block.last and block.fields[block.last].text)
        sentence = text.endswith((".", "!", "?"))
        is_title = (block is None or (next_field is not None and next_field in block.fields)
                    or (not self.pending_attached and not sentence
                        and (last_has_value or block.last is None)))
        if not is_title:
            self._resolve_as_text(number, text, maybe_label, self.pending_attached,
                                  self.pending_alone)
            return
        yield from self._close_block()
        self._flush_preamble()
        self.block = Block(title=squash(text), line=number)

    def _resolve_as_text(self, number: int, text: str, maybe_label: LabelLine | None,
                         attached: bool, alone: bool) -> None:
        block = self.block
        if block is None:
            start = self.preamble[0] if self.preamble else number
            self.preamble = (start, number)
            return
        if maybe_label is not None and maybe_label.field is None:
            self._unknown_label(number, maybe_label)
            return
        if attached and block.dropping:
            return
        last = block.fields.get(block.last) if block.last else None
        if (not attached and alone and len(text) <= HEADING_MAX
                and not text.endswith((".", "!", "?", ":", ","))):
            block.notes.append(("preamble", f"'{text}' is a heading, not part of a project",
                                number, None))
            block.last = None
            return
        if last is not None and (attached or not last.text or block.last is Field.SUMMARY):
            if not last.text:
                last.line = number
                last.column = 1
            last.text = f"{last.text} {text}" if last.text else text
            return
        block.notes.append(("stray-text", f"text that belongs to no field: '{shorten(text)}'",
                            number, None))

    def _unknown_label(self, number: int, label: LabelLine) -> None:
        block = self.block
        if block is None:
            start = self.preamble[0] if self.preamble else number
            self.preamble = (start, number)
            return
        # A suggestion costs a fuzzy look-up; a file of thousands of different unknown
        # labels gets suggestions for the first HINTS_PER_FILE, the code for all of them.
        self.hints += 1
        hint = _label_hint(label.label) if self.hints <= HINTS_PER_FILE else ""
        block.notes.append(("unknown-label", f"unknown label '{label.label}'{hint}; "
                                             "its value is not used", number, 1))
        block.last = None
        block.dropping = True

    def _flush_preamble(self) -> None:
        if self.preamble is None:
            return
        start, end = self.preamble
        where = f"line {start}" if start == end else f"lines {start}–{end}"
        self.file_notes.append(Diagnostic(
            Code.PREAMBLE, f"text before the first project ({where}) is not a project",
            self.path, start))
        self.preamble = None

    def _add_field(self, number: int, label: LabelLine) -> Iterator[ParsedProject | Diagnostic]:
        assert label.field is not None
        block = self.block
        if block is None:
            # A label before any title: the fields belong to a project without a name.
            block = self.block = Block(title="", line=number)
        if label.typo_of is not None:
            block.notes.append(("label-typo", f"label '{label.label}' read as "
                                              f"'{_canonical_label(label.typo_of)}'",
                                number, 1))
        if label.field in block.fields:
            first = block.fields[label.field]
            block.notes.append(("repeated-field",
                                f"'{label.label}' again (first on line {first.line}); "
                                f"'{shorten(label.value)}' is not used", number, label.column))
            block.last = None
            block.dropping = True
            return
        block.dropping = False
        block.fields[label.field] = FieldValue(label.value, number, label.column, label.label,
                                               label.year)
        block.last = label.field
        yield from ()

    def _close_block(self) -> Iterator[ParsedProject]:
        block = self.block
        self.block = None
        if block is None:
            return
        self.projects += 1
        yield build_project(block, self.path, self.registry)


@lru_cache(maxsize=4096)
def _label_hint(label: str) -> str:
    near = _close_labels(label_key(label), 0.6)
    return f" (did you mean '{_canonical_label(near[0])}'?)" if near else ""


def _canonical_label(key: str) -> str:
    return key[:1].upper() + key[1:]


# A message quotes the value it is about; a 5 MB value is quoted by its start.
MESSAGE_MAX = 300



def build_project(block: Block, path: str, registry: IdRegistry) -> ParsedProject:
    """Read every raw field of a block into a record; problems become diagnostics."""
    name = block.title or f"(nimetön hanke, rivi {block.line})"
    notes: list[tuple[str, str, int, int | None]] = list(block.notes)
    pid, first = registry.claim(slug(name), f"{path}:{block.line}")
    if first is not None:
        notes.append(("duplicate-project", f"'{name}' is already at {first}", block.line, None))
    if not block.title:
        notes.append(("missing-field", "the project has no name (no title line before its "
                                       "fields)", block.line, None))
    fields = block.fields
    lines = {"name": block.line}
    values: dict[str, object] = {}

    def note(code: str, message: str, fv: FieldValue) -> None:
        notes.append((code, message, fv.line, fv.column))

    for fld, fv in fields.items():
        lines[fld.value] = fv.line
        if not fv.text:
            if fld in REQUIRED or fld in (Field.START, Field.END):
                note("missing-field", f"'{fv.label}' is empty", fv)
            else:
                note("empty-field", f"'{fv.label}' is empty", fv)
    # Period: one label, or separate start and end labels.
    period = PeriodReading(None, None)
    if Field.PERIOD in fields and fields[Field.PERIOD].text:
        fv = fields[Field.PERIOD]
        period = read_period(fv.text)
        for code, message in period.problems:
            note(code, message, fv)
    elif Field.START in fields or Field.END in fields:
        start = end = None
        for fld in (Field.START, Field.END):
            fv_ = fields.get(fld)
            if fv_ is not None and fv_.text:
                one = read_date(fv_.text)
                for code, message in one.problems:
                    note(code, message, fv_)
                if fld is Field.START:
                    start = one.start
                else:
                    end = one.end
        period = PeriodReading(start, end)
        if Field.START in fields:
            lines["start"] = fields[Field.START].line
        if Field.END in fields:
            lines["end"] = fields[Field.END].line
    if Field.PERIOD not in fields and Field.START not in fields:
        notes.append(("missing-field", "no period (Toiminta-aika)", block.line, None))
    if Field.PERIOD in fields:
        lines["start"] = lines["end"] = fields[Field.PERIOD].line
    values["start"], values["end"] = period.start, period.end
    # Money.
    for fld, key in ((Field.BUDGET, "budget"), (Field.CITY_SHARE, "city_share")):
        money_fv = fields.get(fld)
        if money_fv is None or not money_fv.text:
            continue
        money = read_money_field(money_fv.text)
        if money.problem:
            note(money.problem, money.message, money_fv)
        if fld is Field.BUDGET and money_fv.year is not None:
            note("per-year-amount",
                 f"'{money_fv.label}' is the budget of one year, not the total", money_fv)
            continue
        values[key] = money.value
        if fld is Field.CITY_SHARE:
            values["city_share_year"] = money_fv.year
    if Field.BUDGET not in fields:
        notes.append(("missing-field", "no budget (Budjetti)", block.line, None))
    # Staff.
    staff: list[StaffPeriod] = []
    staff_fv = fields.get(Field.STAFF)
    if staff_fv is not None and staff_fv.text:
        reading = read_staff(staff_fv.text, period.start, period.end)
        staff = reading.periods
        for code, message in reading.problems:
            note(code, message, staff_fv)
    # Contacts.
    contacts: list[Contact] = []
    contacts_fv = fields.get(Field.CONTACTS)
    if contacts_fv is not None and contacts_fv.text:
        people = read_contacts(contacts_fv.text)
        contacts = people.contacts
        for code, message in people.problems:
            note(code, message, contacts_fv)
    # Funding.
    funding = Funding()
    programme = None
    funding_fv = fields.get(Field.FUNDING)
    if funding_fv is not None and funding_fv.text:
        reading_f = read_funding(squash(funding_fv.text))
        funding, programme = reading_f.funding, reading_f.programme
        for code, message in reading_f.problems:
            note(code, message, funding_fv)
    summary_fv = fields.get(Field.SUMMARY)
    summary = squash(summary_fv.text) if summary_fv and summary_fv.text else None
    budget = values.get("budget")
    city_share = values.get("city_share")
    project = Project(
        id=pid, name=name, source=SourceRef(path=path, line=block.line),
        programme=programme, start=values["start"], end=values["end"],  # type: ignore[arg-type]
        budget=budget if isinstance(budget, Decimal) else None,
        city_share=city_share if isinstance(city_share, Decimal) else None,
        city_share_year=values.get("city_share_year"),  # type: ignore[arg-type]
        staff=staff, contacts=contacts, funding=funding, summary=summary, lines=lines,
    )
    diagnostics = [Diagnostic(Code(code), shorten(message, MESSAGE_MAX), path, line, pid, column)
                   for code, message, line, column in sorted(notes, key=lambda n: n[2])]
    return ParsedProject(project, diagnostics)


def parse_lines(lines: Iterable[str], path: str,
                registry: IdRegistry | None = None) -> Iterator[ParsedProject | Diagnostic]:
    """Parse a file's lines; yield each project when complete and each file diagnostic."""
    parser = FileParser(path, registry)
    for number, line in enumerate(lines, start=1):
        yield from parser.feed(number, line)
    yield from parser.finish()


def parse_sources(sources: Iterable[Source]) -> Iterator[ParsedProject | Diagnostic]:
    """Parse every source in turn; ids stay unique across all of them."""
    registry = IdRegistry()
    for source in sources:
        with source.lines() as lines:
            yield from parse_lines(lines, source.path, registry)


def parse_text(text: str, path: str = "<text>") -> ParseResult:
    """Parse a string (handy in tests and for callers holding text already)."""
    result = ParseResult()
    split = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for item in parse_lines((clean_line(line) for line in split), path):
        if isinstance(item, ParsedProject):
            result.projects.append(item)
        else:
            result.diagnostics.append(item)
    return result
