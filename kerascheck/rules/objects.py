"""Which expressions hold a Keras model, layer, optimizer, callback or metric: only from evidence.

Evidence is what the module shows: the result of a Keras constructor (``Dense(3)``, ``Sequential()``,
``Model(…)``), of a function that returns a model (``load_model``, ``clone_model``,
``keras.applications.*``), ``model.layers[i]``, ``model.get_layer(…)``, ``model.optimizer``,
``callback.model``, ``self`` in a class deriving from a Keras one, and a call of one of the module's
functions (``build_model()``) that ends in a ``return`` and returns such a value at each. A name is
typed in a scope only when every binding it has there is such a value (a parameter, a loop variable,
a ``global``, anything else leaves it untyped); a receiver it cannot type is never guessed at.
"""

from __future__ import annotations

import ast
import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from itertools import accumulate
from typing import (
    AbstractSet,
    Callable,
    Container,
    Dict,
    FrozenSet,
    Iterator,
    List,
    Mapping,
    Optional,
    Set,
    Tuple,
    Union,
)

from kerascheck import catalog
from kerascheck.catalog import api
from kerascheck.catalog.attributes import READ_ONLY_ATTRIBUTES
from kerascheck.catalog.model import Target
from kerascheck.catalog.training import TF1_OPTIMIZERS
from kerascheck.context import Context
from kerascheck.files import module_file
from kerascheck.lazy import LazyPattern
from kerascheck.names import TF_KERAS_PACKAGE, Reference, classify
from kerascheck.project_classes import file_module_name, parsed_module
from kerascheck.record import Record
from kerascheck.rules.base import module_text
from kerascheck.rules.calls import callee
from kerascheck.rules.values import module_values
from kerascheck.text import Lines
from kerascheck.walk import CHILDREN, chain_root, child_nodes, class_body_names

# Functions that return a model (keras 2.15.0 keras/api/_v2/keras/models; keras 3.15.1 keras/models,
# keras/saving): canonical names.
MODEL_FACTORIES = frozenset(
    {"models.load_model", "models.clone_model", "models.model_from_json", "models.model_from_config",
     "saving.load_model"}
)  # fmt: skip
MODEL_KINDS = ("Model", "Sequential")


class ObjectType(Record):
    kind: str  # a core class: api.CORE_KINDS
    classes: FrozenSet[str] = frozenset()  # the public classes it may be (empty: only the kind is known)
    own: FrozenSet[str] = frozenset()  # names a user's class defines itself (``self`` in a custom class)


Lookup = Callable[[str], Optional[ObjectType]]  # a plain name's type in the scope where it is read
Function = Union[ast.FunctionDef, ast.AsyncFunctionDef]


class TypedUse(Record):
    node: ast.Attribute  # ``receiver.name``
    type: ObjectType  # the receiver's
    call: Optional[ast.Call]  # the call when the attribute is called
    statement: Optional[ast.stmt]  # the statement when the call is one on its own
    assigned: bool = False  # ``receiver.name = …``: set without being read first (``+=`` reads it)


def typed_uses(ctx: Context, names: FrozenSet[str]) -> List[TypedUse]:
    """Every ``receiver.name`` read in the module, for ``name`` in ``names``, whose receiver is typed
    (worked out once per module and set of names)."""
    key = ("typed-uses", names)
    if key not in ctx.memo:
        found: List[TypedUse] = []
        # the text first: most modules write none of ``names`` after a dot, and then nothing is typed
        text = module_text(ctx)
        offsets = [match.start() for match in _attribute_pattern(names).finditer(text)]
        if offsets:
            classes = _keras_classes(ctx)
            candidates = _module_candidates(ctx)
            annotated = _declared_parameters(ctx, text, offsets, classes, candidates)
            members = _members(ctx, _member_words(text, offsets))
            declared = frozenset(name for types in annotated.values() for name in types)
            typed_members = frozenset(name for typed in members.values() for name in typed)
            named = _self_names(ctx, classes) | declared
            callers = _typing_callees(ctx)
            lines = _lines_at(
                ctx,
                [
                    offset
                    for offset in offsets
                    if _may_be_typed(text, offset, named, callers, candidates, _TYPED_ATTRIBUTES | typed_members)
                ],
            )
            if lines:
                module = _Scope(ctx, classes, found, None, None, ctx.tree.body, (), lines, candidates)
                module.members_of, module.names = members, names
                module.walk()
        ctx.memo[key] = found
    return ctx.memo[key]


def receiver_type(ctx: Context, attribute: ast.Attribute) -> Optional[ObjectType]:
    """The type of the receiver of ``receiver.name`` as :func:`typed_uses` types it (a parameter of a function every
    call of which the module passes a model), or None."""
    for use in typed_uses(ctx, frozenset({attribute.attr})):
        if use.node is attribute:
            return use.type
    return None


_DECLARED = ("objects", "declared parameters")


def _declared_parameters(
    ctx: Context, text: str, offsets: List[int], classes: Dict[int, ObjectType], candidates: Container[str]
) -> Dict[int, Dict[str, ObjectType]]:
    """id(def) -> {parameter: its type}: the annotated ones (see :func:`_annotated_parameters`), and those of the
    module's own functions that every call of them gives a Keras object of one type (see :func:`_passed_parameters`),
    when a receiver before one of the dots at ``offsets`` is named like such a parameter."""
    if _DECLARED not in ctx.memo:
        ctx.memo[_DECLARED] = dict(_annotated_parameters(ctx))
        ctx.memo[_DECLARED, "asked"] = set()
    found, asked = ctx.memo[_DECLARED], ctx.memo[_DECLARED, "asked"]
    functions = []
    receivers: Optional[List[Tuple[int, str]]] = None
    for node in ctx.tree.body:
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) or id(node) in asked:
            continue
        parameters = [argument.arg for argument in node.args.posonlyargs + node.args.args]
        if parameters:
            receivers = _receivers(ctx, text, offsets) if receivers is None else receivers
            if _reads_a_parameter(ctx, receivers, node, parameters):
                functions.append(node)
    if functions:
        asked.update(id(function) for function in functions)
        for function, types in _passed_parameters(ctx, functions, classes, candidates).items():
            found[function] = {**types, **found.get(function, {})}  # an annotation says more
    return found


def _dotted_before(text: str, at: int) -> Tuple[int, str]:
    """(where it starts, the dotted name) written right before ``at``, blanks between them skipped
    (``self.net`` before the dot of ``self.net.predict_proba``)."""
    end = at
    while end > 0 and text[end - 1] in " \t":
        end -= 1
    start = end
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_."):
        start -= 1
    return start, text[start:end]


def _receivers(ctx: Context, text: str, offsets: List[int]) -> List[Tuple[int, str]]:
    """(line, the first name of the dotted receiver written before the dot) for each of the dots at ``offsets`` (in
    order) that has one: ``net`` of ``net.predict_proba``, ``model`` of ``model.optimizer.beta_1``."""
    found: List[Tuple[int, str]] = []
    line, counted = 1, 0
    for dot in offsets:
        line += text.count("\n", counted, dot)
        counted = dot
        first = _dotted_before(text, dot)[1].split(".", 1)[0]
        if first:
            found.append((line, first))
    return found


def _reads_a_parameter(
    ctx: Context, receivers: List[Tuple[int, str]], function: Function, parameters: List[str]
) -> bool:
    """Whether a receiver in the function (see :func:`_receivers`) is one of its ``parameters`` (``opt.variables()``),
    or the variable of a loop in it over one (``for layer in net.layers: layer.output_shape``): only then may typing
    the parameters matter."""
    first, last = function.lineno, function.end_lineno or function.lineno
    index = bisect_left(receivers, (first, ""))
    words = set()
    while index < len(receivers) and receivers[index][0] <= last:
        words.add(receivers[index][1])
        index += 1
    if not words:
        return False
    if not words.isdisjoint(parameters):
        return True
    loops = _loops(ctx)
    index = bisect_left(loops, (first, "", ""))
    while index < len(loops) and loops[index][0] <= last:
        _, variable, iterated = loops[index]
        if variable in words and iterated in parameters:
            return True
        index += 1
    return False


def _loops(ctx: Context) -> List[Tuple[int, str, str]]:
    """(line, variable, first name of what it runs over) of each ``for`` loop the module's text shows plainly (``for
    layer in net.layers``, ``for i, layer in enumerate(net.layers)``), once per module."""
    key = ("objects", "loops")
    if key not in ctx.memo:
        text, found = ctx.text, []
        line, counted = 1, 0
        for match in _PLAIN_LOOP.finditer(text):  # (the literal first: the search skips to each `for`)
            start = match.start()
            if start and (text[start - 1].isalnum() or text[start - 1] == "_"):
                continue
            line += text.count("\n", counted, start)
            counted = start
            found.append((line, match.group(1), match.group(2)))
        ctx.memo[key] = found
    return ctx.memo[key]


_PLAIN_LOOP = re.compile(r"for\s+(?:\w+\s*,\s*)?(\w+)\s+in\s+(?:enumerate\(\s*)?(\w+)")


