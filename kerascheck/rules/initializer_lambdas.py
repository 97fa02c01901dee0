"""KER116: a Keras 1 initializer function wrapped in a lambda, ``init=lambda shape, name: normal(shape,
scale=s, name=name)``, rewritten as the initializer object that draws the same values:
``RandomNormal(stddev=s)``.

Keras 1 called ``init(shape, name=…)``; Keras 2 and 3 call ``initializer(shape, dtype=…)``, and their
``normal`` is the class ``RandomNormal``, so the lambda fails on the target. The function's name leaves
its import for the classes, in one unit with every lambda that uses it (as KER113 does for ``merge``).
"""

from __future__ import annotations

import ast
import re
from typing import Dict, Iterator, List, Optional, Set, Tuple

from kerascheck import catalog
from kerascheck.catalog.keras1_calls import INITIALIZER_FUNCTION_BY_NAME, InitializerFunction
from kerascheck.catalog.modules import missing_import
from kerascheck.context import Context
from kerascheck.findings import Edit, Finding
from kerascheck.record import Record
from kerascheck.rules.base import FixSafety, Invalid, Rule, Severity, Valid, module_text
from kerascheck.rules.calls import keras_module_of

_INITIALIZERS = "initializers"
_SIMPLE = (ast.Name, ast.Constant, ast.Attribute)  # a scale that needs no parentheses after a minus sign


class _Lambda(Record):
    node: ast.Lambda
    call: ast.Call
    fact: InitializerFunction
    text: str  # the class call, without its receiver: "RandomNormal(stddev=0.001)"


def _scale(call: ast.Call, shape: str, name: str) -> Tuple[bool, Optional[ast.expr]]:
    """Whether the call is exactly ``f(shape[, scale][, scale=s][, name=name])``, and its scale."""
    if not call.args or not isinstance(call.args[0], ast.Name) or call.args[0].id != shape or len(call.args) > 2:
        return False, None
    scale = call.args[1] if len(call.args) == 2 else None
    for keyword in call.keywords:
        if keyword.arg == "name" and isinstance(keyword.value, ast.Name) and keyword.value.id == name:
            continue
        if keyword.arg != "scale" or scale is not None:
            return False, None
        scale = keyword.value
    if scale is not None and any(isinstance(n, ast.Name) and n.id in (shape, name) for n in ast.walk(scale)):
        return False, None
    return True, scale


def _converted(ctx: Context, node: ast.Lambda) -> Optional[_Lambda]:
    """The lambda as an initializer object, when its body is exactly the Keras 1 call shape."""
    arguments = node.args
    if arguments.vararg or arguments.kwarg or arguments.kwonlyargs or arguments.defaults:
        return None
    parameters = [a.arg for a in getattr(arguments, "posonlyargs", [])] + [a.arg for a in arguments.args]
    call = node.body
    if len(parameters) != 2 or not isinstance(call, ast.Call) or not isinstance(call.func, (ast.Name, ast.Attribute)):
        return None
    reference = ctx.reference(call.func)
    if reference is None or not reference.is_keras:
        return None
    fact = INITIALIZER_FUNCTION_BY_NAME.get(catalog.canonical_name(reference))
    exact, scale = _scale(call, *parameters)
    if fact is None or not exact or (scale is not None and fact.scale is None):
        return None
    value = ctx.source_of(scale) if scale is not None else fact.default
    grouped = value if value is None or scale is None or isinstance(scale, _SIMPLE) else f"({value})"
    arguments_text = fact.scale.format(s=value, p=grouped) if value is not None and fact.scale else ""
    return _Lambda(node, call, fact, f"{fact.cls}({arguments_text})")


def _lambdas(ctx: Context) -> List[_Lambda]:
    """The convertible lambdas that are arguments of Keras calls (memoised per module)."""
    if "initializer-lambdas" not in ctx.memo:
        found: List[_Lambda] = []
        for call in ctx.index.calls:
            reference = ctx.reference(call.func) if isinstance(call.func, (ast.Name, ast.Attribute)) else None
            if reference is None or not reference.is_keras:
                continue
            for keyword in call.keywords:
                if isinstance(keyword.value, ast.Lambda):
                    converted = _converted(ctx, keyword.value)
                    found += [converted] if converted else []
        ctx.memo["initializer-lambdas"] = found
    return ctx.memo["initializer-lambdas"]


class _Replacement(Record):
    """The import of the functions, rewritten to bring the classes: one unit with every lambda."""

    statement: ast.ImportFrom
    edits: Tuple[Edit, ...]
    renames: Tuple[Tuple[str, str], ...]
    safe: bool  # every lambda it serves converts exactly


