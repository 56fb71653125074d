"""Validation reports as text (plain strings at a known width, grouped by file and project), JSON,
or GitHub annotations; Rich draws only the rule catalogue.

Every function returns a string; the command decides where it goes.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from enum import StrEnum
from itertools import groupby
from json.encoder import encode_basestring as json_string
from typing import Any, assert_never

from hankkeet.diagnostics import RULES, Diagnostic, Report, Rule, Severity
from hankkeet.encode import dumps, dumps_nested
from hankkeet.locale import N_, Language, _, ngettext


class ValidateFormat(StrEnum):
    """Formats `validate` can write."""

    TEXT = "text"
    JSON = "json"
    GITHUB = "github"
    SARIF = "sarif"


_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
# GitHub knows error, warning and notice; an info finding is a notice.
_GITHUB_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
# The heading of findings about a whole file, not one project (in the run's language).
FILE_LEVEL = N_("(file)")


def location(diagnostic: Diagnostic) -> str:
    """'67', or '71:26' when the column is known."""
    if diagnostic.column is None:
        return str(diagnostic.line)
    return f"{diagnostic.line}:{diagnostic.column}"


def summary_line(report: Report, strict: bool = False) -> str:
    """'1 error, 2 warnings, 1 info in 8 projects from 1 file: not valid'."""
    counts = report.counts
    errors, warnings, infos = (counts.get(k, 0) for k in ("error", "warning", "info"))
    found = ", ".join(
        (
            ngettext("{n} error", "{n} errors", errors).format(n=errors),
            ngettext("{n} warning", "{n} warnings", warnings).format(n=warnings),
            ngettext("{n} info", "{n} infos", infos).format(n=infos),
        )
    )
    if report.passes(strict):
        verdict = _("valid")
    elif report.valid:
        verdict = _("not valid: warnings fail under --strict")
    else:
        verdict = _("not valid")
    where = ngettext("in {n} project", "in {n} projects", report.projects).format(n=report.projects)
    files = ngettext("from {n} file", "from {n} files", report.files).format(n=report.files)
    return f"{found} {where} {files}: {verdict}"


class FindingRows:
    """Findings as rows at one width: location, severity, code, and the message wrapped to
    what is left. Plain string formatting, the columns measured once for the whole report:
    a report of 200 000 findings costs what its text costs.

    When the message would have fewer than 24 cells beside the code, it goes on the lines
    under the finding instead, indented, so it is never squeezed word by word.
    """

    def __init__(self, where_width: int, code_width: int, width: int, language: Language) -> None:
        """Rows for findings whose widest location and code are where_width and code_width,
        their messages written in `language`."""
        self.language = language
        words = {s: _severity(s) for s in Severity}
        severity_width = max(len(word) for word in words.values())
        self.severities = {s: word.ljust(severity_width) for s, word in words.items()}
        self.where_width, self.code_width = where_width, code_width
        prefix = 3 + where_width + 1 + severity_width + 1 + code_width + 1
        self.beside = width - prefix >= 24
        self.room = width - prefix if self.beside else width - 6
        self.indent = " " * prefix if self.beside else "      "

    def text(self, diagnostics: Iterable[Diagnostic]) -> str:
        """The rows of these findings, each line newline-terminated."""
        from hankkeet.render.layout import wrap  # as render_text

        out: list[str] = []
        indent = self.indent
        for d in diagnostics:
            head = f"   {location(d).rjust(self.where_width)} {self.severities[d.severity]} "
            body = wrap(d.text(self.language), self.room)
            if self.beside:
                out.append(f"{head}{d.code.ljust(self.code_width)} {body[0]}".rstrip())
                out.extend(indent + line for line in body[1:])
            else:
                out.append(f"{head}{d.code}".rstrip())
                out.extend(indent + line for line in body)
        return "".join(line + "\n" for line in out)


def _severity(severity: Severity) -> str:
    """A severity in words for people ('virhe' in Finnish); the JSON keeps the code."""
    return {Severity.ERROR: _("error"), Severity.WARNING: _("warning"), Severity.INFO: _("info")}[
        severity
    ]


def severity_word(severity: Severity) -> str:
    """A severity in words for people, in the run's language."""
    return _severity(severity)