def _passed_parameters(
    ctx: Context, functions: List[Function], classes: Dict[int, ObjectType], candidates: Container[str]
) -> Dict[int, Dict[str, ObjectType]]:
    """id(def) -> {parameter: type} for the module's top-level functions (``def describe(net):``) that the module
    only calls (its text writes the name only in the ``def`` and before ``(``) and calls at least once, and the
    parameters that every such call gives, positionally or by keyword, an argument typed alike in the caller's scope
    (a ``Sequential(…)``, a model the module built, ``model.optimizer``), which the function never binds again. A call
    in a class, or in a lambda, comprehension or function nested in the caller, types nothing (its names may be
    others); the caller's own parameters are not typed in turn. What other modules pass is not known: the finding is
    then true of the module's own calls (held-out probes 19 and 20: ``describe(net)``, ``snapshot(model.optimizer)``).
    The text says where the calls are: only the top-level statements holding them are walked."""
    text = ctx.text
    by_name = {  # (called somewhere: its name before a parenthesis more often than in its def)
        function.name: function
        for function in functions
        if text.count(f"{function.name}(") > text.count(f"def {function.name}(")
    }
    if not by_name:
        return {}
    defined: Dict[str, int] = dict.fromkeys(by_name, 0)
    called: Dict[str, List[int]] = {name: [] for name in by_name}
    for name in by_name:  # each whole word `name` of the text (a C search for each: few are found)
        at = text.find(name)
        while at >= 0:
            end = at + len(name)
            line_start = text.rfind("\n", 0, at) + 1
            quoted = text[at - 1 : at] in ("'", '"') and text[end : end + 1] == text[at - 1 : at]
            if quoted or "#" in text[line_start:at]:
                pass  # the name in a string (`__all__ = ["describe"]`) or a comment: no use of the function
            elif not _word_char(text, at - 1) and not _word_char(text, end) and text[at - 1 : at] != ".":
                if _DEF.search(text, max(0, at - 12), at):
                    defined[name] += at not in _method_names_at(ctx, name)
                elif text[end : end + 16].lstrip(" \t")[:1] == "(":
                    called[name].append(at)
                else:
                    defined[name] += 2  # read otherwise (passed around, bound, in a string): nothing is sure
            at = text.find(name, end)
    names = {name for name in by_name if defined[name] == 1 and called[name]}
    if not names:
        return {}
    lines = _lines_at(ctx, sorted(offset for name in names for offset in called[name]))
    calls: Dict[str, List[Tuple[ast.Call, Optional[_Scope]]]] = {name: [] for name in names}
    scopes: Dict[int, _Scope] = {}
    for statement in _holding(ctx.tree.body, lines):
        if isinstance(statement, ast.ClassDef):
            owner = classes.get(id(statement))
            if owner is not None:  # a Keras class's methods: ``describe(self.model)`` in a callback
                for call, scope in _method_calls(ctx, statement, owner, names, classes, candidates, scopes):
                    calls[call.func.id].append((call, scope))  # type: ignore[attr-defined]
                continue
            first, last = statement.lineno, statement.end_lineno or statement.lineno  # another class's: nothing typed
            names -= {name for name in names if any(first <= line <= last for line in _lines_at(ctx, called[name]))}
            continue
        function = statement if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)) else None
        for call, nested in _calls_in(statement, names):
            scope = None if nested else _caller_scope(ctx, function, classes, candidates, scopes)
            calls[call.func.id].append((call, scope))  # type: ignore[attr-defined]
    found: Dict[int, Dict[str, ObjectType]] = {}
    for name in names:
        function, made = by_name[name], calls[name]  # (a call the text shows in a comment or a string is none)
        if not made:
            continue
        positional = [argument.arg for argument in function.args.posonlyargs + function.args.args]
        types: Dict[str, ObjectType] = {}
        for index, parameter in enumerate(positional):
            given = [(_argument(call, index, parameter), scope) for call, scope in made]
            typed = _unify(
                [
                    None if scope is None or argument is None else expression_type(ctx, argument, scope.lookup)
                    for argument, scope in given
                ]
            )
            if typed is not None:
                types[parameter] = typed
        types = _never_bound_again(function, types)
        if types:
            found[id(function)] = types
    return found


def _never_bound_again(function: Function, types: Dict[str, ObjectType]) -> Dict[str, ObjectType]:
    """The typed parameters the function never binds again (``net = wrap(net)`` makes it something else)."""
    if not types:
        return types
    rebound = {node.id for node in ast.walk(function) if type(node) is ast.Name and type(node.ctx) is not ast.Load}
    return {parameter: typed for parameter, typed in types.items() if parameter not in rebound}


def _word_char(text: str, at: int) -> bool:
    return 0 <= at < len(text) and (text[at].isalnum() or text[at] == "_")


_DEF = re.compile(r"\bdef\s+\Z")


def _holding(body: List[ast.stmt], lines: List[int]) -> Iterator[ast.stmt]:
    """The statements of ``body`` that hold one of the ``lines`` (in order)."""
    for statement in body:
        index = bisect_left(lines, statement.lineno)
        if index < len(lines) and lines[index] <= (statement.end_lineno or statement.lineno):
            yield statement


def _calls_in(statement: ast.stmt, names: AbstractSet[str]) -> Iterator[Tuple[ast.Call, bool]]:
    """The calls of ``names`` in a top-level statement, each with whether it stands in a scope nested in it (a def,
    class, lambda or comprehension), where the names the arguments read may be others."""
    stack: List[Tuple[ast.AST, bool]] = [(statement, False)]
    while stack:
        node, nested = stack.pop()
        if type(node) is ast.Call and type(node.func) is ast.Name and node.func.id in names:
            yield node, nested
        inner = nested or (node is not statement and isinstance(node, _INNER_SCOPES))
        for child in child_nodes(node):
            if child is not None:
                stack.append((child, inner))


_NAMED_BINDINGS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
_INNER_SCOPES = (*_NAMED_BINDINGS, ast.Lambda, ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)


def _argument(call: ast.Call, index: int, parameter: str) -> Optional[ast.expr]:
    """What ``call`` passes for a function's ``index``-th positional parameter, or None where it cannot be told."""
    if any(type(argument) is ast.Starred for argument in call.args[: index + 1]):
        return None
    if index < len(call.args):
        return call.args[index]
    for keyword in call.keywords:
        if keyword.arg == parameter:
            return keyword.value
    return None  # a default, or a ``**mapping``


def _method_calls(
    ctx: Context,
    klass: ast.ClassDef,
    owner: ObjectType,
    names: AbstractSet[str],
    classes: Dict[int, ObjectType],
    candidates: Container[str],
    scopes: Dict[int, _Scope],
) -> Iterator[Tuple[ast.Call, Optional[_Scope]]]:
    """The calls of ``names`` in a Keras class, each with the scope of the method it stands in, whose first parameter
    is the class's ``self`` (``self.model`` in a callback is the model it trains); None for a call in the class body
    or nested deeper, where nothing is typed."""
    module = _caller_scope(ctx, None, classes, candidates, scopes)
    typed_self = self_type(ctx, klass, owner)
    for statement in klass.body:
        method = statement if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)) else None
        parameters = _parameter_names(method) if method is not None else ()
        scope = None
        if method is not None and parameters and typed_self is not None and not _is_static(method):
            scope = _Scope(
                ctx, classes, [], module, (parameters[0], typed_self), method.body, parameters, [], candidates
            )
        for call, nested in _calls_in(statement, names):
            yield call, None if nested else scope


def _caller_scope(
    ctx: Context,
    function: Optional[Function],
    classes: Dict[int, ObjectType],
    candidates: Container[str],
    scopes: Dict[int, _Scope],
) -> _Scope:
    """The scope of the module or of a top-level function (whose parameters stay untyped), to type arguments in."""
    key = id(function) if function is not None else 0
    if key not in scopes:
        if 0 not in scopes:
            scopes[0] = _Scope(ctx, classes, [], None, None, ctx.tree.body, (), [], candidates)
        if function is not None:
            parameters = _parameter_names(function)
            scopes[key] = _Scope(ctx, classes, [], scopes[0], None, function.body, parameters, [], candidates)
    return scopes[key]


def _annotated_parameters(ctx: Context) -> Dict[int, Dict[str, ObjectType]]:
    """id(def) -> {parameter: its type} for the parameters of the module's functions and methods (top level, and
    in top-level classes) annotated with a Keras class (``def describe(model: Sequential):``) that the function
    never binds again: the author's declaration, as a type checker reads it."""
    key = ("objects", "annotated parameters")
    if key not in ctx.memo:
        found: Dict[int, Dict[str, ObjectType]] = {}
        functions = [node for node in ctx.tree.body if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))]
        for klass in ctx.tree.body:
            if isinstance(klass, ast.ClassDef):
                functions += [node for node in klass.body if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))]
        for function in functions:
            arguments = function.args.posonlyargs + function.args.args + function.args.kwonlyargs
            types = {
                argument.arg: typed
                for argument in arguments
                if argument.annotation is not None and (typed := _declared_type(ctx, argument.annotation)) is not None
            }
            types = _never_bound_again(function, types)
            if types:
                found[id(function)] = types
        ctx.memo[key] = found
    return ctx.memo[key]


