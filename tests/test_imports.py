"""The import graph, read from the modules' own imports: no circle, and no import from a
lower layer to a higher one (issue 26, 6).

Every `import` and `from ... import` counts, at the top of a module or inside a function
(a lazy import is still a dependency); only those under `if TYPE_CHECKING:` do not.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = "hankkeet"

# The layers, lowest first: a module may import from its own layer and the layers below it,
# never from one above. docs/architecture.md draws the same layers; change both together.
# A name is a module or a package (and everything in it).
LAYERS: tuple[tuple[str, ...], ...] = (
    # The foundation: the records, the findings, the language, the settings, Finnish forms.
    (
        "hankkeet",
        "hankkeet.locale",
        "hankkeet.diagnostics",
        "hankkeet.models",
        "hankkeet.config",
        "hankkeet.finnish",
        "hankkeet.encode",
    ),
    # The rules over a record: reading's workers run them next to the parser, so they sit
    # below reading.
    ("hankkeet.checks",),
    # Bytes to lines to records.
    ("hankkeet.inputs", "hankkeet.reading"),
    # What is done with records: validate, query, sum, search, compare, link; the library.
    (
        "hankkeet.validate",
        "hankkeet.query",
        "hankkeet.totals",
        "hankkeet.search",
        "hankkeet.diff",
        "hankkeet.link",
        "hankkeet.library",
        "hankkeet.ci",
    ),
    # A record as a flat row and its columns: under both the views and the files.
    ("hankkeet.flat",),
    # The views (text for people and machines, SARIF among them) and the files.
    ("hankkeet.render", "hankkeet.export"),
    # Arguments, I/O and exit codes.
    ("hankkeet.cli", "hankkeet.__main__"),
)

# Names of one layer that never import each other (each uses only what is below).
PEERS: tuple[tuple[str, str], ...] = (("hankkeet.render", "hankkeet.export"),)


def module_name(path: Path) -> str:
    """'hankkeet.render.table' for src/hankkeet/render/table.py ('hankkeet.render' for its
    __init__.py)."""
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(p): p for p in sorted((SRC / PACKAGE).rglob("*.py"))}


def type_checking_only(node: ast.If) -> bool:
    """`if TYPE_CHECKING:` or `if typing.TYPE_CHECKING:`."""
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def import_nodes(node: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    """Every import statement under `node`, at any depth, except under TYPE_CHECKING."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.Import | ast.ImportFrom):
            yield child
        if isinstance(child, ast.If) and type_checking_only(child):
            for other in child.orelse:
                yield from import_nodes(ast.Module(body=[other], type_ignores=[]))
            continue
        yield from import_nodes(child)


def known(name: str) -> str | None:
    """The module of ours that `name` is, or is in (None for another package's)."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def imports_of(name: str) -> set[str]:
    """The modules of ours that module `name` imports (itself left out)."""
    path = MODULES[name]
    here = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found: set[str] = set()
    for node in import_nodes(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        else:
            base = (
                ".".join(
                    [*here[: len(here) - node.level + 1], *([node.module] if node.module else [])]
                )
                if node.level
                else node.module or ""
            )
            # `from pkg import module` imports the module; `from module import name`, the module.
            targets = [
                f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base for a in node.names
            ]
        found.update(t for target in targets if (t := known(target)) is not None and t != name)
    return found


@cache
def graph() -> dict[str, set[str]]:
    """Every module's imports (read once, when a test first asks: not at collection)."""
    return {name: imports_of(name) for name in MODULES}


def layer_of(name: str) -> int | None:
    """The layer a module is in: the one of the longest name that holds it."""
    holding = [
        (len(prefix), level)
        for level, names in enumerate(LAYERS)
        for prefix in names
        if name == prefix or name.startswith(prefix + ".")
    ]
    return max(holding)[1] if holding else None


def part_of(name: str) -> str:
    """The layer's name that holds the module ('hankkeet.render' for render.table)."""
    level = layer_of(name)
    assert level is not None
    return max((p for p in LAYERS[level] if name == p or name.startswith(p + ".")), key=len)


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The graph's strongly connected parts of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            part = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                part.append(w)
                if w == v:
                    break
            if len(part) > 1:
                found.append(sorted(part))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_the_graph_is_read() -> None:
    """The reading of imports finds what is there (a test that cannot fail finds nothing)."""
    assert len(MODULES) > 40
    assert "hankkeet.models" in graph()["hankkeet.checks"]
    assert "hankkeet.render.layout" in graph()["hankkeet.render.draw"]
    # A lazy import inside a function counts.
    assert "hankkeet.cli.application" in graph()["hankkeet.cli"]


def test_no_import_circle() -> None:
    assert circles(graph()) == []


def test_every_module_has_a_layer() -> None:
    assert [name for name in MODULES if layer_of(name) is None] == []


def test_no_import_up_a_layer() -> None:
    upward = [
        f"{name} (layer {layer_of(name)}) imports {target} (layer {layer_of(target)})"
        for name, targets in graph().items()
        for target in sorted(targets)
        if (layer_of(name) or 0) < (layer_of(target) or 0)
    ]
    assert upward == []


def test_peers_do_not_import_each_other() -> None:
    across = [
        f"{name} imports {target}"
        for name, targets in graph().items()
        for target in sorted(targets)
        for pair in PEERS
        if {part_of(name), part_of(target)} == set(pair)
    ]
    assert across == []


def test_the_core_never_imports_the_command_line_or_its_libraries() -> None:
    """Outside cli/ nothing imports Typer, Click or hankkeet.cli (render/ alone uses Rich)."""
    found = []
    for name, path in MODULES.items():
        if part_of(name) in ("hankkeet.cli", "hankkeet.__main__"):
            continue
        for node in import_nodes(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module]
            for imported in filter(None, names):
                top = imported.split(".")[0]
                if top in ("typer", "click") or imported.startswith("hankkeet.cli"):
                    found.append(f"{name}: {imported}")
                if top == "rich" and part_of(name) != "hankkeet.render":
                    found.append(f"{name}: {imported}")
    assert found == []


# (a made-up graph, its circles, why): the circle finder itself
CIRCLES = [
    ({"a": {"b"}, "b": {"c"}, "c": set()}, [], "a chain"),
    ({"a": {"b"}, "b": {"a"}}, [["a", "b"]], "two modules"),
    ({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}, [["a", "b", "c"]], "three, one outside"),
]


@pytest.mark.parametrize(("graph", "expected", "why"), CIRCLES, ids=[c[2] for c in CIRCLES])
def test_the_circle_finder(graph: dict[str, set[str]], expected: list[list[str]], why: str) -> None:
    assert circles(graph) == expected, why


@pytest.mark.parametrize(
    ("name", "level", "why"),
    [
        ("hankkeet", 0, "the package's own __init__"),
        ("hankkeet.reading.layouts.document", 2, "deep inside a package"),
        ("hankkeet.render.sarif", 5, "SARIF is a view"),
        ("hankkeet.cli.common", 6, "the command line"),
    ],
)
def test_layer_of(name: str, level: int, why: str) -> None:
    assert layer_of(name) == level, why
