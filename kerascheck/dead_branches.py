"""The branches a module takes by the Keras or TensorFlow version, and which of them never run on the target.

``if keras.__version__ < '2.2.5':`` (bert4keras's Keras 2.2 patches) is false on Keras 3.15.1: a finding in
its body is about code that never runs there (corpus triage 9). A version test is evaluated as Python does
(string comparison of the version strings: ``'2.15.0' < '2.2.5'`` is true), with the versions the targets were
checked on; everything else in a test is an unknown. A branch is dead when no values of those unknowns satisfy
the tests on the way to it (``if not flag or tf.__version__ < '1.15':`` … ``if not flag: … else:`` needs both
``not flag`` and ``flag`` on TF 2.x), so only versions decide it.

What a test computes from a version is worked out too (probe 12): ``version.parse(keras.__version__) <
version.parse("2.3")`` compares releases as packaging does, ``int(keras.__version__.split(".")[0]) >= 3`` and
``(major, minor) < (2, 3)`` (names bound once to parts of the version) as Python does; and
``hasattr(keras, "ops")`` by the target's module tables, where the name is one Keras has and the target's module
has or lacks. Conditional expressions (``keras.ops.min(x) if hasattr(keras, "ops") else keras.backend.min(x)``)
are judged as ``if`` statements are.
"""

from __future__ import annotations

import ast
from itertools import product
from typing import Callable, Dict, List, Optional, Set, Tuple

from kerascheck import catalog
from kerascheck.catalog import modules
from kerascheck.catalog.model import Target
from kerascheck.catalog.releases import KERAS3_CHECKED, TENSORFLOW_RELEASES
from kerascheck.lazy import LazyPattern
from kerascheck.names import classify
from kerascheck.walk import every_node

_KERAS3_BEHIND_TF_KERAS = "Keras 3 behind tf.keras"  # a fact told as a version: "true" or "false"
# Functions of other packages that test the Keras version, by what they test. keras-cv (keras_cv/src/backend/
# config.py): `keras_3()` returns `detect_if_tensorflow_uses_keras_3()`, true where `tensorflow.keras` has a
# `version()` starting with "3." -- false on TF 2.15.1 (corpus triage 9, proofs/proof3.py); on target keras3 it
# depends on TF_USE_LEGACY_KERAS, so it stays unknown there.
VERSION_FUNCTIONS: Dict[str, str] = {"keras_cv.src.backend.config.keras_3": _KERAS3_BEHIND_TF_KERAS}
# the texts of a module that may read one of those (a cheap gate before the parse of its tests)
# The functions that name the backend Keras runs on (``K.backend() == "theano"``), told as a version: Keras 1 and 2
# code kept Theano and CNTK branches, which neither target can take (tf.keras runs on TensorFlow, Keras 3 on JAX,
# NumPy, TensorFlow or PyTorch; triage 13: KER111 in keras-vggface's `if K.backend() == 'theano':` branches).
_BACKEND = "Keras backend"
BACKEND_FUNCTIONS = frozenset(
    {"keras.backend.backend", "tensorflow.keras.backend.backend", "keras.config.backend", "tf_keras.backend.backend"}
)
VERSION_FUNCTION_TEXTS = tuple(sorted({f"{name.rpartition('.')[2]}()" for name in VERSION_FUNCTIONS} | {"backend()"}))

# the version strings a package may have on each target: a test is judged only where all of them agree
_VERSIONS: Dict[Target, Dict[str, Tuple[str, ...]]] = {
    # Keras 3.15.1, alone or with a TensorFlow >= 2.16 (whose tf.keras is Keras 3)
    Target.KERAS3: {
        "keras": (KERAS3_CHECKED,),
        "tensorflow": tuple(v for v in TENSORFLOW_RELEASES if tuple(map(int, v.split(".")[:2])) >= (2, 16)),
        _BACKEND: ("jax", "numpy", "tensorflow", "torch"),
    },
    Target.TF_KERAS: {
        "keras": ("2.15.0",),
        "tensorflow": ("2.15.1",),  # TF 2.15.1 and the keras 2.15.0 it installs
        _KERAS3_BEHIND_TF_KERAS: ("false",),  # keras 2.15.0 has no keras.version()
        _BACKEND: ("tensorflow",),
    },
}
_MAX_UNKNOWNS = 6  # at most 2**6 assignments are tried for one branch
Span = Tuple[int, int, int, int]  # (line, col, end_line, end_col) as the ast counts
Value = Optional[bool]  # None: unknown
Versions = Dict[str, Tuple[str, ...]]


