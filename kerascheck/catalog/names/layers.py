"""Removed names, layers and models: ImportError / AttributeError on the target (part of ``REMOVED_NAMES``)."""

from __future__ import annotations

from typing import Tuple

from kerascheck.catalog.model import (
    BOTH,
    ONLY_KERAS3,
    RemovedName,
)

REMOVED_LAYERS: Tuple[RemovedName, ...] = (
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
        removed_in="Keras 2.2",
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
        removed_in="Keras 2.0",
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
        removed_in="Keras 2.2.5",
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
        removed_in="Keras 2.2.5",
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
        removed_in="Keras 2.2.5",
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
        removed_in="Keras 2.2.5",
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
        removed_in="Keras 2.0",
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
        removed_in="Keras 2.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
    ),
)
