"""After ``--fix --unsafe-fixes``, the Keras 1 code in examples/ runs on the real Keras of each target.

Every Keras constructor call in the fixed examples is built with ``scripts/construct_probe.py`` (the
measurement of ``scripts/construct_calls.py``), and the Keras 1 functional example is run whole: it
builds its models and trains one epoch on random data. Keras 3 is this Python's (the ``keras3``
extra); TensorFlow 2.15 is the Python that ``$KERASCHECK_TF215_PYTHON`` names (``.ci/run`` builds it
from the ``tf215`` extra), and those tests skip without it.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kerascheck.catalog.model import Target
from kerascheck.config import Settings
from kerascheck.engine import check_source
from kerascheck.fix import fix_until_stable
from kerascheck.guards import Guard

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.py"))
RUN_WHOLE = ROOT / "examples" / "keras1_functional.py"


def _load_script():
    spec = importlib.util.spec_from_file_location("construct_calls", ROOT / "scripts" / "construct_calls.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


construct_calls = _load_script()


def fixed(source: str, target: Target) -> str:
    settings = Settings(target=target)
    text, _ = fix_until_stable(source, lambda text: check_source(text, settings), unsafe=True, guard=Guard(target))
    return text


def _calls_of_fixed_examples(target: Target):
    calls = []
    for path in EXAMPLES:
        source = fixed(path.read_text(encoding="utf-8"), target)
        calls += construct_calls.keras_calls(source, path.name, target)
    return calls


# What kerascheck leaves, and why (none today: every call of the fixed examples constructs).
LEFT = {Target.KERAS3: [], Target.TF_KERAS: []}


def _assert_every_call_constructs(target: Target, python: str) -> None:
    calls = _calls_of_fixed_examples(target)
    results = construct_calls.construct(calls, target, python)
    failing = [(c.path, c.name, r["error"]) for c, r in zip(calls, results) if not r["ok"]]
    assert len(calls) > 30  # the examples' layers, optimizers and merges were found
    assert [(path, name) for path, name, _ in failing] == [(path, name) for path, name, _ in LEFT[target]]
    assert all(why in error for (_, _, error), (_, _, why) in zip(failing, LEFT[target]))


def _assert_runs(target: Target, python: str, tmp_path: Path) -> None:
    script = tmp_path / RUN_WHOLE.name
    script.write_text(fixed(RUN_WHOLE.read_text(encoding="utf-8"), target), encoding="utf-8")
    environment = {**os.environ, "KERAS_BACKEND": "jax", "TF_CPP_MIN_LOG_LEVEL": "3"}
    done = subprocess.run([python, str(script)], capture_output=True, text=True, cwd=tmp_path, env=environment)
    assert done.returncode == 0, done.stderr[-2000:]


@pytest.mark.slow
def test_the_unfixed_examples_do_not_construct(keras3_python):
    """The measurement can fail: the Keras 1 calls, unfixed, are refused by Keras 3."""
    python = keras3_python
    calls = []
    for path in EXAMPLES:
        calls += construct_calls.keras_calls(path.read_text(encoding="utf-8"), path.name, Target.KERAS3)
    results = construct_calls.construct(calls, Target.KERAS3, python)
    assert sum(not result["ok"] for result in results) >= 10


@pytest.mark.slow
def test_fixed_examples_construct_on_keras3(keras3_python):
    _assert_every_call_constructs(Target.KERAS3, keras3_python)


@pytest.mark.slow
def test_fixed_keras1_model_trains_on_keras3(tmp_path, keras3_python):
    pytest.importorskip("jax")
    _assert_runs(Target.KERAS3, keras3_python, tmp_path)


@pytest.mark.slow
def test_fixed_examples_construct_on_tf215(tf215_python):
    _assert_every_call_constructs(Target.TF_KERAS, tf215_python)


@pytest.mark.slow
def test_fixed_keras1_model_trains_on_tf215(tmp_path, tf215_python):
    _assert_runs(Target.TF_KERAS, tf215_python, tmp_path)


def test_no_positional_strides_left_in_fixed_examples():
    """``Conv2D(n, k, k)`` becomes ``Conv2D(n, (k, k))``; only a real stride stays positional."""
    for target in Target:
        strided = [call for call in _calls_of_fixed_examples(target) if call.positional_stride]
        assert [(call.path, call.args[1:3]) for call in strided] == [
            ("clean_tf_keras.py", (("literal", "3"), ("literal", "2")))
        ]


# Keras 1 dilated convolutions and initializer lambdas (KER116, KER117), with a check of what they compute.
_KERAS1_DILATED_AND_INITIALIZERS = """
from keras.models import Sequential
from keras.layers import Dense, SimpleRNN, Convolution2D, AtrousConvolution2D, AtrousConvolution1D, Flatten
from keras.initializations import normal, identity, uniform, zero

