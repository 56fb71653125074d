"""`link`: which records, read from different sources, describe one project."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from hankkeet.cli.common import (
    EXIT_FINDINGS,
    PathsArg,
    Tally,
    app,
    color_wanted,
    input_sources,
    iter_projects,
    note,
    say_what_was_read,
    stop_when_nothing_read,
    terminal_width,
    usable_input,
)
from hankkeet.cli.config import configured_format, configured_paths
from hankkeet.cli.output import choose_format, emit, format_option, output_option
from hankkeet.locale import _, ngettext
from hankkeet.render.link import LinkFormat, render_link

if TYPE_CHECKING:
    from hankkeet.diagnostics import Diagnostic
    from hankkeet.link import Merged
    from hankkeet.models import Project
    from hankkeet.reading.sources import Source


@app.command("link")
def link_command(
    paths: PathsArg = None,
    fmt: Annotated[LinkFormat | None, format_option()] = None,
    output: Annotated[Path | None, output_option(LinkFormat)] = None,
) -> None:
    """List groups of records that describe one project, with the evidence of each.

    A group is 'match' (one project: a shared register code, or names, period, programme,
    budget and municipality that agree), 'probable' (probably one project), or 'review'
    (alike names, but the period, fund, municipality or a follow-up numeral disagrees: a
    person decides). Exit 1 when no group is found.

    Example: hankkeet link sivut/ eura.txt uutiset/
    """
    from hankkeet.link import link, raw_lines

    fmt = choose_format(LinkFormat, fmt, output, configured_format(), LinkFormat.TABLE)
    tally = Tally()
    with usable_input():
        sources = input_sources(configured_paths(paths))
        projects = list(iter_projects(None, tally, sources))
        lines = raw_lines(projects, sources)
    stop_when_nothing_read(tally)
    linkage = link(projects, lines)
    if linkage.groups or fmt is not LinkFormat.TABLE:
        emit(render_link(linkage, fmt, terminal_width(), color_wanted()), output)
    say_what_was_read(tally, len(projects))
    if not linkage.groups:
        note(_("no two records describe the same project"))
        raise typer.Exit(EXIT_FINDINGS)
    note(
        ngettext(
            "{count} pair of records compared (not all pairs: by code, name and place)",
            "{count} pairs of records compared (not all pairs: by code, name and place)",
            linkage.compared,
        ).format(count=linkage.compared)
    )


def merged_projects(sources: list[Source], projects: list[Project]) -> tuple[list[Project], Merged]:
    """The projects of several sources with each match group made one record, and what
    the merging found; notes on stderr say how many groups were counted once, and how
    many probable and review groups were left as they are."""
    from hankkeet.cli.common import STATE
    from hankkeet.link import Status, link, merge, raw_lines

    linkage = link(projects, raw_lines(projects, sources))
    merged = merge(projects, linkage, STATE.config.trust)
    if merged.counted_once:
        note(
            ngettext(
                "{count} project is described by more than one source and is counted "
                "once; '--no-merge' counts each record",
                "{count} projects are described by more than one source and are counted "
                "once; '--no-merge' counts each record",
                merged.counted_once,
            ).format(count=merged.counted_once)
        )
    unsure = len(linkage.of_status(Status.PROBABLE)) + len(linkage.of_status(Status.REVIEW))
    if unsure:
        note(
            ngettext(
                "{count} group of records may describe one project and is counted as "
                "found; 'hankkeet link' shows it",
                "{count} groups of records may describe one project and are counted as "
                "found; 'hankkeet link' shows them",
                unsure,
            ).format(count=unsure)
        )
    return merged.projects, merged


def read_merged(paths: list[str] | None, tally: Tally) -> tuple[list[Project], list[Diagnostic]]:
    """The projects of PATH... with each match group made one record (`--merge` of list
    and show), and the sources-disagree findings; from one source, the projects as read."""
    with usable_input():
        sources = input_sources(paths)
        projects = list(iter_projects(None, tally, sources))
    if len(sources) < 2:
        return projects, []
    merged, found = merged_projects(sources, projects)
    return merged, found.findings
