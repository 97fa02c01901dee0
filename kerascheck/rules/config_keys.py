"""KER217: a key Keras 2.2 put in an optimizer's config, read from it where the optimizer is shown; KER235: a key
Keras 2 put in a layer's config, read from what a shown model or layer's ``get_config()``/``to_json()`` gives."""

from __future__ import annotations

import ast
from typing import Dict, Iterator, List, Optional, Set, Tuple, Union

from kerascheck.catalog.model import ONLY_KERAS3, Target
from kerascheck.catalog.training import (
    INBOUND_NODES,
    KERAS2_LAYER_CONFIG_KEYS,
    LEGACY_OPTIMIZER_CONFIG_KEYS,
    OLD_OPTIMIZER_CONFIG_KEYS,
)
from kerascheck.context import Context
from kerascheck.findings import Edit, Finding
from kerascheck.rules.base import FixSafety, Invalid, Rule, Severity, Valid, module_text

_GET_CONFIG = "get_config"
_TO_JSON = "to_json"
_CONFIG_KINDS = frozenset({"Model", "Sequential", "Layer"})
_MAX_STEPS = 12  # subscripts, ``.get("config")``, names and loops followed back from a key


class OptimizerConfigKey(Rule):
    """## What it does
    Finds `optimizer.get_config()["lr"]` and `["decay"]` on an optimizer the module shows (`model.optimizer`, a name
    bound to a Keras optimizer's constructor), also through a name the config is bound to once (`config =
    model.optimizer.get_config()`): keys Keras 2.2's optimizers put in their config.

    ## Why is this bad?
    Since Keras 2.3 the config names the rate `learning_rate`, in TF 2.15's optimizers (the legacy ones too) and
    Keras 3's: reading `"lr"` raises `KeyError: 'lr'`. No TF 2.11+ or Keras 3 optimizer has a `decay`: reading it
    raises `KeyError: 'decay'` (run on TF 2.15.1 and Keras 3.15.1). A module that names `optimizers.legacy`, whose
    optimizers keep `decay`, is left alone for that key.

    ## Example
    ```python
    print(model.optimizer.get_config()["lr"])
    ```

    ## Use instead
    ```python
    print(model.optimizer.get_config()["learning_rate"])
    ```

    ## Fix safety
    Safe for `"lr"`: the same value under its current key. None for `"decay"`, which no key holds.
    """

    code = "KER217"
    name = "optimizer-config-key"
    fix_safety = FixSafety.SOMETIMES
    message = "`{use}` raises `KeyError: {key!r}` on target {target}: {state}"
    fix_title = "{remedy}"
    severity = Severity.ERROR
    valid = (
        Valid("import keras\nopt = keras.optimizers.Adam()\nprint(opt.get_config()['learning_rate'])\n"),
        Valid("import keras\nprint(scheduler.get_config()['lr'])\n"),  # not shown to be an optimizer
        Valid(  # TF 2.15's legacy optimizers keep `decay` (run on TF 2.15.1)
            "from tensorflow import keras\nopt = keras.optimizers.legacy.SGD(0.01, decay=1e-4)\n"
            "print(opt.get_config()['decay'])\n"
        ),
        Valid(  # the config is given the key first
            "import keras\nopt = keras.optimizers.SGD(0.01)\nconfig = opt.get_config()\nconfig['lr'] = 0.1\n"
            "print(config['lr'])\n"
        ),
    )
    invalid = (
        Invalid(
            "import keras\nmodel = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])\n"
            "model.compile(optimizer='adam', loss='mse')\nrate = model.optimizer.get_config()['lr']\n",
            at=((4, 7),),
            target=Target.KERAS3,
            fixed="import keras\nmodel = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])\n"
            "model.compile(optimizer='adam', loss='mse')\nrate = model.optimizer.get_config()['learning_rate']\n",
        ),
        Invalid(
            "from tensorflow import keras\nopt = keras.optimizers.SGD(0.01)\nconfig = opt.get_config()\n"
            "state = [config['lr'], config['decay']]\n",
            at=((4, 9), (4, 23)),
            fixed="from tensorflow import keras\nopt = keras.optimizers.SGD(0.01)\nconfig = opt.get_config()\n"
            "state = [config['learning_rate'], config['decay']]\n",
        ),
        Invalid(
            "from tensorflow.keras.optimizers import SGD\nopt = SGD(0.01, momentum=0.9)\n"
            'print("lr:", opt.get_config()["lr"])\n',
            at=((3, 13),),
            fixed="from tensorflow.keras.optimizers import SGD\nopt = SGD(0.01, momentum=0.9)\n"
            'print("lr:", opt.get_config()["learning_rate"])\n',
        ),
    )

    def check_module(self, ctx: Context) -> Iterator[Finding]:
        text = module_text(ctx)
        if f".{_GET_CONFIG}()" not in text or not any(
            f"{quote}{key}{quote}" in text for key in OLD_OPTIMIZER_CONFIG_KEYS for quote in "'\""
        ):
            return
        from kerascheck.rules.objects import typed_uses  # here: read only when a module may need it

        calls = {
            id(use.call)
            for use in typed_uses(ctx, frozenset({_GET_CONFIG}))
            if use.type.kind == "Optimizer" and use.call is not None and not use.call.args and not use.call.keywords
        }
        if not calls:
            return
        configs = _bound_once(ctx, calls)
        legacy = "optimizers.legacy" in text
        for node in ctx.nodes:
            if not (isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Load)):
                continue
            value = node.value
            if id(value) not in calls and not (isinstance(value, ast.Name) and value.id in configs):
                continue
            key = node.slice
            if not (isinstance(key, ast.Constant) and isinstance(key.value, str)):
                continue
            if isinstance(value, ast.Name) and key.value in configs.get(value.id, ()):
                continue  # the module gives the config that key itself
            if key.value not in OLD_OPTIMIZER_CONFIG_KEYS or (legacy and key.value in LEGACY_OPTIMIZER_CONFIG_KEYS):
                continue
            new, state, remedy = OLD_OPTIMIZER_CONFIG_KEYS[key.value]
            use = ctx.source_of(node)
            if new is None:
                if ctx.target is Target.TF_KERAS and key.value in LEGACY_OPTIMIZER_CONFIG_KEYS:
                    remedy = f"{remedy}, or make an `optimizers.legacy` one, which has it"
                yield self.finding(ctx, node, use=use, key=key.value, state=state, remedy=remedy)
                continue
            quote = ctx.source_of(key)[0]
            edits = (Edit(*ctx.span(key), f"{quote}{new}{quote}"),)
            yield self.finding(ctx, node, edits=edits, use=use, key=key.value, state=state, remedy=remedy)


