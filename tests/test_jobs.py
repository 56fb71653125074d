"""Worker processes (jobs > 1) give the records and findings one process gives, in order.

The inputs hold what crosses the split between this process and the workers: ids claimed in
input order (a name repeated across batches gets '-2' and a duplicate-project finding),
file findings between projects (a heading, text before the first project), unknown labels
past the per-file limit of suggestions, and both languages of the messages.
"""

from __future__ import annotations

import sys
from collections.abc import Generator
from pathlib import Path
from typing import cast

import pytest

from conftest import ROOT, cli
from golden_cases import cases, key, load_expected
from hankkeet.diagnostics import Diagnostic
from hankkeet.library import read_projects
from hankkeet.locale import Language, use_language
from hankkeet.reading import workers
from hankkeet.reading.layouts.labelled import HINTS_PER_FILE
from hankkeet.reading.parser import ParsedProject

sys.path.insert(0, str(ROOT / "benchmarks"))
from generate import projects as generated  # the benchmark's generator

EXPECTED = load_expected()


def _text(count: int) -> str:
    """Generated projects, a repeated name every 37th, a heading every 50th, and an unknown
    label in every project (more of them than the file's suggestions)."""
    pieces: list[str] = []
    for n, piece in enumerate(generated(seed=11, limit=count)):
        if n and n % 37 == 0:
            piece = "Yhteinen nimi\n\n" + piece.split("\n", 1)[1]
        if n and n % 50 == 0:
            piece = "Päättyneet hankkeet\n\n" + piece
        letter = "ABCDEFG"[n % 7]
        pieces.append(piece.rstrip("\n") + f"\nToiminta aika {letter}: yksikkö {n}\n\n")
    return "".join(pieces)


def _dump(path: Path, jobs: int) -> list[str]:
    out: list[str] = []
    for item in read_projects([path], jobs=jobs):
        if isinstance(item, ParsedProject):
            out.append(item.project.model_dump_json())
            out.extend(repr(d) for d in item.diagnostics)
        else:
            out.append(repr(item))
    return out


@pytest.fixture
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    """Workers after 10 blocks, 7 blocks a task, few tasks ahead: many splits in a small text."""
    monkeypatch.setattr(workers, "WARM_UP", 10)
    monkeypatch.setattr(workers, "BATCH", 7)
    monkeypatch.setattr(workers, "AHEAD", 1)


@pytest.mark.usefixtures("small_batches")
@pytest.mark.parametrize("language", [Language.EN, Language.FI])
def test_workers_give_what_one_process_gives(tmp_path: Path, language: Language) -> None:
    """Byte for byte the same records and findings, in the same order."""
    path = tmp_path / "big.txt"
    path.write_text(_text(HINTS_PER_FILE + 60), encoding="utf-8")
    with use_language(language):
        alone = _dump(path, jobs=1)
        together = _dump(path, jobs=2)
    assert together == alone
    # The input did cross every seam the workers have:
    joined = "\n".join(alone)
    assert "DUPLICATE_PROJECT" in joined and "PREAMBLE" in joined
    assert joined.count("UNKNOWN_LABEL") > HINTS_PER_FILE
    assert 0 < joined.count("Toiminta-aika'?") <= HINTS_PER_FILE  # suggestions, then none


@pytest.mark.usefixtures("small_batches")
def test_files_after_files_keep_their_ids(tmp_path: Path) -> None:
    """Ids stay unique across files, as with one process (the second file repeats names)."""
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(_text(40), encoding="utf-8")
    second.write_text(_text(40), encoding="utf-8")

    def ids(jobs: int) -> list[str]:
        items = read_projects([first, second], jobs=jobs)
        return [i.project.id for i in items if isinstance(i, ParsedProject)]

    assert ids(2) == ids(1)
    assert any(i.endswith("-2") for i in ids(1))


@pytest.mark.usefixtures("small_batches")
def test_a_reader_that_stops_early_stops_the_workers(tmp_path: Path) -> None:
    """Taking a few projects and closing the stream ends cleanly (no hang, no error)."""
    path = tmp_path / "big.txt"
    path.write_text(_text(120), encoding="utf-8")
    stream = cast(Generator[ParsedProject | Diagnostic], read_projects([path], jobs=2))
    taken = [next(stream) for _ in range(30)]
    stream.close()
    assert len(taken) == 30


def test_a_small_input_starts_no_worker(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Fewer blocks than WARM_UP are read here: no process pool is made."""

    def no_pool(*args: object, **kwargs: object) -> None:
        raise AssertionError("a pool was started for a small input")

    monkeypatch.setattr(workers, "_in_workers", no_pool)
    path = tmp_path / "small.txt"
    path.write_text(_text(workers.WARM_UP - 50), encoding="utf-8")
    assert _dump(path, jobs=4) == _dump(path, jobs=1)


def test_cores_are_counted() -> None:
    """The default of --jobs is a positive number of cores."""
    assert workers.available_cores() >= 1


GOLDEN_INPUTS = ("tests/golden/generated.txt", "data/source.txt")


@pytest.mark.usefixtures("small_batches")
@pytest.mark.parametrize(
    "args",
    [a for a in cases() if a[-1] in GOLDEN_INPUTS],
    ids=lambda a: key(a) if isinstance(a, tuple) else str(a),
)
def test_the_command_line_with_jobs_gives_the_recorded_output(
    args: tuple[str, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every golden case of the whole inputs, run with --jobs 2 (workers after 10 projects):
    stdout, stderr and the exit code recorded from one process."""
    monkeypatch.chdir(ROOT)
    run = cli("--no-config", "--jobs", "2", *args)
    expected = EXPECTED[key(args)]
    assert (run.exit_code, run.stdout, run.stderr) == (
        expected["exit"],
        expected["stdout"],
        expected["stderr"],
    )


@pytest.mark.parametrize(("jobs", "why"), [("0", "no process at all"), ("x", "not a number")])
def test_a_bad_jobs_value_is_a_usage_error(jobs: str, why: str) -> None:
    """Exit 2 with a message naming the option, never a traceback."""
    run = cli("--jobs", jobs, "list")
    assert run.exit_code == 2, why
    assert "--jobs" in run.stderr and "Traceback" not in run.stderr, why
