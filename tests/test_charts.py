"""Pictures: `totals --chart` bars and the `timeline` Gantt chart.

Snapshots at a fixed width live in tests/snapshots/; after a deliberate change of layout,
rewrite them with UPDATE_SNAPSHOTS=1 pytest tests/test_charts.py and review the diff.
"""

from __future__ import annotations

import os
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len
from rich.text import Text

from conftest import SEED, cli
from hankkeet.models import Project, SourceRef
from hankkeet.reading.parser import parse_text
from hankkeet.render.charts import Bar, bar_chart, timeline
from hankkeet.render.totals import render_chart
from hankkeet.totals import GroupBy, compute_totals

SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"
TODAY = date(2022, 6, 15)
UNICODE_MARKS = "█▏▎▍▌▋▊▉┃┼─·"


def matches_snapshot(name: str, text: str) -> bool:
    """Compare with tests/snapshots/<name>.txt (rewritten when UPDATE_SNAPSHOTS is set)."""
    path = SNAPSHOTS / f"{name}.txt"
    if os.environ.get("UPDATE_SNAPSHOTS"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="")
    assert path.exists(), f"no snapshot {path.name}; run with UPDATE_SNAPSHOTS=1 to make it"
    return path.read_text(encoding="utf-8") == text


def seed_projects() -> list[Project]:
    return [p.project for p in parse_text(SEED.read_text(encoding="utf-8")).projects]


def _project(name: str, **fields: Any) -> Project:
    return Project(id=name.casefold(), name=name, source=SourceRef(path="t.txt", line=1), **fields)


EDGE_CASES = [
    _project("Alkaa vain", start=date(2023, 3, 1), budget=Decimal(1)),
    _project("Päättyy vain", end=date(2022, 8, 31)),
    _project("Tavallinen", start=date(2022, 1, 1), end=date(2023, 12, 31)),
    _project(
        "Hyvin pitkä hankkeen nimi, joka ei mahdu sarakkeeseensa mitenkään",
        start=date(2024, 6, 1),
        end=date(2024, 6, 30),
    ),
    _project("[bold]Merkintä[/] ei ole muotoilua", start=date(2022, 5, 1), end=date(2022, 5, 1)),
    _project("Ei aikaa lainkaan"),
    _project("Takaperin", start=date(2023, 5, 1), end=date(2023, 1, 1)),
]


def plain(text: str) -> str:
    """Styled output as the characters a person sees."""
    return Text.from_ansi(text).plain


# --- Snapshots ------------------------------------------------------------------------------

SNAPSHOT_CASES = [
    (
        "chart-by-programme-60",
        lambda: render_chart(compute_totals(seed_projects(), [GroupBy.PROGRAMME]), 60, False),
    ),
    (
        "chart-by-year-60",
        lambda: render_chart(compute_totals(seed_projects(), by_year=True), 60, False),
    ),
    (
        "chart-by-contact-72",
        lambda: render_chart(compute_totals(seed_projects(), [GroupBy.CONTACT]), 72, False),
    ),
    ("timeline-seed-72", lambda: timeline(seed_projects(), TODAY, 72, False)),
    ("timeline-seed-40", lambda: timeline(seed_projects(), TODAY, 40, False)),
    ("timeline-edge-cases-64", lambda: timeline(EDGE_CASES, date(2024, 3, 1), 64, False)),
    ("timeline-today-outside-60", lambda: timeline(seed_projects(), date(2040, 1, 1), 60, False)),
]


@pytest.mark.parametrize(("name", "make"), SNAPSHOT_CASES, ids=[c[0] for c in SNAPSHOT_CASES])
def test_snapshot(name: str, make: Any) -> None:
    assert matches_snapshot(name, make())


# --- Fitting the width, ASCII and colour ----------------------------------------------------

WIDTHS = [20, 33, 60, 100, 181]


def pictures(width: int, color: bool) -> list[str]:
    projects = seed_projects()
    return [
        render_chart(compute_totals(projects, [GroupBy.PROGRAMME]), width, color),
        render_chart(compute_totals(projects, [GroupBy.PROGRAMME, GroupBy.CONTACT]), width, color),
        render_chart(compute_totals(projects, by_year=True), width, color),
        render_chart(compute_totals(projects), width, color),
        timeline(projects, TODAY, width, color),
        timeline(EDGE_CASES, date(2024, 3, 1), width, color),
        timeline([], TODAY, width, color),
    ]


@pytest.mark.parametrize("color", [False, True], ids=["ascii", "colour"])
@pytest.mark.parametrize("width", WIDTHS)
def test_pictures_fit_the_width(width: int, color: bool) -> None:
    for picture in pictures(width, color):
        for line in plain(picture).splitlines():
            assert cell_len(line) <= width, line


