"""Streamed output: the rows in source order, and the sorted rows from the spill file."""

from __future__ import annotations

import csv
import io
import json

import pytest

from conftest import SEED, cli
from hankkeet.reading.parser import parse_text

SOURCE_IDS = [p.project.id for p in parse_text(SEED.read_text(encoding="utf-8")).projects]

CASES = [
    # (arguments, expected ids, why)
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
