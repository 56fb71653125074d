"""`validate`: check the data and report every finding, for people and for CI."""

from __future__ import annotations

import sys
from contextlib import nullcontext
from pathlib import Path
from typing import Annotated

import typer

from hankkeet.ci import Baseline, BaselineError, fingerprints, rule_counts, source_texts
from hankkeet.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    FETCHING,
    STATE,
    PathsArg,
    RefreshOpt,
    app,
    color_wanted,
    expand_paths,
    fail,
    followed,
    from_config,
    input_sources,
    note,
    terminal_width,
    usable_input,
    write,
)
from hankkeet.cli.config import configured_format, configured_paths
from hankkeet.cli.output import choose_format, emit, emitting, output_option, writable
from hankkeet.diagnostics import RULES, Code, Diagnostic
from hankkeet.export.output import write_text_atomic
from hankkeet.locale import N_, Language, _, current_language, ngettext, use_language
from hankkeet.reading.sources import Source, resolve
from hankkeet.reading.text import UnreadableInput, visible
from hankkeet.render.statistics import render_statistics
from hankkeet.render.validation import (
    ValidateFormat,
    for_machines,
    needs_fingerprints,
    render_explanation,
    render_report,
    render_rules,
    stream_report,
    summary_line,
)
from hankkeet.validate import (
    FindingSpill,
    RuleSelection,
    StreamedReport,
    UnknownRule,
    holds_findings,
    parse_codes,
    stream_validation,
    unreadable_file,
    validate_sources,
)

SelectOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--select",
        metavar="CODE,...",
        show_default=False,
        help=N_("Report only these rules (comma-separated or repeated)."),
    ),
]
IgnoreOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--ignore",
        metavar="CODE,...",
        show_default=False,
        help=N_("Do not report these rules (comma-separated or repeated)."),
    ),
]


