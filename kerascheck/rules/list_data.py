"""KER240: numbers written as a Python list given to ``fit``, ``evaluate`` or ``predict`` of a model on Keras 3.

tf.keras (keras 2.15.0 ``data_adapter.ListsOfScalarsDataAdapter``) turned a list of numbers, or of lists of numbers,
into an array; Keras 3 (3.15.1 ``trainers/data_adapters/__init__.py``) has no adapter for one and raises
``ValueError: Unrecognized data type: x=[[5.1, 3.5, 1.4, 0.2]] (of type <class 'list'>)`` from ``fit``,
``evaluate`` and ``predict``, whatever the backend (run on Keras 3.15.1 with JAX). The ``*_on_batch`` methods and a
direct call go through the backend instead, and tf.keras read a list there as several inputs: not reported.
"""

from __future__ import annotations

import ast
from typing import FrozenSet, Iterator, List, Optional, Tuple

from kerascheck.catalog.model import ONLY_KERAS3, Target
from kerascheck.context import Context
from kerascheck.findings import Edit, Finding
from kerascheck.rules.base import FixSafety, Invalid, Rule, Severity, Valid, shown_source
from kerascheck.rules.calls import argument, callee, keras2_model_receiver
from kerascheck.rules.values import module_values, value_of

# the method -> its data parameters (position, name)
DATA_PARAMETERS = {
    ".fit": ((0, "x"), (1, "y")),
    ".evaluate": ((0, "x"), (1, "y")),
    ".predict": ((0, "x"),),
}
_VALIDATION_DATA = "validation_data"
_MAX_DEPTH = 8  # how deeply numbers may be nested in lists
_SEQUENTIAL = "import numpy as np\nimport keras\nmodel = keras.Sequential([keras.Input((4,)), keras.layers.Dense(3)])\n"


class ListOfNumbersData(Rule):
    """## What it does
    Finds a list (or tuple) of numbers, or of lists of numbers, given as the data of a Keras model's `fit`,
    `evaluate` or `predict`: `model.predict([[5.1, 3.5, 1.4, 0.2]])`, `model.fit(x, [0, 1, 1, 0])`, a name bound
    once to such a list, and the pairs of `validation_data=`. Only on a model the module shows (`Sequential(…)`,
    `Model(…)`, `load_model(…)`, an application, `self.model` in a callback).

    ## Why is this bad?
    tf.keras turned a list of numbers into an array. Keras 3 takes arrays, tensors, datasets, generators and
    `PyDataset`s, and a list only as the structure of several inputs: a list of numbers raises
    `ValueError: Unrecognized data type: x=[[5.1, 3.5, 1.4, 0.2]] (of type <class 'list'>)` (run on Keras 3.15.1).

    ## Example
    ```python
    import numpy as np

    print(model.predict([[5.1, 3.5, 1.4, 0.2]]))
    ```

    ## Use instead
    ```python
    print(model.predict(np.array([[5.1, 3.5, 1.4, 0.2]])))
    ```

    ## Fix safety
    Safe where the module imports NumPy (`import numpy as np`): the list becomes `np.array(…)` of it, the array
    tf.keras made of it (keras 2.15.0 converts such lists with `np.asarray`). No fix without the import.
    """

    code = "KER240"
    name = "list-of-numbers-data"
    message = (
        "`{spelled}` gives `{method}` a Python list of numbers as `{parameter}`: on target {target} (Keras "
        "{keras3_checked}) `{method}` raises `ValueError: Unrecognized data type` (tf.keras made an array of it)"
    )
    fix_title = "Pass an array: `{fixed}`"
    severity = Severity.ERROR
    fix_safety = FixSafety.SAFE
    targets = ONLY_KERAS3
    owners = frozenset(DATA_PARAMETERS)
    valid = (
        Valid(
            "import numpy as np\nimport keras\nmodel = keras.models.load_model('m.keras')\n"
            "model.predict(np.array([[5.1, 3.5, 1.4, 0.2]]))\nmodel.fit([images, labels_in], labels)\n",
            Target.KERAS3,
        ),
        Valid("import keras\nclf = make_classifier()\nclf.predict([[5.1, 3.5]])\n", Target.KERAS3),
        Valid("from tensorflow import keras\nmodel = keras.Sequential()\nmodel.predict([[5.1, 3.5]])\n"),
    )
    invalid = (
        Invalid(
            _SEQUENTIAL + "print(model.predict([[5.1, 3.5, 1.4, 0.2]]))\n",
            at=((4, 20),),
            target=Target.KERAS3,
            fixed=_SEQUENTIAL + "print(model.predict(np.array([[5.1, 3.5, 1.4, 0.2]])))\n",
        ),
        Invalid(
            "import keras\nX = [[0, 0], [0, 1], [1, 0], [1, 1]]\ny = [0, 1, 1, 0]\n"
            "model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1)])\nmodel.compile(loss='mse')\n"
            "loss = model.evaluate(X, y)\n",
            at=((6, 22), (6, 25)),
            target=Target.KERAS3,
        ),
    )

    def check_call(self, ctx: Context, node: ast.Call) -> Iterator[Finding]:
        target = callee(ctx, node)
        if target is None or target.owner not in DATA_PARAMETERS or not isinstance(node.func, ast.Attribute):
            return
        given: List[Tuple[ast.expr, str]] = []
        for position, name in DATA_PARAMETERS[target.owner]:
            data = argument(node, position, name)
            if data is not None:
                given.append((data, name))
        validation = argument(node, 6, _VALIDATION_DATA) if target.owner == ".fit" else None
        if isinstance(validation, ast.Tuple):
            given += [(element, _VALIDATION_DATA) for element in validation.elts[:2]]
        given = [(data, name) for data, name in given if _numbers_list(ctx, data)]
        if not given or not _holds_a_model(ctx, node.func.value) or keras2_model_receiver(ctx, node):
            return
        numpy = numpy_name(ctx)
        method = target.owner[1:]
        for data, parameter in given:
            spelled = ctx.source_of(data)
            fixed = None if numpy is None else f"{numpy}.array({spelled})"
            finding = self.finding(
                ctx, data, edits=(Edit(*ctx.span(data), fixed),) if fixed else (), spelled=shown_source(spelled),
                method=method, parameter=parameter, fixed=fixed or f"numpy.array({shown_source(spelled)})",
            )  # fmt: skip
            yield finding if fixed else finding.unfixed("the module does not import NumPy")