class _Unknown(Exception):
    """A test part that is neither a version nor a plain unknown (a call, arithmetic on the version, …)."""


# Functions that parse a version string into a release compared part by part (packaging, setuptools, distutils).
_VERSION_PARSERS = frozenset(
    {
        "packaging.version.parse",
        "packaging.version.Version",
        "pkg_resources.parse_version",
        "distutils.version.LooseVersion",
        "distutils.version.StrictVersion",
        "looseversion.LooseVersion",
    }
)
# packaging's Version: ``release`` is the tuple of numbers (compared as tuples are), the others its first three
_RELEASE_PARTS: Dict[str, Callable] = {
    "release": tuple,
    "major": lambda release: (tuple(release) + (0, 0, 0))[0],
    "minor": lambda release: (tuple(release) + (0, 0, 0))[1],
    "micro": lambda release: (tuple(release) + (0, 0, 0))[2],
}
_STRING_METHODS = frozenset({"split", "strip", "lstrip", "rstrip", "startswith", "endswith", "replace"})
_CONVERSIONS: Dict[str, Callable] = {"int": int, "str": str, "tuple": tuple, "list": list, "float": float}
_MAX_HOPS = 8  # names followed from a test to what they were bound to
# ``hasattr(<a name or chain but self/cls>, "<name>")``: a question a module of Keras may answer
KERAS_HASATTR = LazyPattern(r"hasattr\(\s*(?!self\b|cls\b)([A-Za-z_]\w*)[\w.]*\s*,\s*[\"']")  # 1: the root
# what comes before ``hasattr(`` on its line in a conditional expression (``a if hasattr(keras, "ops") else b``)
_INLINE_IF = LazyPattern(r"\S\s+if\s+(?:not\s+)?$")


class _Release(tuple):
    """A parsed version of numbers only, compared as packaging compares releases: ``2.3 == 2.3.0``."""

    def _padded(self, other: object) -> Tuple[tuple, tuple]:
        if not isinstance(other, _Release):
            raise _Unknown
        width = max(len(self), len(other))
        return tuple(self) + (0,) * (width - len(self)), tuple(other) + (0,) * (width - len(other))

    def __lt__(self, other):
        mine, theirs = self._padded(other)
        return mine < theirs

    def __le__(self, other):
        mine, theirs = self._padded(other)
        return mine <= theirs

    def __gt__(self, other):
        mine, theirs = self._padded(other)
        return mine > theirs

    def __ge__(self, other):
        mine, theirs = self._padded(other)
        return mine >= theirs

    def __eq__(self, other):
        mine, theirs = self._padded(other)
        return mine == theirs

    def __ne__(self, other):
        mine, theirs = self._padded(other)
        return mine != theirs

    __hash__ = tuple.__hash__


def _release(text: object) -> _Release:
    if not isinstance(text, str) or not all(part.isdigit() for part in text.split(".")):
        raise _Unknown  # a pre-release or local version: not compared here
    return _Release(int(part) for part in text.split("."))


