"""The branches a module takes by the Keras or TensorFlow version, and which of them never run on the target.

``if keras.__version__ < '2.2.5':`` (bert4keras's Keras 2.2 patches) is false on Keras 3.15.1: a finding in
its body is about code that never runs there (corpus triage 9). A version test is evaluated as Python does
(string comparison of the version strings: ``'2.15.0' < '2.2.5'`` is true), with the versions the targets were
checked on; everything else in a test is an unknown. A branch is dead when no values of those unknowns satisfy
the tests on the way to it (``if not flag or tf.__version__ < '1.15':`` … ``if not flag: … else:`` needs both
``not flag`` and ``flag`` on TF 2.x), so only versions decide it.
"""

from __future__ import annotations

import ast
from itertools import product
from typing import Callable, Dict, List, Optional, Tuple

from kerascheck.catalog.model import Target
from kerascheck.catalog.releases import KERAS3_CHECKED, TENSORFLOW_RELEASES

_KERAS3_BEHIND_TF_KERAS = "Keras 3 behind tf.keras"  # a fact told as a version: "true" or "false"
# Functions of other packages that test the Keras version, by what they test. keras-cv (keras_cv/src/backend/
# config.py): `keras_3()` returns `detect_if_tensorflow_uses_keras_3()`, true where `tensorflow.keras` has a
# `version()` starting with "3." -- false on TF 2.15.1 (corpus triage 9, proofs/proof3.py); on target keras3 it
# depends on TF_USE_LEGACY_KERAS, so it stays unknown there.
VERSION_FUNCTIONS: Dict[str, str] = {"keras_cv.src.backend.config.keras_3": _KERAS3_BEHIND_TF_KERAS}
# the texts of a module that may read one of those (a cheap gate before the parse of its tests)
VERSION_FUNCTION_TEXTS = tuple(sorted({f"{name.rpartition('.')[2]}()" for name in VERSION_FUNCTIONS}))

# the version strings a package may have on each target: a test is judged only where all of them agree
_VERSIONS: Dict[Target, Dict[str, Tuple[str, ...]]] = {
    # Keras 3.15.1, alone or with a TensorFlow >= 2.16 (whose tf.keras is Keras 3)
    Target.KERAS3: {
        "keras": (KERAS3_CHECKED,),
        "tensorflow": tuple(v for v in TENSORFLOW_RELEASES if tuple(map(int, v.split(".")[:2])) >= (2, 16)),
    },
    Target.TF_KERAS: {
        "keras": ("2.15.0",),
        "tensorflow": ("2.15.1",),  # TF 2.15.1 and the keras 2.15.0 it installs
        _KERAS3_BEHIND_TF_KERAS: ("false",),  # keras 2.15.0 has no keras.version()
    },
}
_MAX_UNKNOWNS = 6  # at most 2**6 assignments are tried for one branch
Span = Tuple[int, int, int, int]  # (line, col, end_line, end_col) as the ast counts
Value = Optional[bool]  # None: unknown
Versions = Dict[str, Tuple[str, ...]]


class _Unknown(Exception):
    """A test part that is neither a version nor a plain unknown (a call, arithmetic on the version, …)."""


def dead_spans(tree: ast.Module, target: Target, dotted) -> List[Span]:
    """The spans of the branches that never run on ``target``. ``dotted(node)`` is what a recorded chain stands for
    through the imports (``keras.__version__``), or None."""
    versions = _VERSIONS.get(target, {})
    bound: List[Dict[str, int]] = []  # the module's bindings, counted when an unknown first needs them
    reads: Dict[int, bool] = {}  # id(test) -> whether it reads a version (a test is on the path of each branch inside)

    def atom(node: ast.expr) -> str:
        """An unknown's identity: a name bound once in the module is one value wherever a test reads it; any
        other name or attribute may change between two tests, so each read is its own unknown."""
        if isinstance(node, ast.Name):
            if not bound:
                bound.append(_bindings(tree))
            if bound[0].get(node.id, 0) <= 1:
                return node.id
        return f"#{id(node)}"

    def versions_read(path: Tuple[Tuple[ast.expr, bool], ...]) -> bool:
        for test, _ in path:
            if id(test) not in reads:
                reads[id(test)] = any(
                    _version_of(node, dotted) is not None or _function_test(node, dotted) is not None
                    for node in ast.walk(test)
                )
            if reads[id(test)]:
                return True
        return False

    spans: List[Span] = []
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
                    if versions_read(inner) and not _satisfiable(inner, versions, dotted, atom):
                        spans.append((body[0].lineno, body[0].col_offset, _end(body)[0], _end(body)[1]))
                    else:
                        blocks.append((body, inner))
            else:
                for field in ("body", "orelse", "finalbody"):
                    inner_statements = getattr(statement, field, None)
                    if isinstance(inner_statements, list) and inner_statements:
                        blocks.append((inner_statements, path))
                for handler in getattr(statement, "handlers", []):
                    blocks.append((handler.body, path))
    return spans


