"""Released versions of the packages whose pins decide the ``auto`` Keras target.

PyPI release lists (``pip index versions keras`` / ``tensorflow``, read 2026-11): a pin is judged by
which of these versions it admits. TensorFlow >= 2.16 requires keras >= 3 (tensorflow 2.16.1 metadata
``Requires-Dist: keras>=3.0.0``), so tf.keras is Keras 3 there (FIELD-NOTES B.3, B.4).
"""
from __future__ import annotations

KERAS_2_RELEASES = (
    "1.2.2", "2.0.9", "2.1.6", "2.2.4", "2.2.5", "2.3.1", "2.4.3", "2.6.0", "2.7.0", "2.8.0", "2.9.0",
    "2.10.0", "2.11.0", "2.12.0", "2.13.1", "2.14.0", "2.15.0",
)
KERAS_3_RELEASES = ("3.0.5", "3.3.3", "3.6.0", "3.8.0", "3.10.0", "3.12.0", "3.15.1")
TENSORFLOW_KERAS_2_RELEASES = (
    "2.0.0", "2.1.0", "2.2.0", "2.3.0", "2.4.0", "2.5.0", "2.6.0", "2.7.0", "2.8.0", "2.9.0", "2.10.0",
    "2.11.0", "2.12.0", "2.13.0", "2.14.0", "2.15.0", "2.15.1",
)
TENSORFLOW_KERAS_3_RELEASES = ("2.16.1", "2.17.0", "2.18.0", "2.19.0", "2.20.0", "2.21.0")

# Distribution names that are TensorFlow (same version numbers, same bundled Keras).
TENSORFLOW_DISTRIBUTIONS = frozenset(
    {"tensorflow", "tensorflow-cpu", "tensorflow-gpu", "tensorflow-macos", "tensorflow-intel", "tf-nightly"}
)
