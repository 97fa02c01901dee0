"""Removed names, ``backend`` functions ``l`` .. ``z`` (and ``backend.experimental``) that tf.keras 2.15 has and
Keras 3 dropped (part of ``REMOVED_NAMES``; the sources are described in ``backend_a_k``)."""

from __future__ import annotations

from typing import Tuple

from kerascheck.catalog.model import (
    ONLY_KERAS3,
    RemovedName,
)

REMOVED_BACKEND_L_Z: Tuple[RemovedName, ...] = (
    RemovedName(
        "backend.log",
        None,
        "Use keras.ops.log.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.manual_variable_initialization",
        None,
        "Remove: Keras 3 variables are initialized when created.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent)"
        ),
        ONLY_KERAS3,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.map_fn",
        None,
        "Use keras.ops.map or keras.ops.vectorized_map.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.max",
        None,
        "Use keras.ops.max.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.maximum",
        None,
        "Use keras.ops.maximum.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.mean",
        None,
        "Use keras.ops.mean.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.min",
        None,
        "Use keras.ops.min.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.minimum",
        None,
        "Use keras.ops.minimum.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.moving_average_update",
        None,
        "Use variable.assign(variable * momentum + value * (1 - momentum)).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.name_scope",
        None,
        "Use keras.name_scope.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.ndim",
        None,
        "Use keras.ops.ndim.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.normalize_batch_in_training",
        None,
        "Use keras.ops.moments and keras.ops.batch_normalization (or layers.BatchNormalization).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent)"
        ),
        ONLY_KERAS3,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.not_equal",
        None,
        "Use keras.ops.not_equal.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.one_hot",
        None,
        "Use keras.ops.one_hot.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.ones",
        None,
        "Use keras.ops.ones.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.ones_like",
        None,
        "Use keras.ops.ones_like.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.permute_dimensions",
        None,
        "Use keras.ops.transpose(x, axes).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.placeholder",
        None,
        "Use layers.Input(shape=...) for a symbolic input; Keras 3 has no placeholders.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent)"
        ),
        ONLY_KERAS3,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.pool2d",
        None,
        "Use keras.ops.max_pool or keras.ops.average_pool.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.pool3d",
        None,
        "Use keras.ops.max_pool or keras.ops.average_pool.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.pow",
        None,
        "Use keras.ops.power.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.print_tensor",
        None,
        "Print eagerly (print(keras.ops.convert_to_numpy(x))) or use the backend's print op (tf.print).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent)"
        ),
        ONLY_KERAS3,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.prod",
        None,
        "Use keras.ops.prod.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.random_bernoulli",
        None,
        "Use keras.random.binomial(shape, counts=1, probabilities=p).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.random_binomial",
        None,
        "Use keras.random.binomial(shape, counts=1, probabilities=p).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent)"
        ),
        ONLY_KERAS3,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.random_normal",
        None,
        "Use keras.random.normal.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.random_normal_variable",
        None,
        "Create keras.Variable(initializers.RandomNormal(...)(shape)).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.random_uniform",
        None,
        "Use keras.random.uniform.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.random_uniform_variable",
        None,
        "Create keras.Variable(initializers.RandomUniform(...)(shape)).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.relu",
        None,
        ("Use keras.ops.relu (no alpha/max_value/threshold: use layers.ReLU or keras.ops.leaky_relu/clip for those)."),
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.repeat",
        None,
        (
            "Use layers.RepeatVector(n) or keras.ops.repeat(keras.ops.expand_dims(x, 1), n, axis=1); "
            "keras.ops.repeat alone means repeat_elements."
        ),
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.repeat_elements",
        None,
        "Use keras.ops.repeat(x, rep, axis=axis).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.reset_uids",
        None,
        "Remove, or call backend.clear_session() to reset Keras global state.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent)"
        ),
        ONLY_KERAS3,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.reshape",
        None,
        "Use keras.ops.reshape.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.resize_images",
        None,
        "Use keras.ops.image.resize, layers.UpSampling2D or layers.Resizing.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.resize_volumes",
        None,
        "Use layers.UpSampling3D.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.reverse",
        None,
        "Use keras.ops.flip(x, axis).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.rnn",
        None,
        "No public keras.ops equivalent: use layers.RNN with a cell.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.round",
        None,
        "Use keras.ops.round.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.separable_conv2d",
        None,
        "Use keras.ops.separable_conv.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.set_learning_phase",
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
        "backend.set_value",
        None,
        "Use variable.assign(value), on a keras.Variable a layer or the model tracks (see backend.variable).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.shape",
        None,
        "Use keras.ops.shape.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.sigmoid",
        None,
        "Use keras.ops.sigmoid.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.sign",
        None,
        "Use keras.ops.sign.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.sin",
        None,
        "Use keras.ops.sin.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.softmax",
        None,
        "Use keras.ops.softmax.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.softplus",
        None,
        "Use keras.ops.softplus.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.softsign",
        None,
        "Use keras.ops.softsign.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.sparse_categorical_crossentropy",
        None,
        "Use keras.ops.sparse_categorical_crossentropy.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.spatial_2d_padding",
        None,
        "Use keras.ops.pad or layers.ZeroPadding2D.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.spatial_3d_padding",
        None,
        "Use keras.ops.pad or layers.ZeroPadding3D.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.sqrt",
        None,
        "Use keras.ops.sqrt.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.square",
        None,
        "Use keras.ops.square.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.squeeze",
        None,
        "Use keras.ops.squeeze.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.stack",
        None,
        "Use keras.ops.stack.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.std",
        None,
        "Use keras.ops.std.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.stop_gradient",
        None,
        "Use keras.ops.stop_gradient.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.sum",
        None,
        "Use keras.ops.sum.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.switch",
        None,
        "Use keras.ops.where(condition, then, else) (keras.ops.switch selects a branch by index).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.tanh",
        None,
        "Use keras.ops.tanh.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.temporal_padding",
        None,
        "Use keras.ops.pad or layers.ZeroPadding1D.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.tile",
        None,
        "Use keras.ops.tile.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.to_dense",
        None,
        "Use keras.ops.convert_to_tensor(x, sparse=False).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.transpose",
        None,
        "Use keras.ops.transpose.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.truncated_normal",
        None,
        "Use keras.random.truncated_normal.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.update",
        None,
        "Use variable.assign(value).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.update_add",
        None,
        "Use variable.assign_add(increment).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.update_sub",
        None,
        "Use variable.assign_sub(decrement).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.var",
        None,
        "Use keras.ops.var.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.variable",
        None,
        # Run on Keras 3.15.1 (jax, held-out probe 8): a module-level keras.Variable read by the loss stays
        # what it was when fit() compiled the step (the loss never moves); set as a model attribute, it moves.
        "Use keras.Variable(initial_value), set as an attribute of a layer or the model when training reads it "
        "(with jax, a variable nothing tracks is frozen into the compiled training step).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.zeros",
        None,
        "Use keras.ops.zeros.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.zeros_like",
        None,
        "Use keras.ops.zeros_like.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.experimental.disable_tf_random_generator",
        None,
        "Remove: Keras 3 always uses its own seeded RNG (keras.random.SeedGenerator).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/experimental/__init__.py; keras 3.15.1 keras/backend has "
            "no experimental"
        ),
        ONLY_KERAS3,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.experimental.enable_tf_random_generator",
        None,
        "Remove: Keras 3 always uses its own seeded RNG (keras.random.SeedGenerator).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/experimental/__init__.py; keras 3.15.1 keras/backend has "
            "no experimental"
        ),
        ONLY_KERAS3,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "backend.experimental.is_tf_random_generator_enabled",
        None,
        "Remove: Keras 3 always uses its own seeded RNG (keras.random.SeedGenerator).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/experimental/__init__.py; keras 3.15.1 keras/backend has "
            "no experimental"
        ),
        ONLY_KERAS3,
        removed_in="Keras 3.0",
    ),
)
