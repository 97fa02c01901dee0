"""Precision of the import and API rules: one finding per problem, where the problem is; nothing on
Keras's own sources; messages that say what the target really does (each proved on the real Keras)."""

from __future__ import annotations

import pytest

from kerascheck.catalog.model import Target
from kerascheck.config import Settings
from kerascheck.engine import check_source
from kerascheck.fix import apply_fixes

K3, TF = Target.KERAS3, Target.TF_KERAS


def _found(source: str, target: Target, module_name=None):
    return [(f.code, f.line) for f in check_source(source, Settings(target=target), module_name) if f.code >= "KER1"]


# -- Keras's own packages -------------------------------------------------------------------------------
_OWN_IMPORTS = (
    "from keras.src.layers import Dense\nimport keras.src.backend\n"
    "from keras.layers.convolutional import Conv2D\nfrom keras.optimizers.legacy import Adam\n"
    "import tensorflow as tf\nx = tf.keras.utils.np_utils\n"
)


@pytest.mark.parametrize("target", [TF, K3])
@pytest.mark.parametrize("module_name", ["keras.layers.__init__", "keras.src.engine.training", "tf_keras.src.x"])
def test_import_rules_are_silent_inside_a_keras_package(module_name, target):
    user = {code for code, _ in _found(_OWN_IMPORTS, target, "mypkg.models")}
    assert "KER103" in user and user & {"KER101", "KER102"}  # the same lines in a user's module are reported
    own = {code for code, _ in _found(_OWN_IMPORTS, target, module_name)}
    assert not own & {"KER101", "KER102", "KER103"}
    # the import findings are memoised per statement: the cache must tell the two modules apart
    assert {code for code, _ in _found(_OWN_IMPORTS, target, "mypkg.models")} == user


def test_a_package_merely_named_like_keras_is_a_users():
    assert ("KER103", 1) in _found("from keras.src.layers import Dense\n", K3, "keras_tools.models")


# -- one finding per problem ----------------------------------------------------------------------------
def test_backend_call_is_one_ker115_finding_and_the_import_line_none():
    source = "from keras import backend as K\nx = K.square(y)\nz = K.mean(x, axis=1)\n"
    assert _found(source, K3) == [("KER115", 2), ("KER115", 3)]
    text, applied = apply_fixes(source, check_source(source, Settings(target=K3)))
    assert applied == 2
    assert text == "from keras import ops, backend as K\nx = ops.square(y)\nz = ops.mean(x, axis=1)\n"


def test_backend_call_keras3_cannot_fix_is_still_reported_by_ker111():
    # K.shape means something else in keras.ops: KER115 does not take it, KER111 reports it
    assert ("KER111", 2) in _found("from keras import backend as K\ns = K.shape(x)\n", K3)


@pytest.mark.parametrize("target", [TF, K3])
def test_a_specific_rule_holding_the_general_ones_finding_reports_the_problem_alone(target):
    # KER114 explains `image_dim_ordering` and fixes it; KER111's finding inside its call is the same problem
    compared = "from keras import backend as K\naxis = 1 if K.image_dim_ordering() == 'th' else -1\n"
    assert _found(compared, target) == [("KER114", 2)]
    # not compared with a literal: KER114 does not take it, KER111 still reports the missing name
    assert _found("from keras import backend as K\nordering = K.image_dim_ordering()\n", target) == [("KER111", 2)]


@pytest.mark.parametrize("target", [TF, K3])
def test_a_missing_argument_is_reported_only_where_python_gets_to_it(target):
    # run on both: `predict(generator=g)` raises on the unexpected keyword, `Dense(units_=3)` on the missing `units`
    # (Dense takes **kwargs: the keyword is only looked at after binding)
    source = "import keras\nm = keras.Sequential()\nm.predict(generator=g)\nlayer = keras.layers.Dense(units_=3)\n"
    messages = [(f.line, f.message) for f in check_source(source, Settings(target=target)) if f.code == "KER230"]
    assert [line for line, _ in messages] == [3, 4, 4]
    assert "`generator=` is no parameter" in messages[0][1]
    assert "lacks its required argument `units`" in messages[1][1]


