# kerascheck-case: --keras-target keras3
"""The TensorFlow 2 "basic text classification" tutorial (TF 2.3-2.15): a TextVectorization layer, an embedding bag
and one logit, compiled with one metric object; the export model, with the vectorization inside, compiled with one
metric name. TF 2.15.1 wraps each in a list; Keras 3.15.1 (TF 2.21) raises `ValueError: Expected `metrics` argument
to be a list, tuple, or dict` in `compile`."""

import numpy as np
import tensorflow as tf
from tensorflow.keras import layers, losses

max_features = 1000
sequence_length = 20
texts = np.array(["a good film", "a bad film", "great acting", "dull plot"] * 8)
labels = np.array([1, 0, 1, 0] * 8)
raw_train_ds = tf.data.Dataset.from_tensor_slices((texts, labels)).batch(8)

vectorize_layer = layers.TextVectorization(
    max_tokens=max_features, output_mode="int", output_sequence_length=sequence_length
)
vectorize_layer.adapt(raw_train_ds.map(lambda text, label: text))
train_ds = raw_train_ds.map(lambda text, label: (vectorize_layer(text), label))

model = tf.keras.Sequential(
    [
        layers.Embedding(max_features + 1, 16),
        layers.Dropout(0.2),
        layers.GlobalAveragePooling1D(),
        layers.Dropout(0.2),
        layers.Dense(1),
    ]
)
model.compile(
    loss=losses.BinaryCrossentropy(from_logits=True),
    optimizer="adam",
    metrics=tf.metrics.BinaryAccuracy(threshold=0.0),  # KER257:13
)
history = model.fit(train_ds, epochs=2)
print(history.history["binary_accuracy"][-1])

export_model = tf.keras.Sequential([vectorize_layer, model, layers.Activation("sigmoid")])
export_model.compile(loss=losses.BinaryCrossentropy(from_logits=False), optimizer="adam", metrics="accuracy")  # KER257:99
print(export_model.evaluate(tf.constant(texts), labels))