def within(spans: List[Span], line: int, col: int) -> bool:
    """Whether a position (1-based line, 0-based column) lies in one of the spans."""
    return any((start, start_col) <= (line, col) <= (end, end_col) for start, start_col, end, end_col in spans)


def _end(body: List[ast.stmt]) -> Tuple[int, int]:
    last = body[-1]
    return (last.end_lineno or last.lineno, last.end_col_offset or 0)


def _version_of(node: ast.AST, dotted) -> Optional[str]:
    """The package whose version the node reads (``keras.__version__``), or None."""
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


def _bindings(tree: ast.Module) -> Dict[str, int]:
    """How many times the module binds each name (assignments, imports, definitions, parameters, loops)."""
    counts: Dict[str, int] = {}
    for node in ast.walk(tree):
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


def _satisfiable(path: Tuple[Tuple[ast.expr, bool], ...], versions: Versions, dotted, atom) -> bool:
    """Whether some values of the tests' unknowns make every test on the path come out as it must."""
    unknowns: Dict[str, int] = {}
    try:
        for test, _ in path:
            _collect(test, versions, dotted, unknowns, atom)
    except _Unknown:
        return True
    if len(unknowns) > _MAX_UNKNOWNS:
        return True
    for values in product((False, True), repeat=len(unknowns)):
        assignment = dict(zip(unknowns, values))
        if all(_truth(_value(test, versions, dotted, assignment, atom)) in (holds, None) for test, holds in path):
            return True
    return False


def _truth(value: Value) -> Optional[bool]:
    return None if value is None else bool(value)


def _collect(node: ast.expr, versions: Versions, dotted, unknowns: Dict[str, int], atom) -> None:
    """Record the plain unknowns of a test (names and attribute chains, by ``atom``); raise _Unknown for a part
    that cannot be judged as a truth value (a call, a subscript, arithmetic)."""
    if isinstance(node, ast.BoolOp):
        for value in node.values:
            _collect(value, versions, dotted, unknowns, atom)
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        _collect(node.operand, versions, dotted, unknowns, atom)
    elif _version_test(node, versions, dotted) is not _NOT_A_VERSION_TEST:
        return
    elif isinstance(node, (ast.Name, ast.Attribute)) and _version_of(node, dotted) is None:
        unknowns.setdefault(atom(node), len(unknowns))
    else:
        raise _Unknown


_NOT_A_VERSION_TEST = object()


def _version_test(node: ast.expr, versions: Versions, dotted) -> object:
    """The value of ``<pkg>.__version__ <op> '<text>'`` or ``<pkg>.__version__.startswith('<text>')`` on the target
    (None when the target has no known version of the package), or _NOT_A_VERSION_TEST."""
    if (
        isinstance(node, ast.Compare)
        and len(node.ops) == 1
        and isinstance(node.comparators[0], ast.Constant)
        and isinstance(node.comparators[0].value, str)
    ):
        package = _version_of(node.left, dotted)
        if package is None:
            return _NOT_A_VERSION_TEST
        other, op = node.comparators[0].value, type(node.ops[0])
        return _agreed(
            versions.get(package, ()), lambda version: _COMPARE[op](version, other) if op in _COMPARE else None
        )
    tested = _function_test(node, dotted)
    if tested is not None:
        return _agreed(versions.get(tested, ()), lambda value: value == "true")
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "startswith"
        and len(node.args) == 1
        and not node.keywords
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, str)
    ):
        package = _version_of(node.func.value, dotted)
        if package is None:
            return _NOT_A_VERSION_TEST
        prefix = node.args[0].value
        return _agreed(versions.get(package, ()), lambda version: version.startswith(prefix))
    return _NOT_A_VERSION_TEST


_COMPARE = {
    ast.Lt: lambda a, b: a < b,
    ast.LtE: lambda a, b: a <= b,
    ast.Gt: lambda a, b: a > b,
    ast.GtE: lambda a, b: a >= b,
    ast.Eq: lambda a, b: a == b,
    ast.NotEq: lambda a, b: a != b,
}


def _agreed(versions: Tuple[str, ...], test: Callable[[str], Optional[bool]]) -> Optional[bool]:
    """The test's value where every version the target may have gives the same one, else None."""
    values = {test(version) for version in versions}
    return values.pop() if len(values) == 1 else None


def _value(node: ast.expr, versions: Versions, dotted, assignment: Dict[str, bool], atom) -> Value:
    if isinstance(node, ast.BoolOp):
        values = [_truth(_value(value, versions, dotted, assignment, atom)) for value in node.values]
        if isinstance(node.op, ast.And):
            return False if False in values else (None if None in values else True)
        return True if True in values else (None if None in values else False)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        operand = _truth(_value(node.operand, versions, dotted, assignment, atom))
        return None if operand is None else not operand
    found = _version_test(node, versions, dotted)
    if found is not _NOT_A_VERSION_TEST:
        return found  # type: ignore[return-value]
    return assignment.get(atom(node))
