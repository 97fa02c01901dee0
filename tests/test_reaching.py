"""Which bindings of a name reach a use (rules/reaching.py), through KER320: a TF op on a name is reported
only when every binding that can reach it holds a KerasTensor. Each case marks the lines it must report
with ``# reported``; the Keras 3 behaviour of the rule's own examples is run in test_keras3_breaks.py."""

from __future__ import annotations

import ast
import contextlib
import sys
import textwrap
from random import Random
from typing import Dict, List, Set

import pytest

from kerascheck.catalog.model import Target
from kerascheck.rules.reaching import Reaching
from kerascheck.rules.values import Binding, ModuleValues
from tests.conftest import codes_at

_HEAD = "import numpy as np\nimport tensorflow as tf\nfrom tensorflow import keras\ninputs = keras.Input((4,))\n"

CASES = {
    "a chain of rebindings": """
        x = keras.layers.Dense(4)(inputs)
        x = tf.nn.relu(x)  # reported
        # what the op above makes of a KerasTensor is one too, once that op is fixed
        x = tf.reduce_sum(x, axis=-1, keepdims=True)  # reported
        """,
    "a function's chain": """
        def build():
            inputs = keras.Input((4,))
            x = keras.layers.Dense(4)(inputs)
            x = tf.nn.relu(x)  # reported
            return keras.layers.Dense(4)(x)
        """,
    "rebound to an array before the op": """
        x = keras.layers.Dense(4)(inputs)
        x = np.ones(3)
        y = tf.nn.relu(x)
        """,
    "a layer applied to an array": """
        x = keras.layers.Dense(4)(inputs)
        x = np.ones((1, 4))
        x = keras.layers.Dense(8)(x)
        y = tf.nn.relu(x)
        """,
    "a KerasTensor bound after the op": """
        x = np.ones(3)
        y = tf.nn.relu(x)
        x = keras.layers.Dense(4)(inputs)
        """,
    "an array bound in one branch": """
        x = keras.layers.Dense(4)(inputs)
        if eager:
            x = np.ones(3)
        y = tf.nn.relu(x)
        """,
    "KerasTensors bound in both ways": """
        x = keras.layers.Dense(4)(inputs)
        if deep:
            x = keras.layers.Dense(8)(x)
        y = tf.nn.relu(x)  # reported
        x = np.ones(3)
        """,
    "an op in a branch": """
        x = keras.layers.Dense(4)(inputs)
        if deep:
            x = tf.nn.relu(x)  # reported
        """,
    "an augmented assignment reads the binding before": """
        x = keras.layers.Dense(4)(inputs)
        x += tf.nn.relu(x)  # reported
        """,
    "a loop brings an array back": """
        x = keras.layers.Dense(4)(inputs)
        for step in range(3):
            if step:
                y = tf.nn.relu(x)
            x = np.ones(3)
        """,
    "a loop's own rebinding": """
        x = keras.layers.Dense(4)(inputs)
        for _ in range(2):  # a KerasTensor the first time round, and what relu makes of one after
            x = tf.nn.relu(x)  # reported
        """,
    "a loop brings a KerasTensor back": """
        x = inputs
        for units in (8, 4):
            y = tf.nn.relu(x)  # reported
            x = keras.layers.Dense(units)(x)
        x = np.ones(3)
        """,
    "bound in the loop before the op": """
        x = np.ones(3)
        for units in (8, 4):
            x = keras.layers.Dense(units)(inputs)
            y = tf.nn.relu(x)  # reported
        """,
    "a while test after the body's rebinding": """
        x = keras.layers.Dense(4)(inputs)
        while tf.reduce_any(x):
            x = np.ones(3)
        """,
    "a comprehension's own name": """
        x = keras.layers.Dense(4)(inputs)
        ys = [tf.nn.relu(x) for x in arrays]
        """,
    "a walrus": """
        x = keras.layers.Dense(4)(inputs)
        y = tf.nn.relu((x := np.ones(3)))
        z = tf.nn.relu(x)
        """,
    "with as": """
        x = keras.layers.Dense(4)(inputs)
        with opened() as x:
            tf.nn.relu(x)
        """,
    "a loop target": """
        x = keras.layers.Dense(4)(inputs)
        for x in arrays:
            tf.nn.relu(x)
        """,
    "a handler after a try that may have rebound": """
        x = keras.layers.Dense(4)(inputs)
        try:
            x = np.ones(3)
        except ValueError:
            tf.nn.relu(x)
        """,
    "except as": """
        x = keras.layers.Dense(4)(inputs)
        try:
            pass
        except ValueError as x:
            tf.nn.relu(x)
        """,
    "deleted": """
        x = keras.layers.Dense(4)(inputs)
        del x
        tf.nn.relu(x)
        """,
    "declared global in a function": """
        x = keras.layers.Dense(4)(inputs)
        def reset():
            global x
            x = np.ones(3)
        reset()
        tf.nn.relu(x)
        """,
    "a star import after the binding": """
        x = keras.layers.Dense(4)(inputs)
        from keras.layers import *
        tf.nn.relu(x)
        """,
    "a star import before the binding": """
        from keras.layers import *
        x = keras.layers.Dense(4)(keras.Input((4,)))
        tf.nn.relu(x)  # reported
        """,
    "a parameter rebound to a layer's output": """
        def block(x):
            x = keras.layers.Dense(4)(x)
            return tf.nn.relu(x)
        """,
}

