"""Keyword and positional-argument facts: what Keras 2 renamed, dropped or re-defined in Keras 1 calls.

Four tables:

- ``KEYWORD_RENAMES``: a Keras 1 keyword with a plain Keras 2 spelling (plus literal value conversions);
- ``REMOVED_KEYWORDS``: a Keras 1 keyword with no one-to-one Keras 2 keyword;
- ``CHANGED_MEANING_KEYWORDS``: a keyword renamed *and* re-defined (samples became batches);
- ``POSITIONAL_FORMS``: Keras 1 positional signatures whose extra positionals bind something else today.

Sources:
- keras 2.2.4 ``keras/legacy/interfaces.py``: every ``legacy_*_support`` interface (its ``conversions``,
  ``value_conversions`` and ``*_preprocessor`` functions), expanded to the classes and methods that
  carry the decorator in ``keras/layers/*.py``, ``keras/engine/*.py`` and ``keras/optimizers.py``;
- keras 2.2.4 ``keras/engine/training.py`` ``Model.fit`` (``nb_epoch`` read from ``**kwargs``);
- keras 1.2.2 ``keras/layers/*.py`` and ``keras/engine/training.py`` for the Keras 1 signatures;
- keras 2.15.0 ``keras/src/layers/**`` and keras 3 ``keras/src/layers/**`` for the parameters the
  Keras 1 positions bind today.

Owners are canonical names (``layers.Conv2D``; ``.fit_generator`` for a method). Legacy aliases such as
``Convolution2D`` are not owners: the engine maps them to their Keras 2 names first.
``legacy_lambda_support``, ``legacy_add_weight_support`` and ``legacy_get_updates_support`` have no
keyword conversions, so they contribute no keyword facts.
"""

from __future__ import annotations

from kerascheck.catalog.model import (
    ChangedMeaningKeyword,
    KeywordRename,
    PositionalForm,
    RemovedKeyword,
    Target,
)

_I = "keras 2.2.4 keras/legacy/interfaces.py"

# value_conversions shared by every interface that converts `dim_ordering` (pooling2d, pooling3d,
# global_pooling, upsampling2d/3d, conv2d, separable_conv2d, deconv2d, conv3d, convlstm2d,
# zeropadding2d/3d, cropping2d/3d, spatialdropoutNd): 'default' became None (= image_data_format()).
_DIM_ORDERING_VALUES = (
    ("tf", "channels_last"),
    ("th", "channels_first"),
    ("default", None),
)

# Owner groups, one per decorator (keras 2.2.4, where each `@interfaces.legacy_*_support` sits).
# keras/layers/core.py Dense.__init__
_DENSE = ("layers.Dense",)
# keras/layers/recurrent.py SimpleRNN/GRU/LSTM.__init__ (legacy_recurrent_support)
_RECURRENT = ("layers.SimpleRNN", "layers.GRU", "layers.LSTM")
# keras/layers/convolutional.py Conv1D.__init__, keras/layers/local.py LocallyConnected1D.__init__
_CONV1D = ("layers.Conv1D", "layers.LocallyConnected1D")
# keras/layers/convolutional.py Conv2D.__init__, keras/layers/local.py LocallyConnected2D.__init__
_CONV2D = ("layers.Conv2D", "layers.LocallyConnected2D")
# keras/layers/convolutional.py SeparableConv2D.__init__ (legacy_separable_conv2d_support)
_SEPARABLE = ("layers.SeparableConv2D",)
# keras/layers/convolutional.py Conv2DTranspose.__init__ (legacy_deconv2d_support)
_DECONV2D = ("layers.Conv2DTranspose",)
# keras/layers/convolutional.py Conv3D.__init__ (legacy_conv3d_support)
_CONV3D = ("layers.Conv3D",)
# keras/layers/convolutional_recurrent.py ConvLSTM2D.__init__ (legacy_convlstm2d_support)
_CONVLSTM2D = ("layers.ConvLSTM2D",)
# keras/layers/pooling.py MaxPooling1D/AveragePooling1D.__init__ (legacy_pooling1d_support)
_POOLING1D = ("layers.MaxPooling1D", "layers.AveragePooling1D")
# keras/layers/pooling.py MaxPooling2D/AveragePooling2D.__init__ (legacy_pooling2d_support)
_POOLING2D = ("layers.MaxPooling2D", "layers.AveragePooling2D")
# keras/layers/pooling.py MaxPooling3D/AveragePooling3D.__init__ (legacy_pooling3d_support)
_POOLING3D = ("layers.MaxPooling3D", "layers.AveragePooling3D")
# keras/layers/pooling.py _GlobalPooling2D/_GlobalPooling3D.__init__ (legacy_global_pooling_support),
# inherited unchanged by the four public subclasses; _GlobalPooling1D is not decorated.
_GLOBAL_POOLING = (
    "layers.GlobalAveragePooling2D",
    "layers.GlobalMaxPooling2D",
    "layers.GlobalAveragePooling3D",
    "layers.GlobalMaxPooling3D",
)
# keras/layers/core.py SpatialDropout2D/SpatialDropout3D.__init__ (legacy_spatialdropoutNd_support)
_SPATIALDROPOUT_ND = ("layers.SpatialDropout2D", "layers.SpatialDropout3D")
# keras/engine/training.py Model.fit_generator/evaluate_generator/predict_generator
# (legacy_generator_methods_support)
_GENERATOR_METHODS = (".fit_generator", ".evaluate_generator", ".predict_generator")


