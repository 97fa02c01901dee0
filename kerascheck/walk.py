"""The single walk over a module: scopes, bindings, and the nodes the rules care about, recorded in
source order. Iterative (an explicit stack), so no input nests deep enough to overflow it."""

from __future__ import annotations

import ast
from typing import Dict, Iterator, List, NamedTuple, Optional, Tuple

from kerascheck.names import Binding, Scope

_FUNCTION_NODES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)
_COMPREHENSION_NODES = (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)
_IMPORT_ERRORS = frozenset({"ImportError", "ModuleNotFoundError", "Exception", "BaseException"})


class Where(NamedTuple):
    """Where a statement stands, carried down the walk (as pyupgrade carries its State)."""

    guarded: bool = False  # inside ``try: … except ImportError:`` (compatibility code)
    branches: Tuple[Tuple[int, str], ...] = ()  # (id(if statement), "body" | "orelse"), outermost first

    def inside(self, node: ast.If, branch: str) -> Where:
        return self._replace(branches=self.branches + ((id(node), branch),))

    def excludes(self, other: Where) -> bool:
        """Whether the two stand in different branches of one ``if``: never both run."""
        theirs = dict(other.branches)
        return any(theirs.get(statement, branch) != branch for statement, branch in self.branches)


class ModuleIndex:
    """What the single walk over a module records."""

    def __init__(self, module_name: Optional[str] = None) -> None:
        self.module_name = module_name  # "pkg.sub.mod" (a package's __init__: "pkg.sub.__init__")
        self.module_scope = Scope(parent=None)
        self.scope_of: Dict[int, Scope] = {}  # id(maximal Name/Attribute chain) -> its scope
        self.chains: List[ast.expr] = []
        self.imports: List[ast.stmt] = []
        self.guarded_imports: set = set()  # ids of imports inside try/except ImportError
        self.where: Dict[int, Where] = {}  # id(import or recorded chain) -> where it stands
        self.calls: List[ast.Call] = []
        self.classes: List[ast.ClassDef] = []
        self._alias_targets: set = set()

    def build(self, tree: ast.Module) -> ModuleIndex:
        handlers = {
            ast.Name: self._visit_chain,
            ast.Attribute: self._visit_chain,
            ast.Call: self._visit_call,
            ast.Import: self._visit_import,
            ast.ImportFrom: self._visit_import,
            ast.FunctionDef: self._visit_definition,
            ast.AsyncFunctionDef: self._visit_definition,
            ast.ClassDef: self._visit_definition,
            ast.Lambda: self._visit_lambda,
            ast.Assign: self._visit_assign,
            ast.Try: self._visit_try,
            ast.If: self._visit_if,
            ast.ExceptHandler: self._visit_handler,
            ast.Global: _no_children,
            ast.Nonlocal: _no_children,
            **{kind: self._visit_comprehension for kind in _COMPREHENSION_NODES},
        }
        if hasattr(ast, "TryStar"):
            handlers[ast.TryStar] = self._visit_try
        stack: List[Tuple[ast.AST, Scope, bool, Where]] = [(tree, self.module_scope, False, Where())]
        pop, extend = stack.pop, stack.extend
        while stack:
            node, scope, in_chain, where = pop()
            handler = handlers.get(type(node))
            if handler is None:
                children = [(child, scope, False, where) for child in _children(node)]
            else:
                children = handler(node, scope, in_chain, where)
            if children:
                extend(reversed(children))
        return self

    def _generic(self, node: ast.AST, scope: Scope, where: Where) -> list:
        return [(child, scope, False, where) for child in _children(node)]

    def _visit_call(self, node: ast.Call, scope: Scope, in_chain: bool, where: Where) -> list:
        self.calls.append(node)
        return self._generic(node, scope, where)

    def _visit_import(self, node, scope: Scope, in_chain: bool, where: Where) -> list:
        self._bind_import(node, scope, where)
        if where.guarded:
            self.guarded_imports.add(id(node))
        return []

    def _visit_lambda(self, node: ast.Lambda, scope: Scope, in_chain: bool, where: Where) -> list:
        inner = Scope(parent=scope, is_function=True)
        self._bind_arguments(node.args, inner)
        return [(d, scope, False, where) for d in _defaults(node.args)] + [(node.body, inner, False, where)]

    def _visit_comprehension(self, node, scope: Scope, in_chain: bool, where: Where) -> list:
        return self._generic(node, Scope(parent=scope), where)

    def _visit_assign(self, node: ast.Assign, scope: Scope, in_chain: bool, where: Where) -> list:
        self._bind_alias(node, scope)
        return self._generic(node, scope, where)

    def _visit_if(self, node: ast.If, scope: Scope, in_chain: bool, where: Where) -> list:
        body, orelse = where.inside(node, "body"), where.inside(node, "orelse")
        return (
            [(node.test, scope, False, where)]
            + [(child, scope, False, body) for child in node.body]
            + [(child, scope, False, orelse) for child in node.orelse]
        )

    def _visit_handler(self, node: ast.ExceptHandler, scope: Scope, in_chain: bool, where: Where) -> list:
        if node.name:
            scope.bind(node.name, Binding())
        return self._generic(node, scope, where)

    def _visit_chain(self, node: ast.expr, scope: Scope, in_chain: bool, where: Where) -> list:
        if isinstance(node, ast.Name):
            if not isinstance(node.ctx, ast.Load):
                if id(node) not in self._alias_targets:
                    scope.bind(node.id, Binding())
                return []
            if not in_chain:
                self._record_chain(node, scope, where)
            return []
        if isinstance(node.ctx, ast.Load) and not in_chain:
            self._record_chain(node, scope, where)
        # the receiver of an attribute is part of the same chain, unless the attribute is a target
        return [(node.value, scope, isinstance(node.ctx, ast.Load), where)]

    def _record_chain(self, node: ast.expr, scope: Scope, where: Where) -> None:
        self.chains.append(node)
        self.scope_of[id(node)] = scope
        self.where[id(node)] = where

    def _visit_definition(self, node, scope: Scope, in_chain: bool, where: Where) -> list:
        scope.bind(node.name, Binding())
        outer = list(node.decorator_list)
        if isinstance(node, ast.ClassDef):
            self.classes.append(node)
            self.scope_of[id(node)] = scope
            inner = Scope(parent=scope, is_class=True)
            outer += node.bases + [keyword.value for keyword in node.keywords]
        else:
            inner = Scope(parent=scope, is_function=True)
            self._bind_arguments(node.args, inner)
            outer += _defaults(node.args) + _annotations(node)
        self.scope_of[id(node)] = scope
        body = [(child, inner, False, where) for child in node.body]
        return [(child, scope, False, where) for child in outer] + body

    def _visit_try(self, node, scope: Scope, in_chain: bool, where: Where) -> list:
        catches_import_error = any(_catches_import_error(handler) for handler in node.handlers)
        inner_guard = where._replace(guarded=True) if catches_import_error else where
        children = [(child, scope, False, inner_guard) for child in node.body]
        children += [(handler, scope, False, inner_guard) for handler in node.handlers]
        children += [(child, scope, False, where) for child in node.orelse + node.finalbody]
        return children

    @staticmethod
    def _bind_arguments(arguments: ast.arguments, scope: Scope) -> None:
        every = arguments.posonlyargs + arguments.args + arguments.kwonlyargs
        every += [arg for arg in (arguments.vararg, arguments.kwarg) if arg is not None]
        for argument in every:
            scope.bind(argument.arg, Binding())

    def _bind_import(self, node, scope: Scope, where: Where) -> None:
        self.imports.append(node)
        self.scope_of[id(node)] = scope
        self.where[id(node)] = where
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname:
                    scope.bind(alias.asname, Binding(dotted=alias.name, guarded=where.guarded))
                else:
                    root = alias.name.split(".")[0]
                    scope.bind(root, Binding(dotted=root, guarded=where.guarded))
            return
        module = self.absolute_module(node)
        for alias in node.names:
            if alias.name == "*":
                if module:
                    scope.star_imports.append(module)
            else:
                dotted = f"{module}.{alias.name}" if module else None
                scope.bind(alias.asname or alias.name, Binding(dotted=dotted, guarded=where.guarded))

    def absolute_module(self, node: ast.ImportFrom) -> Optional[str]:
        """The module ``from … import`` reads, with relative imports resolved against the module's
        own package (known only when the front end knows the file's place in its package)."""
        if not node.level:
            return node.module
        if not self.module_name:
            return None
        package = self.module_name.split(".")[:-1]
        if node.level - 1 >= len(package):
            return None
        base = package[: len(package) - (node.level - 1)]
        return ".".join(base + ([node.module] if node.module else []))

    def _bind_alias(self, node: ast.Assign, scope: Scope) -> None:
        """``Dense = keras.layers.Dense`` binds an alias that resolves through its value."""
        if len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            if isinstance(node.value, (ast.Name, ast.Attribute)):
                scope.bind(node.targets[0].id, Binding(value=node.value))
                self._alias_targets.add(id(node.targets[0]))


