"""KER230 (a call that does not bind) and KER120 (an attribute the class lacks): what they report, what
they leave to the specific rules, and the receivers they never guess at."""

from __future__ import annotations

import pytest

from kerascheck.catalog.model import Target
from kerascheck.config import Settings
from kerascheck.engine import check_source
from kerascheck.fix import apply_fixes

K3, TF = Target.KERAS3, Target.TF_KERAS


def _found(source: str, target: Target, codes=("KER230", "KER231", "KER120")):
    return [f for f in check_source(source, Settings(target=target)) if f.code in codes]


def _codes(source: str, target: Target):
    return [(f.code, f.line, f.col) for f in check_source(source, Settings(target=target)) if f.code >= "KER1"]


@pytest.mark.parametrize(
    "source, target",
    [
        # untyped receivers: a parameter, a name bound twice, a loop variable, an attribute of self
        ("import keras\ndef f(model):\n    model.predict_proba(x)\n    model.fit(x, workers=2)\n", K3),
        ("import keras\nm = keras.Sequential()\nm = build()\nm.predict_proba(x)\n", K3),
        ("import keras\nfor m in models:\n    m.reset_states()\n", K3),
        ("import keras\nclass A:\n    def f(self):\n        self.model.predict_proba(x)\n", K3),
        # a custom layer defining the name itself, or dynamically, or with a base of unknown origin
        ("from keras import layers\nclass L(layers.Layer):\n    def reset_states(self):\n        pass\n"
         "    def f(self):\n        self.reset_states()\n", K3),
        ("from keras import layers\nclass L(layers.Layer):\n    def __init__(self):\n        self.updates = []\n"
         "    def f(self):\n        return self.updates\n", K3),
        ("from keras import layers\nclass L(layers.Layer):\n    def __getattr__(self, name):\n        pass\n"
         "    def f(self):\n        return self.output_shape\n", K3),
        ("from keras import layers\nfrom mine import Mixin\nclass L(Mixin, layers.Layer):\n"
         "    def f(self):\n        return self.output_shape\n", K3),
        # present on the target
        ("from tensorflow import keras\nm = keras.Sequential()\nm.layers[0].output_shape\nm.optimizer.lr\n", TF),
        ("import keras\nm = keras.Sequential()\nm.output_shape\nm.build()\n", K3),
        ("import keras\nm = keras.models.load_model('m.keras')\nm.build()\n", K3),
        # calls that bind
        ("import keras\nkeras.layers.Dense(3, input_shape=(4,))\nkeras.layers.Conv2D(8, 3, 2, padding='same')\n", K3),
        ("from tensorflow import keras\nkeras.layers.Embedding(10, 4, input_length=5)\n", TF),
        ("import keras\nkeras.layers.Dense(*args, **kwargs)\nkeras.layers.Dense(**config)\n", K3),
        # tried, and the failure handled: the program's fallback for the other Keras
        ("import keras\nm = keras.Sequential()\ntry:\n    m.fit(x, workers=4)\nexcept TypeError:\n    m.fit(x)\n", K3),
        ("import keras\nm = keras.Sequential()\ntry:\n    m.fit(x, workers=4)\nexcept Exception:\n    m.fit(x)\n", K3),
    ],
)  # fmt: skip
def test_nothing_reported(source, target):
    assert _found(source, target) == []


def test_specific_rules_explain_their_problems_alone():
    keras1 = "from keras.layers import Dense, Convolution2D\nDense(output_dim=3)\nConvolution2D(64, 3, 3)\n"
    assert [code for code, _, _ in _codes(keras1, TF) if code == "KER230"] == []
    lr = "from keras.optimizers import Adam, SGD\nAdam(lr=0.1)\nSGD(0.1, decay=0.1)\n"
    assert {code for code, _, _ in _codes(lr, K3)} >= {"KER205", "KER206"}
    assert "KER230" not in {code for code, _, _ in _codes(lr, K3)}
    yaml = "import keras\nm = keras.Sequential()\nm.to_yaml()\n"
    assert [code for code, _, _ in _codes(yaml, K3) if code in ("KER120", "KER221")] == ["KER221"]


def test_unknown_keyword_names_the_nearest_and_what_keras_does():
    (finding,) = _found("import keras\nkeras.layers.Dense(3, activaton='relu')\n", K3)
    assert (finding.line, finding.col, finding.end_col) == (2, 22, 31)
    assert "`activaton=` is no parameter of `Dense`" in finding.message and "ValueError" in finding.message
    assert finding.fix_title == "Did you mean `activation=`?"
    (tf,) = _found("from tensorflow import keras\nkeras.layers.Dense(3, activaton='relu')\n", TF)
    assert "TypeError" in tf.message


def test_argument_given_twice_and_missing():
    twice, missing = _found("import keras\nkeras.layers.Conv2D(64, 1, 1, strides=2)\nkeras.layers.Dense()\n", K3)
    assert "`strides` of `Conv2D` is given both positionally and as `strides=`" in twice.message
    assert "lacks its required argument `units`" in missing.message and missing.line == 3


def test_too_many_positionals_say_which_bind_and_whether_a_keyword_can_take_the_rest():
    """Keras 2.x's `self.add_update(updates, inputs)` in a custom layer: TF 2.15.1's `add_update(updates)` takes nothing
    more (tests/data/api_programs/tf_add_update_inputs.py raises TypeError there): "pass it by keyword" is no remedy."""
    layer = (
        "from tensorflow import keras\nclass L(keras.layers.Layer):\n    def call(self, x):\n"
        "        self.add_update([], x)\n        return x\n"
    )
    (finding,) = _found(layer, TF)
    assert (finding.line, finding.col) == (4, 28)
    assert "at most 1 bind (`updates`)" in finding.message and finding.fix_title == "Drop the others: it takes no more"
    (open_call,) = _found("import keras\nkeras.layers.Dropout(0.5, None, 1, 'drop')\n", K3)  # `name=` by keyword
    assert open_call.fix_title == "Pass the others by keyword"


