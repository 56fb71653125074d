"""Streamed output: the rows in source order, and the sorted rows from the spill file."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

import pytest

from conftest import SEED, cli
from hankkeet.cli.records import stream_list
from hankkeet.models import Project
from hankkeet.query import (
    Filters,
    Matched,
    SortKey,
    ordered_rows,
    parse_active,
    select,
    sort_projects,
)
from hankkeet.reading.parser import parse_text
from hankkeet.render import ListFormat
from hankkeet.render.records import row_writer

SOURCE_IDS = [p.project.id for p in parse_text(SEED.read_text(encoding="utf-8")).projects]

CASES = [
    # (arguments, expected ids, why)
    ((), SOURCE_IDS, "no --sort: the input's order, the default"),
    (("--reverse",), SOURCE_IDS[::-1], "the default order reversed"),
    (("--limit", "3"), SOURCE_IDS[:3], "the first three read, by default"),
    (("--sort", "source"), SOURCE_IDS, "the input's order, written as read"),
    (("--sort", "source", "--reverse"), SOURCE_IDS[::-1], "the opposite order"),
    (("--sort", "source", "--limit", "2"), SOURCE_IDS[:2], "the first two read"),
    (("--sort", "source", "--limit", "0"), [], "no row, a valid empty output"),
]


@pytest.mark.parametrize(("args", "ids", "why"), CASES, ids=[c[2] for c in CASES])
def test_jsonl_and_csv_rows_in_source_order(
    args: tuple[str, ...], ids: list[str], why: str
) -> None:
    """JSON Lines and CSV hold the same ids in the expected order."""
    lines = cli("list", "--format", "jsonl", *args, str(SEED)).stdout.splitlines()
    assert [json.loads(line)["id"] for line in lines] == ids, why
    rows = list(
        csv.DictReader(io.StringIO(cli("list", "--format", "csv", *args, str(SEED)).stdout))
    )
    assert [row["id"] for row in rows] == ids, why


def test_sorted_stream_matches_the_held_table() -> None:
    """--sort budget through the spill file gives the order the JSON array has."""
    held = [
        p["id"]
        for p in json.loads(cli("list", "--format", "json", "--sort", "budget", str(SEED)).stdout)
    ]
    lines = cli("list", "--format", "jsonl", "--sort", "budget", str(SEED)).stdout
    assert [json.loads(line)["id"] for line in lines.splitlines()] == held


class Recorder(io.StringIO):
    """Standard output that notes how many projects had been read at each write."""

    def __init__(self, count: list[int]) -> None:
        super().__init__()
        self.count = count
        self.seen: list[int] = []

    def write(self, text: str) -> int:
        self.seen.append(self.count[0])
        return super().write(text)


@pytest.mark.parametrize("fmt", [ListFormat.JSONL, ListFormat.CSV])
def test_the_default_order_writes_each_row_before_the_next_is_read(
    fmt: ListFormat, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In source order nothing is held: row n is out before project n + 1 is read."""
    projects = [p.project for p in parse_text(SEED.read_text(encoding="utf-8")).projects]
    read = [0]

    def reading() -> Iterator[Project]:
        for project in projects:
            read[0] += 1
            yield project

    out = Recorder(read)
    monkeypatch.setattr("sys.stdout", out)
    shown, _ = stream_list(
        reading(), Filters(), SortKey.SOURCE, False, None, row_writer(fmt, False, None), None
    )
    assert shown == len(projects)
    rows = out.seen[-len(projects) :]  # after the CSV header
    assert rows == list(range(1, len(projects) + 1))


# (sort, reverse, limit, filters, why): the library's ordered rows against sorting in memory
ORDERS = [
    (SortKey.SOURCE, False, None, Filters(), "as read"),
    (SortKey.SOURCE, True, None, Filters(), "as read, reversed (spilled)"),
    (SortKey.BUDGET, False, None, Filters(), "by budget"),
    (SortKey.START, True, 2, Filters(), "by start, reversed, two"),
    (SortKey.NAME, False, 0, Filters(), "none"),
    (SortKey.SOURCE, False, 1, Filters(programme="EAKR"), "one, filtered"),
    (SortKey.END, False, None, Filters(active=parse_active("2022")), "--active 2022 by end"),
]


@pytest.mark.parametrize(
    ("sort", "reverse", "limit", "filters", "why"), ORDERS, ids=[o[4] for o in ORDERS]
)
def test_ordered_rows_are_the_rows_sorted_in_memory(
    sort: SortKey, reverse: bool, limit: int | None, filters: Filters, why: str
) -> None:
    projects = [p.project for p in parse_text(SEED.read_text(encoding="utf-8")).projects]
    counted = Matched()
    rows = list(
        ordered_rows(projects, filters, sort, reverse, limit, lambda p: p.id + "\n", counted)
    )
    selection = select(projects, filters)
    expected = sort_projects(selection.projects, sort, reverse)
    expected = expected if limit is None else expected[:limit]
    assert rows == [p.id + "\n" for p in expected], why
    assert (counted.kept, counted.without_period) == (
        len(selection.projects),
        selection.without_period,
    ), why
    assert counted.kept, f"{why}: the filters keep a project"
