"""Tables without colour are drawn by plain string formatting, byte-identical to Rich.

Many generated tables (random columns, widths, alignments, multi-line and empty cells,
wide characters, footers, titles, search marks) are drawn both ways and compared; the
plain drawer must also actually be used for them, so a silent fallback to Rich cannot
make the comparison pass. Text Rich would rewrite is left to Rich, and still comes out
the same.
"""

from __future__ import annotations

import random

import pytest

from hankkeet.finnish import NBSP
from hankkeet.render.draw import draw_table, draw_table_rich
from hankkeet.render.layout import Column, fit_table
from hankkeet.render.plain import draw_plain, plain_table

# Words of every width class: ASCII, Finnish letters, money, hyphens (where wrap may
# break), NBSP-joined amounts, wide CJK and full-width characters, a combining accent.
WORDS = [
    "a",
    "hanke",
    "Äänekoski",
    "ÄRM-koordinaatio",
    "2021-2022",
    "-palveluja",
    f"344{NBSP}616{NBSP}€",
    "€",
    "12,5 %",
    "漢字",
    "東京都の事業",
    "ＡＢＣ",
    "e\u0301",
    "rakennemuutoksen",
    "x" * 25,
    "–",
    "(v.\u00a02021)",
]
# Spaces inside a line: one, several, leading and trailing ones, NBSP and ideographic space.
SPACES = [" ", " ", " ", "  ", "   ", NBSP, "\u3000"]


def random_line(rng: random.Random) -> str:
    """A line of zero or more words; sometimes with leading or trailing spaces."""
    words = [rng.choice(WORDS) for _ in range(rng.randint(0, 5))]
    line = "".join(w + rng.choice(SPACES) for w in words).rstrip(" ")
    if rng.random() < 0.1:
        line = " " * rng.randint(1, 3) + line
    if rng.random() < 0.1:
        line += " " * rng.randint(1, 3)
    return line


def random_cell(rng: random.Random) -> str:
    """Empty, one line, or several (blank lines and a trailing newline included)."""
    if rng.random() < 0.15:
        return ""
    return "\n".join(random_line(rng) for _ in range(rng.choice([1, 1, 1, 2, 3, 4])))


def random_columns(rng: random.Random) -> list[Column]:
    """One to six columns of zero to six rows; some with footers and search marks."""
    rows = rng.choice([0, 1, 2, 3, 6])
    footed = rng.random() < 0.3
    columns = []
    for _ in range(rng.randint(1, 6)):
        cells = tuple(random_cell(rng) for _ in range(rows))
        marks = tuple(tuple(w for w in WORDS if w in c and rng.random() < 0.5) for c in cells)
        columns.append(
            Column(
                header=random_cell(rng),
                cells=cells,
                right=rng.random() < 0.4,
                nowrap=rng.random() < 0.2,
                footer=(random_cell(rng) if rng.random() < 0.8 else None) if footed else None,
                marks=marks if rng.random() < 0.3 else (),
            )
        )
    return columns


def random_table(seed: int) -> tuple[list[Column], list[int], str | None]:
    """Columns, widths (random, or fitted to a random table width) and maybe a title."""
    rng = random.Random(seed)
    columns = random_columns(rng)
    if rng.random() < 0.5:
        widths = [rng.randint(1, 30) for _ in columns]
    else:
        columns, widths, _ = fit_table(columns, rng.randint(len(columns) * 3, 160))
    title = random_line(rng) or None if rng.random() < 0.3 else None
    return columns, widths, title


# A hundred tables in the fast loop (about 1 s), all 400 in the slow one.
SEEDS = [*range(100), *(pytest.param(seed, marks=pytest.mark.slow) for seed in range(100, 400))]


@pytest.mark.parametrize("seed", SEEDS)
def test_plain_table_is_what_rich_draws(seed: int) -> None:
    columns, widths, title = random_table(seed)
    if min(widths) >= 1:  # fit_table's last resort can leave an empty column 0 wide
        assert plain_table(columns, widths) is not None, "the plain drawer gave it to Rich"
    assert draw_table(columns, widths, False, title) == draw_table_rich(
        columns, widths, False, title
    )


# (cell text, why Rich must draw it)
RICH_ONLY = [
    ("a\tb", "Rich expands tabs"),
    ("a\rb", "Rich strips carriage returns"),
    ("bell\x07", "Rich strips control characters"),
    ("\x1b[31mred", "an escape character"),
    ("\x85next", "a C1 control"),
    ("👩\u200d💻 koodari", "a zero-width joiner: width depends on where Rich splits"),
    ("☀\ufe0f aurinko", "a variation selector changes the width before it"),
]


@pytest.mark.parametrize(("text", "why"), RICH_ONLY, ids=[why for _, why in RICH_ONLY])
def test_text_rich_rewrites_is_left_to_rich(text: str, why: str) -> None:
    columns = [Column("Nimi", (text, "tavallinen")), Column("€", ("1", "2"), right=True)]
    widths = [12, 3]
    assert plain_table(columns, widths) is None, why
    assert draw_table(columns, widths, False) == draw_table_rich(columns, widths, False)


def test_what_plain_cannot_draw_it_says() -> None:
    assert draw_plain(["a"], [["too wide"]], None, [3], [False]) is None
    assert draw_plain(["a"], [], None, [0], [False]) is None


@pytest.mark.parametrize(
    ("columns", "widths", "title"),
    [
        ([], [], None),
        ([], [], "Otsikko ilman taulukkoa"),
        ([Column("", ())], [1], None),
        ([Column("Yhteensä", (), footer="0 €", right=True)], [8], "Tyhjä"),
        ([Column("A\n\nB", ("",)), Column("C", ("x\n",), footer="")], [1, 1], None),
    ],
    ids=["nothing", "title only", "blank header", "footer only", "blank lines"],
)
def test_edge_tables_match(columns: list[Column], widths: list[int], title: str | None) -> None:
    assert draw_table(columns, widths, False, title) == draw_table_rich(
        columns, widths, False, title
    )


def test_colour_still_draws_with_rich() -> None:
    columns = [Column("Hanke", ("korona-apu",), marks=(("korona",),))]
    drawn = draw_table(columns, [12], True)
    assert "\x1b[" in drawn
    assert drawn == draw_table_rich(columns, [12], True)