def test_methods_of_typed_models_are_checked():
    source = (
        "import keras\nm = keras.Sequential()\nm.compile('adam', 'mse', target_tensors=[y])\nm.fit(x, y, workers=4)\n"
    )
    found = _found(source, K3)
    assert [(f.line, f.message.split("`")[1]) for f in found] == [(3, "target_tensors="), (4, "workers=")]
    # tf.keras takes workers=; its compile refuses target_tensors= (run on TF 2.15.1: ValueError)
    assert [(f.line, f.message.split("`")[1]) for f in _found(source, TF)] == [(3, "target_tensors=")]


@pytest.mark.parametrize(
    "source, fixed",
    [
        ("import keras\nkeras.layers.Embedding(10, 4, input_length=5)\n",
         "import keras\nkeras.layers.Embedding(10, 4)\n"),
        ("import keras\nkeras.layers.Embedding(input_length=5, input_dim=10, output_dim=4)\n",
         "import keras\nkeras.layers.Embedding(input_dim=10, output_dim=4)\n"),
        ("import keras\nkeras.layers.Embedding(10,\n    4,  # size\n    input_length=5)\n",
         "import keras\nkeras.layers.Embedding(10,\n    4,  # size\n    input_length=5)\n"),  # a comment: no fix
    ],
)  # fmt: skip
def test_ignored_keyword_is_deleted(source, fixed):
    found = _found(source, K3)
    assert len(found) == 1 and "logs a warning and ignores it" in found[0].message
    assert apply_fixes(source, found)[0] == fixed


@pytest.mark.parametrize(
    "source, at, fixed",
    [
        ("import keras\nclass C(keras.callbacks.Callback):\n    def on_epoch_end(self, epoch, logs=None):\n"
         "        keras.backend.set_value(self.model.optimizer.lr, 0.1)\n", (4, 32),
         "import keras\nclass C(keras.callbacks.Callback):\n    def on_epoch_end(self, epoch, logs=None):\n"
         "        keras.backend.set_value(self.model.optimizer.learning_rate, 0.1)\n"),
        ("import keras\nm = keras.models.load_model('m.keras')\nopt = m.optimizer\nopt.lr\n", (4, 0),
         "import keras\nm = keras.models.load_model('m.keras')\nopt = m.optimizer\nopt.learning_rate\n"),
        ("import keras\nm = keras.applications.ResNet50()\nm.get_layer('a').output_shape\n", (3, 0), None),
        ("import keras\nm = keras.Sequential()\nprint(m.layers[-1].output_shape)\n", (3, 6), None),
        ("import keras\nmet = keras.metrics.Mean()\nmet.reset_states()\n", (3, 0),
         "import keras\nmet = keras.metrics.Mean()\nmet.reset_state()\n"),
        ("import keras\nm = keras.Sequential()\nif ready:\n    m._make_predict_function()\n", (4, 4),
         "import keras\nm = keras.Sequential()\nif ready:\n    pass\n"),
    ],
)  # fmt: skip
def test_missing_attributes_on_keras3(source, at, fixed):
    (finding,) = _found(source, K3)
    assert (finding.line, finding.col) == at and "AttributeError" in finding.message
    assert apply_fixes(source, [finding])[0] == (fixed or source)


def test_predict_proba_is_missing_on_both_targets():
    source = "from tensorflow import keras\nm = keras.models.Sequential()\nm.predict_proba(x, batch_size=8)\n"
    for target in (TF, K3):
        (finding,) = _found(source, target)
        assert "Keras 2 `predict_proba` returned exactly what `predict` returns" in finding.fix_title
        assert apply_fixes(source, [finding])[0].endswith("m.predict(x, batch_size=8)\n")


def test_keywords_the_target_takes_are_warnings_apart_from_calls_that_fail():
    from kerascheck.rules import RULES_BY_CODE, Severity

    source = (
        "from tensorflow import keras\nkeras.callbacks.ModelCheckpoint('m.h5', period=5)\n"
        "keras.callbacks.TensorBoard(write_grads=True, histogram_frequency=1)\n"
    )
    on_tf = [(f.code, f.message.split("`")[1]) for f in _found(source, TF)]
    # TF 2.15.1 honours period= and ignores write_grads= (each with a warning); the unknown key raises
    assert on_tf == [("KER231", "period="), ("KER231", "write_grads="), ("KER230", "histogram_frequency=")]
    # Keras 3.15.1 has none of the three
    assert [f.code for f in _found(source, K3)] == ["KER230"] * 3
    assert RULES_BY_CODE["KER231"].severity is Severity.WARNING
    assert RULES_BY_CODE["KER230"].severity is Severity.ERROR


def test_a_tensorboard_keyword_given_a_false_value_is_not_reported_on_tf_keras():
    # TF 2.15.1 warns of write_grads, batch_size, embeddings_layer_names and embeddings_data only when true
    # (keras 2.15.0 keras/src/callbacks.py:2527-2550); False / None is what TF 2 does anyway (corpus triage 8)
    source = (
        "from tensorflow import keras\n"
        "keras.callbacks.TensorBoard(write_grads=False, batch_size=None, embeddings_layer_names=None,\n"
        "                            embeddings_data=[], histogram_freq=0)\n"
        "keras.callbacks.TensorBoard(write_grads=True, batch_size=32, embeddings_layer_names=['e'])\n"
    )
    found = [(f.code, f.line, f.message.split("`")[1]) for f in _found(source, TF)]
    assert found == [
        ("KER231", 4, "write_grads="),
        ("KER231", 4, "batch_size="),
        ("KER231", 4, "embeddings_layer_names="),
    ]
    # Keras 3.15.1 refuses each of them, whatever the value
    assert [f.code for f in _found(source, K3)] == ["KER230"] * 7