KEYWORD_RENAMES: tuple[KeywordRename, ...] = (
    # --- Shared layer-argument renames -------------------------------------------------------------
    # keras 2.2.4 keras/legacy/interfaces.py legacy_dense_support, legacy_recurrent_support
    KeywordRename(
        owners=_DENSE + _RECURRENT,
        old="output_dim",
        new="units",
        source=f"{_I} legacy_dense_support, legacy_recurrent_support",
    ),
    # keras 2.2.4 keras/legacy/interfaces.py legacy_dense/recurrent/conv1d/conv2d/deconv2d/conv3d/
    # convlstm2d_support
    KeywordRename(
        owners=_DENSE + _RECURRENT + _CONV1D + _CONV2D + _DECONV2D + _CONV3D + _CONVLSTM2D,
        old="init",
        new="kernel_initializer",
        source=(
            f"{_I} legacy_dense_support, legacy_recurrent_support, legacy_conv1d_support, "
            "legacy_conv2d_support, legacy_deconv2d_support, legacy_conv3d_support, legacy_convlstm2d_support"
        ),
    ),
    # keras 2.2.4 keras/legacy/interfaces.py legacy_dense/recurrent/conv1d/conv2d/deconv2d/conv3d/
    # convlstm2d_support
    KeywordRename(
        owners=_DENSE + _RECURRENT + _CONV1D + _CONV2D + _DECONV2D + _CONV3D + _CONVLSTM2D,
        old="W_regularizer",
        new="kernel_regularizer",
        source=(
            f"{_I} legacy_dense_support, legacy_recurrent_support, legacy_conv1d_support, "
            "legacy_conv2d_support, legacy_deconv2d_support, legacy_conv3d_support, legacy_convlstm2d_support"
        ),
    ),
    # keras 2.2.4 keras/legacy/interfaces.py legacy_dense/recurrent/conv1d/conv2d/separable_conv2d/deconv2d/
    # conv3d/convlstm2d_support
    KeywordRename(
        owners=_DENSE + _RECURRENT + _CONV1D + _CONV2D + _SEPARABLE + _DECONV2D + _CONV3D + _CONVLSTM2D,
        old="b_regularizer",
        new="bias_regularizer",
        source=(
            f"{_I} legacy_dense_support, legacy_recurrent_support, legacy_conv1d_support, "
            "legacy_conv2d_support, legacy_separable_conv2d_support, legacy_deconv2d_support, "
            "legacy_conv3d_support, legacy_convlstm2d_support"
        ),
    ),
    # keras 2.2.4 keras/legacy/interfaces.py legacy_dense/conv1d/conv2d/deconv2d/conv3d_support
    # (not recurrent, not convlstm2d, not separable_conv2d)
    KeywordRename(
        owners=_DENSE + _CONV1D + _CONV2D + _DECONV2D + _CONV3D,
        old="W_constraint",
        new="kernel_constraint",
        source=(
            f"{_I} legacy_dense_support, legacy_conv1d_support, legacy_conv2d_support, "
            "legacy_deconv2d_support, legacy_conv3d_support"
        ),
    ),
    # keras 2.2.4 keras/legacy/interfaces.py legacy_dense/conv1d/conv2d/separable_conv2d/deconv2d/
    # conv3d_support
    KeywordRename(
        owners=_DENSE + _CONV1D + _CONV2D + _SEPARABLE + _DECONV2D + _CONV3D,
        old="b_constraint",
        new="bias_constraint",
        source=(
            f"{_I} legacy_dense_support, legacy_conv1d_support, legacy_conv2d_support, "
            "legacy_separable_conv2d_support, legacy_deconv2d_support, legacy_conv3d_support"
        ),
    ),
    # keras 2.2.4 keras/legacy/interfaces.py legacy_dense/conv1d/conv2d/separable_conv2d/deconv2d/conv3d/
    # convlstm2d_support
    KeywordRename(
        owners=_DENSE + _CONV1D + _CONV2D + _SEPARABLE + _DECONV2D + _CONV3D + _CONVLSTM2D,
        old="bias",
        new="use_bias",
        source=(
            f"{_I} legacy_dense_support, legacy_conv1d_support, legacy_conv2d_support, "
            "legacy_separable_conv2d_support, legacy_deconv2d_support, legacy_conv3d_support, "
            "legacy_convlstm2d_support"
        ),
    ),
    # --- Recurrent layers ------------------------------------------------------------------------------
    # keras 2.2.4 keras/legacy/interfaces.py legacy_recurrent_support, legacy_convlstm2d_support
    KeywordRename(
        owners=_RECURRENT + _CONVLSTM2D,
        old="inner_init",
        new="recurrent_initializer",
        source=f"{_I} legacy_recurrent_support, legacy_convlstm2d_support",
    ),
    # keras 2.2.4 keras/legacy/interfaces.py legacy_recurrent_support, legacy_convlstm2d_support
    KeywordRename(
        owners=_RECURRENT + _CONVLSTM2D,
        old="inner_activation",
        new="recurrent_activation",
        source=f"{_I} legacy_recurrent_support, legacy_convlstm2d_support",
    ),
    # keras 2.2.4 keras/legacy/interfaces.py legacy_recurrent_support, legacy_convlstm2d_support
    KeywordRename(
        owners=_RECURRENT + _CONVLSTM2D,
        old="U_regularizer",
        new="recurrent_regularizer",
        source=f"{_I} legacy_recurrent_support, legacy_convlstm2d_support",
    ),
    # keras 2.2.4 keras/legacy/interfaces.py legacy_recurrent_support, legacy_convlstm2d_support
    KeywordRename(
        owners=_RECURRENT + _CONVLSTM2D,
        old="dropout_W",
        new="dropout",
        source=f"{_I} legacy_recurrent_support, legacy_convlstm2d_support",
    ),
    # keras 2.2.4 keras/legacy/interfaces.py legacy_recurrent_support, legacy_convlstm2d_support
    KeywordRename(
        owners=_RECURRENT + _CONVLSTM2D,
        old="dropout_U",
        new="recurrent_dropout",
        source=f"{_I} legacy_recurrent_support, legacy_convlstm2d_support",
    ),
    # keras 2.2.4 keras/legacy/interfaces.py legacy_recurrent_support (value_conversions for consume_less)
    KeywordRename(
        owners=_RECURRENT,
        old="consume_less",
        new="implementation",
        source=f"{_I} legacy_recurrent_support",
        values=(("cpu", 0), ("mem", 1), ("gpu", 2)),
    ),
    # --- Convolutions ----------------------------------------------------------------------------------
    # keras 2.2.4 keras/legacy/interfaces.py legacy_conv1d/conv2d/separable_conv2d/deconv2d/conv3d/
    # convlstm2d_support
    KeywordRename(
        owners=_CONV1D + _CONV2D + _SEPARABLE + _DECONV2D + _CONV3D + _CONVLSTM2D,
        old="nb_filter",
        new="filters",
        source=(
            f"{_I} legacy_conv1d_support, legacy_conv2d_support, legacy_separable_conv2d_support, "
            "legacy_deconv2d_support, legacy_conv3d_support, legacy_convlstm2d_support"
        ),
    ),
    # keras 2.2.4 keras/legacy/interfaces.py legacy_conv1d_support
    KeywordRename(
        owners=_CONV1D,
        old="filter_length",
        new="kernel_size",
        source=f"{_I} legacy_conv1d_support",
    ),
    # keras 2.2.4 keras/legacy/interfaces.py legacy_conv1d_support
    KeywordRename(
        owners=_CONV1D,
        old="subsample_length",
        new="strides",
        source=f"{_I} legacy_conv1d_support",
    ),
    # keras 2.2.4 keras/legacy/interfaces.py legacy_conv2d/separable_conv2d/deconv2d/conv3d/
    # convlstm2d_support
    KeywordRename(
        owners=_CONV2D + _SEPARABLE + _DECONV2D + _CONV3D + _CONVLSTM2D,
        old="subsample",
        new="strides",
        source=(
            f"{_I} legacy_conv2d_support, legacy_separable_conv2d_support, legacy_deconv2d_support, "
            "legacy_conv3d_support, legacy_convlstm2d_support"
        ),
    ),
    # keras 2.2.4 keras/legacy/interfaces.py legacy_pooling1d/pooling2d/pooling3d/conv1d/conv2d/
    # separable_conv2d/deconv2d/conv3d/convlstm2d_support
    KeywordRename(
        owners=(
            _POOLING1D + _POOLING2D + _POOLING3D + _CONV1D + _CONV2D + _SEPARABLE + _DECONV2D + _CONV3D + _CONVLSTM2D
        ),
        old="border_mode",
        new="padding",
        source=(
            f"{_I} legacy_pooling1d_support, legacy_pooling2d_support, legacy_pooling3d_support, "
            "legacy_conv1d_support, legacy_conv2d_support, legacy_separable_conv2d_support, "
            "legacy_deconv2d_support, legacy_conv3d_support, legacy_convlstm2d_support"
        ),
    ),
    # keras 2.2.4 keras/legacy/interfaces.py: every interface converting dim_ordering (pooling2d,
    # pooling3d, global_pooling, upsampling2d, upsampling3d, conv2d, separable_conv2d, deconv2d, conv3d,
    # convlstm2d, zeropadding2d, zeropadding3d, cropping2d, cropping3d, spatialdropoutNd)
    KeywordRename(
        owners=(
            _POOLING2D
            + _POOLING3D
            + _GLOBAL_POOLING
            + ("layers.UpSampling2D", "layers.UpSampling3D")
            + _CONV2D
            + _SEPARABLE
            + _DECONV2D
            + _CONV3D
            + _CONVLSTM2D
            + ("layers.ZeroPadding2D", "layers.ZeroPadding3D", "layers.Cropping2D", "layers.Cropping3D")
            + _SPATIALDROPOUT_ND
        ),
        old="dim_ordering",
        new="data_format",
        source=(
            f"{_I} legacy_pooling2d_support, legacy_pooling3d_support, legacy_global_pooling_support, "
            "legacy_upsampling2d_support, legacy_upsampling3d_support, legacy_conv2d_support, "
            "legacy_separable_conv2d_support, legacy_deconv2d_support, legacy_conv3d_support, "
            "legacy_convlstm2d_support, legacy_zeropadding2d_support, legacy_zeropadding3d_support, "
            "legacy_cropping2d_support, legacy_cropping3d_support, legacy_spatialdropoutNd_support"
        ),
        values=_DIM_ORDERING_VALUES,
    ),
    # --- Pooling and upsampling -----------------------------------------------------------------------
    # keras 2.2.4 keras/legacy/interfaces.py legacy_pooling1d_support
    KeywordRename(
        owners=_POOLING1D,
        old="pool_length",
        new="pool_size",
        source=f"{_I} legacy_pooling1d_support",
    ),
    # keras 2.2.4 keras/legacy/interfaces.py legacy_pooling1d_support
    KeywordRename(
        owners=_POOLING1D,
        old="stride",
        new="strides",
        source=f"{_I} legacy_pooling1d_support",
    ),
    # keras 2.2.4 keras/legacy/interfaces.py legacy_upsampling1d_support
    KeywordRename(
        owners=("layers.UpSampling1D",),
        old="length",
        new="size",
        source=f"{_I} legacy_upsampling1d_support",
    ),
    # --- Embedding ------------------------------------------------------------------------------------
    # keras 2.2.4 keras/legacy/interfaces.py legacy_embedding_support
    KeywordRename(
        owners=("layers.Embedding",),
        old="init",
        new="embeddings_initializer",
        source=f"{_I} legacy_embedding_support",
    ),
    # keras 2.2.4 keras/legacy/interfaces.py legacy_embedding_support
    KeywordRename(
        owners=("layers.Embedding",),
        old="W_regularizer",
        new="embeddings_regularizer",
        source=f"{_I} legacy_embedding_support",
    ),
    # keras 2.2.4 keras/legacy/interfaces.py legacy_embedding_support
    KeywordRename(
        owners=("layers.Embedding",),
        old="W_constraint",
        new="embeddings_constraint",
        source=f"{_I} legacy_embedding_support",
    ),
    # --- Dropout, noise, activations, normalization ---------------------------------------------------
    # keras 2.2.4 keras/legacy/interfaces.py legacy_dropout_support (Dropout), legacy_gaussiandropout_support
    # (GaussianDropout), legacy_spatialdropout1d_support (SpatialDropout1D), legacy_spatialdropoutNd_support
    # (SpatialDropout2D, SpatialDropout3D)
    KeywordRename(
        owners=("layers.Dropout", "layers.GaussianDropout", "layers.SpatialDropout1D") + _SPATIALDROPOUT_ND,
        old="p",
        new="rate",
        source=(
            f"{_I} legacy_dropout_support, legacy_gaussiandropout_support, "
            "legacy_spatialdropout1d_support, legacy_spatialdropoutNd_support"
        ),
    ),
    # keras 2.2.4 keras/legacy/interfaces.py legacy_gaussiannoise_support
    KeywordRename(
        owners=("layers.GaussianNoise",),
        old="sigma",
        new="stddev",
        source=f"{_I} legacy_gaussiannoise_support",
    ),
    # keras 2.2.4 keras/legacy/interfaces.py legacy_prelu_support
    KeywordRename(
        owners=("layers.PReLU",),
        old="init",
        new="alpha_initializer",
        source=f"{_I} legacy_prelu_support",
    ),
    # keras 2.2.4 keras/legacy/interfaces.py legacy_batchnorm_support
    KeywordRename(
        owners=("layers.BatchNormalization",),
        old="beta_init",
        new="beta_initializer",
        source=f"{_I} legacy_batchnorm_support",
    ),
    # keras 2.2.4 keras/legacy/interfaces.py legacy_batchnorm_support
    KeywordRename(
        owners=("layers.BatchNormalization",),
        old="gamma_init",
        new="gamma_initializer",
        source=f"{_I} legacy_batchnorm_support",
    ),
    # --- Model, InputLayer ----------------------------------------------------------------------------
    # keras 2.2.4 keras/legacy/interfaces.py legacy_model_constructor_support (on engine/network.py
    # Network.__init__, inherited by Model)
    KeywordRename(
        owners=("models.Model",),
        old="input",
        new="inputs",
        source=f"{_I} legacy_model_constructor_support",
    ),
    # keras 2.2.4 keras/legacy/interfaces.py legacy_model_constructor_support
    KeywordRename(
        owners=("models.Model",),
        old="output",
        new="outputs",
        source=f"{_I} legacy_model_constructor_support",
    ),
    # keras 2.2.4 keras/legacy/interfaces.py legacy_input_support (on engine/input_layer.py
    # InputLayer.__init__ only; the Input() function never took input_dtype)
    KeywordRename(
        owners=("layers.InputLayer",),
        old="input_dtype",
        new="dtype",
        source=f"{_I} legacy_input_support",
    ),
    # --- Model.fit and the generator methods ----------------------------------------------------------
    # keras 2.2.4 keras/legacy/interfaces.py legacy_generator_methods_support; keras/engine/training.py
    # Model.fit pops `nb_epoch` from **kwargs ("has been renamed `epochs`")
    KeywordRename(
        owners=(".fit",) + _GENERATOR_METHODS,
        old="nb_epoch",
        new="epochs",
        source=f"{_I} legacy_generator_methods_support; keras 2.2.4 keras/engine/training.py Model.fit",
    ),
    # keras 2.2.4 keras/legacy/interfaces.py legacy_generator_methods_support
    KeywordRename(
        owners=_GENERATOR_METHODS,
        old="nb_worker",
        new="workers",
        source=f"{_I} legacy_generator_methods_support",
    ),
    # keras 2.2.4 keras/legacy/interfaces.py legacy_generator_methods_support
    KeywordRename(
        owners=_GENERATOR_METHODS,
        old="pickle_safe",
        new="use_multiprocessing",
        source=f"{_I} legacy_generator_methods_support",
    ),
    # keras 2.2.4 keras/legacy/interfaces.py legacy_generator_methods_support
    KeywordRename(
        owners=_GENERATOR_METHODS,
        old="max_q_size",
        new="max_queue_size",
        source=f"{_I} legacy_generator_methods_support",
    ),
)


