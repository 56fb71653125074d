"""Which line of a news page names its project: the headline at the page's top, a heading
further down that says it names one, or a heading over the text (news.py reads the rest).
"""

from __future__ import annotations

import re

from hankkeet.reading.labels import (
    DIGEST_WORDS,
    ORGANISATION_ENDINGS,
    PROJECT_SUFFIXES,
    THE_PROJECT_WORDS,
    Field,
)
from hankkeet.reading.layouts.headlines import strip_period, strip_years
from hankkeet.reading.layouts.items import Item, ItemKind, is_prose
from hankkeet.reading.layouts.names import hanke_names
from hankkeet.reading.lines import titleable
from hankkeet.reading.prose import about_many

__all__ = ["head_and_body", "names_itself"]


# The labels of a project's period: a heading right over one is the project's title.
_PERIOD_FIELDS = frozenset({Field.PERIOD, Field.START})


_TOP_ITEMS = 60


def _headline(items: list[Item]) -> tuple[Item, int] | None:
    """The headline: of the titleable lines before the first line of prose, the last one
    that names a project, else the last one neither in capitals (a slogan) nor an
    organisation's name (its publisher, under the headline), else the last.

    A page's top may hold a section name, a date line and a byline before the headline.
    """
    found: list[tuple[Item, int]] = []
    # Only the page's top: a page of thousands of headings and no prose has its headline
    # among its first lines or none (each further one cost a title check: quadratic in all
    # but name, tests/pathological.py's 'headings').
    for n, item in enumerate(items[:_TOP_ITEMS]):
        if item.kind in ("field", "name"):
            break
        if item.kind == "text" and not _listed(items, n) and _top_titles(item, n, found):
            break
    if not found:
        return None
    naming = [f for f in found if hanke_names(f[0].text)]
    plain = [
        f
        for f in found
        if not f[0].text.isupper()
        and not f[0].text.casefold().endswith(ORGANISATION_ENDINGS)
        and not _of_the_project(f[0].text)
    ]
    return (naming or plain or found)[-1]


def _of_the_project(text: str) -> bool:
    """A line that opens with the project spoken of ('Hanke rahoitetaan Manner-Suomen …',
    'Hankkeen tavoitteet'): it tells of the project a line above it names."""
    first = text.split(None, 1)[0].casefold() if " " in text.strip() else ""
    return first in THE_PROJECT_WORDS and first not in ("projekt", "projektet", "project")


# Words of a line ending in a colon that is a sentence leading in to a list, not a label.
_LEAD_IN_WORDS = 4


def _listed(items: list[Item], n: int) -> bool:
    """Whether item n is a list of lines under a sentence that leads in to it ('The project
    is divided into 3 work packages:'): its lines are the list's items, no headlines."""
    above = items[n - 1] if n else None
    return (
        len(items[n].lines) >= 2
        and above is not None
        and above.kind == "text"
        and above.text.endswith(":")
        and len(above.text.split()) >= _LEAD_IN_WORDS
    )


def _top_titles(item: Item, n: int, found: list[tuple[Item, int]]) -> bool:
    """Adds the title lines of a text item at the page's top (item n) to those found, a
    byline under a long one left out; whether a line of prose, or one that wraps on, ends
    the top there."""
    for k, (line, text) in enumerate(item.lines):
        wrapped = k + 1 < len(item.lines) and item.lines[k + 1][1][:1].islower()
        title = titleable(text)
        if wrapped or (not title and is_prose([(line, text)])):
            return True
        if title and not (
            found and len(found[-1][0].text.split()) >= 4 and _looks_like_person(text)
        ):
            found.append((Item(ItemKind.TEXT, line, text), n))
    return False