@pytest.mark.parametrize(
    "source, fixed",
    [
        # the module's only uses of `.lr` are on the typed optimizer: the store and the read are renamed together
        ("import keras\nopt = keras.optimizers.Adam(0.01)\nopt.lr = 0.5\nshown = opt.lr\n"
         "rate = float(opt.learning_rate)\n",
         "import keras\nopt = keras.optimizers.Adam(0.01)\nopt.learning_rate = 0.5\nshown = opt.learning_rate\n"
         "rate = float(opt.learning_rate)\n"),
        ("import keras\nmodel = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2)])\n"
         "model.compile(optimizer=keras.optimizers.SGD(0.01), loss='mse')\nmodel.optimizer.lr = 0.5\n"
         "rate = float(model.optimizer.learning_rate)\n",
         "import keras\nmodel = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2)])\n"
         "model.compile(optimizer=keras.optimizers.SGD(0.01), loss='mse')\nmodel.optimizer.learning_rate = 0.5\n"
         "rate = float(model.optimizer.learning_rate)\n"),
    ],
)  # fmt: skip
def test_setting_lr_is_reported_on_keras3_and_the_fix_sets_the_rate(real_keras3, source, fixed):
    found = _found(source, K3)
    assert found and "sets an attribute Keras never reads" in found[0].message
    assert all(f.fix is not None and not f.fix.safe for f in found)  # the program's training changes
    assert apply_fixes(source, found)[0] == source
    assert apply_fixes(source, found, unsafe=True)[0] == fixed
    before: dict = {}
    exec(compile(source, "<before>", "exec"), before)  # on Keras 3.15.1 the rate stays what it was
    after: dict = {}
    exec(compile(fixed, "<after>", "exec"), after)
    assert round(before["rate"], 6) == 0.01 and round(after["rate"], 6) == 0.5
    assert _found(source, TF) == []  # keras 2.15's optimizers have `lr` as a property with a setter


def test_setting_lr_beside_untyped_uses_is_not_fixed():
    source = "import keras\nopt = keras.optimizers.Adam()\nopt.lr = 0.5\nprint(schedule.lr)\n"
    (finding,) = _found(source, K3)
    assert finding.fix is None and "not fixed: the module also uses `.lr`" in finding.message
    # `+=` reads the attribute first: AttributeError on Keras 3.15.1 (unless the program set one)
    (augmented,) = _found("import keras\nopt = keras.optimizers.Adam()\nopt.lr *= 0.5\n", K3)
    assert "AttributeError" in augmented.message
    # a name no Keras release replaced is the program's own
    assert _found("import keras\nopt = keras.optimizers.Adam()\nopt.lr_base = 0.5\nopt.iterations_seen = 1\n", K3) == []


def test_a_sequential_models_input_and_output_on_keras3(real_keras3):
    source = (
        "import keras\n"
        "classifier = keras.Sequential([keras.Input((4,)), keras.layers.Dense(8), keras.layers.Dense(3)])\n"
        "extractor = keras.Model(classifier.input, classifier.layers[-2].output)\n"
        "shape = tuple(classifier.output.shape)\n"
    )
    found = _found(source, K3)
    assert [(f.line, f.message.split("`")[1]) for f in found] == [(3, "classifier.input"), (4, "classifier.output")]
    fixed = apply_fixes(source, found)[0]
    assert "keras.Model(classifier.inputs[0], classifier.layers[-2].output)" in fixed
    namespace: dict = {}
    exec(compile(fixed, "<fixed>", "exec"), namespace)  # runs on Keras 3.15.1
    assert namespace["shape"] == (None, 3)
    with pytest.raises(AttributeError):
        exec(compile(source, "<before>", "exec"), {})
    # tf.keras (keras 2.15): a Sequential model is a Functional one, with `input`; a loaded model may be either
    assert _found(source, TF) == []
    assert _found("import keras\nm = keras.models.load_model('m.keras')\nm.input\n", K3) == []


def test_a_present_attribute_that_fails_is_left_alone_where_the_program_makes_it_work():
    # the callback's data set by the program (run on TF 2.15.1: `f1.validation_data = (x, y)` before fit
    # makes `self.validation_data[0]` work), and a Sequential model called on a tensor, whose `input` is then set
    callback = (
        "from tensorflow import keras\nclass F1(keras.callbacks.Callback):\n"
        "    def on_epoch_end(self, epoch, logs=None):\n        print(self.validation_data[0])\n"
    )
    assert len(_found(callback, TF)) == 1
    assert _found(callback + "f1 = F1()\nf1.validation_data = (x, y)\n", TF) == []
    assert _found(callback + "f1 = F1()\nf1.validation_data = (x, y)\n", K3) == []
    sequential = "import keras\ns = keras.Sequential([keras.layers.Dense(3)])\nprint(s.input)\n"
    assert len(_found(sequential, K3)) == 1
    assert _found(sequential + "y = s(keras.Input((4,)))\n", K3) == []


def test_ker124_offers_a_near_name_only_for_the_name_written_last():
    """``keras.layers.Conv2d`` is a typo of ``Conv2D``; ``vgg16.vgg16.WEIGHTS_PATH`` (Keras 2.2's re-exported
    module) reads an attribute of a module Keras 3 lacks, which ``VGG16``, a function, would not have."""
    source = (
        "import keras\nfrom keras.applications import vgg16\nblock = keras.layers.Conv2d(8, 3)\n"
        "url = vgg16.vgg16.WEIGHTS_PATH_NO_TOP\n"
    )
    found = {f.line: f for f in check_source(source, Settings(target=Target.KERAS3)) if f.code == "KER124"}
    assert sorted(found) == [3, 4]
    assert found[3].fix_title == "Did you mean `Conv2D`?"
    assert "keras.applications.vgg16` has no `vgg16`" in found[4].message
    assert "Did you mean" not in found[4].fix_title


@pytest.mark.parametrize("target, utils", [(Target.KERAS3, "keras.utils"), (Target.TF_KERAS, "tensorflow.keras.utils")])
def test_ker102_names_where_the_imported_names_live(target, utils):
    """``get_source_inputs`` left ``keras.engine.topology`` for ``keras.utils`` (Keras 3.15.1 and TF 2.15.1:
    ``hasattr(keras.utils, "get_source_inputs")``, not ``keras.layers``; held-out probe 8)."""
    root = "keras" if target is Target.KERAS3 else "tensorflow.keras"
    legacy = f"{root}.engine.topology"
    source = f"from {legacy} import get_source_inputs\nfrom {legacy} import Layer, get_source_inputs\n"
    found = [f for f in check_source(source, Settings(target=target)) if f.code == "KER102"]
    assert [f.fix_title for f in found] == [
        f"Import from `{utils}`",
        f"Import from `{root}.layers` and `{utils}`",
    ]


