"""Markdown tables (GitHub style) with cell text escaped."""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from hankkeet.encode import decimal_text


def md_cell(value: str | Decimal | int | None) -> str:
    """Cell text with '|', '\\' and line breaks made safe."""
    if value is None:
        return ""
    if isinstance(value, (Decimal, int)):
        return decimal_text(Decimal(value))
    # Line breaks would end the row; NBSPs in '490 232 €' are kept as they are.
    flat = re.sub(r"[\r\n\t]+", " ", value)
    return flat.replace("\\", "\\\\").replace("|", "\\|").strip()


def render_markdown(
    columns: Sequence[str], rows: Sequence[dict[str, str | Decimal | int | None]]
) -> str:
    """A Markdown table; a header with no rows when empty."""
    lines = ["| " + " | ".join(columns) + " |", "|" + "|".join("---" for _ in columns) + "|"]
    lines += ["| " + " | ".join(md_cell(row.get(c)) for c in columns) + " |" for row in rows]
    return "\n".join(lines) + "\n"
