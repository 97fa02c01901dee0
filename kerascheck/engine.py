"""Source text in, findings out.

One walk over the tree records scopes, bindings and the nodes rules care about; names are resolved
once all bindings are known (a ``def Dense`` at the bottom of a module still shadows an import at the
top); then each recorded node is offered, in source order, to the rules that asked for its kind.
"""

from __future__ import annotations

import ast
import io
import os
import tokenize
from functools import lru_cache
from operator import attrgetter
from typing import Dict, FrozenSet, Iterator, List, NamedTuple, Optional, Sequence, Set, Tuple

from kerascheck import catalog
from kerascheck.catalog.model import Target
from kerascheck.config import Settings
from kerascheck.findings import Finding
from kerascheck.import_graph import imported_modules, imported_modules_in_text
from kerascheck.names import KERAS_IMPLEMENTATIONS, Reference, Resolver, Scope, classify
from kerascheck.renames import NO_EXPOSURE, Exposure
from kerascheck.rules import rules_for
from kerascheck.rules.calls import callee
from kerascheck.walk import ModuleIndex, Where, chain_root


def cannot_use_keras(source: str, module_name: Optional[str] = None) -> bool:
    """The cheap gate: a module that never mentions keras cannot use it (unless it lives inside a
    Keras package, where ``from ..layers import Dense`` reaches Keras without naming it)."""
    return "keras" not in source and "keras" not in (module_name or "")