def test_ker224_cites_the_compile_the_saved_file_keeps():
    """The file a load reads was written by the last save to its path, with the last compile before that save
    (the walk's order used to decide which compile a message cited; review)."""
    source = (
        "import keras\nseq = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])\nif True:\n"
        "    seq.compile(loss='mae')\n    seq.save('a.h5')\nseq.compile(loss='mse')\nseq.save('a.h5')\n"
        "keras.models.load_model('a.h5')\n"
    )
    found = [f for f in check_source(source, Settings(target=Target.KERAS3)) if f.code == "KER224"]
    assert len(found) == 1 and "loss='mse'` (line 6)" in found[0].message


_BUILD = (
    "from tensorflow import keras\n"
    "def build_model(n):\n"
    "    inputs = keras.Input(shape=(n,))\n"
    "    model = keras.Model(inputs, keras.layers.Dense(1)(inputs))\n"
    "    model.compile(loss='mse', optimizer='adam')\n"
    "    return model\n"
)


@pytest.mark.parametrize(
    "use, at",
    [
        ("model = build_model(4)\nmodel.optimizer.lr\n", (8, 0)),
        ("model = build_model(4)\nprint(model.layers[1].output_shape)\n", (8, 6)),
        ("clf = Wrapper(build_fn=build_model)\nmodel = build_model(4)\nmodel.reset_states()\n", (9, 0)),
        ("def train():\n    model = build_model(4)\n    model.predict_proba(x)\n", (9, 4)),
        ("def again(n):\n    return build_model(n)\nmodel = again(4)\nmodel.predict_proba(x)\n", (10, 0)),
    ],
)
def test_a_model_the_modules_own_function_returns_is_typed(use, at):
    (finding,) = _found(_BUILD + use, K3)
    assert (finding.line, finding.col) == at and finding.code == "KER120"


@pytest.mark.parametrize(
    "source",
    [
        # the name is bound again (an assignment, a parameter, a second def) or only mentioned
        _BUILD + "build_model = other\nmodel = build_model(4)\nmodel.predict_proba(x)\n",
        _BUILD + "def f(build_model):\n    model = build_model(4)\n    model.predict_proba(x)\n",
        _BUILD + "def build_model():\n    return None\nmodel = build_model()\nmodel.predict_proba(x)\n",
        _BUILD + "# see build_model\nmodel = build_model(4)\nmodel.predict_proba(x)\n",
        # what the function returns is not always a model
        _BUILD.replace("    return model\n", "    if n:\n        return model\n    return\n")
        + "model = build_model(4)\nmodel.predict_proba(x)\n",
        _BUILD.replace("    return model\n", "    if n:\n        return model\n    return n\n")
        + "model = build_model(4)\nmodel.predict_proba(x)\n",
        _BUILD.replace("    return model\n", "    if n:\n        return model\n")
        + "model = build_model(4)\nmodel.predict_proba(x)\n",
        _BUILD.replace("    return model\n", "    yield model\n    return model\n")
        + "model = build_model(4)\nmodel.predict_proba(x)\n",
        _BUILD.replace("def build_model", "@cache\ndef build_model")
        + "model = build_model(4)\nmodel.predict_proba(x)\n",
        # recursion: never typed through itself
        "import keras\ndef f(n):\n    return f(n - 1)\nm = f(3)\nm.predict_proba(x)\n",
    ],
)
def test_a_function_whose_result_is_not_surely_a_model_types_nothing(source):
    assert _found(source, K3) == []


def test_save_weights_beside_tf_keras_is_reported_only_on_a_model_the_module_makes():
    source = (
        "import os\nimport keras\ntry:\n    import tf_keras\nexcept ImportError:\n    tf_keras = None\n\n"
        "def check(legacy_model, out):\n    legacy_model.save_weights(os.path.join(out, 'weights.h5'))\n"
        "    fresh = keras.Sequential()\n    fresh.save_weights(os.path.join(out, 'weights.h5'))\n"
    )
    assert [(f.line, f.col) for f in _found(source, K3, codes=("KER208",))] == [(11, 23)]
    alone = source.replace("try:\n    import tf_keras\nexcept ImportError:\n    tf_keras = None\n", "")
    assert [f.line for f in _found(alone, K3, codes=("KER208",))] == [5, 7]


# -- super().__init__(…) of a custom layer or model: its keywords go to the Keras base's __init__ --------
_CLIP = "class Clip({base}):\n    def __init__(self, **kwargs):\n        super({args}).__init__({keywords}**kwargs)\n"


