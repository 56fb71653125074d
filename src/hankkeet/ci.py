"""What CI needs from a report: counts per rule, and a baseline of accepted findings.

A baseline entry is a fingerprint of a finding: its rule, project, message and the text of
its line and the lines either side, not the line number. A known finding stays accepted when
lines are added above it, and comes back the moment the text around it (or what it says,
such as the difference in a sum) changes.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from hankkeet.diagnostics import RULES, Diagnostic, Report, Rule
from hankkeet.locale import M_, HankkeetError, Language
from hankkeet.reading.sources import Source

BASELINE_VERSION = 1
# Lines either side of a finding's line that belong to its fingerprint.
CONTEXT = 1


@dataclass(frozen=True)
class RuleCount:
    """How many findings one rule has in a report."""

    rule: Rule
    count: int

    def to_dict(self) -> dict[str, Any]:
        """Plain values: code, severity, title, count."""
        return {
            "code": str(self.rule.code),
            "severity": self.rule.severity.value,
            "title": self.rule.title,
            "count": self.count,
        }


def rule_counts(report: Report) -> list[RuleCount]:
    """Findings per rule, most first (ties by code), as ruff's --statistics."""
    counts = Counter(d.code for d in report.diagnostics)
    return [
        RuleCount(RULES[code], n)
        for code, n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]


def fingerprint(diagnostic: Diagnostic, lines: Sequence[str]) -> str:
    """A stable id of a finding from its rule, project, message and the text around it."""
    first = max(0, diagnostic.line - 1 - CONTEXT)
    around = [line.strip() for line in lines[first : diagnostic.line + CONTEXT]]
    material = "\0".join(
        [str(diagnostic.code), diagnostic.project or "", diagnostic.text(Language.EN), *around]
    )
    return hashlib.sha256(material.encode("utf-8")).hexdigest()[:20]


def fingerprints(
    diagnostics: Iterable[Diagnostic], texts: Mapping[str, Sequence[str]]
) -> list[str]:
    """The fingerprint of each finding, from the lines of the file it is in."""
    return [fingerprint(d, texts.get(d.path, ())) for d in diagnostics]


class BaselineError(HankkeetError, ValueError):
    """A baseline file is not one this version wrote."""


# One accepted finding as a baseline matches it: path, code, fingerprint.
BaselineKey = tuple[str, str, str]


@dataclass
class Baseline:
    """Accepted findings, each as often as it was accepted."""

    entries: Counter[BaselineKey] = field(default_factory=Counter)

    @classmethod
    def of(cls, report: Report, prints: Sequence[str]) -> Baseline:
        """Every finding of a report as accepted."""
        return cls(
            Counter(
                (d.path, str(d.code), p) for d, p in zip(report.diagnostics, prints, strict=True)
            )
        )

    def to_text(self, report: Report, prints: Sequence[str]) -> str:
        """The baseline file: JSON, one entry per finding, readable in a review."""
        findings = [
            {
                "path": d.path,
                "code": str(d.code),
                "project": d.project,
                "line": d.line,
                "message": d.text(Language.EN),
                "fingerprint": p,
            }
            for d, p in zip(report.diagnostics, prints, strict=True)
        ]
        return (
            json.dumps(
                {"hankkeet_baseline": BASELINE_VERSION, "findings": findings},
                ensure_ascii=False,
                indent=2,
            )
            + "\n"
        )

    @classmethod
    def from_text(cls, text: str) -> Baseline:
        """Read a baseline file; BaselineError when it is not one."""
        try:
            data = json.loads(text)
            if data.get("hankkeet_baseline") != BASELINE_VERSION:
                raise BaselineError(M_("not a hankkeet baseline (version 1)"))
            return cls(
                Counter(
                    (str(f["path"]), str(f["code"]), str(f["fingerprint"]))
                    for f in data["findings"]
                )
            )
        except (ValueError, AttributeError, KeyError, TypeError) as exc:
            if isinstance(exc, BaselineError):
                raise
            raise BaselineError(
                M_("not a hankkeet baseline: {problem}", problem=str(exc))
            ) from None

    def apply(self, report: Report, prints: Sequence[str]) -> tuple[Report, list[str], int]:
        """The report without accepted findings, the kept findings' fingerprints, and how
        many were left out."""
        left = Counter(self.entries)
        kept: list[Diagnostic] = []
        kept_prints: list[str] = []
        for diagnostic, printed in zip(report.diagnostics, prints, strict=True):
            key = (diagnostic.path, str(diagnostic.code), printed)
            if left[key] > 0:
                left[key] -= 1
                continue
            kept.append(diagnostic)
            kept_prints.append(printed)
        filtered = Report(kept, files=report.files, projects=report.projects)
        return filtered, kept_prints, len(report.diagnostics) - len(kept)


def source_texts(sources: Iterable[Source]) -> dict[str, list[str]]:
    """Each input's cleaned lines by display path (as the findings name them)."""
    texts: dict[str, list[str]] = {}
    for source in sources:
        with source.lines() as lines:
            texts[source.path] = list(lines)
    return texts
