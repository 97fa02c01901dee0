"""Source text as the tokenizer and the findings count it."""

from __future__ import annotations

import io
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
        # where the lines found so far start, when the text has no "\r" (None: not asked yet or has one)
        self._starts: Optional[List[int]] = None

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

    def between(self, first: int, last: int) -> List[str]:
        """Lines ``first`` to ``last`` (counted from 1, both included), found without splitting the text
        past them: the import rules read the lines of each import, and imports stand near the top. The
        line starts found are kept, so asking again costs nothing."""
        if self._lines is not None:
            return self._lines[first - 1 : last]
        starts, text = self._starts, self.text
        if starts is None:
            if "\r" in text:  # a line may end in "\r" or "\r\n": let the tokenizer's split count them
                return self._split()[first - 1 : last]
            starts = self._starts = [0]
        end = len(text)
        while len(starts) <= last and starts[-1] < end:
            newline = text.find("\n", starts[-1])
            starts.append(end if newline < 0 else newline + 1)
        first, last = max(first, 1), min(last, len(starts) - 1)
        return [text[starts[number - 1] : starts[number]] for number in range(first, last + 1)]

    def __reduce__(self):
        return (list, (self._split(),))  # pickled as the list it stands for
