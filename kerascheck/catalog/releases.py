"""Released versions of the packages whose pins decide the ``auto`` Keras target.

PyPI release lists (``pip index versions keras`` / ``tensorflow``, read 2026-11): a pin is judged by
which of these versions it admits. TensorFlow >= 2.16 requires keras >= 3 (tensorflow 2.16.1 metadata
``Requires-Dist: keras>=3.0.0``), so tf.keras is Keras 3 there (FIELD-NOTES B.3, B.4).
"""

from __future__ import annotations

from kerascheck.record import Record

# Distribution names that are TensorFlow (same version numbers, same bundled Keras).
TENSORFLOW_DISTRIBUTIONS = frozenset(
    {"tensorflow", "tensorflow-cpu", "tensorflow-gpu", "tensorflow-macos", "tensorflow-intel", "tf-nightly"}
)


# Every minor release line (and the patches that matter), for judging what a pin admits.
KERAS_RELEASES = (
    ("1.2.2",)
    + tuple(f"2.{minor}.0" for minor in range(0, 16))
    + ("2.2.4", "2.2.5", "2.3.1")
    + tuple(f"3.{minor}.0" for minor in range(0, 16))
)
TENSORFLOW_RELEASES = tuple(f"2.{minor}.0" for minor in range(0, 22)) + ("2.15.1", "2.16.1")
TF_KERAS_RELEASES = tuple(f"2.{minor}.0" for minor in range(15, 22)) + ("2.14.1",)


class KerasRequirement(Record):
    """What a TensorFlow release line requires of the ``keras`` package (PyPI metadata)."""

    tensorflow: str  # PEP 440 specifier of the TensorFlow versions
    keras: str  # what they require of keras
    source: str


# tensorflow wheels' Requires-Dist (FIELD-NOTES B.4): 2.0–2.5 do not depend on keras (2.5 on
# keras-nightly); 2.6 `keras ~=2.6` (admits 2.7+: the classic breakage, but pip allows it); 2.7–2.15
# `keras <2.(X+1),>=2.X`; 2.16 `keras >=3.0.0`; 2.17 `keras >=3.2.0` (2.18–2.21 not read here: at least 3).
TENSORFLOW_REQUIRES_KERAS = (
    KerasRequirement(">=2.6,<2.7", ">=2.6,<3", "tensorflow 2.6.0 metadata: keras ~=2.6"),
    *(
        KerasRequirement(
            f">=2.{minor},<2.{minor + 1}",
            f">=2.{minor}.0rc0,<2.{minor + 1}",
            f"tensorflow 2.{minor} metadata: keras <2.{minor + 1},>=2.{minor}",
        )
        for minor in range(7, 16)
    ),
    KerasRequirement(">=2.16,<2.17", ">=3.0.0", "tensorflow 2.16.1 metadata: keras >=3.0.0"),
    KerasRequirement(">=2.17", ">=3.2.0", "tensorflow 2.17.0 metadata: keras >=3.2.0"),
)


class TensorflowRequirement(Record):
    """What a tf-keras release line requires of ``tensorflow`` (PyPI metadata)."""

    tf_keras: str  # PEP 440 specifier of the tf-keras versions
    tensorflow: str  # what they require of tensorflow
    source: str


# tf_keras 2.X requires tensorflow <2.(X+1),>=2.X (tf-keras 2.15.1, 2.16.0 and 2.21.0 wheels' Requires-Dist
# read; FIELD-NOTES B.4 for the others). tf-keras 2.14.1, the first release, requires no tensorflow at all.
TF_KERAS_REQUIRES_TENSORFLOW = tuple(
    TensorflowRequirement(
        f">=2.{minor},<2.{minor + 1}",
        f">=2.{minor},<2.{minor + 1}",
        f"tf-keras 2.{minor} metadata: tensorflow <2.{minor + 1},>=2.{minor}",
    )
    for minor in range(15, 22)
)

# Multi-backend Keras (<= 2.3.1) uses TensorFlow's private `ops._TensorLike`, gone in TF 2.2:
# AttributeError at import (tensorflow/tensorflow#40251). Keras 2.4 redirects to tf.keras and requires
# TF >= 2.2 at run time ("Keras requires TensorFlow 2.2 or higher").
MULTIBACKEND_LAST = "2.3.1"
MULTIBACKEND_KERAS = f"<={MULTIBACKEND_LAST}"
TENSORFLOW_BREAKING_MULTIBACKEND = "2.2"
MULTIBACKEND_BREAKS_ON_TENSORFLOW = f">={TENSORFLOW_BREAKING_MULTIBACKEND}"

# Keras 3's TensorFlow backend needs the TensorFlow that installs it (FIELD-NOTES B.3: TF <= 2.15 pins
# keras < 2.16; TF 2.0–2.5 predate Keras 3 and its `keras._tf_keras` loader).
KERAS_3 = ">=3"
TENSORFLOW_WITH_KERAS_3 = "2.16"  # the first TensorFlow whose metadata requires keras >= 3 (above)
KERAS_3_NEEDS_TENSORFLOW = f">={TENSORFLOW_WITH_KERAS_3}"

# The Keras 3 release the rules' Keras 3 behaviours were run on (messages say "target keras3 (Keras 3.15.1)
# raises …"); the keras3 extra of pyproject.toml installs it for tests/test_keras3_breaks.py.
KERAS3_CHECKED = "3.15.1"
