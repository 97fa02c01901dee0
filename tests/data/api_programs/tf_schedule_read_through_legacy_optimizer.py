# target: tf.keras
# expect: runs
from tensorflow import keras

schedule = keras.optimizers.schedules.ExponentialDecay(0.01, decay_steps=1000, decay_rate=0.9)
optimizer = keras.optimizers.legacy.Adam(learning_rate=schedule)  # hands the schedule back
print("decays every", optimizer.learning_rate.decay_steps, "steps")
