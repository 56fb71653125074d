"""Worker processes (jobs > 1) give the records and findings one process gives, in order.

The text is cut into parts at project boundaries and each part is read by a worker. The
inputs hold what crosses a cut: ids claimed in input order (a name repeated across parts
gets '-2' and a duplicate-project finding), file findings between projects (a heading,
text before the first project), unknown labels past the per-file limit of suggestions, a
cut where one pass does not start a project (the title is the text of an empty field), the
three kinds of line break, and both languages of the messages.
"""

from __future__ import annotations

import sys
from collections.abc import Generator
from pathlib import Path
from typing import cast

import pytest

from conftest import ROOT, cli
from golden_cases import cases, key, load_expected
from hankkeet.checks import check_project
from hankkeet.diagnostics import Diagnostic
from hankkeet.library import available_cores, read_projects
from hankkeet.locale import Language, use_language
from hankkeet.reading import workers
from hankkeet.reading.layouts.labelled import HINTS_PER_FILE
from hankkeet.reading.parser import ParsedProject, parse_source
from hankkeet.reading.sources import Source
from hankkeet.reading.text import lines_of
from hankkeet.validate import validate_sources

sys.path.insert(0, str(ROOT / "benchmarks"))
from generate import projects as generated  # the benchmark's generator

EXPECTED = load_expected()
# A project whose last field is empty: the title line after it is that field's text in one
# pass, though it looks like a project's start to the cutter.
EMPTY_LAST = (
    "Tyhjään päättyvä hanke\nToiminta-aika: 1.1.2020–31.12.2021\nBudjetti: 10 000 €\n"
    "Yhteyshenkilö:\n\nOtsikolta näyttävä rivi\nTiivistelmä: Lyhyt kuvaus.\n\n"
)


def _text(count: int, newline: str = "\n") -> str:
    """Generated projects, a repeated name every 37th, a heading every 50th, a project
    ending in an empty field every 3rd, and an unknown label in every project (more of
    them than the file's suggestions)."""
    pieces: list[str] = ["Johdanto ennen ensimmäistä hanketta.\n\n"]
    for n, piece in enumerate(generated(seed=11, limit=count)):
        if n and n % 37 == 0:
            piece = "Yhteinen nimi\n\n" + piece.split("\n", 1)[1]
        if n and n % 50 == 0:
            piece = "Päättyneet hankkeet\n\n" + piece
        if n % 3 == 0:
            piece = EMPTY_LAST + piece
        letter = "ABCDEFG"[n % 7]
        pieces.append(piece.rstrip("\n") + f"\nToiminta aika {letter}: yksikkö {n}\n\n")
    return "".join(pieces).replace("\n", newline)


def _dump(path: Path, jobs: int, language: Language = Language.EN) -> list[str]:
    """Every record and finding, each finding as its value and its text in `language`."""
    out: list[str] = []
    for item in read_projects([path], jobs=jobs):
        if isinstance(item, ParsedProject):
            out.append(item.project.model_dump_json())
            out.extend(f"{d!r} {d.text(language)}" for d in item.diagnostics)
        else:
            out.append(f"{item!r} {item.text(language)}")
    return out


