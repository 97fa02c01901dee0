# kerascheck-case: --keras-target keras3
"""A Keras 2.3 training script with callbacks and a history plot, run on Keras 3."""
import matplotlib.pyplot as plt
import numpy as np
from keras.callbacks import EarlyStopping, ModelCheckpoint, ReduceLROnPlateau
from keras.layers import Dense, Dropout
from keras.models import Sequential, load_model
from keras.optimizers import Adam

x = np.random.rand(512, 20).astype("float32")
y = (x.sum(axis=1) > 10).astype("float32")

model = Sequential()
model.add(Dense(64, activation="relu", input_dim=20))
model.add(Dropout(0.5))
model.add(Dense(1, activation="sigmoid"))
model.compile(
    loss="binary_crossentropy",
    optimizer=Adam(
        lr=1e-3,  # KER205:9
        decay=1e-5,  # KER206:9
        epsilon=None,  # KER209:9
    ),
    metrics=["accuracy"],
)

callbacks = [
    EarlyStopping(monitor="val_acc", patience=5),  # KER222:27
    ModelCheckpoint(
        "checkpoints/best_model",  # KER208:9
        monitor="val_acc",  # KER222:17
        save_best_only=True,
    ),
    ReduceLROnPlateau(monitor="val_loss", factor=0.5, patience=2, epsilon=1e-4),  # KER201:67
]
history = model.fit(x, y, validation_split=0.2, epochs=20, callbacks=callbacks, workers=4, use_multiprocessing=True)  # KER230:81 KER230:92

plt.plot(history.history["acc"])  # KER222:26
plt.plot(history.history["val_acc"])  # KER222:26
plt.savefig("accuracy.png")
plt.plot(history.history["lr"])  # KER226:26
scores = model.evaluate(x, y, verbose=0)
print("test accuracy:", scores[model.metrics_names.index("acc")])  # KER121:32

best = load_model("checkpoints/best_model")  # KER220:19
print(best.predict_classes(x[:5]))  # KER112:12
print(best.optimizer.lr)  # KER120:7
model.save_weights("final_weights.h5", save_format="h5")  # KER208:20 KER208:40