def _declared_type(ctx: Context, annotation: ast.expr) -> Optional[ObjectType]:
    """The type an annotation names when it is a Keras class of the target (``keras.Model``, ``Sequential``)."""
    if not isinstance(annotation, (ast.Name, ast.Attribute)) or id(annotation) not in ctx.index.scope_of:
        return None
    reference = ctx.reference(annotation)
    if reference is None or not checked_against_target(ctx, reference):
        return None
    canonical = catalog.canonical_name(reference)
    kind = api.kind_of(ctx.target, canonical)
    return None if kind is None else ObjectType(kind, frozenset({canonical}))


def _may_be_typed(
    text: str,
    dot: int,
    receivers: AbstractSet[str],
    callees: Container[str] = frozenset(),
    candidates: Container[str] = frozenset(),
    attributes: AbstractSet[str] = frozenset(),
) -> bool:
    """Whether the receiver written before the dot at ``dot`` may be typed: a plain name in ``receivers`` or
    ``candidates``, an attribute (``cb.model``, ``self.net``) named in ``attributes`` (only those are ever typed: see
    :meth:`_Scope.lookup` and :func:`expression_type`), an item (``model.layers[0]``), a call whose callee's first
    name is in ``callees`` or which is a ``get_layer`` (only those calls are ever typed: see :func:`_call_type`), or
    what the text does not show plainly on that line."""
    end = dot
    while end > 0 and text[end - 1] in " \t":
        end -= 1
    if end and text[end - 1] == ")":
        callee = _callee_before(text, end - 1)
        if callee is None:
            return True
        return callee.split(".")[0].strip() in callees or callee.rpartition(".")[2].strip() == "get_layer"
    start = end
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
        start -= 1
    if start == end:  # no name: ``]``, a line break, a literal
        return True
    word = text[start:end]
    before = start
    while before > 0 and text[before - 1] in " \t":
        before -= 1
    if before and text[before - 1] == ".":
        return word in attributes
    return word in receivers or word in candidates


def _callee_before(text: str, close: int) -> Optional[str]:
    """The dotted name called by the call whose ``)`` is at ``close`` (``ops.add`` for ``ops.add(x, y)``), or None
    when the text does not show it plainly: another call's result called, a parenthesized expression, a string,
    comment or more than a few lines inside the parentheses."""
    depth, at, floor = 0, close, max(0, close - _CALL_TEXT)
    while at >= floor:
        char = text[at]
        if char == ")":
            depth += 1
        elif char == "(":
            depth -= 1
            if not depth:
                break
        elif char in "\"'#":
            return None
        at -= 1
    else:
        return None
    start, name = _dotted_before(text, at)
    before = start
    while before > 0 and text[before - 1] in " \t":
        before -= 1
    if not name or not (name[0].isalpha() or name[0] == "_") or name.endswith(".") or text[before - 1 : before] == ".":
        return None  # ``f(x)(y)``, ``(a or b)(x)``, ``x . f(y)``
    return name


_CALL_TEXT = 2000  # characters: a call's parentheses are read back no further


def _typing_callees(ctx: Context) -> Container[str]:
    """The first names of the callees whose calls may be typed: Keras's (and TF's) names, the module's own
    top-level functions, and the functions it imports from the project (see :func:`_call_type`)."""
    key = ("objects", "typing callees")
    if key not in ctx.memo:
        relevant = ctx.index.relevant
        if not isinstance(relevant, (set, frozenset)):
            ctx.memo[key] = relevant  # every name: after a star import of Keras
        else:
            own = {node.name for node in ctx.tree.body if isinstance(node, (ast.FunctionDef, ast.ClassDef))}
            ctx.memo[key] = _TypingCallees(ctx, frozenset(relevant) | own)
    return ctx.memo[key]


class _TypingCallees:
    """The names of :func:`_typing_callees`: the project's functions asked about one by one, as a receiver's text
    shows a call of one (finding a module's file costs a few ``stat`` calls, and most imported names are never
    called on a line that matters)."""

    def __init__(self, ctx: Context, known: FrozenSet[str]) -> None:
        self.ctx, self.known = ctx, known
        self.asked: Dict[str, bool] = {}

    def __contains__(self, name: object) -> bool:
        if not isinstance(name, str):
            return False
        if name in self.known:
            return True
        if self.ctx.path is None:
            return False
        if name not in self.asked:
            bindings = self.ctx.index.module_scope.bindings.get(name, [])
            self.asked[name] = len(bindings) == 1 and bindings[0].dotted is not None and _from_project(self.ctx, name)
        return self.asked[name]


def _self_names(ctx: Context, classes: Dict[int, ObjectType]) -> FrozenSet[str]:
    """The first parameter of each method of the module's Keras classes (``self``): typed in its method."""
    found = set()
    for node in ctx.index.classes:
        if id(node) in classes:
            for statement in node.body:
                if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    arguments = statement.args.posonlyargs + statement.args.args
                    if arguments:
                        found.add(arguments[0].arg)
    return frozenset(found)


def _member_words(text: str, offsets: List[int]) -> FrozenSet[str]:
    """The names written as ``self.<name>`` at the start of the receivers before the dots at ``offsets``
    (``self.net.predict_proba``, ``self.model.optimizer.lr``)."""
    words = set()
    for dot in offsets:
        parts = _dotted_before(text, dot)[1].split(".")
        if len(parts) >= 2 and parts[0] == "self" and parts[1]:
            words.add(parts[1])
    return frozenset(words)


def _members(ctx: Context, words: FrozenSet[str]) -> Dict[int, Dict[str, ObjectType]]:
    """id(class) -> {name: type} for the ``self.<name>`` among ``words`` that the class's methods bind only to Keras
    objects (``self.net = Sequential([…])`` in ``__init__``), with plain assignments that are the only ones the
    module's text writes of the name (no ``x.name = …`` elsewhere, no ``+=``, tuple, loop, ``with … as`` or ``del``):
    what every read of ``self.net`` in the class's methods finds (held-out probe 13, p14)."""
    text = module_text(ctx)
    if not words or "setattr(" in text or "delattr(" in text:
        return {}
    assigned = [
        node
        for node in ctx.index.assigns
        if len(node.targets) == 1
        and type(node.targets[0]) is ast.Attribute
        and node.targets[0].attr in words
        and type(node.targets[0].value) is ast.Name
        and node.targets[0].value.id == "self"
    ]
    if not assigned:
        return {}  # no ``self.<word> = …``: most modules
    found: Dict[int, Dict[str, ObjectType]] = {}
    for klass in ctx.index.classes:
        inside = [node for node in assigned if klass.lineno <= node.lineno <= (klass.end_lineno or 0)]
        if not inside:
            continue
        values: Dict[str, List[ast.expr]] = {}
        for node in inside:
            values.setdefault(node.targets[0].attr, []).append(node.value)  # type: ignore[attr-defined]
        own = class_body_names(klass)
        methods = {node.name: node for node in klass.body if type(node) is ast.FunctionDef and not node.decorator_list}
        typed = {}
        for name, bound in values.items():
            # ``self.<name> = …`` in the methods of another class, none of whose bases is this one's name: that
            # class's own objects (two agents that each hold a ``self.model``)
            theirs = len(
                [
                    node
                    for node in assigned
                    if node.targets[0].attr == name  # type: ignore[attr-defined]
                    and not klass.lineno <= node.lineno <= (klass.end_lineno or 0)
                    and _of_another_class(ctx, klass, node.lineno)
                ]
            )
            if name in own or _attribute_stores(text, name) != len(bound) + theirs:
                continue  # the class body binds it too, or the text sets it otherwise or elsewhere
            kind = _unify([_member_value_type(ctx, value, methods) for value in bound])
            if kind is not None:
                typed[name] = kind
        if typed:
            found[id(klass)] = typed
    return found


def _of_another_class(ctx: Context, klass: ast.ClassDef, line: int) -> bool:
    """Whether ``line`` stands in another class of the module (the innermost holding it), none of whose bases is
    ``klass``'s name."""
    found: Optional[ast.ClassDef] = None
    for other in ctx.index.classes:
        if other.lineno <= line <= (other.end_lineno or 0) and (found is None or other.lineno > found.lineno):
            found = other
    return found is not None and found is not klass and not any(chain_root(base) == klass.name for base in found.bases)


def _member_value_type(ctx: Context, value: ast.expr, methods: Dict[str, ast.FunctionDef]) -> Optional[ObjectType]:
    """The type of a value bound to ``self.<name>``: also what a method of the class returns, ``self.model =
    self._build_model()`` (the DQN agent of many tutorials), where the module defines no other method of that name
    (a subclass's would be called instead)."""
    func = value.func if type(value) is ast.Call else None
    if (
        type(func) is ast.Attribute
        and type(func.value) is ast.Name
        and func.value.id == "self"
        and func.attr in methods
        and _defined_once(module_text(ctx), func.attr)
    ):
        method = methods[func.attr]
        key = ("objects", "method returns", id(method))
        if key not in ctx.memo:
            ctx.memo[key] = None  # while its returns are worked out: a recursive call is untyped
            ctx.memo[key] = _returns_of(ctx, method, 1)
        return ctx.memo[key]
    return expression_type(ctx, value, _untyped)


def _defined_once(text: str, name: str) -> bool:
    import re  # here: only a member bound by a method's result needs it

    return len(re.findall(rf"\bdef[ \t]+{re.escape(name)}[ \t]*\(", text)) == 1


