"""The generated API tables (``kerascheck/catalog/api``), verified against the real packages.

* Keras 3 (the installed 3.15.1; skipped when it is not importable): every tabled callable's parameters
  are those ``inspect.signature`` gives; every public name of real Model/Sequential/Functional/Layer/
  Optimizer/Callback/Metric objects is in the table (so KER120 never calls a present name missing);
  binding problems the table predicts are exactly the calls real Keras refuses.
* keras 2.15.0 (tf.keras) and Keras 2.2.4 (read with ``ast`` from the wheels, skipped without network):
  regenerating the tables from the sources gives the committed files; the tf.keras base Layer's keys are
  ``base_layer.py``'s ``allowed_kwargs``.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import sys
import warnings
from pathlib import Path

import pytest

from kerascheck import binding
from kerascheck.catalog import api
from kerascheck.catalog.model import Target
from tests.keras_sources import SourceUnavailable, StaticPackage, wheel_tree

ROOT = Path(__file__).resolve().parent.parent


def _real(keras, canonical: str):
    obj = keras
    for part in canonical.split("."):
        obj = getattr(obj, part, None)
        if obj is None:
            return None
    return obj


def _expected_tokens(obj) -> list:
    if inspect.isclass(obj) and obj.__init__ is object.__init__:
        return []  # object's: takes no arguments
    function = obj.__init__ if inspect.isclass(obj) else obj
    parameters = list(inspect.signature(function).parameters.values())
    if inspect.isclass(obj) and parameters and parameters[0].name == "self":
        parameters = parameters[1:]
    tokens, star = [], False
    for index, parameter in enumerate(parameters):
        if parameter.kind is parameter.VAR_POSITIONAL:
            tokens.append("*" + parameter.name)
            star = True
        elif parameter.kind is parameter.VAR_KEYWORD:
            tokens.append("**" + parameter.name)
        else:
            if parameter.kind is parameter.KEYWORD_ONLY and not star:
                tokens.append("*")
                star = True
            tokens.append(parameter.name + ("" if parameter.default is parameter.empty else "="))
            if parameter.kind is parameter.POSITIONAL_ONLY and (
                index + 1 == len(parameters) or parameters[index + 1].kind is not parameter.POSITIONAL_ONLY
            ):
                tokens.append("/")
    return tokens


def test_keras3_signatures_are_the_real_ones(real_keras3):
    keras = real_keras3
    if not keras.__version__.startswith("3."):
        pytest.skip(f"keras {keras.__version__} is not Keras 3")
    callables = api.table("keras3.json")["callables"]
    checked, wrong = 0, []
    for canonical, entry in callables.items():
        obj = _real(keras, canonical)
        if obj is None or not callable(obj):
            wrong.append(f"{canonical}: not found in keras {keras.__version__}")
            continue
        try:
            expected = _expected_tokens(obj)
        except (TypeError, ValueError):
            continue  # a builtin without a signature
        checked += 1
        if expected != entry["s"]:
            wrong.append(f"{canonical}: table {entry['s']} != real {expected}")
    assert checked > 500
    assert not wrong, "\n".join(wrong[:20])


def _instances(keras):
    inputs = keras.Input((3,))
    sequential = keras.Sequential([inputs, keras.layers.Dense(2)])
    functional = keras.Model(inputs, keras.layers.Dense(2)(inputs))
    return {  # kind -> (the public class tabled, objects of it)
        "Sequential": ("models.Sequential", [sequential]),
        "Model": ("Model", [functional, sequential]),  # of no known class: the kind's core classes
        "Layer": ("layers.Dense", [keras.layers.Dense(2)]),
        "Optimizer": ("optimizers.Adam", [keras.optimizers.Adam()]),
        "Callback": ("callbacks.Callback", [keras.callbacks.Callback()]),
        "Metric": ("metrics.Mean", [keras.metrics.Mean()]),
    }


def test_keras3_every_real_public_name_is_tabled(real_keras3):
    """KER120 reports a name absent from the table: every name real objects have must be in it."""
    keras = real_keras3
    missing = []
    for kind, (canonical, objects) in _instances(keras).items():
        tabled = api.attributes(Target.KERAS3, kind, frozenset({canonical}))
        for obj in objects:
            names = {name for name in dir(obj) if not name.startswith("_")}
            missing += [f"{kind}.{name}" for name in sorted(names - tabled)]
    assert not missing, missing


def test_keras3_properties_are_real_and_the_uncallable_ones_never_callable(real_keras3):
    """KER120 reports a call of an ``uncallable`` property: on real objects each is a property whose value
    is not callable (probe 11 MISS-5: ``optimizer.variables()``), and each tabled property they have is one."""
    keras = real_keras3
    problems = []
    for kind, (_, objects) in _instances(keras).items():
        objects = objects + (
            [keras.optimizers.LossScaleOptimizer(keras.optimizers.SGD())] if kind == "Optimizer" else []
        )
        core = api.table(api._FILES[Target.KERAS3])["core"][kind]
        assert set(core["uncallable"]) <= set(core["properties"])
        for obj in objects:
            for name in core["properties"]:  # of every backend's base class: those of the jax/numpy one here
                found = inspect.getattr_static(type(obj), name, None)
                if found is not None and not isinstance(found, property):
                    problems.append(f"{kind}.{name}: no property of {type(obj).__name__}")
            for name in api.uncallable_properties(Target.KERAS3, kind):
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    if callable(getattr(obj, name)):
                        problems.append(f"{kind}.{name} of {type(obj).__name__} is callable")
    assert not problems, problems
    assert "variables" in api.uncallable_properties(Target.KERAS3, "Optimizer")
    assert "variables" not in api.uncallable_properties(Target.TF_KERAS, "Optimizer")  # a CallableList there


@pytest.mark.parametrize(
    "call, kind",
    [
        ("layers.Dense(3, weights=[1])", binding.UNKNOWN),
        ("layers.LSTM(3, batch_input_shape=(1, 2, 3))", binding.UNKNOWN),
        ("layers.SeparableConv2D(8, 3, kernel_initializer='he_normal')", binding.UNKNOWN),
        ("callbacks.ModelCheckpoint('m.keras', period=5)", binding.UNKNOWN),
        ("callbacks.TensorBoard(write_grads=True)", binding.UNKNOWN),
        ("layers.Conv2D(64, 1, 1, strides=2)", binding.TWICE),
        ("layers.Dense()", binding.MISSING),
        ("layers.Dense(3, 'relu', True, 'zeros', 'zeros', None, None, None, None, None, 1, 1, None, 4)",
         binding.TOO_MANY),
        ("layers.Embedding(10, 3, input_length=5)", binding.IGNORED),
        ("optimizers.SGD(0.1, decay=0.1)", binding.IGNORED),
        ("layers.Dense(3, input_shape=(4,), name='d')", None),
        ("layers.Conv2D(8, 3, 2, padding='same')", None),
        ("callbacks.ModelCheckpoint('m.keras', save_best_only=True)", None),
    ],
)  # fmt: skip
def test_keras3_binding_matches_real_keras(call, kind, real_keras3):
    keras = real_keras3
    canonical = call.split("(", 1)[0]
    node = ast.parse(call, mode="eval").body
    signature = api.callable_signature(Target.KERAS3, canonical)
    problems = binding.problems(signature, node)
    assert [problem.kind for problem in problems][:1] == ([kind] if kind else [])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        if kind in (None, binding.IGNORED):
            eval(call, {"layers": keras.layers, "callbacks": keras.callbacks, "optimizers": keras.optimizers})
        else:
            effect = {"TypeError": TypeError, "ValueError": ValueError}[problems[0].effect]
            with pytest.raises(effect):
                eval(call, {"layers": keras.layers, "callbacks": keras.callbacks, "optimizers": keras.optimizers})
    if kind == binding.IGNORED:
        assert any(problems[0].argument in str(warning.message) for warning in caught)


@pytest.mark.parametrize(
    "method, call, refused",
    [
        ("fit", "m.fit(x, y, workers=4, verbose=0)", True),
        ("compile", "m.compile('adam', 'mse', target_tensors=[1])", True),
        ("train_on_batch", "m.train_on_batch(x, y, reset_metrics=False)", True),
        ("summary", "m.summary(line_length=80, print_fn=quiet)", False),
    ],
)
def test_keras3_method_binding_matches_real_keras(method, call, refused, real_keras3):
    keras = real_keras3
    import numpy as np

    m = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2)])
    m.compile("adam", "mse")
    x, y = np.ones((2, 3)), np.ones((2, 2))
    signature = api.method_signature(Target.KERAS3, "Sequential", method)
    assert bool(binding.problems(signature, ast.parse(call, mode="eval").body)) is refused
    if refused:
        with pytest.raises(TypeError):
            eval(call, {"m": m, "x": x, "y": y})
    else:
        eval(call, {"m": m, "x": x, "y": y, "quiet": lambda *args, **kwargs: None})


def test_binding_problem_helper():
    call = ast.parse("Conv2D(8, 3, padding='same', padding='valid')", mode="eval")
    assert "padding" in binding.binding_problem(Target.TF_KERAS, "layers.Conv2D", call.body)
    fixed = ast.parse("Conv2D(8, 3, padding='same')", mode="eval").body
    assert binding.binding_problem(Target.TF_KERAS, "layers.Conv2D", fixed) is None
    fit = ast.parse("model.fit(x, y, workers=2)", mode="eval").body
    assert binding.binding_problem(Target.KERAS3, "Model.fit", fit) is not None
    assert binding.binding_problem(Target.TF_KERAS, "Model.fit", fit) is None
    assert binding.binding_problem(Target.KERAS3, "layers.NoSuchLayer", fixed) is None


# -- the keras 2.15.0 and 2.2.4 sources -------------------------------------------------------------------
def _generator():
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        return importlib.import_module("generate_api_tables")
    finally:
        sys.path.pop(0)


@pytest.mark.slow
def test_tables_are_what_the_wheels_give():
    generator = _generator()
    try:
        generated = generator.tables()
    except SourceUnavailable as error:
        pytest.skip(str(error))
    for name, data in generated.items():
        committed = (ROOT / "kerascheck" / "catalog" / "api" / name).read_text(encoding="utf-8")
        assert committed == generator._dump(data), f"{name} is stale: run scripts/generate_api_tables.py"


def test_tf_keras_layer_keys_are_base_layer_allowed_kwargs():
    try:
        package = StaticPackage(wheel_tree("keras", "2.15.0"))
    except SourceUnavailable as error:
        pytest.skip(str(error))
    layer = package.resolve_dotted("keras.src.engine.base_layer.Layer")
    init = next(node for node in layer.node.body if getattr(node, "name", "") == "__init__")
    assign = next(
        node for node in ast.walk(init)
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "allowed_kwargs"
    )  # fmt: skip
    allowed = {element.value for element in assign.value.elts}
    keys = api.callable_signature(Target.TF_KERAS, "layers.Layer").kwargs.keys
    assert set(keys) == allowed
    assert "batch_input_shape" in allowed and "weights" in allowed
    assert api.source(Target.TF_KERAS) == "keras 2.15.0" and api.source(Target.KERAS3) == "keras 3.15.1"


def test_rule_looks_at_the_modules_the_tables_cover():
    from kerascheck.rules.api import _TABLED_MODULES

    assert _TABLED_MODULES == set(_generator().PUBLIC_MODULES)
    for target in Target:
        assert {name.partition(".")[0] for name in api.table(api._FILES[target])["callables"]} <= _TABLED_MODULES


def test_private_module_tables_are_the_wheels_keras_src():
    """catalog/private_modules.py lists the modules below ``keras/src`` of the keras 2.15.0 and 3.15.1 wheels, as
    scripts/module_tables.py reads them; and says what probe 12 ran: Keras 3 has no ``keras.src.engine``."""
    from kerascheck.catalog import modules, private_modules

    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        script = importlib.import_module("module_tables")
    finally:
        sys.path.pop(0)
    for version, listed in (("2.15.0", private_modules.TF_KERAS_SRC), ("3.15.1", private_modules.KERAS3_SRC)):
        try:
            root = wheel_tree("keras", version)
        except SourceUnavailable as error:
            pytest.skip(str(error))
        assert set(listed.split()) == script._private(root / "keras" / "src"), version
    assert modules.private_module_exists("keras.src.engine.base_layer", Target.TF_KERAS) is True
    assert modules.private_module_exists("keras.src.engine.base_layer", Target.KERAS3) is False
    assert modules.private_module_exists("keras.src.layers.core.dense", Target.KERAS3) is True
    assert modules.private_module_exists("keras.layers", Target.KERAS3) is None


def test_the_crossentropies_took_the_output_first_until_keras_2_0_7_and_the_target_first_since():
    """KER247's fact, read in the real packages: the backend's (and Keras 3 ops') first two parameters."""
    from kerascheck.catalog.keras1_calls import CROSSENTROPY_FUNCTIONS
    from tests.keras_sources import sdist_tree

    def first_two(tree: Path, relative: str, name: str) -> tuple:
        module = ast.parse((tree / relative).read_text(encoding="utf-8"))
        function = next(node for node in module.body if isinstance(node, ast.FunctionDef) and node.name == name)
        return tuple(argument.arg for argument in function.args.args[:2])

    try:
        trees = {
            "1.2.2": sdist_tree("Keras", "1.2.2"),
            "2.0.6": sdist_tree("Keras", "2.0.6"),
            "2.0.7": wheel_tree("keras", "2.0.7"),
            "2.15.0": wheel_tree("keras", "2.15.0"),
        }
    except SourceUnavailable as error:
        pytest.skip(str(error))
    backend = {version: "keras/backend/tensorflow_backend.py" for version in ("1.2.2", "2.0.6", "2.0.7")}
    backend["2.15.0"] = "keras/src/backend.py"
    for name in CROSSENTROPY_FUNCTIONS:
        orders = {version: first_two(tree, backend[version], name) for version, tree in trees.items()}
        assert orders == {
            "1.2.2": ("output", "target"), "2.0.6": ("output", "target"),
            "2.0.7": ("target", "output"), "2.15.0": ("target", "output"),
        }, name  # fmt: skip
        keras3 = pytest.importorskip("keras")
        assert tuple(inspect.signature(getattr(keras3.ops, name)).parameters)[:2] == ("target", "output")


def test_the_backend_functions_kerascheck_says_make_variables_do_in_keras_2_15():
    """KER249's fact, read in keras 2.15.0's backend.py: each of VARIABLE_MAKERS returns ``variable(…)`` (zeros and
    ones only for a static shape), and TensorFlow's replacement named in the message exists."""
    from kerascheck.catalog.keras1_calls import STATIC_SHAPE_MAKERS, VARIABLE_MAKERS

    try:
        tree = wheel_tree("keras", "2.15.0")
    except SourceUnavailable as error:
        pytest.skip(str(error))
    module = ast.parse((tree / "keras" / "src" / "backend.py").read_text(encoding="utf-8"))
    functions = {node.name: node for node in module.body if isinstance(node, ast.FunctionDef)}
    for name in set(VARIABLE_MAKERS) - {"variable"}:
        returned = [node.value for node in ast.walk(functions[name]) if isinstance(node, ast.Return)]
        makes = [each for each in returned if isinstance(each, ast.Call) and getattr(each.func, "id", "") == "variable"]
        assert makes, name
        # zeros and ones return a tensor too, for a symbolic shape
        assert (len(makes) < len(returned)) == (name in STATIC_SHAPE_MAKERS), name
    assert "tf.Variable(" in ast.unparse(functions["variable"])


def test_the_activation_formulas_kerascheck_takes_for_keras_own_compute_keras_3s():
    """KER248's fact: a function written as one of BUILTIN_FORMULAS computes what the installed Keras 3's built-in of
    that name computes (swish/silu, mish, relu)."""
    import numpy

    from kerascheck.catalog.training import BUILTIN_FORMULAS

    keras = pytest.importorskip("keras")
    ops = keras.ops
    x = numpy.linspace(-4.0, 4.0, 33).astype("float32")
    written = {
        "(x * sigmoid(x))": x * ops.sigmoid(x),
        "(sigmoid(x) * x)": ops.sigmoid(x) * x,
        "(x * tanh(softplus(x)))": x * ops.tanh(ops.softplus(x)),
        "(tanh(softplus(x)) * x)": ops.tanh(ops.softplus(x)) * x,
        "maximum(x, 0)": ops.maximum(x, 0),
        "maximum(0, x)": ops.maximum(0, x),
        "maximum(x, 0.0)": ops.maximum(x, 0.0),
        "maximum(0.0, x)": ops.maximum(0.0, x),
    }
    for name, formulas in BUILTIN_FORMULAS.items():
        builtin = numpy.asarray(keras.activations.get(name)(x))
        for formula in formulas:
            computed = written.get(formula)
            if computed is None:  # a call of a built-in's own name (`swish(x)`, `mish(x)`): Keras's function
                computed = keras.activations.get(formula.partition("(")[0])(x)
            assert numpy.allclose(numpy.asarray(computed), builtin, atol=1e-5), (name, formula)


DIAMOND = """
class Layer:
    def __init__(self, name=None, dtype=None):
        pass


class RandomLayer(Layer):
    def __init__(self, seed=None, **kwargs):
        super().__init__(**kwargs)


class Mixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)


class RNN(Layer):
    def __init__(self, cell, **kwargs):
        super().__init__(**kwargs)


class GRU(Mixin, RNN, RandomLayer):
    def __init__(self, units, **kwargs):
        super().__init__(cell=units, **kwargs)


class Cell(Mixin, RandomLayer):
    pass
"""


def _diamond(tmp_path):
    package = tmp_path / "diamond"
    package.mkdir()
    (package / "__init__.py").write_text(DIAMOND, encoding="utf-8")
    generator = _generator()
    namespace: dict = {}
    exec(compile(DIAMOND, "diamond", "exec"), namespace)
    return generator, generator.Package(tmp_path), namespace


@pytest.mark.parametrize("name", ["GRU", "Cell", "RNN"])
def test_the_generator_orders_bases_as_python_does(tmp_path, name):
    generator, package, namespace = _diamond(tmp_path)
    order = package.linear(package.resolve("diamond", name))
    assert [d.node.name for d in order] == [c.__name__ for c in namespace[name].__mro__ if c is not object]


@pytest.mark.parametrize("name", ["GRU", "Cell", "RNN"])
def test_the_generator_reads_keywords_along_the_class_own_order(tmp_path, name):
    """keras 2.15's GRU reaches BaseRandomLayer's ``seed`` through RNN's ``super().__init__(**kwargs)``; RNN alone
    does not. The table's keywords are the ones Python binds."""
    generator, package, namespace = _diamond(tmp_path)
    tokens, keywords = generator.KeywordReader(package).of_callable(package.resolve("diamond", name))
    accepted = {token.rstrip("=") for token in tokens if not token.startswith("*")} | set(keywords["k"])
    required = {"GRU": {"units": 4}, "RNN": {"cell": 4}, "Cell": {}}[name]
    for key in ("seed", "dtype", "name", "return_sequences"):
        try:
            namespace[name](**required, **{key: 1})
        except TypeError:
            assert key not in accepted, (name, key)
        else:
            assert key in accepted, (name, key)
