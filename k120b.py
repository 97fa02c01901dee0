import keras
class L(keras.layers.Layer):
    def build(self, shape):
        self.w = self.add_weight(shape=(1,))
        self.trainable_weights += [self.w]
    def call(self, x):
        print(len(self.trainable_weights))
        return x
layer = keras.layers.Dense(2)
layer.trainable_weights = []
layer.non_trainable_weights.append(1)
