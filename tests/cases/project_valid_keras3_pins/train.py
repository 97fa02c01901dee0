"""Keras 3 on TensorFlow 2.16."""
import keras

model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(1)])
model.compile(optimizer="sgd", loss="mse")
model.save("model.keras")
