# kerascheck-case: --keras-target keras3
"""A Keras 2 model-inspection helper (reads the input width from the saved architecture), moved to Keras 3."""
import json

from keras.layers import Dense, Input
from keras.models import Sequential, load_model


def build(width):
    model = Sequential([Input((width,)), Dense(8, activation="relu"), Dense(1)])
    model.compile(optimizer="adam", loss="mse")
    return model


def input_width(path):
    model = load_model(path)
    config = model.get_config()
    return config["layers"][0]["config"]["batch_input_shape"][1]  # KER235:12


def describe(path):
    model = load_model(path)
    summary = []
    for layer in json.loads(model.to_json())["config"]["layers"]:
        settings = layer.get("config")
        if layer["class_name"] == "InputLayer":
            summary.append(("input", settings["batch_input_shape"]))  # KER235:38
        else:
            summary.append((layer["class_name"], settings.get("units")))
    return summary


def first_shape(model_path):
    net = load_model(model_path)
    return net.layers[0].get_config()["batch_input_shape"]  # KER235:12


if __name__ == "__main__":
    build(4).save("model.keras")
    print(input_width("model.keras"), describe("model.keras"))
