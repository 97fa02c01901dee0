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

Modules, by area (``REMOVED_NAMES`` is their concatenation, in this order):

* ``renamed``: ``RENAMED_NAMES``;
* ``layers``, ``backend_legacy``, ``backend_a_k``, ``backend_l_z``, ``objects``, ``utilities``, ``namespaces``:
  ``REMOVED_NAMES``;
* ``methods``: ``REMOVED_METHODS``;
* ``paths``: ``MODULE_PATHS``, ``KEPT_IN_TF_COMPAT_V1``, ``CANONICAL_OVERRIDES``.
"""

from __future__ import annotations

from typing import Tuple

from kerascheck.catalog.model import RemovedName
from kerascheck.catalog.names.backend_a_k import REMOVED_BACKEND_A_K
from kerascheck.catalog.names.backend_l_z import REMOVED_BACKEND_L_Z
from kerascheck.catalog.names.backend_legacy import REMOVED_LEGACY_BACKEND
from kerascheck.catalog.names.layers import REMOVED_LAYERS
from kerascheck.catalog.names.methods import REMOVED_METHODS
from kerascheck.catalog.names.namespaces import REMOVED_NAMESPACES
from kerascheck.catalog.names.objects import REMOVED_OBJECTS
from kerascheck.catalog.names.paths import CANONICAL_OVERRIDES, KEPT_IN_TF_COMPAT_V1, MODULE_PATHS
from kerascheck.catalog.names.renamed import RENAMED_NAMES
from kerascheck.catalog.names.utilities import REMOVED_UTILITIES

# Removed names: ImportError / AttributeError on the target.
REMOVED_NAMES: Tuple[RemovedName, ...] = (
    REMOVED_LAYERS
    + REMOVED_LEGACY_BACKEND
    + REMOVED_BACKEND_A_K
    + REMOVED_BACKEND_L_Z
    + REMOVED_OBJECTS
    + REMOVED_UTILITIES
    + REMOVED_NAMESPACES
)

__all__ = [
    "CANONICAL_OVERRIDES",
    "KEPT_IN_TF_COMPAT_V1",
    "MODULE_PATHS",
    "REMOVED_METHODS",
    "REMOVED_NAMES",
    "RENAMED_NAMES",
]
