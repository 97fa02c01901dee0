"""Keyword facts from signatures: what Keras 2 renamed or dropped in Keras 1 callables that
``keras/legacy/interfaces.py`` never shimmed (the backend API, preprocessing, utils, datasets, callbacks,
constraints).

Found by comparing the real signatures, read with ``ast`` (never imported), of every callable present in
both Keras 1.2.2 (sdist) and Keras 2.2.4 (wheel): every function of ``keras/backend/tensorflow_backend.py``,
the public classes' ``__init__`` and the functions of ``keras/preprocessing/*.py``, ``keras/callbacks.py``,
``keras/utils/*.py``, ``keras/datasets/*.py``, ``keras/regularizers.py``, ``keras/constraints.py``,
``keras/wrappers/scikit_learn.py`` and the ``Model``/``Sequential`` methods. Keras 2.2.4's
``keras/preprocessing/{image,text,sequence}.py`` re-export Keras-Preprocessing (>= 1.0.5, its pinned
dependency) for the names they do not define themselves; those signatures are read from
``keras_preprocessing`` 1.0.5. Each parameter that disappeared was then classified by reading the Keras 2.2.4
code: the same value under a new name is a rename, a parameter whose value must change is a
changed-meaning keyword, a parameter with no counterpart is removed.

Tables:

- ``SIGNATURE_KEYWORD_RENAMES``: a Keras 1 keyword with a plain Keras 2 spelling (plus literal value
  conversions: ``dim_ordering`` values became ``data_format`` values);
- ``SIGNATURE_CHANGED_MEANING_KEYWORDS``: renamed, but the call must change too (the backend convolutions'
  ``dim_ordering`` also fixed the kernel layout, ``data_format`` does not);
- ``SIGNATURE_REMOVED_KEYWORDS``: a Keras 1 keyword with no Keras 2 counterpart;
- ``SIGNATURE_OWNER_TARGETS`` / ``SIGNATURE_OWNERS_KEPT_IN_TF_KERAS``: where each owner exists today with
  its new keyword (keras 2.15.0 ``keras/api/_v2/keras``; keras 3.15.1 ``keras/<module>/__init__.py``, and
  ``keras/_tf_keras/keras``, which TensorFlow >= 2.16 serves as ``tf.keras``);
- ``SIGNATURE_OLD_KEYWORD_EFFECTS``: the few old keywords a target still swallows instead of rejecting.

Owners are canonical names below the keras root, in their Keras 2 spelling (``backend.random_normal``,
``utils.to_categorical`` for Keras 1's ``keras.utils.np_utils.to_categorical``). No (owner, keyword) here
is in ``kerascheck/catalog/arguments.py``. Verified by ``tests/test_catalog_signatures.py``.

Deliberately not listed: ``backend.batch_get_value``
(``xs`` became ``ops`` in Keras 2.2.4 but is ``tensors`` today), ``ImageDataGenerator.flow(X=)`` (a
method owner ``.flow``/``.fit`` is too generic), ``initializations`` functions (not a keyword rename: the
module became classes), ``regularizers.l1/l2(l=)`` (unchanged from 1.2.2 to 2.2.4).
"""

from __future__ import annotations

from typing import Dict, FrozenSet, Tuple

from kerascheck.catalog.model import (
    BOTH,
    ONLY_TF_KERAS,
    ChangedMeaningKeyword,
    KeywordRename,
    OldKeywordEffect,
    RemovedKeyword,
    Target,
)

_K1 = "Keras 1.2.2"
_K2 = "Keras 2.2.4"
_KP = "Keras-Preprocessing 1.0.5"  # what Keras 2.2.4 keras/preprocessing re-exports
_TFB = "keras/backend/tensorflow_backend.py"

# Keras 1.2.2 backend and preprocessing: dim_ordering='default' meant image_dim_ordering(); Keras 2.2.4
# data_format=None means image_data_format() (normalize_data_format in the backend, the explicit
# `if data_format is None` in keras/preprocessing/image.py). The same conversions as the layers'.
_DIM_ORDERING_VALUES = (
    ("tf", "channels_last"),
    ("th", "channels_first"),
    ("default", None),
)
# Keras 1.2.2 resize_images/resize_volumes took only 'th' or 'tf' (no default, no 'default'); Keras 2.2.4
# and keras 2.15.0 take only 'channels_first' or 'channels_last' (None raises there).
_TH_TF_VALUES = (
    ("tf", "channels_last"),
    ("th", "channels_first"),
)

