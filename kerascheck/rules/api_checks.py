"""What KER230 and KER120 (``kerascheck/rules/api.py``) do, imported on the first check: kerascheck
starts without the API tables, the binding logic and the receiver typing."""

from __future__ import annotations

import ast
import re
from functools import cache
from typing import AbstractSet, Dict, FrozenSet, Iterator, List, Optional, Set, Tuple

from kerascheck import binding, catalog
from kerascheck.catalog import api
from kerascheck.catalog.api import Signature
from kerascheck.catalog.attributes import CALLED_PROPERTIES, REPLACED_ATTRIBUTES, AttributeReplacement, replacement
from kerascheck.catalog.metric_keys import CHANGED_ATTRIBUTES
from kerascheck.catalog.model import Target, removed_note
from kerascheck.catalog.saving import SAVE_FORMAT_KEYWORD, SAVING_OWNERS
from kerascheck.catalog.training import TF1_OPTIMIZERS
from kerascheck.context import Context
from kerascheck.findings import Edit, Finding
from kerascheck.names import Reference
from kerascheck.record import Record
from kerascheck.rules.arguments import _positional_form
from kerascheck.rules.base import asks_for, graph_mode_at, module_text, shown_source
from kerascheck.rules.call_edits import arguments_in_order
from kerascheck.rules.calls import callee, keras_partials
from kerascheck.rules.objects import TypedUse, checked_against_target, typed_uses
from kerascheck.walk import class_body_names

_OPTIMIZER_KEYWORDS = frozenset(fact.name for fact in catalog.OPTIMIZER_KEYWORDS)  # KER205, KER206
_TF1_OPTIMIZERS = TF1_OPTIMIZERS.partition(".")[2]  # as code spells it after `tf.`: TF 2.15's legacy optimizers
# The methods of typed receivers whose calls KER230 checks: those users call with legacy arguments.
CHECKED_METHODS = frozenset(
    {"fit", "evaluate", "predict", "compile", "train_on_batch", "test_on_batch", "predict_on_batch", "save",
     "save_weights", "load_weights", "add_loss", "add_weight", "add_update", "export", "apply_gradients"}
)  # fmt: skip
# Of those, the ones checked on layers too (a custom layer's `self.add_loss(…, inputs=…)`, the Keras 1/2.0
# argument order `self.add_weight(shape, initializer=…, name=…)`, Keras 2.x's `self.add_update(updates, inputs)`);
# the others are a model's (a layer's own `fit` or `save` is the program's business).
LAYER_CHECKED_METHODS = frozenset({"add_loss", "add_weight", "add_update"})


@cache
def _in_some_core_class(target: Target) -> frozenset:
    return frozenset().union(*(api.attributes(target, kind, frozenset({kind})) for kind in api.CORE_KINDS))


@cache
def interesting_names(target: Target) -> frozenset:
    """The attribute names the rules on typed receivers may report on ``target``: a Keras name no core class
    has there (a name that moved between classes, such as a tf.keras Metric's Layer methods, is left alone)
    or one with a hand-checked replacement; the methods KER230 checks; and the names whose value changed
    (KER121). Lines without one are not looked at."""
    present = _in_some_core_class(target)
    names = set(CHECKED_METHODS) | {name for _, name in REPLACED_ATTRIBUTES} | CHANGED_ATTRIBUTES.get(target, set())
    for kind in api.CORE_KINDS:
        names |= {name for name in api.known_attributes(target, kind) - present if not name.startswith("_")}
    return frozenset(names)


def _explained(ctx: Context, owner: str, problem: binding.Problem) -> bool:
    """Whether a specific rule reports this problem already (or it is none in the module's TF mode)."""
    if _no_problem_here(ctx, problem):
        return True
    if problem.kind in (binding.UNKNOWN, binding.IGNORED, binding.DEPRECATED, binding.REFUSED):
        name = problem.argument
        if (owner, name) in catalog.KEYWORDS_BY_OWNER and catalog.owner_exists(owner, ctx.target):
            return True
        if owner in catalog.OPTIMIZERS and name in _OPTIMIZER_KEYWORDS:
            return True
        if owner in SAVING_OWNERS and name == SAVE_FORMAT_KEYWORD:
            return True
    return False


