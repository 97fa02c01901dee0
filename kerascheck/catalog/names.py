"""Names, methods and module paths that legacy Keras code uses and the targets no longer have.

Pure data, read by the rules; every fact names the file it was checked against:

* Keras 1.2.2 (sdist), Keras 2.2.4 (wheel): where a legacy spelling came from;
* keras 2.15.0, the Keras of TensorFlow 2.15 (target ``tf.keras``): its public API is the tree
  ``keras/api/_v2/keras/`` (what ``tf.keras`` resolves to), not ``keras/src``;
* keras 3.15.1 (target ``keras3``): its public API is ``keras/<module>/__init__.py``. TensorFlow >= 2.16
  exposes ``keras/_tf_keras/keras/`` as ``tf.keras``; that tree keeps a few Keras 2 extras (most
  ``backend`` math functions, ``preprocessing.text``, ``ImageDataGenerator``, ``ThresholdedReLU``,
  the short loss aliases). The standalone ``keras`` API is the authority here; entries that the
  ``_tf_keras`` tree still has say "kept in keras/_tf_keras/keras" in their source.

Spelling conventions:

* ``old`` is canonical: the public dotted path below the Keras root, Keras 2 spelling. A name whose
  module is in ``MODULE_PATHS`` is written with the module's successor (``initializations.zero`` is
  ``initializers.zero``, which Keras 2.2.4 still had); a name that never had a home outside a legacy
  module keeps that module (``utils.np_utils.probas_to_classes``) and ``CANONICAL_OVERRIDES`` maps it
  to itself so the module rewrite does not invent ``utils.probas_to_classes``.
* ``new`` is set only for a drop-in replacement (same call, same meaning) that exists on every target
  of the entry; otherwise it is ``None`` and ``guideline`` says what to write. A name whose fix differs
  per target has one entry per target.
* A name may be in ``RENAMED_NAMES`` for one target and in ``REMOVED_NAMES`` for the other.
* A ``PathKind.PRIVATE`` path with ``new=""`` is replaced by the Keras root itself
  (``keras.api._v2.keras.layers`` -> ``keras.layers``).
* A LEGACY module path lists a target on which the module still imports only if its names live in
  ``new`` there, so rewriting the module cannot break a working import; names that do not move are
  mapped to themselves in ``CANONICAL_OVERRIDES``.
"""

from __future__ import annotations

from typing import Dict, FrozenSet, Tuple

from kerascheck.catalog.model import (
    BOTH,
    ONLY_KERAS3,
    ONLY_TF_KERAS,
    ModulePath,
    PathKind,
    RemovedMethod,
    RemovedName,
    RenamedName,
)

# -------------------------------------------------------------------------------------------------
# Renamed names: legacy spellings that are still aliases.
# -------------------------------------------------------------------------------------------------

RENAMED_NAMES: Tuple[RenamedName, ...] = (
    # Keras 1 spelled convolutions out ("Convolution2D"); Keras 2 renamed them ("Conv2D") and kept the long
    # spelling as an alias, which both targets still export:
    # Keras 1.2.2 keras/layers/convolutional.py (classes Convolution1D/2D/3D, SeparableConvolution2D),
    # Keras 2.2.4 keras/layers/convolutional.py:2571-2576 (the aliases), keras 2.15.0
    # keras/api/_v2/keras/layers/__init__.py and keras 3.15.1 keras/layers/__init__.py (the aliases).
    # SeparableConvolution1D and Convolution1D/2D/3DTranspose never existed in Keras 1; they are Keras 2
    # aliases in the Keras 1 spelling and are listed because they are the same kind of alias.
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
    ),
    RenamedName(
        "layers.Convolution2D",
        "layers.Conv2D",
        (
            "Keras 1.2.2 keras/layers/convolutional.py; alias in keras 2.15.0 "
            "keras/api/_v2/keras/layers/__init__.py and keras 3.15.1 keras/layers/__init__.py"
        ),
        BOTH,
    ),
    RenamedName(
        "layers.Convolution3D",
        "layers.Conv3D",
        (
            "Keras 1.2.2 keras/layers/convolutional.py; alias in keras 2.15.0 "
            "keras/api/_v2/keras/layers/__init__.py and keras 3.15.1 keras/layers/__init__.py"
        ),
        BOTH,
    ),
    RenamedName(
        "layers.SeparableConvolution1D",
        "layers.SeparableConv1D",
        (
            "Keras 2.2.4 keras/layers/convolutional.py:2574; alias in keras 2.15.0 "
            "keras/api/_v2/keras/layers/__init__.py and keras 3.15.1 keras/layers/__init__.py"
        ),
        BOTH,
    ),
    RenamedName(
        "layers.SeparableConvolution2D",
        "layers.SeparableConv2D",
        (
            "Keras 1.2.2 keras/layers/convolutional.py; alias in keras 2.15.0 "
            "keras/api/_v2/keras/layers/__init__.py and keras 3.15.1 keras/layers/__init__.py"
        ),
        BOTH,
    ),
    RenamedName(
        "layers.Convolution1DTranspose",
        "layers.Conv1DTranspose",
        (
            "Keras 2 alias (not in Keras 2.2.4); alias in keras 2.15.0 keras/api/_v2/keras/layers/__init__.py "
            "and keras 3.15.1 keras/layers/__init__.py"
        ),
        BOTH,
    ),
    RenamedName(
        "layers.Convolution2DTranspose",
        "layers.Conv2DTranspose",
        (
            "Keras 2.2.4 keras/layers/convolutional.py:2576; alias in keras 2.15.0 "
            "keras/api/_v2/keras/layers/__init__.py and keras 3.15.1 keras/layers/__init__.py"
        ),
        BOTH,
    ),
    RenamedName(
        "layers.Convolution3DTranspose",
        "layers.Conv3DTranspose",
        (
            "Keras 2 alias (not in Keras 2.2.4); alias in keras 2.15.0 keras/api/_v2/keras/layers/__init__.py "
            "and keras 3.15.1 keras/layers/__init__.py"
        ),
        BOTH,
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
    ),
    RenamedName(
        "metrics.logcosh",
        "metrics.log_cosh",
        "Keras 2.2.4 keras/losses.py:48; both spellings in keras 2.15.0 keras/api/_v2/keras/metrics/__init__.py",
        ONLY_TF_KERAS,
    ),
)


# -------------------------------------------------------------------------------------------------
# Removed names: ImportError / AttributeError on the target.
# -------------------------------------------------------------------------------------------------

