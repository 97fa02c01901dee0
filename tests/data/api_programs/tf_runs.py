# target: tf.keras
# expect: runs
import numpy as np
from tensorflow import keras

w = np.ones((3, 2), "float32")
b = np.zeros((2,), "float32")
dense = keras.layers.Dense(2, weights=[w, b])
stateful = keras.Sequential([keras.layers.LSTM(4, batch_input_shape=(2, 5, 1), stateful=True)])
stateful.reset_states()
model = keras.Sequential([keras.layers.Dense(4, activation="relu", input_shape=(3,)), keras.layers.Dense(1)])
model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss="mse")
x, y = np.ones((8, 3), "float32"), np.ones((8, 1), "float32")
model.fit(x, y, epochs=1, batch_size=4, verbose=0, workers=2, use_multiprocessing=False)
print(float(model.optimizer.lr))
for layer in model.layers:
    print(layer.name, layer.output_shape)
print(model.predict(x, verbose=0).shape)
embedding = keras.layers.Embedding(100, 8, input_length=10)
inputs = keras.layers.InputLayer(batch_input_shape=(None, 3))
vectorizer = keras.layers.TextVectorization(dtype="string")
recurrent = keras.Sequential([keras.layers.LSTM(8, input_dim=4, input_length=5)])  # Keras 1 form, still converted
print(recurrent.input_shape)
similar = keras.Sequential([keras.layers.Dense(1, input_shape=(3,))])
similar.compile(optimizer="sgd", loss="cosine_similarity", metrics=["logcosh", "cosine_proximity", "crossentropy"])
print(sorted(similar.fit(x, y, verbose=0).history))
print(similar.metrics_names.index("logcosh"))  # each metric by name on tf.keras
print(similar.fit(x, y, verbose=0, callbacks=[keras.callbacks.ReduceLROnPlateau(monitor="loss")]).history["lr"])
keras.utils.get_custom_objects().update({"double_relu": lambda t: 2 * keras.activations.relu(t)})
print(keras.layers.Dense(2, activation="double_relu")(x).shape)  # a registered name: tf.keras finds it
print(keras.losses.MeanSquaredError(reduction="auto").reduction)  # tf.keras takes it


class Sparse(keras.layers.Layer):
    def call(self, inputs, training=None):
        self.add_loss(0.01 * keras.backend.sum(keras.backend.abs(inputs)), inputs=True)  # tf.keras takes it
        return inputs


print(len(Sparse()(x).shape))
scored = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1, activation="sigmoid")])
scored.compile(optimizer="sgd", loss="binary_crossentropy", metrics=["accuracy"])
best = keras.callbacks.ModelCheckpoint("w-{epoch:02d}-{val_accuracy:.2f}.h5")  # the placeholders as logged
scored.fit(x, np.ones((len(x), 1)), validation_split=0.5, verbose=0, callbacks=[best])
print(keras.layers.Attention()([np.ones((1, 2, 3)), np.ones((1, 2, 3))], use_causal_mask=True).shape)


class Counter(keras.callbacks.Callback):
    def on_train_begin(self, logs=None):
        print(self.params["epochs"], self.params["steps"], self.params["verbose"], sorted(self.params))


scored.fit(x, np.ones((len(x), 1)), epochs=1, verbose=0, callbacks=[Counter()])


class Seen(keras.metrics.Metric):  # KER310's fixed form: tf.keras resets it without a warning
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.total = self.add_weight(name="total", initializer="zeros")

    def update_state(self, *args, **kwargs):
        self.total.assign_add(1.0)

    def result(self):
        return self.total

    def reset_state(self):
        self.total.assign(0.0)


Seen().reset_state()
print(tuple(keras.Input((8, 8, 16)).shape)[-1])  # KER325's fix of `._keras_shape`
