"""The vocabulary (reading/labels.py) is data: every entry once, and every label read as itself."""

from __future__ import annotations

from collections import Counter

import pytest

from hankkeet.reading.labels import (
    FIRST_NAMES,
    LABELS,
    OTHER_LABELS,
    PROGRAMMES,
    TITLE_WORDS,
    Field,
    label_key,
)
from hankkeet.reading.lines import classify

VARIANTS = [(fld, v) for fld, vs in LABELS.items() for v in vs]


def _repeats(items: list[str]) -> list[str]:
    return [k for k, n in Counter(items).items() if n > 1]


def test_no_label_is_listed_twice() -> None:
    keys = [label_key(v) for _, v in VARIANTS] + [label_key(v) for v in OTHER_LABELS]
    assert _repeats(keys) == []


def test_no_title_word_programme_or_first_name_repeats() -> None:
    assert _repeats(list(TITLE_WORDS)) == []
    assert _repeats([name for name, _ in PROGRAMMES]) == []
    assert "pekka" in FIRST_NAMES and all(n == n.casefold() for n in FIRST_NAMES)


@pytest.mark.parametrize(("fld", "variant"), VARIANTS, ids=[v for _, v in VARIANTS])
def test_every_label_is_read_as_its_field(fld: Field, variant: str) -> None:
    label = classify(f"{variant}: arvo")
    assert label is not None and label.field is fld and label.value == "arvo"


@pytest.mark.parametrize("variant", OTHER_LABELS)
def test_every_other_label_is_a_label_but_not_ours(variant: str) -> None:
    label = classify(f"{variant}: arvo")
    assert label is not None and label.field is None and label.other


@pytest.mark.parametrize("module", ["labels.py", "lines.py"])
def test_no_vocabulary_name_is_defined_twice(module: str) -> None:
    """A second `PROJECT_WORDS = …` at the end of labels.py silently replaces the first for
    every reader that imports it (it happened): each module-level name is assigned once."""
    import ast
    from pathlib import Path

    import hankkeet.reading

    source = Path(hankkeet.reading.__file__).with_name(module).read_text(encoding="utf-8")
    names = [
        target.id
        for node in ast.parse(source).body
        if isinstance(node, (ast.Assign, ast.AnnAssign))
        for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
        if isinstance(target, ast.Name)
    ]
    assert _repeats(names) == []
