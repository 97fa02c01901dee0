"""Generate ``kerascheck/catalog/api/*.json``: each target's public Keras API, read from the real wheels.

Run from the repository root after a Keras release (needs network the first time; pip and the standard
library only, nothing is imported from Keras or TensorFlow):

    python scripts/generate_api_tables.py            # writes kerascheck/catalog/api/{tf_keras,keras3}.json
    python scripts/generate_api_tables.py --check    # exit 1 when the committed tables differ

Sources (``pip download --no-deps``, unpacked into the cache of ``tests/keras_sources.py``):

* tf.keras -- ``keras==2.15.0``, the Keras TensorFlow 2.15 runs as ``tf.keras``. Its public API is the
  generated tree ``keras/api/_v2/keras/<module>/__init__.py``.
* keras3 -- ``keras==3.15.1``. Its public API is ``keras/<module>/__init__.py`` (re-exports of ``keras/src``).
* Keras 2.2.4 -- only the attributes of the core classes, so that a name code written for Keras 2 uses
  (``predict_proba``, ``_make_predict_function``) is known to be a Keras name the targets lack.

Each public callable is followed to the ``def`` or ``class`` that defines it; a class's parameters are its
first ``__init__`` along the bases. A ``**kwargs`` is *closed* when the code rejects keys it does not know
(``validate_kwargs(kwargs, allowed)``, ``if kwargs: raise``, ``for k in kwargs: raise``, or forwarding to a
closed callable such as ``super().__init__(**kwargs)``); the keys it consumes on the way are accepted, or
marked ignored-with-a-warning (popped, and used only to warn) or refused (``if "k" in kwargs: raise``).
Anything else leaves ``**kwargs`` *open*: every keyword binds.

Each core class's ``properties`` are the public names whose first definition along the bases is a property;
of them, ``uncallable`` are those whose getter returns, in every public class of the kind, only values that are
never callable (containers, numbers, strings, comprehensions, slices, sums with a list, other such properties and
attributes): calling one raises TypeError. A value the code does not show (a call of anything but a builtin)
counts as callable.
"""

from __future__ import annotations

import argparse
import ast
import json
import sys
from pathlib import Path
from typing import Dict, Iterator, List, Optional, Set, Tuple

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.keras_sources import Definition, ModuleRef, SourceUnavailable, StaticPackage, wheel_tree  # noqa: E402

OUTPUT = ROOT / "kerascheck" / "catalog" / "api"

# The public modules read (below the Keras root); sub-packages of these are read too.
PUBLIC_MODULES = (
    "activations", "applications", "backend", "callbacks", "constraints", "datasets", "initializers",
    "layers", "losses", "metrics", "models", "optimizers", "preprocessing", "regularizers", "saving", "utils",
)  # fmt: skip
SKIPPED_PARTS = frozenset({"experimental", "__internal__", "dtensor", "estimator", "legacy"})

# The core classes whose methods and attributes are tabled: canonical name -> kind.
CORE_CLASSES = {
    "models.Model": "Model",
    "models.Sequential": "Sequential",
    "layers.Layer": "Layer",
    "optimizers.Optimizer": "Optimizer",
    "callbacks.Callback": "Callback",
    "metrics.Metric": "Metric",
}
# tf.keras's Layer derives from tf.Module (tensorflow/python/module/module.py, TF 2.15.1), which the keras
# wheel does not hold: the public names it adds (and AutoTrackable's, which adds none of its own).
TF_MODULE_ATTRIBUTES = (
    "name", "name_scope", "non_trainable_variables", "submodules", "trainable_variables", "variables",
    "with_name_scope",
)  # fmt: skip
# Keras 2.2.4 had no export table: its core classes, where they are defined.
KERAS_2_2_4_CORE = {
    "Model": "keras.engine.training.Model",
    "Sequential": "keras.engine.sequential.Sequential",
    "Layer": "keras.engine.base_layer.Layer",
    "Optimizer": "keras.optimizers.Optimizer",
    "Callback": "keras.callbacks.Callback",
}
# ``Model(inputs, outputs)`` builds a Functional model (keras 2.15.0 keras/src/engine/training.py
# Model.__new__; keras 3.15.1 keras/src/models/model.py Model.__new__): its names belong to "Model" too.
FUNCTIONAL = {
    "keras.api._v2.keras": "keras.src.engine.functional.Functional",
    "keras": "keras.src.models.functional.Functional",
}
WARNING_CALLS = frozenset({"warn", "warning", "log_first_n"})


