"""KER113: the Keras 1 ``merge(inputs, mode=…)`` function, rewritten as the Keras 2 merge layer of its mode.

The call becomes ``Add()([a, b])``; the layer's name is added to the import that brought ``merge`` in
(with the module's last fixable call, so that no round of fixes uses a name before it is imported),
and ``merge`` leaves the import once nothing uses it.
"""

from __future__ import annotations

import ast
import re
from typing import Dict, FrozenSet, Iterator, List, Optional, Tuple

from kerascheck.catalog.keras1_calls import MERGE_AXIS_DEFAULTS, MERGE_MODE_BY_NAME, MERGE_MODES
from kerascheck.context import Context
from kerascheck.findings import Edit, Finding
from kerascheck.record import Record
from kerascheck.rules.base import FixSafety, Invalid, Rule, Severity, Valid
from kerascheck.rules.call_edits import drop_arguments
from kerascheck.rules.calls import callee, keras_imports_from, keras_module_of

_MERGE = "layers.merge"
_LAYERS = "layers"
_MERGE_LAYERS = frozenset(fact.layer for fact in MERGE_MODES) | {"Lambda"}


class _Plan(Record):
    layer: str  # "Add"
    text: str  # what replaces the callee: "Add()"
    edits: Tuple[Edit, ...]
    safe: bool
    why: str  # what needs a look, for an unsafe fix


def _keyword_arguments(node: ast.Call) -> Dict[str, ast.keyword]:
    return {keyword.arg: keyword for keyword in node.keywords if keyword.arg}


def _mode_name(mode: Optional[ast.keyword]) -> Optional[str]:
    """The mode ``mode=`` names ("sum" when it is not given), or None when it is not a string literal."""
    if mode is None:
        return "sum"
    value = mode.value
    return value.value if isinstance(value, ast.Constant) and isinstance(value.value, str) else None


def _layer_for(ctx: Context, node: ast.Call) -> Optional[Tuple[str, List[str], bool, str]]:
    """The layer, its constructor arguments, whether the result means the same, and why not."""
    keywords = _keyword_arguments(node)
    if len(node.args) != 1 or any(k.arg is None for k in node.keywords):
        return None
    unknown = set(keywords) - {"mode", "concat_axis", "dot_axes", "output_shape", "name", "arguments"}
    if unknown:
        return None
    mode = keywords.get("mode")
    source = {name: ctx.source_of(keyword.value) for name, keyword in keywords.items()}
    named = [f"name={source['name']}"] if "name" in source else []
    mode_name = _mode_name(mode)
    if mode_name is not None:
        fact = MERGE_MODE_BY_NAME.get(mode_name)
        if fact is None or "arguments" in keywords:
            return None
        axis = source.get(fact.axis_from or "", MERGE_AXIS_DEFAULTS.get(fact.axis_from or ""))
        args = [f"{fact.axis_keyword}={axis}"] if axis is not None else []
        args += [f"{k}={v}" for k, v in fact.extra] + named
        safe = fact.same_meaning and "output_shape" not in keywords
        why = fact.difference if not fact.same_meaning else "`output_shape=` is not needed by the layer"
        return fact.layer, args, safe, why
    if mode is not None and (  # (None is "sum", above)
        isinstance(mode.value, ast.Lambda) or (isinstance(mode.value, ast.Name) and mode.value.id in _functions(ctx))
    ):  # a function of the list of tensors (a name could hold a mode string: no fix)
        args = [source["mode"]] + [f"{k}={source[k]}" for k in ("output_shape", "arguments") if k in source]
        return "Lambda", args + named, False, "a `Lambda` layer is not serialised like Merge was"
    return None


def _functions(ctx: Context) -> FrozenSet[str]:
    """Names the module defines with ``def`` (memoised per module)."""
    if "merge-functions" not in ctx.memo:
        defined = (node.name for node in ctx.nodes if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)))
        ctx.memo["merge-functions"] = frozenset(defined)
    return ctx.memo["merge-functions"]


