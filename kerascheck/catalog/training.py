"""Facts about the training flag, custom layers and optimizers.

Sources:
- keras 2.15.0 (tf.keras in TF 2.15) ``keras/api/_v2/keras/layers/__init__.py``,
  ``keras/src/engine/base_layer.py::_set_training_mode``, ``keras/src/backend.py``
  (``in_train_phase``, ``learning_phase``, ``dropout``), ``keras/src/optimizers/optimizer.py::_process_kwargs``;
- keras 3.15.1 ``keras/src/layers/layer.py`` (``_call_has_training_arg``), ``keras/random/__init__.py``,
  ``keras/src/optimizers/base_optimizer.py::BaseOptimizer.__init__``.
"""

from __future__ import annotations

from typing import Dict, Optional, Tuple

from kerascheck.catalog.model import OptimizerKeyword, Target
from kerascheck.catalog.releases import KERAS3_CHECKED

# Base classes that make a class a custom layer or model (canonical names; see names.CANONICAL_OVERRIDES
# for the legacy spellings such as keras.engine.topology.Layer). Any other public class of `layers` or
# `models` is a Layer or Model subclass too (Dense, Wrapper, RNN, Functional...), except these:
# `_Merge`: the private base of Keras 2's merge layers (Keras 2.1.6 keras/layers/merge.py and keras 2.15.0
# keras/src/layers/merging/base_merge.py: `class _Merge(Layer)`), which Keras 2 code subclassed (WGAN-GP's
# `RandomWeightedAverage`)
LAYER_BASES = frozenset({"layers.Layer", "models.Model", "models.Sequential", "layers._Merge"})
LAYER_MODULES = ("layers.", "models.")
NOT_LAYER_CLASSES = frozenset({"layers.InputSpec", "layers.Input"})  # a spec and a function

# Layers whose behaviour differs between training and inference
# (keras 2.15 keras/src/layers/regularization/*.py, normalization/batch_normalization.py,
# preprocessing/image_preprocessing.py: each reads `training` in `call`).
TRAINING_DEPENDENT_LAYERS = frozenset(
    {
        "layers.Dropout",
        "layers.SpatialDropout1D",
        "layers.SpatialDropout2D",
        "layers.SpatialDropout3D",
        "layers.GaussianDropout",
        "layers.GaussianNoise",
        "layers.AlphaDropout",
        "layers.BatchNormalization",
        "layers.RandomBrightness",
        "layers.RandomContrast",
        "layers.RandomCrop",
        "layers.RandomFlip",
        "layers.RandomHeight",
        "layers.RandomRotation",
        "layers.RandomTranslation",
        "layers.RandomWidth",
        "layers.RandomZoom",
    }
)

# Raw operations whose result depends on the training phase, or that apply train-time behaviour
# unconditionally: inside `call` they need the `training` argument to tell the phases apart.
TRAINING_PHASE_OPS = frozenset(
    {
        "backend.in_train_phase",
        "backend.in_test_phase",
        "backend.learning_phase",
        "backend.dropout",
        "random.dropout",
        "tf.nn.dropout",
        "tf.compat.v1.nn.dropout",
    }
)

# The ops that choose between a training and an inference value. On tf.keras (keras 2.6.0 … 2.15.0
# keras/backend.py::in_train_phase) a missing `training` is read from the Keras call context: run on TF
# 2.15.1, the training branch runs under `fit` and `model(x, training=True)`, the inference branch
# under `predict` and `model(x)`; only outside any Keras call does it fall back to the global learning
# phase (0). So they, and the ops inside their arguments, are no bug there. Keras 3.15.1 has none of
# the backend ops (KER111 reports them).
PHASE_CHOOSING_OPS = frozenset({"backend.in_train_phase", "backend.in_test_phase"})

_ALWAYS_DROPS = "drops in inference too: it does not read the training phase"

