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


# TensorFlow ops (KER320) whose result is no tensor once the op is Keras's: `keras.ops.shape` gives a tuple (keras
# 3.15.1 keras/src/ops/core.py shape; run on a KerasTensor), `tf.shape_n` a list of shapes, `tf.is_tensor` a bool and
# `tf.get_static_value` a NumPy value or None. What they give is not followed as a KerasTensor; `keras.ops.size` and
# `keras.ops.ndim` give KerasTensors, so `tf.size` and `tf.rank` are. Checked by tests/test_catalog_facts.py.
TF_OPS_GIVING_VALUES = frozenset({"shape", "shape_n", "is_tensor", "get_static_value"})
