"""Renamed names: legacy spellings that are still aliases on a target (see the package docstring)."""

from __future__ import annotations

from typing import Tuple

from kerascheck.catalog.model import (
    BOTH,
    ONLY_TF_KERAS,
    RenamedName,
)

RENAMED_NAMES: Tuple[RenamedName, ...] = (
    # Keras 1 spelled convolutions out ("Convolution2D"); Keras 2 renamed them ("Conv2D") and kept the long
    # spelling as an alias, which both targets still export:
    # Keras 1.2.2 keras/layers/convolutional.py (classes Convolution1D/2D/3D, SeparableConvolution2D),
    # Keras 2.2.4 keras/layers/convolutional.py:2571-2576 (the aliases), keras 2.15.0
    # keras/api/_v2/keras/layers/__init__.py and keras 3.15.1 keras/layers/__init__.py (the aliases).
    # The rename is Keras 2.0's: Keras 2.0.0 (sdist) keras/layers/convolutional.py ends with the aliases
    # Convolution1D/2D/3D, SeparableConvolution2D and Convolution2DTranspose.
    # SeparableConvolution1D and Convolution1D/2D/3DTranspose never existed in Keras 1 (``origin=None``);
    # they are Keras 2 aliases in the Keras 1 spelling and are listed because they are the same kind of
    # alias: Convolution2DTranspose since Keras 2.0.0, SeparableConvolution1D since Keras 2.1.3 (Keras 2.1.2
    # keras/layers/convolutional.py has no SeparableConv1D), Convolution1D/3DTranspose only in tf.keras
    # (not in Keras 2.3.1; in keras 2.6.0 keras/api/_v2/keras/layers/__init__.py, the first tf.keras read).
    # Deliberately NOT listed: AvgPool1D/2D/3D, MaxPool1D/2D/3D, GlobalAvgPool*/GlobalMaxPool*. They were
    # never Keras 1 names (Keras 1.2.2 keras/layers/pooling.py has only the long names), they are official
    # short aliases since Keras 2.0 (Keras 2.2.4 keras/layers/pooling.py:779-790) and both targets export
    # them (keras 2.15.0 keras/api/_v2/keras/layers/__init__.py, keras 3.15.1 keras/layers/__init__.py).
    # Likewise Conv1D/Conv2D/SeparableConv2D were Keras 1 short aliases and are the canonical names today.
    RenamedName(
        "layers.Convolution1D",
        "layers.Conv1D",
        (
            "Keras 1.2.2 keras/layers/convolutional.py; alias in keras 2.15.0 "
            "keras/api/_v2/keras/layers/__init__.py and keras 3.15.1 keras/layers/__init__.py"
        ),
        BOTH,
        since="Keras 2.0",
    ),
    RenamedName(
        "layers.Convolution2D",
        "layers.Conv2D",
        (
            "Keras 1.2.2 keras/layers/convolutional.py; alias in keras 2.15.0 "
            "keras/api/_v2/keras/layers/__init__.py and keras 3.15.1 keras/layers/__init__.py"
        ),
        BOTH,
        since="Keras 2.0",
    ),
    RenamedName(
        "layers.Convolution3D",
        "layers.Conv3D",
        (
            "Keras 1.2.2 keras/layers/convolutional.py; alias in keras 2.15.0 "
            "keras/api/_v2/keras/layers/__init__.py and keras 3.15.1 keras/layers/__init__.py"
        ),
        BOTH,
        since="Keras 2.0",
    ),
    RenamedName(
        "layers.SeparableConvolution1D",
        "layers.SeparableConv1D",
        (
            "Keras 2.2.4 keras/layers/convolutional.py:2574; alias in keras 2.15.0 "
            "keras/api/_v2/keras/layers/__init__.py and keras 3.15.1 keras/layers/__init__.py"
        ),
        BOTH,
        origin=None,
        since="Keras 2.1.3",
    ),
    RenamedName(
        "layers.SeparableConvolution2D",
        "layers.SeparableConv2D",
        (
            "Keras 1.2.2 keras/layers/convolutional.py; alias in keras 2.15.0 "
            "keras/api/_v2/keras/layers/__init__.py and keras 3.15.1 keras/layers/__init__.py"
        ),
        BOTH,
        since="Keras 2.0",
    ),
    RenamedName(
        "layers.Convolution1DTranspose",
        "layers.Conv1DTranspose",
        (
            "Keras 2 alias (not in Keras 2.2.4); alias in keras 2.15.0 keras/api/_v2/keras/layers/__init__.py "
            "and keras 3.15.1 keras/layers/__init__.py"
        ),
        BOTH,
        origin=None,
    ),
    RenamedName(
        "layers.Convolution2DTranspose",
        "layers.Conv2DTranspose",
        (
            "Keras 2.2.4 keras/layers/convolutional.py:2576; alias in keras 2.15.0 "
            "keras/api/_v2/keras/layers/__init__.py and keras 3.15.1 keras/layers/__init__.py"
        ),
        BOTH,
        origin=None,
        since="Keras 2.0",
    ),
    RenamedName(
        "layers.Convolution3DTranspose",
        "layers.Conv3DTranspose",
        (
            "Keras 2 alias (not in Keras 2.2.4); alias in keras 2.15.0 keras/api/_v2/keras/layers/__init__.py "
            "and keras 3.15.1 keras/layers/__init__.py"
        ),
        BOTH,
        origin=None,
    ),
    # Keras 1 loss/metric spellings that tf.keras still aliases but Keras 3 dropped (see REMOVED_NAMES):
    # Keras 1.2.2 keras/objectives.py, keras/metrics.py; keras 2.15.0 keras/api/_v2/keras/losses/__init__.py,
    # metrics/__init__.py (both spellings); keras 3.15.1 keras/losses/__init__.py (only kl_divergence).
    # Short aliases such as mse/mae are official Keras 2 shorthands, not legacy spellings: not listed here.
    RenamedName(
        "losses.kullback_leibler_divergence",
        "losses.kl_divergence",
        "Keras 1.2.2 keras/objectives.py; both spellings in keras 2.15.0 keras/api/_v2/keras/losses/__init__.py",
        ONLY_TF_KERAS,
    ),
    RenamedName(
        "metrics.kullback_leibler_divergence",
        "metrics.kl_divergence",
        "Keras 1.2.2 keras/metrics.py; both spellings in keras 2.15.0 keras/api/_v2/keras/metrics/__init__.py",
        ONLY_TF_KERAS,
    ),
    RenamedName(
        "losses.logcosh",
        "losses.log_cosh",
        "Keras 2.2.4 keras/losses.py:48; both spellings in keras 2.15.0 keras/api/_v2/keras/losses/__init__.py",
        ONLY_TF_KERAS,
        origin="multi-backend Keras 2",
    ),
    RenamedName(
        "metrics.logcosh",
        "metrics.log_cosh",
        "Keras 2.2.4 keras/losses.py:48; both spellings in keras 2.15.0 keras/api/_v2/keras/metrics/__init__.py",
        ONLY_TF_KERAS,
        origin="multi-backend Keras 2",
    ),
)
