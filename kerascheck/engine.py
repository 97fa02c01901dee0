"""Source text in, findings out.

One walk over the tree records scopes, bindings and the nodes rules care about; names are resolved
once all bindings are known (a ``def Dense`` at the bottom of a module still shadows an import at the
top); then each recorded node is offered, in source order, to the rules that asked for its kind.
"""

from __future__ import annotations

import ast
import io
import os
import re
import tokenize
from typing import Dict, FrozenSet, Iterator, List, NamedTuple, Optional, Sequence, Tuple

from kerascheck import catalog
from kerascheck.catalog.model import Target
from kerascheck.config import Settings
from kerascheck.findings import Finding
from kerascheck.names import (
    KERAS_IMPLEMENTATIONS,
    Binding,
    Reference,
    Resolver,
    Scope,
    classify,
)
from kerascheck.rules import rules_for
from kerascheck.rules.calls import callee

_FUNCTION_NODES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)
_COMPREHENSION_NODES = (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)
_IMPORT_ERRORS = frozenset({"ImportError", "ModuleNotFoundError", "Exception", "BaseException"})


_CLASS_BASES = re.compile(r"^[ \t]*class\s+\w+\s*\(\s*([\w.]+)", re.MULTILINE)  # the first base's name


def cannot_use_keras(source: str, module_name: Optional[str] = None) -> bool:
    """The cheap gate: a module that never mentions keras cannot use it (unless it lives inside a
    Keras package, where ``from ..layers import Dense`` reaches Keras without naming it)."""
    return "keras" not in source and "keras" not in (module_name or "")


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


