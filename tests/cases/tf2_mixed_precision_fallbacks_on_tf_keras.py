# kerascheck-case: --keras-target tf.keras
"""Mixed precision set up for TF 2.1-2.15 (as larq's training utilities do it): the TF 2.4+ API first, the
TF 2.1-2.3 `experimental` one only where the first raises AttributeError."""

import tensorflow as tf


def loss_scaled(optimizer):
    try:
        return tf.keras.mixed_precision.LossScaleOptimizer(optimizer)
    except AttributeError:  # TF < 2.4: never runs on TF 2.15, which has the stable API
        return tf.keras.mixed_precision.experimental.LossScaleOptimizer(optimizer, "dynamic")


def set_policy(name):
    try:
        tf.keras.mixed_precision.experimental.set_policy(name)
    except AttributeError:
        tf.keras.mixed_precision.set_global_policy(name)


def policy_name():
    try:
        return tf.keras.mixed_precision.global_policy().name
    except AttributeError:
        return tf.keras.mixed_precision.experimental.global_policy().name


def fallback_that_runs(optimizer):
    try:
        return tf.keras.optimizers.Adam(optimizer.lr, amsgrad=tf.keras.backend.amsgrad_default)
    except AttributeError:  # the body always raises on TF 2.15: this runs, and fails too
        return tf.keras.mixed_precision.experimental.LossScaleOptimizer(optimizer, "dynamic")  # KER111:41