# --- Owner groups -------------------------------------------------------------------------------------
# Keras 1.2.2 / 2.2.4 keras/backend/tensorflow_backend.py: the functions taking border_mode -> padding.
_BACKEND_BORDER_MODE = (
    "backend.conv1d",
    "backend.conv2d",
    "backend.conv3d",
    "backend.separable_conv2d",
    "backend.pool2d",
    "backend.pool3d",
)
# dim_ordering -> data_format where only the input/output layout is meant (no kernel).
_BACKEND_DIM_ORDERING = (
    "backend.pool2d",
    "backend.pool3d",
    "backend.spatial_2d_padding",
    "backend.spatial_3d_padding",
)
_BACKEND_RESIZE = ("backend.resize_images", "backend.resize_volumes")
# dim_ordering -> data_format where dim_ordering also set the kernel layout (Keras 1.2.2
# _preprocess_conv2d_kernel/_preprocess_conv3d_kernel transposed a 'th' kernel; Keras 2.2.4 never does).
_BACKEND_CONVOLUTIONS = ("backend.conv2d", "backend.conv3d", "backend.separable_conv2d")
# Keras 1.2.2 keras/preprocessing/image.py; Keras 2.2.4 keras/preprocessing/image.py defines these
# wrappers itself (their __init__/signature takes data_format=None).
_IMAGE_DIM_ORDERING = (
    "preprocessing.image.ImageDataGenerator",
    "preprocessing.image.DirectoryIterator",
    "preprocessing.image.NumpyArrayIterator",
    "preprocessing.image.array_to_img",
    "preprocessing.image.img_to_array",
)
_DATASETS_NB_WORDS = ("datasets.imdb.load_data", "datasets.reuters.load_data")


