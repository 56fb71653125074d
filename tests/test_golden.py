"""Output equality: every golden case gives the bytes recorded before the speed work."""

from __future__ import annotations

import pytest

from conftest import ROOT, cli
from golden_cases import cases, key, load_expected

EXPECTED = load_expected()


def test_every_case_is_recorded() -> None:
    """The recorded file and the case list agree (re-record after adding a case)."""
    assert sorted(EXPECTED) == sorted(key(args) for args in cases())


@pytest.mark.slow  # 220 whole runs: the guard for speed work, run with the benchmark and in CI
@pytest.mark.parametrize("args", cases(), ids=key)
def test_output_is_unchanged(args: tuple[str, ...], monkeypatch: pytest.MonkeyPatch) -> None:
    """stdout, stderr and the exit code are byte for byte what they were."""
    monkeypatch.chdir(ROOT)
    run = cli("--no-config", *args)
    expected = EXPECTED[key(args)]
    assert run.exit_code == expected["exit"]
    assert run.stdout == expected["stdout"]
    assert run.stderr == expected["stderr"]
