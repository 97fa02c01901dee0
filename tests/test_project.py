"""Whole-project checks through the command line: mixing across modules, dependency pins."""

from __future__ import annotations

import functools
import json

from kerascheck.catalog.implementations import STANDALONE_KERAS_VERSIONS


def test_mixing_across_modules_is_reported_once(tmp_path, kerascheck):
    (tmp_path / "requirements.txt").write_text("keras==2.3.1\n")  # multi-backend Keras: not tf.keras's
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "a.py").write_text("from tensorflow import keras\nimport b, c\nkeras.layers.Dense(1)\n")
    (tmp_path / "pkg" / "b.py").write_text("import keras  # noqa: KER101\n")
    (tmp_path / "pkg" / "c.py").write_text("import keras  # noqa: KER101\n")
    result = kerascheck("--format=concise", "--keras-target=auto", "pkg", cwd=tmp_path)
    assert result.stdout.splitlines() == [
        "pkg/b.py:1:1: KER404 standalone `keras` is used here and `tf.keras` in `pkg/a.py`, which one program "
        f"imports too: {STANDALONE_KERAS_VERSIONS}; the project's pins (`keras==2.3.1`) make them two"
    ]
    assert kerascheck("--keras-target=tf.keras", "pkg", cwd=tmp_path).returncode == 0  # TF 2.15's keras: one
    assert "KER404" not in kerascheck("--keras-target=keras3", "pkg", cwd=tmp_path).stdout
    # a folder given as an absolute path: the project finding joins the file's other findings
    (tmp_path / "pkg" / "c.py").write_text("import keras\n")
    absolute = str(tmp_path / "pkg")
    result = kerascheck("--format=json", "--keras-target=auto", absolute, cwd=tmp_path)
    names = {finding["filename"] for finding in json.loads(result.stdout) if "c.py" in finding["filename"]}
    assert names == {str(tmp_path / "pkg" / "c.py")}


def test_mixing_across_modules_follows_the_imports(tmp_path, kerascheck):
    kerascheck = functools.partial(kerascheck, "--keras-target=auto")
    (tmp_path / "requirements.txt").write_text("keras==2.3.1\n")  # multi-backend Keras: not tf.keras's
    (tmp_path / "scripts").mkdir()
    (tmp_path / "scripts" / "old.py").write_text("import keras  # noqa: KER101\nkeras.layers.Dense(1)\n")
    (tmp_path / "scripts" / "new.py").write_text("from tensorflow import keras\nkeras.layers.Dense(1)\n")
    assert kerascheck("--format=concise", "scripts", cwd=tmp_path).stdout == ""  # two programs
    (tmp_path / "scripts" / "main.py").write_text("import old\nimport new\n")  # no keras: gate-skipped
    result = kerascheck("--format=concise", "scripts", cwd=tmp_path)
    assert [line.split(": ")[1].split()[0] for line in result.stdout.splitlines()] == ["KER404"]
    (tmp_path / "pkg" / "sub").mkdir(parents=True)
    (tmp_path / "pkg" / "__init__.py").write_text("from .sub import tfk\n")
    (tmp_path / "pkg" / "sub" / "__init__.py").write_text("")
    (tmp_path / "pkg" / "sub" / "tfk.py").write_text("from tensorflow import keras\n")
    (tmp_path / "pkg" / "standalone.py").write_text("import keras  # noqa: KER101\n")
    assert kerascheck("--format=concise", "pkg", cwd=tmp_path).stdout == ""
    (tmp_path / "pkg" / "standalone.py").write_text("import keras  # noqa: KER101\nfrom pkg.sub import tfk\n")
    result = kerascheck("--format=concise", "pkg", cwd=tmp_path)
    assert result.stdout.startswith("pkg/sub/tfk.py:1:1: KER404") and "`pkg/standalone.py`" in result.stdout


