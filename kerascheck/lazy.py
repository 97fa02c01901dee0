"""A regular expression compiled on first use: kerascheck starts without compiling the patterns a run
may never need (``# noqa`` comments, notebook magics …)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import re

_METHODS = ("match", "fullmatch", "search", "findall", "finditer", "sub", "subn", "split")


if TYPE_CHECKING:  # what it stands for, so that checkers type its methods as re.Pattern's

    def LazyPattern(pattern: str, flags: int = 0) -> re.Pattern[str]: ...

else:

    class LazyPattern:
        """Stands for ``re.compile(pattern, flags)``: the first method looked up compiles it, and the
        compiled pattern's methods then take the place of this lookup."""

        def __init__(self, pattern: str, flags: int = 0) -> None:
            self._source = (pattern, flags)

        def __getattr__(self, name: str):
            import re

            compiled = re.compile(*self._source)
            for method in _METHODS:
                setattr(self, method, getattr(compiled, method))
            return getattr(compiled, name)
