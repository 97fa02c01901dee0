"""Source text as the tokenizer and the findings count it."""

from __future__ import annotations

import io
import sys
from typing import Iterator, List, Optional, Sequence, Union, overload


def split_lines(source: str) -> List[str]:
    """Lines as the tokenizer counts them (\\n, \\r\\n and \\r; not form feeds or \\x1c)."""
    return io.StringIO(source, newline="").readlines()


class Lines(Sequence[str]):
    """A text's :func:`split_lines`, split when first read: most modules of a run give no finding, and
    many are never asked for a line."""

    __slots__ = ("text", "_lines", "_starts")

    def __init__(self, text: str) -> None:
        self.text = text
        self._lines: Optional[List[str]] = None
        self._starts: Optional[List[int]] = None  # where the lines read so far start (see lines_text)

    def lines_text(self, first: int, last: int) -> str:
        """The text of lines ``first`` to ``last`` (counted from 1), line ends included: ``"".join(lines[first - 1:
        last])``, without splitting the whole text when its lines end at "\n" only (an import near the top)."""
        if self._lines is not None or "\r" in self.text:
            return "".join(self._split()[first - 1 : last])
        starts = self._starts
        if starts is None:
            starts = self._starts = [0]
        text = self.text
        while len(starts) <= last and starts[-1] < len(text):
            end = text.find("\n", starts[-1])
            starts.append(len(text) if end < 0 else end + 1)
        begin = starts[first - 1] if first - 1 < len(starts) else len(text)
        return text[begin : starts[last] if last < len(starts) else len(text)]

    def _split(self) -> List[str]:
        if self._lines is None:
            self._lines = split_lines(self.text)
        return self._lines

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> List[str]: ...

    def __getitem__(self, index: Union[int, slice]) -> Union[str, List[str]]:
        return self._split()[index]

    def __len__(self) -> int:
        return len(self._split())

    def __iter__(self) -> Iterator[str]:
        return iter(self._split())

    def __reduce__(self):
        return (list, (self._split(),))  # pickled as the list it stands for


def syntax_problem(error: SyntaxError) -> str:
    """What a syntax error says, with its line: ``line 3: invalid syntax``. Python 3.12 reads f-strings an older
    Python refuses (PEP 701: the same quotes, or a backslash, inside the braces): an f-string error there says so."""
    said = f"line {error.lineno}: {error.msg}" if error.lineno else str(error.msg)
    if sys.version_info < (3, 12) and str(error.msg).startswith("f-string"):
        running = f"{sys.version_info.major}.{sys.version_info.minor}"
        said += (
            f" (Python 3.12 reads more f-strings than this Python {running}: for code written for 3.12+, run "
            "kerascheck on 3.12 or later)"
        )
    return said
