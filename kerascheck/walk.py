"""The single walk over a module: scopes, bindings, and the nodes the rules care about.

Statements carry a scope and a :class:`Where`; the expressions of one statement share both (only a
lambda or a comprehension opens a scope), so they are walked by a tight inner loop over bare nodes.
Both loops use explicit stacks: no input nests deep enough to overflow them.

The statements are walked first: imports, aliases (``L = keras.layers``) and class bases tell which
names can resolve to Keras or TensorFlow (see :meth:`ModuleIndex._relevant_names`). Then the
expressions are walked, and only those names' uses are kept for the rules, and only their bindings
(and those of names some import binds) are recorded: on real code most names are ``self``, locals
and other libraries, and recording or resolving them would be wasted work. Resolution still sees
every binding that can shadow a kept name.
"""

from __future__ import annotations

import ast
from bisect import bisect_left, bisect_right
from operator import attrgetter
from typing import Any, Callable, Dict, FrozenSet, Iterator, List, Optional, Set, Tuple, Type, Union

from kerascheck.names import OWN, PLACEHOLDER, Binding, Scope, classify
from kerascheck.record import Record

_IMPORT_ERRORS = frozenset({"ImportError", "ModuleNotFoundError", "Exception", "BaseException"})
_ATTRIBUTE_ERRORS = frozenset({"AttributeError"})
_STATEMENT_LISTS = ("body", "orelse", "finalbody")
_ENDS_BLOCK = (ast.Raise, ast.Return, ast.Continue, ast.Break)  # the statements after one in its block never run


class Where(Record):
    """Where a statement stands, carried down the walk (as pyupgrade carries its State)."""

    guarded: bool = False  # inside ``try: … except ImportError:`` (compatibility code)
    branches: Tuple[Tuple[int, str], ...] = ()  # (id(if statement), "body" | "orelse"), outermost first
    # in the body of ``try: … except AttributeError:``, outside any function defined there
    catches_attribute_error: bool = False

    def inside(self, node: ast.If, branch: str) -> Where:
        return Where(self.guarded, self.branches + ((id(node), branch),), self.catches_attribute_error)

    def excludes(self, other: Where) -> bool:
        """Whether the two stand in different branches of one ``if``: never both run."""
        theirs = dict(other.branches)
        return any(theirs.get(statement, branch) != branch for statement, branch in self.branches)


def _is_type_checking(test: ast.expr) -> bool:
    """``if TYPE_CHECKING:`` or ``if typing.TYPE_CHECKING:``."""
    name = test.attr if isinstance(test, ast.Attribute) else getattr(test, "id", None)
    return name == "TYPE_CHECKING"