@pytest.mark.parametrize(
    "imports, base, args, keywords, target, expected",
    [
        # probe 12 MISS-1 (tests/data/api_programs/k3_layer_super_init_dynamic.py)
        ("import keras\n", "keras.layers.Layer", "", "dynamic=True, ", K3, [("KER230", 4, 25)]),
        ("import keras\n", "keras.layers.Layer", "Clip, self", "dynamic=True, ", K3, [("KER230", 4, 35)]),
        ("from tensorflow import keras\n", "keras.layers.Layer", "", "dynamic=True, ", TF, []),
        ("from tensorflow import keras\n", "keras.layers.Layer", "", "foo=1, ", TF, [("KER230", 4, 25)]),
        # a Keras 1 keyword: no specific rule reads super() calls (tf_dense_super_init_output_dim.py)
        ("from tensorflow import keras\n", "keras.layers.Dense", "", "output_dim=2, ", TF, [("KER230", 4, 25)]),
        ("import keras\n", "keras.layers.Embedding", "", "input_length=5, ", K3, [("KER231", 4, 25)]),
        # what the base takes, by name or through its closed **kwargs
        ("import keras\n", "keras.layers.Dense", "", "units=2, name='c', dtype='float32', input_dim=3, ", K3, []),
        # Model.__init__(*args, **kwargs) is open in the tables: nothing to say
        ("import keras\n", "keras.Model", "", "dynamic=True, ", K3, []),
        # super() of another class, or of a class with two bases: maybe not the Keras base's __init__
        ("import keras\n", "keras.layers.Layer", "Other, self", "dynamic=True, ", K3, []),
        ("import keras\nfrom mine import Mixin\n", "Mixin, keras.layers.Layer", "", "dynamic=True, ", K3, []),
        ("import keras\nclass Base(keras.layers.Layer):\n    def __init__(self, dynamic, **kwargs):\n"
         "        super().__init__(**kwargs)\n", "Base", "", "dynamic=True, ", K3, []),
        ("import keras\n", "keras.optimizers.Adam", "", "lr=0.1, ", K3, []),  # no layer or model: not read
    ],
)  # fmt: skip
def test_super_init_keywords_are_checked_against_the_keras_base(imports, base, args, keywords, target, expected):
    source = imports + _CLIP.format(base=base, args=args, keywords=keywords)
    offset = source.count("\n") - 4  # the super() call is the class's third line: numbered 4
    found = [(f.code, f.line - offset, f.col) for f in _found(source, target)]  # 0-based columns
    assert found == expected


# -- functools.partial(<Keras callable>, k=v): the keywords it binds are the later call's -------------------
@pytest.mark.parametrize(
    "source, target, expected",
    [
        # probe 12 MISS-4 (tests/data/api_programs/*_partial_optimizer_lr.py)
        ("import functools\nimport keras\nOpt = functools.partial(keras.optimizers.Adam, lr=3e-4)\n", K3,
         [("KER205", 3, 47)]),
        ("from functools import partial\nfrom tensorflow import keras\nOpt = partial(keras.optimizers.Adam, lr=3e-4)\n",
         TF, [("KER205", 3, 37)]),
        ("import functools as ft\nfrom keras.optimizers import SGD\n"
         "Opt = ft.partial(SGD, learning_rate=0.1, decay=1e-6)\n", TF, [("KER206", 3, 41)]),
        ("import functools\nimport keras\nD = functools.partial(keras.layers.Dense, dynamic=True)\n", K3,
         [("KER230", 3, 42)]),
        ("import functools\nimport keras\nE = functools.partial(keras.layers.Embedding, input_length=5)\n", K3,
         [("KER231", 3, 46)]),
        # what the callable takes; positionals and missing arguments are the later call's
        ("import functools\nimport keras\nC = functools.partial(keras.layers.Conv2D, padding='same')\n", K3, []),
        ("import functools\nimport keras\nD = functools.partial(keras.layers.Dense, *range(2, 15))\n", K3, []),
        ("import functools\nimport keras\nF = functools.partial(keras.layers.Flatten, 'channels_last', 3, name='f')\n",
         K3, []),
        ("import functools\nimport keras\nD = functools.partial(keras.layers.Dense, use_bias=False)\n", K3, []),
        # not functools.partial: another `partial`, or the name bound again
        ("from mylib import partial\nimport keras\nOpt = partial(keras.optimizers.Adam, lr=3e-4)\n", K3, []),
        ("from functools import partial\nimport keras\ndef partial(f, **kw):\n    return f\n"
         "Opt = partial(keras.optimizers.Adam, lr=3e-4)\n", K3, []),
        ("import functools\nimport torch\nOpt = functools.partial(torch.optim.Adam, lr=3e-4)\n", K3, []),
    ],
)  # fmt: skip
def test_the_keywords_a_partial_binds_are_checked_as_the_calls(source, target, expected):
    codes = ("KER205", "KER206", "KER230", "KER231")
    assert [(f.code, f.line, f.col) for f in _found(source, target, codes)] == expected


def test_a_partials_lr_is_renamed_as_the_calls_would_be():
    source = "import functools\nimport keras\nOpt = functools.partial(keras.optimizers.Adam, lr=3e-4)\n"
    (finding,) = _found(source, K3, ("KER205",))
    assert finding.fix is not None and finding.fix.safe  # unsafe on tf.keras, as for a call
    assert apply_fixes(source, [finding]) == (source.replace("lr=", "learning_rate="), 1)


def test_a_path_ending_in_a_number_made_a_string_is_no_keras_file():
    """TF Serving's export idiom, `model.save(os.path.join(EXPORT_DIR, str(VERSION)))` with `VERSION = 1`: Keras 3.15.1
    raises `Invalid filepath extension for saving` there, and `load_model` of it `File format not supported` (held-out
    probe 19, run)."""
    source = (
        "import os\nimport keras\nVERSION = 1\nmodel = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])\n"
        "path = os.path.join('export', str(VERSION))\nmodel.save(path)\nrestored = keras.models.load_model(path)\n"
    )
    assert {"KER208", "KER220"} <= {code for code, *_ in _codes(source, Target.KERAS3)}
    named = source.replace("VERSION = 1", "VERSION = 'model.keras'")
    assert not {"KER208", "KER220"} & {code for code, *_ in _codes(named, Target.KERAS3)}


def test_optimizer_keywords_passed_through_an_item_of_a_config_dict():
    """`Adam(**EXPERIMENT["optimizer"])` with `EXPERIMENT = {"optimizer": {"lr": 0.01, "decay": 1e-5}}`: TF 2.15.1
    raises `ValueError: decay is deprecated in the new Keras optimizer` (held-out probe 19, run), and drops `lr`."""
    source = (
        "from tensorflow import keras\n"
        "EXPERIMENT = {'epochs': 1, 'optimizer': {'lr': 0.01, 'decay': 1e-5}}\n"
        "opt = keras.optimizers.Adam(**EXPERIMENT['optimizer'])\n"
    )
    assert sorted(code for code, line, _ in _codes(source, Target.TF_KERAS) if line == 3) == ["KER205", "KER206"]
    plain = source.replace("'lr': 0.01, 'decay': 1e-5", "'learning_rate': 0.01")
    assert not [code for code, line, _ in _codes(plain, Target.TF_KERAS) if line == 3]


