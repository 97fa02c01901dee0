"""Parameters of the model methods that replace removed ones, per target: a call moves from
``fit_generator`` to ``fit`` only when ``fit`` accepts every keyword it passes.

Sources: keras 2.15.0 ``keras/src/engine/training.py`` (``Model.fit/evaluate/predict``, and
``fit_generator`` etc., which forward to them); keras 3.15.1 ``keras/src/trainers/trainer.py``
(``Trainer.fit/evaluate/predict``: no ``max_queue_size``, ``workers``, ``use_multiprocessing``).
"""

from __future__ import annotations

from typing import Dict, FrozenSet, Tuple

from kerascheck.catalog.model import Target

_TF_KERAS_FIT = (
    "x",
    "y",
    "batch_size",
    "epochs",
    "verbose",
    "callbacks",
    "validation_split",
    "validation_data",
    "shuffle",
    "class_weight",
    "sample_weight",
    "initial_epoch",
    "steps_per_epoch",
    "validation_steps",
    "validation_batch_size",
    "validation_freq",
    "max_queue_size",
    "workers",
    "use_multiprocessing",
)
_TF_KERAS_EVALUATE = (
    "x",
    "y",
    "batch_size",
    "verbose",
    "sample_weight",
    "steps",
    "callbacks",
    "max_queue_size",
    "workers",
    "use_multiprocessing",
    "return_dict",
)
_TF_KERAS_PREDICT = (
    "x",
    "batch_size",
    "verbose",
    "steps",
    "callbacks",
    "max_queue_size",
    "workers",
    "use_multiprocessing",
)
_RUNNER_ONLY = {"max_queue_size", "workers", "use_multiprocessing"}

METHOD_PARAMETERS: Dict[Tuple[Target, str], FrozenSet[str]] = {
    (Target.TF_KERAS, ".fit"): frozenset(_TF_KERAS_FIT),
    (Target.TF_KERAS, ".evaluate"): frozenset(_TF_KERAS_EVALUATE),
    (Target.TF_KERAS, ".predict"): frozenset(_TF_KERAS_PREDICT),
    (Target.KERAS3, ".fit"): frozenset(_TF_KERAS_FIT) - _RUNNER_ONLY,
    (Target.KERAS3, ".evaluate"): frozenset(_TF_KERAS_EVALUATE) - _RUNNER_ONLY,
    (Target.KERAS3, ".predict"): frozenset(_TF_KERAS_PREDICT) - _RUNNER_ONLY,
}

# The first parameter of the *_generator methods (keras 2.15.0 training.py) is `x` of the new method.
GENERATOR_PARAMETER = "generator"

# Layer.add_weight: tf.keras (keras 2.15.0 keras/src/engine/base_layer.py) takes
# (name, shape, dtype, initializer, regularizer, trainable, constraint, use_resource, synchronization,
# aggregation) positionally; Keras 3.15.1 (keras/src/layers/layer.py) takes at most
# (shape, initializer, dtype) positionally and raises "`name` must be passed as a keyword argument" when
# the first is a string. Keyword spellings Keras 3 also accepts are the ones a fix may write.
ADD_WEIGHT_TF_KERAS_ORDER = (
    "name", "shape", "dtype", "initializer", "regularizer", "trainable", "constraint", "use_resource",
    "synchronization", "aggregation",
)  # fmt: skip
# Keras 3's positional order, all of which tf.keras takes by keyword; on tf.keras (keras 2.15.0 base_layer.py) a
# tuple or list in first place is taken as the name: `TypeError: can only concatenate tuple (not "str") to tuple`
# (run on TF 2.15.1, with and without an initializer after it).
ADD_WEIGHT_KERAS3_ORDER = ("shape", "initializer", "dtype")
ADD_WEIGHT_KERAS3_KEYWORDS = frozenset(
    {"shape", "initializer", "dtype", "trainable", "autocast", "regularizer", "constraint", "aggregation",
     "overwrite_with_gradient", "name"}
)  # fmt: skip
