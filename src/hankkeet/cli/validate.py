"""`validate`: check the data and report every finding, for people and for CI."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from hankkeet.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    FETCHING,
    STATE,
    PathsArg,
    RefreshOpt,
    app,
    color_wanted,
    fail,
    followed,
    from_config,
    input_sources,
    note,
    said,
    terminal_width,
    usable_input,
    write,
)
from hankkeet.cli.config import configured_format, configured_paths
from hankkeet.cli.output import choose_format, emit, emitting, output_option, writable
from hankkeet.diagnostics import RULES, Code, Diagnostic, Report
from hankkeet.export.output import write_text_atomic
from hankkeet.locale import N_, Language, _, current_language, ngettext
from hankkeet.reading.sources import Source, expand_paths, resolve
from hankkeet.reading.text import UnreadableInput, visible
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

# A baseline, fingerprints and counts of findings (hankkeet.ci, render.statistics) are
# imported by the steps that need them: a report streamed as it comes needs none of them.
if TYPE_CHECKING:
    from hankkeet.ci import Baseline

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


FormatOpt = Annotated[
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
]
StrictOpt = Annotated[
    bool, typer.Option("--strict", help=N_("Warnings fail the run too (exit 1)."))
]
StrictLabelsOpt = Annotated[
    bool,
    typer.Option(
        "--strict-labels",
        help=N_(
            "A value read from a sentence (prose-fact, prose-only) fails "
            "the run too (exit 1): labelled fields are required."
        ),
    ),
]
ListRulesOpt = Annotated[
    bool,
    typer.Option(
        "--list-rules", help=N_("List every rule code with its severity and title, and exit.")
    ),
]
ExplainOpt = Annotated[
    str | None,
    typer.Option("--explain", metavar="CODE", help=N_("Explain one rule, and exit.")),
]
StatisticsOpt = Annotated[
    bool,
    typer.Option("--statistics", help=N_("Count the findings per rule instead of listing them.")),
]
BaselineOpt = Annotated[
    Path | None,
    typer.Option(
        "--baseline",
        metavar="FILE",
        dir_okay=False,
        help=N_("Leave out the findings accepted in FILE (until the text around them changes)."),
    ),
]
WriteBaselineOpt = Annotated[
    Path | None,
    typer.Option(
        "--write-baseline",
        metavar="FILE",
        dir_okay=False,
        help=N_("Accept every current finding: write them to FILE for --baseline, exit 0."),
    ),
]
ValidateOutputOpt = Annotated[Path | None, output_option(ValidateFormat)]


@app.command("validate")
def validate_command(
    paths: PathsArg = None,
    refresh: RefreshOpt = False,
    fmt: FormatOpt = None,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    strict: StrictOpt = False,
    strict_labels: StrictLabelsOpt = False,
    list_rules: ListRulesOpt = False,
    explain: ExplainOpt = None,
    statistics: StatisticsOpt = False,
    baseline: BaselineOpt = None,
    write_baseline: WriteBaselineOpt = None,
    output: ValidateOutputOpt = None,
) -> None:
    """Check the data: unreadable values, missing fields, sums that do not add up.

    Exit 0 when there is no error (warnings allowed), 1 when there is an error (or a
    warning under --strict; an unreadable input is an error too), 2 for a usage error.

    Example: hankkeet validate --format sarif -o hankkeet.sarif data/
    """
    fmt = _chosen_format(fmt, output, statistics)
    strict = strict or bool(STATE.config.strict)
    if _answered_about_rules(fmt, list_rules, explain):
        return
    rules = _rule_selection(select, ignore)
    accepted = None if baseline is None else _read_baseline(baseline)
    given = configured_paths(paths)
    # Programs read English messages; people the run's language. (The findings are values:
    # the language is chosen here, where they are written, and nowhere else.)
    language = Language.EN if for_machines(fmt) else current_language()
    keeps = accepted is not None or write_baseline is not None
    if not holds_findings(
        baseline=keeps, statistics=statistics, fingerprints=needs_fingerprints(fmt)
    ):
        # Neither the projects nor the findings are held: each file's findings go to a
        # temporary file and come back from it in line order to be written.
        streamed = _streamed(given, fmt, rules, strict, strict_labels, language, output)
        _exit_for(streamed, fmt, strict)
    report, prints = _held_report(given, rules, strict_labels, keeps or needs_fingerprints(fmt))
    if write_baseline is not None:
        assert prints is not None
        _write_baseline(write_baseline, report, prints)
    if accepted is not None:
        assert prints is not None and baseline is not None
        report, prints = _apply_baseline(accepted, baseline, report, prints)
    if statistics:
        from hankkeet.ci import rule_counts
        from hankkeet.render.statistics import render_statistics

        emit(render_statistics(rule_counts(report), fmt), output)
    else:
        width, color = terminal_width(), color_wanted()
        emit(render_report(report, fmt, width, color, language, strict, prints), output)
    _exit_for(report, fmt, strict)


def _answered_about_rules(fmt: ValidateFormat, list_rules: bool, explain: str | None) -> bool:
    """With --list-rules or --explain, write the rules or the one rule; whether it did."""
    width, color = terminal_width(), color_wanted()
    if list_rules:
        write(render_rules(fmt, width, color))
        return True
    if explain is not None:
        write(render_explanation(RULES[_explained(explain)], fmt, width, color))
        return True
    return False


def _held_report(
    given: list[str] | None, rules: RuleSelection, strict_labels: bool, needs_prints: bool
) -> tuple[Report, list[str] | None]:
    """Validate holding every finding; with `needs_prints`, each finding's fingerprint too
    (from the text around it: a baseline or SARIF needs them)."""
    from hankkeet.ci import fingerprints, source_texts

    with usable_input():
        unreadable: list[Diagnostic] = []
        sources = readable_sources(given, unreadable) if given else input_sources(None)
        with followed(sources) as watched:
            report = validate_sources(watched, rules, STATE.jobs, unreadable, strict_labels)
        prints = fingerprints(report.diagnostics, source_texts(sources)) if needs_prints else None
    return report, prints


def _exit_for(report: Report, fmt: ValidateFormat, strict: bool) -> NoReturn:
    """Say the summary to a person (not beside a machine format) and exit 0 when the report
    passes, else 1."""
    if not for_machines(fmt):
        note(summary_line(report, strict))
    raise typer.Exit(EXIT_OK if report.passes(strict) else EXIT_FINDINGS)


def _chosen_format(
    fmt: ValidateFormat | None, output: Path | None, statistics: bool
) -> ValidateFormat:
    """The format typed, else the one the output's name or the configuration says, else
    text; usage error for --statistics in a format that holds findings, not counts."""
    configured = configured_format()
    if statistics and configured in (ValidateFormat.SARIF, ValidateFormat.GITHUB):
        # A configured format is a default: one that --statistics has no form for is passed
        # over, as a command passes over a format it does not have; a typed one is refused.
        configured = None
    chosen = choose_format(ValidateFormat, fmt, output, configured, ValidateFormat.TEXT)
    if statistics and chosen in (ValidateFormat.SARIF, ValidateFormat.GITHUB):
        # SARIF and annotations hold findings, not counts: say so rather than write text.
        fail(
            _(
                "--statistics writes text or json, not {name}; add --format text or --format json"
            ).format(name=chosen.value)
        )
    return chosen


def _explained(explain: str) -> Code:
    """The one rule --explain names; usage error for another code or more than one."""
    try:
        codes = parse_codes([explain], "--explain")
    except UnknownRule as exc:
        fail(exc)
    if len(codes) != 1:
        fail(_("--explain takes one rule code, as in --explain funding-sum-mismatch"))
    return next(iter(codes))


def _rule_selection(select: list[str] | None, ignore: list[str] | None) -> RuleSelection:
    """The rules to report, from --select and --ignore, else from the configuration."""
    config = STATE.config
    try:
        return RuleSelection.from_options(
            select or list(config.select), ignore or list(config.ignore)
        )
    except UnknownRule as exc:
        fail(
            _("{problem} (in {config})").format(problem=said(exc), config=config.source)
            if not (select or ignore) and config.source
            else exc
        )


def _read_baseline(path: Path) -> Baseline:
    """The findings a baseline file accepts; usage error when it cannot be read or is none."""
    from hankkeet.ci import Baseline, BaselineError

    try:
        return Baseline.from_text(path.read_text(encoding="utf-8"))
    except OSError as exc:
        fail(
            _("cannot read the baseline {path}: {problem}").format(
                path=path, problem=exc.strerror or exc
            )
        )
    except BaselineError as exc:
        fail(f"{path}: {said(exc)}")


def _streamed(
    given: list[str] | None,
    fmt: ValidateFormat,
    rules: RuleSelection,
    strict: bool,
    strict_labels: bool,
    language: Language,
    output: Path | None,
) -> StreamedReport:
    """Validate and write the report as the findings come, holding none of them."""
    streamed = StreamedReport(labels_required=strict_labels)
    width, color = terminal_width(), color_wanted()
    with usable_input():
        unreadable: list[Diagnostic] = []
        sources = readable_sources(given, unreadable) if given else input_sources(None)
        with followed(sources) as watched, FindingSpill() as spill, emitting(output) as out:
            findings = stream_validation(watched, streamed, spill, rules, STATE.jobs, unreadable)
            for piece in stream_report(
                fmt, findings, spill, streamed, width, color, language, strict
            ):
                out(piece)
    return streamed


def _write_baseline(path: Path, report: Report, prints: list[str]) -> NoReturn:
    """Accept every finding: write them to the baseline file, say how many, exit 0."""
    from hankkeet.ci import Baseline

    with writable():
        write_text_atomic(path, Baseline().to_text(report, prints))
    count = len(report.diagnostics)
    note(
        ngettext(
            "hankkeet: {count} finding accepted in {path}",
            "hankkeet: {count} findings accepted in {path}",
            count,
        ).format(count=count, path=path)
    )
    raise typer.Exit(EXIT_OK)


def _apply_baseline(
    accepted: Baseline, path: Path, report: Report, prints: list[str]
) -> tuple[Report, list[str]]:
    """The report without the findings the baseline accepts (said how many, when any)."""
    report, prints, left_out = accepted.apply(report, prints)
    if left_out:
        note(
            ngettext(
                "hankkeet: {count} finding accepted in {path} is not shown",
                "hankkeet: {count} findings accepted in {path} are not shown",
                left_out,
            ).format(count=left_out, path=path)
        )
    return report, prints


def readable_sources(paths: list[str], unreadable: list[Diagnostic]) -> list[Source]:
    """The sources of each path; a path that cannot be resolved becomes a finding."""
    sources: list[Source] = []
    for name in expand_paths(paths):
        try:
            sources.extend(resolve([name], sys.stdin.buffer, refresh=FETCHING.refresh))
        except UnreadableInput as exc:
            unreadable.append(unreadable_file(visible(name), from_config(exc, paths)))
    return sources
