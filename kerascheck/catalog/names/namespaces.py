"""Removed names, the tf.keras-only namespaces and applications that Keras 3 dropped (part of ``REMOVED_NAMES``)."""

from __future__ import annotations

from typing import Tuple

from kerascheck.catalog.model import (
    ONLY_KERAS3,
    RemovedName,
)

REMOVED_NAMESPACES: Tuple[RemovedName, ...] = (
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
    ),
    RemovedName(
        "estimator.model_to_estimator",
        None,
        "Estimators are gone: train with model.fit (use tf.distribute for multi-worker).",
        "keras 2.15.0 keras/api/_v2/keras/estimator/__init__.py; keras 3.15.1 keras/__init__.py has no estimator",
        ONLY_KERAS3,
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
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
        removed_in="Keras 3.0",
    ),
)
