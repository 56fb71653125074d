"""One reading engine: a file's lines cut into parts, each part read by the layout it shows.

Lines come in one at a time. The engine holds the lines of the current part until its layout
is known: from the part's first DETECT_LINES lines (layouts.choose_layout), or from all of it
when it ends sooner. A part of the seed's family then streams, each line going to the
labelled reader as it comes, so that memory stays flat however long the file is; it ends
right above the anchor of another page (the lines of that page's head above the anchor were
read into it, and said as headings or stray text). A part of another family is held whole
and read as one page (layouts/document.py); it ends above the head of the page after it.

A part ends where a line shows a page of another family (pages.py). Each part is read on its
own, so a page pasted after another reads as it reads alone; ids and the unknown labels'
suggestions (the first HINTS_PER_FILE of a file) run on across parts. A part with no project
in a file that has others says so as a `preamble` finding; a file with no project at all gets
one `no-projects` finding.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from hankkeet.diagnostics import Code, Diagnostic
from hankkeet.locale import M_
from hankkeet.models import Layout
from hankkeet.reading.blocks import Block, IdRegistry, ParsedProject
from hankkeet.reading.labels import Field
from hankkeet.reading.layouts import choose_layout
from hankkeet.reading.layouts.labelled import LabelledParser
from hankkeet.reading.lines import HEADING_MAX
from hankkeet.reading.pages import (
    TOP,
    Anchor,
    facts_stated,
    has_substance,
    labelled_run,
    long_tail,
    page_top,
    strong_anchor,
)
from hankkeet.reading.records import build_project
from hankkeet.reading.text import shorten

# The layout is told from a part's first lines; a part of the seed's family then streams.
DETECT_LINES = 400

Item = ParsedProject | Diagnostic
# Families whose every anchor opens a page of its own (an agenda's items share their page).
_PAGE_PER_ANCHOR = frozenset({Layout.DATABASE, Layout.CARD})
# Layouts whose pages end with their fields (pages.long_tail).
_ENDS_WITH_FIELDS = frozenset({Layout.CARD, Layout.DATABASE})


class Engine:
    """Reads one file's lines into projects and file findings, a layout per part."""

    def __init__(
        self, path: str, registry: IdRegistry, parser: LabelledParser | None = None
    ) -> None:
        self.path = path
        self.registry = registry
        # The current part's lines not yet read: all of them while its layout is unknown or
        # a whole-page layout; none while a labelled part streams.
        self.held: list[tuple[int, str]] = []
        self.family: Layout | None = Layout.LABELLED if parser is not None else None
        self.parser = parser  # set while a labelled part streams
        self.layout: Layout | None = Layout.LABELLED if parser is not None else None
        self.facts: set[Field] = set()
        # A reader that goes on from another's state has read projects already.
        self.projects = 0 if parser is None else 1
        self.hints = 0
        self.empty: list[int] = []  # first lines of parts with no project, not yet said

    # -- feeding -------------------------------------------------------------------------

    def read(self, lines: Iterable[str], first: int = 1) -> Iterator[Item]:
        """Take lines numbered from `first` on; yield what they complete (finish ends it).

        While a labelled part streams, most lines go straight to its reader: only a line
        that may open another page (pages.may_be_anchor, written out here, as this runs for
        every line of a long file) is looked at by the engine.
        """
        above = ""
        numbered = enumerate(lines, start=first)
        for number, line in numbered:
            if done := self.feed(number, line, above):
                yield from done
            above = line
            parser = self.parser
            if parser is None:
                continue
            feed = parser.feed
            for number, line in numbered:  # a labelled part streams
                if "§" in line or (":" not in line and 0 < len(line) < HEADING_MAX):
                    if done := self.feed(number, line, above):
                        yield from done
                    if self.parser is not parser:
                        above = line
                        break  # a new part: held until its layout is known
                elif read := feed(number, line):
                    yield from self._counted(self._built(read), 0)
                above = line

    def feed(self, number: int, line: str, above: str = "") -> Sequence[Item]:
        """Take one line (1-based number; `above` is the line before it); hand out what it
        completes."""
        if self.parser is None:
            self.held.append((number, line))
            return self._look(len(self.held) - 1)
        family = strong_anchor(line, above)
        if family is not None:
            # A labelled part ends right above the anchor: the lines of its page's head
            # above it have been read into the part (as headings or text, said as such).
            self.held.append((number, line))
            return self._cut(0, family, head=False)
        done = self.parser.feed(number, line)
        return self._counted(self._built(done), 0) if done else ()

    def finish(self) -> list[Item]:
        """The end of the file: read the last part; say when the file holds no project."""
        out = self._close(len(self.held))
        if self.projects == 0 and self.empty:
            out.append(
                Diagnostic(
                    Code.NO_PROJECTS,
                    M_("{path} holds no project description", path=self.path),
                    self.path,
                    1,
                )
            )
        elif self.empty:
            out.extend(self._part_notes())
        return out

    # -- parts ---------------------------------------------------------------------------

    def _look(self, at: int) -> list[Item]:
        """A held line: a new part when it opens a page of another family; the layout when
        the part's first lines are all in."""
        held = self.held
        line = held[at][1]
        above = held[at - 1][1] if at else ""
        out: list[Item] = []
        if self.family is Layout.LABELLED:
            # Only another family's anchor ends a labelled part, at the anchor (as while it
            # streams); the facts it states matter to no cut.
            if "§" in line or (":" not in line and 0 < len(line) < HEADING_MAX):
                family = strong_anchor(line, above)
                if family is not None:
                    out = self._cut(at, family, head=False)
        elif line.strip():
            out = self._anchored(at, line, above)
            self.facts |= facts_stated(line, self.family)
        if self.layout is None and len(self.held) >= DETECT_LINES:
            out.extend(self._decide())
        return out

    def _anchored(self, at: int, line: str, above: str) -> list[Item]:
        """A line of a part that is not labelled (or of no family yet): the part's family
        from its first anchor; a new part where a page of its own opens."""
        held = self.held
        family = strong_anchor(line, above)
        anchor = at
        fields: set[Field] = set()
        glued = False
        if family is None:
            run = labelled_run(held, at)
            if run is not None:
                family, anchor, fields, glued = Layout.LABELLED, run.title, run.fields, run.glued
        if family is None:
            return []
        if self.family is None and family is Layout.LABELLED:
            self.family = family
        elif self._opens_page(family, fields, glued) and has_substance(held, anchor):
            title = held[anchor]
            out = self._cut(anchor, family, head=not glued)
            if glued:
                out.append(self._unsure(*title))
            return out
        elif self.family is None and family is not TOP:
            self.family = family
        elif family is self.family and family is not Layout.LABELLED:
            self.facts = set()  # another item of an agenda
        return []

    def _opens_page(self, family: Anchor, fields: set[Field], glued: bool) -> bool:
        """Whether an anchor of `family` opens a page of its own, not one of this part's:
        another family's anchor, or a page-per-anchor family's next page; a run of our labels
        inside another family's page only when it restates a fact (or, in an agenda, gives
        three fields), and never by a title glued under text unless it gives three."""
        if family is TOP:
            return True
        if family is not Layout.LABELLED:
            return family is not self.family or family in _PAGE_PER_ANCHOR
        if self.family in (None, Layout.LABELLED) or (glued and len(fields) < 3):
            return False
        return bool(fields & self.facts) or (self.family is Layout.AGENDA and len(fields) >= 3)

    def _decide(self) -> list[Item]:
        """The current part's layout, from its first lines; a labelled part starts to stream."""
        self.layout = choose_layout([text for _n, text in self.held[:DETECT_LINES]])
        if self.layout is not Layout.LABELLED:
            return []
        self.parser = self._labelled_parser()
        lines, self.held = self.held, []
        out: list[Item] = []
        for n, text in lines:
            out.extend(self._stream(n, text))
        return out

    def _labelled_parser(self) -> LabelledParser:
        parser = LabelledParser(self.path)
        parser.hints = self.hints
        return parser

    def _cut(self, anchor: int, family: Anchor, head: bool = True) -> list[Item]:
        """End the current part above the page that opens at `anchor` (with its head above
        it, unless `head` is false); start the next."""
        start = page_top(self.held, anchor) if head else anchor
        out = self._close(start)
        self.parser, self.layout = None, None
        self.family = None if family is TOP else family
        # The new part's lines so far: their facts (its first anchor is the one that opened
        # it, so they cut nothing).
        self.facts = set()
        for _n, text in self.held:
            if text.strip():
                self.facts |= facts_stated(text, family)
        return out

    def _close(self, end: int) -> list[Item]:
        """Read the current part: what streamed, then the held lines up to `end`."""
        lines, self.held = self.held[:end], self.held[end:]
        first = lines[0][0] if lines else 0
        if self.parser is None:
            if not lines:
                return []
            layout = self.layout or choose_layout([text for _n, text in lines[:DETECT_LINES]])
            if layout is not Layout.LABELLED:
                # Loaded here: a file of the seed's family (most big inputs) never needs it.
                from hankkeet.reading.layouts.document import DocumentReader

                reader = DocumentReader(self.path, self.registry, layout)
                page = self._counted(reader.read(lines), first)
                if layout in _ENDS_WITH_FIELDS and (tail := long_tail(lines)) is not None:
                    page.append(self._tail(tail))
                return page
            self.parser = self._labelled_parser()
        out: list[Item] = []
        for n, text in lines:
            out.extend(self._stream(n, text))
        out.extend(self._counted(self._built(self.parser.finish()), first))
        self.hints = self.parser.hints
        return out

    def _stream(self, number: int, line: str) -> list[Item]:
        assert self.parser is not None
        done = self.parser.feed(number, line)
        return self._counted(self._built(done), 0) if done else []

    def _built(self, items: Sequence[Block | Diagnostic]) -> Iterator[Item]:
        for item in items:
            yield (
                build_project(item, self.path, self.registry) if isinstance(item, Block) else item
            )

    def _counted(self, items: Iterable[Item], first: int) -> list[Item]:
        """A part's items, its no-projects finding held back until the file is known."""
        out: list[Item] = []
        for item in items:
            if isinstance(item, ParsedProject):
                if self.empty:
                    out.extend(self._part_notes())
                self.projects += 1
            elif item.code is Code.NO_PROJECTS:
                self.empty.append(first or item.line)
                continue
            out.append(item)
        if self.projects and self.empty:
            out.extend(self._part_notes())
        return out

    def _tail(self, number: int) -> Diagnostic:
        """A card or database page with a long text under its last field."""
        return Diagnostic(
            Code.UNSURE_BOUNDARY,
            M_(
                "a long text follows the last field of this page (a register card or a "
                "database page) from here on: another page may have been pasted under it, "
                "its facts read into this one"
            ),
            self.path,
            number,
        )

    def _unsure(self, number: int, text: str) -> Diagnostic:
        """A page read as starting at a title glued under the text before it."""
        return Diagnostic(
            Code.UNSURE_BOUNDARY,
            M_(
                "'{text}' is read as the title of a new page, but no blank line parts it from "
                "the text above: check that the two pages are told apart right",
                text=shorten(text.strip()),
            ),
            self.path,
            number,
        )

    def _part_notes(self) -> list[Diagnostic]:
        """Parts with no project, in a file that has projects: a preamble finding each."""
        notes = [
            Diagnostic(
                Code.PREAMBLE,
                M_("the part of the text from line {line} on holds no project", line=line),
                self.path,
                line,
            )
            for line in self.empty
        ]
        self.empty = []
        return notes
