"""Construct Keras calls in the real Keras of a target, with stand-ins for arguments that are not literals.

Run by ``scripts/construct_calls.py`` with the target's own Python (Keras 3, or TensorFlow 2.15 for
tf.keras); it reads the calls as JSON on stdin and writes one result per call as JSON on stdout. It
imports nothing of kerascheck, so that any Python with a Keras can run it.

A call is ``{"name": "layers.Conv2D", "args": [ARG, ...], "keywords": [[NAME, ARG], ...]}`` where an
ARG is ``["literal", REPR]`` (a literal, evaluated) or ``["expression", SOURCE]`` (replaced by a
stand-in chosen by the parameter it binds). Its result is ``{"ok": bool, "error": str}``.
"""

from __future__ import annotations

import ast
import inspect
import json
import os
import sys
import warnings

_INT = 8
_STANDINS = {  # parameter name -> a plausible value
    "filters": _INT, "units": _INT, "output_dim": _INT, "nb_filter": _INT, "input_dim": _INT,
    "kernel_size": 3, "pool_size": 2, "strides": 1, "size": 2, "dilation_rate": 1, "depth_multiplier": 1,
    "rate": 0.5, "stddev": 0.1, "alpha": 0.2, "theta": 1.0, "axis": -1, "axes": 1, "n": 3,
    "activation": "relu", "recurrent_activation": "sigmoid", "padding": "same", "cropping": 1,
    "input_shape": (8, 8, 3), "batch_input_shape": (None, 8, 8, 3), "shape": (8,), "batch_shape": (None, 8),
    "target_shape": (4,), "dims": (2, 1), "output_shape": None, "name": "standin", "weights": None,
    "dtype": "float32", "mask_value": 0.0, "input_length": 8, "return_sequences": True,
    "learning_rate": 0.01, "lr": 0.01, "epsilon": 1e-7, "momentum": 0.9, "decay": 1e-6, "rho": 0.9,
    "l1": 0.01, "l2": 0.01, "l": 0.01, "value": 0.0, "mean": 0.0, "seed": 1, "trainable": True,
    "monitor": "val_loss", "filepath": "standin.weights.h5", "patience": 1, "factor": 0.5,
    "function": "identity", "layer": "dense", "layers": "layer list", "schedule": "identity", "log_dir": "standin_logs",
    "data_format": "channels_last", "momentum_": 0.99, "max_value": 1.0, "min_value": 0.0,
}  # fmt: skip


def _keras(target: str):
    if target == "tf.keras":
        os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
        import tensorflow as tf

        return tf.keras
    os.environ.setdefault("KERAS_BACKEND", "numpy")
    import keras

    return keras


def _lookup(keras, name: str):
    value = keras
    for part in name.split("."):
        value = getattr(value, part)  # AttributeError: the name does not exist on the target
    return value


def _standin(keras, cls_name: str, parameter: str, default):
    if parameter == "padding" and cls_name.startswith(("ZeroPadding", "Cropping")):
        return 1
    if parameter.endswith(("_initializer", "_init")):
        return "zeros"
    if parameter.endswith(("_regularizer", "_constraint")):
        return None
    value = _STANDINS.get(parameter, inspect.Parameter.empty)
    if value == "identity":
        return lambda x, *rest: x
    if value == "dense":
        return keras.layers.LSTM(4) if cls_name == "Bidirectional" else keras.layers.Dense(4)
    if value == "layer list":
        return [keras.layers.Dense(4)]
    if value is not inspect.Parameter.empty:
        return value
    if default is not inspect.Parameter.empty:
        return default
    return _INT


def _parameters(callable_) -> list:
    try:
        signature = inspect.signature(callable_.__init__ if isinstance(callable_, type) else callable_)
    except (TypeError, ValueError):
        return []
    kinds = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    return [p for p in signature.parameters.values() if p.kind in kinds and p.name != "self"]


def _value(keras, cls_name: str, argument, parameter: str, default):
    kind, text = argument
    if kind == "literal":
        return ast.literal_eval(text)
    return _standin(keras, cls_name, parameter, default)


def construct(keras, call: dict) -> dict:
    try:
        callable_ = _lookup(keras, call["name"])
    except AttributeError:
        return {"ok": False, "error": f"AttributeError: {call['name']} does not exist"}
    if not callable(callable_):
        return {"ok": False, "error": f"TypeError: {call['name']} is not callable"}
    short = call["name"].rsplit(".", 1)[-1]
    parameters = _parameters(callable_)
    args = []
    for index, argument in enumerate(call["args"]):
        parameter = parameters[index] if index < len(parameters) else None
        name = parameter.name if parameter else ""
        args.append(_value(keras, short, argument, name, parameter.default if parameter else inspect.Parameter.empty))
    by_name = {p.name: p.default for p in parameters}
    keywords = {
        name: _value(keras, short, argument, name, by_name.get(name, inspect.Parameter.empty))
        for name, argument in call["keywords"]
    }
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            callable_(*args, **keywords)
    except Exception as error:  # noqa: BLE001 - any failure to construct is what we count
        message = str(error).splitlines()[0] if str(error) else ""
        return {"ok": False, "error": f"{type(error).__name__}: {message[:200]}"}
    return {"ok": True, "error": ""}


def main() -> None:
    target = sys.argv[1]
    keras = _keras(target)
    calls = json.load(sys.stdin)
    json.dump([construct(keras, call) for call in calls], sys.stdout)


if __name__ == "__main__":
    main()
