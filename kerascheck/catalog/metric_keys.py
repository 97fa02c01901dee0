"""The keys training logs hold for a compiled metric, and what the monitoring callbacks do with a key they
never see.

``metrics=['accuracy']`` logged ``acc`` / ``val_acc`` up to Keras 2.2 (Keras 2.2.5 keras/engine/training.py:
``if metric in ('accuracy', 'acc'): suffix = 'acc'``); from Keras 2.3.0 the metric is logged under the name
it was given (keras/engine/training_utils.py has no such suffix), as in every tf.keras (keras 2.15.0
keras/src/engine/compile_utils.py) and Keras 3 (keras 3.15.1 keras/src/trainers/compile_utils.py); run on
TF 2.15.1 and Keras 3.15.1. Checked by tests/test_catalog_facts.py.

Where each callback takes ``monitor=``, ``mode=`` and ``save_best_only=`` is not written here: the rule
reads the positions from the target's API tables (``kerascheck/catalog/api``).
"""

from __future__ import annotations

from typing import Dict, FrozenSet, Optional, Tuple

from kerascheck.catalog.model import Target
from kerascheck.record import Record

# The old key -> the key `metrics=['accuracy']` logs since KEYS_RENAMED_IN.
OLD_METRIC_KEYS: Dict[str, str] = {"acc": "accuracy", "val_acc": "val_accuracy"}
KEYS_RENAMED_IN = "Keras 2.3"
# A metric given by a short name -> the key Keras 2.2 logged it under: its function's name (Keras 2.2.5
# keras/engine/training.py `metric_name = metric_fn.__name__`; Keras 2.2.4 keras/metrics.py `mae = MAE =
# mean_absolute_error`, …), `acc` for 'accuracy'. Keras 2.3.0
# keras/engine/training_utils.py get_metric_name keeps the string given, as tf.keras and Keras 3 do (run on
# TF 2.15.1 and Keras 3.15.1: `metrics=['mae']` logs `mae` and `val_mae`).
OLD_KEY_OF_METRIC: Dict[str, str] = {
    "accuracy": "acc",
    "mae": "mean_absolute_error", "MAE": "mean_absolute_error",
    "mse": "mean_squared_error", "MSE": "mean_squared_error",
    "mape": "mean_absolute_percentage_error", "MAPE": "mean_absolute_percentage_error",
    "msle": "mean_squared_logarithmic_error", "MSLE": "mean_squared_logarithmic_error",
}  # fmt: skip
# (not `cosine`: `metrics=['cosine']` makes `fit` raise on TF 2.15.1 and Keras 3.15.1, no key is logged)

# The callbacks that read a logged key (`monitor=`).
MONITORING_CALLBACKS = frozenset(
    {"callbacks.ModelCheckpoint", "callbacks.EarlyStopping", "callbacks.ReduceLROnPlateau"}
)
AUTO_MODE = "auto"

# What happens with monitor='val_acc' when the logs hold 'val_accuracy'. tf.keras (run on TF 2.15.1): the
# callbacks log a warning each epoch (keras 2.15.0 keras/src/callbacks.py). Keras 3.15.1
# (keras/src/callbacks/monitor_callback.py MonitorCallback._set_monitor_op): with mode='auto' it raises after
# the first epoch, unable to tell whether to maximize the metric; with a mode given they warn.
MISSING_KEY_EFFECTS: Dict[Target, Dict[str, str]] = {
    Target.TF_KERAS: {
        "callbacks.ModelCheckpoint": "logs 'Can save best model only with {key} available, skipping' and never saves",
        "callbacks.EarlyStopping": "logs that `{key}` is not available, every epoch, and never stops training",
        "callbacks.ReduceLROnPlateau": "logs that `{key}` is not available, every epoch, and never lowers the rate",
    },
    Target.KERAS3: {
        "callbacks.ModelCheckpoint": "warns 'Can save best model only with {key} available' and saves every epoch",
        "callbacks.EarlyStopping": "warns that `{key}` is not available, every epoch, and never stops training",
        "callbacks.ReduceLROnPlateau": "warns that `{key}` is not available, every epoch, and never lowers the rate",
    },
}
# ModelCheckpoint formats its file name with the logs at every save, before deciding whether to save
# (keras 2.15.0 keras/src/callbacks.py:1609-1628 and keras 3.15.1 keras/src/callbacks/model_checkpoint.py:362-381
# `_get_file_path`): a placeholder of a key the logs do not hold raises (run on both).
FILEPATH_KEY_EFFECT = "raises `KeyError: 'Failed to format this callback filepath: … Reason: {key}'` at the first save"
KERAS3_AUTO_MODE_EFFECT = (
    "raises `ValueError: … isn't able to automatically determine whether that metric should be "
    "maximized or minimized` after the first epoch"
)