class Package(StaticPackage):
    """StaticPackage, plus every binding of a name (conditional imports: one per backend)."""

    def __init__(self, root: Path) -> None:
        super().__init__(root)
        self.alternatives: Set[int] = set()  # classes a base name is bound to once per backend, by node id

    def bindings(self, module: str, name: str) -> List[Definition]:
        tree = self.tree(module)
        found: List[Definition] = []
        if tree is None:
            return found
        for statement in _every_statement(tree.body):
            if isinstance(statement, ast.ImportFrom):
                for alias in statement.names:
                    if (alias.asname or alias.name) == name:
                        resolved = self.resolve(self._absolute(module, statement), alias.name)
                        if isinstance(resolved, Definition):
                            found.append(resolved)
        first = self.resolve(module, name)
        if isinstance(first, Definition) and all(first.node is not d.node for d in found):
            found.insert(0, first)
        return found

    def bases(self, cls: Definition) -> List[Definition]:
        found: List[Definition] = []
        for base in cls.node.bases:  # type: ignore[attr-defined]
            if isinstance(base, ast.Name):
                bound = self.bindings(cls.module, base.id)
                if len(bound) > 1:
                    self.alternatives.update(id(d.node) for d in bound)
                found += bound
            else:
                resolved = self.resolve_expression(cls.module, base)
                if isinstance(resolved, Definition):
                    found.append(resolved)
        return [d for d in found if isinstance(d.node, ast.ClassDef)]

    def linear(self, cls: Definition) -> List[Definition]:
        """The class and every resolvable base (all backends'), in Python's method resolution order (C3)."""
        memo = self.__dict__.setdefault("_linear", {})
        if id(cls.node) not in memo:
            memo[id(cls.node)] = (cls.node, None)  # a class reached again while being ordered: a cycle
            memo[id(cls.node)] = (cls.node, self._linear_order(cls))  # the node kept: its id stays its own
        order = memo[id(cls.node)][1]
        return [cls] if order is None else list(order)

    def _linear_order(self, cls: Definition) -> List[Definition]:
        bases = [base for base in self.bases(cls) if base.node is not cls.node]
        merged = _c3_merge([self.linear(base) for base in bases] + [bases])
        if merged is None:  # no consistent order (a base bound once per backend can cause it): depth first
            merged = []
            for base in bases:
                merged += [d for d in self.linear(base) if all(d.node is not seen.node for seen in merged)]
        return [cls] + [d for d in merged if d.node is not cls.node]


def _c3_merge(sequences: List[List[Definition]]) -> Optional[List[Definition]]:
    """C3's merge (the order ``type.mro()`` gives), comparing classes by node; ``None`` where it fails."""
    pending = [list(sequence) for sequence in sequences if sequence]
    merged: List[Definition] = []
    while pending:
        for sequence in pending:
            head = sequence[0]
            if not any(head.node is d.node for other in pending for d in other[1:]):
                break
        else:
            return None
        merged.append(head)
        pending = [[d for d in sequence if d.node is not head.node] for sequence in pending]
        pending = [sequence for sequence in pending if sequence]
    return merged


def _every_statement(statements) -> Iterator[ast.stmt]:
    for statement in statements:
        yield statement
        for name in ("body", "orelse", "finalbody"):
            if not isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                yield from _every_statement(getattr(statement, name, []))
        for handler in getattr(statement, "handlers", []):
            yield from _every_statement(handler.body)


# -- the public names ---------------------------------------------------------------------------------
def exports(package: Package, api_root: str) -> Dict[str, Definition]:
    """Canonical name (``layers.Dense``) -> its definition, from the export tables below ``api_root``."""
    found: Dict[str, Definition] = {}
    for top in PUBLIC_MODULES:
        if not package.is_module(f"{api_root}.{top}"):
            continue
        for module in package.modules(f"{api_root}.{top}"):
            relative = module[len(api_root) + 1 :]
            if SKIPPED_PARTS & set(relative.split(".")) or package.module_file(module).name != "__init__.py":
                continue
            for statement in package.tree(module).body:
                if not isinstance(statement, ast.ImportFrom) or statement.level:
                    continue
                for alias in statement.names:
                    public = alias.asname or alias.name
                    if public.startswith("_") or package.is_module(f"{statement.module}.{alias.name}"):
                        continue
                    resolved = package.resolve(statement.module, alias.name)
                    if isinstance(resolved, Definition) and isinstance(
                        resolved.node, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
                    ):
                        found[f"{relative}.{public}"] = resolved
    return found


# -- signatures -----------------------------------------------------------------------------------------
def signature(function: ast.AST, drop_first: bool) -> List[str]:
    """Parameters as compact tokens: ``x`` required, ``x=`` defaulted, ``/`` after positional-only ones,
    ``*`` before keyword-only ones, ``*args``, ``**kwargs``."""
    arguments = function.args  # type: ignore[attr-defined]
    positional = list(arguments.posonlyargs) + list(arguments.args)
    defaults = [None] * (len(positional) - len(arguments.defaults)) + list(arguments.defaults)
    tokens: List[str] = []
    for index, (argument, default) in enumerate(zip(positional, defaults)):
        if index == 0 and drop_first:
            continue
        tokens.append(argument.arg + ("=" if default is not None else ""))
        if index == len(arguments.posonlyargs) - 1:
            tokens.append("/")
    if arguments.vararg is not None:
        tokens.append("*" + arguments.vararg.arg)
    elif arguments.kwonlyargs:
        tokens.append("*")
    for argument, default in zip(arguments.kwonlyargs, arguments.kw_defaults):
        tokens.append(argument.arg + ("=" if default is not None else ""))
    if arguments.kwarg is not None:
        tokens.append("**" + arguments.kwarg.arg)
    if tokens and tokens[0] == "/":
        tokens.pop(0)
    return tokens


