"""What a few expressions are known to hold, read from the module's own text: the end of a path
string (``dir + "w.h5"``, ``f"{run}/model"``, ``os.path.join(d, "m.h5")``), the value a name is
bound to once, and whether an object is certainly a Keras model.

Worked out once per module, and only for modules where a rule asks (``ctx.memo``). Anything not
certain is None: a rule that cannot see a suffix or a receiver's type reports nothing.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any, Callable, Dict, Iterator, List, Optional, Set, Tuple, Union

from kerascheck.catalog import api
from kerascheck.context import Context
from kerascheck.lazy import LazyPattern
from kerascheck.names import dotted_chain
from kerascheck.record import Record
from kerascheck.walk import CHILDREN, child_nodes

if TYPE_CHECKING:
    import re

_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)
Function = Union[ast.FunctionDef, ast.AsyncFunctionDef]
_MAX_DEPTH = 6
# A %-conversion (``%s``, ``%03d``, ``%.2f``): what follows the last one is the string's certain end.
_PERCENT = LazyPattern(r"%(?:\([^()]*\))?[-#0 +]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[diouxXeEfFgGcrsa]")
# the conversions (``%d``, ``{:03d}``) that write a number, and every character a number written so may hold
_NUMBER_CONVERSIONS = frozenset("diouxXeEfFgG")
# a format spec (``02d``, ``.4f``, ``>8,``…) whose type writes a number (padded with a digit or a space only)
_NUMBER_SPEC = LazyPattern(r"(?:[0-9 ]?[<>=^])?[-+ ]?z?#?0?\d*[,_]?(?:\.\d+)?[bdoxXneEfFgG%]")
_NUMBER_CHARACTERS = frozenset("0123456789abcdefABCDEFxXoOinfINF.,_+-% ")
# a replacement field of ``str.format`` (no nested braces), with the type its spec ends in when that writes a number
_FORMAT_FIELD = LazyPattern(r"\{(?P<name>[^{}:!]*)(?P<conversion>![rsa])?(?::(?P<spec>[^{}]*))?\}")
_JOIN_FUNCTIONS = frozenset({"os.path.join", "posixpath.join", "ntpath.join"})
_PATH_CLASSES = frozenset({"pathlib.Path", "pathlib.PurePath", "pathlib.PosixPath", "pathlib.WindowsPath"})

MODEL_MAKERS = frozenset({"models.Sequential", "models.Model", "models.load_model", "saving.load_model"})


class Binding(Record):
    value: Optional[ast.AST]  # the assigned expression, a def, or None (parameter, loop target, …)
    dotted: Optional[str] = None  # what an import binds
    # for a name of a tuple target (``out, h, c = LSTM(…)(x)``): the value it is one item of
    unpacked_from: Optional[ast.expr] = None
    # where it binds: the Name, parameter, def or class, import, ``except … as`` handler or ``case`` pattern
    # (rules/reaching.py places it among the statements of its scope)
    node: Optional[ast.AST] = None


class Tail(Record):
    """The certain end of a string: all of it when ``complete``."""

    text: str
    complete: bool
    # when a number comes right before ``text`` (``"w_%03d.h5" % epoch``, ``f"w_{epoch:02d}.h5"``): the text known
    # before the number, and whether that text starts the string (nothing unknown before it)
    number: Optional[Tuple[str, bool]] = None


class ModuleValues:
    """The bindings of each scope, and the scope of each name and of each def, class and lambda."""

    def __init__(self, tree: ast.Module) -> None:
        self.scopes: Dict[int, ast.AST] = {}  # id(Name, def, class or lambda) -> the scope it stands in
        self.bindings: Dict[Tuple[int, str], List[Binding]] = {}
        self.globals: Dict[int, Set[str]] = {}
        self._declarations: List[Tuple[ast.AST, Union[ast.Global, ast.Nonlocal]]] = []  # (scope, its declaration)
        self.loop_iterables: Dict[int, ast.expr] = {}  # id(Name target of a ``for``) -> what the loop runs over
        self.module = tree
        simple: Dict[int, ast.expr] = {}  # id(Name target of a plain assignment) -> the value
        unpacked: Dict[int, ast.expr] = {}  # id(Name item of a tuple target) -> the value unpacked
        add, scopes, binders = self._add, self.scopes, _BINDERS
        # the nodes of one scope still to visit, popped last first; a nested scope's own are visited after
        # them (a scope's bindings keep the order of a depth-first walk: rules/reaching.py reads them in it)
        pending: List[Tuple[list, ast.AST]] = [([tree], tree)]
        while pending:
            stack, scope = pending.pop()
            pop, push, extend = stack.pop, stack.append, stack.extend
            while stack:
                node = pop()
                kind = type(node)
                if kind is ast.Name:
                    scopes[id(node)] = scope
                    if type(node.ctx) is not ast.Load:
                        key = id(node)
                        add(scope, node.id, Binding(simple.get(key), None, unpacked.get(key), node))
                    continue
                # the commonest kinds first, their children pushed as the general case below pushes them
                if kind is ast.Attribute or kind is ast.keyword:
                    push(node.value)
                    continue
                if kind is ast.Constant:
                    continue
                if kind is ast.Call:
                    push(node.func)
                    extend(node.args)
                    extend(node.keywords)
                    continue
                if kind in _SCOPE_KINDS and node is not tree:
                    scopes[id(node)] = scope
                    if kind is not ast.Lambda:  # a lambda binds no name
                        add(scope, node.name, Binding(node, node=node))
                    header = {id(part) for part in _header(node)}
                    inner = []
                    for child in child_nodes(node):
                        if id(child) in header:
                            push(child)
                        else:
                            inner.append(child)
                    pending.append((inner, node))
                    continue
                binder = binders.get(kind)
                if binder is not None:
                    binder(self, node, scope, simple)
                    if kind is ast.Assign:
                        _note_unpacking(node, simple, unpacked)
                children = CHILDREN.get(kind)
                if children is None:  # a constant, an operator, or a ``None`` in a dict's keys
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
        self._share(tree)

    def _share(self, tree: ast.Module) -> None:
        """A name a function declares ``global`` (``nonlocal``) and binds is bound in the module (the enclosing
        function's scope) too, whenever the function runs: one more binding there, of a value not known, so that no
        use there takes the name for its one value."""
        for scope, node in self._declarations:
            for name in node.names:
                if (id(scope), name) not in self.bindings:
                    continue  # only read there
                owner: ast.AST = tree
                if type(node) is ast.Nonlocal:  # the nearest enclosing function that binds it (no class body)
                    owner = self.scope_of(scope)
                    while owner is not tree and (
                        isinstance(owner, ast.ClassDef) or (id(owner), name) not in self.bindings
                    ):
                        owner = self.scope_of(owner)
                self._add(owner, name, Binding(None, node=node))

    def _add(self, scope: ast.AST, name: str, binding: Binding) -> None:
        self.bindings.setdefault((id(scope), name), []).append(binding)

    # -- questions ---------------------------------------------------------------------------------
    def scope_of(self, node: ast.AST) -> ast.AST:
        """The scope a name (or the first name of a chain), def, class or lambda stands in."""
        while isinstance(node, (ast.Attribute, ast.Subscript, ast.Call)):
            node = node.func if isinstance(node, ast.Call) else node.value
        return self.scopes.get(id(node), self.module)

    def binding(self, node: ast.Name) -> Optional[Binding]:
        """The one binding a name's use sees, or None (several bindings, or none in the module)."""
        scope = self.scope_of(node)
        first = True
        while True:
            if node.id in self.globals.get(id(scope), ()):
                scope = self.module
            if first or not isinstance(scope, ast.ClassDef):
                found = self.bindings.get((id(scope), node.id))
                if found is not None:
                    return found[0] if len(found) == 1 else None
            if scope is self.module:
                return None
            first = False
            scope = self.scope_of(scope)

    def dotted(self, node: ast.expr) -> Optional[str]:
        """``os.path.join`` through the module's imports (any package), or None."""
        chain = dotted_chain(node)
        if chain is None:
            return None
        root = node
        while isinstance(root, ast.Attribute):
            root = root.value
        if not isinstance(root, ast.Name):
            return None
        binding = self.binding(root)
        if binding is None or binding.dotted is None:
            return None
        return ".".join([binding.dotted, *chain[1]])

    def enclosing_class(self, node: ast.AST) -> Optional[ast.ClassDef]:
        scope = self.scope_of(node)
        while scope is not self.module and not isinstance(scope, ast.ClassDef):
            scope = self.scope_of(scope)
        return scope if isinstance(scope, ast.ClassDef) else None


def _bind_arg(values: ModuleValues, node: ast.arg, scope: ast.AST, simple: Dict[int, ast.expr]) -> None:
    values._add(scope, node.arg, Binding(None, node=node))


def _bind_global(
    values: ModuleValues, node: Union[ast.Global, ast.Nonlocal], scope: ast.AST, simple: Dict[int, ast.expr]
) -> None:
    values.globals.setdefault(id(scope), set()).update(node.names)
    values._declarations.append((scope, node))


def _bind_import(values: ModuleValues, node: ast.Import, scope: ast.AST, simple: Dict[int, ast.expr]) -> None:
    for alias in node.names:
        name = alias.asname or alias.name.split(".")[0]
        values._add(scope, name, Binding(None, alias.name if alias.asname else name, node=node))


def _bind_import_from(values: ModuleValues, node: ast.ImportFrom, scope: ast.AST, simple: Dict[int, ast.expr]) -> None:
    for alias in node.names:
        dotted = f"{node.module}.{alias.name}" if node.module and not node.level else None
        values._add(scope, alias.asname or alias.name, Binding(None, dotted, node=node))


def _bind_handler(values: ModuleValues, node: ast.ExceptHandler, scope: ast.AST, simple: Dict[int, ast.expr]) -> None:
    if node.name:
        values._add(scope, node.name, Binding(None, node=node))


def _bind_capture(values: ModuleValues, node: Any, scope: ast.AST, simple: Dict[int, ast.expr]) -> None:
    """``case [x, *others]:``, ``case _ as x:``: a pattern binds the name it holds as a string."""
    if node.name:
        values._add(scope, node.name, Binding(None, node=node))


def _bind_rest(values: ModuleValues, node: Any, scope: ast.AST, simple: Dict[int, ast.expr]) -> None:
    """``case {"units": units, **rest}:`` binds ``rest`` (and ``units``, a capture pattern of its own)."""
    if node.rest:
        values._add(scope, node.rest, Binding(None, node=node))


def _note_loop(
    values: ModuleValues, node: Union[ast.For, ast.AsyncFor], scope: ast.AST, simple: Dict[int, ast.expr]
) -> None:
    if type(node.target) is ast.Name:
        values.loop_iterables[id(node.target)] = node.iter


def _note_assign(values: ModuleValues, node: ast.Assign, scope: ast.AST, simple: Dict[int, ast.expr]) -> None:
    if len(node.targets) == 1 and type(node.targets[0]) is ast.Name:
        simple[id(node.targets[0])] = node.value


def _note_unpacking(node: ast.Assign, simple: Dict[int, ast.expr], unpacked: Dict[int, ast.expr]) -> None:
    """``a, b = x, y`` binds ``a`` to ``x`` and ``b`` to ``y``; ``a, b = f()`` binds each to an item
    of ``f()``. Only a flat target of names, and a literal of as many plain items."""
    target = node.targets[0]
    if len(node.targets) != 1 or not isinstance(target, (ast.Tuple, ast.List)):
        return
    names = target.elts
    if not all(type(name) is ast.Name for name in names):
        return
    value = node.value
    if isinstance(value, (ast.Tuple, ast.List)):
        items = value.elts
        if len(items) == len(names) and not any(type(item) is ast.Starred for item in items):
            for name, item in zip(names, items):
                simple[id(name)] = item
        return
    for name in names:
        unpacked[id(name)] = value


def _note_annotated(values: ModuleValues, node: ast.AnnAssign, scope: ast.AST, simple: Dict[int, ast.expr]) -> None:
    if type(node.target) is ast.Name and node.value is not None:
        simple[id(node.target)] = node.value


_SCOPE_KINDS = frozenset({ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef})
# Each binder takes a node of the type it is filed under (hence Any: a table of functions of differing types).
_BINDERS: Dict[type, Callable[[ModuleValues, Any, ast.AST, Dict[int, ast.expr]], None]] = {
    ast.arg: _bind_arg,
    ast.Global: _bind_global,
    ast.Nonlocal: _bind_global,
    ast.Import: _bind_import,
    ast.ImportFrom: _bind_import_from,
    ast.ExceptHandler: _bind_handler,
    ast.Assign: _note_assign,
    ast.AnnAssign: _note_annotated,
    ast.For: _note_loop,
    ast.AsyncFor: _note_loop,
}
if hasattr(ast, "MatchAs"):  # Python >= 3.10
    _BINDERS.update({ast.MatchAs: _bind_capture, ast.MatchStar: _bind_capture, ast.MatchMapping: _bind_rest})


def _header(node: ast.AST) -> Tuple[ast.AST, ...]:
    """The parts of a def/class/lambda evaluated in the enclosing scope."""
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        parts = (*node.decorator_list, *node.args.defaults, *node.args.kw_defaults, node.returns)
        return tuple(part for part in parts if part is not None)
    if isinstance(node, ast.ClassDef):
        return (*node.decorator_list, *node.bases, *node.keywords)
    if isinstance(node, ast.Lambda):
        return tuple(part for part in (*node.args.defaults, *node.args.kw_defaults) if part is not None)
    return ()


def module_values(ctx: Context) -> ModuleValues:
    values = ctx.memo.get(ModuleValues)
    if values is None:
        values = ctx.memo[ModuleValues] = ModuleValues(ctx.tree)
    return values


def value_of(ctx: Context, node: ast.expr) -> ast.expr:
    """A name bound once to a plain assignment stands for the assigned expression."""
    for _ in range(_MAX_DEPTH):
        if not isinstance(node, ast.Name):
            return node
        binding = module_values(ctx).binding(node)
        if binding is None or not isinstance(binding.value, ast.expr):
            return node
        node = binding.value
    return node


def string_tail(ctx: Context, node: ast.expr, depth: int = 0) -> Optional[Tail]:
    """The certain end of the string an expression makes, or None when it cannot be seen."""
    if depth > _MAX_DEPTH:
        return None
    node = value_of(ctx, node)
    if isinstance(node, ast.Constant):
        return Tail(node.value, True) if isinstance(node.value, str) else None
    if isinstance(node, ast.JoinedStr):
        return _joined_tail(ctx, node)
    if isinstance(node, ast.BinOp):
        if isinstance(node.op, (ast.Add, ast.Div)):  # concatenation, pathlib's ``/``
            right = string_tail(ctx, node.right, depth + 1)
            if right is None:
                return None
            if isinstance(node.op, ast.Div):
                return _after_separator(right)
            # ``name + "_" + str(epoch) + ".h5"``: the left part's end comes before a right part known to its start
            starts = right.complete or (right.number is not None and right.number[1])
            left = string_tail(ctx, node.left, depth + 1) if starts else None
            if left is None:
                return _joined_after(right, "")
            if right.complete:
                return Tail(left.text + right.text, left.complete, left.number)
            return Tail(right.text, False, (left.text + right.number[0], left.complete))  # type: ignore[index]
        if isinstance(node.op, ast.Mod) and isinstance(node.left, ast.Constant) and isinstance(node.left.value, str):
            return _after_last(_PERCENT, node.left.value)
        return None
    if isinstance(node, ast.Call):
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr == "format" and isinstance(func.value, ast.Constant):
            return _format_tail(ctx, node, func.value.value) if isinstance(func.value.value, str) else None
        if not node.keywords and node.args:
            return _call_tail(ctx, node, depth)
    return None


def _joined_tail(ctx: Context, node: ast.JoinedStr) -> Optional[Tail]:
    if not node.values:
        return Tail("", True)
    values = node.values
    last = values[-1]
    text = ""
    if isinstance(last, ast.Constant) and isinstance(last.value, str):
        if len(values) == 1:
            return Tail(last.value, True)
        text, values = last.value, values[:-1]
    placeholder = values[-1]
    if not (
        isinstance(placeholder, ast.FormattedValue)
        and (_numeric_spec(placeholder) or (placeholder.format_spec is None and _an_int(ctx, placeholder.value)))
    ):
        return Tail(text, False)
    before = values[-2] if len(values) >= 2 else None
    if before is None:
        return Tail(text, False, ("", True))
    if isinstance(before, ast.Constant) and isinstance(before.value, str):
        return Tail(text, False, (before.value, len(values) == 2))
    return Tail(text, False, ("", False))


def _an_int(ctx: Context, node: ast.expr) -> bool:
    """Whether the expression is certainly an ``int``: a literal, or a name every binding of which in its scope is
    one, a ``for`` target over ``range(…)``, or the epoch or batch number a Keras callback's hook is given
    (``def on_epoch_end(self, epoch, logs=None)``)."""
    if isinstance(node, ast.Constant):
        return type(node.value) is int
    if not isinstance(node, ast.Name):
        return False
    values = module_values(ctx)
    scope = values.scope_of(node)
    bindings = values.bindings.get((id(scope), node.id))
    if not bindings or any(node.id in names for names in values.globals.values()):
        return False
    for binding in bindings:
        if isinstance(binding.value, ast.Constant) and type(binding.value.value) is int:
            continue
        iterable = values.loop_iterables.get(id(binding.node))
        if iterable is not None and _calls_range(ctx, iterable):
            continue
        if isinstance(binding.node, ast.arg) and _hook_counter(ctx, binding.node, scope):
            continue
        return False
    return True


def _calls_range(ctx: Context, node: ast.expr) -> bool:
    """``range(…)``, the builtin (the module binds no ``range`` of its own)."""
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "range"
        and not _bound_anywhere(ctx, "range")
    )


