"""Search results as JSON Lines and CSV: one result a line or row, the score and fields first."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from hankkeet.encode import dumps
from hankkeet.flat import COLUMNS, flat_row
from hankkeet.render.spreadsheet import render_rows

if TYPE_CHECKING:
    from hankkeet.search import SearchResult

SEARCH_COLUMNS = ("score", "fields", *COLUMNS)


def result_record(result: SearchResult) -> dict[str, Any]:
    """{"project", "score", "fields"}: the shape of one JSON result."""
    return {
        "project": result.project.record(),
        "score": result.score,
        "fields": [str(f) for f in result.fields],
    }


def result_row(result: SearchResult) -> dict[str, Any]:
    """One result as flat cells: score (4 decimals), the fields that matched, the project."""
    fields = ",".join(str(f) for f in result.fields)
    return {
        "score": Decimal(str(round(result.score, 4))),
        "fields": fields,
        **flat_row(result.project),
    }


def chosen_record(result: SearchResult, columns: Sequence[str] | None) -> dict[str, Any]:
    """The JSON result, or (with --columns) the flat cells of the chosen columns."""
    if columns is None:
        return result_record(result)
    row = result_row(result)
    return {c: row.get(c) for c in columns}


def stream_jsonl(
    results: Iterable[SearchResult], columns: Sequence[str] | None = None
) -> Iterator[str]:
    """One result a line: the JSON result, or flat cells of the chosen columns."""
    for r in results:
        yield dumps(chosen_record(r, columns)) + "\n"


def render_jsonl(results: Iterable[SearchResult], columns: Sequence[str] | None = None) -> str:
    """stream_jsonl's lines as one text."""
    return "".join(stream_jsonl(results, columns))


def render_csv(
    results: Sequence[SearchResult], columns: Sequence[str] | None = None, excel: bool = False
) -> str:
    """A CSV row a result (header only when nothing matched)."""
    chosen = list(columns or SEARCH_COLUMNS)
    return render_rows(chosen, [result_row(r) for r in results], excel=excel)