if sys.version_info >= (3, 10):
    CASES["a case pattern"] = """
        x = keras.layers.Dense(4)(inputs)
        match value:
            case [x]:
                tf.nn.relu(x)
        """


@pytest.mark.parametrize("body", CASES.values(), ids=list(CASES))
def test_a_use_is_judged_by_the_bindings_that_reach_it(body):
    source = _HEAD + textwrap.dedent(body).lstrip("\n")
    expected = [number for number, line in enumerate(source.splitlines(), 1) if line.endswith("# reported")]
    found = [line for code, line, _ in codes_at(source, Target.KERAS3) if code == "KER320"]
    assert found == expected


def test_a_binding_whose_place_is_unknown_reaches_every_use():
    tree = ast.parse("x = 1\nx = 2\nprint(x)\n")
    first, second, use = tree.body[0], tree.body[1], tree.body[2].value.args[0]
    known = Binding(second.value, node=second.targets[0])
    unknown = Binding(first.value)  # made without the node it binds at
    assert Reaching().bindings(use, tree, [unknown, known]) == [unknown, known]
    assert Reaching().bindings(use, tree, [Binding(first.value, node=first.targets[0]), known]) == [known]


# -- against run time: random functions of ``x`` (assignments, reads, branches, loops, try, break, continue,
# exceptions), each run with random choices: every binding a read of ``x`` sees must be among those kept.


class _Marker:
    def __init__(self, binding: int) -> None:
        self.binding = binding


class _Raised(Exception):
    pass


class _Program:
    """Source of a function ``f(x)``: ``x = v(n)`` is binding n (the parameter: -1; ``for x in it(n)``,
    ``with opened(n) as x``, ``(x := v(n))``: n), ``use(u, x)`` is read u."""

    def __init__(self, random: Random) -> None:
        self.random = random
        self.bindings = 0
        self.reads = 0

    def source(self) -> str:
        return "def f(x):\n" + "".join(f"    {line}\n" for line in self._block(0, False))

    def _block(self, depth: int, in_loop: bool) -> List[str]:
        return [line for _ in range(self.random.randint(1, 4)) for line in self._statement(depth, in_loop)]

    def _nested(self, header: str, depth: int, in_loop: bool) -> List[str]:
        return [header] + ["    " + line for line in self._block(depth + 1, in_loop)]

    def _statement(self, depth: int, in_loop: bool) -> List[str]:
        roll = self.random.random() * (0.5 if depth > 3 else 1.0)
        if roll < 0.2:
            return [f"x = v({self._binding()})"]
        if roll < 0.3:
            return [f"x = v({self._binding()}, use({self._read()}, x))"]
        if roll < 0.45:
            return [f"use({self._read()}, x)"]
        if roll < 0.5:
            return [f"y = [use({self._read()}, x) for _ in range(2)]"]
        if roll < 0.55:
            return [self.random.choice(["break", "continue"])] if in_loop else ["maybe_raise()"]
        if roll < 0.65:
            branch = self._nested("if c():", depth, in_loop)
            return branch + (self._nested("else:", depth, in_loop) if self.random.random() < 0.5 else [])
        if roll < 0.75:
            header = f"for x in it({self._binding()}):" if self.random.random() < 0.3 else "for _ in loop():"
            return self._nested(header, depth, True)
        if roll < 0.82:
            return self._nested("while w():", depth, True)
        if roll < 0.9:
            lines = self._nested("try:", depth, in_loop) + self._nested("except Raised:", depth, in_loop)
            return lines + (self._nested("finally:", depth, in_loop) if self.random.random() < 0.3 else [])
        if roll < 0.92:
            return self._nested(f"with opened({self._binding()}) as x:", depth, in_loop)
        if roll < 0.94:
            return [f"y = c() and (x := v({self._binding()}))"]  # a walrus that may not run
        if roll < 0.96:
            return [f"x = v({self._binding()}, [use({self._read()}, x) for x in it({self._binding()})])"]
        if roll < 0.97:
            return ["del x"]
        return [f"y = use({self._read()}, x) if c() else None"]

    def _binding(self) -> int:
        self.bindings += 1
        return self.bindings

    def _read(self) -> int:
        self.reads += 1
        return self.reads


