"""Saving and loading on Keras 3: the file names each call accepts, and what it does with the others.

Sources: keras 3.15.1 ``keras/src/saving/saving_api.py`` (``save_model``, ``load_model``, ``save_weights``),
``keras/src/models/model.py`` (``Model.save`` / ``save_weights`` forward there; ``save_weights`` has no
``save_format``), ``keras/src/callbacks/model_checkpoint.py`` (``ModelCheckpoint.__init__``). Each claim
is run on the installed Keras 3 by tests/test_keras3_breaks.py.
"""

from __future__ import annotations

from typing import Dict, FrozenSet, Tuple

from kerascheck.catalog.model import Target
from kerascheck.catalog.releases import KERAS3_CHECKED
from kerascheck.record import Record

KERAS3_VERSION = KERAS3_CHECKED

# model.save / save_model: ".keras" or ".h5"/".hdf5", else "Invalid filepath extension for saving"
# (unless zipped=False, or an hf:// path).
MODEL_SUFFIXES = (".keras", ".h5", ".hdf5")
# save_weights: ".weights.h5" (with max_shard_size=: "weights.h5" or "weights.json").
WEIGHTS_SUFFIXES = (".weights.h5",)
SHARDED_WEIGHTS_SUFFIXES = ("weights.h5", "weights.json")
# ModelCheckpoint: ".keras" or ".h5" (not ".hdf5"); with save_weights_only=True, ".weights.h5".
CHECKPOINT_SUFFIXES = (".keras", ".h5")
# load_model: a ".keras" zip or ".h5"/".hdf5" file; anything else (a SavedModel directory) is
# "File format not supported", unless it is a Keras or Orbax directory or an hf:// path.
LOADABLE_SUFFIXES = (".keras", ".h5", ".hdf5")
HUB_PREFIX = "hf://"
# Model.load_weights on Keras 3 (keras 3.15.1 keras/src/saving/saving_api.py load_weights): `.keras`, `.weights.h5`,
# `.weights.json`, `.h5`/`.hdf5` (`.weights.h5` ends in `.h5`), or an Orbax checkpoint directory; anything else (a
# TensorFlow checkpoint prefix, `tf.train.latest_checkpoint(…)`) raises; `by_name=` (any value) raises but for a
# legacy `.h5`/`.hdf5` file (KER234's programs, run on Keras 3.15.1; TF 2.15.1 loads them all)
LOAD_WEIGHTS_SUFFIXES = (".keras", ".weights.json", ".h5", ".hdf5")
LOAD_WEIGHTS_FORMAT_ERROR = "ValueError: File format not supported"
BY_NAME_SUFFIXES = (".keras", ".weights.h5", ".weights.json")
BY_NAME_ERROR = "ValueError: `by_name` only supports loading legacy '.h5' or '.hdf5' files"
LATEST_CHECKPOINT = "tensorflow.train.latest_checkpoint"


class SavingCall(Record):
    path_argument: int  # the position of the path among the positional arguments
    path_keyword: str
    accepted: Tuple[str, ...]
    error: str  # what Keras 3 raises, as it says it


SAVE_FORMAT_KEYWORD = "save_format"
# save_format= with a path of an accepted suffix only logs a warning; otherwise it raises.
SAVE_FORMAT_OWNERS = frozenset({".save", "models.save_model", "saving.save_model"})
# What tf.keras's load_weights of a TensorFlow checkpoint returns (a CheckpointLoadStatus) answers to; Keras 3.15.1
# keras/src/saving/saving_api.py load_weights returns None (run: AttributeError 'NoneType' … 'expect_partial').
RESTORE_STATUS_METHODS = frozenset(
    {"expect_partial", "assert_consumed", "assert_existing_objects_matched", "assert_nontrivial_match"}
)
# the values tf.keras takes for a SavedModel (keras 2.15.0 saving_api.get_save_format)
SAVED_MODEL_FORMATS = frozenset({"tf", "tensorflow"})