REMOVED_KEYWORDS: tuple[RemovedKeyword, ...] = (
    # keras 2.2.4 keras/legacy/interfaces.py embedding_kwargs_preprocessor: `dropout` is popped with a warning;
    # keras 1.2.2 keras/layers/embeddings.py Embedding.call drops rows of W (words of the vocabulary)
    RemovedKeyword(
        owners=("layers.Embedding",),
        name="dropout",
        guideline=(
            "add `SpatialDropout1D(p)` right after the Embedding, as Keras 2 advised (it drops embedding channels;"
            " Keras 1 dropped whole words of the vocabulary), or `Dropout(p, noise_shape=(None, length, 1))` to"
            " drop whole tokens"
        ),
        source=f"{_I} embedding_kwargs_preprocessor (legacy_embedding_support)",
    ),
    # keras 2.2.4 keras/legacy/interfaces.py batchnorm_args_preprocessor: mode=0 is dropped, mode=1/2 raise;
    # keras 1.2.2 keras/layers/normalization.py BatchNormalization.call: mode 1 normalizes each sample over
    # axis -1 (then gamma, beta), mode 2 uses the batch's statistics in training and testing alike
    RemovedKeyword(
        owners=("layers.BatchNormalization",),
        name="mode",
        guideline=(
            "remove `mode=0`, the only behaviour left; for `mode=1` (each sample normalized over its last axis) use"
            " `LayerNormalization(axis=-1)`; for `mode=2` (batch statistics at test time too) call the layer with"
            " `training=True`"
        ),
        source=f"{_I} batchnorm_args_preprocessor (legacy_batchnorm_support)",
    ),
    # keras 2.2.4 keras/legacy/interfaces.py recurrent_args_preprocessor, convlstm2d_args_preprocessor:
    # forget_bias_init='one' becomes unit_forget_bias=True, any other value is ignored with a warning
    RemovedKeyword(
        owners=("layers.LSTM", "layers.ConvLSTM2D"),
        name="forget_bias_init",
        guideline=(
            "pass `unit_forget_bias=True` to start the forget gate bias at one (`forget_bias_init='one'`); "
            "other initializers are not supported"
        ),
        source=(
            f"{_I} recurrent_args_preprocessor (legacy_recurrent_support), "
            "convlstm2d_args_preprocessor (legacy_convlstm2d_support)"
        ),
    ),
    # keras 2.2.4 keras/legacy/interfaces.py recurrent_args_preprocessor: the same conversion runs for
    # SimpleRNN and GRU, which have no forget gate (unit_forget_bias=True is then rejected)
    RemovedKeyword(
        owners=("layers.SimpleRNN", "layers.GRU"),
        name="forget_bias_init",
        guideline="remove it: this layer has no forget gate, and Keras 2 ignores the argument",
        source=f"{_I} recurrent_args_preprocessor (legacy_recurrent_support)",
    ),
    # keras 2.2.4 keras/legacy/interfaces.py recurrent_args_preprocessor, conv1d_args_preprocessor:
    # input_dim (with optional input_length) becomes input_shape=(input_length, input_dim). keras 2.15.0
    # keras/src/layers/rnn/base_rnn.py RNN.__init__ still converts both for the recurrent layers (run on
    # TF 2.15.1: LSTM(8, input_dim=4, input_length=5) has input shape (None, 5, 4); input_length alone gives
    # (5, None), a TypeError once the layer starts a Sequential model). Its Conv1D refuses input_length
    # (TypeError) and makes input_dim a 2-D input shape, which fails in a model; Keras 3.15.1 refuses
    # input_length and reads input_dim as a 2-D input.
    RemovedKeyword(
        owners=_RECURRENT,
        name="input_dim",
        guideline="pass `input_shape=(input_length, input_dim)` (or start the model with an `Input` layer)",
        source=f"{_I} recurrent_args_preprocessor (legacy_recurrent_support); keras 2.15.0 base_rnn.py:263",
        accepted_on=frozenset({Target.TF_KERAS}),
    ),
    RemovedKeyword(
        owners=_RECURRENT,
        name="input_length",
        guideline="pass `input_shape=(input_length, input_dim)` (or start the model with an `Input` layer)",
        source=f"{_I} recurrent_args_preprocessor (legacy_recurrent_support); keras 2.15.0 base_rnn.py:263",
        accepted_on=frozenset({Target.TF_KERAS}),
        accepted_with="input_dim",
    ),
    RemovedKeyword(
        owners=_CONV1D,
        name="input_dim",
        guideline="pass `input_shape=(input_length, input_dim)` (or start the model with an `Input` layer)",
        source=f"{_I} conv1d_args_preprocessor (legacy_conv1d_support)",
    ),
    RemovedKeyword(
        owners=_CONV1D,
        name="input_length",
        guideline="pass `input_shape=(input_length, input_dim)` (or start the model with an `Input` layer)",
        source=f"{_I} conv1d_args_preprocessor (legacy_conv1d_support)",
    ),
    # keras 2.2.4 keras/legacy/interfaces.py conv2d_args_preprocessor (also run by the separable_conv2d,
    # deconv2d and convlstm2d preprocessors): nb_row and nb_col merge into kernel_size
    RemovedKeyword(
        owners=_CONV2D + _SEPARABLE + _DECONV2D + _CONVLSTM2D,
        name="nb_row",
        guideline="pass `kernel_size=(nb_row, nb_col)`",
        source=(
            f"{_I} conv2d_args_preprocessor (legacy_conv2d_support, legacy_separable_conv2d_support, "
            "legacy_deconv2d_support, legacy_convlstm2d_support)"
        ),
    ),
    # keras 2.2.4 keras/legacy/interfaces.py conv2d_args_preprocessor (as above)
    RemovedKeyword(
        owners=_CONV2D + _SEPARABLE + _DECONV2D + _CONVLSTM2D,
        name="nb_col",
        guideline="pass `kernel_size=(nb_row, nb_col)`",
        source=(
            f"{_I} conv2d_args_preprocessor (legacy_conv2d_support, legacy_separable_conv2d_support, "
            "legacy_deconv2d_support, legacy_convlstm2d_support)"
        ),
    ),
    # keras 2.2.4 keras/legacy/interfaces.py conv3d_args_preprocessor: kernel_dim1..3 merge into kernel_size
    RemovedKeyword(
        owners=_CONV3D,
        name="kernel_dim1",
        guideline="pass `kernel_size=(kernel_dim1, kernel_dim2, kernel_dim3)`",
        source=f"{_I} conv3d_args_preprocessor (legacy_conv3d_support)",
    ),
    # keras 2.2.4 keras/legacy/interfaces.py conv3d_args_preprocessor
    RemovedKeyword(
        owners=_CONV3D,
        name="kernel_dim2",
        guideline="pass `kernel_size=(kernel_dim1, kernel_dim2, kernel_dim3)`",
        source=f"{_I} conv3d_args_preprocessor (legacy_conv3d_support)",
    ),
    # keras 2.2.4 keras/legacy/interfaces.py conv3d_args_preprocessor
    RemovedKeyword(
        owners=_CONV3D,
        name="kernel_dim3",
        guideline="pass `kernel_size=(kernel_dim1, kernel_dim2, kernel_dim3)`",
        source=f"{_I} conv3d_args_preprocessor (legacy_conv3d_support)",
    ),
    # keras 2.2.4 keras/legacy/interfaces.py deconv2d_args_preprocessor: output_shape (keyword, or a tuple
    # as 4th positional) is dropped
    RemovedKeyword(
        owners=_DECONV2D,
        name="output_shape",
        guideline=(
            "remove it: Conv2DTranspose computes its output shape itself "
            "(use `output_padding` to pick one of the possible shapes)"
        ),
        source=f"{_I} deconv2d_args_preprocessor (legacy_deconv2d_support)",
    ),
    # keras 2.2.4 keras/legacy/interfaces.py separable_conv2d_args_preprocessor: init is copied to both
    # depthwise_initializer and pointwise_initializer
    RemovedKeyword(
        owners=_SEPARABLE,
        name="init",
        guideline="pass the initializer as both `depthwise_initializer` and `pointwise_initializer`",
        source=f"{_I} separable_conv2d_args_preprocessor (legacy_separable_conv2d_support)",
    ),
)


