"""kerascheck: find (and fix) legacy Keras code before it breaks, without TensorFlow installed."""

from __future__ import annotations

__version__ = "0.1.0.dev0"
HOMEPAGE = "https://github.com/kerascheck/kerascheck"
RULES_URL = f"{HOMEPAGE}/blob/main/docs/rules.md"  # each code has an anchor: #ker201