def test_optimizer_keywords_through_a_table_of_optimizer_classes():
    """`OPTIMIZERS[name](lr=…)` with `OPTIMIZERS = {"adam": Adam, "sgd": SGD}`: Keras 3.15.1 raises `Argument(s) not
    recognized`, TF 2.15.1 drops `lr` (held-out probe 19, run on both); a table holding another class is not known."""
    source = (
        "from keras.optimizers import Adam, SGD\nOPTIMIZERS = {'adam': Adam, 'sgd': SGD}\n"
        "def make(name, rate):\n    return OPTIMIZERS[name](lr=rate)\n"
    )
    for target in (Target.KERAS3, Target.TF_KERAS):
        assert [(code, line) for code, line, _ in _codes(source, target) if code == "KER205"] == [("KER205", 4)]
    mixed = source.replace("'sgd': SGD}", "'sgd': SGD, 'mine': MyOptimizer}")
    assert "KER205" not in {code for code, *_ in _codes(mixed, Target.KERAS3)}


def test_add_weight_shape_first_with_a_name_keyword_says_what_python_raises():
    """On tf.keras, `add_weight((2, 2), name="w")` binds the shape to `name`: Python raises `got multiple values for
    argument 'name'` before Keras sees the shape (run on TF 2.15.1: held-out probe 20)."""
    from kerascheck.engine import check_source as check

    source = (
        "from tensorflow import keras\nclass A(keras.layers.Layer):\n    def build(self, s):\n"
        "        self.w = self.add_weight((2, 2), initializer='zeros', name='w')\n"
    )
    (finding,) = [f for f in check(source, Settings(target=Target.TF_KERAS)) if f.code == "KER207"]
    assert "got multiple values for argument 'name'" in finding.message and "concatenate" not in finding.message


def test_a_monitored_key_through_a_constant():
    """`MONITOR = 'val_acc'` shared by ModelCheckpoint and EarlyStopping, with `metrics=['accuracy']`: neither ever
    sees the key (TF 2.15.1, held-out probe 20, run). Reported at each use, with no fix (the name serves both)."""
    source = (
        "from tensorflow import keras\nMONITOR = 'val_acc'\n"
        "model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1)])\n"
        "model.compile(loss='mse', optimizer='adam', metrics=['accuracy'])\n"
        "stop = keras.callbacks.EarlyStopping(monitor=MONITOR)\n"
    )
    found = [f for f in check_source(source, Settings(target=Target.TF_KERAS)) if f.code == "KER222"]
    assert [(f.line, f.fix) for f in found] == [(5, None)]
    renamed = source.replace("'val_acc'", "'val_accuracy'")
    assert "KER222" not in {code for code, *_ in _codes(renamed, Target.TF_KERAS)}


def test_logs_get_of_an_old_key_in_a_batch_hook():
    """`logs.get('acc')` in `on_batch_end` with `metrics=['accuracy']`: TF 2.15.1's batch logs hold `accuracy`, and
    the callback records None (held-out probe 20, run). Code that asks for either key is left alone."""
    source = (
        "from tensorflow import keras\nclass AccHistory(keras.callbacks.Callback):\n"
        "    def on_batch_end(self, batch, logs={}):\n        self.accs.append(logs.get('acc'))\n"
        "model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1)])\n"
        "model.compile(loss='mse', optimizer='adam', metrics=['accuracy'])\n"
    )
    (finding,) = [f for f in check_source(source, Settings(target=Target.TF_KERAS)) if f.code == "KER222"]
    assert finding.line == 4 and "finds `None`" in finding.message
    either = source.replace("logs.get('acc')", "logs.get('acc') or logs.get('accuracy')")
    assert "KER222" not in {code for code, *_ in _codes(either, Target.TF_KERAS)}


@pytest.mark.parametrize("target", [Target.TF_KERAS, Target.KERAS3])
def test_old_keys_read_by_a_lambda_callbacks_functions(target):
    """The Keras documentation's JSON logger, `LambdaCallback(on_epoch_end=lambda epoch, logs: …logs['acc']…)`, and a
    module function given for a batch hook: `KeyError: 'acc'` on TF 2.15.1 and Keras 3.15.1 (held-out probe 37, run on
    both). A lambda that tests the key first, and one given for a hook without logs keys, are left alone."""
    source = (
        "import json\nfrom keras.callbacks import LambdaCallback\nfrom keras.models import Sequential\n"
        "from keras.layers import Dense\nmodel = Sequential([Dense(1, input_shape=(3,))])\n"
        "model.compile(loss='mse', optimizer='adam', metrics=['accuracy'])\nlog = open('log.json', 'w')\n"
        "def report(batch, logs):\n    print(batch, logs['acc'])\n"
        "callbacks = [LambdaCallback(on_epoch_end=lambda epoch, logs: log.write(json.dumps({'acc': logs['acc']})),\n"
        "                            on_batch_end=report, on_train_end=lambda logs: print(logs['acc']))]\n"
    )
    found = [(f.line, f.col) for f in check_source(source, Settings(target=target)) if f.code == "KER222"]
    assert found == [(9, 22), (10, 95)]
    tested = source.replace("logs['acc']})", "logs['acc'] if 'acc' in logs else None})")
    assert [f.line for f in check_source(tested, Settings(target=target)) if f.code == "KER222"] == [9]


def test_history_keys_through_a_loop_and_metrics_through_a_constant():
    """`METRICS = ['accuracy']` … `for key in ['acc', 'val_acc']: history.history[key]`: KeyError on TF 2.15.1 (held-out
    probe 20, run), reported at the read. A metrics list the module grows is not known."""
    source = (
        "from tensorflow import keras\nMETRICS = ['accuracy']\n"
        "model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1)])\n"
        "model.compile(loss='mse', optimizer='adam', metrics=METRICS)\nhistory = model.fit(x, y)\n"
        "for key in ['acc', 'val_acc']:\n    print(history.history[key])\n"
    )
    found = [f for f in check_source(source, Settings(target=Target.TF_KERAS)) if f.code == "KER222"]
    assert [(f.line, f.fix) for f in found] == [(7, None)]
    grown = source.replace("history = model.fit", "METRICS.append('acc')\nhistory = model.fit")
    assert "KER222" not in {code for code, *_ in _codes(grown, Target.TF_KERAS)}


