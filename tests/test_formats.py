"""Every choice of every --format enum, through the command line: each writes something.

A format added to an enum and forgotten in its command fails here (and mypy's
`assert_never` fails first, in the render function's `match`).
"""

from __future__ import annotations

import importlib
import pkgutil
from enum import StrEnum
from pathlib import Path

import pytest

from conftest import FIXTURES, SEED, changed_copy, cli
from hankkeet import render
from hankkeet.cli.output import FILE_FORMATS
from hankkeet.render import ListFormat
from hankkeet.render.diff import DiffFormat
from hankkeet.render.link import LinkFormat
from hankkeet.render.records import ShowFormat
from hankkeet.render.search import SearchFormat
from hankkeet.render.totals import TotalsFormat
from hankkeet.render.validation import ValidateFormat

# The seed's one error; without it validate passes (exit 0) and still has warnings to show.
CLEAN = ("--ignore", "funding-sum-mismatch")

# (command and its arguments before --format, the format enum, the exit code, why)
COMMANDS: list[tuple[tuple[str, ...], type[StrEnum], int, str]] = [
    (("list", str(SEED)), ListFormat, 0, "every project"),
    (("list", str(SEED), "--columns", "name,budget"), ListFormat, 0, "chosen columns"),
    (("totals", str(SEED)), TotalsFormat, 0, "the grand total"),
    (("totals", str(SEED), "--by-program", "--by-year"), TotalsFormat, 0, "a pivot"),
    (("totals", str(SEED), "--by-funder"), TotalsFormat, 0, "by kind of funder"),
    (("search", "kemi", str(SEED)), SearchFormat, 0, "matches"),
    (
        ("search", "kemi", str(SEED), "--columns", "name,score"),
        SearchFormat,
        0,
        "matches in chosen columns",
    ),
    (("validate", str(SEED), *CLEAN), ValidateFormat, 0, "warnings only"),
    (("validate", str(SEED), *CLEAN, "--statistics"), ValidateFormat, 0, "counts per rule"),
    (("validate", "--list-rules"), ValidateFormat, 0, "the rule catalogue"),
    (("validate", "--explain", "funding-sum-mismatch"), ValidateFormat, 0, "one rule"),
    (("diff", str(SEED), "{changed}"), DiffFormat, 1, "a change: exit 1, like diff"),
    (("link", str(FIXTURES / "link")), LinkFormat, 0, "a match and review groups"),
    # `show` writes every text format of `list`; the file formats are `list -o FILE`'s.
    (("show", "harrastusten-jaanmurtajahanke", str(SEED)), ShowFormat, 0, "one project"),
]

# (an option, a format it has no form for): refused with exit 2, never ignored (issue 27).
REFUSED = {("--columns", "sqlite"), ("--statistics", "sarif"), ("--statistics", "github")}


def expected_code(args: tuple[str, ...], fmt: StrEnum, code: int) -> int:
    """The case's exit code, or 2 when the format cannot honour one of its options."""
    return 2 if any((a, fmt.value) in REFUSED for a in args) else code


CASES = [
    pytest.param(
        args, fmt, expected_code(args, fmt, code), id=f"{' '.join(args[:1])} {fmt.value}: {why}"
    )
    for args, kind, code, why in COMMANDS
    for fmt in kind
]


@pytest.mark.parametrize(("args", "fmt", "code"), CASES)
def test_every_format_writes_something(
    args: tuple[str, ...], fmt: StrEnum, code: int, tmp_path: Path
) -> None:
    args = tuple(str(changed_copy(tmp_path)) if a == "{changed}" else a for a in args)
    if code == 2:
        out = tmp_path / f"out.{fmt.value}"
        run = cli(*args, "--format", fmt.value, "-o", str(out))
        assert run.exit_code == 2 and run.stderr.startswith("hankkeet: "), run.stderr
        assert run.stdout == "" and not out.exists()
        return
    if fmt.value in FILE_FORMATS:
        out = tmp_path / f"out.{fmt.value}"
        run = cli(*args, "--format", fmt.value, "-o", str(out))
        assert run.exit_code == code, run.stderr
        assert out.stat().st_size > 0
        assert run.stdout == ""
        return
    run = cli(*args, "--format", fmt.value)
    assert run.exit_code == code, run.stderr
    assert run.stdout.strip(), f"{args[0]} --format {fmt.value} wrote nothing"


def test_every_format_enum_is_tested() -> None:
    """Each StrEnum named *Format in the render package is one of the tested enums."""
    found: set[type[StrEnum]] = set()
    for info in pkgutil.iter_modules(render.__path__):
        module = importlib.import_module(f"{render.__name__}.{info.name}")
        found |= {
            value
            for name, value in vars(module).items()
            if name.endswith("Format") and isinstance(value, type) and issubclass(value, StrEnum)
        }
    found.add(ListFormat)
    assert found == {kind for _args, kind, _code, _why in COMMANDS}
