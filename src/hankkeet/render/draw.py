"""Drawing a table's fitted columns as text: joined with plain string formatting when it
can (render/plain.py, byte for byte what Rich draws), by Rich when it must (colour, or text
Rich would change), and any Rich object drawn to a string.

Below the views, above layout (widths and wrapping) and plain: no view imports another to
draw.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TYPE_CHECKING

from hankkeet.render.layout import GAP, Column, paragraph_lines, table_width, wrapped
from hankkeet.render.plain import plain_table

if TYPE_CHECKING:
    from rich.table import Table
    from rich.text import Text


def to_text(table: Table | Text, width: int, color: bool) -> str:
    """Render a Rich object to a string at a fixed width."""
    from rich.console import Console

    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        color_system="standard" if color else None,
        force_terminal=color,
        no_color=not color,
        highlight=False,
        emoji=False,
        markup=False,
    )
    console.print(table)
    return buffer.getvalue()


def draw_table(
    columns: Sequence[Column], widths: Sequence[int], color: bool, title: str | None = None
) -> str:
    """The table as text: every cell pre-wrapped to its column, right spaces trimmed.

    Without colour the lines are joined with plain string formatting (render/plain.py),
    identical to what Rich draws and far cheaper; with colour Rich draws them.
    """
    if not color and columns:
        drawn = plain_table(columns, widths)
        if drawn is not None:
            return _titled(drawn, widths, title)
    return draw_table_rich(columns, widths, color, title)


def draw_table_rich(
    columns: Sequence[Column], widths: Sequence[int], color: bool, title: str | None = None
) -> str:
    """The table as Rich draws it (with colour, or when the plain drawer cannot)."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    has_footer = any(c.footer is not None for c in columns)
    table = Table(
        box=box.SIMPLE,
        show_edge=False,
        pad_edge=False,
        padding=(0, 0, 0, GAP - 1),
        show_footer=has_footer,
        title=None,
        header_style="bold" if color else "",
        footer_style="bold" if color else "",
    )
    for column, w in zip(columns, widths, strict=True):
        table.add_column(
            Text(wrapped(column.header, w)),
            Text(wrapped(column.footer or "", w)),
            justify="right" if column.right else "left",
            no_wrap=True,
            width=w,
        )
    for i in range(len(columns[0].cells) if columns else 0):
        row = []
        for column, w in zip(columns, widths, strict=True):
            text = Text(wrapped(column.cells[i], w))
            for word in column.marks[i] if i < len(column.marks) else ():
                text.highlight_words([word], column.mark_style, case_sensitive=True)
            row.append(text)
        table.add_row(*row)
    drawn = to_text(table, table_width(widths), color) if columns else ""
    return _titled(drawn, widths, title)


def _titled(drawn: str, widths: Sequence[int], title: str | None) -> str:
    """The drawn table under its title paragraph, each line's right spaces trimmed."""
    head = paragraph_lines(title, table_width(widths)) if title else ""
    return head + "".join(line.rstrip() + "\n" for line in drawn.splitlines())
