"""Pictures for the terminal: horizontal bars (totals --chart) and a Gantt chart (timeline).

Each function returns a string that fits the given width. Without colour (not a terminal, or
NO_COLOR) the pictures are drawn in plain ASCII ('#', '|', '-', '+'); with colour they use
Unicode blocks and Rich styles. User text (names, labels) is data, never markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction

from rich.cells import cell_len, set_cell_size
from rich.text import Text

from hankkeet.finnish import format_date
from hankkeet.locale import _
from hankkeet.models import Project
from hankkeet.render.draw import to_text
from hankkeet.render.layout import least_width, wrap

# A run of styled text: (text, Rich style or None).
Segment = tuple[str, str | None]
Line = list[Segment]

# Eighths of a block, for bars finer than one character when Unicode is allowed.
_EIGHTHS = ("", "▏", "▎", "▍", "▌", "▋", "▊", "▉")
_FULL = "█"


def fit(text: str, width: int) -> str:
    """Text padded or cut to exactly `width` terminal cells; a cut ends in '…'."""
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    return set_cell_size(text, width - 1) + "…"


def _draw(lines: Sequence[Line], width: int, color: bool) -> str:
    """Lines of segments as text: plain (right spaces trimmed), or styled through Rich."""
    if not color:
        return "".join("".join(t for t, _ in line).rstrip() + "\n" for line in lines)
    text = Text(no_wrap=True, overflow="crop")
    for i, line in enumerate(lines):
        if i:
            text.append("\n")
        for chunk, style in line:
            text.append(chunk, style=style or "")
    return to_text(text, width, color) if lines else ""


# --- Horizontal bars -------------------------------------------------------------------------


@dataclass(frozen=True)
class Bar:
    """One bar: its label, its value, and the value as people read it ('490 232 €')."""

    label: str
    value: Decimal | None
    text: str


def _bar(value: Decimal | None, peak: Decimal, width: int, color: bool) -> str:
    if value is None or value <= 0 or peak <= 0:
        return ""
    share = Fraction(value) / Fraction(peak)
    if not color:
        # A value above zero always gets a mark, so it never reads as nothing.
        return "#" * max(1, round(share * width))
    eighths = max(1, round(share * width * 8))
    return _FULL * (eighths // 8) + _EIGHTHS[eighths % 8]


def bar_chart(
    bars: Sequence[Bar],
    width: int,
    color: bool,
    label_header: str = "",
    value_header: str = "",
    footer: Bar | None = None,
) -> str:
    """A horizontal bar a row, scaled to the largest value, fitting `width` cells.

    Layout: label, bar, value. The value column is never cut; a label is cut with '…' when
    it would take more than half of what the values leave.
    """
    every = [*bars, *([footer] if footer else [])]
    label_w, bar_w, value_w = _bar_widths(every, label_header, value_header, width)
    peak = max((b.value for b in bars if b.value is not None), default=Decimal(0))
    lines: list[Line] = []
    if label_header or value_header:
        lines.append(
            [
                (fit(label_header, label_w), "bold"),
                (" " * (bar_w + 2), None),
                (value_header.rjust(value_w), "bold"),
            ]
        )
    for bar in bars:
        drawn = _bar(bar.value, peak, bar_w, color)
        first, *rest = wrap(bar.label, label_w) or [""]
        lines.append(
            [
                (fit(first, label_w) + " ", None),
                (drawn, "cyan"),
                (" " * (bar_w - cell_len(drawn) + 1), None),
                (bar.text.rjust(value_w), None),
            ]
        )
        lines.extend([(line, None)] for line in rest)
    if footer is not None:
        lines.extend(_footer_lines(footer, label_w, bar_w, value_w, color))
    return _draw(lines, width, color)


def _bar_widths(
    every: Sequence[Bar], label_header: str, value_header: str, width: int
) -> tuple[int, int, int]:
    """The widths of the label, bar and value columns: the value column never cut, a
    label at most half of what the values leave."""
    value_w = max([cell_len(value_header), *(cell_len(b.text) for b in every)])
    natural = max([cell_len(label_header), *(cell_len(b.label) for b in every), 1])
    # A label wraps between words (a programme name never: it has no space to wrap at
    # that the label would want to use) rather than being cut.
    least = max([least_width(label_header), *(least_width(b.label) for b in every), 1])
    room = max(2, width - value_w - 2)  # for label and bar together
    label_w = max(1, min(natural, max(least, room // 2, min(6, room - 4))))
    label_w = min(label_w, max(1, room - 1))
    return label_w, max(1, room - label_w), value_w


def _footer_lines(footer: Bar, label_w: int, bar_w: int, value_w: int, color: bool) -> list[Line]:
    """A rule across the chart, then the footer's label and value in bold."""
    rule = ("─" if color else "-") * (label_w + bar_w + value_w + 2)
    first, *rest = wrap(footer.label, label_w) or [""]
    lines: list[Line] = [
        [(rule, "dim")],
        [
            (fit(first, label_w), "bold"),
            (" " * (bar_w + 2), None),
            (footer.text.rjust(value_w), "bold"),
        ],
    ]
    lines.extend([(line, "bold")] for line in rest)
    return lines


