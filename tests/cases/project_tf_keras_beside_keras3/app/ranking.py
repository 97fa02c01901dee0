"""The ranking head, written for Keras 3 on top of the towers."""
import keras

from app.towers import tower


def ranking_model(users, items):
    user_ids = keras.Input(shape=(1,), dtype="int32")
    item_ids = keras.Input(shape=(1,), dtype="int32")
    score = keras.layers.Dot(axes=1)([tower(users)(user_ids), tower(items)(item_ids)])
    return keras.Model([user_ids, item_ids], keras.layers.Activation("sigmoid")(score))
