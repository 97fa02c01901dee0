# target: keras3
# expect: runs
import numpy as np
import keras

model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(4, activation="relu"), keras.layers.Dense(1)])
model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss="mse")
x, y = np.ones((8, 3), "float32"), np.ones((8, 1), "float32")
board = keras.callbacks.TensorBoard(log_dir="logs")  # its summaries need TensorFlow: created, not run here
callbacks = [keras.callbacks.ModelCheckpoint("model.keras", save_freq=4)]
model.fit(x, y, epochs=1, batch_size=4, verbose=0, callbacks=callbacks)
print(float(model.optimizer.learning_rate))
for layer in model.layers:
    print(layer.name, layer.output.shape)
print(model.predict(x, verbose=0).shape)
stateful = keras.Sequential([keras.Input((5, 1), batch_size=2), keras.layers.LSTM(4, stateful=True)])
stateful.layers[0].reset_states()
embedding = keras.layers.Embedding(100, 8)
model.save("regressor.keras")  # a .keras archive keeps loss="mse" loadable
print(keras.models.load_model("regressor.keras").loss)
scaler = keras.Sequential([keras.Input((3,)), keras.layers.Lambda(lambda t: t / 2)])
scaler.save("scaler.keras")
print(keras.models.load_model("scaler.keras", safe_mode=False).predict(x, verbose=0).shape)
named = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])
named.compile(optimizer="sgd", loss="log_cosh", metrics=["kl_divergence", "log_cosh_error"])
print(sorted(named.fit(x, y, verbose=0).history))  # ['kl_divergence', 'log_cosh_error', 'loss']
scored = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1, activation="sigmoid")])
scored.compile(optimizer="sgd", loss="binary_crossentropy", metrics=["accuracy"])
best = keras.callbacks.ModelCheckpoint("w-{epoch:02d}-{val_accuracy:.2f}.keras")  # the placeholders as logged
scored.fit(x, np.ones((len(x), 1)), validation_split=0.5, verbose=0, callbacks=[best])
print(keras.layers.LeakyReLU(negative_slope=0.2).negative_slope, keras.layers.InputLayer(shape=(4,)).batch_shape)


class Counter(keras.callbacks.Callback):
    def on_train_begin(self, logs=None):
        print(self.params["epochs"], self.params["steps"], self.params["verbose"], sorted(self.params))


scored.fit(x, np.ones((len(x), 1)), epochs=1, verbose=0, callbacks=[Counter()])
