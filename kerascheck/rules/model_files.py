"""Which model files a module saves and loads again, and what the saved models are made of: for the
rules on models Keras cannot read back (KER224, KER225, KER236). A file is linked to a model only by a path
the module spells out whole (a literal, or a name bound once to one) and by the model's name; a model that
cannot be told apart from another is never guessed at.

A name is often bound to one model after another (``model = …`` in each notebook cell), so a save is linked
only to what the bindings of its name that can reach it (rules/reaching.py) made, and to the compiles and
``add`` calls before it that one of those bindings reaches too: a compile after the save, or of a model the
name is bound to later, belongs to another model. A binding to what a function of the module returns
(``model = build_model()``) brings in the bindings that reach its ``return model``, with the compiles before
that return."""

from __future__ import annotations

import ast
import os
from typing import Dict, Iterable, Iterator, List, Optional, Set, Tuple, Union

from kerascheck.catalog import api
from kerascheck.catalog.saving import LOADING_CALLS, MODEL_METHODS, MODEL_SUFFIXES
from kerascheck.context import Context, Project
from kerascheck.record import Record
from kerascheck.rules.calls import argument, callee
from kerascheck.rules.reaching import reaching_bindings
from kerascheck.rules.values import Binding, is_keras_model, module_values, own_returns, string_tail

SAVING_FUNCTIONS = frozenset({"models.save_model", "saving.save_model"})
CHECKPOINT = "callbacks.ModelCheckpoint"
LAMBDA = "layers.Lambda"
ACTIVATION = "layers.Activation"
MODEL_CLASSES = frozenset({"models.Model", "models.Sequential"})
Position = Tuple[int, int]
_MAX_CALLS = 6  # builder functions followed from a save (``build()`` returning ``make()``'s model …)


class Save(Record):
    path: str
    model: Optional[str]  # the saved model's name; None for a checkpoint (the model ``fit`` trains)
    # the file keeps what `compile` was given: not with `include_optimizer=False` (or a value not shown), which
    # leaves out the training config of a legacy .h5 file (keras 2.15.0 and 3.15.1 legacy h5 saving)
    with_compile: bool = True
    at: Position = (0, 0)  # where it is saved: the compile it keeps is the last one before
    # for a path known only as an expression (LOCAL_PATH): the lines of the function it is saved in, the only
    # place whose compiles and Lambda layers are taken to be the saved model's (a name like ``model`` is reused)
    within: Optional[Tuple[int, int]] = None
    # the bindings that made the saved model (their nodes' ids), each with where a call on it stops being on
    # what was saved: the save, or the ``return`` of the builder function that hands the model over
    made_by: Tuple[Tuple[int, Position], ...] = ()

    def holds(self, line: int) -> bool:
        """Whether something on this line (a compile, a Lambda layer) may describe the saved model."""
        return self.within is None or self.within[0] <= line <= self.within[1]


class Load(Record):
    call: ast.Call
    path: str
    spelled: str  # the callee as written: ``keras.models.load_model``
    keywords: Dict[str, ast.expr]


class Compile(Record):
    loss: Optional[ast.expr]  # the ``loss`` argument
    at: Position
    reaching: Tuple[int, ...]  # the bindings of the receiver name that can reach the call (their nodes' ids)


class Added(Record):
    """``model.add(layer)`` of a Lambda layer, or of a layer with a function of the module as activation."""

    layer: ast.Call
    at: Position
    reaching: Tuple[int, ...]  # the bindings of the receiver name that can reach the call (their nodes' ids)


