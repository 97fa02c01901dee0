# target: tf.keras
# expect: runs
"""TF 2.15 extracts beside the archive: the tutorial paths built on get_file's result name files (KER228 is Keras 3's)."""
import os
import tarfile
import zipfile
os.environ["KERAS_HOME"] = os.path.abspath("keras_home")
os.makedirs("src/flower_photos/roses")
open("src/flower_photos/roses/a.jpg", "w").close()
with tarfile.open("src/flower_photos.tgz", "w:gz") as archive:
    archive.add("src/flower_photos", arcname="flower_photos")
with zipfile.ZipFile("src/cats_and_dogs.zip", "w") as archive:
    archive.writestr("cats_and_dogs_filtered/train/cat.1.jpg", "")
ORIGIN = "file://" + os.path.abspath("src/flower_photos.tgz")
ZIP_ORIGIN = "file://" + os.path.abspath("src/cats_and_dogs.zip")
from tensorflow import keras
data_dir = keras.utils.get_file('flower_photos', origin=ORIGIN, untar=True)
assert os.listdir(os.path.join(data_dir, 'roses'))
path = keras.utils.get_file('cats_and_dogs.zip', origin=ZIP_ORIGIN, extract=True)
assert os.listdir(os.path.join(os.path.dirname(path), 'cats_and_dogs_filtered', 'train'))
