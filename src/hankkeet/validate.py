"""Validation: parse every input and run every check, one project at a time, into a Report.

Nothing here prints or exits. Projects are not kept: each is checked as soon as the parser
hands it out and then dropped. validate_sources holds the findings (a Report);
stream_findings keeps them in a temporary file instead, so memory stays flat.
"""

from __future__ import annotations

import heapq
import marshal
import os
import tempfile
from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain, islice
from typing import IO

from hankkeet.checks import check_project
from hankkeet.diagnostics import (
    RULES,
    Code,
    Diagnostic,
    Packed,
    Report,
    Severity,
    near_codes,
)
from hankkeet.locale import M_, HankkeetError
from hankkeet.models import Project
from hankkeet.reading.kinds import read_source, read_sources
from hankkeet.reading.parser import IdRegistry, ParsedProject
from hankkeet.reading.sources import Source
from hankkeet.reading.text import UnreadableInput


class UnknownRule(HankkeetError, ValueError):
    """A rule code given to --select, --ignore or --explain is not in the catalogue."""


def parse_codes(values: Iterable[str], option: str = "--select") -> frozenset[Code]:
    """Rule codes from 'a,b' strings (repeatable); UnknownRule names the first unknown one."""
    codes: set[Code] = set()
    for value in values:
        for part in value.split(","):
            code = part.strip().casefold()
            if not code:
                continue
            if code not in RULES:
                near = near_codes(code)
                raise UnknownRule(
                    M_(
                        "unknown rule '{code}' in {option} (did you mean '{near}'?)",
                        code=part.strip(),
                        option=option,
                        near=near[0],
                    )
                    if near
                    else M_(
                        "unknown rule '{code}' in {option}; 'hankkeet validate "
                        "--list-rules' lists the codes",
                        code=part.strip(),
                        option=option,
                    )
                )
            codes.add(Code(code))
    return frozenset(codes)


@dataclass(frozen=True)
class RuleSelection:
    """Which rules a run reports: only `select` (all when None), minus `ignore`."""

    select: frozenset[Code] | None = None
    ignore: frozenset[Code] = frozenset()

    @classmethod
    def from_options(
        cls, select: Collection[str] = (), ignore: Collection[str] = ()
    ) -> RuleSelection:
        """The selection from --select and --ignore values; raises UnknownRule."""
        chosen = parse_codes(select, "--select")
        return cls(chosen or None, parse_codes(ignore, "--ignore"))

    def wants(self, code: Code) -> bool:
        """Whether findings of this rule are reported."""
        return (self.select is None or code in self.select) and code not in self.ignore


ALL_RULES = RuleSelection()


def collect(
    items: Iterable[ParsedProject | Diagnostic], report: Report, rules: RuleSelection = ALL_RULES
) -> Report:
    """Add the findings of a parse stream (and the checks of each project) to the report."""
    for item in items:
        report.projects += isinstance(item, ParsedProject)
        report.diagnostics.extend(findings_of(item, rules))
    return report


def findings_of(
    item: ParsedProject | Diagnostic, rules: RuleSelection = ALL_RULES
) -> list[Diagnostic]:
    """The wanted findings of one item of a parse stream: a project's (its fields' and its
    checks', in line order) or the file note itself."""
    if isinstance(item, ParsedProject):
        checks = checks_of(item)
        if not item.diagnostics and not checks:
            return []  # most projects: nothing found
        found = item.diagnostics + checks
        found.sort(key=lambda d: d.line)
    else:
        found = [item]
    # In line order, as a spill's section hands its findings out (stable: file order kept).
    return sorted((d for d in found if rules.wants(d.code)), key=lambda d: d.line)


def checks_of(item: ParsedProject) -> list[Diagnostic]:
    """The checks' findings about a parsed project (run in the worker that read it, or here)."""
    return item.checks if item.checks is not None else check_project(item.project)


def has_errors(item: ParsedProject) -> bool:
    """Whether a parsed project has an error among its findings (its fields' or checks')."""
    return any(d.severity is Severity.ERROR for d in chain(item.diagnostics, checks_of(item)))


def projects_and_findings(
    items: Iterable[ParsedProject | Diagnostic],
) -> tuple[list[Project], list[Diagnostic]]:
    """Every project of a parse stream, and every finding about them (as validate reports
    them). The findings go into Excel and SQLite files, which write their messages in
    English."""
    projects: list[Project] = []
    report = Report()

    def kept() -> Iterator[ParsedProject | Diagnostic]:
        for item in items:
            if isinstance(item, ParsedProject):
                projects.append(item.project)
            yield item

    collect(kept(), report)
    return projects, report.diagnostics


