"""`validate`: check the data and report every finding, for people and for CI."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from hankkeet.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    PathsArg,
    app,
    color_wanted,
    expand_paths,
    fail,
    input_sources,
    note,
    terminal_width,
    usable_input,
    write,
)
from hankkeet.diagnostics import RULES, Code, Diagnostic
from hankkeet.locale import _
from hankkeet.reading.sources import Source, resolve
from hankkeet.reading.text import UnreadableInput, visible
from hankkeet.render.validation import (
    ValidateFormat,
    render_explanation,
    render_report,
    render_rules,
    summary_line,
)
from hankkeet.validate import (
    RuleSelection,
    UnknownRule,
    parse_codes,
    unreadable_file,
    validate_sources,
)

SelectOpt = Annotated[
    list[str] | None,
    typer.Option("--select", metavar="CODE,...", show_default=False,
                 help="Report only these rules (comma-separated or repeated)."),
]
IgnoreOpt = Annotated[
    list[str] | None,
    typer.Option("--ignore", metavar="CODE,...", show_default=False,
                 help="Do not report these rules (comma-separated or repeated)."),
]


@app.command("validate")
def validate_command(
    paths: PathsArg = None,
    fmt: Annotated[ValidateFormat, typer.Option(
        "--format", "-f",
        help="text (grouped by file and project), json (the report) or github "
             "(annotations, then the text).")] = ValidateFormat.TEXT,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    strict: Annotated[bool, typer.Option(
        "--strict", help="Warnings fail the run too (exit 1).")] = False,
    list_rules: Annotated[bool, typer.Option(
        "--list-rules", help="List every rule code with its severity and title, and exit.")]
    = False,
    explain: Annotated[str | None, typer.Option(
        "--explain", metavar="CODE", help="Explain one rule, and exit.")] = None,
) -> None:
    """Check the data: unreadable values, missing fields, sums that do not add up.

    Exit 0 when there is no error (warnings allowed), 1 when there is an error (or a
    warning under --strict; an unreadable input is an error too), 2 for a usage error.

    Example: hankkeet validate --format github data/
    """
    width, color = terminal_width(), color_wanted()
    if list_rules:
        write(render_rules(fmt, width, color))
        return
    if explain is not None:
        try:
            codes = parse_codes([explain], "--explain")
        except UnknownRule as exc:
            fail(str(exc))
        if len(codes) != 1:
            fail(_("--explain takes one rule code, as in --explain funding-sum-mismatch"))
        write(render_explanation(RULES[Code(next(iter(codes)))], fmt, width, color))
        return
    try:
        rules = RuleSelection.from_options(select or [], ignore or [])
    except UnknownRule as exc:
        fail(str(exc))
    unreadable: list[Diagnostic] = []
    with usable_input():
        sources = readable_sources(paths, unreadable) if paths else input_sources(paths)
        report = validate_sources(sources, rules)
    if unreadable:
        # Every other input was still checked; the missing ones are findings too.
        report.files += len(unreadable)
        report.diagnostics[:0] = [d for d in unreadable if rules.wants(d.code)]
    write(render_report(report, fmt, width, color, strict))
    if fmt is not ValidateFormat.JSON:
        note(summary_line(report, strict))
    raise typer.Exit(EXIT_OK if report.passes(strict) else EXIT_FINDINGS)


def readable_sources(paths: list[str], unreadable: list[Diagnostic]) -> list[Source]:
    """The sources of each path; a path that cannot be resolved becomes a finding."""
    sources: list[Source] = []
    for name in expand_paths(paths):
        try:
            sources.extend(resolve([name], stdin=sys.stdin.buffer))
        except UnreadableInput as exc:
            unreadable.append(unreadable_file(visible(name), exc))
    return sources