def test_dependency_pins_with_a_folder_and_as_files(tmp_path, kerascheck):
    (tmp_path / "requirements.txt").write_text("numpy\ntensorflow==2.15.0\nkeras>=3  # the new one\nnot valid ===\n")
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "m.py").write_text("x = 1\n")
    for argument in ("src", "requirements.txt"):
        lines = kerascheck("--format=concise", argument, cwd=tmp_path).stdout.splitlines()
        assert lines[0] == (
            "requirements.txt:3:1: KER503 `keras>=3` cannot be used with `tensorflow==2.15.0` (requirements.txt:2): "
            "Keras 3 needs TensorFlow 2.16 or newer"
        )
        # the reason is packaging's own words, which vary between its releases
        assert lines[1].startswith("requirements.txt:4:1: KER500 `not valid ===` is not a valid requirement: ")
        assert len(lines) == 2


def test_pins_against_the_chosen_target(tmp_path, kerascheck):
    (tmp_path / "requirements.txt").write_text("tensorflow==2.17.0\n")
    (tmp_path / "m.py").write_text("x = 1\n")
    chosen = kerascheck("--format=concise", "--keras-target=tf.keras", ".", cwd=tmp_path)
    assert chosen.stdout.splitlines() == [
        "requirements.txt:1:1: KER506 `tensorflow==2.17.0` admits only keras3, but the target is tf.keras"
    ]
    assert kerascheck(".", cwd=tmp_path).returncode == 0  # the default target is not a choice
    assert kerascheck("--keras-target=auto", ".", cwd=tmp_path).returncode == 0


def test_noqa_in_requirements(tmp_path, kerascheck):
    (tmp_path / "requirements.txt").write_text("tensorflow==2.12.0\nkeras==2.15.0  # noqa: KER501\n")
    assert kerascheck("requirements.txt", cwd=tmp_path).returncode == 0


def test_keras_tensorflow_pairs_follow_the_version_matrix():
    from packaging.version import Version

    from kerascheck.rules.dependencies import keras_tensorflow_problem

    cases = {
        ("2.15.0", "2.15.1"): None,
        ("2.12.0", "2.12.0"): None,
        ("2.13.1", "2.12.0"): "KER501",
        ("2.7.0", "2.6.0"): None,  # TF 2.6 asked only for keras ~=2.6
        ("2.15.0", "2.16.1"): "KER502",
        ("3.3.3", "2.17.0"): None,
        ("3.0.5", "2.15.0"): "KER503",
        ("3.0.5", "2.4.0"): "KER503",
        ("2.2.4", "1.15.0"): None,
        ("2.3.1", "2.2.0"): "KER504",
        ("2.4.3", "2.3.0"): None,
    }
    found = {pair: keras_tensorflow_problem(Version(pair[0]), Version(pair[1])) for pair in cases}
    assert found == cases


def _package_with_a_layer(tmp_path):
    """``pkg/`` with ``pkg/base.py`` defining the custom layer ``Base``."""
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "base.py").write_text("from tensorflow import keras\n\nclass Base(keras.layers.Layer):\n    pass\n")
    return package


def test_custom_layers_across_modules(tmp_path, kerascheck):
    package = _package_with_a_layer(tmp_path)
    (package / "blocks.py").write_text(
        "import tensorflow as tf\nfrom .base import Base\n\n"
        "class Noisy(Base):\n    def call(self, x):\n        return tf.nn.dropout(x, 0.5)\n"
    )
    (package / "more.py").write_text(
        "from pkg.blocks import Noisy\n\nclass Noisier(Noisy):\n    def __call__(self, x):\n        return x\n"
    )
    result = kerascheck("--format=concise", "pkg", cwd=tmp_path)
    assert result.stdout.splitlines() == [
        "pkg/blocks.py:6:16: KER301 `tf.nn.dropout` in `Noisy.call` drops in inference too: it does not read the "
        "training phase (target tf.keras), and `call` takes no `training` argument",
        "pkg/more.py:4:9: KER305 `Noisier` overrides `__call__`, which runs Keras's building, masking and "
        "training-phase logic",
    ]
    # one file alone knows nothing of the others
    assert kerascheck("pkg/blocks.py", cwd=tmp_path).returncode == 0