class _Judge:
    """What the tests of one module come to on the target: versions, what is computed from them, and
    ``hasattr`` of a Keras module."""

    def __init__(self, tree: ast.Module, target: Target, dotted, text: str, nodes: Callable[[], List[ast.AST]]) -> None:
        self.tree, self.target, self.dotted, self.nodes = tree, target, dotted, nodes
        self.names = "__version__" in text  # whether a name may hold what a version gives
        # the lines a test may be judged on, when no name can carry a version from elsewhere
        self.lines: Optional[Set[int]] = None if self.names else _lines_with(text, VERSION_FUNCTION_TEXTS)
        self.versions = _VERSIONS.get(target, {})
        self._counts: Optional[Dict[str, int]] = None
        self._values: Optional[Dict[str, Tuple[ast.expr, Optional[int]]]] = None
        self._reads: Dict[int, bool] = {}

    # -- the module's names ------------------------------------------------------------------------
    def counts(self) -> Dict[str, int]:
        if self._counts is None:
            self._counts = _bindings(self.nodes())
        return self._counts

    def bound_value(self, name: str) -> Optional[Tuple[ast.expr, Optional[int]]]:
        """What a name the module binds once was bound to, and its place when a tuple target unpacked it."""
        if self._values is None:
            counts = self.counts()
            values: Dict[str, Tuple[ast.expr, Optional[int]]] = {}
            for node in self.nodes():
                if not isinstance(node, ast.Assign) or len(node.targets) != 1:
                    continue
                target = node.targets[0]
                if isinstance(target, ast.Name) and counts.get(target.id) == 1:
                    values[target.id] = (node.value, None)
                elif isinstance(target, (ast.Tuple, ast.List)):
                    for index, item in enumerate(target.elts):
                        if isinstance(item, ast.Name) and counts.get(item.id) == 1:
                            values[item.id] = (node.value, index)
            self._values = values
        return self._values.get(name)

    def atom(self, node: ast.expr) -> str:
        """An unknown's identity: a name bound once in the module is one value wherever a test reads it; any
        other name or attribute may change between two tests, so each read is its own unknown."""
        if isinstance(node, ast.Name) and self.counts().get(node.id, 0) <= 1:
            return node.id
        return f"#{id(node)}"

    # -- what a test reads ---------------------------------------------------------------------------
    def reads(self, test: ast.expr) -> bool:
        """Whether the test reads a version or asks ``hasattr`` of a Keras module (directly or through names)."""
        if id(test) not in self._reads:
            lines = self.lines
            self._reads[id(test)] = (
                lines is None or any(line in lines for line in range(test.lineno, (test.end_lineno or test.lineno) + 1))
            ) and self._reads_in(test, _MAX_HOPS)
        return self._reads[id(test)]

    def reads_keras(self, test: ast.expr) -> bool:
        """Whether the test asks which Keras there is: reads its version (``keras.__version__``, ``keras_3()``) or asks
        ``hasattr`` of a Keras module (``hasattr(tf.keras, "version")``), directly or through names."""
        return self.reads(test) and self._reads_keras_in(test, _MAX_HOPS)

    def _reads_keras_in(self, test: ast.expr, hops: int) -> bool:
        for node in every_node(test):
            if _version_of(node, self.dotted) == "keras" or _function_test(node, self.dotted) is not None:
                return True
            if self._keras_hasattr(node) is not None:
                return True
            if hops and self.names and isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
                bound = self.bound_value(node.id)
                if bound is not None and self._reads_keras_in(bound[0], hops - 1):
                    return True
        return False

    def _reads_in(self, test: ast.expr, hops: int) -> bool:
        for node in every_node(test):
            if _version_of(node, self.dotted) is not None or _function_test(node, self.dotted) is not None:
                return True
            if self._keras_hasattr(node) is not None:
                return True
            if hops and self.names and isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
                bound = self.bound_value(node.id)
                if bound is not None and self._reads_in(bound[0], hops - 1):
                    return True
        return False

    def _keras_hasattr(self, node: ast.AST) -> Optional[Tuple[str, str]]:
        """``hasattr(<a Keras module>, "<name>")``: the module and the name, when the target's tables can say."""
        if not (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "hasattr"
            and len(node.args) == 2
            and not node.keywords
            and isinstance(node.args[0], (ast.Name, ast.Attribute))
            and isinstance(node.args[1], ast.Constant)
            and isinstance(node.args[1].value, str)
        ):
            return None
        name = node.args[1].value
        module = self.dotted(node.args[0])
        if not module or name.startswith("_") or name.startswith("__"):
            return None
        if self.target is Target.TF_KERAS and (module == "keras" or module.startswith("keras.")):
            module = f"tensorflow.{module}"  # keras 2.15.0, which TF 2.15 serves as tensorflow.keras
        if not modules.module_exists(module, self.target):
            return None
        return module, name

    # -- values ----------------------------------------------------------------------------------------
    def judged(self, node: ast.expr) -> object:
        """The test's value on the target (None when the target's versions disagree), or _NOT_A_VERSION_TEST."""
        asked = self._keras_hasattr(node)
        if asked is not None:
            return self._has(*asked)
        tested = _function_test(node, self.dotted)
        if tested is not None:
            return _agreed(self.versions.get(tested, ()), lambda value: value == "true")
        if not isinstance(node, (ast.Compare, ast.Call, ast.Name, ast.Subscript)) or not self.reads(node):
            return _NOT_A_VERSION_TEST
        if isinstance(node, ast.Name) and (not self.names or self.bound_value(node.id) is None):
            return _NOT_A_VERSION_TEST
        packages = sorted(self.versions)
        results = set()
        for chosen in product(*(self.versions[package] for package in packages)):
            try:
                results.add(bool(self._eval(node, dict(zip(packages, chosen)), _MAX_HOPS)))
            except (_Unknown, ArithmeticError, TypeError, ValueError, IndexError, AttributeError, KeyError):
                return _NOT_A_VERSION_TEST
        return results.pop() if len(results) == 1 else None

    def _has(self, module: str, name: str) -> Optional[bool]:
        if modules.has_name(f"{module}.{name}", self.target):
            return True
        # lacking: said only of a public name another Keras's same module has (``ops``), never of a name no table
        # lists (a private attribute, a submodule imported on the way)
        other = Target.TF_KERAS if self.target is Target.KERAS3 else Target.KERAS3
        twin = module
        if other is Target.KERAS3 and module.startswith("tensorflow.keras"):
            twin = module[len("tensorflow.") :]
        elif other is Target.TF_KERAS and (module == "keras" or module.startswith("keras.")):
            twin = f"tensorflow.{module}"  # the tf.keras tables name TF 2.15's package (held-out probe 15 FP-1)
        if modules.has_name(f"{twin}.{name}", other):
            return False
        # a name the catalog says the target lost (``hasattr(K, "set_image_dim_ordering")``, ``"get_session"``: Keras 1
        # and TF 1 names neither Keras has any more; held-out probe 20)
        reference = classify(f"{module}.{name}")
        if reference is not None and (self.target, catalog.canonical_name(reference)) in catalog.REMOVED_BY_TARGET:
            return False
        return None

    def _eval(self, node: ast.expr, world: Dict[str, str], hops: int, local: Optional[Dict[str, object]] = None):
        """The value of an expression computed from the versions in ``world``; _Unknown for anything else."""
        if isinstance(node, ast.Constant) and isinstance(node.value, (str, int, float)):
            return node.value
        package = _version_of(node, self.dotted)
        if package is not None:
            if package not in world:
                raise _Unknown
            return world[package]
        if isinstance(node, (ast.Tuple, ast.List)):
            return tuple(self._eval(item, world, hops, local) for item in node.elts)
        if isinstance(node, ast.Name):
            if local and node.id in local:
                return local[node.id]
            bound = self.bound_value(node.id) if hops and self.names else None
            if bound is None:
                raise _Unknown
            value = self._eval(bound[0], world, hops - 1)
            return value if bound[1] is None else tuple(value)[bound[1]]
        if isinstance(node, ast.Subscript):
            value, index = self._eval(node.value, world, hops, local), node.slice
            if isinstance(index, ast.Slice):
                parts = [
                    None if part is None else self._eval(part, world, hops, local)
                    for part in (index.lower, index.upper, index.step)
                ]
                return value[slice(*parts)]
            return value[self._eval(index, world, hops, local)]
        if isinstance(node, ast.Compare):
            left = self._eval(node.left, world, hops, local)
            for op, comparator in zip(node.ops, node.comparators):
                right = self._eval(comparator, world, hops, local)
                compare = _COMPARE.get(type(op))
                if compare is None or not compare(left, right):
                    if compare is None:
                        raise _Unknown
                    return False
                left = right
            return True
        if isinstance(node, (ast.GeneratorExp, ast.ListComp)) and len(node.generators) == 1:
            loop = node.generators[0]
            if loop.ifs or loop.is_async or not isinstance(loop.target, ast.Name):
                raise _Unknown
            items = self._eval(loop.iter, world, hops, local)
            return tuple(self._eval(node.elt, world, hops, {**(local or {}), loop.target.id: item}) for item in items)
        if isinstance(node, ast.Call) and not node.keywords:
            return self._call(node, world, hops, local)
        if isinstance(node, ast.Attribute) and node.attr in _RELEASE_PARTS:  # ``version.parse(…).release``
            parsed = self._eval(node.value, world, hops, local)
            if not isinstance(parsed, _Release):
                raise _Unknown
            return _RELEASE_PARTS[node.attr](parsed)
        raise _Unknown

    def _call(self, node: ast.Call, world: Dict[str, str], hops: int, local: Optional[Dict[str, object]]):
        func, args = node.func, node.args
        if isinstance(func, ast.Attribute) and func.attr in _STRING_METHODS:
            text = self._eval(func.value, world, hops, local)
            if not isinstance(text, str):
                raise _Unknown
            return getattr(text, func.attr)(*(self._eval(arg, world, hops, local) for arg in args))
        if isinstance(func, ast.Name) and func.id == "map" and len(args) == 2 and isinstance(args[0], ast.Name):
            convert = _CONVERSIONS.get(args[0].id)
            if convert is None:
                raise _Unknown
            return tuple(map(convert, self._eval(args[1], world, hops, local)))
        if isinstance(func, ast.Name) and func.id in _CONVERSIONS and len(args) == 1:
            return _CONVERSIONS[func.id](self._eval(args[0], world, hops, local))
        if len(args) == 1 and isinstance(func, (ast.Name, ast.Attribute)) and self.dotted(func) in _VERSION_PARSERS:
            return _release(self._eval(args[0], world, hops, local))
        raise _Unknown