def _attribute_stores(text: str, name: str) -> int:
    """How many times the text sets an attribute ``name`` (``x.name = …``, ``x.name += …``, ``x.name: T = …``,
    also in a tuple); -1 where it binds one otherwise (a loop over it, ``with … as x.name``, ``del x.name``)."""
    import re  # here: only a module that reads a member of ``self`` needs it

    stores = 0
    for match in re.finditer(rf"\.[ \t]*{re.escape(name)}\b", text):  # starts at a literal: cheap
        if _STORE_AFTER.match(text, match.end()):
            stores += 1
            continue
        before = text[text.rfind("\n", 0, match.start()) + 1 : match.start()]
        if _DELETED_OR_WITH.search(before) or (_LOOP.search(before) and _LOOP_TARGET_END.match(text, match.end())):
            return -1
    return stores


_STORE_AFTER = LazyPattern(r"[ \t]*(?::[^=\n]*)?(?:[-+*/%@&|^]|//|\*\*|>>|<<)?=(?!=)")
_DELETED_OR_WITH = LazyPattern(r"^[ \t]*del\b|\bas[ \t]+\w+$")
_LOOP = LazyPattern(r"\bfor\b")
_LOOP_TARGET_END = LazyPattern(r"[ \t]*(?:,[^\n]*?)?[ \t]in\b")


def _untyped(name: str) -> Optional[ObjectType]:
    return None


def _lines_at(ctx: Context, offsets: List[int]) -> List[int]:
    """The lines of the text's ``offsets`` (in order), once each: only their statements are looked at,
    and only scopes holding one are worked out."""
    if not offsets:
        return []
    found: List[int] = []
    text = ctx.text
    if "\r" not in text:  # lines end at "\n" only: count them, without splitting the text
        line, counted = 1, 0
        for offset in offsets:
            line += text.count("\n", counted, offset)
            counted = offset
            if not found or found[-1] != line:
                found.append(line)
        return found
    ends = list(accumulate(map(len, ctx.lines)))  # where each line ends (the next one starts)
    for offset in offsets:
        line = bisect_right(ends, offset) + 1
        if not found or found[-1] != line:
            found.append(line)
    return found


@lru_cache(maxsize=8)
def _attribute_pattern(names: FrozenSet[str]):
    import re

    return re.compile(r"\.[ \t]*" + _trie(sorted(names)) + r"\b")


def _trie(words: List[str]) -> str:
    """A regular expression matching any of ``words`` (sorted), shared prefixes factored out: ``re``
    tries alternatives one by one, and a trie lets it drop most at the first letter."""
    import re

    groups: Dict[str, List[str]] = {}
    ends = False
    for word in words:
        if word:
            groups.setdefault(word[0], []).append(word[1:])
        else:
            ends = True
    branches = [re.escape(first) + _trie(rest) for first, rest in groups.items()]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 and not ends else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if ends else body


def _looks_typed(ctx: Context, value: ast.expr) -> bool:
    return isinstance(value, ast.Call) and _call_type(ctx, value, lambda name: None) is not None


def _module_candidates(ctx: Context) -> _Candidates:
    """:class:`_Candidates`, once per module."""
    key = ("objects", "candidates")
    if key not in ctx.memo:
        ctx.memo[key] = _Candidates(ctx)
    return ctx.memo[key]