def test_layers_across_modules_settle_as_a_second_check_would(tmp_path, kerascheck):
    """Checked modules settle their speculative class findings without being checked again; under
    --fix every such module is checked again instead. Both must agree (nothing here is fixable)."""
    package = _package_with_a_layer(tmp_path)
    (package / "mid.py").write_text(  # mentions keras, imports none: first checked without class rules
        "# built on keras\nfrom pkg.base import Base\n\nclass Mid(Base):\n    def __call__(self, x):\n"
        "        return x\n\nclass Local(Mid):\n    def __call__(self, x):  # noqa: KER305\n        return x\n\n"
        "class Deeper(Local):\n    def __call__(self, x):\n        return x\n"
    )
    (package / "top.py").write_text(  # never mentions keras: the text gate skips it at first
        "from pkg.mid import Deeper\n\nclass Top(Deeper):\n    def __call__(self, x):\n        return x\n"
    )
    (package / "other.py").write_text(
        "from tensorflow import keras\nfrom collections import OrderedDict\n\n"
        "class NotALayer(OrderedDict):\n    def __call__(self, x):\n        return x\n"
    )
    expected = [
        "pkg/mid.py:5:9: KER305 `Mid` overrides `__call__`, which runs Keras's building, masking and "
        "training-phase logic",
        "pkg/mid.py:13:9: KER305 `Deeper` overrides `__call__`, which runs Keras's building, masking and "
        "training-phase logic",
        "pkg/top.py:4:9: KER305 `Top` overrides `__call__`, which runs Keras's building, masking and "
        "training-phase logic",
    ]
    settled = kerascheck("--format=concise", "--no-config", "-j1", "pkg", cwd=tmp_path).stdout.splitlines()
    checked_again = kerascheck("--format=concise", "--no-config", "--fix", "pkg", cwd=tmp_path).stdout.splitlines()
    assert [line.split(";")[0] for line in settled] == expected
    assert settled == checked_again


def test_speculated_classes_settle_through_modules_and_local_bases(tmp_path, kerascheck):
    """Modules that import Keras report, on their first check, what their other classes would get as
    layers; the command settles those once it knows every module's layers, through local bases, nested
    classes and a second module in a row, and agrees with checking the modules again (--fix does)."""
    package = _package_with_a_layer(tmp_path)
    (package / "mid.py").write_text(
        "from tensorflow import keras\nfrom pkg.base import Base\n\n"
        "class Mid(Base):\n    def __call__(self, x):\n        return x\n\n"
        "class Quiet(Mid):\n    def __call__(self, x):  # noqa: KER305\n        return x\n\n"
        "def factory():\n    class Made(Quiet):\n        def call(self, x):\n            return self.d.call(x)\n"
        "        def build(self, shape):\n            self.d = keras.layers.Dropout(0.5)\n"
        "    return Made\n\n"
        "class Plain(dict):\n    def __call__(self, x):\n        return x\n"
    )
    (package / "top.py").write_text(
        "import tensorflow as tf\nfrom pkg.mid import Mid\n\n"
        "class Top(Mid):\n    def call(self, x):\n        return tf.nn.dropout(x, 0.5)\n"
    )
    expected = [
        "pkg/mid.py:5:9: KER305",
        "pkg/mid.py:15:20: KER304",
        "pkg/top.py:6:16: KER301",
    ]
    settled = kerascheck("--format=concise", "--no-config", "-j1", "pkg", cwd=tmp_path).stdout.splitlines()
    checked_again = kerascheck("--format=concise", "--no-config", "--fix", "pkg", cwd=tmp_path).stdout.splitlines()
    assert [" ".join(line.split()[:2]) for line in settled] == expected
    assert settled == checked_again
    narrowed = kerascheck("--format=concise", "--no-config", "--select=KER304", "pkg", cwd=tmp_path)
    assert [" ".join(line.split()[:2]) for line in narrowed.stdout.splitlines()] == ["pkg/mid.py:15:20: KER304"]


