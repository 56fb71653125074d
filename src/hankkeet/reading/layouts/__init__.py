"""Layout families: which recogniser reads a page, told by the page's own cue lines.

`labelled` is the seed's family (a title line, then labelled lines) and streams; the others
(`card`, `database`, `agenda`, `prose`) read a whole page (see document.py).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from hankkeet.reading.labels import CARD_HEADINGS, Field
from hankkeet.reading.lines import LabelLine, classify, titleable

LAYOUTS = ("labelled", "card", "database", "agenda", "prose")
_SECTION = re.compile(r"^(?:§\s*\d+|\d+\s*§)(?:\s|$)")
_KIND_NUMBER = re.compile(r"^[\w ]{3,60}\s[-–]\s\d{3,}$")


def choose_layout(lines: Sequence[str]) -> str:
    """The layout family of a page, from its first lines."""
    content = [(n, line.strip()) for n, line in enumerate(lines) if line.strip()]
    labels = {n: classify(line) for n, line in enumerate(lines) if line.strip()}
    folded = [text.casefold() for _, text in content]
    if any(h in text for text in folded for h in CARD_HEADINGS if len(text) < 120) or any(
        lab is not None and lab.field is Field.NAME and lab.value for lab in labels.values()
    ):
        return "card"
    if any(_SECTION.match(text) for _, text in content):
        return "agenda"
    if (
        any(_KIND_NUMBER.match(text) for _, text in content[:4])
        or _alone_labels(lines, labels) >= 2
    ):
        return "database"
    if _seed_shaped(content, labels) or not content:
        return "labelled"
    return "prose"


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
    """A label line of ours whose run of label lines starts at a title (or the page's top)."""
    for k, (n, _) in enumerate(content):
        lab = labels.get(n)
        if lab is None or lab.field is None:
            continue
        back = k - 1
        while back >= 0 and labels.get(content[back][0]) is not None:
            back -= 1
        if back < 0 or titleable(content[back][1], None):
            return True
    return False
