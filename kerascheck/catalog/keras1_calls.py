"""Keras 1 call forms that Keras 2 rewrote as a whole: keywords merged into one, keywords dropped,
and the Keras 1 ``merge`` modes with the Keras 2 layer of each.

Sources: keras 2.2.4 ``keras/legacy/interfaces.py`` (the ``*_args_preprocessor`` functions) and
keras 1.2.2 ``keras/engine/topology.py`` (``Merge.call`` and ``merge``).
"""

from __future__ import annotations

from typing import Dict, Optional, Tuple

from kerascheck.catalog.model import Literal
from kerascheck.record import Record

_I = "keras 2.2.4 keras/legacy/interfaces.py"


class MergedKeywords(Record):
    """Keras 1 keywords that Keras 2 folded, in this order, into one tuple keyword."""

    owners: Tuple[str, ...]
    old: Tuple[str, ...]
    new: str
    source: str


class DroppedKeyword(Record):
    """A Keras 1 keyword that Keras 2 dropped (for the values in ``values``; any value when it is None).
    ``safe``: deleting it keeps what the layer does; otherwise the result may differ."""

    owner: str
    name: str
    values: Optional[Tuple[Literal, ...]]
    source: str
    safe: bool = True


MERGED_KEYWORDS: Tuple[MergedKeywords, ...] = (
    # conv2d_args_preprocessor (also run by the separable_conv2d, deconv2d and convlstm2d ones):
    # kernel_size = (kwargs.pop('nb_row'), kwargs.pop('nb_col'))
    MergedKeywords(
        ("layers.Conv2D", "layers.LocallyConnected2D", "layers.SeparableConv2D", "layers.Conv2DTranspose",
         "layers.ConvLSTM2D"),
        ("nb_row", "nb_col"),
        "kernel_size",
        f"{_I} conv2d_args_preprocessor",
    ),
    # conv3d_args_preprocessor: kernel_size = (kernel_dim1, kernel_dim2, kernel_dim3)
    MergedKeywords(
        ("layers.Conv3D",),
        ("kernel_dim1", "kernel_dim2", "kernel_dim3"),
        "kernel_size",
        f"{_I} conv3d_args_preprocessor",
    ),
)  # fmt: skip

DROPPED_KEYWORDS: Tuple[DroppedKeyword, ...] = (
    # batchnorm_args_preprocessor: mode=0 is popped (the only Keras 2 behaviour), other modes raise
    DroppedKeyword("layers.BatchNormalization", "mode", (0,), f"{_I} batchnorm_args_preprocessor"),
    # deconv2d_args_preprocessor: kwargs.pop('output_shape'); Conv2DTranspose computes its own shape, which
    # can differ from the one Keras 1 was asked for (output_padding picks among the possible ones): unsafe
    DroppedKeyword("layers.Conv2DTranspose", "output_shape", None, f"{_I} deconv2d_args_preprocessor", False),
)

MERGED_BY_OWNER = {(owner, fact.old[0]): fact for fact in MERGED_KEYWORDS for owner in fact.owners}
MERGED_BY_OWNER.update({(owner, name): fact for fact in MERGED_KEYWORDS for owner in fact.owners for name in fact.old})
DROPPED_BY_OWNER = {(fact.owner, fact.name): fact for fact in DROPPED_KEYWORDS}


class MergeMode(Record):
    """A Keras 1 ``merge`` mode and the Keras 2 layer that computes it."""

    mode: str
    layer: str  # in layers
    axis_from: Optional[str]  # the Keras 1 keyword whose value the layer takes ...
    axis_keyword: Optional[str]  # ... as this keyword
    extra: Tuple[Tuple[str, str], ...]  # further constructor keywords, as source text
    same_meaning: bool
    difference: str  # what needs a look when not the same
    source: str


_M = "keras 1.2.2 keras/engine/topology.py Merge.call, Merge.get_output_shape_for"
_ELEMENTWISE = "keras 2.15 / keras 3.15.1 keras/layers/merging/"