def _no_problem_here(ctx: Context, problem: binding.Problem) -> bool:
    """Whether the keyword's status says it does no harm in this module (its TF mode, a false value)."""
    fact = problem.fact
    if fact is not None and fact.eager_only and graph_mode_at(ctx, problem.node):
        return True
    # ``TensorBoard(write_grads=False)``: what TF 2 does anyway, and Keras says nothing
    return problem.kind == binding.IGNORED and fact is not None and fact.when_true and _false_literal(problem.node)


def _false_literal(node: ast.AST) -> bool:
    """Whether a keyword's value is a literal Python takes as false: ``False``, ``None``, ``0``, ``''``, ``[]``."""
    value = node.value if isinstance(node, ast.keyword) else None
    if isinstance(value, ast.Constant):
        return not value.value
    return isinstance(value, (ast.List, ast.Tuple, ast.Dict)) and not (
        value.keys if isinstance(value, ast.Dict) else value.elts
    )


def _keras1_keywords(ctx: Context, owner: str, call: ast.Call) -> bool:
    return any((owner, k.arg) in catalog.KEYWORDS_BY_OWNER for k in call.keywords if k.arg)


def _through_legacy_module(ctx: Context, reference: Reference) -> bool:
    """``keras.initializations.identity``: a name reached through a legacy module, whose signature there
    was not today's (KER102 reports the module)."""
    return len(reference.path) > 1 and catalog.module_path(reference.path[:-1], ctx.target) is not None


def _describe(problem: binding.Problem, shown: str, signature: Signature) -> Tuple[str, str, str]:
    """(what, effect, remedy) for the message."""
    name = problem.argument
    if problem.kind == binding.UNKNOWN:
        remedy = (
            f"Did you mean `{problem.nearest}=`?" if problem.nearest else f"Remove `{name}=` or pass it another way"
        )
        return f"`{name}=` is no parameter of `{shown}`", f"Keras raises {problem.effect}", remedy
    fact = problem.fact
    says = f' ("{fact.says}")' if fact is not None and fact.says else ""
    remedy = fact.remedy if fact is not None else f"Remove `{name}=`"
    if problem.kind == binding.IGNORED:
        return f"`{name}=` of `{shown}` is ignored", f"Keras {problem.effect}{says}", remedy
    if problem.kind == binding.DEPRECATED:
        return f"`{name}=` of `{shown}` is deprecated but honoured", f"Keras {problem.effect}{says}", remedy
    if problem.kind == binding.REFUSED:
        return f"`{name}=` of `{shown}` is refused", f"Keras raises {problem.effect}{says}", remedy
    if problem.kind == binding.TOO_MANY:
        most = len(signature.positional)
        takes = ", ".join(f"`{parameter}`" for parameter in signature.positional) or "none"
        closed = not signature.keyword_only and signature.kwargs is None  # `add_update(updates)`: nothing else binds
        return (
            f"`{shown}(…)` gets {name} positional arguments, at most {most} bind ({takes})",
            f"Python raises {problem.effect}",
            "Drop the others: it takes no more" if closed else "Pass the others by keyword",
        )
    if problem.kind == binding.TWICE:
        return (
            f"`{name}` of `{shown}` is given both positionally and as `{name}=`",
            f"Python raises {problem.effect}",
            "Give it once",
        )
    return (
        f"`{shown}(…)` lacks its required argument `{name}`",
        f"Python raises {problem.effect}",
        f"Pass `{name}`",
    )