class _Candidates:
    """The names some ``name = value`` of the module may type (see :func:`_may_type`): no other name is ever looked
    up. Each name's values are judged when the name is first asked about: a module assigns many names, and typing a
    receiver asks about few of them."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.values: Dict[str, List[ast.expr]] = {}
        values = self.values
        for node in ctx.index.assigns:
            if len(node.targets) != 1:
                continue
            target = node.targets[0]
            if type(target) is ast.Name:
                values.setdefault(target.id, []).append(node.value)
            elif type(target) in _SEQUENCES and (pairs := _unpacked_pairs(node)) is not None:  # ``m1, m2 = …, …``
                for name, part in pairs:
                    values.setdefault(name, []).append(part)
        # ``for layer in model.layers:`` (the walk keeps no loops)
        self.judged: Dict[str, bool] = dict.fromkeys(_layer_loop_names(module_text(ctx)), True)

    def __contains__(self, name: object) -> bool:
        if not isinstance(name, str):
            return False
        judged = self.judged.get(name)
        if judged is None:
            self.judged[name] = False  # while it is judged: a value that reads it again
            scope_of = self.ctx.index.scope_of
            judged = self.judged[name] = any(
                _may_type(self.ctx, value, scope_of) for value in self.values.get(name, ())
            )
        return judged


def _may_type(ctx: Context, value: ast.expr, scope_of: Mapping[int, object]) -> bool:
    """Whether a value bound to a name may give it a type (see :func:`_candidates`)."""
    if type(value) is ast.Call:
        func = value.func
        if type(func) is ast.Attribute and func.attr == "get_layer":
            return True
        if id(func) in scope_of and _looks_typed(ctx, value):  # a call of a Keras name
            return True
        # ``model = build_model()``, ``model = MyModel()``
        return type(func) is ast.Name and (
            _module_function(ctx, func.id) is not None
            or _instance_type(ctx, func.id) is not None
            or _imported_function_type(ctx, func.id, 0) is not None
        )
    if type(value) is ast.Attribute:
        return value.attr in _TYPED_ATTRIBUTES
    return type(value) is ast.Subscript and type(value.value) is ast.Attribute and value.value.attr == "layers"


def _layer_loop_names(text: str) -> List[str]:
    """The loop variables of ``for … in ….layers`` loops, read on the lines that write ``.layers`` only: a
    loop is on one line, and the pattern, tried at every position of a whole module, cost more than the
    rest of this rule."""
    names: List[str] = []
    pattern = _layer_loop_pattern()
    found = text.find(".layers")
    while found != -1:
        start, end = text.rfind("\n", 0, found) + 1, text.find("\n", found)
        end = len(text) if end == -1 else end
        names += [match.group(1) or match.group(2) for match in pattern.finditer(text, start, end)]
        found = text.find(".layers", end)
    return names


# ``for layer in model.layers``, ``for i, layer in enumerate(model.layers[1:])``: the loop variable's name.
_LAYER_LOOP_TEXT = (
    r"\bfor[ \t]+(?:(\w+)|\(?[ \t]*\w+[ \t]*,[ \t]*(\w+)[ \t]*\)?)[ \t]+in[ \t]+(?:enumerate\()?[\w.()\[\]]*\.layers\b"
)


_TYPED_ATTRIBUTES = frozenset({"optimizer", "model"})
_SEQUENCES = (ast.Tuple, ast.List)


@lru_cache(maxsize=1)
def _layer_loop_pattern():
    import re

    return re.compile(_LAYER_LOOP_TEXT)


def _unify(types: List[Optional[ObjectType]]) -> Optional[ObjectType]:
    known = [t for t in types if t is not None]
    if not types or len(known) != len(types):
        return None
    kinds = {t.kind for t in known}
    if len(kinds) > 1:
        if kinds <= set(MODEL_KINDS):
            kinds = {"Model"}
        else:
            return None
    classes = frozenset().union(*(t.classes for t in known)) if all(t.classes for t in known) else frozenset()
    return ObjectType(kinds.pop(), classes, frozenset().union(*(t.own for t in known)))


def _call_type(ctx: Context, call: ast.Call, lookup: Lookup, depth: int = 0) -> Optional[ObjectType]:
    func = call.func
    if isinstance(func, ast.Attribute):
        receiver = expression_type(ctx, func.value, lookup, depth)
        if receiver is not None:
            if func.attr == "get_layer" and receiver.kind in MODEL_KINDS:
                return ObjectType("Layer")
            return None
    if type(func) is ast.Name:
        made = _instance_type(ctx, func.id)  # the module's class: kept as a chain too where any name may be Keras's
        if made is not None or id(func) not in ctx.index.scope_of:
            return made or _returned_type(ctx, func.id, depth)
    if not isinstance(func, (ast.Name, ast.Attribute)) or id(func) not in ctx.index.scope_of:
        return None
    target = callee(ctx, call)
    if target is None or target.reference is None or not checked_against_target(ctx, target.reference):
        return None
    if target.reference.dotted.startswith(_TF1_OPTIMIZERS):
        return None  # TF 2.15's legacy optimizers (run: `keras.src.optimizers.legacy.adam`), whose API no table has
    canonical = catalog.canonical_name(target.reference)
    kind = api.kind_of(ctx.target, canonical)
    if kind is not None:
        return ObjectType(kind, frozenset({canonical}))
    if canonical in MODEL_FACTORIES or _is_application(canonical):
        return ObjectType("Model")
    return None


# -- the module's own functions that return a Keras object ------------------------------------------------
def _module_function(ctx: Context, name: str) -> Optional[ast.FunctionDef]:
    """The module's top-level function ``name`` if it may return a Keras object (it ends in returning a
    name, a call, an attribute or an item, and calls some Keras callable or another such function) and
    nothing else binds its name: a call of the name is then a call of the function everywhere in the
    module. The text shows it: the name is written once after ``def`` and otherwise only before ``(`` (a
    parameter, an assignment, an import, a second ``def`` or a mention in a comment leave it out)."""
    key = ("objects", "function", name)
    if key not in ctx.memo:
        ctx.memo[key] = None  # while it is worked out: a recursive function is left out
        functions = ctx.memo.get(("objects", "functions"))
        if functions is None:
            functions = ctx.memo[("objects", "functions")] = {
                node.name: node for node in ctx.tree.body if type(node) is ast.FunctionDef and not node.decorator_list
            }
        node = functions.get(name)
        if (
            node is not None
            and _may_return_keras(ctx, node)
            and _only_called(module_text(ctx), name, methods=_method_names_at(ctx, name))
        ):
            ctx.memo[key] = node
    return ctx.memo[key]


def _may_return_keras(ctx: Context, node: ast.FunctionDef) -> bool:
    """Whether the function ends in returning what may be a Keras object: a call of a Keras callable (not
    of its result: a layer's output), of another such function of the module, ``….optimizer``,
    ``….layers[i]``, or a name the function binds to one of those."""
    last = node.body[-1]
    if type(last) is not ast.Return or last.value is None:
        return False
    value = last.value
    if type(value) is not ast.Name:
        return _may_be_keras_object(ctx, value)
    for statement in _statements(node.body):
        if type(statement) is ast.Assign and len(statement.targets) == 1:
            target = statement.targets[0]
            if type(target) is ast.Name and target.id == value.id and _may_be_keras_object(ctx, statement.value):
                return True
    return False


def _may_be_keras_object(ctx: Context, value: ast.expr) -> bool:
    if isinstance(value, ast.Call):
        func = value.func
        if id(func) in ctx.index.scope_of:  # a Keras name's
            return True
        return isinstance(func, ast.Name) and (
            _module_function(ctx, func.id) is not None or _instance_type(ctx, func.id) is not None
        )
    if isinstance(value, ast.Attribute):
        return value.attr in _TYPED_ATTRIBUTES
    return isinstance(value, ast.Subscript) and isinstance(value.value, ast.Attribute) and value.value.attr == "layers"


def _only_called(text: str, name: str, binder: str = "def", methods: AbstractSet[int] = frozenset()) -> bool:
    """Whether ``name`` is written once after ``def`` (with ``binder="import"``: in an import, ``from m import a,
    name``) and otherwise only called or passed as a keyword's value (``KerasClassifier(build_fn=build_model)``):
    nothing else binds it. A method's ``def`` at one of the offsets ``methods`` (see :func:`_method_names_at`) binds
    the name in its class only."""
    definitions = 0
    size, start = len(name), text.find(name)
    while start != -1:
        end = start + size
        if (start and (text[start - 1].isalnum() or text[start - 1] in "_.")) or (
            end < len(text) and (text[end].isalnum() or text[end] == "_")
        ):
            start = text.find(name, end)
            continue  # a part of another word
        line_start = text.rfind("\n", 0, start) + 1
        if start in methods:
            pass
        elif binder == "def" and text[max(0, start - 4) : start] == "def ":
            definitions += 1
        elif binder == "import" and re.match(r"[ \t]*(?:from[ \t]+[\w.]+[ \t]+)?import[ \t]", text[line_start:start]):
            definitions += 1
        else:
            while end < len(text) and text[end] in " \t":
                end += 1
            if end == len(text) or text[end] != "(":
                before = start
                while before > 0 and text[before - 1] in " \t":
                    before -= 1
                if not (before > 0 and text[before - 1] == "=" and text[end : end + 1] in (",", ")")):
                    return False
        start = text.find(name, end)
    return definitions == 1


def _method_names_at(ctx: Context, name: str) -> FrozenSet[int]:
    """The text offsets of the name in each ``def name`` that is a method of a class (``def build(self, shape):``)
    whose body reads ``name`` nowhere but in its methods: that ``def`` binds the name in the class's namespace, which
    no function's body reads, so a call of ``name`` elsewhere in the module still calls the module's function."""
    key = ("objects", "methods named", name)
    if key in ctx.memo:
        return ctx.memo[key]
    offsets = []
    starts: Optional[List[int]] = None
    for node in ctx.index.classes:
        named = [
            each
            for each in node.body
            if isinstance(each, (ast.FunctionDef, ast.AsyncFunctionDef)) and each.name == name
        ]
        if not named or _class_level_reads(node, name):
            continue
        if starts is None:
            starts = [0, *accumulate(map(len, ctx.lines))]
        for method in named:
            line = method.lineno - 1
            if line < len(ctx.lines):
                keyword = "async def " if isinstance(method, ast.AsyncFunctionDef) else "def "
                at = ctx.lines[line].find(name, method.col_offset + len(keyword))
                if at >= 0:
                    offsets.append(starts[line] + at)
    found = ctx.memo[key] = frozenset(offsets)
    return found


_SHARING = re.compile(r"\b(?:global|nonlocal)[ \t]+\w+(?:[ \t]*,[ \t]*\w+)*[ \t\r]*(?:$|[;#])", re.M)


def _shares(text: str) -> bool:
    """Whether the text shows a ``global`` or ``nonlocal`` statement (a line, or its part after ``:`` or ``;``, that
    is only the word and names): most modules have none, and then the tree is not walked for one."""
    if "global " not in text and "nonlocal " not in text and "global\t" not in text and "nonlocal\t" not in text:
        return False
    for match in _SHARING.finditer(text):
        before = text[text.rfind("\n", 0, match.start()) + 1 : match.start()].rstrip(" \t")
        if not before or before[-1] in ":;":
            return True
    return False


def _declared_shared(ctx: Context) -> FrozenSet[str]:
    """The names some function of the module declares ``global`` or ``nonlocal`` (rules/values.py records them; its
    walk is asked for only where the text shows such a statement)."""
    key = ("objects", "global")
    if key not in ctx.memo:
        shared: FrozenSet[str] = frozenset()
        if _shares(module_text(ctx)):
            shared = frozenset(name for names in module_values(ctx).globals.values() for name in names)
        ctx.memo[key] = shared
    return ctx.memo[key]


def _class_level_reads(node: ast.ClassDef, name: str) -> bool:
    """Whether the class's own statements (its decorators, bases and body, not its methods' bodies) name ``name``."""
    outside: List[ast.AST] = [*node.decorator_list, *node.bases, *node.keywords]
    for statement in node.body:
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)):
            arguments = statement.args
            outside += [*statement.decorator_list, *arguments.defaults, *filter(None, arguments.kw_defaults)]
        else:
            outside.append(statement)
    return any(type(each) is ast.Name and each.id == name for part in outside for each in ast.walk(part))


def _instance_type(ctx: Context, name: str) -> Optional[ObjectType]:
    """The type of an instance of the module's top-level class ``name`` that derives from a Keras class
    (``model = MyModel()``): its ``self``'s, less the names the class defines, when nothing else in the module binds
    the name."""
    key = ("objects", "instance", name)
    if key not in ctx.memo:
        ctx.memo[key] = None
        node = next(
            (
                each
                for each in ctx.tree.body
                if type(each) is ast.ClassDef and each.name == name and not each.decorator_list
            ),
            None,
        )
        found = None if node is None else _keras_classes(ctx).get(id(node))
        if node is not None and found is not None and _bound_once_as_class(module_text(ctx), name):
            ctx.memo[key] = self_type(ctx, node, found)
    return ctx.memo[key]


def _bound_once_as_class(text: str, name: str) -> bool:
    """Whether ``name`` is written once after ``class`` and never where it would be bound again: before ``=``, after
    ``def``, ``as``, ``import``, ``for``, ``global`` or ``nonlocal``."""
    classes = 0
    for match in re.finditer(rf"(?<![\w.]){re.escape(name)}(?!\w)", text):
        start, end = match.start(), match.end()
        before = text[max(0, start - 9) : start].rstrip(" \t")
        if text[max(0, start - 6) : start] == "class ":
            classes += 1
            continue
        if before.endswith(_BINDING_WORDS):
            return False
        after = text[end : end + 4].lstrip(" \t")
        if (after.startswith("=") and not after.startswith("==")) or after.startswith(":="):
            return False
    return classes == 1


_BINDING_WORDS = ("def", " as", "import", "for", "global", "nonlocal")


def _returned_type(ctx: Context, name: str, depth: int) -> Optional[ObjectType]:
    """The type of what a call of the module's function ``name`` returns: known when its body ends in a
    ``return`` and each of its ``return`` statements returns a value of one known type (a generator or a
    bare ``return`` never is). Also for a function the module imports from another module of the project (``from
    src.factory import get_model``), read in that module's file."""
    node = _module_function(ctx, name)
    if node is None:
        return _imported_function_type(ctx, name, depth)
    key = ("objects", "returns", name)
    if key not in ctx.memo:
        ctx.memo[key] = None  # while its returns are worked out: a recursive call is untyped
        ctx.memo[key] = _returns_of(ctx, node, depth)
    return ctx.memo[key]


def _imported_function_type(ctx: Context, name: str, depth: int) -> Optional[ObjectType]:
    """What a call of ``name`` returns, where ``name`` is only bound by one import, at the module's top level, of a
    function of another module of the project, and is otherwise only called (see :func:`_only_called`)."""
    key = ("objects", "imported function", name)
    if key not in ctx.memo:
        ctx.memo[key] = None
        imported = _project_import(ctx, name)
        if imported is not None and _only_called(module_text(ctx), name, "import"):
            other = _project_context(ctx, imported[0])
            if other is not None:
                ctx.memo[key] = _returned_type(other, imported[1], depth + 1)
    return ctx.memo[key]


def _project_import(ctx: Context, name: str) -> Optional[Tuple[str, str]]:
    """(module, function) for a name the module binds once, at its top level, by importing it from a module that is
    not Keras's nor TensorFlow's; None otherwise."""
    if ctx.path is None:
        return None
    bindings = ctx.index.module_scope.bindings.get(name, [])
    if len(bindings) != 1 or bindings[0].dotted is None or bindings[0].guarded:
        return None
    module, _, function = bindings[0].dotted.rpartition(".")
    if not module or classify(module) is not None or classify(bindings[0].dotted) is not None:
        return None
    return module, function


def _from_project(ctx: Context, name: str) -> bool:
    """Whether ``name`` is imported as :func:`_imported_function_type` types it, from a module whose file is found
    (``ov_opset.constant(x).output(0)``: openvino's, not the project's, is never typed)."""
    imported = _project_import(ctx, name)
    return imported is not None and module_file(imported[0], ctx.path or "", ctx.index.module_name) is not None


_CONTEXTS: Dict[Tuple[str, str, Target], Optional[Context]] = {}  # the project's modules read, per process
_MAX_CONTEXTS = 32


def _project_context(ctx: Context, module: str) -> Optional[Context]:
    """The context of another module of the project, as the module at ``ctx.path`` imports it, or None when its file
    cannot be found, read or parsed."""
    assert ctx.path is not None
    found = module_file(module, ctx.path, ctx.index.module_name)
    if found is None:
        return None
    key = (found, module, ctx.target)
    if key not in _CONTEXTS:
        if len(_CONTEXTS) >= _MAX_CONTEXTS:
            _CONTEXTS.clear()
        _CONTEXTS[key] = None  # unreadable, or being read (modules that import each other's functions)
        source = parsed_module(found)
        if source is None:
            return None
        text, tree = source
        _CONTEXTS[key] = Context(tree, Lines(text), ctx.settings, file_module_name(module, found), path=found)
    return _CONTEXTS[key]


def _module_scope(ctx: Context) -> _Scope:
    """The module's top-level scope, for typing expressions outside any typed use (worked out once)."""
    module = ctx.memo.get(("objects", "module scope"))
    if module is None:
        module = _Scope(ctx, _keras_classes(ctx), [], None, None, ctx.tree.body, (), [], _module_candidates(ctx))
        ctx.memo[("objects", "module scope")] = module
    return module


def nests_a_model(ctx: Context) -> bool:
    """Whether the module may put a model inside another: a model (a name or call the module types as one, an
    application) in the list given to ``Sequential``, passed to ``.add``, or called on a symbolic tensor (``x =
    base(inputs)`` after ``inputs = keras.Input(…)``: a functional model). An item of such a model's ``layers`` may
    then be a model, which keeps names a plain layer lost (``model.layers[0].output_shape`` of a nested MobileNetV2
    runs on Keras 3.15.1: held-out probe 19)."""
    key = ("objects", "nests a model")
    if key not in ctx.memo:
        ctx.memo[key] = _nests_a_model(ctx)
    return bool(ctx.memo[key])


def _nests_a_model(ctx: Context) -> bool:
    lookup = _module_scope(ctx).lookup

    def is_model(node: ast.expr) -> bool:
        typed = expression_type(ctx, node, lookup)
        return typed is not None and typed.kind in MODEL_KINDS

    tensors = _symbolic_tensor_names(ctx)
    for node in ctx.nodes:
        if not isinstance(node, ast.Call) or not node.args:
            continue
        func, first = node.func, node.args[0]
        if isinstance(func, ast.Attribute) and func.attr == "add" and len(node.args) == 1:
            if is_model(first):
                return True
        elif isinstance(first, ast.Name) and first.id in tensors and isinstance(func, (ast.Name, ast.Attribute)):
            if is_model(func):
                return True  # ``base(inputs)``: the model becomes a layer of the functional one
        elif isinstance(first, (ast.List, ast.Tuple)) and is_model(node):
            if any(is_model(item) for item in first.elts):
                return True  # ``Sequential([base, …])``
    return False


def _symbolic_tensor_names(ctx: Context) -> Set[str]:
    """The names the module binds to symbolic tensors only, as its plain assignments show: each one is ``Input(…)``,
    a layer called at once (``Dense(2)(x)``) or a call on such a name (``x = augment(inputs)``); a name also bound to
    data (``x = preprocess_image(path)``) is none."""
    values: Dict[str, List[ast.expr]] = {}
    for node in ctx.index.assigns:
        for target in node.targets:
            if type(target) is ast.Name:
                values.setdefault(target.id, []).append(node.value)
    found = {name for name, bound in values.items() if any(_makes_tensor(value, None) for value in bound)}
    changed = True
    while changed:  # the greatest set each of whose names only ever gets tensors
        kept = {name for name in found if all(_makes_tensor(value, found) for value in values[name])}
        changed, found = kept != found, kept
    return found


def _makes_tensor(value: ast.expr, tensors: Optional[Set[str]]) -> bool:
    """``Input(…)`` or ``Dense(2)(x)``; with ``tensors``, also a call whose first argument is one of them."""
    if type(value) is not ast.Call:
        return False
    func = value.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
    if name == "Input" or type(func) is ast.Call:
        return True
    first = value.args[0] if value.args else None
    return tensors is not None and type(first) is ast.Name and first.id in tensors


def _returns_of(ctx: Context, node: ast.FunctionDef, depth: int) -> Optional[ObjectType]:
    if not node.body or type(node.body[-1]) is not ast.Return:
        return None
    values: List[ast.expr] = []
    for statement in _statements(node.body):
        if type(statement) is ast.Return:
            if statement.value is None:
                return None
            values.append(statement.value)
        if not isinstance(statement, _NESTED) and _yields(statement):
            return None
    candidates = _module_candidates(ctx)
    classes = _keras_classes(ctx)
    module = _module_scope(ctx)
    scope = _Scope(ctx, classes, [], module, None, node.body, _parameter_names(node), [], candidates)
    return _unify([expression_type(ctx, value, scope.lookup, depth) for value in values])


def _yields(statement: ast.stmt) -> bool:
    """Whether the statement (not its nested blocks, functions or lambdas) yields: the function is a generator."""
    stack: List[Optional[ast.AST]] = list(_own_parts(statement))
    while stack:
        inner = stack.pop()
        if isinstance(inner, (ast.Yield, ast.YieldFrom)):
            return True
        if inner is not None and type(inner) not in _SKIPPED:
            stack += child_nodes(inner)
    return False


def checked_against_target(ctx: Context, reference: Reference) -> bool:
    """Whether a Keras object's API is the target's: not one of the tf_keras package (Keras 2, kept for
    TF >= 2.16) on the keras3 target, whose objects keep tf.keras 2's methods and keywords."""
    return not (ctx.target is Target.KERAS3 and reference.implementation == TF_KERAS_PACKAGE)


def _is_application(canonical: str) -> bool:
    parts = canonical.split(".")
    return parts[0] == "applications" and len(parts) >= 2 and parts[-1][:1].isupper()


_MAX_DEPTH = 12  # ``a.b.c…``: an object is never typed through more steps than this
_TF1_OPTIMIZERS = f"{TF1_OPTIMIZERS}."  # `tf.compat.v1.keras.optimizers.Adam`: a legacy optimizer


def expression_type(ctx: Context, node: ast.expr, lookup: Lookup, depth: int = 0) -> Optional[ObjectType]:
    """The type of an expression, with ``lookup(name)`` giving a plain name's."""
    if depth > _MAX_DEPTH:
        return None
    depth += 1
    if isinstance(node, ast.Name):
        return lookup(node.id)
    if isinstance(node, ast.Call):
        return _call_type(ctx, node, lookup, depth)
    if isinstance(node, ast.Attribute):
        if isinstance(node.value, ast.Name):
            member = lookup(f"{node.value.id}.{node.attr}")  # ``self.net``: see _members
            if member is not None:
                return member
        receiver = expression_type(ctx, node.value, lookup, depth)
        if receiver is None or node.attr in receiver.own:
            return None
        if node.attr == "optimizer" and receiver.kind in MODEL_KINDS:
            return None if _compiles_foreign_optimizer(ctx) else ObjectType("Optimizer")
        if node.attr == "model" and receiver.kind == "Callback":
            return ObjectType("Model")
        return None
    if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Attribute) and node.value.attr == "layers":
        owner = expression_type(ctx, node.value.value, lookup, depth)
        if owner is not None and owner.kind in MODEL_KINDS and "layers" not in owner.own:
            return ObjectType("Layer")
    return None


