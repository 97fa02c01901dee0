"""Imports that nothing in the checked tree can shadow.

kerascheck never runs the code it checks, but Python finds a module in the first folder of
``sys.path`` that has it: ``python -m`` puts the working folder there, and pylint puts the folders it
checks there while it runs. A project with its own ``packaging/`` or ``tomllib.py`` would then be
imported, and executed, by kerascheck's own imports. So every module kerascheck imports after start-up
(``packaging``, the TOML reader, the pin reader) is imported with ``sys.path`` as it was when
kerascheck itself was imported, without the working folder.
"""

from __future__ import annotations

import os
import sys
from types import ModuleType
from typing import List


def _without_working_folder(entries: List[str]) -> List[str]:
    try:
        here = os.getcwd()
    except OSError:  # the working folder was removed
        here = None
    return [entry for entry in entries if entry not in ("", ".") and os.path.abspath(entry) != here]


# sys.path before any front end added checked folders to it (pylint adds them when it starts checking)
TRUSTED_PATH = tuple(_without_working_folder(sys.path))


def trusted_import(name: str) -> ModuleType:
    """``import name``, never from the working folder or a checked folder: while it is imported (with
    what it imports in turn), ``sys.path`` holds only the folders kerascheck's own modules come from."""
    module = sys.modules.get(name)
    if module is not None:
        return module
    saved = sys.path[:]
    sys.path[:] = _without_working_folder(list(TRUSTED_PATH))
    try:
        __import__(name)
    finally:
        sys.path[:] = saved
    return sys.modules[name]


def drop_working_folder() -> None:
    """For ``python -m kerascheck``: the command never imports from the folder it is run in."""
    sys.path[:] = _without_working_folder(sys.path)