def keyword_deletion(ctx: Context, call: ast.Call, keyword: ast.keyword) -> Tuple[Edit, ...]:
    """Edits that delete one keyword argument with its comma, or none when a comment is in the way."""
    arguments = arguments_in_order(call)
    index = next(i for i, node in enumerate(arguments) if node is keyword)
    if index > 0:
        start, end = ctx.span(arguments[index - 1])[2:], ctx.span(keyword)[2:]
    elif len(arguments) > 1:
        start, end = ctx.span(keyword)[:2], ctx.span(arguments[1])[:2]
    else:
        start, end = ctx.span(keyword)[:2], ctx.span(keyword)[2:]
    removed = _text(ctx, start, end)
    if "#" in removed or "\\" in removed:
        return ()
    return (Edit(*start, *end, ""),)


def _text(ctx: Context, start: Tuple[int, int], end: Tuple[int, int]) -> str:
    (line, col), (end_line, end_col) = start, end
    if line == end_line:
        return ctx.lines[line - 1][col:end_col]
    return ctx.lines[line - 1][col:] + "".join(ctx.lines[line : end_line - 1]) + ctx.lines[end_line - 1][:end_col]


# KER231's: keywords the target takes, then ignores or honours with a deprecation warning; KER230 has the rest
ACCEPTED_KINDS = frozenset({binding.IGNORED, binding.DEPRECATED})
FAILING_KINDS = frozenset({binding.UNKNOWN, binding.REFUSED, binding.TOO_MANY, binding.TWICE, binding.MISSING})


class _Located(Record):
    """A binding problem of one call, with what the message needs."""

    problem: binding.Problem
    call: ast.Call
    shown: str  # the callee as the message names it
    signature: Signature
    owner: str = ""  # the callee's canonical name ("activations.relu")


# Keywords Keras 3 renamed, where the old one is an unknown keyword there and the new one means the same (read in
# keras 3.15.1: activations/activations.py relu(x, negative_slope=0.0, …), regularizers/regularizers.py L1(l1=0.01),
# L2(l2=0.01); keras 2.15.0: activations.py relu(x, alpha=0.0, …), regularizers.py L1/L2 pop `l` from **kwargs "for
# backwards compatibility"). Held-out probe 15 N1: removing them, as the message advised, runs and trains another model.
KERAS3_KEYWORD_RENAMES: Dict[Tuple[str, str], str] = {
    ("activations.relu", "alpha"): "negative_slope",
    ("regularizers.l1", "l"): "l1",
    ("regularizers.L1", "l"): "l1",
    ("regularizers.l2", "l"): "l2",
    ("regularizers.L2", "l"): "l2",
}


def call_findings(self, ctx: Context, node: ast.Call, kinds: FrozenSet[str]) -> Iterator[Finding]:
    """Findings for the problems of ``kinds`` of a call of a Keras callable (worked out once per call for
    KER230 and KER231 both)."""
    memo = ctx.memo.get(_CALLS)
    if memo is None:
        memo = ctx.memo[_CALLS] = {}
    found = memo.get(node)
    if found is None:
        found = memo[node] = list(_call_problems(ctx, node))
    for located in found:
        if located.problem.kind in kinds:
            yield _finding(self, ctx, located)


_CALLS = ("api", "call problems")
_METHODS = ("api", "method problems")


def _call_problems(ctx: Context, node: ast.Call) -> Iterator[_Located]:
    target = callee(ctx, node)
    if target is None or target.reference is None or not checked_against_target(ctx, target.reference):
        return
    owner = target.owner
    if catalog.canonical_name(target.reference) != owner or _through_legacy_module(ctx, target.reference):
        return  # a renamed, removed or moved name: KER1xx says what replaces it
    signature = api.callable_signature(ctx.target, owner)
    if signature is None:
        return
    keras1_form = _positional_form(ctx, node, target) is not None
    yield from _problems(ctx, node, owner, target.display, signature, keras1_form)


