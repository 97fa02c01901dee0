"""KER117: Keras 1's ``AtrousConvolution1D/2D(…, atrous_rate=r)``, rewritten as ``Conv1D/Conv2D(…,
dilation_rate=r)``: the call, its ``atrous_rate`` keyword and the import, as one fix.

Keras 2.2.4 ``keras/legacy/layers.py`` made the Atrous layers ``Conv1D``/``Conv2D`` with ``dilation_rate``
set to the popped ``atrous_rate``; tf.keras and Keras 3 have no Atrous layers. The other Keras 1 keywords
and positional kernel sizes are converted by the argument rules once the call names ``Conv2D``.
"""

from __future__ import annotations

import ast
import re
from typing import Dict, Iterator, List, Optional, Tuple

from kerascheck import catalog
from kerascheck.catalog.keras1_calls import ATROUS_CONVOLUTIONS as _ATROUS
from kerascheck.catalog.keras1_calls import ATROUS_RATE_KEYWORD
from kerascheck.catalog.modules import missing_import
from kerascheck.context import Context
from kerascheck.findings import Edit, Finding
from kerascheck.names import classify
from kerascheck.record import Record
from kerascheck.rules.base import FixSafety, Invalid, Rule, Severity, Valid, module_text
from kerascheck.rules.calls import callee, keras_module_of

_LAYERS = "layers"


def _keras_layers_import(ctx: Context, statement: ast.ImportFrom) -> bool:
    if statement.level or id(statement) in ctx.index.guarded_imports:
        return False
    return keras_module_of(ctx, statement) == _LAYERS


def _call_edits(ctx: Context, node: ast.Call, new: str, positionals: int) -> Optional[Tuple[Edit, ...]]:
    """The callee's name becomes ``new``; ``atrous_rate=`` becomes ``dilation_rate=``."""
    keywords = [keyword.arg for keyword in node.keywords]
    if len(node.args) > positionals or any(isinstance(a, ast.Starred) for a in node.args) or None in keywords:
        return None
    if "dilation_rate" in keywords:
        return None
    if isinstance(node.func, ast.Attribute):
        name = node.func.attr
    elif isinstance(node.func, ast.Name):
        name = node.func.id
    else:
        return None
    line, _, end_line, end_col = ctx.span(node.func)
    edits = [Edit(end_line, end_col - len(name), end_line, end_col, new)]
    if len(node.args) == 3:  # Keras 1's nb_row, nb_col: one kernel_size, as KER203 writes it
        first, last = ctx.span(node.args[1]), ctx.span(node.args[2])
        merged = f"({ctx.source_of(node.args[1])}, {ctx.source_of(node.args[2])})"
        edits.append(Edit(first[0], first[1], last[2], last[3], merged))
    for keyword in node.keywords:
        if keyword.arg == ATROUS_RATE_KEYWORD:
            start_line, start_col, _, _ = ctx.span(keyword)
            edits.append(Edit(start_line, start_col, start_line, start_col + len(ATROUS_RATE_KEYWORD), "dilation_rate"))
    return tuple(edits)


class _Plan(Record):
    """How one import statement loses its Atrous names: its edits, and the renames that make every
    fix of the statement one unit for the guards."""

    edits: Tuple[Edit, ...]
    renames: Tuple[Tuple[str, str], ...]


def _drops(ctx: Context, statement: ast.ImportFrom, dropped: List[int]) -> Optional[Tuple[Edit, ...]]:
    """Remove the names at ``dropped`` (indexes) and their commas from a one-line import, as edits that
    start at each name (where the rename guard looks for it)."""
    spans = ctx.imported_name_spans(statement)
    kept = [index for index in range(len(spans)) if index not in dropped]
    if not kept or len(spans) != len(statement.names):
        return None
    row, edits = statement.lineno, []
    for index in dropped:
        if index < kept[-1]:  # a name follows: drop up to it
            edits.append(Edit(row, spans[index][1], row, spans[index + 1][1], ""))
        elif index - 1 in kept:  # the first of the trailing names: drop the comma before it too
            edits.append(Edit(row, spans[index - 1][3], row, spans[index][1], ""))
            edits.append(
                Edit(row, spans[index][1], row, spans[index][3] if index == len(spans) - 1 else spans[index + 1][1], "")
            )
        else:
            end = spans[index][3] if index == len(spans) - 1 else spans[index + 1][1]
            edits.append(Edit(row, spans[index][1], row, end, ""))
    return tuple(edits)