# What each op does inside a `call` without `training`, per target; an op missing for a target is no
# KER301 finding there. Run on TF 2.15.1: K.learning_phase() inside `call` is 0 under `fit` too, and
# K.dropout drops under `model(x)`; on Keras 3.15.1 keras.random.dropout drops on every call.
TRAINING_PHASE_OP_EFFECTS = {
    Target.TF_KERAS: {
        "backend.learning_phase": "is 0 inside `call` even under `fit`, so the training behaviour never runs",
        "backend.dropout": _ALWAYS_DROPS,
        "tf.nn.dropout": _ALWAYS_DROPS,
        "tf.compat.v1.nn.dropout": _ALWAYS_DROPS,
    },
    Target.KERAS3: {
        "random.dropout": _ALWAYS_DROPS,
        "tf.nn.dropout": _ALWAYS_DROPS,
        "tf.compat.v1.nn.dropout": _ALWAYS_DROPS,
    },
}

# Optimizer classes (keras 2.15 keras/api/_v2/keras/optimizers/__init__.py, keras 3.15.1
# keras/optimizers/__init__.py). The `legacy` namespace keeps the TF <= 2.10 optimizers.
OPTIMIZERS = frozenset(
    {
        "optimizers.SGD",
        "optimizers.RMSprop",
        "optimizers.Adagrad",
        "optimizers.Adadelta",
        "optimizers.Adam",
        "optimizers.Adamax",
        "optimizers.Nadam",
        "optimizers.Ftrl",
        "optimizers.AdamW",
        "optimizers.Adafactor",
        "optimizers.Lion",
    }
)

# On TF <= 2.15 the TF1 API's optimizers are the legacy (TF <= 2.10) ones, which honour `lr` and
# `decay` (run on TF 2.15.1: tf.compat.v1.keras.optimizers.Adam is keras.src.optimizers.legacy.adam.Adam,
# Adam(lr=0.1) trains at 0.1 with a deprecation warning; keras 2.15.0 keras/api/_v1/keras/optimizers).
LEGACY_OPTIMIZER_MODULES_ON_TF_KERAS = ("tensorflow.compat.v1.keras.optimizers.",)

# The learning rate each TF 2.11+ optimizer trains with when `lr=` is dropped (keras 2.15.0, read on TF 2.15.1 from
# `inspect.signature(tf.keras.optimizers.X.__init__)`): `Adam(lr=1e-3)` then trains as written.
DEFAULT_LEARNING_RATES_TF215 = {
    "optimizers.Adam": 0.001,
    "optimizers.SGD": 0.01,
    "optimizers.RMSprop": 0.001,
    "optimizers.Adagrad": 0.001,
    "optimizers.Adadelta": 0.001,
    "optimizers.Adamax": 0.001,
    "optimizers.Nadam": 0.001,
    "optimizers.Ftrl": 0.001,
    "optimizers.AdamW": 0.001,
    "optimizers.Adafactor": 0.001,
    "optimizers.Lion": 0.0001,
}

OPTIMIZER_KEYWORDS = (
    # keras 2.15 keras/src/optimizers/optimizer.py::_process_kwargs pops `lr`, logs a warning and
    # drops it; keras 3.15.1 keras/src/optimizers/base_optimizer.py raises
    # "Argument(s) not recognized". TF <= 2.10 (optimizer_v2) honoured it with a warning.
    OptimizerKeyword(
        name="lr",
        new="learning_rate",
        effect=(
            (
                Target.TF_KERAS,
                "is dropped by the TF 2.11+ optimizers with a logged warning; they train with the default "
                "learning rate",
            ),
            (Target.KERAS3, "raises `ValueError: Argument(s) not recognized`"),
        ),
        guideline="Use `learning_rate=`",
        source="keras 2.15.0 keras/src/optimizers/optimizer.py::_process_kwargs; "
        "keras 3.15.1 keras/src/optimizers/base_optimizer.py",
    ),
    # keras 2.15 raises ValueError "decay is deprecated in the new Keras optimizer";
    # keras 3.15.1 warns "Argument `decay` is no longer supported and will be ignored."
    OptimizerKeyword(
        name="decay",
        new=None,
        effect=(
            (Target.TF_KERAS, "raises `ValueError` in the TF 2.11+ optimizers"),
            (Target.KERAS3, "is ignored with a warning"),
        ),
        guideline="Pass a `keras.optimizers.schedules.InverseTimeDecay` as `learning_rate`",
        source="keras 2.15.0 keras/src/optimizers/optimizer.py::_process_kwargs; "
        "keras 3.15.1 keras/src/optimizers/base_optimizer.py",
    ),
)