class KeywordReader:
    """What a function does with its ``**kwargs`` (or another dict parameter): see the module docstring."""

    def __init__(self, package: Package) -> None:
        self.package = package
        self._memo: Dict[Tuple[int, str], object] = {}

    def of_callable(self, definition: Definition, cls_order: Optional[List[Definition]] = None):
        """(signature tokens, keywords) of a function, or of a class's constructor."""
        if isinstance(definition.node, ast.ClassDef):
            order = self.package.linear(definition)
            for index, owner in enumerate(order):
                init = _method(owner.node, "__init__")
                if init is not None and not (index + 1 < len(order) and _forwards_everything(init)):
                    return signature(init, True), self.keywords(owner, init, order[index + 1 :], True)
            return [], None
        if definition.node.args.kwarg is None:  # type: ignore[attr-defined]
            return signature(definition.node, False), None
        return signature(definition.node, False), self.keywords(definition, definition.node, [], False)

    def keywords(self, owner: Definition, function: ast.AST, later: List[Definition], method: bool, name=None):
        """``None`` without ``**kwargs``; ``"*"`` when open; else ``{"k": {key: status}, "e": error}``."""
        name = name or (function.args.kwarg.arg if function.args.kwarg else None)  # type: ignore[attr-defined]
        if name is None:
            return None
        # ``super()`` goes on in the order of the class being built, so one method can forward differently
        # per class (keras 2.15's RNN.__init__ reaches BaseRandomLayer's ``seed`` only below GRU and LSTM).
        key = (id(function), name, tuple(id(cls.node) for cls in later))
        if key in self._memo:
            return self._memo[key]
        self._memo[key] = "*"  # recursion: open
        result = self._read(owner, function, later, name)
        self._memo[key] = result
        return result

    def _read(self, owner: Definition, function: ast.AST, later: List[Definition], name: str):
        keys: Dict[str, str] = {}
        error: Optional[str] = None
        closed = False
        uses = 0
        accounted = 0
        assigned = _popped_into(function, name)
        for node in ast.walk(function):
            if isinstance(node, ast.Name) and node.id == name and isinstance(node.ctx, ast.Load):
                uses += 1
        for node in ast.walk(function):
            found = _consumed_key(node, name)
            if found is not None:
                accounted += 1
                keys.setdefault(found, "")
            if isinstance(node, ast.If):
                status = _if_status(node, name, assigned)
                if status is not None:
                    for consumed, value in status[0].items():
                        keys[consumed] = value
                    accounted += status[1]
                    if status[2]:
                        closed, error = True, status[2]
            if isinstance(node, ast.For) and _is_name(node.iter, name):
                accounted += 1
                raised = _raises(node.body)
                if raised:
                    closed, error = True, raised[-1]
                    for test in (n for n in ast.walk(node) if isinstance(n, ast.If)):
                        members = _membership_set(test.test, function)
                        if members and _raises(test.body):
                            for member in members:
                                keys[member] = "e:" + _raises(test.body)[0]
            if isinstance(node, ast.Call):
                forwarded = self._forwarded(node, owner, function, later, name)
                if forwarded is not None:
                    accounted += 1
                    if forwarded == "*":
                        return "*"
                    sig, more, skip = forwarded
                    if more == "*":
                        return "*"
                    closed = True
                    for token in _keyword_parameters(sig)[_explicit_positionals(node) - skip :]:
                        if token not in _explicit_keywords(node):
                            keys.setdefault(token, "")
                    if isinstance(more, dict):
                        for consumed, value in more["k"].items():
                            keys.setdefault(consumed, value)
                        error = error or more["e"]
        if not closed or uses > accounted:
            return "*"
        return {"k": dict(sorted(keys.items())), "e": error or "TypeError"}

    def _forwarded(self, call: ast.Call, owner: Definition, function, later, name):
        """For a call that hands the dict on: ``"*"`` (open) or (signature, keywords) of the callee."""
        double = any(k.arg is None and _is_name(k.value, name) for k in call.keywords)
        bare = [index for index, arg in enumerate(call.args) if _is_name(arg, name)]
        if not double and not bare:
            return None
        func = call.func
        if bare and isinstance(func, ast.Name) and func.id == "validate_kwargs" and len(call.args) >= 2:
            allowed = _literal_set(call.args[1], function)
            return ([], {"k": dict.fromkeys(allowed, ""), "e": "TypeError"}, 0) if allowed is not None else "*"
        if bare and isinstance(func, ast.Attribute) and func.attr == "validate_kwargs" and len(call.args) >= 2:
            allowed = _literal_set(call.args[1], function)
            return ([], {"k": dict.fromkeys(allowed, ""), "e": "TypeError"}, 0) if allowed is not None else "*"
        target = self._callee(func, owner, later)
        if target is None:
            return "*"
        target_owner, target_function, target_later, is_method = target
        if double and not bare:
            sig = signature(target_function, is_method)
            skip = 1 if is_method == "unbound" else 0  # ``Base.__init__(self, **kwargs)`` passes self
            return sig, self.keywords(target_owner, target_function, target_later, True if is_method else False), skip
        if bare and not double and isinstance(func, ast.Attribute) and _is_name(func.value, "self"):
            index = bare[0] + 1
            params = [a.arg for a in target_function.args.posonlyargs + target_function.args.args]
            if index < len(params):
                return [], self.keywords(target_owner, target_function, target_later, True, params[index]), 0
        return "*"

    def _callee(self, func: ast.expr, owner: Definition, later: List[Definition]):
        """``super().__init__``, ``Base.__init__``, ``self._method`` or a module function."""
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Call):
            inner = func.value.func
            if isinstance(inner, ast.Name) and inner.id == "super":
                for index, cls in enumerate(later):
                    method = _method(cls.node, func.attr)
                    if method is not None:
                        return cls, method, later[index + 1 :], True
            return None
        if isinstance(func, ast.Attribute) and _is_name(func.value, "self"):
            for index, cls in enumerate([owner] + later):
                method = _method(cls.node, func.attr) if isinstance(cls.node, ast.ClassDef) else None
                if method is not None:
                    return cls, method, later[index:], True
            return None
        if isinstance(func, ast.Attribute):
            base = self.package.resolve_expression(owner.module, func.value)
            if isinstance(base, Definition) and isinstance(base.node, ast.ClassDef):
                order = self.package.linear(base)
                for index, cls in enumerate(order):
                    method = _method(cls.node, func.attr)
                    if method is not None:
                        return cls, method, order[index + 1 :], "unbound"
            if isinstance(base, ModuleRef):
                resolved = self.package.resolve(base.module, func.attr)
                if isinstance(resolved, Definition) and isinstance(resolved.node, ast.FunctionDef):
                    return resolved, resolved.node, [], False
            return None
        if isinstance(func, ast.Name):
            resolved = self.package.resolve(owner.module, func.id)
            if isinstance(resolved, Definition) and isinstance(resolved.node, ast.FunctionDef):
                return resolved, resolved.node, [], False
        return None


