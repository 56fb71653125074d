"""Agendas and minutes: a section (§ 5) about one project is that project."""

from __future__ import annotations

from hankkeet.diagnostics import Code, Diagnostic
from hankkeet.locale import M_
from hankkeet.models import Layout
from hankkeet.reading.blocks import Block
from hankkeet.reading.labels import (
    AGENDA_SECTION_WORDS,
    DECIDED_DOCUMENTS,
    PROJECT_SUFFIXES,
    PROJECT_WORDS,
)
from hankkeet.reading.layouts.fill import add, new_block, unsure_name
from hankkeet.reading.layouts.headlines import about_one_project
from hankkeet.reading.layouts.items import SECTION, Item, Page
from hankkeet.reading.layouts.names import QUOTED, hanke_names
from hankkeet.reading.lines import titleable
from hankkeet.reading.text import shorten


def _names_a_project(title: str) -> bool:
    """A title that says it names a project ('Ruoninluodon sillan korjaushanke')."""
    last = title.casefold().replace("-", " ").split()[-1:] or [""]
    return any(word in last[0] for word in PROJECT_WORDS)


def _title(head: Item, body: list[Item]) -> tuple[str, int, list[Item]]:
    """An item's title, its line and the items under it: the section line's text ('§ 41
    Title'), or the first line under it that may be a title."""
    m = SECTION.match(head.text)
    title = m.group(3).strip() if m else ""
    if title and titleable(title):
        return title, head.line, body
    for k, item in enumerate(body):
        if (
            item.kind == "text"
            and len(item.lines) == 1
            and (titleable(item.text) or QUOTED.search(item.text))
            and item.text.casefold() not in AGENDA_SECTION_WORDS
        ):
            return item.text, item.line, body[k + 1 :]
    return title, head.line, body


def _sections(items: list[Item]) -> list[tuple[Item, list[Item]]]:
    """Each section line (§ 5) with the items under it; items before the first are left out."""
    sections: list[tuple[Item, list[Item]]] = []
    for item in items:
        if item.kind == "section":
            sections.append((item, []))
        elif sections:
            sections[-1][1].append(item)
    return sections


def read(page: Page, items: list[Item]) -> list[Block]:
    """An agenda's blocks: one per section about one project, a note for each other section."""
    blocks: list[Block] = []
    for head, body in _sections(items):
        title, title_line, rest = _title(head, body)
        text = " ".join(i.text for i in rest if i.kind == "text")
        if not title or not about_one_project(title, text):
            page.notes.append(
                Diagnostic(
                    Code.PREAMBLE,
                    M_(
                        "agenda item '{title}' is not about one project",
                        title=shorten(title or head.text),
                    ),
                    page.path,
                    head.line,
                )
            )
            continue
        blocks.append(_section_block(title, title_line, rest))
    return blocks


def _section_name(title: str, rest: list[Item]) -> str:
    """The project's name a section's title gives: a quoted name, a '-hanke' name, or the
    title without the decision's verbal noun; made whole by the text under it."""
    quoted = [q for q in QUOTED.findall(title) if len(q) > 3]
    named = hanke_names(title)
    name = (
        quoted[0]
        if quoted
        else _without_document(named[0], title)
        if named
        else _without_decision(title)
    )
    # 'VisitSaimaa-hankkeeseen' in the title, 'VisitSaimaa-Lakeland Finland -hanke' in
    # the text: the text gives the whole name.
    fuller = [
        n
        for i in rest[:6]
        if i.kind in ("text", "field")
        for n in hanke_names(i.text)
        if n.startswith(name) and len(n) > len(name)
    ]
    return fuller[0] if fuller else name


def _section_block(title: str, title_line: int, rest: list[Item]) -> Block:
    """The block of a section about one project: its name, then the items under its title
    (the agenda's own headings such as 'Valmistelija' left out)."""
    name = _section_name(title, rest)
    block = new_block(name, title_line, Layout.AGENDA, "agenda")
    if name == title and not _names_a_project(title):
        # The item's title is the decision's ('Tilapäisen lainan myöntäminen …'), which
        # may not be the project's name: kept, and said, with the names the text gives.
        unsure_name(block, [n for i in rest[:6] if i.kind == "text" for n in hanke_names(i.text)])
    for item in rest:
        if item.kind == "text" and item.text.casefold().rstrip(":") in AGENDA_SECTION_WORDS:
            continue
        add(block, item)
    return block


def _without_document(name: str, title: str) -> str:
    """A '-hanke' name without the document before it, when the project word is inflected
    (the decision is about the document, of the project): 'Verkostosta vetovoimaa' of
    'Kumppanuussopimus Verkostosta vetovoimaa -hankkeen toteuttamisesta'."""
    first, _, rest = name.partition(" ")
    after = title[title.find(name) + len(name) :].lstrip(" -–").casefold()
    inflected = after.startswith(("hankkee", "projektin", "projektille", "projektiin"))
    if rest and first.casefold().endswith(DECIDED_DOCUMENTS) and inflected:
        return rest
    return name


def _without_decision(title: str) -> str:
    """'Osallistuminen Kuha-Suomen kalatalousryhmän kehittämishanke': the decision's verbal
    noun before a project's name in its nominative is no part of the name."""
    words = title.split()
    if (
        len(words) > 2
        and words[0].casefold().endswith("minen")
        and title.casefold().endswith(PROJECT_SUFFIXES)
    ):
        return " ".join(words[1:])
    return title
