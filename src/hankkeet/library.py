"""The library's front door: read projects from files and filter them, streaming.

What the command line does, without the command line: no printing, no exits, no Typer or
Rich. Everything is a generator, so a 60 MB file is read one project at a time::

    from hankkeet.library import projects
    from hankkeet.query import Filters, parse_active

    for project in projects(["data/source.txt"], Filters(active=parse_active("2022"))):
        print(project.name)
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

from hankkeet.diagnostics import Diagnostic
from hankkeet.models import Project
from hankkeet.query import Filters, Skipped, filter_projects
from hankkeet.reading.kinds import read_sources
from hankkeet.reading.parser import ParsedProject
from hankkeet.reading.sources import Source, resolve

__all__ = [
    "Filters",
    "Skipped",
    "SourceLike",
    "as_sources",
    "available_cores",
    "project_records",
    "projects",
    "read_projects",
]

# What a source may be given as: a Source, or the path of a file or folder.
SourceLike = Source | str | os.PathLike[str]


def available_cores() -> int:
    """The cores this process may run on (the default of --jobs). Defined here, not in
    reading.workers: a run with one process (`--jobs 1`) never imports the workers."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def as_sources(sources: Iterable[SourceLike]) -> Iterator[Source]:
    """Each path as its sources (a folder as the files of the kinds it reads: .txt, .html,
    .htm, .pdf, .csv, .xlsx; a web address fetched), each Source as itself.

    Paths are resolved one at a time as they are reached; UnreadableInput for a path that
    does not exist, a folder without such a file, or an address that cannot be fetched.
    An empty list is no input at all (embedded_source() in reading.sources is the data
    shipped with the package).
    """
    for source in sources:
        if isinstance(source, Source):
            yield source
        else:
            yield from resolve([os.fspath(source)])


def read_projects(
    sources: Iterable[SourceLike], jobs: int = 1
) -> Iterator[ParsedProject | Diagnostic]:
    """Every project of the sources (with its diagnostics) and every diagnostic about a
    whole file (no-projects, ...), one at a time in input order; ids stay unique across
    the sources. Never raises on data; UnreadableInput when an input cannot be read.

    With jobs > 1, long files have their fields read in that many worker processes
    (`available_cores()` is every core); what comes out is the same as with jobs=1.
    """
    return read_sources(as_sources(sources), jobs)


def project_records(items: Iterable[ParsedProject | Diagnostic]) -> Iterator[Project]:
    """Only the project records of a read_projects() stream."""
    for item in items:
        if isinstance(item, ParsedProject):
            yield item.project


def projects(
    sources: Iterable[SourceLike],
    filters: Filters | None = None,
    skipped: Skipped | None = None,
    jobs: int = 1,
) -> Iterator[Project]:
    """The project records of the sources that pass the filters, one at a time.

    A project without a period is never active: with `filters.active` it is left out and
    counted in `skipped.without_period` (when `skipped` is given).
    """
    records = project_records(read_projects(sources, jobs))
    return filter_projects(records, filters or Filters(), skipped)
