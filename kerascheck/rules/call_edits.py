"""Edits inside one call: drop an argument, replace one, merge several into one keyword.

Each edit touches only the arguments it names, so fixes of other arguments of the same call (a
keyword rename, a nested call) can apply in the same round.
"""

from __future__ import annotations

import ast
from typing import List, Optional, Sequence, Tuple, Union

from kerascheck.context import Context
from kerascheck.findings import Edit

Argument = Union[ast.expr, ast.keyword]  # a positional (``*args`` too) or a keyword (``**kwargs`` too)


def arguments_in_order(node: ast.Call) -> List[Argument]:
    """Positionals and keywords as written (``f(a, k=1, *b)`` may interleave them)."""
    return sorted([*node.args, *node.keywords], key=lambda arg: (arg.lineno, arg.col_offset))


def _between(ctx: Context, start: Tuple[int, int], end: Tuple[int, int]) -> str:
    line, col = start
    end_line, end_col = end
    if line == end_line:
        return ctx.lines[line - 1][col:end_col]
    return ctx.lines[line - 1][col:] + "".join(ctx.lines[line : end_line - 1]) + ctx.lines[end_line - 1][:end_col]


def drop_arguments(ctx: Context, node: ast.Call, dropped: Sequence[Argument]) -> Optional[Tuple[Edit, ...]]:
    """Edits removing ``dropped`` and their commas, one per run of adjacent arguments (so they never
    overlap); None when a comment sits in text they would remove (the comment is the user's)."""
    ordered = arguments_in_order(node)
    gone = [any(arg is d for d in dropped) for arg in ordered]
    edits = []
    index = 0
    while index < len(ordered):
        if not gone[index]:
            index += 1
            continue
        last = index
        while last + 1 < len(ordered) and gone[last + 1]:
            last += 1
        if last + 1 < len(ordered):  # "a, b, " up to the next argument
            start, end = ctx.span(ordered[index])[:2], ctx.span(ordered[last + 1])[:2]
        elif index > 0:  # ", a, b" from the previous one
            start, end = ctx.span(ordered[index - 1])[2:], ctx.span(ordered[last])[2:]
        else:
            start, end = ctx.span(ordered[index])[:2], ctx.span(ordered[last])[2:]
        if "#" in _between(ctx, start, end):
            return None
        edits.append(Edit(*start, *end, ""))
        index = last + 1
    return tuple(edits)


def replace(ctx: Context, node: ast.AST, text: str) -> Edit:
    return Edit(*ctx.span(node), text)