# -- loss and metric names `compile` no longer knows -------------------------------------------------------
# A string `loss=` or `metrics=[…]` that Keras 2.2.4 (keras/losses.py, keras/metrics.py and their aliases) and
# tf.keras took, and the target cannot interpret: Keras raises at the first `fit`/`evaluate`, not at `compile`.
# Run on Keras 3.15.1 (jax) and TF 2.15.1 (tests/test_catalog_keras3.py, tests/data/api_programs):
# - Keras 3: `ValueError: Could not interpret loss identifier: logcosh` (keras/src/losses/__init__.py get),
#   `... metric identifier: ...` (keras/src/metrics/__init__.py get; only 'accuracy'/'acc' are read specially);
# - TF 2.15.1: `ValueError: Unknown loss function: 'cosine_proximity'` (keras 2.15.0 keras/src/losses.py).
# `new` is the name the target knows for the same function; `same` tells whether it is the same in the logs
# too: a loss is logged as `loss` whatever its name, a metric under the name it was given.
class CompileName(Record):
    role: str  # "loss" or "metric"
    old: str
    targets: FrozenSet[Target]  # where Keras cannot interpret it
    new: Optional[str]  # the name of the same function on the target; None: none is the same
    same: bool = False  # `new` changes nothing else (a loss: logged as `loss`)
    advice: str = ""  # without `new`: what to write instead


_BOTH = frozenset({Target.TF_KERAS, Target.KERAS3})
_KERAS3 = frozenset({Target.KERAS3})
_COSINE_METRIC = (
    "`'cosine_similarity'` is the target's metric: the cosine similarity, which Keras 2.2's `cosine_proximity` "
    "metric gave negated (tf.keras's did not), logged under that name"
)
_CROSSENTROPY_METRIC = "name the crossentropy the loss is, `'binary_crossentropy'` or `'categorical_crossentropy'`"
COMPILE_NAMES: Tuple[CompileName, ...] = (
    # Keras 2.2.4 keras/losses.py: cosine_proximity = -sum(l2_normalize(y_true) * l2_normalize(y_pred), axis=-1),
    # `cosine = cosine_proximity`: what `cosine_similarity` computes on both targets (checked on Keras 3.15.1)
    CompileName("loss", "cosine_proximity", _BOTH, "cosine_similarity", same=True),
    CompileName("loss", "cosine", _BOTH, "cosine_similarity", same=True),
    CompileName("loss", "logcosh", _KERAS3, "log_cosh", same=True),
    CompileName("loss", "kullback_leibler_divergence", _KERAS3, "kl_divergence", same=True),
    CompileName("loss", "huber_loss", _KERAS3, "huber", same=True),
    CompileName("metric", "logcosh", _KERAS3, "log_cosh_error"),
    CompileName("metric", "log_cosh", _KERAS3, "log_cosh_error"),
    CompileName("metric", "kullback_leibler_divergence", _KERAS3, "kl_divergence"),
    CompileName("metric", "cosine_proximity", _KERAS3, None, advice=_COSINE_METRIC),
    CompileName("metric", "cosine", _BOTH, None, advice=_COSINE_METRIC),  # Keras 2.2.4 `cosine = cosine_proximity`
    CompileName("metric", "crossentropy", _KERAS3, None, advice=_CROSSENTROPY_METRIC),
    CompileName("metric", "ce", _KERAS3, None, advice=_CROSSENTROPY_METRIC),
)
COMPILE_NAME_ERRORS: Dict[Tuple[Target, str], str] = {
    (Target.KERAS3, "loss"): "ValueError: Could not interpret loss identifier: {name}",
    (Target.KERAS3, "metric"): "ValueError: Could not interpret metric identifier: {name}",
    (Target.TF_KERAS, "loss"): "ValueError: Unknown loss function: '{name}'",
    (Target.TF_KERAS, "metric"): "TypeError: 'str' object is not callable",  # keras 2.15.0 takes it for a function
}