def _replacement(ctx: Context, func: ast.Name) -> Optional[_Replacement]:
    for statement in ctx.index.imports:
        if isinstance(statement, ast.ImportFrom) and any((a.asname or a.name) == func.id for a in statement.names):
            key = ("initializer-import", id(statement))
            if key not in ctx.memo:
                ctx.memo[key] = _replace_import(ctx, statement)
            return ctx.memo[key]
    return None


def _replace_import(ctx: Context, statement: ast.ImportFrom) -> Optional[_Replacement]:
    """``from keras.initializations import normal, identity`` -> ``from keras.initializers import
    RandomNormal, Identity``: possible when every use of each replaced name is a lambda converted here,
    the classes' names are free, and the new import exists on the target."""
    if statement.level or keras_module_of(ctx, statement) != _INITIALIZERS:
        return None
    module = ctx.index.absolute_module(statement)
    if id(statement) in ctx.index.guarded_imports or statement.lineno != statement.end_lineno or module is None:
        return None
    # each lambda calling a bare name, with that name
    lambdas = [(found.call.func.id, found) for found in _lambdas(ctx) if isinstance(found.call.func, ast.Name)]
    bound = {alias.asname or alias.name: alias for alias in statement.names}
    classes: Dict[str, str] = {}
    for called, found in lambdas:
        alias = bound.get(called)
        if alias is not None and alias.asname is None:
            classes[alias.name] = found.fact.cls
    if not classes:
        return None
    for old, new in classes.items():
        uses = [n for n in ctx.nodes if isinstance(n, ast.Name) and n.id == old]
        if len(uses) != sum(1 for called, _ in lambdas if called == old):
            return None
        if any(re.search(rf"\b{new}\b", line) for line in ctx.lines):
            return None
    spans = ctx.imported_name_spans(statement)
    if len(spans) != len(statement.names):
        return None
    line = ctx.lines[statement.lineno - 1]
    written = re.compile(r"from\s+([\w.]+)\s+import\b").match(line, statement.col_offset)
    if written is None or written.group(1) != module:
        return None
    new_module = re.sub(r"\.initializations$", ".initializers", module)
    edits = [Edit(*spans[statement.names.index(bound[old])], new) for old, new in classes.items()]
    if new_module != module:
        edits.append(Edit(statement.lineno, written.start(1), statement.lineno, written.end(1), new_module))
    names = [classes.get(alias.name, alias.name) if alias.asname is None else alias.name for alias in statement.names]
    check = ast.ImportFrom(module=new_module, names=[ast.alias(name=name) for name in names], level=0)
    if missing_import(check, ctx.target) is not None or len(set(names)) != len(names):
        return None
    renames = tuple(sorted(classes.items()))
    safe = all(found.fact.same_meaning for called, found in lambdas if called in classes)
    return _Replacement(statement, tuple(edits), renames, safe)


def _lambda_edits(ctx: Context, found: _Lambda, replaced: str) -> Tuple[Edit, ...]:
    """``lambda shape, name: normal(…)`` -> ``RandomNormal(…)``, as two edits whose second starts at the
    function's name (where the rename guard looks for each use of a renamed name)."""
    line, col, end_line, end_col = ctx.span(found.node)
    func_line, func_col, _, _ = ctx.span(found.call.func)
    return (Edit(line, col, func_line, func_col, ""), Edit(func_line, func_col, end_line, end_col, replaced))