def method_findings(self, ctx: Context, kinds: FrozenSet[str]) -> Iterator[Finding]:
    """Findings for the problems of ``kinds`` of method calls on typed Keras objects."""
    found = ctx.memo.get(_METHODS)
    if found is None:
        found = ctx.memo[_METHODS] = [*_method_problems(ctx), *_super_init_problems(ctx), *_partial_problems(ctx)]
    for located in found:
        if located.problem.kind in kinds:
            yield _finding(self, ctx, located)


def _method_problems(ctx: Context) -> Iterator[_Located]:
    for use in typed_uses(ctx, interesting_names(ctx.target)):
        if use.call is None or use.node.attr not in CHECKED_METHODS:
            continue
        if use.type.kind == "Layer" and use.node.attr not in LAYER_CHECKED_METHODS:
            continue
        method = use.node.attr
        if catalog.REMOVED_METHODS_BY_TARGET.get((ctx.target, f".{method}")) is not None:
            continue
        signature = api.method_signature(ctx.target, use.type.kind, method)
        if signature is None or method.startswith("_"):
            continue
        also = None
        if use.type.kind == "Model":  # maybe a Sequential: a problem must be one for both
            sequential = api.method_signature(ctx.target, "Sequential", method)
            also = (
                set() if sequential is None else {(p.kind, p.argument) for p in binding.problems(sequential, use.call)}
            )
        yield from _problems(ctx, use.call, f".{method}", f"{method}", signature, False, also)


# What a ``super().__init__(…)`` call of a custom layer or model can get wrong by keyword alone: its
# positionals and ``**kwargs`` are the subclass's business
_KEYWORD_KINDS = frozenset({binding.UNKNOWN, binding.REFUSED, binding.IGNORED, binding.DEPRECATED})


def _super_init_problems(ctx: Context) -> Iterator[_Located]:
    """The keywords a custom layer or model passes to its Keras base's ``__init__`` (``super().__init__(
    dynamic=True)``), checked against that base's signature; only for a class with one base, a public
    Keras layer or model class: then ``super()`` is that class whatever the subclass's subclasses do."""
    for node in ctx.index.classes:
        base = _keras_base(ctx, node)
        if base is None:
            continue
        canonical, signature = base
        for call in _super_init_calls(node):
            # no specific rule (KER201's Keras 1 keywords, KER205's lr=) reads these calls: no _explained
            for problem in binding.problems(signature, call):
                if problem.kind in _KEYWORD_KINDS and not _no_problem_here(ctx, problem):
                    yield _Located(problem, call, f"{ctx.source_of(node.bases[0])}.__init__", signature)


def _partial_problems(ctx: Context) -> Iterator[_Located]:
    """The keywords ``functools.partial(<a Keras callable>, k=v)`` binds, checked as the call's: reported at the
    ``partial`` call (an ignored one is deleted from it)."""
    for written, prepared in keras_partials(ctx):
        for located in _call_problems(ctx, prepared):
            if located.problem.kind in _KEYWORD_KINDS:
                yield located._replace(call=written)


def _keras_base(ctx: Context, node: ast.ClassDef) -> Optional[Tuple[str, Signature]]:
    """(canonical name, signature) of the class's only base, a public Keras layer or model class."""
    if len(node.bases) != 1 or node.keywords or id(node.bases[0]) not in ctx.index.scope_of:
        return None
    reference = ctx.reference(node.bases[0])
    if reference is None or not checked_against_target(ctx, reference) or _through_legacy_module(ctx, reference):
        return None
    canonical = catalog.canonical_name(reference)
    if canonical is None or api.kind_of(ctx.target, canonical) not in ("Layer", "Model"):
        return None
    signature = api.callable_signature(ctx.target, canonical)
    return None if signature is None else (canonical, signature)


def _super_init_calls(node: ast.ClassDef) -> Iterator[ast.Call]:
    """``super().__init__(…)`` and ``super(<the class>, self).__init__(…)`` in the class's own methods."""
    for function in node.body:
        if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        for call in ast.walk(function):
            if (
                isinstance(call, ast.Call)
                and isinstance(call.func, ast.Attribute)
                and call.func.attr == "__init__"
                and _is_super(call.func.value, node.name)
            ):
                yield call


