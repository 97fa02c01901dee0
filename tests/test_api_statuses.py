"""Each hand-checked keyword status (``kerascheck/catalog/api/statuses.py``) proved on the real Keras:
the keyword is honoured or ignored without an error, refused with the exception the status names, and
Keras says what the fact quotes. Keras 3 runs in this Python; TensorFlow 2.15 in
``$KERASCHECK_TF215_PYTHON`` (skipped without it)."""

from __future__ import annotations

import json
import subprocess

import pytest

from kerascheck.catalog.api.statuses import KEYWORD_STATUSES
from kerascheck.catalog.model import Target

# What each keyword is given, and the positional arguments its callable needs.
VALUES = {
    "write_grads": "True", "batch_size": "32", "embeddings_layer_names": "['e']", "embeddings_data": "[1]",
    "period": "5", "load_weights_on_restart": "True", "epsilon": "0.1", "target_tensors": "[zeros]",
    "distribute": "strategy", "experimental_steps_per_execution": "4", "cloning": "True",
    "experimental_run_tf_function": "False", "sample_weight_mode": "'temporal'", "input_length": "5",
    "alpha": "0.2", "input_shape": "(3,)", "causal": "True", "loss_scale": "'dynamic'",
}  # fmt: skip
POSITIONAL = {
    "callbacks.ModelCheckpoint": "'m.h5', ",
    "layers.Embedding": "10, 4, ",
    "Model.compile": "'sgd', 'mse', ",
    "optimizers.LossScaleOptimizer": "keras.optimizers.SGD(), ",
}

_PROBE = r"""
import io, json, logging, os, sys, warnings
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("KERAS_BACKEND", "numpy")
{imports}
stream = io.StringIO()
logging.getLogger("tensorflow").addHandler(logging.StreamHandler(stream))
logging.getLogger().addHandler(logging.StreamHandler(stream))
results = []
for owner, keyword, value, positional in json.loads(sys.argv[1]):
    stream.seek(0); stream.truncate()
    model = keras.Sequential([keras.layers.Dense(1)])
    model.build((None, 2))
    zeros = keras.ops.zeros((1, 1)) if hasattr(keras, "ops") else tf.zeros((1, 1))
    strategy = tf.distribute.get_strategy() if "tf" in globals() else None
    if owner.startswith("Model."):
        callee = "model." + owner.partition(".")[2]
    else:
        callee = "keras." + owner
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            eval(f"{{callee}}({{positional}}{{keyword}}={{value}})")
            error, text = None, ""
        except Exception as exception:
            error, text = type(exception).__name__, str(exception)
    said = stream.getvalue() + " ".join(str(w.message) for w in caught) + text
    results.append([owner, keyword, error, said])
print(json.dumps(results))
"""


def _run(python: str, imports: str, facts, values=VALUES) -> dict:
    cases = [[f.owner, f.keyword, values[f.keyword], POSITIONAL.get(f.owner, "")] for f in facts]
    done = subprocess.run(
        [python, "-c", _PROBE.format(imports=imports), json.dumps(cases)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return {(owner, keyword): (error, said) for owner, keyword, error, said in json.loads(done.stdout.splitlines()[-1])}


def _check(facts, results) -> None:
    for fact in facts:
        error, said = results[(fact.owner, fact.keyword)]
        if fact.status.startswith("e:"):
            assert error == fact.status[2:], (fact, said)
        else:
            assert error is None, (fact, said)
        assert fact.says in said, (fact, said)


def test_every_status_has_a_probe():
    for fact in KEYWORD_STATUSES:
        assert fact.keyword in VALUES
        assert fact.status in ("d", "w", "i") or fact.status.startswith("e:")
        assert fact.status != "i" or not fact.says  # ignored silently: Keras says nothing


@pytest.mark.slow
def test_keras3_statuses_on_keras3(keras3_python):
    facts = [f for f in KEYWORD_STATUSES if f.target is Target.KERAS3]
    _check(facts, _run(keras3_python, "import keras", facts))


@pytest.mark.slow
def test_tf_keras_statuses_on_tensorflow_2_15(tf215_python):
    facts = [f for f in KEYWORD_STATUSES if f.target is Target.TF_KERAS]
    _check(facts, _run(tf215_python, "import tensorflow as tf\nfrom tensorflow import keras", facts))


@pytest.mark.slow
def test_keywords_ignored_when_true_say_nothing_for_a_false_value_on_tensorflow_2_15(tf215_python):
    """``TensorBoard(write_grads=False)`` and the like: TF 2.15.1 takes them without a word (KER231 leaves
    them alone)."""
    facts = [f for f in KEYWORD_STATUSES if f.when_true]
    assert {f.keyword for f in facts} == {"write_grads", "batch_size", "embeddings_layer_names", "embeddings_data"}
    falsy = {"write_grads": "False", "batch_size": "None", "embeddings_layer_names": "None", "embeddings_data": "[]"}
    results = _run(tf215_python, "import tensorflow as tf\nfrom tensorflow import keras", facts, falsy)
    for fact in facts:
        error, said = results[(fact.owner, fact.keyword)]
        assert error is None and fact.says not in said, (fact, said)
