"""TensorFlow ops a functional Keras 3 model cannot apply to a KerasTensor, and the ``keras.ops`` function
that computes the same (KER320). Checked by tests/test_catalog_facts.py: each name is in keras 3.15.1's
``keras.ops`` and in TensorFlow 2.15.1's ``tf`` namespace."""

from __future__ import annotations

from typing import Dict

# TensorFlow ops and the keras.ops function that computes the same (the migration guide's example is
# tf.squeeze -> keras.ops.squeeze; the others are the ops whose keras.ops namesake takes the same
# arguments in the same order: keras 3.15.1 keras/src/ops/numpy.py, nn.py, math.py).
KERAS_OPS_FOR_TF: Dict[str, str] = {
    "squeeze": "squeeze",
    "expand_dims": "expand_dims",
    "reshape": "reshape",
    "transpose": "transpose",
    "concat": "concatenate",
    "stack": "stack",
    "matmul": "matmul",
    "reduce_sum": "sum",
    "reduce_mean": "mean",
    "reduce_max": "max",
    "reduce_min": "min",
    "abs": "abs",
    "exp": "exp",
    "sqrt": "sqrt",
    "square": "square",
    "tanh": "tanh",
    "sigmoid": "sigmoid",
    "nn.relu": "relu",
    "nn.softmax": "softmax",
    "nn.sigmoid": "sigmoid",
    "math.reduce_sum": "sum",
    "math.reduce_mean": "mean",
    "math.exp": "exp",
    "math.sqrt": "sqrt",
    "math.square": "square",
    "math.tanh": "tanh",
    "cast": "cast",
}
