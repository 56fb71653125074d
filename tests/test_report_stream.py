"""The streamed validate report: findings kept in a file and read back in line order, and
the text and JSON written from them equal to the held report's, at every width."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT, SEED, cli
from hankkeet.diagnostics import Code, Diagnostic, Report
from hankkeet.encode import dumps_nested
from hankkeet.render.validation import _finding_json, render_text
from hankkeet.validate import FindingSpill

RULE_FIXTURES = ROOT / "tests" / "fixtures" / "rules"

_findings = st.builds(
    Diagnostic,
    st.sampled_from(list(Code)),
    st.text(max_size=30),
    st.sampled_from(["a.txt", "b/ä.txt"]),
    st.integers(min_value=1, max_value=12),
    st.none() | st.text(max_size=8),
    st.none() | st.integers(min_value=1, max_value=99),
)


@settings(max_examples=60)
@given(st.lists(st.lists(_findings, max_size=40), max_size=4), st.integers(1, 5))
def test_spill_gives_each_section_in_stable_line_order(
    sections: list[list[Diagnostic]], chunk: int
) -> None:
    """Each section comes back as sorted(section, key=line): runs merged, ties in the
    order they were added (small chunks, so runs span several)."""
    spill = FindingSpill()
    spill.CHUNK = chunk
    try:
        for found in sections:
            spill.start_section()
            for d in found:
                spill.add(d)
        expected = [d for found in sections for d in sorted(found, key=lambda d: d.line)]
        assert list(spill) == expected
        assert list(spill) == expected, "a second pass reads the same"
        assert spill.count == len(expected)
    finally:
        spill.close()


@given(_findings)
def test_finding_json_is_dumps_nested(finding: Diagnostic) -> None:
    """The streamed JSON writes a finding as the library's encoder does, byte for byte."""
    assert _finding_json(finding.to_dict()) == dumps_nested(finding.to_dict(), 2, 2)


@pytest.mark.parametrize("width", [60, 72, 80, 100, 160])
@pytest.mark.parametrize(
    "paths",
    [[str(SEED)], [str(RULE_FIXTURES)], [str(RULE_FIXTURES), "nonexistent.txt", str(SEED)]],
    ids=["seed", "every rule fixture", "with a missing file"],
)
def test_streamed_text_equals_the_held_report(paths: list[str], width: int) -> None:
    """The text report written from the spill is render_text of the same findings held in a
    Report (the JSON report's findings: those equal the library's, test_validate checks)."""
    env = {"COLUMNS": str(width)}
    found = json.loads(cli("validate", "--format", "json", *paths, env=env).stdout)
    held = Report(
        [
            Diagnostic(
                Code(d["code"]), d["message"], d["path"], d["line"], d["project"], d["column"]
            )
            for d in found["diagnostics"]
        ]
    )
    assert cli("validate", *paths, env=env).stdout == render_text(held, width, color=False)


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("generate", ROOT / "benchmarks" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["generate"] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("findings", [1, 2, 400])
def test_findings_file_gives_exactly_the_findings_asked_for(findings: int, tmp_path: Path) -> None:
    """benchmarks/generate.py --findings N: validate reports N findings, of many rules."""
    path = tmp_path / "findings.txt"
    _generator().write_findings(path, findings, seed=11)
    report = json.loads(cli("validate", "--format", "json", str(path)).stdout)
    stats = report["stats"]
    assert stats["errors"] + stats["warnings"] + stats["infos"] == findings
    if findings > 100:
        assert len({d["code"] for d in report["diagnostics"]}) >= 20
