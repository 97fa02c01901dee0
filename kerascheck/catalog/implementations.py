"""Facts about the Keras implementations themselves (FIELD-NOTES sections B.1, B.3 and D)."""

from __future__ import annotations

from kerascheck.catalog.model import ModulePath, PathKind

# TensorFlow's own copy of Keras. From TF 2.6 tf.keras is backed by the `keras` pip package and this
# copy is stale: "will be removed in future releases" (keras 2.6.0 release notes); still shipped in
# tensorflow 2.15.1 (tensorflow/python/keras/__init__.py). Objects from it fail isinstance checks
# against tf.keras objects (tensorflow/tensorflow#50613).
TENSORFLOW_PYTHON_KERAS = ModulePath(
    old="tensorflow.python.keras",
    new="tensorflow.keras",
    kind=PathKind.PRIVATE,
    source="keras 2.6.0 release notes; tensorflow 2.15.1 tensorflow/python/keras/__init__.py",
)