def _bound_once(ctx: Context, calls: Set[int]) -> Dict[str, Set[str]]:
    """The names bound once in the module, to one of ``calls`` (``config = model.optimizer.get_config()``), each with
    the keys the module gives it itself (``config['lr'] = 0.1``, which then holds); one given keys otherwise
    (``config.update(…)``, a key not spelled) holds anything, and is left out."""
    bound: Dict[str, int] = {}
    configs: Set[str] = set()
    written: Dict[str, Set[str]] = {}
    changed: Set[str] = set()
    for node in ctx.nodes:
        if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
            bound[node.id] = bound.get(node.id, 0) + 1
        elif isinstance(node, ast.Assign) and id(node.value) in calls and len(node.targets) == 1:
            if isinstance(node.targets[0], ast.Name):
                configs.add(node.targets[0].id)
        elif isinstance(node, ast.Subscript) and not isinstance(node.ctx, ast.Load):
            if isinstance(node.value, ast.Name):
                key = node.slice
                if isinstance(key, ast.Constant) and isinstance(key.value, str):
                    written.setdefault(node.value.id, set()).add(key.value)
                else:
                    changed.add(node.value.id)
        elif isinstance(node, ast.Attribute) and node.attr in _DICT_WRITES and isinstance(node.value, ast.Name):
            changed.add(node.value.id)
    return {name: written.get(name, set()) for name in configs if bound.get(name) == 1 and name not in changed}


_DICT_WRITES = frozenset({"update", "setdefault"})


