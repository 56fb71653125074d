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
from hankkeet.reading.labels import ORGANISATION_ENDINGS, THE_PROJECT_WORDS
from hankkeet.reading.layouts import agenda, card, database, news
from hankkeet.reading.layouts.items import Item, Page, items_of
from hankkeet.reading.layouts.leftovers import unclaimed_facts, unread_grants, unread_projects
from hankkeet.reading.records import ReadBlock, claim_id, read_block
from hankkeet.reading.text import shorten

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
        read = [read_block(block, self.path) for block in blocks]
        if len(read) == 1 and _organisation_only(read[0], page, items):
            read = []  # on a list of several, an applicant's name in place of one stays said
        if not read:
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
        unclaimed_facts(items, read)
        for one in read:
            yield claim_id(one, self.registry)
        yield from page.notes
        yield from unread_projects(items, read, self.path)
        yield from unread_grants(items, read, self.path)


def _organisation_only(one: ReadBlock, page: Page, items: list[Item]) -> bool:
    """A page about an organisation ('Oulun Seudun Leader ry' over what it does): its name
    is no project's, and with no period, money or contact read under it, and no word of the
    text about the project, there is no project; said where it stands."""
    project = one.project
    if not project.name.casefold().endswith(ORGANISATION_ENDINGS) or (
        project.start or project.end or project.budget or project.city_share or project.contacts
    ):
        return False
    if any(
        w.strip('.,:;!?()"”') in THE_PROJECT_WORDS
        for item in items
        for w in item.text.casefold().split()
    ):
        return False  # 'The project will begin …': a project's page, its name taken wrong
    page.notes.append(
        Diagnostic(
            Code.PREAMBLE,
            M_(
                "'{name}' is an organisation's name, and no period, money or contact of a project "
                "was read under it: no project was made of it",
                name=shorten(project.name),
            ),
            page.path,
            project.source.line,
        )
    )
    return True
