"""The output-equality guard: the cases whose output must stay byte-identical.

`python tests/golden_cases.py` records the current outputs in tests/golden/expected.json.gz
(run it only when an output is meant to change, and say why in the commit);
tests/test_golden.py runs every case again and compares stdout, stderr and the exit code.
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden"
EXPECTED = GOLDEN / "expected.json.gz"

# Every way of writing records and findings whose speed work could change a byte.
COMMANDS: tuple[tuple[str, ...], ...] = (
    ("list", "--format", "jsonl"),
    ("list", "--format", "csv"),
    ("list", "--format", "table", "--ids"),
    ("list", "--format", "jsonl", "--sort", "start"),
    ("validate", "--format", "json"),
    ("validate", "--format", "text"),
    ("validate", "--format", "github"),
    ("totals", "--format", "json"),
    # search holds an index, not the records: ranking, scores, snippets and every format.
    ("search", "kemi"),
    ("search", "kemi", "--format", "json"),
    ("search", "hanke", "--format", "jsonl", "--sort", "budget", "--limit", "5"),
    ("search", "korona yrittäjä", "--format", "csv"),
    ("search", "rakennemuutos Kemi", "--any", "--reverse", "--format", "csv"),
    ("search", '"master plan"', "--in", "summary,name", "--format", "jsonl"),
    ("search", "kenkä", "--format", "json"),
)
# Cheaper commands for the many small files.
SMALL_COMMANDS: tuple[tuple[str, ...], ...] = (
    ("list", "--format", "jsonl"),
    ("validate", "--format", "json"),
)


def inputs() -> list[tuple[str, bool]]:
    """(path relative to the root, whether to run every command) for each case's input."""
    whole = ["data/source.txt", "tests/golden/generated.txt", "tests/corpus", "tests/fixtures"]
    files = sorted(
        str(p.relative_to(ROOT))
        for folder in ("tests/fixtures", "tests/corpus")
        for p in (ROOT / folder).rglob("*.txt")
    )
    return [(path, True) for path in whole] + [(path, False) for path in files]


def cases() -> list[tuple[str, ...]]:
    """Every case as the command's arguments (after --no-config)."""
    out: list[tuple[str, ...]] = []
    for path, everything in inputs():
        for command in COMMANDS if everything else SMALL_COMMANDS:
            out.append((*command, path))
    return out


def key(args: tuple[str, ...]) -> str:
    """A case's name in the expected file."""
    return " ".join(args)


def load_expected() -> dict[str, dict[str, object]]:
    """The recorded outputs, by case."""
    with gzip.open(EXPECTED, "rt", encoding="utf-8") as f:
        loaded: dict[str, dict[str, object]] = json.load(f)
    return loaded


def main() -> int:
    """Record the outputs of every case with the current code."""
    sys.path.insert(0, str(ROOT / "tests"))
    import os

    from conftest import cli

    os.chdir(ROOT)
    recorded = {}
    for args in cases():
        run = cli("--no-config", *args)
        recorded[key(args)] = {"exit": run.exit_code, "stdout": run.stdout, "stderr": run.stderr}
    with gzip.GzipFile(EXPECTED, "wb", mtime=0) as f:
        f.write(json.dumps(recorded, ensure_ascii=False, indent=0, sort_keys=True).encode("utf-8"))
    print(f"{len(recorded)} cases recorded in {EXPECTED.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