class Keras3LayerConfigKey(Rule):
    """## What it does
    Finds `config["batch_input_shape"]` read from what `get_config()` or `to_json()` of a model or layer the module
    shows gives: `model.get_config()["layers"][0]["config"]["batch_input_shape"]`, a loop over the config's
    `"layers"`, `json.loads(model.to_json())`, `model.layers[0].get_config()["batch_input_shape"]`.

    ## Why is this bad?
    tf.keras (TF 2.15) gives an `InputLayer`, and a first layer built with `input_shape=`, a `batch_input_shape`
    key. No Keras 3 (3.15.1) layer config has one: the `InputLayer`'s says `batch_shape`, so reading it raises
    `KeyError: 'batch_input_shape'` (run on both).

    ## Example
    ```python
    config = model.get_config()
    width = config["layers"][0]["config"]["batch_input_shape"][1]
    ```

    ## Use instead
    ```python
    width = model.input_shape[1]
    ```

    ## Fix safety
    None: which layer has `batch_shape` (only an `InputLayer`) is the program's to say.
    """

    code = "KER235"
    name = "keras3-layer-config-key"
    message = (
        "`{use}` raises `KeyError: {key!r}` on target {target} (Keras {keras3_checked}): no Keras 3 layer config "
        "has `{key}`; read {remedy}"
    )
    severity = Severity.ERROR
    targets = ONLY_KERAS3
    valid = (
        Valid(
            "import keras\nmodel = keras.models.load_model('m.keras')\n"
            "print(model.get_config()['layers'][0]['config']['batch_shape'])\n",
            target=Target.KERAS3,
        ),
        # not shown to come from a Keras model: a mmdetection image meta, a config read from a file
        Valid("import keras\nshape = img_metas[0]['batch_input_shape']\n", target=Target.KERAS3),
        Valid(
            "import json\nimport keras\nconfig = json.load(open('model.json'))\n"
            "print(config['config']['layers'][0]['config']['batch_input_shape'])\n",
            target=Target.KERAS3,
        ),
        # tf.keras has the key
        Valid(
            "import keras\nmodel = keras.Sequential([keras.layers.Dense(2, input_shape=(3,))])\n"
            "print(model.layers[0].get_config()['batch_input_shape'])\n"
        ),
        Valid(  # code for both Kerases reads the key only where the config has it
            "import keras\nmodel = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2)])\n"
            "for layer in model.get_config()['layers']:\n    c = layer['config']\n"
            "    if 'batch_input_shape' in c:\n        print(c['batch_input_shape'])\n"
            "    try:\n        shape = c['batch_input_shape']\n"
            "    except KeyError:\n        shape = c['batch_shape']\n",
            target=Target.KERAS3,
        ),
    )
    invalid = (
        Invalid(
            "import json\nimport keras\nmodel = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2)])\n"
            "config = model.get_config()\nfirst = config['layers'][0]['config']['batch_input_shape']\n"
            "for layer in json.loads(model.to_json())['config']['layers']:\n"
            "    if layer['class_name'] == 'InputLayer':\n"
            "        shape = layer.get('config')['batch_input_shape']\n",
            at=((5, 8), (8, 16)),
            target=Target.KERAS3,
        ),
        Invalid(
            "from keras.models import load_model\nnet = load_model('m.keras')\n"
            "print(net.layers[0].get_config()['batch_input_shape'])\n",
            at=((3, 6),),
            target=Target.KERAS3,
        ),
    )

    def check_module(self, ctx: Context) -> Iterator[Finding]:
        text = module_text(ctx)
        if not any(key in text for key in KERAS2_LAYER_CONFIG_KEYS) or not (_GET_CONFIG in text or _TO_JSON in text):
            return
        from kerascheck.rules.objects import typed_uses  # here: read only when a module may need it

        configs = {
            id(use.call)
            for use in typed_uses(ctx, frozenset({_GET_CONFIG, _TO_JSON}))
            if use.type.kind in _CONFIG_KINDS and use.call is not None and not use.call.args and not use.call.keywords
        }
        if not configs:
            return
        loops = {
            id(node.target): node.iter
            for node in ctx.nodes
            if isinstance(node, (ast.For, ast.AsyncFor, ast.comprehension)) and isinstance(node.target, ast.Name)
        }
        guarded = _guarded_reads(ctx)
        for node in ctx.nodes:
            if not (isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Load)):
                continue
            key = node.slice
            if not (isinstance(key, ast.Constant) and key.value in KERAS2_LAYER_CONFIG_KEYS):
                continue
            if (key.value, ctx.source_of(node.value)) in guarded.get(id(node), ()):
                continue  # read under ``if 'batch_input_shape' in config:``, or where a KeyError is caught
            if _made_by(ctx, node.value, configs, loops):
                yield self.finding(
                    ctx, node, use=ctx.source_of(node), key=key.value, remedy=KERAS2_LAYER_CONFIG_KEYS[key.value]
                )


