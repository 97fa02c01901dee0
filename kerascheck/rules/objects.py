"""Which expressions hold a Keras model, layer, optimizer, callback or metric: only from evidence.

Evidence is what the module shows: the result of a Keras constructor (``Dense(3)``, ``Sequential()``,
``Model(…)``), of a function that returns a model (``load_model``, ``clone_model``,
``keras.applications.*``), ``model.layers[i]``, ``model.get_layer(…)``, ``model.optimizer``,
``callback.model``, and ``self`` in a class deriving from a Keras one. A name is typed in a scope only
when every binding it has there is such a value (a parameter, a loop variable, a ``global``, anything
else leaves it untyped); a receiver it cannot type is never guessed at.
"""

from __future__ import annotations

import ast
from typing import Dict, FrozenSet, Iterator, List, NamedTuple, Optional, Tuple

from kerascheck import catalog
from kerascheck.catalog import api
from kerascheck.rules.calls import callee

# Functions that return a model (keras 2.15.0 keras/api/_v2/keras/models; keras 3.15.1 keras/models,
# keras/saving): canonical names.
MODEL_FACTORIES = frozenset(
    {"models.load_model", "models.clone_model", "models.model_from_json", "models.model_from_config",
     "saving.load_model"}
)  # fmt: skip
MODEL_KINDS = ("Model", "Sequential")


class ObjectType(NamedTuple):
    kind: str  # a core class: api.CORE_KINDS
    classes: FrozenSet[str] = frozenset()  # the public classes it may be (empty: only the kind is known)
    own: FrozenSet[str] = frozenset()  # names a user's class defines itself (``self`` in a custom class)


class TypedUse(NamedTuple):
    node: ast.Attribute  # ``receiver.name``
    type: ObjectType  # the receiver's
    call: Optional[ast.Call]  # the call when the attribute is called
    statement: Optional[ast.stmt]  # the statement when the call is one on its own


def typed_uses(ctx) -> List[TypedUse]:
    """Every ``receiver.name`` read in the module whose receiver is typed (worked out once per module)."""
    key = "typed-uses"
    if key not in ctx.memo:
        found: List[TypedUse] = []
        classes = _keras_classes(ctx)
        if classes or any(_looks_typed(ctx, node.value) for node in ctx.index.assigns):
            _Scope(ctx, classes, found, None, None).walk(ctx.tree.body, ())
        ctx.memo[key] = found
    return ctx.memo[key]


def _looks_typed(ctx, value: ast.expr) -> bool:
    return isinstance(value, ast.Call) and _call_type(ctx, value, lambda name: None) is not None


def _unify(types: List[Optional[ObjectType]]) -> Optional[ObjectType]:
    if not types or any(t is None for t in types):
        return None
    kinds = {t.kind for t in types}
    if len(kinds) > 1:
        if kinds <= set(MODEL_KINDS):
            kinds = {"Model"}
        else:
            return None
    classes = frozenset().union(*(t.classes for t in types)) if all(t.classes for t in types) else frozenset()
    return ObjectType(kinds.pop(), classes, frozenset().union(*(t.own for t in types)))


def _call_type(ctx, call: ast.Call, lookup, depth: int = 0) -> Optional[ObjectType]:
    func = call.func
    if isinstance(func, ast.Attribute):
        receiver = expression_type(ctx, func.value, lookup, depth)
        if receiver is not None:
            if func.attr == "get_layer" and receiver.kind in MODEL_KINDS:
                return ObjectType("Layer")
            return None
    if not isinstance(func, (ast.Name, ast.Attribute)) or id(func) not in ctx.index.scope_of:
        return None
    target = callee(ctx, call)
    if target is None or target.reference is None:
        return None
    canonical = catalog.canonical_name(target.reference)
    kind = api.kind_of(ctx.target, canonical)
    if kind is not None:
        return ObjectType(kind, frozenset({canonical}))
    if canonical in MODEL_FACTORIES or _is_application(canonical):
        return ObjectType("Model")
    return None


def _is_application(canonical: str) -> bool:
    parts = canonical.split(".")
    return parts[0] == "applications" and len(parts) >= 2 and parts[-1][:1].isupper()


_MAX_DEPTH = 12  # ``a.b.c…``: an object is never typed through more steps than this


