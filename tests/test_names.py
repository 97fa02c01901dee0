"""Names are resolved through the module's own imports, never guessed: each case both ways."""

from __future__ import annotations

import textwrap

import pytest

from kerascheck.catalog.model import Target
from tests.conftest import codes_at, findings_of


def test_theano_border_mode_is_not_keras():
    source = """
        import keras
        from theano.tensor.nnet import conv2d
        y = conv2d(x, w, border_mode='valid')
    """
    assert [c for c in codes_at(source) if c[0] != "KER101"] == []


def test_lasagne_layer_is_not_keras():
    source = """
        import keras
        from lasagne.layers import Conv2DLayer
        Conv2DLayer(incoming, num_filters=32, filter_size=3, border_mode='same')
    """
    assert [c for c in codes_at(source) if c[0] != "KER101"] == []


def test_own_class_named_like_a_keras_layer():
    own = """
        import tensorflow as tf
        class Dense:
            def __init__(self, output_dim): ...
        Dense(output_dim=3)
    """
    imported = """
        import tensorflow as tf
        from tensorflow.keras.layers import Dense
        Dense(output_dim=3)
    """
    assert codes_at(own) == []
    assert codes_at(imported) == [("KER201", 4, 6)]


def test_fit_keywords_need_a_keras_import():
    without = "# keras-style training loop\nmodel.fit(x, y, nb_epoch=3)\n"
    with_import = "import tensorflow.keras\nmodel.fit(x, y, nb_epoch=3)\n"
    assert codes_at(without) == []
    assert codes_at(with_import) == [("KER201", 2, 16)]


def test_method_on_an_imported_module_is_not_a_model_method():
    assert codes_at("import tensorflow.keras\nimport sklearn\nsklearn.fit(x, nb_epoch=3)\n") == []


def test_parameter_shadows_import():
    shadowed = """
        from tensorflow.keras.layers import Dropout
        def build(Dropout):
            return Dropout(p=0.5)
    """
    plain = """
        from tensorflow.keras.layers import Dropout
        def build():
            return Dropout(p=0.5)
    """
    assert codes_at(shadowed) == []
    assert codes_at(plain) == [("KER201", 4, 19)]


def test_later_module_level_definition_shadows_import():
    source = """
        from tensorflow.keras.layers import Dropout
        Dropout(p=0.5)
        def Dropout(p): ...
    """
    assert codes_at(source) == []


def test_class_attribute_does_not_leak_into_methods():
    source = """
        from tensorflow.keras.layers import Dropout
        class Config:
            Dropout = None
            def build(self):
                return Dropout(p=0.5)
    """
    assert codes_at(source) == [("KER201", 6, 23)]


def test_a_config_class_member_bound_to_a_keras_name_resolves_through_the_class():
    read = """
        from tensorflow import keras
        class Config:
            layer = keras.layers.Dense
            optimizer = keras.optimizers.Adam
        Config.layer(4, init="uniform")
        Config.optimizer(lr=0.1)
    """
    assert codes_at(read, Target.KERAS3) == [("KER201", 6, 16), ("KER205", 7, 17)]
    # the member may be something else: set from outside, bound twice, the class decorated, rebound or nested
    unknown = {
        "set": """
            from tensorflow import keras
            class Config:
                layer = keras.layers.Dense
            Config.layer = object
            Config.layer(4, init="uniform")
        """,
        "twice": """
            from tensorflow import keras
            class Config:
                layer = keras.layers.Dense
                layer = staticmethod(layer)
            Config.layer(4, init="uniform")
        """,
        "decorated": """
            import dataclasses
            from tensorflow import keras
            @dataclasses.dataclass
            class Config:
                layer = keras.layers.Dense
            Config.layer(4, init="uniform")
        """,
        "class rebound": """
            from tensorflow import keras
            class Config:
                layer = keras.layers.Dense
            Config = object()
            Config.layer(4, init="uniform")
        """,
        "nested class": """
            from tensorflow import keras
            def make():
                class Config:
                    layer = keras.layers.Dense
                return Config.layer(4, init="uniform")
        """,
    }
    for name, source in unknown.items():
        assert codes_at(source, Target.KERAS3) == [], name