def plan(ctx: Context, node: ast.Call) -> Optional[_Plan]:
    """How to rewrite one merge call, or None when it needs a human (memoised per call)."""
    key = ("merge-plan", id(node))
    if key not in ctx.memo:
        ctx.memo[key] = _plan(ctx, node)
    return ctx.memo[key]


def _plan(ctx: Context, node: ast.Call) -> Optional[_Plan]:
    found = _layer_for(ctx, node)
    if found is None:
        return None
    layer, args, safe, why = found
    func = node.func
    dropped = drop_arguments(ctx, node, node.keywords) if node.keywords else ()
    if dropped is None:
        return None
    if isinstance(func, ast.Attribute):
        text = f"{ctx.source_of(func.value)}.{layer}({', '.join(args)})"
    elif isinstance(func, ast.Name) and _import_of(ctx, func) is not None:
        text = f"{layer}({', '.join(args)})"
    else:
        return None
    return _Plan(layer, text, (Edit(*ctx.span(func), text),) + dropped, safe, why)


def _import_of(ctx: Context, func: ast.Name) -> Optional[Tuple[ast.ImportFrom, Optional[ast.alias]]]:
    """The ``from <keras>.layers import merge`` (or ``*``) that binds the callee, if the layer names can
    be imported the same way."""
    for statement in keras_imports_from(ctx, _LAYERS):
        for alias in statement.names:
            if alias.name == "*" or ((alias.asname or alias.name) == func.id and alias.name == "merge"):
                return statement, None if alias.name == "*" else alias
    return None


def _merge_calls(ctx: Context) -> List[ast.Call]:
    return [node for node in ctx.index.calls if (target := callee(ctx, node)) is not None and target.owner == _MERGE]


