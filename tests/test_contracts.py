"""Typed contracts inside the library (issue 26 item 5): codes only as Code members, the
layout as an enum whose JSON value is the text it always was."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from conftest import cli
from hankkeet.diagnostics import Code
from hankkeet.models import Layout

SRC = Path(__file__).resolve().parents[1] / "src" / "hankkeet"
# The one place a code is written as text: the enum itself.
CATALOGUE = SRC / "diagnostics.py"


def _code_literals(root: Path) -> list[str]:
    """Every string literal in the sources under `root` that equals a code's value, as
    'path:line: value' (the catalogue aside)."""
    values = {code.value for code in Code}
    found = []
    for path in sorted(root.rglob("*.py")):
        if path == CATALOGUE:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and node.value in values:
                found.append(f"{path.relative_to(root)}:{node.lineno}: {node.value}")
    return found


def test_no_code_is_written_as_a_string_literal() -> None:
    """A code is Code.X everywhere but in its enum: a typo in a literal is no finding."""
    assert _code_literals(SRC) == []


def test_the_literal_check_finds_a_literal(tmp_path: Path) -> None:
    (tmp_path / "reader.py").write_text('NOTE = ("missing-field", "no name")\n', encoding="utf-8")
    assert _code_literals(tmp_path) == ["reader.py:1: missing-field"]


CORPUS = Path(__file__).resolve().parent / "corpus"
# (page, layout, why)
LAYOUT_PAGES = [
    ("city-page/h2-novia-konst-och-kultur.txt", Layout.LABELLED, "labelled lines"),
    ("city-page/h3-savonia-kiertotalous-kasvu.txt", Layout.CARD, "a register card"),
    ("database/h3-maaseutuverkosto-kiertokylat.txt", Layout.DATABASE, "a database page"),
    ("agenda/h2-helsinki-robust-2021.txt", Layout.AGENDA, "an agenda item"),
    ("agenda/h3-varsinais-suomi-matkailun-elpyminen.txt", Layout.PROSE, "sentences"),
]


def test_every_layout_has_a_page() -> None:
    assert {layout for _name, layout, _why in LAYOUT_PAGES} == set(Layout)


@pytest.mark.parametrize(("name", "layout", "why"), LAYOUT_PAGES, ids=[p[2] for p in LAYOUT_PAGES])
def test_the_layout_is_plain_text_in_json(name: str, layout: Layout, why: str) -> None:
    """The layout is an enum inside; its JSON value is the text it always was."""
    run = cli("list", "--format", "json", str(CORPUS / name))
    assert {record["layout"] for record in json.loads(run.stdout)} == {layout.value}, why