def test_imported_layers_follow_the_bases_to_their_files(tmp_path, monkeypatch):
    """For a front end that checks one module at a time (pylint): a base is followed to the file of its
    module, which the engine judges knowing in turn what that module imports."""
    from kerascheck.config import Settings
    from kerascheck.engine import analyse_source
    from kerascheck.project import ImportedLayers

    monkeypatch.chdir(tmp_path)
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "base.py").write_text(
        "from tensorflow import keras\n\n\nclass Base(keras.layers.Layer):\n    pass\n\n\nclass Plain:\n    pass\n"
    )
    (package / "sub.py").write_text("from .base import Base\n\n\nclass Child(Base):\n    pass\n")
    (package / "deeper.py").write_text(  # never says keras: the engine's text gate skips it
        "from pkg import sub\nfrom pkg.base import Plain\n\n\nclass Deep(sub.Child):\n    pass\n\n\n"
        "class Other(Plain):\n    pass\n"
    )
    settings = Settings()

    def layers(name):
        source, path = (package / f"{name}.py").read_text(), str(package / f"{name}.py")
        report = analyse_source(source, settings, f"pkg.{name}")
        return ImportedLayers().of(source, path, f"pkg.{name}", settings, report)

    assert layers("sub") == {"pkg.base.Base"}
    assert layers("deeper") == {"pkg.sub.Child"}  # Child is a layer only through base.py
    assert layers("base") == frozenset()


def test_a_model_file_saved_by_one_module_and_loaded_by_another(tmp_path, kerascheck):
    (tmp_path / "train.py").write_text(
        "import keras\nmodel = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])\n"
        "model.compile(optimizer='adam', loss='mse')\nmodel.save('model.h5')\n"
    )
    (tmp_path / "predict.py").write_text("import keras\nmodel = keras.models.load_model('model.h5')\n")
    for index in range(8):  # enough modules for worker processes: the facts travel back from them
        (tmp_path / f"helper{index}.py").write_text("import keras\n")
    for jobs in ("1", "2"):
        result = kerascheck("--format=concise", "--keras-target=keras3", "-j", jobs, ".", cwd=tmp_path)
        assert result.stdout.splitlines() == [
            "predict.py:2:9: KER224 `load_model()` reads a model compiled with `loss='mse'` (train.py, line 3) from "
            "'model.h5': target keras3 (Keras 3.15.1) raises `ValueError: Could not deserialize 'keras.metrics.mse' "
            "because it is not a KerasSaveable subclass`"
        ], jobs
    (tmp_path / "predict.py").write_text("import keras\nmodel = keras.models.load_model('model.h5', compile=False)\n")
    assert kerascheck("--keras-target=keras3", ".", cwd=tmp_path).returncode == 0


def test_model_files_are_linked_within_a_folder_only(tmp_path, kerascheck):
    saver = (
        "import keras\nmodel = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])\n"
        "model.compile(optimizer='adam', loss='mse')\nmodel.save('model.h5')\n"
    )
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
    (tmp_path / "a" / "train.py").write_text(saver)
    (tmp_path / "b" / "serve.py").write_text("import keras\nmodel = keras.models.load_model('model.h5')\n")
    assert kerascheck("--keras-target=keras3", ".", cwd=tmp_path).returncode == 0  # b's own model.h5
    (tmp_path / "b" / "train.py").write_text(
        saver.replace("model.save('model.h5')", "model.save('model.h5', include_optimizer=False)")
    )
    assert kerascheck("--keras-target=keras3", ".", cwd=tmp_path).returncode == 0  # saved without its loss
    (tmp_path / "b" / "train.py").write_text(saver)
    result = kerascheck("--format=concise", "--keras-target=keras3", ".", cwd=tmp_path)
    assert [line.split()[:2] for line in result.stdout.splitlines()] == [["b/serve.py:2:9:", "KER224"]]


