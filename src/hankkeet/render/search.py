"""Search results as a table with highlighted snippets, or as JSON. Each returns a string."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from enum import StrEnum
from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text

from hankkeet.encode import dumps
from hankkeet.render.table import to_text

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


def search_table(results: list[SearchResult], query: str) -> Table:
    """The result table: project, matched fields, and a short snippet with the matches."""
    count = "1 hanke" if len(results) == 1 else f"{len(results)} hanketta"
    table = Table(title=Text(f"{count}: {query}"), expand=False)
    table.add_column("Hanke", overflow="fold", ratio=2)
    table.add_column("Kentät", overflow="fold")
    table.add_column("Ote", overflow="fold", ratio=4)
    for result in results:
        table.add_row(*result_row(result))
    return table


def render_table(query: str, results: list[SearchResult], width: int, color: bool) -> str:
    """The table as text at a width, coloured or not."""
    return to_text(search_table(results, query), width, color)


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
    """The results in the chosen format."""
    from hankkeet.render import search_data

    if fmt is SearchFormat.JSON:
        return render_json(query, results)
    if fmt is SearchFormat.JSONL:
        return search_data.render_jsonl(results, columns)
    if fmt is SearchFormat.CSV:
        return search_data.render_csv(results, columns)
    return render_table(query, results, width, color)
