"""The import rules' findings, worked out once per distinct import statement in a process.

The same import statements come back module after module (``from tensorflow import keras``), and what
the import rules report on one follows from its lines, where it starts and ends, the target and pins,
(for a relative import) the module's package, whether the module is part of a Keras package itself and
whether it runs in the tf_keras world (see Rule.check_import). So a process works each distinct
statement out once and moves the findings to the lines of its repeats.
"""

from __future__ import annotations

import ast
from typing import Dict, List, Sequence

from kerascheck.context import Context
from kerascheck.findings import Finding
from kerascheck.rules import Rule
from kerascheck.text import Lines

_IMPORT_FINDINGS: Dict[tuple, List[Finding]] = {}
_IMPORT_MEMO_SIZE = 8192


def import_findings(ctx: Context, rules: Sequence[Rule], node: ast.stmt) -> List[Finding]:
    """What ``rules`` report on the import statement ``node``, from the memo when it holds them (not for an
    import in an ``if``: what the test reads may decide, as for KER124)."""
    where = ctx.index.where.get(id(node))
    if where is not None and where.branches:
        return [finding for rule in rules for finding in rule.check_import(ctx, node)]
    end_line = node.end_lineno or node.lineno
    key = (
        ctx.target,
        ctx.settings.pins,  # the messages say whether the pins are among the versions where imports break
        _lines_text(ctx.lines, node.lineno, end_line),  # whole lines: columns follow from them
        node.col_offset,
        end_line - node.lineno,
        node.end_col_offset,
        ctx.index.module_name if getattr(node, "level", 0) else None,
        (ctx.index.module_name or "").partition(".")[0] in ("keras", "tf_keras"),  # rules/imports.py: Keras's own
        ctx.in_tf_keras_world,  # KER101: standalone keras is Keras 3 there
        ctx.legacy_tf_keras,  # what a tf.keras import refers to (Context.imported_references)
    )
    found = _IMPORT_FINDINGS.get(key)
    if found is None:
        found = [finding.moved(-node.lineno) for rule in rules for finding in rule.check_import(ctx, node)]
        if len(_IMPORT_FINDINGS) >= _IMPORT_MEMO_SIZE:
            _IMPORT_FINDINGS.clear()
        _IMPORT_FINDINGS[key] = found
    return [finding.moved(node.lineno) for finding in found]


def _lines_text(lines: Sequence[str], first: int, last: int) -> str:
    return lines.lines_text(first, last) if isinstance(lines, Lines) else "".join(lines[first - 1 : last])