# KER323, custom optimizers written for the Keras 2.2 protocol.
# Keras 2.2.4 keras/optimizers.py: Optimizer.__init__(**kwargs), subclasses implement get_updates(loss,
# params). tf.keras: OptimizerV2 (TF 2.0-2.10, optimizers.legacy after) applies gradients through
# _resource_apply_dense; the TF >= 2.11 Optimizer (keras 2.15.0 keras/src/optimizers/optimizer.py) through
# update_step. Both need name= (OptimizerV2.__init__(self, name, …), Optimizer.__init__(self, name, …)).
# With eager execution disabled tf.keras's TF1 training loop (training_v1.py) still calls get_updates, and a
# get_updates optimizer on optimizers.legacy.Optimizer that passes a name trains (run on TF 2.15.1), so on
# tf.keras only the missing name is reported, which raises in any mode. Keras 3.15.1
# keras/src/optimizers/base_optimizer.py needs learning_rate= and update_step. Run (held-out probe 9): the
# Keras 2.2 SGD example (`super().__init__(**kwargs)`) raises "Optimizer.__init__() missing 1 required
# positional argument: 'name'" on TF 2.15.1 ("OptimizerV2.__init__() …" on optimizers.legacy.Optimizer, eager
# or not; with a name, eager fit raises AttributeError `_learning_rate`, or NotImplementedError
# `_resource_apply_dense` on optimizers.legacy.Optimizer) and "BaseOptimizer.__init__() missing 1 required
# positional argument: 'learning_rate'" on Keras 3.15.1, each at the `super().__init__` call.
OPTIMIZER_BASES = frozenset({"optimizers.Optimizer", "optimizers.legacy.Optimizer"})
LEGACY_OPTIMIZER_METHOD = "get_updates"
# The methods an optimizer of the targets is driven by (one of them defined: not a Keras 2.2 optimizer).
MODERN_OPTIMIZER_METHODS = frozenset({"update_step", "_resource_apply_dense", "apply_gradients", "build"})
UPDATE_STEP_EFFECT = (
    f"Keras 3 ({KERAS3_CHECKED}) applies gradients through `update_step`, and its `Optimizer` needs `learning_rate`"
)
# The argument each target's optimizer base requires, which a Keras 2.2 `super().__init__(**kwargs)` lacks.
OPTIMIZER_REQUIRED_ARGUMENT = {Target.TF_KERAS: "name", Target.KERAS3: "learning_rate"}
# What that raises on TF 2.15.1, by base (tests/data/api_programs/tf_legacy_*.py run it).
TF_KERAS_OPTIMIZER_NAME_ERRORS = {
    "optimizers.Optimizer": "TypeError: Optimizer.__init__() missing 1 required positional argument: 'name'",
    "optimizers.legacy.Optimizer": "TypeError: OptimizerV2.__init__() missing 1 required positional argument: 'name'",
}


# KER329: the TF 2.0-2.10 optimizer protocol (keras 2.15.0 keras/src/optimizers/legacy/optimizer_v2.py OptimizerV2,
# what tf.keras.optimizers.Optimizer was up to TF 2.10): the methods a subclass implements, and what it calls on itself.
# TF 2.11+'s Optimizer (keras/src/optimizers/optimizer.py) and Keras 3.15.1's have none of them (run on TF 2.15.1 and
# Keras 3.15.1: `self._set_hyper(…)` raises AttributeError after `super().__init__`; a class that only implements
# `_resource_apply_dense` raises at `fit`: AttributeError `_learning_rate` on TF, NotImplementedError from
# `update_step` on Keras 3). keras 2.15.0 keeps OptimizerV2 as tf.keras.optimizers.legacy.Optimizer; the new ones
# have `_serialize_hyperparameter` too, so it marks nothing (tests/test_catalog_facts.py reads all three classes).
OPTIMIZER_V2_METHODS = frozenset(
    {"_resource_apply_dense", "_resource_apply_sparse", "_create_slots", "_prepare_local",
     "_resource_apply_sparse_duplicate_indices"}
)  # fmt: skip
OPTIMIZER_V2_SELF_NAMES = frozenset(
    {"_set_hyper", "_get_hyper", "add_slot", "get_slot", "_decayed_lr", "_initial_decay"}
)
# a class that also implements the new protocol works on the targets
NEW_OPTIMIZER_METHODS = frozenset({"update_step", "build"})
OPTIMIZER_V2_FIT_EFFECT = {
    Target.TF_KERAS: "`fit` raises AttributeError (`_learning_rate`): the new optimizer never calls "
    "`_resource_apply_dense`",
    Target.KERAS3: "`fit` raises NotImplementedError from `update_step`, which Keras 3 calls instead of "
    "`_resource_apply_dense`",
}