def _import_plan(ctx: Context, statement: ast.ImportFrom, atrous: Dict[str, str]) -> Optional[_Plan]:
    """The statement's Atrous names (name -> Conv1D/Conv2D) leave it for the Conv layers: renamed in
    place; or dropped where the statement brings the layer already (then no renames: the caller makes
    one fix of it all); or dropped where KER110 renames the statement's ``Convolution2D`` to it (then
    the renames join KER110's unit, so that both apply or neither)."""
    spans = ctx.imported_name_spans(statement)
    if statement.lineno != statement.end_lineno or len(spans) != len(statement.names):
        return None
    module = ctx.index.absolute_module(statement)
    if module is None:
        return None
    imported = {alias.name for alias in statement.names if not alias.asname}
    edits: List[Edit] = []
    renames: List[Tuple[str, str]] = []
    dropped: List[int] = []
    reused = False
    for index, alias in enumerate(statement.names):
        new = atrous.get(alias.name)
        if new is None:
            continue
        if alias.asname:
            return None
        if new in imported:
            reused = True
        elif any(re.search(rf"\b{new}\b", text) for text in ctx.lines):
            return None  # bound or used some other way: the rename cannot land
        companions = [name for name in imported - set(atrous) if _becomes(ctx, module, name) == new]
        if new in imported or companions:
            dropped.append(index)
            renames = [(name, new) for name in companions] + renames
        else:
            edits.append(Edit(*spans[index], new))
        renames.append((alias.name, new))
    drops = _drops(ctx, statement, dropped) if dropped else ()
    moved = _module_edit(ctx, statement, module, atrous)
    if drops is None or moved is None:
        return None
    return _Plan(tuple(edits) + drops + moved, () if reused else tuple(dict.fromkeys(renames)))


def _module_edit(
    ctx: Context, statement: ast.ImportFrom, module: str, atrous: Dict[str, str]
) -> Optional[Tuple[Edit, ...]]:
    """A legacy submodule (``keras.layers.convolutional``) that the target lacks becomes ``keras.layers``
    in the same fix (KER102 cannot move it while it still names an Atrous layer); None: no fix."""
    names = [ast.alias(name=atrous.get(alias.name, alias.name)) for alias in statement.names]
    if missing_import(ast.ImportFrom(module=module, names=names, level=0), ctx.target) is None:
        return ()
    written = re.compile(r"from\s+([\w.]+)\s+import\b").match(ctx.lines[statement.lineno - 1], statement.col_offset)
    parent = re.sub(r"(\.layers)\.\w+$", r"\1", module)
    if written is None or written.group(1) != module or parent == module:
        return None
    if missing_import(ast.ImportFrom(module=parent, names=names, level=0), ctx.target) is not None:
        return None
    row = statement.lineno
    return (Edit(row, written.start(1), row, written.end(1), parent),)


def _becomes(ctx: Context, module: str, name: str) -> str:
    """What KER110 renames ``from <module> import <name>`` to on the target (its own name if nothing)."""
    reference = classify(f"{module}.{name}")
    if reference is None or not reference.is_keras:
        return name
    return catalog.modern_name(catalog.canonical_name(reference), ctx.target).split(".")[-1]