class ModuleIndex:
    """What the single walk over a module records."""

    def __init__(
        self,
        module_name: Optional[str] = None,
        methods: Optional[FrozenSet[str]] = frozenset(),
        project_star: Optional[Callable[[str], Any]] = None,
    ) -> None:
        """``project_star(module)``: what ``from module import *`` binds when ``module`` is one of the project's
        (a :class:`kerascheck.project_classes.StarExports`), or None when that is not known."""
        self.module_name = module_name  # "pkg.sub.mod" (a package's __init__: "pkg.sub.__init__")
        self._project_star = project_star
        # the names star imports of the project's modules bind to Keras or TF ones, and whether one of those modules
        # star-imports Keras or TF itself (then any name may be Keras's)
        self._star_relevant: Set[str] = set()
        self._star_keras = False
        self._star_bound: List[Tuple[Scope, str, Binding]] = []  # (scope, name, binding) a star import made
        self.methods = methods  # method names whose calls on any receiver the rules check ("fit"); None: all
        self.module_scope = Scope(parent=None)
        self.catches_attribute_error = False  # some ``try`` has an ``except AttributeError:`` (see Where)
        # each ``try`` with an ``except AttributeError:``, with its handlers that name AttributeError
        self.attribute_fallbacks: List[Tuple[ast.stmt, List[ast.ExceptHandler]]] = []
        self.import_fallbacks: List[ast.stmt] = []  # each ``try`` with an ``except ImportError:`` (or broader)
        # (first line, last line) of each ``try`` body, and the exceptions its handlers name (``except TypeError:``)
        self.handled: List[Tuple[int, int, FrozenSet[str]]] = []
        self.scope_of: Dict[int, Scope] = {}  # id(kept chain, call's callee, import, def, class) -> scope
        self.chains: List[ast.expr] = []  # kept chains, in source order
        self.imports: List[Union[ast.Import, ast.ImportFrom]] = []
        self.guarded_imports: Set[int] = set()  # ids of imports inside try/except ImportError
        self.where: Dict[int, Where] = {}  # id(import or kept chain) -> where it stands
        self.calls: List[ast.Call] = []  # kept calls, in source order
        self.classes: List[ast.ClassDef] = []
        # for the class rules (see :meth:`by_line`), kept or not: every call that passes a keyword
        # (``training=…``, ``**kwargs``), and every ``….call(…)`` (a layer's call method invoked directly)
        self.keyword_calls: List[ast.Call] = []
        self.call_method_calls: List[ast.Call] = []
        self.called_calls: Set[int] = set()  # ids of the calls whose result is called at once (``Lambda(f)(x)``)
        self.assigns: List[ast.Assign] = []  # every ``a = b`` statement
        # attribute names the module assigns or deletes on some object (``opt.lr = 0.5``, ``del m.x``,
        # ``setattr(opt, "lr", 0.5)``)
        self.attributes_set: Set[str] = set()
        # attribute names the module asks an object for by name (``hasattr(keras, "ops")``, ``getattr(m, "lr", 0)``)
        self.attributes_asked: Set[str] = set()
        self.asks_by_variable = False  # some ``hasattr``/``getattr`` is given a name held in a variable
        self.statement_starts: List[int] = []  # the first line of each statement, decorator and handler
        self._alias_targets: Set[int] = set()
        self._imported_names: Set[str] = set()  # every name an import binds, anywhere
        # the names whose uses may resolve to Keras or TF (see _relevant_names; every name after a star import)
        self.relevant: Set[str] = set()
        self._aliases: List[Tuple[str, str]] = []  # (alias name, root name of its value)
        self._member_aliases: List[Tuple[str, str]] = []  # (class name, root name) of aliases in a class's members
        self._classes_by_members: Dict[int, str] = {}  # id(scope of a class's members, see Binding.members) -> its name
        # the names statements bind as the scope's own (a def's name and parameters, an ``except … as`` name): bound
        # once the walk knows which names matter (see _expressions), as most are locals no chain starts at
        self._own: List[Tuple[Scope, List[str]]] = []
        # the expressions of each block, walked once the statements tell which names matter
        self._deferred: List[Tuple[list, Scope, Where]] = []
        self._by_line: Dict[str, ByLine] = {}  # see :meth:`by_line`
        self.withs: List[ast.stmt] = []  # every ``with`` and ``async with`` statement
        # (block, statement) for the first ``raise``, ``return``, ``continue`` or ``break`` of a block that is not its
        # last statement: what follows it in the block never runs
        self.unreachable: List[Tuple[List[ast.stmt], ast.stmt]] = []
        self._block: List[ast.stmt] = []  # the statement list the walk is in
        self._ended: Set[int] = set()  # ids of the blocks in unreachable

    # -- the walk ------------------------------------------------------------------------------
    def build(self, tree: ast.Module) -> ModuleIndex:
        """Walk the statements in source order, block by block; the expressions of a block (its
        statements' and the headers of its compound statements) are walked together at its end."""
        handlers: Dict[type, Callable] = {
            ast.FunctionDef: self._function,
            ast.AsyncFunctionDef: self._function,
            ast.ClassDef: self._class,
            ast.Import: self._import,
            ast.ImportFrom: self._import,
            ast.Assign: self._assign,
            ast.If: self._if,
            ast.Try: self._try,
        }
        if hasattr(ast, "TryStar"):
            handlers[ast.TryStar] = self._try
        if hasattr(ast, "Match"):
            handlers[ast.Match] = self._match
        handlers.update(dict.fromkeys(_ENDS_BLOCK, self._ends_block))
        handlers.update(dict.fromkeys((ast.With, ast.AsyncWith), self._with))
        # a block: its statements still to walk, its scope, where it stands, its expressions so far
        starts = self.statement_starts
        blocks: List[Tuple[List[ast.stmt], Iterator[ast.stmt], Scope, Where, list]] = [
            (tree.body, iter(tree.body), self.module_scope, Where(), [])
        ]
        while blocks:
            self._block, statements, scope, where, roots = blocks[-1]
            for node in statements:
                starts.append(node.lineno)
                kind = type(node)
                children = _SIMPLE_STATEMENTS.get(kind)
                if children is not None:  # most statements: their expressions join the block's
                    if children[0]:
                        value = children[1](node)
                        if type(value) is list:
                            roots += value
                        elif value is not None:
                            roots.append(value)
                    else:
                        for value in children[1](node):
                            if type(value) is list:
                                roots += value
                            elif value is not None:
                                roots.append(value)
                    continue
                if kind not in handlers:
                    compound = any(name in _STATEMENT_LISTS for name in _FIELDS[kind])
                    handlers[kind] = self._blocks if compound else self._plain
                inner = handlers[kind](node, scope, where, roots)
                if inner:  # walk the inner blocks first, then come back for the rest of this one
                    for body, inner_scope, inner_where, inner_roots in reversed(inner):
                        if body or inner_roots:
                            blocks.append((body, iter(body), inner_scope, inner_where, inner_roots))
                    break
            else:
                blocks.pop()
                if roots:
                    self._deferred.append((roots, scope, where))
        if self._star_bound:
            self._unstarred()
        relevant = self._relevant_names()
        if relevant is None:
            relevant = bound = _EVERYTHING
        else:  # an import can shadow anything, so the names imports bind keep their bindings
            bound = relevant | self._imported_names
        self.relevant = relevant
        for scope, names in self._own:
            for name in names:
                if name in bound:
                    scope.bind(name, OWN)
        self._own = []
        kept_calls: List[Tuple[ast.Call, Scope]] = []
        self._expressions(self._deferred, relevant, bound, kept_calls)
        self._deferred = []
        for call, scope in kept_calls:
            self.scope_of.setdefault(id(call.func), scope)
        self.chains.sort(key=_POSITION)
        self.calls = [call for call, _ in kept_calls]
        self.calls.sort(key=_POSITION)
        return self

    @staticmethod
    def _plain(node: ast.stmt, scope: Scope, where: Where, roots: list) -> list:
        """A simple statement: its expressions join the block's."""
        for name in _FIELDS[type(node)]:
            value = getattr(node, name)
            if type(value) is list:
                roots += value
            elif value is not None:
                roots.append(value)
        return []

    def _ends_block(self, node: ast.stmt, scope: Scope, where: Where, roots: list) -> list:
        """``raise``, ``return``, ``continue``, ``break``: a simple statement that may leave code after it in its
        block (see :attr:`unreachable`)."""
        block = self._block
        if block[-1] is not node and id(block) not in self._ended:
            self._ended.add(id(block))
            self.unreachable.append((block, node))
        return self._plain(node, scope, where, roots)

    def _with(self, node: ast.stmt, scope: Scope, where: Where, roots: list) -> list:
        self.withs.append(node)
        return self._blocks(node, scope, where, roots)

    def _blocks(self, node: ast.stmt, scope: Scope, where: Where, roots: list) -> list:
        """A compound statement with no scope or branch of its own (``for``, ``while``, ``with``): its
        header expressions join the block's, its statement lists are blocks of the same scope."""
        inner: list = []
        for name in _FIELDS[type(node)]:
            value = getattr(node, name)
            if name in _STATEMENT_LISTS:
                inner.append((value, scope, where, []))
            elif type(value) is list:
                roots += value
            elif value is not None:
                roots.append(value)
        return inner

    def _function(self, node, scope: Scope, where: Where, roots: list) -> list:
        if node.decorator_list:
            self.statement_starts += [decorator.lineno for decorator in node.decorator_list]
            roots += node.decorator_list
        self.scope_of[id(node)] = scope
        inner = Scope(scope, is_function=True)
        arguments = _arguments(node.args)
        self._own += ((scope, [node.name]), (inner, [argument.arg for argument in arguments]))
        roots += [argument.annotation for argument in arguments if argument.annotation is not None]
        if node.returns is not None:
            roots.append(node.returns)
        roots += _defaults(node.args)
        if where.catches_attribute_error:  # the body runs when called, outside the ``try``
            where = where._replace(catches_attribute_error=False)
        return [(node.body, inner, where, [])]

    def _class(self, node: ast.ClassDef, scope: Scope, where: Where, roots: list) -> list:
        self.statement_starts += [decorator.lineno for decorator in node.decorator_list]
        members = Scope(parent=scope, is_class=True)
        if scope is self.module_scope and not node.decorator_list:
            scope.bind(node.name, Binding(members=members))
            self._classes_by_members[id(members)] = node.name
        else:
            self._own.append((scope, [node.name]))
        self.scope_of[id(node)] = scope
        self.classes.append(node)
        roots += node.decorator_list + node.bases + [keyword.value for keyword in node.keywords]
        return [(node.body, members, where, [])]

    def _import(self, node, scope: Scope, where: Where, roots: list) -> list:
        self.imports.append(node)
        self.scope_of[id(node)] = scope
        self.where[id(node)] = where
        if where.guarded:
            self.guarded_imports.add(id(node))
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname:
                    scope.bind(alias.asname, Binding(dotted=alias.name, guarded=where.guarded))
                    self._imported_names.add(alias.asname)
                else:
                    root = alias.name.split(".")[0]
                    scope.bind(root, Binding(dotted=root, guarded=where.guarded))
                    self._imported_names.add(root)
            return []
        module = self.absolute_module(node)
        for alias in node.names:
            if alias.name == "*":
                if module:
                    self._star_import(module, scope, where)
            else:
                dotted = f"{module}.{alias.name}" if module else None
                scope.bind(alias.asname or alias.name, Binding(dotted=dotted, guarded=where.guarded))
                self._imported_names.add(alias.asname or alias.name)
        return []

    def _star_import(self, module: str, scope: Scope, where: Where) -> None:
        """``from module import *``: a Keras or TF module's names are resolved through it when read; a module of the
        project's binds what its file says (its imports, its own names, the Keras modules it star-imports in turn)."""
        exports = None
        if self._project_star is not None and classify(module) is None:
            exports = self._project_star(module)
        if exports is None:
            scope.star_imports.append(module)
            return
        for name, dotted in exports.imported.items():
            binding = Binding(dotted=dotted, guarded=where.guarded)
            scope.bind(name, binding)
            self._star_bound.append((scope, name, binding))
            self._imported_names.add(name)
            if classify(dotted) is not None:
                self._star_relevant.add(name)
        for name in exports.defined:
            binding = Binding()  # the other module's own (not the shared OWN: see _unstarred)
            scope.bind(name, binding)
            self._star_bound.append((scope, name, binding))
            self._imported_names.add(name)  # bound as an import is: it may shadow anything
        scope.star_imports += exports.keras_stars
        self._star_keras = self._star_keras or bool(exports.keras_stars)

    def _unstarred(self) -> None:
        """Where the module binds a name itself too (``from stellargraph.layer import *``, then ``from tensorflow
        import keras as K``), its own binding is the one that counts: the star import's goes."""
        for scope, name, binding in self._star_bound:
            bindings = scope.bindings.get(name, [])
            if len(bindings) > 1:
                bindings[:] = [each for each in bindings if each is not binding]
                self._star_relevant.discard(name)
        self._star_bound = []

    def _assign(self, node: ast.Assign, scope: Scope, where: Where, roots: list) -> list:
        """``Dense = keras.layers.Dense`` binds an alias that resolves through its value, ``tf = None`` a
        placeholder."""
        self.assigns.append(node)
        targets, value = node.targets, node.value
        target = targets[0] if len(targets) == 1 and type(targets[0]) is ast.Name else None
        if target is not None and type(value) in _CHAIN_KINDS:
            # in try/except ImportError, as its imports are: the fallback of compatibility code
            scope.bind(target.id, Binding(value=value, guarded=where.guarded))
            self._alias_targets.add(id(target))
            root = value
            while type(root) is ast.Attribute:
                root = root.value
            if type(root) is ast.Name:
                self._aliases.append((target.id, root.id))
                if id(scope) in self._classes_by_members:
                    self._member_aliases.append((self._classes_by_members[id(scope)], root.id))
        elif target is not None and type(value) is ast.Constant and value.value is None:
            scope.bind(target.id, PLACEHOLDER)  # ``tf = None``: see Binding.placeholder
            self._alias_targets.add(id(target))
        roots += targets
        roots.append(value)
        return []

    def _if(self, node: ast.If, scope: Scope, where: Where, roots: list) -> list:
        roots.append(node.test)
        body = where.inside(node, "body")
        if _is_type_checking(node.test):  # imports for annotations only: never run, so never mixed
            body = body._replace(guarded=True)
        return [
            (node.body, scope, body, []),
            (node.orelse, scope, where.inside(node, "orelse"), []),
        ]

    def _try(self, node, scope: Scope, where: Where, roots: list) -> list:
        named = frozenset(name for handler in node.handlers for name in _named_errors(handler))
        if named and node.body:
            self.handled.append((node.body[0].lineno, node.body[-1].end_lineno or node.body[-1].lineno, named))
        guards_imports = any(catches_import_error(handler) for handler in node.handlers)
        guarded = where._replace(guarded=True) if guards_imports else where
        if guards_imports:
            self.import_fallbacks.append(node)
        # a handler naming AttributeError is a fallback for a missing name (``except:`` and ``except Exception:``
        # may only swallow the error, and the program then runs on with another result)
        if any(handler.type is not None and _catches(handler, _ATTRIBUTE_ERRORS) for handler in node.handlers):
            self.catches_attribute_error = True
            self.attribute_fallbacks.append(
                (
                    node,
                    [
                        handler
                        for handler in node.handlers
                        if handler.type is not None and _catches(handler, _ATTRIBUTE_ERRORS)
                    ],
                )
            )
            inner: list = [(node.body, scope, guarded._replace(catches_attribute_error=True), [])]
        else:
            inner = [(node.body, scope, guarded, [])]
        for handler in node.handlers:
            self.statement_starts.append(handler.lineno)  # ``except …:`` starts a logical line too
            if handler.name:
                self._own.append((scope, [handler.name]))
            inner.append((handler.body, scope, guarded, [handler.type] if handler.type else []))
        return inner + [(node.orelse, scope, where, []), (node.finalbody, scope, where, [])]

    def _match(self, node, scope: Scope, where: Where, roots: list) -> list:
        roots.append(node.subject)
        return [(case.body, scope, where, [case.pattern] + ([case.guard] if case.guard else [])) for case in node.cases]

    def _expressions(
        self, blocks: List[Tuple[list, Scope, Where]], relevant: Set[str], bound: Set[str], kept_calls: list
    ) -> None:
        """Keep the chains below the expressions of the blocks whose first name is ``relevant``, and the
        calls of those or of a method the rules check; bind the ``bound`` names they assign (each block's
        expressions are used up as the walk's stack). One call for the module: the node kinds, looked up
        for every node, are local names here."""
        chains, scope_of, where_of = self.chains, self.scope_of, self.where
        alias_targets, methods = self._alias_targets, self.methods
        keyword_call, call_method_call = self.keyword_calls.append, self.call_method_calls.append
        called_call = self.called_calls.add
        attribute_set, attribute_asked = self.attributes_set.add, self.attributes_asked.add
        keep_every_call = methods is None or relevant is _EVERYTHING
        checked_methods: FrozenSet[str] = methods or frozenset()
        Name, Constant, keyword, Attribute, Call = ast.Name, ast.Constant, ast.keyword, ast.Attribute, ast.Call
        Load = ast.Load
        scopes, children_of = _SCOPES, CHILDREN
        for roots, scope, where in blocks:
            pending = [(roots, scope)]  # a lambda or comprehension is walked later, in its own scope
            while pending:
                stack, scope = pending.pop()
                pop, push, extend = stack.pop, stack.append, stack.extend
                while stack:
                    node = pop()
                    kind = type(node)
                    if kind is Name:
                        name = node.id
                        if name in bound:  # most names are neither (``relevant`` is part of ``bound``)
                            if type(node.ctx) is Load:
                                if name in relevant:  # a chain of one name
                                    chains.append(node)
                                    scope_of[id(node)] = scope
                                    where_of[id(node)] = where
                            elif id(node) not in alias_targets:
                                scope.bind(name, OWN)
                        continue
                    if kind is Constant:
                        continue
                    if kind is keyword:
                        push(node.value)
                        continue
                    if kind is Attribute:
                        base = node.value
                        if type(node.ctx) is Load:  # the receiver is part of this chain
                            while type(base) is Attribute:
                                base = base.value
                            if type(base) is Name:  # a maximal chain ``a.b.c`` (never ``b.c`` inside it)
                                if base.id in relevant:
                                    chains.append(node)
                                    scope_of[id(node)] = scope
                                    where_of[id(node)] = where
                                continue
                        else:
                            attribute_set(node.attr)
                        push(base)
                        continue
                    if kind is Call:  # its callee is walked here: a kept chain makes a kept call
                        extend(node.args)
                        func = node.func
                        if type(func) is Name and func.id in _BY_NAME and len(node.args) >= 2:
                            named = node.args[1]
                            if type(named) is Constant and type(named.value) is str:
                                if func.id in _SETTERS:
                                    attribute_set(named.value)
                                else:
                                    attribute_asked(named.value)
                            elif func.id not in _SETTERS:
                                self.asks_by_variable = True
                        if node.keywords:
                            extend(node.keywords)
                            keyword_call(node)
                        if type(func) is Attribute and func.attr == "call":
                            call_method_call(node)
                        base = func
                        while type(base) is Attribute:
                            base = base.value
                        if type(base) is Name and base.id in relevant:
                            chains.append(func)
                            scope_of[id(func)] = scope
                            where_of[id(func)] = where
                            kept_calls.append((node, scope))
                            continue
                        if keep_every_call or (type(func) is Attribute and func.attr in checked_methods):
                            kept_calls.append((node, scope))
                        if type(base) is not Name:  # ``f(x)(y)``, ``a[0].fit(x)``: walk what the chain hangs off
                            if base is func and type(func) is Call:
                                called_call(id(func))
                            push(base)
                        continue
                    if kind in scopes:
                        pending.append(scopes[kind](node, scope))
                        if kind is ast.Lambda:  # its defaults are evaluated where the lambda stands
                            extend(_defaults(node.args))
                        continue
                    children = children_of.get(kind)
                    if children is None:  # a constant, or no node at all (a ``None`` in a dict's keys)
                        continue
                    if children[0]:
                        value = children[1](node)
                        if type(value) is list:
                            extend(value)
                        elif value is not None:
                            push(value)
                        continue
                    for value in children[1](node):
                        if type(value) is list:
                            extend(value)
                        elif value is not None:
                            push(value)

    # -- what the rules get ----------------------------------------------------------------------
    def by_line(self, kind: str) -> ByLine:
        """The recorded nodes of ``kind`` in line order: "chains" and "calls" (the kept ones),
        "keyword_calls", "call_method_calls", "assigns" or "classes"."""
        if kind not in self._by_line:
            recorded: Dict[str, list] = {
                "chains": self.chains,
                "calls": self.calls,
                "keyword_calls": self.keyword_calls,
                "call_method_calls": self.call_method_calls,
                "assigns": self.assigns,
                "classes": self.classes,
            }
            # the walk finds those two in no useful order; the other records are in line order already
            self._by_line[kind] = ByLine(recorded[kind], ordered=kind not in ("keyword_calls", "call_method_calls"))
        return self._by_line[kind]

    def inside(self, kind: str, node: Union[ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef]) -> list:
        """The recorded nodes of ``kind`` (see :meth:`by_line`) inside a class or function."""
        return self.by_line(kind).inside(node)

    def _relevant_names(self) -> Optional[Set[str]]:
        """Names whose uses may resolve to Keras or TF: the names imports of those bind, their aliases,
        and class bases (the project check resolves them through any import). None when any name
        may (a star import of a Keras or TF module)."""
        if self._star_keras:
            return None
        relevant: Set[str] = set(self._star_relevant)
        for node in self.imports:
            if isinstance(node, ast.Import):
                relevant |= {alias.asname or alias.name.split(".")[0] for alias in node.names if classify(alias.name)}
                continue
            module = self.absolute_module(node)
            if module and classify(module):
                if any(alias.name == "*" for alias in node.names):
                    return None
                relevant |= {alias.asname or alias.name for alias in node.names}
        for klass in self.classes:
            relevant |= {root for base in klass.bases if (root := chain_root(base)) is not None}
        grown = True
        while grown:  # aliases of aliases
            before = len(relevant)
            relevant |= {alias for alias, root in self._aliases if root in relevant}
            grown = len(relevant) > before
        relevant |= {klass for klass, root in self._member_aliases if root in relevant}  # ``Config.optimizer``
        return relevant

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


