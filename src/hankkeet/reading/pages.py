"""Pages pasted into one text: the lines that show where a page of another layout begins.

A user may paste several pages into one file: a city's project page, a council's agenda, a
register card. A layout chosen once per file reads every later page with the first page's
reader and merges their facts into its last project. So the engine (engine.py) cuts the text
into parts where a page of another family begins, and reads each part by the layout its own
first lines give. A page of another family shows itself by an anchor line:

- agenda: an item's section line ('§ 155 Hankkeen rahoitus', '12 §');
- card: a register card's heading ('... rahoittaman hankkeen kuvaus', 'Hankkeen tiedot');
- database: a database page's kind-and-number line ('Kehittämishanke - 171169');
- any family: a line that stands only at a page's top ('Siirry sisältöön', 'Takaisin
  etusivulle'); the page's own lines then tell its family;
- labelled: a title line over a run of our label lines that gives two of our fields. Inside
  an agenda item, a card or a database page, label runs are the page's own; a run restating
  a fact the page has stated already (a second period, a second budget) is another page's,
  and so is a run of three of our fields under a title in an agenda item (decisions state
  their facts in sentences).

The new part starts at its anchor, or above it at the page's head: up to three short
paragraphs that neither a label of ours nor a sentence ends (a board's name and the meeting's
date over an agenda, 'Euroopan unioni' over a card).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import Enum
from typing import NamedTuple

from hankkeet.models import Layout
from hankkeet.reading.labels import PAGE_TOP_LINES, Field
from hankkeet.reading.lines import (
    HEADING_MAX,
    KIND_NUMBER,
    classify,
    is_card_heading,
    is_section_mark,
    titleable,
)

# A page's head: at most this many paragraphs of at most this many short lines.
_HEAD_PARAGRAPHS = 3
_HEAD_LINES = 3
_HEAD_CHARS = 100
_HEAD_BLANKS = 3  # blank lines between two paragraphs of a head, at most
# The most lines above an anchor that its page head can take.
HEAD_REACH = _HEAD_LINES + _HEAD_PARAGRAPHS * (_HEAD_LINES + _HEAD_BLANKS)
# A card's or a database page's text after its last field: a few short sections at most
# (the most in the corpus: 11 lines, 900 characters).
TAIL_LINES = 25
TAIL_CHARS = 3000
# The patterns below are kept as text: re compiles (and keeps) one when a page first needs
# it, not at every start.
# Facts an agenda item states in sentences: a period of two dates, an amount of euros.
_PERIOD_TEXT = r"\d{1,2}\.\d{1,2}\.(?:\d{2}|\d{4})?\s*[-–]\s*\d{1,2}\.\d{1,2}\.\d{4}"
# A line of a label run that is no label we know ('Tavoite: …', 'Kohderyhmä: …').
_LABEL_LIKE = r"^\s*[A-ZÅÄÖ][\w -]{1,40}:\s"
# A line that ends a sentence or a paragraph: a title may stand right under it.
_ENDED = r"[.!?)]\s*$"
_MONEY_TEXT = r"(?i)\d[\d  .]*(?:,\d+)?\s?(?:€|euro|EUR)"


class PageTop(Enum):
    """A line that stands only at a page's top (a skip link): a page begins, and its own
    lines tell its family."""

    TOP = "top"


TOP = PageTop.TOP
# What a line shows the start of: a page of a layout family (models.Layout), or a page's top.
Anchor = Layout | PageTop


def may_be_anchor(line: str) -> bool:
    """Whether a line may be an agenda, card or database anchor: cheap checks in C that
    rule out most lines of a labelled page (the engine runs them on every line)."""
    return "§" in line or (":" not in line and 0 < len(line) < HEADING_MAX)


def opens_other_page(lines: Sequence[str]) -> bool:
    """Whether a line of `lines` opens an agenda's, a card's or a database page (pages
    pasted into one file). may_be_anchor is written out in the list's test: it runs for every
    line of a long file, and a call a line costs more than the rest of this."""
    maybe = [
        k
        for k, line in enumerate(lines)
        if "§" in line or (":" not in line and 0 < len(line) < HEADING_MAX)
    ]
    return any(strong_anchor(lines[k], lines[k - 1] if k else "") is not None for k in maybe)


def strong_anchor(line: str, above: str) -> Anchor | None:
    """The family whose page an agenda, card or database line opens; `above` is the line
    over it ('' after a blank line: a database page's kind line stands under one word,
    'Hanke' or 'Projekt')."""
    text = line.strip()
    if not text:
        return None
    if "§" in text and is_section_mark(text):
        return Layout.AGENDA
    if is_card_heading(text):
        return Layout.CARD
    if len(text) < HEADING_MAX and text.casefold().strip(" .»>") in PAGE_TOP_LINES:
        return TOP
    above = above.strip()
    if text[-1:].isdigit() and above and " " not in above and KIND_NUMBER.match(text):
        return Layout.DATABASE
    return None


class Run(NamedTuple):
    """A title line over a run of our labels: where the title stands, the run's fields, and
    whether the title is glued under a line of text with no blank line or sentence end
    between them (then it may be that text's last line, not a title)."""

    title: int
    fields: set[Field]
    glued: bool


def labelled_run(lines: Sequence[tuple[int, str]], end: int) -> Run | None:
    """When the line at `end` ends a run of label lines that gives two or more of our
    fields under a title line: the index of the title line, and the run's fields."""
    label = classify(lines[end][1])
    if label is None or label.field is None:
        return None
    before, k = _labels_above(lines, end)
    if len(before | {label.field}) < 2:
        return None
    # The title: the line over the run (up to two blank lines may stand between them),
    # itself after a blank line or at the top.
    title = k
    while title >= 0 and not lines[title][1].strip() and k - title < 2:
        title -= 1
    if title < 0 or not lines[title][1].strip():
        return None
    text = lines[title][1]
    over = classify(text)
    if (over is not None and over.field is not None) or not titleable(text.strip(), over):
        return None
    above_title = lines[title - 1][1].strip() if title > 0 else ""
    if above_title.endswith((":", ",", ";")):
        return None  # the title line runs on from a label or a sentence above it
    return Run(
        title, before | {label.field}, bool(above_title) and not re.search(_ENDED, above_title)
    )


def _labels_above(lines: Sequence[tuple[int, str]], end: int) -> tuple[set[Field], int]:
    """The fields of the run of label lines (ours, others', or lines shaped like a label)
    right above the line at `end`, and the index of the line over the run."""
    before: set[Field] = set()
    k = end - 1
    while k >= 0 and lines[k][1].strip():
        above = classify(lines[k][1])
        if above is None and not re.match(_LABEL_LIKE, lines[k][1]):
            break
        if above is not None and above.field is not None:
            before.add(above.field)
        k -= 1
    return before, k


def facts_stated(line: str, family: Anchor | None) -> set[Field]:
    """The facts a line states: our label's field; in an agenda item also a period or an
    amount of euros in a sentence."""
    label = classify(line)
    found: set[Field] = set()
    if label is not None and label.field is not None and label.value:
        found.add(label.field)
    if family is Layout.AGENDA:
        if re.search(_PERIOD_TEXT, line):
            found.add(Field.PERIOD)
        if re.search(_MONEY_TEXT, line):
            found.add(Field.BUDGET)
    return found


def page_top(lines: Sequence[tuple[int, str]], anchor: int, floor: int = 0) -> int:
    """Where the page whose anchor stands at index `anchor` begins: the anchor, or the first
    line of the page head above it (never above `floor`)."""
    start = anchor
    # Lines right over the anchor, with no blank line between ('Hanke' over its kind line).
    k = anchor - 1
    while k >= floor and lines[k][1].strip() and anchor - k <= _HEAD_LINES:
        if not _head_like(lines[k][1]):
            return start
        k -= 1
    if k >= floor and lines[k][1].strip():
        return start  # a long paragraph runs into the anchor: no head to take
    start = k + 1
    for _ in range(_HEAD_PARAGRAPHS):
        blanks = 0
        while k >= floor and not lines[k][1].strip() and blanks <= _HEAD_BLANKS:
            k, blanks = k - 1, blanks + 1
        if k < floor or blanks > _HEAD_BLANKS:
            break
        top = k
        while top - 1 >= floor and lines[top - 1][1].strip():
            top -= 1
        paragraph = lines[top : k + 1]
        if len(paragraph) > _HEAD_LINES or not all(_head_like(t) for _n, t in paragraph):
            break
        if top == floor or top - 1 < floor:
            break  # the part's own top: it is the page before, not a head of this one
        start, k = top, top - 1
    return start


def has_substance(lines: Sequence[tuple[int, str]], anchor: int) -> bool:
    """Whether the lines above a page's head hold a page of their own: two labels of ours,
    or two lines of sentences, not only a page's own head (a logo's text, a board's name, a
    long heading)."""
    above = [t for _n, t in lines[: page_top(lines, anchor)] if t.strip()]
    ours = [lab for t in above if (lab := classify(t)) is not None and lab.field is not None]
    return len(ours) >= 2 or sum(not _head_like(t) for t in above) >= 2


def long_tail(lines: Sequence[tuple[int, str]]) -> int | None:
    """On a register card or a database page, the first line of a long text after its last
    label of ours (more than TAIL_LINES lines or TAIL_CHARS characters): such pages end with
    their fields, so a page pasted under one may begin there. None when the tail is short."""
    last = -1
    for k, (_n, text) in enumerate(lines):
        label = classify(text) if ":" in text or text[:1].isupper() else None
        if label is not None and label.field is not None:
            last = k
    tail = [(n, t) for n, t in lines[last + 1 :] if t.strip()]
    if len(tail) > TAIL_LINES or sum(len(t) for _n, t in tail) > TAIL_CHARS:
        return tail[0][0]
    return None


def _head_like(text: str) -> bool:
    """A line a page's head may hold: short, no label of ours, no sentence's end."""
    text = text.strip()
    if len(text) > _HEAD_CHARS or text.endswith((".", "!", "?")):
        return False
    label = classify(text)
    return label is None or label.field is None