def _guarded_reads(ctx: Context) -> Dict[int, Set[Tuple[object, str]]]:
    """id(node) -> the (key, mapping source) reads that cannot raise KeyError there: inside the body of
    ``if key in mapping:`` (also ``… and key in mapping``), and, for every key, inside ``try:`` with an
    ``except KeyError`` (or a bare/``Exception`` handler)."""
    guarded: Dict[int, Set[Tuple[object, str]]] = {}
    for node in ctx.nodes:
        tested: Set[Tuple[object, str]] = set()
        body: List[ast.AST] = []
        if isinstance(node, (ast.If, ast.IfExp)):
            tests = (
                node.test.values
                if isinstance(node.test, ast.BoolOp) and isinstance(node.test.op, ast.And)
                else [node.test]
            )
            for test in tests:
                if (
                    isinstance(test, ast.Compare)
                    and len(test.ops) == 1
                    and isinstance(test.ops[0], ast.In)
                    and isinstance(test.left, ast.Constant)
                ):
                    tested.add((test.left.value, ctx.source_of(test.comparators[0])))
            body = list(node.body) if isinstance(node.body, list) else [node.body]
        elif isinstance(node, ast.Try) and any(_catches_key_error(handler) for handler in node.handlers):
            tested = {(key, "*") for key in KERAS2_LAYER_CONFIG_KEYS}
            body = list(node.body)
        if not tested:
            continue
        for statement in body:
            for inner in ast.walk(statement):
                if isinstance(inner, ast.Subscript) and isinstance(inner.slice, ast.Constant):
                    source = ctx.source_of(inner.value)
                    reads = {(key, source) for key, where in tested if where in ("*", source)}
                    if reads:
                        guarded.setdefault(id(inner), set()).update(reads)
    return guarded


def _catches_key_error(handler: ast.ExceptHandler) -> bool:
    caught = handler.type
    names = caught.elts if isinstance(caught, ast.Tuple) else [caught]
    return caught is None or any(
        isinstance(name, ast.Name) and name.id in ("KeyError", "LookupError", "Exception", "BaseException")
        for name in names
    )


def _made_by(ctx: Context, node: ast.expr, calls: Set[int], loops: Dict[int, ast.expr]) -> bool:
    """Whether ``node`` is certainly (a part of) what one of the ``calls`` gives: followed back through subscripts,
    ``.get(key)``, ``json.loads(…)``, names bound once (:func:`value_of`) and loop variables."""
    from kerascheck.rules.values import module_values, value_of  # here: only a module that reads such a key

    for _ in range(_MAX_STEPS):
        if isinstance(node, ast.Subscript):
            node = node.value
        elif isinstance(node, ast.Call):
            if id(node) in calls:
                return True
            func = node.func
            if not (isinstance(func, ast.Attribute) and len(node.args) >= 1 and not node.keywords):
                return False
            if func.attr == "get" and len(node.args) == 1:
                node = func.value
            elif func.attr == "loads" and isinstance(func.value, ast.Name) and func.value.id == "json":
                node = node.args[0]
            else:
                return False
        elif isinstance(node, ast.Name):
            made = value_of(ctx, node)
            if made is not node:
                node = made
                continue
            binding = module_values(ctx).binding(node)
            if binding is None or binding.node is None or id(binding.node) not in loops:
                return False
            node = loops[id(binding.node)]
        else:
            return False
    return False


