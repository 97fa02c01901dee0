# target: keras3
# expect: raises
# says: File format not supported
import keras


def build_model():
    return keras.Sequential([keras.Input((3,)), keras.layers.Dense(2)])


checkpoint_path = "training_1/cp.ckpt"  # the TF 2 tutorial's checkpoint
restored = build_model()
restored.load_weights(checkpoint_path)  # breaks
