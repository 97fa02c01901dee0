"""Facts about the Keras implementations themselves (FIELD-NOTES sections B.1, B.3 and D)."""

from __future__ import annotations

from typing import Tuple

from kerascheck.catalog.model import BOTH, ONLY_TF_KERAS, ModulePath, PathKind, Target
from kerascheck.names import KERAS, TF_KERAS, TF_KERAS_PACKAGE, TF_PYTHON_KERAS
from kerascheck.record import Record

# TensorFlow's own copy of Keras. From TF 2.6 tf.keras is backed by the `keras` pip package and this
# copy is stale: "will be removed in future releases" (keras 2.6.0 release notes); still shipped in
# tensorflow 2.15.1 (tensorflow/python/keras/__init__.py). Objects from it fail isinstance checks
# against tf.keras objects (tensorflow/tensorflow#50613).
TENSORFLOW_WITH_KERAS_PACKAGE = "2.6"  # the first TensorFlow whose tf.keras is the keras package
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
        # plain NumPy slicing and float/str settings (corpus triage, session 21: elephas's `slice_arrays` and
        # keras-bert's `backend_config.epsilon()` from tensorflow.python.keras run on TF 2.15.1 and 2.21)
        "utils.slice_arrays",
        "utils.generic_utils.slice_arrays",
        "backend_config.",  # its getters; a setter (`set_floatx`) sets the copy's own value only (catalog/__init__.py)
    }
)

# When two of the implementations are one Keras, by version (target tf.keras). Read from the wheels:
# keras 2.4.0 keras/__init__.py imports tensorflow.keras (a wrapper); tensorflow 2.5.0 keeps tf.keras in
# tensorflow/python/keras and requires keras-nightly ~=2.5.0.dev, a separate `keras`; tensorflow 2.6.0
# tensorflow/__init__.py loads tf.keras from keras.api._v2.keras (the keras package), keeping
# tensorflow/python/keras as a stale copy, still shipped in 2.15.1 and 2.16.1. Run on TF 2.15.1: a
# keras.layers.Dense trains in a tf.keras.Sequential; a tensorflow.python.keras Dense is no
# tf.keras Layer, fails in the functional API, and its optimizer "Could not interpret optimizer identifier".
STANDALONE_KERAS_VERSIONS = (
    "standalone `keras` and tf.keras are one Keras with keras 2.4, or with TF 2.6–2.15 and its keras 2.x, "
    "and two whose objects do not mix with keras <= 2.3, TF 2.5 (keras-nightly) or Keras 3"
)
# Run on TF 2.15.1 (probe 11 FP-2): tf.keras's compile raises ValueError ("Could not interpret optimizer
# identifier") for its optimizers; its Dense and Flatten raise when called on a tf.keras tensor (Conv2D, Dropout,
# Embedding do not); a tf.keras Sequential wraps its layers and trains them.
TF_PYTHON_KERAS_VERSIONS = (
    "`tensorflow.python.keras` is tf.keras itself on TF <= 2.5; on TF 2.6+ it is a stale copy: tf.keras's "
    "`compile` rejects its optimizers, and some of its layers (`Dense`, `Flatten`) raise on tf.keras tensors"
)
# Target keras3: TF >= 2.16 still ships the stale copy, and its tf.keras is Keras 3, whose checks refuse any object
# not its own class (keras 3.15.1 models/sequential.py `add`, optimizers/__init__.py `get`: the quoted errors).
KERAS3_SEQUENTIAL_ERROR = "Only instances of `keras.Layer` can be added to a Sequential model"
KERAS3_OPTIMIZER_ERROR = "Could not interpret optimizer identifier"
TF_PYTHON_KERAS_ON_KERAS3 = (
    "`tensorflow.python.keras` is a stale Keras 2 copy on TF 2.6+, and on TF 2.16+ tf.keras is Keras 3: its "
    f"`Sequential` refuses the copy's layers (\"{KERAS3_SEQUENTIAL_ERROR}\") and its `compile` the copy's optimizers "
    f'("{KERAS3_OPTIMIZER_ERROR}")'
)

# Legacy module paths the target still has, as aliases of the public modules: a finding there is a
# deprecation that still runs, not a break. keras 2.15.0 keras/api/_v2/keras/layers/experimental/
# preprocessing and optimizers/experimental; run on TF 2.15.1: tf.keras.layers.experimental.preprocessing.
# Rescaling is tf.keras.layers.Rescaling, tf.keras.optimizers.experimental.Adam is tf.keras.optimizers.Adam.
STILL_IMPORTABLE_MODULE_PATHS = {
    Target.TF_KERAS: frozenset({"layers.experimental.preprocessing", "optimizers.experimental"}),
    Target.KERAS3: frozenset(),
}

