"""KER403 on target tf.keras: ``tensorflow.python.keras`` beside tf.keras is an error only where the module shows a
use that fails on TF 2.15.1, a warning otherwise (held-out probe 11 FP-2: a tf.keras Sequential trained its layer).
The proof runs the uses on TensorFlow 2.15 where ``$KERASCHECK_TF215_PYTHON`` is set."""

from __future__ import annotations

import subprocess

import pytest

from kerascheck.catalog.model import Target
from kerascheck.config import Settings
from kerascheck.engine import check_source
from kerascheck.rules.base import Severity

SEQUENTIAL = (
    "import numpy as np\nimport tensorflow as tf\nfrom tensorflow.python.keras.layers import Dense\n"
    "model = tf.keras.Sequential([tf.keras.layers.InputLayer(input_shape=(3,))])\nmodel.add(Dense(1))\n"
    "model.compile('adam', 'mse')\n"
)
FUNCTIONAL = (
    "import tensorflow as tf\nfrom tensorflow.python.keras.layers import Dense\ninputs = tf.keras.Input((3,))\n"
    "outputs = Dense(1)(inputs)\n"
)
COMPILE = (
    "import tensorflow as tf\nfrom tensorflow.python.keras.optimizer_v2.adam import Adam\n"
    "model = tf.keras.Sequential([tf.keras.Input((3,)), tf.keras.layers.Dense(1)])\nopt = Adam(1e-3)\n"
    "model.compile(opt, 'mse')\n"
)
WORKING_LAYERS = (
    "import tensorflow as tf\nfrom tensorflow.python.keras import layers\ninputs = tf.keras.Input((8, 8, 1))\n"
    "features = layers.Dropout(0.5)(layers.Conv2D(2, 3)(inputs))\n"
)


def _ker403(source: str, target: Target = Target.TF_KERAS):
    [finding] = [f for f in check_source(source, Settings(target=target)) if f.code == "KER403"]
    return finding


@pytest.mark.parametrize(
    "source, severity, says",
    [
        (SEQUENTIAL, Severity.WARNING, "the module shows no such use (a tf.keras `Sequential` wraps its layers"),
        (WORKING_LAYERS, Severity.WARNING, "the module shows no such use"),
        (FUNCTIONAL, Severity.ERROR, "line 4 calls its `Dense` on a tf.keras tensor, which raises"),
        (COMPILE, Severity.ERROR, "line 5 passes its optimizer to tf.keras's `compile`, which cannot interpret it"),
    ],
)
def test_ker403_is_an_error_only_where_a_use_fails(source, severity, says):
    finding = _ker403(source)
    assert (finding.severity or "warning") == severity.value and says in finding.message


def test_ker403_is_an_error_on_keras3():
    """keras 3.15.1 keras/src/models/sequential.py: `add` raises for a layer that is not Keras 3's."""
    assert _ker403(SEQUENTIAL, Target.KERAS3).severity == Severity.ERROR.value


PROOF = """
import numpy as np, tensorflow as tf
from tensorflow.python.keras import layers
from tensorflow.python.keras.optimizer_v2.adam import Adam
x, y = np.random.rand(32, 3), np.random.rand(32, 1)
model = tf.keras.Sequential([tf.keras.Input((3,))])
model.add(layers.Dense(1))
model.compile("adam", "mse")
before = model.get_weights()[0].copy()
model.fit(x, y, epochs=2, verbose=0)
print("sequential trains", not np.allclose(before, model.get_weights()[0]))
image = tf.keras.Input((8, 8, 1))
print("conv2d, dropout", tf.keras.Model(image, layers.Dropout(0.5)(layers.Conv2D(2, 3)(image))).output_shape)
for name in ("Dense", "Flatten"):
    try:
        getattr(layers, name)(*([1] if name == "Dense" else []))(tf.keras.Input((3,)))
    except (TypeError, ValueError) as error:
        print(name, "raises", type(error).__name__)
try:
    model.compile(optimizer=Adam(), loss="mse")
except ValueError as error:
    print("compile raises", str(error).split(":")[0])
"""


def test_the_uses_do_that_on_tf_2_15(tf215_python, tmp_path):
    done = subprocess.run(
        [tf215_python, "-c", PROOF], cwd=tmp_path, capture_output=True, text=True, timeout=600,
        env={"TF_CPP_MIN_LOG_LEVEL": "2", "PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    assert done.stdout.splitlines() == [
        "sequential trains True",
        "conv2d, dropout (None, 6, 6, 2)",
        "Dense raises TypeError",
        "Flatten raises ValueError",
        "compile raises Could not interpret optimizer identifier",
    ], done.stderr[-3000:]
