# kerascheck-case: --keras-target keras3
"""An ensemble of one saved model loaded three times (the TF 2.x recipe): each copy and its layers are renamed
through `_name`, which tf.keras's read-only `name` property reads and Keras 3 never does."""
import keras


def load_member(path, index):
    member = keras.models.load_model(path)
    member._name = f"member_{index}"  # KER120:5
    for layer in member.layers:
        layer._name = f"{layer.name}_{index}"  # KER120:9
    return member


def ensemble(path, input_shape, n_members=3):
    members = [load_member(path, index) for index in range(n_members)]
    inputs = keras.Input(input_shape)
    outputs = keras.layers.Average()([member(inputs) for member in members])
    return keras.Model(inputs, outputs)


def pair(path_a, path_b, input_shape):
    first, second = keras.models.load_model(path_a), keras.models.load_model(path_b)
    second._name = "second"  # KER120:5
    inputs = keras.Input(input_shape)
    return keras.Model(inputs, keras.layers.Average()([first(inputs), second(inputs)]))