_EITHER_BACKEND = (
    "import tensorflow as tf\ntf_version = helpers.tf_major_version()\nif tf_version == 1:\n"
    "    from keras import backend as K\nelse:\n    from tensorflow.keras import backend as K\n"
)


def test_a_name_branches_bind_to_either_keras_is_judged_by_a_branch_that_has_what_it_reads():
    # deepface (corpus triage 16): on Keras 3, tf.keras's backend keeps int_shape and sqrt, keras.backend does not
    assert _found(_EITHER_BACKEND + "shape = K.int_shape(x)\nnorm = K.sqrt(x)\n", K3) == []
    # a name neither branch's Keras has is still reported
    assert _found(_EITHER_BACKEND + "ordering = K.image_dim_ordering()\n", K3) == [("KER111", 7)]


# -- Keras 3's legacy optimizers: importable stubs ------------------------------------------------------
def test_legacy_optimizers_on_keras3_import_but_raise_when_created():
    source = "from keras.optimizers.legacy import Adam\nopt = Adam(learning_rate=0.1)\n"
    found = [f for f in check_source(source, Settings(target=K3)) if f.code >= "KER1"]
    assert [(f.code, f.line) for f in found] == [("KER102", 1), ("KER111", 2)]
    assert "importable, but each optimizer in it raises ImportError when created" in found[0].message
    assert "`Adam` raises ImportError when created on target keras3" in found[1].message
    assert "missing" not in found[0].message and "does not exist" not in found[1].message


def test_legacy_optimizers_missing_from_the_stub_module_do_not_exist():
    source = "from keras.optimizers.legacy import Nadam\n"
    found = [f for f in check_source(source, Settings(target=K3)) if f.code == "KER111"]
    assert len(found) == 1 and "`Nadam` does not exist on target keras3" in found[0].message


# -- "did you mean": plausible typos only ---------------------------------------------------------------
@pytest.mark.parametrize(
    "call, nearest",
    [
        ("keras.layers.Dense(3, activaton='relu')", "activation"),
        ("keras.layers.Dense(3, kernal_initializer='zeros')", "kernel_initializer"),
        ("keras.layers.Dense(3, use_bais=False)", "use_bias"),
        ("keras.Sequential().fit(x, y, epoch=3)", "epochs"),
        ("keras.Sequential().fit(x, y, batchsize=3)", "batch_size"),
        # relatives and renames are no typos
        ("keras.layers.Dense(3, weights=w)", None),
        ("keras.layers.LSTM(3, batch_input_shape=(1, 2, 3))", None),
        ("keras.Sequential().fit(x, y, workers=2)", None),
    ],
)
def test_did_you_mean_only_for_plausible_typos(call, nearest):
    source = f"import keras\nm = keras.Sequential()\n{call.replace('keras.Sequential()', 'm')}\n"
    found = [f for f in check_source(source, Settings(target=K3)) if f.code == "KER230"]
    assert len(found) == 1
    if nearest is None:
        assert "did you mean" not in found[0].text
    else:
        assert f"did you mean `{nearest}=`?" in found[0].text


# -- typed receivers --------------------------------------------------------------------------------------
def test_a_loop_over_a_models_layers_types_the_loop_variable():
    source = (
        "import keras\nmodel = keras.models.load_model('m.keras')\n"
        "for layer in model.layers:\n    layer.output_shape\n"
        "for i, each in enumerate(model.layers[1:]):\n    each.output_shape\n"
        "for other in things.layers:\n    other.output_shape\n"
        "def f(model):\n    for layer in model.layers:\n        layer.output_shape\n"
        "def g():\n    for layer in model.layers:\n        layer = wrap(layer)\n        layer.output_shape\n"
    )
    assert [(code, line) for code, line in _found(source, K3) if code == "KER120"] == [("KER120", 4), ("KER120", 6)]
    assert [code for code, _ in _found(source, TF) if code == "KER120"] == []  # tf.keras layers have it


def test_layer_loops_are_read_on_any_line_ending():
    source = (
        "import keras\r\nmodel = keras.models.load_model('m.keras')\r\n"
        "for layer in model.layers: layer.output_shape\r\n"
        "for i, each in enumerate(model.layers): each.output_shape"  # the last line, without a line break
    )
    assert [(code, line) for code, line in _found(source, K3) if code == "KER120"] == [("KER120", 3), ("KER120", 4)]