SAVING_CALLS: Dict[str, SavingCall] = {
    ".save": SavingCall(0, "filepath", MODEL_SUFFIXES, "ValueError: Invalid filepath extension for saving"),
    "models.save_model": SavingCall(1, "filepath", MODEL_SUFFIXES, "ValueError: Invalid filepath extension for saving"),
    "saving.save_model": SavingCall(1, "filepath", MODEL_SUFFIXES, "ValueError: Invalid filepath extension for saving"),
    ".save_weights": SavingCall(0, "filepath", WEIGHTS_SUFFIXES, "ValueError: The filename must end in `.weights.h5`"),
    "callbacks.ModelCheckpoint": SavingCall(
        0, "filepath", CHECKPOINT_SUFFIXES, "ValueError: The filepath provided must end in `.keras`"
    ),
}
CHECKPOINT_WEIGHTS_ERROR = (
    "ValueError: When using `save_weights_only=True` in `ModelCheckpoint`, the filepath provided must end in "
    "`.weights.h5`"
)
# keras 2.15.0 keras/src/saving/saving_api.py:150-163: save_model (what Model.save calls) with a `.keras` path (or
# save_format="keras") raises `ValueError: The following argument(s) are not supported with the native Keras format:
# [...]` for any keyword beyond overwrite/save_format; these are the SavedModel/h5 ones its docstring lists (:68-80).
# Keras 3.15.1 takes `include_optimizer` with a `.keras` path (held-out probe 15 MISS-6, run on both).
LEGACY_FORMAT_KEYWORDS: Tuple[str, ...] = ("include_optimizer", "signatures", "options", "save_traces")
NATIVE_FORMAT_ERROR = "ValueError: The following argument(s) are not supported with the native Keras format"
LOADING_CALLS: FrozenSet[str] = frozenset({"models.load_model", "saving.load_model"})
# The model methods that tell what a saved file holds: its loss, its weights and its layers.
MODEL_METHODS: FrozenSet[str] = frozenset({"compile", "save", "add"})
SAVING_OWNERS: FrozenSet[str] = frozenset(SAVING_CALLS) | LOADING_CALLS

# What KER208 says to do instead. `model.export(dir)` writes a SavedModel (keras 3.0.0 and 3.15.1
# keras/src/models/model.py Model.export).
SUFFIX_REMEDY = "End the file name in {suffixes}"
EXPORT_REMEDY = "`model.export(dir)` writes a SavedModel for serving"
# save_format= on Keras 3: Model.save_weights takes no such parameter (keras 3.15.1 keras/src/models/model.py
# `save_weights(self, filepath, overwrite=True, max_shard_size=None)`; keras 2.15.0's took `save_format`);
# Model.save / save_model raise unless the path ends in an accepted suffix (saving_api.py, above).
SAVE_WEIGHTS_FORMAT_ERROR = "TypeError: Model.save_weights() got an unexpected keyword argument 'save_format'"
SAVE_FORMAT_ERROR = "ValueError: The `save_format` argument is deprecated in Keras 3 (the path has no `.keras`/`.h5`)"
SAVE_FORMAT_REMEDY = (
    "Drop `save_format=` and name the file `*.keras` (or `*.weights.h5` for weights); "
    "`model.export(dir)` writes a SavedModel"
)


class TargetEffect(Record):
    """What a call does on a target, and the first release that does so."""

    effect: str
    since: str
    source: str


# Model.to_yaml: keras 2.5.0rc0 (TensorFlow 2.5's) keras/engine/training.py dumped the configuration as
# YAML; keras 2.6.0 keras/engine/training.py ("Since TF 2.6, this method is no longer supported") to
# keras 2.15.0 keras/src/engine/training.py raise RuntimeError; keras 3.0.0 and 3.15.1
# keras/src/models/model.py have no to_yaml.
TO_YAML_EFFECTS: Dict[Target, TargetEffect] = {
    Target.TF_KERAS: TargetEffect(
        "`RuntimeError: Method model.to_yaml() has been removed`",
        "TF 2.6",
        "keras 2.6.0 keras/engine/training.py Model.to_yaml; keras 2.5.0rc0 returned yaml.dump(...)",
    ),
    Target.KERAS3: TargetEffect(
        "`AttributeError`: Keras 3 models have no `to_yaml`",
        "Keras 3.0",
        "keras 3.0.0 keras/src/models/model.py (no to_yaml)",
    ),
}
TO_YAML_REMEDY = "Use `{receiver}.to_json()` (and `model_from_json` to read it back)"