def test_every_import_form_resolves():
    forms = {
        "import keras as K\nK.layers.Dropout(p=0.5)\n": (2, 17),
        "from keras.layers import Dropout as D\nD(p=0.5)\n": (2, 2),
        "from keras.layers import *\nDropout(p=0.5)\n": (2, 8),
        "import tensorflow as tf\ntf.keras.layers.Dropout(p=0.5)\n": (2, 24),
        "from tensorflow import keras\nkeras.layers.Dropout(p=0.5)\n": (2, 21),
        "from tensorflow.keras import layers\nlayers.Dropout(p=0.5)\n": (2, 15),
        "import tf_keras\ntf_keras.layers.Dropout(p=0.5)\n": (2, 24),
        "import tensorflow.compat.v1 as tf\ntf.keras.layers.Dropout(p=0.5)\n": (2, 24),
        "from keras.layers.core import Dropout\nDropout(p=0.5)\n": (2, 8),
        "from tensorflow import keras\nDrop = keras.layers.Dropout\nDrop(p=0.5)\n": (3, 5),
    }
    for source, position in forms.items():
        found = [(line, col) for code, line, col in codes_at(source, Target.KERAS3) if code == "KER201"]
        assert found == [position], source


def test_star_import_supplies_only_catalogued_keras_names():
    source = "from keras.layers import *\nfrom numpy import *\nconv2d(x, border_mode='same')\n"
    assert [c for c in codes_at(source, Target.KERAS3) if c[0] == "KER201"] == []


def test_columns_count_characters_not_bytes():
    source = "from tensorflow.keras.layers import Dropout\nnote = 'ünïcödé'; Dropout(p=0.5)\n"
    assert codes_at(source) == [("KER201", 2, 26)]


def test_guarded_imports_are_compatibility_code():
    guarded = """
        try:
            from keras.layers.convolutional import Convolution2D
        except ImportError:
            from tensorflow.keras.layers import Conv2D as Convolution2D
    """
    assert codes_at(guarded) == []


def test_what_guarded_imports_bring_in_is_still_checked():
    """Compatibility imports are not reported, but the Keras they import is used like any other."""
    guarded = """
        try:
            from keras.layers import Dense, Layer
        except ImportError:
            from tensorflow.keras.layers import Dense, Layer
        class Scaled(Layer):
            def build(self, shape):
                self.w = self.add_weight(shape=(1,))
            def __call__(self, x):
                return x
        Dense(output_dim=3)
        model.fit(x, y, nb_epoch=3)
    """
    assert codes_at(guarded) == [("KER305", 9, 8), ("KER201", 11, 6), ("KER201", 12, 16)]
    tensorflow_or_nothing = """
        try:
            import tensorflow as tf
        except ImportError:
            tf = None
        class Scaled(tf.keras.layers.Layer):
            def build(self, shape):
                self.w = self.add_weight(shape=(1,))
            def __call__(self, x):
                return x
    """
    assert codes_at(tensorflow_or_nothing) == [("KER305", 9, 8)]
    nothing_keras = "try:\n    import numpy as np\nexcept ImportError:\n    np = None\nmodel.fit(x, nb_epoch=3)\n"
    assert codes_at(nothing_keras) == []


def test_deep_nesting_is_walked_without_recursion():
    source = "import keras\nx = " + "[" * 150 + "keras.layers.Dropout(p=1)" + "]" * 150 + "\n"
    assert [code for code, _, _ in codes_at(source)] == ["KER201"]


def test_long_attribute_chain():
    source = "import tensorflow as tf\ny = tf" + ".a" * 20000 + "\n"
    assert codes_at(source) == []


def test_legacy_optimizers_keep_their_own_name_on_tf_keras():
    legacy = "import tensorflow as tf\ntf.keras.optimizers.legacy.Adam(lr=0.1)\n"
    assert codes_at(legacy) == []
    # on Keras 3 the legacy namespace is gone: KER111 says so and that its replacement takes `learning_rate=`
    # (no KER205 on the legacy call: one finding per problem; review 8)
    assert [code for code, _, _ in codes_at(legacy, Target.KERAS3)] == ["KER102", "KER111"]
    # the tf_keras package keeps Keras 2's legacy optimizers (run on TF 2.15.1 with tf_keras 2.15.1)
    keras2 = "import tf_keras\nopt = tf_keras.optimizers.legacy.Adam(lr=0.1, decay=1e-6)\n"
    assert codes_at(keras2, Target.KERAS3) == []