@pytest.fixture
def small_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Parts of about 1500 characters, one queued per worker: many cuts in a small text."""
    monkeypatch.setattr(workers, "PART_CHARS", 1500)
    monkeypatch.setattr(workers, "AHEAD", 1)


@pytest.mark.usefixtures("small_parts")
@pytest.mark.parametrize("language", [Language.EN, Language.FI])
def test_workers_give_what_one_process_gives(
    tmp_path: Path, language: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Byte for byte the same records and findings, in the same order."""
    path = tmp_path / "big.txt"
    path.write_text(_text(HINTS_PER_FILE + 60), encoding="utf-8")
    read_on: list[int] = []  # parts this process read on from a worker's stopping place
    read_part = workers.read_part

    def watched(part: workers.Part, *args: object) -> workers.PartRead:
        if len(args) > 1:
            read_on.append(part.first)
        return read_part(part, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(workers, "read_part", watched)
    with use_language(language):
        alone = _dump(path, 1, language)
        together = _dump(path, 2, language)
    assert together == alone
    # The input did cross every seam the workers have:
    joined = "\n".join(alone)
    assert "DUPLICATE_PROJECT" in joined and "PREAMBLE" in joined
    assert joined.count("UNKNOWN_LABEL") > HINTS_PER_FILE
    assert 0 < joined.count("Toiminta-aika'?") <= HINTS_PER_FILE  # suggestions, then none
    assert read_on, "no cut fell after a project that ends in an empty field"


@pytest.mark.usefixtures("small_parts")
@pytest.mark.parametrize(("newline", "why"), [("\r\n", "Windows"), ("\r", "old Mac")])
def test_every_line_break_is_cut_alike(tmp_path: Path, newline: str, why: str) -> None:
    """Lines and their numbers are the same whatever breaks them."""
    path = tmp_path / "breaks.txt"
    path.write_bytes(_text(60, newline).encode("utf-8"))
    assert _dump(path, jobs=2) == _dump(path, jobs=1), why


def _lines(parts: list[workers.Part]) -> list[tuple[int, str]]:
    numbered: list[tuple[int, str]] = []
    for part in parts:
        lines = list(lines_of([part.text]))
        if part.after is not None:
            assert lines.pop() == "", "a part ends with a line break"
        numbered += enumerate(lines, start=part.first)
    return numbered


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("A\n\nNimi\nBudjetti: 1 €\n" * 40, "LF"),
        ("A\r\n\r\nNimi\r\nBudjetti: 1 €\r\n" * 40, "CRLF"),
        ("A\r\rNimi\rBudjetti: 1 €\r" * 40, "CR"),
        (
            "A\n \u00a0\nNimi\n\nBudjetti: 1 €\n" * 40,
            "a blank line of spaces; a blank under the title",
        ),
        ("A\r\n\nNimi\r\nBudjetti: 1 €" * 40, "mixed breaks, no break at the end"),
        ("A\n\nNimi\nei tunnettu: x\n" * 40, "no label under the titles: no cut"),
        ("", "nothing at all"),
    ],
)
def test_parts_hold_the_lines_of_the_whole_text(text: str, why: str) -> None:
    """Cut into small parts, from pieces that split anywhere (a CRLF in two, say), the
    parts hold every line of the text, numbered as in one pass."""
    for piece_size in (1, 7, 64):
        pieces = [text[i : i + piece_size] for i in range(0, len(text), piece_size)]
        cut = list(workers.parts("", iter(pieces), size=40))
        expected = list(enumerate(lines_of([text]), start=1))
        assert _lines(cut) == expected, why
        assert all(p.after is None for p in cut[-1:]), why
    if "Budjetti" in text:
        assert len(cut) > 1, f"{why}: no cut at all"


@pytest.mark.usefixtures("small_parts")
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


@pytest.mark.usefixtures("small_parts")
def test_a_reader_that_stops_early_stops_the_workers(tmp_path: Path) -> None:
    """Taking a few projects and closing the stream ends cleanly (no hang, no error)."""
    path = tmp_path / "big.txt"
    path.write_text(_text(120), encoding="utf-8")
    stream = cast(Generator[ParsedProject | Diagnostic], read_projects([path], jobs=2))
    taken = [next(stream) for _ in range(30)]
    stream.close()
    assert len(taken) == 30


