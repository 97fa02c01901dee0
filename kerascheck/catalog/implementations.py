"""Facts about the Keras implementations themselves (FIELD-NOTES sections B.1, B.3 and D)."""

from __future__ import annotations

from kerascheck.catalog.model import ModulePath, PathKind

# TensorFlow's own copy of Keras. From TF 2.6 tf.keras is backed by the `keras` pip package and this
# copy is stale: "will be removed in future releases" (keras 2.6.0 release notes); still shipped in
# tensorflow 2.15.1 (tensorflow/python/keras/__init__.py). Objects from it fail isinstance checks
# against tf.keras objects (tensorflow/tensorflow#50613).
TENSORFLOW_PYTHON_KERAS = ModulePath(
    old="tensorflow.python.keras",
    new="tensorflow.keras",
    kind=PathKind.PRIVATE,
    source="keras 2.6.0 release notes; tensorflow 2.15.1 tensorflow/python/keras/__init__.py",
)

# Names whose objects are plain Python or NumPy values (arrays, lists, strings, file paths) or that
# only act on such values: one Keras's `get_file` or `to_categorical` beside the other Keras mixes no
# Keras object, so it is no use of that Keras for KER401/KER404. Canonical names; an entry ending in
# "." covers a whole module. Sources: keras 2.15.0 keras/utils/data_utils.py (get_file returns a
# path), keras/utils/np_utils.py (to_categorical, normalize return NumPy arrays),
# keras/utils/generic_utils.py (Progbar prints), keras/datasets/*.py (load_data returns NumPy
# tuples), keras_preprocessing 1.1.2 sequence.py / text.py (lists and NumPy arrays; Tokenizer holds
# dicts), image/utils.py (load_img returns a PIL image; img_to_array, array_to_img, save_img).
VALUE_ONLY_NAMES = frozenset(
    {
        "datasets.",
        "preprocessing.text.",
        "preprocessing.sequence.pad_sequences",
        "preprocessing.sequence.skipgrams",
        "preprocessing.sequence.make_sampling_table",
        "preprocessing.image.load_img",
        "preprocessing.image.img_to_array",
        "preprocessing.image.array_to_img",
        "preprocessing.image.save_img",
        "utils.get_file",
        "utils.to_categorical",
        "utils.normalize",
        "utils.Progbar",
        "utils.set_random_seed",
        "utils.data_utils.get_file",
        "utils.np_utils.to_categorical",
        "utils.np_utils.normalize",
        "utils.generic_utils.Progbar",
    }
)
