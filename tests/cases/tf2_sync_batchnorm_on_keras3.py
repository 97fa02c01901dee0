# kerascheck-case: --keras-target keras3
"""A TF 2.4-2.15 multi-GPU classifier: batch statistics synchronised across replicas with the experimental
SyncBatchNormalization layer. Keras 3.15.1 has no `layers.experimental` (standalone: `ModuleNotFoundError` at the
import; TF >= 2.16's tf.keras, keras/_tf_keras/keras/layers, neither); its BatchNormalization takes
`synchronized=True`, which only the TensorFlow backend supports. The chain gets one finding, the layer's; the import
one for its module and one for the name."""

import numpy as np
import tensorflow as tf
from tensorflow.keras.layers.experimental import SyncBatchNormalization  # KER102:1 KER111:50

strategy = tf.distribute.MirroredStrategy()

with strategy.scope():
    inputs = tf.keras.Input(shape=(32, 32, 3))
    x = tf.keras.layers.Conv2D(32, 3, padding="same")(inputs)
    x = SyncBatchNormalization()(x)  # KER111:9
    x = tf.keras.layers.Activation("relu")(x)
    x = tf.keras.layers.Conv2D(64, 3, strides=2, padding="same")(x)
    x = tf.keras.layers.experimental.SyncBatchNormalization(momentum=0.9)(x)  # KER111:38
    x = tf.keras.layers.Activation("relu")(x)
    x = tf.keras.layers.GlobalAveragePooling2D()(x)
    outputs = tf.keras.layers.Dense(10, activation="softmax")(x)
    model = tf.keras.Model(inputs, outputs)
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])

images = np.random.rand(64, 32, 32, 3).astype("float32")
labels = np.random.randint(0, 10, size=(64,))
model.fit(images, labels, batch_size=16, epochs=1)
