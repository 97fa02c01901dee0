"""Cases found on real projects (issue 17): false positives removed, misses filled, each both ways."""

from __future__ import annotations

import inspect
import json
import textwrap

import pytest

from kerascheck.catalog.arguments import KEYWORD_OWNER_ALIASES
from kerascheck.catalog.implementations import STANDALONE_KERAS_VERSIONS
from kerascheck.catalog.model import Target
from kerascheck.config import Settings
from kerascheck.engine import check_source
from kerascheck.fix import apply_fixes
from kerascheck.notebooks import load
from kerascheck.rules.versions import TF_KERAS_WORLD
from tests.conftest import codes_at, findings_of


def test_a_later_star_import_shadows_an_earlier_one():
    later_wins = """
        from keras.models import *
        from keras.layers import *
        x = Input(shape=(3,))
    """
    earlier_only = """
        from keras.layers import *
        from keras.models import *
        x = Input(shape=(3,))
    """
    # ``keras.models`` has no ``Input`` on either target (Keras 2.0–2.3's did): the later star import binds no
    # ``Input``, and the one from ``keras.layers`` stays (run on Keras 3.15.1 and TF 2.15.1: a KerasTensor)
    lost_name = """
        from keras.layers import *
        from keras.models import *
        x = merge([a, b], mode="sum")
    """
    for target in Target:
        assert [c for c in codes_at(later_wins, target) if c[0] == "KER111"] == []
        assert [c for c in codes_at(earlier_only, target) if c[0] == "KER111"] == []
    # the Keras 1 function: KER113 reports it (and holds KER111's finding on the same name)
    assert [c for c in codes_at(lost_name, Target.KERAS3) if c[0] in ("KER111", "KER113")] == [("KER113", 4, 4)]


def test_a_utility_returning_plain_values_mixes_nothing():
    download = """
        import keras
        import tensorflow as tf
        from tensorflow.keras.datasets import mnist
        from tensorflow.keras.utils import to_categorical
        path = tf.keras.utils.get_file("data.zip", "https://example.org/data.zip")
        model = keras.Sequential([keras.layers.Dense(1)])
    """
    layers = """
        import keras
        import tensorflow as tf
        path = tf.keras.utils.get_file("data.zip", "https://example.org/data.zip")
        model = keras.Sequential([tf.keras.layers.Dense(1)])
    """
    assert [c for c in codes_at(download) if c[0].startswith("KER4")] == []
    assert [c for c in codes_at(layers) if c[0].startswith("KER4")] == []  # one Keras on TF 2.15
    layers = "import tf_keras\n" + textwrap.dedent(layers)  # keras is Keras 3 beside tf_keras
    assert [c for c in codes_at(layers) if c[0] == "KER401"] == [("KER401", 6, 26)]


def test_tf1_api_optimizers_are_the_legacy_ones_on_tf_keras():
    # run on TF 2.15.1: tf.compat.v1.keras.optimizers.Adam is keras.src.optimizers.legacy.adam.Adam
    # and Adam(lr=0.1) trains at 0.1; tf.keras.optimizers.Adam(lr=0.1) logs a warning and keeps 0.001
    legacy = """
        import tensorflow as tf
        tf.compat.v1.keras.optimizers.Adam(lr=0.1, decay=1e-2)
    """
    current = """
        import tensorflow as tf
        tf.keras.optimizers.Adam(lr=0.1)
    """
    assert codes_at(legacy) == []
    assert codes_at(current) == [("KER205", 3, 25)]


def test_a_standalone_import_through_a_legacy_path_gets_one_advice():
    source = """
        from keras.layers.convolutional import Conv2D
        import keras.layers.convolutional as C
    """
    found = findings_of(source)
    assert [(f.code, f.line) for f in found] == [("KER101", 2), ("KER101", 3)]
    assert "`tensorflow.keras.layers`" in found[0].text
    assert "`from tensorflow.keras import layers as C`" in found[1].text and found[1].fix is None
    assert [c[0] for c in codes_at(source, Target.KERAS3)] == ["KER102", "KER102"]
    modules = "from keras.engine import saving\nfrom keras.utils import np_utils, plot_model\n"
    found = findings_of(modules)  # each imported legacy module: KER102 says where it went
    assert [(f.code, f.line) for f in found] == [("KER102", 1), ("KER101", 2), ("KER102", 2)]
    assert found[0].text.endswith("import from `tensorflow.keras.models`") and found[1].fix is None