# Loss names that Keras 3 cannot read back from a legacy .h5 file. A model compiled with one of these
# short names and saved to .h5 (by tf.keras 2.15 or by Keras 3 itself) fails in `load_model` unless
# `compile=False`: keras 3.15.1 keras/src/legacy/saving/saving_utils.py compile_args_from_training_config
# deserializes the stored name, found as the function `keras.metrics.<name>`, which is no KerasSaveable
# ("Could not deserialize 'keras.metrics.mse' …"). The long names load, and resolve to the same function
# (`keras.losses.get("mse") is keras.losses.get("mean_squared_error")`, on Keras 3.15.1 and TF 2.15.1).
# Metrics of these names load. Run on Keras 3.15.1 by tests/test_catalog_keras3.py and
# tests/test_keras3_breaks.py (files Keras 3 saved); files TF 2.15.1 saved fail alike (run by hand).
H5_UNREADABLE_LOSSES: Dict[str, str] = {
    "mse": "mean_squared_error", "MSE": "mean_squared_error",
    "mae": "mean_absolute_error", "MAE": "mean_absolute_error",
    "mape": "mean_absolute_percentage_error", "MAPE": "mean_absolute_percentage_error",
    "msle": "mean_squared_logarithmic_error", "MSLE": "mean_squared_logarithmic_error",
    "kld": "kl_divergence", "KLD": "kl_divergence",
}  # fmt: skip
H5_LOSS_ERROR = "ValueError: Could not deserialize 'keras.metrics.{loss}' because it is not a KerasSaveable subclass"
H5_SUFFIXES = (".h5", ".hdf5")

# Models holding a `Lambda` layer, loaded again with `load_model` (run on Keras 3.15.1 by
# tests/test_keras3_breaks.py, and on both by tests/test_api_programs.py with KERASCHECK_RUN_PROGRAMS=1):
# - keras 3.15.1 keras/src/layers/core/lambda_layer.py Lambda._raise_for_lambda_deserialization: a Python
#   `lambda` is refused in safe mode (the default) from .keras and .h5 files alike; a function `def`ined in
#   the program is saved by name, and loading finds it only in `custom_objects` or when registered
#   (keras/src/saving/serialization_lib.py _retrieve_class_or_fn, "Could not locate function").
# - keras 2.15.0 keras/src/layers/core/lambda_layer.py: in safe mode (the default for .keras files only)
#   every Lambda function is refused ("with a Python `lambda` inside it", a `def` too); .h5 files load.
# Keras's words, without its inner backticks: the message quotes them between backticks
LAMBDA_KERAS3_ERROR = "ValueError: Requested the deserialization of a Lambda layer whose function is a Python lambda"
LAMBDA_TF_KERAS_ERROR = "ValueError: Requested the deserialization of a Lambda layer with a Python lambda inside it"
LAMBDA_FUNCTION_ERROR = "TypeError: Could not locate function '{function}'"
# KER236: keras 2.15.0's legacy .h5 saving writes a module's function given as a layer's activation as
# {'module': 'builtins', 'class_name': 'function', 'config': '<name>', 'registered_name': 'function'}, and
# load_model then looks up an activation named 'function' and raises, whatever custom_objects, a
# custom_object_scope, get_custom_objects() or register_keras_serializable give (run on TF 2.15.1, probe 12
# MISS-2); its .keras files load, and so does Keras 3.15.1 with the same .h5 file.
H5_FUNCTION_ACTIVATION_SUFFIXES = (".h5", ".hdf5")
H5_FUNCTION_ACTIVATION_ERROR = "TypeError: Error when deserializing class … Unknown activation function: 'function'"
LAMBDA_SAFE_MODE_SUFFIXES: Dict[Target, Tuple[str, ...]] = {
    Target.KERAS3: (".keras", ".h5", ".hdf5"),
    Target.TF_KERAS: (".keras",),
}

# Ways a program makes its functions known to `load_model`, or turns safe mode off, other than `custom_objects=`:
# a scope or the global registry of custom objects, a registration called as a function, and safe mode off for
# the whole process (keras 3.15.1 and 2.15.0 keras/src/saving/object_registration.py, serialization_lib.py
# enable_unsafe_deserialization; KER225 is silent in a module that uses one).
KNOWN_OBJECT_CALLS: Tuple[str, ...] = (
    "custom_object_scope", "CustomObjectScope", "get_custom_objects", "register_keras_serializable",
    "enable_unsafe_deserialization",
)  # fmt: skip

# A legacy .h5 file read back with its training config on Keras 3.15.1: load_model compiles the model and builds
# the restored optimizer for ``model._trainable_variables``, which a Sequential or functional model leaves empty
# (keras 3.15.1 keras/src/legacy/saving/legacy_h5_format.py:174-175), so the optimizer holds no variable and the
# first training step refuses the model's (keras/src/optimizers/base_optimizer.py:664 ``stateless_apply``; run with
# JAX, whether Keras 3 or Keras 2 wrote the file). ``compile=False`` and a new ``compile`` train.
H5_RESUMED_TRAINING_ERROR = (
    "ValueError: Argument `optimizer_variables` must be a list of tensors corresponding 1:1 to the trainable "
    "variables list that the optimizer was built with. Received len(trainable_variables) == … whereas the "
    "optimizer was built with 0 variables."
)
