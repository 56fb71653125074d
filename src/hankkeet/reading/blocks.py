"""What the layouts hand over: blocks of one project's raw fields, and the ids they get."""

from __future__ import annotations

from dataclasses import dataclass, field

from hankkeet.diagnostics import CODE_OF, Code, Diagnostic, Packed, pack_message, unpack_message
from hankkeet.locale import Message
from hankkeet.models import Layout, Project
from hankkeet.reading.labels import Field


@dataclass(slots=True)
class FieldValue:
    """A field's raw text as gathered from its label (or heading) and continuation lines.

    `how` says where the text stood: a 'label' line, a 'heading' with the text under it,
    a layout's 'header' block, or 'prose' (a sentence that states the fact).
    """

    text: str
    line: int
    column: int
    label: str
    year: int | None = None
    how: str = "label"


@dataclass(slots=True)
class Note:
    """A finding about a block before it is a record (it has no path or id yet)."""

    code: Code
    message: Message
    line: int
    column: int | None = None
    about: str | None = None  # the record field it is about

    def pack(self) -> Packed:
        """The note as plain values (a worker sends them; see Diagnostic.pack)."""
        return self.code.value, pack_message(self.message), self.line, self.column, self.about

    @classmethod
    def unpack(cls, packed: Packed) -> Note:
        """The note `pack` gave."""
        code, message, line, column, about = packed
        return cls(CODE_OF[code], unpack_message(message), line, column, about)


@dataclass(slots=True)
class Block:
    """The lines of one project: its title, the raw fields under it, its prose paragraphs."""

    title: str
    line: int
    fields: dict[Field, FieldValue] = field(default_factory=dict)
    last: Field | None = None
    dropping: bool = False  # lines under an unknown or repeated label go with it, unread
    notes: list[Note] = field(default_factory=list)
    layout: Layout = Layout.LABELLED
    # Paragraphs of running text (first line, text): the prose reader looks in them for
    # facts that no label gave.
    prose: list[tuple[int, str]] = field(default_factory=list)
    # Values of other people's labels ('Hallinnoija: Kylä ry, yhteyshenkilö …'): read for a
    # contact person named in them, never for money, dates or programmes.
    asides: list[tuple[int, str]] = field(default_factory=list)
    name_from: str = "title"
    # Years a prose title or list entry gives ('… 2019-2021'): a period of whole years when
    # no sentence gives a better one.
    years: tuple[int, int] | None = None
    # People from form labels, one dict a person: a name label starts the next person, the
    # title, e-mail and phone labels under it belong to it.
    people: list[dict[Field, FieldValue]] = field(default_factory=list)
    # The block's unknown-label notes, in the file's order: (index in notes, the message
    # without its suggestion, or None when it has none). A file's first HINTS_PER_FILE
    # unknown labels get suggestions; a reader that starts mid-file counts them again here.
    hinted: list[tuple[int, Message | None]] = field(default_factory=list)


@dataclass
class ParsedProject:
    """One project record with the diagnostics found while reading it."""

    project: Project
    diagnostics: list[Diagnostic]
    # The cross-field findings (checks.check_project), when a worker has found them already
    # (derived from the record: not compared, not shown).
    checks: list[Diagnostic] | None = field(default=None, compare=False, repr=False)


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
