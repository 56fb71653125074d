"""The library's errors are values (issue 26): a message's template and its values, and the
path apart; written in a language only where they are shown, whatever language is active
when they are raised. The command line writes them in the run's language; JSON in English.
"""

from __future__ import annotations

import ast
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import ROOT, cli
from hankkeet.ci import Baseline
from hankkeet.config import parse_config
from hankkeet.locale import HankkeetError, Language, use_language
from hankkeet.query import parse_active, resolve_programme
from hankkeet.reading.sources import resolve
from hankkeet.validate import parse_codes

SRC = ROOT / "src" / "hankkeet"


def _missing(tmp: Path) -> None:
    resolve([str(tmp / "poissa.txt")])


def _nul_bytes(tmp: Path) -> None:
    (tmp / "nul.txt").write_bytes(b"Hanke\x00\n")
    with resolve([str(tmp / "nul.txt")])[0].lines():
        pass


def _strict(tmp: Path) -> None:
    parse_config(tmp / "hankkeet.toml", {"strict": "kyllä"})


def _programme(tmp: Path) -> None:
    resolve_programme("Leedr")


def _rule(tmp: Path) -> None:
    parse_codes(["funding-sum-mismach"])


def _baseline(tmp: Path) -> None:
    Baseline.from_text('{"hankkeet_baseline": 2}')


def _active(tmp: Path) -> None:
    parse_active("2023..2021")


# (what raises, the path it is about ('{tmp}/...'), English, Finnish, why)
PROBLEMS: list[tuple[Callable[[Path], None], str | None, str, str, str]] = [
    (_missing, "{tmp}/poissa.txt", "no such file or folder", "tiedostoa tai kansiota ei ole",
     "an input that is not there"),
    (_nul_bytes, "{tmp}/nul.txt", "contains NUL bytes; not a text file",
     "sisältää NUL-tavuja; ei ole tekstitiedosto", "an input found unreadable as it is read"),
    (_strict, "{tmp}/hankkeet.toml", "'strict' must be true or false",
     "'strict' on oltava true tai false", "a configuration value"),
    (_programme, None, "unknown programme 'Leedr'; known: ", "tuntematon ohjelma 'Leedr'; ",
     "a filter value"),
    (_rule, None, "unknown rule 'funding-sum-mismach' in --select (did you mean",
     "tuntematon sääntö 'funding-sum-mismach' valitsimessa --select", "a rule code"),
    (_baseline, None, "not a hankkeet baseline (version 1)",
     "ei ole hankkeet-perustaso (versio 1)", "a baseline file"),
    (_active, None, "'2023..2021' ends before it starts", "'2023..2021'", "a date range"),
]  # fmt: skip


def test_problems_are_unique() -> None:
    assert len({p[0] for p in PROBLEMS}) == len({p[4] for p in PROBLEMS}) == len(PROBLEMS)


@pytest.mark.parametrize(
    ("raises", "path", "english", "finnish", "why"), PROBLEMS, ids=[p[4] for p in PROBLEMS]
)
@pytest.mark.parametrize("active", list(Language))
def test_a_problem_is_a_value_written_where_it_is_shown(
    tmp_path: Path,
    raises: Callable[[Path], None],
    path: str | None,
    english: str,
    finnish: str,
    why: str,
    active: Language,
) -> None:
    with use_language(active), pytest.raises(HankkeetError) as caught:
        raises(tmp_path)
    problem = caught.value
    where = None if path is None else path.format(tmp=tmp_path)
    assert problem.path == where, why
    prefix = "" if where is None else f"{where}: "
    assert str(problem).startswith(prefix + english), (str(problem), why)
    assert problem.text(Language.EN) == str(problem), why
    assert problem.text(Language.FI).startswith(prefix + finnish), (problem.text(Language.FI), why)
    assert problem.reason.text(Language.EN).startswith(english), "the message without the path"


def test_a_problem_survives_a_trip_between_processes(tmp_path: Path) -> None:
    """A worker's problem is pickled to the main process, message and path kept."""
    import pickle

    with pytest.raises(HankkeetError) as caught:
        _missing(tmp_path)
    again = pickle.loads(pickle.dumps(caught.value))
    assert (type(again), again.reason, again.path) == (
        type(caught.value),
        caught.value.reason,
        caught.value.path,
    )


def test_the_cli_writes_a_problem_in_the_language_of_the_run(tmp_path: Path) -> None:
    missing = str(tmp_path / "poissa.txt")
    assert cli("--lang", "fi", "list", missing).stderr == (
        f"hankkeet: {missing}: tiedostoa tai kansiota ei ole\n"
    )
    assert cli("list", "--lang", "en", missing).stderr == (
        f"hankkeet: {missing}: no such file or folder\n"
    )


def test_validate_writes_an_unreadable_input_in_each_format_s_language(tmp_path: Path) -> None:
    """The finding of an input that cannot be read: the run's language for people, English
    for programs, from one value (no language switched while reading)."""
    nul = tmp_path / "nul.txt"
    nul.write_bytes(b"Hanke\x00\n")
    text = cli("--lang", "fi", "validate", "--format", "text", str(nul))
    assert "sisältää NUL-tavuja; ei ole tekstitiedosto" in text.stdout, text.stdout
    report = json.loads(cli("--lang", "fi", "validate", "--format", "json", str(nul)).stdout)
    [finding] = report["diagnostics"]
    assert (finding["code"], finding["message"]) == (
        "unreadable-file",
        "contains NUL bytes; not a text file",
    )


# The only modules that may choose or switch the language of a run.
CHOOSERS = {"cli", "locale"}
SWITCHES = {"set_language", "use_language"}
# What writes a text in the active language: not for the readers, who make values.
WRITERS = {"_", "ngettext", "current_language", *SWITCHES}


def _imported_names(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module == "hankkeet.locale"
        for alias in node.names
    }


@pytest.mark.parametrize("path", sorted(SRC.rglob("*.py")), ids=lambda p: str(p.relative_to(SRC)))
def test_only_the_command_line_chooses_the_language(path: Path) -> None:
    names = _imported_names(path)
    part = path.relative_to(SRC).parts[0]
    if part not in CHOOSERS:
        assert not names & SWITCHES, "the language is chosen once, by the command line"
    if part in ("reading", "inputs", "validate.py", "query.py", "config.py", "ci.py"):
        assert not names & WRITERS, "the readers and the library's errors speak no language"


def test_a_report_beside_a_baseline_is_in_the_language_of_the_run(tmp_path: Path) -> None:
    """A baseline's fingerprints are made from English messages whatever the run's language;
    the report for people beside it is in the run's language (it was English: the language
    was switched for the whole run)."""
    fixture = ROOT / "tests" / "fixtures" / "rules" / "funding-sum-mismatch.txt"
    baseline = tmp_path / "perustaso.json"
    baseline.write_text('{"hankkeet_baseline": 1, "findings": []}\n', encoding="utf-8")
    english = cli("--lang", "en", "validate", "--baseline", str(baseline), str(fixture))
    finnish = cli("--lang", "fi", "validate", "--baseline", str(baseline), str(fixture))
    assert "the funding text states" in english.stdout
    assert "the funding text states" not in finnish.stdout, finnish.stdout
    plain = cli("--lang", "fi", "validate", str(fixture))
    assert finnish.stdout == plain.stdout, "a baseline that accepts nothing changes nothing"