def _groups(report: Report) -> Iterator[tuple[str, list[tuple[str, list[Diagnostic]]]]]:
    """(path, [(project, findings)]) in report order; consecutive findings share a group."""
    for path, in_file in groupby(report.diagnostics, key=lambda d: d.path):
        projects = [
            (project or _(FILE_LEVEL), list(found))
            for project, found in groupby(in_file, key=lambda d: d.project)
        ]
        yield path, projects


def render_text(report: Report, width: int, color: bool, language: Language) -> str:
    """Findings grouped by file, then by project, their messages in `language`; empty when
    there is nothing to report."""
    if not report.diagnostics:
        return ""
    # Text is laid out by render.layout (and Rich's cell widths), imported by the views that
    # lay text out: a report for programs (JSON, SARIF) needs neither.
    from hankkeet.render.layout import paragraph_lines

    where_width = max(len(location(d)) for d in report.diagnostics)
    code_width = max(len(d.code) for d in report.diagnostics)
    rows = FindingRows(where_width, code_width, width, language)
    parts: list[str] = []
    for path, projects in _groups(report):
        if parts:
            parts.append("\n")  # a blank line between files
        parts.append(paragraph_lines(path, width))
        for project, found in projects:
            parts.append(paragraph_lines(f"  {project}", width))
            parts.append(rows.text(found))
    del color  # the findings are plain text: nothing is coloured
    # Rich pads every cell to the column's width; the padding at a line's end is noise.
    return "".join(line.rstrip() + "\n" for line in "".join(parts).splitlines())


def render_json(report: Report, strict: bool = False) -> str:
    """The report's own dict as JSON: what the library returns is what the tool prints."""
    return dumps(report.to_dict(strict), indent=2) + "\n"


def escape_data(text: str) -> str:
    """A workflow command's message, escaped as GitHub's toolkit does (escapeData)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow command's property value, escaped as GitHub's toolkit does (escapeProperty)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(diagnostic: Diagnostic, language: Language) -> str:
    """'::error file=…,line=…,col=…,title=CODE::message' for one finding."""
    properties = [("file", diagnostic.path), ("line", str(diagnostic.line))]
    if diagnostic.column is not None:
        properties.append(("col", str(diagnostic.column)))
    properties.append(("title", diagnostic.code))
    joined = ",".join(f"{key}={escape_property(value)}" for key, value in properties)
    message = escape_data(diagnostic.text(language))
    return f"::{_GITHUB_COMMAND[diagnostic.severity]} {joined}::{message}"


def render_github(report: Report, width: int, language: Language) -> str:
    """One annotation a finding, then the whole text report.

    GitHub shows only the first ten annotations of each kind, so the log keeps them all.
    """
    lines = [annotation(d, language) + "\n" for d in report.diagnostics]
    text = render_text(report, width, False, language)
    return "".join(lines) + ("\n" + text if lines else "")


def for_machines(fmt: ValidateFormat) -> bool:
    """Whether a format is for programs: its messages stay English, and no summary line
    goes to stderr beside it."""
    match fmt:
        case ValidateFormat.JSON | ValidateFormat.SARIF:
            return True
        case ValidateFormat.TEXT | ValidateFormat.GITHUB:
            return False
        case _:
            assert_never(fmt)


def needs_fingerprints(fmt: ValidateFormat) -> bool:
    """Whether a format carries each finding's fingerprint (SARIF's partialFingerprints),
    so that every finding and the text around it are needed before anything is written."""
    match fmt:
        case ValidateFormat.SARIF:
            return True
        case ValidateFormat.TEXT | ValidateFormat.JSON | ValidateFormat.GITHUB:
            return False
        case _:
            assert_never(fmt)


def render_report(
    report: Report,
    fmt: ValidateFormat,
    width: int,
    color: bool,
    language: Language,
    strict: bool = False,
    prints: Sequence[str] | None = None,
) -> str:
    """The report in the chosen format, messages for people in `language` (JSON and SARIF
    keep English ones); under `strict`, JSON's `valid` counts warnings too; SARIF carries
    the findings' fingerprints when `prints` has them."""
    match fmt:
        case ValidateFormat.TEXT:
            return render_text(report, width, color, language)
        case ValidateFormat.JSON:
            return render_json(report, strict)
        case ValidateFormat.GITHUB:
            return render_github(report, width, language)
        case ValidateFormat.SARIF:
            from hankkeet.render.sarif import render_sarif

            return render_sarif(report, prints)
        case _:
            assert_never(fmt)