class Keras1MergeCall(Rule):
    """## What it does
    Finds calls of the Keras 1 function `merge(inputs, mode=…)`.

    ## Why is this bad?
    Keras 2 replaced `merge` by one layer per mode; tf.keras and Keras 3 have no `merge` (the import
    fails with `ImportError`).

    ## Example
    ```python
    from keras.layers import merge
    x = merge([a, b], mode="sum")
    y = merge([a, b], mode="concat", concat_axis=1)
    ```

    ## Use instead
    ```python
    from keras.layers import Add, Concatenate
    x = Add()([a, b])
    y = Concatenate(axis=1)([a, b])
    ```

    ## Fix safety
    Safe for `sum`, `mul`, `ave`, `max` and `concat`: Keras 1's `Merge.call` computes exactly what
    `Add`, `Multiply`, `Average`, `Maximum` and `Concatenate` do. Unsafe for `dot` (Keras 1's
    `batch_dot` axes), `cos` (Keras 1 adds an axis that `Dot(normalize=True)` does not), a function
    as mode (becomes a `Lambda`) and calls that pass `output_shape=`. No fix for other arguments, or
    when `merge` was not imported from the layers module.
    """

    code = "KER113"
    name = "keras1-merge-call"
    supersedes = frozenset({"KER111"})  # `merge` missing: this finding says so, with the layer and the fix
    supersedes_names = frozenset({"merge"})
    catalog_tables = ("MERGE_MODES",)
    message = "`{call}` is the Keras 1 merge function, which target {target} does not have{note}"
    fix_title = "Call the layer on the list: `{new}([…])`"
    severity = Severity.ERROR
    fix_safety = FixSafety.SOMETIMES
    valid = (
        Valid("from tensorflow.keras.layers import Add\nx = Add()([a, b])\n"),
        Valid("from mylib import merge\nx = merge([a, b], mode='sum')\n"),
    )
    invalid = (
        Invalid(
            "from keras.layers import Dense, merge\nx = merge([a, b], mode='sum')\n"
            "y = merge([a, x], mode='concat', concat_axis=1, name='c')\n",
            at=((1, 0), (2, 4), (3, 4)),
            fixed="from keras.layers import Dense, Add, Concatenate\nx = Add()([a, b])\n"
            "y = Concatenate(axis=1, name='c')([a, x])\n",
        ),
        Invalid(
            "from keras.layers import Add, merge\ny = Add()([a, b])\n",
            at=((1, 0),),
            fixed="from keras.layers import Add\ny = Add()([a, b])\n",
        ),
        Invalid(
            "import keras\nx = keras.layers.merge([a, b], mode=lambda t: t[0] - t[1], output_shape=(4,))\n",
            at=((2, 4),),
            fixed="import keras\nx = keras.layers.Lambda(lambda t: t[0] - t[1], output_shape=(4,))([a, b])\n",
        ),
    )

    owners = frozenset({_MERGE})

    def check_call(self, ctx: Context, node: ast.Call) -> Iterator[Finding]:
        target = callee(ctx, node)
        if target is None or target.owner != _MERGE:
            return
        found = plan(ctx, node)
        edits: Tuple[Edit, ...] = ()
        renames: Tuple[Tuple[str, str], ...] = ()
        if found is not None and isinstance(node.func, ast.Attribute):
            edits = found.edits
        elif found is not None and isinstance(node.func, ast.Name):
            replacement = _replacement(ctx, node.func)
            if replacement is not None:
                edits, renames = found.edits, replacement.renames
        mode = _keyword_arguments(node).get("mode")
        shown = f"merge(…, mode={ctx.source_of(mode.value)})" if mode is not None else "merge(…)"
        note = "" if found is None or found.safe else f" ({found.why})"
        yield self.finding(
            ctx,
            node,
            span=ctx.span(node.func),
            edits=edits,
            safe=found is None or found.safe,
            renames=renames,
            call=shown if len(shown) < 60 and "\n" not in shown else "merge(…)",
            new=_shown_layer(ctx, found.layer, mode) if found else "Add/Multiply/Concatenate/…",
            note=note,
        )

    def check_module(self, ctx: Context) -> Iterator[Finding]:
        """The import that brought ``merge`` in brings the layers its calls become (a finding of its
        own: a fix whose edits reached from the import to a call would hold back every other fix in
        between for a round, such as the uses of a renamed import); ``merge`` leaves the import once
        no call uses it."""
        calls = _merge_calls(ctx) if ctx.imports_keras else []
        done = set()
        for call in calls:
            replacement = _replacement(ctx, call.func) if isinstance(call.func, ast.Name) else None
            if replacement is None or id(replacement.statement) in done:
                continue
            done.add(id(replacement.statement))
            yield self.finding(
                ctx, replacement.statement, span=ctx.span(replacement.statement), edits=(replacement.edit,),
                safe=replacement.safe, renames=replacement.renames, call="merge",
                note=f"; its calls become layers: {', '.join(replacement.names)}", new=replacement.names[0],
            )  # fmt: skip
        for statement in ctx.index.imports:
            if not isinstance(statement, ast.ImportFrom) or not _MERGE_LAYERS & {a.name for a in statement.names}:
                continue  # only where the merge layers came in (by this rule's fix, or by hand)
            for alias in statement.names:
                if alias.name != "merge" or not _bound_to_merge(ctx, statement):
                    continue
                bound = alias.asname or alias.name
                if any(isinstance(call.func, ast.Name) and call.func.id == bound for call in calls):
                    continue
                if re.search(rf"\b{re.escape(bound)}\b", _source_without(ctx, statement)):
                    continue
                edit = _drop_alias(ctx, statement, alias)
                if edit is not None:
                    yield self.finding(
                        ctx, statement, span=ctx.span(statement), edits=(edit,), call=bound,
                        note="; nothing uses it any more", new="Add",
                    )  # fmt: skip


