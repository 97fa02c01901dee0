"""Removed names, utils, callbacks, preprocessing and the scikit-learn wrappers (part of ``REMOVED_NAMES``)."""

from __future__ import annotations

from typing import Tuple

from kerascheck.catalog.model import (
    BOTH,
    ONLY_KERAS3,
    ONLY_TF_KERAS,
    RemovedName,
)

REMOVED_UTILITIES: Tuple[RemovedName, ...] = (
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
        "engine.training.slice_X",
        None,
        "Slice the arrays yourself: x[start:stop], or [a[start:stop] for a in x] for a list of arrays.",
        (
            "Keras 1.2.2 keras/engine/training.py:280; private `_slice_arrays` from Keras 2.0.0 "
            "keras/engine/training.py; absent from keras 2.15.0 keras/api/_v2/keras and keras 3.15.1 keras"
        ),
        BOTH,
        removed_in="Keras 2.0",
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
        removed_in="Keras 2.0",
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
        removed_in="Keras 2.0",
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
        removed_in="Keras 2.0",
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
        removed_in="Keras 2.0",
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
        removed_in="Keras 2.0",
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
        removed_in="Keras 2.0",
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
        removed_in="Keras 2.0",
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
        removed_in="Keras 2.0",
    ),
    RemovedName(
        "utils.GeneratorEnqueuer",
        None,
        ("Pass the generator, a utils.PyDataset or a tf.data.Dataset straight to fit(); Keras 3 enqueues internally."),
        ("keras 2.15.0 keras/api/_v2/keras/utils/__init__.py (present); keras 3.15.1 keras/utils/__init__.py (absent)"),
        ONLY_KERAS3,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "utils.OrderedEnqueuer",
        None,
        "Pass the utils.PyDataset (with workers=/use_multiprocessing= on it) straight to fit().",
        ("keras 2.15.0 keras/api/_v2/keras/utils/__init__.py (present); keras 3.15.1 keras/utils/__init__.py (absent)"),
        ONLY_KERAS3,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "utils.SequenceEnqueuer",
        None,
        "Pass the utils.PyDataset (with workers=/use_multiprocessing= on it) straight to fit().",
        ("keras 2.15.0 keras/api/_v2/keras/utils/__init__.py (present); keras 3.15.1 keras/utils/__init__.py (absent)"),
        ONLY_KERAS3,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "utils.to_ordinal",
        None,
        'Use numpy: (np.arange(num_classes - 1) < y[..., None]).astype("float32").',
        ("keras 2.15.0 keras/api/_v2/keras/utils/__init__.py (present); keras 3.15.1 keras/utils/__init__.py (absent)"),
        ONLY_KERAS3,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "utils.warmstart_embedding_matrix",
        None,
        "Copy the old rows into the new embedding matrix by hand (layer.embeddings.assign).",
        ("keras 2.15.0 keras/api/_v2/keras/utils/__init__.py (present); keras 3.15.1 keras/utils/__init__.py (absent)"),
        ONLY_KERAS3,
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "utils.SidecarEvaluator",
        None,
        "No Keras 3 equivalent: run evaluation in a separate job that reloads checkpoints.",
        ("keras 2.15.0 keras/api/_v2/keras/utils/__init__.py (present); keras 3.15.1 keras/utils/__init__.py (absent)"),
        ONLY_KERAS3,
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
    ),
    # applications: Keras 2.2.0 keras/applications/imagenet_utils.py:228 defined `_obtain_input_shape`, which
    # model ports of 2017-2018 import; Keras 2.2.4 keras/applications/imagenet_utils.py re-exports only
    # keras_applications' decode_predictions/preprocess_input, as do keras 2.15.0
    # keras/api/_v2/keras/applications/imagenet_utils/__init__.py and keras 3.15.1
    # keras/applications/imagenet_utils/__init__.py (ImportError on both, run in held-out probe 6). The release
    # between (2.2.1-2.2.4) is not read here: no removed_in.
    RemovedName(
        "applications.imagenet_utils._obtain_input_shape",
        None,
        (
            "Copy the helper into the project: Keras exports none (its private "
            "keras.src.applications.imagenet_utils.obtain_input_shape changes between releases)."
        ),
        (
            "Keras 2.2.0 keras/applications/imagenet_utils.py:228; absent from Keras 2.2.4 "
            "keras/applications/imagenet_utils.py, keras 2.15.0 "
            "keras/api/_v2/keras/applications/imagenet_utils/__init__.py and keras 3.15.1 "
            "keras/applications/imagenet_utils/__init__.py"
        ),
        BOTH,
    ),
    # Keras 2.1.6 keras/applications/mobilenet.py:69 re-exported DepthwiseConv2D (from keras/layers) and defined
    # relu6 (:86), which MobileNet code of 2017-2018 imports (`custom_objects={'relu6': mobilenet.relu6}`); Keras
    # 2.2.0's mobilenet.py binds only MobileNet/decode_predictions/preprocess_input, as keras 2.15.0 and 3.15.1 do
    # (ImportError on both targets, run in held-out probe 7).
    RemovedName(
        "applications.mobilenet.relu6",
        None,
        "Use layers.ReLU(6.0) (or tf.nn.relu6); a model saved with it needs that in custom_objects.",
        (
            "Keras 2.1.6 keras/applications/mobilenet.py:86; absent from Keras 2.2.0 keras/applications/mobilenet.py, "
            "keras 2.15.0 keras/api/_v2/keras/applications/mobilenet/__init__.py and keras 3.15.1 "
            "keras/applications/mobilenet/__init__.py"
        ),
        BOTH,
        removed_in="Keras 2.2",
    ),
    RemovedName(
        "applications.mobilenet.DepthwiseConv2D",
        None,
        "Import DepthwiseConv2D from layers (the same layer).",
        (
            "Keras 2.1.6 keras/applications/mobilenet.py:69; absent from Keras 2.2.0 "
            "keras/applications/mobilenet.py, keras 2.15.0 keras/api/_v2/keras/applications/mobilenet/__init__.py "
            "and keras 3.15.1 keras/applications/mobilenet/__init__.py"
        ),
        BOTH,
        removed_in="Keras 2.2",
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
        removed_in="Keras 3.0",
    ),
    # On tf.keras a stub in effect: creating one works, fit then raises KeyError (catalog/implementations.py).
    RemovedName(
        "callbacks.BaseLogger",
        None,
        "Remove it: fit averages the epoch metrics itself (read them from logs in a custom Callback).",
        (
            "keras 2.15.0 keras/src/callbacks.py:977 BaseLogger.on_epoch_end reads params['metrics'], which fit "
            "does not set (run on TF 2.15.1: KeyError: 'metrics')"
        ),
        ONLY_TF_KERAS,
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="TF 2.13",
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
        removed_in="TF 2.13",
    ),
    RemovedName(
        "wrappers.scikit_learn.KerasRegressor",
        None,
        "Use scikeras.wrappers.KerasRegressor (pip install scikeras): build_fn= becomes model=.",
        "Keras 2.2.4 keras/wrappers/scikit_learn.py; no keras/api/_v2/keras/wrappers in keras 2.15.0",
        ONLY_TF_KERAS,
        removed_in="TF 2.13",
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
        removed_in="TF 2.13",
    ),
)
