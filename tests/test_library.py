"""The library without the command line: read_projects() and projects() on real files.

Each case is (filters, expected ids, why); the CLI must agree with the library on each.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import FIXTURES, SEED, cli
from hankkeet.diagnostics import Code, Diagnostic
from hankkeet.library import (
    Filters,
    Skipped,
    SourceLike,
    project_records,
    projects,
    read_projects,
)
from hankkeet.query import parse_active, resolve_programme
from hankkeet.reading.parser import ParsedProject
from hankkeet.reading.sources import Source
from hankkeet.reading.text import UnreadableInput

ARM = (
    "arm-koordinaatiohanke-case-veitsiluoto-kemin-akillisen-rakennemuutoksen-"
    "toimintasuunnitelman-mukainen-koordinaatiohanke"
)
MASTER_PLAN = "matkailun-ja-palveluiden-elpymissuunnitelma-master-plan-kemi"
AGENTTI = "kemin-akillisen-rakennemuutoksen-toimenpiteet-case-arm-agentti-hanke"
VAHVAX = "vahvax-digiosaamista-ja-palveluja-aikuisuuden-ja-vanhemmuuden-vahvistamiseksi"
PERAMERI = "perameren-saaristomatkailun-kehittamishanke"
KAUPUNKIVILJELY = "ymparivuotinen-kaupunkiviljely-ja-lahiruoan-tuottaminen-kemissa"
JAANMURTAJA = "harrastusten-jaanmurtajahanke"
KORONA = "koronasta-kasvuun-hanke"
EVERY = (ARM, MASTER_PLAN, AGENTTI, VAHVAX, PERAMERI, KAUPUNKIVILJELY, JAANMURTAJA, KORONA)

# (command-line options, expected ids in source order, why)
CASES: list[tuple[tuple[str, ...], tuple[str, ...], str]] = [
    ((), EVERY, "no filter: the seed's eight projects, in source order"),
    (("--active", "2022"), EVERY, "every seed project runs in 2022 (the README's example)"),
    (("--active", "2021..2022"), EVERY, "a range overlapping every period"),
    (("--active", "2019"), (), "a year before every project: nothing, and no error"),
    (("--active", "2024"), (), "a year after every project ends"),
    (("--active", "2023"), (ARM, MASTER_PLAN, VAHVAX, KORONA), "four run on into 2023"),
    (("--active", "2020-12-31"), (KAUPUNKIVILJELY,), "one day: only the earliest start"),
    (("--active", "2023-06-01.."), (ARM, VAHVAX, KORONA), "an open range: from a day on"),
    (("--programme", "EAKR"), (PERAMERI, KAUPUNKIVILJELY, JAANMURTAJA), "one programme"),
    (("--programme", "akke"), (ARM, AGENTTI), "the programme's name in any case"),
    (("--programme", "REACT-EU ESR"), (VAHVAX, KORONA), "a programme name with a space"),
    (("--contact", "jylkka"), (JAANMURTAJA,), "a contact typed without ä/ö/å"),
    (("--contact", "Kivelä"), (), "a contact no project has"),
    (
        ("--active", "2022", "--programme", "EAKR"),
        (PERAMERI, KAUPUNKIVILJELY, JAANMURTAJA),
        "filters combine: both must hold",
    ),
]


def filters_of(options: tuple[str, ...]) -> Filters:
    """The library's Filters for the command line's options."""
    given = dict(zip(options[::2], options[1::2], strict=True))
    return Filters(
        active=parse_active(given["--active"]) if "--active" in given else None,
        programme=resolve_programme(given["--programme"]) if "--programme" in given else None,
        contact=given.get("--contact"),
    )


def test_cases_are_unique() -> None:
    options = [case[0] for case in CASES]
    assert len(options) == len(set(options))


@pytest.mark.parametrize(("options", "expected", "why"), CASES, ids=[c[2] for c in CASES])
def test_projects(options: tuple[str, ...], expected: tuple[str, ...], why: str) -> None:
    found = tuple(p.id for p in projects([SEED], filters_of(options)))
    assert found == expected, why


@pytest.mark.parametrize(("options", "expected", "why"), CASES, ids=[c[2] for c in CASES])
def test_the_command_line_agrees(
    options: tuple[str, ...], expected: tuple[str, ...], why: str
) -> None:
    run = cli("list", str(SEED), *options, "--format", "jsonl", "--sort", "source")
    assert run.exit_code == 0, run.stderr
    assert tuple(json.loads(line)["id"] for line in run.stdout.splitlines()) == expected, why


def test_projects_stream() -> None:
    """A generator: the first project comes before the rest of the file is read."""
    stream = projects([SEED])
    assert isinstance(stream, Iterator)
    assert next(stream).id == ARM


def test_read_projects_gives_parsed_projects_and_file_diagnostics() -> None:
    items = list(read_projects([SEED, FIXTURES / "rules" / "no-projects.txt"]))
    parsed = [i for i in items if isinstance(i, ParsedProject)]
    files = [i for i in items if isinstance(i, Diagnostic)]
    assert [p.project.id for p in parsed] == list(EVERY)
    # The seed's preamble (text before its first project) is a finding about the file.
    assert [(Path(d.path).name, d.code) for d in files] == [
        ("source.txt", Code.PREAMBLE),
        ("no-projects.txt", Code.NO_PROJECTS),
    ]
    assert [p.id for p in project_records(items)] == list(EVERY)


def test_sources_paths_and_bytes() -> None:
    """A Source, a str and a Path are all inputs; ids stay unique across them."""
    data = SEED.read_bytes()
    ids = [p.id for p in projects([Source(path="kopio.txt", data=data), str(SEED)])]
    assert len(ids) == 16
    assert len(set(ids)) == 16, "the second copy's ids are made unique"


def test_a_folder_is_its_txt_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "muistiinpanot.md").write_text("ei hanke", encoding="utf-8")
    assert len(list(projects([tmp_path]))) == 8


def test_no_sources_is_no_projects() -> None:
    """An empty list is no input (never the embedded data behind the caller's back)."""
    assert list(read_projects([])) == []


def test_a_missing_file_is_an_io_error(tmp_path: Path) -> None:
    with pytest.raises(UnreadableInput):
        list(projects([tmp_path / "puuttuu.txt"]))


def test_skipped_counts_projects_without_a_period() -> None:
    """--active cannot test a project without a period: it is left out and counted."""
    without_period = b"Py\xc3\xb6r\xc3\xa4teiden kunnostushanke\n\nKaupungin osuus: 20 000 euroa\n"
    skipped = Skipped()
    sources: list[SourceLike] = [Source(path="ilman-aikaa.txt", data=without_period), SEED]
    found = list(projects(sources, Filters(active=parse_active("2022")), skipped))
    assert len(found) == 8
    assert skipped.without_period == 1
    assert len(list(projects(sources))) == 9, "without --active it is kept"
