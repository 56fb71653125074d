"""The rule catalogue: every Code has a rule, a fixture that raises it, and an --explain text."""

from __future__ import annotations

import pytest

from conftest import FIXTURES, cli
from hankkeet.diagnostics import RULES, Code
from hankkeet.reading.sources import resolve
from hankkeet.validate import validate_sources

RULE_FIXTURES = FIXTURES / "rules"
# Codes that have no fixture yet: new codes whose rule is still being written. A known gap,
# kept empty; a code leaves this set the day its fixture lands. no-text-layer needs a PDF,
# and no binary is checked in: tests/test_pdf.py makes that fixture (fpdf2) and checks it.
# The cross-file codes need two files (tests/test_link.py raises both from two files).
NO_FIXTURE_YET: frozenset[Code] = frozenset(
    {Code.NO_TEXT_LAYER, Code.SOURCES_DISAGREE, Code.DUPLICATE_ACROSS_FILES}
)
CODES = list(Code)


def test_every_code_has_a_rule() -> None:
    assert set(RULES) == set(Code)
    for code, rule in RULES.items():
        assert rule.code is code


def test_every_fixture_is_named_after_a_code() -> None:
    names = {path.stem for path in RULE_FIXTURES.glob("*.txt")}
    assert names == {code.value for code in Code if code not in NO_FIXTURE_YET}


@pytest.mark.parametrize("code", CODES, ids=[c.value for c in CODES])
def test_the_fixture_raises_its_code(code: Code) -> None:
    """tests/fixtures/rules/<code>.txt, read and checked as `hankkeet validate` does."""
    path = RULE_FIXTURES / f"{code.value}.txt"
    if code in NO_FIXTURE_YET:
        assert not path.exists(), f"{code} has a fixture now: take it out of NO_FIXTURE_YET"
        pytest.skip(f"known gap: {code} has no fixture yet")
    report = validate_sources(resolve([str(path)]))
    assert code in {d.code for d in report.diagnostics}, [d.code for d in report.diagnostics]


@pytest.mark.parametrize("code", CODES, ids=[c.value for c in CODES])
def test_explain(code: Code) -> None:
    """`hankkeet validate --explain <code>` prints the rule's title and whole explanation."""
    rule = RULES[code]
    run = cli("validate", "--explain", code.value)
    assert run.exit_code == 0, run.stderr
    assert run.stdout.startswith(f"{code.value} ({rule.severity.value}): {rule.title}")
    assert " ".join(rule.explanation.split()) in " ".join(run.stdout.split())
