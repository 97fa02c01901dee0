"""Applying fixes: each finding's edits as one group, back to front; a group that overlaps one
already applied waits for the next round, after the module is checked again.

A fix is judged by the module it leaves (see :mod:`kerascheck.guards`): it must parse, change only the
statements its edits touch, compile, gain no undefined name, import nothing the target lacks, and a
rename must follow every binding of the name. Fixes that rename the same name are one unit, applied
together or not at all. When a round's result fails a guard, each unit is judged alone on the
statements it touches (:mod:`kerascheck.statement_guard`: linear in the module), the refused ones are
dropped with the reason, and the rest is checked whole again (halving it only for what a statement
cannot show); the round's other fixes still apply. A dropped fix
is not tried again, and its finding says why it was not applied.
flake8 and pylint never fix; the command line (``--fix``, ``--diff``) does.
"""

from __future__ import annotations

import ast
import itertools
from typing import Callable, Dict, Iterable, List, Optional, Sequence, Set, Tuple

from kerascheck.findings import Edit, Finding, Fix, fixable
from kerascheck.guards import Guard
from kerascheck.record import Record
from kerascheck.text import split_lines
from kerascheck.walk import every_node

Span = Tuple[int, int, str]
Dropped = Dict[Tuple[str, str], str]  # dropped_key -> why the fix was not applied
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


def _splice(source: str, spans: List[Span]) -> str:
    """``source`` with non-overlapping spans replaced, in one pass (linear in the text's size)."""
    pieces, position = [], 0
    for start, end, replacement in sorted(spans, key=lambda span: (span[0], span[1])):
        pieces += [source[position:start], replacement]
        position = end
    pieces.append(source[position:])
    return "".join(pieces)


def apply_groups(source: str, groups: Iterable[Tuple[Finding, Sequence[Edit]]]) -> Tuple[str, List[Finding]]:
    """Apply each finding's edits as one group, skipping a group that overlaps one already taken
    (taken back to front). No checks: see :func:`apply_round`."""
    starts = _line_starts(split_lines(source))
    spans = sorted(
        ((finding, _spans(starts, edits)) for finding, edits in groups if edits),
        key=lambda item: item[1][0][1],
        reverse=True,
    )
    limit, applied, chosen = len(source), [], []
    taken: Set[Span] = set()
    for finding, finding_spans in spans:
        if taken.issuperset(finding_spans):
            # the very edits of a group taken (two calls whose fix is one change to their shared import): made once,
            # and both fixed; made twice, an insertion would be written twice (``optimizers.legacy.legacy``)
            applied.append(finding)
            continue
        if finding_spans[0][1] > limit:
            continue
        chosen += finding_spans
        taken.update(finding_spans)
        limit = finding_spans[-1][0]
        applied.append(finding)
    return _splice(source, chosen), applied


def edited_lines(edit_groups: Iterable[Sequence[Edit]]) -> Set[int]:
    return {line for edits in edit_groups for e in edits for line in range(e.line, e.end_line + 1)}


def dropped_key(finding: Finding) -> Tuple[str, str]:
    """What identifies a finding from one round to the next (positions may move)."""
    return finding.code, finding.message


def _fix(finding: Finding) -> Fix:
    """The fix of a finding a round may apply (:func:`fixable` keeps only the findings that have one)."""
    if finding.fix is None:
        raise ValueError(f"{finding.code} at line {finding.line} has no fix to apply")
    return finding.fix


class Round(Record):
    text: str
    applied: List[Finding]
    dropped: Dropped


def _units(findings: List[Finding]) -> List[List[Finding]]:
    """Findings whose fixes rename the same name form one unit: all or none."""
    units: Dict[object, List[Finding]] = {}
    for finding in findings:
        renames = _fix(finding).renames
        key = renames[0] if renames else id(finding)
        units.setdefault(key, []).append(finding)
    return list(units.values())