def test_private_imports_are_moved_to_public_modules_only():
    source = """
        from tensorflow.python.keras.utils.generic_utils import get_custom_objects
        from tensorflow.python.keras.utils import layer_utils
        from tensorflow.python.keras.layers import Dense
    """
    found = [f for f in findings_of(source) if f.code == "KER103"]
    shown = [f.text.split("; ")[-1] for f in found]
    assert shown == [
        "import from `tensorflow.keras.utils`",
        # TF 2.15.1: ImportError, cannot import name 'layer_utils' from 'tensorflow.keras.utils'
        "`tensorflow.keras.utils` has no `layer_utils` on target tf.keras either: keep a copy of what the code uses",
        "import from `tensorflow.keras.layers`",
    ]
    assert [f.fix is not None for f in found] == [False, False, True]


def _short(name: str) -> str:
    return name.rsplit(".", 1)[-1]


def _messages(source: str, settings: Settings, code: str):
    return [f.message for f in check_source(textwrap.dedent(source), settings) if f.code == code]


def _findings(source: str, settings: Settings, code: str):
    return [f for f in check_source(textwrap.dedent(source), settings) if f.code == code]


def test_mixing_messages_say_in_which_versions_the_mix_breaks():
    source = """
        import keras
        import tensorflow as tf
        model = keras.Sequential([tf.keras.layers.Dense(1)])
    """
    # without pins, TF 2.6–2.15 is assumed, which comes with the keras it loads tf.keras from (run on TF 2.15.1:
    # `tf.keras.layers.Dense is keras.layers.Dense`): one Keras, nothing mixes
    assert _messages(source, Settings(), "KER401") == _messages(source, Settings(), "KER101") == []
    (old,) = _messages(source, Settings(pins=("keras==2.2.4",)), "KER401")
    assert old.endswith("; the project's pins (`keras==2.2.4`) make them two")
    (two,) = _messages(source, Settings(pins=("keras==2.2.4",)), "KER101")
    assert two.startswith(
        f"`keras` is standalone Keras, not `tensorflow.keras` (target tf.keras): {STANDALONE_KERAS_VERSIONS}"
    )
    # in the tf_keras world it is that world (as KER101 says), not the versions list, that makes them two
    (beside,) = _messages("import tf_keras\n" + textwrap.dedent(source), Settings(), "KER401")
    (told,) = _messages("import tf_keras\n" + textwrap.dedent(source), Settings(), "KER101")
    assert beside.endswith(f": {TF_KERAS_WORLD}") and told.endswith(f": {TF_KERAS_WORLD}")
    (pinned,) = _messages("import tf_keras\n" + textwrap.dedent(source), Settings(pins=("keras==2.2.4",)), "KER401")
    assert pinned.endswith("; the project's pins (`keras==2.2.4`) make them two")
    assert _messages(source, Settings(pins=("tensorflow==2.9.1",)), "KER101") == []
    assert _messages(source, Settings(pins=("tensorflow==2.9.1",)), "KER401") == []
    private = (
        "from tensorflow.python.keras.layers import Dense\nfrom tensorflow import keras\nkeras.Sequential([Dense(1)])\n"
    )
    (copy,) = _messages(private, Settings(pins=("tensorflow==2.6.0",)), "KER403")
    assert "; the project's pins (`tensorflow==2.6.0`) are TF 2.6+; the module shows no such use" in copy
    assert _messages(private, Settings(pins=("tensorflow==2.4.1",)), "KER403") == []  # tf.keras itself there
    # beside standalone Keras 2.3 (multi-backend: another Keras) it still mixes, whatever tensorflow.python.keras is
    both = "import keras\nfrom tensorflow.python.keras.layers import Dense\nkeras.Sequential([Dense(1)])\n"
    assert len(_messages(both, Settings(pins=("tensorflow==2.3.0", "keras==2.3.1")), "KER403")) == 1


