"""`search`: find projects by words, knowing Finnish inflection, gradation and compounds."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from hankkeet.cli.common import (
    EXIT_FINDINGS,
    ActiveOpt,
    ContactOpt,
    PathsArg,
    ProgrammeOpt,
    RefreshOpt,
    Tally,
    app,
    build_filters,
    color_wanted,
    filters_text,
    input_sources,
    iter_projects,
    note,
    note_without_period,
    say_what_was_read,
    stop_when_nothing_read,
    terminal_width,
    usable_input,
)
from hankkeet.cli.config import configured_format, configured_paths
from hankkeet.cli.output import (
    ColumnsOpt,
    LimitOpt,
    ReverseOpt,
    choose_format,
    emitting,
    format_option,
    output_option,
    writable,
)
from hankkeet.flat import limited, parse_columns
from hankkeet.locale import N_, _
from hankkeet.query import Filters, Skipped, SortKey, filter_projects, sort_projects
from hankkeet.reading.sources import Source
from hankkeet.reading.text import clean_line, squash
from hankkeet.render.search import SearchFormat, stream_search
from hankkeet.render.search_data import SEARCH_COLUMNS

if TYPE_CHECKING:  # the search machinery loads only when the command runs
    from hankkeet.search import Results, SearchIndex


QueryArg = Annotated[
    str,
    typer.Argument(
        metavar="QUERY",
        help=N_(
            'Words that must all match; "quoted phrase" for words in a row. Any form of '
            "a word finds the others (rakennemuutos finds rakennemuutoksen), and a part of "
            "a compound finds the compound. Without ä/ö/å the query also matches them."
        ),
        show_default=False,
    ),
]
AnyOpt = Annotated[
    bool,
    typer.Option("--any", help=N_("Find projects that match any of the words, not all of them.")),
]
FieldsOpt = Annotated[
    str | None,
    typer.Option(
        "--in",
        metavar="FIELDS",
        help=N_(
            "Only search these fields, comma-separated: name,summary,funding,contacts,"
            "text (the project's own lines in its source: a page without a summary too)."
        ),
    ),
]
FormatOpt = Annotated[SearchFormat | None, format_option()]
SearchOutputOpt = Annotated[Path | None, output_option(SearchFormat)]
SortOpt = Annotated[
    SortKey | None,
    typer.Option(
        "--sort",
        show_default=False,
        help=N_("Order by this field instead of the best match first."),
    ),
]


@app.command("search")
def search_command(
    query: QueryArg,
    paths: PathsArg = None,
    refresh: RefreshOpt = False,
    match_any: AnyOpt = False,
    fields: FieldsOpt = None,
    active: ActiveOpt = None,
    programme: ProgrammeOpt = None,
    contact: ContactOpt = None,
    fmt: FormatOpt = None,
    output: SearchOutputOpt = None,
    columns: ColumnsOpt = None,
    limit: LimitOpt = None,
    reverse: ReverseOpt = False,
    sort: SortOpt = None,
) -> None:
    """Search projects, best matches first; exit 1 when nothing matches (like grep).

    Example: hankkeet search rakennemuutos --in name,summary
    """
    # The query is echoed (table title, JSON, the no-result note): control characters in it
    # must not reach a terminal, and a line break must not split the one-line message.
    query = squash(clean_line(query))
    fmt = choose_format(SearchFormat, fmt, output, configured_format(), SearchFormat.TABLE)
    with writable():
        picked = parse_columns(columns, SEARCH_COLUMNS) if columns else None
    tally = Tally()
    skipped = Skipped()
    with usable_input():
        index, own_text = _search_index(query, fields, match_any)
        filters = build_filters(active, programme, contact)
        sources = input_sources(configured_paths(paths))
        _index_projects(index, sources, filters, skipped, tally, own_text)
    stop_when_nothing_read(tally)
    results = _results(index, sort, reverse, limit)
    # The data first: a machine format stays valid even when the run then exits 1.
    # A table of nothing is left out (a note says so); a machine format is written even
    # empty, so that it stays valid.
    if results or fmt is not SearchFormat.TABLE:
        with emitting(output) as out:
            for piece in stream_search(
                query, results, fmt, terminal_width(), color_wanted(), picked
            ):
                out(piece)
    say_what_was_read(tally, index.total, filters_text(active, programme, contact))
    note_without_period(skipped.without_period)
    if not results:
        if fmt is SearchFormat.TABLE:
            note(_("hankkeet: no project matches '{query}'").format(query=query))
        raise typer.Exit(EXIT_FINDINGS)


def _search_index(query: str, fields: str | None, match_any: bool) -> tuple[SearchIndex, bool]:
    """An empty index for the query and the fields --in names; whether it searches each
    project's own text too. QueryError for an empty query or an unknown field."""
    # Imported here: loading the search machinery is the search command's cost, not every
    # command's (the cli package imports this module to register the command).
    from hankkeet.search import SearchField, SearchIndex, parse_fields, parse_query

    parsed = parse_query(query)
    searched = parse_fields(fields)
    return SearchIndex(parsed, searched, match_any), SearchField.TEXT in searched


def _index_projects(
    index: SearchIndex,
    sources: list[Source],
    filters: Filters,
    skipped: Skipped,
    tally: Tally,
    own_text: bool,
) -> None:
    """Match each project of the sources that passes the filters, one at a time (the index
    keeps only the ones found, and those compactly); with `own_text`, each project's own
    lines too."""
    projects = iter_projects(None, tally, sources)
    if not own_text:
        for project in filter_projects(projects, filters, skipped):
            index.add(project)
        return
    from hankkeet.reading.own_text import OwnText

    # Each project's own lines are read again from its source, in step with the projects:
    # one project's lines at a time (a project left out is skipped).
    own = OwnText(sources)
    for project in filter_projects(own.follow(projects), filters, skipped):
        index.add(project, own.lines(project))


def _results(index: SearchIndex, sort: SortKey | None, reverse: bool, limit: int | None) -> Results:
    """The results to show: best first, or by --sort; reversed and cut to --limit. Only
    these are made whole again, one at a time as they are rendered."""
    found = index.ranked()
    if sort is not None:
        found = sort_projects(found, sort, reverse)
    elif reverse:
        found.reverse()
    return index.results(limited(found, limit))
