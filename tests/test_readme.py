"""The README and the docs: examples are the tool's real output, the Quick start works as
written, the README stays short, and every link leads somewhere.

Every ```console block that starts with `$ hankkeet ...` (in the README and docs/commands.md)
is run at 80 columns without colour, in English; the block must equal what the command
writes (stdout, then stderr). After a deliberate change of output, rewrite the blocks with
UPDATE_README=1.
"""

from __future__ import annotations

import os
import re
import shlex
import textwrap
from pathlib import Path

import pytest

from conftest import ROOT, cli
from hankkeet.diagnostics import RULES, Code

README = ROOT / "README.md"
# Files whose console blocks are run (docs/validate.md and docs/search.md show wider or
# output-less sessions, not run).
EXAMPLE_FILES = (README, ROOT / "docs" / "commands.md")
BLOCK = re.compile(r"```console\n\$ (hankkeet[^\n]*)\n(.*?)```", re.DOTALL)
WIDTH = "80"


def real_output(command: str) -> str:
    """What the command writes at 80 columns: stdout, then the notes on stderr."""
    run = cli(*shlex.split(command)[1:], env={"COLUMNS": WIDTH})
    return run.stdout + run.stderr


def examples() -> list[tuple[str, str]]:
    return [
        (m[1], m[2])
        for path in EXAMPLE_FILES
        for m in BLOCK.finditer(path.read_text(encoding="utf-8"))
    ]


def readme_examples() -> list[str]:
    return [m[1] for m in BLOCK.finditer(README.read_text(encoding="utf-8"))]


def test_the_readme_has_examples() -> None:
    # One per user: the analyst, finance staff, the data steward.
    commands = readme_examples()
    assert {
        "hankkeet list --active 2022",
        "hankkeet totals --by-program",
        "hankkeet validate",
    } <= set(commands)


@pytest.mark.parametrize(("command", "shown"), examples(), ids=[c for c, _ in examples()])
def test_readme_example_is_real_output(command: str, shown: str) -> None:
    real = real_output(command)
    if os.environ.get("UPDATE_README") and real != shown:
        old = f"```console\n$ {command}\n{shown}```"
        for path in EXAMPLE_FILES:
            text = path.read_text(encoding="utf-8")
            path.write_text(
                text.replace(old, f"```console\n$ {command}\n{real}```"), encoding="utf-8"
            )
        return
    assert shown == real, f"README example '{command}' differs; run with UPDATE_README=1"


def quick_start() -> list[str]:
    text = README.read_text(encoding="utf-8")
    section = text.split("## Quick start", 1)[1]
    block = section.split("```sh\n", 1)[1].split("```", 1)[0]
    return block.strip().splitlines()


def test_quick_start_is_two_lines_that_work_on_an_externally_managed_python() -> None:
    lines = quick_start()
    assert len(lines) == 2, "run the main job; run the tests"
    for line in lines:
        # PEP 668: a fresh Debian refuses 'pip install' into the system Python.
        assert line.startswith("python3 -m venv .venv && . .venv/bin/activate && pip install ")
    assert lines[0].endswith("&& hankkeet list --active 2022")
    assert lines[1].endswith("&& pytest")


def test_ci_runs_the_readme_test_command() -> None:
    # .ci/run has its own venv and runs one command per line: the install, then the tests.
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    steps = quick_start()[1].split(" && ")
    assert steps[-2:] == ["pip install -e '.[test]'", "pytest"]
    assert steps[-2] in ci and steps[-1] in ci


# -- the README stays short; every link leads somewhere -------------------------------------

README_MAX_LINES = 200
# Every Markdown file a reader reaches from the README.
DOCS = (
    README,
    ROOT / "CHANGELOG.md",
    ROOT / "benchmarks" / "README.md",
    *sorted((ROOT / "docs").glob("*.md")),
)
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")
FENCE = re.compile(r"^```.*?^```", re.DOTALL | re.MULTILINE)
HEADING = re.compile(r"^#{1,6} +(.+?) *$", re.MULTILINE)


