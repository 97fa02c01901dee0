# target: keras3
# expect: runs
# says: member0_dense
import keras

member = keras.Sequential([keras.Input((4,)), keras.layers.Dense(3)])
for layer in member.layers:
    layer.name = "member0_" + layer.name
print(member.layers[0].name)