def render_rules(fmt: ValidateFormat, width: int, color: bool) -> str:
    """The rule catalogue: JSON for --format json, else a table."""
    match fmt:
        case ValidateFormat.JSON:
            return dumps([rule_dict(r) for r in RULES.values()], indent=2) + "\n"
        case ValidateFormat.TEXT | ValidateFormat.GITHUB | ValidateFormat.SARIF:
            return _rules_table(width, color)
        case _:
            assert_never(fmt)


def _rules_table(width: int, color: bool) -> str:
    """The rule catalogue as a table: code, severity and title, fitted to the width."""
    from hankkeet.render.layout import least_width, wrapped  # as render_text

    titles = {rule.code: _(rule.title) for rule in RULES.values()}
    code_width = max(len(code) for code in RULES)
    severity_width = max(len(_("Severity")), *(len(_severity(s)) for s in Severity))
    room = width - 10 - severity_width  # borders and padding of three columns
    title_least = max(least_width(_("Title")), *(least_width(t) for t in titles.values()))
    # Long words (Finnish compounds) would be folded inside a word: the codes wrap after
    # their hyphens instead, and the titles get their longest word's width.
    squeeze = room - code_width < title_least
    if squeeze:
        code_width = max(room - title_least, *(least_width(code) for code in RULES))
    # Loaded here: the report itself is plain text, and JSON runs load no Rich.
    from rich.table import Table
    from rich.text import Text

    from hankkeet.render.draw import to_text

    table = Table(show_lines=False, expand=False)
    table.add_column(_("Code"), no_wrap=True)
    table.add_column(_("Severity"), no_wrap=True)
    if squeeze:
        table.add_column(_("Title"), no_wrap=True, width=max(1, room - code_width))
    else:
        table.add_column(_("Title"), overflow="fold")
    for rule in RULES.values():
        code = wrapped(rule.code, code_width) if squeeze else rule.code
        title = wrapped(titles[rule.code], room - code_width) if squeeze else titles[rule.code]
        table.add_row(
            Text(code), Text(_severity(rule.severity), style=_STYLE[rule.severity]), Text(title)
        )
    return to_text(table, width, color)


def rule_dict(rule: Rule) -> dict[str, str]:
    """A catalogue entry as plain values."""
    return {
        "code": rule.code,
        "severity": rule.severity.value,
        "title": rule.title,
        "explanation": rule.explanation,
    }


def render_explanation(rule: Rule, fmt: ValidateFormat, width: int, color: bool) -> str:
    """One rule in full: code, severity, title and explanation (JSON: the rule's dict)."""
    match fmt:
        case ValidateFormat.JSON:
            return dumps(rule_dict(rule), indent=2) + "\n"
        case ValidateFormat.TEXT | ValidateFormat.GITHUB | ValidateFormat.SARIF:
            return _explanation_text(rule, width, color)
        case _:
            assert_never(fmt)


def _explanation_text(rule: Rule, width: int, color: bool) -> str:
    """One rule for people: the code, its severity and title, then the explanation."""
    from rich.text import Text

    from hankkeet.render.draw import to_text

    text = Text()
    text.append(rule.code, style="bold")
    text.append(f" ({_severity(rule.severity)}): ", style=_STYLE[rule.severity])
    text.append(_(rule.title))
    text.append("\n\n" + _(rule.explanation))
    return to_text(text, width, color)


# -- streamed reports: the same text, a piece at a time, from findings read twice ------------


