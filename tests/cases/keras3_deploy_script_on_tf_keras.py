# kerascheck-case: --keras-target tf.keras
"""A deployment script written for Keras 3 (its model.save takes the SavedModel keywords with a `.keras` file),
run where TF 2.15's Keras saves `.keras` files in its native format."""
import os

from tensorflow import keras


def export(model, out_dir):
    keras.models.save_model(model, f"{out_dir}/serve.keras", save_traces=False)  # KER239:62
    model.save(os.path.join(out_dir, "saved_model"), save_format="tf", include_optimizer=False)


out_dir = "build"
model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.save(os.path.join(out_dir, "deploy.keras"), include_optimizer=False)  # KER239:51
model.save(os.path.join(out_dir, "deploy.h5"), include_optimizer=False)
export(model, out_dir)