# KER324: GRU's reset_after default. Multi-backend Keras defaulted to reset_after=False through its last
# release (Keras 2.2.4 keras/layers/recurrent.py:1602, Keras 2.3.1 keras/layers/recurrent.py:1644), as did
# TF1's tf.keras (keras 2.5.0rc0 keras/layers/recurrent.py GRU); tf.keras's TF2 GRU (keras 2.5.0rc0
# keras/layers/recurrent_v2.py:355, keras 2.15.0 keras/src/layers/rnn/gru.py:135) and Keras 3 (3.15.1
# keras/src/layers/rnn/gru.py:103) default to reset_after=True, whose bias has shape (2, 3 * units) instead
# of (3 * units,). Run on Keras 3.15.1: weights of a reset_after=False GRU, loaded into a default GRU, raise
# "Shape mismatch" (.h5) or "could not be loaded" (.weights.h5). Checked by tests/test_catalog_facts.py.
GRU_RESET_AFTER_FALSE_UNTIL = "Keras 2.3.1"

# What the first `fit` raises with an optimizer built with `epsilon=None` (Keras 2.2.4 keras/optimizers.py read
# None as `K.epsilon()`; keras 2.15.0 and 3.15.1 keep it). Run on TF 2.15.1 and Keras 3.15.1 (jax) by
# tests/data/api_programs/{tf,k3}_optimizer_epsilon_none.py; KER209.
EPSILON_NONE_ERRORS = {
    Target.TF_KERAS: "ValueError: None values not supported",
    Target.KERAS3: "ValueError: None is not a valid value",
}

# Activation names Keras 3 reads from a string: keras 3.15.1 keras/src/activations/__init__.py `get` looks a string
# up in ALL_OBJECTS_DICT only (no custom objects; checked against the installed Keras 3 by
# tests/test_catalog_keras3.py), so a name registered through `get_custom_objects()` (which tf.keras reads: run
# on TF 2.15.1) raises `ValueError: Could not interpret activation function identifier: …`. Every string
# activation of keras 2.15.0 is among them.
KERAS3_ACTIVATION_NAMES = frozenset(
    {"celu", "elu", "exponential", "gelu", "glu", "hard_shrink", "hard_sigmoid", "hard_silu", "hard_swish",
     "hard_tanh", "leaky_relu", "linear", "log_sigmoid", "log_softmax", "mish", "relu", "relu6", "selu", "sigmoid",
     "silu", "soft_shrink", "softmax", "softplus", "softsign", "sparse_plus", "sparse_sigmoid", "sparsemax",
     "squareplus", "swish", "tanh", "tanh_shrink", "threshold"}
)  # fmt: skip
# What registers custom objects by name for tf.keras to find (keras 2.15.0 keras/src/saving/object_registration.py).
CUSTOM_OBJECT_REGISTRIES = ("get_custom_objects", "custom_object_scope", "CustomObjectScope")
# Keras's own formula of some built-in activations, as KER248 reads a module's function of that name (see
# rules/arguments.py _formula): keras 3.15.1 keras/src/activations/activations.py silu/swish `x * sigmoid(x)`, mish
# `x * tanh(softplus(x))`, relu; a function written so computes what Keras 3's built-in of that name computes
BUILTIN_FORMULAS = {
    "swish": ("(x * sigmoid(x))", "(sigmoid(x) * x)", "swish(x)", "silu(x)"),
    "silu": ("(x * sigmoid(x))", "(sigmoid(x) * x)", "swish(x)", "silu(x)"),
    "mish": ("(x * tanh(softplus(x)))", "(tanh(softplus(x)) * x)", "mish(x)"),
    "relu": ("relu(x)", "maximum(x, 0)", "maximum(x, 0.0)", "maximum(0, x)", "maximum(0.0, x)"),
}
ACTIVATION_KEYWORDS = ("activation", "recurrent_activation")
# keras 2.15.0 keras/src/backend.py hard_sigmoid: clip(0.2 * x + 0.5, 0, 1); keras 3.15.1 keras/src/activations/
# activations.py hard_sigmoid -> ops.hard_sigmoid: relu6(x + 3) / 6 (run: 0.7 and 0.6667 at x = 1, KER232's proof)
HARD_SIGMOID = "hard_sigmoid"