def _compiles_foreign_optimizer(ctx: Context) -> bool:
    """Whether some ``compile`` of the module is given an optimizer made by a callable not Keras's own
    (``optimizer=lq.optimizers.CaseOptimizer(…)``, larq's, built on the legacy optimizers): a model's ``optimizer``
    may then be of a class no table knows (corpus triage 12 FP-C)."""
    key = ("objects", "foreign optimizer")
    if key not in ctx.memo:
        from kerascheck.rules.calls import argument, callee  # here: read only when a module types an optimizer

        foreign = False
        for call in ctx.index.calls:
            if not (isinstance(call.func, ast.Attribute) and call.func.attr == "compile"):
                continue
            given = argument(call, 0, "optimizer")
            made = callee(ctx, given) if isinstance(given, ast.Call) else None
            if isinstance(given, ast.Call) and (made is None or made.reference is None):
                foreign = True
                break
        ctx.memo[key] = foreign
    return ctx.memo[key]


# -- classes deriving from Keras ------------------------------------------------------------------------
def keras_classes(ctx: Context) -> List[Tuple[ast.ClassDef, ObjectType]]:
    """The module's classes that derive from Keras ones, each with the type of ``self`` in its methods."""
    found = _keras_classes(ctx)
    return [(node, found[id(node)]) for node in ctx.index.classes if id(node) in found]