def test_relative_imports_resolve_inside_a_package(tmp_path):
    from kerascheck.config import Settings
    from kerascheck.engine import check_source, module_name_for

    package = tmp_path / "keras" / "applications"
    package.mkdir(parents=True)
    (tmp_path / "keras" / "__init__.py").write_text("")
    (package / "__init__.py").write_text("")
    module = package / "vgg.py"
    module.write_text("from ..layers import Convolution2D, merge\nConvolution2D(8, 3, 3, border_mode='same')\n")
    assert module_name_for(str(module)) == "keras.applications.vgg"
    assert module_name_for(str(tmp_path / "loose.py")) is None
    found = check_source(module.read_text(), Settings(), module_name_for(str(module)))
    assert [(f.code, f.line, f.col) for f in found] == [
        ("KER110", 1, 21),
        ("KER111", 1, 36),
        ("KER110", 2, 0),
        ("KER203", 2, 0),
        ("KER201", 2, 23),
    ]
    assert check_source(module.read_text(), Settings()) == []  # without its package: unknown


def test_subclass_of_any_keras_layer_is_a_custom_layer():
    source = """
        import tensorflow as tf
        from keras.layers import Dense, InputSpec
        class MILayer(Dense):
            def call(self, x):
                return tf.nn.dropout(x, 0.5)
        class Spec(InputSpec):
            def call(self, x):
                return tf.nn.dropout(x, 0.5)
    """
    assert [(code, line) for code, line, _ in codes_at(source, Target.KERAS3) if code.startswith("KER3")] == [
        ("KER301", 6)
    ]


def test_layers_imported_through_the_private_keras_src_packages_are_layers():
    """``keras.src.layers`` and ``keras.src.models`` re-export the public classes (keras 3 and tf-keras
    sources); deeper private paths follow the implementation's layout and stay as written."""
    source = """
        from keras.src import layers
        from keras.src.models import Model
        from keras.src.layers import Dropout, InputSpec
        class Block(layers.Layer):
            def build(self, shape):
                pass
            def __call__(self, x):
                return x
        class Net(Model):
            def __init__(self):
                self.drop = Dropout(0.5)
            def call(self, x):
                return self.drop(x)
        class Spec(InputSpec):
            def __call__(self, x):
                return x
    """
    found = [(code, line) for code, line, _ in codes_at(source, Target.KERAS3) if code.startswith("KER3")]
    assert found == [("KER305", 8), ("KER306", 13)]
    deeper = (
        "from keras.src.layers.core.dense import Dense\nclass D(Dense):\n    def __call__(self, x):\n        return x\n"
    )
    assert [code for code, _, _ in codes_at(deeper, Target.KERAS3)] == ["KER103"]


def test_a_repeated_import_statement_is_reported_where_each_repeat_stands(monkeypatch):
    """The engine works each distinct import statement out once per process and moves its findings
    (and their fixes) to each repeat: that must give what working each out afresh gives."""
    from kerascheck import engine, import_memo
    from kerascheck.config import Settings

    # tf_keras beside it: standalone keras is Keras 3 there, and every repeat a KER101
    first = "import tf_keras\nimport keras\nfrom keras.layers.convolutional import Conv2D; import keras\n"
    second = "x = 1\n\n\n" + first + "from ..layers import Convolution2D\n"
    third = "from ..layers import Convolution2D\n"

    def report(source, module_name=None):
        found = engine.check_source(source, Settings(), module_name)
        return [(f.code, f.line, f.col, f.end_line, f.end_col, f.message, f.fix) for f in found]

    modules = ((first, None), (second, "mypkg.applications.vgg"), (third, "mypkg.sub.mod"))
    modules += ((second, "keras.applications.vgg"),)  # Keras's own package: its imports are its own
    monkeypatch.setattr(import_memo, "_IMPORT_FINDINGS", {})
    reused = [report(source, module_name) for source, module_name in modules]
    fresh = []
    for source, module_name in modules:
        monkeypatch.setattr(import_memo, "_IMPORT_FINDINGS", {})
        fresh.append(report(source, module_name))
    assert reused == fresh
    assert [(code, line, col) for code, line, col, *_ in reused[1] if code != "KER402"] == [
        ("KER101", 5, 0),
        ("KER101", 6, 0),  # moves it off the legacy path too: no KER102 beside it
        ("KER101", 6, 47),
    ]
    assert next(f for f in reused[1] if f[0] == "KER101")[6].edits[0].line == 5  # the fix moved with the finding
    assert reused[2] == []  # a relative import outside Keras's package is no Keras
    assert [(code, line, col) for code, line, col, *_ in reused[3] if code != "KER402"] == [("KER110", 7, 21)]


