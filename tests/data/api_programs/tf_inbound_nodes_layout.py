# target: tf.keras
# expect: runs
# tf.keras writes each inbound node as [[layer_name, node_index, tensor_index, kwargs]] (KER251: Keras 3 writes dicts).
import tensorflow as tf

x = tf.keras.Input((3,), name="features")
model = tf.keras.Model(x, tf.keras.layers.Dense(2)(x))
config = model.get_config()
assert config["layers"][1]["inbound_nodes"][0][0][0] == "features"
for layer in config["layers"]:
    for node in layer["inbound_nodes"]:
        assert node[0][0] == "features"
