"""No function is over 60 lines or over complexity 20 (radon's cyclomatic complexity, as
issue 26 measured it), except where a note on the line before its `def` says why:
`# complexity: <why it stays whole>`. A function that grows past either bound fails here
with its place, so that it is split (or its note written) when it grows, not in a review."""

from __future__ import annotations

from pathlib import Path

import pytest

radon = pytest.importorskip("radon.complexity")

SRC = Path(__file__).parent.parent / "src" / "hankkeet"
MAX_COMPLEXITY = 20
MAX_LINES = 60
NOTE = "# complexity:"


def _blocks(path: Path) -> list[tuple[str, int, int, int]]:
    """(name, first line, last line, complexity) of every function and method of a file."""
    found: list[tuple[str, int, int, int]] = []
    for block in radon.cc_visit(path.read_text(encoding="utf-8")):
        for item in [block, *getattr(block, "methods", []), *getattr(block, "closures", [])]:
            if type(item).__name__ == "Function":
                found.append((item.fullname, item.lineno, item.endline, item.complexity))
    return sorted(set(found))  # radon gives a method both alone and in its class


def _noted(lines: list[str], first: int) -> bool:
    """A note opens the comment just before the def (above its decorators, if any)."""
    at = first - 2  # 0-based index of the line before the def
    while at >= 0 and lines[at].lstrip().startswith("@"):
        at -= 1
    while at >= 0 and lines[at].lstrip().startswith("#"):
        if lines[at].lstrip().startswith(NOTE):
            return True
        at -= 1
    return False


def _too_big() -> list[str]:
    out = []
    for path in sorted(SRC.rglob("*.py")):
        lines = path.read_text(encoding="utf-8").splitlines()
        for name, first, last, complexity in _blocks(path):
            length = last - first + 1
            if (complexity > MAX_COMPLEXITY or length > MAX_LINES) and not _noted(lines, first):
                where = path.relative_to(SRC.parent)
                out.append(f"{where}:{first} {name}: complexity {complexity}, {length} lines")
    return out


def test_no_function_is_too_long_or_too_complex_without_a_note() -> None:
    assert _too_big() == []


@pytest.mark.parametrize(
    ("source", "noted", "why"),
    [
        ("x = 1\n# complexity: a table\ndef f():\n    pass\n", True, "the note above the def"),
        ("# complexity: a table\n@dec\ndef f():\n    pass\n", True, "above its decorator"),
        ("x = 1\n\ndef f():\n    pass\n", False, "no note"),
        ("# a comment\ndef f():\n    pass\n", False, "another comment is no note"),
        ("# complexity: a table,\n# measured\ndef f():\n    pass\n", True, "a note of lines"),
        ("# complexity: of g\ng = 1\ndef f():\n    pass\n", False, "another line's note"),
    ],
)
def test_a_note_is_read_only_just_above_the_def(source: str, noted: bool, why: str) -> None:
    lines = source.splitlines()
    first = next(i for i, line in enumerate(lines, 1) if line.startswith("def "))
    assert _noted(lines, first) is noted, why