SIGNATURE_KEYWORD_RENAMES: tuple[KeywordRename, ...] = (
    # --- Backend: random tensors ---------------------------------------------------------------------
    # Keras 2 adopted TensorFlow's names (tf.random_normal(stddev), tf.random_uniform(minval, maxval)).
    KeywordRename(
        owners=("backend.random_normal",),
        old="std",
        new="stddev",
        source=f"{_K1} {_TFB} random_normal(std); {_K2} {_TFB} random_normal(stddev)",
    ),
    KeywordRename(
        owners=("backend.random_uniform",),
        old="low",
        new="minval",
        source=f"{_K1} {_TFB} random_uniform(low, high); {_K2} {_TFB} random_uniform(minval, maxval)",
    ),
    KeywordRename(
        owners=("backend.random_uniform",),
        old="high",
        new="maxval",
        source=f"{_K1} {_TFB} random_uniform(low, high); {_K2} {_TFB} random_uniform(minval, maxval)",
    ),
    # --- Backend: convolution and pooling ------------------------------------------------------------
    # The same renames as the layers' (border_mode -> padding, same 'same'/'valid' values).
    KeywordRename(
        owners=_BACKEND_BORDER_MODE,
        old="border_mode",
        new="padding",
        source=(
            f"{_K1} {_TFB} conv1d, conv2d, conv3d, separable_conv2d, pool2d, pool3d(border_mode); "
            f"{_K2} {_TFB} conv1d, conv2d, conv3d, separable_conv2d, pool2d, pool3d(padding)"
        ),
    ),
    KeywordRename(
        owners=("backend.conv1d",),
        old="stride",
        new="strides",
        source=f"{_K1} {_TFB} conv1d(stride); {_K2} {_TFB} conv1d(strides)",
    ),
    # Keras 1.2.2 conv2d(filter_dilation=(r, r)) ran tf.nn.atrous_conv2d with rate r; Keras 2.2.4
    # conv2d(dilation_rate=(r, r)) passes it to tf.nn.convolution: the same dilation.
    KeywordRename(
        owners=("backend.conv2d",),
        old="filter_dilation",
        new="dilation_rate",
        source=f"{_K1} {_TFB} conv2d(filter_dilation); {_K2} {_TFB} conv2d(dilation_rate)",
    ),
    # --- Backend: data layout --------------------------------------------------------------------------
    KeywordRename(
        owners=_BACKEND_DIM_ORDERING,
        old="dim_ordering",
        new="data_format",
        source=(
            f"{_K1} {_TFB} pool2d, pool3d, spatial_2d_padding, spatial_3d_padding(dim_ordering='default'); "
            f"{_K2} {_TFB} pool2d, pool3d, spatial_2d_padding, spatial_3d_padding(data_format=None)"
        ),
        values=_DIM_ORDERING_VALUES,
    ),
    KeywordRename(
        owners=_BACKEND_RESIZE,
        old="dim_ordering",
        new="data_format",
        source=(
            f"{_K1} {_TFB} resize_images, resize_volumes(X, ..., dim_ordering); "
            f"{_K2} {_TFB} resize_images, resize_volumes(x, ..., data_format)"
        ),
        values=_TH_TF_VALUES,
    ),
    KeywordRename(
        owners=_BACKEND_RESIZE,
        old="X",
        new="x",
        source=(f"{_K1} {_TFB} resize_images, resize_volumes(X); {_K2} {_TFB} resize_images, resize_volumes(x)"),
    ),
    # --- Backend: other tensor operations ------------------------------------------------------------
    KeywordRename(
        owners=("backend.expand_dims",),
        old="dim",
        new="axis",
        source=f"{_K1} {_TFB} expand_dims(x, dim=-1); {_K2} {_TFB} expand_dims(x, axis=-1)",
    ),
    KeywordRename(
        owners=("backend.one_hot",),
        old="nb_classes",
        new="num_classes",
        source=f"{_K1} {_TFB} one_hot(indices, nb_classes); {_K2} {_TFB} one_hot(indices, num_classes)",
    ),
    KeywordRename(
        owners=("backend.moving_average_update",),
        old="variable",
        new="x",
        source=(
            f"{_K1} {_TFB} moving_average_update(variable, value, momentum); "
            f"{_K2} {_TFB} moving_average_update(x, value, momentum)"
        ),
    ),
    # --- utils (Keras 1 keras.utils.np_utils, canonicalised to utils) ----------------------------------
    KeywordRename(
        owners=("utils.to_categorical",),
        old="nb_classes",
        new="num_classes",
        source=(
            f"{_K1} keras/utils/np_utils.py to_categorical(y, nb_classes); "
            f"{_K2} keras/utils/np_utils.py to_categorical(y, num_classes)"
        ),
    ),
    KeywordRename(
        owners=("utils.normalize",),
        old="a",
        new="x",
        source=f"{_K1} keras/utils/np_utils.py normalize(a); {_K2} keras/utils/np_utils.py normalize(x)",
    ),
    # --- preprocessing.image ---------------------------------------------------------------------------
    # Keras 1.2.2 dim_ordering='default' -> Keras 2.2.4 data_format=None (image_data_format()).
    KeywordRename(
        owners=_IMAGE_DIM_ORDERING,
        old="dim_ordering",
        new="data_format",
        source=(
            f"{_K1} keras/preprocessing/image.py ImageDataGenerator, DirectoryIterator, NumpyArrayIterator "
            "(__init__), array_to_img, img_to_array(dim_ordering='default'); "
            f"{_K2} keras/preprocessing/image.py ImageDataGenerator, DirectoryIterator, NumpyArrayIterator "
            "(__init__), array_to_img, img_to_array(data_format=None)"
        ),
        values=_DIM_ORDERING_VALUES,
    ),
    # The bound of the random shift, under a new name (Keras 1 drew one shift per channel, Keras 2 one
    # shift for the image: the keyword means the same range).
    KeywordRename(
        owners=("preprocessing.image.random_channel_shift",),
        old="intensity",
        new="intensity_range",
        source=(
            f"{_K1} keras/preprocessing/image.py random_channel_shift(x, intensity); "
            f"{_K2} keras/preprocessing/image.py random_channel_shift = keras_preprocessing.image."
            f"random_channel_shift, {_KP} keras_preprocessing/image.py random_channel_shift(x, intensity_range)"
        ),
    ),
    # --- preprocessing.text ----------------------------------------------------------------------------
    # Keras 2.2.4 still took nb_words through **kwargs with a warning ("has been renamed `num_words`").
    KeywordRename(
        owners=("preprocessing.text.Tokenizer",),
        old="nb_words",
        new="num_words",
        source=(
            f"{_K1} keras/preprocessing/text.py Tokenizer.__init__(nb_words); "
            f"{_K2} keras/preprocessing/text.py Tokenizer = keras_preprocessing.text.Tokenizer, "
            f"{_KP} keras_preprocessing/text.py Tokenizer.__init__(num_words; pops nb_words from **kwargs)"
        ),
    ),
    # --- datasets --------------------------------------------------------------------------------------
    # Keras 2.2.4 load_data: `num_words = kwargs.pop('nb_words')` with a warning.
    KeywordRename(
        owners=_DATASETS_NB_WORDS,
        old="nb_words",
        new="num_words",
        source=(
            f"{_K1} keras/datasets/imdb.py, reuters.py load_data(nb_words); "
            f"{_K2} keras/datasets/imdb.py:51, reuters.py:49 load_data(num_words; pops nb_words from **kwargs)"
        ),
    ),
    # --- callbacks -------------------------------------------------------------------------------------
    # Keras 2.2.4 ReduceLROnPlateau: `min_delta = kwargs.pop('epsilon')` ("`epsilon` argument is
    # deprecated and will be removed, use `min_delta` instead").
    KeywordRename(
        owners=("callbacks.ReduceLROnPlateau",),
        old="epsilon",
        new="min_delta",
        source=(
            f"{_K1} keras/callbacks.py ReduceLROnPlateau.__init__(epsilon); "
            f"{_K2} keras/callbacks.py:1064 ReduceLROnPlateau.__init__(min_delta; pops epsilon from **kwargs)"
        ),
    ),
    # --- constraints -----------------------------------------------------------------------------------
    # Keras 1's lowercase alias maxnorm is mapped to constraints.MaxNorm by RENAMED/REMOVED_NAMES first.
    KeywordRename(
        owners=("constraints.MaxNorm",),
        old="m",
        new="max_value",
        source=(
            f"{_K1} keras/constraints.py MaxNorm.__init__(m); {_K2} keras/constraints.py MaxNorm.__init__(max_value)"
        ),
    ),
    KeywordRename(
        owners=("constraints.MinMaxNorm",),
        old="low",
        new="min_value",
        source=(
            f"{_K1} keras/constraints.py MinMaxNorm.__init__(low, high); "
            f"{_K2} keras/constraints.py MinMaxNorm.__init__(min_value, max_value)"
        ),
    ),
    KeywordRename(
        owners=("constraints.MinMaxNorm",),
        old="high",
        new="max_value",
        source=(
            f"{_K1} keras/constraints.py MinMaxNorm.__init__(low, high); "
            f"{_K2} keras/constraints.py MinMaxNorm.__init__(min_value, max_value)"
        ),
    ),
)