def test_a_small_input_starts_no_worker(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An input of one part is read here: no process pool is made."""

    def no_pool(*args: object, **kwargs: object) -> None:
        raise AssertionError("a pool was started for a small input")

    monkeypatch.setattr(workers, "_in_workers", no_pool)
    path = tmp_path / "small.txt"
    path.write_text(_text(40), encoding="utf-8")
    assert path.stat().st_size < workers.PART_CHARS
    assert _dump(path, jobs=4) == _dump(path, jobs=1)


@pytest.mark.usefixtures("small_parts")
def test_pages_of_other_layouts_read_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    """Register cards, agendas, news and the rest (read in this process) with --jobs 2."""
    monkeypatch.chdir(ROOT)
    corpus = sorted(Path("tests/corpus").glob("*/*.txt"))
    assert len(corpus) > 20
    for path in corpus:
        assert _dump(path, jobs=2) == _dump(path, jobs=1), path


@pytest.mark.usefixtures("small_parts")
def test_pasted_pages_read_alike(tmp_path: Path) -> None:
    """Long files of the seed's family with pages of other layouts pasted into them (issue
    27): the workers see the other pages' lines, and this process reads the file on from
    there, a layout per part, as one process reads it."""
    agenda = (ROOT / "tests/corpus/agenda/h3-puumala-visitsaimaa.txt").read_text("utf-8")
    card = (ROOT / "tests/corpus/eu-card/lab-twininno.txt").read_text("utf-8")
    for n, text in enumerate(
        [
            _text(60) + agenda + _text(30) + card + _text(20),  # pages after a few parts
            agenda + _text(40),  # the first part
            _text(1) + card,  # one part: no worker
        ]
    ):
        path = tmp_path / f"pasted{n}.txt"
        path.write_text(text, encoding="utf-8")
        alone = _dump(path, jobs=1)
        assert _dump(path, jobs=2) == alone, n
        joined = "\n".join(alone)
        assert "TwinInno" in joined or "VisitSaimaa" in joined, n


def test_cores_are_counted() -> None:
    """The default of --jobs is a positive number of cores."""
    assert available_cores() >= 1


GOLDEN_INPUTS = ("tests/golden/generated.txt", "data/source.txt")


@pytest.mark.slow  # every golden case run again with workers: CI's slow lane runs them
@pytest.mark.usefixtures("small_parts")
@pytest.mark.parametrize(
    "args",
    [a for a in cases() if a[-1] in GOLDEN_INPUTS],
    ids=lambda a: key(a) if isinstance(a, tuple) else str(a),
)
def test_the_command_line_with_jobs_gives_the_recorded_output(
    args: tuple[str, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every golden case of the whole inputs, run with --jobs 2 (parts of 1500 characters):
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


@pytest.mark.usefixtures("small_parts")
def test_records_from_workers_are_equal_to_one_process_records(tmp_path: Path) -> None:
    """The parse stream's items compare equal and show alike, whichever process read them."""
    path = tmp_path / "big.txt"
    path.write_text(_text(60), encoding="utf-8")
    alone, together = list(read_projects([path], jobs=1)), list(read_projects([path], jobs=2))
    assert together == alone
    assert [repr(i) for i in together] == [repr(i) for i in alone]


@pytest.mark.usefixtures("small_parts")
def test_validate_has_no_record_sent_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """validate needs findings only: the workers neither pack nor send the records (packing
    and sending them were a sixth of a worker's time), and nothing is unpacked here."""
    path = tmp_path / "big.txt"
    path.write_text(_text(60), encoding="utf-8")
    expected = validate_sources([Source(str(path), file=path)], jobs=1)

    def refuse(*args: object) -> None:
        raise AssertionError("a record was packed or unpacked")

    # The workers are forked after this: they have the refusing functions too.
    monkeypatch.setattr(workers, "pack_project", refuse)
    monkeypatch.setattr(workers, "unpack_project", refuse)
    report = validate_sources([Source(str(path), file=path)], jobs=2)
    assert report.diagnostics == expected.diagnostics
    assert report.projects == expected.projects > 50


@pytest.mark.usefixtures("small_parts")
def test_a_record_read_for_findings_only_is_not_there(tmp_path: Path) -> None:
    """parse_source(records=False) gives ids and findings; asking for a record a worker did
    not send is an error, never a wrong or empty record."""
    path = tmp_path / "big.txt"
    path.write_text(_text(60), encoding="utf-8")
    source = Source(str(path), file=path)
    items = list(parse_source(source, jobs=2, records=False))
    alone = list(parse_source(source, jobs=1))
    projects = [i for i in items if isinstance(i, ParsedProject)]
    expected = [i for i in alone if isinstance(i, ParsedProject)]
    assert [p.diagnostics + (p.checks or []) for p in projects] == [
        p.diagnostics + check_project(p.project) for p in expected
    ]
    with pytest.raises(LookupError, match="not kept"):
        _ = projects[1].project


@pytest.mark.usefixtures("small_parts")
@pytest.mark.parametrize(
    ("encoding", "why"),
    [("utf-16", "two bytes a character, with a BOM"), ("cp1252", "Windows-1252")],
)
def test_other_encodings_are_cut_alike(tmp_path: Path, encoding: str, why: str) -> None:
    """Parts are cut in decoded text: the encoding of the bytes does not matter."""
    path = tmp_path / "encoded.txt"
    path.write_bytes(_text(60).replace("€", "e").encode(encoding))
    assert _dump(path, jobs=2) == _dump(path, jobs=1), why