class Context:
    """What rules may ask about the module being checked."""

    def __init__(
        self,
        tree: ast.Module,
        lines: Sequence[str],
        settings: Settings,
        module_name: Optional[str] = None,
        project_layers: FrozenSet[str] = frozenset(),
        exposure: Exposure = NO_EXPOSURE,
    ) -> None:
        self.project_layers = project_layers  # "pkg.mod.Class" of custom layers in other modules
        self.exposure = exposure  # what runs with the module but is not in it (see renames.py)
        self.tree = tree
        self.lines = lines
        self.settings = settings
        self.target: Target = settings.target
        self.index = ModuleIndex(module_name, rules_for(settings.target).methods).build(tree)
        self._resolver = Resolver(catalog.is_known_star_name)
        self._references: Dict[int, Optional[Reference]] = {}
        self._imported: Dict[int, List[Tuple[ast.alias, Reference]]] = {}  # see imported_references
        self.layer_classes: Dict[str, ast.ClassDef] = {}  # module-level custom layers, by name
        self.memo: Dict[object, object] = {}  # what rules work out once per node and share
        self.callees: Dict[int, object] = {}  # id(call) -> its Callee or None (rules/calls.py)
        self._imports_keras: Optional[bool] = None
        self.implementation_uses = self._find_implementation_uses()

    # -- names -------------------------------------------------------------------------------
    def reference(self, node: ast.AST) -> Optional[Reference]:
        """What a recorded Name/Attribute chain refers to, or None if it is not Keras/TF."""
        key = id(node)
        if key not in self._references:
            scope = self.index.scope_of.get(key)
            self._references[key] = None if scope is None else self._resolver.resolve(node, scope)
        return self._references[key]

    def import_of(self, alias: ast.alias) -> Optional[ast.stmt]:
        """The import statement an alias belongs to."""
        key = ("import of", id(alias))
        if key not in self.memo:
            for node in self.index.imports:
                for each in node.names:
                    self.memo[("import of", id(each))] = node
        return self.memo.get(key)

    def root_reference(self, node: ast.AST) -> Optional[Reference]:
        """What the first name of a recorded chain refers to: ``keras`` in ``keras.layers.Dense``. The
        chain's dotted name is its first name's with one part per attribute, so it is read off that."""
        reference = self.reference(node)
        attributes = 0
        while isinstance(node, ast.Attribute):
            attributes += 1
            node = node.value
        if reference is None or not attributes:
            return reference
        return classify(reference.dotted.rsplit(".", attributes)[0])

    def receiver_is_imported(self, node: ast.Attribute) -> bool:
        """Whether the first name of ``a.b.method`` is bound by an import (of any module)."""
        root, scope = chain_root(node), self.index.scope_of.get(id(node))
        return root is not None and scope is not None and self._resolver.is_imported(root, scope)

    def dotted(self, node: ast.AST) -> Optional[str]:
        """The dotted name a recorded chain stands for through the imports, of any package."""
        scope = self.index.scope_of.get(id(node))
        return None if scope is None else self._resolver.dotted(node, scope)

    def canonical(self, node: ast.AST) -> Optional[str]:
        reference = self.reference(node)
        return None if reference is None else catalog.canonical_name(reference)

    @property
    def imports_keras(self) -> bool:
        """Whether the module uses some Keras: an import of one, or a name that resolves to one. Unlike
        :attr:`implementation_uses`, compatibility imports (``try``/``except ImportError``) count: the
        Keras they bring in is called and subclassed like any other."""
        if self._imports_keras is None:
            self._imports_keras = bool(self.implementation_uses) or any(
                reference is not None and reference.implementation in KERAS_IMPLEMENTATIONS
                for reference in self._guarded_references()
            )
        return self._imports_keras

    def _guarded_references(self) -> Iterator[Optional[Reference]]:
        for node in self.index.imports:
            if id(node) in self.index.guarded_imports:
                yield from (reference for _, reference in self.imported_references(node))
        yield from map(self.reference, self.index.chains)

    def imported_references(self, node: ast.stmt) -> List[Tuple[ast.alias, Reference]]:
        """Each name an import statement binds, with what it refers to (Keras/TF names only); worked out
        once per statement, as several rules ask."""
        found = self._imported.get(id(node))
        if found is None:
            found = self._imported[id(node)] = list(self._imported_references(node))
        return found

    def _imported_references(self, node: ast.stmt) -> Iterator[Tuple[ast.alias, Reference]]:
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
        ``try``/``except ImportError`` and the names they bind are not uses, nor is a name that
        branches bind to one Keras or the other (the imports in those branches are)."""
        first: Dict[Tuple[str, Optional[int], tuple], Tuple[Tuple[int, int], ast.AST]] = {}
        functions: Dict[int, Optional[int]] = {}  # id(scope) -> its function's

        def place(node: ast.AST, implementation: str) -> Tuple[tuple, Tuple[int, int]]:
            scope = self.index.scope_of[id(node)]
            function = functions.get(id(scope), 0)
            if function == 0:
                function = functions[id(scope)] = _function_of(scope)
            return (implementation, function, self.index.where[id(node)].branches), (node.lineno, node.col_offset)

        for node in self.index.imports:  # in source order: the first of each place wins
            if id(node) not in self.index.guarded_imports:
                for _, reference in self.imported_references(node):
                    if _mixes(reference):
                        key, position = place(node, reference.implementation)
                        if key not in first or position < first[key][0]:
                            first[key] = (position, node)
        for node in self.index.chains:
            reference = self.reference(node)
            if reference is None or reference.implementation not in KERAS_IMPLEMENTATIONS:
                continue
            key, position = place(node, reference.implementation)
            if key in first and first[key][0] <= position:
                continue  # an earlier use holds this place (most chains): no need to ask more
            if (
                not catalog.is_value_only(reference)
                and not self._resolver.is_either_keras(node, self.index.scope_of[id(node)])  # a name of either Keras
                and not self._bound_by_guarded_import(node)
            ):
                first[key] = (position, node)
        uses: Dict[str, List[Use]] = {}
        for (implementation, function, _), (_, node) in sorted(first.items(), key=lambda item: item[1][0]):
            uses.setdefault(implementation, []).append(Use(node, function, self.index.where[id(node)]))
        return uses

    def _bound_by_guarded_import(self, node: ast.AST) -> bool:
        """Whether a chain's first name comes only from imports inside try/except ImportError (an
        import statement itself is never; guarded ones are left out before)."""
        root = chain_root(node)
        return root is not None and self._resolver.is_guarded(root, self.index.scope_of[id(node)])

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


def _mixes(reference: Optional[Reference]) -> bool:
    """Whether a name is a Keras object that can meet another Keras's (not a plain-value utility)."""
    return (
        reference is not None
        and reference.implementation in KERAS_IMPLEMENTATIONS
        and not catalog.is_value_only(reference)
    )


