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
from hankkeet.diagnostics import PROSE_CODES, Code, Diagnostic, Report, Severity
from hankkeet.encode import dumps_nested
from hankkeet.locale import M_, Arg, Language, Message
from hankkeet.reading.sources import resolve
from hankkeet.render.validation import _finding_json, render_text
from hankkeet.validate import (
    FindingSpill,
    RuleSelection,
    StreamedReport,
    stream_validation,
    validate_sources,
)

RULE_FIXTURES = ROOT / "tests" / "fixtures" / "rules"

# Messages of every shape a finding's can take: text, whole numbers and None as values, and a
# message of its own ('lines 3–5') among them.
_values = st.text(max_size=12) | st.integers(0, 10**6) | st.none()


@st.composite
def _messages(draw: st.DrawFn) -> Message:
    names = draw(st.lists(st.sampled_from(["text", "label", "near", "line"]), unique=True))
    args: list[tuple[str, Arg]] = [(name, draw(_values)) for name in names]
    if draw(st.booleans()):
        args.append(("where", M_("lines {start}–{end}", start=3, end=draw(st.integers(3, 9)))))
    words = draw(st.text(alphabet=st.characters(blacklist_characters="{}"), max_size=20))
    return Message(" ".join([words, *(f"{{{name}}}" for name, _ in args)]), tuple(args))


_findings = st.builds(
    Diagnostic,
    st.sampled_from(list(Code)),
    _messages(),
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


# A narrow and a wide terminal in the fast loop; the widths between in the slow one.
SLOW = pytest.mark.slow


@pytest.mark.parametrize(
    "width",
    [
        60,
        pytest.param(72, marks=SLOW),
        pytest.param(80, marks=SLOW),
        100,
        pytest.param(160, marks=SLOW),
    ],
)
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
                Code(d["code"]),
                Message(d["message"]),
                d["path"],
                d["line"],
                d["project"],
                d["column"],
            )
            for d in found["diagnostics"]
        ]
    )
    assert cli("validate", *paths, env=env).stdout == render_text(held, width, False, Language.EN)


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


@settings(max_examples=80)
@given(st.lists(_findings, max_size=12), st.booleans(), st.booleans(), st.integers(0, 3))
def test_a_streamed_report_passes_as_the_held_one(
    findings: list[Diagnostic], strict: bool, labels_required: bool, files: int
) -> None:
    """One `passes` for both reports: the held one counts its findings, the streamed one
    counted them as they went; both say the same, under every option."""
    held = Report(list(findings), files=files, labels_required=labels_required)
    streamed = StreamedReport(files=files, labels_required=labels_required)
    for finding in findings:
        streamed.count(finding)
    assert streamed.counts == held.counts
    assert streamed.codes_found() == held.codes_found()
    assert streamed.valid == held.valid
    assert streamed.passes(strict) == held.passes(strict)
    assert streamed.to_dict(strict)["valid"] == held.to_dict(strict)["valid"]
    # And the rule itself, said once more in plain words.
    severities = {d.severity for d in findings}
    fails = Severity.ERROR in severities or (strict and Severity.WARNING in severities)
    fails = fails or (labels_required and any(d.code in PROSE_CODES for d in findings))
    assert held.passes(strict) is not fails


@pytest.mark.parametrize(
    ("select", "why"),
    [((), "every rule"), (("unreadable-file", "missing-field"), "two rules")],
)
def test_the_two_engines_find_the_same(select: tuple[str, ...], why: str) -> None:
    """stream_validation hands out, counts and spills what validate_sources holds: the same
    findings in the same order (the unresolved inputs' first), the same counts."""
    rules = RuleSelection.from_options(select)
    unresolved = [Diagnostic(Code.UNREADABLE_FILE, Message("no such file"), "gone.txt", 1)]
    held = validate_sources(resolve([str(RULE_FIXTURES), str(SEED)]), rules, 1, unresolved)
    streamed = StreamedReport()
    with FindingSpill() as spill:
        first = list(
            stream_validation(
                resolve([str(RULE_FIXTURES), str(SEED)]), streamed, spill, rules, 1, unresolved
            )
        )
        again = list(spill)
    assert held.diagnostics, why
    assert first == again == held.diagnostics, why
    assert (streamed.files, streamed.projects) == (held.files, held.projects), why
    assert streamed.counts == held.counts, why
