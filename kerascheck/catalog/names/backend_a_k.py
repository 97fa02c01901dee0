"""Removed names, ``backend`` functions ``abs`` .. ``is_*`` that tf.keras 2.15 has and Keras 3 dropped (part of
``REMOVED_NAMES``; ``backend_l_z`` has the rest, in alphabetical order)."""

from __future__ import annotations

from typing import Tuple

from kerascheck.catalog.model import (
    ONLY_KERAS3,
    ONLY_TF_KERAS,
    RemovedName,
)

REMOVED_BACKEND_A_K: Tuple[RemovedName, ...] = (
    # backend functions tf.keras 2.15 has and Keras 3 dropped: keras 2.15.0
    # keras/api/_v2/keras/backend/__init__.py (present) vs keras 3.15.1 keras/backend/__init__.py (absent;
    # Keras 3 keeps only config helpers there). Most tensor functions moved to keras.ops / keras.random; the
    # keras/_tf_keras/keras/backend tree (tf.keras under TF >= 2.16) still has the ones marked "kept". The
    # ops equivalents are not always argument-compatible, so no entry claims a drop-in replacement.
    RemovedName(
        "backend.abs",
        None,
        "Use keras.ops.abs.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.all",
        None,
        "Use keras.ops.all.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.any",
        None,
        "Use keras.ops.any.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.arange",
        None,
        "Use keras.ops.arange.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.argmax",
        None,
        "Use keras.ops.argmax(x, axis=-1): its default axis is None (the flattened tensor), not -1.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.argmin",
        None,
        "Use keras.ops.argmin(x, axis=-1): its default axis is None (the flattened tensor), not -1.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.batch_dot",
        None,
        "Use keras.ops.einsum or keras.ops.matmul (Keras 3 has no batch_dot).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.batch_flatten",
        None,
        "Use keras.ops.reshape(x, (keras.ops.shape(x)[0], -1)) or layers.Flatten().",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.batch_get_value",
        None,
        "Use [keras.ops.convert_to_numpy(v) for v in variables].",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.batch_normalization",
        None,
        "Use keras.ops.batch_normalization(x, mean, variance, axis, offset, scale, epsilon).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.batch_set_value",
        None,
        "Call variable.assign(value) for each (variable, value) pair.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.bias_add",
        None,
        "Use x + bias (broadcasting) or keras.ops.add.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.binary_crossentropy",
        None,
        "Use keras.ops.binary_crossentropy.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.binary_focal_crossentropy",
        None,
        "Use losses.binary_focal_crossentropy (or losses.BinaryFocalCrossentropy).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.cast",
        None,
        "Use keras.ops.cast.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.cast_to_floatx",
        None,
        "Use keras.ops.cast(x, keras.config.floatx()).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.categorical_crossentropy",
        None,
        "Use keras.ops.categorical_crossentropy.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.categorical_focal_crossentropy",
        None,
        "Use losses.categorical_focal_crossentropy (or losses.CategoricalFocalCrossentropy).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.clip",
        None,
        "Use keras.ops.clip.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.concatenate",
        None,
        "Use keras.ops.concatenate(tensors, axis=-1): its default axis is 0, not -1.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.constant",
        None,
        "Use keras.ops.convert_to_tensor (or keras.ops.full for a filled tensor).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.conv1d",
        None,
        "Use keras.ops.conv.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.conv2d",
        None,
        "Use keras.ops.conv.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.conv2d_transpose",
        None,
        "Use keras.ops.conv_transpose.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.conv3d",
        None,
        "Use keras.ops.conv.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.cos",
        None,
        "Use keras.ops.cos.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.count_params",
        None,
        "Use keras.ops.size(x), or layer.count_params().",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.ctc_batch_cost",
        None,
        "Use keras.ops.ctc_loss or losses.CTC.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.ctc_decode",
        None,
        "Use keras.ops.ctc_decode (check its arguments: inputs, sequence_lengths, strategy).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.ctc_label_dense_to_sparse",
        None,
        "Remove: keras.ops.ctc_loss takes dense labels.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.cumprod",
        None,
        "Use keras.ops.cumprod(x, axis=0): its default axis is None (the flattened tensor), not 0.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.cumsum",
        None,
        "Use keras.ops.cumsum(x, axis=0): its default axis is None (the flattened tensor), not 0.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.depthwise_conv2d",
        None,
        "Use keras.ops.depthwise_conv.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.dot",
        None,
        "Use keras.ops.dot.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.dropout",
        None,
        "Use keras.random.dropout or layers.Dropout.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.dtype",
        None,
        "Use x.dtype (or keras.backend.standardize_dtype(x.dtype)).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.elu",
        None,
        "Use keras.ops.elu.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.equal",
        None,
        "Use keras.ops.equal.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.eval",
        None,
        "Use keras.ops.convert_to_numpy(x).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.exp",
        None,
        "Use keras.ops.exp.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.expand_dims",
        None,
        "Use keras.ops.expand_dims(x, axis=-1): ops has no default axis (Keras 2's was -1).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.eye",
        None,
        "Use keras.ops.eye.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.flatten",
        None,
        "Use keras.ops.reshape(x, (-1,)).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.foldl",
        None,
        "Use keras.ops.fori_loop or keras.ops.scan.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.foldr",
        None,
        "Use keras.ops.fori_loop or keras.ops.scan (over the reversed input).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.function",
        None,
        (
            "Remove: call the model or layer directly (Keras 3 runs eagerly), or build a sub-Model for "
            "intermediate outputs."
        ),
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent)"
        ),
        ONLY_KERAS3,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.gather",
        None,
        "Use keras.ops.take(reference, indices, axis=0).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.get_value",
        None,
        "Use keras.ops.convert_to_numpy(variable) (or variable.numpy() on TensorFlow).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.gradients",
        None,
        "No backend-agnostic equivalent: use the backend's autodiff (tf.GradientTape, jax.grad, torch.autograd).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.gradients",
        None,
        "Compute gradients with tf.GradientTape (or call tf.compat.v1.disable_eager_execution() first, TF 1 style).",
        (
            "keras 2.15.0 keras/src/backend.py:4683-4695 gradients (tf.compat.v1.gradients: RuntimeError in "
            "eager mode, run on TF 2.15.1)"
        ),
        ONLY_TF_KERAS,
    ),
    RemovedName(
        "backend.greater",
        None,
        "Use keras.ops.greater.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.greater_equal",
        None,
        "Use keras.ops.greater_equal.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.hard_sigmoid",
        None,
        "Use keras.ops.hard_sigmoid (check its slope against K.hard_sigmoid's 0.2).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.in_test_phase",
        None,
        "Remove the global phase: branch on the training argument of call() instead.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent)"
        ),
        ONLY_KERAS3,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.in_top_k",
        None,
        "Use keras.ops.in_top_k(targets, predictions, k) (argument order swapped).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.in_train_phase",
        None,
        "Remove the global phase: branch on the training argument of call() instead.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent)"
        ),
        ONLY_KERAS3,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.int_shape",
        None,
        "Use x.shape (or keras.ops.shape(x)).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.is_sparse",
        None,
        "No keras.ops equivalent: test the backend tensor type (e.g. isinstance(x, tf.SparseTensor)).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.l2_normalize",
        None,
        "Use keras.ops.normalize(x, axis=axis, order=2).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.learning_phase",
        None,
        "Remove: Keras 3 has no global learning phase; pass training=True/False to layer and model calls.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent)"
        ),
        ONLY_KERAS3,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.learning_phase_scope",
        None,
        "Remove: Keras 3 has no global learning phase; pass training=True/False to layer and model calls.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent)"
        ),
        ONLY_KERAS3,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.less",
        None,
        "Use keras.ops.less.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.less_equal",
        None,
        "Use keras.ops.less_equal.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.local_conv1d",
        None,
        "No Keras 3 equivalent (LocallyConnected layers were removed).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent)"
        ),
        ONLY_KERAS3,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.local_conv2d",
        None,
        "No Keras 3 equivalent (LocallyConnected layers were removed).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent)"
        ),
        ONLY_KERAS3,
        removed_in="Keras 3.0",
    ),
)