_FINDING_ORDER = attrgetter("line", "col", "code")


def _function_of(scope: Scope) -> Optional[int]:
    while scope.parent is not None and not scope.is_function:
        scope = scope.parent
    return id(scope) if scope.is_function else None


def _start(node: ast.AST) -> Tuple[int, int]:
    return getattr(node, "lineno", 0), getattr(node, "col_offset", 0)


def split_lines(source: str) -> List[str]:
    """Lines as the tokenizer counts them (\\n, \\r\\n and \\r; not form feeds or \\x1c)."""
    return io.StringIO(source, newline="").readlines()


class Speculation(NamedTuple):
    """A class that is no custom layer by what its module shows, but would be one if a base of it were
    a custom layer of another module of the project; and the findings the class rules give it then.
    The command line settles these once it knows every module's layers, instead of checking again."""

    name: str
    top_level: bool
    dotted_bases: Tuple[str, ...]  # its bases, through the imports: a custom layer of the project?
    local_bases: Tuple[str, ...]  # its bases written as plain names: a class of the module found a layer?
    findings: List[Finding]


class ModuleReport(NamedTuple):
    findings: List[Finding]
    implementations: Dict[str, Tuple[int, int]]  # Keras implementation -> (line, col) of its first use
    layer_classes: Tuple[str, ...] = ()  # module-level custom layers and models
    class_bases: Tuple[str, ...] = ()  # dotted names of other classes' imported bases (for the project)
    analysed: bool = True  # False: the text gate skipped the module (it never mentions keras)
    # lines where statements start: noqa.py reads a finding's statement from the nearest one
    statement_starts: Sequence[int] = ()
    layer_names: Tuple[str, ...] = ()  # every class found a custom layer, nested ones too
    # None: not asked for, or the class rules did not run (a check with the project's layers must decide)
    speculations: Optional[Tuple[Speculation, ...]] = None
    imports: Tuple[str, ...] = ()  # modules it imports that may be the project's (import_graph.py)


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
    speculate: bool = False,
    exposure: Exposure = NO_EXPOSURE,
) -> ModuleReport:
    """The module's findings, and what whole-project checks need: the Keras implementations it uses,
    its custom layers, and the imported bases of its other classes. With ``speculate``, also the
    class findings each other class would get if another module made it a custom layer."""
    ctx = Context(tree, lines, settings, module_name, project_layers, exposure)
    active = rules_for(settings.target)
    findings: List[Finding] = []
    # An import inside ``try: … except ImportError:`` is compatibility code that handles both worlds.
    for node in ctx.index.imports:
        if id(node) not in ctx.index.guarded_imports:
            findings += _import_findings(ctx, active.import_rules, node)
    for node in ctx.index.chains:
        reference = ctx.reference(node)
        if reference is not None:
            for rule in active.reference_rules_for(reference):
                findings += rule.check_reference(ctx, node, reference)
    if ctx.imports_keras:
        calls = [(node, target) for node in ctx.index.calls if (target := callee(ctx, node)) is not None]
        for rule in active.call_rules:  # each rule sees the calls of the callees it knows about
            for node, target in calls:
                if rule.owners is None or target.owner in rule.owners:
                    findings += rule.check_call(ctx, node)
    speculations: Optional[List[Speculation]] = None
    if ctx.imports_keras or ctx.project_layers:
        speculations = [] if speculate else None
        class_names = {node.name for node in ctx.index.classes}
        for node in ctx.index.classes:
            if is_layer_class(ctx, node):
                ctx.layer_classes[node.name] = node
                for rule in active.class_rules:
                    findings += rule.check_class(ctx, node)
            elif speculations is not None:
                speculation = _speculation(ctx, node, class_names)
                if speculation is not None:
                    speculations.append(speculation)
    for rule in active.module_rules:
        findings += rule.check_module(ctx)
    findings.sort(key=_FINDING_ORDER)
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
    return ModuleReport(
        findings,
        implementations,
        layers,
        bases,
        statement_starts=ctx.index.statement_starts,
        layer_names=tuple(ctx.layer_classes),
        speculations=None if speculations is None else tuple(speculations),
        imports=imported_modules(ctx.index.imports, ctx.index.absolute_module),
    )


