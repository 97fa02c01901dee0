"""Module paths (below the Keras root) not to import from, and the public module to use; the names that
``tf.compat.v1.keras`` keeps; canonical overrides (full names whose canonical name is not "module
successor + name")."""

from __future__ import annotations

from typing import Dict, FrozenSet, Tuple

from kerascheck.catalog.model import (
    BOTH,
    ONLY_KERAS3,
    ModulePath,
    PathKind,
)

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
    # keras 3.15.1 keras/src/optimizers/loss_scale_optimizer.py:10-15 exports the class as both
    # keras.optimizers.LossScaleOptimizer and keras.mixed_precision.LossScaleOptimizer (tf.keras 2.15 has only
    # the second, keras 2.15.0 keras/api/_v2/keras/mixed_precision/__init__.py)
    "mixed_precision.LossScaleOptimizer": "optimizers.LossScaleOptimizer",
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
    "engine.training.slice_X": "engine.training.slice_X",  # Keras 1.2.2 keras/engine/training.py:280
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