class Context:
    """What rules may ask about the module being checked."""

    def __init__(
        self,
        tree: ast.Module,
        lines: Sequence[str],
        settings: Settings,
        module_name: Optional[str] = None,
        project_layers: FrozenSet[str] = frozenset(),
    ) -> None:
        self.project_layers = project_layers  # "pkg.mod.Class" of custom layers in other modules
        self.tree = tree
        self.lines = lines
        self.settings = settings
        self.target: Target = settings.target
        self.index = ModuleIndex(module_name).build(tree)
        self._resolver = Resolver(catalog.is_known_star_name)
        self._references: Dict[int, Optional[Reference]] = {}
        self.layer_classes: Dict[str, ast.ClassDef] = {}  # module-level custom layers, by name
        self.memo: Dict[object, object] = {}  # what rules work out once per node and share
        self.implementation_uses = self._find_implementation_uses()

    # -- names -------------------------------------------------------------------------------
    def reference(self, node: ast.AST) -> Optional[Reference]:
        """What a recorded Name/Attribute chain refers to, or None if it is not Keras/TF."""
        key = id(node)
        if key not in self._references:
            scope = self.index.scope_of.get(key)
            self._references[key] = None if scope is None else self._resolver.resolve(node, scope)
        return self._references[key]

    def root_reference(self, node: ast.AST) -> Optional[Reference]:
        """What the first name of a recorded chain refers to: ``keras`` in ``keras.layers.Dense``."""
        root = node
        while isinstance(root, ast.Attribute):
            root = root.value
        scope = self.index.scope_of.get(id(node))
        return None if scope is None else self._resolver.resolve(root, scope)

    def receiver_is_imported(self, node: ast.Attribute) -> bool:
        """Whether the first name of ``a.b.method`` is bound by an import (of any module)."""
        root = node
        while isinstance(root, ast.Attribute):
            root = root.value
        scope = self.index.scope_of.get(id(node))
        return isinstance(root, ast.Name) and scope is not None and self._resolver.is_imported(root.id, scope)

    def dotted(self, node: ast.AST) -> Optional[str]:
        """The dotted name a recorded chain stands for through the imports, of any package."""
        scope = self.index.scope_of.get(id(node))
        return None if scope is None else self._resolver.dotted(node, scope)

    def canonical(self, node: ast.AST) -> Optional[str]:
        reference = self.reference(node)
        return None if reference is None else catalog.canonical_name(reference)

    @property
    def imports_keras(self) -> bool:
        return bool(self.implementation_uses)

    def imported_references(self, node: ast.stmt) -> Iterator[Tuple[ast.alias, Reference]]:
        """Each name an import statement binds, with what it refers to (Keras/TF names only)."""
        if isinstance(node, ast.ImportFrom):
            module = self.index.absolute_module(node)
            if not module:
                return
            for alias in node.names:
                dotted = module if alias.name == "*" else f"{module}.{alias.name}"
                reference = classify(dotted)
                if reference is not None:
                    yield alias, reference
            return
        for alias in node.names:
            reference = classify(alias.name)
            if reference is not None:
                yield alias, reference

    def _find_implementation_uses(self) -> Dict[str, List[Use]]:
        """Where the module uses each Keras implementation: the first use in each distinct place
        (function, and branches of ``if`` statements), in source order. Compatibility imports inside
        ``try``/``except ImportError`` and the names they bind are not uses."""
        candidates: List[Tuple[ast.AST, Reference]] = []
        for node in self.index.imports:
            if id(node) not in self.index.guarded_imports:
                candidates += [(node, reference) for _, reference in self.imported_references(node)]
        for node in self.index.chains:
            reference = self.reference(node)
            if reference is not None and not self._bound_by_guarded_import(node):
                candidates.append((node, reference))
        uses: Dict[str, List[Use]] = {}
        seen = set()
        for node, reference in sorted(candidates, key=lambda item: _start(item[0])):
            if reference.implementation not in KERAS_IMPLEMENTATIONS:
                continue
            use = Use(node, _function_of(self.index.scope_of[id(node)]), self.index.where[id(node)])
            key = (reference.implementation, use.function, use.where.branches)
            if key not in seen:
                seen.add(key)
                uses.setdefault(reference.implementation, []).append(use)
        return uses

    def _bound_by_guarded_import(self, node: ast.AST) -> bool:
        root = node
        while isinstance(root, ast.Attribute):
            root = root.value
        return isinstance(root, ast.Name) and self._resolver.is_guarded(root.id, self.index.scope_of[id(node)])

    # -- positions ---------------------------------------------------------------------------
    def imported_name_spans(self, node: ast.ImportFrom) -> List[Tuple[int, int, int, int]]:
        """The span of each imported name of ``from m import a, b as c`` (for Python 3.9, whose ast
        has no alias positions), read from the statement's tokens."""
        text = "".join(self.lines[node.lineno - 1 : node.end_lineno])
        spans: List[Tuple[int, int, int, int]] = []
        try:
            tokens = list(tokenize.generate_tokens(io.StringIO(text).readline))
        except (tokenize.TokenError, SyntaxError):
            return spans
        after_import, skip_next = False, False
        for token in tokens:
            if token.type != tokenize.NAME:
                continue
            if not after_import:
                after_import = token.string == "import"
            elif skip_next:
                skip_next = False
            elif token.string == "as":
                skip_next = True
            else:
                line = node.lineno + token.start[0] - 1
                spans.append((line, token.start[1], line, token.end[1]))
        return spans

    def column(self, line: int, byte_col: int) -> int:
        """The stdlib ast counts UTF-8 bytes; editors and flake8's users count characters."""
        if 0 < line <= len(self.lines):
            text = self.lines[line - 1]
            if not text.isascii():
                return len(text.encode("utf-8")[:byte_col].decode("utf-8", errors="replace"))
        return byte_col

    def span(self, node: ast.AST) -> Tuple[int, int, int, int]:
        line = getattr(node, "lineno", 1)
        end_line = getattr(node, "end_lineno", None) or line
        col = self.column(line, getattr(node, "col_offset", 0))
        end_col = self.column(end_line, getattr(node, "end_col_offset", None) or 0)
        return line, col, end_line, end_col

    def source_of(self, node: ast.AST) -> str:
        line, col, end_line, end_col = self.span(node)
        if line == end_line:
            return self.lines[line - 1][col:end_col]
        parts = [self.lines[line - 1][col:]] + list(self.lines[line : end_line - 1])
        return "".join(parts + [self.lines[end_line - 1][:end_col]])


def is_layer_class(ctx: Context, node: ast.ClassDef) -> bool:
    """A class deriving from a Keras Layer/Model, directly or through a custom layer of this module."""
    for base in node.bases:
        if isinstance(base, ast.Name) and base.id in ctx.layer_classes:
            return True
        if ctx.project_layers and ctx.dotted(base) in ctx.project_layers:
            return True  # a custom layer of another module of the project
        canonical = ctx.canonical(base)
        if canonical is None or canonical in catalog.NOT_LAYER_CLASSES:
            continue
        module, _, name = canonical.rpartition(".")
        if canonical in catalog.LAYER_BASES or (f"{module}." in catalog.LAYER_MODULES and name[:1].isupper()):
            return True
    return False


class Use(NamedTuple):
    """A use of one Keras implementation: an import of it, or a name that resolves to it."""

    node: ast.AST
    function: Optional[int]  # id of the enclosing function's scope; None at module level
    where: Where

    def meets(self, other: Use) -> bool:
        """Whether the two can run together: not local to two different functions, and not in two
        branches of one ``if`` (both patterns are how libraries support either Keras on purpose)."""
        apart = None not in (self.function, other.function) and self.function != other.function
        return not apart and not self.where.excludes(other.where)


def _function_of(scope: Scope) -> Optional[int]:
    while scope.parent is not None and not scope.is_function:
        scope = scope.parent
    return id(scope) if scope.is_function else None


