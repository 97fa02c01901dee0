"""KER229: one optimizer instance compiled into two models that the module trains (the Keras-GAN idiom)."""

from __future__ import annotations

import ast
from typing import Dict, FrozenSet, Iterator, List, Optional, Set, Tuple, Union

from kerascheck import catalog
from kerascheck.catalog.model import Target
from kerascheck.catalog.training import LEGACY_OPTIMIZER_MODULES_ON_TF_KERAS, OPTIMIZERS, SHARED_OPTIMIZER_ERRORS
from kerascheck.context import Context
from kerascheck.findings import Edit, Finding
from kerascheck.rules.base import FixSafety, Invalid, Rule, Severity, Valid, module_text, shown_source
from kerascheck.rules.calls import argument, callee
from kerascheck.rules.values import Binding, is_keras_model, module_values, value_of

_Function = Union[ast.FunctionDef, ast.AsyncFunctionDef]
TRAINS = frozenset({"fit", "fit_generator", "train_on_batch"})
_COMPILE = "compile"

_GAN = (
    "import numpy as np\nimport keras\n"
    "d = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1)])\n"
    "g = keras.Sequential([keras.Input((2,)), keras.layers.Dense(4)])\n"
    "z = keras.Input((2,))\ncombined = keras.Model(z, d(g(z)))\n"
)