REMOVED_NAMES: Tuple[RemovedName, ...] = (
    # Keras 1 layers with no Keras 2 class. Keras 1.2.2 keras/layers/{core,convolutional,advanced_activations,
    # recurrent,convolutional_recurrent}.py, keras/engine/topology.py (Merge, merge); Keras 2.2.4 moved
    # MaxoutDense, Highway, AtrousConvolution*, Recurrent, ConvRecurrent2D to keras/legacy/layers.py and had
    # already dropped Merge/merge (keras/legacy/models.py:5 still imports the missing Merge). None is in
    # keras 2.15.0 keras/api/_v2/keras/layers/__init__.py or keras 3.15.1 keras/layers/__init__.py.
    # Note: "layers.merge" is also a Keras 2 *module* (see MODULE_PATHS); this entry is the Keras 1 function.
    RemovedName(
        "layers.Merge",
        None,
        (
            "Use the merge layer for the mode: mode='sum' -> layers.Add(), 'mul' -> layers.Multiply(), 'concat' "
            "-> layers.Concatenate(axis=concat_axis), 'ave' -> layers.Average(), 'max' -> layers.Maximum(), "
            "'dot'/'cos' -> layers.Dot(axes, normalize=(mode == 'cos')); a callable mode -> layers.Lambda. A "
            "Sequential of Merge(models) must become a functional Model."
        ),
        (
            "Keras 1.2.2 keras/engine/topology.py:1208; absent from keras 2.15.0 "
            "keras/api/_v2/keras/layers/__init__.py and keras 3.15.1 keras/layers/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "layers.merge",
        None,
        (
            "Call the merge layer on the list of tensors for the mode: mode='sum' -> layers.Add(), 'mul' -> "
            "layers.Multiply(), 'concat' -> layers.Concatenate(axis=concat_axis), 'ave' -> layers.Average(), "
            "'max' -> layers.Maximum(), 'dot'/'cos' -> layers.Dot(axes, normalize=(mode == 'cos')); a callable "
            "mode -> layers.Lambda."
        ),
        (
            "Keras 1.2.2 keras/engine/topology.py:1622; absent from keras 2.15.0 "
            "keras/api/_v2/keras/layers/__init__.py and keras 3.15.1 keras/layers/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "layers.MaxoutDense",
        None,
        (
            "Write layers.Dense(units * nb_feature) followed by a reshape to (units, nb_feature) and a max over "
            "the last axis (a small custom layer)."
        ),
        (
            "Keras 2.2.4 keras/legacy/layers.py:18; absent from keras 2.15.0 "
            "keras/api/_v2/keras/layers/__init__.py and keras 3.15.1 keras/layers/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "layers.Highway",
        None,
        (
            "Write a custom layer computing t * h(x) + (1 - t) * x with t = sigmoid(Dense(x)) and h = "
            "activation(Dense(x))."
        ),
        (
            "Keras 2.2.4 keras/legacy/layers.py:148; absent from keras 2.15.0 "
            "keras/api/_v2/keras/layers/__init__.py and keras 3.15.1 keras/layers/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "layers.TimeDistributedDense",
        None,
        "Use layers.TimeDistributed(layers.Dense(units)) (or just layers.Dense, which applies to the last axis).",
        (
            "Keras 1.2.2 keras/layers/core.py:1143; absent from keras 2.15.0 "
            "keras/api/_v2/keras/layers/__init__.py and keras 3.15.1 keras/layers/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "layers.AtrousConvolution1D",
        None,
        "Use layers.Conv1D(filters, kernel_size, dilation_rate=atrous_rate).",
        (
            "Keras 2.2.4 keras/legacy/layers.py:283; absent from keras 2.15.0 "
            "keras/api/_v2/keras/layers/__init__.py and keras 3.15.1 keras/layers/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "layers.AtrousConv1D",
        None,
        "Use layers.Conv1D(filters, kernel_size, dilation_rate=atrous_rate).",
        (
            "Keras 2.2.4 keras/layers/convolutional.py:2581; absent from keras 2.15.0 "
            "keras/api/_v2/keras/layers/__init__.py and keras 3.15.1 keras/layers/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "layers.AtrousConvolution2D",
        None,
        "Use layers.Conv2D(filters, kernel_size, dilation_rate=atrous_rate).",
        (
            "Keras 2.2.4 keras/legacy/layers.py:297; absent from keras 2.15.0 "
            "keras/api/_v2/keras/layers/__init__.py and keras 3.15.1 keras/layers/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "layers.AtrousConv2D",
        None,
        "Use layers.Conv2D(filters, kernel_size, dilation_rate=atrous_rate).",
        (
            "Keras 2.2.4 keras/layers/convolutional.py:2582; absent from keras 2.15.0 "
            "keras/api/_v2/keras/layers/__init__.py and keras 3.15.1 keras/layers/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "layers.Deconvolution2D",
        "layers.Conv2DTranspose",
        "Use layers.Conv2DTranspose (Keras 2.2.4 alias); from Keras 1 code also drop the output_shape argument.",
        (
            "Keras 1.2.2 keras/layers/convolutional.py:505; Keras 2.2.4 keras/layers/convolutional.py:2577; "
            "absent from keras 2.15.0 keras/api/_v2/keras/layers/__init__.py and keras 3.15.1 "
            "keras/layers/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "layers.Deconv2D",
        "layers.Conv2DTranspose",
        "Use layers.Conv2DTranspose (Keras 2.2.4 alias); from Keras 1 code also drop the output_shape argument.",
        (
            "Keras 1.2.2 keras/layers/convolutional.py:2020; Keras 2.2.4 keras/layers/convolutional.py:2577; "
            "absent from keras 2.15.0 keras/api/_v2/keras/layers/__init__.py and keras 3.15.1 "
            "keras/layers/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "layers.Deconvolution3D",
        "layers.Conv3DTranspose",
        "Use layers.Conv3DTranspose (Keras 2.2.4 alias).",
        (
            "Keras 2.2.4 keras/layers/convolutional.py:2578; absent from keras 2.15.0 "
            "keras/api/_v2/keras/layers/__init__.py and keras 3.15.1 keras/layers/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "layers.Deconv3D",
        "layers.Conv3DTranspose",
        "Use layers.Conv3DTranspose (Keras 2.2.4 alias).",
        (
            "Keras 2.2.4 keras/layers/convolutional.py:2578; absent from keras 2.15.0 "
            "keras/api/_v2/keras/layers/__init__.py and keras 3.15.1 keras/layers/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "layers.ParametricSoftplus",
        None,
        "No built-in replacement: write a custom layer alpha * softplus(beta * x) with trainable alpha and beta.",
        (
            "Keras 1.2.2 keras/layers/advanced_activations.py:152; absent from keras 2.15.0 "
            "keras/api/_v2/keras/layers/__init__.py and keras 3.15.1 keras/layers/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "layers.SReLU",
        None,
        "No built-in replacement: use layers.PReLU or a custom S-shaped ReLU layer.",
        (
            "Keras 1.2.2 keras/layers/advanced_activations.py:264; absent from keras 2.15.0 "
            "keras/api/_v2/keras/layers/__init__.py and keras 3.15.1 keras/layers/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "layers.Recurrent",
        None,
        "Subclass layers.Layer as an RNN cell (call(inputs, states), state_size) and wrap it in layers.RNN(cell).",
        (
            "Keras 1.2.2 keras/layers/recurrent.py:58; Keras 2.2.4 keras/legacy/layers.py:311; absent from "
            "keras 2.15.0 keras/api/_v2/keras/layers/__init__.py and keras 3.15.1 keras/layers/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "layers.ConvRecurrent2D",
        None,
        "Use layers.ConvLSTM2D, or write a cell and wrap it in layers.RNN.",
        (
            "Keras 1.2.2 keras/layers/convolutional_recurrent.py:13; Keras 2.2.4 keras/legacy/layers.py:663; "
            "absent from keras 2.15.0 keras/api/_v2/keras/layers/__init__.py and keras 3.15.1 "
            "keras/layers/__init__.py"
        ),
        BOTH,
    ),
    # CuDNN layers: Keras 2.2.4 keras/layers/cudnn_recurrent.py. keras 2.15.0 keeps them only in the TF1
    # API (keras/api/_v1/keras/layers/__init__.py:124-125, i.e. tf.compat.v1.keras.layers), not in
    # keras/api/_v2/keras/layers/__init__.py; keras 3.15.1 keras/layers/__init__.py has neither. The plain
    # layers pick the cuDNN kernel themselves when their arguments allow it.
    RemovedName(
        "layers.CuDNNLSTM",
        "layers.LSTM",
        "Use layers.LSTM with its default activation/recurrent_activation; it uses cuDNN on GPU automatically.",
        (
            "Keras 2.2.4 keras/layers/cudnn_recurrent.py:328; only keras 2.15.0 "
            "keras/api/_v1/keras/layers/__init__.py:125; absent from keras/api/_v2/keras/layers/__init__.py and "
            "keras 3.15.1 keras/layers/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "layers.CuDNNGRU",
        "layers.GRU",
        (
            "Use layers.GRU with reset_after=True (the default) and default activations; it uses cuDNN on GPU "
            "automatically."
        ),
        (
            "Keras 2.2.4 keras/layers/cudnn_recurrent.py:135; only keras 2.15.0 "
            "keras/api/_v1/keras/layers/__init__.py:124; absent from keras/api/_v2/keras/layers/__init__.py and "
            "keras 3.15.1 keras/layers/__init__.py"
        ),
        BOTH,
    ),
    # Layers tf.keras still has but Keras 3 dropped: keras 2.15.0 keras/api/_v2/keras/layers/__init__.py
    # (present), keras 3.15.1 keras/layers/__init__.py (absent).
    RemovedName(
        "layers.LocallyConnected1D",
        None,
        "No Keras 3 equivalent: use layers.Conv1D (shared weights), or keep the layer from tf_keras.",
        (
            "keras 2.15.0 keras/api/_v2/keras/layers/__init__.py (present); keras 3.15.1 "
            "keras/layers/__init__.py (absent)"
        ),
        ONLY_KERAS3,
    ),
    RemovedName(
        "layers.LocallyConnected2D",
        None,
        "No Keras 3 equivalent: use layers.Conv2D (shared weights), or keep the layer from tf_keras.",
        (
            "keras 2.15.0 keras/api/_v2/keras/layers/__init__.py (present); keras 3.15.1 "
            "keras/layers/__init__.py (absent)"
        ),
        ONLY_KERAS3,
    ),
    RemovedName(
        "layers.ThresholdedReLU",
        None,
        "Use layers.ReLU(threshold=theta) (identical except at x == theta).",
        (
            "keras 2.15.0 keras/api/_v2/keras/layers/__init__.py (present); keras 3.15.1 "
            "keras/layers/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "layers.DenseFeatures",
        None,
        "Feature columns are gone in Keras 3: preprocess with utils.FeatureSpace or preprocessing layers.",
        (
            "keras 2.15.0 keras/api/_v2/keras/layers/__init__.py (present); keras 3.15.1 "
            "keras/layers/__init__.py (absent)"
        ),
        ONLY_KERAS3,
    ),
    RemovedName(
        "layers.AbstractRNNCell",
        None,
        "Subclass layers.Layer with a state_size attribute and call(inputs, states) and wrap it in layers.RNN.",
        (
            "keras 2.15.0 keras/api/_v2/keras/layers/__init__.py (present); keras 3.15.1 "
            "keras/layers/__init__.py (absent)"
        ),
        ONLY_KERAS3,
    ),
    RemovedName(
        "layers.RandomHeight",
        None,
        "Use layers.RandomZoom with the other factor fixed (or layers.Resizing for a fixed size).",
        (
            "keras 2.15.0 keras/api/_v2/keras/layers/__init__.py (present); keras 3.15.1 "
            "keras/layers/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "layers.RandomWidth",
        None,
        "Use layers.RandomZoom with the other factor fixed (or layers.Resizing for a fixed size).",
        (
            "keras 2.15.0 keras/api/_v2/keras/layers/__init__.py (present); keras 3.15.1 "
            "keras/layers/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    # layers.experimental.* (TF 2.3-2.5 home of the preprocessing layers): keras 2.15.0
    # keras/api/_v2/keras/layers/experimental/__init__.py and experimental/preprocessing/__init__.py;
    # keras 3.15.1 has no keras/layers/experimental. Names that moved to layers (EinsumDense, Normalization,
    # Rescaling, ...) are covered by MODULE_PATHS, which rewrites them to layers.X; RandomHeight/RandomWidth
    # then hit the layers.* entries above. Only the names with no home in layers are listed here, and
    # CANONICAL_OVERRIDES keeps them under their experimental path.
    RemovedName(
        "layers.experimental.SyncBatchNormalization",
        None,
        "Use layers.BatchNormalization(synchronized=True).",
        (
            "keras 2.15.0 keras/api/_v2/keras/layers/experimental/__init__.py; keras 3.15.1 has no "
            "keras/layers/experimental"
        ),
        ONLY_KERAS3,
    ),
    RemovedName(
        "layers.experimental.RandomFourierFeatures",
        None,
        "No Keras 3 layer: keep a custom implementation (random projection followed by cos).",
        (
            "keras 2.15.0 keras/api/_v2/keras/layers/experimental/__init__.py; keras 3.15.1 has no "
            "keras/layers/experimental"
        ),
        ONLY_KERAS3,
    ),
    RemovedName(
        "layers.experimental.preprocessing.PreprocessingLayer",
        None,
        "Subclass layers.Layer (Keras 3 has no public PreprocessingLayer base).",
        (
            "keras 2.15.0 keras/api/_v2/keras/layers/experimental/preprocessing/__init__.py; keras 3.15.1 has "
            "no keras/layers/experimental"
        ),
        ONLY_KERAS3,
    ),
    # Model-level names. Keras 2.2.4 keras/models.py:10-18 re-exported Input/InputLayer and the loaders;
    # keras 2.15.0 keras/api/_v2/keras/models/__init__.py has no Input/InputLayer; model_from_yaml there
    # raises RuntimeError since TF 2.6 (keras 2.15.0 keras/src/saving/legacy/model_config.py); keras 3.15.1
    # keras/models/__init__.py has none of model_from_yaml / model_from_config.
    RemovedName(
        "models.Input",
        "layers.Input",
        "Import Input from layers (or use the top-level Input).",
        (
            "Keras 2.2.4 keras/models.py:10; absent from keras 2.15.0 keras/api/_v2/keras/models/__init__.py "
            "and keras 3.15.1 keras/models/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "models.InputLayer",
        "layers.InputLayer",
        "Import InputLayer from layers.",
        (
            "Keras 2.2.4 keras/models.py:11; absent from keras 2.15.0 keras/api/_v2/keras/models/__init__.py "
            "and keras 3.15.1 keras/models/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "models.model_from_yaml",
        None,
        (
            "YAML model configs were removed for security: save with model.to_json() and load with "
            "models.model_from_json()."
        ),
        (
            "Keras 2.2.4 keras/models.py:17; keras 2.15.0 keras/src/saving/legacy/model_config.py (raises "
            "RuntimeError); absent from keras 3.15.1 keras/models/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "models.model_from_config",
        None,
        "Use saving.deserialize_keras_object(config) (or models.model_from_json on a JSON string).",
        (
            "keras 2.15.0 keras/api/_v2/keras/models/__init__.py (present); keras 3.15.1 "
            "keras/models/__init__.py (absent)"
        ),
        ONLY_KERAS3,
    ),
    RemovedName(
        "models.experimental.SharpnessAwareMinimization",
        None,
        "No Keras 3 equivalent: implement SAM in a custom train_step.",
        (
            "keras 2.15.0 keras/api/_v2/keras/models/experimental/__init__.py; keras 3.15.1 "
            "keras/models/experimental absent"
        ),
        ONLY_KERAS3,
    ),
    # backend functions of Keras 1 / standalone Keras 2 that tf.keras never had: Keras 1.2.2
    # keras/backend/common.py + tensorflow_backend.py, Keras 2.2.4 keras/backend/common.py +
    # tensorflow_backend.py; absent from keras 2.15.0 keras/api/_v2/keras/backend/__init__.py and keras 3.15.1
    # keras/backend/__init__.py (no "image_dim_ordering" anywhere in the keras 2.15.0 or tf_keras 2.15 trees).
    RemovedName(
        "backend.image_dim_ordering",
        None,
        "Use backend.image_data_format(), which returns 'channels_last' / 'channels_first' instead of 'tf' / 'th'.",
        (
            "Keras 2.2.4 keras/backend/common.py:212; absent from keras 2.15.0 "
            "keras/api/_v2/keras/backend/__init__.py and keras 3.15.1 keras/backend/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "backend.set_image_dim_ordering",
        None,
        "Use backend.set_image_data_format('channels_last' or 'channels_first') instead of 'tf' / 'th'.",
        (
            "Keras 2.2.4 keras/backend/common.py:183; absent from keras 2.15.0 "
            "keras/api/_v2/keras/backend/__init__.py and keras 3.15.1 keras/backend/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "backend.normalize_data_format",
        None,
        "Pass data_format explicitly ('channels_last' / 'channels_first') or read backend.image_data_format().",
        (
            "Keras 2.2.4 keras/backend/common.py:150; absent from keras 2.15.0 "
            "keras/api/_v2/keras/backend/__init__.py and keras 3.15.1 keras/backend/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "backend.legacy_weight_ordering",
        None,
        "Remove: Theano weight ordering no longer exists.",
        (
            "Keras 1.2.2 keras/backend/common.py; absent from keras 2.15.0 "
            "keras/api/_v2/keras/backend/__init__.py and keras 3.15.1 keras/backend/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "backend.set_legacy_weight_ordering",
        None,
        "Remove: Theano weight ordering no longer exists.",
        (
            "Keras 1.2.2 keras/backend/common.py; absent from keras 2.15.0 "
            "keras/api/_v2/keras/backend/__init__.py and keras 3.15.1 keras/backend/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "backend.get_session",
        None,
        "TF2 has no global session: drop it, or use tf.compat.v1.keras.backend.get_session in TF1-style code.",
        (
            "Keras 2.2.4 keras/backend/tensorflow_backend.py:156; absent from keras 2.15.0 "
            "keras/api/_v2/keras/backend/__init__.py and keras 3.15.1 keras/backend/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "backend.set_session",
        None,
        "TF2 has no global session: drop it, or use tf.compat.v1.keras.backend.set_session in TF1-style code.",
        (
            "Keras 2.2.4 keras/backend/tensorflow_backend.py:214; absent from keras 2.15.0 "
            "keras/api/_v2/keras/backend/__init__.py and keras 3.15.1 keras/backend/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "backend.control_flow_ops",
        None,
        "Use tf.while_loop / tf.cond from TensorFlow (Keras 3: keras.ops.while_loop / keras.ops.cond).",
        (
            "Keras 2.2.4 keras/backend/tensorflow_backend.py:9 (from tensorflow.python.ops import "
            "control_flow_ops, re-exported by keras/backend/__init__.py's star import); absent from keras 2.15.0 "
            "keras/api/_v2/keras/backend/__init__.py and keras 3.15.1 keras/backend/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "mixed_precision.experimental",
        None,
        "Use mixed_precision.Policy, set_global_policy and LossScaleOptimizer (the stable API since TF 2.4).",
        (
            "absent from keras 2.15.0 keras/api/_v2/keras/mixed_precision/__init__.py and keras 3.15.1 "
            "keras/mixed_precision/__init__.py (run: AttributeError on TF 2.15.1 and Keras 3.15.1)"
        ),
        BOTH,
    ),
    RemovedName(
        "optimizers.sgd",
        "optimizers.SGD",
        "Use optimizers.SGD (the class the Keras 2.2 alias stood for).",
        (
            "Keras 2.2.4 keras/optimizers.py:726-732 (sgd = SGD); absent from keras 2.15.0 "
            "keras/api/_v2/keras/optimizers/__init__.py and keras 3.15.1 keras/optimizers/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "optimizers.rmsprop",
        "optimizers.RMSprop",
        "Use optimizers.RMSprop (the class the Keras 2.2 alias stood for).",
        (
            "Keras 2.2.4 keras/optimizers.py:726-732 (rmsprop = RMSprop); absent from keras 2.15.0 "
            "keras/api/_v2/keras/optimizers/__init__.py and keras 3.15.1 keras/optimizers/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "optimizers.adagrad",
        "optimizers.Adagrad",
        "Use optimizers.Adagrad (the class the Keras 2.2 alias stood for).",
        (
            "Keras 2.2.4 keras/optimizers.py:726-732 (adagrad = Adagrad); absent from keras 2.15.0 "
            "keras/api/_v2/keras/optimizers/__init__.py and keras 3.15.1 keras/optimizers/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "optimizers.adadelta",
        "optimizers.Adadelta",
        "Use optimizers.Adadelta (the class the Keras 2.2 alias stood for).",
        (
            "Keras 2.2.4 keras/optimizers.py:726-732 (adadelta = Adadelta); absent from keras 2.15.0 "
            "keras/api/_v2/keras/optimizers/__init__.py and keras 3.15.1 keras/optimizers/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "optimizers.adam",
        "optimizers.Adam",
        "Use optimizers.Adam (the class the Keras 2.2 alias stood for).",
        (
            "Keras 2.2.4 keras/optimizers.py:726-732 (adam = Adam); absent from keras 2.15.0 "
            "keras/api/_v2/keras/optimizers/__init__.py and keras 3.15.1 keras/optimizers/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "optimizers.adamax",
        "optimizers.Adamax",
        "Use optimizers.Adamax (the class the Keras 2.2 alias stood for).",
        (
            "Keras 2.2.4 keras/optimizers.py:726-732 (adamax = Adamax); absent from keras 2.15.0 "
            "keras/api/_v2/keras/optimizers/__init__.py and keras 3.15.1 keras/optimizers/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "optimizers.nadam",
        "optimizers.Nadam",
        "Use optimizers.Nadam (the class the Keras 2.2 alias stood for).",
        (
            "Keras 2.2.4 keras/optimizers.py:726-732 (nadam = Nadam); absent from keras 2.15.0 "
            "keras/api/_v2/keras/optimizers/__init__.py and keras 3.15.1 keras/optimizers/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "backend.tf",
        None,
        "Import TensorFlow directly: import tensorflow as tf (Keras 3: prefer keras.ops).",
        (
            "Keras 2.2.4 keras/backend/tensorflow_backend.py:5 (import tensorflow as tf); absent from keras "
            "2.15.0 keras/api/_v2/keras/backend/__init__.py and keras 3.15.1 keras/backend/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "backend.identity",
        None,
        "Use tf.identity (tf.keras) or keras.ops.identity (Keras 3).",
        (
            "Keras 2.2.4 keras/backend/tensorflow_backend.py:818; absent from keras 2.15.0 "
            "keras/api/_v2/keras/backend/__init__.py and keras 3.15.1 keras/backend/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "backend.is_tensor",
        None,
        "Use tf.is_tensor (tf.keras) or keras.ops.is_tensor (Keras 3).",
        (
            "Keras 2.2.4 keras/backend/tensorflow_backend.py:479; absent from keras 2.15.0 "
            "keras/api/_v2/keras/backend/__init__.py and keras 3.15.1 keras/backend/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "backend.logsumexp",
        None,
        "Use tf.reduce_logsumexp (tf.keras) or keras.ops.logsumexp (Keras 3).",
        (
            "Keras 2.2.4 keras/backend/tensorflow_backend.py:1524; absent from keras 2.15.0 "
            "keras/api/_v2/keras/backend/__init__.py and keras 3.15.1 keras/backend/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "backend.slice",
        None,
        "Use tf.slice (tf.keras) or keras.ops.slice (Keras 3).",
        (
            "Keras 2.2.4 keras/backend/tensorflow_backend.py:2375; absent from keras 2.15.0 "
            "keras/api/_v2/keras/backend/__init__.py and keras 3.15.1 keras/backend/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "backend.is_placeholder",
        None,
        "Remove: there are no placeholders in TF2 / Keras 3; use backend.is_keras_tensor for symbolic inputs.",
        (
            "Keras 2.2.4 keras/backend/tensorflow_backend.py:523; absent from keras 2.15.0 "
            "keras/api/_v2/keras/backend/__init__.py and keras 3.15.1 keras/backend/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "backend.separable_conv1d",
        None,
        "Use layers.SeparableConv1D (or keras.ops.separable_conv in Keras 3).",
        (
            "Keras 2.2.4 keras/backend/tensorflow_backend.py:3720; absent from keras 2.15.0 "
            "keras/api/_v2/keras/backend/__init__.py and keras 3.15.1 keras/backend/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "backend.conv3d_transpose",
        None,
        "Use layers.Conv3DTranspose (or keras.ops.conv_transpose in Keras 3).",
        (
            "Keras 2.2.4 keras/backend/tensorflow_backend.py:3893; absent from keras 2.15.0 "
            "keras/api/_v2/keras/backend/__init__.py and keras 3.15.1 keras/backend/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "backend.get_variable_shape",
        "backend.int_shape",
        "Use backend.int_shape(x).",
        (
            "Keras 2.2.4 keras/backend/tensorflow_backend.py:2473; absent from keras 2.15.0 "
            "keras/api/_v2/keras/backend/__init__.py"
        ),
        ONLY_TF_KERAS,
    ),
    RemovedName(
        "backend.get_variable_shape",
        None,
        "Use x.shape or keras.ops.shape(x).",
        (
            "Keras 2.2.4 keras/backend/tensorflow_backend.py:2473; absent from keras 2.15.0 "
            "keras/api/_v2/keras/backend/__init__.py and keras 3.15.1 keras/backend/__init__.py"
        ),
        ONLY_KERAS3,
    ),
    RemovedName(
        "backend.lesser",
        "backend.less",
        "Use backend.less.",
        (
            "Keras 1.2.2 keras/backend/tensorflow_backend.py; absent from keras 2.15.0 "
            "keras/api/_v2/keras/backend/__init__.py"
        ),
        ONLY_TF_KERAS,
    ),
    RemovedName(
        "backend.lesser",
        None,
        "Use keras.ops.less.",
        (
            "Keras 1.2.2 keras/backend/tensorflow_backend.py; absent from keras 2.15.0 "
            "keras/api/_v2/keras/backend/__init__.py and keras 3.15.1 keras/backend/__init__.py"
        ),
        ONLY_KERAS3,
    ),
    RemovedName(
        "backend.lesser_equal",
        "backend.less_equal",
        "Use backend.less_equal.",
        (
            "Keras 1.2.2 keras/backend/tensorflow_backend.py; absent from keras 2.15.0 "
            "keras/api/_v2/keras/backend/__init__.py"
        ),
        ONLY_TF_KERAS,
    ),
    RemovedName(
        "backend.lesser_equal",
        None,
        "Use keras.ops.less_equal.",
        (
            "Keras 1.2.2 keras/backend/tensorflow_backend.py; absent from keras 2.15.0 "
            "keras/api/_v2/keras/backend/__init__.py and keras 3.15.1 keras/backend/__init__.py"
        ),
        ONLY_KERAS3,
    ),
    RemovedName(
        "backend.deconv2d",
        None,
        "Use backend.conv2d_transpose (tf.keras) / keras.ops.conv_transpose (Keras 3), or layers.Conv2DTranspose.",
        (
            "Keras 1.2.2 keras/backend/tensorflow_backend.py; absent from keras 2.15.0 "
            "keras/api/_v2/keras/backend/__init__.py and keras 3.15.1 keras/backend/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "backend.atrous_conv2d",
        None,
        (
            "Use a dilated convolution: layers.Conv2D(..., dilation_rate=rate) or backend.conv2d(..., "
            "dilation_rate=rate) on tf.keras."
        ),
        (
            "Keras 1.2.2 keras/backend/tensorflow_backend.py; absent from keras 2.15.0 "
            "keras/api/_v2/keras/backend/__init__.py and keras 3.15.1 keras/backend/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "backend.asymmetric_temporal_padding",
        None,
        "Use layers.ZeroPadding1D/2D with a (before, after) tuple, or tf.pad / keras.ops.pad.",
        (
            "Keras 1.2.2 keras/backend/tensorflow_backend.py; absent from keras 2.15.0 "
            "keras/api/_v2/keras/backend/__init__.py and keras 3.15.1 keras/backend/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "backend.asymmetric_spatial_2d_padding",
        None,
        "Use layers.ZeroPadding1D/2D with a (before, after) tuple, or tf.pad / keras.ops.pad.",
        (
            "Keras 1.2.2 keras/backend/tensorflow_backend.py; absent from keras 2.15.0 "
            "keras/api/_v2/keras/backend/__init__.py and keras 3.15.1 keras/backend/__init__.py"
        ),
        BOTH,
    ),
    # backend functions tf.keras 2.15 has and Keras 3 dropped: keras 2.15.0
    # keras/api/_v2/keras/backend/__init__.py (present) vs keras 3.15.1 keras/backend/__init__.py (absent;
    # Keras 3 keeps only config helpers there). Most tensor functions moved to keras.ops / keras.random; the
    # keras/_tf_keras/keras/backend tree (tf.keras under TF >= 2.16) still has the ones marked "kept". The
    # ops equivalents are not always argument-compatible, so no entry claims a drop-in replacement.
    RemovedName(
        "backend.abs",
        None,
        "Use keras.ops.abs.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.all",
        None,
        "Use keras.ops.all.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.any",
        None,
        "Use keras.ops.any.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.arange",
        None,
        "Use keras.ops.arange.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.argmax",
        None,
        "Use keras.ops.argmax.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.argmin",
        None,
        "Use keras.ops.argmin.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.batch_dot",
        None,
        "Use keras.ops.einsum or keras.ops.matmul (Keras 3 has no batch_dot).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.batch_flatten",
        None,
        "Use keras.ops.reshape(x, (keras.ops.shape(x)[0], -1)) or layers.Flatten().",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.batch_get_value",
        None,
        "Use [keras.ops.convert_to_numpy(v) for v in variables].",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.batch_normalization",
        None,
        "Use keras.ops.batch_normalization(x, mean, variance, axis, offset, scale, epsilon).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.batch_set_value",
        None,
        "Call variable.assign(value) for each (variable, value) pair.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.bias_add",
        None,
        "Use x + bias (broadcasting) or keras.ops.add.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.binary_crossentropy",
        None,
        "Use keras.ops.binary_crossentropy.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.binary_focal_crossentropy",
        None,
        "Use losses.binary_focal_crossentropy (or losses.BinaryFocalCrossentropy).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.cast",
        None,
        "Use keras.ops.cast.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.cast_to_floatx",
        None,
        "Use keras.ops.cast(x, keras.config.floatx()).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.categorical_crossentropy",
        None,
        "Use keras.ops.categorical_crossentropy.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.categorical_focal_crossentropy",
        None,
        "Use losses.categorical_focal_crossentropy (or losses.CategoricalFocalCrossentropy).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.clip",
        None,
        "Use keras.ops.clip.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.concatenate",
        None,
        "Use keras.ops.concatenate(tensors, axis=-1): its default axis is 0, not -1.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.constant",
        None,
        "Use keras.ops.convert_to_tensor (or keras.ops.full for a filled tensor).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.conv1d",
        None,
        "Use keras.ops.conv.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.conv2d",
        None,
        "Use keras.ops.conv.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.conv2d_transpose",
        None,
        "Use keras.ops.conv_transpose.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.conv3d",
        None,
        "Use keras.ops.conv.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.cos",
        None,
        "Use keras.ops.cos.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.count_params",
        None,
        "Use keras.ops.size(x), or layer.count_params().",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.ctc_batch_cost",
        None,
        "Use keras.ops.ctc_loss or losses.CTC.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.ctc_decode",
        None,
        "Use keras.ops.ctc_decode (check its arguments: inputs, sequence_lengths, strategy).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.ctc_label_dense_to_sparse",
        None,
        "Remove: keras.ops.ctc_loss takes dense labels.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.cumprod",
        None,
        "Use keras.ops.cumprod.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.cumsum",
        None,
        "Use keras.ops.cumsum.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.depthwise_conv2d",
        None,
        "Use keras.ops.depthwise_conv.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.dot",
        None,
        "Use keras.ops.dot.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.dropout",
        None,
        "Use keras.random.dropout or layers.Dropout.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.dtype",
        None,
        "Use x.dtype (or keras.backend.standardize_dtype(x.dtype)).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.elu",
        None,
        "Use keras.ops.elu.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.equal",
        None,
        "Use keras.ops.equal.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.eval",
        None,
        "Use keras.ops.convert_to_numpy(x).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.exp",
        None,
        "Use keras.ops.exp.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.expand_dims",
        None,
        "Use keras.ops.expand_dims.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.eye",
        None,
        "Use keras.ops.eye.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.flatten",
        None,
        "Use keras.ops.reshape(x, (-1,)).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.foldl",
        None,
        "Use keras.ops.fori_loop or keras.ops.scan.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.foldr",
        None,
        "Use keras.ops.fori_loop or keras.ops.scan (over the reversed input).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.function",
        None,
        (
            "Remove: call the model or layer directly (Keras 3 runs eagerly), or build a sub-Model for "
            "intermediate outputs."
        ),
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent)"
        ),
        ONLY_KERAS3,
    ),
    RemovedName(
        "backend.gather",
        None,
        "Use keras.ops.take(reference, indices, axis=0).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.get_value",
        None,
        "Use keras.ops.convert_to_numpy(variable) (or variable.numpy() on TensorFlow).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.gradients",
        None,
        "No backend-agnostic equivalent: use the backend's autodiff (tf.GradientTape, jax.grad, torch.autograd).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.greater",
        None,
        "Use keras.ops.greater.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.greater_equal",
        None,
        "Use keras.ops.greater_equal.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.hard_sigmoid",
        None,
        "Use keras.ops.hard_sigmoid (check its slope against K.hard_sigmoid's 0.2).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.in_test_phase",
        None,
        "Remove the global phase: branch on the training argument of call() instead.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent)"
        ),
        ONLY_KERAS3,
    ),
    RemovedName(
        "backend.in_top_k",
        None,
        "Use keras.ops.in_top_k(targets, predictions, k) (argument order swapped).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.in_train_phase",
        None,
        "Remove the global phase: branch on the training argument of call() instead.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent)"
        ),
        ONLY_KERAS3,
    ),
    RemovedName(
        "backend.int_shape",
        None,
        "Use x.shape (or keras.ops.shape(x)).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.is_sparse",
        None,
        "No keras.ops equivalent: test the backend tensor type (e.g. isinstance(x, tf.SparseTensor)).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.l2_normalize",
        None,
        "Use keras.ops.normalize(x, axis=axis, order=2).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.learning_phase",
        None,
        "Remove: Keras 3 has no global learning phase; pass training=True/False to layer and model calls.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent)"
        ),
        ONLY_KERAS3,
    ),
    RemovedName(
        "backend.learning_phase_scope",
        None,
        "Remove: Keras 3 has no global learning phase; pass training=True/False to layer and model calls.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent)"
        ),
        ONLY_KERAS3,
    ),
    RemovedName(
        "backend.less",
        None,
        "Use keras.ops.less.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.less_equal",
        None,
        "Use keras.ops.less_equal.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.local_conv1d",
        None,
        "No Keras 3 equivalent (LocallyConnected layers were removed).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent)"
        ),
        ONLY_KERAS3,
    ),
    RemovedName(
        "backend.local_conv2d",
        None,
        "No Keras 3 equivalent (LocallyConnected layers were removed).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent)"
        ),
        ONLY_KERAS3,
    ),
    RemovedName(
        "backend.log",
        None,
        "Use keras.ops.log.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.manual_variable_initialization",
        None,
        "Remove: Keras 3 variables are initialized when created.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent)"
        ),
        ONLY_KERAS3,
    ),
    RemovedName(
        "backend.map_fn",
        None,
        "Use keras.ops.map or keras.ops.vectorized_map.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.max",
        None,
        "Use keras.ops.max.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.maximum",
        None,
        "Use keras.ops.maximum.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.mean",
        None,
        "Use keras.ops.mean.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.min",
        None,
        "Use keras.ops.min.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.minimum",
        None,
        "Use keras.ops.minimum.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.moving_average_update",
        None,
        "Use variable.assign(variable * momentum + value * (1 - momentum)).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.name_scope",
        None,
        "Use keras.name_scope.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.ndim",
        None,
        "Use keras.ops.ndim.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.normalize_batch_in_training",
        None,
        "Use keras.ops.moments and keras.ops.batch_normalization (or layers.BatchNormalization).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent)"
        ),
        ONLY_KERAS3,
    ),
    RemovedName(
        "backend.not_equal",
        None,
        "Use keras.ops.not_equal.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.one_hot",
        None,
        "Use keras.ops.one_hot.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.ones",
        None,
        "Use keras.ops.ones.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.ones_like",
        None,
        "Use keras.ops.ones_like.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.permute_dimensions",
        None,
        "Use keras.ops.transpose(x, axes).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.placeholder",
        None,
        "Use layers.Input(shape=...) for a symbolic input; Keras 3 has no placeholders.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent)"
        ),
        ONLY_KERAS3,
    ),
    RemovedName(
        "backend.pool2d",
        None,
        "Use keras.ops.max_pool or keras.ops.average_pool.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.pool3d",
        None,
        "Use keras.ops.max_pool or keras.ops.average_pool.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.pow",
        None,
        "Use keras.ops.power.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.print_tensor",
        None,
        "Print eagerly (print(keras.ops.convert_to_numpy(x))) or use the backend's print op (tf.print).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent)"
        ),
        ONLY_KERAS3,
    ),
    RemovedName(
        "backend.prod",
        None,
        "Use keras.ops.prod.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.random_bernoulli",
        None,
        "Use keras.random.binomial(shape, counts=1, probabilities=p).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.random_binomial",
        None,
        "Use keras.random.binomial(shape, counts=1, probabilities=p).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent)"
        ),
        ONLY_KERAS3,
    ),
    RemovedName(
        "backend.random_normal",
        None,
        "Use keras.random.normal.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.random_normal_variable",
        None,
        "Create keras.Variable(initializers.RandomNormal(...)(shape)).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.random_uniform",
        None,
        "Use keras.random.uniform.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.random_uniform_variable",
        None,
        "Create keras.Variable(initializers.RandomUniform(...)(shape)).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.relu",
        None,
        ("Use keras.ops.relu (no alpha/max_value/threshold: use layers.ReLU or keras.ops.leaky_relu/clip for those)."),
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.repeat",
        None,
        (
            "Use layers.RepeatVector(n) or keras.ops.repeat(keras.ops.expand_dims(x, 1), n, axis=1); "
            "keras.ops.repeat alone means repeat_elements."
        ),
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.repeat_elements",
        None,
        "Use keras.ops.repeat(x, rep, axis=axis).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.reset_uids",
        None,
        "Remove, or call backend.clear_session() to reset Keras global state.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent)"
        ),
        ONLY_KERAS3,
    ),
    RemovedName(
        "backend.reshape",
        None,
        "Use keras.ops.reshape.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.resize_images",
        None,
        "Use keras.ops.image.resize, layers.UpSampling2D or layers.Resizing.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.resize_volumes",
        None,
        "Use layers.UpSampling3D.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.reverse",
        None,
        "Use keras.ops.flip(x, axis).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.rnn",
        None,
        "No public keras.ops equivalent: use layers.RNN with a cell.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.round",
        None,
        "Use keras.ops.round.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.separable_conv2d",
        None,
        "Use keras.ops.separable_conv.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.set_learning_phase",
        None,
        "Remove: Keras 3 has no global learning phase; pass training=True/False to layer and model calls.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent)"
        ),
        ONLY_KERAS3,
    ),
    RemovedName(
        "backend.set_value",
        None,
        "Use variable.assign(value).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.shape",
        None,
        "Use keras.ops.shape.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.sigmoid",
        None,
        "Use keras.ops.sigmoid.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.sign",
        None,
        "Use keras.ops.sign.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.sin",
        None,
        "Use keras.ops.sin.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.softmax",
        None,
        "Use keras.ops.softmax.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.softplus",
        None,
        "Use keras.ops.softplus.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.softsign",
        None,
        "Use keras.ops.softsign.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.sparse_categorical_crossentropy",
        None,
        "Use keras.ops.sparse_categorical_crossentropy.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.spatial_2d_padding",
        None,
        "Use keras.ops.pad or layers.ZeroPadding2D.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.spatial_3d_padding",
        None,
        "Use keras.ops.pad or layers.ZeroPadding3D.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.sqrt",
        None,
        "Use keras.ops.sqrt.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.square",
        None,
        "Use keras.ops.square.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.squeeze",
        None,
        "Use keras.ops.squeeze.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.stack",
        None,
        "Use keras.ops.stack.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.std",
        None,
        "Use keras.ops.std.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.stop_gradient",
        None,
        "Use keras.ops.stop_gradient.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.sum",
        None,
        "Use keras.ops.sum.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.switch",
        None,
        "Use keras.ops.where(condition, then, else) (keras.ops.switch selects a branch by index).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.tanh",
        None,
        "Use keras.ops.tanh.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.temporal_padding",
        None,
        "Use keras.ops.pad or layers.ZeroPadding1D.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.tile",
        None,
        "Use keras.ops.tile.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.to_dense",
        None,
        "Use keras.ops.convert_to_tensor(x, sparse=False).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.transpose",
        None,
        "Use keras.ops.transpose.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.truncated_normal",
        None,
        "Use keras.random.truncated_normal.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.update",
        None,
        "Use variable.assign(value).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.update_add",
        None,
        "Use variable.assign_add(increment).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.update_sub",
        None,
        "Use variable.assign_sub(decrement).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.var",
        None,
        "Use keras.ops.var.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.variable",
        None,
        "Use keras.Variable(initial_value).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.zeros",
        None,
        "Use keras.ops.zeros.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.zeros_like",
        None,
        "Use keras.ops.zeros_like.",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/__init__.py (present); keras 3.15.1 "
            "keras/backend/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "backend.experimental.disable_tf_random_generator",
        None,
        "Remove: Keras 3 always uses its own seeded RNG (keras.random.SeedGenerator).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/experimental/__init__.py; keras 3.15.1 keras/backend has "
            "no experimental"
        ),
        ONLY_KERAS3,
    ),
    RemovedName(
        "backend.experimental.enable_tf_random_generator",
        None,
        "Remove: Keras 3 always uses its own seeded RNG (keras.random.SeedGenerator).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/experimental/__init__.py; keras 3.15.1 keras/backend has "
            "no experimental"
        ),
        ONLY_KERAS3,
    ),
    RemovedName(
        "backend.experimental.is_tf_random_generator_enabled",
        None,
        "Remove: Keras 3 always uses its own seeded RNG (keras.random.SeedGenerator).",
        (
            "keras 2.15.0 keras/api/_v2/keras/backend/experimental/__init__.py; keras 3.15.1 keras/backend has "
            "no experimental"
        ),
        ONLY_KERAS3,
    ),
    # Keras 1 initializations: Keras 1.2.2 keras/initializations.py (functions of shape); Keras 2.2.4
    # keras/initializers.py:443-447 kept zero/one/uniform/normal as aliases of the classes; keras 2.15.0
    # keras/api/_v2/keras/initializers/__init__.py and keras 3.15.1 keras/initializers/__init__.py have only
    # zeros/ones/random_uniform/random_normal. The Keras 1 defaults (scale=0.05) equal the class defaults.
    RemovedName(
        "initializers.zero",
        "initializers.Zeros",
        "Use initializers.Zeros() (or the string 'zeros').",
        (
            "Keras 2.2.4 keras/initializers.py:443-447; absent from keras 2.15.0 "
            "keras/api/_v2/keras/initializers/__init__.py and keras 3.15.1 keras/initializers/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "initializers.one",
        "initializers.Ones",
        "Use initializers.Ones() (or the string 'ones').",
        (
            "Keras 2.2.4 keras/initializers.py:443-447; absent from keras 2.15.0 "
            "keras/api/_v2/keras/initializers/__init__.py and keras 3.15.1 keras/initializers/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "initializers.uniform",
        "initializers.RandomUniform",
        "Use initializers.RandomUniform() (or the string 'random_uniform').",
        (
            "Keras 2.2.4 keras/initializers.py:443-447; absent from keras 2.15.0 "
            "keras/api/_v2/keras/initializers/__init__.py and keras 3.15.1 keras/initializers/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "initializers.normal",
        "initializers.RandomNormal",
        "Use initializers.RandomNormal() (or the string 'random_normal').",
        (
            "Keras 2.2.4 keras/initializers.py:443-447; absent from keras 2.15.0 "
            "keras/api/_v2/keras/initializers/__init__.py and keras 3.15.1 keras/initializers/__init__.py"
        ),
        BOTH,
    ),
    # Keras 1 regularizers: Keras 1.2.2 keras/regularizers.py:91-116; absent from keras 2.15.0
    # keras/api/_v2/keras/regularizers/__init__.py and keras 3.15.1 keras/regularizers/__init__.py.
    RemovedName(
        "regularizers.l1l2",
        "regularizers.l1_l2",
        "Use regularizers.l1_l2(l1=..., l2=...).",
        (
            "Keras 1.2.2 keras/regularizers.py:103; absent from keras 2.15.0 "
            "keras/api/_v2/keras/regularizers/__init__.py and keras 3.15.1 keras/regularizers/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "regularizers.WeightRegularizer",
        "regularizers.L1L2",
        "Use regularizers.L1L2(l1=..., l2=...) as kernel_regularizer.",
        (
            "Keras 1.2.2 keras/regularizers.py:91; absent from keras 2.15.0 "
            "keras/api/_v2/keras/regularizers/__init__.py and keras 3.15.1 keras/regularizers/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "regularizers.ActivityRegularizer",
        "regularizers.L1L2",
        "Use regularizers.L1L2(l1=..., l2=...) as activity_regularizer.",
        (
            "Keras 1.2.2 keras/regularizers.py:92; absent from keras 2.15.0 "
            "keras/api/_v2/keras/regularizers/__init__.py and keras 3.15.1 keras/regularizers/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "regularizers.activity_l1",
        None,
        "Pass activity_regularizer=regularizers.l1(l) to the layer.",
        (
            "Keras 1.2.2 keras/regularizers.py; absent from keras 2.15.0 "
            "keras/api/_v2/keras/regularizers/__init__.py and keras 3.15.1 keras/regularizers/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "regularizers.activity_l2",
        None,
        "Pass activity_regularizer=regularizers.l2(l) to the layer.",
        (
            "Keras 1.2.2 keras/regularizers.py; absent from keras 2.15.0 "
            "keras/api/_v2/keras/regularizers/__init__.py and keras 3.15.1 keras/regularizers/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "regularizers.activity_l1l2",
        None,
        "Pass activity_regularizer=regularizers.l1_l2(l1, l2) to the layer.",
        (
            "Keras 1.2.2 keras/regularizers.py; absent from keras 2.15.0 "
            "keras/api/_v2/keras/regularizers/__init__.py and keras 3.15.1 keras/regularizers/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "regularizers.EigenvalueRegularizer",
        None,
        "No built-in replacement: subclass regularizers.Regularizer.",
        (
            "Keras 1.2.2 keras/regularizers.py:28; absent from keras 2.15.0 "
            "keras/api/_v2/keras/regularizers/__init__.py and keras 3.15.1 keras/regularizers/__init__.py"
        ),
        BOTH,
    ),
    # Constraint aliases: Keras 1.2.2 keras/constraints.py:143-145, Keras 2.2.4 keras/constraints.py:158-160;
    # absent from keras 2.15.0 keras/api/_v2/keras/constraints/__init__.py and keras 3.15.1
    # keras/constraints/__init__.py. Keras 1 MaxNorm took m=, Keras 2 takes max_value= (a keyword table).
    RemovedName(
        "constraints.maxnorm",
        "constraints.MaxNorm",
        "Use constraints.MaxNorm.",
        (
            "Keras 2.2.4 keras/constraints.py:158-160; absent from keras 2.15.0 "
            "keras/api/_v2/keras/constraints/__init__.py and keras 3.15.1 keras/constraints/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "constraints.nonneg",
        "constraints.NonNeg",
        "Use constraints.NonNeg.",
        (
            "Keras 2.2.4 keras/constraints.py:158-160; absent from keras 2.15.0 "
            "keras/api/_v2/keras/constraints/__init__.py and keras 3.15.1 keras/constraints/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "constraints.unitnorm",
        "constraints.UnitNorm",
        "Use constraints.UnitNorm.",
        (
            "Keras 2.2.4 keras/constraints.py:158-160; absent from keras 2.15.0 "
            "keras/api/_v2/keras/constraints/__init__.py and keras 3.15.1 keras/constraints/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "constraints.RadialConstraint",
        None,
        "No Keras 3 equivalent: subclass constraints.Constraint.",
        (
            "keras 2.15.0 keras/api/_v2/keras/constraints/__init__.py (present); keras 3.15.1 "
            "keras/constraints/__init__.py (absent)"
        ),
        ONLY_KERAS3,
    ),
    RemovedName(
        "constraints.radial_constraint",
        None,
        "No Keras 3 equivalent: subclass constraints.Constraint.",
        (
            "keras 2.15.0 keras/api/_v2/keras/constraints/__init__.py (present); keras 3.15.1 "
            "keras/constraints/__init__.py (absent)"
        ),
        ONLY_KERAS3,
    ),
    # Losses and metrics. cosine_proximity/cosine: Keras 1.2.2 keras/objectives.py:58-71, Keras 2.2.4
    # keras/losses.py:90-103 and keras/metrics.py:59; gone from both targets (cosine_similarity returns the
    # negated similarity summed, not averaged, over the axis, so it is not drop-in). Keras 1 metrics
    # precision/recall/fbeta_score/fmeasure/fscore/f1score/matthews_correlation: Keras 1.2.2
    # keras/metrics.py:80-180, removed in Keras 2.0 (not in Keras 2.2.4 keras/metrics.py).
    # Short aliases (mse, MSE, mae, ...) and logcosh/kullback_leibler_divergence: present in keras 2.15.0
    # keras/api/_v2/keras/losses/__init__.py and metrics/__init__.py, absent from keras 3.15.1
    # keras/losses/__init__.py and metrics/__init__.py. Caveat: keras/_tf_keras/keras (tf.keras on
    # TF >= 2.16) has the short aliases but NOT mean_squared_error etc., so no function spelling works on
    # every Keras 3 flavour; the class (MeanSquaredError) or the string ('mse') does.
    RemovedName(
        "losses.cosine_proximity",
        None,
        "Use losses.cosine_similarity / losses.CosineSimilarity() (mean vs sum over the axis differs).",
        (
            "Keras 2.2.4 keras/losses.py:90; absent from keras 2.15.0 keras/api/_v2/keras/losses/__init__.py "
            "and keras 3.15.1 keras/losses/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "losses.cosine",
        None,
        "Use losses.cosine_similarity / losses.CosineSimilarity() (mean vs sum over the axis differs).",
        (
            "Keras 2.2.4 keras/losses.py:103; absent from keras 2.15.0 keras/api/_v2/keras/losses/__init__.py "
            "and keras 3.15.1 keras/losses/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "metrics.cosine_proximity",
        None,
        "Use metrics.CosineSimilarity() (note the sign: it reports the similarity, not its negation).",
        (
            "Keras 2.2.4 keras/metrics.py:59; absent from keras 2.15.0 keras/api/_v2/keras/metrics/__init__.py "
            "and keras 3.15.1 keras/metrics/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "metrics.cosine",
        None,
        "Use metrics.CosineSimilarity() (note the sign: it reports the similarity, not its negation).",
        (
            "Keras 2.2.4 keras/metrics.py:59; absent from keras 2.15.0 keras/api/_v2/keras/metrics/__init__.py "
            "and keras 3.15.1 keras/metrics/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "metrics.precision",
        None,
        "Use metrics.Precision() (a stateful metric over the whole epoch).",
        (
            "Keras 1.2.2 keras/metrics.py; absent from keras 2.15.0 keras/api/_v2/keras/metrics/__init__.py and "
            "keras 3.15.1 keras/metrics/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "metrics.recall",
        None,
        "Use metrics.Recall() (a stateful metric over the whole epoch).",
        (
            "Keras 1.2.2 keras/metrics.py; absent from keras 2.15.0 keras/api/_v2/keras/metrics/__init__.py and "
            "keras 3.15.1 keras/metrics/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "metrics.fbeta_score",
        None,
        "Use metrics.FBetaScore(beta=...).",
        (
            "Keras 1.2.2 keras/metrics.py; absent from keras 2.15.0 keras/api/_v2/keras/metrics/__init__.py and "
            "keras 3.15.1 keras/metrics/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "metrics.fmeasure",
        None,
        "Use metrics.F1Score().",
        (
            "Keras 1.2.2 keras/metrics.py; absent from keras 2.15.0 keras/api/_v2/keras/metrics/__init__.py and "
            "keras 3.15.1 keras/metrics/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "metrics.fscore",
        None,
        "Use metrics.F1Score().",
        (
            "Keras 1.2.2 keras/metrics.py; absent from keras 2.15.0 keras/api/_v2/keras/metrics/__init__.py and "
            "keras 3.15.1 keras/metrics/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "metrics.f1score",
        None,
        "Use metrics.F1Score().",
        (
            "Keras 1.2.2 keras/metrics.py; absent from keras 2.15.0 keras/api/_v2/keras/metrics/__init__.py and "
            "keras 3.15.1 keras/metrics/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "metrics.matthews_correlation",
        None,
        (
            "No built-in metric: compute it from "
            "metrics.TruePositives/TrueNegatives/FalsePositives/FalseNegatives or write a metrics.Metric."
        ),
        (
            "Keras 1.2.2 keras/metrics.py; absent from keras 2.15.0 keras/api/_v2/keras/metrics/__init__.py and "
            "keras 3.15.1 keras/metrics/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "losses.KLD",
        None,
        (
            "Use losses.KLDivergence() or the string 'kld'; the function spelling differs between standalone "
            "Keras 3 and tf.keras >= 2.16."
        ),
        (
            "keras 2.15.0 keras/api/_v2/keras/losses/__init__.py (present); keras 3.15.1 "
            "keras/losses/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "losses.MAE",
        None,
        (
            "Use losses.MeanAbsoluteError() or the string 'mae'; the function spelling differs between "
            "standalone Keras 3 and tf.keras >= 2.16."
        ),
        (
            "keras 2.15.0 keras/api/_v2/keras/losses/__init__.py (present); keras 3.15.1 "
            "keras/losses/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "losses.MAPE",
        None,
        (
            "Use losses.MeanAbsolutePercentageError() or the string 'mape'; the function spelling differs "
            "between standalone Keras 3 and tf.keras >= 2.16."
        ),
        (
            "keras 2.15.0 keras/api/_v2/keras/losses/__init__.py (present); keras 3.15.1 "
            "keras/losses/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "losses.MSE",
        None,
        (
            "Use losses.MeanSquaredError() or the string 'mse'; the function spelling differs between "
            "standalone Keras 3 and tf.keras >= 2.16."
        ),
        (
            "keras 2.15.0 keras/api/_v2/keras/losses/__init__.py (present); keras 3.15.1 "
            "keras/losses/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "losses.MSLE",
        None,
        (
            "Use losses.MeanSquaredLogarithmicError() or the string 'msle'; the function spelling differs "
            "between standalone Keras 3 and tf.keras >= 2.16."
        ),
        (
            "keras 2.15.0 keras/api/_v2/keras/losses/__init__.py (present); keras 3.15.1 "
            "keras/losses/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "losses.kld",
        None,
        (
            "Use losses.KLDivergence() or the string 'kld'; the function spelling differs between standalone "
            "Keras 3 and tf.keras >= 2.16."
        ),
        (
            "keras 2.15.0 keras/api/_v2/keras/losses/__init__.py (present); keras 3.15.1 "
            "keras/losses/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "losses.kullback_leibler_divergence",
        None,
        "Use losses.KLDivergence(); the function spelling differs between standalone Keras 3 and tf.keras >= 2.16.",
        (
            "keras 2.15.0 keras/api/_v2/keras/losses/__init__.py (present); keras 3.15.1 "
            "keras/losses/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "losses.logcosh",
        None,
        "Use losses.LogCosh(); the function spelling differs between standalone Keras 3 and tf.keras >= 2.16.",
        (
            "keras 2.15.0 keras/api/_v2/keras/losses/__init__.py (present); keras 3.15.1 "
            "keras/losses/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "losses.mae",
        None,
        (
            "Use losses.MeanAbsoluteError() or the string 'mae'; the function spelling differs between "
            "standalone Keras 3 and tf.keras >= 2.16."
        ),
        (
            "keras 2.15.0 keras/api/_v2/keras/losses/__init__.py (present); keras 3.15.1 "
            "keras/losses/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "losses.mape",
        None,
        (
            "Use losses.MeanAbsolutePercentageError() or the string 'mape'; the function spelling differs "
            "between standalone Keras 3 and tf.keras >= 2.16."
        ),
        (
            "keras 2.15.0 keras/api/_v2/keras/losses/__init__.py (present); keras 3.15.1 "
            "keras/losses/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "losses.mse",
        None,
        (
            "Use losses.MeanSquaredError() or the string 'mse'; the function spelling differs between "
            "standalone Keras 3 and tf.keras >= 2.16."
        ),
        (
            "keras 2.15.0 keras/api/_v2/keras/losses/__init__.py (present); keras 3.15.1 "
            "keras/losses/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "losses.msle",
        None,
        (
            "Use losses.MeanSquaredLogarithmicError() or the string 'msle'; the function spelling differs "
            "between standalone Keras 3 and tf.keras >= 2.16."
        ),
        (
            "keras 2.15.0 keras/api/_v2/keras/losses/__init__.py (present); keras 3.15.1 "
            "keras/losses/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "metrics.KLD",
        None,
        (
            "Use metrics.KLDivergence() or the string 'kld'; the function spelling differs between standalone "
            "Keras 3 and tf.keras >= 2.16."
        ),
        (
            "keras 2.15.0 keras/api/_v2/keras/metrics/__init__.py (present); keras 3.15.1 "
            "keras/metrics/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "metrics.MAE",
        None,
        (
            "Use metrics.MeanAbsoluteError() or the string 'mae'; the function spelling differs between "
            "standalone Keras 3 and tf.keras >= 2.16."
        ),
        (
            "keras 2.15.0 keras/api/_v2/keras/metrics/__init__.py (present); keras 3.15.1 "
            "keras/metrics/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "metrics.MAPE",
        None,
        (
            "Use metrics.MeanAbsolutePercentageError() or the string 'mape'; the function spelling differs "
            "between standalone Keras 3 and tf.keras >= 2.16."
        ),
        (
            "keras 2.15.0 keras/api/_v2/keras/metrics/__init__.py (present); keras 3.15.1 "
            "keras/metrics/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "metrics.MSE",
        None,
        (
            "Use metrics.MeanSquaredError() or the string 'mse'; the function spelling differs between "
            "standalone Keras 3 and tf.keras >= 2.16."
        ),
        (
            "keras 2.15.0 keras/api/_v2/keras/metrics/__init__.py (present); keras 3.15.1 "
            "keras/metrics/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "metrics.MSLE",
        None,
        (
            "Use metrics.MeanSquaredLogarithmicError() or the string 'msle'; the function spelling differs "
            "between standalone Keras 3 and tf.keras >= 2.16."
        ),
        (
            "keras 2.15.0 keras/api/_v2/keras/metrics/__init__.py (present); keras 3.15.1 "
            "keras/metrics/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "metrics.kld",
        None,
        (
            "Use metrics.KLDivergence() or the string 'kld'; the function spelling differs between standalone "
            "Keras 3 and tf.keras >= 2.16."
        ),
        (
            "keras 2.15.0 keras/api/_v2/keras/metrics/__init__.py (present); keras 3.15.1 "
            "keras/metrics/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "metrics.kullback_leibler_divergence",
        None,
        ("Use metrics.KLDivergence(); the function spelling differs between standalone Keras 3 and tf.keras >= 2.16."),
        (
            "keras 2.15.0 keras/api/_v2/keras/metrics/__init__.py (present); keras 3.15.1 "
            "keras/metrics/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "metrics.logcosh",
        None,
        ("Use metrics.LogCoshError(); the function spelling differs between standalone Keras 3 and tf.keras >= 2.16."),
        (
            "keras 2.15.0 keras/api/_v2/keras/metrics/__init__.py (present); keras 3.15.1 "
            "keras/metrics/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "metrics.mae",
        None,
        (
            "Use metrics.MeanAbsoluteError() or the string 'mae'; the function spelling differs between "
            "standalone Keras 3 and tf.keras >= 2.16."
        ),
        (
            "keras 2.15.0 keras/api/_v2/keras/metrics/__init__.py (present); keras 3.15.1 "
            "keras/metrics/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "metrics.mape",
        None,
        (
            "Use metrics.MeanAbsolutePercentageError() or the string 'mape'; the function spelling differs "
            "between standalone Keras 3 and tf.keras >= 2.16."
        ),
        (
            "keras 2.15.0 keras/api/_v2/keras/metrics/__init__.py (present); keras 3.15.1 "
            "keras/metrics/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "metrics.mse",
        None,
        (
            "Use metrics.MeanSquaredError() or the string 'mse'; the function spelling differs between "
            "standalone Keras 3 and tf.keras >= 2.16."
        ),
        (
            "keras 2.15.0 keras/api/_v2/keras/metrics/__init__.py (present); keras 3.15.1 "
            "keras/metrics/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "metrics.msle",
        None,
        (
            "Use metrics.MeanSquaredLogarithmicError() or the string 'msle'; the function spelling differs "
            "between standalone Keras 3 and tf.keras >= 2.16."
        ),
        (
            "keras 2.15.0 keras/api/_v2/keras/metrics/__init__.py (present); keras 3.15.1 "
            "keras/metrics/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "losses.Reduction",
        None,
        "Pass reduction as a string ('sum_over_batch_size', 'sum', 'none') to the loss.",
        (
            "keras 2.15.0 keras/api/_v2/keras/losses/__init__.py (present); keras 3.15.1 "
            "keras/losses/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "metrics.MeanRelativeError",
        None,
        "No Keras 3 equivalent: subclass metrics.Metric (or use metrics.MeanMetricWrapper with a function).",
        (
            "keras 2.15.0 keras/api/_v2/keras/metrics/__init__.py (present); keras 3.15.1 "
            "keras/metrics/__init__.py (absent)"
        ),
        ONLY_KERAS3,
    ),
    RemovedName(
        "metrics.MeanTensor",
        None,
        "No Keras 3 equivalent: subclass metrics.Metric keeping a running elementwise mean.",
        (
            "keras 2.15.0 keras/api/_v2/keras/metrics/__init__.py (present); keras 3.15.1 "
            "keras/metrics/__init__.py (absent)"
        ),
        ONLY_KERAS3,
    ),
    RemovedName(
        "metrics.experimental.PyMetric",
        None,
        "Subclass metrics.Metric.",
        (
            "keras 2.15.0 keras/api/_v2/keras/metrics/experimental/__init__.py; keras 3.15.1 keras/metrics has "
            "no experimental"
        ),
        ONLY_KERAS3,
    ),
    # Optimizers. TFOptimizer: Keras 2.2.4 keras/optimizers.py:695; absent from both targets.
    # optimizers.legacy.*: keras 2.15.0 keras/api/_v2/keras/optimizers/legacy/__init__.py; keras 3.15.1
    # keras/optimizers/legacy/__init__.py binds Adagrad/Adam/Ftrl/Optimizer/RMSprop/SGD to
    # LegacyOptimizerWarning, whose __init__ raises ImportError (keras/src/optimizers/__init__.py:121-129),
    # and lacks Adadelta/Adamax/Nadam. CANONICAL_OVERRIDES keeps these names under optimizers.legacy: on
    # tf.keras they are the pre-2.11 optimizers (lr=/decay= still work), not optimizers.X.
    # optimizers.experimental.* (the 2.11 optimizers under their preview name) is covered by MODULE_PATHS.
    RemovedName(
        "optimizers.TFOptimizer",
        None,
        "Use a Keras optimizer (optimizers.Adam, ...); TF optimizers cannot be wrapped.",
        (
            "Keras 2.2.4 keras/optimizers.py:695; absent from keras 2.15.0 "
            "keras/api/_v2/keras/optimizers/__init__.py and keras 3.15.1 keras/optimizers/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "optimizers.legacy.Adadelta",
        "optimizers.Adadelta",
        "Use optimizers.Adadelta (rename lr= to learning_rate=, drop decay=).",
        (
            "keras 2.15.0 keras/api/_v2/keras/optimizers/legacy/__init__.py; keras 3.15.1 "
            "keras/optimizers/legacy/__init__.py (absent)"
        ),
        ONLY_KERAS3,
    ),
    RemovedName(
        "optimizers.legacy.Adagrad",
        "optimizers.Adagrad",
        "Use optimizers.Adagrad (rename lr= to learning_rate=, drop decay=).",
        (
            "keras 2.15.0 keras/api/_v2/keras/optimizers/legacy/__init__.py; keras 3.15.1 "
            "keras/optimizers/legacy/__init__.py (raises ImportError)"
        ),
        ONLY_KERAS3,
    ),
    RemovedName(
        "optimizers.legacy.Adam",
        "optimizers.Adam",
        "Use optimizers.Adam (rename lr= to learning_rate=, drop decay=).",
        (
            "keras 2.15.0 keras/api/_v2/keras/optimizers/legacy/__init__.py; keras 3.15.1 "
            "keras/optimizers/legacy/__init__.py (raises ImportError)"
        ),
        ONLY_KERAS3,
    ),
    RemovedName(
        "optimizers.legacy.Adamax",
        "optimizers.Adamax",
        "Use optimizers.Adamax (rename lr= to learning_rate=, drop decay=).",
        (
            "keras 2.15.0 keras/api/_v2/keras/optimizers/legacy/__init__.py; keras 3.15.1 "
            "keras/optimizers/legacy/__init__.py (absent)"
        ),
        ONLY_KERAS3,
    ),
    RemovedName(
        "optimizers.legacy.Ftrl",
        "optimizers.Ftrl",
        "Use optimizers.Ftrl (rename lr= to learning_rate=, drop decay=).",
        (
            "keras 2.15.0 keras/api/_v2/keras/optimizers/legacy/__init__.py; keras 3.15.1 "
            "keras/optimizers/legacy/__init__.py (raises ImportError)"
        ),
        ONLY_KERAS3,
    ),
    RemovedName(
        "optimizers.legacy.Nadam",
        "optimizers.Nadam",
        "Use optimizers.Nadam (rename lr= to learning_rate=, drop decay=).",
        (
            "keras 2.15.0 keras/api/_v2/keras/optimizers/legacy/__init__.py; keras 3.15.1 "
            "keras/optimizers/legacy/__init__.py (absent)"
        ),
        ONLY_KERAS3,
    ),
    RemovedName(
        "optimizers.legacy.Optimizer",
        "optimizers.Optimizer",
        "Use optimizers.Optimizer (rename lr= to learning_rate=, drop decay=).",
        (
            "keras 2.15.0 keras/api/_v2/keras/optimizers/legacy/__init__.py; keras 3.15.1 "
            "keras/optimizers/legacy/__init__.py (raises ImportError)"
        ),
        ONLY_KERAS3,
    ),
    RemovedName(
        "optimizers.legacy.RMSprop",
        "optimizers.RMSprop",
        "Use optimizers.RMSprop (rename lr= to learning_rate=, drop decay=).",
        (
            "keras 2.15.0 keras/api/_v2/keras/optimizers/legacy/__init__.py; keras 3.15.1 "
            "keras/optimizers/legacy/__init__.py (raises ImportError)"
        ),
        ONLY_KERAS3,
    ),
    RemovedName(
        "optimizers.legacy.SGD",
        "optimizers.SGD",
        "Use optimizers.SGD (rename lr= to learning_rate=, drop decay=).",
        (
            "keras 2.15.0 keras/api/_v2/keras/optimizers/legacy/__init__.py; keras 3.15.1 "
            "keras/optimizers/legacy/__init__.py (raises ImportError)"
        ),
        ONLY_KERAS3,
    ),
    # utils. Keras 2.2.4 keras/utils/__init__.py:9-27 exported multi_gpu_model, HDF5Matrix, print_summary,
    # convert_all_kernels_in_model; none is in keras 2.15.0 keras/api/_v2/keras/utils/__init__.py or keras
    # 3.15.1 keras/utils/__init__.py. Keras 1-only helpers lived in Keras 1.2.2 keras/utils/np_utils.py,
    # layer_utils.py, visualize_util.py and never moved to utils (hence the module-qualified spelling).
    RemovedName(
        "utils.multi_gpu_model",
        None,
        (
            "Use tf.distribute.MirroredStrategy(): build and compile the model inside strategy.scope() (Keras "
            "3: keras.distribution)."
        ),
        (
            "Keras 2.2.4 keras/utils/multi_gpu_utils.py:24; absent from keras 2.15.0 "
            "keras/api/_v2/keras/utils/__init__.py and keras 3.15.1 keras/utils/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "utils.HDF5Matrix",
        None,
        "Read the HDF5 file with h5py and feed numpy arrays, a utils.Sequence / PyDataset or a tf.data.Dataset.",
        (
            "Keras 2.2.4 keras/utils/io_utils.py:25; absent from keras 2.15.0 "
            "keras/api/_v2/keras/utils/__init__.py and keras 3.15.1 keras/utils/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "utils.print_summary",
        None,
        "Use model.summary() (pass print_fn= to redirect).",
        (
            "Keras 2.2.4 keras/utils/layer_utils.py:24; absent from keras 2.15.0 "
            "keras/api/_v2/keras/utils/__init__.py and keras 3.15.1 keras/utils/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "utils.convert_all_kernels_in_model",
        None,
        "Remove: Theano kernel flipping is obsolete.",
        (
            "Keras 2.2.4 keras/utils/layer_utils.py:187; absent from keras 2.15.0 "
            "keras/api/_v2/keras/utils/__init__.py and keras 3.15.1 keras/utils/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "utils.layer_utils.layer_from_config",
        "layers.deserialize",
        "Use layers.deserialize(config, custom_objects=...).",
        (
            "Keras 1.2.2 keras/utils/layer_utils.py:11; absent from keras 2.15.0 "
            "keras/api/_v2/keras/utils/__init__.py and keras 3.15.1 keras/utils/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "utils.visualize_util.plot",
        None,
        (
            "Use utils.plot_model(model, to_file=..., show_shapes=..., show_layer_names=...) (its 4th "
            "positional parameter differs)."
        ),
        (
            "Keras 1.2.2 keras/utils/visualize_util.py:89; absent from keras 2.15.0 "
            "keras/api/_v2/keras/utils/__init__.py and keras 3.15.1 keras/utils/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "utils.np_utils.probas_to_classes",
        None,
        'Use numpy: probs.argmax(axis=-1) for several classes, (probs > 0.5).astype("int32") for one.',
        (
            "Keras 1.2.2 keras/utils/np_utils.py; absent from keras 2.15.0 "
            "keras/api/_v2/keras/utils/__init__.py and keras 3.15.1 keras/utils/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "utils.np_utils.categorical_probas_to_classes",
        None,
        "Use numpy: probs.argmax(axis=-1).",
        (
            "Keras 1.2.2 keras/utils/np_utils.py; absent from keras 2.15.0 "
            "keras/api/_v2/keras/utils/__init__.py and keras 3.15.1 keras/utils/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "utils.np_utils.accuracy",
        None,
        "Use metrics.Accuracy() or numpy: (pred == y).mean().",
        (
            "Keras 1.2.2 keras/utils/np_utils.py; absent from keras 2.15.0 "
            "keras/api/_v2/keras/utils/__init__.py and keras 3.15.1 keras/utils/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "utils.np_utils.binary_logloss",
        None,
        "Use losses.binary_crossentropy / losses.BinaryCrossentropy().",
        (
            "Keras 1.2.2 keras/utils/np_utils.py; absent from keras 2.15.0 "
            "keras/api/_v2/keras/utils/__init__.py and keras 3.15.1 keras/utils/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "utils.np_utils.multiclass_logloss",
        None,
        "Use losses.categorical_crossentropy / losses.CategoricalCrossentropy().",
        (
            "Keras 1.2.2 keras/utils/np_utils.py; absent from keras 2.15.0 "
            "keras/api/_v2/keras/utils/__init__.py and keras 3.15.1 keras/utils/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "utils.np_utils.convert_kernel",
        None,
        "Remove: Theano kernel flipping is obsolete.",
        (
            "Keras 1.2.2 keras/utils/np_utils.py; absent from keras 2.15.0 "
            "keras/api/_v2/keras/utils/__init__.py and keras 3.15.1 keras/utils/__init__.py"
        ),
        BOTH,
    ),
    RemovedName(
        "utils.GeneratorEnqueuer",
        None,
        ("Pass the generator, a utils.PyDataset or a tf.data.Dataset straight to fit(); Keras 3 enqueues internally."),
        ("keras 2.15.0 keras/api/_v2/keras/utils/__init__.py (present); keras 3.15.1 keras/utils/__init__.py (absent)"),
        ONLY_KERAS3,
    ),
    RemovedName(
        "utils.OrderedEnqueuer",
        None,
        "Pass the utils.PyDataset (with workers=/use_multiprocessing= on it) straight to fit().",
        ("keras 2.15.0 keras/api/_v2/keras/utils/__init__.py (present); keras 3.15.1 keras/utils/__init__.py (absent)"),
        ONLY_KERAS3,
    ),
    RemovedName(
        "utils.SequenceEnqueuer",
        None,
        "Pass the utils.PyDataset (with workers=/use_multiprocessing= on it) straight to fit().",
        ("keras 2.15.0 keras/api/_v2/keras/utils/__init__.py (present); keras 3.15.1 keras/utils/__init__.py (absent)"),
        ONLY_KERAS3,
    ),
    RemovedName(
        "utils.to_ordinal",
        None,
        'Use numpy: (np.arange(num_classes - 1) < y[..., None]).astype("float32").',
        ("keras 2.15.0 keras/api/_v2/keras/utils/__init__.py (present); keras 3.15.1 keras/utils/__init__.py (absent)"),
        ONLY_KERAS3,
    ),
    RemovedName(
        "utils.warmstart_embedding_matrix",
        None,
        "Copy the old rows into the new embedding matrix by hand (layer.embeddings.assign).",
        ("keras 2.15.0 keras/api/_v2/keras/utils/__init__.py (present); keras 3.15.1 keras/utils/__init__.py (absent)"),
        ONLY_KERAS3,
    ),
    RemovedName(
        "utils.SidecarEvaluator",
        None,
        "No Keras 3 equivalent: run evaluation in a separate job that reloads checkpoints.",
        ("keras 2.15.0 keras/api/_v2/keras/utils/__init__.py (present); keras 3.15.1 keras/utils/__init__.py (absent)"),
        ONLY_KERAS3,
    ),
    RemovedName(
        "utils.experimental.DatasetCreator",
        None,
        "Pass a tf.data.Dataset (or a utils.PyDataset) to fit().",
        (
            "keras 2.15.0 keras/api/_v2/keras/utils/experimental/__init__.py; keras 3.15.1 keras/utils has no "
            "experimental"
        ),
        ONLY_KERAS3,
    ),
    # callbacks: keras 2.15.0 keras/api/_v2/keras/callbacks/__init__.py and callbacks/experimental/__init__.py
    # (present); keras 3.15.1 keras/callbacks/__init__.py (absent; no callbacks/experimental).
    RemovedName(
        "callbacks.BaseLogger",
        None,
        "Remove: Keras 3 averages epoch metrics itself (read them from logs in a custom Callback).",
        (
            "keras 2.15.0 keras/api/_v2/keras/callbacks/__init__.py (present); keras 3.15.1 "
            "keras/callbacks/__init__.py (absent)"
        ),
        ONLY_KERAS3,
    ),
    RemovedName(
        "callbacks.SidecarEvaluatorModelExport",
        None,
        "No Keras 3 equivalent: use callbacks.ModelCheckpoint(save_best_only=True).",
        (
            "keras 2.15.0 keras/api/_v2/keras/callbacks/__init__.py (present); keras 3.15.1 "
            "keras/callbacks/__init__.py (absent)"
        ),
        ONLY_KERAS3,
    ),
    RemovedName(
        "callbacks.experimental.BackupAndRestore",
        "callbacks.BackupAndRestore",
        "Use callbacks.BackupAndRestore.",
        (
            "keras 2.15.0 keras/api/_v2/keras/callbacks/experimental/__init__.py; keras 3.15.1 keras/callbacks "
            "has no experimental"
        ),
        ONLY_KERAS3,
    ),
    # Keras 2 preprocessing utilities dropped by Keras 3: keras 2.15.0
    # keras/api/_v2/keras/preprocessing/{text,sequence,image}/__init__.py (present; deprecated in favour of
    # utils.* datasets and preprocessing layers); keras 3.15.1 keras/preprocessing has no text module and its
    # sequence/image modules keep only pad_sequences and load_img/img_to_array/array_to_img/save_img/
    # smart_resize. keras/_tf_keras/keras/preprocessing (tf.keras on TF >= 2.16) still has all of them.
    RemovedName(
        "preprocessing.text.Tokenizer",
        None,
        "Use layers.TextVectorization (adapt() it on the texts).",
        (
            "keras 2.15.0 keras/api/_v2/keras/preprocessing/text/__init__.py; keras 3.15.1 keras/preprocessing "
            "has no text; kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "preprocessing.text.hashing_trick",
        None,
        "Use layers.Hashing(num_bins) on the tokens.",
        (
            "keras 2.15.0 keras/api/_v2/keras/preprocessing/text/__init__.py; keras 3.15.1 keras/preprocessing "
            "has no text; kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "preprocessing.text.one_hot",
        None,
        "Use layers.TextVectorization or layers.Hashing(num_bins) on the tokens.",
        (
            "keras 2.15.0 keras/api/_v2/keras/preprocessing/text/__init__.py; keras 3.15.1 keras/preprocessing "
            "has no text; kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "preprocessing.text.text_to_word_sequence",
        None,
        "Use layers.TextVectorization(output_mode='int') or str.split on lower-cased text.",
        (
            "keras 2.15.0 keras/api/_v2/keras/preprocessing/text/__init__.py; keras 3.15.1 keras/preprocessing "
            "has no text; kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "preprocessing.text.tokenizer_from_json",
        None,
        "Use layers.TextVectorization and save/restore its vocabulary (get_vocabulary / set_vocabulary).",
        (
            "keras 2.15.0 keras/api/_v2/keras/preprocessing/text/__init__.py; keras 3.15.1 keras/preprocessing "
            "has no text; kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "preprocessing.sequence.TimeseriesGenerator",
        None,
        "Use utils.timeseries_dataset_from_array.",
        (
            "keras 2.15.0 keras/api/_v2/keras/preprocessing/sequence/__init__.py (present); keras 3.15.1 "
            "keras/preprocessing/sequence/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "preprocessing.sequence.make_sampling_table",
        None,
        "No Keras 3 equivalent: compute the Zipf sampling table with numpy.",
        (
            "keras 2.15.0 keras/api/_v2/keras/preprocessing/sequence/__init__.py (present); keras 3.15.1 "
            "keras/preprocessing/sequence/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "preprocessing.sequence.skipgrams",
        None,
        "No Keras 3 equivalent: generate skip-gram pairs with numpy or tf.data.",
        (
            "keras 2.15.0 keras/api/_v2/keras/preprocessing/sequence/__init__.py (present); keras 3.15.1 "
            "keras/preprocessing/sequence/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "preprocessing.image.DirectoryIterator",
        None,
        "Use utils.image_dataset_from_directory.",
        (
            "keras 2.15.0 keras/api/_v2/keras/preprocessing/image/__init__.py (present); keras 3.15.1 "
            "keras/preprocessing/image/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "preprocessing.image.ImageDataGenerator",
        None,
        (
            "Use utils.image_dataset_from_directory (or a tf.data pipeline) with augmentation layers "
            "(layers.RandomFlip, RandomRotation, RandomZoom, ...)."
        ),
        (
            "keras 2.15.0 keras/api/_v2/keras/preprocessing/image/__init__.py (present); keras 3.15.1 "
            "keras/preprocessing/image/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "preprocessing.image.Iterator",
        None,
        "Subclass utils.PyDataset.",
        (
            "keras 2.15.0 keras/api/_v2/keras/preprocessing/image/__init__.py (present); keras 3.15.1 "
            "keras/preprocessing/image/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "preprocessing.image.NumpyArrayIterator",
        None,
        "Use a tf.data.Dataset.from_tensor_slices or a utils.PyDataset over the arrays.",
        (
            "keras 2.15.0 keras/api/_v2/keras/preprocessing/image/__init__.py (present); keras 3.15.1 "
            "keras/preprocessing/image/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "preprocessing.image.apply_affine_transform",
        None,
        (
            "Use the augmentation layers (layers.RandomRotation, RandomTranslation, RandomZoom, "
            "RandomBrightness, RandomContrast, ...) or keras.ops.image."
        ),
        (
            "keras 2.15.0 keras/api/_v2/keras/preprocessing/image/__init__.py (present); keras 3.15.1 "
            "keras/preprocessing/image/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "preprocessing.image.apply_brightness_shift",
        None,
        (
            "Use the augmentation layers (layers.RandomRotation, RandomTranslation, RandomZoom, "
            "RandomBrightness, RandomContrast, ...) or keras.ops.image."
        ),
        (
            "keras 2.15.0 keras/api/_v2/keras/preprocessing/image/__init__.py (present); keras 3.15.1 "
            "keras/preprocessing/image/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "preprocessing.image.apply_channel_shift",
        None,
        (
            "Use the augmentation layers (layers.RandomRotation, RandomTranslation, RandomZoom, "
            "RandomBrightness, RandomContrast, ...) or keras.ops.image."
        ),
        (
            "keras 2.15.0 keras/api/_v2/keras/preprocessing/image/__init__.py (present); keras 3.15.1 "
            "keras/preprocessing/image/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "preprocessing.image.random_brightness",
        None,
        (
            "Use the augmentation layers (layers.RandomRotation, RandomTranslation, RandomZoom, "
            "RandomBrightness, RandomContrast, ...) or keras.ops.image."
        ),
        (
            "keras 2.15.0 keras/api/_v2/keras/preprocessing/image/__init__.py (present); keras 3.15.1 "
            "keras/preprocessing/image/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "preprocessing.image.random_channel_shift",
        None,
        (
            "Use the augmentation layers (layers.RandomRotation, RandomTranslation, RandomZoom, "
            "RandomBrightness, RandomContrast, ...) or keras.ops.image."
        ),
        (
            "keras 2.15.0 keras/api/_v2/keras/preprocessing/image/__init__.py (present); keras 3.15.1 "
            "keras/preprocessing/image/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "preprocessing.image.random_rotation",
        None,
        (
            "Use the augmentation layers (layers.RandomRotation, RandomTranslation, RandomZoom, "
            "RandomBrightness, RandomContrast, ...) or keras.ops.image."
        ),
        (
            "keras 2.15.0 keras/api/_v2/keras/preprocessing/image/__init__.py (present); keras 3.15.1 "
            "keras/preprocessing/image/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "preprocessing.image.random_shear",
        None,
        (
            "Use the augmentation layers (layers.RandomRotation, RandomTranslation, RandomZoom, "
            "RandomBrightness, RandomContrast, ...) or keras.ops.image."
        ),
        (
            "keras 2.15.0 keras/api/_v2/keras/preprocessing/image/__init__.py (present); keras 3.15.1 "
            "keras/preprocessing/image/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "preprocessing.image.random_shift",
        None,
        (
            "Use the augmentation layers (layers.RandomRotation, RandomTranslation, RandomZoom, "
            "RandomBrightness, RandomContrast, ...) or keras.ops.image."
        ),
        (
            "keras 2.15.0 keras/api/_v2/keras/preprocessing/image/__init__.py (present); keras 3.15.1 "
            "keras/preprocessing/image/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    RemovedName(
        "preprocessing.image.random_zoom",
        None,
        (
            "Use the augmentation layers (layers.RandomRotation, RandomTranslation, RandomZoom, "
            "RandomBrightness, RandomContrast, ...) or keras.ops.image."
        ),
        (
            "keras 2.15.0 keras/api/_v2/keras/preprocessing/image/__init__.py (present); keras 3.15.1 "
            "keras/preprocessing/image/__init__.py (absent); kept in keras/_tf_keras/keras"
        ),
        ONLY_KERAS3,
        kept_in_tf_keras=True,
    ),
    # scikit-learn wrappers: Keras 1.2.2 / Keras 2.2.4 keras/wrappers/scikit_learn.py; keras 2.15.0 has no
    # keras/api/_v2/keras/wrappers at all (removed in TF 2.13 per its release notes); keras 3.15.1
    # keras/wrappers/__init__.py exports SKLearnClassifier/SKLearnRegressor/SKLearnTransformer instead, with
    # a different constructor (model, model_kwargs, fit_kwargs), so they are not drop-in.
    RemovedName(
        "wrappers.scikit_learn.KerasClassifier",
        None,
        "Use scikeras.wrappers.KerasClassifier (pip install scikeras): build_fn= becomes model=.",
        "Keras 2.2.4 keras/wrappers/scikit_learn.py; no keras/api/_v2/keras/wrappers in keras 2.15.0",
        ONLY_TF_KERAS,
    ),
    RemovedName(
        "wrappers.scikit_learn.KerasClassifier",
        None,
        "Use keras.wrappers.SKLearnClassifier(model=build_fn, model_kwargs=..., fit_kwargs=...).",
        (
            "Keras 2.2.4 keras/wrappers/scikit_learn.py; keras 3.15.1 keras/wrappers/__init__.py has only "
            "SKLearnClassifier"
        ),
        ONLY_KERAS3,
    ),
    RemovedName(
        "wrappers.scikit_learn.KerasRegressor",
        None,
        "Use scikeras.wrappers.KerasRegressor (pip install scikeras): build_fn= becomes model=.",
        "Keras 2.2.4 keras/wrappers/scikit_learn.py; no keras/api/_v2/keras/wrappers in keras 2.15.0",
        ONLY_TF_KERAS,
    ),
    RemovedName(
        "wrappers.scikit_learn.KerasRegressor",
        None,
        "Use keras.wrappers.SKLearnRegressor(model=build_fn, model_kwargs=..., fit_kwargs=...).",
        (
            "Keras 2.2.4 keras/wrappers/scikit_learn.py; keras 3.15.1 keras/wrappers/__init__.py has only "
            "SKLearnRegressor"
        ),
        ONLY_KERAS3,
    ),
    # tf.keras-only namespaces Keras 3 dropped: keras 2.15.0 keras/api/_v2/keras/{experimental,estimator}/__init__.py
    # and applications/{regnet,resnet_rs}; keras 3.15.1 keras/__init__.py has no experimental/estimator and
    # keras/applications/__init__.py has no RegNet*/ResNetRS*. (keras.dtensor and keras.__internal__ are
    # not public API and are left out.)
    RemovedName(
        "experimental.CosineDecay",
        "optimizers.schedules.CosineDecay",
        "Use optimizers.schedules.CosineDecay.",
        (
            "keras 2.15.0 keras/api/_v2/keras/experimental/__init__.py; keras 3.15.1 keras/__init__.py has no "
            "experimental"
        ),
        ONLY_KERAS3,
    ),
    RemovedName(
        "experimental.CosineDecayRestarts",
        "optimizers.schedules.CosineDecayRestarts",
        "Use optimizers.schedules.CosineDecayRestarts.",
        (
            "keras 2.15.0 keras/api/_v2/keras/experimental/__init__.py; keras 3.15.1 keras/__init__.py has no "
            "experimental"
        ),
        ONLY_KERAS3,
    ),
    RemovedName(
        "experimental.LinearModel",
        None,
        "Build the linear model from layers.Dense (Keras 3 has no premade models).",
        (
            "keras 2.15.0 keras/api/_v2/keras/experimental/__init__.py; keras 3.15.1 keras/__init__.py has no "
            "experimental"
        ),
        ONLY_KERAS3,
    ),
    RemovedName(
        "experimental.WideDeepModel",
        None,
        "Build the wide and deep towers as a functional Model (Keras 3 has no premade models).",
        (
            "keras 2.15.0 keras/api/_v2/keras/experimental/__init__.py; keras 3.15.1 keras/__init__.py has no "
            "experimental"
        ),
        ONLY_KERAS3,
    ),
    RemovedName(
        "experimental.SequenceFeatures",
        None,
        "Feature columns are gone in Keras 3: preprocess with utils.FeatureSpace or preprocessing layers.",
        (
            "keras 2.15.0 keras/api/_v2/keras/experimental/__init__.py; keras 3.15.1 keras/__init__.py has no "
            "experimental"
        ),
        ONLY_KERAS3,
    ),
    RemovedName(
        "experimental.SidecarEvaluator",
        None,
        "No Keras 3 equivalent: run evaluation in a separate job that reloads checkpoints.",
        (
            "keras 2.15.0 keras/api/_v2/keras/experimental/__init__.py; keras 3.15.1 keras/__init__.py has no "
            "experimental"
        ),
        ONLY_KERAS3,
    ),
    RemovedName(
        "estimator.model_to_estimator",
        None,
        "Estimators are gone: train with model.fit (use tf.distribute for multi-worker).",
        "keras 2.15.0 keras/api/_v2/keras/estimator/__init__.py; keras 3.15.1 keras/__init__.py has no estimator",
        ONLY_KERAS3,
    ),
    RemovedName(
        "applications.RegNetX002",
        None,
        "Keras 3 ships no RegNet/ResNetRS application: pick another keras.applications model or port the weights.",
        (
            "keras 2.15.0 keras/api/_v2/keras/applications/__init__.py (present); keras 3.15.1 "
            "keras/applications/__init__.py (absent)"
        ),
        ONLY_KERAS3,
    ),
    RemovedName(
        "applications.RegNetX004",
        None,
        "Keras 3 ships no RegNet/ResNetRS application: pick another keras.applications model or port the weights.",
        (
            "keras 2.15.0 keras/api/_v2/keras/applications/__init__.py (present); keras 3.15.1 "
            "keras/applications/__init__.py (absent)"
        ),
        ONLY_KERAS3,
    ),
    RemovedName(
        "applications.RegNetX006",
        None,
        "Keras 3 ships no RegNet/ResNetRS application: pick another keras.applications model or port the weights.",
        (
            "keras 2.15.0 keras/api/_v2/keras/applications/__init__.py (present); keras 3.15.1 "
            "keras/applications/__init__.py (absent)"
        ),
        ONLY_KERAS3,
    ),
    RemovedName(
        "applications.RegNetX008",
        None,
        "Keras 3 ships no RegNet/ResNetRS application: pick another keras.applications model or port the weights.",
        (
            "keras 2.15.0 keras/api/_v2/keras/applications/__init__.py (present); keras 3.15.1 "
            "keras/applications/__init__.py (absent)"
        ),
        ONLY_KERAS3,
    ),
    RemovedName(
        "applications.RegNetX016",
        None,
        "Keras 3 ships no RegNet/ResNetRS application: pick another keras.applications model or port the weights.",
        (
            "keras 2.15.0 keras/api/_v2/keras/applications/__init__.py (present); keras 3.15.1 "
            "keras/applications/__init__.py (absent)"
        ),
        ONLY_KERAS3,
    ),
    RemovedName(
        "applications.RegNetX032",
        None,
        "Keras 3 ships no RegNet/ResNetRS application: pick another keras.applications model or port the weights.",
        (
            "keras 2.15.0 keras/api/_v2/keras/applications/__init__.py (present); keras 3.15.1 "
            "keras/applications/__init__.py (absent)"
        ),
        ONLY_KERAS3,
    ),
    RemovedName(
        "applications.RegNetX040",
        None,
        "Keras 3 ships no RegNet/ResNetRS application: pick another keras.applications model or port the weights.",
        (
            "keras 2.15.0 keras/api/_v2/keras/applications/__init__.py (present); keras 3.15.1 "
            "keras/applications/__init__.py (absent)"
        ),
        ONLY_KERAS3,
    ),
    RemovedName(
        "applications.RegNetX064",
        None,
        "Keras 3 ships no RegNet/ResNetRS application: pick another keras.applications model or port the weights.",
        (
            "keras 2.15.0 keras/api/_v2/keras/applications/__init__.py (present); keras 3.15.1 "
            "keras/applications/__init__.py (absent)"
        ),
        ONLY_KERAS3,
    ),
    RemovedName(
        "applications.RegNetX080",
        None,
        "Keras 3 ships no RegNet/ResNetRS application: pick another keras.applications model or port the weights.",
        (
            "keras 2.15.0 keras/api/_v2/keras/applications/__init__.py (present); keras 3.15.1 "
            "keras/applications/__init__.py (absent)"
        ),
        ONLY_KERAS3,
    ),
    RemovedName(
        "applications.RegNetX120",
        None,
        "Keras 3 ships no RegNet/ResNetRS application: pick another keras.applications model or port the weights.",
        (
            "keras 2.15.0 keras/api/_v2/keras/applications/__init__.py (present); keras 3.15.1 "
            "keras/applications/__init__.py (absent)"
        ),
        ONLY_KERAS3,
    ),
    RemovedName(
        "applications.RegNetX160",
        None,
        "Keras 3 ships no RegNet/ResNetRS application: pick another keras.applications model or port the weights.",
        (
            "keras 2.15.0 keras/api/_v2/keras/applications/__init__.py (present); keras 3.15.1 "
            "keras/applications/__init__.py (absent)"
        ),
        ONLY_KERAS3,
    ),
    RemovedName(
        "applications.RegNetX320",
        None,
        "Keras 3 ships no RegNet/ResNetRS application: pick another keras.applications model or port the weights.",
        (
            "keras 2.15.0 keras/api/_v2/keras/applications/__init__.py (present); keras 3.15.1 "
            "keras/applications/__init__.py (absent)"
        ),
        ONLY_KERAS3,
    ),
    RemovedName(
        "applications.RegNetY002",
        None,
        "Keras 3 ships no RegNet/ResNetRS application: pick another keras.applications model or port the weights.",
        (
            "keras 2.15.0 keras/api/_v2/keras/applications/__init__.py (present); keras 3.15.1 "
            "keras/applications/__init__.py (absent)"
        ),
        ONLY_KERAS3,
    ),
    RemovedName(
        "applications.RegNetY004",
        None,
        "Keras 3 ships no RegNet/ResNetRS application: pick another keras.applications model or port the weights.",
        (
            "keras 2.15.0 keras/api/_v2/keras/applications/__init__.py (present); keras 3.15.1 "
            "keras/applications/__init__.py (absent)"
        ),
        ONLY_KERAS3,
    ),
    RemovedName(
        "applications.RegNetY006",
        None,
        "Keras 3 ships no RegNet/ResNetRS application: pick another keras.applications model or port the weights.",
        (
            "keras 2.15.0 keras/api/_v2/keras/applications/__init__.py (present); keras 3.15.1 "
            "keras/applications/__init__.py (absent)"
        ),
        ONLY_KERAS3,
    ),
    RemovedName(
        "applications.RegNetY008",
        None,
        "Keras 3 ships no RegNet/ResNetRS application: pick another keras.applications model or port the weights.",
        (
            "keras 2.15.0 keras/api/_v2/keras/applications/__init__.py (present); keras 3.15.1 "
            "keras/applications/__init__.py (absent)"
        ),
        ONLY_KERAS3,
    ),
    RemovedName(
        "applications.RegNetY016",
        None,
        "Keras 3 ships no RegNet/ResNetRS application: pick another keras.applications model or port the weights.",
        (
            "keras 2.15.0 keras/api/_v2/keras/applications/__init__.py (present); keras 3.15.1 "
            "keras/applications/__init__.py (absent)"
        ),
        ONLY_KERAS3,
    ),
    RemovedName(
        "applications.RegNetY032",
        None,
        "Keras 3 ships no RegNet/ResNetRS application: pick another keras.applications model or port the weights.",
        (
            "keras 2.15.0 keras/api/_v2/keras/applications/__init__.py (present); keras 3.15.1 "
            "keras/applications/__init__.py (absent)"
        ),
        ONLY_KERAS3,
    ),
    RemovedName(
        "applications.RegNetY040",
        None,
        "Keras 3 ships no RegNet/ResNetRS application: pick another keras.applications model or port the weights.",
        (
            "keras 2.15.0 keras/api/_v2/keras/applications/__init__.py (present); keras 3.15.1 "
            "keras/applications/__init__.py (absent)"
        ),
        ONLY_KERAS3,
    ),
    RemovedName(
        "applications.RegNetY064",
        None,
        "Keras 3 ships no RegNet/ResNetRS application: pick another keras.applications model or port the weights.",
        (
            "keras 2.15.0 keras/api/_v2/keras/applications/__init__.py (present); keras 3.15.1 "
            "keras/applications/__init__.py (absent)"
        ),
        ONLY_KERAS3,
    ),
    RemovedName(
        "applications.RegNetY080",
        None,
        "Keras 3 ships no RegNet/ResNetRS application: pick another keras.applications model or port the weights.",
        (
            "keras 2.15.0 keras/api/_v2/keras/applications/__init__.py (present); keras 3.15.1 "
            "keras/applications/__init__.py (absent)"
        ),
        ONLY_KERAS3,
    ),
    RemovedName(
        "applications.RegNetY120",
        None,
        "Keras 3 ships no RegNet/ResNetRS application: pick another keras.applications model or port the weights.",
        (
            "keras 2.15.0 keras/api/_v2/keras/applications/__init__.py (present); keras 3.15.1 "
            "keras/applications/__init__.py (absent)"
        ),
        ONLY_KERAS3,
    ),
    RemovedName(
        "applications.RegNetY160",
        None,
        "Keras 3 ships no RegNet/ResNetRS application: pick another keras.applications model or port the weights.",
        (
            "keras 2.15.0 keras/api/_v2/keras/applications/__init__.py (present); keras 3.15.1 "
            "keras/applications/__init__.py (absent)"
        ),
        ONLY_KERAS3,
    ),
    RemovedName(
        "applications.RegNetY320",
        None,
        "Keras 3 ships no RegNet/ResNetRS application: pick another keras.applications model or port the weights.",
        (
            "keras 2.15.0 keras/api/_v2/keras/applications/__init__.py (present); keras 3.15.1 "
            "keras/applications/__init__.py (absent)"
        ),
        ONLY_KERAS3,
    ),
    RemovedName(
        "applications.ResNetRS101",
        None,
        "Keras 3 ships no RegNet/ResNetRS application: pick another keras.applications model or port the weights.",
        (
            "keras 2.15.0 keras/api/_v2/keras/applications/__init__.py (present); keras 3.15.1 "
            "keras/applications/__init__.py (absent)"
        ),
        ONLY_KERAS3,
    ),
    RemovedName(
        "applications.ResNetRS152",
        None,
        "Keras 3 ships no RegNet/ResNetRS application: pick another keras.applications model or port the weights.",
        (
            "keras 2.15.0 keras/api/_v2/keras/applications/__init__.py (present); keras 3.15.1 "
            "keras/applications/__init__.py (absent)"
        ),
        ONLY_KERAS3,
    ),
    RemovedName(
        "applications.ResNetRS200",
        None,
        "Keras 3 ships no RegNet/ResNetRS application: pick another keras.applications model or port the weights.",
        (
            "keras 2.15.0 keras/api/_v2/keras/applications/__init__.py (present); keras 3.15.1 "
            "keras/applications/__init__.py (absent)"
        ),
        ONLY_KERAS3,
    ),
    RemovedName(
        "applications.ResNetRS270",
        None,
        "Keras 3 ships no RegNet/ResNetRS application: pick another keras.applications model or port the weights.",
        (
            "keras 2.15.0 keras/api/_v2/keras/applications/__init__.py (present); keras 3.15.1 "
            "keras/applications/__init__.py (absent)"
        ),
        ONLY_KERAS3,
    ),
    RemovedName(
        "applications.ResNetRS350",
        None,
        "Keras 3 ships no RegNet/ResNetRS application: pick another keras.applications model or port the weights.",
        (
            "keras 2.15.0 keras/api/_v2/keras/applications/__init__.py (present); keras 3.15.1 "
            "keras/applications/__init__.py (absent)"
        ),
        ONLY_KERAS3,
    ),
    RemovedName(
        "applications.ResNetRS420",
        None,
        "Keras 3 ships no RegNet/ResNetRS application: pick another keras.applications model or port the weights.",
        (
            "keras 2.15.0 keras/api/_v2/keras/applications/__init__.py (present); keras 3.15.1 "
            "keras/applications/__init__.py (absent)"
        ),
        ONLY_KERAS3,
    ),
    RemovedName(
        "applications.ResNetRS50",
        None,
        "Keras 3 ships no RegNet/ResNetRS application: pick another keras.applications model or port the weights.",
        (
            "keras 2.15.0 keras/api/_v2/keras/applications/__init__.py (present); keras 3.15.1 "
            "keras/applications/__init__.py (absent)"
        ),
        ONLY_KERAS3,
    ),
)


# -------------------------------------------------------------------------------------------------
# Removed methods: matched on any receiver in a module that imports Keras.
# -------------------------------------------------------------------------------------------------

REMOVED_METHODS: Tuple[RemovedMethod, ...] = (
    # *_generator: keras 2.15.0 keras/src/engine/training.py:2884-3000 still defines them but each only
    # warns "is deprecated" and forwards to fit/evaluate/predict; keras 3.15.1 keras/src has no definition
    # (AttributeError). Listed for both targets: deprecated on tf.keras, removed on Keras 3.
    RemovedMethod(
        ".fit_generator",
        ".fit",
        (
            "Call model.fit(generator, ...) with the same steps/epochs arguments; it accepts generators, "
            "utils.Sequence/PyDataset and tf.data."
        ),
        "keras 2.15.0 keras/src/engine/training.py (deprecated, warns); keras 3.15.1 keras/src (absent)",
        BOTH,
    ),
    RemovedMethod(
        ".evaluate_generator",
        ".evaluate",
        (
            "Call model.evaluate(generator, ...) with the same steps/epochs arguments; it accepts generators, "
            "utils.Sequence/PyDataset and tf.data."
        ),
        "keras 2.15.0 keras/src/engine/training.py (deprecated, warns); keras 3.15.1 keras/src (absent)",
        BOTH,
    ),
    RemovedMethod(
        ".predict_generator",
        ".predict",
        (
            "Call model.predict(generator, ...) with the same steps/epochs arguments; it accepts generators, "
            "utils.Sequence/PyDataset and tf.data."
        ),
        "keras 2.15.0 keras/src/engine/training.py (deprecated, warns); keras 3.15.1 keras/src (absent)",
        BOTH,
    ),
    # predict_classes / predict_proba: Sequential methods in Keras 1.2.2 keras/models.py:800-821 and Keras
    # 2.2.4 keras/engine/sequential.py:231-253 (predict_proba just returned predict()); no definition in
    # keras 2.15.0 keras/src/engine (removed in TF 2.6) nor keras 3.15.1 keras/src.
    # Caution: scikit-learn estimators (and the scikit_learn wrappers) also have .predict_proba.
    RemovedMethod(
        ".predict_classes",
        None,
        (
            "Use np.argmax(model.predict(x), axis=-1) for a softmax output, or (model.predict(x) > "
            '0.5).astype("int32") for a sigmoid output.'
        ),
        (
            "Keras 2.2.4 keras/engine/sequential.py:253; absent from keras 2.15.0 keras/src/engine and keras "
            "3.15.1 keras/src"
        ),
        BOTH,
    ),
    # `.predict_proba` was a Sequential method too (Keras 2.2.4 keras/engine/sequential.py), but it is not
    # listed: scikit-learn estimators and Keras's own `KerasClassifier` wrapper define it, in exactly the
    # modules that import Keras, so a receiver-blind check would cry wolf.
    # `.to_yaml` is not listed, though removed (keras 2.15.0 keras/src/engine/training.py:3382 raises
    # RuntimeError since TF 2.6; keras 3.15.1 keras/src has none): the method name is common on
    # configuration objects, and `models.model_from_yaml` is reported anyway.
    # Keras 1 Layer/Container API: Keras 1.2.2 keras/engine/topology.py; no definition in keras 2.15.0
    # keras/src/engine/base_layer.py, training.py, functional.py nor keras 3.15.1 keras/src.
    RemovedMethod(
        ".get_output_shape_for",
        ".compute_output_shape",
        "Rename the method (and its calls) to compute_output_shape(input_shape).",
        ("Keras 1.2.2 keras/engine/topology.py; absent from keras 2.15.0 keras/src/engine and keras 3.15.1 keras/src"),
        BOTH,
        hook=True,
    ),
    RemovedMethod(
        ".save_weights_to_hdf5_group",
        None,
        "Use model.save_weights(filepath).",
        ("Keras 1.2.2 keras/engine/topology.py; absent from keras 2.15.0 keras/src/engine and keras 3.15.1 keras/src"),
        BOTH,
    ),
    RemovedMethod(
        ".load_weights_from_hdf5_group",
        None,
        "Use model.load_weights(filepath).",
        ("Keras 1.2.2 keras/engine/topology.py; absent from keras 2.15.0 keras/src/engine and keras 3.15.1 keras/src"),
        BOTH,
    ),
    RemovedMethod(
        ".load_weights_from_hdf5_group_by_name",
        None,
        "Use model.load_weights(filepath, by_name=True) (tf.keras; Keras 3 matches by structure).",
        ("Keras 1.2.2 keras/engine/topology.py; absent from keras 2.15.0 keras/src/engine and keras 3.15.1 keras/src"),
        BOTH,
    ),
    # get_updates_for / get_losses_for: only the TF1 layer base keeps them (keras 2.15.0
    # keras/src/engine/base_layer_v1.py); the TF2 keras/src/engine/base_layer.py and keras 3.15.1 keras/src
    # have none.
    RemovedMethod(
        ".get_updates_for",
        None,
        "Use layer.updates (tf.keras) or drop it: Keras 3 layers update their variables in call().",
        (
            "keras 2.15.0 keras/src/engine/base_layer_v1.py only; absent from keras/src/engine/base_layer.py "
            "and keras 3.15.1 keras/src"
        ),
        BOTH,
    ),
    RemovedMethod(
        ".get_losses_for",
        None,
        "Use layer.losses.",
        (
            "keras 2.15.0 keras/src/engine/base_layer_v1.py only; absent from keras/src/engine/base_layer.py "
            "and keras 3.15.1 keras/src"
        ),
        BOTH,
    ),
    # Per-node accessors and TF-graph helpers: keras 2.15.0 keras/src/engine/base_layer.py defines them;
    # keras 3.15.1 keras/src (Layer, Operation) does not: only .input / .output (first node).
    # .reset_states is not listed: Keras 3 keeps it on RNN layers (keras/src/layers/rnn/rnn.py:321) while
    # metrics use reset_state, so a method-name match cannot tell the two apart.
    RemovedMethod(
        ".get_input_at",
        None,
        "Use layer.input (first call of the layer); for a later call keep the tensor returned by that call.",
        "keras 2.15.0 keras/src/engine/base_layer.py; absent from keras 3.15.1 keras/src",
        ONLY_KERAS3,
    ),
    RemovedMethod(
        ".get_output_at",
        None,
        "Use layer.output (first call of the layer); for a later call keep the tensor returned by that call.",
        "keras 2.15.0 keras/src/engine/base_layer.py; absent from keras 3.15.1 keras/src",
        ONLY_KERAS3,
    ),
    RemovedMethod(
        ".get_input_shape_at",
        None,
        "Use layer.input (first call of the layer); for a later call keep the tensor returned by that call.",
        "keras 2.15.0 keras/src/engine/base_layer.py; absent from keras 3.15.1 keras/src",
        ONLY_KERAS3,
    ),
    RemovedMethod(
        ".get_output_shape_at",
        None,
        "Use layer.output (first call of the layer); for a later call keep the tensor returned by that call.",
        "keras 2.15.0 keras/src/engine/base_layer.py; absent from keras 3.15.1 keras/src",
        ONLY_KERAS3,
    ),
    RemovedMethod(
        ".get_input_mask_at",
        None,
        "Use layer.input (first call of the layer); for a later call keep the tensor returned by that call.",
        "keras 2.15.0 keras/src/engine/base_layer.py; absent from keras 3.15.1 keras/src",
        ONLY_KERAS3,
    ),
    RemovedMethod(
        ".get_output_mask_at",
        None,
        "Use layer.output (first call of the layer); for a later call keep the tensor returned by that call.",
        "keras 2.15.0 keras/src/engine/base_layer.py; absent from keras 3.15.1 keras/src",
        ONLY_KERAS3,
    ),
    RemovedMethod(
        ".add_update",
        None,
        "Assign in call() directly: variable.assign(new_value).",
        "keras 2.15.0 keras/src/engine/base_layer.py; absent from keras 3.15.1 keras/src layers",
        ONLY_KERAS3,
    ),
    RemovedMethod(
        ".compute_output_signature",
        ".compute_output_spec",
        "Implement/call compute_output_spec(*args) returning KerasTensors.",
        "keras 2.15.0 keras/src/engine/base_layer.py; absent from keras 3.15.1 keras/src",
        ONLY_KERAS3,
        hook=True,
    ),
)


# -------------------------------------------------------------------------------------------------
# Module paths (below the Keras root) not to import from, and the public module to use.
# -------------------------------------------------------------------------------------------------

MODULE_PATHS: Tuple[ModulePath, ...] = (
    # The multi-backend Keras backends (Keras 2.2.4 keras/backend/{tensorflow,theano,cntk}_backend.py,
    # common.py); tf.keras and Keras 3 have one `backend` module and no such submodules (keras 2.15.0
    # keras/api/_v2/keras/backend/ holds only `experimental`; keras 3.15.1 keras/backend/ nothing).
    # Not relocations: tensorflow_backend also held TF-1 session helpers (set_session, get_session)
    # that tf.keras.backend lacks.
    ModulePath(
        "backend.tensorflow_backend",
        "backend",
        PathKind.LEGACY,
        "Keras 2.2.4 keras/backend/tensorflow_backend.py; absent in keras 2.15.0 and keras 3.15.1",
        BOTH,
        relocation=False,
    ),
    ModulePath(
        "backend.theano_backend",
        "backend",
        PathKind.LEGACY,
        "Keras 2.2.4 keras/backend/theano_backend.py; absent in keras 2.15.0 and keras 3.15.1",
        BOTH,
        relocation=False,
    ),
    ModulePath(
        "backend.cntk_backend",
        "backend",
        PathKind.LEGACY,
        "Keras 2.2.4 keras/backend/cntk_backend.py; absent in keras 2.15.0 and keras 3.15.1",
        BOTH,
        relocation=False,
    ),
    ModulePath(
        "backend.common",
        "backend",
        PathKind.LEGACY,
        "Keras 2.2.4 keras/backend/common.py; absent in keras 2.15.0 and keras 3.15.1",
        BOTH,
        relocation=False,
    ),
    # Layer submodules. Keras 1.2.2 keras/layers/*.py and Keras 2.2.4 keras/layers/*.py were importable
    # modules; keras 2.15.0 has only keras/layers/__init__.py + experimental/ (implementation under
    # keras/src/layers) and its API tree keras/api/_v2/keras/layers/ has no such submodule; keras 3.15.1
    # keras/layers/ has only __init__.py. Everything they held is exported from layers.
    ModulePath(
        "layers.convolutional",
        "layers",
        PathKind.LEGACY,
        (
            "Keras 1.2.2 keras/layers/convolutional.py; no keras 2.15.0 keras/layers/convolutional, keras "
            "3.15.1 keras/layers/convolutional"
        ),
        BOTH,
    ),
    ModulePath(
        "layers.core",
        "layers",
        PathKind.LEGACY,
        "Keras 1.2.2 keras/layers/core.py; no keras 2.15.0 keras/layers/core, keras 3.15.1 keras/layers/core",
        BOTH,
    ),
    ModulePath(
        "layers.recurrent",
        "layers",
        PathKind.LEGACY,
        (
            "Keras 1.2.2 keras/layers/recurrent.py; no keras 2.15.0 keras/layers/recurrent, keras 3.15.1 "
            "keras/layers/recurrent"
        ),
        BOTH,
    ),
    ModulePath(
        "layers.normalization",
        "layers",
        PathKind.LEGACY,
        (
            "Keras 1.2.2 keras/layers/normalization.py; no keras 2.15.0 keras/layers/normalization, keras "
            "3.15.1 keras/layers/normalization"
        ),
        BOTH,
    ),
    ModulePath(
        "layers.pooling",
        "layers",
        PathKind.LEGACY,
        (
            "Keras 1.2.2 keras/layers/pooling.py; no keras 2.15.0 keras/layers/pooling, keras 3.15.1 "
            "keras/layers/pooling"
        ),
        BOTH,
    ),
    ModulePath(
        "layers.merge",
        "layers",
        PathKind.LEGACY,
        "Keras 2.2.4 keras/layers/merge.py; no keras 2.15.0 keras/layers/merge, keras 3.15.1 keras/layers/merge",
        BOTH,
    ),
    ModulePath(
        "layers.embeddings",
        "layers",
        PathKind.LEGACY,
        (
            "Keras 1.2.2 keras/layers/embeddings.py; no keras 2.15.0 keras/layers/embeddings, keras 3.15.1 "
            "keras/layers/embeddings"
        ),
        BOTH,
    ),
    ModulePath(
        "layers.advanced_activations",
        "layers",
        PathKind.LEGACY,
        (
            "Keras 1.2.2 keras/layers/advanced_activations.py; no keras 2.15.0 "
            "keras/layers/advanced_activations, keras 3.15.1 keras/layers/advanced_activations"
        ),
        BOTH,
    ),
    ModulePath(
        "layers.noise",
        "layers",
        PathKind.LEGACY,
        "Keras 1.2.2 keras/layers/noise.py; no keras 2.15.0 keras/layers/noise, keras 3.15.1 keras/layers/noise",
        BOTH,
    ),
    ModulePath(
        "layers.wrappers",
        "layers",
        PathKind.LEGACY,
        (
            "Keras 1.2.2 keras/layers/wrappers.py; no keras 2.15.0 keras/layers/wrappers, keras 3.15.1 "
            "keras/layers/wrappers"
        ),
        BOTH,
    ),
    ModulePath(
        "layers.local",
        "layers",
        PathKind.LEGACY,
        "Keras 1.2.2 keras/layers/local.py; no keras 2.15.0 keras/layers/local, keras 3.15.1 keras/layers/local",
        BOTH,
    ),
    ModulePath(
        "layers.convolutional_recurrent",
        "layers",
        PathKind.LEGACY,
        (
            "Keras 1.2.2 keras/layers/convolutional_recurrent.py; no keras 2.15.0 "
            "keras/layers/convolutional_recurrent, keras 3.15.1 keras/layers/convolutional_recurrent"
        ),
        BOTH,
    ),
    ModulePath(
        "layers.cudnn_recurrent",
        "layers",
        PathKind.LEGACY,
        (
            "Keras 2.2.4 keras/layers/cudnn_recurrent.py; no keras 2.15.0 keras/layers/cudnn_recurrent, keras "
            "3.15.1 keras/layers/cudnn_recurrent"
        ),
        BOTH,
    ),
    # layers.experimental[.preprocessing]: still public but legacy in keras 2.15.0
    # (keras/api/_v2/keras/layers/experimental/), gone in keras 3.15.1 (no keras/layers/experimental).
    # Every name of experimental.preprocessing but PreprocessingLayer is in keras 2.15.0 layers, so it is
    # listed for tf.keras too; bare layers.experimental is Keras 3 only because SyncBatchNormalization and
    # RandomFourierFeatures have no home in layers on tf.keras (rewriting would break working imports).
    ModulePath(
        "layers.experimental.preprocessing",
        "layers",
        PathKind.LEGACY,
        (
            "keras 2.15.0 keras/api/_v2/keras/layers/experimental/preprocessing/__init__.py (legacy alias); "
            "absent in keras 3.15.1"
        ),
        BOTH,
    ),
    ModulePath(
        "layers.experimental",
        "layers",
        PathKind.LEGACY,
        "keras 2.15.0 keras/api/_v2/keras/layers/experimental/__init__.py; absent in keras 3.15.1",
        ONLY_KERAS3,
    ),
    # engine.*: Keras 1.2.2 keras/engine/{__init__,topology,training}.py, Keras 2.2.4
    # keras/engine/{base_layer,input_layer,network,saving,sequential,topology,training}.py; keras 2.15.0 has
    # no keras/engine (only keras/src/engine) and keras 3.15.1 none at all. Most engine names are layer
    # classes (Layer, InputSpec, Input, InputLayer), so engine / engine.topology map to layers; Model,
    # Network, Container, Functional and get_source_inputs are redirected by CANONICAL_OVERRIDES.
    ModulePath(
        "engine",
        "layers",
        PathKind.LEGACY,
        "Keras 1.2.2 keras/engine/__init__.py; no keras/engine in keras 2.15.0 or keras 3.15.1",
        BOTH,
    ),
    ModulePath(
        "engine.topology",
        "layers",
        PathKind.LEGACY,
        "Keras 1.2.2 keras/engine/topology.py; no keras/engine in keras 2.15.0 or keras 3.15.1",
        BOTH,
    ),
    ModulePath(
        "engine.training",
        "models",
        PathKind.LEGACY,
        "Keras 1.2.2 keras/engine/training.py; no keras/engine in keras 2.15.0 or keras 3.15.1",
        BOTH,
    ),
    ModulePath(
        "engine.sequential",
        "models",
        PathKind.LEGACY,
        "Keras 2.2.4 keras/engine/sequential.py; no keras/engine in keras 2.15.0 or keras 3.15.1",
        BOTH,
    ),
    ModulePath(
        "engine.network",
        "models",
        PathKind.LEGACY,
        "Keras 2.2.4 keras/engine/network.py; no keras/engine in keras 2.15.0 or keras 3.15.1",
        BOTH,
    ),
    ModulePath(
        "engine.saving",
        "models",
        PathKind.LEGACY,
        "Keras 2.2.4 keras/engine/saving.py; no keras/engine in keras 2.15.0 or keras 3.15.1",
        BOTH,
    ),
    ModulePath(
        "engine.base_layer",
        "layers",
        PathKind.LEGACY,
        "Keras 2.2.4 keras/engine/base_layer.py; no keras/engine in keras 2.15.0 or keras 3.15.1",
        BOTH,
    ),
    ModulePath(
        "engine.input_layer",
        "layers",
        PathKind.LEGACY,
        "Keras 2.2.4 keras/engine/input_layer.py; no keras/engine in keras 2.15.0 or keras 3.15.1",
        BOTH,
    ),
    ModulePath(
        "engine.functional",
        "models",
        PathKind.LEGACY,
        (
            "keras 2.15.0 keras/src/engine/functional.py (private there); no keras/engine in keras 2.15.0 or "
            "keras 3.15.1"
        ),
        BOTH,
    ),
    ModulePath(
        "engine.input_spec",
        "layers",
        PathKind.LEGACY,
        (
            "keras 2.15.0 keras/src/engine/input_spec.py (private there); no keras/engine in keras 2.15.0 or "
            "keras 3.15.1"
        ),
        BOTH,
    ),
    # utils submodules: Keras 1.2.2 keras/utils/{np_utils,generic_utils,data_utils,layer_utils,io_utils,
    # visualize_util}.py, Keras 2.2.4 keras/utils/{vis_utils,multi_gpu_utils,conv_utils}.py; keras 2.15.0
    # keras/api/_v2/keras/utils/ has only experimental/ and legacy/ below it, keras 3.15.1 keras/utils/ only
    # bounding_boxes/ and legacy/. Their public names are exported from utils.
    ModulePath(
        "utils.np_utils",
        "utils",
        PathKind.LEGACY,
        (
            "Keras 1.2.2 keras/utils/np_utils.py; not in keras 2.15.0 keras/api/_v2/keras/utils nor keras "
            "3.15.1 keras/utils"
        ),
        BOTH,
    ),
    ModulePath(
        "utils.generic_utils",
        "utils",
        PathKind.LEGACY,
        (
            "Keras 1.2.2 keras/utils/generic_utils.py; not in keras 2.15.0 keras/api/_v2/keras/utils nor keras "
            "3.15.1 keras/utils"
        ),
        BOTH,
    ),
    ModulePath(
        "utils.data_utils",
        "utils",
        PathKind.LEGACY,
        (
            "Keras 1.2.2 keras/utils/data_utils.py; not in keras 2.15.0 keras/api/_v2/keras/utils nor keras "
            "3.15.1 keras/utils"
        ),
        BOTH,
    ),
    ModulePath(
        "utils.layer_utils",
        "utils",
        PathKind.LEGACY,
        (
            "Keras 1.2.2 keras/utils/layer_utils.py; not in keras 2.15.0 keras/api/_v2/keras/utils nor keras "
            "3.15.1 keras/utils"
        ),
        BOTH,
    ),
    ModulePath(
        "utils.io_utils",
        "utils",
        PathKind.LEGACY,
        (
            "Keras 1.2.2 keras/utils/io_utils.py; not in keras 2.15.0 keras/api/_v2/keras/utils nor keras "
            "3.15.1 keras/utils"
        ),
        BOTH,
    ),
    ModulePath(
        "utils.visualize_util",
        "utils",
        PathKind.LEGACY,
        (
            "Keras 1.2.2 keras/utils/visualize_util.py; not in keras 2.15.0 keras/api/_v2/keras/utils nor keras "
            "3.15.1 keras/utils"
        ),
        BOTH,
    ),
    ModulePath(
        "utils.vis_utils",
        "utils",
        PathKind.LEGACY,
        (
            "Keras 2.2.4 keras/utils/vis_utils.py; not in keras 2.15.0 keras/api/_v2/keras/utils nor keras "
            "3.15.1 keras/utils"
        ),
        BOTH,
    ),
    ModulePath(
        "utils.multi_gpu_utils",
        "utils",
        PathKind.LEGACY,
        (
            "Keras 2.2.4 keras/utils/multi_gpu_utils.py; not in keras 2.15.0 keras/api/_v2/keras/utils nor "
            "keras 3.15.1 keras/utils"
        ),
        BOTH,
    ),
    ModulePath(
        "utils.conv_utils",
        "utils",
        PathKind.LEGACY,
        (
            "Keras 2.2.4 keras/utils/conv_utils.py; not in keras 2.15.0 keras/api/_v2/keras/utils nor keras "
            "3.15.1 keras/utils"
        ),
        BOTH,
    ),
    # Keras 1 module names: Keras 1.2.2 keras/objectives.py, keras/initializations.py; Keras 2.2.4 kept
    # objectives.py as a star-import of losses; neither exists in keras 2.15.0 or keras 3.15.1.
    ModulePath(
        "objectives",
        "losses",
        PathKind.LEGACY,
        (
            "Keras 1.2.2 keras/objectives.py; Keras 2.2.4 keras/objectives.py (legacy alias); absent in keras "
            "2.15.0 and keras 3.15.1"
        ),
        BOTH,
    ),
    ModulePath(
        "initializations",
        "initializers",
        PathKind.LEGACY,
        "Keras 1.2.2 keras/initializations.py; absent in Keras 2.2.4, keras 2.15.0 and keras 3.15.1",
        BOTH,
    ),
    # keras.legacy: Keras 2.2.4 keras/legacy/{interfaces,layers,models}.py; keras 2.15.0 has no
    # keras/api/_v2/keras/legacy; keras 3.15.1 keras/legacy/__init__.py is public again but holds only
    # saving/, so only the Keras 2.2.4 submodules are listed (the bare module would turn Keras 3's
    # legacy.saving into "layers.saving"). legacy.interfaces held only the Keras 1 argument-conversion
    # decorators: they have no successor, drop them.
    ModulePath(
        "legacy.layers",
        "layers",
        PathKind.LEGACY,
        "Keras 2.2.4 keras/legacy/layers.py; absent in keras 2.15.0 and keras 3.15.1 keras/legacy",
        BOTH,
    ),
    ModulePath(
        "legacy.interfaces",
        "layers",
        PathKind.LEGACY,
        "Keras 2.2.4 keras/legacy/interfaces.py; absent in keras 2.15.0 and keras 3.15.1 keras/legacy",
        BOTH,
    ),
    ModulePath(
        "legacy.models",
        "models",
        PathKind.LEGACY,
        "Keras 2.2.4 keras/legacy/models.py; absent in keras 2.15.0 and keras 3.15.1 keras/legacy",
        BOTH,
    ),
    # keras.preprocessing.{image,sequence} are not listed: both modules exist in keras 3.15.1
    # (keras/preprocessing/image/__init__.py: load_img, img_to_array, ...; sequence: pad_sequences), so
    # importing from them works; the names Keras 3 dropped (ImageDataGenerator, ...) are REMOVED_NAMES.
    # optimizers.legacy: the working Keras 2 optimizers on tf.keras (keras 2.15.0
    # keras/api/_v2/keras/optimizers/legacy/__init__.py), ImportError stubs on Keras 3 (keras 3.15.1
    # keras/src/optimizers/__init__.py:121-129). optimizers.experimental: keras 2.15.0 only.
    ModulePath(
        "optimizers.legacy",
        "optimizers",
        PathKind.LEGACY,
        "keras 3.15.1 keras/optimizers/legacy/__init__.py (LegacyOptimizerWarning stubs raise ImportError)",
        ONLY_KERAS3,
        relocation=False,
    ),
    ModulePath(
        "optimizers.experimental",
        "optimizers",
        PathKind.LEGACY,
        (
            "keras 2.15.0 keras/api/_v2/keras/optimizers/experimental/__init__.py; absent in keras 3.15.1 "
            "keras/optimizers"
        ),
        BOTH,
    ),
    # Private implementation trees. new = "" means the Keras root: import the same name from the public
    # module (keras.src.layers... -> keras.layers; specific classes are in CANONICAL_OVERRIDES).
    # src: keras 2.15.0 keras/src/, keras 3.15.1 keras/src/ (never public). api: keras 2.15.0
    # keras/api/_v2/keras and keras/api/_v1/keras are the generated trees tf.keras / tf.compat.v1.keras point
    # at; keras 3.15.1 has no keras/api. _tf_keras: keras 3.15.1 keras/_tf_keras/keras, the tree TensorFlow
    # exposes as tf.keras; importing it from keras directly is private (absent in keras 2.15.0).
    # tensorflow.python.keras is handled by the engine, not here.
    ModulePath(
        "src",
        "",
        PathKind.PRIVATE,
        "keras 2.15.0 keras/src/__init__.py; keras 3.15.1 keras/src/__init__.py (implementation, not API)",
        BOTH,
        relocation=False,
    ),
    ModulePath(
        "api._v2.keras",
        "",
        PathKind.PRIVATE,
        "keras 2.15.0 keras/api/_v2/keras/__init__.py (generated tree behind tf.keras); absent in keras 3.15.1",
        BOTH,
    ),
    ModulePath(
        "api._v1.keras",
        "",
        PathKind.PRIVATE,
        (
            "keras 2.15.0 keras/api/_v1/keras/__init__.py (generated tree behind tf.compat.v1.keras); absent in "
            "keras 3.15.1"
        ),
        BOTH,
    ),
    ModulePath(
        "api",
        "",
        PathKind.PRIVATE,
        "keras 2.15.0 keras/api/__init__.py (generated API trees); absent in keras 3.12.0 and 3.15.1",
        BOTH,
    ),
    ModulePath(
        "_tf_keras.keras",
        "",
        PathKind.PRIVATE,
        "keras 3.15.1 keras/_tf_keras/keras/__init__.py (the tree TensorFlow serves as tf.keras)",
        ONLY_KERAS3,
    ),
    ModulePath(
        "_tf_keras",
        "",
        PathKind.PRIVATE,
        "keras 3.15.1 keras/_tf_keras/__init__.py",
        ONLY_KERAS3,
    ),
)


# Names gone from tf.keras that TensorFlow's TF1 API, ``tf.compat.v1.keras``, still has (keras 2.15.0
# keras/api/_v1/keras, the generated tree behind it): backend/__init__.py:52 get_session and :112
# set_session; layers/__init__.py:124-125 CuDNNGRU and CuDNNLSTM; initializers/__init__.py:12 normal and
# :16 uniform; losses/__init__.py:27-28 and metrics/__init__.py:7-8 cosine and cosine_proximity (aliases of
# cosine_similarity). Reached through tf.compat.v1.keras they exist on target tf.keras. Not
# models.model_from_yaml: models/__init__.py:10 has it, but it raises RuntimeError since TF 2.6
# (keras/src/saving/legacy/model_config.py:78-91).
KEPT_IN_TF_COMPAT_V1: FrozenSet[str] = frozenset(
    {
        "backend.get_session",
        "backend.set_session",
        "layers.CuDNNGRU",
        "layers.CuDNNLSTM",
        "initializers.normal",
        "initializers.uniform",
        "losses.cosine",
        "losses.cosine_proximity",
        "metrics.cosine",
        "metrics.cosine_proximity",
    }
)

# -------------------------------------------------------------------------------------------------
# Canonical overrides: specific full names whose canonical name is not "module successor + name".
# Checked before MODULE_PATHS. A name mapped to itself has no public successor and stays as written.
# -------------------------------------------------------------------------------------------------

CANONICAL_OVERRIDES: Dict[str, str] = {
    # Top-level names: keras 2.15.0 keras/api/_v2/keras/__init__.py exports Input, Model, Sequential;
    # keras 3.15.1 keras/__init__.py also Layer, InputSpec, Loss, Metric, Optimizer, Regularizer, Initializer.
    # (layers.Model is not listed: no version's layers module exported Model.)
    "Model": "models.Model",
    "Sequential": "models.Sequential",
    "Input": "layers.Input",
    "Layer": "layers.Layer",
    "InputSpec": "layers.InputSpec",
    "Loss": "losses.Loss",
    "Metric": "metrics.Metric",
    "Optimizer": "optimizers.Optimizer",
    "Regularizer": "regularizers.Regularizer",
    "Initializer": "initializers.Initializer",
    # engine names that are not layers: Keras 1.2.2 keras/engine/__init__.py (Model, get_source_inputs),
    # keras/engine/topology.py (Container); Keras 2.2.4 keras/engine/__init__.py, topology.py:3-5 (Network),
    # network.py; keras 2.15.0 keras/src/engine/functional.py (Functional, the class behind models.Model).
    "engine.Model": "models.Model",
    "engine.Layer": "layers.Layer",
    "engine.get_source_inputs": "utils.get_source_inputs",
    "engine.training.Model": "models.Model",
    "engine.topology.Layer": "layers.Layer",
    "engine.topology.Container": "models.Model",
    "engine.topology.Network": "models.Model",
    "engine.topology.get_source_inputs": "utils.get_source_inputs",
    "engine.network.Network": "models.Model",
    "engine.network.get_source_inputs": "utils.get_source_inputs",
    "engine.functional.Functional": "models.Model",
    "engine.sequential.Sequential": "models.Sequential",
    "engine.base_layer.Layer": "layers.Layer",
    "engine.input_layer.Input": "layers.Input",
    "engine.input_layer.InputLayer": "layers.InputLayer",
    "engine.saving.load_model": "models.load_model",
    "engine.saving.save_model": "models.save_model",
    # keras.src classes: keras 2.15.0 keras/src/engine/{training,sequential,functional,base_layer,input_layer,
    # input_spec}.py; keras 3.15.1 keras/src/models/{model,sequential,functional}.py,
    # keras/src/layers/{layer,input_spec}.py, keras/src/layers/core/input_layer.py.
    "src.engine.training.Model": "models.Model",
    "src.engine.sequential.Sequential": "models.Sequential",
    "src.engine.functional.Functional": "models.Model",
    "src.engine.base_layer.Layer": "layers.Layer",
    "src.engine.input_layer.Input": "layers.Input",
    "src.engine.input_layer.InputLayer": "layers.InputLayer",
    "src.engine.input_spec.InputSpec": "layers.InputSpec",
    "src.models.model.Model": "models.Model",
    "src.models.sequential.Sequential": "models.Sequential",
    "src.models.functional.Functional": "models.Model",
    "src.layers.layer.Layer": "layers.Layer",
    "src.layers.input_spec.InputSpec": "layers.InputSpec",
    "src.layers.core.input_layer.Input": "layers.Input",
    "src.layers.core.input_layer.InputLayer": "layers.InputLayer",
    # Names in legacy modules with no home in the module's successor: kept as written, so that
    # REMOVED_NAMES (and other tables) see the real name, and so that a module rewrite can tell they do
    # not move. Keras 1.2.2 keras/utils/np_utils.py, layer_utils.py, visualize_util.py; keras 2.15.0
    # keras/api/_v2/keras/preprocessing/{image,sequence}/__init__.py vs keras 3.15.1 keras/utils/__init__.py;
    # keras 2.15.0 keras/api/_v2/keras/layers/experimental/, optimizers/legacy/ (see REMOVED_NAMES).
    "utils.np_utils.probas_to_classes": "utils.np_utils.probas_to_classes",
    "utils.np_utils.categorical_probas_to_classes": "utils.np_utils.categorical_probas_to_classes",
    "utils.np_utils.accuracy": "utils.np_utils.accuracy",
    "utils.np_utils.binary_logloss": "utils.np_utils.binary_logloss",
    "utils.np_utils.multiclass_logloss": "utils.np_utils.multiclass_logloss",
    "utils.np_utils.convert_kernel": "utils.np_utils.convert_kernel",
    "utils.layer_utils.layer_from_config": "utils.layer_utils.layer_from_config",
    "utils.visualize_util.plot": "utils.visualize_util.plot",
    "preprocessing.sequence.TimeseriesGenerator": "preprocessing.sequence.TimeseriesGenerator",
    "preprocessing.sequence.make_sampling_table": "preprocessing.sequence.make_sampling_table",
    "preprocessing.sequence.skipgrams": "preprocessing.sequence.skipgrams",
    "preprocessing.image.DirectoryIterator": "preprocessing.image.DirectoryIterator",
    "preprocessing.image.ImageDataGenerator": "preprocessing.image.ImageDataGenerator",
    "preprocessing.image.Iterator": "preprocessing.image.Iterator",
    "preprocessing.image.NumpyArrayIterator": "preprocessing.image.NumpyArrayIterator",
    "preprocessing.image.apply_affine_transform": "preprocessing.image.apply_affine_transform",
    "preprocessing.image.apply_brightness_shift": "preprocessing.image.apply_brightness_shift",
    "preprocessing.image.apply_channel_shift": "preprocessing.image.apply_channel_shift",
    "preprocessing.image.random_brightness": "preprocessing.image.random_brightness",
    "preprocessing.image.random_channel_shift": "preprocessing.image.random_channel_shift",
    "preprocessing.image.random_rotation": "preprocessing.image.random_rotation",
    "preprocessing.image.random_shear": "preprocessing.image.random_shear",
    "preprocessing.image.random_shift": "preprocessing.image.random_shift",
    "preprocessing.image.random_zoom": "preprocessing.image.random_zoom",
    "preprocessing.image.smart_resize": "preprocessing.image.smart_resize",
    "layers.experimental.SyncBatchNormalization": "layers.experimental.SyncBatchNormalization",
    "layers.experimental.RandomFourierFeatures": "layers.experimental.RandomFourierFeatures",
    "layers.experimental.preprocessing.PreprocessingLayer": "layers.experimental.preprocessing.PreprocessingLayer",
    "optimizers.legacy.Adadelta": "optimizers.legacy.Adadelta",
    "optimizers.legacy.Adagrad": "optimizers.legacy.Adagrad",
    "optimizers.legacy.Adam": "optimizers.legacy.Adam",
    "optimizers.legacy.Adamax": "optimizers.legacy.Adamax",
    "optimizers.legacy.Ftrl": "optimizers.legacy.Ftrl",
    "optimizers.legacy.Nadam": "optimizers.legacy.Nadam",
    "optimizers.legacy.Optimizer": "optimizers.legacy.Optimizer",
    "optimizers.legacy.RMSprop": "optimizers.legacy.RMSprop",
    "optimizers.legacy.SGD": "optimizers.legacy.SGD",
    # Keras 1 merge *function* (Keras 1.2.2 keras/engine/topology.py:1622, exported by keras/layers/__init__.py):
    # without this entry the module path layers.merge (a Keras 2 module) would rewrite it to plain "layers".
    "layers.merge": "layers.merge",
}
