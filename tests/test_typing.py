"""mypy over kerascheck/: every module is clean but those listed as not yet typed, and the list only
shrinks (a module that has become clean must leave it). Skipped when mypy is not installed."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Modules whose types mypy does not accept yet (issue 13: mypy clean over the whole package).
NOT_YET_TYPED: frozenset = frozenset()  # none left: every module is clean


def _errors_by_module() -> dict:
    pytest.importorskip("mypy")
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", str(ROOT / "pyproject.toml"), "kerascheck"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode in (0, 1), result.stderr or result.stdout  # 2: mypy itself failed
    found: dict = {}
    for line in result.stdout.splitlines():
        match = re.match(r"(kerascheck/[\w/]+)\.py:\d+: error: (.*)", line)
        if match:
            module = match.group(1).replace("/", ".").removesuffix(".__init__")
            found.setdefault(module, []).append(line)
    return found


@pytest.fixture(scope="module")
def errors() -> dict:
    return _errors_by_module()


def test_mypy_accepts_every_typed_module(errors):
    unexpected = [line for module, lines in sorted(errors.items()) if module not in NOT_YET_TYPED for line in lines]
    assert unexpected == []


def test_the_list_of_untyped_modules_only_shrinks(errors):
    assert sorted(NOT_YET_TYPED - set(errors)) == [], "now clean: remove from NOT_YET_TYPED"
