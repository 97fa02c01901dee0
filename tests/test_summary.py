"""The summary line agrees with itself: "N fixable" before, "Fixed N" / "Would fix N" after; fixes
hidden behind --unsafe-fixes are counted, as ruff counts them."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import run_kerascheck

ROOT = Path(__file__).resolve().parent.parent
UNSAFE_ONLY = "import tensorflow as tf\ntf.keras.layers.Conv2D(64, 5, 5)\n"  # KER203 through tf.keras: unsafe
SAFE_AND_UNSAFE = UNSAFE_ONLY + "tf.keras.layers.Dense(4, init='zero')\n"


def last_line(*args, cwd):
    return run_kerascheck(*args, cwd=cwd).stdout.splitlines()[-1]


def fixable_in(line: str) -> int:
    return int(line.split("(")[1].split()[0])


def test_fixable_count_is_what_fix_then_fixes_on_the_examples(tmp_path):
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    cwd = tmp_path / "examples"
    before = last_line(".", cwd=cwd)
    would = last_line("--diff", ".", cwd=cwd)
    fixed = last_line("--fix", ".", cwd=cwd)
    count = fixable_in(before)
    assert count > 0
    assert would.startswith(f"Would fix {count} findings in ")
    assert fixed.startswith(f"Fixed {count} findings in ")


def test_only_unsafe_fix_says_unsafe_fixes(tmp_path):
    (tmp_path / "m.py").write_text(UNSAFE_ONLY)
    assert last_line("m.py", cwd=tmp_path) == "Found 1 finding (1 fixable with --fix --unsafe-fixes)."
    assert last_line("--fix", "m.py", cwd=tmp_path) == "Found 1 finding (1 fixable with --fix --unsafe-fixes)."
    assert last_line("--unsafe-fixes", "m.py", cwd=tmp_path) == "Found 1 finding (1 fixable with --fix)."
    assert last_line("--fix", "--unsafe-fixes", "m.py", cwd=tmp_path) == "Fixed 1 finding in 1 file. No findings."


def test_safe_and_hidden_unsafe_fixes_are_counted_apart(tmp_path):
    (tmp_path / "m.py").write_text(SAFE_AND_UNSAFE)
    assert (
        last_line("m.py", cwd=tmp_path) == "Found 2 findings (1 fixable with --fix; 1 more with --fix --unsafe-fixes)."
    )
    assert last_line("--fix", "m.py", cwd=tmp_path) == (
        "Fixed 1 finding in 1 file. Found 1 finding (1 fixable with --fix --unsafe-fixes)."
    )