# Nodes with nothing below them worth a visit: contexts, operators, literals.
_LEAVES = frozenset(
    [ast.Constant, ast.Pass, ast.Break, ast.Continue]
    + [
        kind
        for base in (ast.expr_context, ast.operator, ast.unaryop, ast.cmpop, ast.boolop)
        for kind in base.__subclasses__()
    ]
)


def _children(node: ast.AST) -> Iterator[ast.AST]:
    """The child nodes worth visiting, in source order (a leaner ``ast.iter_child_nodes``)."""
    for name in node._fields:
        value = getattr(node, name, None)
        if type(value) is list:
            for item in value:
                if isinstance(item, ast.AST) and type(item) not in _LEAVES:
                    yield item
        elif isinstance(value, ast.AST) and type(value) not in _LEAVES:
            yield value


def _no_children(node, scope, in_chain, where) -> list:
    return []


def _defaults(arguments: ast.arguments) -> list:
    return [d for d in arguments.defaults + arguments.kw_defaults if d is not None]


def _annotations(node) -> list:
    arguments = node.args
    every = arguments.posonlyargs + arguments.args + arguments.kwonlyargs
    every += [arg for arg in (arguments.vararg, arguments.kwarg) if arg is not None]
    found = [arg.annotation for arg in every if arg.annotation is not None]
    return found + ([node.returns] if node.returns is not None else [])


def _catches_import_error(handler: ast.ExceptHandler) -> bool:
    if handler.type is None:
        return True
    kinds = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
    return any(isinstance(kind, ast.Name) and kind.id in _IMPORT_ERRORS for kind in kinds)