class ModelFiles(Record):
    saves: List[Save]
    loads: List[Load]
    compiles: List[Compile]
    # a binding of a name to ``Sequential([…])`` (its node's id) -> the Lambda layers listed, and the layers of
    # a module function as activation
    models: Dict[int, List[ast.Call]]
    added: List[Added]
    made: int  # how many models the module builds with ``Sequential(…)`` or ``Model(…)``
    functional: Set[int]  # the bindings of names to a ``Model(inputs, outputs)`` (their nodes' ids)
    functional_layers: List[ast.Call]  # those layers applied to tensors (``Lambda(f)(x)``)
    # how many ``Model(inputs, outputs)`` calls the module makes; and the functional layers outside class bodies
    functional_made: int = 0
    outside_classes: Tuple[ast.Call, ...] = ()

    def saved(self, path: str) -> List[Save]:
        return [save for save in self.saves if save.path == path]

    def compiles_of(self, save: Save) -> List[Compile]:
        """The compiles of the model a save writes, as far as the module shows, in the order of the text: the
        calls before the save through a binding that made the saved model."""
        if save.model is None:
            return []
        return [compiling for compiling in self.compiles if _on_saved(compiling, save) and save.holds(compiling.at[0])]

    def function_layers(self, save: Save) -> List[ast.Call]:
        """The Lambda layers, and the layers of a module function as activation, that the model a save writes
        holds, as far as the module shows, in the order of the text: those of a Sequential (listed, or added
        before the save), or those applied to tensors when the module builds one model, a functional one."""
        if save.model is None:
            return []
        listed = [self.models[binding] for binding, _ in save.made_by if binding in self.models]
        added = [each.layer for each in self.added if _on_saved(each, save)]
        if listed or added:
            layers = [layer for layers in listed for layer in layers] + added
        elif self.made == 1 and any(binding in self.functional for binding, _ in save.made_by):
            layers = self.functional_layers
        elif self.functional_made == 1 and any(binding in self.functional for binding, _ in save.made_by):
            # other models are Sequential ones (a siamese net's base, a GAN's parts): a layer applied to tensors
            # outside a class is one of the one functional model's (held-out probe 17: Keras 3.15.1 refuses it)
            layers = list(self.outside_classes)
        else:
            return []
        return sorted((layer for layer in layers if save.holds(layer.lineno)), key=_position)


def _on_saved(call: Union[Compile, Added], save: Save) -> bool:
    """Whether a call on a model may be on the model a save writes, before it is saved (or handed over)."""
    return any(binding in call.reaching and call.at < until for binding, until in save.made_by)


def _position(node: ast.AST) -> Position:
    return node.lineno, node.col_offset  # type: ignore[attr-defined]  # calls have both


def _reaching(ctx: Context, receiver: ast.expr) -> List[Binding]:
    """The bindings of a receiver name that can reach it: none for another expression, or where the module
    does not show them."""
    return (reaching_bindings(ctx, receiver) if type(receiver) is ast.Name else None) or []


def _ids(bindings: List[Binding]) -> Tuple[int, ...]:
    """The bindings by their nodes' ids: only a target or a parameter tells a binding apart (an import binds
    several names with one node)."""
    return tuple(id(binding.node) for binding in bindings if type(binding.node) in (ast.Name, ast.arg))


def _made_by(ctx: Context, receiver: ast.expr, until: Position, calls: int = 0) -> Tuple[Tuple[int, Position], ...]:
    """The bindings that made the model a receiver holds, each with where a call on it stops counting
    (``until``): the receiver's bindings that can reach it, and for one bound to the call of a function of the
    module, the bindings of each name the function returns, up to its ``return``."""
    bindings = _reaching(ctx, receiver)
    found = [(binding, until) for binding in _ids(bindings)]
    if calls < _MAX_CALLS:
        for binding in bindings:
            for returned, at in _builder_returns(ctx, binding.value):
                found += _made_by(ctx, returned, at, calls + 1)
    return tuple(found)


def _builder_returns(ctx: Context, value: Optional[ast.AST]) -> List[Tuple[ast.Name, Position]]:
    """For the call of a function the module defines (``build_model(4)``), the names it returns, each with
    where its ``return`` stands."""
    if not isinstance(value, ast.Call) or not isinstance(value.func, ast.Name):
        return []
    binding = module_values(ctx).binding(value.func)
    function = None if binding is None else binding.value
    if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return []
    returns = own_returns(function)
    return [(each.value, _position(each)) for each in returns if isinstance(each.value, ast.Name)]


def model_files(ctx: Context) -> ModelFiles:
    """The module's saves, loads, compiles and Lambda layers (worked out once per module)."""
    found = ctx.memo.get(_KEY)
    if found is None:
        found = ctx.memo[_KEY] = _scan(ctx)
    return found


_KEY = ("model files",)


# The mark of a path known only as an expression of this module (``os.path.join(out, "m.keras")``,
# ``f"{out_dir}/model.h5"``): the same expression of the same bindings names the same file within the module.
LOCAL_PATH = "\0"


