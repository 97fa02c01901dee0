# kerascheck-case: --keras-target keras3
"""A Keras 3 model with a custom layer, a custom training step and Keras 3 saving: nothing to report."""
import keras
import numpy as np
from keras import layers, ops


class RMSNorm(layers.Layer):
    def __init__(self, epsilon=1e-6, **kwargs):
        super().__init__(**kwargs)
        self.epsilon = epsilon

    def build(self, input_shape):
        self.scale = self.add_weight(name="scale", shape=(input_shape[-1],), initializer="ones")
        self.steps = keras.Variable(0, trainable=False, dtype="int32", name="steps")

    def call(self, inputs):
        self.steps.assign_add(1)
        variance = ops.mean(ops.square(inputs), axis=-1, keepdims=True)
        return inputs * ops.rsqrt(variance + self.epsilon) * self.scale


class Block(layers.Layer):
    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.dense = layers.Dense(units, name="block_dense")
        self.norm = RMSNorm()
        self.dropout = layers.Dropout(0.1)

    def call(self, inputs, training=None):
        return self.dropout(self.norm(self.dense(inputs)), training=training)


class Regressor(keras.Model):
    def __init__(self):
        super().__init__()
        self.block = Block(32)
        self.out = layers.Dense(1)

    def call(self, inputs, training=None):
        return self.out(self.block(inputs, training=training))


model = Regressor()
model.compile(optimizer=keras.optimizers.AdamW(learning_rate=1e-3, weight_decay=1e-4), loss="mse", metrics=["mae"])
x = np.random.rand(64, 8).astype("float32")
history = model.fit(
    x,
    x.sum(axis=1),
    epochs=1,
    validation_split=0.25,
    callbacks=[
        keras.callbacks.ModelCheckpoint("best.keras", monitor="val_loss", save_best_only=True),
        keras.callbacks.EarlyStopping(monitor="val_mae", patience=2),
    ],
)
print(history.history["mae"][-1])
model.save("regressor.keras")
model.save_weights("regressor.weights.h5")
restored = keras.models.load_model("regressor.keras", custom_objects={"Regressor": Regressor})