def findings_about(
    projects: Sequence[Project], diagnostics: Sequence[Diagnostic]
) -> list[Diagnostic]:
    """The findings about these projects and about whole files."""
    ids = {p.id for p in projects}
    return [d for d in diagnostics if d.project is None or d.project in ids]


def unreadable_file(path: str, problem: UnreadableInput) -> Diagnostic:
    """The finding for an input that cannot be read (the message without the path again)."""
    message = problem.reason if problem.path == path else problem.message
    return Diagnostic(Code.UNREADABLE_FILE, message, path, 1)


def holds_findings(*, baseline: bool, statistics: bool, fingerprints: bool) -> bool:
    """Which of the two reports a run needs: a held `Report` (validate_sources) when
    something needs every finding at once (a baseline to apply or write, statistics, SARIF's
    fingerprints), else a `StreamedReport` (stream_validation), whose memory stays flat."""
    return baseline or statistics or fingerprints


def validate_sources(
    sources: Iterable[Source],
    rules: RuleSelection = ALL_RULES,
    jobs: int = 1,
    unresolved: Sequence[Diagnostic] = (),
    labels_required: bool = False,
) -> Report:
    """Validate every source in turn; one that cannot be read is a finding, and the rest is
    still checked. `jobs` as in library.read_projects. `unresolved` are the findings about
    inputs that never became sources (a path that names nothing): they come first."""
    report = Report(labels_required=labels_required)
    order: dict[str, int] = {}
    unreadable: list[Diagnostic] = []

    def counted() -> Iterator[Source]:
        for source in sources:
            report.files += 1
            order.setdefault(source.path, len(order))
            try:
                with source.lines():
                    pass  # opening decides the encoding, or says why there is none
            except UnreadableInput as exc:
                unreadable.append(unreadable_file(source.path, exc))
                continue
            yield source

    read: list[Source] = []

    def kept() -> Iterator[Source]:
        for source in counted():
            read.append(source)
            yield source

    collect(read_sources(kept(), jobs, records=False), report, rules)
    report.diagnostics.extend(d for d in unreadable if rules.wants(d.code))
    # Stable: findings on one line keep the order they were found in.
    report.diagnostics.sort(key=lambda d: (order.get(d.path, len(order)), d.line))
    if unresolved:
        # Every other input was still checked; the missing ones are findings too.
        report.files += len(unresolved)
        report.diagnostics[:0] = [d for d in unresolved if rules.wants(d.code)]
    # Last, in the order found: what only the files together give (hankkeet.link).
    report.diagnostics.extend(across_sources(read, rules, jobs))
    return report


def across_sources(sources: list[Source], rules: RuleSelection, jobs: int = 1) -> list[Diagnostic]:
    """The wanted findings that only several sources together give (records of one project
    in different files: hankkeet.link); none for a single source."""
    if len(sources) < 2 or not (
        rules.wants(Code.DUPLICATE_ACROSS_FILES) or rules.wants(Code.SOURCES_DISAGREE)
    ):
        return []
    from hankkeet.link import cross_source_findings

    try:
        found = cross_source_findings(sources, jobs)
    except UnreadableInput:
        return []  # an input that cannot be read is a finding of its own already
    # In line order, as a spill's section hands its findings out (stable: file order kept).
    return sorted((d for d in found if rules.wants(d.code)), key=lambda d: d.line)


# -- streaming: findings handed out as each file is done, never all held -------------------


@dataclass
class StreamedReport(Report):
    """A report that counts its findings instead of holding them (for streamed output)."""

    severities: Counter[str] = field(default_factory=Counter)
    codes: set[Code] = field(default_factory=set)

    def count(self, diagnostic: Diagnostic) -> None:
        """Count one finding that was handed out."""
        self.severities[diagnostic.severity.value] += 1
        self.codes.add(diagnostic.code)

    @property
    def counts(self) -> Counter[str]:
        """Number of findings per severity."""
        return Counter(self.severities)

    def codes_found(self) -> set[Code]:
        """The rules of the findings handed out."""
        return self.codes


def stream_validation(
    sources: Iterable[Source],
    report: StreamedReport,
    spill: FindingSpill,
    rules: RuleSelection = ALL_RULES,
    jobs: int = 1,
    unresolved: Sequence[Diagnostic] = (),
) -> Iterator[Diagnostic]:
    """validate_sources' findings, in its order, handed out one file at a time: each
    counted in `report` and kept in `spill` (to be read again in line order), the findings
    about `unresolved` inputs first."""
    report.files += len(unresolved)
    wanted = [d for d in unresolved if rules.wants(d.code)]
    spill.start_section()
    for d in wanted:  # all on line 1: the section keeps their order
        report.count(d)
        spill.add(d)
    yield from wanted
    yield from stream_findings(sources, report, rules, spill, jobs)