CHANGED_MEANING_KEYWORDS: tuple[ChangedMeaningKeyword, ...] = (
    # keras 2.2.4 keras/legacy/interfaces.py legacy_generator_methods_support and
    # generator_methods_args_preprocessor (which divides by generator.batch_size when it can)
    ChangedMeaningKeyword(
        owners=_GENERATOR_METHODS,
        old="samples_per_epoch",
        new="steps_per_epoch",
        guideline=("`steps_per_epoch` counts batches, not samples: pass `samples_per_epoch // batch_size`"),
        source=f"{_I} legacy_generator_methods_support, generator_methods_args_preprocessor",
    ),
    # keras 2.2.4 keras/legacy/interfaces.py legacy_generator_methods_support
    ChangedMeaningKeyword(
        owners=_GENERATOR_METHODS,
        old="val_samples",
        new="steps",
        guideline="`steps` counts batches, not samples: pass `val_samples // batch_size`",
        source=f"{_I} legacy_generator_methods_support, generator_methods_args_preprocessor",
    ),
    # keras 2.2.4 keras/legacy/interfaces.py legacy_generator_methods_support
    ChangedMeaningKeyword(
        owners=_GENERATOR_METHODS,
        old="nb_val_samples",
        new="validation_steps",
        guideline=("`validation_steps` counts batches, not samples: pass `nb_val_samples // batch_size`"),
        source=f"{_I} legacy_generator_methods_support, generator_methods_args_preprocessor",
    ),
)