def _run(source: str, random: Random) -> Dict[int, Set[int]]:
    """Which bindings each read saw, in one run."""
    seen: Dict[int, Set[int]] = {}
    budget = [200]

    def tick() -> None:
        budget[0] -= 1
        if budget[0] < 0:
            raise _Raised

    def use(read: int, value: _Marker) -> _Marker:
        seen.setdefault(read, set()).add(value.binding)
        return value

    def maybe_raise() -> None:
        tick()
        if random.random() < 0.2:
            raise _Raised

    namespace = {
        "v": lambda binding, *reads: _Marker(binding),
        "use": use,
        "c": lambda: tick() or random.random() < 0.5,
        "w": lambda: tick() or random.random() < 0.6,
        "loop": lambda: tick() or range(random.randint(0, 3)),
        "it": lambda binding: tick() or [_Marker(binding)] * random.randint(0, 2),
        "maybe_raise": maybe_raise,
        "opened": lambda binding: tick() or contextlib.nullcontext(_Marker(binding)),
        "Raised": _Raised,
    }
    exec(compile(source, "<program>", "exec"), namespace)
    with contextlib.suppress(_Raised, NameError):  # NameError: a read after ``del x``
        namespace["f"](_Marker(-1))
    return seen


def _kept(source: str) -> Dict[int, Set[int]]:
    """Which bindings the analysis keeps for each read."""
    tree = ast.parse(source)
    function = tree.body[0]
    bindings = ModuleValues(tree).bindings[(id(function), "x")]
    number = {id(argument): -1 for argument in function.args.args}
    for node in ast.walk(function):
        if isinstance(node, ast.Assign) and node.targets[0].id == "x":
            number[id(node.targets[0])] = node.value.args[0].value
        elif isinstance(node, (ast.For, ast.comprehension)) and node.target.id == "x":
            number[id(node.target)] = node.iter.args[0].value
        elif isinstance(node, ast.withitem):
            number[id(node.optional_vars)] = node.context_expr.args[0].value
        elif isinstance(node, ast.NamedExpr):
            number[id(node.target)] = node.value.args[0].value
        elif isinstance(node, ast.Delete):
            number[id(node.targets[0])] = 0  # never seen: a read after it fails
    reaching = Reaching()
    return {
        node.args[0].value: {
            number[id(binding.node)] for binding in reaching.bindings(node.args[1], function, bindings)
        }
        for node in ast.walk(function)
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "use"
    }


@pytest.mark.parametrize("seed", range(0, 200, 40))
def test_every_binding_a_read_sees_at_run_time_is_kept(seed):
    for program_seed in range(seed, seed + 40):
        source = _Program(Random(program_seed)).source()
        kept = _kept(source)
        for run in range(10):
            for read, seen in _run(source, Random(program_seed * 100 + run)).items():
                assert seen <= kept[read], f"read {read} saw bindings {seen}, kept {kept[read]}:\n{source}"


@pytest.mark.parametrize("layers", [1, 5, 12, 60, 110])
def test_a_long_chain_of_rebindings_is_followed_to_its_input(layers):
    """A ResNet-like stem: each block rebinds `x` three times; the op at the end is found however long the
    chain, and the op on a name rebound to an array is not."""
    from kerascheck.config import Settings
    from kerascheck.engine import check_source

    blocks = "".join(
        "x = keras.layers.Conv2D(8, 3, padding='same')(x)\nx = keras.layers.BatchNormalization()(x)\n"
        "x = keras.layers.Activation('relu')(x)\n"
        for _ in range(layers)
    )
    source = (
        "import numpy as np\nimport tensorflow as tf\nfrom tensorflow import keras\n"
        f"x = keras.Input((32, 32, 3))\n{blocks}y = tf.reduce_mean(x, axis=[1, 2])\nx = np.ones(3)\nz = tf.nn.relu(x)\n"
    )
    found = [f.line for f in check_source(source, Settings(target=Target.KERAS3)) if f.code == "KER320"]
    assert found == [5 + 3 * layers]
