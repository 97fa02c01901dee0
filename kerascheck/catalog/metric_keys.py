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

from typing import Dict

from kerascheck.catalog.model import Target

# The old key -> the key `metrics=['accuracy']` logs since KEYS_RENAMED_IN.
OLD_METRIC_KEYS: Dict[str, str] = {"acc": "accuracy", "val_acc": "val_accuracy"}
KEYS_RENAMED_IN = "Keras 2.3"

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
KERAS3_AUTO_MODE_EFFECT = (
    "raises `ValueError: … isn't able to automatically determine whether that metric should be "
    "maximized or minimized` after the first epoch"
)
