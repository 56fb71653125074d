"""A UTF-8 file with a few bytes that are not UTF-8 (issue 27, defect 3).

It is read as UTF-8, each bad byte as U+FFFD, with an invalid-byte finding at its line and
column; only a file that is not UTF-8 as a whole falls back to Windows-1252.
"""

from __future__ import annotations

import codecs
import io
import json
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SEED, cli
from hankkeet.diagnostics import Code, Diagnostic
from hankkeet.library import read_projects
from hankkeet.locale import Language
from hankkeet.reading import text, workers
from hankkeet.reading.parser import ParsedProject, parse_text
from hankkeet.reading.sources import Source
from hankkeet.reading.text import BAD_BYTES_LISTED, detect_encoding, iter_lines

sys.path.insert(0, str(ROOT / "benchmarks"))
from generate import projects as generated  # the benchmark's generator

SEED_BYTES = SEED.read_bytes()
SEED_TEXT = SEED_BYTES.decode("utf-8")
FFFD = "\ufffd"


def damaged(data: bytes, old: bytes, new: bytes) -> bytes:
    """The bytes with the first `old` made `new`."""
    assert old in data
    return data.replace(old, new, 1)


def place(data: bytes, old: bytes) -> tuple[int, int]:
    """The 1-based line and column (in decoded characters) where `old` first starts."""
    before = data[: data.index(old)].decode("utf-8")
    lines = before.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return len(lines), len(lines[-1]) + 1


# The example: the Ä of 'ÄRM-koordinaatiohanke' written as a lone 0xC4 (its
# Windows-1252 byte) in the UTF-8 seed.
ARM = "ÄRM-koordinaatiohanke".encode()
SEED_ARM = damaged(SEED_BYTES, ARM, b"\xc4" + ARM[2:])
# The first ä of the seed as its Windows-1252 byte.
SEED_A = damaged(SEED_BYTES, "ä".encode(), b"\xe4")
# Twenty-five places of one bad byte each (more than are listed one by one).
MANY = ("Hankeä\n".encode() + b"ok \xff ok\n") * 25
CP1252 = SEED_TEXT.replace("\u2013", "-").encode("cp1252")

# (bytes, encoding, [(line, column, message part)], why)
CASES: list[tuple[bytes, str, list[tuple[int, int, str]], str]] = [
    (SEED_BYTES, "utf-8", [], "the seed: valid UTF-8, read exactly as before"),
    (
        SEED_ARM,
        "utf-8",
        [(*place(SEED_BYTES, ARM), "1 byte 0xC4,")],
        "the issue's example: one bad byte in a title, the rest UTF-8",
    ),
    (
        SEED_A,
        "utf-8",
        [(*place(SEED_BYTES, "ä".encode()), "1 byte 0xE4,")],
        "a Windows-1252 ä in a UTF-8 file",
    ),
    (
        "Hanke ä\nBudjetti: 1 €".encode() + b"\xff\xfe\n",
        "utf-8",
        [(2, 14, "2 bytes 0xFF 0xFE,")],
        "two bad bytes in a row are one place, both named",
    ),
    (
        "Hanke ä\r\nrivi\r\nkolmas ".encode() + b"\xff\n",
        "utf-8",
        [(3, 8, "0xFF")],
        "CRLF line ends count once each",
    ),
    ("Hanke ä\rrivi ".encode() + b"\xff\n", "utf-8", [(2, 6, "0xFF")], "CR line ends count too"),
    (
        "Hankeäää\nloppu ".encode() + "€".encode()[:2],
        "utf-8",
        [(2, 7, "2 bytes 0xE2 0x82,")],
        "a character cut off at the end of the file",
    ),
    (
        codecs.BOM_UTF8 + b"Hanke \xe4\n",
        "utf-8-sig",
        [(1, 7, "0xE4")],
        "a BOM says UTF-8: never Windows-1252, whatever follows",
    ),
    (
        MANY,
        "utf-8",
        [(2 * n + 2, 4, "1 byte 0xFF,") for n in range(BAD_BYTES_LISTED)]
        + [(2 * BAD_BYTES_LISTED + 2, 4, "5 more places")],
        "past the first places, one finding counts the rest",
    ),
    (CP1252, "cp1252", [], "a Windows-1252 file (ä as E4 everywhere) is read as before"),
    (
        b"Hanke Helsinki\nBudjetti: 100 \x80\nYhteyshenkil\xf6: Matti\n",
        "cp1252",
        [],
        "no valid UTF-8 beyond ASCII at all: Windows-1252 (€ and ö)",
    ),
    (
        "Hankeä ö\n".encode() + "Päätös äänestää ölyä\n".encode("cp1252"),
        "cp1252",
        [],
        "more Windows-1252 bytes than UTF-8 characters: not UTF-8 as a whole",
    ),
]


def decoding_findings(data: bytes, path: str = "x.txt") -> tuple[str, list[Diagnostic]]:
    """The encoding a source is read in, and the findings of its decoding."""
    found: list[Diagnostic] = []
    source = Source(path=path, data=data)
    with source.lines(found) as lines:
        list(lines)
    return detect_encoding(io.BytesIO(data), path).encoding, found