def apply_round(
    source: str, findings: Iterable[Finding], *, unsafe: bool = False, guard: Optional[Guard] = None
) -> Round:
    """Apply one round of non-overlapping fixes that pass the guards."""
    guard = guard or Guard()
    candidates = fixable(findings, unsafe)
    text, applied = apply_groups(source, [(finding, _fix(finding).edits) for finding in candidates])
    if not applied:
        return Round(source, [], {})
    chosen = set(map(id, applied))  # a rename some of whose fixes overlap others waits for a round
    units = [unit for unit in _units(candidates) if all(id(finding) in chosen for finding in unit)]
    dropped: Dropped = {}
    kept = _keep(source, units, guard, dropped)
    kept_findings = [finding for unit in kept for finding in unit]
    if not kept_findings:
        return Round(source, [], dropped)
    text, applied = apply_groups(source, [(finding, _fix(finding).edits) for finding in kept_findings])
    return Round(text, applied, dropped)


def _refusal(source: str, units: List[List[Finding]], guard: Guard) -> Optional[str]:
    findings = [finding for unit in units for finding in unit]
    fixes = [_fix(finding) for finding in findings]
    text, applied = apply_groups(source, [(finding, fix.edits) for finding, fix in zip(findings, fixes)])
    if len(applied) != len(findings):
        return "it overlaps another fix"
    renames = {rename for fix in fixes for rename in fix.renames}
    spans = [(edit.line, edit.col, edit.end_line, edit.end_col) for fix in fixes for edit in fix.edits]
    reason = guard.refuse(source, text, renames, spans)
    if reason is None:
        try:
            check_confined(source, text, edited_lines(fix.edits for fix in fixes), guard.trees(source, text))
        except UnsafeResult as error:
            reason = str(error)
    return reason


def _keep(source: str, units: List[List[Finding]], guard: Guard, dropped: Dropped) -> List[List[Finding]]:
    """The units that together pass the guards; the others are recorded in ``dropped`` with a reason.
    One check of the whole module when all pass (most rounds); when it refuses, each unit is judged
    on the statements it touches (linear in the module: one refusal costs its statements), and the
    rest is checked whole again, halving only for what the statements could not show."""
    if not units:
        return []
    reason = _refusal(source, units, guard)
    if reason is None:
        return units
    if len(units) == 1:
        return _bisect(source, units, guard, dropped, reason)
    survivors = []
    for unit in units:
        fixes = [_fix(finding) for finding in unit]
        edits = [edit for fix in fixes for edit in fix.edits]
        reason_alone = guard.refuse_alone(source, edits, {rename for fix in fixes for rename in fix.renames})
        if reason_alone is None:
            survivors.append(unit)
        else:
            for finding in unit:
                dropped[dropped_key(finding)] = reason_alone
    return _bisect(source, survivors, guard, dropped, reason if len(survivors) == len(units) else None)


def _bisect(
    source: str, units: List[List[Finding]], guard: Guard, dropped: Dropped, reason: Optional[str] = None
) -> List[List[Finding]]:
    """:func:`_keep` by halving: few whole checks when few units fail. ``reason``: the whole check's
    refusal of ``units``, when known."""
    if not units:
        return []
    if reason is None:
        reason = _refusal(source, units, guard)
    if reason is None:
        return units
    if len(units) == 1:
        for finding in units[0]:
            dropped[dropped_key(finding)] = reason
        return []
    middle = len(units) // 2
    kept = _bisect(source, units[:middle], guard, dropped) + _bisect(source, units[middle:], guard, dropped)
    if _refusal(source, kept, guard) is None:
        return kept
    together: List[List[Finding]] = []  # fine alone, not together: add them one by one
    for unit in kept:
        reason = _refusal(source, together + [unit], guard)
        if reason is None:
            together.append(unit)
        else:
            for finding in unit:
                dropped[dropped_key(finding)] = reason
    return together


def apply_fixes(
    source: str, findings: Iterable[Finding], *, unsafe: bool = False, guard: Optional[Guard] = None
) -> Tuple[str, int]:
    """One round over ``findings``; returns the new text and how many fixes it applied."""
    result = apply_round(source, findings, unsafe=unsafe, guard=guard)
    return result.text, len(result.applied)