def test_a_method_a_project_class_defines_is_not_the_removed_keras_one(tmp_path):
    """stellargraph's own ``Ensemble.fit_generator`` (corpus triage 14): the receiver is an instance of a class that
    another module of the project defines with that method, directly, through a re-export, or as a loop's item."""
    from kerascheck.catalog.model import Target
    from kerascheck.config import Settings
    from kerascheck.engine import analyse_source
    from kerascheck.files import module_name_for

    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "__init__.py").write_text("from .ensemble import Ensemble\n")
    (tmp_path / "pkg" / "ensemble.py").write_text(
        "class Base:\n    def fit_generator(self, *args):\n        return args\n\n"
        "class Ensemble(Base):\n    pass\n\nclass Plain:\n    pass\n"
    )
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "__init__.py").write_text("")
    test = tmp_path / "tests" / "test_ensemble.py"
    source = (
        "import tensorflow as tf\nfrom pkg.ensemble import Ensemble, Plain\nfrom pkg import Ensemble as Again\n"
        "ensemble = Ensemble()\nensemble.fit_generator(data)\nagain = Again()\nagain.fit_generator(data)\n"
        "for model in [ensemble, again]:\n    model.fit_generator(data)\n"
        "plain = Plain()\nplain.fit_generator(data)\nkeras_model = tf.keras.Sequential()\n"
        "keras_model.fit_generator(data)\n"
    )

    def lines(path):
        report = analyse_source(source, Settings(target=Target.KERAS3), module_name_for(str(test)), path=path)
        return [finding.line for finding in report.findings if finding.code == "KER112"]

    assert lines(str(test)) == [11, 13]  # the class without the method, and a Keras model
    assert lines(None) == [5, 7, 9, 11, 13]  # no file: the other modules cannot be read


def test_a_star_import_of_a_project_module_binds_what_that_module_imports(tmp_path):
    """unet's ``main.py`` (held-out probe 18): ``from model import *``, whose ``model.py`` imports Keras, and no
    ``keras`` in ``main.py``'s own text. The names it imports are Keras's, its own functions are its own, a name of
    ``__all__``-restricted module is bound only if listed, and a name the module binds itself wins."""
    from kerascheck.catalog.model import Target
    from kerascheck.config import Settings
    from kerascheck.engine import analyse_source

    (tmp_path / "model.py").write_text(
        "import numpy as np\nfrom keras.models import *\nfrom keras.layers import *\n"
        "from keras.callbacks import ModelCheckpoint\n\ndef unet():\n    inputs = Input((4,))\n"
        "    return Model(inputs, Dense(1)(inputs))\n"
    )
    (tmp_path / "listed.py").write_text("__all__ = ['build']\nfrom keras.callbacks import ModelCheckpoint\n")
    main = tmp_path / "main.py"
    source = (
        "from model import *\n\nmodel = unet()\ncheckpoint = ModelCheckpoint('unet.hdf5', save_best_only=True)\n"
        "model.fit_generator(data, steps_per_epoch=300, callbacks=[checkpoint])\nlayer = Dense(2)\n"
    )

    def found(text, path):
        report = analyse_source(text, Settings(target=Target.KERAS3), None, path=path)
        return [(finding.code, finding.line) for finding in report.findings]

    assert found(source, str(main)) == [("KER208", 4), ("KER112", 5)]
    assert found(source, None) == []  # no file: the other module cannot be read
    # a module that lists what a star import of it binds
    assert found("from listed import *\ncheckpoint = ModelCheckpoint('unet.hdf5')\n", str(main)) == []
    # the module binds the name itself
    rebound = "from model import *\nfrom mylib import ModelCheckpoint\ncheckpoint = ModelCheckpoint('unet.hdf5')\n"
    assert found(rebound, str(main)) == []


