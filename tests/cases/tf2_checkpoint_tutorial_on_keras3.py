# kerascheck-case: --keras-target keras3
"""The TF 2 "save and load" tutorial's checkpoints, moved to Keras 3 (TensorFlow 2.16+)."""
import os

import numpy as np
import tensorflow as tf
from tensorflow import keras


def create_model():
    model = keras.Sequential(
        [keras.Input((784,)), keras.layers.Dense(512, activation="relu"), keras.layers.Dense(10)]
    )
    model.compile(
        optimizer="adam",
        loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
        metrics=["sparse_categorical_accuracy"],
    )
    return model


checkpoint_dir = "training_2"
checkpoint_path = os.path.join(checkpoint_dir, "cp-{epoch:04d}.ckpt")
train_images, train_labels = np.random.rand(64, 784), np.random.randint(0, 10, 64)

model = create_model()
cp_callback = keras.callbacks.ModelCheckpoint(filepath=checkpoint_path, save_weights_only=True, verbose=1)  # KER208:56
model.fit(train_images, train_labels, epochs=5, callbacks=[cp_callback], verbose=0)

latest = tf.train.latest_checkpoint(checkpoint_dir)
model = create_model()
model.load_weights(latest)  # KER234:20

model.save_weights("./checkpoints/my_checkpoint")  # KER208:20
restored = create_model()
restored.load_weights("./checkpoints/my_checkpoint")  # KER234:23
restored.load_weights("pretrained.weights.h5", by_name=True)  # KER234:48
restored.load_weights("./checkpoints/my_checkpoint").expect_partial()  # KER245:1 KER234:23
status = restored.load_weights("best.weights.h5").assert_existing_objects_matched()  # KER245:10