class OptimizerSharedBetweenModels(Rule):
    """## What it does
    Finds one optimizer instance given to `compile` of two different models that the module trains (`fit`,
    `train_on_batch`, `fit_generator`): the Keras-GAN idiom `optimizer = Adam(0.0002, 0.5)`, then
    `discriminator.compile(optimizer=optimizer, …)` and `combined.compile(optimizer=optimizer, …)`. Only a
    name bound once to a Keras optimizer's constructor, and models the module makes (`Sequential`, `Model`,
    `load_model`, a function or method of the module returning one), each bound once, compiled by statements
    of one block (not in two branches or two functions, which may not both run).

    ## Why is this bad?
    Keras 2.2 made fresh moment variables for each model it compiled. tf.keras (TF 2.15.1) and Keras 3
    (3.15.1) build the optimizer once, for the trainable variables of the model trained first, and training
    the other model fails: TF 2.15.1 raises `KeyError: 'The optimizer cannot recognize variable …'`, Keras 3
    `ValueError: Argument `optimizer_variables` must be a list of tensors corresponding 1:1 to the trainable
    variables list that the optimizer was built with…` (JAX backend); where both models have as many
    trainable variables, Keras 3 raises nothing and steps the second with the first one's moments. On
    tf.keras, a model holding the other and trained first still runs: the module's first training call
    must be of the model compiled first. `optimizer="adam"` (a new instance at each compile) and TF 2.15's
    `tf.keras.optimizers.legacy` optimizers are not reported. On keras3, an optimizer of the tf_keras package
    (Keras 2, kept for TF >= 2.16) is judged as TF 2.15's: its legacy ones are not reported.

    ## Example
    ```python
    optimizer = Adam(0.0002, 0.5)
    discriminator.compile(loss="binary_crossentropy", optimizer=optimizer)
    combined.compile(loss="binary_crossentropy", optimizer=optimizer)
    ```

    ## Use instead
    ```python
    discriminator.compile(loss="binary_crossentropy", optimizer=Adam(0.0002, 0.5))
    combined.compile(loss="binary_crossentropy", optimizer=Adam(0.0002, 0.5))
    ```

    ## Fix safety
    Unsafe, offered where the optimizer is made from literals in the scope of the second `compile`: the fix
    gives the second model a new optimizer of the same arguments. Each model then keeps its own optimizer
    state, as in Keras 2.2, but code that reads or changes the shared instance (its learning rate, its
    `iterations`) reaches only the first model's.
    """

    code = "KER229"
    name = "optimizer-shared-between-models"
    message = (
        "`{optimizer}`, one `{kind}` instance, is also given to `{first}.compile` (line {first_line}), and both "
        "models are trained: the optimizer is built for the variables of the model trained first, and on target "
        "{target} {error}"
    )
    fix_title = "Give `{receiver}` an optimizer of its own (`{made}`)"
    severity = Severity.ERROR
    fix_safety = FixSafety.UNSAFE
    walked_methods = TRAINS | {_COMPILE}
    valid = (
        Valid(  # a new instance at each compile
            _GAN + "d.compile(loss='mse', optimizer='adam')\ncombined.compile(loss='mse', optimizer='adam')\n"
            "d.train_on_batch(x, y)\ncombined.train_on_batch(z, y)\n",
            target=Target.KERAS3,
        ),
        Valid(  # only one of the two trained
            _GAN + "opt = keras.optimizers.Adam(2e-4, 0.5)\nd.compile(loss='mse', optimizer=opt)\n"
            "combined.compile(loss='mse', optimizer=opt)\ncombined.fit(z, y)\n",
            target=Target.KERAS3,
        ),
        Valid(  # TF 2.15's legacy optimizers make slots per variable
            "import tensorflow as tf\nd = tf.keras.Sequential()\nc = tf.keras.Sequential()\n"
            "opt = tf.keras.optimizers.legacy.Adam(2e-4, 0.5)\nd.compile(loss='mse', optimizer=opt)\n"
            "c.compile(loss='mse', optimizer=opt)\nd.fit(x, y)\nc.fit(z, y)\n"
        ),
        Valid(  # the same model compiled again
            _GAN + "opt = keras.optimizers.SGD()\nd.compile(loss='mse', optimizer=opt)\nd.fit(x, y)\n"
            "d.compile(loss='mae', optimizer=opt)\nd.fit(x, y)\n",
            target=Target.KERAS3,
        ),
        Valid(  # compiles that never both run
            _GAN + "opt = keras.optimizers.Adam()\nif fast:\n    d.compile(loss='mse', optimizer=opt)\n"
            "    d.fit(x, y)\nelse:\n    combined.compile(loss='mse', optimizer=opt)\n    combined.fit(z, y)\n",
            target=Target.KERAS3,
        ),
        Valid(  # tf.keras: the model compiled second, which may hold the first, is trained first
            _GAN.replace("import keras", "from tensorflow import keras") + "opt = keras.optimizers.Adam()\n"
            "d.compile(loss='mse', optimizer=opt)\ncombined.compile(loss='mse', optimizer=opt)\n"
            "combined.train_on_batch(z, y)\nd.train_on_batch(x, y)\n"
        ),
        Valid(  # keras3: tf_keras (Keras 2) and its legacy optimizers, which make slots per variable
            "import tf_keras as keras\nd = keras.Sequential()\nc = keras.Sequential()\n"
            "opt = keras.optimizers.legacy.Adam(2e-4, 0.5)\nd.compile(loss='mse', optimizer=opt)\n"
            "c.compile(loss='mse', optimizer=opt)\nd.fit(x, y)\nc.fit(z, y)\n",
            target=Target.KERAS3,
        ),
    )
    invalid = (
        Invalid(
            _GAN + "opt = keras.optimizers.Adam(2e-4, 0.5)\nd.compile(loss='mse', optimizer=opt)\n"
            "combined.compile(loss='mse', optimizer=opt)\nd.train_on_batch(x, y)\ncombined.train_on_batch(z, y)\n",
            at=((9, 39),),
            target=Target.KERAS3,
            fixed=_GAN + "opt = keras.optimizers.Adam(2e-4, 0.5)\nd.compile(loss='mse', optimizer=opt)\n"
            "combined.compile(loss='mse', optimizer=keras.optimizers.Adam(2e-4, 0.5))\nd.train_on_batch(x, y)\n"
            "combined.train_on_batch(z, y)\n",
        ),
        Invalid(
            "from tensorflow.keras.models import Model\nfrom tensorflow.keras.optimizers import Adam\n"
            "class GAN:\n    def __init__(self, lr):\n        optimizer = Adam(lr)\n"
            "        self.critic = self.build_critic()\n        self.critic.compile('mse', optimizer=optimizer)\n"
            "        self.combined = Model(z, self.critic(x))\n        self.combined.compile(optimizer, 'mse')\n"
            "    def build_critic(self):\n        return Model(x, y)\n    def train(self):\n"
            "        self.critic.train_on_batch(x, y)\n        self.combined.train_on_batch(z, y)\n",
            at=((9, 30),),
        ),
    )

    def check_module(self, ctx: Context) -> Iterator[Finding]:
        text = module_text(ctx)
        if f".{_COMPILE}(" not in text or not any(f".{method}(" in text for method in TRAINS):
            return
        named = _compiles_with_a_named_optimizer(ctx)
        if not named:
            return  # most modules: no name given to two compiles (what follows reads the module's values)
        # id(the optimizer name's binding) -> (compile call, the optimizer argument, the model made), in order
        compiles: Dict[int, List[Tuple[ast.Call, ast.Name, ast.expr]]] = {}
        first_trained: Dict[int, ast.Call] = {}  # id(the model made) -> its first training call
        for call in ctx.index.calls:
            func = call.func
            if not isinstance(func, ast.Attribute) or (func.attr != _COMPILE and func.attr not in TRAINS):
                continue
            if func.attr == _COMPILE and id(call) not in named:
                continue
            made = model_made(ctx, func.value)
            if made is None:
                continue
            if func.attr in TRAINS:
                first_trained.setdefault(id(made), call)
                continue
            given = argument(call, 0, "optimizer")
            binding = _optimizer_binding(ctx, given) if isinstance(given, ast.Name) else None
            if isinstance(given, ast.Name) and binding is not None:
                compiles.setdefault(id(binding.node), []).append((call, given, made))
        for entries in compiles.values():
            trained = [entry for entry in entries if id(entry[2]) in first_trained]
            if len(trained) < 2:
                continue
            first_call, _, first_made = trained[0]
            block = _block_of(ctx, first_call)
            reported = {id(first_made)}
            for call, given, made in trained[1:]:
                if id(made) in reported or block is None or _block_of(ctx, call) != block:
                    continue  # the same model, or two compiles that may not both run (other branches, functions)
                reported.add(id(made))
                keras2 = _keras2_optimizer(ctx, given)
                if (ctx.target is Target.TF_KERAS or keras2) and not _before(
                    first_trained[id(first_made)], first_trained[id(made)]
                ):
                    continue  # the one compiled second may hold the first one's variables: TF 2.15 runs
                yield self._finding(ctx, call, given, first_call, Target.TF_KERAS if keras2 else ctx.target)

    def _finding(self, ctx: Context, call: ast.Call, given: ast.Name, first: ast.Call, keras: Target) -> Finding:
        made = value_of(ctx, given)
        assert isinstance(made, ast.Call)  # see _optimizer_binding
        made_text = ctx.source_of(made)
        literal = all(_literal(arg) for arg in made.args) and all(
            keyword.arg is not None and _literal(keyword.value) for keyword in made.keywords
        )
        values = module_values(ctx)
        here = values.scope_of(given) is values.scope_of(made)
        edits = (Edit(*ctx.span(given), made_text),) if literal and here and "\n" not in made_text else ()
        assert isinstance(call.func, ast.Attribute) and isinstance(first.func, ast.Attribute)
        target = callee(ctx, made)
        return self.finding(
            ctx, given, edits=edits, safe=False, optimizer=given.id,
            kind=target.display if target is not None else "optimizer",
            first=shown_source(ctx.source_of(first.func.value)), first_line=first.lineno,
            error=SHARED_OPTIMIZER_ERRORS[keras], receiver=shown_source(ctx.source_of(call.func.value)),
            made=shown_source(made_text, 60),
        )  # fmt: skip


