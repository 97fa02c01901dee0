"""Issues 12 and 14: a fix is kept only if every Keras call it touched binds on the target as well as it
did before. The rules avoid these fixes themselves; the tests take a rule's own precaution away (or
hand the guard a bad fix) to show that the guard alone refuses them, and run the calls on real Keras."""

from __future__ import annotations

import os
import subprocess

import pytest

from kerascheck.catalog.model import Target
from kerascheck.config import Settings
from kerascheck.findings import Edit, Finding, Fix
from kerascheck.fix import apply_round
from kerascheck.guards import Guard
from kerascheck.rules import arguments
from kerascheck.runner import check_and_fix

TF_KERAS, KERAS3 = Target.TF_KERAS, Target.KERAS3
os.environ.setdefault("KERAS_BACKEND", "numpy")
IMPORTS = "from keras.layers import Conv2D, Convolution2D, Deconvolution2D, Dense\n"


def outcome(source: str, target: Target = KERAS3, unsafe: bool = False):
    # KER110 (off by default) renames the Keras 1 classes: its fixes must bind too
    settings = Settings.from_values({"keras_target": target.value, "extend_select": "KER110"})
    return check_and_fix(source, settings, fix=True, unsafe=unsafe)


@pytest.fixture
def no_rule_precaution(monkeypatch):
    """KER201 without its own check that a renamed keyword binds once: only the guard is left."""
    monkeypatch.setattr(arguments, "_binds_twice", lambda *args: None)


# (call before, the rename KER201 would make without its precaution, what the guard says)
REFUSED = [
    (
        "Conv2D(8, (3, 3), border_mode='same', padding='valid')",
        "`Conv2D(…)` would get `padding=` twice (SyntaxError)",
    ),
    ("Dense(output_dim=10, units=5)", "`Dense(…)` would get `units=` twice (SyntaxError)"),
    (
        "Conv2D(n, 1, 1, subsample=s)",
        "`Conv2D(…)` would get `strides` by position and by keyword (TypeError)",
    ),
    (
        "Conv2D(f, (3, 3), 1, 'valid', border_mode='same')",
        "`Conv2D(…)` would get `padding` by position and by keyword (TypeError)",
    ),
]


@pytest.mark.parametrize("target", [KERAS3, TF_KERAS])
@pytest.mark.parametrize("call, reason", REFUSED)
def test_a_keyword_rename_the_target_would_not_bind_is_refused_and_says_why(no_rule_precaution, call, reason, target):
    source = IMPORTS + f"x = {call}\ny = Dense(output_dim=3)\n"
    result = outcome(source, target)
    fixed = result.new_text or source
    assert fixed.splitlines()[1] == f"x = {call}"  # the call is left as it was
    assert fixed.splitlines()[2] == "y = Dense(units=3)"  # the file's other fixes still apply
    (kept,) = [f for f in result.findings if f.code == "KER201"]
    assert f"(not fixed: the fixed call would not bind on {target}: {reason})" in kept.message


def test_the_positional_form_is_merged_first_so_the_renamed_keyword_binds_once(no_rule_precaution):
    source = "from keras.layers import Convolution2D\nx = Convolution2D(n, 1, 1, subsample=s)\n"
    assert outcome(source).new_text == "from keras.layers import Conv2D\nx = Conv2D(n, (1, 1), strides=s)\n"


def test_a_deconvolution_keeps_its_keywords_until_the_output_shape_is_dropped(no_rule_precaution):
    source = "from keras.layers import Deconvolution2D\nd = Deconvolution2D(f, 3, 3, shape, border_mode='same')\n"
    safe = outcome(source)
    assert "Conv2DTranspose(f, 3, 3, shape, border_mode='same')" in safe.new_text
    (kept,) = [f for f in safe.findings if f.code == "KER201"]
    assert "`Conv2DTranspose(…)` would get `padding` by position and by keyword (TypeError)" in kept.message
    unsafe = outcome(source, unsafe=True)
    assert unsafe.new_text.endswith("d = Conv2DTranspose(f, (3, 3), padding='same')\n")