def _is_super(node: ast.expr, class_name: str) -> bool:
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "super"):
        return False
    return not node.args or (isinstance(node.args[0], ast.Name) and node.args[0].id == class_name)


def _problems(
    ctx: Context,
    node: ast.Call,
    owner: str,
    shown: str,
    signature: Signature,
    keras1_form: bool,
    also: Optional[Set[Tuple[str, str]]] = None,
) -> Iterator[_Located]:
    found = binding.problems(signature, node)
    if also is not None:
        found = [p for p in found if (p.kind, p.argument) in also]
    if keras1_form or _keras1_keywords(ctx, owner, node):
        found = [p for p in found if p.kind not in (binding.TOO_MANY, binding.TWICE, binding.MISSING)]
    if found and any(p.kind in FAILING_KINDS for p in found) and ctx.handles(node, found[0].effect):
        return  # `try: model.fit(x, workers=4) except TypeError: model.fit(x)`: the program handles the failure
    for problem in found:
        if not _explained(ctx, owner, problem):
            yield _Located(problem, node, shown, signature, owner)


def _finding(self, ctx: Context, located: _Located) -> Finding:
    problem, node = located.problem, located.call
    what, effect, remedy = _describe(problem, located.shown, located.signature)
    edits: Tuple[Edit, ...] = ()
    span = ctx.span(problem.node)
    renamed = KERAS3_KEYWORD_RENAMES.get((located.owner, problem.argument)) if ctx.target is Target.KERAS3 else None
    if isinstance(problem.node, ast.keyword):
        line, col = span[:2]
        span = (line, col, line, col + len(problem.argument))
        if problem.kind == binding.IGNORED:
            edits = keyword_deletion(ctx, node, problem.node)
        if problem.kind == binding.UNKNOWN and renamed is not None:
            remedy = f"Use `{renamed}=`, Keras 3's name for it (removing it would change the model)"
            if all(keyword.arg != renamed for keyword in node.keywords):
                edits = (Edit(*span, renamed),)
    elif problem.node is node:
        span = ctx.span(node)[:2] + ctx.span(node.func)[2:]
    return self.finding(ctx, node, span=span, edits=edits, what=what, effect=effect, remedy=remedy)


def attribute_findings(self, ctx: Context) -> Iterator[Finding]:
    # on a target without a name the module sets itself (``opt.lr = 0.5``), a read of it finds the
    # program's own value, which the replacement (``learning_rate``) would not
    set_here = ctx.index.attributes_set
    uses = typed_uses(ctx, interesting_names(ctx.target))
    kept = _set_by_callbacks_only(ctx) if uses and set_here else frozenset()
    for use in uses:
        # a callback's own ``self.lr = []`` is no other object's attribute (held-out probe 17)
        finding = _check(self, ctx, use, set_here - kept if use.type.kind != "Callback" else set_here)
        if finding is not None:
            yield finding
    called = _called_properties(ctx)
    if called:
        for use in typed_uses(ctx, called):
            finding = _called_property(self, ctx, use, called)
            if finding is not None:
                yield finding


def _set_by_callbacks_only(ctx: Context) -> FrozenSet[str]:
    """The attribute names the module sets only as ``self.<name> = …`` in methods of its Keras callback classes:
    the callbacks' own state, which no model, layer or optimizer holds."""
    from kerascheck.rules.objects import keras_classes  # here: only a module that sets such names needs it

    inside: Set[int] = set()
    for node, kind in keras_classes(ctx):
        if kind.kind == "Callback":
            inside |= {
                id(each)
                for each in ast.walk(node)
                if isinstance(each, ast.Attribute) and isinstance(each.value, ast.Name) and each.value.id == "self"
            }
    if not inside:
        return frozenset()
    stored: Dict[str, bool] = {}  # name -> set by callbacks only, so far
    for each in ctx.nodes:
        if isinstance(each, ast.Attribute) and not isinstance(each.ctx, ast.Load):
            stored[each.attr] = stored.get(each.attr, True) and id(each) in inside
    # a name set through setattr() or only deleted is not seen here: it stays set by the module
    return frozenset(name for name, only in stored.items() if only and name in ctx.index.attributes_set)


