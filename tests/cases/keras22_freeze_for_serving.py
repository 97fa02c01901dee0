# kerascheck-case: --keras-target tf.keras
"""A Keras 2.2 training script that freezes its model into a TensorFlow 1 graph for serving."""
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers


def build():
    inputs = keras.Input(shape=(28, 28, 1), name="image")
    x = layers.Conv2D(16, 3, activation="relu")(inputs)
    x = layers.Flatten()(x)
    outputs = layers.Dense(10, activation="softmax", name="probabilities")(x)
    return keras.Model(inputs, outputs)


def freeze_session(session, output_names):
    graph = session.graph
    with graph.as_default():
        frozen = tf.compat.v1.graph_util.convert_variables_to_constants(
            session, graph.as_graph_def(), output_names
        )
    return frozen


model = build()
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
print("input node:", model.input.op.name)  # KER242:22
output_names = [out.op.name for out in model.outputs]  # KER242:17
for layer in model.layers:
    print(layer.name, layer.output.name)
frozen = freeze_session(tf.compat.v1.keras.backend.get_session(), output_names)
tf.io.write_graph(frozen, "export", "model.pb", as_text=False)