def dead_spans(
    tree: ast.Module, target: Target, dotted, text: str, nodes: Optional[Callable[[], List[ast.AST]]] = None
) -> List[Span]:
    """The spans of the branches that never run on ``target``: see :func:`branch_spans`."""
    return branch_spans(tree, target, dotted, text, nodes)[0]


def branch_spans(
    tree: ast.Module, target: Target, dotted, text: str, nodes: Optional[Callable[[], List[ast.AST]]] = None
) -> Tuple[List[Span], List[Span]]:
    """The spans of the branches that never run on ``target``: bodies of ``if`` statements and parts of conditional
    expressions. ``dotted(node)`` is what a chain stands for through the imports (``keras.__version__``), or None;
    ``text`` the module's, whose words tell what is worth looking for; ``nodes()`` every node of the module (as
    :func:`every_node` lists them: the module's context keeps them for every rule that asks).

    Also the spans of the bodies of ``if`` statements that run on the target where a test of which Keras there is
    says so (``if hasattr(tf.keras, "version"): … else: from tf_keras import …``): code that picks the objects of the
    Keras it finds. (A test of the TensorFlow version alone says nothing of which Keras ``tf.keras`` is.) Returns
    (dead, Keras-gated)."""
    judge = _Judge(tree, target, dotted, text, nodes or (lambda: every_node(tree)))

    def dead(path: Tuple[Tuple[ast.expr, bool], ...]) -> bool:
        return any(judge.reads(test) for test, _ in path) and not _satisfiable(path, judge)

    spans: List[Span] = []
    gated: List[Span] = []
    # (statements, the tests on the way to them: (test, whether it holds))
    blocks: List[Tuple[List[ast.stmt], Tuple[Tuple[ast.expr, bool], ...]]] = [(tree.body, ())]
    while blocks:
        statements, path = blocks.pop()
        for statement in statements:
            if isinstance(statement, ast.If):
                for body, holds in ((statement.body, True), (statement.orelse, False)):
                    if not body:
                        continue
                    inner = path + ((statement.test, holds),)
                    span = (body[0].lineno, body[0].col_offset, _end(body)[0], _end(body)[1])
                    if dead(inner):
                        spans.append(span)
                    else:
                        blocks.append((body, inner))
                        if judge.reads_keras(statement.test):
                            gated.append(span)
                continue
            fields = _BLOCKS.get(type(statement))
            if fields is None:  # a simple statement
                continue
            for field in fields:
                inner_statements = getattr(statement, field)
                if inner_statements:
                    blocks.append((inner_statements, path))
            for handler in getattr(statement, "handlers", ()):
                blocks.append((handler.body, path))
    if not (judge.names or _inline_hasattr(text)):
        return spans, gated  # no conditional expression asks (one whose test starts on another line is kept whole)
    for node in judge.nodes():
        if isinstance(node, ast.IfExp) and judge.reads(node.test):
            for part, holds in ((node.body, True), (node.orelse, False)):
                if not _satisfiable(((node.test, holds),), judge):
                    spans.append(
                        (part.lineno, part.col_offset, part.end_lineno or part.lineno, part.end_col_offset or 0)
                    )
    return spans, gated