def model_path(ctx: Context, node: Optional[ast.expr]) -> Optional[str]:
    """The whole path, when the expression certainly makes one ending in .keras/.h5/.hdf5; for one whose end only
    is certain, the expression itself (marked LOCAL_PATH, ending as the file does) when each name in it has one
    binding where it is read."""
    tail = None if node is None else string_tail(ctx, node)
    if tail is None or not tail.text.lower().endswith(MODEL_SUFFIXES):
        return None
    if tail.complete:
        return tail.text
    assert node is not None
    values = module_values(ctx)
    names = [each for each in ast.walk(node) if type(each) is ast.Name]
    bindings = [values.binding(name) for name in names]
    if not names or any(binding is None for binding in bindings):
        return None  # a name bound more than once (a loop's, a rebinding) may name another file at each use
    known = ",".join(str(id(binding.node)) for binding in bindings if binding is not None)
    return f"{LOCAL_PATH}{known}{LOCAL_PATH}{ctx.source_of(node)}{LOCAL_PATH}{tail.text}"


def shown_model_path(path: str) -> str:
    """A path as a message shows it: the literal, or the certain end of the expression that makes it."""
    return f"'…{path.split(LOCAL_PATH)[3]}'" if path.startswith(LOCAL_PATH) else repr(path)


