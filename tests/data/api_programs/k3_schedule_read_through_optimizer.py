# target: keras3
# expect: raises
import keras

schedule = keras.optimizers.schedules.ExponentialDecay(0.01, decay_steps=1000, decay_rate=0.9)
optimizer = keras.optimizers.Adam(learning_rate=schedule)
print("decays every", optimizer.learning_rate.decay_steps, "steps")  # breaks