# The same import statements come back module after module (``from tensorflow import keras``), and
# what the import rules report on one follows from its lines, where it starts and ends, the target and
# (for a relative import) the module's package (see Rule.check_import). So a process works each
# distinct statement out once and moves the findings to the lines of its repeats.
_IMPORT_FINDINGS: Dict[tuple, List[Finding]] = {}
_IMPORT_MEMO_SIZE = 8192


def _import_findings(ctx: Context, rules, node: ast.stmt) -> List[Finding]:
    key = (
        ctx.target,
        ctx.settings.pins,  # the messages say whether the pins are among the versions where imports break
        "".join(ctx.lines[node.lineno - 1 : node.end_lineno]),  # whole lines: columns follow from them
        node.col_offset,
        node.end_lineno - node.lineno,
        node.end_col_offset,
        ctx.index.module_name if getattr(node, "level", 0) else None,
    )
    found = _IMPORT_FINDINGS.get(key)
    if found is None:
        found = [finding.moved(-node.lineno) for rule in rules for finding in rule.check_import(ctx, node)]
        if len(_IMPORT_FINDINGS) >= _IMPORT_MEMO_SIZE:
            _IMPORT_FINDINGS.clear()
        _IMPORT_FINDINGS[key] = found
    return [finding.moved(node.lineno) for finding in found]


def _speculation(ctx: Context, node: ast.ClassDef, class_names: Set[str]) -> Optional[Speculation]:
    """What a class not found a layer would be if a base of it were a custom layer: for a class with
    an imported base (another module's layer?) or a base defined in the module (promoted, then)."""
    dotted = tuple(name for base in node.bases if (name := ctx.dotted(base)) is not None)
    local = tuple(base.id for base in node.bases if isinstance(base, ast.Name) and base.id in class_names)
    if not (dotted or local):
        return None
    top_level = ctx.index.scope_of[id(node)] is ctx.index.module_scope
    findings = [finding for rule in rules_for(ctx.target).class_rules for finding in rule.check_class(ctx, node)]
    return Speculation(node.name, top_level, dotted, local, findings)


def check_source(source: str, settings: Settings, module_name: Optional[str] = None) -> List[Finding]:
    """Check module text. Raises SyntaxError/ValueError/RecursionError/MemoryError for bad input;
    front ends turn those into messages."""
    return analyse_source(source, settings, module_name).findings


def analyse_source(
    source: str,
    settings: Settings,
    module_name: Optional[str] = None,
    project_layers: FrozenSet[str] = frozenset(),
    lines: Optional[Sequence[str]] = None,
    speculate: bool = False,
    exposure: Exposure = NO_EXPOSURE,
) -> ModuleReport:
    """``lines``: the source's :func:`split_lines`, if the caller has them already."""
    if cannot_use_keras(source, module_name) and not project_layers:
        return ModuleReport([], {}, analysed=False, imports=imported_modules_in_text(source, module_name))
    tree = ast.parse(source)
    lines = split_lines(source) if lines is None else lines
    return analyse_tree(tree, lines, settings, module_name, project_layers, speculate, exposure)


def module_name_for(path: str) -> Optional[str]:
    """``pkg/sub/mod.py`` → ``pkg.sub.mod`` when ``pkg`` and ``sub`` hold ``__init__.py`` (a package's
    own ``__init__.py`` gives ``pkg.sub.__init__``); None when the file is in no package."""
    directory, filename = os.path.split(os.path.abspath(path))
    stem = filename.rsplit(".", 1)[0]
    if not stem.isidentifier():
        return None
    package = _package(directory)
    return f"{package}.{stem}" if package else None


@lru_cache(maxsize=4096)
def _package(directory: str) -> str:
    """The dotted package a folder is (``pkg.sub``), or "" when it holds no ``__init__.py``. Cached:
    the files of one folder share it, and each level costs a ``stat``."""
    if not os.path.isfile(os.path.join(directory, "__init__.py")):
        return ""
    parent, name = os.path.split(directory)
    if not name.isidentifier():
        return ""
    outer = _package(parent) if parent != directory else ""
    return f"{outer}.{name}" if outer else name
