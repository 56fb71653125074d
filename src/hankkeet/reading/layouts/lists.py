"""List pages: entries ('Name 2019-2021: …'), list items that name projects in quotes or
under a lead-in, projects under headings of their own, and news of several grants by
paragraph (a heading over each project's own run of labels: runs.py).
"""

from __future__ import annotations

import re

from hankkeet.diagnostics import Code
from hankkeet.locale import M_
from hankkeet.models import Layout
from hankkeet.reading.blocks import Block, FieldValue, Note
from hankkeet.reading.funding import find_programmes
from hankkeet.reading.labels import (
    CAPTION_PHRASES,
    GENERIC_NAMES,
    ORGANISATION_ENDINGS,
    PROJECT_SUFFIXES,
    PROJECT_WORDS,
    THE_PROJECT_WORDS,
    Field,
)
from hankkeet.reading.layouts.columns import LIST_MARK, LISTED_NAME
from hankkeet.reading.layouts.fill import add, new_block
from hankkeet.reading.layouts.headlines import (
    prose_name,
    sentence_headline,
    strip_kind,
    strip_years,
    years_of,
)
from hankkeet.reading.layouts.items import Item, ItemKind, is_prose
from hankkeet.reading.layouts.names import HANKE_NAME, hanke_names
from hankkeet.reading.lines import classify, titleable
from hankkeet.reading.people import role_label
from hankkeet.reading.prose import about_many

_ENTRY = re.compile(r"^(?P<name>[^:.!?]{3,100}?):\s+(?P<rest>[A-ZÅÄÖ].*)$")


def entries(items: list[Item]) -> list[Block]:
    """A list page: paragraphs that start 'Name 2019-2021: sentence…', one per project."""
    blocks: list[Block] = []
    current: Block | None = None
    heads = [
        m.group("name").casefold()
        for item in items
        if item.kind == "text" and (m := _ENTRY.match(item.text)) is not None
    ]
    # A head that opens two entries ('Contents: …' under each project) is a label.
    labels = {head for head in heads if heads.count(head) > 1}
    for item in items:
        m = _ENTRY.match(item.text) if item.kind == "text" else None
        if m is not None and (
            m.group("name").casefold() in labels or _no_entry(m.group("name"), m.group("rest"))
        ):
            m = None
        if m is not None and titleable(m.group("name")):
            name = _entry_name(m.group("name"), m.group("rest"))
            current = new_block(strip_years(name), item.line, Layout.PROSE, "entry")
            current.years = years_of(m.group("name"))
            current.prose.append((item.line, m.group("rest")))
            blocks.append(current)
        elif current is not None and item.kind == "text" and not titleable(item.text):
            current.prose.append((item.line, item.text))
        elif current is not None:
            add(current, item)
    return blocks


def _no_entry(name: str, rest: str) -> bool:
    """'Plats: Kalix kommun, sessionssalen.', 'Illustration: Klar Svan.', 'När … kommer igång
    vidgas regionen: …': a one-word head, or one in capitals ('LUOVAN ALAN OSAAJAT:
    Ideoijat …'), whose text says nothing of a project is a detail's label, a sentence is
    no name, and a head that ends with a role ('… (WP1) Leader: SLU
    Group', 'Projektipäällikkö: …') is the role's label, and a photo's caption ('Upper row
    from the left: …') names people."""
    if sentence_headline(name) or role_label(name) or _caption(name):
        return True
    words = rest.casefold().replace("-", " ").split()
    return (" " not in name.strip() or name.isupper()) and not any(
        w.strip('.,:;!?()"”').startswith(PROJECT_WORDS) or w.endswith(PROJECT_SUFFIXES)
        for w in words
    )


def _caption(name: str) -> bool:
    """'Upper row from the left', 'Kuvassa vasemmalta': a photo's caption, over the names of
    the people in it."""
    folded = f" {name.casefold()} "
    return any(f" {phrase} " in folded for phrase in CAPTION_PHRASES)


