"""The walk keeps only the uses that can resolve to Keras or TensorFlow: that filter must never change
a finding. Also the walk's own helpers: every_node and the statement start lines."""

from __future__ import annotations

import ast
import textwrap
from pathlib import Path

import pytest

from kerascheck.catalog.model import Target
from kerascheck.config import Settings
from kerascheck.engine import analyse_source
from kerascheck.rules import RULES
from kerascheck.walk import ModuleIndex, every_node
from tests.conftest import is_project_example

ROOT = Path(__file__).resolve().parent.parent

TRICKY = [
    # a name that resolves only through an alias of an alias
    "import keras\nL = keras.layers\nC = L\nC.Convolution2D(8, 3, 3, border_mode='same')\n",
    # a star import: any name may be Keras's
    "from keras.layers import *\nx = Convolution2D(8, 3, 3)\nDense(output_dim=2)\n",
    # a method the rules check, on an object the module did not import
    "import keras\ndef train(model):\n    model.fit_generator(gen, samples_per_epoch=3, nb_epoch=2)\n",
    # the same method on an imported module is another library's
    "import keras\nimport mylib\nmylib.fit_generator(gen, nb_epoch=2)\n",
    # shadowing in a comprehension, a lambda, a walrus and an except handler
    "from keras.layers import Dense\n[Dense for Dense in range(3)]\nf = lambda Dense: Dense(output_dim=1)\n"
    "if (Dense := 3):\n    pass\ntry:\n    pass\nexcept Exception as Dense:\n    Dense(output_dim=1)\n",
    # class bases through an import of another package and through Keras
    "import keras\nfrom mypkg.layers import Base\nclass A(Base):\n    def call(self, x):\n        return x\n"
    "class B(keras.layers.Layer):\n    def call(self, x):\n        return keras.backend.dropout(x, 0.5)\n",
    # a lambda's defaults are evaluated where it stands; its body in its own scope
    "from keras import backend as K\ng = lambda x, d=K.learning_phase(): K.in_train_phase(x, d)\n",
    # relative imports inside a Keras package
    "from ..layers import Convolution2D\nConvolution2D(8, 3, 3)\n",
    # try/except ImportError, if/else
    "import sys\ntry:\n    import keras\nexcept ImportError:\n    from tensorflow import keras\n"
    "if sys.version_info > (3,):\n    import tensorflow as tf\n    tf.keras.layers.Dense(3)\n"
    "else:\n    keras.layers.Dense(3)\n",
    # a local binding shadows an imported non-Keras name before a method the rules check
    "import keras\nimport model\ndef f():\n    model = make()\n    model.fit_generator(g, nb_epoch=1)\n",
    # an alias through a name a local assignment shadows, next to an import of it
    "from keras import layers\nimport something\ndef f():\n    something = 1\n    layers = something.layers\n"
    "    layers.Dense(output_dim=2)\n",
    # a name bound in a nested scope, then used at module level after a global statement
    "def f():\n    global K\n    from keras import backend as K\nf()\nK.set_image_dim_ordering('th')\n",
]


def _sources():
    for rule in RULES:
        if rule.hooks() == ("check_project",):
            continue  # their examples are requirement files and projects
        for example in rule.valid + rule.invalid:
            if not is_project_example(example.source):
                yield pytest.param(example.source, example.target, id=f"{rule.code}-{len(example.source)}")
    for path in sorted((ROOT / "examples").glob("*.py")):
        yield pytest.param(path.read_text(encoding="utf-8"), Target.TF_KERAS, id=path.name)
    for index, source in enumerate(TRICKY):
        yield pytest.param(source, Target.TF_KERAS, id=f"tricky-{index}")


def _report(source: str, target: Target, module_name=None):
    report = analyse_source(source, Settings(target=target), module_name)
    return report._replace(statement_starts=())


@pytest.mark.parametrize("source, target", list(_sources()))
def test_keeping_only_relevant_uses_changes_no_finding(source, target, monkeypatch):
    for module_name in (None, "keras.applications.model"):
        filtered = _report(source, target, module_name)
        with monkeypatch.context() as patched:
            patched.setattr(ModuleIndex, "_relevant_names", lambda self: None)  # keep every use
            everything = _report(source, target, module_name)
        assert filtered == everything


def test_the_filter_drops_what_cannot_be_keras():
    source = "import numpy as np\nimport keras\ndef f(self, x):\n    return np.sum(self.w, x) + keras.ops.sum(x)\n"
    index = ModuleIndex(None, frozenset({"fit"})).build(ast.parse(source))
    assert [ast.unparse(node) for node in index.chains] == ["keras.ops.sum"]
    assert [ast.unparse(node.func) for node in index.calls] == ["keras.ops.sum"]


def test_every_node_is_ast_walk_without_contexts_and_operators():
    source = (ROOT / "kerascheck" / "walk.py").read_text(encoding="utf-8")
    tree = ast.parse(source)
    skipped = (ast.expr_context, ast.operator, ast.unaryop, ast.cmpop, ast.boolop)
    expected = {id(node) for node in ast.walk(tree) if not isinstance(node, skipped)}
    found = every_node(tree)
    assert len(found) == len(expected) and {id(node) for node in found} == expected
    positions = [(n.lineno, n.col_offset) for n in found if isinstance(n, ast.stmt)]
    assert positions == sorted(positions)  # depth first, in source order