@cache
def _call_of_uncallable(target: Target) -> re.Pattern[str]:
    names = sorted(set().union(*(api.uncallable_properties(target, kind) for kind in api.CORE_KINDS)))
    return re.compile(r"\.(" + "|".join(names) + r")\s*\(" if names else r"(?!)")


def _called_properties(ctx: Context) -> FrozenSet[str]:
    """The never-callable properties the module's text calls (``.variables(``): the only ones worth typing
    receivers for."""
    return frozenset(_call_of_uncallable(ctx.target).findall(module_text(ctx)))


def _asks_callable(ctx: Context, receiver: str, name: str) -> bool:
    """Whether the module asks ``callable(receiver.name)`` (code for either Keras calls it only where it may)."""
    text = module_text(ctx)
    return "callable(" in text and any(
        asked.replace(" ", "") == receiver.replace(" ", "")
        for asked in re.findall(rf"callable\(\s*([^()]*?)\s*\.\s*{name}\s*\)", text)
    )


def _called_property(self, ctx: Context, use: TypedUse, called: FrozenSet[str]) -> Optional[Finding]:
    """``optimizer.variables()`` on Keras 3: a property whose value is never callable, called."""
    name, kind = use.node.attr, use.type.kind
    if use.call is None or name not in called or name not in api.uncallable_properties(ctx.target, kind):
        return None
    if _asks_callable(ctx, ctx.source_of(use.node.value), name):
        return None
    exact = (kind, name) in CALLED_PROPERTIES and not use.call.args and not use.call.keywords
    edits = (Edit(*ctx.span(use.call), ctx.source_of(use.node)),) if exact else ()
    finding = self.finding(
        ctx, use.node, span=ctx.span(use.call), edits=edits, receiver=shown_source(ctx.source_of(use.node.value)),
        attribute=f"{name}()", effect="raises TypeError", kind=f"`{kind}`",
        lacks=f"has `{name}` as a property, not a method: its value is not callable",
        remedy=f"Read `.{name}` without calling it", removed="",
    )  # fmt: skip
    if exact:
        return finding
    if (kind, name) in CALLED_PROPERTIES:
        return finding.unfixed("the call has arguments, which the property never took")
    return finding.unfixed(f"no Keras had `{name}` as a method, so what the call meant is not known")