class Keras2InboundNodes(Rule):
    """## What it does
    Finds code that reads a functional model's config in Keras 2's layout of `inbound_nodes`: an item of it indexed
    by position (`layer["inbound_nodes"][0][0][0]`, the name of the layer feeding it), also through a loop over them
    (`for node in layer["inbound_nodes"]: node[0]`).

    ## Why is this bad?
    tf.keras writes each inbound node as a list of `[layer_name, node_index, tensor_index, kwargs]` entries. Keras 3
    writes a dict, `{"args": [...], "kwargs": {...}}`, whose tensors carry `keras_history`: indexing it by position
    raises `KeyError: 0`.

    ## Example
    ```python
    for layer in model.get_config()["layers"]:
        parents = [node[0][0] for node in layer["inbound_nodes"]]
    ```

    ## Use instead
    ```python
    for layer in model.get_config()["layers"]:
        parents = [arg["config"]["keras_history"][0] for node in layer["inbound_nodes"] for arg in node["args"]]
    ```

    ## Fix safety
    None: Keras 3's layout nests the tensors another way.
    """

    code = "KER251"
    name = "keras2-inbound-nodes"
    message = (
        "`{read}` reads an inbound node of a model config by position, Keras 2's layout (`[[name, node, tensor, "
        "kwargs]]`); on target {target} (Keras {keras3_checked}) each node is a dict of `args` and `kwargs`: "
        "`KeyError: 0`"
    )
    fix_title = 'Read `node["args"]`, whose tensors name their layer in `["config"]["keras_history"][0]`'
    severity = Severity.ERROR
    targets = ONLY_KERAS3
    valid = (
        Valid(
            "import keras\nnodes = model.get_config()['layers'][1]['inbound_nodes']\nfirst = nodes[0]['args']\n",
            target=Target.KERAS3,
        ),
        Valid(  # the loop variable's name, read where it is another loop's
            "import keras\nfor ii in model.get_config()['layers'][0]['inbound_nodes']:\n    print(ii['args'])\n"
            "shapes = [ii[1] for ii in [layer.output.shape for layer in model.layers]]\n",
            target=Target.KERAS3,
        ),
        Valid(  # code for both layouts: a Keras 3 node is a dict, so the list branches never index it
            "import keras\nfor layer in model.get_config()['layers']:\n    for node in layer['inbound_nodes']:\n"
            "        if isinstance(node, list) and isinstance(node[0], str):\n            print(node[0])\n"
            "        elif isinstance(node, (list, tuple)):\n            print(node[0][0])\n",
            target=Target.KERAS3,
        ),
    )
    invalid = (
        Invalid(
            "import keras\nconfig = model.get_config()\nname = config['layers'][1]['inbound_nodes'][0][0][0]\n"
            "for layer in config['layers']:\n    for node in layer['inbound_nodes']:\n        print(node[0][0])\n",
            at=((3, 7), (6, 14)),
            target=Target.KERAS3,
        ),
    )

    def check_module(self, ctx: Context) -> Iterator[Finding]:
        if INBOUND_NODES not in module_text(ctx) or not ctx.imports_keras:
            return
        reported: Set[int] = set()
        nodes_read = _loop_node_reads(ctx)
        for node in ctx.nodes:
            if not (isinstance(node, ast.Subscript) and _positional(node) and id(node) not in reported):
                continue
            inner = node.value
            if (isinstance(inner, ast.Subscript) and _positional(inner) and _is_inbound_nodes(inner.value)) or (
                id(node) in nodes_read
            ):
                if id(node) in _list_guarded(ctx):
                    continue  # ``isinstance(node, list) and node[0] …``: a Keras 3 node, a dict, never gets there
                outer = node
                while id(outer) in _parents_indexing(ctx):
                    outer = _parents_indexing(ctx)[id(outer)]
                reported |= {id(each) for each in ast.walk(outer) if isinstance(each, ast.Subscript)}
                yield self.finding(ctx, outer, read=ctx.source_of(outer))


def _loop_node_reads(ctx: Context) -> Set[int]:
    """id(subscript) of ``node[…]`` inside a loop over ``…["inbound_nodes"]`` whose variable is ``node``: the body of
    a ``for``, or what a comprehension computes from its ``for`` (not the same name elsewhere in the module)."""
    found: Set[int] = set()
    for node in ctx.nodes:
        if isinstance(node, ast.For) and isinstance(node.target, ast.Name) and _is_inbound_nodes(node.iter):
            found |= _reads_of(node.target.id, node.body)
        elif isinstance(node, (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)):
            for at, generator in enumerate(node.generators):
                if isinstance(generator.target, ast.Name) and _is_inbound_nodes(generator.iter):
                    found |= _reads_of(generator.target.id, [*generator.ifs, *_computed_after(node, at)])
    return found


def _computed_after(node: Comprehension, at: int) -> List[ast.AST]:
    """What a comprehension computes after its ``at``-th ``for`` (and its ``if``s): the later ``for``s, the result."""
    parts: List[ast.AST] = [node.key, node.value] if isinstance(node, ast.DictComp) else [node.elt]
    for later in node.generators[at + 1 :]:
        parts += [later.iter, *later.ifs]
    return parts


Comprehension = Union[ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp]


def _reads_of(name: str, roots: List) -> Set[int]:
    return {
        id(node)
        for root in roots
        for node in ast.walk(root)
        if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id == name
    }


def _is_inbound_nodes(node: ast.expr) -> bool:
    """``<…>["inbound_nodes"]``."""
    return (
        isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant) and node.slice.value == INBOUND_NODES
    )


def _positional(node: ast.Subscript) -> bool:
    """An index by an integer (``[0]``, ``[-1]``)."""
    index = node.slice
    if isinstance(index, ast.UnaryOp) and isinstance(index.op, ast.USub):
        index = index.operand
    return isinstance(index, ast.Constant) and type(index.value) is int


