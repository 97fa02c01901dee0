# kerascheck-case: --keras-target keras3 --extend-select KER303
"""Custom layers and an optimizer from a Keras 2.2 research code base, loaded on Keras 3."""
import tensorflow as tf
from keras import backend as K
from keras import layers
from keras.models import Model
from keras.optimizers import Optimizer
from keras.utils.generic_utils import get_custom_objects  # KER102:1


class NoisyDense(layers.Layer):
    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.units = units
        self.dense = layers.Dense(units)

    def build(self, input_shape):
        self.scale = self.add_weight("scale", (self.units,), initializer="ones")  # KER207:22
        self.offset = self.add_weight(  # KER207:23
            "offset",
            shape=(self.units,),
            initializer="zeros",
        )
        self.step = tf.Variable(0, trainable=False)  # KER321:9

    def call(self, inputs):
        self.step.assign_add(1)
        noisy = tf.nn.dropout(inputs, rate=0.1)  # KER301:17
        return self.dense.call(noisy) * self.scale + self.offset  # KER304:16

    def get_output_shape_for(self, input_shape):  # KER308:9
        return input_shape[:-1] + (self.units,)


class Gate(layers.Layer):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.drop = layers.Dropout(0.5)
        self.norm = layers.BatchNormalization()
        self.counter = tf.Variable(  # KER321:9
            initial_value=0.0,
            trainable=False,
        )

    def call(self, inputs, **kwargs):
        training = kwargs.get("training")  # KER302:20
        self.counter.assign_add(1.0)
        normed = self.norm(inputs, training=False)  # KER303:36
        return self.drop(normed, training=training)

    def __call__(self, inputs, training=None):  # KER305:9
        if not self.built:
            self.build(inputs.shape)
        return self.call(inputs, training=training)


class Block(layers.Layer):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.gate = Gate()

    def call(self, inputs, training=None):
        return self.gate(
            inputs,
            training=True,  # KER303:13
        )

    def compute_output_shape(self, input_shape):
        return input_shape

    def output_shape_of(self):
        return self.output_shape  # KER120:16


class SignSGD(Optimizer):  # KER323:7
    def __init__(self, learning_rate=0.01, **kwargs):
        super().__init__(learning_rate, **kwargs)

    def get_updates(self, loss, params):
        grads = self.get_gradients(loss, params)  # KER120:17
        return [K.update_sub(p, self.learning_rate * K.sign(g)) for p, g in zip(params, grads)]  # KER111:19 KER115:54


def leaky_clip(x):
    return K.clip(x, -1.0, 6.0)  # KER115:12


get_custom_objects()["leaky_clip"] = leaky_clip
clipped = layers.Activation("leaky_clip")  # KER212:29


class TinyClassifier(Model):
    def __init__(self, classes):
        super().__init__()
        self.hidden = NoisyDense(16)
        self.head = layers.Dense(classes, activation="softmax")

    def call(self, inputs, training=None):
        return self.head(self.hidden(inputs, training=training))


classifier = TinyClassifier(3)
classifier.build((None, 8))  # KER326:1
classifier.load_weights("tiny_classifier.weights.h5")
