"""Search results as a table with highlighted snippets, or as JSON. Each returns a string."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from enum import StrEnum
from typing import TYPE_CHECKING, assert_never

from rich.text import Text

from hankkeet.encode import dumps, dumps_nested
from hankkeet.locale import _, ngettext
from hankkeet.render.columns import render_columns_table
from hankkeet.render.draw import draw_table
from hankkeet.render.fields import field_label
from hankkeet.render.layout import Column, fit_table

if TYPE_CHECKING:
    # Only for types: the search module loads when a search runs, so `list` never pays for it.
    from hankkeet.search import SearchResult

# How a match stands out; bold too, so it shows even where colours are off.
MATCH_STYLE = "bold red"


class SearchFormat(StrEnum):
    """Formats `search` can write."""

    TABLE = "table"
    JSON = "json"
    JSONL = "jsonl"
    CSV = "csv"


def highlighted(text: str, spans: Iterable[tuple[int, int]]) -> Text:
    """User text as a Text (never markup) with the matched spans styled."""
    out = Text(text)
    for start, end in spans:
        out.stylize(MATCH_STYLE, start, end)
    return out


def result_row(result: SearchResult) -> tuple[Text, Text, Text]:
    """The cells of one result: the name, the fields that matched, and a snippet."""
    from hankkeet.search import SearchField, snippet

    # The searched text of the name (NFC) is what the spans count in.
    name_text = result.texts.get(SearchField.NAME, result.project.name)
    name = highlighted(name_text, result.spans(SearchField.NAME))
    piece = snippet(result)
    excerpt = highlighted(piece.text, piece.spans) if piece else Text("")
    return name, Text(", ".join(field_label(f) for f in result.fields)), excerpt


def _marked(text: Text) -> tuple[str, ...]:
    """The styled words of a highlighted Text, to style again after wrapping."""
    return tuple(dict.fromkeys(text.plain[s.start : s.end] for s in text.spans if s.end > s.start))


def search_title(results: Sequence[SearchResult], query: str) -> str:
    """'3 projects: korona' in the active language."""
    return ngettext("{count} project: {query}", "{count} projects: {query}", len(results)).format(
        count=len(results), query=query
    )


def render_table(query: str, results: Sequence[SearchResult], width: int, color: bool) -> str:
    """The result table (project, matched fields, a snippet with the matches) fitting the width."""
    # Each row's cells as plain text and marked words as soon as it is made: Rich Texts for
    # thousands of rows would weigh more than the cells (and each result is made whole from
    # the search index only while its row is made).
    names: list[str] = []
    name_marks: list[tuple[str, ...]] = []
    matched: list[str] = []
    excerpts: list[str] = []
    excerpt_marks: list[tuple[str, ...]] = []
    for result in results:
        name, fields, excerpt = result_row(result)
        names.append(name.plain)
        name_marks.append(_marked(name))
        matched.append(fields.plain)
        excerpts.append(excerpt.plain)
        excerpt_marks.append(_marked(excerpt))
    columns = [
        Column(_("Project"), tuple(names), marks=tuple(name_marks), mark_style=MATCH_STYLE),
        Column(_("Fields"), tuple(matched)),
        Column(_("Excerpt"), tuple(excerpts), marks=tuple(excerpt_marks), mark_style=MATCH_STYLE),
    ]
    columns, widths, _taken = fit_table(columns, width)
    return draw_table(columns, widths, color, title=search_title(results, query))


def stream_json(
    query: str, results: Iterable[SearchResult], columns: Sequence[str] | None = None
) -> Iterator[str]:
    """render_json's text in pieces, a result at a time (its record a dict only meanwhile);
    with `columns`, each result is the flat cells of those columns, as in JSON Lines."""
    from hankkeet.render.search_data import chosen_record

    yield dumps({"query": query}, indent=2)[: -len("\n}")] + ',\n  "results": ['
    first = True
    for result in results:
        yield ("\n    " if first else ",\n    ") + dumps_nested(
            chosen_record(result, columns), 2, 2
        )
        first = False
    yield "]\n}\n" if first else "\n  ]\n}\n"


def render_json(query: str, results: Iterable[SearchResult]) -> str:
    """{"query", "results": [{"project", "score", "fields"}]}: the list record, exact numbers."""
    return "".join(stream_json(query, results))


def stream_search(
    query: str,
    results: Sequence[SearchResult],
    fmt: SearchFormat,
    width: int = 100,
    color: bool = False,
    columns: Sequence[str] | None = None,
) -> Iterator[str]:
    """render_search's text in pieces: JSON and JSON Lines a result at a time, so that a
    long list of results is never one string (nor one list of records); a table and CSV
    whole, as their column widths and quoting need every row."""
    from hankkeet.render import search_data

    match fmt:
        case SearchFormat.TABLE if columns is not None:
            yield render_columns_table(
                [r.project for r in results],
                [c for c in columns if c not in ("score", "fields")],
                width,
                color,
            )
        case SearchFormat.TABLE:
            yield render_table(query, results, width, color)
        case SearchFormat.JSON:
            yield from stream_json(query, results, columns)
        case SearchFormat.JSONL:
            yield from search_data.stream_jsonl(results, columns)
        case SearchFormat.CSV:
            yield search_data.render_csv(results, columns)
        case _:
            assert_never(fmt)


def render_search(
    query: str,
    results: Sequence[SearchResult],
    fmt: SearchFormat,
    width: int = 100,
    color: bool = False,
    columns: Sequence[str] | None = None,
) -> str:
    """The results in the chosen format; with `columns`, the table is a plain table of the
    projects found (best first) in those columns, leaving out score and fields."""
    return "".join(stream_search(query, results, fmt, width, color, columns))
