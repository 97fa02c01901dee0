# kerascheck-case: --keras-target keras3
"""A Keras 2 utility that rebuilds a functional model's graph from its config, moved to Keras 3."""
import keras


def parents(model):
    """Each layer's name, with the names of the layers that feed it."""
    graph = {}
    for layer in model.get_config()["layers"]:
        graph[layer["name"]] = [node[0][0] for node in layer["inbound_nodes"]]  # KER251:33
    return graph


def first_parent(model, index):
    return model.get_config()["layers"][index]["inbound_nodes"][0][0][0]  # KER251:12


def node_count(model):
    return sum(len(layer["inbound_nodes"]) for layer in model.get_config()["layers"])  # positions not read: fine


inputs = keras.Input((8,))
outputs = keras.layers.Dense(1)(keras.layers.Dense(4)(inputs))
print(node_count(keras.Model(inputs, outputs)))