@app.command("validate")
def validate_command(
    paths: PathsArg = None,
    refresh: RefreshOpt = False,
    fmt: Annotated[
        ValidateFormat | None,
        typer.Option(
            "--format",
            "-f",
            show_default=False,
            help=N_(
                "text (default; grouped by file and project), json (the report), github "
                "(annotations, then the text) or sarif (SARIF 2.1.0 for code scanning)."
            ),
        ),
    ] = None,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    strict: Annotated[
        bool, typer.Option("--strict", help=N_("Warnings fail the run too (exit 1)."))
    ] = False,
    strict_labels: Annotated[
        bool,
        typer.Option(
            "--strict-labels",
            help=N_(
                "A value read from a sentence (prose-fact, prose-only) fails "
                "the run too (exit 1): labelled fields are required."
            ),
        ),
    ] = False,
    list_rules: Annotated[
        bool,
        typer.Option(
            "--list-rules", help=N_("List every rule code with its severity and title, and exit.")
        ),
    ] = False,
    explain: Annotated[
        str | None,
        typer.Option("--explain", metavar="CODE", help=N_("Explain one rule, and exit.")),
    ] = None,
    statistics: Annotated[
        bool,
        typer.Option(
            "--statistics", help=N_("Count the findings per rule instead of listing them.")
        ),
    ] = False,
    baseline: Annotated[
        Path | None,
        typer.Option(
            "--baseline",
            metavar="FILE",
            dir_okay=False,
            help=N_(
                "Leave out the findings accepted in FILE (until the text around them changes)."
            ),
        ),
    ] = None,
    write_baseline: Annotated[
        Path | None,
        typer.Option(
            "--write-baseline",
            metavar="FILE",
            dir_okay=False,
            help=N_("Accept every current finding: write them to FILE for --baseline, exit 0."),
        ),
    ] = None,
    output: Annotated[Path | None, output_option(ValidateFormat)] = None,
) -> None:
    """Check the data: unreadable values, missing fields, sums that do not add up.

    Exit 0 when there is no error (warnings allowed), 1 when there is an error (or a
    warning under --strict; an unreadable input is an error too), 2 for a usage error.

    Example: hankkeet validate --format sarif -o hankkeet.sarif data/
    """
    config = STATE.config
    configured = configured_format()
    if statistics and configured in (ValidateFormat.SARIF, ValidateFormat.GITHUB):
        # A configured format is a default: one that --statistics has no form for is passed
        # over, as a command passes over a format it does not have; a typed one is refused.
        configured = None
    fmt = choose_format(ValidateFormat, fmt, output, configured, ValidateFormat.TEXT)
    strict = strict or bool(config.strict)
    if statistics and fmt in (ValidateFormat.SARIF, ValidateFormat.GITHUB):
        # SARIF and annotations hold findings, not counts: say so rather than write text.
        fail(
            _(
                "--statistics writes text or json, not {name}; add --format text or --format json"
            ).format(name=fmt.value)
        )
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
        rules = RuleSelection.from_options(
            select or list(config.select), ignore or list(config.ignore)
        )
    except UnknownRule as exc:
        fail(
            _("{problem} (in {config})").format(problem=exc, config=config.source)
            if not (select or ignore) and config.source
            else str(exc)
        )
    accepted = None
    if baseline is not None:
        try:
            accepted = Baseline.from_text(baseline.read_text(encoding="utf-8"))
        except OSError as exc:
            fail(
                _("cannot read the baseline {path}: {problem}").format(
                    path=baseline, problem=exc.strerror or exc
                )
            )
        except BaselineError as exc:
            fail(f"{baseline}: {exc}")
    unreadable: list[Diagnostic] = []
    given = configured_paths(paths)
    # JSON and SARIF keep English messages, as every machine output does; so do baselines,
    # whose fingerprints are made from the messages (a file written in a Finnish run must
    # match in an English one).
    english = for_machines(fmt) or baseline is not None or write_baseline is not None
    # The findings' messages are values, written here; what the reading itself writes (an
    # input that cannot be read) is in English too while `english` holds.
    language = Language.EN if english else current_language()
    if not holds_findings(
        baseline=accepted is not None or write_baseline is not None,
        statistics=statistics,
        fingerprints=needs_fingerprints(fmt),
    ):
        # Neither the projects nor the findings are held: each file's findings go to a
        # temporary file and come back from it in line order to be written.
        streamed = StreamedReport(labels_required=strict_labels)
        with use_language(Language.EN) if english else nullcontext(), usable_input():
            sources = readable_sources(given, unreadable) if given else input_sources(None)
            with followed(sources) as watched, FindingSpill() as spill, emitting(output) as out:
                findings = stream_validation(
                    watched, streamed, spill, rules, STATE.jobs, unreadable
                )
                for piece in stream_report(
                    fmt, findings, spill, streamed, width, color, language, strict
                ):
                    out(piece)
        if not for_machines(fmt):
            note(summary_line(streamed, strict))
        raise typer.Exit(EXIT_OK if streamed.passes(strict) else EXIT_FINDINGS)
    with use_language(Language.EN) if english else nullcontext(), usable_input():
        sources = readable_sources(given, unreadable) if given else input_sources(None)
        with followed(sources) as watched:
            report = validate_sources(watched, rules, STATE.jobs, unreadable, strict_labels)
        needs_prints = accepted is not None or write_baseline is not None or needs_fingerprints(fmt)
        prints = fingerprints(report.diagnostics, source_texts(sources)) if needs_prints else None
    if write_baseline is not None:
        assert prints is not None
        with writable():
            write_text_atomic(write_baseline, Baseline().to_text(report, prints))
        note(
            ngettext(
                "hankkeet: {count} finding accepted in {path}",
                "hankkeet: {count} findings accepted in {path}",
                len(report.diagnostics),
            ).format(count=len(report.diagnostics), path=write_baseline)
        )
        raise typer.Exit(EXIT_OK)
    if accepted is not None:
        assert prints is not None
        report, prints, left_out = accepted.apply(report, prints)
        if left_out:
            note(
                ngettext(
                    "hankkeet: {count} finding accepted in {path} is not shown",
                    "hankkeet: {count} findings accepted in {path} are not shown",
                    left_out,
                ).format(count=left_out, path=baseline)
            )
    if statistics:
        emit(render_statistics(rule_counts(report), fmt), output)
    else:
        emit(render_report(report, fmt, width, color, language, strict, prints), output)
    if not for_machines(fmt):
        note(summary_line(report, strict))
    raise typer.Exit(EXIT_OK if report.passes(strict) else EXIT_FINDINGS)


def readable_sources(paths: list[str], unreadable: list[Diagnostic]) -> list[Source]:
    """The sources of each path; a path that cannot be resolved becomes a finding."""
    sources: list[Source] = []
    for name in expand_paths(paths):
        try:
            sources.extend(resolve([name], sys.stdin.buffer, refresh=FETCHING.refresh))
        except UnreadableInput as exc:
            unreadable.append(unreadable_file(visible(name), from_config(exc, paths)))
    return sources