# -- `model.metrics_names` on Keras 3 ----------------------------------------------------------------------
# keras 3.15.1 keras/src/trainers/trainer.py: `metrics_names` is `[m.name for m in self.metrics]`, and
# `metrics` holds the loss tracker and one CompileMetrics (keras/src/trainers/compile_utils.py, named
# "compile_metrics") for every metric given to `compile`. Run on Keras 3.15.1 (jax): `['loss',
# 'compile_metrics']` after `compile(metrics=['accuracy', 'mse'])` (before and after `fit`), while
# `evaluate` returns three values; `['loss']` without metrics. keras 2.15.0 (and Keras 2.2.4) list each
# metric: `['loss', 'accuracy', 'mse']` (run on TF 2.15.1). A model of several outputs adds each output's loss
# once it has trained: `['loss', 'compile_metrics', 'a_loss', 'b_loss']` after `fit` (Keras 3.15.1, jax; a held-out
# probe saw it first).
METRICS_NAMES = "metrics_names"
KERAS3_METRICS_NAMES_SHOWN = "['loss', 'compile_metrics']` (and each output's loss after `fit`, for several outputs)"
# Attributes a target's model still has but whose value changed, by target (read like the missing ones).
CHANGED_ATTRIBUTES: Dict[Target, FrozenSet[str]] = {Target.KERAS3: frozenset({METRICS_NAMES})}


# -- `compiled_loss` / `compiled_metrics` on Keras 3 -------------------------------------------------------
# keras 3.15.1 keras/src/backend/tensorflow/trainer.py (TensorFlow backend only) keeps them as "Backwards
# compatibility shims": `compiled_loss(y, y_pred, sample_weight=None, regularization_losses=None)` warns
# "`model.compiled_loss()` is deprecated. Instead, use `model.compute_loss(x, y, y_pred, sample_weight,
# training)`" and returns `self.compute_loss(x=None, y=y, y_pred=y_pred, sample_weight=sample_weight)`
# (regularization_losses unused: compute_loss adds the model's losses itself); `compiled_metrics.update_state`
# warns and updates each of `self.metrics`. The JAX, PyTorch and NumPy trainers have neither: AttributeError
# (run on Keras 3.15.1 with jax and numpy: `'Sequential' object has no attribute 'compiled_loss'`).
COMPILED_LOSS = "compiled_loss"
COMPILED_METRICS = "compiled_metrics"
COMPILED_LOSS_PARAMETERS = ("y", "y_pred", "sample_weight", "regularization_losses")
CHANGED_ATTRIBUTES[Target.KERAS3] = CHANGED_ATTRIBUTES[Target.KERAS3] | {COMPILED_LOSS, COMPILED_METRICS}