def test_a_function_imported_from_a_project_module_types_what_it_returns(tmp_path):
    """age-gender-estimation's ``model = get_model(cfg)`` from ``src/factory.py`` (held-out probe 18): the model its
    body returns is typed, so ``model.fit(…, workers=4)`` is checked against Keras 3's ``fit``."""
    from kerascheck.catalog.model import Target
    from kerascheck.config import Settings
    from kerascheck.engine import analyse_source

    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "factory.py").write_text(
        "from tensorflow.keras.layers import Dense, Input\nfrom tensorflow.keras.models import Model\n\n"
        "def get_model(cfg):\n    inputs = Input((4,))\n    model = Model(inputs, Dense(1)(inputs))\n"
        "    return model\n\n"
        "def get_data(cfg):\n    return [1, 2]\n"
    )
    train = tmp_path / "train.py"
    source = (
        "from tensorflow.keras.callbacks import EarlyStopping\nfrom src.factory import get_model, get_data\n"
        "model = get_model(cfg)\n"
        "model.fit(x, y, workers=4)\ndata = get_data(cfg)\ndata.fit(x, workers=4)\n"
    )

    def found(path):
        report = analyse_source(source, Settings(target=Target.KERAS3), None, path=path)
        return [(finding.code, finding.line) for finding in report.findings if finding.code == "KER230"]

    assert found(str(train)) == [("KER230", 4)]
    assert found(None) == []  # no file: the factory cannot be read


def test_a_module_setting_tf_use_legacy_keras_makes_the_programs_tf_keras_the_package(tmp_path, kerascheck):
    """keras_cv_attention_models' backend switch: `os.environ["TF_USE_LEGACY_KERAS"] = "1"` in one module makes
    TensorFlow serve the tf_keras package as `tf.keras` to the whole process, so another module's `tf.keras` is the
    same Keras as the switch's `tf_keras`; standalone `keras` (Keras 3 beside TF 2.16) still is not."""
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "backend.py").write_text(
        "import os\nos.environ['TF_USE_LEGACY_KERAS'] = '1'\nimport tf_keras\nlayers = tf_keras.layers\n"
    )
    (tmp_path / "pkg" / "model.py").write_text(
        "import backend\nfrom tensorflow import keras\nmodel = keras.Sequential([backend.layers.Dense(1)])\n"
    )
    assert "KER404" not in kerascheck("--format=concise", "--keras-target=keras3", "pkg", cwd=tmp_path).stdout
    (tmp_path / "pkg" / "model.py").write_text("import backend\nimport keras\nmodel = keras.Sequential()\n")
    result = kerascheck("--format=concise", "--keras-target=keras3", "pkg", cwd=tmp_path)
    assert "KER404" in result.stdout
    (tmp_path / "pkg" / "backend.py").write_text("import tf_keras\nlayers = tf_keras.layers\n")  # no switch
    (tmp_path / "pkg" / "model.py").write_text("import backend\nfrom tensorflow import keras\nkeras.Sequential()\n")
    assert "KER404" in kerascheck("--format=concise", "--keras-target=keras3", "pkg", cwd=tmp_path).stdout


def test_a_name_bound_by_a_guarded_import_or_its_fallback_alias_is_no_use(tmp_path, kerascheck):
    """tensorflow_model_optimization's prune_registry: `try: from keras.src.engine import base_layer` / `except
    ImportError: base_layer = tf._keras_internal.engine.base_layer`: compatibility code, not a use of `keras`."""
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "compat.py").write_text("import tf_keras as keras\n")
    (tmp_path / "pkg" / "registry.py").write_text(
        "import tensorflow as tf\nfrom compat import keras as k\n"
        "try:\n    from keras.src.engine import base_layer\nexcept ImportError:\n"
        "    base_layer = tf._keras_internal.engine.base_layer\n"
        "WEIGHTS = {base_layer.TensorFlowOpLayer: []}\nk.layers.Dense(1)\n"
    )
    assert "KER404" not in kerascheck("--format=concise", "--keras-target=keras3", "pkg", cwd=tmp_path).stdout