def _numbers_list(ctx: Context, node: ast.expr) -> bool:
    """A list or tuple of numbers, or of such lists, written out or bound once to a name (never changed in place)."""
    if isinstance(node, ast.Name):
        value = value_of(ctx, node)
        return (
            value is not node
            and isinstance(value, (ast.List, ast.Tuple))
            and _numbers(value, 0)
            and node.id not in _changed_in_place(ctx)
        )
    return isinstance(node, (ast.List, ast.Tuple)) and _numbers(node, 0)


def _numbers(node: ast.expr, depth: int) -> bool:
    if isinstance(node, (ast.List, ast.Tuple)):
        return bool(node.elts) and depth < _MAX_DEPTH and all(_numbers(element, depth + 1) for element in node.elts)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        node = node.operand
    return isinstance(node, ast.Constant) and type(node.value) in (int, float)


def _changed_in_place(ctx: Context) -> FrozenSet[str]:
    """The names the module calls a method of or stores into (``rows.append(…)``, ``rows[0] = …``): such a list may
    hold arrays by the time it is used (worked out once per module)."""
    key = ("list data", "changed in place")
    if key not in ctx.memo:
        names = set()
        for node in ctx.nodes:
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
                names.add(node.value.id)
            elif isinstance(node, ast.Subscript) and not isinstance(node.ctx, ast.Load):
                if isinstance(node.value, ast.Name):
                    names.add(node.value.id)
        ctx.memo[key] = frozenset(names)
    return ctx.memo[key]


def _holds_a_model(ctx: Context, node: ast.expr) -> bool:
    from kerascheck.rules.model_files import holds_a_model  # here: read only when a module may need it

    return holds_a_model(ctx, node)


def numpy_name(ctx: Context) -> Optional[str]:
    """The name the module binds NumPy to at its top level (``import numpy as np``) and nothing else there."""
    values = module_values(ctx)
    for statement in ctx.tree.body:
        if isinstance(statement, ast.Import):
            for alias in statement.names:
                name = alias.asname or alias.name
                bindings = values.bindings.get((id(values.module), name), [])
                if alias.name == "numpy" and len(bindings) == 1 and bindings[0].dotted == "numpy":
                    return name
    return None