class ByLine:
    """Nodes in line order, to find those inside a class or function (not itself), its decorators and
    header included; in line order, in no particular order within a line. A class or function has its
    lines to itself (no statement shares a line with one), so lines tell what is inside, and the class
    rules never walk a class's nodes again."""

    __slots__ = ("nodes", "lines")

    def __init__(self, nodes: list, ordered: bool = False) -> None:
        self.nodes = nodes if ordered else sorted(nodes, key=_LINE)
        self.lines = list(map(_LINE, self.nodes))

    def inside(self, node: Union[ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef]) -> list:
        first = node.decorator_list[0].lineno if node.decorator_list else node.lineno
        found = self.nodes[bisect_left(self.lines, first) : bisect_right(self.lines, node.end_lineno)]
        return [found_node for found_node in found if found_node is not node] if found and found[0] is node else found


def chain_root(node: ast.expr) -> Optional[str]:
    """``a`` for ``a.b.c``; None when the chain does not start at a plain name."""
    while isinstance(node, ast.Attribute):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def defines_in_module(node: ast.ClassDef, name: str, by_name: Dict[str, ast.ClassDef]) -> bool:
    """Whether the class, or a base of it the module defines (``by_name``: its classes by name), binds ``name``
    in its body."""
    pending, seen = [node], set()
    while pending:
        current = pending.pop()
        if current.name in seen:
            continue
        seen.add(current.name)
        if name in class_body_names(current):
            return True
        pending += [by_name[base.id] for base in current.bases if isinstance(base, ast.Name) and base.id in by_name]
    return False


