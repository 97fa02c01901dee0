# kerascheck-case: --keras-target keras3
"""A Keras 2.2 training script with its own progress callback and best-model checkpoints, run on Keras 3."""
import numpy as np
from keras.callbacks import Callback, ModelCheckpoint
from keras.layers import Dense, Dropout, LeakyReLU
from keras.models import Sequential


class EpochPrinter(Callback):
    """Prints one line per epoch with every metric Keras reports."""

    def on_train_begin(self, logs=None):
        self.metric_names = self.params["metrics"]  # KER227:29
        self.seen = 0
        self.total = self.params["samples"] * self.params["epochs"]  # KER227:22

    def on_epoch_end(self, epoch, logs=None):
        logs = logs or {}
        values = ", ".join("%s=%.4f" % (name, logs.get(name, float("nan"))) for name in self.metric_names)
        print("epoch %d: %s" % (epoch + 1, values))


def build(input_dim):
    model = Sequential()
    model.add(Dense(64, input_dim=input_dim))
    model.add(LeakyReLU(alpha=0.1))  # KER231:25
    model.add(Dropout(0.3))
    model.add(Dense(1, activation="sigmoid"))
    model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
    return model


if __name__ == "__main__":
    x = np.random.rand(200, 8)
    y = np.random.randint(0, 2, (200, 1))
    model = build(8)
    checkpoint = ModelCheckpoint(
        "weights-{epoch:02d}-{val_acc:.3f}.h5", monitor="val_loss", save_best_only=True, mode="min"  # KER222:9
    )
    model.fit(x, y, validation_split=0.2, epochs=20, batch_size=16, callbacks=[checkpoint, EpochPrinter()])
