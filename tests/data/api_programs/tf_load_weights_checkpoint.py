# target: tf.keras
# expect: runs
# says: restored
import numpy as np
import tensorflow as tf

# what KER234 says Keras 3 refuses: a TensorFlow checkpoint, and by_name= with a .weights.h5 file
model = tf.keras.Sequential([tf.keras.Input((3,)), tf.keras.layers.Dense(2, name="dense")])
model.save_weights("training/cp-0005.ckpt")
model.load_weights("training/cp-0005.ckpt")
model.load_weights(tf.train.latest_checkpoint("training"))
model.save_weights("best.weights.h5")
model.load_weights("best.weights.h5", by_name=True)
print("restored", model.predict(np.ones((1, 3)), verbose=0).shape)
