"""The pylint front end, run as users run it."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

pytest.importorskip("pylint")

from kerascheck.pylint_plugin import CHECKERS, pylint_msgid  # noqa: E402
from kerascheck.rules import RULES  # noqa: E402

SOURCE = "from keras.layers.convolutional import Conv2D\nConv2D(8, (3, 3), border_mode='same')\n"


def pylint_messages(*args, cwd):
    """pylint's JSON messages for a run with only kerascheck's checks enabled."""
    result = subprocess.run(
        [sys.executable, "-m", "pylint", "--load-plugins=kerascheck.pylint_plugin", "--disable=all",
         "--enable=kerascheck", "--output-format=json", *args],
        cwd=cwd, capture_output=True, text=True,
    )  # fmt: skip
    assert "Traceback" not in result.stderr, result.stderr
    return json.loads(result.stdout or "[]")


def pylint(*args, cwd):
    return [(m["message-id"], m["symbol"], m["line"], m["column"]) for m in pylint_messages(*args, cwd=cwd)]


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
    found = sorted(m[1] for m in pylint("--keras-target=keras3", "model.py", cwd=tmp_path))
    assert found == ["keras1-keyword", "legacy-keras-module"]


def test_broken_module_does_not_crash_the_plugin(tmp_path):
    (tmp_path / "broken.py").write_bytes(b"import keras\n\xff\xfe = 1\n")
    pylint("broken.py", cwd=tmp_path)  # asserts no traceback


def test_pylint_and_flake8_report_the_same_findings_on_the_examples():
    from pathlib import Path

    from kerascheck.rules import RULES_BY_CODE

    examples = Path(__file__).resolve().parent.parent / "examples"
    by_msgid = {pylint_msgid(rule): code for code, rule in RULES_BY_CODE.items()}
    from_pylint = {
        (Path(m[0]).name, by_msgid[m[1]], m[2], m[3] + 1)
        for m in _pylint_raw(examples)
        if by_msgid[m[1]] != "KER404"  # whole-project: flake8 has no end-of-run hook
    }
    flake8 = subprocess.run(
        [sys.executable, "-m", "flake8", "--select=KER,KER110,KER303,KER306", "--extend-ignore=KER307", "."],
        cwd=examples,
        capture_output=True,
        text=True,
    )
    from_flake8 = set()
    for line in flake8.stdout.splitlines():
        path, row, col, text = line.split(":", 3)
        from_flake8.add((Path(path).name, text.split()[0], int(row), int(col)))
    assert from_flake8 and from_pylint == from_flake8


def _pylint_raw(cwd):
    return [(m["path"], m["message-id"], m["line"], m["column"]) for m in pylint_messages(".", cwd=cwd)]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_mixing_across_the_project_at_the_end_of_the_run(tmp_path, jobs):
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("from . import a, b\n")  # one program
    (package / "a.py").write_text("import tf_keras\ntf_keras.layers.Dense(1)\n")
    (package / "b.py").write_text("import keras\n")
    messages = [
        (m["path"], m["symbol"], m["line"], m["message"]) for m in pylint_messages(f"-j{jobs}", "pkg", cwd=tmp_path)
    ]
    assert messages == [
        (
            "pkg/b.py",
            "mixed-keras-across-project",
            1,
            "KER404 standalone `keras` is used here and `tf_keras` in `pkg/a.py`, which one program imports too: "
            "`tf_keras` is a separate copy of Keras 2 whose objects do not mix with other Keras; use one Keras "
            "throughout the project",
        ),
    ]


def test_custom_layers_across_modules_by_reading_their_files(tmp_path):
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "base.py").write_text("from tensorflow import keras\n\n\nclass Base(keras.layers.Layer):\n    pass\n")
    (package / "blocks.py").write_text(
        "import tensorflow as tf\n\nfrom .base import Base\n\n\n"
        "class Noisy(Base):\n    def call(self, x):\n        return tf.nn.dropout(x, 0.5)\n"
    )
    assert [(m["path"], m["symbol"], m["line"]) for m in pylint_messages("pkg", cwd=tmp_path)] == [
        ("pkg/blocks.py", "training-op-without-training-arg", 8)
    ]


def test_custom_layers_two_modules_away_in_a_module_that_never_says_keras(tmp_path):
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "base.py").write_text("from tensorflow import keras\n\n\nclass Base(keras.layers.Layer):\n    pass\n")
    (package / "sub.py").write_text("from .base import Base\n\n\nclass Child(Base):\n    pass\n")
    (package / "deeper.py").write_text(
        "from pkg import sub\n\n\nclass Deep(sub.Child):\n    def call(self, x):\n        return self.inner.call(x)\n\n"
        "    def build(self, shape):\n        self.inner = Inner()\n\n\n"
        "class Inner(sub.Child):\n    def call(self, x, training=None):\n        return x\n"
    )
    assert [(m["path"], m["symbol"], m["line"]) for m in pylint_messages("pkg", cwd=tmp_path)] == [
        ("pkg/deeper.py", "call-without-training-arg", 5),  # KER306: --enable=kerascheck enables it
        ("pkg/deeper.py", "direct-sublayer-call", 6),
    ]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_model_file_one_module_saves_and_another_loads(tmp_path, jobs):
    (tmp_path / "train.py").write_text(
        "import keras\nmodel = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])\n"
        "model.compile(optimizer='adam', loss='mse')\nmodel.save('model.h5')\n"
    )
    (tmp_path / "predict.py").write_text("import keras\nmodel = keras.models.load_model('model.h5')\n")
    messages = pylint_messages(f"-j{jobs}", "--keras-target=keras3", "train.py", "predict.py", cwd=tmp_path)
    assert [(m["path"], m["symbol"], m["line"]) for m in messages] == [("predict.py", "h5-loss-alias", 2)]
    assert "(train.py, line 3)" in messages[0]["message"]