def test_cases_are_unique() -> None:
    assert len({c[3] for c in CASES}) == len(CASES)
    assert len({c[0] for c in CASES}) == len(CASES)


@pytest.mark.parametrize(("data", "encoding", "expected", "why"), CASES, ids=[c[3] for c in CASES])
def test_decoding(
    data: bytes, encoding: str, expected: list[tuple[int, int, str]], why: str
) -> None:
    chosen, found = decoding_findings(data)
    assert chosen == encoding, why
    assert [(d.line, d.column) for d in found] == [(line, col) for line, col, _ in expected], why
    for finding, (_line, _col, part) in zip(found, expected, strict=True):
        assert finding.code is Code.INVALID_BYTE
        assert part in finding.text(Language.EN), (finding.text(Language.EN), why)
    lines = list(iter_lines(io.BytesIO(data), chosen))
    listed = expected[:BAD_BYTES_LISTED]
    for line, column, _part in listed:
        assert lines[line - 1][column - 1] == FFFD, ("the bad byte reads as U+FFFD", why)
    if encoding == "cp1252":
        assert FFFD not in "".join(lines), why


@pytest.mark.parametrize(("data", "encoding", "expected", "why"), CASES, ids=[c[3] for c in CASES])
def test_pieces_of_any_size_give_the_same_findings(
    data: bytes,
    encoding: str,
    expected: list[tuple[int, int, str]],
    why: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A bad byte, a CRLF or a character may straddle two pieces of the reading."""
    whole = decoding_findings(data)
    for size in (1, 2, 3, 7):
        monkeypatch.setattr(text, "CHUNK", size)
        assert decoding_findings(data) == whole, (size, why)


def test_one_bad_byte_loses_that_character_only() -> None:
    """The issue's example: the records are the seed's, with U+FFFD for the one Ä; no
    label stops matching, no summary lands in the contacts."""
    items = list(read_projects([Source(path="x.txt", data=SEED_ARM)]))
    findings = [i for i in items if isinstance(i, Diagnostic) and i.code is Code.INVALID_BYTE]
    assert len(findings) == 1
    got = [i.project for i in items if isinstance(i, ParsedProject)]
    expected = [
        p.project
        for p in parse_text(
            SEED_TEXT.replace("ÄRM-koordinaatio", FFFD + "RM-koordinaatio", 1), "x.txt"
        ).projects
    ]
    assert got == expected
    assert any(p.name.startswith(FFFD + "RM-koordinaatiohanke") for p in got)


def test_validate_reports_it_as_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "vioittunut.txt"
    path.write_bytes(SEED_ARM)
    run = cli("validate", "--format", "json", str(path))
    seed = cli("validate", "--format", "json", str(SEED))
    assert run.exit_code == seed.exit_code, "a warning does not change the exit code"
    report = json.loads(run.stdout)
    line, column = place(SEED_BYTES, ARM)
    assert [
        (d["line"], d["column"], d["severity"])
        for d in report["diagnostics"]
        if d["code"] == "invalid-byte"
    ] == [(line, column, "warning")]
    assert report["stats"]["projects"] == json.loads(seed.stdout)["stats"]["projects"]
    strict = cli("validate", "--strict", "--select", "invalid-byte", str(path))
    assert strict.exit_code == 1, "--strict fails on it"


def test_list_counts_the_projects(tmp_path: Path) -> None:
    path = tmp_path / "vioittunut.txt"
    path.write_bytes(SEED_ARM)
    run = cli("list", "--format", "json", str(path))
    assert run.exit_code == 0, run.stderr
    assert len(json.loads(run.stdout)) == len(parse_text(SEED_TEXT).projects)
    assert "8 projects" in run.stderr
    assert f"{path}: bytes that are not UTF-8 were read as" in run.stderr, "never silently"


def _long_text() -> bytes:
    pieces = [piece for piece in generated(seed=5, limit=120)]
    data = "".join(pieces).encode()
    # Bad bytes near the start, in the middle and near the end: in different parts.
    for at in (len(data) // 10, len(data) // 2, len(data) - 200):
        at = data.index(b"\n", at) + 1
        data = data[:at] + b"\xe4" + data[at:]
    return data


def test_workers_give_the_same_findings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """--jobs 2: the text is decoded here and cut into parts; the findings come out the
    same, in the same place of the stream."""
    monkeypatch.setattr(workers, "PART_CHARS", 4000)
    monkeypatch.setattr(workers, "AHEAD", 1)
    path = tmp_path / "pitka.txt"
    path.write_bytes(_long_text())

    def dump(jobs: int) -> list[str]:
        return [
            repr(i) if isinstance(i, Diagnostic) else i.project.model_dump_json()
            for i in read_projects([path], jobs=jobs)
        ]

    one = dump(1)
    assert sum("invalid-byte" in item for item in one) == 3
    assert dump(2) == one