def _rename(source: str, line: int, old: str, new: str) -> Finding:
    col = source.splitlines()[line - 1].index(old)
    edit = Edit(line, col, line, col + len(old), new)
    return Finding("X", "x", line, col, line, col + len(old), f"{old} -> {new}", fix=Fix((edit,), True))


def test_a_fix_to_a_keyword_the_target_refuses_is_dropped_and_the_others_kept():
    source = "from keras.layers import Dense\nx = Dense(units=3)\ny = Dense(output_dim=3)\n"
    refused, fine = _rename(source, 2, "units", "unit"), _rename(source, 3, "output_dim", "units")
    result = apply_round(source, [refused, fine], guard=Guard(KERAS3))
    assert result.text == "from keras.layers import Dense\nx = Dense(units=3)\ny = Dense(units=3)\n"
    assert result.dropped == {
        (
            "X",
            "units -> unit",
        ): "the fixed call would not bind on keras3: `unit=` is no parameter of `Dense` (ValueError)"
    }


def test_a_call_that_did_not_bind_before_does_not_block_an_unrelated_fix():
    # the call gives its stride twice and an unknown keyword on any target: a fix of its other parts still applies
    source = "from keras.layers import Conv2D\nx = Conv2D(8, 3, 3, 'same', strides=1, foo=2, name='a')\n"
    result = apply_round(source, [_rename(source, 2, "'a'", "'b'")], guard=Guard(KERAS3))
    assert result.text == source.replace("'a'", "'b'")


def test_a_name_the_module_binds_itself_is_not_checked():
    source = "from keras.layers import Dense\ndef Conv2D(*a, **k):\n    pass\nx = Conv2D(8, 3, stride=2)\n"
    result = apply_round(source, [_rename(source, 4, "stride", "strides")], guard=Guard(KERAS3))
    assert result.text == source.replace("stride=", "strides=")


def test_a_call_through_a_module_alias_is_checked():
    source = "import tensorflow as tf\nx = tf.keras.layers.Dense(units=3)\n"
    result = apply_round(source, [_rename(source, 2, "units", "unit")], guard=Guard(TF_KERAS))
    assert result.text == source
    assert "`unit=` is no parameter of `Dense` (TypeError)" in result.dropped[("X", "units -> unit")]


# -- the same calls on the real Keras of each target ----------------------------------------------
PROGRAM = """
import sys
from {package}.layers import Conv2D, Conv2DTranspose, Dense
n, s, f = 8, (2, 2), 4
accepted = ["Conv2D(n, (1, 1), strides=s)", "Conv2DTranspose(f, (3, 3), padding='same')", "Dense(units=3)",
            "Conv2D(8, (3, 3), padding='valid')"]
refused = ["Conv2D(n, 1, 1, strides=s)", "Conv2DTranspose(f, 3, 3, (1, 2), padding='same')", "Dense(unit=3)",
           "Conv2D(f, (3, 3), 1, 'valid', padding='same')"]
for call in accepted:
    eval(call)
for call in refused:
    try:
        eval(call)
    except (TypeError, ValueError) as error:
        continue
    sys.exit("bound: " + call)
for call in ["Conv2D(8, (3, 3), padding='same', padding='valid')", "Dense(units=10, units=5)"]:
    try:
        compile(call, "<call>", "eval")
    except SyntaxError:
        continue
    sys.exit("compiled: " + call)
print("ok")
"""


def _run(python: str, package: str) -> str:
    environment = {**os.environ, "KERAS_BACKEND": "numpy", "TF_CPP_MIN_LOG_LEVEL": "3"}
    result = subprocess.run(
        [python, "-c", PROGRAM.format(package=package)], capture_output=True, text=True, env=environment
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout.strip()


@pytest.mark.slow
def test_the_refused_calls_fail_and_the_fixed_ones_bind_on_keras3(keras3_python):
    assert _run(keras3_python, "keras") == "ok"


@pytest.mark.slow
def test_the_refused_calls_fail_and_the_fixed_ones_bind_on_tf215(tf215_python):
    assert _run(tf215_python, "tensorflow.keras") == "ok"