def test_a_legacy_alias_the_target_still_imports_is_not_reported_there():
    # run on TF 2.15.1: the experimental preprocessing layers and optimizers are the public ones, imported with
    # no warning (tests/data/api_programs/tf_experimental_aliases_run.py); layers.convolutional is gone
    kept = (
        "import tensorflow as tf\nfrom tensorflow.keras.layers.experimental.preprocessing import Rescaling\n"
        "from tensorflow.keras.layers.experimental import preprocessing\n"
        "import tensorflow.keras.optimizers.experimental\nopt = tf.keras.optimizers.experimental.AdamW()\n"
    )
    gone = "from tensorflow.keras.layers.convolutional import Conv2D\n"
    assert _findings(kept, Settings(), "KER102") == []
    (missing,) = _findings(gone, Settings(), "KER102")
    assert "missing on target tf.keras" in missing.message and missing.severity == "error"
    # Keras 3 has neither module
    assert [f.line for f in _findings(kept, Settings(target=Target.KERAS3), "KER102")] == [2, 3, 4, 5]


def test_keras2_aliases_get_the_keyword_facts_of_their_class():
    source = """
        from tensorflow.keras.layers import MaxPool1D, AvgPool2D, GlobalMaxPool2D
        MaxPool1D(pool_length=2, border_mode='valid')
        AvgPool2D(pool_size=2, dim_ordering='th')
        GlobalMaxPool2D(dim_ordering='tf')
    """
    assert codes_at(source) == [("KER201", 3, 10), ("KER201", 3, 25), ("KER201", 4, 23), ("KER201", 5, 16)]


def test_alias_identity_holds_in_keras3(real_keras3):
    keras = real_keras3
    for alias, canonical in KEYWORD_OWNER_ALIASES.items():
        if not alias.startswith("layers.Atrous"):
            assert getattr(keras.layers, _short(alias)) is getattr(keras.layers, _short(canonical))


def test_atrous_convolutions_keywords_are_keras1():
    source = """
        from keras.layers import AtrousConvolution1D
        AtrousConvolution1D(64, 3, atrous_rate=2, subsample_length=1, init='glorot_uniform', border_mode='same')
    """
    found = [(f.code, f.col) for f in findings_of(source, Target.KERAS3) if f.code.startswith("KER2")]
    assert found == [("KER202", 27), ("KER201", 42), ("KER201", 62), ("KER201", 85)]


def test_slice_x_is_a_removed_keras1_function():
    source = """
        from keras.engine.training import slice_X
        batch = slice_X(arrays, 0, 32)
    """
    for target in Target:
        assert [(code, line) for code, line, _ in codes_at(source, target) if code == "KER111"] == [
            ("KER111", 2),
            ("KER111", 3),
        ]
    fixed = [f for f in findings_of(source, Target.KERAS3) if f.code == "KER102"]
    assert fixed and all(f.fix is None for f in fixed)  # keras.models has no slice_X


def _notebook(*sources: str) -> str:
    cells = [{"cell_type": "code", "metadata": {}, "outputs": [], "source": source} for source in sources]
    return json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5})


def test_notebook_cells_under_python_cell_magics_are_checked():
    notebook = load(
        _notebook(
            "%%time\nfrom keras.layers import Dense\n",
            "%%capture out\nDense(output_dim=3)\n",
            "%%anything --flag\nDense(output_dim=4)\n",
            "%%bash\nDense(output_dim=5)\n",
            "%%sql\nSELECT * FROM t\n",
        )
    )
    assert [cell.index for cell in notebook.cells] == [1, 2, 3] and notebook.unparsed == ()


