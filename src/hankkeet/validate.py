"""Validation: parse every input and run every check, one project at a time, into a Report.

Nothing here prints or exits. Projects are not kept: each is checked as soon as the parser
hands it out and then dropped, so memory grows only with the findings, not with the data.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass

from hankkeet.checks import check_project
from hankkeet.diagnostics import RULES, Code, Diagnostic, Report, near_codes
from hankkeet.locale import _
from hankkeet.reading.parser import ParsedProject, parse_sources
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
                message = _("unknown rule '{code}' in {option} (did you mean '{near}'?)") \
                    if near else _("unknown rule '{code}' in {option}; 'hankkeet validate "
                                   "--list-rules' lists the codes")
                raise UnknownRule(message.format(code=part.strip(), option=option,
                                                 near=near[0] if near else None))
            codes.add(Code(code))
    return frozenset(codes)


@dataclass(frozen=True)
class RuleSelection:
    """Which rules a run reports: only `select` (all when None), minus `ignore`."""

    select: frozenset[Code] | None = None
    ignore: frozenset[Code] = frozenset()

    @classmethod
    def from_options(cls, select: Collection[str] = (),
                     ignore: Collection[str] = ()) -> RuleSelection:
        """The selection from --select and --ignore values; raises UnknownRule."""
        chosen = parse_codes(select, "--select")
        return cls(chosen or None, parse_codes(ignore, "--ignore"))

    def wants(self, code: Code) -> bool:
        """Whether findings of this rule are reported."""
        return (self.select is None or code in self.select) and code not in self.ignore


ALL_RULES = RuleSelection()


def collect(items: Iterable[ParsedProject | Diagnostic], report: Report,
            rules: RuleSelection = ALL_RULES) -> Report:
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


def validate_sources(sources: Iterable[Source], rules: RuleSelection = ALL_RULES) -> Report:
    """Validate every source in turn; one that cannot be read is a finding, and the rest is
    still checked."""
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

    collect(parse_sources(counted()), report, rules)
    report.diagnostics.extend(d for d in unreadable if rules.wants(d.code))
    # Stable: findings on one line keep the order they were found in.
    report.diagnostics.sort(key=lambda d: (order.get(d.path, len(order)), d.line))
    return report
