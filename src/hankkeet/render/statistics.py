"""validate --statistics: findings per rule, as a plain table or JSON."""

from __future__ import annotations

from collections.abc import Sequence
from typing import assert_never

from hankkeet.ci import RuleCount
from hankkeet.encode import dumps
from hankkeet.locale import _
from hankkeet.render.validation import ValidateFormat, severity_word


def render_statistics_text(counts: Sequence[RuleCount]) -> str:
    """'   3  funding-sum-mismatch  error    Funding does not add up…', a line a rule."""
    if not counts:
        return ""
    number = max(len(str(c.count)) for c in counts)
    code = max(len(str(c.rule.code)) for c in counts)
    severity = max(7, *(len(severity_word(c.rule.severity)) for c in counts))
    return "".join(
        f"{c.count:>{number}}  {c.rule.code:<{code}}  "
        f"{severity_word(c.rule.severity):<{severity}}  {_(c.rule.title)}\n"
        for c in counts
    )


def render_statistics_json(counts: Sequence[RuleCount]) -> str:
    """[{"code", "severity", "title", "count"}] (an empty list when clean)."""
    return dumps([c.to_dict() for c in counts], indent=2) + "\n"


def render_statistics(counts: Sequence[RuleCount], fmt: ValidateFormat) -> str:
    """--statistics in the chosen format: JSON or the plain lines (SARIF and GitHub
    annotations hold findings, not counts: the command refuses them)."""
    match fmt:
        case ValidateFormat.JSON:
            return render_statistics_json(counts)
        case ValidateFormat.TEXT:
            return render_statistics_text(counts)
        case ValidateFormat.GITHUB | ValidateFormat.SARIF:
            raise ValueError(f"--statistics has no {fmt.value} form")
        case _:
            assert_never(fmt)
