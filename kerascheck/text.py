"""Source text as the tokenizer and the findings count it."""

from __future__ import annotations

import io
from typing import Iterator, List, Optional, Sequence, Union, overload


def split_lines(source: str) -> List[str]:
    """Lines as the tokenizer counts them (\\n, \\r\\n and \\r; not form feeds or \\x1c)."""
    return io.StringIO(source, newline="").readlines()


_HEAD_LIMIT = 200  # lines: past that, splitting the whole text costs less than finding them one by one


class Lines(Sequence[str]):
    """A text's :func:`split_lines`, split when first read: most modules of a run give no finding, and
    many are never asked for a line."""

    __slots__ = ("text", "_lines")

    def __init__(self, text: str) -> None:
        self.text = text
        self._lines: Optional[List[str]] = None

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

    def head(self, count: int) -> List[str]:
        """The first ``count`` lines, found without splitting the rest of the text (imports stand at the top)."""
        if self._lines is not None or count > _HEAD_LIMIT:
            return self._split()[:count]
        text, start = self.text, 0
        found: List[str] = []
        while len(found) < count and start < len(text):
            newline, carriage = text.find("\n", start), text.find("\r", start)
            if carriage >= 0 and (newline < 0 or carriage < newline):  # "\r" or "\r\n" ends the line
                end = carriage + 2 if text.startswith("\r\n", carriage) else carriage + 1
            else:
                end = newline + 1 if newline >= 0 else len(text)
            found.append(text[start:end])
            start = end
        return found

    def __reduce__(self):
        return (list, (self._split(),))  # pickled as the list it stands for
