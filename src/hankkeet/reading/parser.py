"""Text to records: choose the page's layout, cut it into blocks, read each block.

Lines -> blocks is the layouts' work (layouts/), blocks -> records the field readers'
(records.py). Nothing here raises on data: whatever cannot be read becomes a diagnostic.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import chain, islice

from hankkeet.diagnostics import Diagnostic
from hankkeet.reading.blocks import Block, IdRegistry, ParsedProject, ParseResult
from hankkeet.reading.layouts import choose_layout
from hankkeet.reading.layouts.labelled import LabelledParser
from hankkeet.reading.records import build_project
from hankkeet.reading.sources import Source
from hankkeet.reading.text import clean_line, count_breaks, lines_of
from hankkeet.reading.workers import read_in_parts

__all__ = [
    "IdRegistry",
    "ParseResult",
    "ParsedProject",
    "parse_lines",
    "parse_source",
    "parse_sources",
    "parse_text",
]

# The layout is told from a page's first lines; a page of the seed's family then streams.
DETECT_LINES = 400


def parse_lines(
    lines: Iterable[str], path: str, registry: IdRegistry | None = None
) -> Iterator[ParsedProject | Diagnostic]:
    """Parse a file's lines in this process; yield each project when complete and each
    file diagnostic. The lines are cleaned (text.clean_line), as Source.lines gives them."""
    registry = IdRegistry() if registry is None else registry
    it = iter(lines)
    head = list(islice(it, DETECT_LINES))
    layout = choose_layout(head)
    if layout != "labelled":
        numbered = list(enumerate(chain(head, it), start=1))
        # Loaded here: a file of the seed's family (most big inputs) never needs it.
        from hankkeet.reading.layouts.document import DocumentReader

        yield from DocumentReader(path, registry, layout).read(numbered)
        return
    for item in _labelled_blocks(chain(head, it), path):
        yield build_project(item, path, registry) if isinstance(item, Block) else item


def parse_source(
    source: Source, registry: IdRegistry | None = None, jobs: int = 1, records: bool = True
) -> Iterator[ParsedProject | Diagnostic]:
    """Parse one source. With jobs > 1, a long file of the seed's family is cut at project
    boundaries and read by that many worker processes (reading.workers); the output is the
    same. A caller that needs only the ids and findings (validate) passes `records` false:
    then the workers do not send the records back, and a project's `project` may be
    missing (asking for it raises LookupError)."""
    registry = IdRegistry() if registry is None else registry
    if jobs <= 1:
        with source.lines() as lines:
            yield from parse_lines(lines, source.path, registry)
        return
    with source.pieces() as pieces:
        head = ""
        for piece in pieces:
            head += piece
            if count_breaks(head) >= DETECT_LINES:
                break
        if choose_layout(list(islice(lines_of([head]), DETECT_LINES))) != "labelled":
            yield from parse_lines(lines_of(chain([head], pieces)), source.path, registry)
            return
        yield from read_in_parts(head, pieces, source.path, registry, jobs, records)


def _labelled_blocks(lines: Iterable[str], path: str) -> Iterator[Block | Diagnostic]:
    parser = LabelledParser(path)
    feed = parser.feed
    for number, line in enumerate(lines, start=1):
        if done := feed(number, line):
            yield from done
    yield from parser.finish()


def parse_sources(
    sources: Iterable[Source], jobs: int = 1, records: bool = True
) -> Iterator[ParsedProject | Diagnostic]:
    """Parse every source in turn; ids stay unique across all of them."""
    registry = IdRegistry()
    for source in sources:
        yield from parse_source(source, registry, jobs, records)


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
