"""Layout families: which recogniser reads a page, told by the page's own cue lines.

`labelled` is the seed's family (a title line, then labelled lines) and streams; the others
(`card`, `database`, `agenda`, `prose`) read a whole page: document.py picks the family's
reader (card.py, database.py, agenda.py, news.py with lists.py) from READERS.
"""

from __future__ import annotations

from collections.abc import Sequence

from hankkeet.models import Layout
from hankkeet.reading.labels import PROJECT_SUFFIXES, Field
from hankkeet.reading.lines import (
    KIND_NUMBER,
    LabelLine,
    classify,
    is_card_heading,
    is_section_mark,
    register_statements,
    titleable,
)


def choose_layout(lines: Sequence[str]) -> Layout:
    """The layout family of a page, from its first lines."""
    content = [(n, line.strip()) for n, line in enumerate(lines) if line.strip()]
    labels = {n: classify(line) for n, line in enumerate(lines) if line.strip()}
    if any(_database_header(text) for _, text in content[:4]):
        # A database page's header ('Investointihanke - 183735') at the top, whatever tab
        # names its page shows under it ('Hankkeen tiedot').
        return Layout.DATABASE
    if _card(content, lines, labels):
        return Layout.CARD
    if any(is_section_mark(text) for _, text in content):
        return Layout.AGENDA
    if _database(content, lines, labels):
        return Layout.DATABASE
    if _seed_shaped(content, labels) or not content:
        return Layout.LABELLED
    return Layout.PROSE


def _card(
    content: list[tuple[int, str]], lines: Sequence[str], labels: dict[int, LabelLine | None]
) -> bool:
    """A register card: a card's heading, a name label with its value, or a name under its
    label."""
    return (
        any(is_card_heading(text) for _, text in content)
        or any(lab is not None and lab.field is Field.NAME and lab.value for lab in labels.values())
        or _name_under_its_label(lines, labels)
    )


def _database(
    content: list[tuple[int, str]], lines: Sequence[str], labels: dict[int, LabelLine | None]
) -> bool:
    """A database page: a kind and a number at its top, labels alone over their values, or a
    register item's statements."""
    return (
        any(KIND_NUMBER.match(text) for _, text in content[:4])
        or _alone_labels(lines, labels) >= 2
        or register_statements([text for _, text in content])
    )


def _database_header(text: str) -> bool:
    """A database page's header: a project's kind and its number ('Kehittämishanke -
    171169'), not a document's years ('Loppuraportti 2010 – 2012')."""
    return bool(KIND_NUMBER.match(text)) and text.rsplit(None, 2)[0].casefold().endswith(
        PROJECT_SUFFIXES
    )


def _name_under_its_label(lines: Sequence[str], labels: dict[int, LabelLine | None]) -> bool:
    """A name label alone on its line ('Projektnamn', 'Hankkeen nimi'), its value on the
    line right under it: a form's card, not a title over label lines."""
    return any(
        lab is not None
        and lab.field is Field.NAME
        and not lab.value
        and n + 1 < len(lines)
        and lines[n + 1].strip()
        and labels.get(n + 1) is None
        for n, lab in labels.items()
    )


def _alone_labels(lines: Sequence[str], labels: dict[int, LabelLine | None]) -> int:
    """Known labels standing alone with a blank line and then a value under them."""
    count = 0
    for n, lab in labels.items():
        if lab is None or lab.field is None or lab.value or lab.colon:
            continue
        if (
            n + 2 < len(lines)
            and not lines[n + 1].strip()
            and lines[n + 2].strip()
            and classify(lines[n + 2]) is None
        ):
            count += 1
    return count


def _seed_shaped(content: list[tuple[int, str]], labels: dict[int, LabelLine | None]) -> bool:
    """A title line (or the page's top) over a run of label lines that gives at least two of
    our fields: the seed's shape. A section heading over one budget line is not it."""
    k = 0
    while k < len(content):
        if labels.get(content[k][0]) is None:
            k += 1
            continue
        start = k
        fields = set()
        while k < len(content) and labels.get(content[k][0]) is not None:
            lab = labels[content[k][0]]
            if lab is not None and lab.field is not None:
                fields.add(lab.field)
            k += 1
        if len(fields) >= 2 and (start == 0 or titleable(content[start - 1][1], None)):
            return True
        if len(fields) >= 4:
            return True  # four of our fields in one run: the page's projects, titles or not
        first = labels[content[start][0]]
        if (
            first is not None
            and first.field is not None
            and not first.value
            and start > 0
            and titleable(content[start - 1][1], None)
            and len(_page_fields(labels)) >= 2
        ):
            # 'Testihanke' / 'Kuvaus:' with its paragraphs under it, the other labels later.
            return True
    return False


def _page_fields(labels: dict[int, LabelLine | None]) -> set[object]:
    """Our fields that the page's label lines give."""
    return {lab.field for lab in labels.values() if lab is not None and lab.field is not None}
