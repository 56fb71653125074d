"""List pages of projects each told by a heading over its own run of labels ('Vaasan
yliopisto' / 'Vaikuttavuutta Leader-toimintaan' / 'Budjetti: …', and the next): where each
run starts and which heading names it (lists.py reads the other kinds of list).
"""

from __future__ import annotations

from hankkeet.diagnostics import Code
from hankkeet.locale import M_
from hankkeet.models import Layout
from hankkeet.reading.blocks import Block, Note
from hankkeet.reading.funding import find_programmes
from hankkeet.reading.labels import (
    Field,
)
from hankkeet.reading.layouts.fill import add, new_block
from hankkeet.reading.layouts.headlines import strip_years, years_of
from hankkeet.reading.layouts.items import Item, ItemKind, is_prose
from hankkeet.reading.layouts.lists import heading_like, name_line, outside_programme
from hankkeet.reading.lines import titleable
from hankkeet.reading.prose import about_many
from hankkeet.reading.text import shorten

__all__ = ["label_runs"]


# The fields whose label, given again, says that the next project has begun.
_RUN_FIELDS = frozenset(
    {Field.PERIOD, Field.START, Field.END, Field.BUDGET, Field.CITY_SHARE, Field.FUNDING}
)


_RUN_CONTACT = frozenset({Field.CONTACTS})


_RUN_KINDS = (ItemKind.FIELD, ItemKind.OTHER, ItemKind.UNKNOWN)


def label_runs(items: list[Item]) -> list[Block]:
    """A page of projects each told by a heading over its own run of labels ('Vaasan
    yliopisto' / 'Vaikuttavuutta Leader-toimintaan' / 'Budjetti: …' / 'Tuki: …', and the
    next): a fact's label given again starts the next project, and so does a contact label
    with its colon given again after text ('Lisätietoja:' under each heading); each
    project's name is the heading above its run, with at most its paragraphs between. A run
    with no such heading is no evidence of a project: then the page is no list of this
    kind."""
    starts = _run_starts(items)
    if len(starts) < 2:
        return []
    found = _run_heads(items, starts)
    if found is None:
        return []
    heads, headless = found
    # The page's text above the list says whose programme's projects they are, if any.
    context = next(
        (i for i in items[: heads[0]] if i.kind == "text" and find_programmes(i.text)), None
    )
    blocks: list[Block] = []
    for k, head in enumerate(heads):
        end = heads[k + 1] if k + 1 < len(heads) else len(items)
        line, title = _run_name(items[head])
        block = new_block(strip_years(title), line, Layout.PROSE, "heading")
        block.years = years_of(title)
        rest = items[head].lines[1:] if line != name_line(items[head])[0] else []
        if rest:  # the paragraph the name opens: the project's own text
            add(block, Item(ItemKind.TEXT, rest[0][0], " ".join(t for _, t in rest), lines=rest))
        for item in items[head + 1 : end]:
            add(block, item)
        if context is not None and Field.FUNDING not in block.fields:
            outside_programme(block, context)
        block.notes.extend(_headless_run(block, items[n]) for n in headless if head < n < end)
        blocks.append(block)
    return blocks


def _headless_run(block: Block, item: Item) -> Note:
    """A run of labels with no heading above it, read as part of the project above."""
    return Note(
        Code.UNSURE_BOUNDARY,
        M_(
            "labels again from line {at} with no heading above them: another project may "
            "start here; read as part of '{title}' (line {line})",
            at=item.line,
            title=shorten(block.title),
            line=block.line,
        ),
        item.line,
        None,
        None,
    )


def _run_starts(items: list[Item]) -> list[int]:
    """Where each run of labels starts: at a fact's label given again in the run (or at the
    first), or a contact label with its colon after the run; the run's labels of other
    things above it included."""
    starts: list[int] = []
    seen: set[Field] = set()
    for n, item in enumerate(items):
        if item.kind is not ItemKind.FIELD or item.fld not in _RUN_FIELDS | _RUN_CONTACT:
            continue
        if item.fld in _RUN_CONTACT and not (item.label is not None and item.label.colon):
            continue  # 'Lisätietoja' alone over a person: a section of the page, no label run
        if not starts or item.fld in seen:
            k = n
            while k > 0 and items[k - 1].kind in _RUN_KINDS:
                k -= 1  # the run's labels of other things above it are its own
            if item.fld in _RUN_CONTACT and starts and k <= starts[-1]:
                continue  # two contact labels in one run: one project's people
            starts.append(k)
            seen = set()
        seen.add(item.fld)
    return starts


def _run_heads(items: list[Item], starts: list[int]) -> tuple[list[int], list[int]] | None:
    """The heading above each run of labels (none in an earlier run), and the runs with none
    after the first: each is read with the run above it (and said). None when the first run
    has no heading."""
    heads: list[int] = []
    headless: list[int] = []
    floor = 0
    for start in starts:
        head = _head_above(items, start, floor) if start >= floor else None
        if head is None and not heads:
            return None
        if head is None:
            headless.append(max(start, floor))
        else:
            heads.append(head)
        floor = max(start, floor) + 1
    return heads, headless


def _head_above(items: list[Item], start: int, floor: int) -> int | None:
    """The heading of the run of labels at `start`: the nearest line above it that may be a
    title, with only paragraphs of prose between (none of an earlier run)."""
    for k in range(start - 1, floor - 1, -1):
        item = items[k]
        if item.kind in (ItemKind.OTHER, ItemKind.UNKNOWN):
            continue  # a label of other things under the heading ('Tavoite: …'): the run's
        if item.kind is not ItemKind.TEXT:
            return None
        if heading_like(item):
            # 'SKS:n hankkeet' over its list: a section of projects, no project's heading.
            return None if about_many(name_line(item)[1]) else k
        if _opens_with_name(item):
            return k
        if not is_prose(item.lines or [(item.line, item.text)]):
            return None
    return None


def _opens_with_name(item: Item) -> bool:
    """A paragraph whose first line is a name over the project's own prose ('Wiitaseudun
    logistiikkakeskus Wiilo' / 'Hankkeen verkkosivu' / 'Investoinnilla halutaan …'), with no
    blank line between."""
    if len(item.lines) < 2:
        return False
    first = item.lines[0][1]
    return (
        len(first) <= 100
        and not first.rstrip().endswith((".", "!", "?", ":"))
        and titleable(first)
        and not about_many(first)
        and is_prose(item.lines[1:])
    )


def _run_name(item: Item) -> tuple[int, str]:
    """The name of a run's heading: the heading's own line, or the first line of a paragraph
    that opens with its name (_opens_with_name)."""
    if not heading_like(item) and _opens_with_name(item):
        return item.lines[0]
    return name_line(item)