image = Sequential()
image.add(Convolution2D(8, 3, 3, border_mode='same', input_shape=(16, 16, 3)))
image.add(AtrousConvolution2D(16, 3, 3, atrous_rate=(2, 2), border_mode='valid', init='he_normal'))
image.add(Flatten())
image.add(Dense(10, init=lambda shape, name: uniform(shape, 0.1, name=name)))
seq = Sequential()
seq.add(AtrousConvolution1D(8, 3, atrous_rate=2, subsample_length=1, input_shape=(20, 4)))
rnn = Sequential()
rnn.add(SimpleRNN(output_dim=8, input_shape=(5, 3),
                  init=lambda shape, name: normal(shape, scale=0.001, name=name),
                  inner_init=lambda shape, name: identity(shape, scale=1.0, name=name)))
rnn.add(Dense(1, init=lambda shape, name: zero(shape, name=name)))

import numpy as np
assert image.predict(np.zeros((2, 16, 16, 3)), verbose=0).shape == (2, 10)
assert image.layers[1].output.shape[1:] == (12, 12, 16)  # 16 - 3 + 1 after the 'same' layer, dilated by 2
assert seq.predict(np.zeros((2, 20, 4)), verbose=0).shape == (2, 16, 8)  # 20 - (3 - 1) * 2
assert np.allclose(rnn.layers[0].get_weights()[1], np.eye(8))
assert np.abs(image.layers[-1].get_weights()[0]).max() <= 0.1
assert not rnn.layers[-1].get_weights()[0].any()
"""


@pytest.mark.slow
@pytest.mark.parametrize("target", list(Target))
def test_fixed_dilated_convolutions_and_initializer_lambdas_run(target, tmp_path, request):
    python = request.getfixturevalue("keras3_python" if target is Target.KERAS3 else "tf215_python")
    script = tmp_path / "keras1_dilated.py"
    script.write_text(fixed(_KERAS1_DILATED_AND_INITIALIZERS, target), encoding="utf-8")
    assert "Atrous" not in script.read_text() and "lambda" not in script.read_text()
    environment = {**os.environ, "KERAS_BACKEND": "numpy", "TF_CPP_MIN_LOG_LEVEL": "3"}
    done = subprocess.run([python, str(script)], capture_output=True, text=True, cwd=tmp_path, env=environment)
    assert done.returncode == 0, done.stderr[-2000:]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("program", "target"),
    [
        ("tf_backend_crossentropy_keras1_order.py", Target.TF_KERAS),
        ("k3_ops_crossentropy_keras1_order.py", Target.KERAS3),
    ],
)
def test_fixed_keras1_crossentropy_order_computes_the_loss(program, target, tmp_path, request):
    """KER247's fix (the two arguments swapped): the program, which asserts that the loss as written equals the loss
    with the target first, raises before the fix (tests/test_api_programs.py) and runs after it."""
    python = request.getfixturevalue("keras3_python" if target is Target.KERAS3 else "tf215_python")
    source = (ROOT / "tests" / "data" / "api_programs" / program).read_text(encoding="utf-8")
    script = tmp_path / program
    script.write_text(fixed(source, target), encoding="utf-8")
    assert script.read_text(encoding="utf-8") != source
    environment = {**os.environ, "KERAS_BACKEND": "numpy", "TF_CPP_MIN_LOG_LEVEL": "3"}
    done = subprocess.run([python, str(script)], capture_output=True, text=True, cwd=tmp_path, env=environment)
    assert done.returncode == 0, done.stderr[-2000:]
