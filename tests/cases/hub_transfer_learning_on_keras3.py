# kerascheck-case: --keras-target keras3
"""Transfer learning with a TensorFlow Hub module, written for TF 2.12 and run after upgrading to TF 2.16."""
import keras
import tensorflow as tf
import tensorflow_hub as hub
import tf_keras  # KER402:1

IMAGE_SIZE = (224, 224)
HANDLE = "https://tfhub.dev/google/imagenet/mobilenet_v2_100_224/feature_vector/5"

model = keras.Sequential(
    [
        keras.layers.InputLayer(input_shape=IMAGE_SIZE + (3,)),  # KER231:33
        hub.KerasLayer(HANDLE, trainable=False),  # KER405:9
        keras.layers.Dropout(rate=0.2),
        keras.layers.Dense(5, kernel_regularizer=keras.regularizers.l2(0.0001)),
    ]
)
head = keras.Sequential()
head.add(tf_keras.layers.Dense(16, activation="relu"))  # KER405:10
head.add(
    hub.KerasLayer(  # KER405:5
        HANDLE,
        trainable=True,
        arguments=dict(batch_norm_momentum=0.997),
    )
)
model.compile(
    optimizer=tf_keras.optimizers.SGD(learning_rate=0.005, momentum=0.9),
    loss=keras.losses.CategoricalCrossentropy(from_logits=True, label_smoothing=0.1, reduction="auto"),  # KER213:96
    metrics=["accuracy"],
)
model.build((None,) + IMAGE_SIZE + (3,))
model.summary()

regressor = keras.Sequential([keras.Input((8,)), keras.layers.Dense(1)])
regressor.compile(optimizer="adam", loss="MAE", metrics=["mse"])
keras.saving.save_model(regressor, "regressor.h5")
best = keras.models.load_model("regressor.h5")  # KER224:8
features, targets = tf.random.normal((16, 8)), tf.random.normal((16, 1))
for name, value in zip(regressor.metrics_names, regressor.evaluate(features, targets)):  # KER121:24
    print(name, value)