POSITIONAL_FORMS: tuple[PositionalForm, ...] = (
    # keras 2.2.4 keras/legacy/interfaces.py conv2d_args_preprocessor (also run by the separable_conv2d,
    # deconv2d and convlstm2d preprocessors): three integer positionals (nb_filter, nb_row, nb_col)
    # become (filters, (nb_row, nb_col)). keras 1.2.2 Convolution2D, LocallyConnected2D,
    # SeparableConvolution2D, Deconvolution2D, ConvLSTM2D all start with (nb_filter, nb_row, nb_col);
    # keras 2.15 and keras 3 bind the third position to `strides`.
    PositionalForm(
        owners=_CONV2D + _SEPARABLE + _DECONV2D + _CONVLSTM2D,
        keras1=("nb_filter", "nb_row", "nb_col"),
        keras2=("filters", "kernel_size", "strides"),
        merge=(1, 3),
        source=(
            f"{_I} conv2d_args_preprocessor (legacy_conv2d_support, legacy_separable_conv2d_support, "
            "legacy_deconv2d_support, legacy_convlstm2d_support)"
        ),
    ),
    # keras 2.2.4 keras/legacy/interfaces.py deconv2d_args_preprocessor: keras 1.2.2 Deconvolution2D's
    # fourth positional `output_shape` (a tuple) is dropped, then nb_row/nb_col merge as above;
    # keras 2.15 and keras 3 bind the fourth position to `padding`.
    PositionalForm(
        owners=_DECONV2D,
        keras1=("nb_filter", "nb_row", "nb_col", "output_shape"),
        keras2=("filters", "kernel_size", "strides", "padding"),
        merge=(1, 3),
        source=f"{_I} deconv2d_args_preprocessor (legacy_deconv2d_support)",
    ),
    # keras 2.2.4 keras/legacy/interfaces.py conv3d_args_preprocessor: four integer positionals
    # (nb_filter, kernel_dim1, kernel_dim2, kernel_dim3) become (filters, (kernel_dim1, kernel_dim2,
    # kernel_dim3)); keras 2.15 and keras 3 bind positions 2 and 3 to `strides` and `padding`.
    PositionalForm(
        owners=_CONV3D,
        keras1=("nb_filter", "kernel_dim1", "kernel_dim2", "kernel_dim3"),
        keras2=("filters", "kernel_size", "strides", "padding"),
        merge=(1, 4),
        source=f"{_I} conv3d_args_preprocessor (legacy_conv3d_support)",
    ),
)