def _method(cls: ast.ClassDef, name: str) -> Optional[ast.FunctionDef]:
    for statement in cls.body:
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)) and statement.name == name:
            return statement
    return None


def _forwards_everything(function: ast.FunctionDef) -> bool:
    """``def __init__(self, *args, **kwargs)`` that hands both on to ``super().__init__``: the next class in
    the order decides what binds (keras 3.15.1's TFOptimizer, keras 2.15.0's DropoutRNNCellMixin)."""
    arguments = function.args
    if (
        len(arguments.posonlyargs) + len(arguments.args) != 1
        or arguments.kwonlyargs
        or arguments.vararg is None
        or arguments.kwarg is None
    ):
        return False
    for node in ast.walk(function):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "__init__"
            and isinstance(node.func.value, ast.Call)
            and _is_name(node.func.value.func, "super")
            and len(node.args) == 1
            and isinstance(node.args[0], ast.Starred)
            and _is_name(node.args[0].value, arguments.vararg.arg)
            and len(node.keywords) == 1
            and node.keywords[0].arg is None
            and _is_name(node.keywords[0].value, arguments.kwarg.arg)
        ):
            return True
    return False


def _is_name(node: ast.AST, name: str) -> bool:
    return isinstance(node, ast.Name) and node.id == name


def _key_of(call: ast.AST, name: str) -> Optional[str]:
    """``kwargs.pop("k", …)`` / ``kwargs.get("k")`` / ``kwargs.setdefault("k", …)`` -> "k"."""
    if (
        isinstance(call, ast.Call)
        and isinstance(call.func, ast.Attribute)
        and call.func.attr in ("pop", "get", "setdefault")
        and _is_name(call.func.value, name)
        and call.args
        and isinstance(call.args[0], ast.Constant)
        and isinstance(call.args[0].value, str)
    ):
        return call.args[0].value
    return None


def _consumed_key(node: ast.AST, name: str) -> Optional[str]:
    key = _key_of(node, name)
    if key is not None:
        return key
    if isinstance(node, ast.Subscript) and _is_name(node.value, name):
        index = node.slice
        if isinstance(index, ast.Constant) and isinstance(index.value, str):
            return index.value
    if (
        isinstance(node, ast.Compare)
        and len(node.ops) == 1
        and isinstance(node.ops[0], (ast.In, ast.NotIn))
        and _is_name(node.comparators[0], name)
        and isinstance(node.left, ast.Constant)
        and isinstance(node.left.value, str)
    ):
        return node.left.value
    return None


def _popped_into(function: ast.AST, name: str) -> Dict[str, str]:
    """Local variable -> the key popped into it (``x = kwargs.pop("k", None)``)."""
    found = {}
    for node in ast.walk(function):
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            key = _key_of(node.value, name)
            if key is not None:
                found[node.targets[0].id] = key
    return found


def _warns(statements) -> bool:
    for statement in statements:
        for node in ast.walk(statement):
            if isinstance(node, ast.Call):
                func = node.func
                called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                if called in WARNING_CALLS:
                    return True
    return False


