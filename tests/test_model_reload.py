"""KER224 and KER225: a model file the module saves and loads again, which the target cannot read back
(a short loss name in an .h5 file on Keras 3; a Lambda layer); reported only where the module shows the
loaded file holds such a model."""

from __future__ import annotations

import pytest

from kerascheck.catalog.model import Target
from kerascheck.config import Settings
from kerascheck.engine import check_source
from kerascheck.fix import apply_fixes

_MODEL = "import keras\nmodel = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])\n"


def _found(source: str, target: Target = Target.KERAS3, code: str = "KER224"):
    return [f for f in check_source(source, Settings(target=target)) if f.code == code]


@pytest.mark.parametrize(
    "tail, fixed_loss",
    [
        # a checkpoint of the module's only compiled model; the path through a name
        ("model.compile(optimizer='adam', loss='msle')\nPATH = 'runs/best.h5'\n"
         "saver = keras.callbacks.ModelCheckpoint(PATH, save_best_only=True)\nbest = keras.models.load_model(PATH)\n",
         "mean_squared_logarithmic_error"),
        # several outputs, one of them with a short name
        ("model.compile('adam', loss={'a': 'binary_crossentropy', 'b': 'kld'})\nmodel.save('m.hdf5')\n"
         "keras.saving.load_model('m.hdf5', compile=True)\n", "kl_divergence"),
    ],
)  # fmt: skip
def test_reported_at_the_load_and_fixed_at_the_compile(tail, fixed_loss):
    source = _MODEL + tail
    (finding,) = _found(source)
    assert "load_model" in finding.message and "Could not deserialize" in finding.message
    fixed = apply_fixes(source, [finding])[0]
    assert f"'{fixed_loss}'" in fixed and fixed.count("\n") == source.count("\n")


@pytest.mark.parametrize(
    "tail",
    [
        "model.compile('adam', 'mse')\nmodel.save('m.h5')\nkeras.models.load_model('m.h5', compile=False)\n",
        "model.compile('adam', 'mse')\nmodel.save('m.h5')\nkeras.models.load_model('other.h5')\n",
        "model.compile('adam', 'mse')\nmodel.save('m.keras')\nkeras.models.load_model('m.keras')\n",
        "model.compile('adam', 'mse')\nkeras.models.load_model('m.h5')\n",  # a file from elsewhere
        "model.compile('adam', keras.losses.MeanSquaredError())\nmodel.save('m.h5')\nkeras.models.load_model('m.h5')\n",
        # weights only
        "model.compile('adam', 'mse')\nc = keras.callbacks.ModelCheckpoint('m.h5', save_weights_only=True)\n"
        "keras.models.load_model('m.h5')\n",
        # a checkpoint, and two models compiled differently: which one it saves is not seen
        "model.compile('adam', 'mse')\nother = keras.Sequential()\nother.compile('adam', 'binary_crossentropy')\n"
        "c = keras.callbacks.ModelCheckpoint('m.h5')\nkeras.models.load_model('m.h5')\n",
        # a receiver that is no Keras model
        "import mylib\nnet = mylib.Net()\nnet.compile('adam', 'mse')\nnet.save('m.h5')\n"
        "keras.models.load_model('m.h5')\n",
    ],
)
def test_not_reported(tail):
    assert _found(_MODEL + tail) == []


def test_not_reported_on_tf_keras():
    source = _MODEL + "model.compile('adam', 'mse')\nmodel.save('m.h5')\nkeras.models.load_model('m.h5')\n"
    assert _found(source) and _found(source, Target.TF_KERAS) == []


_LAMBDA = "import keras\nmodel = keras.Sequential([keras.Input((3,)), keras.layers.Lambda(lambda x: x * 2)])\n"


@pytest.mark.parametrize(
    "source, target",
    [
        # the model rebound to what load_model returns: every binding is a model
        (_LAMBDA + "model.save('m.keras')\nmodel = keras.models.load_model('m.keras')\n", Target.KERAS3),
        # .h5 on Keras 3 too, saved by save_model (compile=False does not help)
        (_LAMBDA + "keras.saving.save_model(model, 'm.h5')\nkeras.models.load_model('m.h5', compile=False)\n",
         Target.KERAS3),
        (_LAMBDA.replace("import keras", "from tensorflow import keras")
         + "model.save('m.keras')\nkeras.models.load_model('m.keras')\n", Target.TF_KERAS),
    ],
)  # fmt: skip
def test_lambda_models_loaded_again_are_reported(source, target):
    (finding,) = _found(source, target, "KER225")
    assert "safe_mode=False" in (finding.fix_title or "") and finding.fix is None  # a decision, not a fix


