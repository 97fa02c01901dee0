"""Which model files a module saves and loads again, and what the saved models are made of: for the
rules on models Keras cannot read back (KER224, KER225). A file is linked to a model only by a path the
module spells out whole (a literal, or a name bound once to one) and by the model's name; a model that
cannot be told apart from another is never guessed at."""

from __future__ import annotations

import ast
import os
from typing import Dict, Iterable, Iterator, List, Optional, Tuple

from kerascheck.catalog import api
from kerascheck.catalog.saving import LOADING_CALLS, MODEL_METHODS, MODEL_SUFFIXES
from kerascheck.context import Context, Project
from kerascheck.record import Record
from kerascheck.rules.calls import argument, callee
from kerascheck.rules.values import is_keras_model, module_values, string_tail

SAVING_FUNCTIONS = frozenset({"models.save_model", "saving.save_model"})
CHECKPOINT = "callbacks.ModelCheckpoint"
LAMBDA = "layers.Lambda"
ACTIVATION = "layers.Activation"
MODEL_CLASSES = frozenset({"models.Model", "models.Sequential"})


class Save(Record):
    path: str
    model: Optional[str]  # the saved model's name; None for a checkpoint (the model ``fit`` trains)
    # the file keeps what `compile` was given: not with `include_optimizer=False` (or a value not shown), which
    # leaves out the training config of a legacy .h5 file (keras 2.15.0 and 3.15.1 legacy h5 saving)
    with_compile: bool = True
    line: int = 0  # where it is saved: the compile it keeps is the last one before
    # for a path known only as an expression (LOCAL_PATH): the lines of the function it is saved in, the only
    # place whose compiles and Lambda layers are taken to be the saved model's (a name like ``model`` is reused)
    within: Optional[Tuple[int, int]] = None

    def holds(self, node: ast.AST) -> bool:
        """Whether a node (a compile's loss, a Lambda layer) may describe the saved model."""
        return self.within is None or self.within[0] <= getattr(node, "lineno", 0) <= self.within[1]


class Load(Record):
    call: ast.Call
    path: str
    spelled: str  # the callee as written: ``keras.models.load_model``
    keywords: Dict[str, ast.expr]


class Compile(Record):
    model: Optional[str]  # the compiled model's name, when it is a plain name
    loss: Optional[ast.expr]  # the ``loss`` argument


class ModelFiles(Record):
    saves: List[Save]
    loads: List[Load]
    compiles: List[Compile]
    # a model's name -> the Lambda layers it is shown to hold, and its layers of a module function as activation
    models: Dict[str, List[ast.Call]]
    made: int  # how many models the module builds with ``Sequential(…)`` or ``Model(…)``
    functional: List[str]  # the names bound to a ``Model(inputs, outputs)``
    functional_layers: List[ast.Call]  # those layers applied to tensors (``Lambda(f)(x)``)

    def saved(self, path: str) -> List[Save]:
        return [save for save in self.saves if save.path == path]

    def function_layers(self, model: str) -> List[ast.Call]:
        """The Lambda layers, and the layers of a module function as activation, that the named model holds, as
        far as the module shows: those of a Sequential (listed or added), or those applied to tensors when the
        module builds one model, a functional one."""
        if model in self.models:
            return self.models[model]
        if model in self.functional and self.made == 1:
            return self.functional_layers
        return []


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
    files = ModelFiles([], [], [], {}, 0, [], [])
    made = 0
    layers_in: Dict[int, List[ast.Call]] = {}  # id(Sequential call) -> its Lambda layers
    functional: List[int] = []  # id(Model call)
    assigned = [
        (node.targets[0].id, node.value)
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
            if method == "compile":
                files.compiles.append(Compile(name, argument(node, 1, "loss")))
            elif path is not None:
                files.saves.append(Save(path, name, _with_compile(node), node.lineno, _within(ctx, func, path)))
            elif name is not None and layer is not None:
                files.models.setdefault(name, []).append(layer)
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
                files.saves.append(Save(path, saved, _with_compile(node), node.lineno, _within(ctx, model, path)))
        elif owner == CHECKPOINT:
            path = model_path(ctx, argument(node, 0, "filepath"))
            weights = argument(node, _weights_only_position(ctx), "save_weights_only")
            if path is not None and (weights is None or literal(weights) is False):
                files.saves.append(Save(path, None, line=node.lineno, within=_within(ctx, node.func, path)))
        elif owner in LOADING_CALLS:
            load = _load(ctx, node, target.spelled)
            if load is not None:
                files.loads.append(load)
    for name, value in assigned:
        if id(value) in layers_in:
            files.models.setdefault(name, []).extend(layers_in[id(value)])
        elif id(value) in functional:
            files.functional.append(name)
    return files._replace(made=made)


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
    """A Keras model, or a name every binding of which is one (``model = Sequential(…)`` … ``model =
    load_model(…)``)."""
    if is_keras_model(ctx, node):
        return True
    if type(node) is not ast.Name:
        return False
    values = module_values(ctx)
    bindings = values.bindings.get((id(values.scope_of(node)), node.id), [])
    return len(bindings) > 1 and all(
        isinstance(binding.value, ast.expr) and binding.unpacked_from is None and is_keras_model(ctx, binding.value)
        for binding in bindings
    )


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