def class_body_names(node: ast.ClassDef) -> Set[str]:
    """The names a class body binds: its methods, nested classes and attributes (``compute_output_shape = …``,
    ``a, b = …``)."""
    names: Set[str] = set()
    for statement in node.body:
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(statement.name)
        elif isinstance(statement, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
            names |= {name.id for target in targets for name in ast.walk(target) if isinstance(name, ast.Name)}
    return names


def child_nodes(node: ast.AST) -> List[ast.AST]:
    """The child nodes of ``node`` in field order, but contexts and operators (a ``None`` in a list, as
    in a dict's keys, is kept): a faster ``ast.iter_child_nodes`` for walks that never look at those."""
    children: List[ast.AST] = []
    for name in _FIELDS.get(type(node), ()):
        value = getattr(node, name)
        if type(value) is list:
            children += value
        elif value is not None:
            children.append(value)
    return children


def every_node(tree: ast.AST) -> List[ast.AST]:
    """Every node below ``tree`` (itself included) but contexts and operators, depth first in source
    order: a faster ``ast.walk`` for the rules that look through a class or a method."""
    found: List[ast.AST] = []
    stack = [tree]
    while stack:
        node = stack.pop()
        if node is None:
            continue
        found.append(node)
        stack += reversed(child_nodes(node))
    return found


def own_nodes(statement: ast.AST) -> List[ast.AST]:
    """The nodes of ``statement`` (itself included) outside its nested statements, as
    :func:`every_node` finds them."""
    found: List[ast.AST] = []
    stack = [statement]
    while stack:
        node = stack.pop()
        found.append(node)
        for name in _FIELDS.get(type(node), ()):
            value = getattr(node, name)
            if type(value) is list:
                stack += [child for child in value if not isinstance(child, ast.stmt)]
            elif value is not None and not isinstance(value, ast.stmt):
                stack.append(value)
    return found


_POSITION = attrgetter("lineno", "col_offset")
_LINE = attrgetter("lineno")


class _Everything:
    """The set of every name (a star import of Keras: any name may be Keras's)."""

    def __contains__(self, name: object) -> bool:
        return True


_EVERYTHING: Set[str] = _Everything()  # type: ignore[assignment]
_CHAIN_KINDS = (ast.Name, ast.Attribute)


# -- scopes opened inside expressions --------------------------------------------------------------
def _lambda(node: ast.Lambda, scope: Scope) -> Tuple[list, Scope]:
    inner = Scope(parent=scope, is_function=True)
    _bind_arguments(node.args, inner)
    return [node.body], inner


def _comprehension(node, scope: Scope) -> Tuple[list, Scope]:
    children = [getattr(node, name) for name in _FIELDS[type(node)]]
    flat = [item for child in children for item in (child if type(child) is list else [child])]
    return flat, Scope(parent=scope)


_SETTERS = ("setattr", "delattr")
_BY_NAME = frozenset({*_SETTERS, "hasattr", "getattr"})

_SCOPES = {
    ast.Lambda: _lambda,
    ast.ListComp: _comprehension,
    ast.SetComp: _comprehension,
    ast.DictComp: _comprehension,
    ast.GeneratorExp: _comprehension,
}

# Fields that never hold a node: names, operators, contexts, flags, constant values.
_SCALAR_FIELDS = frozenset(
    ["ctx", "op", "ops", "id", "attr", "name", "arg", "module", "asname", "conversion", "is_async", "level"]
    + ["kind", "type_comment", "tag", "kwd_attrs", "rest", "simple"]
)
_NO_CHILDREN = (ast.Constant, getattr(ast, "MatchSingleton", ast.Constant), ast.Global, ast.Nonlocal)


def _node_fields(kind: Type[ast.AST]) -> Tuple[str, ...]:
    if kind in _NO_CHILDREN or issubclass(kind, (ast.expr_context, ast.operator, ast.unaryop, ast.boolop)):
        return ()
    return tuple(name for name in kind._fields if name not in _SCALAR_FIELDS)


def _every_node_class(base: type) -> List[type]:
    found, pending = [], [base]
    while pending:
        kind = pending.pop()
        found.append(kind)
        pending += kind.__subclasses__()
    return found


_FIELDS: Dict[type, Tuple[str, ...]] = {kind: _node_fields(kind) for kind in _every_node_class(ast.AST)}
# (one field?, getter of the field or of a tuple of fields) for the kinds that have child nodes
CHILDREN: Dict[type, Tuple[bool, Callable]] = {
    kind: (len(fields) == 1, attrgetter(*fields)) for kind, fields in _FIELDS.items() if fields
}
# Statements made of expressions only (``return``, ``x += 1``, a call on its own line, ``pass``).
_SIMPLE_STATEMENTS: Dict[type, Tuple[bool, Callable]] = {
    kind: CHILDREN.get(kind, (True, lambda node: None))
    for kind in _every_node_class(ast.stmt)
    if kind is not ast.stmt
    and not any(name in _STATEMENT_LISTS or name in ("handlers", "cases") for name in _FIELDS[kind])
    and kind not in (ast.Import, ast.ImportFrom, ast.Assign, *_ENDS_BLOCK)
}


def _arguments(arguments: ast.arguments) -> list:
    every = arguments.posonlyargs + arguments.args + arguments.kwonlyargs
    if arguments.vararg is not None:
        every.append(arguments.vararg)
    if arguments.kwarg is not None:
        every.append(arguments.kwarg)
    return every


def _bind_arguments(arguments: ast.arguments, scope: Scope) -> None:
    for argument in _arguments(arguments):
        scope.bind(argument.arg, OWN)


def _defaults(arguments: ast.arguments) -> list:
    return [d for d in arguments.defaults + arguments.kw_defaults if d is not None]


def catches_import_error(handler: ast.ExceptHandler) -> bool:
    return _catches(handler, _IMPORT_ERRORS)


def _named_errors(handler: ast.ExceptHandler) -> List[str]:
    """The exception classes a handler names plainly (``except (TypeError, ValueError):``); ``BaseException`` for a
    bare one."""
    if handler.type is None:
        return ["BaseException"]
    kinds = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
    return [kind.id for kind in kinds if isinstance(kind, ast.Name)]


def _catches(handler: ast.ExceptHandler, errors: FrozenSet[str]) -> bool:
    if handler.type is None:
        return True
    kinds = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
    return any(isinstance(kind, ast.Name) and kind.id in errors for kind in kinds)
