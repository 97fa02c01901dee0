"""``# noqa`` exactly as flake8 reads it, so the command line and flake8 silence the same findings.

flake8 (7.x ``defaults.py``, ``violation.py``, ``processor.py``): an inline ``# noqa`` silences every
code on its line, ``# noqa: KER201,KER1`` the listed codes and codes starting with them; a comment
anywhere in a multi-line statement covers all of the statement's lines; a line that is only
``# flake8: noqa`` skips the whole file.
"""

from __future__ import annotations

import bisect
import itertools
import re
import tokenize
from typing import Dict, Iterable, List, Sequence, Tuple

from kerascheck.findings import Finding
from kerascheck.lazy import LazyPattern

NOQA_INLINE = LazyPattern(r"# noqa(?::[\s]?(?P<codes>([A-Z]+[0-9]+(?:[,\s]+)?)+))?", re.IGNORECASE)
NOQA_FILE = LazyPattern(r"\s*# flake8[:=]\s*noqa", re.IGNORECASE)


def file_is_skipped(lines: Sequence[str]) -> bool:
    return any("flake8" in line and NOQA_FILE.match(line) for line in lines)


class _LogicalLines:
    """The text of the logical line (flake8's unit for ``# noqa``) around a physical line.

    Tokenizing a whole module is slow, so with the module's statement start lines (each starts a
    logical line) only the stretch from the nearest start before a line is tokenized; without them,
    or if that stretch does not tokenize, the whole module is."""

    def __init__(self, lines: Sequence[str], starts: Sequence[int] = ()) -> None:
        self.lines = lines
        self.starts = [start for start in sorted(set(starts)) if not self._continues(start)]
        self._texts: Dict[int, str] = {}  # 1-based line -> its statement's text, for multi-line ones
        self._covered: List[Tuple[int, int]] = []  # stretches of lines already tokenized

    def _continues(self, start: int) -> bool:
        """Whether a statement's line continues an earlier line's logical line: one ending in a
        backslash (a class header, then its body on the next line), blank or comment lines between.
        Such a statement starts no stretch. (A comment ending in a backslash counts too: an earlier
        start only costs more tokenizing.)"""
        number = min(start, len(self.lines) + 1) - 1
        while number > 0 and self.lines[number - 1].strip(" \t\f\r\n")[:1] in ("", "#"):
            number -= 1
        return number > 0 and self.lines[number - 1].rstrip("\r\n").endswith("\\")

    def text_of(self, number: int) -> str:
        if not any(first <= number <= last for first, last in self._covered):
            at = bisect.bisect_right(self.starts, number) - 1
            if not self._tokenize(self.starts[at] if at >= 0 else 1, until=number):
                if not self._tokenize(1, until=len(self.lines)):
                    self._covered.append((1, len(self.lines)))  # what did tokenize is recorded
        text = self.lines[number - 1] if 0 < number <= len(self.lines) else ""
        return self._texts.get(number, text)

    def _tokenize(self, first: int, until: int) -> bool:
        """Record the logical lines from line ``first`` on, up to the one holding line ``until``."""
        rest = itertools.islice(self.lines, first - 1, None)
        start = first
        try:
            for token in tokenize.generate_tokens(lambda: next(rest, "")):
                if token.type in (tokenize.NEWLINE, tokenize.ENDMARKER):
                    end = token.end[0] + first - 1
                    if end > start:
                        joined = "".join(self.lines[start - 1 : end])
                        self._texts.update({number: joined for number in range(start, end + 1)})
                    start = end + 1
                    if end >= until:
                        break
                elif token.type == tokenize.NL and token.start[0] + first - 1 == start:
                    start = token.end[0] + first
        except (tokenize.TokenError, SyntaxError):
            return False
        self._covered.append((first, max(start - 1, until)))
        return True


def remove_silenced(findings: Iterable[Finding], lines: Sequence[str], starts: Sequence[int] = ()) -> List[Finding]:
    """The findings no ``# noqa`` silences. ``starts``: the lines where the module's statements
    start (from the engine), which saves tokenizing the whole module."""
    findings = list(findings)
    if not findings:
        return findings
    logical = _LogicalLines(lines, starts) if "noqa" in "".join(lines).lower() else None
    kept = []
    for finding in findings:
        if logical is not None:
            text = logical.text_of(finding.line)
        else:
            text = lines[finding.line - 1] if 0 < finding.line <= len(lines) else ""
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
