"""Every layout but the seed's: register cards, database pages, agendas, news and list pages.

A page of these is read whole (they are pages, not streams): first its lines become items
(a label with its value, a heading, a paragraph of text), then the layout's boundary rule
cuts the items into projects, and each project's items fill one block. Only evidence starts
a project: a name label or a card heading (cards), a header block (database pages), an
agenda section about one project (agendas), a headline or a list entry (news and lists).

The items and the blocks are items.py's; each family's boundary rule is a module of its own
(card.py, database.py, agenda.py, news.py with lists.py), chosen through READERS.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from hankkeet.diagnostics import Code, Diagnostic
from hankkeet.locale import M_
from hankkeet.models import Layout
from hankkeet.reading.blocks import Block, IdRegistry, ParsedProject
from hankkeet.reading.layouts import agenda, card, database, news
from hankkeet.reading.layouts.items import Item, Page, items_of
from hankkeet.reading.layouts.leftovers import unclaimed_facts, unread_grants, unread_projects
from hankkeet.reading.records import claim_id, read_block

# The family's reader of each whole-page layout: the page's items into its projects' blocks.
READERS: dict[Layout, Callable[[Page, list[Item]], list[Block]]] = {
    Layout.CARD: card.read,
    Layout.DATABASE: database.read,
    Layout.AGENDA: agenda.read,
    Layout.PROSE: news.read,
}


class DocumentReader:
    """Reads one whole page of a layout other than the seed's."""

    def __init__(self, path: str, registry: IdRegistry, layout: Layout) -> None:
        self.path = path
        self.registry = registry
        self.layout = layout

    def read(self, lines: list[tuple[int, str]]) -> Iterator[ParsedProject | Diagnostic]:
        """The page's projects, then its file findings (no-projects when there is none)."""
        # A part of a file starts where it starts.
        page = Page(self.path, lines[0][0] if lines else 1)
        items = items_of(lines)
        blocks = [b for b in READERS[self.layout](page, items) if b is not None]
        if not blocks:
            yield Diagnostic(
                Code.NO_PROJECTS,
                M_("{path} holds no project description", path=self.path),
                self.path,
                1,
            )
            yield from page.notes
            if self.layout is Layout.PROSE and not page.notes:
                yield from news.unknown_layout(items, self.path)
            return
        read = [read_block(block, self.path) for block in blocks]
        unclaimed_facts(items, read)
        for one in read:
            yield claim_id(one, self.registry)
        yield from page.notes
        yield from unread_projects(items, read, self.path)
        yield from unread_grants(items, read, self.path)