def _raises(statements) -> List[str]:
    raised = []
    for statement in statements:
        for node in ast.walk(statement):
            if isinstance(node, ast.Raise) and node.exc is not None:
                exc = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
                raised.append(exc.attr if isinstance(exc, ast.Attribute) else getattr(exc, "id", "Exception"))
    return raised


def _if_status(node: ast.If, name: str, assigned: Dict[str, str]):
    """What an ``if`` says about keys: ({key: status}, uses of the dict it accounts for, error if it
    rejects whatever is left). ``if kwargs: raise``; ``if "k" in kwargs: raise``; ``if kwargs.pop("k"): warn``."""
    test = node.test
    if _is_name(test, name) or (
        isinstance(test, ast.Call) and _is_name(test.func, "len") and test.args and _is_name(test.args[0], name)
    ):
        raised = _raises(node.body)
        if not raised:
            return ({}, 0, None)
        inside = sum(1 for n in ast.walk(ast.Module(node.body, [])) if _is_name(n, name))
        return ({}, 1 + inside, raised[0])
    keys: Dict[str, str] = {}
    for inner in ast.walk(test):
        key = _consumed_key(inner, name)
        if key is None and isinstance(inner, ast.Name) and inner.id in assigned:
            key = assigned[inner.id]
            if _only_tested(node, inner.id):
                keys[key] = "w" if _warns(node.body) and not node.orelse else ""
            continue
        if key is not None:
            raised = _raises(node.body)
            if raised and not _is_pop(inner):
                # refused only where the test is the key's presence alone and the raise unconditional
                # (keras 2.15.0 InputLayer raises for batch_input_shape only beside input_shape, and
                # TextVectorization for a dtype other than string: both take the key)
                if inner is test and any(isinstance(statement, ast.Raise) for statement in node.body):
                    keys[key] = "e:" + raised[0]
                else:
                    keys.setdefault(key, "")
            elif _warns(node.body) and not node.orelse and isinstance(inner, ast.Call):
                keys[key] = "w"
    return (keys, 0, None) if keys else None


def _keyword_parameters(tokens: List[str]) -> List[str]:
    """The parameters a keyword can bind, in order (positional-only ones left out)."""
    if "/" in tokens:
        tokens = tokens[tokens.index("/") + 1 :]
    return [t.rstrip("=") for t in tokens if t != "*" and not t.startswith("*")]


def _explicit_positionals(call: ast.Call) -> int:
    return sum(1 for arg in call.args if not isinstance(arg, ast.Starred))


def _explicit_keywords(call: ast.Call) -> Set[str]:
    return {k.arg for k in call.keywords if k.arg is not None}


def _is_pop(node: ast.AST) -> bool:
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "pop"


def _only_tested(node: ast.If, variable: str) -> bool:
    """Whether the popped variable is read nowhere but in this ``if``'s test (and its warning)."""
    function_reads = getattr(node, "_reads", None)
    return function_reads is None or function_reads.get(variable, 0) <= 1


def _literal_set(node: ast.AST, function: ast.AST) -> Optional[Set[str]]:
    if isinstance(node, (ast.Set, ast.List, ast.Tuple)):
        values = {e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)}
        return values if len(values) == len(node.elts) else None
    if isinstance(node, ast.Name):
        for inner in ast.walk(function):
            if isinstance(inner, ast.Assign) and any(_is_name(t, node.id) for t in inner.targets):
                return _literal_set(inner.value, function)
    return None


def _membership_set(test: ast.AST, function: ast.AST) -> Optional[Set[str]]:
    if isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], ast.In):
        return _literal_set(test.comparators[0], function)
    return None


def _count_reads(function: ast.AST) -> None:
    """Mark each ``if`` with how often each name is read in the function (see _only_tested); once per
    function, which many classes inherit."""
    if getattr(function, "_reads_counted", False):
        return
    function._reads_counted = True  # type: ignore[attr-defined]
    reads: Dict[str, int] = {}
    for node in ast.walk(function):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
            reads[node.id] = reads.get(node.id, 0) + 1
    for node in ast.walk(function):
        if isinstance(node, ast.If):
            node._reads = reads  # type: ignore[attr-defined]


# -- classes: attributes and methods ------------------------------------------------------------------------
def attributes(package: Package, cls: Definition) -> Set[str]:
    """Every name an instance of the class has: methods, properties, class attributes and ``self.x = …``."""
    names: Set[str] = set()
    for owner in package.linear(cls):
        names |= _own_attributes(owner.node)
    return {name for name in names if not (name.startswith("__") and name.endswith("__"))}