def test_statement_starts_are_every_statement_decorator_and_handler():
    source = textwrap.dedent(
        """\
        import keras
        @decorate(
            1)
        class A:
            x = 1; y = 2
            def f(self):
                if x:
                    return (
                        1)
                try:
                    pass
                except (
                    E):
                    pass
        """
    )
    index = ModuleIndex().build(ast.parse(source))
    assert sorted(set(index.statement_starts)) == [1, 2, 4, 5, 6, 7, 8, 10, 11, 12, 14]


def _calls_with_keywords(node) -> bool:
    return type(node) is ast.Call and bool(node.keywords)


def _calls_of_call(node) -> bool:
    return type(node) is ast.Call and type(node.func) is ast.Attribute and node.func.attr == "call"


KINDS = {
    "keyword_calls": _calls_with_keywords,
    "call_method_calls": _calls_of_call,
    "assigns": lambda node: type(node) is ast.Assign,
    "classes": lambda node: type(node) is ast.ClassDef,
}


@pytest.mark.parametrize("path", sorted(ROOT.glob("kerascheck/**/*.py")) + sorted(ROOT.glob("tests/*.py")))
def test_recorded_nodes_inside_a_class_or_function_are_those_a_walk_finds(path):
    """Class rules read a class's calls and assignments from the walk's records, by line; that must
    find what walking the class finds (decorators and headers included), in line order."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    index = ModuleIndex(None, None).build(tree)
    owners = [node for node in ast.walk(tree) if isinstance(node, (ast.ClassDef, ast.FunctionDef))]
    for owner in owners:
        for kind, wanted in KINDS.items():
            walked = [node for node in every_node(owner) if wanted(node) and node is not owner]
            found = index.inside(kind, owner)
            assert {id(node) for node in found} == {id(node) for node in walked}, (path.name, owner.name, kind)
            assert [node.lineno for node in found] == sorted(node.lineno for node in found)


def test_inside_counts_decorators_and_lines_shared_by_nothing_else():
    source = (
        "before(x=0)\n@wrap(f(k=1))\nclass A:\n    def call(self, x): return self.d.call(x, training=True)\n"
        "after(k=2)\n"
    )
    tree = ast.parse(source)
    index = ModuleIndex(None, None).build(tree)
    found = sorted(ast.unparse(node) for node in index.inside("keyword_calls", tree.body[1]))
    assert found == ["f(k=1)", "self.d.call(x, training=True)"]
    call = tree.body[1].body[0]
    assert [ast.unparse(node) for node in index.inside("call_method_calls", call)] == ["self.d.call(x, training=True)"]


SETTING = """
import keras
opt = keras.optimizers.Adam()
opt.lr = 0.5
model.layers[0].trainable = False
del model.stop_training
for self.step in range(3):
    pass
with open(p) as self.handle:
    pass
[None for obj.seen in items]
(a.first, b.second) = 1, 2
x.total += 1
setattr(opt, "decay", 0.1)
delattr(opt, name)
def f(layer=keras.layers.Dense(1)):
    layer.units = 3
    g = lambda: setattr(layer, "built", True)
class C:
    def call(self, x):
        self.output_shape_ = x.shape
        return x
"""


def _assigned_attributes(tree: ast.AST) -> set:
    """Every attribute name stored or deleted, and every constant name setattr/delattr is given."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and not isinstance(node.ctx, ast.Load):
            names.add(node.attr)
        elif isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("setattr", "delattr"):
            if len(node.args) >= 2 and isinstance(node.args[1], ast.Constant) and isinstance(node.args[1].value, str):
                names.add(node.args[1].value)
    return names


@pytest.mark.parametrize("methods", [frozenset(), None])
def test_attributes_set_are_every_attribute_the_module_assigns_or_deletes(methods):
    """KER120 keeps a read of a name the module sets itself: the walk must see every such target,
    whether or not it keeps the uses around it."""
    tree = ast.parse(SETTING)
    found = ModuleIndex(None, methods).build(tree).attributes_set
    assert found == _assigned_attributes(tree)
    assert {"lr", "trainable", "stop_training", "step", "handle", "seen", "first", "second", "total", "decay"} <= found
    assert {"units", "built", "output_shape_"} <= found
    assert "Adam" not in found and "layers" not in found


@pytest.mark.parametrize("path", sorted(ROOT.glob("kerascheck/**/*.py")) + sorted(ROOT.glob("tests/*.py")))
def test_attributes_set_match_a_full_walk_on_real_modules(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    assert ModuleIndex(None).build(tree).attributes_set == _assigned_attributes(tree)


@pytest.mark.parametrize("path", sorted(ROOT.glob("kerascheck/**/*.py")) + sorted(ROOT.glob("tests/cases/*.py")))
def test_called_calls_are_every_call_whose_result_is_called(path):
    """The model-file scan finds ``Lambda(f)(x)`` from the calls the walk marks as called at once."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    expected = {
        id(node.func) for node in ast.walk(tree) if isinstance(node, ast.Call) and isinstance(node.func, ast.Call)
    }
    assert ModuleIndex(None, frozenset()).build(tree).called_calls == expected


def test_called_calls_in_every_place_an_expression_stands():
    tree = ast.parse(
        "import keras\n@deco(1)(2)\ndef f(a=g()(3)):\n    return [h()(x) for x in y]\n"
        "out = keras.layers.Lambda(f)(keras.Input((3,)))\nlambda: k()()\n"
    )
    found = ModuleIndex(None, frozenset()).build(tree).called_calls
    inner = [node.func for node in ast.walk(tree) if isinstance(node, ast.Call) and isinstance(node.func, ast.Call)]
    assert len(inner) == 5 and found == {id(node) for node in inner}
