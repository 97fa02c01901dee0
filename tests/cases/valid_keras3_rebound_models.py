# kerascheck-case: --keras-target keras3
"""A notebook exported as a script (Hands-On ML, chapter 12): `model` is bound to one model after another. Each
.h5 file is read back with the loss its own model was compiled with; the 'mse' compiles come after the save or
belong to a later model, and Keras 3 reads every file: nothing to report."""
import keras
import numpy as np

x = np.random.rand(64, 8).astype("float32")
y = x.sum(axis=1, keepdims=True)


def huber_fn(y_true, y_pred):
    error = y_true - y_pred
    is_small_error = keras.ops.abs(error) < 1
    return keras.ops.where(is_small_error, keras.ops.square(error) / 2, keras.ops.abs(error) - 0.5)


model = keras.Sequential([keras.Input((8,)), keras.layers.Dense(30, activation="selu"), keras.layers.Dense(1)])
model.compile(loss=huber_fn, optimizer="nadam", metrics=["mae"])
model.fit(x, y, epochs=1, verbose=0)
model.save("my_model_with_a_custom_loss.h5")
model.compile(loss="mse", optimizer=keras.optimizers.SGD(learning_rate=1e-4))  # fine-tuned after the save
model.fit(x, y, epochs=1, verbose=0)
model = keras.models.load_model("my_model_with_a_custom_loss.h5", custom_objects={"huber_fn": huber_fn})
print(model.evaluate(x, y, verbose=0))

model = keras.Sequential([keras.Input((8,)), keras.layers.Dense(30, activation="selu"), keras.layers.Dense(1)])
model.compile(loss=keras.losses.Huber(2.0), optimizer="nadam")
model.fit(x, y, epochs=1, verbose=0)
model.save("my_model_with_a_huber_loss.h5")
model = keras.models.load_model("my_model_with_a_huber_loss.h5")
print(model.predict(x[:2], verbose=0).shape)

model = keras.Sequential([keras.Input((8,)), keras.layers.Dense(30, activation="selu"), keras.layers.Dense(1)])
model.compile(loss="mse", optimizer="nadam")
model.fit(x, y, epochs=1, verbose=0)
model.save("my_regressor.keras")