class Keras1AtrousConvolution(Rule):
    """## What it does
    Finds calls of Keras 1's `AtrousConvolution1D` and `AtrousConvolution2D`.

    ## Why is this bad?
    Keras 2 replaced them by `Conv1D`/`Conv2D` with `dilation_rate=`; tf.keras and Keras 3 have neither
    the layers nor `atrous_rate=` (`ImportError`, or `TypeError` on the keyword).

    ## Example
    ```python
    from keras.layers import AtrousConvolution2D
    y = AtrousConvolution2D(64, 3, 3, atrous_rate=(2, 2), border_mode="same")(x)
    ```

    ## Use instead
    ```python
    from keras.layers import Conv2D
    y = Conv2D(64, (3, 3), dilation_rate=(2, 2), padding="same")(x)
    ```

    ## Fix safety
    Safe: Keras 2.2.4's own `keras/legacy/layers.py` built the Atrous layers as `Conv1D`/`Conv2D` with
    `dilation_rate=atrous_rate` (default 1, the same as `dilation_rate`'s). The call, its keyword and the
    import change together (the import keeps `Conv2D` once when it already has it); the other Keras 1
    arguments are converted by KER201/KER203 in the next round. No fix when a call passes Keras 1's
    `init`, `activation`, … by position, or the name is used other than as a call.
    """

    code = "KER117"
    name = "keras1-atrous-convolution"
    catalog_tables = ()
    message = "`{old}` is Keras 1's dilated convolution, which target {target} does not have"
    fix_title = "Use `{new}(…, dilation_rate=…)`"
    severity = Severity.ERROR
    fix_safety = FixSafety.SAFE
    valid = (
        Valid("from keras.layers import Conv2D\ny = Conv2D(64, (3, 3), dilation_rate=2)(x)\n"),
        Valid("from mylib import AtrousConvolution2D\ny = AtrousConvolution2D(64, 3, 3, atrous_rate=2)(x)\n"),
    )
    invalid = (
        Invalid(
            "from keras.layers import Conv2D, AtrousConvolution2D\n"
            "y = AtrousConvolution2D(64, (3, 3), atrous_rate=(2, 2))(x)\n"
            "z = Conv2D(8, (1, 1))(y)\n",
            at=((2, 4),),
            fixed="from keras.layers import Conv2D\ny = Conv2D(64, (3, 3), dilation_rate=(2, 2))(x)\n"
            "z = Conv2D(8, (1, 1))(y)\n",
        ),
        Invalid(
            "import keras\ny = keras.layers.AtrousConvolution1D(8, 3, atrous_rate=2)(x)\n",
            at=((2, 4),),
            fixed="import keras\ny = keras.layers.Conv1D(8, 3, dilation_rate=2)(x)\n",
        ),
    )

    def check_module(self, ctx: Context) -> Iterator[Finding]:
        if not ctx.imports_keras or "Atrous" not in module_text(ctx):
            return
        by_name: Dict[str, List[Tuple[ast.Call, str]]] = {}  # name -> its calls, each with the layer it becomes
        for node in ctx.index.calls:
            target = callee(ctx, node)
            if target is None or target.owner not in _ATROUS:
                continue
            new, positionals = _ATROUS[target.owner]
            if isinstance(node.func, ast.Name):
                by_name.setdefault(node.func.id, []).append((node, new))  # fixed with its import, below
                continue
            edits = _call_edits(ctx, node, new, positionals) or ()
            yield self.finding(ctx, node, span=ctx.span(node.func), edits=edits, old=target.spelled, new=new)
        if by_name:
            yield from self._imported(ctx, by_name)

    def _imported(self, ctx: Context, by_name: Dict[str, List[Tuple[ast.Call, str]]]) -> Iterator[Finding]:
        """Each import statement of Atrous names, with every call of them: one unit for the guards."""
        for statement in ctx.index.imports:
            if not isinstance(statement, ast.ImportFrom):
                continue
            names = {a.name: by_name[a.name][0][1] for a in _atrous_aliases(ctx, statement, by_name)}
            if not names:
                continue
            calls = [(call, name, names[name]) for name in names for call, _ in by_name.pop(name)]
            edits = [_call_edits(ctx, call, new, _POSITIONALS[new]) for call, _, new in calls]
            fixable = [each for each in edits if each is not None]
            plan = _import_plan(ctx, statement, names) if len(fixable) == len(edits) else None
            renames = plan.renames if plan else ()
            call_edits: List[Tuple[Edit, ...]] = fixable if plan else [() for _ in calls]
            if plan is not None and not renames:  # no renames to group the fixes: one fix holds them all
                call_edits = [plan.edits + tuple(e for group in fixable for e in group)] + [() for _ in calls[1:]]
            elif plan is not None:
                yield self.finding(
                    ctx, statement, edits=plan.edits, renames=renames, old=", ".join(names),
                    new="/".join(sorted(set(names.values()))),
                )  # fmt: skip
            for (call, name, new), edits_of_call in zip(calls, call_edits):
                yield self.finding(
                    ctx, call, span=ctx.span(call.func), edits=edits_of_call, renames=renames, old=name, new=new,
                )  # fmt: skip
        for name, unfixed in by_name.items():  # not imported from Keras's layers here: no fix
            for call, new in unfixed:
                yield self.finding(ctx, call, span=ctx.span(call.func), old=name, new=new)


_POSITIONALS = {new: positionals for new, positionals in _ATROUS.values()}


def _atrous_aliases(
    ctx: Context, statement: ast.ImportFrom, by_name: Dict[str, List[Tuple[ast.Call, str]]]
) -> List[ast.alias]:
    if not _keras_layers_import(ctx, statement):
        return []
    return [alias for alias in statement.names if alias.asname is None and alias.name in by_name]
