"""``# noqa`` exactly as flake8 reads it, so the command line and flake8 silence the same findings.

flake8 (7.x ``defaults.py``, ``violation.py``, ``processor.py``): an inline ``# noqa`` silences every
code on its line, ``# noqa: KER201,KER1`` the listed codes and codes starting with them; a comment
anywhere in a multi-line statement covers all of the statement's lines; a line that is only
``# flake8: noqa`` skips the whole file.
"""

from __future__ import annotations

import io
import re
import tokenize
from typing import Dict, Iterable, List, Sequence

from kerascheck.findings import Finding

NOQA_INLINE = re.compile(r"# noqa(?::[\s]?(?P<codes>([A-Z]+[0-9]+(?:[,\s]+)?)+))?", re.IGNORECASE)
NOQA_FILE = re.compile(r"\s*# flake8[:=]\s*noqa", re.IGNORECASE)


def file_is_skipped(lines: Sequence[str]) -> bool:
    return any("flake8" in line and NOQA_FILE.match(line) for line in lines)


def _statement_text(lines: Sequence[str]) -> Dict[int, str]:
    """For each line of a multi-line statement, the text of the whole statement (1-based keys)."""
    mapping: Dict[int, str] = {}
    try:
        tokens = tokenize.generate_tokens(io.StringIO("".join(lines)).readline)
        start = 1
        for token in tokens:
            if token.type in (tokenize.NEWLINE, tokenize.ENDMARKER):
                end = token.end[0]
                if end > start:
                    joined = "".join(lines[start - 1 : end])
                    mapping.update({number: joined for number in range(start, end + 1)})
                start = end + 1
            elif token.type == tokenize.NL and token.start[0] == start:
                start = token.end[0] + 1
    except (tokenize.TokenError, SyntaxError, IndentationError):
        pass
    return mapping


def remove_silenced(findings: Iterable[Finding], lines: Sequence[str]) -> List[Finding]:
    findings = list(findings)
    if not findings:
        return findings
    statements = _statement_text(lines) if any("noqa" in line.lower() for line in lines) else {}
    kept = []
    for finding in findings:
        text = lines[finding.line - 1] if 0 < finding.line <= len(lines) else ""
        text = statements.get(finding.line, text)
        match = NOQA_INLINE.search(text)
        if match is None:
            kept.append(finding)
            continue
        codes = match.group("codes")
        if codes is None:
            continue  # a blanket noqa
        listed = tuple(code for code in re.split(r"[,\s]+", codes.strip()) if code)
        if not (finding.code in listed or finding.code.startswith(listed)):
            kept.append(finding)
    return kept