def test_the_readme_is_short() -> None:
    lines = README.read_text(encoding="utf-8").count("\n")
    assert lines <= README_MAX_LINES, f"README.md has {lines} lines; move detail to docs/"


def anchors(text: str) -> set[str]:
    """GitHub's ids of a Markdown file's headings: lower case, punctuation but '-' and '_'
    dropped, spaces as hyphens."""
    found = set()
    for heading in HEADING.findall(FENCE.sub("", text)):
        slug = re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")
        found.add(slug)
    return found


def relative_links(path: Path) -> list[str]:
    """The links of a Markdown file that are not web addresses, outside code blocks."""
    text = FENCE.sub("", path.read_text(encoding="utf-8"))
    return [link for link in LINK.findall(text) if not re.match(r"[a-z]+:", link)]


def link_cases() -> list[tuple[Path, str]]:
    return [(path, link) for path in DOCS for link in relative_links(path)]


# (Markdown, an anchor, the slug GitHub gives it, why): the slugs the link check relies on.
SLUGS = [
    ("## `hankkeet show ID`", "hankkeet-show-id", "backticks dropped"),
    ("## Output files: `-o FILE`", "output-files--o-file", "each space a hyphen, ':' dropped"),
    ("## CI: SARIF, statistics, baselines", "ci-sarif-statistics-baselines", "commas dropped"),
    ("## The JSON record (public contract)", "the-json-record-public-contract", "brackets"),
]


@pytest.mark.parametrize(("markdown", "slug", "why"), SLUGS, ids=[s[-1] for s in SLUGS])
def test_anchor_slugs(markdown: str, slug: str, why: str) -> None:
    assert anchors(markdown) == {slug}, why


def test_the_docs_have_links() -> None:
    linked = {(path.name, link) for path, link in link_cases()}
    assert ("README.md", "docs/commands.md") in linked
    assert len(linked) > 20


@pytest.mark.parametrize(
    ("path", "link"),
    link_cases(),
    ids=[f"{p.relative_to(ROOT)}:{link}" for p, link in link_cases()],
)
def test_relative_link_leads_to_a_file(path: Path, link: str) -> None:
    target, _, anchor = link.partition("#")
    file = (path.parent / target).resolve() if target else path
    assert file.is_file(), f"{path.relative_to(ROOT)} links to {link}: no such file"
    if anchor and file.suffix == ".md":
        assert anchor in anchors(file.read_text(encoding="utf-8")), (
            f"{path.relative_to(ROOT)} links to {link}: no such heading"
        )


# -- docs/reading.md lists every finding code -----------------------------------------------


@pytest.mark.parametrize("code", list(Code), ids=[c.value for c in Code])
def test_reading_lists_every_code(code: Code) -> None:
    text = (ROOT / "docs" / "reading.md").read_text(encoding="utf-8")
    row = f"| `{code.value}` | {RULES[code].severity} | {RULES[code].title} |"
    assert row in text, f"docs/reading.md: add or correct the row {row}"


# -- Python examples in the docs run ----------------------------------------------------------

PYTHON_BLOCK = re.compile(r"^ *```python\n(.*?)^ *```", re.DOTALL | re.MULTILINE)


def python_examples() -> list[tuple[str, str]]:
    return [
        (path.name, textwrap.dedent(block))
        for path in DOCS
        for block in PYTHON_BLOCK.findall(path.read_text(encoding="utf-8"))
    ]


def test_the_docs_have_python_examples() -> None:
    assert any(name == "validate.md" for name, _ in python_examples())


@pytest.mark.parametrize(("name", "code"), python_examples(), ids=[n for n, _ in python_examples()])
def test_python_example_runs(name: str, code: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # the examples name paths of a checkout, such as data/
    exec(compile(code, name, "exec"), {})