def test_tf1_names_kept_by_tf_compat_v1_keras_exist_there():
    """tf.compat.v1.keras (keras 2.15 api/_v1) still has get_session, CuDNNLSTM and a few others;
    model_from_yaml is there too, but raises since TF 2.6."""
    source = """
        import tensorflow as tf
        tf.compat.v1.keras.backend.get_session()
        tf.compat.v1.keras.layers.CuDNNLSTM(4)
        tf.compat.v1.keras.models.model_from_yaml("")
        tf.keras.backend.get_session()
    """
    assert [(code, line) for code, line, _ in codes_at(source)] == [("KER111", 5), ("KER111", 6)]
    on_keras3 = [(code, line) for code, line, _ in codes_at(source, Target.KERAS3) if code == "KER111"]
    assert on_keras3 == [("KER111", 3), ("KER111", 4), ("KER111", 5), ("KER111", 6)]


def test_a_name_branches_bind_to_one_keras_or_the_other_is_no_mixing():
    """``if …: from tensorflow import keras`` / ``else: import keras``: the name is either Keras, so its
    uses mix nothing (talos, segmentation_models); what is called through it is still checked."""
    either = """
        def build(backend):
            if backend == "tensorflow":
                from tensorflow import keras
                from tensorflow.keras.layers import Dense
            else:
                import keras
                from keras.layers import Dense
            Sequential = keras.models.Sequential
            model = Sequential([Dense(output_dim=3)])
            return keras.backend.clear_session, model
    """
    assert [code for code, _, _ in codes_at(either) if code != "KER101"] == ["KER201"]
    mixed = """
        import keras
        from tensorflow.keras.layers import Dense
        model = keras.models.Sequential([Dense(3)])
    """
    assert [code for code, _, _ in codes_at(mixed) if code != "KER101"] == []  # one Keras on TF 2.15
    assert [code for code, _, _ in codes_at("import tf_keras\n" + textwrap.dedent(mixed)) if code == "KER401"] == [
        "KER401"
    ]


def test_a_later_star_import_of_another_module_makes_a_name_unknown():
    """`from compat import *` after `from keras.layers import *` may rebind `Dense` (a real project's
    compat module defined `def Dense(output_dim, **kw)`; the KER201 fix to `units=` raised TypeError)."""
    use = "layer = Dense(output_dim=3)\n"
    assert codes_at("from keras.layers import *\nfrom compat import *\n" + use) == []
    assert ("KER201", 3, 14) in codes_at("from compat import *\nfrom keras.layers import *\n" + use)
    assert ("KER201", 3, 14) in codes_at("from keras.layers import *\nfrom keras.models import *\n" + use)


def test_a_tf_keras_models_methods_are_keras2s_on_keras3():
    # tf_keras 2.15.1 beside TF 2.15.1: its models keep fit_generator (deprecated, with a warning)
    source = "import tf_keras\nmodel = tf_keras.Sequential()\nmodel.fit_generator(batches, steps_per_epoch=2)\n"
    from kerascheck.config import Settings
    from kerascheck.engine import check_source

    (finding,) = [f for f in check_source(source, Settings(target=Target.KERAS3)) if f.code == "KER112"]
    assert "is deprecated (it still runs, with a warning)" in finding.message and finding.severity is None
    plain = source.replace("tf_keras", "keras")
    (gone,) = [f for f in check_source(plain, Settings(target=Target.KERAS3)) if f.code == "KER112"]
    assert "is removed (AttributeError)" in gone.message