def outside_programme(block: Block, item: Item) -> None:
    """A programme the page names outside every project's own text is none of theirs
    (issue 23: a fact goes to the project whose segment holds it): left empty, and said."""
    block.notes.append(
        Note(
            Code.UNCERTAIN_FACT,
            M_(
                "the page names the programme '{programme}' outside this project's own text "
                "(line {line}); not used",
                programme=", ".join(find_programmes(item.text)),
                line=item.line,
            ),
            block.line,
            None,
            "programme",
        )
    )


def heading_like(item: Item) -> bool:
    """A line (or a short stack of lines) whose last line may be a title: no sentence."""
    _, last = name_line(item)
    return (
        len(item.lines) <= 3
        and len(last) <= 160
        and not last.rstrip().endswith((".", "!", "?"))
        and titleable(last)
    )


def name_line(item: Item) -> tuple[int, str]:
    """A heading's name: of a stack ('Vaasan yliopisto' over the name), the line nearest
    the labels; an item of a list without its mark ('• Krutfjällslänken' over its budget)."""
    line, text = item.lines[-1] if item.lines else (item.line, item.text)
    return line, LIST_MARK.sub("", text.lstrip())


def _entry_name(head: str, rest: str) -> str:
    """An entry's project: the '-hanke' its head names ('Vieremän Kylänraitti ry, Rientola
    elää-hanke'), or, when the head is its applicant ('Iiden ry'), the one its text names."""
    named = hanke_names(head)
    if named and not head.startswith(named[-1]):
        return named[-1]  # not 'KOTELO-hanke', which is its own name
    if head.casefold().endswith(ORGANISATION_ENDINGS):
        in_text = list(dict.fromkeys(hanke_names(rest)))
        if len(in_text) == 1:
            return in_text[0]
    return head


def quoted_list(items: list[Item]) -> list[Block]:
    """List items that each name a project in quotes ('• Cursor Oy hanke “Kymenlaakso –
    luonnollisesti lähellä” enintään 80 000 €'): one project an item. The page's contact
    block and the programme its text names are shared by all of them."""
    rows = [
        (line, row)
        for item in items
        if item.kind == "text"
        for line, row in item.lines
        if LIST_MARK.match(row) and LISTED_NAME.search(row)
    ]
    if len(rows) < 2:
        return []
    shared = [i for i in items if i.kind == "field" and i.fld is Field.CONTACTS]
    context = next((i for i in items if i.kind == "text" and find_programmes(i.text)), None)
    blocks: list[Block] = []
    for line, row in rows:
        m = LISTED_NAME.search(row)
        assert m is not None
        block = new_block(m.group("name"), line, Layout.PROSE, "entry")
        for item in shared:
            add(block, item)
        if context is not None:
            block.fields[Field.FUNDING] = FieldValue(
                context.text, context.line, 1, "luettelon otsikko", None, "heading"
            )
        blocks.append(block)
    return blocks


def sections(items: list[Item]) -> list[Block]:
    """A page of projects under headings of their own ('Arktinen biotalous' over 'Arktinen
    biotalous -hanke oli …'): a heading names a project when it says '-hanke' or the text
    under it starts with its name and '-hanke'."""
    heads: list[int] = []
    lead = _lead_in(items)
    for n, item in enumerate(items[:-1]):
        nxt = items[n + 1]
        if not _heading_over_prose(item, nxt, n == lead) or _no_name(item.text):
            continue
        if lead is not None and n == lead and _plural_heading(item.text):
            continue  # 'Landsbygdsprojekt' over its projects' headings: no project's own
        if lead is not None and n >= lead and not about_many(item.text):
            heads.append(n)  # 'Hankkeita:' over headings: each heading a project's
        elif _names_its_project(item, items[n + 1 :]):
            heads.append(n)
    if len(heads) < 2:
        return []
    blocks: list[Block] = []
    for k, n in enumerate(heads):
        end = heads[k + 1] if k + 1 < len(heads) else len(items)
        title = items[n].text
        block = new_block(
            prose_name(strip_kind(title), [items[n + 1].text]),
            items[n].line,
            Layout.PROSE,
            "heading",
            title,
        )
        block.years = years_of(title)
        for item in items[n + 1 : end]:
            add(block, item)
        blocks.append(block)
    return blocks