def _compiles_with_a_named_optimizer(ctx: Context) -> Set[int]:
    """ids of the ``….compile(…)`` calls given as optimizer a name that another compile, of another receiver, is
    given too: the only ones that may share an optimizer (read off the calls alone)."""
    by_name: Dict[str, List[ast.Call]] = {}
    for call in ctx.index.calls:
        func = call.func
        if isinstance(func, ast.Attribute) and func.attr == _COMPILE:
            given = argument(call, 0, "optimizer")
            if isinstance(given, ast.Name):
                by_name.setdefault(given.id, []).append(call)
    found: Set[int] = set()
    for calls in by_name.values():
        receivers = {ast.dump(call.func.value) for call in calls if isinstance(call.func, ast.Attribute)}
        if len(receivers) > 1:
            found.update(id(call) for call in calls)
    return found


def _block_of(ctx: Context, call: ast.Call) -> Optional[int]:
    """The statement list holding ``call`` as a statement of its own (``model.compile(…)``), or None."""
    values = module_values(ctx)
    scope = values.scope_of(call)
    key = ("statement-blocks", id(scope))
    if key not in ctx.memo:
        found: Dict[int, int] = {}
        top = getattr(scope, "body", None)  # a lambda's is an expression
        pending: List[List[ast.stmt]] = [top] if isinstance(top, list) else []
        while pending:
            body = pending.pop()
            for statement in body:
                if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call):
                    found[id(statement.value)] = id(body)
                if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                    continue  # scopes of their own
                for _, value in ast.iter_fields(statement):
                    if isinstance(value, list):
                        for item in value:
                            if isinstance(item, ast.stmt):
                                pending.append(value)
                                break
                            inner = getattr(item, "body", None)  # an except handler, a match case
                            if isinstance(inner, list):
                                pending.append(inner)
        ctx.memo[key] = found
    return ctx.memo[key].get(id(call))


def _before(one: ast.Call, other: ast.Call) -> bool:
    return (one.lineno, one.col_offset) < (other.lineno, other.col_offset)


def _literal(node: ast.expr) -> bool:
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        node = node.operand
    return isinstance(node, ast.Constant)