# A custom Metric's reset: keras 3.15.1 keras/src/trainers/trainer.py:312 calls `m.reset_state()`, whose default
# (keras/src/metrics/metric.py:108-115) zeroes the variables and never looks for a `reset_states` of the class
# (tests/test_keras3_breaks.py, on the installed Keras 3); keras 2.15.0 keras/src/metrics/base_metric.py:249-265
# warns and calls a class's own `reset_states` (tests/data/api_programs/tf_metric_reset_states.py, TF 2.15.1). KER310.
METRIC_RESET, METRIC_OLD_RESET = "reset_state", "reset_states"
METRIC_OLD_RESET_EFFECTS = {  # target -> (what the old method is there, what the default reset does)
    Target.KERAS3: ("is never called", ", whose default sets the metric's variables to zero and does nothing else"),
    Target.TF_KERAS: ("is called with a deprecation warning", ", whose default still finds the old name"),
}

# `fit(class_weight="auto")`: Keras 1.2.2 keras/engine/training.py:380 and Keras 2.2.4 standardize_weights weighted
# classes only for a dict and ignored anything else; keras 2.15.0 keras/src/engine/data_adapter.py:1705 and keras
# 3.15.1 keras/src/trainers/data_adapters/data_adapter_utils.py:134 raise as `fit` starts (run on TF 2.15.1 and
# Keras 3.15.1 by tests/data/api_programs/{tf,k3}_fit_class_weight_auto.py). KER214.
# `fit(<a keras.utils.Sequence>, validation_split=…)`: keras 2.15.0 keras/src/engine/data_adapter.py:1777 and
# keras 3.15.1 keras/src/trainers/data_adapters/array_slicing.py:481 split arrays only (run on both: held-out
# probe 8). Keras 2.2.4 fit_generator took no validation_split at all.
VALIDATION_SPLIT_ERRORS = {  # what each raises, as it says it
    Target.TF_KERAS: "`validation_split` is only supported for Tensors or NumPy arrays",
    Target.KERAS3: "Argument `validation_split` is only supported for tensors or NumPy arrays",
}
SEQUENCE_CLASSES = frozenset({"utils.Sequence", "utils.PyDataset", "utils.data_utils.Sequence"})
# KER246: Keras 3.15.1 keras/src/trainers/data_adapters/py_dataset_adapter.py PyDataset.__init__(workers=1,
# use_multiprocessing=False, max_queue_size=10); keras 2.15.0 keras/src/utils/data_utils.py Sequence defines no
# __init__, so object.__init__ gets them: run on TF 2.15.1, TypeError: object.__init__() takes exactly one argument
# (the instance to initialize). tf.keras's fit takes the three itself (tests/test_catalog_facts.py reads both).
PY_DATASET_KEYWORDS = ("workers", "use_multiprocessing", "max_queue_size")

CLASS_WEIGHT_STRING_ERRORS = {
    Target.TF_KERAS: "AttributeError: 'str' object has no attribute 'keys'",
    Target.KERAS3: "AttributeError: 'str' object has no attribute 'get'",
}