# Legacy module paths the target keeps as stubs: the import works, each class in it raises when created.
# keras 3.15.1 keras/optimizers/legacy/__init__.py binds Adagrad, Adam, Ftrl, Optimizer, RMSprop and SGD to
# LegacyOptimizerWarning, whose __init__ raises ImportError (keras/src/optimizers/__init__.py:121-129); run
# on Keras 3.15.1: `from keras.optimizers.legacy import Adam` works, `Adam(learning_rate=0.1)` raises
# "ImportError: `keras.optimizers.legacy` is not supported in Keras 3".
STUB_MODULE_PATHS = {
    # keras 2.15.0 keras/src/saving/legacy/model_config.py model_from_yaml raises RuntimeError ("has been removed
    # due to security risk of arbitrary code execution"); run on TF 2.15.1: the import works, the call raises
    # keras 2.15.0 keras/src/backend.py gradients calls tf.compat.v1.gradients, which raises RuntimeError in eager
    # mode ("tf.gradients is not supported when eager execution is enabled. Use tf.GradientTape instead."; run
    # on TF 2.15.1, held-out probe 7); a module that disables eager execution may call it (EAGER_ONLY_STUBS)
    # keras 2.15.0 keras/src/callbacks.py:977 BaseLogger.on_epoch_end reads `self.params["metrics"]`, which
    # tf.keras's fit never sets (run on TF 2.15.1, held-out probe 11: `fit(…, callbacks=[BaseLogger()])` raises
    # KeyError: 'metrics' at the end of the first epoch); creating one works, and nothing but fit runs it
    Target.TF_KERAS: {
        "models": frozenset({"model_from_yaml"}),
        "backend": frozenset({"gradients"}),
        "callbacks": frozenset({"BaseLogger"}),
    },
    Target.KERAS3: {
        "optimizers.legacy": frozenset({"Adagrad", "Adam", "Ftrl", "Optimizer", "RMSprop", "SGD"}),
    },
}
STUB_STATE = "importable, but each optimizer in it raises ImportError when created"
STUB_NAME_STATE = "raises ImportError when created"
# What a stub does where it is not a Keras 3 legacy optimizer, by target and canonical name.
STUB_NAME_STATES = {
    (Target.TF_KERAS, "models.model_from_yaml"): "raises RuntimeError when called (removed for security in TF 2.6)",
    (Target.TF_KERAS, "callbacks.BaseLogger"): (
        "makes `fit` raise `KeyError: 'metrics'` at the end of the first epoch (it reads `params['metrics']`, "
        "which tf.keras's `fit` does not set)"
    ),
    (Target.TF_KERAS, "backend.gradients"): (
        "raises RuntimeError when called in eager mode, TF 2's default (`tf.gradients is not supported when eager "
        "execution is enabled`)"
    ),
}
# Stubs that work in a module that turns eager execution off (rules/base.py graph_mode): not reported there.
EAGER_ONLY_STUBS = frozenset({(Target.TF_KERAS, "backend.gradients")})
# Stubs that fail only in tf.keras's fit: reported where the module passes one to `fit(callbacks=…)` (directly or
# through a list it names there), never as a base class or in isinstance(), nor in a training loop of the
# module's own (Keras 2.2.4 engine/training_arrays.py sets `params['metrics']` itself).
FIT_CALLBACK_STUBS = frozenset({(Target.TF_KERAS, "callbacks.BaseLogger")})


def stub_name(target: Target, canonical: str) -> bool:
    """Whether the canonical name (``optimizers.legacy.Adam``) is a stub on ``target``: it imports, and
    creating it raises."""
    module, _, name = canonical.rpartition(".")
    return name in STUB_MODULE_PATHS[target].get(module, ())


class NonMixingPair(Record):
    """Two Keras implementations whose objects do not mix on ``targets`` (layers, models, tensors and
    optimizers of one are not instances of the other's classes). ``first`` is the one the pair is
    reported under: KER401 for standalone ``keras``, KER402 ``tf_keras``, KER403 ``tensorflow.python.keras``."""

    first: str
    second: str
    targets: frozenset
    source: str


# FIELD-NOTES section D. Standalone keras and tf.keras are two Keras only on target tf.keras (with keras <= 2.3,
# TF 2.5 or Keras 3 beside TF <= 2.15; STANDALONE_KERAS_VERSIONS says when they are one); on target keras3 both
# are Keras 3 (TensorFlow >= 2.16 serves Keras 3 as tf.keras: tensorflow 2.16.1 metadata keras >=3.0.0).
NON_MIXING_PAIRS: Tuple[NonMixingPair, ...] = (
    NonMixingPair(
        KERAS,
        TF_KERAS,
        ONLY_TF_KERAS,
        "keras 2.4.0 keras/__init__.py (a wrapper of tf.keras); tensorflow 2.5.0 (tf.keras in tensorflow/python/keras, "
        "keras-nightly beside it); tensorflow 2.6.0 tensorflow/__init__.py (tf.keras from keras.api._v2.keras)",
    ),
    # tf_keras is its own copy of Keras 2 (tf_keras 2.15.1 tf_keras/src, no import of keras): a Keras 3
    # Sequential refuses its layers ("Only instances of `keras.Layer` can be added"), and it is not the keras
    # 2.x behind tf.keras on TF <= 2.15 either.
    NonMixingPair(
        TF_KERAS_PACKAGE, KERAS, BOTH, "tf_keras 2.15.1 tf_keras/src; keras 3.15.1 keras/src/models/sequential.py"
    ),
    NonMixingPair(TF_KERAS_PACKAGE, TF_KERAS, BOTH, "tf_keras 2.15.1 tf_keras/src; keras 2.15.0 keras/src"),
    # tensorflow.python.keras is a stale private copy from TF 2.6 (TENSORFLOW_PYTHON_KERAS above): run on
    # TF 2.15.1, its layers fail tf.keras's isinstance checks and functional API, and its optimizers `compile`.
    NonMixingPair(
        TF_PYTHON_KERAS, KERAS, BOTH, "tensorflow 2.15.1 tensorflow/python/keras; tensorflow/tensorflow#50613"
    ),
    NonMixingPair(
        TF_PYTHON_KERAS, TF_KERAS, BOTH, "tensorflow 2.15.1 tensorflow/python/keras; tensorflow/tensorflow#50613"
    ),
    NonMixingPair(
        TF_PYTHON_KERAS, TF_KERAS_PACKAGE, BOTH, "tensorflow 2.15.1 tensorflow/python/keras; tf_keras 2.15.1"
    ),
)
