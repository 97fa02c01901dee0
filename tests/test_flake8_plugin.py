"""The flake8 front end, run as users run it: a subprocess on files, on stdin, with config files."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

pytest.importorskip("flake8")

KERAS1 = "from keras.layers.convolutional import Conv2D\nConv2D(8, (3, 3), border_mode='same')\n"


def flake8(*args, cwd, stdin=None):
    result = subprocess.run(
        [sys.executable, "-m", "flake8", *args], cwd=cwd, input=stdin, capture_output=True, text=True
    )
    assert result.returncode in (0, 1), result.stderr
    return result.stdout.splitlines()


def test_file_findings_have_code_position_and_message(tmp_path):
    (tmp_path / "model.py").write_text(KERAS1)
    lines = flake8("--select=KER", "model.py", cwd=tmp_path)
    assert lines == [
        "model.py:1:1: KER101 `keras.layers.convolutional` is standalone Keras, not `tensorflow.keras` (target "
        "tf.keras): a legacy module path, which the keras package of TF 2.6–2.15 lacks as tf.keras does "
        "(ModuleNotFoundError); import `tensorflow.keras.layers` instead",
        "model.py:2:19: KER201 `border_mode=` is the Keras 1 name of `padding=` in `Conv2D`"
        "; on target tf.keras it raises `TypeError`; use `padding='same'`",
    ]


def test_stdin_gives_the_same_findings(tmp_path):
    (tmp_path / "model.py").write_text(KERAS1)
    from_file = flake8("--select=KER", "model.py", cwd=tmp_path)
    from_stdin = flake8("--select=KER", "--stdin-display-name=model.py", "-", cwd=tmp_path, stdin=KERAS1)
    assert from_stdin == from_file


def test_noqa_silences_one_code(tmp_path):
    source = "from keras.layers import Conv2D  # noqa: KER101\nConv2D(8, (3, 3), border_mode='same')  # noqa: KER201\n"
    (tmp_path / "model.py").write_text(source)
    assert flake8("--select=KER", "model.py", cwd=tmp_path) == []


def test_target_from_setup_cfg(tmp_path):
    (tmp_path / "model.py").write_text(KERAS1)
    (tmp_path / "setup.cfg").write_text("[flake8]\nkeras-target = keras3\n")
    lines = flake8("--select=KER", "model.py", cwd=tmp_path)
    assert [line.split()[1] for line in lines] == ["KER102", "KER201"]


def test_default_off_code_needs_extend_select(tmp_path):
    source = textwrap.dedent(
        """\
        from tensorflow import keras
        class L(keras.layers.Layer):
            def call(self, x):
                return x
        """
    )
    (tmp_path / "layer.py").write_text(source)

    def ker_codes(*args):
        return [line.split()[1] for line in flake8(*args, "layer.py", cwd=tmp_path) if " KER" in line]

    assert ker_codes() == []
    assert ker_codes("--extend-select=KER307") == ["KER307"]


def test_syntax_error_is_flake8s_e999_not_a_crash(tmp_path):
    (tmp_path / "broken.py").write_text("import keras\ndef f(:\n")
    result = subprocess.run([sys.executable, "-m", "flake8", "broken.py"], cwd=tmp_path, capture_output=True, text=True)
    assert "E999" in result.stdout
    assert "Traceback" not in result.stderr


def test_unknown_target_is_a_usage_error(tmp_path):
    (tmp_path / "model.py").write_text(KERAS1)
    result = subprocess.run(
        [sys.executable, "-m", "flake8", "--keras-target=keras9", "model.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "keras9" in result.stderr
    assert "Traceback" not in result.stderr


def test_entry_point_is_registered_under_the_code_prefix():
    from importlib.metadata import entry_points

    every = entry_points()
    group = every.select(group="flake8.extension") if hasattr(every, "select") else every["flake8.extension"]
    found = [ep for ep in group if ep.name == "KER"]
    assert {ep.value for ep in found} == {"kerascheck.flake8_plugin:KerascheckPlugin"}