class Keras1InitializerLambda(Rule):
    """## What it does
    Finds a Keras 1 initializer function wrapped in a lambda and passed to a layer:
    `init=lambda shape, name: normal(shape, scale=0.01, name=name)`.

    ## Why is this bad?
    Keras 1 called an initializer as `init(shape, name=…)`; Keras 2, tf.keras and Keras 3 call it as
    `initializer(shape, dtype=…)`, so the lambda raises `TypeError` when the layer is built. Their
    `normal`, `uniform`, `identity`, … are classes whose arguments mean something else, or are gone.

    ## Example
    ```python
    from keras.initializations import normal, identity
    SimpleRNN(100, init=lambda shape, name: normal(shape, scale=0.001, name=name),
              inner_init=lambda shape, name: identity(shape, scale=1.0, name=name))
    ```

    ## Use instead
    ```python
    from keras.initializers import RandomNormal, Identity
    SimpleRNN(100, kernel_initializer=RandomNormal(stddev=0.001),
              recurrent_initializer=Identity(gain=1.0))
    ```

    ## Fix safety
    Safe for `normal` (`RandomNormal(stddev=scale)`), `uniform` (`RandomUniform(minval=-scale,
    maxval=scale)`), `identity` (`Identity(gain=scale)`), `zero` and `one`: the class draws the same
    values. Unsafe for `orthogonal` (`Orthogonal(gain=scale)`, Keras 1's default scale 1.1 written
    out): Keras 1 orthogonalised the kernel flattened another way, which differs for kernels of more
    than two dimensions. Only a lambda whose body is exactly `f(shape, scale=…, name=name)` is
    rewritten; the import is rewritten with it when nothing else uses the function's name.
    """

    code = "KER116"
    name = "keras1-initializer-lambda"
    catalog_tables = ("INITIALIZER_FUNCTIONS",)
    message = (
        "`{old}` is a Keras 1 initializer function of the shape; target {target} calls an initializer as "
        "`initializer(shape, dtype)`{note}"
    )
    fix_title = "Pass the initializer object: `{new}`"
    severity = Severity.ERROR
    fix_safety = FixSafety.SOMETIMES
    valid = (
        Valid("from keras.initializers import RandomNormal\nDense(4, kernel_initializer=RandomNormal(stddev=0.01))\n"),
        Valid(
            "from keras.layers import Dense\nfrom keras.initializations import normal\n"
            "Dense(4, init=lambda shape, name: normal(shape, scale=0.01, name=name, dim_ordering='tf'))\n"
        ),
        Valid("from keras.layers import Dense\nfrom mylib import normal\nDense(4, init=lambda s, n: normal(s, n))\n"),
    )
    invalid = (
        Invalid(
            "from keras.layers import SimpleRNN\nfrom keras.initializations import normal, identity\n"
            "SimpleRNN(8, W_regularizer=None,\n"
            "          init=lambda shape, name: normal(shape, scale=0.001, name=name),\n"
            "          inner_init=lambda shape, name: identity(shape, scale=1.0, name=name))\n",
            at=((2, 0), (4, 15), (5, 21)),
            fixed="from keras.layers import SimpleRNN\nfrom keras.initializers import RandomNormal, Identity\n"
            "SimpleRNN(8, W_regularizer=None,\n"
            "          init=RandomNormal(stddev=0.001),\n"
            "          inner_init=Identity(gain=1.0))\n",
            target=catalog.Target.KERAS3,
        ),
        Invalid(
            "import keras\n"
            "keras.layers.Dense(4, init=lambda shape, name: keras.initializers.uniform(shape, s + 1, name=name))\n"
            "keras.layers.Dense(4, init=lambda shape, name: keras.initializers.orthogonal(shape, name=name))\n",
            at=((2, 27), (3, 27)),
            fixed="import keras\n"
            "keras.layers.Dense(4, init=keras.initializers.RandomUniform(minval=-(s + 1), maxval=s + 1))\n"
            "keras.layers.Dense(4, init=keras.initializers.Orthogonal(gain=1.1))\n",
        ),
    )

    def check_module(self, ctx: Context) -> Iterator[Finding]:
        if not ctx.imports_keras or "lambda" not in module_text(ctx):
            return
        replaced: Set[int] = set()
        for found in _lambdas(ctx):
            func = found.call.func
            edits: Tuple[Edit, ...] = ()
            renames: Tuple[Tuple[str, str], ...] = ()
            if isinstance(func, ast.Attribute):
                edits = (Edit(*ctx.span(found.node), f"{ctx.source_of(func.value)}.{found.text}"),)
            elif isinstance(func, ast.Name):
                replacement = _replacement(ctx, func)
                if replacement is not None:
                    edits, renames = _lambda_edits(ctx, found, found.text), replacement.renames
                    if id(replacement.statement) not in replaced:
                        replaced.add(id(replacement.statement))
                        yield self._import_finding(ctx, replacement)
            note = "" if found.fact.same_meaning else f" ({found.fact.difference})"
            yield self.finding(
                ctx, found.node, edits=edits, safe=found.fact.same_meaning, renames=renames,
                old=f"lambda …: {ctx.source_of(func)}(…)", new=found.text, note=note,
            )  # fmt: skip

    def _import_finding(self, ctx: Context, replacement: _Replacement) -> Finding:
        """The import's own finding (a fix reaching from the import to a lambda would hold back every
        other fix in between for a round); the shared ``renames`` make the guards apply all or none."""
        names = ", ".join(old for old, _ in replacement.renames)
        classes = ", ".join(new for _, new in replacement.renames)
        return self.finding(
            ctx, replacement.statement, edits=replacement.edits, safe=replacement.safe,
            renames=replacement.renames, old=names, new=f"import {classes}",
            note=f"; the lambdas that call it become {classes}",
        )  # fmt: skip
