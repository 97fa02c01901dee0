# target: tf.keras
# expect: raises
from tensorflow import keras


class LogSchedule(keras.callbacks.Callback):
    def on_train_begin(self, logs=None):
        print("initial rate", self.model.optimizer.lr.initial_learning_rate)  # breaks


model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1)])
schedule = keras.optimizers.schedules.PolynomialDecay(0.01, decay_steps=100)
model.compile(optimizer=keras.optimizers.SGD(schedule), loss="mse")
model.fit([[0.0, 1.0]], [[1.0]], epochs=1, verbose=0, callbacks=[LogSchedule()])
