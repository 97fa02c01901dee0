"""``os.environ["TF_USE_LEGACY_KERAS"] = "1"`` makes TensorFlow's ``tf.keras`` the tf_keras package (Keras 2):
its objects are judged as tf_keras's, and tf_keras's own are Keras 2's on the keras3 target too (corpus
triage 8: ageron/handson-ml3 chapters 16-19, 27 findings on keras3 and 4 KER402 on tf.keras). Proved on
TensorFlow 2.15.1 with tf_keras 2.15.1 (its lazy loader, tensorflow/python/util/lazy_loader.py, is the one
TF 2.16+ has); that test needs tf_keras importable beside ``$KERASCHECK_TF215_PYTHON``."""

from __future__ import annotations

import ast
import os
import subprocess

import pytest

from kerascheck.catalog.model import Target
from kerascheck.config import Settings
from kerascheck.context.module import sets_legacy_tf_keras
from kerascheck.engine import check_source

# What handson-ml3's chapters 16-19 do with tf.keras once they set the variable (each a finding before)
USES = """\
import tensorflow as tf
import tensorflow_hub as hub
loss_fn = tf.keras.losses.mean_squared_error
model = tf.keras.Sequential([
    tf.keras.layers.Embedding(10, 4, batch_input_shape=[1, None]),
    hub.KerasLayer("https://tfhub.dev/google/nnlm-en-dim50/2"),
])
model.reset_states()
inputs = tf.keras.Input(shape=[5])
outputs = tf.keras.layers.Dense(3)(inputs)
length = tf.shape(outputs)[1]
autoencoder = tf.keras.Model(inputs, outputs)
names = autoencoder.input_names
autoencoder.add_loss(tf.reduce_mean(outputs))
checkpoint = tf.keras.callbacks.ModelCheckpoint("my_diffusion_model")
autoencoder.save("my_mirrored_model")
loaded = tf.keras.models.load_model("my_mirrored_model")
layer = tf.keras.layers.InputLayer(input_shape=[28, 28])
"""
LEGACY = 'import os\nos.environ["TF_USE_LEGACY_KERAS"] = "1"\nimport tf_keras\n'


def _codes(source: str, target: Target):
    return sorted({f.code for f in check_source(source, Settings(target=target))})


@pytest.mark.parametrize(
    "statement, sets",
    [
        ('os.environ["TF_USE_LEGACY_KERAS"] = "1"', True),
        ("os.environ['TF_USE_LEGACY_KERAS'] = 'True'", True),
        ('os.environ.setdefault("TF_USE_LEGACY_KERAS", "1")', True),
        ('os.environ.update(TF_USE_LEGACY_KERAS="true")', True),
        ('os.environ["TF_USE_LEGACY_KERAS"] = "0"', False),
        ('os.environ["TF_USE_LEGACY_KERAS"] = flag', False),  # not known here
        ('print("TF_USE_LEGACY_KERAS")', False),
    ],
)
def test_the_variable_is_read_where_the_module_sets_it_true(statement, sets):
    assert sets_legacy_tf_keras(ast.parse(f"import os\n{statement}\n")) is sets


def test_tf_keras_uses_are_keras_3_findings_without_the_variable():
    # the control: the same uses on Keras 3's tf.keras (TF >= 2.16 without the variable)
    assert _codes(USES, Target.KERAS3) == [
        "KER120", "KER124", "KER208", "KER220", "KER230", "KER231", "KER320", "KER322", "KER405",
    ]  # fmt: skip


@pytest.mark.parametrize("target", [Target.KERAS3, Target.TF_KERAS])
def test_tf_keras_is_tf_keras_where_the_module_sets_the_variable(target):
    assert _codes(LEGACY + USES, target) == []  # no KER402 either: tf.keras and tf_keras are one Keras here


def test_a_false_variable_keeps_tf_keras_keras_3s():
    source = LEGACY.replace('"1"', '"0"') + USES
    assert "KER402" in _codes(source, Target.KERAS3) and "KER320" in _codes(source, Target.KERAS3)


def test_tf_keras_objects_are_keras_2s_on_keras3():
    # tf_keras's KerasTensors take TensorFlow ops, its functional models add_loss, and it saves and loads
    # SavedModel folders: no KER320, KER322, KER208 or KER220 (KER230 and KER120 left tf_keras alone already)
    source = USES.replace("tf.keras.", "tf_keras.").replace(
        "import tensorflow as tf\n", "import tensorflow as tf\nimport tf_keras\n"
    )
    assert _codes(source, Target.KERAS3) == []


_PROOF = (
    LEGACY
    + "import numpy as np\n"
    + USES.replace("import tensorflow_hub as hub\n", "").replace(
        '    hub.KerasLayer("https://tfhub.dev/google/nnlm-en-dim50/2"),\n', ""
    )
    + (
        "autoencoder.compile(loss='mse', optimizer='adam')\n"
        "autoencoder.fit(np.ones((4, 5)), np.ones((4, 3)), epochs=1, verbose=0, callbacks=[checkpoint])\n"
        "assert tf.keras.layers.Dense is tf_keras.layers.Dense\n"
        "print('ran on tf_keras', tf_keras.__version__)\n"
    )
)