MERGE_MODES: Tuple[MergeMode, ...] = (
    # sum: s += inputs[i]; mul: s *= inputs[i]; ave: sum / len(inputs); max: K.maximum pairwise
    MergeMode("sum", "Add", None, None, (), True, "", f"{_M}; {_ELEMENTWISE}add.py"),
    MergeMode("mul", "Multiply", None, None, (), True, "", f"{_M}; {_ELEMENTWISE}multiply.py"),
    MergeMode("ave", "Average", None, None, (), True, "", f"{_M}; {_ELEMENTWISE}average.py"),
    MergeMode("max", "Maximum", None, None, (), True, "", f"{_M}; {_ELEMENTWISE}maximum.py"),
    # concat: K.concatenate(inputs, axis=concat_axis), concat_axis defaulting to -1 as Concatenate's axis
    MergeMode("concat", "Concatenate", "concat_axis", "axis", (), True, "", f"{_M}; {_ELEMENTWISE}concatenate.py"),
    # dot: K.batch_dot(l1, l2, dot_axes), dot_axes defaulting to -1; Dot has no default for axes
    MergeMode(
        "dot", "Dot", "dot_axes", "axes", (), False,
        "Keras 1 took `dot_axes` for its own `batch_dot`; check the output shape", f"{_M}; {_ELEMENTWISE}dot.py",
    ),
    # cos: batch_dot(l1, l2) / sqrt(batch_dot(l1, l1) * batch_dot(l2, l2)), then K.expand_dims(output, 1)
    MergeMode(
        "cos", "Dot", "dot_axes", "axes", (("normalize", "True"),), False,
        "Keras 1 added an axis to the cosine that `Dot(normalize=True)` does not", f"{_M}; {_ELEMENTWISE}dot.py",
    ),
)  # fmt: skip

MERGE_MODE_BY_NAME = {fact.mode: fact for fact in MERGE_MODES}
MERGE_AXIS_DEFAULTS = {"dot_axes": "-1"}  # keras 1.2.2 Merge.__init__(dot_axes=-1)


# keras 2.15.0 keras/api/_v2/keras/optimizers/legacy/__init__.py: the pre-2.11 optimizers, which still
# take `decay=` (keras 2.15.0 keras/src/optimizers/legacy/optimizer_v2.py _decayed_lr:
# lr / (1 + decay * iterations), the formula of keras 2.2.4 keras/optimizers.py). The namespace exists
# from keras 2.9.0 (keras/optimizers/legacy/__init__.py at tag v2.9.0).
LEGACY_OPTIMIZERS = frozenset(
    f"optimizers.{name}" for name in ("Adadelta", "Adagrad", "Adam", "Adamax", "Ftrl", "SGD", "Nadam", "RMSprop")
)
# The first TensorFlow with `optimizers.legacy` (keras 2.9.0 keras/api/_v2/keras/optimizers/legacy/; keras
# 2.8.0 has no such directory). Checked by tests/test_catalog_facts.py.
LEGACY_OPTIMIZERS_SINCE = "TF 2.9"
# keras 3.15.1 keras/src/optimizers/schedules/learning_rate_schedule.py InverseTimeDecay:
# initial_learning_rate / (1 + decay_rate * step / decay_steps); with decay_steps=1 Keras 2's decay.
DECAY_SCHEDULE = "schedules.InverseTimeDecay({rate}, decay_steps=1, decay_rate={decay})"


# keras 2.2.4 keras/backend/common.py image_dim_ordering / set_image_dim_ordering ('th' is
# 'channels_first', 'tf' is 'channels_last'); keras 2.15.0 keras/api/_v2/keras/backend/__init__.py and
# keras 3.15.1 keras/backend/__init__.py have image_data_format / set_image_data_format.
class RenamedFunction(Record):
    old: str
    new: str
    source: str


_B = "keras 2.2.4 keras/backend/common.py; keras 2.15.0 and 3.15.1 keras backend"
DIM_ORDERING_FUNCTIONS: Tuple[RenamedFunction, ...] = (
    RenamedFunction("backend.image_dim_ordering", "backend.image_data_format", _B),
    RenamedFunction("backend.set_image_dim_ordering", "backend.set_image_data_format", _B),
)
DIM_ORDERING_BY_NAME = {fact.old: fact.new for fact in DIM_ORDERING_FUNCTIONS}
DIM_ORDERING_VALUES = {"th": "channels_first", "tf": "channels_last"}


class OpsReplacement(Record):
    """A Keras 2 backend function with a ``keras.ops`` function that computes the same for the calls it
    fixes: the same positional parameters; ``keywords`` (the same names in both) may be passed by
    name; ``required`` must be passed (Keras 2 and Keras 3 defaults differ, or ops has none)."""

    old: str  # in backend
    new: str  # in ops
    keywords: Tuple[str, ...] = ()
    required: Tuple[str, ...] = ()
    max_positional: int = 1