def test_keys_refused_only_in_some_combination_are_taken():
    # run on TF 2.15.1: both bind (InputLayer refuses batch_input_shape only beside input_shape,
    # TextVectorization a dtype other than string)
    source = (
        "from tensorflow import keras\nkeras.layers.InputLayer(batch_input_shape=(None, 3))\n"
        "keras.layers.TextVectorization(dtype='string')\n"
    )
    assert [code for code, _ in _found(source, TF) if code == "KER230"] == []


def test_backend_calls_fixed_in_a_notebook_whose_import_is_in_another_cell(tmp_path, kerascheck):
    import json

    cells = [["from keras import backend as K\n"], ["y = K.square(x)\n", "z = K.mean(y)\n"]]
    notebook = {
        "cells": [
            {"cell_type": "code", "metadata": {}, "source": s, "outputs": [], "execution_count": None} for s in cells
        ],
        "metadata": {},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    path = tmp_path / "n.ipynb"
    path.write_text(json.dumps(notebook))
    kerascheck("--no-config", "--keras-target", "keras3", "--fix", "n.ipynb", cwd=tmp_path)
    sources = ["".join(cell["source"]) for cell in json.loads(path.read_text())["cells"]]
    assert sources == ["from keras import ops, backend as K\n", "y = ops.square(x)\nz = ops.mean(y)\n"]


def test_receivers_that_cannot_be_typed_are_not_looked_at():
    from kerascheck.rules.objects import _may_be_typed

    text = "a = os.path\nb = model.fit\nc = f(x).fit\nd = m.layers[0].output\ne = (\n    m\n    .fit)\nf = x . fit\n"
    receivers = frozenset({"model", "x"})
    dots = [index for index, char in enumerate(text) if char == "."]
    assert [_may_be_typed(text, dot, receivers) for dot in dots] == [False, True, False, False, True, True, True]
    assert _may_be_typed(text, text.index("(x).fit") + 3, receivers, {"f"})


def test_a_call_result_is_looked_at_only_where_its_callee_may_type_it():
    from kerascheck.rules.objects import _may_be_typed

    callees = frozenset({"keras", "build"})
    cases = {
        "y = ov.add(a, b).output(0)": False,  # another library's call: never typed
        "y = keras.Sequential([\n    layer,\n]).output": True,
        "y = build().output": True,  # the module's own function
        "y = self.model.get_layer(name).output": True,
        "y = make(name)(x).output": True,  # a call's result called: not shown plainly
        "y = (a or b)(x).output": True,
        "y = ov.add(f'{a}', b).output": True,  # a string inside: not read
        "y = x . add(a).output": True,
        "y = ops.add(tensor(1), b).output": False,
    }
    for line, expected in cases.items():
        assert _may_be_typed(line, line.rindex(".output"), frozenset(), callees) is expected, line


def test_optimizer_weights_are_judged_only_where_the_optimizer_cannot_be_a_legacy_one():
    # run on TF 2.15.1: a legacy optimizer keeps get_weights/weights, the TF 2.11+ one has neither
    legacy = (
        "import tensorflow as tf\nmodel = tf.keras.Sequential([tf.keras.layers.Dense(1, input_shape=(3,))])\n"
        "model.compile(optimizer=tf.keras.optimizers.legacy.Adam(), loss='mse')\nmodel.optimizer.get_weights()\n"
        "opt = tf.keras.optimizers.legacy.SGD()\nopt.get_weights(), opt.weights\n"
    )
    assert [code for code, _ in _found(legacy, TF) if code == "KER120"] == []
    current = legacy.replace("legacy.", "")
    assert [(code, line) for code, line in _found(current, TF) if code == "KER120"] == [
        ("KER120", 4), ("KER120", 6), ("KER120", 6)
    ]  # fmt: skip


def test_a_layer_that_defines_its_weights_property_may_set_it():
    source = (
        "from tensorflow import keras\nclass Scale(keras.layers.Layer):\n"
        "    @property\n    def trainable_weights(self):\n        return self._mine\n"
        "    @trainable_weights.setter\n    def trainable_weights(self, value):\n        self._mine = value\n"
        "    def build(self, input_shape):\n        self.trainable_weights = []\n"
    )
    for target in (TF, K3):
        assert [code for code, _ in _found(source, target) if code == "KER120"] == []


def test_metrics_names_of_a_model_compiled_without_metrics_beside_one_with():
    source = (
        "import keras\na = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])\n"
        "a.compile(loss='mse', metrics=['mae'])\nb = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])\n"
        "b.compile(loss='mse')\nprint(b.metrics_names, a.metrics_names)\n"
    )  # run on Keras 3.15.1: b.metrics_names is ['loss'], a's ['loss', 'compile_metrics']
    assert [(code, line) for code, line in _found(source, K3) if code == "KER121"] == [("KER121", 6)]
    found = [f for f in check_source(source, Settings(target=K3)) if f.code == "KER121"]
    assert [f.col for f in found] == [source.splitlines()[5].index("a.metrics_names")]


def test_add_metric_is_reported_where_it_is_called():
    source = (
        "import keras\nclass Probe(keras.layers.Layer):\n    def call(self, inputs, training=None):\n"
        "        record = self.add_metric\n        self.add_metric(inputs, name='mean')\n        return inputs\n"
    )
    assert [(code, line) for code, line in _found(source, K3) if code == "KER120"] == [("KER120", 5)]


def test_model_from_yaml_is_reported_where_tf_keras_calls_it():
    # run on TF 2.15.1: the import works, the call raises RuntimeError (removed for security)
    source = "from tensorflow.keras.models import model_from_yaml\nmodel = model_from_yaml(text)\n"
    found = [f for f in check_source(source, Settings(target=TF)) if f.code == "KER111"]
    assert [(f.line, f.message) for f in found] == [
        (2, "`model_from_yaml` raises RuntimeError when called (removed for security in TF 2.6) on target tf.keras")
    ]
    assert [line for code, line in _found(source, K3) if code == "KER111"] == [1, 2]


def test_base_logger_is_reported_where_tf_keras_creates_one():
    """Run on TF 2.15.1 (tests/data/api_programs/tf_base_logger.py): fit raises KeyError 'metrics' at the end of the
    first epoch; importing the class, naming it as a base or in isinstance() is fine, and so is a training loop of
    the module's own, which sets params['metrics'] (Keras 2's engine/training_arrays.py) (probe 11 MISS-7)."""
    source = (
        "from tensorflow.keras.callbacks import BaseLogger\nclass Quiet(BaseLogger):\n    pass\n"
        "ok = isinstance(object(), BaseLogger)\nmodel.fit(x, y, callbacks=[BaseLogger()])\n"
        "logs = [History()]\nlogs.append(BaseLogger())\nmodel.fit(x, y, callbacks=logs)\n"
        "own = [BaseLogger()] + callbacks\n"  # a training loop of the module's own (Keras 2's engine sets params)
    )
    found = [f for f in check_source(source, Settings(target=TF)) if f.code == "KER111"]
    assert [(f.line, f.col) for f in found] == [(5, 27), (7, 12)]
    assert "makes `fit` raise `KeyError: 'metrics'`" in found[0].message
    assert [line for code, line in _found(source, K3) if code == "KER111"] == [1, 2, 4, 5, 7, 9]


def test_backend_gradients_is_reported_on_tf_keras_unless_eager_execution_is_off():
    """TF 2.15.1 runs `K.gradients` only in graph mode (tests/data/api_programs/tf_backend_gradients_eager.py
    raises in eager mode); a TF 1 style module that disables eager execution calls it fine."""
    eager = "from tensorflow.keras import backend as K\ngrads = K.gradients(loss, inputs)\n"
    assert [(code, line) for code, line in _found(eager, TF) if code == "KER111"] == [("KER111", 2)]
    graph = "import tensorflow as tf\ntf.compat.v1.disable_eager_execution()\n" + eager
    assert [code for code, _ in _found(graph, TF) if code == "KER111"] == []


def test_tf_keras_objects_keep_their_api_on_the_keras3_target():
    """tf_keras (Keras 2 kept for TF >= 2.16) takes what tf.keras 2.15 took: `Dense(weights=…)`, `fit(workers=…)`,
    `add_weight(name, shape, experimental_autocast=…)`; Keras 3's tables are not its API."""
    source = (
        "import tf_keras\nd = tf_keras.layers.Dense(3, weights=w)\nm = tf_keras.models.load_model('m.h5')\n"
        "m.fit(x, workers=4)\nclass L(tf_keras.layers.Layer):\n    def build(self, s):\n"
        "        self.w = self.add_weight('w', (3,), experimental_autocast=False)\n"
    )
    assert [code for code, _ in _found(source, K3) if code in ("KER120", "KER207", "KER230", "KER231")] == []
    keras3 = source.replace("tf_keras", "keras")
    assert {line for code, line in _found(keras3, K3) if code in ("KER207", "KER230")} == {2, 4, 7}


def test_add_weight_with_the_shape_first_is_reported_on_tf_keras():
    """Keras 1 / 2.0's `add_weight(shape, initializer=…, name=…)` gives `name` twice to tf.keras's
    `add_weight(name=None, shape=None, …)` (tests/data/api_programs/tf_add_weight_shape_first.py); Keras 3
    takes the shape first."""
    source = (
        "from tensorflow import keras\nclass Scale(keras.layers.Layer):\n    def build(self, input_shape):\n"
        "        self.w = self.add_weight((input_shape[-1],), initializer='ones', name='w')\n"
    )
    assert [(code, line) for code, line in _found(source, TF) if code == "KER230"] == [("KER230", 4)]
    assert [code for code, _ in _found(source.replace("from tensorflow import", "import"), K3)] == []


def test_outputs_is_read_only_on_keras3_models_keras_builds_not_on_subclasses():
    """Keras 3.15.1 refuses `model.outputs = […]` on a functional or Sequential model
    (tests/data/api_programs/k3_model_outputs_set.py) and takes a `keras.Model` subclass's `self.outputs = […]`
    (run)."""
    built = "import keras\nmodel = keras.models.load_model('m.keras')\nmodel.outputs = [model.layers[-2].output]\n"
    assert [(code, line) for code, line in _found(built, K3) if code == "KER120"] == [("KER120", 3)]
    subclass = (
        "import keras\nclass M(keras.Model):\n    def __init__(self):\n        super().__init__()\n"
        "        self.outputs = ['mine']\n"
    )
    assert [code for code, _ in _found(subclass, K3) if code == "KER120"] == []


def test_a_keras_call_result_is_typed_in_a_module_that_binds_no_keras_object():
    # run on TF 2.15.1: AttributeError: 'Sequential' object has no attribute 'predict_proba'
    source = (
        "from tensorflow import keras\nimport numpy as np\n"
        "print(keras.Sequential([keras.layers.Dense(1)]).predict_proba(np.zeros((1, 3))))\n"
    )
    assert [(code, line) for code, line in _found(source, TF) if code == "KER120"] == [("KER120", 3)]
    assert [code for code, _ in _found(source.replace(".predict_proba(", ".predict("), TF)] == []


def test_a_missing_attribute_read_where_the_module_catches_attribute_error_is_left_alone():
    # horovod's TF1 hack (corpus triage 15): `try: for u in self.updates: … except AttributeError: pass`; the
    # same read in a function defined inside the try runs later, outside it, and stays reported
    source = (
        "import tensorflow as tf\n\nclass Norm(tf.keras.layers.BatchNormalization):\n    def call(self, inputs):\n"
        "        outputs = super().call(inputs)\n        try:\n            for u in self.updates:\n"
        "                print(u)\n        except AttributeError:\n            pass\n        return outputs\n\n"
        "model = tf.keras.Sequential()\ntry:\n    labels = model.predict_classes(x)\nexcept AttributeError:\n"
        "    labels = model.predict(x).argmax(-1)\ntry:\n    def later():\n        return model.predict_classes(x)\n"
        "except AttributeError:\n    pass\nprint(model.state_updates)\n"
    )
    assert [(code, line) for code, line in _found(source, K3) if code in ("KER112", "KER120")] == [
        ("KER112", 20), ("KER120", 23)
    ]  # fmt: skip
    unguarded = source.replace("except AttributeError:", "except ValueError:")
    assert [(code, line) for code, line in _found(unguarded, K3) if code in ("KER112", "KER120")] == [
        ("KER120", 7), ("KER112", 15), ("KER112", 20), ("KER120", 23)
    ]  # fmt: skip


NESTED_BASE = (
    "import keras\nfrom keras import layers\n"
    "base = keras.applications.MobileNetV2(input_shape=(32, 32, 3), include_top=False, weights=None)\n"
)


@pytest.mark.parametrize(
    "nesting",
    [
        "model = keras.Sequential([base, layers.GlobalAveragePooling2D(), layers.Dense(2)])\n",
        "inputs = keras.Input(shape=(32, 32, 3))\nx = layers.Rescaling(1 / 255.0)(inputs)\n"
        "x = base(x, training=False)\n"
        "model = keras.Model(inputs, layers.Dense(2)(layers.GlobalAveragePooling2D()(x)))\n",
    ],
    ids=["sequential", "functional"],
)
def test_an_item_of_layers_may_be_a_nested_model(nesting):
    """`model.layers[0].output_shape` of a nested MobileNetV2 prints `(None, 1, 1, 1280)` on Keras 3.15.1 (held-out
    probe 19): Functional and Sequential keep `output_shape`, only plain layers lost it."""
    source = NESTED_BASE + nesting + "print(model.layers[0].output_shape, model.layers[2].output_shape)\n"
    assert "KER120" not in {code for code, _ in _found(source, Target.KERAS3)}


def test_an_item_of_layers_of_a_model_of_plain_layers_is_a_plain_layer():
    source = (
        "import keras\nfrom keras import layers\n"
        "model = keras.Sequential([keras.Input((3,)), layers.Dense(4), layers.Dense(1)])\n"
        "x = model.predict(data)\nprint(model.layers[-1].output_shape)\n"
    )
    assert [found for found in _found(source, Target.KERAS3) if found[0] == "KER120"] == [("KER120", 5)]


def test_a_member_made_by_a_method_of_the_class_is_typed():
    """The DQN agent of many tutorials: `self.model = self._build_model()`, then `self.model.optimizer.lr` raises
    AttributeError on Keras 3 (held-out probe 19). Another class holding a `self.model` of its own does not hide it."""
    source = (
        "import keras\n\n\nclass Agent:\n    def __init__(self):\n        self.model = self._build_model()\n\n"
        "    def _build_model(self):\n        model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(2)])\n"
        "        model.compile(loss='mse', optimizer='adam')\n        return model\n\n"
        "    def decay(self):\n        return self.model.optimizer.lr\n\n\n"
        "class Other:\n    def __init__(self):\n        self.model = object()\n"
    )
    found = [found for found in _found(source, Target.KERAS3) if found[0] == "KER120"]
    assert found == [("KER120", 14)]
    overridden = source + "\n\nclass Child(Agent):\n    def _build_model(self):\n        return object()\n"
    assert "KER120" not in {code for code, _ in _found(overridden, Target.KERAS3)}


# -- a name gone with its experimental module ---------------------------------------------------------------------
def test_a_chain_through_a_legacy_module_to_a_removed_name_is_reported_once_with_the_replacement():
    # Keras 3.15.1: keras.layers has no experimental (AttributeError), and no SyncBatchNormalization either
    source = "import tensorflow as tf\nbn = tf.keras.layers.experimental.SyncBatchNormalization()\n"
    found = [f for f in check_source(source, Settings(target=K3)) if f.code >= "KER1"]
    assert [(f.code, f.line) for f in found] == [("KER111", 2)]
    assert "BatchNormalization(synchronized=True)" in found[0].text
    assert check_source(source, Settings(target=Target.TF_KERAS)) == []


def test_an_import_from_a_legacy_module_says_the_public_module_lacks_the_name_too():
    source = "from keras.layers.experimental import SyncBatchNormalization, EinsumDense\n"
    found = {f.code: f for f in check_source(source, Settings(target=K3))}
    assert sorted(found) == ["KER102", "KER111"]
    assert found["KER102"].fix is None
    assert found["KER102"].text.endswith(
        "import from `keras.layers`; `keras.layers` has no `SyncBatchNormalization` on target keras3 either"
    )
