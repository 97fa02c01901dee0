"""Issue 12, judged by behaviour: a program that runs on Keras 3 prints the same after ``--fix``
(a stride that must stay a stride, a rebound name, dropout that must stay on while training)."""

from __future__ import annotations

import os
import subprocess

import pytest

from kerascheck.config import Settings
from kerascheck.runner import check_and_fix

PROGRAM = """\
import functools

import numpy as np
from keras import layers
from keras.layers import Convolution2D

Convolution2D = functools.partial(Convolution2D, padding="same")


class Block(layers.Layer):
    def __init__(self):
        super().__init__()
        self.drop = layers.Dropout(0.5, seed=1)

    def call(self, x, mask=None):
        return self.drop(x)


class Local(layers.Layer):
    def __init__(self):
        super().__init__()
        self.drop = layers.Dropout(0.5, seed=1)

    def call(self, x):
        training = False
        return self.drop(x)


x = np.ones((1, 8, 8, 3), "float32")
print("stride", tuple(layers.Conv2D(4, 3, 2, padding="same")(x).shape))
print("partial", tuple(Convolution2D(4, (3, 3))(x).shape))
print("block", float(np.asarray(Block()(x, training=True)).sum()), float(np.asarray(Block()(x)).sum()))
print("local", float(np.asarray(Local()(x, training=True)).sum()))
"""


def _run(python: str, source: str, tmp_path) -> str:
    path = tmp_path / "program.py"
    path.write_text(source)
    environment = {**os.environ, "KERAS_BACKEND": "numpy"}
    result = subprocess.run([python, str(path)], capture_output=True, text=True, env=environment)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.slow
def test_a_program_behaves_the_same_after_fix(tmp_path, keras3_python):
    # KER110's rename (off by default) is the fix whose binding must follow the rebound name
    settings = Settings.from_values({"keras_target": "keras3", "extend_select": "KER110"})
    fixed = check_and_fix(PROGRAM, settings, fix=True, unsafe=False).new_text
    assert fixed is not None and fixed != PROGRAM  # something was fixed: the renamed import, `training`
    assert _run(keras3_python, fixed, tmp_path) == _run(keras3_python, PROGRAM, tmp_path)


# Keras 3 lets a program set an attribute of its own named `lr` on an optimizer; reading it back
# must not become a read of the optimizer's `learning_rate` (the 0.5 printed would become 0.1).
OWN_LR = """\
import keras

opt = keras.optimizers.SGD(learning_rate=0.1)
opt.lr = 0.5
print(opt.lr)
"""


@pytest.mark.slow
def test_an_attribute_the_program_sets_itself_is_not_renamed(keras3_python, tmp_path):
    settings = Settings.from_values({"keras_target": "keras3"})
    fixed = check_and_fix(OWN_LR, settings, fix=True, unsafe=False).new_text
    assert _run(keras3_python, fixed if fixed is not None else OWN_LR, tmp_path) == _run(
        keras3_python, OWN_LR, tmp_path
    )


# Probe 12 FIX-1: `predict_generator` took a generator of bare input arrays; Keras 3's `predict` takes a
# Python generator only if it yields tuples, so the rename is an unsafe fix on keras3, and this is why.
BARE_ARRAYS = """\
import numpy as np
import keras

def inputs_only():
    while True:
        yield np.ones((4, 3), "float32")

model = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(1)])
print(model.predict_generator(inputs_only(), steps=2, verbose=0).shape)
"""


@pytest.mark.slow
def test_the_unsafe_generator_method_fix_raises_on_keras3_for_a_generator_of_arrays(keras3_python, tmp_path):
    settings = Settings.from_values({"keras_target": "keras3"})
    assert check_and_fix(BARE_ARRAYS, settings, fix=True, unsafe=False).new_text is None  # no safe fix
    fixed = check_and_fix(BARE_ARRAYS, settings, fix=True, unsafe=True).new_text
    assert fixed == BARE_ARRAYS.replace("predict_generator", "predict")
    path = tmp_path / "program.py"
    path.write_text(fixed)
    environment = {**os.environ, "KERAS_BACKEND": "numpy"}
    result = subprocess.run([keras3_python, str(path)], capture_output=True, text=True, env=environment)
    assert result.returncode != 0
    assert "ValueError: When passing a Python generator to a Keras model, the generator must return a tuple" in (
        result.stderr
    )
    tuples = fixed.replace("predict(inputs_only()", "predict(((x,) for x in inputs_only())")
    assert _run(keras3_python, tuples, tmp_path) == "(8, 1)\n"