# Callables that take the keyword and positional facts of another owner (they are that class, or
# forward every argument to it), so ``MaxPool1D(pool_length=2)`` is judged as ``MaxPooling1D(...)``.
# - Keras 2 short aliases: keras 2.2.4 keras/layers/pooling.py:779-790 (`MaxPool1D = MaxPooling1D`, …);
#   the same objects in keras 2.15.0 and keras 3.15.1 keras.layers (run: `MaxPool1D is MaxPooling1D`).
#   Keras's own keras 2.2.4 tests/keras/legacy/interface_test.py calls the aliases with Keras 1 keywords.
# - Keras 1's AtrousConvolution1D/2D: keras 2.2.4 keras/legacy/layers.py forwards `*args, **kwargs` to
#   Conv1D/Conv2D (after popping `atrous_rate`); Keras 1.2.2 keras/layers/convolutional.py gives them the
#   keywords of Convolution1D/2D (init, border_mode, subsample_length/subsample, W_regularizer, …).
KEYWORD_OWNER_ALIASES = {
    "layers.MaxPool1D": "layers.MaxPooling1D",
    "layers.MaxPool2D": "layers.MaxPooling2D",
    "layers.MaxPool3D": "layers.MaxPooling3D",
    "layers.AvgPool1D": "layers.AveragePooling1D",
    "layers.AvgPool2D": "layers.AveragePooling2D",
    "layers.AvgPool3D": "layers.AveragePooling3D",
    "layers.GlobalMaxPool1D": "layers.GlobalMaxPooling1D",
    "layers.GlobalMaxPool2D": "layers.GlobalMaxPooling2D",
    "layers.GlobalMaxPool3D": "layers.GlobalMaxPooling3D",
    "layers.GlobalAvgPool1D": "layers.GlobalAveragePooling1D",
    "layers.GlobalAvgPool2D": "layers.GlobalAveragePooling2D",
    "layers.GlobalAvgPool3D": "layers.GlobalAveragePooling3D",
    "layers.AtrousConvolution1D": "layers.Conv1D",
    "layers.AtrousConvolution2D": "layers.Conv2D",
}

