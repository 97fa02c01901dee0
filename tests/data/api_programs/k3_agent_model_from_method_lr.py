# target: keras3
# expect: raises
# says: 'Adam' object has no attribute 'lr'
import keras


class DQNAgent:
    def __init__(self):
        self.model = self._build_model()

    def _build_model(self):
        model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(2)])
        model.compile(loss="mse", optimizer=keras.optimizers.Adam(learning_rate=0.001))
        return model

    def decay(self):
        return float(self.model.optimizer.lr) * 0.99  # breaks


DQNAgent().decay()