def _project_heading(items: list[Item], head: tuple[Item, int] | None) -> tuple[Item, int] | None:
    """A heading further down that says it names a project ('Henna - maaseudun asumisen ja
    elinvoiman pilottihanke' over its paragraphs), or that stands over a project's period
    ('Projekttid: 30.6.2022-31.12.2025'), when the headline names none: the page's project is
    under it, and the text above it is another thing's. Only when it is the one such heading
    on the page."""
    if head is not None and (
        hanke_names(head[0].text) or names_itself(head[0].text) or about_many(head[0].text)
    ):
        return None  # the headline names its project, or speaks of several
    found = [
        (item, n)
        for n, item in enumerate(items[:-1])
        if (head is None or n > head[1])
        and item.kind == "text"
        and len(item.lines) <= 1
        and titleable(item.text)
        and (
            (
                names_itself(strip_period(strip_years(item.text)))
                and items[n + 1].kind == "text"
                and is_prose([(items[n + 1].line, items[n + 1].text)])
            )
            or _over_a_period(items[n + 1])
        )
    ]
    return found[0] if len(found) == 1 else None


def _over_a_period(item: Item) -> bool:
    """Whether an item is our label of a project's period, right under a heading."""
    return item.kind == "field" and item.label is not None and item.label.field in _PERIOD_FIELDS


def _heading_over_text(items: list[Item]) -> tuple[Item, int] | None:
    """A page that gives its facts first and its name later ('Startdatum: …', then the name
    over the description): the first titleable line with a paragraph of prose under it."""
    for n, item in enumerate(items[:-1]):
        nxt = items[n + 1]
        if (
            item.kind == "text"
            and len(item.lines) == 1
            and titleable(item.text)
            and nxt.kind == "text"
            and is_prose([(nxt.line, nxt.text)])
        ):
            return item, n
    return None


def _one_subject(items: list[Item], head: tuple[Item, int]) -> bool:
    """Whether a heading is one subject of a page that reports a meeting's or a newsletter's
    several (the text above it says so, labels.DIGEST_WORDS), and neither it nor the
    paragraph under it names a project: no page's project."""
    n = head[1]
    under = items[n + 1].text if n + 1 < len(items) and items[n + 1].kind == "text" else ""
    return (
        not hanke_names(head[0].text)
        and not hanke_names(under)
        and any(
            item.kind == "text" and any(w in item.text.casefold() for w in DIGEST_WORDS)
            for item in items[:n]
        )
    )


_PERSON = re.compile(
    r"^[A-ZÅÄÖ][a-zåäöéü]+(?:-[A-ZÅÄÖ][a-zåäöéü]+)?"
    r"(?:\s[A-ZÅÄÖ][a-zåäöéü]+(?:-[A-ZÅÄÖ][a-zåäöéü]+)?){1,2}$"
)


def _looks_like_person(text: str) -> bool:
    """'Jenni Kylänpää': a byline under a headline, not a headline."""
    return bool(_PERSON.match(text.strip()))


def _after(items: list[Item], head: tuple[Item, int]) -> list[Item]:
    """The items after a headline line, the rest of its own paragraph first."""
    line, n = head[0].line, head[1]
    rest = [(k, t) for k, t in items[n].lines if k > line]
    first = (
        [Item(ItemKind.TEXT, rest[0][0], " ".join(t for _, t in rest), lines=rest)] if rest else []
    )
    return first + items[n + 1 :]


def head_and_body(items: list[Item]) -> tuple[tuple[Item, int], list[Item], bool] | None:
    """The line that names the page's project, the items that tell of it, and whether that
    line is a heading inside the text (under paragraphs of it)."""
    head = _headline(items)
    later = _project_heading(items, head)
    if later is not None:
        return later, _after(items, later), False  # 'LAMK-kumppanuus', then '… pilottihanke'
    if head is not None:
        return None if _one_subject(items, head) else (head, _after(items, head), False)
    head = _heading_over_text(items)
    if head is None or _one_subject(items, head):
        return None
    inside = any(i.kind == "text" and is_prose([(i.line, i.text)]) for i in items[: head[1]])
    # The fields above the heading (a register's facts box) belong to it too.
    return head, [i for n, i in enumerate(items) if n != head[1]], inside


def names_itself(name: str) -> bool:
    """'Kylätalon kunnostushanke', 'X-projekti': a heading that says it names a project."""
    return name.casefold().endswith(PROJECT_SUFFIXES)