def _hook_counter(ctx: Context, argument: ast.arg, function: ast.AST) -> bool:
    """Whether ``argument`` is the first after ``self`` of a hook of a Keras callback that the target's ``Callback``
    declares with ``epoch`` or ``batch`` there (its API table: ``on_epoch_end(self, epoch, logs=None)``): Keras passes
    it the epoch or batch number, an ``int``."""
    if not isinstance(function, ast.FunctionDef):
        return False
    positional = function.args.posonlyargs + function.args.args
    if len(positional) < 2 or positional[1] is not argument:
        return False
    declared = api.method_signature(ctx.target, "Callback", function.name)
    if declared is None or declared.positional[:1] not in (("epoch",), ("batch",)):
        return False
    return _is_callback_class(ctx, module_values(ctx).enclosing_class(function))


def _numeric_spec(value: ast.FormattedValue) -> bool:
    """``{epoch:02d}``, ``{loss:.4f}``: a format spec whose type writes a number."""
    spec = value.format_spec
    if value.conversion != -1 or not isinstance(spec, ast.JoinedStr) or len(spec.values) != 1:
        return False
    only = spec.values[0]
    return (
        isinstance(only, ast.Constant)
        and isinstance(only.value, str)
        and _NUMBER_SPEC.fullmatch(only.value) is not None
    )