def _keras_classes(ctx: Context) -> Dict[int, ObjectType]:
    """id(class) -> the type of ``self`` in its methods, for classes that derive from Keras ones only
    (through Keras bases and the module's own such classes); worked out once per module."""
    key = ("objects", "keras classes")
    if key not in ctx.memo:
        ctx.memo[key] = _classes_of_keras(ctx)
    return ctx.memo[key]


def _classes_of_keras(ctx: Context) -> Dict[int, ObjectType]:
    by_name = {node.name: node for node in ctx.index.classes}
    found: Dict[int, ObjectType] = {}
    for node in ctx.index.classes:
        kind = _class_type(ctx, node, by_name, set())
        if kind is not None:
            found[id(node)] = kind
    return found


def _class_type(
    ctx: Context, node: ast.ClassDef, by_name: Dict[str, ast.ClassDef], seen: Set[str]
) -> Optional[ObjectType]:
    if node.name in seen or not node.bases or node.keywords:
        return None
    seen.add(node.name)
    types = []
    for base in node.bases:
        if isinstance(base, ast.Name) and base.id in by_name:
            types.append(_class_type(ctx, by_name[base.id], by_name, seen))
            continue
        reference = ctx.reference(base) if id(base) in ctx.index.scope_of else None
        canonical = None if reference is None else catalog.canonical_name(reference)
        if reference is not None and not checked_against_target(ctx, reference):
            canonical = None  # a tf_keras class on Keras 3: not the target's API
        kind = None if canonical is None else api.kind_of(ctx.target, canonical)
        types.append(None if canonical is None or kind is None else ObjectType(kind, frozenset({canonical})))
    return _unify(types)


def self_type(ctx: Context, node: ast.ClassDef, found: ObjectType) -> Optional[ObjectType]:
    """The type of ``self`` in the class: its Keras type, less the names it and its bases in the module
    define (None when it defines ``__getattr__``)."""
    key = ("self-type", id(node))
    if key not in ctx.memo:
        by_name = {each.name: each for each in ctx.index.classes}
        own, pending, seen = set(), [node], set()
        while pending:
            current = pending.pop()
            if current.name in seen:
                continue
            seen.add(current.name)
            own |= _defined_names(current, READ_ONLY_ATTRIBUTES[ctx.target])
            pending += [by_name[b.id] for b in current.bases if isinstance(b, ast.Name) and b.id in by_name]
        typed = None if own & {"__getattr__", "__getattribute__"} else found._replace(own=frozenset(own))
        ctx.memo[key] = typed
    return ctx.memo[key]


def _defined_names(node: ast.ClassDef, read_only: FrozenSet[str]) -> set:
    """What the class body binds, and the attributes its methods store on ``self``."""
    names = class_body_names(node)
    stack: list = [node]  # every node below the class (a faster ast.walk: explicit stack, no generators)
    while stack:
        inner = stack.pop()
        kind = type(inner)
        if kind is ast.Attribute:
            if type(inner.ctx) is not ast.Load and type(inner.value) is ast.Name and inner.value.id == "self":
                if inner.attr not in read_only:  # storing one raises on the target: it stays Keras's
                    names.add(inner.attr)  # ``self.x = …``, ``del self.x``
        elif kind is ast.Call and type(inner.func) is ast.Name and inner.func.id == "setattr":
            names.add("*")  # setattr(self, name, …): anything may be defined
        children = CHILDREN.get(kind)
        if children is None:
            continue
        value = children[1](inner)
        for child in (value,) if children[0] else value:
            if type(child) is list:
                stack += child
            elif child is not None:
                stack.append(child)
    return names


# -- scopes ---------------------------------------------------------------------------------------------
_NESTED = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
_OTHER_SCOPES = (ast.Lambda, ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)


class _Scope:
    """One function, class body or module: its names' types (worked out only when asked), and the
    typed uses on the interesting ``lines`` in it."""

    def __init__(
        self,
        ctx: Context,
        classes: Dict[int, ObjectType],  # id(class) -> its type, for the module's Keras classes
        found: List[TypedUse],  # where the typed uses go
        parent: Optional[_Scope],
        self_type: Optional[Tuple[str, ObjectType]],  # a method's first parameter, typed
        body: List[ast.stmt],
        parameters: Tuple[str, ...],
        lines: List[int],
        candidates: Container[str],
    ) -> None:
        self.ctx, self.classes, self.found, self.parent = ctx, classes, found, parent
        self.body, self.parameters, self.lines, self.candidates = body, parameters, lines, candidates
        self.is_class = False
        self.owner: Optional[ObjectType] = None  # a class scope: the type of ``self`` in its methods
        # id(class) -> its typed ``self.<name>`` (see _members), shared by every scope of the module; a class
        # scope's own; a method's: its first parameter and the class's
        self.members_of: Dict[int, Dict[str, ObjectType]] = parent.members_of if parent is not None else {}
        # the attribute names asked about, shared by every scope of the module (see typed_uses)
        self.names: FrozenSet[str] = parent.names if parent is not None else frozenset()
        self.members: Dict[str, ObjectType] = {}
        self.self_name: Optional[str] = None
        self.values: Optional[Dict[str, List[Optional[ast.expr]]]] = None
        self.types: Dict[str, Optional[ObjectType]] = {}
        self.fixed: Dict[str, ObjectType] = {} if self_type is None else {self_type[0]: self_type[1]}

    def lookup(self, name: str) -> Optional[ObjectType]:
        """A plain name's type, or with ``self.name`` a typed member's (see :func:`_members`)."""
        if "." in name:
            return self._member(*name.split(".", 1))
        scope: Optional[_Scope] = self
        while scope is not None:
            if name in scope.fixed:
                return scope.fixed[name]  # ``self`` of a method of a Keras class
            if name in scope.parameters:
                return None
            if name in self.candidates:  # no other name is ever typed: no need to read the bindings
                if name in scope._settle():
                    return scope.types.get(name)
            scope = scope.parent
            while scope is not None and scope.is_class:
                scope = scope.parent
        return None

    def _member(self, first: str, name: str) -> Optional[ObjectType]:
        scope: Optional[_Scope] = self
        while scope is not None and not scope.is_class:
            if scope.self_name == first:
                return scope.members.get(name)
            if first in scope.parameters:
                return None  # another parameter of that name, in a function nested in the method
            scope = scope.parent
        return None

    def _holds_line(self, node: ast.stmt) -> bool:
        decorators = getattr(node, "decorator_list", None)
        first = decorators[0].lineno if decorators else node.lineno
        index = bisect_left(self.lines, first)
        return index < len(self.lines) and self.lines[index] <= (node.end_lineno or node.lineno)

    def walk(self) -> None:
        for statement in _statements(self.body):
            if not self._holds_line(statement):
                continue
            if isinstance(statement, _NESTED):
                for part in statement.decorator_list + (statement.bases if isinstance(statement, ast.ClassDef) else []):
                    self._uses(part, None)
                if isinstance(statement, ast.ClassDef):
                    inner = _Scope(
                        self.ctx, self.classes, self.found, self, None, statement.body, (), self.lines, self.candidates
                    )
                    inner.is_class = True
                    inner.members = self.members_of.get(id(statement), {})
                    inner.owner = self.classes.get(id(statement))
                    if inner.owner is not None:
                        inner.owner = self_type(self.ctx, statement, inner.owner)
                    inner.walk()
                else:
                    self._function(statement)
                continue
            for own in _own_parts(statement):
                self._uses(own, statement)

    def _function(self, node: Function) -> None:
        names = _parameter_names(node)
        typed_self = None
        if self.is_class and self.owner is not None and names and not _is_static(node):
            typed_self = (names[0], self.owner)
        inner = _Scope(
            self.ctx, self.classes, self.found, self, typed_self, node.body, names, self.lines, self.candidates
        )
        inner.fixed.update(self.ctx.memo[_DECLARED].get(id(node), {}))
        if self.is_class and self.members and names and not _is_static(node):
            inner.self_name, inner.members = names[0], self.members
        inner.walk()

    def _settle(self) -> Dict[str, List[Optional[ast.expr]]]:
        """Collect the scope's bindings and type its names, once, when first asked: the bindings."""
        if self.values is not None:
            return self.values
        values: Dict[str, List[Optional[ast.expr]]] = {}
        self.values = values
        for statement in _statements(self.body):
            if isinstance(statement, _NESTED):
                values.setdefault(statement.name, []).append(None)
            else:
                _bindings(statement, values)
        for name in _declared_shared(self.ctx):  # a function may bind it again, whenever it is called
            if name in values:
                values[name].append(None)
        pending = {name: found for name, found in values.items() if name in self.candidates}
        for name in pending:
            self.types[name] = None
        for _ in range(3):  # ``opt = model.optimizer`` after ``model = Sequential()``: a few rounds
            changed = False
            for name, found in pending.items():
                known = [value for value in found if value is not None]
                if len(known) != len(found):
                    continue
                typed = _unify([expression_type(self.ctx, value, self.lookup) for value in known])
                if typed != self.types.get(name):
                    changed = True
                self.types[name] = typed
            if not changed:
                break
        return values

    def _uses(self, root: ast.AST, statement: Optional[ast.stmt]) -> None:
        calls: Dict[int, ast.Call] = {}
        stack = [root]
        while stack:
            node = stack.pop()
            kind = type(node)
            if kind in _SKIPPED:
                if kind in _COMPREHENSIONS:
                    self._layer_comprehension(node, statement)
                continue  # their own scopes (comprehension variables may shadow)
            if type(node) is ast.Call:
                calls[id(node.func)] = node
            elif type(node) is ast.Attribute and node.attr in self.names and type(node.ctx) is not ast.Del:
                line = node.end_lineno or node.lineno
                index = bisect_left(self.lines, line)
                if index < len(self.lines) and self.lines[index] == line:
                    found = expression_type(self.ctx, node.value, self.lookup)
                    if found is not None and node.attr not in found.own and "*" not in found.own:
                        call = calls.get(id(node))
                        alone = statement if (type(statement) is ast.Expr and statement.value is call) else None
                        assigned = type(node.ctx) is ast.Store and not (
                            type(statement) is ast.AugAssign and statement.target is node
                        )
                        self.found.append(TypedUse(node, found, call, alone, assigned))
            children = CHILDREN.get(kind)
            if children is None:
                continue
            value = children[1](node)
            if children[0]:
                value = (value,)
            for child in value:
                if type(child) is list:
                    stack += child
                elif child is not None:
                    stack.append(child)

    def _layer_comprehension(self, node: ast.AST, statement: Optional[ast.stmt]) -> None:
        """``[layer.output_shape for layer in model.layers]``: the first loop's iterable, read where the
        comprehension stands; and one loop over a typed model's layers, its variable typed as the loop's is (see
        :func:`_layer_loop`) in the comprehension's own scope."""
        generators = getattr(node, "generators", [])
        if generators:
            self._uses(generators[0].iter, statement)  # evaluated where the comprehension stands
        if len(generators) != 1 or generators[0].is_async:
            return
        generator = generators[0]
        loop = _layer_loop(ast.For(target=generator.target, iter=generator.iter, body=[], orelse=[]))
        if loop is None:
            return
        element = expression_type(self.ctx, loop[1], self.lookup)
        if element is None:
            return
        inner = _Scope(
            self.ctx, self.classes, self.found, self, (loop[0], element), [], (), self.lines, self.candidates
        )
        for part in [getattr(node, name, None) for name in ("elt", "key", "value")] + list(generator.ifs):
            if part is not None:
                inner._uses(part, statement)