def _start(node: ast.AST) -> Tuple[int, int]:
    return getattr(node, "lineno", 0), getattr(node, "col_offset", 0)


def split_lines(source: str) -> List[str]:
    """Lines as the tokenizer counts them (\\n, \\r\\n and \\r; not form feeds or \\x1c)."""
    return io.StringIO(source, newline="").readlines()


class ModuleReport(NamedTuple):
    findings: List[Finding]
    implementations: Dict[str, Tuple[int, int]]  # Keras implementation -> (line, col) of its first use
    layer_classes: Tuple[str, ...] = ()  # module-level custom layers and models
    class_bases: Tuple[str, ...] = ()  # dotted names of other classes' imported bases (for the project)


def check_tree(
    tree: ast.Module, lines: Sequence[str], settings: Settings, module_name: Optional[str] = None
) -> List[Finding]:
    """Run every applicable rule over a parsed module. ``module_name`` (dotted, see
    :func:`module_name_for`) lets relative imports resolve."""
    return analyse_tree(tree, lines, settings, module_name).findings


def analyse_tree(
    tree: ast.Module,
    lines: Sequence[str],
    settings: Settings,
    module_name: Optional[str] = None,
    project_layers: FrozenSet[str] = frozenset(),
) -> ModuleReport:
    """The module's findings, and what whole-project checks need: the Keras implementations it uses,
    its custom layers, and the imported bases of its other classes."""
    ctx = Context(tree, lines, settings, module_name, project_layers)
    active = rules_for(settings.target)
    findings: List[Finding] = []
    # An import inside ``try: … except ImportError:`` is compatibility code that handles both worlds.
    imports = [node for node in ctx.index.imports if id(node) not in ctx.index.guarded_imports]
    for rule in active.import_rules:
        for node in imports:
            findings += rule.check_import(ctx, node)
    references = [(node, ctx.reference(node)) for node in ctx.index.chains]
    references = [(node, reference) for node, reference in references if reference is not None]
    for rule in active.reference_rules:
        for node, reference in references:
            findings += rule.check_reference(ctx, node, reference)
    if ctx.imports_keras:
        calls = [node for node in ctx.index.calls if callee(ctx, node) is not None]  # the rest is not Keras's
        for rule in active.call_rules:
            for node in calls:
                findings += rule.check_call(ctx, node)
    if ctx.imports_keras or ctx.project_layers:
        for node in ctx.index.classes:
            if is_layer_class(ctx, node):
                ctx.layer_classes[node.name] = node
                for rule in active.class_rules:
                    findings += rule.check_class(ctx, node)
    for rule in active.module_rules:
        findings += rule.check_module(ctx)
    findings.sort(key=lambda f: (f.line, f.col, f.code))
    implementations = {
        name: (uses[0].node.lineno, ctx.column(uses[0].node.lineno, uses[0].node.col_offset))
        for name, uses in ctx.implementation_uses.items()
    }
    top_level = [node for node in ctx.index.classes if ctx.index.scope_of[id(node)] is ctx.index.module_scope]
    layers = tuple(node.name for node in top_level if node.name in ctx.layer_classes)
    bases = tuple(
        dotted for node in top_level if node.name not in ctx.layer_classes for base in node.bases
        if (dotted := ctx.dotted(base)) is not None
    )  # fmt: skip
    return ModuleReport(findings, implementations, layers, bases)


def check_source(source: str, settings: Settings, module_name: Optional[str] = None) -> List[Finding]:
    """Check module text. Raises SyntaxError/ValueError/RecursionError/MemoryError for bad input;
    front ends turn those into messages."""
    return analyse_source(source, settings, module_name).findings


def analyse_source(
    source: str, settings: Settings, module_name: Optional[str] = None, project_layers: FrozenSet[str] = frozenset()
) -> ModuleReport:
    if cannot_use_keras(source, module_name) and not project_layers:
        # Not parsed; but its classes may derive from a custom layer of another module of the project.
        return ModuleReport([], {}, class_bases=tuple(_CLASS_BASES.findall(source)))
    tree = ast.parse(source)
    return analyse_tree(tree, split_lines(source), settings, module_name, project_layers)


def module_name_for(path: str) -> Optional[str]:
    """``pkg/sub/mod.py`` → ``pkg.sub.mod`` when ``pkg`` and ``sub`` hold ``__init__.py`` (a package's
    own ``__init__.py`` gives ``pkg.sub.__init__``); None when the file is in no package."""
    directory, filename = os.path.split(os.path.abspath(path))
    stem = filename.rsplit(".", 1)[0]
    if not stem.isidentifier():
        return None
    parts = [stem]
    while os.path.isfile(os.path.join(directory, "__init__.py")):
        directory, package = os.path.split(directory)
        if not package.isidentifier():
            break
        parts.append(package)
    return ".".join(reversed(parts)) if len(parts) > 1 else None
