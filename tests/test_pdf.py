"""PDF inputs (issue 24): minutes, EURA forms and scans, written here with fpdf2 (no PDF is
checked in), read with pypdf."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from conftest import MINUTES, cli, write_pdf
from hankkeet.diagnostics import Code
from hankkeet.inputs import MissingExtra
from hankkeet.inputs.pdf import form_lines, page_and_line, pdf_lines
from hankkeet.reading.sources import resolve
from hankkeet.validate import validate_sources

pytest.importorskip("fpdf")  # the PDFs are written by the tests (conftest.write_pdf)


def minutes_pdf(tmp_path: Path) -> Path:
    return write_pdf(tmp_path / "poytakirja.pdf", [[[line] for line in MINUTES]])


def eura_pdf(tmp_path: Path) -> Path:
    """An EURA decision flattened as such forms are: labels without colons, values after."""
    rows = [
        ["Päätös rahoituksen myöntämisestä"],
        [""],
        ["Hankekoodi", "S21949"],
        ["Hankkeen nimi", "Kestävää kasvua Pohjois-Savoon"],
        ["Alkamispäivämäärä", "Päättymispäivämäärä"],
        ["1.9.2016", "31.12.2018"],
        ["Rahasto Toimintalinja Euroopan aluekehitysrahasto 2"],
        ["Kokonaiskustannukset", "218 740 euroa"],
    ]
    return write_pdf(tmp_path / "paatos.pdf", [rows])


def test_minutes_with_three_items_give_the_one_project(tmp_path: Path) -> None:
    run = cli("list", "--format", "json", str(minutes_pdf(tmp_path)))
    assert run.exit_code == 0, run.stderr
    (project,) = json.loads(run.stdout)
    assert project["name"] == "Perämeren saaristomatkailun kehittämishanke"
    assert (project["start"], project["end"]) == ("2021-06-01", "2022-05-31")
    assert (project["budget"], project["city_share"], project["programme"]) == (
        135484,
        15490,
        "EAKR",
    )


def test_a_flattened_eura_form(tmp_path: Path) -> None:
    lines = pdf_lines(eura_pdf(tmp_path).read_bytes(), "paatos.pdf").lines
    assert "Alkamispäivämäärä: 1.9.2016" in lines
    assert "Päättymispäivämäärä: 31.12.2018" in lines
    assert "Hankkeen nimi: Kestävää kasvua Pohjois-Savoon" in lines
    run = cli("list", "--format", "json", str(tmp_path / "paatos.pdf"))
    (project,) = json.loads(run.stdout)
    assert project["name"] == "Kestävää kasvua Pohjois-Savoon"
    assert (project["start"], project["end"]) == ("2016-09-01", "2018-12-31")
    assert project["budget"] == 218740


# (layout rows, the lines they give, why)
FORMS: list[tuple[list[str], list[str], str]] = [
    (
        ["Alkamispäivämäärä Päättymispäivämäärä 1.9.2016 31.12.2018"],
        ["Alkamispäivämäärä: 1.9.2016", "Päättymispäivämäärä: 31.12.2018"],
        "a run of labels, then as many values, on one line",
    ),
    (
        ["Alkamispäivämäärä      Päättymispäivämäärä", "1.9.2016               31.12.2018"],
        ["Alkamispäivämäärä: 1.9.2016", "Päättymispäivämäärä: 31.12.2018"],
        "the values on the next row",
    ),
    (
        ["Hankkeen nimi        Kestävää kasvua"],
        ["Hankkeen nimi: Kestävää kasvua"],
        "a label column and a value column",
    ),
    (
        ["Rahoitus myönnettiin hankkeelle vuonna 2016."],
        ["Rahoitus myönnettiin hankkeelle vuonna 2016."],
        "a sentence that starts with a label word stays a sentence",
    ),
    (
        ["Vuosi      Summa      Osuus"],
        ["Vuosi | Summa | Osuus"],
        "a table row's cells are parted, never glued",
    ),
    (
        ["Alkamispäivämäärä Päättymispäivämäärä 1.9.2016"],
        ["Alkamispäivämäärä Päättymispäivämäärä 1.9.2016"],
        "two labels, one value: not paired by guess",
    ),
]


@pytest.mark.parametrize(("rows", "lines", "why"), FORMS, ids=[w for *_, w in FORMS])
def test_form_lines(rows: list[str], lines: list[str], why: str) -> None:
    assert form_lines(rows) == lines, why


def test_a_page_without_text_is_a_finding(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "skannattu.pdf", [[[line] for line in MINUTES], []])
    extracted = pdf_lines(path.read_bytes(), "skannattu.pdf")
    assert [d.code for d in extracted.findings] == [Code.NO_TEXT_LAYER]
    report = validate_sources(resolve([str(path)]))
    assert Code.NO_TEXT_LAYER in {d.code for d in report.diagnostics}
    run = cli("validate", str(path))
    assert run.exit_code == 1 and "no-text-layer" in run.stdout


def test_only_a_scan_is_no_silence(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "skannattu.pdf", [[]])
    run = cli("validate", "--format", "json", str(path))
    codes = {d["code"] for d in json.loads(run.stdout)["diagnostics"]}
    assert {"no-text-layer", "no-projects"} <= codes


def test_show_tells_the_page(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "kaksi.pdf", [[["Etusivu"]], [[line] for line in MINUTES]])
    run = cli("show", "perameren", str(path), env={"COLUMNS": "400"})
    assert run.exit_code == 0, run.stderr
    assert f"{path} page 2, line 7 (line 9 of the text read from the PDF: " in run.stdout
    assert "'§ 156 Perämeren saaristomatkailun kehittämishanke'" in run.stdout


@pytest.mark.parametrize(("line", "place"), [(1, (1, 1)), (3, (1, 3)), (4, (2, 1)), (9, (3, 2))])
def test_page_and_line(line: int, place: tuple[int, int]) -> None:
    assert page_and_line([1, 4, 8], line) == place


def test_not_a_pdf_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "rikki.pdf"
    path.write_bytes(b"%PDF-1.4 ei oikeasti")
    run = cli("list", str(path))
    assert run.exit_code == 2 and "rikki.pdf" in run.stderr


def test_without_pypdf_the_error_names_the_pip_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pypdf", None)  # import pypdf fails
    with pytest.raises(MissingExtra, match=r"pip install 'hankkeet\[pdf\]'"):
        pdf_lines(b"%PDF-1.7", "poytakirja.pdf")
