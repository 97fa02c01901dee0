# kerascheck-case: --keras-target tf.keras
"""A current tf.keras image classifier (TensorFlow 2.15): nothing to report, though many names resemble
Keras 1 ones."""
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers


def merge(first, second, mode="concat"):
    """The project's own helper, not Keras 1's merge."""
    return {"concat": np.concatenate, "sum": np.add}[mode]((first, second))


class Augment(layers.Layer):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.flip = layers.RandomFlip("horizontal")
        self.dropout = layers.Dropout(0.1)

    def call(self, inputs, training=None):
        return self.dropout(self.flip(inputs, training=training), training=training)

    def compute_output_shape(self, input_shape):
        return input_shape


inputs = keras.Input(shape=(32, 32, 3))
x = Augment()(inputs)
x = layers.Conv2D(32, (3, 3), strides=(1, 1), padding="same", kernel_initializer="he_normal")(x)
x = layers.BatchNormalization()(x)
x = layers.Activation("relu")(x)
x = layers.MaxPooling2D(pool_size=(2, 2), data_format="channels_last")(x)
x = layers.Flatten()(x)
x = layers.Dense(units=128, activation="relu", kernel_regularizer=keras.regularizers.l2(1e-4))(x)
outputs = layers.Dense(10, activation="softmax", name="predictions")(x)
model = keras.Model(inputs=inputs, outputs=outputs)
model.compile(
    optimizer=keras.optimizers.Adam(learning_rate=1e-3),
    loss="sparse_categorical_crossentropy",
    metrics=["accuracy"],
)
callbacks = [
    keras.callbacks.ModelCheckpoint("best.h5", monitor="val_accuracy", save_best_only=True),
    keras.callbacks.EarlyStopping(monitor="val_loss", patience=3),
    keras.callbacks.ReduceLROnPlateau(monitor="val_loss", factor=0.5, min_delta=1e-4),
]
x_train = np.random.rand(64, 32, 32, 3).astype("float32")
y_train = np.random.randint(0, 10, 64)
history = model.fit(x_train, y_train, validation_split=0.25, epochs=1, batch_size=16, callbacks=callbacks)
print(history.history["accuracy"], history.history["val_accuracy"])
print(tf.reduce_mean(model(x_train[:4], training=False)))
print(merge([1], [2], mode="concat"))
settings = "border_mode='same', nb_epoch=10"
model.save("classifier.h5")
restored = keras.models.load_model("classifier.h5")
