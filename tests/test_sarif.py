"""validate for CI: SARIF 2.1.0 checked against a schema, --statistics, and a baseline.

The SARIF schema is a vendored subset of the OASIS SARIF 2.1.0 schema (tests/schemas/),
holding the objects hankkeet writes with the full schema's required properties, enums,
minimums and closed property lists; jsonschema checks the output against it.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from conftest import FIXTURES, SEED, cli

SCHEMA = json.loads(
    (Path(__file__).parent / "schemas" / "sarif-2.1.0-subset.json").read_text(encoding="utf-8")
)
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def check_sarif(document: dict[str, Any]) -> None:
    """Fail when the log does not fit SARIF 2.1.0."""
    jsonschema.Draft7Validator(SCHEMA).validate(document)


def sarif_of(*args: str) -> tuple[dict[str, Any], int]:
    run = cli("validate", "--format", "sarif", *args)
    assert run.exit_code in (0, 1), run.stderr
    document: dict[str, Any] = json.loads(run.stdout)
    return document, run.exit_code


def test_sarif_fits_the_schema_and_matches_the_report() -> None:
    document, code = sarif_of()
    check_sarif(document)
    assert code == 1  # the same exit as the text report: the seed has an error
    report = json.loads(cli("validate", "--format", "json").stdout)
    (run,) = document["runs"]
    rules = run["tool"]["driver"]["rules"]
    results = run["results"]
    assert len(results) == len(report["diagnostics"]) == 4
    for found, diagnostic in zip(results, report["diagnostics"], strict=True):
        assert found["ruleId"] == diagnostic["code"]
        assert rules[found["ruleIndex"]]["id"] == diagnostic["code"]
        assert found["level"] == LEVELS[diagnostic["severity"]]
        assert found["message"]["text"] == diagnostic["message"]
        location = found["locations"][0]["physicalLocation"]
        assert location["region"]["startLine"] == diagnostic["line"]
        assert location["region"].get("startColumn") == diagnostic["column"]
        assert location["artifactLocation"]["uri"] == "%3Cembedded%3E/source.txt"
        assert len(found["partialFingerprints"]["hankkeet/v1"]) == 20


def test_sarif_uri_is_the_path_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "data dir"
    folder.mkdir()
    (folder / "hankkeet.txt").write_bytes(SEED.read_bytes())
    monkeypatch.chdir(tmp_path)
    document, _ = sarif_of("data dir/hankkeet.txt")
    check_sarif(document)
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in document["runs"][0]["results"]
    }
    assert uris == {"data%20dir/hankkeet.txt"}  # relative to the repository, as GitHub wants


def test_a_clean_file_is_an_empty_valid_log() -> None:
    document, code = sarif_of(
        str(FIXTURES / "rules" / "empty-field.txt"), "--select", "no-projects"
    )
    check_sarif(document)
    assert code == 0 and document["runs"][0]["results"] == []


def test_the_schema_check_has_teeth() -> None:
    document, _ = sarif_of()
    broken = json.loads(json.dumps(document))
    region = broken["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    region["startLine"] = 0
    with pytest.raises(jsonschema.ValidationError):
        check_sarif(broken)
    broken = json.loads(json.dumps(document))
    broken["runs"][0]["results"][0]["level"] = "info"  # SARIF says note
    with pytest.raises(jsonschema.ValidationError):
        check_sarif(broken)


def test_sarif_file_by_extension(tmp_path: Path) -> None:
    target = tmp_path / "hankkeet.sarif"
    run = cli("validate", "-o", str(target))
    assert run.exit_code == 1 and run.stdout == ""
    check_sarif(json.loads(target.read_text(encoding="utf-8")))


# -- --statistics -----------------------------------------------------------------------------


def test_statistics_count_per_rule(tmp_path: Path) -> None:
    folder = tmp_path / "all"
    folder.mkdir()
    for path in (FIXTURES / "rules").glob("*.txt"):
        (folder / path.name).write_bytes(path.read_bytes())
    report = json.loads(cli("validate", str(folder), "--format", "json").stdout)
    expected = Counter(d["code"] for d in report["diagnostics"])
    run = cli("validate", str(folder), "--statistics")
    assert run.exit_code == 1
    lines = run.stdout.splitlines()
    counted = {line.split()[1]: int(line.split()[0]) for line in lines}
    assert counted == expected
    numbers = [int(line.split()[0]) for line in lines]
    assert numbers == sorted(numbers, reverse=True)  # most first, as ruff does
    as_json = json.loads(cli("validate", str(folder), "--statistics", "--format", "json").stdout)
    assert {c["code"]: c["count"] for c in as_json} == expected
    assert all(set(c) == {"code", "severity", "title", "count"} for c in as_json)


# -- baseline ---------------------------------------------------------------------------------


def test_baseline_accepts_known_findings_until_their_text_changes(tmp_path: Path) -> None:
    source = tmp_path / "hankkeet.txt"
    text = SEED.read_text(encoding="utf-8")
    source.write_text(text, encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    run = cli("validate", str(source), "--write-baseline", str(baseline))
    assert run.exit_code == 0 and "4 findings accepted" in run.stderr
    written = json.loads(baseline.read_text(encoding="utf-8"))
    assert [f["code"] for f in written["findings"]] == [
        "preamble",
        "funding-sum-mismatch",
        "empty-field",
        "title-typo",
    ]

    clean = cli("validate", str(source), "--baseline", str(baseline), "--format", "json")
    assert clean.exit_code == 0 and json.loads(clean.stdout)["diagnostics"] == []

    # Lines added far above move the findings but leave them accepted.
    source.write_text(
        text.replace("Harrastusten jäänmurtajahanke\n", "\n\nHarrastusten jäänmurtajahanke\n", 1),
        encoding="utf-8",
    )
    moved = cli("validate", str(source), "--baseline", str(baseline), "--format", "json")
    assert moved.exit_code == 0 and json.loads(moved.stdout)["diagnostics"] == []

    # The text on or next to the finding's line (67) changed: it is new again and fails CI.
    lines = text.split("\n")
    assert lines[66].startswith("Rahoitus ja ohjelma:")
    for index, edit in (
        (66, lines[66].replace("Euroopan", "EU:n Euroopan")),
        (67, lines[67].replace("1.8.2021", "2.8.2021")),
    ):
        assert edit != lines[index]
        source.write_text("\n".join([*lines[:index], edit, *lines[index + 1 :]]), encoding="utf-8")
        changed = cli("validate", str(source), "--baseline", str(baseline), "--format", "json")
        assert changed.exit_code == 1, edit
        assert [d["code"] for d in json.loads(changed.stdout)["diagnostics"]] == [
            "funding-sum-mismatch"
        ]
    # What the finding says changed (the budget two lines below): new again too.
    assert lines[68].startswith("Budjetti")
    source.write_text(
        "\n".join([*lines[:68], lines[68].replace("875", "876"), *lines[69:]]), encoding="utf-8"
    )
    changed = cli("validate", str(source), "--baseline", str(baseline), "--format", "json")
    assert changed.exit_code == 1


def test_baseline_works_with_sarif_and_statistics(tmp_path: Path) -> None:
    baseline = tmp_path / "b.json"
    assert cli("validate", "--write-baseline", str(baseline)).exit_code == 0
    document, code = sarif_of("--baseline", str(baseline))
    check_sarif(document)
    assert code == 0 and document["runs"][0]["results"] == []
    stats = cli("validate", "--baseline", str(baseline), "--statistics")
    assert stats.exit_code == 0 and stats.stdout == ""


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{}", "not a hankkeet baseline"),
        ("not json", "not a hankkeet baseline"),
    ],
)
def test_a_bad_baseline_is_a_usage_error(tmp_path: Path, content: str, message: str) -> None:
    baseline = tmp_path / "b.json"
    baseline.write_text(content, encoding="utf-8")
    run = cli("validate", "--baseline", str(baseline))
    assert run.exit_code == 2 and message in run.stderr


def test_a_missing_baseline_is_a_usage_error(tmp_path: Path) -> None:
    run = cli("validate", "--baseline", str(tmp_path / "none.json"))
    assert run.exit_code == 2 and "cannot read the baseline" in run.stderr