@pytest.mark.parametrize("width", [33, 100])
def test_ascii_when_colour_is_off(width: int) -> None:
    for picture in pictures(width, False):
        assert "\x1b" not in picture
        assert not any(mark in picture for mark in UNICODE_MARKS)
    assert "#" in pictures(width, False)[0]


def test_colour_uses_blocks_and_styles() -> None:
    chart, _, _, _, gantt, _, _ = pictures(80, True)
    assert "\x1b[" in chart and "█" in chart
    assert "\x1b[" in gantt and "█" in gantt and "┃" in gantt


def test_markup_in_names_prints_literally() -> None:
    for color in (False, True):
        assert "[bold]Merkintä[/]" in plain(timeline(EDGE_CASES, TODAY, 100, color))


# --- Hand-checked geometry -------------------------------------------------------------------


def test_bars_scale_to_the_largest_value() -> None:
    # Width 40, labels 1 cell, values 3 cells: 40 - 1 - 3 - 2 spaces = 34 cells of bar.
    bars = [
        Bar("a", Decimal(100), "100"),
        Bar("b", Decimal(50), " 50"),
        Bar("c", Decimal(1), "  1"),
        Bar("d", Decimal(0), "  0"),
    ]
    lines = bar_chart(bars, 40, False).splitlines()
    assert lines[0] == "a " + "#" * 34 + " 100"
    assert lines[1] == "b " + "#" * 17 + " " * 17 + "  50"
    assert lines[2].startswith("c # "), "a value above zero is never drawn as nothing"
    assert lines[3].startswith("d   ")


def test_long_labels_are_cut_not_the_values() -> None:
    bars = [Bar("x" * 80, Decimal(1_857_889), "1 857 889 €")]
    (line,) = bar_chart(bars, 40, False).splitlines()
    assert line.endswith("1 857 889 €")
    assert "…" in line
    assert cell_len(line) <= 40


def test_timeline_marks_today_in_its_column() -> None:
    # Axis 1.1.–31.12.2022 (365 days); label 5 cells ('Hanke') + 1 space leaves 34 columns
    # at width 40. 1.7.2022 is day 181 (0-based) of the year: column 181 * 34 // 365 = 16.
    projects = [_project("A", start=date(2022, 1, 1), end=date(2022, 3, 31))]
    lines = timeline(projects, date(2022, 7, 1), 40, False).splitlines()
    row = next(line for line in lines if line.startswith("A "))
    assert row[6 + 16] == "|"
    # The bar: 1.1. (column 0) to 31.3. (day 89: 89 * 34 // 365 = 8), inclusive.
    assert row[6 : 6 + 9] == "#" * 9 and row[6 + 9] != "#"
    assert lines[-1].index("|") == 6 + 16
    assert "today 1.7.2022" in lines[-1]


def test_timeline_open_ends_and_missing_periods() -> None:
    text = timeline(EDGE_CASES, date(2024, 3, 1), 80, False)
    rows = {line.split("  ")[0]: line for line in text.splitlines()}
    assert rows["Alkaa vain"].rstrip().endswith(">")
    assert "<" in rows["Päättyy vain"]
    assert "No period: Ei aikaa lainkaan" in text
    assert "No period: Takaperin" in text, "an end before the start cannot be drawn"


def test_timeline_rows_run_in_order_of_start() -> None:
    text = timeline(seed_projects(), TODAY, 100, False)
    # Rows start at the left edge; a wrapped name's further lines hold no bar.
    names = [line.split("  ")[0] for line in text.splitlines()[2:] if "#" in line][:8]
    assert names[0].startswith("Ympärivuotinen")  # 1.1.2020
    assert names[-1].startswith("ÄRM-koordinaatiohanke")  # 1.11.2021


# --- The commands ----------------------------------------------------------------------------


def test_timeline_command_draws_every_seed_project() -> None:
    run = cli("timeline")
    assert run.exit_code == 0, run.stderr
    for project in seed_projects():
        assert project.name[:20] in run.stdout
    assert "today" in run.stdout
    assert "\x1b" not in run.stdout
    assert max(cell_len(line) for line in run.stdout.splitlines()) <= 100


def test_timeline_command_filters_like_list() -> None:
    run = cli("timeline", "--active", "2020")
    assert run.exit_code == 0, run.stderr
    assert "Ympärivuotinen" in run.stdout
    assert "Perämeren" not in run.stdout
    assert cli("timeline", "--programme", "NOPE").exit_code == 2


def test_timeline_with_nothing_to_draw() -> None:
    run = cli("timeline", "--active", "2030")
    assert run.exit_code == 0, run.stderr
    assert "No projects." in run.stdout


def test_chart_command_fits_columns() -> None:
    run = cli("totals", "--by-program", "--by-contact", "--chart", env={"COLUMNS": "50"})
    assert run.exit_code == 0, run.stderr
    assert max(cell_len(line) for line in run.stdout.splitlines()) <= 50