# `atrous_rate` has no spelling on the Atrous layers themselves: Keras 2 replaced the layers, and its
# keras 2.2.4 keras/legacy/layers.py overwrites `dilation_rate` with the popped `atrous_rate` (default 1),
# so renaming the keyword in place would lose it. Keras 1.2.2 keras/layers/convolutional.py
# AtrousConvolution1D(atrous_rate=1), AtrousConvolution2D(atrous_rate=(1, 1)).
ALIAS_REMOVED_KEYWORDS = (
    RemovedKeyword(
        owners=("layers.AtrousConvolution1D", "layers.AtrousConvolution2D"),
        name="atrous_rate",
        guideline="Use `Conv1D`/`Conv2D` with `dilation_rate=` set to it",
        source="keras 2.2.4 keras/legacy/layers.py AtrousConvolution1D/2D; Keras 1.2.2 keras/layers/convolutional.py",
    ),
)

# The leading parameters of the owners above, in order, where a Keras 1 keyword's new name may also be
# bound by position: a rename to one of these is no fix when the call already passes that many
# positionals (``Convolution2D(n, 1, 1, subsample=s)`` would bind ``strides`` twice). Same order in
# keras 2.15.0 ``keras/src/layers/**`` and keras 3.15.1 ``keras/src/layers/**`` (checked by
# tests/test_catalog_keras3.py); Model.fit in keras 2.15.0 keras/src/engine/training.py and keras 3.
_CONV_ORDER = ("filters", "kernel_size", "strides", "padding", "data_format")
_POOLING_ORDER = ("pool_size", "strides", "padding", "data_format")
LEADING_PARAMETERS: dict = {
    **{owner: ("units", "activation") for owner in _DENSE + _RECURRENT},
    **{owner: _CONV_ORDER for owner in ("layers.Conv1D", "layers.Conv2D", "layers.Conv3D")},
    **{owner: _CONV_ORDER for owner in _SEPARABLE + _CONVLSTM2D},
    "layers.Conv2DTranspose": ("filters", "kernel_size", "strides", "padding", "output_padding"),
    **{owner: _POOLING_ORDER for owner in _POOLING1D + _POOLING2D + _POOLING3D},
    "layers.UpSampling1D": ("size",),
    "layers.Embedding": ("input_dim", "output_dim", "embeddings_initializer"),
    **{owner: ("rate",) for owner in ("layers.Dropout", "layers.GaussianDropout", "layers.SpatialDropout1D")},
    **{owner: ("rate", "data_format") for owner in _SPATIALDROPOUT_ND},
    "layers.GaussianNoise": ("stddev",),
    "layers.PReLU": ("alpha_initializer",),
    ".fit": ("x", "y", "batch_size", "epochs"),
}
