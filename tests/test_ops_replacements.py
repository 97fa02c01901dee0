"""KER115's table: each Keras 2 backend function and its ``keras.ops`` replacement compute the same.

Keras 3 is this Python's; the Keras 2 side runs in TensorFlow 2.15 (``$KERASCHECK_TF215_PYTHON``,
skipped without it), on the same sample inputs, and the results are compared.
"""

from __future__ import annotations

import inspect
import json
import subprocess

import pytest

from kerascheck.catalog.keras1_calls import OPS_REPLACEMENTS

X = [[-1.5, 0.5, 2.0], [3.0, -0.25, 1.0]]
Y = [[0.5, 0.5, -2.0], [1.0, 0.75, 0.0]]
SAMPLES = {  # name -> (positional, keywords); "X"/"Y" stand for the arrays above
    "concatenate": ([["X", "Y"]], {"axis": -1}),
    "stack": ([["X", "Y"]], {"axis": 1}),
    "expand_dims": (["X"], {"axis": 1}),
    "squeeze": (["X"], {"axis": 0}),  # on X[None], see _EVALUATE
    "argmax": (["X"], {"axis": -1}),
    "argmin": (["X"], {"axis": 0}),
    "cumsum": (["X"], {"axis": 1}),
    "cumprod": (["X"], {"axis": 0}),
    "softmax": (["X"], {"axis": 0}),
    "elu": (["X"], {"alpha": 0.5}),
    "cast": (["X"], {"dtype": "int32"}),
    "clip": (["X", -1.0, 1.0], {}),
    "reshape": (["X", [3, 2]], {}),
    "tile": (["X", [2, 1]], {}),
    "pow": (["X", 2.0], {}),
    "permute_dimensions": (["X", [1, 0]], {}),
    "round": ([[0.5, 1.5, 2.5, -0.5]], {}),
    "sqrt": ([[0.25, 4.0]], {}),
    "log": ([[0.25, 4.0]], {}),
}
for _name in ("all", "any", "max", "mean", "min", "prod", "std", "sum", "var", "logsumexp"):
    SAMPLES[_name] = (["X"], {"axis": 1, "keepdims": True})
for _name in ("maximum", "minimum", "equal", "not_equal", "greater", "greater_equal", "less", "less_equal"):
    SAMPLES[_name] = (["X", "Y"], {})

_EVALUATE = r"""
import json, sys, os
import numpy as np
spec = json.load(sys.stdin)
if spec["side"] == "keras2":
    os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"
    import tensorflow as tf
    tensor = lambda v: tf.constant(np.array(v, dtype="float32"))
else:
    tensor = lambda v: np.array(v, dtype="float32")
X = tensor(spec["X"]); Y = tensor(spec["Y"])
def value(v):
    if v in ("X", "Y"):
        return X if v == "X" else Y
    if isinstance(v, list) and v and all(i in ("X", "Y") for i in v if isinstance(i, str)) and isinstance(v[0], str):
        return [value(i) for i in v]
    if isinstance(v, list) and v and isinstance(v[0], float):
        return tensor(v)
    return v
if spec["side"] == "keras2":
    from tensorflow.keras import backend as K
    functions = K
else:
    os.environ["KERAS_BACKEND"] = "numpy"
    from keras import ops as functions
out = {}
for name, (new, args, kwargs) in spec["calls"].items():
    if spec["side"] == "keras2":  # logsumexp is in keras 2.15's backend module, not its public API
        import keras.src.backend as private
        f = getattr(functions, name, None) or getattr(private, name)
    else:
        f = getattr(functions, new)
    args = [value(a) for a in args]
    if name == "squeeze": args = [tensor([spec["X"]])]
    result = f(*args, **kwargs)
    out[name] = np.asarray(result, dtype="float64").tolist()
json.dump(out, sys.stdout)
"""


def _evaluate(python: str, side: str) -> dict:
    calls = {fact.old: (fact.new, *SAMPLES.get(fact.old, (["X"], {}))) for fact in OPS_REPLACEMENTS}
    spec = {"side": side, "X": X, "Y": Y, "calls": calls}
    done = subprocess.run([python, "-c", _EVALUATE], input=json.dumps(spec), capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout)


def test_every_replacement_exists_in_keras3_and_takes_the_keywords(real_keras3):
    ops = real_keras3.ops

    for fact in OPS_REPLACEMENTS:
        parameters = inspect.signature(getattr(ops, fact.new)).parameters
        assert set(fact.keywords) <= set(parameters), fact
        assert fact.max_positional <= len(parameters), fact


@pytest.mark.slow
def test_every_replacement_computes_what_keras2_computed(tf215_python, keras3_python):
    import numpy as np

    keras2, keras3 = _evaluate(tf215_python, "keras2"), _evaluate(keras3_python, "keras3")
    assert set(keras2) == set(keras3) == {fact.old for fact in OPS_REPLACEMENTS}
    different = [name for name in keras2 if not np.allclose(keras2[name], keras3[name], atol=1e-5)]
    assert different == []


_DTYPES = r"""
import json, os, sys
import numpy as np
names = json.loads(sys.argv[2])
x = np.array([1, 2])
if sys.argv[1] == "keras2":
    os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"
    from tensorflow.keras import backend as K
    read = {short: K.cast(x, short).dtype.name for short in names}
else:
    os.environ["KERAS_BACKEND"] = "numpy"
    from keras import ops
    read = {}
    for short in names:
        try:
            ops.cast(x, short)
            read[short] = "accepted"
        except ValueError:
            read[short] = str(ops.cast(x, names[short]).dtype)
print(json.dumps(read))
"""


def _dtypes(python: str, side: str) -> dict:
    from kerascheck.catalog.keras1_calls import TF_DTYPE_NAMES

    done = subprocess.run(
        [python, "-c", _DTYPES, side, json.dumps(TF_DTYPE_NAMES)], capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout)


def test_tf_short_dtype_names_are_refused_by_keras3_and_mean_their_full_names(keras3_python):
    """KER115's fix of `K.cast(x, "float")`: Keras 3 refuses the short name and takes the full one."""
    from kerascheck.catalog.keras1_calls import TF_DTYPE_NAMES

    assert _dtypes(keras3_python, "keras3") == TF_DTYPE_NAMES


def test_tf_short_dtype_names_are_what_tf_keras_read_them_as(tf215_python):
    from kerascheck.catalog.keras1_calls import TF_DTYPE_NAMES

    assert _dtypes(tf215_python, "keras2") == TF_DTYPE_NAMES
