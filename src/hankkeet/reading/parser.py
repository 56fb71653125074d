"""Text to records: choose the page's layout, cut it into blocks, read each block.

Lines -> blocks is the layouts' work (layouts/), blocks -> records the field readers'
(records.py). Nothing here raises on data: whatever cannot be read becomes a diagnostic.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import chain, islice

from hankkeet.diagnostics import Diagnostic
from hankkeet.models import Layout
from hankkeet.reading.blocks import IdRegistry, ParsedProject, ParseResult
from hankkeet.reading.engine import DETECT_LINES, Engine
from hankkeet.reading.layouts import choose_layout
from hankkeet.reading.sources import Source
from hankkeet.reading.text import clean_line, count_breaks, lines_of

__all__ = [
    "IdRegistry",
    "ParseResult",
    "ParsedProject",
    "parse_lines",
    "parse_source",
    "parse_sources",
    "parse_text",
]


def parse_lines(
    lines: Iterable[str], path: str, registry: IdRegistry | None = None
) -> Iterator[ParsedProject | Diagnostic]:
    """Parse a file's lines in this process; yield each project when complete and each
    file diagnostic. The lines are cleaned (text.clean_line), as Source.lines gives them.
    A layout is chosen for each part of the file (engine.py): pages pasted one after
    another read as they read alone."""
    engine = Engine(path, IdRegistry() if registry is None else registry)
    yield from engine.read(lines)
    yield from engine.finish()


def parse_source(
    source: Source, registry: IdRegistry | None = None, jobs: int = 1, records: bool = True
) -> Iterator[ParsedProject | Diagnostic]:
    """Parse one source. With jobs > 1, a long file of the seed's family is cut at project
    boundaries and read by that many worker processes (reading.workers); the output is the
    same. A caller that needs only the ids and findings (validate) passes `records` false:
    then the workers do not send the records back, and a project's `project` may be
    missing (asking for it raises LookupError)."""
    registry = IdRegistry() if registry is None else registry
    # The decoding's findings (bytes that are not UTF-8) first: opening the source reads it
    # whole to decide its encoding, so they are known before any line, whatever `jobs` is.
    decoding: list[Diagnostic] = []
    if jobs <= 1:
        with source.lines(decoding) as lines:
            yield from decoding
            yield from parse_lines(lines, source.path, registry)
        return
    with source.pieces(decoding) as pieces:
        yield from decoding
        head = ""
        short = True  # fewer lines than the layout is told from: one part, no worker
        for piece in pieces:
            head += piece
            if count_breaks(head) >= DETECT_LINES:
                short = False
                break
        head_lines = [] if short else list(islice(lines_of([head]), DETECT_LINES))
        if short or choose_layout(head_lines) is not Layout.LABELLED:
            yield from parse_lines(lines_of(chain([head], pieces)), source.path, registry)
            return
        # Imported here: a short file or a run with one process never needs the workers
        # (nor pays for them).
        from hankkeet.reading.workers import read_in_parts

        yield from read_in_parts(head, pieces, source.path, registry, jobs, records)


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