def _within(ctx: Context, node: ast.expr, path: str) -> Optional[Tuple[int, int]]:
    """For a path known only as an expression: the lines of the function a save stands in (the module's: all)."""
    if not path.startswith(LOCAL_PATH):
        return None
    scope = module_values(ctx).scope_of(node)
    if isinstance(scope, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
        return scope.lineno, scope.end_lineno or scope.lineno
    return 0, len(ctx.lines) + 1


def literal(node: Optional[ast.expr]) -> object:
    """A constant's value; ``...`` (never a Keras argument) when it is no constant."""
    return node.value if isinstance(node, ast.Constant) else ...


def _scan(ctx: Context) -> ModelFiles:
    files = ModelFiles([], [], [], {}, [], 0, set(), [])
    made = 0
    layers_in: Dict[int, List[ast.Call]] = {}  # id(Sequential call) -> its Lambda layers
    functional: List[int] = []  # id(Model call)
    assigned = [
        (node.targets[0], node.value)
        for node in ctx.index.assigns
        if len(node.targets) == 1 and type(node.targets[0]) is ast.Name
    ]
    # the walk keeps the calls of Keras names and every ``….compile/save/add(…)`` (the rules' walked_methods)
    for node in ctx.index.calls:
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr in MODEL_METHODS:
            # what the call would record first: typing the receiver looks through the whole module
            method, path, layer = func.attr, None, None
            if method == "save":
                path = model_path(ctx, argument(node, 0, "filepath"))
                if path is None:
                    continue
            elif method == "add":
                layer = _function_layer(ctx, node.args[0]) if node.args else None
                if layer is None or not isinstance(func.value, ast.Name):
                    continue
            if not holds_a_model(ctx, func.value):
                continue
            name = func.value.id if isinstance(func.value, ast.Name) else None
            at = _position(node)
            if method == "compile":
                files.compiles.append(Compile(argument(node, 1, "loss"), at, _ids(_reaching(ctx, func.value))))
            elif path is not None:
                made_by = _made_by(ctx, func.value, at)
                files.saves.append(Save(path, name, _with_compile(node), at, _within(ctx, func, path), made_by))
            elif layer is not None:
                files.added.append(Added(layer, at, _ids(_reaching(ctx, func.value))))
            continue
        if id(node) in ctx.index.called_calls and _function_layer(ctx, node) is not None:
            files.functional_layers.append(node)  # ``Lambda(f)(x)``: a functional model's layer
            continue
        target = callee(ctx, node)
        if target is None:
            continue
        owner = target.owner
        if owner in MODEL_CLASSES:
            made += 1
            layers = argument(node, 0, "layers")
            if owner == "models.Model":
                functional.append(id(node))
            elif isinstance(layers, (ast.List, ast.Tuple)):
                layers_in[id(node)] = [
                    layer for item in layers.elts if (layer := _function_layer(ctx, item)) is not None
                ]
        elif owner in SAVING_FUNCTIONS:
            path = model_path(ctx, argument(node, 1, "filepath"))
            model = argument(node, 0, "model")
            if path is not None and model is not None and holds_a_model(ctx, model):
                saved = model.id if isinstance(model, ast.Name) else None
                at = _position(node)
                within, made_by = _within(ctx, model, path), _made_by(ctx, model, at)
                files.saves.append(Save(path, saved, _with_compile(node), at, within, made_by))
        elif owner == CHECKPOINT:
            path = model_path(ctx, argument(node, 0, "filepath"))
            weights = argument(node, _weights_only_position(ctx), "save_weights_only")
            if path is not None and (weights is None or literal(weights) is False):
                files.saves.append(Save(path, None, at=_position(node), within=_within(ctx, node.func, path)))
        elif owner in LOADING_CALLS:
            load = _load(ctx, node, target.spelled)
            if load is not None:
                files.loads.append(load)
    for bound, value in assigned:  # the target is the binding's node
        if id(value) in layers_in:
            files.models[id(bound)] = layers_in[id(value)]
        elif id(value) in functional:
            files.functional.add(id(bound))
    spans = [(node.lineno, node.end_lineno or node.lineno) for node in ctx.index.classes]
    outside = tuple(
        layer for layer in files.functional_layers if not any(first <= layer.lineno <= last for first, last in spans)
    )
    return files._replace(made=made, functional_made=len(functional), outside_classes=outside)


def _load(ctx: Context, node: ast.Call, spelled: str) -> Optional[Load]:
    path = model_path(ctx, argument(node, 0, "filepath"))
    if path is None:
        return None
    keywords = {item.arg: item.value for item in node.keywords if item.arg}
    for position, name in ((1, "custom_objects"), (2, "compile"), (3, "safe_mode")):
        if len(node.args) > position:
            keywords[name] = node.args[position]
    return Load(node, path, spelled, keywords)


def model_loads(ctx: Context) -> List[Load]:
    """The module's loads of model files it names, without the rest of :func:`model_files` (the calls of
    Keras names are kept by the walk already)."""
    found = []
    for node in ctx.index.calls:
        target = callee(ctx, node)
        if target is not None and target.owner in LOADING_CALLS and (load := _load(ctx, node, target.spelled)):
            found.append(load)
    return found


def _with_compile(node: ast.Call) -> bool:
    """Whether a save keeps the compile config: ``include_optimizer`` absent or a literal True (by keyword: its
    position differs between ``Model.save`` and ``save_model``)."""
    given = next((item.value for item in node.keywords if item.arg == "include_optimizer"), None)
    return given is None or literal(given) is True


def holds_a_model(ctx: Context, node: ast.expr) -> bool:
    """A Keras model, or a name every binding of which that can reach it is one (``model = Sequential(…)`` …
    ``model = load_model(…)``; rules/reaching.py)."""
    if is_keras_model(ctx, node):
        return True
    if type(node) is not ast.Name:
        return False
    bindings = reaching_bindings(ctx, node)
    return bool(bindings) and all(
        isinstance(binding.value, ast.expr) and binding.unpacked_from is None and is_keras_model(ctx, binding.value)
        for binding in bindings or ()
    )


def model_receiver(ctx: Context, method: ast.Attribute) -> bool:
    """Whether the receiver of ``method`` holds a Keras model (:func:`holds_a_model`), or is typed as one by the
    module's calls (``def export(net): net.save(…)`` with every ``export(…)`` given a model: rules/objects.py)."""
    if holds_a_model(ctx, method.value):
        return True
    if type(method.value) is not ast.Name:
        return False
    from kerascheck.rules.objects import receiver_type  # here: typing looks through the whole module

    typed = receiver_type(ctx, method)
    return typed is not None and typed.kind in ("Model", "Sequential")


def _function_layer(ctx: Context, node: ast.expr) -> Optional[ast.Call]:
    """The expression, when it is a call of Keras's ``Lambda`` or of a layer with a function of the module as
    its activation (``Dense(4, activation=scaled_tanh)``, ``Activation(scaled_tanh)``): the layers whose
    functions a saved file names."""
    if type(node) is not ast.Call:
        return None
    target = callee(ctx, node)
    if target is None:
        return None
    return node if target.owner == LAMBDA or function_activation(ctx, node) is not None else None


def function_activation(ctx: Context, layer: ast.Call) -> Optional[str]:
    """The name of the function the module defines (at its top level, undecorated) that a Keras layer call
    takes as its activation, or None."""
    target = callee(ctx, layer)
    if target is None or not target.owner.startswith("layers.") or target.owner == LAMBDA:
        return None
    given = argument(layer, 0, "activation") if target.owner == ACTIVATION else None
    given = given or next((item.value for item in layer.keywords if item.arg == "activation"), None)
    return given.id if isinstance(given, ast.Name) and own_function(ctx, given) else None


def own_function(ctx: Context, name: ast.Name) -> bool:
    """A function the module defines at its top level, undecorated (a decorator may register it)."""
    binding = module_values(ctx).binding(name)
    value = None if binding is None else binding.value
    return isinstance(value, ast.FunctionDef) and not value.decorator_list and value in ctx.tree.body


def _weights_only_position(ctx: Context) -> int:
    """Where ``ModelCheckpoint`` takes ``save_weights_only`` positionally on the target (its API table)."""
    signature = api.callable_signature(ctx.target, CHECKPOINT)
    if signature is None:
        raise LookupError(f"the {ctx.target} API table has no {CHECKPOINT}")
    return signature.positional.index("save_weights_only")


# -- across the modules of a project (train.py saves, predict.py loads) ----------------------------------------
class SavedFile(Record):
    """A model file a module saves, and what would make it unreadable, as a rule sees it."""

    path: str
    problem: Optional[str]  # None: nothing the rule reports is shown for this file
    detail: str = ""
    line: int = 0  # where the problem is written


class LoadedFile(Record):
    path: str
    span: Tuple[int, int, int, int]  # the call, where a finding points
    spelled: str  # the callee as written
    keywords: Tuple[str, ...]  # the arguments given, by name (positional ones too)


def project_facts(saves: Iterable[SavedFile], loads: Iterable[LoadedFile]) -> Optional[ModelFileFacts]:
    """The facts a rule keeps for the project pass: the files named by a literal path (one named by an expression
    is this module's own business), or None when there are none."""
    saved = tuple(save for save in saves if not save.path.startswith(LOCAL_PATH))
    loaded = tuple(load for load in loads if not load.path.startswith(LOCAL_PATH))
    return ModelFileFacts(saved, loaded) if saved or loaded else None


class ModelFileFacts(Record):
    """What a rule keeps of a module for the project pass (Rule.module_facts)."""

    saves: Tuple[SavedFile, ...]
    loads: Tuple[LoadedFile, ...]


def loaded_file(ctx: Context, load: Load) -> LoadedFile:
    call = load.call
    return LoadedFile(load.path, ctx.span(call)[:2] + ctx.span(call.func)[2:], load.spelled, tuple(load.keywords))


def linked_saves(project: Project, code: str) -> Iterator[Tuple[str, LoadedFile, str, SavedFile]]:
    """Each load of a file that other modules of its folder save, and only they, each one with a problem, by the
    facts rule ``code`` keeps of them: (the loading module's path, the load, a saving module's path, its save).
    Modules of one folder are taken to run from one place (a relative path names one file for them), other
    folders' are not; a file the loading module saves itself is its own rule's business; one saved without a
    problem shown is never guessed at."""
    modules = [(m.path, facts) for m in project.modules if isinstance(facts := m.facts_of(code), ModelFileFacts)]
    saved: Dict[Tuple[str, str], List[Tuple[str, SavedFile]]] = {}
    for path, facts in modules:
        for save in facts.saves:
            if not save.path.startswith(LOCAL_PATH):  # an expression names a file in its own module only
                saved.setdefault((os.path.dirname(path), save.path), []).append((path, save))
    for path, facts in modules:
        own = {save.path for save in facts.saves}
        for load in facts.loads:
            if load.path.startswith(LOCAL_PATH):
                continue
            others = [] if load.path in own else saved.get((os.path.dirname(path), load.path), [])
            if others and all(save.problem is not None for _, save in others):
                yield path, load, others[0][0], others[0][1]