def _after_last(pattern: re.Pattern[str], text: str) -> Tail:
    matches = list(pattern.finditer(text))
    if not matches:
        return Tail(text, True)
    last = matches[-1]
    tail = text[last.end() :]
    if last.group()[-1] not in _NUMBER_CONVERSIONS:
        return Tail(tail, False)
    start = matches[-2].end() if len(matches) > 1 else 0
    return Tail(tail, False, (text[start : last.start()], len(matches) == 1))


def _joined_after(last: Tail, separator: str) -> Tail:
    """The end of a string that ends with ``separator`` and a part ending as ``last``, after unknown text."""
    if last.complete:
        return Tail(separator + last.text, False)
    number = last.number
    if number is not None and number[1]:
        number = (separator + number[0], False)
    return Tail(last.text, False, number)


def _call_tail(ctx: Context, node: ast.Call, depth: int) -> Optional[Tail]:
    func = node.func
    if any(isinstance(arg, ast.Starred) for arg in node.args):
        return None
    if (
        isinstance(func, ast.Attribute)
        and func.attr == "join"
        and isinstance(func.value, ast.Constant)
        and isinstance(func.value.value, str)
        and len(node.args) == 1
    ):  # ``"_".join([name, "weights.hdf5"])``: the last item ends the string
        items = node.args[0]
        if not isinstance(items, (ast.List, ast.Tuple)) or not items.elts:
            return None
        if any(isinstance(item, ast.Starred) for item in items.elts):
            return None
        last = string_tail(ctx, items.elts[-1], depth + 1)
        if last is None or len(items.elts) == 1:
            return last
        return Tail(last.text, False)
    dotted = module_values(ctx).dotted(func)
    if dotted in _JOIN_FUNCTIONS or dotted in _PATH_CLASSES:
        last = string_tail(ctx, node.args[-1], depth + 1)
        if last is None or len(node.args) == 1:
            return last
        return _after_separator(last)
    if isinstance(func, ast.Name) and func.id == "str" and len(node.args) == 1:
        if module_values(ctx).binding(func) is None and not _bound_anywhere(ctx, "str"):
            number = value_of(ctx, node.args[0])
            if isinstance(number, ast.Constant) and type(number.value) is int:
                return Tail(str(number.value), True)  # ``os.path.join(export_dir, str(VERSION))``: TF Serving's
            if _an_int(ctx, node.args[0]):
                return Tail("", False, ("", True))  # ``str(epoch)``: a number, from the start
            return string_tail(ctx, node.args[0], depth + 1)
    return None


