"""Applying fixes: each finding's edits as one group, back to front; a group that overlaps one
already applied waits for the next round, after the module is checked again.

A round's result must parse, and must differ from its input only in statements the edits touched:
every statement keeps its kind and place, and every simple statement that no edit reached is
unchanged (compared as ASTs). Otherwise the round is refused and nothing of it is kept.
flake8 and pylint never fix; the command line (``--fix``, ``--diff``) does.
"""

from __future__ import annotations

import ast
import itertools
from typing import Callable, Iterable, List, Sequence, Set, Tuple

from kerascheck.engine import split_lines
from kerascheck.findings import Edit, Finding

Span = Tuple[int, int, str]
MAX_ROUNDS = 10


class UnsafeResult(Exception):
    """A fix round produced code that does not parse, or changed code it had no edit for."""


def _line_starts(lines: Sequence[str]) -> List[int]:
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))
    return starts


def _spans(starts: List[int], edits: Iterable[Edit]) -> List[Span]:
    spans = [(starts[e.line - 1] + e.col, starts[e.end_line - 1] + e.end_col, e.text) for e in edits]
    return sorted(spans, reverse=True)


def fixable(findings: Iterable[Finding], unsafe: bool) -> List[Finding]:
    return [f for f in findings if f.fix is not None and (f.fix.safe or unsafe)]


def apply_groups(source: str, groups: Iterable[Tuple[Finding, Sequence[Edit]]]) -> Tuple[str, List[Finding]]:
    """Apply each finding's edits as one group, back to front, skipping a group that overlaps one
    already applied. No checks: see :func:`apply_round`."""
    starts = _line_starts(split_lines(source))
    spans = sorted(
        ((finding, _spans(starts, edits)) for finding, edits in groups),
        key=lambda item: item[1][0][1],
        reverse=True,
    )
    text, limit, applied = source, len(source), []
    for finding, finding_spans in spans:
        if finding_spans[0][1] > limit:
            continue
        for start, end, replacement in finding_spans:
            text = text[:start] + replacement + text[end:]
        limit = finding_spans[-1][0]
        applied.append(finding)
    return text, applied


def apply_round(source: str, findings: Iterable[Finding], *, unsafe: bool = False) -> Tuple[str, List[Finding]]:
    """Apply one round of non-overlapping fixes. Returns the new text and the findings it fixed;
    raises UnsafeResult when the result would not be a faithful edit of ``source``."""
    groups = [(finding, finding.fix.edits) for finding in fixable(findings, unsafe)]
    text, applied = apply_groups(source, groups)
    if applied:
        check_confined(source, text, edited_lines(edits for finding, edits in groups if finding in applied))
    return text, applied


def edited_lines(edit_groups: Iterable[Sequence[Edit]]) -> Set[int]:
    return {line for edits in edit_groups for e in edits for line in range(e.line, e.end_line + 1)}


def apply_fixes(source: str, findings: Iterable[Finding], *, unsafe: bool = False) -> Tuple[str, int]:
    """One round over ``findings``; returns the source unchanged with 0 if the round is refused."""
    try:
        text, applied = apply_round(source, findings, unsafe=unsafe)
    except UnsafeResult:
        return source, 0
    return text, len(applied)


def fix_until_stable(
    source: str, check: Callable[[str], List[Finding]], *, unsafe: bool = False
) -> Tuple[str, List[Finding]]:
    """Check, fix, check again, until nothing fixable is left (at most MAX_ROUNDS rounds).

    Returns the fixed text and every finding fixed on the way. Raises UnsafeResult if a round is
    refused, so that nothing is written."""
    text, fixed = source, []
    for _ in range(MAX_ROUNDS):
        text_after, applied = apply_round(text, check(text), unsafe=unsafe)
        if not applied:
            break
        text, fixed = text_after, fixed + applied
    return text, fixed


def _statements(tree: ast.AST) -> List[ast.stmt]:
    found = [node for node in ast.walk(tree) if isinstance(node, ast.stmt)]
    return sorted(found, key=lambda node: (node.lineno, node.col_offset))


def check_confined(before: str, after: str, edited_lines: Set[int]) -> None:
    try:
        old, new = ast.parse(before), ast.parse(after)
    except (SyntaxError, ValueError) as error:
        raise UnsafeResult(f"the fixed code does not parse: {error}") from None
    except (RecursionError, MemoryError):
        raise UnsafeResult("the fixed code is nested too deeply to verify") from None
    old_statements, new_statements = _statements(old), _statements(new)
    if len(old_statements) != len(new_statements):
        raise UnsafeResult("the fixes would add or remove statements")
    for old_node, new_node in zip(old_statements, new_statements):
        end = old_node.end_lineno or old_node.lineno
        if any(line in edited_lines for line in range(old_node.lineno, end + 1)):
            continue
        compound = hasattr(old_node, "body")
        if type(old_node) is not type(new_node) or (not compound and not _same_tree(old_node, new_node)):
            raise UnsafeResult(f"the fixes would change line {old_node.lineno}, which no fix was meant to touch")


def _same_tree(old: ast.AST, new: ast.AST) -> bool:
    """``ast.dump(old) == ast.dump(new)`` (positions aside), without recursion: one statement may
    hold an expression of thousands of terms, deeper than Python's recursion limit."""
    for old_node, new_node in itertools.zip_longest(ast.walk(old), ast.walk(new)):
        if type(old_node) is not type(new_node):
            return False
        for field in old_node._fields:
            if not _same_shape(getattr(old_node, field, None), getattr(new_node, field, None)):
                return False
    return True


def _same_shape(old: object, new: object) -> bool:
    """Equal values, or nodes in the same places (:func:`_same_tree` compares the nodes themselves)."""
    if isinstance(old, list) and isinstance(new, list):
        return len(old) == len(new) and all(map(_same_shape, old, new))
    if isinstance(old, ast.AST) or isinstance(new, ast.AST):
        return isinstance(old, ast.AST) and isinstance(new, ast.AST)
    return type(old) is type(new) and repr(old) == repr(new)