# -- what `fit` tells its callbacks ----------------------------------------------------------------------------
# Keras 2.2.4 keras/engine/training_arrays.py:118-126 `callbacks.set_params({'batch_size', 'epochs', 'steps',
# 'samples', 'verbose', 'do_validation', 'metrics'})`; TF 2's eager `fit` (keras 2.15.0 keras/src/engine/
# training.py:1764 `CallbackList(…, verbose=, epochs=, steps=)`) and keras 3.15.1 (keras/src/backend/*/trainer.py
# `CallbackList(…, verbose=, epochs=, steps=)`) pass three. The old keys raise KeyError (run on both, held-out
# probe 6: `sorted(self.params)` is `['epochs', 'steps', 'verbose']`). tf.keras's graph mode (keras 2.15.0
# keras/src/callbacks.py:164-173 `configure_callbacks`, used by training_v1) still passes all seven.
CALLBACK_PARAMS = "params"
CALLBACK_PARAM_KEYS = ("epochs", "steps", "verbose")
OLD_CALLBACK_PARAMS: Dict[str, str] = {  # the key -> what to do instead
    "metrics": "Read the names from the keys of `logs` in `on_epoch_end` (or `on_batch_end`)",
    "samples": "Count in batches: `self.params['steps']` per epoch (Keras no longer passes the sample count)",
    "batch_size": "Keep the batch size yourself (pass it to the callback): Keras no longer passes it",
    "do_validation": "Look for `val_` keys in the `logs` of `on_epoch_end`",
    # Keras 1.2.2 keras/engine/training.py:854-861 (fit) and :1482-1487 (fit_generator) passed these two under their
    # Keras 1 names (held-out probe 15 MISS-5: `self.params['nb_epoch']` raises KeyError on TF 2.15.1 and Keras 3.15.1)
    "nb_epoch": "Read `self.params['epochs']`, the same number",
    "nb_sample": "Count in batches: `self.params['steps']` per epoch (Keras no longer passes the sample count)",
}
# the keys Keras 1 passed under names Keras 2 changed (the others, Keras 2.2.4 passed too)
KERAS1_CALLBACK_PARAMS = frozenset({"nb_epoch", "nb_sample"})
# The History `fit` returns is such a callback: `history.params` holds the same three keys (run on both).
OLD_HISTORY_PARAMS: Dict[str, str] = {
    "metrics": "Read the names from the keys of `history.history`",
    "samples": "Count in batches: `history.params['steps']` per epoch (Keras no longer passes the sample count)",
    "batch_size": "Keep the batch size you passed to `fit`: Keras no longer records it",
    "do_validation": "Look for `val_` keys in `history.history`",
    "nb_epoch": "Read `history.params['epochs']`, the same number",
    "nb_sample": "Count in batches: `history.params['steps']` per epoch (Keras no longer passes the sample count)",
}
for _target in Target:
    CHANGED_ATTRIBUTES[_target] = CHANGED_ATTRIBUTES.get(_target, frozenset()) | {CALLBACK_PARAMS}

# The `logs` of the batch hooks: Keras 2.2.4 keras/engine/training_arrays.py:182-185 `batch_logs = {'batch':
# batch_index, 'size': len(batch_ids)}`, passed to on_batch_begin and (with the metrics added) on_batch_end.
# TF 2's eager `fit` (keras 2.15.0) and Keras 3.15.1 pass the train/test batch hooks only the metrics (`{}` at
# begin, `{'loss': …}` at end) and the predict ones `{'outputs': …}`. Run on TF 2.15.1 and Keras 3.15.1 (jax),
# held-out probe 9: `logs['size']` and `logs['batch']` raise KeyError in each of the eight hooks below, and
# `logs.get('size')` is None (`.get` is not reported: Keras 2.15's own ProgbarLogger reads `logs.pop('size', 0)`
# to serve both loops). tf.keras's graph mode (training_arrays_v1) still passes both keys (run).
BATCH_HOOKS = frozenset(
    f"on_{stage}batch_{end}" for stage in ("", "train_", "test_", "predict_") for end in ("begin", "end")
)
OLD_BATCH_LOGS: Dict[str, str] = {  # the key -> what to do instead
    "size": "Keep the batch size yourself (pass it to the callback; the last batch may be smaller)",
    "batch": "Use the hook's `batch` argument",
}


# -- the learning rate in the logs -----------------------------------------------------------------------
# keras 2.15.0 keras/src/callbacks.py LearningRateScheduler.on_epoch_end and ReduceLROnPlateau.on_epoch_end:
# `logs["lr"] = …`; keras 3.15.1 keras/src/callbacks/learning_rate_scheduler.py:100 and
# reduce_lr_on_plateau.py:110: `logs["learning_rate"] = …`. Run on Keras 3.15.1 (jax): `history.history` keys
# `['learning_rate', 'loss']`, `history.history['lr']` raises KeyError; on TF 2.15.1 `['loss', 'lr']`.
RATE_LOGGING_CALLBACKS = frozenset({"callbacks.LearningRateScheduler", "callbacks.ReduceLROnPlateau"})
OLD_RATE_KEY = "lr"
KERAS3_RATE_KEY = "learning_rate"


# -- `reduction='auto'` of a loss object -----------------------------------------------------------------
# keras 2.15.0 keras/src/utils/losses_utils.py ReductionV2.AUTO = "auto" (SUM_OVER_BATCH_SIZE wherever a model
# computes the loss); keras 3.15.1 keras/src/losses/loss.py standardize_reduction accepts none of it: run,
# `ValueError: Invalid value for argument `reduction`` at construction; its default is "sum_over_batch_size".
OLD_REDUCTION = "auto"
KERAS3_REDUCTION = "sum_over_batch_size"