# KER229: one optimizer instance given to `compile` of two models that are both trained. The optimizer is
# built for the trainable variables of the model trained first; the other model's step then fails. Run
# (TF 2.15.1, tf.keras.optimizers.Adam; Keras 3.15.1 on JAX, keras.optimizers.Adam): training the second
# model raises on TF 2.15.1 from keras 2.15.0 keras/src/optimizers/optimizer.py::_update_step whenever it
# has a variable the first did not (not when its variables are among the first's: a model holding the other,
# trained first); on Keras 3.15.1 from keras/src/optimizers/base_optimizer.py::stateless_apply whenever the
# two have different numbers of trainable variables; with equal numbers of other shapes from
# keras/src/backend/common/stateless_scope.py (`Invalid variable value in StatelessScope`: held-out probe 13, p31),
# and with equal numbers and shapes it raises nothing and steps the second model with the first one's moments
# (run: two Dense models sharing an Adam end with other weights than the second one trained alone with its own,
# the optimizer counting the steps of both). Training only one of
# them, a string (`optimizer="adam"`, a new instance at each compile) and TF 2.15.1's
# `tf.keras.optimizers.legacy.Adam` (slots made per variable) run.
# Keras 2.2 made fresh moment variables in each model's `get_updates` (keras 2.2.4 keras/optimizers.py).
SHARED_OPTIMIZER_ERRORS = {
    Target.TF_KERAS: (
        "training the other raises `KeyError: 'The optimizer cannot recognize variable …. This usually means "
        "you are trying to call the optimizer to update different parts of the model separately…'` (TF 2.15.1)"
    ),
    Target.KERAS3: (
        "training the other raises `ValueError: Argument `optimizer_variables` must be a list of tensors "
        "corresponding 1:1 to the trainable variables list that the optimizer was built with…` (Keras "
        f"{KERAS3_CHECKED}, JAX backend), or, where both have as many trainable variables, raises `ValueError: "
        "Invalid variable value in StatelessScope: all values in argument `mapping` must be tensors with a shape "
        "that matches the corresponding variable shape` where their shapes differ and steps it with the first "
        "model's moments where they match"
    ),
}

# Keys Keras 2.2's optimizers put in their config (keras 2.2.4 keras/optimizers.py: ``'lr': float(K.get_value(
# self.lr))``, ``'decay': float(K.get_value(self.decay))``), each with the key that holds it now (None: none does) and
# what the message says of it.
# - ``lr``: keras 2.3.0 renamed it; TF 2.15.1's optimizers, legacy ones too, and Keras 3.15.1's give ``learning_rate``
#   and no ``lr`` (run: ``KeyError: 'lr'`` on both).
# - ``decay``: the TF 2.11+ optimizers (keras 2.15.0 optimizers/optimizer.py ``get_config``) and Keras 3.15.1's have
#   none; TF 2.15's ``optimizers.legacy`` ones keep it (run: ``KeyError: 'decay'`` on both, the legacy Adam has it).
OLD_OPTIMIZER_CONFIG_KEYS: Dict[str, Tuple[Optional[str], str, str]] = {
    "lr": ("learning_rate", "the optimizer's config has `learning_rate` (since Keras 2.3)", "Read `'learning_rate'`"),
    "decay": (
        None,
        "no optimizer of the target has `decay` (Keras 2.2 put it in every optimizer's config)",
        "Decay the rate with a schedule (`learning_rate=keras.optimizers.schedules.InverseTimeDecay(…)`)",
    ),
}
# Keys only a legacy optimizer (TF 2.15's ``optimizers.legacy``) still gives: a module that names those may read them.
LEGACY_OPTIMIZER_CONFIG_KEYS = frozenset({"decay"})

# Keys Keras 2 put in a layer's config that no Keras 3 layer config has. tf.keras (keras 2.15.0
# keras/src/engine/base_layer.py ``get_config``: ``batch_input_shape`` of a layer built with ``input_shape=``;
# keras/src/engine/input_layer.py) gives the first layer and the InputLayer ``batch_input_shape``; Keras 3.15.1
# gives it to none (keras/src/layers/layer.py ``get_config``), and its InputLayer says ``batch_shape``
# (keras/src/layers/core/input_layer.py). Run on both: ``model.get_config()["layers"]`` and ``json.loads(
# model.to_json())`` list ``batch_input_shape`` on TF 2.15.1, ``batch_shape`` on Keras 3.15.1 (KeyError when read).
KERAS2_LAYER_CONFIG_KEYS = {"batch_input_shape": "an `InputLayer`'s `batch_shape`, or `model.input_shape`"}

# A flat ``metrics=[…]`` list of another length than a functional model's outputs (keras 3.15.1
# keras/src/trainers/compile_utils.py:255-336: a list is one entry per output; ``tree.map_structure_up_to`` then
# refuses it when the first fit or evaluate builds the metrics; run with JAX). Keras 2 gave each metric every output.
MULTI_OUTPUT_METRICS_ERROR = "ValueError: tuple arity mismatch"


