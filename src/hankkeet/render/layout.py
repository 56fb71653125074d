"""Fitting text into columns: wrap at spaces and after hyphens, never inside a word.

Every table for people is laid out here: each column knows the narrowest width that breaks
no word (its longest piece) and the width it would like; `fit_widths` shares the width out,
and the caller drops or shortens columns in a stated order when even the narrowest widths do
not fit. Rich only draws what is decided here (every cell is pre-wrapped, no_wrap=True).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

from rich.cells import cell_len, set_cell_size

from hankkeet.finnish import NBSP

# A word and the spaces after it; NBSP is not a space here, so '344 616 €' stays whole.
_WORD = re.compile(r"[^ \t]+[ \t]*|[ \t]+")
# Inside a word, a break may fall after a hyphen or dash between two other characters
# ('ÄRM-|koordinaatio', '2021-|2022'), never before a leading one ('-palveluja').
_AFTER_HYPHEN = re.compile(r"(?<=[^\s\-–—][\-–—])(?=[^\s\-–—])")


# Amounts in user text ('108 387 euroa', '20 %') are never broken either: the space inside
# them becomes an NBSP, as in the amounts the tool writes itself.
_AMOUNT_SPACE = re.compile(r"(?<=\d) (?=\d{3}(?!\d)|€|%|e\b|EUR\b|euroa\b)")


# A table is for reading: a cell longer than this is cut, with a note of how much is left
# (machine formats always carry the whole text). Rich wraps long cells in more than linear
# time, so a 5 MB title must not reach it whole.
CELL_MAX = 1000


def clipped(value: str, limit: int = CELL_MAX) -> str:
    """User text for a table cell, cut when very long (saying how much was left out)."""
    if len(value) <= limit:
        return value
    return f"{value[:limit]}… ({len(value) - limit} more characters)"


def pieces(text: str) -> list[str]:
    """The unbreakable pieces of a line, each with the space or hyphen that ends it."""
    out: list[str] = []
    for word in _WORD.findall(_AMOUNT_SPACE.sub(NBSP, text)):
        if "-" in word or "–" in word or "—" in word:
            out.extend(part for part in _AFTER_HYPHEN.split(word) if part)
        else:
            out.append(word)  # never empty: the pattern matches at least one character
    return out


def least_width(text: str) -> int:
    """The narrowest width that wraps the text without breaking a word."""
    return max((cell_len(p.rstrip()) for line in text.split("\n") for p in pieces(line)), default=0)


def natural_width(text: str) -> int:
    """The width of the text's longest line, unwrapped."""
    return max((cell_len(line) for line in text.split("\n")), default=0)


def cut(text: str, width: int) -> str:
    """A last resort for a piece wider than the whole width: cut, ending in '…'."""
    if cell_len(text) <= width:
        return text
    return set_cell_size(text, max(0, width - 1)) + "…" if width > 0 else ""


