# kerascheck-case: --keras-target tf.keras
"""Compatibility layer of a 2019 library for Keras 2.2 and tf.keras (as bert4keras's layers.py does it): branches
chosen by the version strings, compared as strings (so '2.15.0' < '2.2.5' holds); a branch that never runs on
the target gets no finding."""
import inspect
import os

import tensorflow as tf
import keras

is_tf_keras = os.environ.get("TF_KERAS", "0") == "1"

if keras.__version__ < "2.2.5":

    class Model(keras.models.Model):
        """Accept a generator in fit, as Keras 2.3 does."""

        def fit(self, x=None, *args, **kwargs):
            if inspect.isgenerator(x):
                return self.fit_generator(x, *args, **kwargs)  # KER112:29
            return super().fit(x, *args, **kwargs)

    keras.models.Model = Model

if (not is_tf_keras) or tf.__version__ < "1.15":
    if not is_tf_keras:
        LayerBase = keras.layers.Layer
    else:
        from tensorflow.python.keras.engine import base_layer

        LayerBase = base_layer.Layer


def make_optimizer(rate):
    if keras.__version__ >= "2.3":
        return keras.optimizers.Adam(lr=rate)
    return keras.optimizers.Adam(rate)
