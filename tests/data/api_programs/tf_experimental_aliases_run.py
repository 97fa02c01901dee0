# target: tf.keras
# expect: runs
# says: aliases: True True
import warnings

warnings.simplefilter("error")  # TF 2.15.1 imports both aliases with no warning
import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402
from tensorflow.keras.layers.experimental import preprocessing  # noqa: E402

normalizer = preprocessing.Normalization()
normalizer.adapt(np.random.rand(8, 3).astype("float32"))
optimizer = tf.keras.optimizers.experimental.AdamW(learning_rate=1e-3, weight_decay=1e-4)
model = tf.keras.Sequential([normalizer, tf.keras.layers.Dense(1)])
model.compile(optimizer=optimizer, loss="mse")
model.fit(np.random.rand(8, 3), np.random.rand(8, 1), verbose=0)
print("aliases:", preprocessing.Rescaling is tf.keras.layers.Rescaling, type(optimizer) is tf.keras.optimizers.AdamW)