def _lines_with(text: str, words: Tuple[str, ...]) -> Set[int]:
    """The numbers of the lines that hold one of the words, or ask ``hasattr`` of a name (:data:`KERAS_HASATTR`)."""
    offsets = [match.start() for match in KERAS_HASATTR.finditer(text)]
    for word in words:
        at = text.find(word)
        while at >= 0:
            offsets.append(at)
            at = text.find(word, at + 1)
    found: Set[int] = set()
    line, counted = 1, 0
    for offset in sorted(offsets):  # lines counted once, from one offset to the next
        line += text.count("\n", counted, offset)
        counted = offset
        found.add(line)
    return found


def _inline_hasattr(text: str) -> bool:
    """Whether a conditional expression asks ``hasattr`` on one line (``a if hasattr(keras, "ops") else b``)."""
    at = text.find("hasattr(")
    while at >= 0:
        if _INLINE_IF.search(text, text.rfind("\n", 0, at) + 1, at):
            return True
        at = text.find("hasattr(", at + 1)
    return False


def within(spans: List[Span], line: int, col: int) -> bool:
    """Whether a position (1-based line, 0-based column) lies in one of the spans."""
    return any((start, start_col) <= (line, col) <= (end, end_col) for start, start_col, end, end_col in spans)


def _end(body: List[ast.stmt]) -> Tuple[int, int]:
    last = body[-1]
    return (last.end_lineno or last.lineno, last.end_col_offset or 0)