def _parameter_names(node: Function) -> Tuple[str, ...]:
    arguments = node.args
    names = tuple(a.arg for a in arguments.posonlyargs + arguments.args + arguments.kwonlyargs)
    return names + tuple(a.arg for a in (arguments.vararg, arguments.kwarg) if a is not None)


def _layer_loop(statement: ast.For) -> Optional[Tuple[str, ast.Subscript]]:
    """(the loop variable, an element of the list) for ``for layer in model.layers`` (also a slice of
    it, and ``for i, layer in enumerate(…)``), or None: ``model.layers[0]`` has the element's type."""
    target, iterated = statement.target, statement.iter
    if (
        type(iterated) is ast.Call
        and type(iterated.func) is ast.Name
        and iterated.func.id == "enumerate"
        and len(iterated.args) == 1
        and not iterated.keywords
        and type(target) is ast.Tuple
        and len(target.elts) == 2
    ):
        iterated, target = iterated.args[0], target.elts[1]
    if type(iterated) is ast.Subscript and type(iterated.slice) is ast.Slice:
        iterated = iterated.value
    if type(target) is not ast.Name or type(iterated) is not ast.Attribute or iterated.attr != "layers":
        return None
    element = ast.Subscript(value=iterated, slice=ast.Constant(0), ctx=ast.Load())
    return target.id, element


def _unpacked_pairs(statement: ast.stmt) -> Optional[List[Tuple[str, ast.expr]]]:
    """(name, value) of each item of ``a, b = x, y`` (as many plain names as values, no starred item), else None."""
    if not (type(statement) is ast.Assign and len(statement.targets) == 1):
        return None
    target, value = statement.targets[0], statement.value
    if not (isinstance(target, (ast.Tuple, ast.List)) and isinstance(value, (ast.Tuple, ast.List))):
        return None
    names = [item.id for item in target.elts if isinstance(item, ast.Name)]
    if len(names) != len(target.elts) or len(names) != len(value.elts):
        return None
    if any(type(item) is ast.Starred for item in value.elts):
        return None
    return list(zip(names, value.elts))


def _bindings(statement: ast.stmt, values: Dict[str, List[Optional[ast.expr]]]) -> None:
    """Record what one statement (not the blocks in it) binds: a plain ``name = value``, a loop over a
    model's layers, or anything."""
    if type(statement) is ast.Assign and len(statement.targets) == 1 and type(statement.targets[0]) is ast.Name:
        values.setdefault(statement.targets[0].id, []).append(statement.value)
        stack: List[ast.AST] = [statement.value]
    elif (pairs := _unpacked_pairs(statement)) is not None:  # ``m1, m2 = make(), make()``
        for name, value in pairs:
            values.setdefault(name, []).append(value)
        stack = [value for _, value in pairs]
    elif type(statement) is ast.For and (loop := _layer_loop(statement)) is not None:
        values.setdefault(loop[0], []).append(loop[1])
        target = statement.target
        stack = [statement.iter, *([target.elts[0]] if type(target) is ast.Tuple else [])]
    else:
        stack = _own_parts(statement)
    while stack:
        node = stack.pop()
        if type(node) is ast.Name:
            if type(node.ctx) is not ast.Load:
                values.setdefault(node.id, []).append(None)
            continue
        kind = type(node)
        if isinstance(node, (ast.Global, ast.Nonlocal)):
            for name in node.names:
                values.setdefault(name, []).append(None)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                values.setdefault((alias.asname or alias.name).split(".")[0], []).append(None)
        children = CHILDREN.get(kind)
        if children is None:
            continue
        value = children[1](node)
        for child in (value,) if children[0] else value:
            if type(child) is list:
                stack += child
            elif child is not None:
                stack.append(child)


_SKIPPED = frozenset(_NESTED + _OTHER_SCOPES)
_COMPREHENSIONS = frozenset({ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp})


_BLOCKS = frozenset({"body", "orelse", "finalbody", "handlers", "cases"})


def _own_parts(statement: ast.stmt) -> List[ast.AST]:
    """A statement without the blocks nested in it: itself when simple, its header when compound."""
    kind = type(statement)
    if kind in _SIMPLE:
        return [statement]
    fields = _HEADER_FIELDS.get(kind)
    if fields is None:
        fields = _HEADER_FIELDS[kind] = tuple(name for name in kind._fields if name not in _BLOCKS)
    parts: List[ast.AST] = []
    for name in fields:
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


_HEADER_FIELDS: Dict[type, Tuple[str, ...]] = {}  # a compound statement's fields outside its blocks, by kind


def _statements(body: List[ast.stmt]) -> Iterator[ast.stmt]:
    """The statements of a block and of the blocks nested in it (not in functions or classes), in source order."""
    pending = [iter(body)]
    while pending:
        for statement in pending[-1]:
            yield statement
            kind = type(statement)
            if kind in _SIMPLE or kind in _NESTED_KINDS:
                continue
            inner: List[List[ast.stmt]] = []
            for name in ("body", "orelse", "finalbody"):
                block = getattr(statement, name, None)
                if isinstance(block, list):
                    inner.append(block)
            inner += [handler.body for handler in getattr(statement, "handlers", ())]
            inner += [case.body for case in getattr(statement, "cases", ())]
            pending += [iter(block) for block in reversed(inner)]
            break
        else:
            pending.pop()


_NESTED_KINDS = frozenset(_NESTED)
# statements with no block inside them: most
_SIMPLE = frozenset(
    kind for kind in vars(ast).values()
    if isinstance(kind, type) and issubclass(kind, ast.stmt) and kind is not ast.stmt
    and not any(name in _BLOCKS for name in kind._fields)
)  # fmt: skip


def _is_static(node: Function) -> bool:
    return any(isinstance(d, ast.Name) and d.id in ("staticmethod", "classmethod") for d in node.decorator_list)