def _format_tail(ctx: Context, call: ast.Call, text: str) -> Tail:
    """The end of ``text.format(…)``: what follows its last field, and the number that field writes (``{:03d}``,
    or ``{}`` given an ``int``)."""
    if "{{" in text or "}}" in text:  # escaped braces: read no further
        return Tail(text[text.rindex("}") + 1 :], False) if "}" in text else Tail(text, True)
    fields = list(_FORMAT_FIELD.finditer(text))
    if not fields:
        return Tail(text, True) if "}" not in text else Tail(text[text.rindex("}") + 1 :], False)
    last = fields[-1]
    tail = text[last.end() :]
    spec = last.group("spec")
    numeric = spec is not None and _NUMBER_SPEC.fullmatch(spec) is not None
    if not numeric and not spec:
        given = _field_argument(call, fields, last.group("name"))
        numeric = given is not None and _an_int(ctx, given)
    if "{" in tail or "}" in tail or not numeric:
        return Tail(tail, False) if "}" not in tail else Tail(tail[tail.rindex("}") + 1 :], False)
    start = fields[-2].end() if len(fields) > 1 else 0
    before = text[start : last.start()]
    if "{" in before or "}" in before:
        return Tail(tail, False)
    return Tail(tail, False, (before, len(fields) == 1))


