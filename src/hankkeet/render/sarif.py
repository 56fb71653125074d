"""SARIF 2.1.0 for GitHub code scanning: every rule once, every finding on its line.

GitHub shows a result at `artifactLocation.uri` (relative to the repository root) and
`region.startLine`; `partialFingerprints` lets it follow a finding as lines move.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PureWindowsPath
from typing import Any
from urllib.parse import quote

from hankkeet import HOMEPAGE, __version__
from hankkeet.diagnostics import RULES, Diagnostic, Report, Rule, Severity
from hankkeet.encode import dumps
from hankkeet.locale import Language

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
FINGERPRINT_KEY = "hankkeet/v1"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
RULE_INDEX = {code: i for i, code in enumerate(RULES)}


# The path the readers give standard input ('-'); SARIF names it STDIN_URI.
STDIN_PATH = "<stdin>"
STDIN_URI = "stdin"


def artifact_uri(path: str) -> str:
    """A file path as a URI reference: forward slashes, special characters escaped;
    standard input is 'stdin'."""
    if path == STDIN_PATH:
        return STDIN_URI
    posix = PureWindowsPath(path).as_posix() if "\\" in path else path
    if posix.startswith("/"):
        return "file://" + quote(posix)
    return quote(posix)


def rule_name(rule: Rule) -> str:
    """'funding-sum-mismatch' -> 'FundingSumMismatch' (SARIF's friendly rule name)."""
    return "".join(part.capitalize() for part in str(rule.code).split("-"))


def rule_descriptor(rule: Rule) -> dict[str, Any]:
    """One reportingDescriptor of the catalogue."""
    return {
        "id": str(rule.code),
        "name": rule_name(rule),
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": rule.explanation},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "help": {
            "text": f"{rule.title}. {rule.explanation} (hankkeet validate --explain {rule.code})"
        },
        "properties": {"tags": ["hankkeet"]},
    }


def result(diagnostic: Diagnostic, printed: str | None) -> dict[str, Any]:
    """One finding as a SARIF result."""
    region: dict[str, Any] = {"startLine": diagnostic.line}
    if diagnostic.column is not None:
        region["startColumn"] = diagnostic.column
    out: dict[str, Any] = {
        "ruleId": str(diagnostic.code),
        "ruleIndex": RULE_INDEX[diagnostic.code],
        "level": LEVELS[diagnostic.severity],
        "message": {"text": diagnostic.text(Language.EN)},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": artifact_uri(diagnostic.path)},
                    "region": region,
                }
            }
        ],
    }
    if diagnostic.project:
        out["properties"] = {"project": diagnostic.project}
    if printed is not None:
        out["partialFingerprints"] = {FINGERPRINT_KEY: printed}
    return out


def sarif_log(report: Report, prints: Sequence[str] | None = None) -> dict[str, Any]:
    """The SARIF log of a report; fingerprints (one per finding) when given."""
    chosen = list(prints) if prints is not None else [None] * len(report.diagnostics)
    return {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "hankkeet",
                        "version": __version__,
                        "informationUri": HOMEPAGE,
                        "rules": [rule_descriptor(rule) for rule in RULES.values()],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [result(d, p) for d, p in zip(report.diagnostics, chosen, strict=True)],
            }
        ],
    }


def render_sarif(report: Report, prints: Sequence[str] | None = None) -> str:
    """The SARIF log as JSON text."""
    return dumps(sarif_log(report, prints), indent=2) + "\n"