def _heading_over_prose(item: Item, nxt: Item, lead: bool) -> bool:
    """A one-line title (or the lead-in read as a label: lead) over a paragraph of prose
    that is no heading itself."""
    return (
        (item.kind == "text" or (lead and item.kind == "unknown"))
        and len(item.lines) == 1
        and titleable(item.text)
        and nxt.kind == "text"
        and is_prose([(nxt.line, nxt.text)])
        and not heading_like(nxt)
    )


def _no_name(heading: str) -> bool:
    """A heading that names no project: a generic word ('Hanke' over the project's own
    text, a section of the page), the project word alone in any case ('Hankkeessa' over
    a list of what was done in it), or a heading of a section of projects ('Genomförda
    projekt')."""
    folded = strip_years(heading).casefold().strip(" :")
    return folded in GENERIC_NAMES or folded in THE_PROJECT_WORDS or _plural_heading(heading)


def _names_its_project(item: Item, below: list[Item]) -> bool:
    """A heading over prose (below: the items under it, the prose first) that names a
    project, not several: it says '-hanke', its text opens with its name and '-hanke' (or
    with its name, when it is no label), or its text names it again; a generic name
    ('Hanke') is a section of the page."""
    nxt = below[0]
    bare = strip_years(item.text)
    own = bare.casefold().endswith(PROJECT_SUFFIXES)
    opens = nxt.text.casefold().startswith(bare.casefold())
    under = (
        opens
        and (
            bool(HANKE_NAME.match(nxt.text[len(bare) : len(bare) + 20]))
            # 'Smartkultur' over 'Smartkultur i Nyland – …': the text opens by naming it.
            or (nxt.text[len(bare) : len(bare) + 1] == " " and classify(bare) is None)
        )
    )
    return (own or under or _told_below(bare, below)) and not about_many(item.text)


def _lead_in(items: list[Item]) -> int | None:
    """Where the page says that a list of projects follows ('Hankkeita:', 'Our projects:'): a
    short line of its own, ending in a colon, with a project word in the plural (read as a
    label whose value is the first heading, it is the first head too)."""
    for n, item in enumerate(items):
        if item.kind == "text" and len(item.lines) == 1 and item.text.strip().endswith(":"):
            text = item.text.strip().rstrip(": ")
        elif n > 0 and item.kind == "text" and len(item.lines) == 1 and _plural_heading(item.text):
            return n  # 'Leaderprojekt lokaler och utrustning' over headings of its projects
        elif item.kind == "unknown" and item.label is not None:
            text = item.label.label  # 'Hankkeita:' read as a label, the first heading its value
        else:
            continue
        if len(text.split()) <= 4 and about_many(text):
            return n
    return None


def _plural_heading(text: str) -> bool:
    """A short heading of a section of projects, no colon: its first word a project word in
    the plural ('Hankkeet …') or a Swedish compound ('Leaderprojekt …', singular and plural
    alike), or a Swedish heading that ends with 'projekt' after a plural participle
    ('Prioriterade och beviljade projekt', 'Avslutade projekt')."""
    words = text.casefold().split()
    if not words or len(words) > 5:
        return False
    first, last = words[0], words[-1]
    return (
        about_many(first)
        or first.endswith("projekt")
        or (last == "projekt" and len(words) > 1 and words[-2].endswith(("de", "da", "na")))
    )


def _told_below(heading: str, below: list[Item]) -> bool:
    """A heading of two words or more that its own text names again ('Integration genom
    kultur' over '… Integration genom kultur är ett projekt …'): a heading of its subject,
    not of a section (a label such as 'Hankkeen tavoitteet' never counts)."""
    folded = heading.casefold().strip(" :")
    if len(folded.split()) < 2 or classify(heading) is not None:
        return False
    for item in below:
        if item.kind is not ItemKind.TEXT or (len(item.lines) == 1 and titleable(item.text)):
            return False  # the next heading: its own text ends here
        text = item.text.casefold()
        at = text.find(folded)
        if at >= 0:
            # 'EU funded research' over '… 165 EU funded research projects …': a kind of
            # projects the text counts, not one project's name.
            after = text[at + len(folded) :].split(None, 1)
            return not (after and about_many(after[0]))
    return False