def _field_argument(call: ast.Call, fields: list, name: str) -> Optional[ast.expr]:
    """What ``call`` (a ``str.format``) gives the last of its ``fields``, named ``name``: ``{}`` (the next positional
    argument), ``{1}`` or ``{epoch}``; None where it cannot be told."""
    if any(isinstance(argument, ast.Starred) for argument in call.args) or any(k.arg is None for k in call.keywords):
        return None
    if name == "":
        index = sum(1 for field in fields if field.group("name") == "") - 1
    elif name.isascii() and name.isdecimal():
        index = int(name)
    else:
        return next((keyword.value for keyword in call.keywords if keyword.arg == name), None)
    return call.args[index] if index < len(call.args) else None


def _after_separator(last: Tail) -> Tail:
    """The end of a path joined from parts (``os.path.join(out, "w.h5")``, ``Path(out) / "w.h5"``) whose
    last part ends as ``last``: a whole last part follows a separator (``…/w.h5``), so the name is that part."""
    if last.complete and last.text.startswith(("/", "\\")):
        return Tail(last.text, False)
    return _joined_after(last, "/")


def _bound_anywhere(ctx: Context, name: str) -> bool:
    bound = ctx.memo.get(("values", "bound names"))
    if bound is None:
        bound = ctx.memo["values", "bound names"] = frozenset(key[1] for key in module_values(ctx).bindings)
    return name in bound


