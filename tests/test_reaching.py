"""Which bindings of a name reach a use (rules/reaching.py), through KER320: a TF op on a name is reported
only when every binding that can reach it holds a KerasTensor. Each case marks the lines it must report
with ``# reported``; the Keras 3 behaviour of the rule's own examples is run in test_keras3_breaks.py."""

from __future__ import annotations

import ast
import sys
import textwrap

import pytest

from kerascheck.catalog.model import Target
from kerascheck.rules.reaching import Reaching
from kerascheck.rules.values import Binding
from tests.conftest import codes_at

_HEAD = "import numpy as np\nimport tensorflow as tf\nfrom tensorflow import keras\ninputs = keras.Input((4,))\n"

CASES = {
    "a chain of rebindings": """
        x = keras.layers.Dense(4)(inputs)
        x = tf.nn.relu(x)  # reported
        x = tf.reduce_sum(x, axis=-1, keepdims=True)
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
        for _ in range(2):
            x = tf.nn.relu(x)
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
