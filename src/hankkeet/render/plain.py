"""Tables without colour drawn with plain string formatting, exactly as Rich would draw them.

`draw_table` decides every width and wraps every cell itself; Rich only joins the cells
(about a millisecond a row). Without colour (pipes, files, NO_COLOR, CI) this module does
the joining instead: the same lines, byte for byte, as Rich's `box.SIMPLE` table with no
edge, no edge padding and one cell of left padding. A test draws many generated tables both
ways and compares them.

Text Rich would change before drawing (control characters it strips, tabs it expands,
joiners and variation selectors whose width depends on where a line is split, a line wider
than its column, a column narrower than one cell) is left to Rich: `draw_plain` returns None.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rich.cells import cell_len

from hankkeet.render.layout import Column, wrapped

# What Rich would rewrite or measure differently: C0/C1 controls and DEL (newlines aside),
# the zero-width joiner and variation selector 16.
_RICH_ONLY = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u200d\ufe0f]")

# The rule under the header and above the footer (box.SIMPLE's head and foot rows).
RULE = "─"


def _cell_lines(text: str, width: int, right: bool) -> list[str] | None:
    """A cell's lines, each padded to the width as Rich justifies them; None if one is too wide."""
    lines: list[str] = []
    for line in text.split("\n"):
        if right:
            line = line.rstrip()  # Rich strips a right-justified line before padding it
        room = width - cell_len(line)
        if room < 0:
            return None
        lines.append(" " * room + line if right else line + " " * room)
    return lines


def _row_lines(
    cells: Sequence[str], widths: Sequence[int], right: Sequence[bool], bottom: bool
) -> list[str] | None:
    """The lines of one row: cells as tall as the tallest, joined by the column gap.

    A header sits on its last line (Rich aligns header cells to the bottom), other rows on
    their first.
    """
    columns: list[list[str]] = []
    for text, width, is_right in zip(cells, widths, right, strict=True):
        lines = _cell_lines(text, width, is_right)
        if lines is None:
            return None
        columns.append(lines)
    height = max(len(lines) for lines in columns)
    for lines, width in zip(columns, widths, strict=True):
        blank = [" " * width] * (height - len(lines))
        if bottom:
            lines[:0] = blank
        else:
            lines.extend(blank)
    # One blank divider and one cell of left padding between columns.
    return ["  ".join(parts) for parts in zip(*columns, strict=True)]


def draw_plain(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    footers: Sequence[str] | None,
    widths: Sequence[int],
    right: Sequence[bool],
) -> str | None:
    """The table Rich would draw without colour (every line newline-terminated, untrimmed).

    Cells are already wrapped to their column. None when Rich would draw something this
    function does not (see the module docstring); the caller then asks Rich.
    """
    if not widths or min(widths) < 1:
        return None
    texts = [*headers, *(c for row in rows for c in row), *(footers or ())]
    if any(_RICH_ONLY.search(t) for t in texts):
        return None
    header = _row_lines(headers, widths, right, bottom=True)
    if header is None:
        return None
    rule = RULE * (sum(widths) + 2 * (len(widths) - 1))
    out = [*header, rule]
    for row in rows:
        lines = _row_lines(row, widths, right, bottom=False)
        if lines is None:
            return None
        out.extend(lines)
    if footers is not None:
        footer = _row_lines(footers, widths, right, bottom=False)
        if footer is None:
            return None
        out.append(rule)
        out.extend(footer)
    return "".join(line + "\n" for line in out)


def plain_table(columns: Sequence[Column], widths: Sequence[int]) -> str | None:
    """`draw_table`'s columns drawn without Rich (untrimmed); None when Rich must draw them."""
    pairs = list(zip(columns, widths, strict=True))
    return draw_plain(
        [wrapped(c.header, w) for c, w in pairs],
        [[wrapped(c.cells[i], w) for c, w in pairs] for i in range(len(columns[0].cells))],
        [wrapped(c.footer or "", w) for c, w in pairs]
        if any(c.footer is not None for c in columns)
        else None,
        widths,
        [c.right for c in columns],
    )