# KER233: a learning rate called as if it were the schedule (`optimizer.lr(optimizer.iterations)`). The TF 2.11+
# optimizers (keras 2.15.0 keras/src/optimizers/optimizer.py `learning_rate`) and Keras 3.15.1's
# (keras/src/optimizers/base_optimizer.py `learning_rate` -> `_get_current_learning_rate()`) hand back the rate, a
# variable or an array (programs tf_learning_rate_called.py, k3_learning_rate_called.py); the legacy optimizers hand
# back the schedule. After 4 steps of ExponentialDecay(0.1, 2, 0.5), `learning_rate` read 0.0354 on TF 2.15.1 (the last
# applied step's rate) and 0.025 = schedule(iterations) on Keras 3.15.1 (run, session 9).
LEARNING_RATE_CALL_ERRORS = {
    Target.TF_KERAS: "TypeError: 'ResourceVariable' object is not callable",
    Target.KERAS3: "TypeError: '…' object is not callable (the backend's array)",
}
LEARNING_RATE_READ = {
    Target.KERAS3: "the rate at the current step, what the call computed",
    Target.TF_KERAS: "the rate of the last step taken, one step behind what the call computed",
}

# KER237: what a learning-rate schedule's own attributes are, read through `optimizer.learning_rate`: the
# parameters the built-in schedules keep under their own names (keras 3.15.1 and keras 2.15.0
# optimizers/schedules/learning_rate_schedule.py; `name` left out: a TF variable has one too). On TF 2.11+ and
# Keras 3 `learning_rate` is the current rate (run on TF 2.15.1: `'ResourceVariable' object has no attribute
# 'decay_steps'`; Keras 3.15.1 JAX: `'jaxlib._jax.ArrayImpl' object has no attribute 'decay_steps'`); a legacy
# optimizer hands the schedule back (run on TF 2.15.1).
SCHEDULE_ATTRIBUTES = frozenset({
    "alpha", "boundaries", "cycle", "decay_rate", "decay_steps", "end_learning_rate", "first_decay_steps",
    "get_config", "initial_learning_rate", "power", "staircase", "values", "warmup_steps", "warmup_target",
})  # fmt: skip
SCHEDULE_ATTRIBUTE_ERRORS = {
    Target.TF_KERAS: "AttributeError: 'ResourceVariable' object has no attribute …",
    Target.KERAS3: "AttributeError (the backend's array has no such attribute)",
}

# KER328: an item of a TensorShape is an int on TF 2.15.1 (`Dimension` only under disable_v2_tensorshape) and a
# layer's shapes are tuples of ints on Keras 3.15.1 (programs tf_dimension_value_build.py, k3_dimension_value_build.py)
DIMENSION_VALUE_ERROR = "AttributeError: 'int' object has no attribute 'value'"
DIMENSION_RESTORING_CALLS = ("disable_v2_tensorshape", "disable_v2_behavior")

# keras 3.15.1 backend/common/variables.py ``standardize_shape``: an int is no shape (TF 2.15.1's tf.keras took
# ``Input(shape=784)`` as ``(784,)``; run on both in held-out probe 19)
INT_SHAPE_ERROR = "ValueError: Cannot convert '{shape}' to a shape."
# (owner, keyword, position) of the shapes tf.keras took as an int; TF 2.15.1 refuses an int batch shape too
INT_INPUT_SHAPES = {
    "layers.Input": (("shape", 0),),
    "layers.InputLayer": (("input_shape", None), ("shape", 0)),
}

# TF 2.15.1 hands a layer's ``build`` a ``TensorShape`` (``as_list()``, ``ndims``, ``rank``: run); Keras 3.15.1 a
# tuple (run: ``AttributeError: 'tuple' object has no attribute 'as_list'``; held-out probe 20). What the tuple gives
# the same: ``list(shape)`` for ``as_list()``, ``len(shape)`` for ``ndims``/``rank`` (a known rank: a tuple's).
TENSOR_SHAPE_READS = {"as_list": "list({shape})", "ndims": "len({shape})", "rank": "len({shape})"}

# The lists of a Keras layer's or model's variables (keras 3.15.1 Layer/Model properties; tf.keras 2.15 has them too)
VARIABLE_LISTS = frozenset(
    {"weights", "trainable_weights", "non_trainable_weights", "variables", "trainable_variables",
     "non_trainable_variables"}
)  # fmt: skip
# A variable's name: keras 2.15.0 `dense/kernel:0` (the layer's name scope and TF's output index), Keras 3.15.1
# `kernel` (its `path` is `sequential/dense/kernel`); run on both (KER250)
KERAS2_VARIABLE_NAME_END = ":0"

