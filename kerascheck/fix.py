"""Applying fixes: each finding's edits as one group, back to front; a group that overlaps one
already applied is left for the next round.

The command-line front end (``--fix``) builds on this; flake8 and pylint never fix.
"""
from __future__ import annotations

import ast
from typing import Iterable, List, Sequence, Tuple

from kerascheck.engine import split_lines
from kerascheck.findings import Edit, Finding

Span = Tuple[int, int, str]


def _line_starts(lines: Sequence[str]) -> List[int]:
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))
    return starts


def _spans(starts: List[int], edits: Iterable[Edit]) -> List[Span]:
    spans = [(starts[e.line - 1] + e.col, starts[e.end_line - 1] + e.end_col, e.text) for e in edits]
    return sorted(spans, reverse=True)


def apply_fixes(source: str, findings: Iterable[Finding], *, unsafe: bool = False) -> Tuple[str, int]:
    """Apply the fixes of ``findings`` (safe ones; unsafe ones too if asked).

    Returns the new text and how many findings were fixed. A result that does not parse is refused:
    the source comes back unchanged with 0."""
    starts = _line_starts(split_lines(source))
    groups = [
        _spans(starts, finding.fix.edits)
        for finding in findings
        if finding.fix is not None and (finding.fix.safe or unsafe)
    ]
    groups.sort(key=lambda spans: spans[0][1], reverse=True)
    text, limit, fixed = source, len(source), 0
    for spans in groups:
        if spans[0][1] > limit or any(start > end for start, end, _ in spans):
            continue
        for start, end, replacement in spans:
            text = text[:start] + replacement + text[end:]
        limit = spans[-1][0]
        fixed += 1
    if fixed == 0:
        return source, 0
    try:
        ast.parse(text)
    except (SyntaxError, ValueError):
        return source, 0
    return text, fixed
