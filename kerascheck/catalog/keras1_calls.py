"""Keras 1 call forms that Keras 2 rewrote as a whole: keywords merged into one, keywords dropped,
and the Keras 1 ``merge`` modes with the Keras 2 layer of each.

Sources: keras 2.2.4 ``keras/legacy/interfaces.py`` (the ``*_args_preprocessor`` functions) and
keras 1.2.2 ``keras/engine/topology.py`` (``Merge.call`` and ``merge``).
"""

from __future__ import annotations

from typing import NamedTuple, Optional, Tuple

from kerascheck.catalog.model import Literal

_I = "keras 2.2.4 keras/legacy/interfaces.py"


class MergedKeywords(NamedTuple):
    """Keras 1 keywords that Keras 2 folded, in this order, into one tuple keyword."""

    owners: Tuple[str, ...]
    old: Tuple[str, ...]
    new: str
    source: str


class DroppedKeyword(NamedTuple):
    """A Keras 1 keyword that Keras 2 removed with no effect (for the values in ``values``; any value
    when it is None): deleting it keeps what the layer does."""

    owner: str
    name: str
    values: Optional[Tuple[Literal, ...]]
    source: str


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
    # deconv2d_args_preprocessor: kwargs.pop('output_shape'); Conv2DTranspose computes its own shape
    DroppedKeyword("layers.Conv2DTranspose", "output_shape", None, f"{_I} deconv2d_args_preprocessor"),
)

MERGED_BY_OWNER = {(owner, fact.old[0]): fact for fact in MERGED_KEYWORDS for owner in fact.owners}
MERGED_BY_OWNER.update({(owner, name): fact for fact in MERGED_KEYWORDS for owner in fact.owners for name in fact.old})
DROPPED_BY_OWNER = {(fact.owner, fact.name): fact for fact in DROPPED_KEYWORDS}


class MergeMode(NamedTuple):
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
# keras 3.15.1 keras/src/optimizers/schedules/learning_rate_schedule.py InverseTimeDecay:
# initial_learning_rate / (1 + decay_rate * step / decay_steps); with decay_steps=1 Keras 2's decay.
DECAY_SCHEDULE = "schedules.InverseTimeDecay({rate}, decay_steps=1, decay_rate={decay})"
