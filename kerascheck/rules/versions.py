"""In which versions two Keras implementations are one, said in the KER101/KER103/KER4xx messages;
with the ``auto`` target, whether the project's pins are among them."""

from __future__ import annotations

from functools import cache
from typing import Optional, Tuple

from kerascheck.catalog import implementations
from kerascheck.catalog.implementations import (
    STANDALONE_KERAS_VERSIONS,
    TF_PYTHON_KERAS_ON_KERAS3,
    TF_PYTHON_KERAS_VERSIONS,
)
from kerascheck.catalog.model import Target
from kerascheck.catalog.modules import module_exists
from kerascheck.context import Context
from kerascheck.pins import implementations_differ

_PINS_SAY = {
    (False, True): "; the project's pins ({pins}) make them two",
    (False, False): "; the project's pins ({pins}) make them one Keras",
    (True, True): "; the project's pins ({pins}) are TF {stale_since}+",
    (True, False): "; with the project's pins ({pins}) it is tf.keras itself, though private",
}


def mixing_versions(private_copy: bool, pins: Tuple[str, ...], target: Target = Target.TF_KERAS) -> str:
    """When standalone ``keras`` (or, with ``private_copy``, ``tensorflow.python.keras``) and tf.keras
    are one Keras, and what the project's pins (if any) make of it; on target keras3, what Keras 3 makes of the
    private copy."""
    if private_copy and target is Target.KERAS3:
        return TF_PYTHON_KERAS_ON_KERAS3
    text = TF_PYTHON_KERAS_VERSIONS if private_copy else STANDALONE_KERAS_VERSIONS
    differ = implementations_differ(private_copy, pins) if pins else None
    if differ is None:
        return text
    shown = ", ".join(f"`{pin}`" for pin in pins)
    return text + _PINS_SAY[private_copy, differ].format(
        pins=shown, stale_since=implementations.TENSORFLOW_WITH_KERAS_PACKAGE
    )


def standalone_is_another_keras(ctx: Context) -> bool:
    """Whether standalone ``keras`` may be another Keras than the target's tf.keras, where an import of it that
    runs is still a finding: the project's pins say so (keras <= 2.3, 2.5 or 3), or the module runs in the
    tf_keras world, where TensorFlow >= 2.16 serves Keras 3 as ``keras`` (it sets ``TF_USE_LEGACY_KERAS`` or
    imports tf_keras). Without either, TensorFlow 2.6–2.15 comes with the keras package its tf.keras is loaded
    from: the import runs and gives tf.keras's own objects (run on TF 2.15.1: ``keras.layers.Dense is
    tf.keras.layers.Dense``)."""
    if ctx.settings.pins and implementations_differ(False, ctx.settings.pins):
        return True
    return ctx.in_tf_keras_world


TF_KERAS_WORLD = (
    "the module runs where tf.keras is the tf_keras package (it sets `TF_USE_LEGACY_KERAS` or imports tf_keras: "
    "TensorFlow >= 2.16), and there `keras` is Keras 3"
)


def written_for_keras3(ctx: Context) -> bool:
    """Whether the module reads a module only Keras 3 has (``keras.ops``, ``keras.config``, ``keras.random``…,
    by the generated module tables): code written for Keras 3, where a Keras 3 behaviour is what it asks for."""
    key = ("versions", "written for keras 3")
    if key not in ctx.memo:
        ctx.memo[key] = any(_keras3_only_module(ctx.canonical(chain)) for chain in ctx.index.chains)
    return bool(ctx.memo[key])


def _keras3_only_module(canonical: Optional[str]) -> bool:
    if not canonical:
        return False
    first = canonical.partition(".")[0]
    return _only_in_keras3(first)


@cache
def _only_in_keras3(module: str) -> bool:
    return bool(
        module_exists(f"keras.{module}", Target.KERAS3)
        and not module_exists(f"tensorflow.keras.{module}", Target.TF_KERAS)
    )