@pytest.mark.parametrize(
    "source, target",
    [
        (_LAMBDA + "model.save('m.keras')\nkeras.models.load_model('m.keras', safe_mode=False)\n", Target.KERAS3),
        (_LAMBDA + "model.save('m.h5')\nkeras.models.load_model('m.h5')\n", Target.TF_KERAS),  # .h5 loads there
        (_LAMBDA + "model.save('m.keras')\nkeras.models.load_model('other.keras')\n", Target.KERAS3),
        # a Lambda of a library's function: whether Keras finds it is not seen
        ("import keras\nimport numpy\nmodel = keras.Sequential([keras.layers.Lambda(numpy.abs)])\n"
         "model.save('m.keras')\nkeras.models.load_model('m.keras')\n", Target.KERAS3),
        # a registered function, and one passed in custom_objects
        ("import keras\n@keras.saving.register_keras_serializable()\ndef f(x):\n    return x\n"
         "model = keras.Sequential([keras.layers.Lambda(f)])\nmodel.save('m.keras')\n"
         "keras.models.load_model('m.keras')\n", Target.KERAS3),
        ("import keras\ndef f(x):\n    return x\nmodel = keras.Sequential([keras.layers.Lambda(f)])\n"
         "model.save('m.keras')\nkeras.models.load_model('m.keras', custom_objects={'f': f})\n", Target.KERAS3),
        # two functional models: which one holds the Lambda is not seen
        ("import keras\ni = keras.Input((3,))\na = keras.Model(i, keras.layers.Lambda(lambda x: x)(i))\n"
         "b = keras.Model(i, keras.layers.Dense(2)(i))\nb.save('b.keras')\nkeras.models.load_model('b.keras')\n",
         Target.KERAS3),
    ],
)  # fmt: skip
def test_lambda_models_not_reported(source, target):
    assert _found(source, target, "KER225") == []


def test_a_function_of_the_module_is_passed_in_custom_objects_by_the_fix():
    source = (
        "import keras\ndef f(x):\n    return x\nmodel = keras.Sequential([keras.layers.Lambda(f)])\n"
        "model.save('m.keras')\nrestored = keras.models.load_model(\n    'm.keras',\n    compile=False,\n)\n"
    )
    (finding,) = _found(source, Target.KERAS3, "KER225")
    assert "Could not locate function 'f'" in finding.message
    fixed = apply_fixes(source, [finding])[0]
    assert "    compile=False, custom_objects={'f': f},\n)\n" in fixed
    compile(fixed, "<fixed>", "exec")


@pytest.mark.parametrize(
    "way",
    [
        "with keras.saving.custom_object_scope({'f': f}):\n    keras.models.load_model('m.keras')\n",
        "keras.saving.get_custom_objects()['f'] = f\nkeras.models.load_model('m.keras')\n",
        "keras.config.enable_unsafe_deserialization()\nkeras.models.load_model('m.keras')\n",
    ],
)
def test_a_function_made_known_another_way_is_not_reported(way):
    # run on Keras 3.15.1: each loads the model
    source = (
        "import keras\ndef f(x):\n    return x\nmodel = keras.Sequential([keras.layers.Lambda(f)])\n"
        f"model.save('m.keras')\n{way}"
    )
    assert _found(source.replace(way, "keras.models.load_model('m.keras')\n"), Target.KERAS3, "KER225")
    assert _found(source, Target.KERAS3, "KER225") == []


# -- a name bound to one model after another (notebook style): a save holds what the bindings reaching it made --
_SEQUENTIAL = "keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])"


