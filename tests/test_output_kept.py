"""-o FILE is replaced only when the run succeeds (issue 27, defect 4).

A run that fails, whether nothing held a project (exit 1) or an input could not be read
(exit 2) after rows were already on their way, leaves an existing file byte for byte as it
was, in every format. A run that succeeds with an empty answer still writes it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import FIXTURES, SEED, cli

PAGE = FIXTURES / "hostile" / "preamble-only.txt"  # prose, no project description
OLD = b"the file from an earlier run\n"

# (arguments, output file name, exit code, why); {page}, {nul}, {seed} and {dir} are filled
# in, and -o FILE is added.
FAILED: list[tuple[str, str, int, str]] = [
    ("list {page}", "keep.json", 1, "the issue's example, as JSON"),
    ("list {page}", "keep.jsonl", 1, "JSON Lines, streamed row by row"),
    ("list {page}", "keep.csv", 1, "CSV, streamed"),
    ("list {page}", "keep.md", 1, "Markdown"),
    ("list {page}", "keep.xlsx", 1, "Excel"),
    ("list {page}", "keep.db", 1, "the issue's example: SQLite"),
    ("list --sort name {page}", "keep-sorted.jsonl", 1, "streamed through the sort spill"),
    ("search hanke {page}", "keep-search.json", 1, "search, JSON"),
    ("search hanke {page}", "keep-search.csv", 1, "search, CSV"),
    ("totals {page}", "keep-totals.json", 1, "totals, JSON"),
    ("totals {page}", "keep-totals.csv", 1, "totals, CSV"),
    ("totals {page}", "keep-totals.md", 1, "totals, Markdown"),
    ("totals {page}", "keep-totals.xlsx", 1, "totals, Excel"),
    ("list {seed} {nul}", "rows.jsonl", 2, "rows of the first input written, then a NUL file"),
    ("list {seed} {nul}", "rows.csv", 2, "CSV rows written, then a NUL file"),
    ("list {seed} {nul}", "rows.json", 2, "JSON, then a NUL file"),
    ("list {seed} {nul}", "rows.db", 2, "SQLite, then a NUL file"),
    ("list {seed} {nul}", "rows.xlsx", 2, "Excel, then a NUL file"),
    ("search hanke {seed} {nul}", "found.json", 2, "search, then a NUL file"),
    ("totals {seed} {nul}", "sums.json", 2, "totals, then a NUL file"),
    ("diff {seed} {nul}", "changes.json", 2, "diff of a version that cannot be read"),
    ("validate --select no-such-rule {seed}", "report.sarif", 2, "validate: a usage error"),
    (
        "validate --baseline {dir}/missing.json {seed}",
        "report.json",
        2,
        "validate: a baseline that is not there",
    ),
]


def _run(template: str, output: Path, folder: Path) -> int:
    nul = folder / "nul.txt"
    nul.write_bytes(b"Hanke\x00\n")
    args = template.format(page=PAGE, nul=nul, seed=SEED, dir=folder).split()
    return cli(*args, "-o", str(output)).exit_code


def test_cases_are_unique() -> None:
    assert len({c[3] for c in FAILED}) == len(FAILED)
    assert len({(c[0], c[1]) for c in FAILED}) == len(FAILED)


@pytest.mark.parametrize(("args", "name", "code", "why"), FAILED, ids=[c[3] for c in FAILED])
def test_a_failed_run_leaves_the_file_as_it_was(
    tmp_path: Path, args: str, name: str, code: int, why: str
) -> None:
    output = tmp_path / name
    output.write_bytes(OLD)
    output.chmod(0o640)
    assert _run(args, output, tmp_path) == code, why
    assert output.read_bytes() == OLD, why
    assert output.stat().st_mode & 0o777 == 0o640, why
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([name, "nul.txt"]), (
        "no temporary file left behind",
        why,
    )


# (arguments, output file name, exit code, what the file holds, why)
SUCCEEDED: list[tuple[str, str, int, str, str]] = [
    ("list --active 1990 {seed}", "none.json", 0, "[]", "a filter that matches nothing"),
    ("list --active 1990 {seed}", "none.jsonl", 0, "", "JSON Lines of nothing"),
    ("list --active 1990 {seed}", "none.csv", 0, "id,name", "a CSV header and no row"),
    ("validate {page}", "report.json", 1, '"no-projects"', "validate's findings are its answer"),
]


@pytest.mark.parametrize(
    ("args", "name", "code", "holds", "why"), SUCCEEDED, ids=[c[4] for c in SUCCEEDED]
)
def test_an_empty_answer_is_still_written(
    tmp_path: Path, args: str, name: str, code: int, holds: str, why: str
) -> None:
    output = tmp_path / name
    output.write_bytes(OLD)
    assert _run(args, output, tmp_path) == code, why
    written = output.read_text(encoding="utf-8")
    assert written != OLD.decode() and holds in written, why
    if name.endswith(".json"):
        json.loads(written)
