"""A folder's *.txt entries (issue 27, defect 5): one walk for the CLI and the library, and
an entry that cannot be read is said, as when it is named on its own, never skipped.
"""

from __future__ import annotations

import json
import os
import signal
import socket
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from conftest import SEED, cli
from hankkeet.encode import dumps
from hankkeet.library import projects, read_projects
from hankkeet.reading.parser import ParsedProject
from hankkeet.reading.sources import folder_files, resolve
from hankkeet.reading.text import UnreadableInput


@pytest.fixture(autouse=True)
def never_blocks() -> Iterator[None]:
    """Opening a FIFO for reading waits for a writer: fail instead of hanging the suite."""

    def stuck(signum: int, frame: object) -> None:
        raise TimeoutError("a FIFO was opened for reading")

    old = signal.signal(signal.SIGALRM, stuck)
    signal.alarm(30)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def _broken_link(path: Path) -> None:
    path.symlink_to(path.parent / "poistettu.txt")


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _link_to_fifo(path: Path) -> None:
    target = path.parent / "putki"
    os.mkfifo(target)
    path.symlink_to(target)


def _socket(path: Path) -> None:
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))


def _link_loop(path: Path) -> None:
    path.symlink_to(path)


# (name in the folder, how it is made, part of the message, why)
ENTRIES: list[tuple[str, Callable[[Path], None], str, str]] = [
    ("rikki.txt", _broken_link, "poistettu.txt, which is not there", "a link to nothing"),
    ("putki.txt", _fifo, "not a file or folder", "a FIFO (never opened: it would block)"),
    ("linkki.txt", _link_to_fifo, "not a file or folder", "a link to a FIFO"),
    ("pistoke.txt", _socket, "not a file or folder", "a socket"),
    ("silmukka.txt", _link_loop, "silmukka.txt", "a link to itself"),
]


def test_entries_are_unique() -> None:
    assert len({e[0] for e in ENTRIES}) == len({e[3] for e in ENTRIES}) == len(ENTRIES)


def _folder(tmp_path: Path, name: str, make: Callable[[Path], None]) -> tuple[Path, Path]:
    folder = tmp_path / "kansio"
    (folder / "ala").mkdir(parents=True)
    (folder / "ala" / "hankkeet.txt").write_bytes(SEED.read_bytes())
    entry = folder / name
    make(entry)
    return folder, entry


@pytest.mark.parametrize(("name", "make", "message", "why"), ENTRIES, ids=[e[3] for e in ENTRIES])
def test_validate_reports_the_entry_as_when_named(
    tmp_path: Path, name: str, make: Callable[[Path], None], message: str, why: str
) -> None:
    folder, entry = _folder(tmp_path, name, make)
    run = cli("validate", "--format", "json", str(folder))
    assert run.exit_code == 1, (run.stderr, why)
    report = json.loads(run.stdout)
    mine = [d for d in report["diagnostics"] if d["path"] == str(entry)]
    alone = json.loads(cli("validate", "--format", "json", str(entry)).stdout)["diagnostics"]
    assert [(d["code"], d["message"]) for d in mine] == [
        (d["code"], d["message"]) for d in alone
    ], why
    assert [d["code"] for d in mine] == ["unreadable-file"], why
    assert message in mine[0]["message"], why
    assert report["stats"]["files"] == 2, "the entry counts as an input"
    assert report["stats"]["projects"] == 8, "the good file is still checked"


@pytest.mark.parametrize(("name", "make", "message", "why"), ENTRIES, ids=[e[3] for e in ENTRIES])
def test_list_refuses_the_folder_as_the_entry(
    tmp_path: Path, name: str, make: Callable[[Path], None], message: str, why: str
) -> None:
    """Every other command stops at an input it cannot read (exit 2), in a folder too."""
    folder, entry = _folder(tmp_path, name, make)
    run = cli("list", "--format", "json", str(folder))
    alone = cli("list", "--format", "json", str(entry))
    assert (run.exit_code, alone.exit_code) == (2, 2), why
    assert run.stderr == alone.stderr, why
    assert message in run.stderr, why
    with pytest.raises(UnreadableInput, match=message):
        list(read_projects([folder]))


