"""KER242: a TensorFlow graph attribute (``.op``, ``.graph``) read from a model's or layer's symbolic tensor.

Keras 2.2 on TensorFlow 1 built models of ``tf.Tensor``s, and code that exported them (the ``freeze_session``
idiom) read ``model.outputs[0].op.name``. TF 2.x's tf.keras (keras 2.15.0 ``engine/keras_tensor.py``) builds
functional models of ``KerasTensor``s, whose ``op`` raises ``TypeError: Keras symbolic inputs/outputs do not implement
`op``` unless eager execution is turned off; Keras 3.15.1's ``KerasTensor`` has neither attribute
(``AttributeError``). ``.graph`` raises ``AttributeError`` on both (run on TF 2.15.1 and Keras 3.15.1).
"""

from __future__ import annotations

import ast
import re
from typing import Dict, Iterator, List, Optional

from kerascheck.catalog.model import Target
from kerascheck.catalog.releases import KERAS3_CHECKED
from kerascheck.context import Context
from kerascheck.findings import Finding
from kerascheck.rules.base import Invalid, Rule, Severity, Valid, graph_mode, module_text, shown_source

_GRAPH_ATTRIBUTES = frozenset({"op", "graph"})
_TENSORS = frozenset({"input", "output"})  # a model's or layer's symbolic tensor
_TENSOR_LISTS = frozenset({"inputs", "outputs"})
_KINDS = frozenset({"Model", "Sequential", "Layer"})
_GATE = re.compile(r"\.(?:op|graph)\b")
_EFFECTS = {
    Target.KERAS3: "Keras {keras3_checked}'s `KerasTensor` has no `{attribute}` (`AttributeError`)",
    Target.TF_KERAS: "its `KerasTensor` raises `{error}`",
}
_TF_ERRORS = {
    "op": "TypeError: Keras symbolic inputs/outputs do not implement op",
    "graph": "AttributeError",
}


class KerasTensorGraphAttribute(Rule):
    """## What it does
    Finds `.op` or `.graph` read from the symbolic input or output of a Keras model or layer the module shows:
    `model.output.op.name`, `model.outputs[0].op`, `[out.op.name for out in model.outputs]`,
    `model.layers[-1].output.graph`.

    ## Why is this bad?
    Keras 2 on TensorFlow 1 built models of `tf.Tensor`s, and exporting code read their graph operations (the
    `freeze_session(K.get_session(), output_names=[out.op.name for out in model.outputs])` idiom). tf.keras 2.x
    builds them of `KerasTensor`s: `op` raises `TypeError: Keras symbolic inputs/outputs do not implement op`
    unless the module turns eager execution off (run on TF 2.15.1). Keras 3's `KerasTensor` has no `op` nor
    `graph`: `AttributeError` (run on Keras 3.15.1).

    ## Example
    ```python
    output_names = [out.op.name for out in model.outputs]
    ```

    ## Use instead
    ```python
    model.export("exported")  # Keras 3; tf.saved_model.save(model, "exported") on tf.keras
    ```

    ## Fix safety
    None: a model is exported with `model.export` or `tf.saved_model.save`, not through its graph.
    """

    code = "KER242"
    name = "keras-tensor-graph-attribute"
    message = (
        "`{spelled}` reads `{attribute}` of a Keras model's symbolic tensor: on target {target} {effect}; "
        "TensorFlow 1's graph tensors are gone"
    )
    fix_title = "Export the model (`model.export(…)` on Keras 3, `tf.saved_model.save(model, …)`) instead"
    severity = Severity.ERROR
    valid = (
        Valid("import keras\ninputs = keras.Input((4,))\nmodel = keras.Model(inputs, inputs)\n"
              "names = [out.name for out in model.outputs]\nop = tf_graph.op\n"),
        Valid("import tensorflow as tf\ntf.compat.v1.disable_eager_execution()\ninputs = tf.keras.Input((4,))\n"
              "model = tf.keras.Model(inputs, inputs)\nprint(model.output.op.name)\n"),
    )  # fmt: skip
    invalid = (
        Invalid(
            "from tensorflow import keras\ninputs = keras.Input((4,))\n"
            "model = keras.Model(inputs, keras.layers.Dense(2)(inputs))\n"
            "output_names = [out.op.name for out in model.outputs]\n",
            at=((4, 16),),
        ),
        Invalid(
            "import keras\ninputs = keras.Input((4,))\nmodel = keras.Model(inputs, keras.layers.Dense(2)(inputs))\n"
            "print(model.output.op.name, model.layers[-1].output.graph)\n",
            at=((4, 6), (4, 28)),
            target=Target.KERAS3,
        ),
    )

    def check_module(self, ctx: Context) -> Iterator[Finding]:
        if not _GATE.search(module_text(ctx)) or (ctx.target is Target.TF_KERAS and graph_mode(ctx)):
            return
        from kerascheck.rules.api_checks import interesting_names  # here: read only when a module may need it
        from kerascheck.rules.objects import typed_uses

        uses = [
            use.node
            for use in typed_uses(ctx, interesting_names(ctx.target))
            if use.node.attr in _TENSORS | _TENSOR_LISTS and use.type.kind in _KINDS and not use.assigned
        ]
        if not uses:
            return
        parents = _parents(ctx.nodes)
        for use in uses:
            for tensor in _tensors(use, parents):
                read = parents.get(id(tensor))
                if isinstance(read, ast.Attribute) and read.value is tensor and read.attr in _GRAPH_ATTRIBUTES:
                    effect = _EFFECTS[ctx.target].format(
                        attribute=read.attr, error=_TF_ERRORS[read.attr], keras3_checked=KERAS3_CHECKED
                    )
                    yield self.finding(
                        ctx, read, spelled=shown_source(ctx.source_of(read)), attribute=read.attr, effect=effect
                    )


def _parents(nodes: List[ast.AST]) -> Dict[int, ast.AST]:
    parents: Dict[int, ast.AST] = {}
    for node in nodes:
        for child in ast.iter_child_nodes(node):
            parents[id(child)] = node
    return parents


def _tensors(use: ast.Attribute, parents: Dict[int, ast.AST]) -> List[ast.expr]:
    """The expressions that are one symbolic tensor of ``use`` (``model.output``, ``model.outputs[0]``, the target of
    a loop over ``model.outputs`` where its body reads it)."""
    if use.attr in _TENSORS:
        return [use]
    parent = parents.get(id(use))
    if isinstance(parent, ast.Subscript) and parent.value is use:
        return [parent]
    loop: Optional[ast.AST] = None
    if isinstance(parent, ast.comprehension) and parent.iter is use:
        loop = parents.get(id(parent))
    elif isinstance(parent, ast.For) and parent.iter is use:
        loop = parent
    target = getattr(parent, "target", None)
    if loop is None or not isinstance(target, ast.Name):
        return []
    return [
        node
        for node in ast.walk(loop)
        if isinstance(node, ast.Name) and node.id == target.id and isinstance(node.ctx, ast.Load)
    ]