def _optimizer_binding(ctx: Context, name: ast.Name) -> Optional[Binding]:
    """The one binding of a name to a Keras optimizer's constructor (``Adam(0.0002, 0.5)``), not a legacy one."""
    binding = module_values(ctx).binding(name)
    if binding is None or binding.unpacked_from is not None or not isinstance(binding.value, ast.Call):
        return None
    target = callee(ctx, binding.value)
    if target is None or target.owner not in OPTIMIZERS or target.reference is None:
        return None
    if target.reference.dotted.startswith(LEGACY_OPTIMIZER_MODULES_ON_TF_KERAS):
        return None  # the TF1 API's optimizers are the legacy ones on TF 2.15
    if ctx.keras2_on_keras3(binding.value.func) and (
        catalog.modern_name(catalog.canonical_name(target.reference), Target.TF_KERAS) not in OPTIMIZERS
    ):
        return None  # tf_keras's (Keras 2's) legacy optimizers make slots per variable, as TF 2.15's do
    return binding


def _keras2_optimizer(ctx: Context, given: ast.Name) -> bool:
    """Whether the shared optimizer is the tf_keras package's on the keras3 target: it behaves as TF 2.15's."""
    made = value_of(ctx, given)
    return isinstance(made, ast.Call) and ctx.keras2_on_keras3(made.func)


def model_made(ctx: Context, receiver: ast.expr) -> Optional[ast.expr]:
    """The expression that made the model a receiver names: a name bound once to a model (``Sequential()``,
    ``build_model()``), or ``self.attribute`` assigned once in its class, to a model or to a call of a method
    of the class that returns only models. None where the module does not show one model."""
    if isinstance(receiver, ast.Name):
        made = value_of(ctx, receiver)
        return made if isinstance(made, ast.Call) and is_keras_model(ctx, made) else None
    if not (isinstance(receiver, ast.Attribute) and isinstance(receiver.value, ast.Name)):
        return None
    if receiver.value.id != "self":
        return None
    owner = module_values(ctx).enclosing_class(receiver)
    if owner is None:
        return None
    key = ("self-models", id(owner))
    if key not in ctx.memo:
        ctx.memo[key] = _attribute_models(ctx, owner)
    return ctx.memo[key].get(receiver.attr)


def _attribute_models(ctx: Context, owner: ast.ClassDef) -> Dict[str, ast.expr]:
    """``self.name`` -> the model it is assigned, for each name assigned once in the class's methods, to a model."""
    values: Dict[str, List[Optional[ast.expr]]] = {}  # None: a binding other than ``self.name = value``
    methods = {node.name: node for node in owner.body if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))}
    for method in methods.values():
        for node in ast.walk(method):
            if not isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
                continue
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                for each in ast.walk(target):
                    if (
                        isinstance(each, ast.Attribute)
                        and isinstance(each.ctx, ast.Store)
                        and isinstance(each.value, ast.Name)
                        and each.value.id == "self"
                    ):
                        plain = target is each and isinstance(node, ast.Assign)
                        values.setdefault(each.attr, []).append(node.value if plain else None)
    found: Dict[str, ast.expr] = {}
    for name, assigned in values.items():
        if len(assigned) != 1 or assigned[0] is None:
            continue
        value = assigned[0]
        if _self_method_models(ctx, value, methods):
            found[name] = value
            continue
        made = value_of(ctx, value)
        if isinstance(made, ast.Call) and is_keras_model(ctx, made):
            found[name] = made
    return found


def _self_method_models(ctx: Context, value: ast.expr, methods: Dict[str, _Function]) -> bool:
    """``self.build_discriminator()``, a method of the class whose every ``return`` gives a model."""
    if not (
        isinstance(value, ast.Call)
        and isinstance(value.func, ast.Attribute)
        and isinstance(value.func.value, ast.Name)
        and value.func.value.id == "self"
        and value.func.attr in methods
    ):
        return False
    method = methods[value.func.attr]
    returns = [node for node in ast.walk(method) if isinstance(node, ast.Return)]
    return bool(returns) and all(node.value is not None and is_keras_model(ctx, node.value) for node in returns)


def later_method_calls(
    ctx: Context, name: ast.Name, after: Union[ast.expr, ast.stmt], methods: FrozenSet[str]
) -> List[ast.Call]:
    """The ``name.method(…)`` calls of ``methods`` after ``after``, in the scope ``name`` stands in, in source
    order (the walk keeps them when the rule asks for the methods: Rule.walked_methods)."""
    values = module_values(ctx)
    scope = values.scope_of(name)
    start = (after.lineno, after.col_offset)
    found = [
        call
        for call in ctx.index.calls
        if isinstance(call.func, ast.Attribute)
        and call.func.attr in methods
        and isinstance(call.func.value, ast.Name)
        and call.func.value.id == name.id
        and values.scope_of(call.func) is scope
        and (call.lineno, call.col_offset) > start
    ]
    return sorted(found, key=lambda call: (call.lineno, call.col_offset))
