# kerascheck-case: --keras-target keras3
"""The TensorFlow 2 tutorials' datasets, downloaded and walked as the tutorials did."""
import os
import pathlib

import keras

dataset_url = "https://storage.googleapis.com/download.tensorflow.org/example_images/flower_photos.tgz"
data_dir = keras.utils.get_file("flower_photos", origin=dataset_url, untar=True)  # KER228:12
data_dir = pathlib.Path(data_dir)
roses = list(data_dir.glob("roses/*"))

_URL = "https://storage.googleapis.com/mledu-datasets/cats_and_dogs_filtered.zip"
path_to_zip = keras.utils.get_file("cats_and_dogs.zip", origin=_URL, extract=True)  # KER228:15
PATH = os.path.join(os.path.dirname(path_to_zip), "cats_and_dogs_filtered")
train_dir = os.path.join(PATH, "train")

csv_file = keras.utils.get_file("heart.csv", "https://storage.googleapis.com/download.tensorflow.org/data/heart.csv")
train = keras.utils.image_dataset_from_directory(train_dir, image_size=(160, 160), batch_size=32)