def fix_until_stable(
    source: str,
    check: Callable[[str], List[Finding]],
    *,
    unsafe: bool = False,
    guard: Optional[Guard] = None,
    dropped: Optional[Dropped] = None,
) -> Tuple[str, List[Finding]]:
    """Check, fix, check again, until nothing fixable is left (at most MAX_ROUNDS rounds).

    Returns the fixed text and every finding fixed on the way; ``dropped`` (if given) receives the
    fixes the guards refused, with the reason."""
    text = source
    fixed: List[Finding] = []
    refused: Dropped = {} if dropped is None else dropped
    guard = guard or Guard()
    for _ in range(MAX_ROUNDS):
        findings = [finding for finding in check(text) if dropped_key(finding) not in refused]
        result = apply_round(text, findings, unsafe=unsafe, guard=guard)
        refused.update(result.dropped)
        if not result.applied:
            break
        text, fixed = result.text, fixed + result.applied
    return text, fixed


def explain_dropped(findings: List[Finding], dropped: Dropped) -> List[Finding]:
    """The findings, those whose fix was refused without it and with the reason in the message."""
    if not dropped:
        return findings
    return [
        finding.unfixed(dropped[dropped_key(finding)])
        if finding.fix is not None and dropped_key(finding) in dropped
        else finding
        for finding in findings
    ]


def _statements(tree: ast.AST, keep: bool = False) -> List[ast.stmt]:
    """The tree's statements in source order. ``keep``: remember them (the last kept tree's only): a
    round checks many results against one source."""
    global _KEPT
    if _KEPT[0] is tree:
        return _KEPT[1]
    found = [node for node in every_node(tree) if isinstance(node, ast.stmt)]
    statements = sorted(found, key=lambda node: (node.lineno, node.col_offset))
    if keep:
        _KEPT = (tree, statements)
    return statements


_KEPT: Tuple[Optional[ast.AST], List[ast.stmt]] = (None, [])


def check_confined(
    before: str, after: str, edited_lines: Set[int], trees: Optional[Tuple[ast.AST, ast.AST]] = None
) -> None:
    """Raise :class:`UnsafeResult` unless ``after`` parses and differs from ``before`` only in the
    statements on ``edited_lines``. ``trees``: both texts' trees, when the caller parsed them already."""
    try:
        old, new = trees or (ast.parse(before), ast.parse(after))
    except (SyntaxError, ValueError) as error:
        raise UnsafeResult(f"the fixed code does not parse: {error}") from None
    except (RecursionError, MemoryError):
        raise UnsafeResult("the fixed code is nested too deeply to verify") from None
    old_statements, new_statements = _statements(old, keep=True), _statements(new)
    if len(old_statements) != len(new_statements):
        raise UnsafeResult("the fixes would add or remove statements")
    old_lines, new_lines = split_lines(before), split_lines(after)
    for old_node, new_node in zip(old_statements, new_statements):
        end = old_node.end_lineno or old_node.lineno
        if any(line in edited_lines for line in range(old_node.lineno, end + 1)):
            continue
        if type(old_node) is not type(new_node) or not (
            hasattr(old_node, "body")
            or _same_text(old_node, new_node, old_lines, new_lines)
            or _same_tree(old_node, new_node)
        ):
            raise UnsafeResult(f"the fixes would change line {old_node.lineno}, which no fix was meant to touch")


def _same_text(old: ast.stmt, new: ast.stmt, old_lines: Sequence[str], new_lines: Sequence[str]) -> bool:
    """Both simple statements are the same text at the same columns (then they parse alike): the cheap
    test first, :func:`_same_tree` when it fails."""
    if (old.col_offset, old.end_col_offset) != (new.col_offset, new.end_col_offset) or None in (
        old.end_lineno,
        new.end_lineno,
    ):
        return False
    return old_lines[old.lineno - 1 : old.end_lineno] == new_lines[new.lineno - 1 : new.end_lineno]


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