def refused_suffix(tail: Optional[Tail], accepted: Tuple[str, ...]) -> bool:
    """Whether a path with this certain end cannot end in any accepted suffix."""
    if tail is None:
        return False
    for suffix in accepted:
        if tail.text.endswith(suffix):
            return False
        if (
            not tail.complete
            and suffix.endswith(tail.text)
            and _may_write(tail, suffix[: len(suffix) - len(tail.text)])
        ):
            return False
    return True


def _may_write(tail: Tail, wanted: str) -> bool:
    """Whether what comes before the tail's known end may end in ``wanted``: anything may, unless a number comes
    right before it (see :attr:`Tail.number`): then ``wanted`` must be the end of the text known before the number
    followed by some characters a number writes."""
    if tail.number is None or not wanted:
        return True
    known, starts = tail.number
    for split in range(len(wanted) - 1, -1, -1):  # the number writes ``wanted[split:]``
        if wanted[split] not in _NUMBER_CHARACTERS:
            break
        rest = wanted[:split]
        if known.endswith(rest) or (not starts and rest.endswith(known)):
            return True
    return False


# -- Keras models ------------------------------------------------------------------------------------


def is_keras_model(ctx: Context, node: ast.expr, depth: int = 0) -> bool:
    """Whether an expression is certainly a Keras model: made by ``Sequential``/``Model``/``load_model``/
    an application, by a subclass of ``Model`` in this module, by a function of this module that only
    returns such models, or ``self.model`` in a Keras callback."""
    if depth > _MAX_DEPTH:
        return False
    values = module_values(ctx)
    node = value_of(ctx, node)
    if isinstance(node, ast.Attribute) and node.attr == "model":
        return _in_callback(ctx, node)
    if not isinstance(node, ast.Call):
        return False
    canonical = ctx.canonical(node.func)
    if canonical is not None:
        return canonical in MODEL_MAKERS or _is_application(canonical)
    if isinstance(node.func, ast.Name):
        binding = values.binding(node.func)
        made = None if binding is None else binding.value
        if isinstance(made, ast.ClassDef):
            return any(ctx.canonical(base) == "models.Model" for base in made.bases)
        if isinstance(made, (ast.FunctionDef, ast.AsyncFunctionDef)):
            return _returns_models(ctx, made, depth)
    return False