def _list_guarded(ctx: Context) -> Set[int]:
    """id(subscript) of the subscripts ``x[…]`` read only where ``isinstance(x, list)`` (or ``tuple``) holds: in the
    operands of an ``and`` after that test, or in the body of an ``if``/``elif`` whose test is it or has it as an
    operand of an ``and`` (code for both layouts: corpus triage, keras_cv_attention_models' model surgery)."""
    key = ("KER251", "guarded")
    if key not in ctx.memo:
        guarded: Set[int] = set()
        for node in ctx.nodes:
            if isinstance(node, ast.BoolOp) and isinstance(node.op, ast.And):
                tested: Set[str] = set()
                for value in node.values:
                    guarded |= _subscripts_of(ctx, [value], tested)
                    tested |= _sequence_tests(ctx, value)
            elif isinstance(node, (ast.If, ast.IfExp, ast.While)):
                tested = _sequence_tests(ctx, node.test)
                body: List[ast.AST] = list(node.body) if isinstance(node.body, list) else [node.body]
                guarded |= _subscripts_of(ctx, body, tested)
            elif isinstance(node, (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)):
                # ``[n[0] for n in nodes if isinstance(n, list)]``: the filter holds for what is computed after it
                for at, generator in enumerate(node.generators):
                    tested = {source for test in generator.ifs for source in _sequence_tests(ctx, test)}
                    if not tested:
                        continue
                    guarded |= _subscripts_of(ctx, _computed_after(node, at), tested)
        ctx.memo[key] = guarded
    return ctx.memo[key]


def _sequence_tests(ctx: Context, test: ast.expr, depth: int = 0) -> Set[str]:
    """The sources of ``x`` that ``test`` requires to be a list or tuple: ``isinstance(x, list)``, each such
    operand of an ``and``, and a call of the module's own test of its argument (``is_node = lambda x: isinstance(x,
    list) and …``)."""
    if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.And):
        return {source for value in test.values for source in _sequence_tests(ctx, value, depth)}
    if isinstance(test, ast.Call) and isinstance(test.func, ast.Name) and test.func.id != "isinstance":
        return _tested_by_helper(ctx, test, depth)
    if (
        isinstance(test, ast.Call)
        and isinstance(test.func, ast.Name)
        and test.func.id == "isinstance"
        and len(test.args) == 2
    ):
        kinds = test.args[1]
        names = kinds.elts if isinstance(kinds, ast.Tuple) else [kinds]
        if names and all(isinstance(name, ast.Name) and name.id in ("list", "tuple") for name in names):
            return {ctx.source_of(test.args[0])}
    return set()


def _tested_by_helper(ctx: Context, call: ast.Call, depth: int) -> Set[str]:
    """``helper(x)`` where the module binds ``helper`` once to a lambda, or a function of one ``return``, whose result
    requires its first parameter to be a list or tuple: the source of ``x``."""
    if depth > 2 or not call.args or not isinstance(call.func, ast.Name):
        return set()
    from kerascheck.rules.values import module_values  # here: only a module that tests its nodes needs them

    binding = module_values(ctx).binding(call.func)
    helper = None if binding is None else binding.value
    if isinstance(helper, ast.Lambda):
        body: Optional[ast.expr] = helper.body
    elif isinstance(helper, ast.FunctionDef) and len(helper.body) == 1 and isinstance(helper.body[0], ast.Return):
        body = helper.body[0].value
    else:
        return set()
    parameters = helper.args.posonlyargs + helper.args.args
    if body is None or not parameters:
        return set()
    if parameters[0].arg in _sequence_tests(ctx, body, depth + 1):
        return {ctx.source_of(call.args[0])}
    return set()


def _subscripts_of(ctx: Context, nodes: List[ast.AST], tested: Set[str]) -> Set[int]:
    """id(subscript) of the subscripts below ``nodes`` whose subscripted expression is one of ``tested``."""
    if not tested:
        return set()
    return {
        id(node)
        for root in nodes
        for node in ast.walk(root)
        if isinstance(node, ast.Subscript) and ctx.source_of(node.value) in tested
    }


def _parents_indexing(ctx: Context) -> Dict[int, ast.Subscript]:
    """id(subscript) -> the positional subscript of it (``x[0]`` -> ``x[0][0]``): the whole read, once."""
    key = ("KER251", "parents")
    if key not in ctx.memo:
        ctx.memo[key] = {
            id(node.value): node
            for node in ctx.nodes
            if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Subscript) and _positional(node)
        }
    return ctx.memo[key]
