"""Each source to its reader: text, web pages and PDFs through the one reading engine (as
lines: reading.parser), register exports (CSV, XLSX) straight into records
(hankkeet.inputs.tables, loaded only when a table is read)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from hankkeet.diagnostics import Diagnostic
from hankkeet.reading.blocks import IdRegistry, ParsedProject
from hankkeet.reading.parser import parse_source
from hankkeet.reading.sources import Source

# The kinds read into records, not lines (hankkeet.inputs.TABLES, written out here: a run on
# text files loads nothing of hankkeet.inputs; tests/test_inputs.py compares them).
TABLE_KINDS = frozenset({"csv", "xlsx"})


def read_source(
    source: Source, registry: IdRegistry | None = None, jobs: int = 1, records: bool = True
) -> Iterator[ParsedProject | Diagnostic]:
    """Parse one source of any kind (parser.parse_source for all but tables)."""
    registry = IdRegistry() if registry is None else registry
    if source.kind not in TABLE_KINDS:
        yield from parse_source(source, registry, jobs, records)
        return
    from hankkeet.inputs import Kind
    from hankkeet.inputs.tables import read_table

    with source.open() as stream:
        data = stream.read()
    yield from read_table(Kind(source.kind), data, source.path, registry)


def read_sources(
    sources: Iterable[Source], jobs: int = 1, records: bool = True
) -> Iterator[ParsedProject | Diagnostic]:
    """Parse every source in turn, each by its kind; ids stay unique across all of them."""
    registry = IdRegistry()
    for source in sources:
        yield from read_source(source, registry, jobs, records)