SIGNATURE_CHANGED_MEANING_KEYWORDS: tuple[ChangedMeaningKeyword, ...] = (
    # Keras 1.2.2 conv2d/conv3d/separable_conv2d(dim_ordering='th') transposed the kernel from Theano
    # layout (out, in, rows, cols) (_preprocess_conv2d_kernel/_preprocess_conv3d_kernel); Keras 2.2.4
    # kernels are always (rows, cols, in, out) whatever data_format says. 'tf' is a plain rename, 'th'
    # (or 'default' under a 'th' config) also needs the kernel transposed.
    ChangedMeaningKeyword(
        owners=_BACKEND_CONVOLUTIONS,
        old="dim_ordering",
        new="data_format",
        guideline=(
            "pass `data_format='channels_first'` for 'th' ('channels_last' for 'tf'); a Keras 1 'th' kernel "
            "(out, in, *spatial) must also be transposed to (*spatial, in, out), e.g. "
            "`K.permute_dimensions(kernel, (2, 3, 1, 0))` in 2D"
        ),
        source=(
            f"{_K1} {_TFB} conv2d, conv3d, separable_conv2d(dim_ordering) and _preprocess_conv2d_kernel, "
            f"_preprocess_conv3d_kernel; {_K2} {_TFB} conv2d, conv3d, separable_conv2d(data_format)"
        ),
    ),
)


SIGNATURE_REMOVED_KEYWORDS: tuple[RemovedKeyword, ...] = (
    # Theano shape hints: Keras 1.2.2's TensorFlow backend accepted and ignored them; Keras 2.2.4 dropped
    # them from every backend.
    RemovedKeyword(
        owners=("backend.conv1d", "backend.conv2d"),
        name="image_shape",
        guideline="remove it: a Theano shape hint that the TensorFlow backend always ignored",
        source=(f"{_K1} {_TFB} conv1d, conv2d(image_shape); {_K2} {_TFB} conv1d, conv2d (no image_shape)"),
    ),
    RemovedKeyword(
        owners=("backend.conv1d", "backend.conv2d", "backend.conv3d"),
        name="filter_shape",
        guideline="remove it: a Theano shape hint that the TensorFlow backend always ignored",
        source=(
            f"{_K1} {_TFB} conv1d, conv2d, conv3d(filter_shape); {_K2} {_TFB} conv1d, conv2d, conv3d (no filter_shape)"
        ),
    ),
    RemovedKeyword(
        owners=("backend.conv3d",),
        name="volume_shape",
        guideline="remove it: a Theano shape hint that the TensorFlow backend always ignored",
        source=f"{_K1} {_TFB} conv3d(volume_shape); {_K2} {_TFB} conv3d (no volume_shape)",
    ),
)


