# kerascheck-case: --keras-target tf.keras
"""Package init of a 2019 model zoo (as efficientnet's __init__.py does it): the Keras 2.2 home of
get_custom_objects is read in `try: … except AttributeError:`, whose handler falls back to its public home."""

import keras


def swish(x):
    return x * keras.activations.sigmoid(x)


def init_keras_custom_objects():
    custom_objects = {"swish": swish}
    try:
        keras.utils.generic_utils.get_custom_objects().update(custom_objects)
    except AttributeError:
        keras.utils.get_custom_objects().update(custom_objects)


def register_legacy(name, function):
    keras.utils.generic_utils.get_custom_objects()[name] = function  # KER102:5