def _own_attributes(definition: ast.AST) -> Set[str]:
    """The names one class body gives its instances; read once per class, which many classes inherit."""
    found = getattr(definition, "_own_attributes", None)
    if found is not None:
        return found
    names: Set[str] = set()
    for statement in definition.body:  # type: ignore[attr-defined]
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)):
            names.add(statement.name)
            for node in ast.walk(statement):
                if isinstance(node, ast.Attribute) and _is_name(node.value, "self"):
                    if isinstance(node.ctx, ast.Store):
                        names.add(node.attr)
        elif isinstance(statement, ast.Assign):
            names |= {t.id for t in statement.targets if isinstance(t, ast.Name)}
        elif isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
            names.add(statement.target.id)
    if isinstance(definition, ast.ClassDef) and any(
        isinstance(b, ast.Attribute) and b.attr == "Module" for b in definition.bases
    ):
        names |= set(TF_MODULE_ATTRIBUTES)
    definition._own_attributes = names  # type: ignore[attr-defined]
    return names


def method_entries(package: Package, reader: KeywordReader, cls: Definition) -> Dict[str, dict]:
    """Public methods (first definition along the bases): signature, keywords, and what a stub raises."""
    entries: Dict[str, dict] = {}
    order = package.linear(cls)
    for index, owner in enumerate(order):
        for statement in owner.node.body:  # type: ignore[attr-defined]
            if not isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)) or statement.name in entries:
                continue
            if statement.name.startswith("_") or _is_property(statement):
                continue
            if any(_decorator(d) in ("staticmethod", "classmethod") for d in statement.decorator_list):
                continue
            _count_reads(statement)
            entry = {"s": signature(statement, True)}
            keywords = reader.keywords(owner, statement, order[index + 1 :], True)
            if keywords is not None:
                entry["k"] = keywords
            raised = _stub_raises(statement)
            # One backend's refusal (keras 3.15.1's TFOptimizer.stateless_apply) is not the class's.
            if raised and id(owner.node) not in package.alternatives:
                entry["r"] = raised
            entries[statement.name] = entry
    return dict(sorted(entries.items()))


def _decorator(node: ast.AST) -> str:
    node = node.func if isinstance(node, ast.Call) else node
    return node.attr if isinstance(node, ast.Attribute) else getattr(node, "id", "")


def _is_property(function: ast.AST) -> bool:
    decorators = getattr(function, "decorator_list", ())  # an assignment has none
    return any(_decorator(d) in ("property", "setter", "cached_property") for d in decorators)


def definitions(package: Package, cls: Definition) -> Dict[str, Tuple[ast.AST, Definition]]:
    """Each name the class body or a base's defines -> (its first definition along the bases, the owner):
    a ``def`` (a property's getter, never its setter) or an assignment. Read once per class."""
    memo = package.__dict__.setdefault("_definitions", {})
    if id(cls.node) in memo:
        return memo[id(cls.node)][1]
    found: Dict[str, Tuple[ast.AST, Definition]] = {}
    for owner in package.linear(cls):
        for statement in owner.node.body:  # type: ignore[attr-defined]
            if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)):
                if not any(_decorator(d) in ("setter", "deleter") for d in statement.decorator_list):
                    found.setdefault(statement.name, (statement, owner))
            elif isinstance(statement, (ast.Assign, ast.AnnAssign)):
                targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
                for target in targets:
                    if isinstance(target, ast.Name):
                        found.setdefault(target.id, (statement, owner))
    memo[id(cls.node)] = (cls.node, found)  # the node kept: its id stays its own
    return found


def _is_of(package: Package, definition: Definition, core: Definition) -> bool:
    return isinstance(definition.node, ast.ClassDef) and any(d.node is core.node for d in package.linear(definition))


# Calls whose value is never callable: builtins that build a container, a number, a string or a truth value.
PLAIN_BUILTINS = frozenset(
    {"list", "tuple", "dict", "set", "len", "int", "float", "str", "bool", "any", "all", "sorted"}
)
PLAIN_NODES = (
    ast.List, ast.Tuple, ast.Set, ast.Dict, ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp, ast.JoinedStr,
    ast.Constant, ast.Compare,
)  # fmt: skip


def _uncallable(package: Package, cls: Definition, name: str, depth: int = 0) -> bool:
    """Whether ``cls().name`` is a property whose every ``return`` gives a value that is never callable (a
    list, a number, a string...): then ``obj.name()`` raises TypeError. Unknown values count as callable
    (keras 2.15.0 Optimizer.variables returns a ``CallableList``)."""
    found = definitions(package, cls).get(name)
    if found is None or depth > 4 or not _is_property(found[0]):
        return False
    getter = found[0]
    returns = [node for node in _own_nodes(getter) if isinstance(node, ast.Return)]
    return bool(returns) and all(
        node.value is None or _plain(package, cls, getter, node.value, depth) for node in returns
    )


