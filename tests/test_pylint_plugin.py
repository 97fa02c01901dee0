"""The pylint front end, run as users run it."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

pytest.importorskip("pylint")

from kerascheck.pylint_plugin import CHECKERS, pylint_msgid  # noqa: E402
from kerascheck.rules import RULES  # noqa: E402

SOURCE = "from keras.layers import Conv2D\nConv2D(8, (3, 3), border_mode='same')\n"


def pylint(*args, cwd):
    result = subprocess.run(
        [sys.executable, "-m", "pylint", "--load-plugins=kerascheck.pylint_plugin", "--disable=all",
         "--enable=kerascheck", "--output-format=json", *args],
        cwd=cwd, capture_output=True, text=True,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return [(m["message-id"], m["symbol"], m["line"], m["column"]) for m in json.loads(result.stdout or "[]")]


def test_pylint_exposes_every_code_once():
    symbols = {symbol: msgid for checker in CHECKERS for msgid, (_, symbol, *_) in checker.msgs.items()}
    assert set(symbols) == {rule.name for rule in RULES}
    assert sorted(symbols.values()) == sorted(pylint_msgid(rule) for rule in RULES)
    assert len(set(symbols.values())) == len(RULES)


def test_messages_match_flake8_positions(tmp_path):
    (tmp_path / "model.py").write_text(SOURCE)
    assert sorted(pylint("model.py", cwd=tmp_path)) == [
        ("E7201", "keras1-keyword", 2, 18),
        ("W7101", "standalone-keras-import", 1, 0),
    ]


def test_disable_by_symbol_and_pragma(tmp_path):
    (tmp_path / "model.py").write_text(SOURCE.replace("'same')", "'same')  # pylint: disable=keras1-keyword"))
    assert pylint("--disable=standalone-keras-import", "model.py", cwd=tmp_path) == []


def test_target_option(tmp_path):
    (tmp_path / "model.py").write_text(SOURCE)
    assert [m[1] for m in pylint("--keras-target=keras3", "model.py", cwd=tmp_path)] == ["keras1-keyword"]


def test_broken_module_does_not_crash_the_plugin(tmp_path):
    (tmp_path / "broken.py").write_bytes(b"import keras\n\xff\xfe = 1\n")
    pylint("broken.py", cwd=tmp_path)  # asserts no traceback