def _check(self, ctx: Context, use: TypedUse, set_here: AbstractSet[str] = frozenset()) -> Optional[Finding]:
    name, kind = use.node.attr, use.type.kind
    if catalog.REMOVED_METHODS_BY_TARGET.get((ctx.target, f".{name}")) is not None:
        return None  # KER1xx reports removed methods
    if use.call is not None and f".{name}" in self.other_methods:
        return None  # a specific rule explains the call (KER221: to_yaml)
    if ctx.index.attribute_fallbacks and ctx.handles_attribute_error(use.node):
        return None  # read where the module catches the AttributeError itself
    if not use.assigned and asks_for(ctx, name):
        return None  # read where the object has it: ``model.input_names if hasattr(model, "input_names") else …``
    stub = api.method_signature(ctx.target, kind, name) if use.call is not None else None
    fact = replacement(kind, name)
    if fact is not None and fact.only_on and ctx.target not in fact.only_on:
        return None
    if fact is not None and fact.only_classes and not use.type.classes & set(fact.only_classes):
        return None  # one class's name (a LossScaleOptimizer's), on an object the module never shows to be one
    if fact is not None and fact.unless_module_says and not use.type.classes:
        text = module_text(ctx)
        if fact.unless_module_says in text or ("legacy" in fact.unless_module_says and _TF1_OPTIMIZERS in text):
            return None  # an object of unknown class, in a module that makes ones that have it
    # An object of some class of the kind may have what any of the kind's classes have; a name with a
    # hand-checked replacement is the core class's (TorchModuleWrapper's own output_shape aside).
    classes = use.type.classes or (frozenset({kind}) if fact is not None else frozenset())
    present = name in api.attributes(ctx.target, kind, classes)
    if not present and kind == "Layer" and not use.type.classes and name in api.attributes(ctx.target, "Model"):
        from kerascheck.rules.objects import nests_a_model  # here: few modules read a model's name on a layer

        if nests_a_model(ctx):
            return None  # ``model.layers[0]`` may be a nested model, which has the name
    on_self = isinstance(use.node.value, ast.Name) and use.node.value.id == "self"
    if fact is not None and fact.own_when_set and (on_self or name in set_here or _defined_by_classes(ctx, name)):
        return None  # a Keras 1 name the module's own layers may have (``self.W = self.add_weight(…)``)
    if (
        use.assigned
        and fact is not None
        and ctx.target in fact.fails_when_set
        and not (fact.settable_on_self and on_self)
    ):
        receiver = ctx.source_of(use.node.value)
        return self.finding(
            ctx, use.node, receiver=shown_source(receiver),
            attribute=f"{name} = …", effect="raises AttributeError", kind=f"`{kind}`",
            lacks="has it as a read-only property", remedy=fact.guideline, removed="",
        )  # fmt: skip
    if use.assigned and (present or fact is None or fact.new is None):
        return None  # the class's own attribute, or a name of the program's own that no Keras replaced
    failing = dict(fact.fails_on).get(ctx.target) if fact is not None else None  # a Sequential model's input
    if failing is not None and fact is not None and fact.called_only and use.call is None:
        return None  # only a call fails (``Layer.add_metric``)
    if failing is not None and (name in set_here or _called_as_layer(ctx, use.node.value)):
        return None  # the program sets it itself; a model called on a tensor has an `input` after all
    if present and failing is None and (stub is None or stub.raises is None):
        return None
    if not present and name not in api.known_attributes(ctx.target, kind) and fact is None:
        return None  # not a Keras name: the user's own, or a typo we cannot judge
    if name.startswith("_") and fact is None:
        return None  # private names come and go through code no table can read (setattr, tracking)
    # where the module sets the name itself, a read may find the program's own value: renamed only with
    # every other use of the name, all of them on objects typed here (``opt.lr = 0.5`` … ``print(opt.lr)``)
    set_too = not present and name in set_here
    untyped = _untyped_uses(ctx, name) if set_too else []
    together = set_too and not untyped
    if set_too and not use.assigned and not (together and fact is not None and fact.new is not None):
        return None  # a read of what the program set itself runs; only a rename with the assignment is worth one
    renamable = fact is not None and fact.safe and (fact.delete_statement or present or not set_too or together)
    edits = _edits(ctx, use, fact) if renamable and fact is not None else ()
    remedy = fact.guideline if fact is not None else f"No `{name}` on target {ctx.target}"
    if use.assigned:
        effect = "sets an attribute Keras never reads"
    elif present and stub is not None:
        effect = f"raises {stub.raises}"
    else:
        effect = (
            "finds no Keras attribute (AttributeError, unless the program set one)"
            if set_too
            else "raises AttributeError"
        )
    lacks = "has it only as a stub" if present else "has no such attribute"
    if failing is not None and fact is not None:
        effect, lacks = failing, fact.fails_why
    deleted = use.statement if fact is not None and fact.delete_statement else None  # what the fix deletes
    span = ctx.span(use.node if deleted is None else deleted)
    receiver = ctx.source_of(use.node.value)
    receiver = shown_source(receiver)
    removed = removed_note(ctx.target, fact.removed_in) if fact is not None else ""
    # the assignment is then the optimizer's rate, which Keras 3 left alone, and a read finds a Variable,
    # not the program's number: the program's behaviour changes on the target (as KER205's lr= on tf.keras)
    safe = not set_too
    finding = self.finding(
        ctx, use.node, span=span, edits=edits, safe=safe, receiver=receiver,
        attribute=f"{name} = …" if use.assigned else name, effect=effect,
        kind=_shown_kind(kind, fact, use.type.classes), lacks=lacks, remedy=remedy, removed=removed,
    )  # fmt: skip
    if not edits and fact is not None and fact.safe and fact.new is not None and set_too and not together:
        shown = ", ".join(f"`{ctx.source_of(node)}` (line {node.lineno})" for node in untyped[:3])
        return finding.unfixed(
            f"the module also uses `.{name}` where it does not show a Keras {_KIND_WORDS.get(kind, 'object')}: "
            f"{shown}; any that reads this value would need renaming too"
        )
    return finding