def test_assignment_magics_are_neutralised_in_place():
    notebook = load(_notebook("files = !ls\nx = %time f(a=1)\n%time g()\n%timeit -n 3 h()\n"))
    assert notebook.module.splitlines() == ["files = None", "x =       f(a=1)", "pass; g()", "pass"]


def test_a_notebook_cell_that_does_not_parse_is_said(tmp_path, kerascheck):
    (tmp_path / "n.ipynb").write_text(
        _notebook("from keras.layers import Dense\nDense(output_dim=3)\n", "def broken(:\n    pass\n")
    )
    result = kerascheck("--no-config", "--format=concise", "n.ipynb", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout.splitlines()[0] == "n.ipynb: error: cell 2 cannot be parsed: line 1: invalid syntax"
    assert "KER201" in result.stdout  # the other cells are still checked


def test_imports_for_type_checking_only_mix_nothing():
    source = """
        from typing import TYPE_CHECKING
        import tensorflow as tf
        if TYPE_CHECKING:
            from keras.metrics import Metric
        model = tf.keras.Sequential()
    """
    assert [c for c in codes_at(source) if c[0].startswith("KER4")] == []
    imported = source.replace("TYPE_CHECKING:", "True:").replace(
        "import tensorflow as tf", "import tensorflow as tf; import tf_keras"
    )
    assert [c for c in codes_at(imported) if c[0] == "KER401"] == [("KER401", 6, 8)]


def test_a_standalone_import_of_a_legacy_module_is_an_error_on_tf_keras():
    # run on TF 2.15.1: keras.layers.normalization is missing from the keras 2.15 package too
    # (ModuleNotFoundError); `from keras.layers import …` imports tf.keras's own layers there
    source = "from keras.layers.normalization import BatchNormalization\nfrom keras.layers import Dense\n"
    (legacy,) = [f for f in check_source(source, Settings()) if f.code == "KER101"]  # the other one runs
    assert legacy.severity == "error" and "ModuleNotFoundError" in legacy.message and legacy.fix is not None
    beside = [f for f in check_source("import tf_keras\n" + source, Settings()) if f.code == "KER101"]
    assert [f.severity for f in beside] == ["error", None]  # the plain one where keras is Keras 3: the rule's warning
    assert all(f.fix is not None for f in beside)


def test_lr_through_a_mapping_the_module_spells_out():
    # Keras 3.15.1: `ValueError: Argument(s) not recognized: {'lr': 0.0003}`; TF 2.15.1 drops it with a warning
    source = "import keras\nconfig = {'lr': 3e-4, 'beta_1': 0.9}\nopt = keras.optimizers.Adam(**config)\n"
    for target in (Target.KERAS3, Target.TF_KERAS):
        (finding,) = _findings(source, Settings(target=target), "KER205")
        assert (finding.line, finding.fix) == (3, None)
    assert _findings(source.replace("'lr'", "'learning_rate'"), Settings(target=Target.KERAS3), "KER205") == []
    assert _findings("import keras\ndef f(c):\n    return keras.optimizers.Adam(**c)\n", Settings(), "KER205") == []


def test_lr_equal_to_the_default_says_only_the_warning_differs_on_tf_keras():
    # TF 2.15.1: Adam(lr=0.01) trains at 0.001 (the default), Adam(lr=1e-3) as written; keras-rl's test_continuous
    source = "import keras\nfast = keras.optimizers.Adam(lr=0.01)\nusual = keras.optimizers.Adam(lr=1e-3)\n"
    fast, usual = sorted(_findings(source, Settings(target=Target.TF_KERAS), "KER205"), key=lambda f: f.line)
    assert "only the warning differs" not in fast.message and fast.severity is None  # the rule's: an error
    assert usual.message.endswith("is `1e-3` too: only the warning differs (target tf.keras)")
    assert usual.severity == "warning"
    on_keras3 = _findings(source, Settings(target=Target.KERAS3), "KER205")  # ValueError for both there
    assert [f.severity for f in on_keras3] == [None, None]
    assert not any("warning differs" in f.message for f in on_keras3)


def test_tf_keras_reduction_auto_is_auto_on_keras3():
    # TF 2.21 (Keras 3.15.1 as tf.keras): `tf.keras.losses.Reduction.AUTO` is "auto", and a loss made with it raises
    # `ValueError: Invalid value for argument `reduction`` (held-out probe); standalone Keras 3 has no `Reduction`
    source = (
        "from tensorflow import keras\nclass WeightedBCE(keras.losses.Loss):\n"
        "    def __init__(self, reduction=keras.losses.Reduction.AUTO):\n"
        "        super().__init__(reduction=reduction)\n"
        "plain = keras.losses.MeanSquaredError(reduction=keras.losses.Reduction.AUTO)\n"
    )
    found = _findings(source, Settings(target=Target.KERAS3), "KER213")
    assert [(f.line, f.col) for f in found] == [(3, 33), (5, 48)]
    assert "`reduction=keras.losses.Reduction.AUTO`, that is `'auto'` of `WeightedBCE.__init__`" in found[0].message
    fixed, _ = apply_fixes(source, found, unsafe=False)
    assert fixed.count("'sum_over_batch_size'") == 2 and "Reduction" not in fixed.replace("keras.losses.Loss", "")
    assert _findings(source, Settings(target=Target.TF_KERAS), "KER213") == []
    standalone = source.replace("from tensorflow import keras", "import keras")
    assert _findings(standalone, Settings(target=Target.KERAS3), "KER213") == []  # KER111: no `Reduction` there


_LOSS_CLASS = (
    "import keras\nclass WeightedBCE(keras.losses.Loss):\n"
    "    def __init__(self, pos_weight=2.0, reduction='auto', name='wbce'):\n"
    "        super().__init__(reduction=reduction, name=name)\n"
    "    def call(self, y_true, y_pred):\n        return keras.ops.mean(y_pred)\n"
)


def test_a_loss_class_default_reduction_auto_raises_on_keras3_when_made(real_keras3):
    (finding,) = _findings(_LOSS_CLASS, Settings(target=Target.KERAS3), "KER213")
    assert (finding.line, finding.col) == (3, 49)
    namespace: dict = {}
    exec(compile(_LOSS_CLASS, "<loss>", "exec"), namespace)
    with pytest.raises(ValueError, match="Invalid value for argument `reduction`"):
        namespace["WeightedBCE"]()
    fixed, count = apply_fixes(_LOSS_CLASS, [finding], unsafe=False)
    exec(compile(fixed, "<fixed>", "exec"), namespace)
    assert count == 1 and namespace["WeightedBCE"]().reduction == "sum_over_batch_size"


def test_what_a_tf_op_makes_of_a_keras_tensor_is_followed_as_one():
    # held-out probe (TF 2.21, Keras 3.15.1): with `tf.not_equal` made `keras.ops.not_equal`, the next TF op on its
    # result raises "A KerasTensor cannot be used as input to a TensorFlow function", and so on down the model
    source = (
        "import tensorflow as tf\nfrom tensorflow import keras\ninputs = keras.Input((20,), dtype='int32')\n"
        "mask = tf.cast(tf.not_equal(inputs, 0), tf.float32)\nx = keras.layers.Embedding(100, 8)(inputs)\n"
        "x = x * tf.expand_dims(mask, -1)\nh = tf.nn.l2_normalize(keras.layers.Dense(4)(x), axis=-1)\n"
        "probs = tf.nn.softmax(keras.layers.Dense(3)(h))\nsize = tf.shape(inputs)[0]\nsteps = tf.range(size)\n"
    )
    found = _findings(source, Settings(target=Target.KERAS3), "KER320")
    assert [(f.line, f.col) for f in found] == [(4, 7), (4, 15), (6, 8), (7, 4), (8, 8), (9, 7)]
    assert "`tf.expand_dims(…)` is applied to the KerasTensor `mask`" in found[2].message
    # `tf.shape`'s Keras twin gives Python values: what it returns is not followed (`tf.range(size)`)


def test_fit_generator_says_which_keywords_fit_refuses(real_keras3):
    # held-out probe: `fit_generator(generator=g, workers=4, use_multiprocessing=True)` made `fit(…)` failed on
    # Keras 3.15.1 with `TypeError: … got an unexpected keyword argument 'workers'`; `generator=` the fix renames `x=`
    source = (
        "import keras\nmodel = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])\n"
        "model.fit_generator(generator=gen, steps_per_epoch=2, workers=4, use_multiprocessing=True)\n"
    )
    (finding,) = _findings(source, Settings(target=Target.KERAS3), "KER112")
    assert finding.fix is None
    assert finding.text.endswith("; `fit` on target keras3 takes no `workers=` or `use_multiprocessing=`: drop them")
    signature = inspect.signature(real_keras3.Model.fit).parameters
    assert "workers" not in signature and "use_multiprocessing" not in signature and "x" in signature
    (tf_keras,) = _findings(source, Settings(target=Target.TF_KERAS), "KER112")  # TF 2.15's fit takes both
    assert "takes no" not in tf_keras.text


def test_review_cases_of_this_session_stay_quiet_or_reported():
    k3, tf = Settings(target=Target.KERAS3), Settings(target=Target.TF_KERAS)
    # KER112: Keras 1 keywords are renamed (KER201/KER204 say so), never listed to drop
    fit = (
        "import keras\nmodel = keras.Sequential()\nmodel.fit_generator(gen, 100, nb_epoch=5, nb_worker=2, workers=3)\n"
    )
    (gone,) = _findings(fit, k3, "KER112")
    assert gone.text.endswith("takes no `workers=`: drop it")
    # KER403: a setter of the stale copy's backend_config sets its own value (TF 2.15.1: floatx() stays float32)
    setter = "from tensorflow import keras\nfrom tensorflow.python.keras import backend_config\n"
    assert _findings(setter + "eps = backend_config.epsilon()\nm = keras.Sequential()\n", tf, "KER403") == []
    assert len(_findings(setter + "backend_config.set_floatx('float16')\nm = keras.Sequential()\n", tf, "KER403")) == 1
    # KER244: a model changed in place, or given to a function, may hold a Lambda its bindings do not show
    head = "from tensorflow import keras\ninputs = keras.Input((3,))\n"
    grown = (
        head + "outs = []\nouts.append(keras.layers.Lambda(lambda t: t * 2.0)(inputs))\nm = keras.Model(inputs, outs)\n"
    )
    given = head + "m = keras.Sequential()\ndef add(m):\n    m.add(keras.layers.Lambda(lambda t: t))\nadd(m)\n"
    for source in (grown, given):
        assert len(_findings(source + "c = keras.models.model_from_json(m.to_json())\n", tf, "KER244")) == 1
    # KER121: a model loaded without its compile has no metrics; `index('loss')` is 0 everywhere
    loaded = "from keras.models import load_model\nm = load_model('a.h5', compile=False)\nprint(m.metrics_names[1])\n"
    assert _findings(loaded, k3, "KER121") == []
    assert _findings(loaded.replace(", compile=False", "").replace("[1]", ".index('loss')"), k3, "KER121") == []
    # KER251: a comprehension's filter guards what it computes
    nodes = "import keras\nfor layer in config['layers']:\n    names = [n[0] for n in layer['inbound_nodes']{}]\n"
    assert _findings(nodes.format(" if isinstance(n, list)"), k3, "KER251") == []
    assert len(_findings(nodes.format(""), k3, "KER251")) == 1
    # KER256: a decorated builder may return anything in its place
    built = (
        "import keras\n@register\ndef build():\n    x = keras.Input((3,))\n"
        "    return keras.Model(x, keras.layers.Dense(2)(x))\n"
        "m = build()\nf = keras.Model(m.layers[0].input, m.layers[1].output)\n"
    )
    assert _findings(built, k3, "KER256") == []
    assert len(_findings(built.replace("@register\n", ""), k3, "KER256")) == 1
    # KER206 on keras3: beside `lr=`, the call never gets to ignore `decay=` (Keras 3.15.1: ValueError for `lr`)
    (decay,) = _findings("from keras.optimizers import SGD\ns = SGD(lr=0.01, decay=1e-6)\n", k3, "KER206")
    assert "raises first, on the `lr=` beside it" in decay.message and decay.severity is None
    (alone,) = _findings("from keras.optimizers import SGD\ns = SGD(learning_rate=0.01, decay=1e-6)\n", k3, "KER206")
    assert "raises first" not in alone.message
    # KER205: with the rate given too, `lr` is no default that changes nothing
    rates = "from keras.optimizers import Adam, SGD\na = Adam(learning_rate=0.01, lr=0.001)\nb = SGD(0.1, lr=0.01)\n"
    assert [f.severity for f in _findings(rates, tf, "KER205")] == [None, None]


def test_a_standalone_import_that_runs_beside_tf_2_15_is_no_finding():
    # run on TF 2.15.1 (tests/data/api_programs/tf_standalone_keras_runs.py): keras 2.15.0 is the package tf.keras
    # is loaded from, with `__version__` and `keras.src`; Keras 3's `keras.ops` is not in it
    runs = "import keras\nprint(keras.__version__)\nfrom keras.layers import Dense\nfrom keras.src import layers\n"
    assert [f for f in check_source(runs, Settings()) if f.code == "KER101"] == []
    (ops,) = [f for f in check_source("import keras\nkeras.ops.add(1, 2)\n", Settings()) if f.code == "KER101"]
    assert ops.message.endswith("(not fixed: `tensorflow.keras` has no `ops` on target tf.keras)")
    # a Keras 3 submodule imported under a name raises ModuleNotFoundError beside TF 2.15.1 (run); Keras 2 ones run
    aliased = "import keras.ops as ops\nimport keras.random as R\nimport keras.layers as L\nimport keras.backend as K\n"
    assert [f.line for f in check_source(aliased, Settings()) if f.code == "KER101"] == [1, 2]
    (pinned,) = [f for f in check_source(runs, Settings(pins=("keras>=3",))) if f.code == "KER101"][:1]
    assert "the project's pins (`keras>=3`) make them two" in pinned.message


def test_a_keras_src_import_is_an_error_only_where_the_target_lacks_the_module():
    """Probe 12 FP-3: `from keras.src.engine.base_layer import Layer` runs on TF 2.15.1 (keras 2.15.0 has the module)
    and raises ModuleNotFoundError on Keras 3.15.1 (run on both); `keras.src.layers` exists on both."""
    source = "import keras\nfrom keras.src.engine.base_layer import Layer\nfrom keras.src.layers import Dense\n"
    for target, engine in ((Target.KERAS3, "error"), (Target.TF_KERAS, "warning")):
        found = {f.line: f for f in check_source(source, Settings(target=target)) if f.code == "KER103"}
        assert set(found) == {2, 3}, target
        assert (found[2].severity or "error") == engine, target
        assert ("ModuleNotFoundError" in found[2].message) is (engine == "error"), target
        assert found[3].severity == "warning" and "where the import runs" in found[3].message, target


def test_keras3_only_names_through_standalone_keras_are_errors_on_tf_keras():
    """Probe 12 t59: keras 2.15.0 (the `keras` beside TF 2.15.1) has no `ops` or `random`, as tf.keras has not:
    `from keras import ops` raises ImportError (program tf_keras3_ops_import.py), `keras.random` AttributeError
    (run on TF 2.15.1); a harmless `keras.__version__` read first does not hide them."""
    source = "import keras\nprint(keras.__version__)\nseed = keras.random.SeedGenerator(1)\nfrom keras import ops\n"
    found = {f.line: f for f in check_source(source, Settings(target=Target.TF_KERAS)) if f.code == "KER101"}
    assert set(found) == {1, 4}
    assert found[1].severity == "error" and "`random`" in found[1].message and "AttributeError" in found[1].message
    assert found[4].severity == "error" and "`ops`" in found[4].message and "ImportError" in found[4].message