def stream_report(
    fmt: ValidateFormat,
    findings: Iterable[Diagnostic],
    again: Iterable[Diagnostic],
    report: Report,
    width: int,
    color: bool,
    language: Language,
    strict: bool = False,
) -> Iterator[str]:
    """render_report's text in pieces, from a first pass over the findings (which counts
    them in `report`) and `again`, the same findings read a second time in line order:
    GitHub's annotations as they come, the rest once the first pass is done and the widest
    location and code are known. SARIF is never streamed: it needs every fingerprint."""
    where_width = code_width = 0

    def measured() -> Iterator[Diagnostic]:
        nonlocal where_width, code_width
        for d in findings:
            where_width = max(where_width, len(location(d)))
            code_width = max(code_width, len(d.code))
            yield d

    match fmt:
        case ValidateFormat.GITHUB:
            yield from stream_github(
                measured(), again, lambda: (where_width, code_width), width, language
            )
        case ValidateFormat.JSON:
            deque(measured(), maxlen=0)
            yield from stream_json(report, again, strict)
        case ValidateFormat.TEXT:
            deque(measured(), maxlen=0)
            yield from stream_text(again, where_width, code_width, width, color, language)
        case ValidateFormat.SARIF:
            raise ValueError("SARIF is not streamed: it needs every fingerprint")
        case _:
            assert_never(fmt)


def stream_json(
    report: Report, findings: Iterable[Diagnostic], strict: bool = False
) -> Iterator[str]:
    """render_json's text in pieces; the report's counts are known before the findings."""
    head = report.to_dict(strict)
    del head["diagnostics"]
    text = dumps(head, indent=2)
    yield text[:-2] + ',\n  "diagnostics": ['
    first = True
    for d in findings:
        yield ("\n    " if first else ",\n    ") + _finding_json(d.to_dict())
        first = False
    yield "]\n}\n" if first else "\n  ]\n}\n"


def _finding_json(values: dict[str, Any]) -> str:
    """dumps_nested(values, 2, 2) for a finding's dict, one f-string a key: its values are
    text, whole numbers and None (anything else goes through dumps_nested)."""
    items = []
    for key, value in values.items():
        text = _scalar_json(value)
        if text is None and isinstance(value, dict):
            text = _args_json(value)
        if text is None:
            return dumps_nested(values, 2, 2)
        items.append(f"      {json_string(key)}: {text}")
    return "{\n" + ",\n".join(items) + "\n    }" if items else "{}"


def _scalar_json(value: Any) -> str | None:
    """A finding's value of text, a whole number or None as JSON; None for anything else."""
    if isinstance(value, str):
        return json_string(value)
    if value is None:
        return "null"
    if type(value) is int:
        return str(value)
    return None


def _args_json(values: dict[str, Any]) -> str | None:
    """dumps_nested(values, 2, 3) for a finding's `args` of text, whole numbers and None;
    None for anything else."""
    if not values:
        return "{}"
    items = []
    for key, value in values.items():
        text = _scalar_json(value)
        if text is None:
            return None
        items.append(f"        {json_string(key)}: {text}")
    return "{\n" + ",\n".join(items) + "\n      }"


def stream_text(
    findings: Iterable[Diagnostic],
    where_width: int,
    code_width: int,
    width: int,
    color: bool,
    language: Language,
) -> Iterator[str]:
    """render_text's text in pieces, one project's findings at a time.

    where_width and code_width are the widest location and code of all the findings.
    """
    from hankkeet.render.layout import paragraph_lines  # as render_text

    rows = FindingRows(where_width, code_width, width, language)
    del color  # as render_text
    started = False
    for path, in_file in groupby(findings, key=lambda d: d.path):
        parts = ["\n"] if started else []
        started = True
        parts.append(paragraph_lines(path, width))
        yield _trimmed("".join(parts))
        for project, found in groupby(in_file, key=lambda d: d.project):
            yield _trimmed(
                paragraph_lines(f"  {project or _(FILE_LEVEL)}", width) + rows.text(found)
            )


def _trimmed(text: str) -> str:
    # As render_text: the padding at a line's end is noise. Each piece ends a line.
    return "".join(line.rstrip() + "\n" for line in text.splitlines())


def stream_github(
    findings: Iterable[Diagnostic],
    again: Iterable[Diagnostic],
    widths: Callable[[], tuple[int, int]],
    width: int,
    language: Language,
) -> Iterator[str]:
    """render_github's text in pieces: each annotation as it comes, then the text report
    from `again` (the same findings), at the (location, code) widths known by then."""
    any_found = False
    for d in findings:
        any_found = True
        yield annotation(d, language) + "\n"
    if any_found:
        yield "\n"
        yield from stream_text(again, *widths(), width, False, language)