_HELPER = """\
import keras

def describe(net, rate):
    for layer in net.layers:
        print(layer.output_shape, rate)
    return net.predict_proba(rate)

def main():
    model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2)])
    describe(model, 0.1)

model = keras.models.load_model("m.keras")
"""


@pytest.mark.parametrize(
    "tail, found",
    [
        ("describe(model, 0.1)\nmain()\n", [("KER120", 5), ("KER120", 6)]),  # every call passes a model
        ("describe(net=model, rate=0.1)\n", [("KER120", 5), ("KER120", 6)]),  # by keyword
        ("describe(object(), 0.1)\n", []),  # one call passes something else
        ("hooks = [describe]\n", []),  # passed around: called with what, nobody knows
        ("def describe(net, rate):\n    pass\n", []),  # bound again
        ("describe(*models)\n", []),  # arguments not shown
    ],
)
def test_a_parameter_every_call_of_the_modules_function_gives_a_model_is_typed(tail, found):
    """`def describe(net): … net.layers … net.predict_proba(…)` called only with Keras models (held-out probes 19 and
    20: `describe(model)`, `snapshot(model.optimizer)`): typed as the arguments are, in the caller's scope; a function
    the module passes around, binds again or calls with anything else types nothing."""
    source = _HELPER + tail
    assert [(f.code, f.line) for f in _found(source, K3) if f.code == "KER120"] == found


_SHARED_NAME = """\
import keras

def build(units):
    model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(units)])
    return model

def train(net):
    net.reset_states()
    net.save("exported_dir")

class Scaled(keras.layers.Layer):
    def build(self, input_shape):
        super().build(input_shape)

train(build(4))
"""


@pytest.mark.parametrize(
    "change, found",
    [
        ("", [("KER120", 8), ("KER208", 9)]),  # the method binds `build` in its class only
        ("class Scaled(keras.layers.Layer):\n", "class Scaled(keras.layers.Layer):\n    made = build(2)\n"),  # not so
        ("train(build(4))\n", "train(build(4))\nbuild = None\n"),  # bound again at the top level
        ("super().build(input_shape)", "def build(units):\n            return units"),  # a nested def
    ],
)
def test_a_method_named_like_the_modules_function_leaves_its_calls_typed(change, found):
    """A custom layer's `def build(self, …)` beside the module's `def build(units)` that returns a model (held-out
    style: a script with both): the method binds the name in its class, so `train(build(4))` still passes a model,
    and `net.reset_states()` and `net.save("exported_dir")` raise on Keras 3 (KER208 through the typed parameter
    too). Where the class reads the name outside its methods, or something else binds it, nothing is typed."""
    if isinstance(found, str):
        source, found = _SHARED_NAME.replace(change, found), []
    else:
        source = _SHARED_NAME
    got = [(f.code, f.line) for f in _found(source, K3, codes=("KER120", "KER208"))]
    assert got == found


@pytest.mark.parametrize("declared", ["global model", "nonlocal model"])
def test_a_name_a_function_declares_shared_is_untyped(declared):
    """`global model` in a function that binds it again: whenever it is called, `model` may be anything (as KER208's
    reaching bindings say), so neither the method nor the save is judged against Sequential's API."""
    shared = (
        "import keras\nmodel = keras.Sequential()\ndef swap():\n    global model\n    model = other\n"
        "model.reset_states()\nmodel.save('exported')\n"
    )
    if declared.startswith("nonlocal"):
        shared = (
            "import keras\ndef outer():\n    model = keras.Sequential()\n    def swap():\n        nonlocal model\n"
            "        model = other\n    model.reset_states()\n    model.save('exported')\n"
        )
    assert _found(shared, K3, codes=("KER120", "KER208")) == []
    assert _found(shared.replace("\n", "\r\n"), K3, codes=("KER120", "KER208")) == []  # Windows line ends
    alone = shared.replace(declared, "pass")
    assert {f.code for f in _found(alone, K3, codes=("KER120", "KER208"))} == {"KER120", "KER208"}


_CALLBACK = """\
from keras.callbacks import Callback

class Logger(Callback):
    def on_batch_end(self, batch, logs=None):
        opt = self.model.optimizer
        self.seen.setdefault("lr", []).append(opt.lr)
        return getattr(opt, "weights")
"""


@pytest.mark.parametrize(
    "change, found",
    [
        ("", [6]),  # "lr" is a dict key here, and the module asks for `weights`, not for `lr`
        ('getattr(opt, "weights")', 'getattr(opt, "lr", None)'),  # asked for by name: code for either Keras
        ('getattr(opt, "weights")', "hasattr(opt, 'lr')"),
        ('getattr(opt, "weights")', "[getattr(opt, name) for name in names]"),  # asked by a variable: `"lr"` may be
    ],
)
def test_only_a_name_asked_for_by_hasattr_or_getattr_is_left_to_the_module(change, found):
    """Keras 3.15.1 optimizers have no `lr` (AttributeError). A module that asks `hasattr(opt, "lr")` or
    `getattr(opt, "lr", None)` reads it only where it is; the same word as a dict key, beside a `getattr` of another
    name (held-out style: a cyclic-LR callback's history), asks nothing."""
    source = _CALLBACK if not change else _CALLBACK.replace(change, found)
    lines = [f.line for f in _found(source, K3, codes=("KER120",))]
    assert lines == (found if not change else [])


_PENALTY = """\
from tensorflow import keras
from tensorflow.keras import backend as K

def gradient_norm(y_pred, inputs):
    return K.mean(K.square(K.gradients(K.sum(y_pred), [inputs])[0]))

def norm_of_norm(y_pred):
    return gradient_norm(y_pred, y_pred)

def penalized_loss(y_true, y_pred):
    return K.mean(K.square(y_true - y_pred)) + norm_of_norm(y_pred)

model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])
model.compile(optimizer="adam", loss=penalized_loss)
"""