# --- Timeline (Gantt chart) ------------------------------------------------------------------


def has_period(project: Project) -> bool:
    """Whether a project can be drawn: a start or an end, and not an end before the start."""
    if project.start is None and project.end is None:
        return False
    return not (project.start and project.end and project.end < project.start)


@dataclass(frozen=True)
class Axis:
    """The shared year axis: whole calendar years, `columns` cells wide."""

    first: date
    last: date
    columns: int

    def column(self, day: date) -> int:
        """The cell a day falls in (cells split the days evenly)."""
        days = (self.last - self.first).days + 1
        offset = min(max((day - self.first).days, 0), days - 1)
        return offset * self.columns // days

    def contains(self, day: date) -> bool:
        """Whether the day is on the axis."""
        return self.first <= day <= self.last


def timeline_axis(projects: Sequence[Project], today: date, columns: int) -> Axis | None:
    """Whole years from the first start to the last end; today's year too when near.

    Today widens the axis only when that at most doubles it, so old projects are not
    squeezed into a corner by a far-away today. None when no project has a period.
    """
    days = [d for p in projects if has_period(p) for d in (p.start, p.end) if d is not None]
    if not days:
        return None
    first_year, last_year = min(days).year, max(days).year
    span = last_year - first_year + 1
    if first_year - span <= today.year < first_year:
        first_year = today.year
    if last_year < today.year <= last_year + span:
        last_year = today.year
    return Axis(date(first_year, 1, 1), date(last_year, 12, 31), columns)


def _year_labels(axis: Axis, grid: str) -> tuple[str, str]:
    """The axis: year numbers over their first day, and a rule with a tick at each year."""
    labels = [" "] * axis.columns
    rule = ["-" if grid == "+" else "─"] * axis.columns
    free_from = 0
    for year in range(axis.first.year, axis.last.year + 1):
        col = axis.column(date(year, 1, 1))
        rule[col] = grid
        name = str(year)
        if col >= free_from and col + len(name) <= axis.columns:
            labels[col : col + len(name)] = list(name)
            free_from = col + len(name) + 1
    return "".join(labels), "".join(rule)


def timeline(projects: Sequence[Project], today: date, width: int, color: bool) -> str:
    """Each project's period as a bar on a shared year axis, today marked, fitting `width`.

    Rows run in order of start. A project with only a start (or only an end) is drawn to the
    edge of the axis with '>' (or '<'). Projects without a usable period are listed under
    the chart, never dropped.
    """
    dated = sorted(
        (p for p in projects if has_period(p)),
        key=lambda p: (p.start or date.min, p.end or date.max, p.name.casefold()),
    )
    undated = [p for p in projects if not has_period(p)]
    label_w = _label_width(dated, width)
    columns = max(8, width - label_w - 1)
    axis = timeline_axis(dated, today, columns)
    lines: list[Line] = []
    if axis is not None:
        lines.extend(_bar_lines(dated, axis, today, label_w, width, color))
    elif not undated:
        lines.append([(_("No projects."), None)])
    for project in undated:
        text = _("No period: {name}").format(name=project.name)
        lines.extend([(line, "dim")] for line in wrap(text, width))
    return _draw(lines, width, color)