def _is_application(canonical: str) -> bool:
    parts = canonical.split(".")
    return parts[0] == "applications" and len(parts) in (2, 3) and parts[-1][:1].isupper()


def _returns_models(ctx: Context, function: Function, depth: int) -> bool:
    returns = [node.value for node in own_returns(function)]
    return bool(returns) and all(value is not None and is_keras_model(ctx, value, depth + 1) for value in returns)


def own_returns(function: Function) -> List[ast.Return]:
    """The ``return`` statements of a function, not those of functions or classes inside it."""
    return [node for node in _own_nodes(function) if isinstance(node, ast.Return)]


def _own_nodes(function: Function) -> Iterator[ast.AST]:
    """The nodes of a function's body, not those of functions or classes inside it."""
    stack: List[ast.AST] = list(function.body)
    while stack:
        node = stack.pop()
        yield node
        for child in child_nodes(node):
            if not isinstance(child, (*_FUNCTIONS, ast.ClassDef)):
                stack.append(child)


def _in_callback(ctx: Context, node: ast.Attribute) -> bool:
    """``self.model`` in a method of a class deriving from Keras's ``Callback``."""
    if not (isinstance(node.value, ast.Name) and node.value.id == "self"):
        return False
    return _is_callback_class(ctx, module_values(ctx).enclosing_class(node))


def _is_callback_class(ctx: Context, owner: Optional[ast.ClassDef]) -> bool:
    """A class deriving from one of Keras's callbacks."""
    return owner is not None and any((ctx.canonical(base) or "").startswith("callbacks.") for base in owner.bases)