def test_a_method_name_other_objects_share_is_reported_only_on_a_keras_receiver():
    """``add_update`` (removed from Keras 3's layers) is also Keras 3's own StatelessScope method (corpus triage 11)."""
    source = """
        import keras
        from keras.src.backend.common.stateless_scope import get_stateless_scope
        class Counter(keras.layers.Layer):
            def call(self, x):
                self.add_update([])
                return x
        class Plain:
            def step(self):
                self.add_update([])
        def record(value, layer):
            get_stateless_scope().add_update(value)
            layer.add_update(value)
        model = keras.Sequential([keras.Input((2,)), Counter()])
        model.add_update([])
    """
    assert [(code, line) for code, line, _ in codes_at(source, Target.KERAS3) if code == "KER112"] == [
        ("KER112", 6),
        ("KER112", 15),
    ]


def test_a_member_of_self_bound_only_to_keras_objects_is_typed():
    """``self.net = Sequential(…)`` in ``__init__`` and nothing else binding ``net``: ``self.net`` is that model in
    the class's methods (held-out probe 13, p14); any other binding leaves it untyped."""
    typed = """
        from tensorflow.keras import Sequential, layers
        class Classifier:
            def __init__(self, fresh):
                if fresh:
                    self.net = Sequential([layers.Dense(3)])
                else:
                    self.net = Sequential()
            def scores(self, x):
                return self.net.predict_proba(x)
    """
    assert [c[:2] for c in codes_at(typed, Target.KERAS3) if c[0] == "KER120"] == [("KER120", 10)]
    untyped = {
        "set elsewhere": "clf = Classifier()\nclf.net = object()\n",
        "None first": "",
        "class attribute": "",
        "subclass": "class Other(Classifier):\n    def reset(self):\n        self.net = object()\n",
        "deleted": "class Other(Classifier):\n    def reset(self):\n        del self.net\n",
        "loop": (
            "class Other(Classifier):\n    def each(self, nets):\n        for self.net in nets:\n            print(1)\n"
        ),
    }
    for name, tail in untyped.items():
        source = textwrap.dedent(typed)
        if name == "None first":
            source = source.replace(
                "    def __init__(self, fresh):\n", "    def __init__(self, fresh):\n        self.net = None\n"
            )
        if name == "class attribute":
            source = source.replace("class Classifier:\n", "class Classifier:\n    net = None\n")
        assert [c for c in codes_at(source + tail, Target.KERAS3) if c[0] == "KER120"] == [], name


@pytest.mark.parametrize("target", [Target.TF_KERAS, Target.KERAS3])
def test_a_legacy_module_whose_read_name_has_no_public_home_says_so(target):
    """`from keras.utils import conv_utils` then `conv_utils.normalize_tuple(…)`: neither target's public `utils` has
    `normalize_tuple` (the import raises ImportError on TF 2.15.1), so "import from utils" would be wrong advice."""
    source = "from keras.utils import conv_utils, np_utils\nk = conv_utils.normalize_tuple(3, 2, 'k')\n"
    source += "y = np_utils.to_categorical([1, 2])\n"
    (finding,) = [f for f in findings_of(source, target) if f.code == "KER102" and "conv_utils" in f.message]
    assert "has no `normalize_tuple`" in finding.text and "keep a copy" in finding.text
    (other,) = [f for f in findings_of(source, target) if f.code == "KER102" and "np_utils" in f.message]
    assert "Import from" in (other.fix_title or "")


def test_a_name_with_a_none_fallback_is_reported_only_where_its_use_can_fail():
    """`try: from keras.layers import CuDNNLSTM` / `except ImportError: CuDNNLSTM = None`: a bare read (`x is not None`)
    cannot fail, and a module that tests the name plans for its absence; an untested call still raises on Keras 3
    (`TypeError: 'NoneType' object is not callable`)."""
    fallback = "try:\n    from keras.layers import CuDNNLSTM\nexcept ImportError:\n    CuDNNLSTM = None\n"
    assert not [f for f in findings_of(fallback + "print(CuDNNLSTM)\n", Target.KERAS3) if f.code == "KER111"]
    called = [f for f in findings_of(fallback + "layer = CuDNNLSTM(64)\n", Target.KERAS3) if f.code == "KER111"]
    assert [f.line for f in called] == [5]
    unguarded = "from keras.layers import CuDNNLSTM\nlayer = CuDNNLSTM(64)\n"
    assert [f.code for f in findings_of(unguarded, Target.KERAS3) if f.code == "KER111"]