# --- Where the owners live today --------------------------------------------------------------------
# The targets whose public API has the owner, taking the new keyword (and not the old one, unless
# SIGNATURE_OLD_KEYWORD_EFFECTS says otherwise): keras 2.15.0 keras/api/_v2/keras/<module>/__init__.py
# (tf.keras); keras 3.15.1 keras/<module>/__init__.py. Every owner exists in keras 2.15.0.
_BACKEND_OWNERS = (
    "backend.random_normal",
    "backend.random_uniform",
    "backend.conv1d",
    "backend.conv2d",
    "backend.conv3d",
    "backend.separable_conv2d",
    "backend.pool2d",
    "backend.pool3d",
    "backend.spatial_2d_padding",
    "backend.spatial_3d_padding",
    "backend.resize_images",
    "backend.resize_volumes",
    "backend.expand_dims",
    "backend.one_hot",
    "backend.moving_average_update",
)
# Standalone Keras 3.15.1 lacks these (keras.backend is not the Keras 2 backend API; ImageDataGenerator,
# the iterators, random_channel_shift and Tokenizer are gone from keras.preprocessing), but
# keras/_tf_keras/keras keeps them (keras/src/legacy/backend.py, keras/src/legacy/preprocessing/), so on
# TensorFlow >= 2.16 they still work through tf.keras.
SIGNATURE_OWNERS_KEPT_IN_TF_KERAS: FrozenSet[str] = frozenset(
    _BACKEND_OWNERS
    + (
        "preprocessing.image.ImageDataGenerator",
        "preprocessing.image.DirectoryIterator",
        "preprocessing.image.NumpyArrayIterator",
        "preprocessing.image.random_channel_shift",
        "preprocessing.text.Tokenizer",
    )
)
SIGNATURE_OWNER_TARGETS: Dict[str, frozenset] = {
    **{owner: ONLY_TF_KERAS for owner in SIGNATURE_OWNERS_KEPT_IN_TF_KERAS},
    **{
        owner: BOTH
        for owner in (
            "utils.to_categorical",
            "utils.normalize",
            "preprocessing.image.array_to_img",
            "preprocessing.image.img_to_array",
            "datasets.imdb.load_data",
            "datasets.reuters.load_data",
            "callbacks.ReduceLROnPlateau",
            "constraints.MaxNorm",
            "constraints.MinMaxNorm",
        )
    },
}

# --- Old keywords a target does not reject ----------------------------------------------------------
# Per (owner, old keyword): what each target does with it when it does not raise. Every other fact's
# old keyword is a TypeError on every target where the owner exists (no **kwargs there).
SIGNATURE_OLD_KEYWORD_EFFECTS: Dict[Tuple[str, str], Tuple[OldKeywordEffect, ...]] = {
    ("datasets.imdb.load_data", "nb_words"): (
        OldKeywordEffect(
            Target.TF_KERAS,
            "is still accepted with a deprecation warning",
            "keras 2.15.0 keras/src/datasets/imdb.py:99",
            honoured=True,
        ),
        OldKeywordEffect(
            Target.KERAS3,
            "is silently ignored: `**kwargs` swallows it and the whole vocabulary is loaded",
            "keras 3.15.1 keras/src/datasets/imdb.py",
        ),
    ),
    ("datasets.reuters.load_data", "nb_words"): (
        OldKeywordEffect(
            Target.TF_KERAS,
            "is still accepted with a deprecation warning",
            "keras 2.15.0 keras/src/datasets/reuters.py:105",
            honoured=True,
        ),
    ),
    ("callbacks.ReduceLROnPlateau", "epsilon"): (
        OldKeywordEffect(
            Target.TF_KERAS,
            "is still accepted with a deprecation warning",
            "keras 2.15.0 keras/src/callbacks.py:3064",
            honoured=True,
        ),
        OldKeywordEffect(
            Target.KERAS3,
            "is silently ignored: `**kwargs` swallows it and min_delta keeps its default 1e-4",
            "keras 3.15.1 keras/src/callbacks/reduce_lr_on_plateau.py",
        ),
    ),
    ("preprocessing.text.Tokenizer", "nb_words"): (
        OldKeywordEffect(
            Target.TF_KERAS,
            "is still accepted with a deprecation warning",
            "keras 2.15.0 keras/src/preprocessing/text.py:245",
            honoured=True,
        ),
        OldKeywordEffect(
            Target.KERAS3,
            "is still accepted with a deprecation warning through tf.keras",
            "keras 3.15.1 keras/src/legacy/preprocessing/text.py:97",
            honoured=True,
        ),
    ),
}
