"""Removed names, the objects a model is built and compiled with: initializers, regularizers, constraints,
losses, metrics, optimizers (part of ``REMOVED_NAMES``)."""

from __future__ import annotations

from typing import Tuple

from kerascheck.catalog.model import (
    BOTH,
    ONLY_KERAS3,
    RemovedName,
)

REMOVED_OBJECTS: Tuple[RemovedName, ...] = (
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
        removed_in="Keras 2.0",
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
        removed_in="Keras 2.0",
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
        removed_in="Keras 2.0",
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
        removed_in="Keras 2.0",
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
        removed_in="Keras 2.0",
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
        removed_in="Keras 2.0",
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
        removed_in="Keras 2.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 2.0",
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
        removed_in="Keras 2.0",
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
        removed_in="Keras 2.0",
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
        removed_in="Keras 2.0",
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
        removed_in="Keras 2.0",
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
        removed_in="Keras 2.0",
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
        removed_in="Keras 2.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
    ),
)