_OPS = (
    "keras 2.15.0 keras/src/backend.py and keras 3.15.1 keras/src/ops/*.py signatures; each result checked "
    "against TensorFlow 2.15 on sample inputs by tests/test_ops_replacements.py"
)
# Left out on purpose: shape (a tuple in Keras 3, a tensor in Keras 2), hard_sigmoid (slope 1/6 in Keras 3,
# 0.2 in Keras 2), ones/zeros/eye (variables in Keras 2), repeat (RepeatVector's meaning in Keras 2), dot,
# gather, l2_normalize, relu with alpha/max_value, and every function whose defaults differ unless passed.
OPS_REPLACEMENTS: Tuple[OpsReplacement, ...] = (
    *(OpsReplacement(name, name) for name in (
        "abs", "cos", "exp", "log", "sigmoid", "sign", "sin", "softplus", "softsign", "sqrt", "square", "tanh",
        "ndim", "transpose", "relu", "stop_gradient", "round",
    )),
    *(OpsReplacement(name, name, ("axis", "keepdims"), (), 3) for name in (
        "all", "any", "max", "mean", "min", "prod", "std", "sum", "var", "logsumexp",
    )),
    OpsReplacement("softmax", "softmax", ("axis",), (), 2),
    OpsReplacement("elu", "elu", ("alpha",), (), 2),
    OpsReplacement("stack", "stack", ("axis",), (), 2),
    OpsReplacement("cast", "cast", ("dtype",), (), 2),
    *(OpsReplacement(name, name, (), (), 2) for name in (
        "maximum", "minimum", "equal", "not_equal", "greater", "greater_equal", "less", "less_equal",
        "reshape", "tile",
    )),
    OpsReplacement("pow", "power", (), (), 2),
    OpsReplacement("permute_dimensions", "transpose", (), (), 2),
    OpsReplacement("clip", "clip", (), (), 3),
    OpsReplacement("concatenate", "concatenate", ("axis",), ("axis",), 2),
    OpsReplacement("expand_dims", "expand_dims", ("axis",), ("axis",), 2),
    OpsReplacement("squeeze", "squeeze", ("axis",), ("axis",), 2),
    OpsReplacement("argmax", "argmax", ("axis",), ("axis",), 2),
    OpsReplacement("argmin", "argmin", ("axis",), ("axis",), 2),
    OpsReplacement("cumsum", "cumsum", ("axis",), ("axis",), 2),
    OpsReplacement("cumprod", "cumprod", ("axis",), ("axis",), 2),
)  # fmt: skip
OPS_BY_NAME = {f"backend.{fact.old}": fact for fact in OPS_REPLACEMENTS}
# TensorFlow's short dtype names, which Keras 3 refuses (`ops.cast(x, "float")`: ValueError: Invalid dtype: float,
# run on Keras 3.15.1), with what TF 2.15.1 read them as (`K.cast(x, "float").dtype` is float32, run; held-out probe 17;
# tests/test_ops_replacements.py checks them on both)
TF_DTYPE_NAMES = {"float": "float32", "double": "float64", "half": "float16"}


class InitializerFunction(Record):
    """A Keras 1 initializer function of the shape, and the Keras 2+ class that draws the same values."""

    function: str  # canonical: "initializers.normal"
    cls: str  # the class's name in keras.initializers on both targets: "RandomNormal"
    # how Keras 1's `scale` becomes constructor arguments ("stddev={s}"; {p}: in parentheses if compound)
    scale: Optional[str]
    default: Optional[str]  # Keras 1's default scale, written out when it differs from the class's default
    same_meaning: bool
    difference: str = ""  # what changes, for an unsafe fix
    source: str = ""


