from tensorflow import keras
model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])
model.compile('adam', 'mse', metrics=['cosine'])
h = model.fit(x, y)
print(h.history['val_cosine_proximity'])