def _tree(root: Path) -> Path:
    """.txt files at two depths, one ending in .TXT, and what is left out."""
    folder = root / "puu"
    text = SEED.read_text(encoding="utf-8")
    files = {
        "a.txt": text,
        "ala/b.txt": text.replace("hanke", "projekti"),
        "ala/syva/C.TXT": text,
        "ala-2/d.txt": text,
        ".git/piilo.txt": text,  # hidden: skipped
        "ala/.piilo.txt": text,  # hidden: skipped
        "muistio.md": text,  # not .txt: skipped
    }
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    (folder / "kansio.txt").mkdir()  # a folder named *.txt is a folder
    return folder


def test_the_library_and_the_cli_read_the_same_tree(tmp_path: Path) -> None:
    folder = _tree(tmp_path)
    expected = [
        str(folder / name) for name in ("a.txt", "ala-2/d.txt", "ala/b.txt", "ala/syva/C.TXT")
    ]
    assert [str(p) for p in folder_files(folder)] == expected
    assert [s.path for s in resolve([str(folder)])] == expected
    library = [
        (item.project.id, item.project.source.path, item.project.source.line)
        for item in read_projects([folder])
        if isinstance(item, ParsedProject)
    ]
    run = cli("list", "--format", "json", str(folder))
    assert run.exit_code == 0, run.stderr
    listed = [(p["id"], p["source"]["path"], p["source"]["line"]) for p in json.loads(run.stdout)]
    assert listed == library
    assert {path for _id, path, _line in library} == set(expected)


LINK_MIXED = Path(__file__).resolve().parent / "link-mixed"

# (path in the tree, what it holds, whether the library and the CLI read it, why)
MIXED: list[tuple[str, Path, bool, str]] = [
    ("hankkeet.txt", SEED, True, "a text file at the top"),
    ("kortit/kortti.txt", LINK_MIXED / "card.txt", True, "a text file one folder down"),
    ("kortit/sivut/sivu.html", LINK_MIXED / "page.html", True, "a web page two folders down"),
    ("rekisteri/EURA.CSV", LINK_MIXED / "eura.csv", True, "a register export, suffix in capitals"),
    (".piilo/hankkeet.txt", SEED, False, "a hidden folder (.git, .venv) is skipped"),
    ("kortit/.luonnos.html", LINK_MIXED / "page.html", False, "a hidden file is skipped"),
    ("muistio.md", SEED, False, "a suffix hankkeet does not read"),
    ("rekisteri/eura.csv.bak", LINK_MIXED / "eura.csv", False, "a suffix after the suffix"),
]


def test_mixed_entries_are_unique() -> None:
    assert len({e[0] for e in MIXED}) == len({e[3] for e in MIXED}) == len(MIXED)


def test_the_library_and_the_cli_read_the_same_mixed_tree(tmp_path: Path) -> None:
    """`projects([DIR])` and `hankkeet list --format json DIR` walk one tree alike: the same
    files (nested, of three kinds, hidden ones and other suffixes left out), the same
    records in the same order, byte for byte."""
    folder = tmp_path / "puu"
    for name, content, _read, _why in MIXED:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(content.read_bytes())
    records = list(projects([folder]))
    run = cli("list", "--format", "json", str(folder))
    assert run.exit_code == 0, run.stderr
    assert run.stdout == dumps([p.record() for p in records], indent=2) + "\n"
    read = {p.source.path for p in records}
    for name, _content, expected, why in MIXED:
        assert (str(folder / name) in read) is expected, why
    assert [s.path for s in resolve([str(folder)])] == sorted(
        str(folder / name) for name, _content, expected, _why in MIXED if expected
    ), "one file after another, sorted by path"