@pytest.mark.parametrize(
    "source",
    [
        # corpus triage 12, group A (handson-ml2 chapter 12; run on Keras 3.15.1: the file loads): the 'mse'
        # compile is of a model bound after the save
        f"import keras\nmodel = {_SEQUENTIAL}\nmodel.compile('nadam', loss=huber_fn)\nmodel.save('m.h5')\n"
        f"model = keras.models.load_model('m.h5', custom_objects={{'huber_fn': huber_fn}})\nmodel = {_SEQUENTIAL}\n"
        "model.compile('nadam', loss='mse')\n",
        # the same model compiled again after the save: the file keeps the compile before it
        f"import keras\nmodel = {_SEQUENTIAL}\nmodel.compile('nadam', loss=huber_fn)\nmodel.save('m.h5')\n"
        "model.compile('sgd', loss='mse')\n"
        "restored = keras.models.load_model('m.h5', custom_objects={'huber_fn': huber_fn})\n",
        # compiled again before the save: the last compile replaced the 'mse' one
        f"import keras\ndef build():\n    model = {_SEQUENTIAL}\n    model.compile('adam', 'mse')\n"
        "    return model\nmodel = build()\nmodel.compile('adam', loss=huber_fn)\nmodel.save('m.h5')\n"
        "restored = keras.models.load_model('m.h5', custom_objects={'huber_fn': huber_fn})\n",
        # a compile in another function, of that function's own model
        f"import keras\ndef train():\n    model = {_SEQUENTIAL}\n    model.compile('adam', 'mse')\n"
        f"def export():\n    model = {_SEQUENTIAL}\n    model.save('m.h5')\n"
        "    return keras.models.load_model('m.h5')\n",
    ],
)
def test_a_compile_of_another_binding_or_after_the_save_is_not_the_saved_models(source):
    assert _found(source) == []


@pytest.mark.parametrize(
    "source, compiled_at",
    [
        # the model bound before the load, compiled before its save
        (f"import keras\nmodel = {_SEQUENTIAL}\nmodel.compile('adam', 'mse')\nmodel.save('m.h5')\n"
         f"model = {_SEQUENTIAL}\nmodel.compile('adam', 'mae')\nmodel.save('other.keras')\n"
         "restored = keras.models.load_model('m.h5')\n", 3),
        # one of two bindings that can reach the save
        (f"import keras\nmodel = {_SEQUENTIAL}\nmodel.compile('adam', 'mse')\nif fresh:\n    model = {_SEQUENTIAL}\n"
         "model.save('m.h5')\nrestored = keras.models.load_model('m.h5')\n", 3),
        # built and compiled by a function of the module, saved by another name
        (f"import keras\ndef build():\n    net = {_SEQUENTIAL}\n    net.compile('adam', 'mse')\n    return net\n"
         "model = build()\nmodel.save('m.h5')\nrestored = keras.models.load_model('m.h5')\n", 4),
    ],
)  # fmt: skip
def test_the_compile_of_the_saved_model_is_found_through_its_bindings(source, compiled_at):
    (finding,) = _found(source)
    assert f"(line {compiled_at})" in finding.message


def test_a_layer_of_a_model_bound_after_the_save_is_not_the_saved_models():
    # corpus triage 12, group A (handson-ml2 chapter 12; run on TF 2.15.1: the plain model loads)
    source = (
        "from tensorflow import keras\ndef act(x):\n    return x\n"
        f"model = {_SEQUENTIAL}\nmodel.save('plain.h5')\nmodel = keras.models.load_model('plain.h5')\n"
        "model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(4, activation=act)])\n"
        "model.save('act.h5')\n"
    )
    assert _found(source, Target.TF_KERAS, "KER236") == []
    assert len(_found(source + "keras.models.load_model('act.h5')\n", Target.TF_KERAS, "KER236")) == 1
    lambdas = (
        f"import keras\nmodel = {_SEQUENTIAL}\nmodel.save('plain.keras')\nmodel = keras.Sequential()\n"
        "model.add(keras.layers.Lambda(lambda x: x))\nmodel.save('lambda.keras')\n"
        "restored = keras.models.load_model('plain.keras')\n"
    )
    assert _found(lambdas, Target.KERAS3, "KER225") == []
    assert len(_found(lambdas.replace("'plain.keras')\n", "'lambda.keras')\n"), Target.KERAS3, "KER225")) == 1