def _plain(package: Package, cls: Definition, function: ast.AST, value: ast.expr, depth: int) -> bool:
    """Whether the value ``function`` computes is never callable, as far as its code shows."""
    if isinstance(value, PLAIN_NODES):
        return True
    if isinstance(value, ast.Subscript):
        return isinstance(value.slice, ast.Slice)  # a slice of a list is a list
    if isinstance(value, ast.Call):
        return isinstance(value.func, ast.Name) and value.func.id in PLAIN_BUILTINS
    if isinstance(value, ast.BinOp) and isinstance(value.op, ast.Add):
        # a list plus anything is a list or a TypeError (keras 3.15.1 LossScaleOptimizer.variables)
        return _plain(package, cls, function, value.left, depth) or _plain(package, cls, function, value.right, depth)
    if isinstance(value, ast.Attribute) and _is_name(value.value, "self"):
        if value.attr in definitions(package, cls):
            return _uncallable(package, cls, value.attr, depth + 1)
        return depth < 4 and _plain_attribute(package, cls, value.attr, depth + 1)
    if isinstance(value, ast.Name):  # a local variable: every binding of it plain
        bindings = [
            node for node in _own_nodes(function)
            if isinstance(node, ast.Name) and node.id == value.id and not isinstance(node.ctx, ast.Load)
        ]  # fmt: skip
        assigned = [
            node.value for node in _own_nodes(function)
            if isinstance(node, (ast.Assign, ast.AugAssign)) and any(_is_name(t, value.id) for t in _targets(node))
        ]  # fmt: skip
        return (
            bool(assigned)
            and len(assigned) == len(bindings)
            and all(_plain(package, cls, function, each, depth) for each in assigned)
        )
    return False


def _plain_attribute(package: Package, cls: Definition, name: str, depth: int) -> bool:
    """Whether every ``self.name = …`` (or ``+=``) of the class and its bases stores a plain value."""
    stores = []
    for owner in package.linear(cls):
        for method in owner.node.body:  # type: ignore[attr-defined]
            if not isinstance(method, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            for node in _own_nodes(method):
                if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
                    for target in _targets(node):
                        if isinstance(target, ast.Attribute) and target.attr == name and _is_name(target.value, "self"):
                            stores.append((method, node.value))
                elif isinstance(node, ast.Attribute) and node.attr == name and _is_name(node.value, "self"):
                    if not isinstance(node.ctx, ast.Load) and not _stored_by_assignment(method, node):
                        return False  # ``for self.x in …``, ``del self.x``
    return bool(stores) and all(
        value is not None and _plain(package, cls, method, value, depth) for method, value in stores
    )


def _stored_by_assignment(method: ast.AST, attribute: ast.Attribute) -> bool:
    return any(
        isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign)) and attribute in _targets(node)
        for node in _own_nodes(method)
    )


def _targets(node: ast.AST) -> List[ast.expr]:
    return list(node.targets) if isinstance(node, ast.Assign) else [node.target]  # type: ignore[attr-defined]


def _own_nodes(function: ast.AST) -> Iterator[ast.AST]:
    """The nodes of a function, not those of the functions and classes it defines."""
    stack = list(ast.iter_child_nodes(function))
    while stack:
        node = stack.pop()
        yield node
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
            stack.extend(ast.iter_child_nodes(node))


def _stub_raises(function: ast.FunctionDef) -> Optional[str]:
    """The exception of a method whose body only raises (``to_yaml`` on tf.keras): always fails."""
    body = function.body
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        body = body[1:]
    if len(body) == 1 and isinstance(body[0], ast.Raise):
        raised = _raises(body)
        if raised and raised[0] not in ("NotImplementedError",):
            return raised[0]
    return None


# -- the tables ---------------------------------------------------------------------------------------------
def table(package: Package, api_root: str, target: str, version: str) -> dict:
    reader = KeywordReader(package)
    callables: Dict[str, dict] = {}
    core_nodes = {}
    public = exports(package, api_root)
    for canonical, definition in sorted(public.items()):
        if definition.node.name.startswith("_"):  # type: ignore[attr-defined]
            continue
        for function in ast.walk(definition.node):
            if isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)) and not hasattr(function, "_counted"):
                _count_reads(function)
                function._counted = True  # type: ignore[attr-defined]
        if isinstance(definition.node, ast.ClassDef):
            for owner in package.linear(definition):
                init = _method(owner.node, "__init__")
                if init is not None and not hasattr(init, "_counted"):
                    _count_reads(init)
                    init._counted = True  # type: ignore[attr-defined]
        sig, keywords = reader.of_callable(definition)
        entry: dict = {"s": sig}
        if keywords is not None:
            entry["k"] = keywords
        if isinstance(definition.node, ast.ClassDef):
            entry["c"] = 1
        callables[canonical] = entry
        if canonical in CORE_CLASSES:
            core_nodes[CORE_CLASSES[canonical]] = definition
    core = {}
    for kind, definition in sorted(core_nodes.items()):
        core[kind] = {
            "methods": method_entries(package, reader, definition),
            "attributes": sorted(attributes(package, definition)),
        }
    for kind, names in outside_assignments(package).items():
        if kind in core:
            core[kind]["attributes"] = sorted(set(core[kind]["attributes"]) | names)
    functional = package.resolve_dotted(FUNCTIONAL[api_root])
    if isinstance(functional, Definition) and "Model" in core:
        core["Functional"] = {"attributes": sorted(attributes(package, functional))}
    for kind, definition in core_nodes.items():
        found = definitions(package, definition)
        core[kind]["properties"] = sorted(n for n, (d, _) in found.items() if _is_property(d) and n[0] != "_")
        of_kind = [d for d in public.values() if _is_of(package, d, definition)]
        if kind == "Model" and isinstance(functional, Definition):
            of_kind.append(functional)
        core[kind]["uncallable"] = sorted(
            name for name in core[kind]["properties"] if all(_uncallable(package, d, name) for d in of_kind)
        )
    # the kind of every public class, and the names it has beyond its kind's
    for canonical, definition in public.items():
        if canonical not in callables or not isinstance(definition.node, ast.ClassDef):
            continue
        order = package.linear(definition)
        for kind in ("Sequential", "Model", "Metric", "Layer", "Optimizer", "Callback"):
            if kind in core_nodes and any(d.node is core_nodes[kind].node for d in order):
                callables[canonical]["t"] = kind
                extra = attributes(package, definition) - set(core[kind]["attributes"])
                if extra:
                    callables[canonical]["a"] = sorted(extra)
                if kind == "Layer" and not _call_takes_training(order):
                    callables[canonical]["nt"] = 1
                break
    return {"target": target, "source": f"keras {version}", "callables": callables, "core": core}