def expression_type(ctx, node: ast.expr, lookup, depth: int = 0) -> Optional[ObjectType]:
    """The type of an expression, with ``lookup(name)`` giving a plain name's."""
    if depth > _MAX_DEPTH:
        return None
    depth += 1
    if isinstance(node, ast.Name):
        return lookup(node.id)
    if isinstance(node, ast.Call):
        return _call_type(ctx, node, lookup, depth)
    if isinstance(node, ast.Attribute):
        receiver = expression_type(ctx, node.value, lookup, depth)
        if receiver is None or node.attr in receiver.own:
            return None
        if node.attr == "optimizer" and receiver.kind in MODEL_KINDS:
            return ObjectType("Optimizer")
        if node.attr == "model" and receiver.kind == "Callback":
            return ObjectType("Model")
        return None
    if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Attribute) and node.value.attr == "layers":
        owner = expression_type(ctx, node.value.value, lookup, depth)
        if owner is not None and owner.kind in MODEL_KINDS and "layers" not in owner.own:
            return ObjectType("Layer")
    return None


# -- classes deriving from Keras ------------------------------------------------------------------------
def _keras_classes(ctx) -> Dict[int, ObjectType]:
    """id(class) -> the type of ``self`` in its methods, for classes that derive from Keras ones only
    (through Keras bases and the module's own such classes)."""
    by_name = {node.name: node for node in ctx.index.classes}
    found: Dict[int, ObjectType] = {}
    for node in ctx.index.classes:
        kind = _class_type(ctx, node, by_name, set())
        if kind is not None:
            found[id(node)] = kind
    return found


def _class_type(ctx, node: ast.ClassDef, by_name, seen) -> Optional[ObjectType]:
    if node.name in seen or not node.bases or node.keywords:
        return None
    seen.add(node.name)
    types = []
    for base in node.bases:
        if isinstance(base, ast.Name) and base.id in by_name:
            types.append(_class_type(ctx, by_name[base.id], by_name, seen))
            continue
        canonical = ctx.canonical(base) if id(base) in ctx.index.scope_of else None
        kind = None if canonical is None else api.kind_of(ctx.target, canonical)
        types.append(None if kind is None else ObjectType(kind, frozenset({canonical})))
    merged = _unify(types)
    if merged is None:
        return None
    own = set(merged.own) | _defined_names(node)
    if "__getattr__" in own or "__getattribute__" in own:
        return None
    return merged._replace(own=frozenset(own))