@pytest.mark.slow
def test_the_uses_run_on_tf_keras_through_the_variable(tf215_python, tmp_path):
    found = subprocess.run([tf215_python, "-c", "import tf_keras"], capture_output=True, env={**os.environ})
    if found.returncode:
        pytest.skip("tf_keras is not importable beside TensorFlow 2.15 (pip install tf_keras==2.15.1)")
    done = subprocess.run(
        [tf215_python, "-c", _PROOF], cwd=tmp_path, capture_output=True, text=True, timeout=600,
        env={**os.environ, "TF_CPP_MIN_LOG_LEVEL": "2"},
    )  # fmt: skip
    assert done.returncode == 0 and "ran on tf_keras 2.15.1" in done.stdout, done.stderr[-3000:]


_SHARED = (
    "d = keras.Sequential([keras.layers.Dense(1)])\nc = keras.Sequential([keras.layers.Dense(4)])\n"
    "opt = keras.optimizers.{kind}(2e-4, 0.5)\nd.compile(loss='mse', optimizer=opt)\n"
    "c.compile(loss='mse', optimizer=opt)\n{first}.train_on_batch(x, y)\n{second}.train_on_batch(x, y)\n"
)


def test_a_tf_keras_optimizer_shared_on_keras3_is_judged_as_tf_2_15s():
    """KER229 on keras3 with tf_keras (Keras 2) or TF_USE_LEGACY_KERAS: the legacy optimizers make slots per
    variable (tests/data/api_programs/tf_shared_legacy_optimizer_runs.py, TF 2.15.1) and are not reported; the
    new ones fail as TF 2.15.1's, with its KeyError, and only where the model compiled first is trained first."""
    for header in ("import tf_keras as keras\n", LEGACY + "import tensorflow as tf\nkeras = tf.keras\n"):
        legacy = header + _SHARED.format(kind="legacy.Adam", first="d", second="c")
        assert "KER229" not in _codes(legacy, Target.KERAS3)
    shared = "import tf_keras as keras\n" + _SHARED.format(kind="Adam", first="d", second="c")
    found = [f for f in check_source(shared, Settings(target=Target.KERAS3)) if f.code == "KER229"]
    assert len(found) == 1 and "KeyError" in found[0].message and "TF 2.15.1" in found[0].message
    later = "import tf_keras as keras\n" + _SHARED.format(kind="Adam", first="c", second="d")
    assert "KER229" not in _codes(later, Target.KERAS3)


def test_a_tf_keras_model_resumed_from_an_h5_file_is_no_finding_on_keras3():
    """KER216: tf_keras's load_model is Keras 2's, which resumes training from a legacy .h5 file
    (tests/data/api_programs/tf_h5_training_resumed_runs.py, TF 2.15.1)."""
    for header in ("import tf_keras as keras\n", LEGACY + "import tensorflow as tf\nkeras = tf.keras\n"):
        source = header + "model = keras.models.load_model('best.h5')\nmodel.fit(x, y)\n"
        assert "KER216" not in _codes(source, Target.KERAS3)
    assert "KER216" in _codes(
        "import keras\nmodel = keras.models.load_model('best.h5')\nmodel.fit(x, y)\n", Target.KERAS3
    )


def test_a_module_of_the_tf_keras_package_only_is_judged_as_keras_2_on_keras3():
    # tf_keras 2.15 is keras 2.15: its models keep fit_generator (deprecated) and fill `training` into **kwargs; the
    # public backend has neither identity nor get_session (run on TF 2.15.1); corpus triage 15 (tf-keras's own code)
    source = (
        "import tf_keras as keras\n\ndef train(m):\n    m.fit_generator(gen)\n"
        "    return keras.backend.get_session()\n\n"
        "class MyLayer(keras.layers.Layer):\n    def call(self, inputs, **kwargs):\n"
        "        training = kwargs.get('training')\n        return inputs\n"
    )
    findings = [f for f in check_source(source, Settings(target=Target.KERAS3)) if f.code != "KER307"]
    assert [(f.code, f.line) for f in findings] == [("KER112", 4), ("KER111", 5)]  # (KER307, off by default, too)
    # the messages name the target judged, and why it is not the run's (corpus triage 16)
    assert all("on target tf.keras (this module uses only tf_keras, Keras 2)" in f.message for f in findings)
    assert "deprecated" in findings[0].message
    mixed = "import keras as keras3\n" + source  # Keras 3 beside it: judged as Keras 3
    assert ("KER302", 10) in [(f.code, f.line) for f in check_source(mixed, Settings(target=Target.KERAS3))]


def test_tf_keras_s_own_code_mixes_nothing_with_tf_keras(tmp_path):
    """tf_keras's integration tests live below `tf_keras/` (in folders of no `__init__.py`), use `tensorflow.keras`
    and import `tf_keras` helpers: they run with TF_USE_LEGACY_KERAS, where tf.keras is tf_keras (corpus triage 16:
    13 KER402 findings per target). The same module elsewhere mixes two Keras."""
    from kerascheck.runner import check_text

    source = (
        "from tensorflow import keras\nfrom tf_keras.integration_test.models.input_spec import InputSpec\n"
        "model = keras.Sequential([keras.layers.Dense(2)])\n"
    )
    package = tmp_path / "tf_keras"
    (package / "integration_test" / "models").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    inside = package / "integration_test" / "models" / "mini.py"
    outside = tmp_path / "mini.py"
    for path in (inside, outside):
        path.write_text(source)

    def codes(path):
        return {f.code for f in check_text(source, Settings(target=Target.TF_KERAS), "models.mini", path=str(path))}

    assert "KER402" not in codes(inside)
    assert "KER402" in codes(outside)