@cache
def _single_cells() -> frozenset[str]:
    """Characters one cell wide (Latin letters, punctuation, dashes, currency signs): a
    text of only these is as many cells wide as it is long."""
    ranges = ((0x20, 0x7F), (0xA0, 0x2B0), (0x2010, 0x2028), (0x2030, 0x205F), (0x20A0, 0x20C1))
    chars = (chr(c) for start, stop in ranges for c in range(start, stop))
    return frozenset(c for c in chars if cell_len(c) == 1)


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most `width` cells, broken at spaces and after hyphens only.

    A piece wider than the width (which the layout avoids) is cut with '…' rather than
    folded, so no word is ever split across lines.
    """
    if "\u200d" in text or "\ufe0f" in text:
        # A zero-width joiner or an emoji selector joins characters into one cluster: the
        # cells of such a line are not the sum of its pieces' cells.
        return wrap_measured(text, width)
    # Otherwise a line's cells are the sum of its pieces' cells, and for most text (every
    # character one cell wide) simply its length.
    measure: Callable[[str], int] = len if _single_cells().issuperset(text) else cell_len
    if "\n" not in text and measure(text) <= width:
        # Every prefix fits too: the text is one line, as the loop below would find.
        return [_AMOUNT_SPACE.sub(NBSP, text).rstrip()]
    out: list[str] = []
    for paragraph in text.split("\n"):
        line, used = "", 0  # used: the cells of `line`, its trailing spaces included
        for piece in pieces(paragraph):
            body = piece.rstrip()
            cells = measure(body)
            # The cells of (line + piece).rstrip(), without measuring the line again.
            if (used + cells if body else measure((line + piece).rstrip())) <= width:
                line += piece
                used += measure(piece)
                continue
            if line.strip():
                out.append(line.rstrip())
            line = piece.lstrip() if cells <= width else cut(body, width) + " "
            used = cell_len(line)
        out.append(line.rstrip())
    return out


def wrap_measured(text: str, width: int) -> list[str]:
    """wrap, measuring each candidate line whole: for text whose cells do not add up piece
    by piece (joined clusters); tests check that wrap gives the same lines."""
    out: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for piece in pieces(paragraph):
            if cell_len((line + piece).rstrip()) <= width:
                line += piece
                continue
            if line.strip():
                out.append(line.rstrip())
            line = (
                piece.lstrip()
                if cell_len(piece.rstrip()) <= width
                else cut(piece.rstrip(), width) + " "
            )
        out.append(line.rstrip())
    return out


def wrapped(text: str, width: int) -> str:
    """The text wrapped to `width`, lines joined with newlines."""
    return "\n".join(wrap(text, width))


def fit_widths(least: Sequence[int], natural: Sequence[int], room: int) -> list[int] | None:
    """Column widths that fill at most `room`: each at least `least`, at most `natural`.

    What is left after the least widths is shared in proportion to how much more each
    column wants. None when even the least widths do not fit.
    """
    floor = [max(1, n) for n in least]
    want = [max(f, n) for f, n in zip(floor, natural, strict=True)]
    if sum(floor) > room:
        return None
    if sum(want) <= room:
        return want
    # Max-min fair: columns that want little get all of it, the rest share what is left.
    widths = list(floor)
    spare = room - sum(floor)
    order = sorted(range(len(widths)), key=lambda i: want[i] - floor[i])
    for n, i in enumerate(order):
        share = spare // (len(order) - n)
        give = min(want[i] - floor[i], share)
        widths[i] += give
        spare -= give
    return widths


def paragraph_lines(text: str, width: int) -> str:
    """A note or caption wrapped to the width, one line per output line, newline-terminated."""
    return "".join(line + "\n" for line in wrap(text, width))


# --- Tables ------------------------------------------------------------------------------------

# Cells between two columns: a blank divider and one cell of padding.
GAP = 2


@dataclass(frozen=True)
class Column:
    """A column for people: header, cells (footer last, if any), alignment and wrapping."""

    header: str
    cells: tuple[str, ...]
    right: bool = False
    nowrap: bool = False
    footer: str | None = None
    # Per cell, the words to show in `mark_style` (search matches); empty for none.
    marks: tuple[tuple[str, ...], ...] = ()
    mark_style: str = "bold red"

    def texts(self) -> list[str]:
        """Every text the column holds: header, cells and footer."""
        return [self.header, *self.cells, *([self.footer] if self.footer is not None else [])]

    def least(self) -> int:
        """The narrowest width that breaks no word (or no line, for a no-wrap column)."""
        measure = natural_width if self.nowrap else least_width
        return max([measure(self.header), *(measure(t) for t in self.texts()[1:])])

    def natural(self) -> int:
        """The width the column wants when nothing wraps."""
        return max(natural_width(t) for t in self.texts())


@dataclass(frozen=True)
class Step:
    """One way to make a table narrower, and what it says to the reader when taken."""

    says: str
    apply: Callable[[list[Column]], list[Column]]


def table_width(widths: Sequence[int]) -> int:
    """The cells a table of these column widths takes."""
    return sum(widths) + GAP * max(0, len(widths) - 1)


def fit_table(
    columns: list[Column], width: int, steps: Sequence[Step] = ()
) -> tuple[list[Column], list[int], list[str]]:
    """The columns (after as few narrowing steps as needed), their widths, the steps' notes.

    When every step has been taken and the words still do not fit, the widest columns are
    narrowed to fit, and their longest words are cut with '…' (the last resort).
    """
    taken: list[str] = []
    current = list(columns)
    for step in [None, *steps]:
        if step is not None:
            current = step.apply(current)
            taken.append(step.says)
        room = width - GAP * max(0, len(current) - 1)
        widths = fit_widths([c.least() for c in current], [c.natural() for c in current], room)
        if widths is not None:
            return current, widths, taken
    room = max(len(current), width - GAP * max(0, len(current) - 1))
    widths = [c.least() for c in current]
    while sum(widths) > room:
        widest = max(range(len(widths)), key=lambda i: widths[i])
        widths[widest] -= 1
    return current, widths, taken