def _label_width(dated: Sequence[Project], width: int) -> int:
    """The width of the names' column: the longest name, at least 5, but no wider than two
    fifths of `width` (unless a single word needs it) and leaving the axis 8 columns."""
    names = [cell_len(p.name) for p in dated] or [0]
    longest_word = max([least_width(p.name) for p in dated] or [0])
    return min(max([*names, 5]), max(6, longest_word, width * 2 // 5), width - 9)


def _bar_lines(
    dated: Sequence[Project], axis: Axis, today: date, label_w: int, width: int, color: bool
) -> list[Line]:
    """The chart proper: the year axis, a bar a project under its (wrapped) name, and
    today's mark."""
    bar_char, today_char, grid = ("#", "|", "+") if not color else (_FULL, "┃", "┼")
    years, rule = _year_labels(axis, grid)
    lines: list[Line] = [
        [(fit(_("Project"), label_w) + " ", "bold"), (years, "bold")],
        [(" " * (label_w + 1), None), (rule, "dim")],
    ]
    today_col = axis.column(today) if axis.contains(today) else None
    ticks = {axis.column(date(y, 1, 1)) for y in range(axis.first.year, axis.last.year + 1)}
    for project in dated:
        cells = _period_cells(project, axis, today_col, ticks, (bar_char, today_char), color)
        first, *rest = wrap(project.name, label_w) or [""]
        lines.append([(fit(first, label_w) + " ", None), *_merge(cells)])
        lines.extend([(line, None)] for line in rest)
    lines.extend(_today_lines(today, today_col, today_char, label_w, axis.columns, width))
    return lines


def _period_cells(
    project: Project,
    axis: Axis,
    today_col: int | None,
    ticks: set[int],
    chars: tuple[str, str],
    color: bool,
) -> list[Segment]:
    """A project's row of the axis, a cell a column: its period as a bar ('<' or '>' at an
    open side), today's mark over it, and a dot at each year's first day elsewhere."""
    bar_char, today_char = chars
    cells: list[Segment] = []
    lo = axis.column(project.start) if project.start else 0
    hi = axis.column(project.end) if project.end else axis.columns - 1
    for col in range(axis.columns):
        if col == today_col:
            cells.append((today_char, "bold red"))
        elif lo <= col <= hi:
            mark = (
                "<"
                if col == lo and project.start is None
                else ">"
                if col == hi and project.end is None
                else bar_char
            )
            cells.append((mark, "cyan"))
        elif col in ticks:
            cells.append(("." if not color else "·", "dim"))
        else:
            cells.append((" ", None))
    return cells


def _today_lines(
    today: date, today_col: int | None, today_char: str, label_w: int, columns: int, width: int
) -> list[Line]:
    """Today's mark under the axis (said in words when today is off the axis)."""
    today_word = _("today")
    marker = f"{today_char} {today_word} {format_date(today)}"
    if today_col is None:
        outside = _("Today ({date}) is outside the axis.").format(date=format_date(today))
        return [[(line, "dim")] for line in wrap(outside, width)]
    if today_col + cell_len(marker) <= columns:
        return [[(" " * (label_w + 1 + today_col), None), (marker, "bold red")]]
    back = f"{today_word} {format_date(today)} {today_char}"
    pad = max(0, label_w + 1 + today_col - cell_len(back) + 1)
    return [[(" " * pad, None), (fit(back, width - pad), "bold red")]]


def _merge(cells: list[Segment]) -> Line:
    """Neighbouring cells of one style as one segment (fewer escape codes)."""
    merged: Line = []
    for text, style in cells:
        if merged and merged[-1][1] == style:
            merged[-1] = (merged[-1][0] + text, style)
        else:
            merged.append((text, style))
    return merged
