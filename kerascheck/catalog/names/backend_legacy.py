"""Removed names, the backend and optimizer functions of Keras 1 / standalone Keras 2 that tf.keras never had
(part of ``REMOVED_NAMES``)."""

from __future__ import annotations

from typing import Tuple

from kerascheck.catalog.model import (
    BOTH,
    ONLY_KERAS3,
    ONLY_TF_KERAS,
    RemovedName,
)

REMOVED_LEGACY_BACKEND: Tuple[RemovedName, ...] = (
    # backend functions of Keras 1 / standalone Keras 2 that tf.keras never had: Keras 1.2.2
    # keras/backend/common.py + tensorflow_backend.py, Keras 2.2.4 keras/backend/common.py +
    # tensorflow_backend.py; absent from keras 2.15.0 keras/api/_v2/keras/backend/__init__.py and keras 3.15.1
    # keras/backend/__init__.py (no "image_dim_ordering" anywhere in the keras 2.15.0 or tf_keras 2.15 trees).
    RemovedName(
        "backend.image_dim_ordering",
        None,
        "Use backend.image_data_format(), which returns 'channels_last' / 'channels_first' instead of 'tf' / 'th'.",
        (
            "Keras 2.2.4 keras/backend/common.py:212; absent from keras 2.15.0 "
            "keras/api/_v2/keras/backend/__init__.py and keras 3.15.1 keras/backend/__init__.py"
        ),
        BOTH,
        removed_in="Keras 2.2.5",
    ),
    RemovedName(
        "backend.set_image_dim_ordering",
        None,
        "Use backend.set_image_data_format('channels_last' or 'channels_first') instead of 'tf' / 'th'.",
        (
            "Keras 2.2.4 keras/backend/common.py:183; absent from keras 2.15.0 "
            "keras/api/_v2/keras/backend/__init__.py and keras 3.15.1 keras/backend/__init__.py"
        ),
        BOTH,
        removed_in="Keras 2.2.5",
    ),
    RemovedName(
        "backend.normalize_data_format",
        None,
        "Pass data_format explicitly ('channels_last' / 'channels_first') or read backend.image_data_format().",
        (
            "Keras 2.2.4 keras/backend/common.py:150; absent from keras 2.15.0 "
            "keras/api/_v2/keras/backend/__init__.py and keras 3.15.1 keras/backend/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "backend.legacy_weight_ordering",
        None,
        "Remove: Theano weight ordering no longer exists.",
        (
            "Keras 1.2.2 keras/backend/common.py; absent from keras 2.15.0 "
            "keras/api/_v2/keras/backend/__init__.py and keras 3.15.1 keras/backend/__init__.py"
        ),
        BOTH,
        removed_in="Keras 2.0",
    ),
    RemovedName(
        "backend.set_legacy_weight_ordering",
        None,
        "Remove: Theano weight ordering no longer exists.",
        (
            "Keras 1.2.2 keras/backend/common.py; absent from keras 2.15.0 "
            "keras/api/_v2/keras/backend/__init__.py and keras 3.15.1 keras/backend/__init__.py"
        ),
        BOTH,
        removed_in="Keras 2.0",
    ),
    RemovedName(
        "backend._BACKEND",
        None,
        "Call `K.backend()`: it names the backend in use ('tensorflow' on tf.keras; 'jax', 'torch' or 'tensorflow' on "
        "Keras 3).",
        (
            "Keras 2.2.4 keras/backend/__init__.py:27 (the multi-backend switch); absent from keras 2.15.0 "
            "keras/api/_v2/keras/backend/__init__.py and keras 3.15.1 keras/backend/__init__.py (run: probe 21)"
        ),
        BOTH,
    ),
    RemovedName(
        "backend.get_session",
        None,
        "TF2 has no global session: drop it; TF1-style code can call tf.compat.v1.keras.backend.get_session on "
        "tf.keras up to TF 2.15 (Keras 3 has no session at all, and TF 2.16+ serves Keras 3 there too).",
        (
            "Keras 2.2.4 keras/backend/tensorflow_backend.py:156; absent from keras 2.15.0 "
            "keras/api/_v2/keras/backend/__init__.py and keras 3.15.1 keras/backend/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "backend.set_session",
        None,
        "TF2 has no global session: drop it; TF1-style code can call tf.compat.v1.keras.backend.set_session on "
        "tf.keras up to TF 2.15 (Keras 3 has no session at all, and TF 2.16+ serves Keras 3 there too).",
        (
            "Keras 2.2.4 keras/backend/tensorflow_backend.py:214; absent from keras 2.15.0 "
            "keras/api/_v2/keras/backend/__init__.py and keras 3.15.1 keras/backend/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "backend.control_flow_ops",
        None,
        "Use tf.while_loop / tf.cond from TensorFlow (Keras 3: keras.ops.while_loop / keras.ops.cond).",
        (
            "Keras 2.2.4 keras/backend/tensorflow_backend.py:9 (from tensorflow.python.ops import "
            "control_flow_ops, re-exported by keras/backend/__init__.py's star import); absent from keras 2.15.0 "
            "keras/api/_v2/keras/backend/__init__.py and keras 3.15.1 keras/backend/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "mixed_precision.experimental",
        None,
        "Use mixed_precision.Policy, set_global_policy and LossScaleOptimizer (the stable API since TF 2.4).",
        (
            "absent from keras 2.15.0 keras/api/_v2/keras/mixed_precision/__init__.py and keras 3.15.1 "
            "keras/mixed_precision/__init__.py (run: AttributeError on TF 2.15.1 and Keras 3.15.1)"
        ),
        BOTH,
        removed_in="TF 2.9",
    ),
    RemovedName(
        "optimizers.sgd",
        "optimizers.SGD",
        "Use optimizers.SGD (the class the Keras 2.2 alias stood for).",
        (
            "Keras 2.2.4 keras/optimizers.py:726-732 (sgd = SGD); absent from keras 2.15.0 "
            "keras/api/_v2/keras/optimizers/__init__.py and keras 3.15.1 keras/optimizers/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "optimizers.rmsprop",
        "optimizers.RMSprop",
        "Use optimizers.RMSprop (the class the Keras 2.2 alias stood for).",
        (
            "Keras 2.2.4 keras/optimizers.py:726-732 (rmsprop = RMSprop); absent from keras 2.15.0 "
            "keras/api/_v2/keras/optimizers/__init__.py and keras 3.15.1 keras/optimizers/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "optimizers.adagrad",
        "optimizers.Adagrad",
        "Use optimizers.Adagrad (the class the Keras 2.2 alias stood for).",
        (
            "Keras 2.2.4 keras/optimizers.py:726-732 (adagrad = Adagrad); absent from keras 2.15.0 "
            "keras/api/_v2/keras/optimizers/__init__.py and keras 3.15.1 keras/optimizers/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "optimizers.adadelta",
        "optimizers.Adadelta",
        "Use optimizers.Adadelta (the class the Keras 2.2 alias stood for).",
        (
            "Keras 2.2.4 keras/optimizers.py:726-732 (adadelta = Adadelta); absent from keras 2.15.0 "
            "keras/api/_v2/keras/optimizers/__init__.py and keras 3.15.1 keras/optimizers/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "optimizers.adam",
        "optimizers.Adam",
        "Use optimizers.Adam (the class the Keras 2.2 alias stood for).",
        (
            "Keras 2.2.4 keras/optimizers.py:726-732 (adam = Adam); absent from keras 2.15.0 "
            "keras/api/_v2/keras/optimizers/__init__.py and keras 3.15.1 keras/optimizers/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "optimizers.adamax",
        "optimizers.Adamax",
        "Use optimizers.Adamax (the class the Keras 2.2 alias stood for).",
        (
            "Keras 2.2.4 keras/optimizers.py:726-732 (adamax = Adamax); absent from keras 2.15.0 "
            "keras/api/_v2/keras/optimizers/__init__.py and keras 3.15.1 keras/optimizers/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "optimizers.nadam",
        "optimizers.Nadam",
        "Use optimizers.Nadam (the class the Keras 2.2 alias stood for).",
        (
            "Keras 2.2.4 keras/optimizers.py:726-732 (nadam = Nadam); absent from keras 2.15.0 "
            "keras/api/_v2/keras/optimizers/__init__.py and keras 3.15.1 keras/optimizers/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "backend.tf",
        None,
        "Import TensorFlow directly: import tensorflow as tf (Keras 3: prefer keras.ops).",
        (
            "Keras 2.2.4 keras/backend/tensorflow_backend.py:5 (import tensorflow as tf); absent from keras "
            "2.15.0 keras/api/_v2/keras/backend/__init__.py and keras 3.15.1 keras/backend/__init__.py"
        ),
        BOTH,
        removed_in="Keras 2.2.5",
    ),
    RemovedName(
        "backend.identity",
        None,
        "Use tf.identity (tf.keras) or keras.ops.identity (Keras 3).",
        (
            "Keras 2.2.4 keras/backend/tensorflow_backend.py:818; absent from keras 2.15.0 "
            "keras/api/_v2/keras/backend/__init__.py and keras 3.15.1 keras/backend/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "backend.is_tensor",
        None,
        "Use tf.is_tensor (tf.keras) or keras.ops.is_tensor (Keras 3).",
        (
            "Keras 2.2.4 keras/backend/tensorflow_backend.py:479; absent from keras 2.15.0 "
            "keras/api/_v2/keras/backend/__init__.py and keras 3.15.1 keras/backend/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "backend.logsumexp",
        None,
        "Use tf.reduce_logsumexp (tf.keras) or keras.ops.logsumexp (Keras 3).",
        (
            "Keras 2.2.4 keras/backend/tensorflow_backend.py:1524; absent from keras 2.15.0 "
            "keras/api/_v2/keras/backend/__init__.py and keras 3.15.1 keras/backend/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "backend.slice",
        None,
        "Use tf.slice (tf.keras) or keras.ops.slice (Keras 3).",
        (
            "Keras 2.2.4 keras/backend/tensorflow_backend.py:2375; absent from keras 2.15.0 "
            "keras/api/_v2/keras/backend/__init__.py and keras 3.15.1 keras/backend/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "backend.is_placeholder",
        None,
        "Remove: there are no placeholders in TF2 / Keras 3; use backend.is_keras_tensor for symbolic inputs.",
        (
            "Keras 2.2.4 keras/backend/tensorflow_backend.py:523; absent from keras 2.15.0 "
            "keras/api/_v2/keras/backend/__init__.py and keras 3.15.1 keras/backend/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "backend.separable_conv1d",
        None,
        "Use layers.SeparableConv1D (or keras.ops.separable_conv in Keras 3).",
        (
            "Keras 2.2.4 keras/backend/tensorflow_backend.py:3720; absent from keras 2.15.0 "
            "keras/api/_v2/keras/backend/__init__.py and keras 3.15.1 keras/backend/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "backend.conv3d_transpose",
        None,
        "Use layers.Conv3DTranspose (or keras.ops.conv_transpose in Keras 3).",
        (
            "Keras 2.2.4 keras/backend/tensorflow_backend.py:3893; absent from keras 2.15.0 "
            "keras/api/_v2/keras/backend/__init__.py and keras 3.15.1 keras/backend/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "backend.get_variable_shape",
        "backend.int_shape",
        "Use backend.int_shape(x).",
        (
            "Keras 2.2.4 keras/backend/tensorflow_backend.py:2473; absent from keras 2.15.0 "
            "keras/api/_v2/keras/backend/__init__.py"
        ),
        ONLY_TF_KERAS,
        removed_in="Keras 2.2.5",
    ),
    RemovedName(
        "backend.get_variable_shape",
        None,
        "Use x.shape or keras.ops.shape(x).",
        (
            "Keras 2.2.4 keras/backend/tensorflow_backend.py:2473; absent from keras 2.15.0 "
            "keras/api/_v2/keras/backend/__init__.py and keras 3.15.1 keras/backend/__init__.py"
        ),
        ONLY_KERAS3,
        removed_in="Keras 2.2.5",
    ),
    RemovedName(
        "backend.lesser",
        "backend.less",
        "Use backend.less.",
        (
            "Keras 1.2.2 keras/backend/tensorflow_backend.py; absent from keras 2.15.0 "
            "keras/api/_v2/keras/backend/__init__.py"
        ),
        ONLY_TF_KERAS,
        removed_in="Keras 2.0",
    ),
    RemovedName(
        "backend.lesser",
        None,
        "Use keras.ops.less.",
        (
            "Keras 1.2.2 keras/backend/tensorflow_backend.py; absent from keras 2.15.0 "
            "keras/api/_v2/keras/backend/__init__.py and keras 3.15.1 keras/backend/__init__.py"
        ),
        ONLY_KERAS3,
        removed_in="Keras 2.0",
    ),
    RemovedName(
        "backend.lesser_equal",
        "backend.less_equal",
        "Use backend.less_equal.",
        (
            "Keras 1.2.2 keras/backend/tensorflow_backend.py; absent from keras 2.15.0 "
            "keras/api/_v2/keras/backend/__init__.py"
        ),
        ONLY_TF_KERAS,
        removed_in="Keras 2.0",
    ),
    RemovedName(
        "backend.lesser_equal",
        None,
        "Use keras.ops.less_equal.",
        (
            "Keras 1.2.2 keras/backend/tensorflow_backend.py; absent from keras 2.15.0 "
            "keras/api/_v2/keras/backend/__init__.py and keras 3.15.1 keras/backend/__init__.py"
        ),
        ONLY_KERAS3,
        removed_in="Keras 2.0",
    ),
    RemovedName(
        "backend.deconv2d",
        None,
        "Use backend.conv2d_transpose (tf.keras) / keras.ops.conv_transpose (Keras 3), or layers.Conv2DTranspose.",
        (
            "Keras 1.2.2 keras/backend/tensorflow_backend.py; absent from keras 2.15.0 "
            "keras/api/_v2/keras/backend/__init__.py and keras 3.15.1 keras/backend/__init__.py"
        ),
        BOTH,
        removed_in="Keras 2.0",
    ),
    RemovedName(
        "backend.atrous_conv2d",
        None,
        (
            "Use a dilated convolution: layers.Conv2D(..., dilation_rate=rate) or backend.conv2d(..., "
            "dilation_rate=rate) on tf.keras."
        ),
        (
            "Keras 1.2.2 keras/backend/tensorflow_backend.py; absent from keras 2.15.0 "
            "keras/api/_v2/keras/backend/__init__.py and keras 3.15.1 keras/backend/__init__.py"
        ),
        BOTH,
        removed_in="Keras 2.0",
    ),
    RemovedName(
        "backend.asymmetric_temporal_padding",
        None,
        "Use layers.ZeroPadding1D/2D with a (before, after) tuple, or tf.pad / keras.ops.pad.",
        (
            "Keras 1.2.2 keras/backend/tensorflow_backend.py; absent from keras 2.15.0 "
            "keras/api/_v2/keras/backend/__init__.py and keras 3.15.1 keras/backend/__init__.py"
        ),
        BOTH,
        removed_in="Keras 2.0",
    ),
    RemovedName(
        "backend.asymmetric_spatial_2d_padding",
        None,
        "Use layers.ZeroPadding1D/2D with a (before, after) tuple, or tf.pad / keras.ops.pad.",
        (
            "Keras 1.2.2 keras/backend/tensorflow_backend.py; absent from keras 2.15.0 "
            "keras/api/_v2/keras/backend/__init__.py and keras 3.15.1 keras/backend/__init__.py"
        ),
        BOTH,
        removed_in="Keras 2.0",
    ),
)
