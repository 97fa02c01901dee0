# kerascheck-case: --keras-target keras3
"""Utilities of a 2021 research repository (tf.keras 2.5 era), imported by a Keras 3 training script."""
import tensorflow as tf
import tf_keras
from tensorflow import keras  # KER402:1
from tensorflow.python.keras.engine import base_layer_utils  # KER103:1 KER403:1
from tensorflow.python.keras import backend as legacy_backend  # KER103:1


class StochasticDepth(keras.layers.Layer):
    def __init__(self, rate, **kwargs):
        super().__init__(**kwargs)
        self.rate = rate

    def call(self, inputs, **kwargs):
        if not kwargs.get("training", False):  # KER302:16
            return inputs
        keep = 1.0 - self.rate
        return inputs / keep * tf.floor(keep + tf.random.uniform(tf.shape(inputs)[:1]))


class AdaFactorLite(keras.optimizers.Optimizer):  # KER323:7
    def __init__(self, learning_rate=1e-3, name="AdaFactorLite", **kwargs):
        super().__init__(learning_rate=learning_rate, name=name, **kwargs)

    def get_updates(self, loss, params):
        grads = self.get_gradients(loss, params)  # KER120:17
        self.updates = [tf.compat.v1.assign_sub(p, self.learning_rate * g) for p, g in zip(params, grads)]
        return self.updates

    def get_config(self):
        return {"learning_rate": self.learning_rate}


def autoencoder(dimension):
    inputs = keras.Input(shape=(dimension,))
    code = keras.layers.Dense(dimension // 4, activation="relu", activity_regularizer=None)(inputs)
    outputs = keras.layers.Dense(dimension)(StochasticDepth(0.1)(code))
    model = keras.Model(inputs=inputs, outputs=outputs)
    model.add_loss(  # KER322:5
        1e-3 * keras.ops.sum(keras.ops.abs(code)),
    )
    return model


def legacy_head(classes):
    return tf_keras.Sequential([tf_keras.layers.Dense(classes)])


def hard_mish(x):
    return x * tf.clip_by_value(x + 2.0, 0.0, 2.0) / 2.0


keras.utils.get_custom_objects().update({"hard_mish": hard_mish})


def mish_block(x, units):
    return keras.layers.Dense(units, activation="hard_mish")(x)  # KER212:49


print(base_layer_utils.default, legacy_backend.floatx())