def stream_findings(
    sources: Iterable[Source],
    report: StreamedReport,
    rules: RuleSelection = ALL_RULES,
    spill: FindingSpill | None = None,
    jobs: int = 1,
) -> Iterator[Diagnostic]:
    """The findings of validate_sources, in its order, handed out one file at a time.

    Neither the projects nor the findings are held: each file's findings go to `spill` (a
    temporary file; a caller passes its own to read them all again), in one section a file,
    and come back from it in line order when the file is done.
    """
    own = spill is None
    spill = FindingSpill() if spill is None else spill
    registry = IdRegistry()
    stray: list[Diagnostic] = []  # about another path than the file read: last, as sorted
    read: list[Source] = []
    try:
        for source in sources:
            report.files += 1
            spill.start_section()
            items = read_source(source, registry, jobs, records=False)
            try:
                # Opening decides the encoding, or says why there is none, before any item.
                first = list(islice(items, 1))
            except UnreadableInput as exc:
                found = unreadable_file(source.path, exc)
                if rules.wants(found.code):
                    report.count(found)
                    spill.add(found)
            else:
                read.append(source)
                for item in chain(first, items):
                    report.projects += isinstance(item, ParsedProject)
                    for diagnostic in findings_of(item, rules):
                        if diagnostic.path != source.path:
                            stray.append(diagnostic)
                            continue
                        report.count(diagnostic)
                        spill.add(diagnostic)
            yield from spill.section()
        # Then the stray findings, and last, in the order found, what only the files
        # together give (as validate_sources): a section each.
        for last in (stray, across_sources(read, rules, jobs)):
            if last:
                spill.start_section()
                for diagnostic in last:
                    report.count(diagnostic)
                    spill.add(diagnostic)
                yield from spill.section()
    finally:
        if own:
            spill.close()


class FindingSpill:
    """Findings kept in a temporary file as they come (flat memory), read back in line
    order: each section (one input file) comes back as a stable sort by line would give.

    Findings mostly come in line order already; each stretch that does is a run, and a
    section's runs are merged on reading, the earlier run first where lines are equal.
    Findings are written in chunks of plain tuples (Diagnostic.pack, marshal), a run's
    chunks apart.
    """

    CHUNK = 512

    def __init__(self) -> None:
        """An empty spill."""
        self._file: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115  (closed by close())
        # Per section, its runs; per run, the file offsets of its chunks.
        self._sections: list[list[list[int]]] = []
        self._chunk: list[Packed] = []
        self._last_line = 0
        self.count = 0

    def start_section(self) -> None:
        """Start the findings of the next input file."""
        self._flush()
        self._sections.append([])

    def add(self, diagnostic: Diagnostic) -> None:
        """Keep one finding (in the current section)."""
        if not self._sections:
            self._sections.append([])
        runs = self._sections[-1]
        if not runs or diagnostic.line < self._last_line:
            self._flush()
            runs.append([])
        self._chunk.append(diagnostic.pack())
        self._last_line = diagnostic.line
        self.count += 1
        if len(self._chunk) >= self.CHUNK:
            self._flush()

    def _flush(self) -> None:
        if self._chunk:
            offset = self._file.seek(0, os.SEEK_END)
            marshal.dump(self._chunk, self._file)
            self._sections[-1][-1].append(offset)
            self._chunk = []

    def _run(self, offsets: list[int]) -> Iterator[Diagnostic]:
        for offset in offsets:
            self._file.seek(offset)  # each chunk is read whole: runs may take turns
            rows: list[Packed] = marshal.load(self._file)
            yield from map(Diagnostic.unpack, rows)

    def section(self, index: int = -1) -> Iterator[Diagnostic]:
        """One section's findings (the last by default) in line order."""
        self._flush()
        runs = [self._run(offsets) for offsets in self._sections[index]] if self._sections else []
        if len(runs) == 1:
            return runs[0]
        return heapq.merge(*runs, key=lambda d: d.line)

    def __iter__(self) -> Iterator[Diagnostic]:
        """Every section's findings in turn, each in line order (one pass at a time)."""
        for index in range(len(self._sections)):
            yield from self.section(index)

    def close(self) -> None:
        """Remove the temporary file."""
        self._file.close()

    def __enter__(self) -> FindingSpill:
        """The spill, removed when the block ends."""
        return self

    def __exit__(self, *exc: object) -> None:
        """Remove the temporary file."""
        self.close()
