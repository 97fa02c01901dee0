# kerascheck-case: --keras-target keras3
"""A Keras 2.2 Flask app (TensorFlow 1 session and default graph around every prediction), run on Keras 3 (TF 2.16+)."""
import numpy as np
import tensorflow as tf
from flask import Flask, jsonify, request
from keras import backend as K
from keras.models import load_model

app = Flask(__name__)
tf.logging.set_verbosity(tf.logging.ERROR)  # KER125:1 KER125:26
tf.set_random_seed(1234)  # KER125:1
config = tf.ConfigProto()  # KER125:10
config.gpu_options.allow_growth = True
session = tf.Session(config=config)  # KER125:11
K.set_session(session)  # KER111:3
model = load_model("model.h5")
graph = tf.get_default_graph()  # KER125:9


@app.route("/predict", methods=["POST"])
def predict():
    batch = np.asarray(request.get_json()["instances"], dtype="float32")
    with graph.as_default():
        scores = model.predict(batch)
    return jsonify(scores=scores.tolist())