@pytest.mark.parametrize("target", [Target.TF_KERAS, Target.KERAS3])
def test_a_removed_name_asked_with_hasattr_first_is_no_finding(target):
    """`if hasattr(K, 'get_session'): sess = K.get_session()`: the branch never runs where the catalog says the name is
    gone (held-out probe 20: runs on TF 2.15.1); unguarded, it is still reported."""
    guarded = "from tensorflow.keras import backend as K\nif hasattr(K, 'get_session'):\n    sess = K.get_session()\n"
    assert not [f for f in findings_of(guarded, target) if f.code == "KER111"]
    unguarded = "from tensorflow.keras import backend as K\nsess = K.get_session()\n"
    assert [f.line for f in findings_of(unguarded, target) if f.code == "KER111"] == [2]


@pytest.mark.parametrize("target", [Target.TF_KERAS, Target.KERAS3])
def test_a_legacy_module_read_off_its_parent_is_reported_where_it_is_read(target):
    """`K.tensorflow_backend` with `import keras.backend as K`: the import runs and the read raises AttributeError
    (run on TF 2.15.1 and Keras 3: tests/data/api_programs/*_read.py); asked for with `hasattr` first, it is not."""
    source = "import keras.backend as K\nmodule = K.tensorflow_backend\nutils = K.floatx()\n"
    found = [f for f in findings_of(source, target) if f.code in ("KER101", "KER102")]
    assert [(f.code, f.line) for f in found] == [("KER102", 2)]
    assert "reading it raises `AttributeError`" in found[0].text
    guarded = "import keras.backend as K\nif hasattr(K, 'tensorflow_backend'):\n    module = K.tensorflow_backend\n"
    assert [f.code for f in findings_of(guarded, target) if f.code == "KER102"] == []


def test_standalone_keras_says_the_read_fails_not_the_import():
    """`import keras.backend as K` imports on TF 2.15.1; only reading a name `tensorflow.keras.backend` lacks fails."""
    source = "import keras.backend as K\nx = K.ops\n"
    (finding,) = [f for f in findings_of(source, Target.TF_KERAS) if f.code == "KER101"]
    assert "reading it raises `AttributeError`" in finding.text and "the import raises" not in finding.text
    submodule = "import keras.utils.vis_utils as V\n"
    (finding,) = [f for f in findings_of(submodule, Target.TF_KERAS) if f.code == "KER101"]
    assert "reading it raises" not in finding.text


@pytest.mark.parametrize("target", [Target.TF_KERAS, Target.KERAS3])
def test_a_removed_name_with_a_fallback_import_is_the_fallback_on_the_target(target):
    """`try: from keras.layers import CuDNNLSTM` / `except ImportError: from keras.layers import LSTM as CuDNNLSTM`: on
    the target the fallback binds the name, and its uses run (held-out probe 21, run on TF 2.15.1); a fallback to
    another removed name is no fallback there."""
    guarded = "try:\n    from keras.layers import CuDNNLSTM\nexcept ImportError:\n    from keras.layers import {}\n"
    use = "layer = CuDNNLSTM(4)\n"
    present = guarded.format("LSTM as CuDNNLSTM") + use
    assert [f.code for f in findings_of(present, target) if f.code == "KER111"] == []
    removed = guarded.format("CuDNNGRU as CuDNNLSTM") + use
    assert [f.line for f in findings_of(removed, target) if f.code == "KER111"] == [5]


def test_a_stub_module_asked_for_with_hasattr_is_still_reported():
    """`if hasattr(tf.keras.optimizers, "legacy"):` finds Keras 3's stub module (tensorflow_addons' guard): its
    optimizers still raise ImportError when made, so the guard protects nothing; a missing module's guard does."""
    stub = 'import tensorflow as tf\nif hasattr(tf.keras.optimizers, "legacy"):\n'
    stub += "    opt = tf.keras.optimizers.legacy.Adam()\n"
    assert [f.line for f in findings_of(stub, Target.KERAS3) if f.code == "KER102"] == [3]
    missing = (
        "import keras.backend as K\nif hasattr(K, 'tensorflow_backend'):\n    K.tensorflow_backend.get_session()\n"
    )
    assert [f for f in findings_of(missing, Target.KERAS3) if f.code == "KER102"] == []