@pytest.mark.parametrize(
    "tail, found",
    [
        ("", []),  # only the compiled loss calls the helpers, two calls deep: traced (api program, TF 2.15.1)
        ("print(gradient_norm(x, x))\n", [5]),  # also called eagerly: raises there
        ("hooks = [norm_of_norm]\n", [5]),  # passed around: called who knows where
    ],
)
def test_a_helper_only_traced_code_calls_runs_in_the_graph(tail, found):
    """`K.gradients` raises in eager mode on TF 2.15.1 (KER111), but inside a compiled loss it is traced and runs; so
    does a helper that only the loss (or another such helper) calls: the WGAN-GP `gradient_penalty` idiom."""
    findings = check_source(_PENALTY + tail, Settings(target=TF))
    assert [f.line for f in findings if f.code == "KER111" and "gradients" in f.message] == found


_HOOKED = """\
import keras

def current_rate(model):
    return model.optimizer.lr

class Logger(keras.callbacks.Callback):
    def on_epoch_end(self, epoch, logs=None):
        print(current_rate(self.model))
"""


@pytest.mark.parametrize(
    "change, found",
    [
        ("", [4]),  # the callback's model: `self.model.optimizer.lr` raises AttributeError on Keras 3.15.1
        ("class Logger(keras.callbacks.Callback):", "class Logger:"),  # no Keras class: `self.model` is anything
        ("print(current_rate(self.model))", "print(current_rate(self.model), current_rate(self.other))"),
        ("print(current_rate(self.model))", "print([current_rate(self.model) for _ in range(2)])"),  # nested
        (
            "    def on_epoch_end(self, epoch, logs=None):",
            "    @staticmethod\n    def on_epoch_end(self, epoch, logs=None):",
        ),
    ],
)
def test_a_helper_a_callback_calls_with_its_model_is_typed(change, found):
    """A Keras 2 callback that hands `self.model` to a helper of the module (held-out style: a learning-rate logger):
    the helper's parameter is the model the callback trains, so `model.optimizer.lr` there is judged on Keras 3."""
    source = _HOOKED if not change else _HOOKED.replace(change, found)
    lines = [f.line for f in _found(source, K3, codes=("KER120",))]
    assert lines == (found if not change else [])


def test_a_parameter_typed_from_its_calls_keeps_a_rebinding_untyped():
    source = "import keras\ndef snapshot(opt):\n    opt = opt or None\n    return opt.variables()\n"
    source += "m = keras.Sequential()\nsnapshot(m.optimizer)\n"
    assert _found(source, K3) == []
    typed = source.replace("    opt = opt or None\n", "")
    assert [(f.code, f.line) for f in _found(typed, K3)] == [("KER120", 3)]


@pytest.mark.parametrize(
    "call",
    [
        "class Runner:\n    def go(self, model):\n        describe(model, 0.1)\n",  # a method's own `model`
        "def go(models):\n    return [describe(model, 0.1) for model in models]\n",  # a comprehension's
        "def go():\n    def inner(model):\n        return describe(model, 0.1)\n    return inner\n",  # a nested def's
    ],
)
def test_a_call_whose_argument_names_may_be_others_types_no_parameter(call):
    assert [f for f in _found(_HELPER + "describe(model, 0.1)\n" + call, K3) if f.code == "KER120"] == []


def test_a_tf1_compat_optimizer_is_a_legacy_one_and_untyped():
    """`tf.compat.v1.keras.optimizers.Adam` is TF 2.15's legacy Adam (run: module `keras.src.optimizers.legacy.adam`,
    `opt.decay` and `opt.lr` read fine; held-out probe 21), whose attributes no table lists: nothing is guessed."""
    legacy = (
        "import tensorflow as tf\nopt = tf.compat.v1.keras.optimizers.Adam(lr=0.05, decay=1e-2)\nprint(opt.decay)\n"
    )
    assert _found(legacy, TF) == []
    current = legacy.replace("compat.v1.keras", "keras").replace("lr=0.05, decay=1e-2", "0.05")
    assert [(f.code, f.line) for f in _found(current, TF)] == [("KER120", 3)]


def test_a_parameter_read_only_through_a_loop_over_it_is_typed_from_its_calls():
    """`def describe(net): for layer in net.layers: print(layer.output_shape)` called with a model (held-out probe 19,
    k33: `AttributeError` on Keras 3.15.1): the loop's variable is the receiver, the parameter only its source."""
    source = (
        "import keras\n\ndef describe(net):\n    for i, layer in enumerate(net.layers):\n"
        "        print(i, layer.output_shape)\n\nmodel = keras.models.load_model('m.keras')\ndescribe(model)\n"
    )
    assert [(f.code, f.line) for f in _found(source, K3)] == [("KER120", 5)]
    assert _found(source.replace("describe(model)", "describe(object())"), K3) == []


def test_a_called_lr_on_keras3_fails_at_the_read():
    """`opt.lr(opt.iterations)`: Keras 3.15.1's optimizers have no `lr`, so the read raises `AttributeError` before any
    call (held-out probe 23, run); `learning_rate(…)` is the call that raises `TypeError`, as on tf.keras."""
    source = "import keras\nopt = keras.optimizers.Adam(0.1)\nrate = opt.lr(opt.iterations)\n"
    (finding,) = [f for f in check_source(source, Settings(target=Target.KERAS3)) if f.code == "KER233"]
    assert "AttributeError" in finding.message and "TypeError" not in finding.message
    called = source.replace("opt.lr(", "opt.learning_rate(")
    (finding,) = [f for f in check_source(called, Settings(target=Target.KERAS3)) if f.code == "KER233"]
    assert "TypeError" in finding.message
    (finding,) = [f for f in check_source(source, Settings(target=Target.TF_KERAS)) if f.code == "KER233"]
    assert "TypeError" in finding.message
