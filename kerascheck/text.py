"""Source text as the tokenizer and the findings count it."""

from __future__ import annotations

import io
from typing import List


def split_lines(source: str) -> List[str]:
    """Lines as the tokenizer counts them (\\n, \\r\\n and \\r; not form feeds or \\x1c)."""
    return io.StringIO(source, newline="").readlines()
