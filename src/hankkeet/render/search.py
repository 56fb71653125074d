"""Search results as a table with highlighted snippets, or as JSON. Each returns a string."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from enum import StrEnum
from typing import TYPE_CHECKING, assert_never

from rich.text import Text

from hankkeet.encode import dumps
from hankkeet.locale import _, ngettext
from hankkeet.render.columns import render_columns_table
from hankkeet.render.layout import Column, draw_table, fit_table

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
    return name, Text(", ".join(result.fields)), excerpt


def _marked(text: Text) -> tuple[str, ...]:
    """The styled words of a highlighted Text, to style again after wrapping."""
    return tuple(dict.fromkeys(text.plain[s.start : s.end] for s in text.spans if s.end > s.start))


def search_title(results: list[SearchResult], query: str) -> str:
    """'3 projects: korona' in the active language."""
    return ngettext("{count} project: {query}", "{count} projects: {query}", len(results)).format(
        count=len(results), query=query
    )


def render_table(query: str, results: list[SearchResult], width: int, color: bool) -> str:
    """The result table (project, matched fields, a snippet with the matches) fitting the width."""
    rows = [result_row(r) for r in results]
    columns = [
        Column(
            _("Project"),
            tuple(r[0].plain for r in rows),
            marks=tuple(_marked(r[0]) for r in rows),
            mark_style=MATCH_STYLE,
        ),
        Column(_("Fields"), tuple(r[1].plain for r in rows)),
        Column(
            _("Excerpt"),
            tuple(r[2].plain for r in rows),
            marks=tuple(_marked(r[2]) for r in rows),
            mark_style=MATCH_STYLE,
        ),
    ]
    columns, widths, _taken = fit_table(columns, width)
    return draw_table(columns, widths, color, title=search_title(results, query))


def render_json(query: str, results: list[SearchResult]) -> str:
    """{"query", "results": [{"project", "score", "fields"}]}: the list record, exact numbers."""
    document = {
        "query": query,
        "results": [
            {"project": r.project.record(), "score": r.score, "fields": [str(f) for f in r.fields]}
            for r in results
        ],
    }
    return dumps(document, indent=2) + "\n"


def render_search(
    query: str,
    results: list[SearchResult],
    fmt: SearchFormat,
    width: int = 100,
    color: bool = False,
    columns: Sequence[str] | None = None,
) -> str:
    """The results in the chosen format; with `columns`, the table is a plain table of the
    projects found (best first) in those columns, leaving out score and fields."""
    from hankkeet.render import search_data

    match fmt:
        case SearchFormat.TABLE if columns is not None:
            return render_columns_table(
                [r.project for r in results],
                [c for c in columns if c not in ("score", "fields")],
                width,
                color,
            )
        case SearchFormat.TABLE:
            return render_table(query, results, width, color)
        case SearchFormat.JSON:
            return render_json(query, results)
        case SearchFormat.JSONL:
            return search_data.render_jsonl(results, columns)
        case SearchFormat.CSV:
            return search_data.render_csv(results, columns)
        case _:
            assert_never(fmt)