def _shown_layer(ctx: Context, layer: str, mode: Optional[ast.keyword]) -> str:
    """The layer as the fix title shows it: a ``Lambda`` with the mode's function (``Lambda(lambda p: …)``)."""
    if layer != "Lambda" or mode is None:
        return f"{layer}(…)"  # `Add()([a, b])`, `Concatenate(axis=1)([a, b])`
    function = ctx.source_of(mode.value)
    return f"Lambda({function if len(function) <= 40 and chr(10) not in function else 'the mode function'})"


def _bound_to_merge(ctx: Context, statement: ast.ImportFrom) -> bool:
    return keras_module_of(ctx, statement) == _LAYERS


def _source_without(ctx: Context, statement: ast.stmt) -> str:
    lines = list(ctx.lines)
    for index in range(statement.lineno - 1, statement.end_lineno or statement.lineno):
        lines[index] = "\n"
    return "".join(lines)


def _drop_alias(ctx: Context, statement: ast.ImportFrom, alias: ast.alias) -> Optional[Edit]:
    """Remove one name (and a comma) from a one-line ``from … import a, merge, b``."""
    if statement.lineno != statement.end_lineno:
        return None
    line = ctx.lines[statement.lineno - 1]
    match = re.search(rf"(,\s*{alias.name}\b(?!\s*as)|\b{alias.name}\s*,\s*)", line[statement.col_offset :])
    if alias.asname or match is None:
        return None
    start = statement.col_offset + match.start()
    return Edit(statement.lineno, start, statement.lineno, start + len(match.group(0)), "")


class _Replacement(Record):
    """``merge`` leaves the import for the layers its calls become, in one unit with every call: the
    fixes share ``renames`` (merge -> each layer), so the guards apply all of them or none."""

    statement: ast.ImportFrom
    edit: Edit
    names: Tuple[str, ...]
    safe: bool
    renames: Tuple[Tuple[str, str], ...]


def _replacement(ctx: Context, func: ast.Name) -> Optional[_Replacement]:
    imported = _import_of(ctx, func)
    if imported is None:
        return None
    statement, alias = imported
    if alias is None:
        return None  # a star import: the layers come with it, and `merge` is not written anywhere
    key = ("merge-replacement", id(statement))
    if key not in ctx.memo:
        ctx.memo[key] = _replace_merge(ctx, statement, alias)
    return ctx.memo[key]


def _replace_merge(ctx: Context, statement: ast.ImportFrom, alias: ast.alias) -> Optional[_Replacement]:
    """Possible when every use of the name is a merge call with a plan, none inside another, and the
    layers' names are free in the module."""
    if alias.asname:
        return None
    uses = [node for node in ctx.nodes if isinstance(node, ast.Name) and node.id == alias.name]
    calls = [call for call in _merge_calls(ctx) if isinstance(call.func, ast.Name) and call.func.id == alias.name]
    if len(uses) != len(calls) or not calls:
        return None
    plans = [found for found in (plan(ctx, call) for call in calls) if found is not None]
    if len(plans) != len(calls):
        return None
    if any(_inside(ctx, inner, outer) for inner in calls for outer in calls if inner is not outer):
        return None
    have = {a.asname or a.name for a in statement.names}
    names = tuple(sorted({found.layer for found in plans} - have))
    rest = _source_without(ctx, statement)
    if not names or any(re.search(rf"\b{name}\b", rest) for name in names):
        return None
    spans = ctx.imported_name_spans(statement)
    if len(spans) != len(statement.names):
        return None
    edit = Edit(*spans[statement.names.index(alias)], ", ".join(names))
    safe = all(found.safe for found in plans)
    return _Replacement(statement, edit, names, safe, tuple((alias.name, name) for name in names))


def _inside(ctx: Context, inner: ast.Call, outer: ast.Call) -> bool:
    return ctx.span(outer)[:2] <= ctx.span(inner)[:2] and ctx.span(inner)[2:] <= ctx.span(outer)[2:]
