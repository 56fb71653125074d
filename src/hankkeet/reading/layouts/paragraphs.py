"""A news text about several projects, a paragraph each: each paragraph that names a new
project and speaks of its money (or opens with its name and its years) starts it. A part of
the list readers (lists.py)."""

from __future__ import annotations

from hankkeet.models import Layout
from hankkeet.reading.blocks import Block
from hankkeet.reading.funding import find_programmes
from hankkeet.reading.labels import GENERIC_NAMES
from hankkeet.reading.layouts.fill import add, new_block
from hankkeet.reading.layouts.headlines import GRANT
from hankkeet.reading.layouts.items import Item
from hankkeet.reading.layouts.lists import outside_programme
from hankkeet.reading.layouts.names import compound_names, hanke_names
from hankkeet.reading.prose import YEAR_RANGE


def _first_name_in(text: str) -> str | None:
    """The first project a paragraph names, by where the name stands."""
    found: list[tuple[int, str]] = []
    for name in hanke_names(text) + compound_names(text):
        pos = text.find(name.split()[0])  # a compound's last word stands inflected
        if pos >= 0 and name.split()[-1].casefold() not in GENERIC_NAMES:
            found.append((pos, name))
    return min(found)[1] if found else None


def by_paragraph(body: list[Item]) -> list[Block]:
    """A news text about two or more funding decisions: each paragraph that names a new
    project and speaks of its money starts that project; the paragraphs after it, until
    the next, are its own."""
    starts = _paragraph_starts(body)
    if len(starts) < 2:
        return []
    # One programme named once on the page ('… AIKO-rahoituksesta', then 'Myös X -hanke sai
    # AIKO-rahoitusta') is every reported project's programme.
    named = [
        i for i in body if i.kind == "text" and GRANT.search(i.text) and find_programmes(i.text)
    ]
    shared = named[0] if len({p for i in named for p in find_programmes(i.text)}) == 1 else None
    blocks: list[Block] = []
    for j, (k, name) in enumerate(starts):
        end = starts[j + 1][0] if j + 1 < len(starts) else len(body)
        block = new_block(name, body[k].line, Layout.PROSE, "paragraph")
        for item in body[k:end]:
            add(block, item)
        if shared is not None and not any(find_programmes(t) for _, t in block.prose):
            outside_programme(block, shared)
        blocks.append(block)
    return blocks


def _paragraph_starts(body: list[Item]) -> list[tuple[int, str]]:
    """The paragraphs that speak of money and name a project not named before (one name the
    start of another counts as the same), with that name."""
    starts: list[tuple[int, str]] = []
    for k, item in enumerate(body):
        if item.kind != "text":
            continue
        name = _first_name_in(item.text)
        if name is None or any(name.startswith(n) or n.startswith(name) for _, n in starts):
            continue
        # A paragraph that opens with its project's name and its years ('Otetaan koppi
        # -hanke toteutettiin 2019–2021.', a list of past projects) starts it without a word
        # of money.
        if GRANT.search(item.text) or _opens_with_years(item.text, name):
            starts.append((k, name))
    return starts


def _opens_with_years(text: str, name: str) -> bool:
    """The paragraph's first sentence is its project's name and the project's years."""
    first = text.split(". ", 1)[0]
    return first.startswith(f"{name} -") and YEAR_RANGE.search(first) is not None