def _version_of(node: ast.AST, dotted) -> Optional[str]:
    """The package whose version the node reads (``keras.__version__``; the backend's name for ``K.backend()``),
    or None."""
    if isinstance(node, ast.Call):
        if not node.args and not node.keywords and isinstance(node.func, ast.Attribute):
            if dotted(node.func) in BACKEND_FUNCTIONS:
                return _BACKEND
        return None
    if isinstance(node, ast.Attribute) and node.attr == "__version__":
        name = dotted(node)
        if name in ("keras.__version__", "tensorflow.__version__"):
            return name.split(".")[0]
        if name is not None and name.endswith(".keras.__version__") and isinstance(node.value, ast.Name):
            return "keras"  # ``from mypackage.backend import keras`` (bert4keras): the Keras it imported
    return None


def _function_test(node: ast.AST, dotted) -> Optional[str]:
    """What a call of a Keras-version function of another package tests (``config.keras_3()``), or None."""
    if isinstance(node, ast.Call) and not node.args and not node.keywords and isinstance(node.func, ast.expr):
        return VERSION_FUNCTIONS.get(dotted(node.func) or "")
    return None


def _bindings(nodes: List[ast.AST]) -> Dict[str, int]:
    """How many times the module binds each name (assignments, imports, definitions, parameters, loops)."""
    counts: Dict[str, int] = {}
    for node in nodes:
        names: List[str] = []
        if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
            names = [node.id]
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names = [alias.asname or alias.name.split(".")[0] for alias in node.names]
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names = [node.name]
        elif isinstance(node, ast.arg):
            names = [node.arg]
        elif isinstance(node, (ast.Global, ast.Nonlocal)):
            names = list(node.names) * 2  # set elsewhere too
        for name in names:
            counts[name] = counts.get(name, 0) + 1
    return counts