def _call_takes_training(order: List[Definition]) -> bool:
    """Whether the first ``call`` along the bases takes ``training`` (by name or through ``**kwargs``):
    a layer whose ``call`` does not never sees the phase, however it is called."""
    for owner in order:
        call = _method(owner.node, "call")  # type: ignore[arg-type]
        if call is not None:
            arguments = call.args
            names = {a.arg for a in arguments.posonlyargs + arguments.args + arguments.kwonlyargs}
            return "training" in names or arguments.kwarg is not None
    return True


# Objects of the core classes get attributes from outside too (``self.model.history = self`` in keras
# 3.15.1 callbacks/history.py): a store through a receiver of this name adds to that class.
RECEIVER_KINDS = {"model": "Model", "layer": "Layer", "optimizer": "Optimizer", "metric": "Metric"}


def outside_assignments(package: Package) -> Dict[str, Set[str]]:
    found: Dict[str, Set[str]] = {}
    for module in package.modules("keras"):
        if ".api." in f".{module}." or "_test" in module or ".tests." in f".{module}.":
            continue
        tree = package.tree(module)
        for node in ast.walk(tree) if tree is not None else ():
            if isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                receiver = node.value
                name = receiver.attr if isinstance(receiver, ast.Attribute) else getattr(receiver, "id", None)
                if name in RECEIVER_KINDS and not node.attr.startswith("__"):
                    found.setdefault(RECEIVER_KINDS[name], set()).add(node.attr)
    if "Model" in found:
        found["Sequential"] = found["Model"]
    return found


def legacy_table(package: Package, version: str) -> dict:
    core = {}
    for kind, dotted in KERAS_2_2_4_CORE.items():
        resolved = package.resolve_dotted(dotted)
        if isinstance(resolved, Definition):
            core[kind] = {"attributes": sorted(attributes(package, resolved))}
    return {"target": "keras2.2", "source": f"keras {version}", "core": core}


def tables() -> Dict[str, dict]:
    tf_keras = Package(wheel_tree("keras", "2.15.0"))
    keras3 = Package(wheel_tree("keras", "3.15.1"))
    keras2 = Package(wheel_tree("keras", "2.2.4"))
    generated = {
        "tf_keras.json": table(tf_keras, "keras.api._v2.keras", "tf.keras", "2.15.0"),
        "keras3.json": table(keras3, "keras", "keras3", "3.15.1"),
    }
    known = known_names([*generated.values(), legacy_table(keras2, "2.2.4")])
    for data in generated.values():
        data["known"] = known
    return generated


# A "Model" of unknown class may be a Functional or a Sequential one.
KINDS_OF = {"Model": ("Model", "Functional", "Sequential")}


def known_names(tables: List[dict]) -> Dict[str, List[str]]:
    """Per core class, every name it has in any Keras read (both targets and Keras 2.2.4): a name some
    code uses that one of these had is a Keras name, not the code's own. Stored in each target's table,
    so that a run reads one table only."""
    known: Dict[str, Set[str]] = {}
    for data in tables:
        for kind in CORE_CLASSES.values():
            for each in KINDS_OF.get(kind, (kind,)):
                known.setdefault(kind, set()).update(data["core"].get(each, {}).get("attributes", ()))
    return {kind: sorted(names) for kind, names in sorted(known.items())}


def _dump(data: dict) -> str:
    return json.dumps(data, separators=(",", ":"), sort_keys=True) + "\n"


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the committed tables, write nothing")
    options = parser.parse_args(argv)
    try:
        generated = tables()
    except SourceUnavailable as error:
        print(f"cannot obtain the Keras sources: {error}", file=sys.stderr)
        return 2
    stale = []
    for name, data in generated.items():
        path = OUTPUT / name
        text = _dump(data)
        if options.check:
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
        else:
            path.write_text(text, encoding="utf-8")
            print(f"{path.relative_to(ROOT)}: {len(data.get('callables', {}))} callables, {len(text):,} bytes")
    if stale:
        print("stale: " + ", ".join(stale) + " (run scripts/generate_api_tables.py)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