def _defined_names(node: ast.ClassDef) -> set:
    names = set()
    for statement in node.body:
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(statement.name)
        elif isinstance(statement, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
            names |= {t.id for t in targets if isinstance(t, ast.Name)}
    for inner in ast.walk(node):
        if isinstance(inner, ast.Attribute) and isinstance(inner.ctx, (ast.Store, ast.Del)):
            if isinstance(inner.value, ast.Name) and inner.value.id == "self":
                names.add(inner.attr)
        elif isinstance(inner, ast.Call) and isinstance(inner.func, ast.Name) and inner.func.id == "setattr":
            names.add("*")  # setattr(self, name, …): anything may be defined
    return names


# -- scopes ---------------------------------------------------------------------------------------------
_NESTED = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
_OTHER_SCOPES = (ast.Lambda, ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)


class _Scope:
    """One function, class body or module: its names' types, and the typed uses in it."""

    def __init__(self, ctx, classes, found, parent: Optional[_Scope], self_type: Optional[Tuple[str, ObjectType]]):
        self.ctx, self.classes, self.found, self.parent = ctx, classes, found, parent
        self.values: Dict[str, List[Optional[ast.expr]]] = {}
        self.types: Dict[str, Optional[ObjectType]] = {}
        if self_type is not None:
            self.types[self_type[0]] = self_type[1]

    def lookup(self, name: str) -> Optional[ObjectType]:
        scope = self
        while scope is not None:
            if name in scope.types:
                return scope.types[name]
            if name in scope.values:
                return None
            scope = scope.parent
            while scope is not None and scope.is_class:
                scope = scope.parent
        return None

    is_class = False

    def walk(self, body: List[ast.stmt], parameters: Tuple[str, ...]) -> None:
        for name in parameters:
            if name not in self.types:
                self.values.setdefault(name, []).append(None)
        nested: List[ast.stmt] = []
        expressions: List[Tuple[ast.AST, Optional[ast.stmt]]] = []
        for statement in _statements(body):
            if isinstance(statement, _NESTED):
                self.values.setdefault(statement.name, []).append(None)
                nested.append(statement)
                expressions += [(d, None) for d in statement.decorator_list]
                if isinstance(statement, ast.ClassDef):
                    expressions += [(b, None) for b in statement.bases]
                continue
            self._bindings(statement)
            expressions += [(part, statement) for part in _own_parts(statement)]
        self._settle()
        for node, statement in expressions:
            self._uses(node, statement)
        for statement in nested:
            if isinstance(statement, ast.ClassDef):
                inner = _Scope(self.ctx, self.classes, self.found, self, None)
                inner.is_class = True
                inner.owner = self.classes.get(id(statement))  # type: ignore[attr-defined]
                inner.walk(statement.body, ())
            else:
                self._function(statement)

    def _function(self, node) -> None:
        arguments = node.args
        names = tuple(a.arg for a in arguments.posonlyargs + arguments.args + arguments.kwonlyargs)
        names += tuple(a.arg for a in (arguments.vararg, arguments.kwarg) if a is not None)
        self_type = None
        owner = getattr(self, "owner", None) if self.is_class else None
        if owner is not None and names and not _is_static(node):
            self_type = (names[0], owner)
        _Scope(self.ctx, self.classes, self.found, self, self_type).walk(node.body, names)

    def _bindings(self, statement: ast.stmt) -> None:
        if (
            isinstance(statement, ast.Assign)
            and len(statement.targets) == 1
            and isinstance(statement.targets[0], ast.Name)
        ):
            self.values.setdefault(statement.targets[0].id, []).append(statement.value)
            others = [statement.value]
        else:
            others = _own_parts(statement)
        for root in others:
            for node in ast.walk(root):
                if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
                    self.values.setdefault(node.id, []).append(None)
                elif isinstance(node, (ast.Global, ast.Nonlocal)):
                    for name in node.names:
                        self.values.setdefault(name, []).append(None)
                elif isinstance(node, (ast.Import, ast.ImportFrom)):
                    for alias in node.names:
                        self.values.setdefault((alias.asname or alias.name).split(".")[0], []).append(None)
                elif isinstance(node, ast.ExceptHandler) and node.name:
                    self.values.setdefault(node.name, []).append(None)

    def _settle(self) -> None:
        pending = {name: values for name, values in self.values.items() if name not in self.types}
        for name in pending:
            self.types[name] = None
        for _ in range(3):  # ``opt = model.optimizer`` after ``model = Sequential()``: a few rounds
            changed = False
            for name, values in pending.items():
                found = _unify([None if v is None else expression_type(self.ctx, v, self.lookup) for v in values])
                if found != self.types.get(name):
                    changed = True
                self.types[name] = found
            if not changed:
                break

    def _uses(self, root: ast.AST, statement: Optional[ast.stmt]) -> None:
        calls: Dict[int, ast.Call] = {}
        stack = [root]
        while stack:
            node = stack.pop()
            if isinstance(node, _NESTED) or isinstance(node, _OTHER_SCOPES):
                continue  # their own scopes (comprehension variables may shadow)
            if isinstance(node, ast.Call):
                calls[id(node.func)] = node
            if isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Load):
                found = expression_type(self.ctx, node.value, self.lookup)
                if found is not None and node.attr not in found.own and "*" not in found.own:
                    call = calls.get(id(node))
                    alone = statement if (isinstance(statement, ast.Expr) and statement.value is call) else None
                    self.found.append(TypedUse(node, found, call, alone))
            stack.extend(ast.iter_child_nodes(node))


_BLOCKS = frozenset({"body", "orelse", "finalbody", "handlers", "cases"})


def _own_parts(statement: ast.stmt) -> List[ast.AST]:
    """A statement without the blocks nested in it: itself when simple, its header when compound."""
    if not any(name in _BLOCKS for name in statement._fields):
        return [statement]
    parts: List[ast.AST] = []
    for name in statement._fields:
        if name in _BLOCKS:
            continue
        value = getattr(statement, name)
        if isinstance(value, list):
            parts += [v for v in value if isinstance(v, ast.AST)]
        elif isinstance(value, ast.AST):
            parts.append(value)
    for handler in getattr(statement, "handlers", ()):
        if handler.name:
            parts.append(ast.Name(handler.name, ast.Store()))
        if handler.type is not None:
            parts.append(handler.type)
    return parts


def _statements(body: List[ast.stmt]) -> Iterator[ast.stmt]:
    """The statements of a block and of the blocks nested in it (not in functions or classes)."""
    for statement in body:
        yield statement
        if isinstance(statement, _NESTED):
            continue
        for name in ("body", "orelse", "finalbody"):
            inner = getattr(statement, name, None)
            if isinstance(inner, list):
                yield from _statements(inner)
        for handler in getattr(statement, "handlers", ()):
            yield from _statements(handler.body)
        for case in getattr(statement, "cases", ()):
            yield from _statements(case.body)


def _is_static(node) -> bool:
    return any(isinstance(d, ast.Name) and d.id in ("staticmethod", "classmethod") for d in node.decorator_list)
