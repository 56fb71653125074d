"""Validation: parse every input and run every check, one project at a time, into a Report.

Nothing here prints or exits. Projects are not kept: each is checked as soon as the parser
hands it out and then dropped, so memory grows only with the findings, not with the data.
"""

from __future__ import annotations

import pickle
import tempfile
from collections import Counter
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO

from hankkeet.checks import check_project
from hankkeet.diagnostics import PROSE_CODES, RULES, Code, Diagnostic, Report, Severity, near_codes
from hankkeet.locale import _
from hankkeet.reading.parser import IdRegistry, ParsedProject, parse_lines, parse_sources
from hankkeet.reading.sources import Source
from hankkeet.reading.text import UnreadableInput


class UnknownRule(ValueError):
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
                message = (
                    _("unknown rule '{code}' in {option} (did you mean '{near}'?)")
                    if near
                    else _(
                        "unknown rule '{code}' in {option}; 'hankkeet validate "
                        "--list-rules' lists the codes"
                    )
                )
                raise UnknownRule(
                    message.format(code=part.strip(), option=option, near=near[0] if near else None)
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
        if isinstance(item, ParsedProject):
            report.projects += 1
            found = item.diagnostics + check_project(item.project)
            found.sort(key=lambda d: d.line)
        else:
            found = [item]
        report.diagnostics.extend(d for d in found if rules.wants(d.code))
    return report


def unreadable_file(path: str, problem: UnreadableInput) -> Diagnostic:
    """The finding for an input that cannot be read (the message without the path again)."""
    message = str(problem).removeprefix(f"{path}: ")
    return Diagnostic(Code.UNREADABLE_FILE, message, path, 1)


def validate_sources(
    sources: Iterable[Source], rules: RuleSelection = ALL_RULES, jobs: int = 1
) -> Report:
    """Validate every source in turn; one that cannot be read is a finding, and the rest is
    still checked. `jobs` as in library.read_projects."""
    report = Report()
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

    collect(parse_sources(counted(), jobs), report, rules)
    report.diagnostics.extend(d for d in unreadable if rules.wants(d.code))
    # Stable: findings on one line keep the order they were found in.
    report.diagnostics.sort(key=lambda d: (order.get(d.path, len(order)), d.line))
    return report


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

    @property
    def valid(self) -> bool:
        """True when no finding is an error."""
        return not self.severities.get(Severity.ERROR.value)

    def passes(self, strict: bool = False) -> bool:
        """Whether a run passes: no error, and under strict no warning either."""
        if self.labels_required and self.codes & PROSE_CODES:
            return False
        if strict:
            return not (
                self.severities.get(Severity.ERROR.value)
                or self.severities.get(Severity.WARNING.value)
            )
        return self.valid


def stream_findings(
    sources: Iterable[Source],
    report: StreamedReport,
    rules: RuleSelection = ALL_RULES,
    jobs: int = 1,
) -> Iterator[Diagnostic]:
    """The findings of validate_sources, in its order, handed out one file at a time.

    Only one file's findings are held (to put them in line order); the projects never are.
    """
    registry = IdRegistry()
    stray: list[Diagnostic] = []  # about another path than the file read: last, as sorted
    for source in sources:
        report.files += 1
        try:
            with source.lines():
                pass  # opening decides the encoding, or says why there is none
        except UnreadableInput as exc:
            found = [unreadable_file(source.path, exc)]
        else:
            in_file = Report()
            with source.lines() as lines:
                collect(parse_lines(lines, source.path, registry, jobs), in_file, rules)
            report.projects += in_file.projects
            found = [d for d in in_file.diagnostics if d.path == source.path]
            stray.extend(d for d in in_file.diagnostics if d.path != source.path)
            found.sort(key=lambda d: d.line)
        for diagnostic in found:
            if rules.wants(diagnostic.code):
                report.count(diagnostic)
                yield diagnostic
    stray.sort(key=lambda d: d.line)
    for diagnostic in stray:
        report.count(diagnostic)
        yield diagnostic


class FindingSpill:
    """Findings kept in a temporary file as they come, read back in order (flat memory)."""

    def __init__(self) -> None:
        """An empty spill."""
        self._file: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115  (closed by close())
        self.count = 0

    def add(self, diagnostic: Diagnostic) -> None:
        """Keep one finding."""
        pickle.dump(diagnostic, self._file, pickle.HIGHEST_PROTOCOL)
        self.count += 1

    def __iter__(self) -> Iterator[Diagnostic]:
        """The findings in the order they were added (one pass at a time)."""
        self._file.flush()
        self._file.seek(0)
        for _number in range(self.count):
            found: Diagnostic = pickle.load(self._file)
            yield found

    def close(self) -> None:
        """Remove the temporary file."""
        self._file.close()