# The callables that make a functional graph's input KerasTensor (KER330)
INPUT_CALLABLES = frozenset({"layers.Input", "Input"})
# What a custom layer's code reading a KerasTensor of the module's graph does (KER330; run: the Keras 2.2 VAE loss
# layer: tests/data/api_programs/k3_vae_loss_layer_outer_tensor.py; tests/cases/keras22_vae_loss_layer_on_tf_keras.py)
OUTER_TENSOR_EFFECTS = {
    Target.KERAS3: (
        f"Keras {KERAS3_CHECKED} raises `ValueError` when the layer is called (it cannot infer the layer's output)"
    ),
    Target.TF_KERAS: (
        "tf.keras raises `TypeError` in `fit` (a KerasTensor passed to a TF API that does not allow custom dispatchers)"
    ),
}
# What a loss or metric function passed to `compile` that reads a KerasTensor of the module's graph does (KER330; run:
# the Keras blog's VAE, `vae_loss` reading `z_mean`: tests/data/api_programs/{tf,k3}_vae_loss_closure.py)
OUTER_TENSOR_LOSS_EFFECTS = {
    Target.KERAS3: (
        f"Keras {KERAS3_CHECKED} raises in `fit` (JAX backend: `ValueError: A KerasTensor cannot be used as input to a "
        "JAX function`)"
    ),
    Target.TF_KERAS: OUTER_TENSOR_EFFECTS[Target.TF_KERAS],
}
# TF 1's optimizers, which TF 2.15 serves from its legacy ones (run on TF 2.15.1, held-out probe 21: the class of
# `tf.compat.v1.keras.optimizers.Adam()` is `keras.src.optimizers.legacy.adam.Adam`, with `decay` and `lr`;
# tests/data/api_programs/tf_compat_v1_optimizer_decay.py)
TF1_OPTIMIZERS = "tensorflow.compat.v1.keras.optimizers"
# A model's steps, which `fit`, `evaluate` and `predict` trace into a graph unless `run_eagerly` (keras 2.15.0
# engine/training.py make_train_function: `tf.function(train_function)`; held-out probe 22, run on TF 2.15.1)
TRACED_MODEL_STEPS = frozenset({"train_step", "test_step", "predict_step"})
# The attributes a Keras layer's `build` makes its weights into (keras 2.15.0 and 3.15.1: Dense/Conv `kernel`,
# Embedding `embeddings`, BatchNormalization `gamma`/`moving_mean`, an RNN's `cell`, SeparableConv2D's and keras
# 2.15.0's DepthwiseConv2D's `depthwise_kernel`; tests/test_catalog_facts.py builds them on Keras 3): a sublayer with
# one, never built, has no weights (KER304)
WEIGHT_ATTRIBUTES = frozenset({"kernel", "embeddings", "gamma", "moving_mean", "cell", "depthwise_kernel"})

# The hyperparameters the TF 2.11+ optimizers (keras 2.15.0 keras/src/optimizers/sgd.py:127 `self.momentum =
# momentum`, adam.py:123, rmsprop.py:108) and Keras 3.15.1's (keras/src/optimizers/sgd.py:76, adam.py:76, …) keep as
# plain Python numbers, where Keras 2.2.4's optimizers made variables (`self.momentum = K.variable(momentum)`), and
# what the backend's `set_value` of one raises: `np.asarray(value, dtype=x.dtype…)` of a float (keras 2.15.0
# backend.py set_value; keras 3.15.1 src/legacy/backend.py:1877, tf.keras.backend of TF >= 2.16). Run on TF 2.15.1
# (held-out probe 21, a one-cycle callback: tests/data/api_programs/tf_set_value_momentum.py) and on Keras 3.15.1's
# legacy backend (tests/test_catalog_facts.py).
FLOAT_HYPERPARAMETERS = frozenset({"momentum", "beta_1", "beta_2", "rho", "epsilon"})
FLOAT_SET_VALUE_ERROR = "AttributeError: 'float' object has no attribute 'dtype'"
# The key of a functional model's config that lists a layer's inbound nodes (keras 2.15.0 and Keras 3.15.1
# Functional.get_config; their layouts differ: KER251, run on both)
INBOUND_NODES = "inbound_nodes"