# Keras 1.2.2 keras/initializations.py: normal(shape, scale=0.05) draws N(0, scale); uniform(shape, scale=0.05)
# U(-scale, scale); identity(shape, scale=1) scale * I; orthogonal(shape, scale=1.1) scale * an orthogonal
# matrix (SVD of a normal matrix flattened as (shape[0], rest)); zero/one. Keras 3.15.1 and keras 2.15
# keras.initializers: RandomNormal(mean=0.0, stddev=0.05), RandomUniform(minval=-0.05, maxval=0.05),
# Identity(gain=1.0), Orthogonal(gain=1.0) (QR of a normal matrix flattened as (rest, shape[-1])), Zeros, Ones.
_INIT = "Keras 1.2.2 keras/initializations.py; keras 2.15 / keras 3.15.1 keras.initializers"
INITIALIZER_FUNCTIONS = (
    InitializerFunction("initializers.normal", "RandomNormal", "stddev={s}", None, True, source=_INIT),
    InitializerFunction("initializers.uniform", "RandomUniform", "minval=-{p}, maxval={s}", None, True, source=_INIT),
    InitializerFunction("initializers.zero", "Zeros", None, None, True, source=_INIT),
    InitializerFunction("initializers.one", "Ones", None, None, True, source=_INIT),
    InitializerFunction("initializers.identity", "Identity", "gain={s}", None, True, source=_INIT),
    InitializerFunction(
        "initializers.orthogonal",
        "Orthogonal",
        "gain={s}",
        "1.1",
        False,
        "Keras 1 orthogonalised the rows of a (shape[0], rest) matrix, Keras 2 and 3 a (rest, shape[-1]) one; "
        "the same for a square 2D kernel",
        _INIT,
    ),  # fmt: skip
)
INITIALIZER_FUNCTION_BY_NAME = {fact.function: fact for fact in INITIALIZER_FUNCTIONS}


# Keras 1.2.2 keras/layers/convolutional.py: AtrousConvolution1D(nb_filter, filter_length, init, …) and
# AtrousConvolution2D(nb_filter, nb_row, nb_col, init, …), each with `atrous_rate`; Keras 2.2.4
# keras/legacy/layers.py built them as Conv1D/Conv2D with dilation_rate=atrous_rate (KER117's fix). The
# layer each becomes, and how many leading positionals Keras 1 took (filters and the kernel sizes).
ATROUS_CONVOLUTIONS: Dict[str, Tuple[str, int]] = {
    "layers.AtrousConvolution1D": ("Conv1D", 2),
    "layers.AtrousConvolution2D": ("Conv2D", 3),
}
ATROUS_RATE_KEYWORD = "atrous_rate"

# Keras 1.2.2 keras/initializations.py: functions `normal(shape, scale=0.05, name=None)`, `uniform(shape,
# scale=0.05)`, `zero(shape)`, `one(shape)`; Keras 2.2.4 keras/initializers.py:443-447 made the names
# aliases of the classes (RandomNormal(mean, stddev, seed)…). Renaming a call with arguments would turn
# the shape into the mean; only `normal()` means the same under both names.
KERAS1_INITIALIZER_ALIASES = frozenset(
    {"initializers.normal", "initializers.uniform", "initializers.zero", "initializers.one"}
)

# The backend crossentropies' order (KER247). Keras 1.2.2 and 2.0.0–2.0.6 keras/backend/tensorflow_backend.py:
# binary_crossentropy(output, target, …), the same for these two; Keras 2.0.7: (target, output), as keras 2.15.0
# backend.py, Keras 3.15.1's keras.ops and its tf.keras backend (keras/src/legacy/backend.py)
CROSSENTROPY_FUNCTIONS = ("binary_crossentropy", "categorical_crossentropy", "sparse_categorical_crossentropy")
# the names Keras's own losses give the two (keras 2.2.4 losses.py: ``def binary_crossentropy(y_true, y_pred)``)
PREDICTION_NAMES = frozenset({"y_pred", "pred", "preds", "prediction", "predictions", "output", "outputs"})
TARGET_NAMES = frozenset({"y_true", "true", "target", "targets", "label", "labels"})

# The backend functions that make a tf.Variable on tf.keras (keras 2.15.0 keras/src/backend.py: each returns
# `variable(…)`; `zeros`/`ones` only for a fully static shape), with TensorFlow's function that makes the same values
# as a tensor (KER249; a regularizer with `K.eye`, a loss with `K.zeros((1,))` raise in `fit`, run on TF 2.15.1)
VARIABLE_MAKERS = {
    "eye": "eye",
    "zeros": "zeros",
    "ones": "ones",
    "variable": "constant",
    "random_uniform_variable": "random.uniform",
    "random_normal_variable": "random.normal",
}
STATIC_SHAPE_MAKERS = frozenset({"zeros", "ones"})
REGULARIZER_KEYWORDS = frozenset(
    {"kernel_regularizer", "bias_regularizer", "activity_regularizer", "recurrent_regularizer"}
)