def _satisfiable(path: Tuple[Tuple[ast.expr, bool], ...], judge: _Judge) -> bool:
    """Whether some values of the tests' unknowns make every test on the path come out as it must."""
    unknowns: Dict[str, int] = {}
    try:
        for test, _ in path:
            _collect(test, judge, unknowns)
    except _Unknown:
        return True
    if len(unknowns) > _MAX_UNKNOWNS:
        return True
    for values in product((False, True), repeat=len(unknowns)):
        assignment = dict(zip(unknowns, values))
        if all(_truth(_value(test, judge, assignment)) in (holds, None) for test, holds in path):
            return True
    return False


def _truth(value: Value) -> Optional[bool]:
    return None if value is None else bool(value)


def _collect(node: ast.expr, judge: _Judge, unknowns: Dict[str, int]) -> None:
    """Record the unknowns of a test (by ``atom``: a name bound once is one value, any other part its own); raise
    _Unknown for a version read whose value cannot be judged."""
    if isinstance(node, ast.BoolOp):
        for value in node.values:
            _collect(value, judge, unknowns)
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        _collect(node.operand, judge, unknowns)
    elif judge.judged(node) is not _NOT_A_VERSION_TEST:
        return
    elif _version_of(node, judge.dotted) is None:
        # any other test (a name, ``weights == "imagenet"``, a call) is true or false, each read on its own: an
        # unknown that may go either way (the branch it guards with a backend test is judged by that test)
        unknowns.setdefault(judge.atom(node), len(unknowns))
    else:
        raise _Unknown


_NOT_A_VERSION_TEST = object()
# the statement lists of each kind of compound statement (a ``match``'s cases are not followed)
_BLOCKS: Dict[type, Tuple[str, ...]] = {
    kind: tuple(field for field in ("body", "orelse", "finalbody") if field in kind._fields)
    for kind in (ast.For, ast.AsyncFor, ast.While, ast.With, ast.AsyncWith, ast.FunctionDef, ast.AsyncFunctionDef,
                 ast.ClassDef, ast.Try, *((ast.TryStar,) if hasattr(ast, "TryStar") else ()))
}  # fmt: skip

_COMPARE = {
    ast.Lt: lambda a, b: a < b,
    ast.LtE: lambda a, b: a <= b,
    ast.Gt: lambda a, b: a > b,
    ast.GtE: lambda a, b: a >= b,
    ast.Eq: lambda a, b: a == b,
    ast.NotEq: lambda a, b: a != b,
    ast.In: lambda a, b: a in b,
    ast.NotIn: lambda a, b: a not in b,
}


def _agreed(versions: Tuple[str, ...], test: Callable[[str], Optional[bool]]) -> Optional[bool]:
    """The test's value where every version the target may have gives the same one, else None."""
    values = {test(version) for version in versions}
    return values.pop() if len(values) == 1 else None


def _value(node: ast.expr, judge: _Judge, assignment: Dict[str, bool]) -> Value:
    if isinstance(node, ast.BoolOp):
        values = [_truth(_value(value, judge, assignment)) for value in node.values]
        if isinstance(node.op, ast.And):
            return False if False in values else (None if None in values else True)
        return True if True in values else (None if None in values else False)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        operand = _truth(_value(node.operand, judge, assignment))
        return None if operand is None else not operand
    found = judge.judged(node)
    if found is not _NOT_A_VERSION_TEST:
        return found  # type: ignore[return-value]
    return assignment.get(judge.atom(node))
