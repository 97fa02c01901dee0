"""Removed methods: matched on any receiver in a module that imports Keras."""

from __future__ import annotations

from typing import Tuple

from kerascheck.catalog.model import (
    BOTH,
    ONLY_KERAS3,
    RemovedMethod,
    Target,
)

# Keras 3.15.1 keras/src/trainers/data_adapters/generator_data_adapter.py:22 raises ValueError for a Python
# generator whose first batch is not a tuple, in fit, evaluate and predict alike; Keras 2's *_generator took
# lists ([x, y]) and bare input arrays (predict_generator), and so does tf.keras 2.15's fit/evaluate/predict.
_GENERATOR_OF_TUPLES = (
    (
        Target.KERAS3,
        "Keras 3 takes a Python generator only if it yields tuples, `(x,)` or `(x, y)`: "
        "a generator of lists or of bare arrays raises ValueError there",
    ),
)

# removed_in: the first release whose Layer/Model/Sequential (and their bases) define no such method after
# one that did. Read: Keras 1.2.2 and 2.0.0 (multi-backend; 2.0 kept the hdf5 helpers only as module
# functions), keras 2.5.0rc0 (TF 2.5's) and 2.6.0-2.15.0 (tf.keras's TF2 classes, not *_v1), keras 3.0.0;
# checked by tests/test_catalog_facts.py.
REMOVED_METHODS: Tuple[RemovedMethod, ...] = (
    # *_generator: keras 2.15.0 keras/src/engine/training.py:2884-3000 still defines them but each only
    # warns "is deprecated" and forwards to fit/evaluate/predict; keras 3.15.1 keras/src has no definition
    # (AttributeError). Listed for both targets: deprecated on tf.keras, removed on Keras 3.
    RemovedMethod(
        ".fit_generator",
        ".fit",
        (
            "Call model.fit(generator, ...) with the same steps/epochs arguments; it accepts generators, "
            "utils.Sequence/PyDataset and tf.data."
        ),
        "keras 2.15.0 keras/src/engine/training.py (deprecated, warns); keras 3.15.1 keras/src (absent)",
        BOTH,
        removed_in="Keras 3.0",
        inexact_on=_GENERATOR_OF_TUPLES,
    ),
    RemovedMethod(
        ".evaluate_generator",
        ".evaluate",
        (
            "Call model.evaluate(generator, ...) with the same steps/epochs arguments; it accepts generators, "
            "utils.Sequence/PyDataset and tf.data."
        ),
        "keras 2.15.0 keras/src/engine/training.py (deprecated, warns); keras 3.15.1 keras/src (absent)",
        BOTH,
        removed_in="Keras 3.0",
        inexact_on=_GENERATOR_OF_TUPLES,
    ),
    RemovedMethod(
        ".predict_generator",
        ".predict",
        (
            "Call model.predict(generator, ...) with the same steps/epochs arguments; it accepts generators, "
            "utils.Sequence/PyDataset and tf.data."
        ),
        "keras 2.15.0 keras/src/engine/training.py (deprecated, warns); keras 3.15.1 keras/src (absent)",
        BOTH,
        removed_in="Keras 3.0",
        inexact_on=_GENERATOR_OF_TUPLES,
    ),
    # predict_classes / predict_proba: Sequential methods in Keras 1.2.2 keras/models.py:800-821 and Keras
    # 2.2.4 keras/engine/sequential.py:231-253 (predict_proba just returned predict()); no definition in
    # keras 2.15.0 keras/src/engine (removed in TF 2.6) nor keras 3.15.1 keras/src.
    # Caution: scikit-learn estimators (and the scikit_learn wrappers) also have .predict_proba.
    RemovedMethod(
        ".predict_classes",
        None,
        (
            "Use np.argmax(model.predict(x), axis=-1) for a softmax output, or (model.predict(x) > "
            '0.5).astype("int32") for a sigmoid output.'
        ),
        (
            "Keras 2.2.4 keras/engine/sequential.py:253; absent from keras 2.15.0 keras/src/engine and keras "
            "3.15.1 keras/src"
        ),
        BOTH,
        removed_in="TF 2.6",
    ),
    # `.predict_proba` was a Sequential method too (Keras 2.2.4 keras/engine/sequential.py), but it is not
    # listed: scikit-learn estimators and Keras's own `KerasClassifier` wrapper define it, in exactly the
    # modules that import Keras, so a receiver-blind check would cry wolf.
    # `.to_yaml` is not listed, though removed (keras 2.15.0 keras/src/engine/training.py:3382 raises
    # RuntimeError since TF 2.6; keras 3.15.1 keras/src has none): the method name is common on
    # configuration objects, and `models.model_from_yaml` is reported anyway.
    # Keras 1 Layer/Container API: Keras 1.2.2 keras/engine/topology.py; no definition in keras 2.15.0
    # keras/src/engine/base_layer.py, training.py, functional.py nor keras 3.15.1 keras/src.
    RemovedMethod(
        ".get_output_shape_for",
        ".compute_output_shape",
        "Rename the method (and its calls) to compute_output_shape(input_shape).",
        ("Keras 1.2.2 keras/engine/topology.py; absent from keras 2.15.0 keras/src/engine and keras 3.15.1 keras/src"),
        BOTH,
        hook=True,
        removed_in="Keras 2.0",
    ),
    RemovedMethod(
        ".save_weights_to_hdf5_group",
        None,
        "Use model.save_weights(filepath).",
        ("Keras 1.2.2 keras/engine/topology.py; absent from keras 2.15.0 keras/src/engine and keras 3.15.1 keras/src"),
        BOTH,
        removed_in="Keras 2.0",
    ),
    RemovedMethod(
        ".load_weights_from_hdf5_group",
        None,
        "Use model.load_weights(filepath).",
        ("Keras 1.2.2 keras/engine/topology.py; absent from keras 2.15.0 keras/src/engine and keras 3.15.1 keras/src"),
        BOTH,
        removed_in="Keras 2.0",
    ),
    RemovedMethod(
        ".load_weights_from_hdf5_group_by_name",
        None,
        "Use model.load_weights(filepath, by_name=True) (tf.keras; Keras 3 matches by structure).",
        ("Keras 1.2.2 keras/engine/topology.py; absent from keras 2.15.0 keras/src/engine and keras 3.15.1 keras/src"),
        BOTH,
        removed_in="Keras 2.0",
    ),
    # get_updates_for / get_losses_for: only the TF1 layer base keeps them (keras 2.15.0
    # keras/src/engine/base_layer_v1.py); the TF2 keras/src/engine/base_layer.py and keras 3.15.1 keras/src
    # have none.
    RemovedMethod(
        ".get_updates_for",
        None,
        "Use layer.updates (tf.keras) or drop it: Keras 3 layers update their variables in call().",
        (
            "keras 2.15.0 keras/src/engine/base_layer_v1.py only; absent from keras/src/engine/base_layer.py "
            "and keras 3.15.1 keras/src"
        ),
        BOTH,
        removed_in="TF 2.9",
    ),
    RemovedMethod(
        ".get_losses_for",
        None,
        "Use layer.losses.",
        (
            "keras 2.15.0 keras/src/engine/base_layer_v1.py only; absent from keras/src/engine/base_layer.py "
            "and keras 3.15.1 keras/src"
        ),
        BOTH,
        removed_in="TF 2.9",
    ),
    # Per-node accessors and TF-graph helpers: keras 2.15.0 keras/src/engine/base_layer.py defines them;
    # keras 3.15.1 keras/src (Layer, Operation) does not: only .input / .output (first node).
    # .reset_states is not listed: Keras 3 keeps it on RNN layers (keras/src/layers/rnn/rnn.py:321) while
    # metrics use reset_state, so a method-name match cannot tell the two apart.
    RemovedMethod(
        ".get_input_at",
        None,
        "Use layer.input (first call of the layer); for a later call keep the tensor returned by that call.",
        "keras 2.15.0 keras/src/engine/base_layer.py; absent from keras 3.15.1 keras/src",
        ONLY_KERAS3,
        removed_in="Keras 3.0",
    ),
    RemovedMethod(
        ".get_output_at",
        None,
        "Use layer.output (first call of the layer); for a later call keep the tensor returned by that call.",
        "keras 2.15.0 keras/src/engine/base_layer.py; absent from keras 3.15.1 keras/src",
        ONLY_KERAS3,
        removed_in="Keras 3.0",
    ),
    RemovedMethod(
        ".get_input_shape_at",
        None,
        "Use layer.input (first call of the layer); for a later call keep the tensor returned by that call.",
        "keras 2.15.0 keras/src/engine/base_layer.py; absent from keras 3.15.1 keras/src",
        ONLY_KERAS3,
        removed_in="Keras 3.0",
    ),
    RemovedMethod(
        ".get_output_shape_at",
        None,
        "Use layer.output (first call of the layer); for a later call keep the tensor returned by that call.",
        "keras 2.15.0 keras/src/engine/base_layer.py; absent from keras 3.15.1 keras/src",
        ONLY_KERAS3,
        removed_in="Keras 3.0",
    ),
    RemovedMethod(
        ".get_input_mask_at",
        None,
        "Use layer.input (first call of the layer); for a later call keep the tensor returned by that call.",
        "keras 2.15.0 keras/src/engine/base_layer.py; absent from keras 3.15.1 keras/src",
        ONLY_KERAS3,
        removed_in="Keras 3.0",
    ),
    RemovedMethod(
        ".get_output_mask_at",
        None,
        "Use layer.output (first call of the layer); for a later call keep the tensor returned by that call.",
        "keras 2.15.0 keras/src/engine/base_layer.py; absent from keras 3.15.1 keras/src",
        ONLY_KERAS3,
        removed_in="Keras 3.0",
    ),
    RemovedMethod(
        ".add_update",
        None,
        "Assign in call() directly: variable.assign(new_value).",
        "keras 2.15.0 keras/src/engine/base_layer.py; absent from keras 3.15.1 keras/src layers",
        ONLY_KERAS3,
        removed_in="Keras 3.0",
    ),
    RemovedMethod(
        ".compute_output_signature",
        ".compute_output_spec",
        "Implement/call compute_output_spec(*args) returning KerasTensors.",
        "keras 2.15.0 keras/src/engine/base_layer.py; absent from keras 3.15.1 keras/src",
        ONLY_KERAS3,
        hook=True,
        removed_in="Keras 3.0",
    ),
)