_KIND_WORDS = {
    "Optimizer": "optimizer", "Layer": "layer", "Model": "model", "Sequential": "model", "Metric": "metric",
    "Callback": "callback",
}  # fmt: skip


def _shown_kind(kind: str, fact: Optional[AttributeReplacement], classes: FrozenSet[str] = frozenset()) -> str:
    """What the message says lacks the name: the core class, or the one class whose name it was (of those it names,
    the one the receiver is shown to be)."""
    named = () if fact is None else fact.only_classes
    if len(named) > 1:
        named = tuple(name for name in named if name in classes)
    if len(named) == 1:
        return f"`{named[0].rsplit('.', 1)[-1]}`"
    return f"`{kind}`"


def _defined_by_classes(ctx: Context, name: str) -> bool:
    """Whether a class of the module binds the name in its body (a method, a property, an attribute)."""
    return any(name in class_body_names(node) for node in ctx.index.classes)


def _untyped_uses(ctx: Context, name: str) -> List[ast.Attribute]:
    """The ``….name`` of the module not on an object typed here (none: the uses are renamed together)."""
    key = ("api", "attribute uses", name)
    every = ctx.memo.get(key)
    if every is None:
        every = ctx.memo[key] = [node for node in ctx.nodes if type(node) is ast.Attribute and node.attr == name]
    typed = {id(use.node) for use in typed_uses(ctx, interesting_names(ctx.target)) if use.node.attr == name}
    return sorted((node for node in every if id(node) not in typed), key=lambda node: (node.lineno, node.col_offset))


def _called_as_layer(ctx: Context, receiver: ast.expr) -> bool:
    """Whether the module calls the named model (``model(x)``, a Sequential used as a layer)."""
    return isinstance(receiver, ast.Name) and any(
        type(node) is ast.Call and type(node.func) is ast.Name and node.func.id == receiver.id
        for node in ctx.nodes  # seldom: only for a name a target's class has but fails on
    )


def _edits(ctx: Context, use: TypedUse, fact: AttributeReplacement) -> Tuple[Edit, ...]:
    if fact.delete_statement:
        statement = use.statement
        if statement is None:
            return ()
        # fix.py keeps the statement count (check_confined), so the call becomes ``pass``
        return (Edit(*ctx.span(statement), "pass"),)
    if fact.new is None:  # no drop-in name (the catalog's safe facts all have one)
        return ()
    line, col, end_line, end_col = ctx.span(use.node)
    return (Edit(end_line, end_col - len(use.node.attr), end_line, end_col, fact.new),)


def accepted_problems(target: Target, canonical: str, call: ast.Call) -> List[binding.Problem]:
    """The binding problems of a call of a tabled callable (for tests and fixers)."""
    signature = api.callable_signature(target, canonical)
    return [] if signature is None else binding.problems(signature, call)
