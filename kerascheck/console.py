"""The ``kerascheck`` command's entry point, kept apart from the command line so that it loads in no time: a
Ctrl-C while the rest of kerascheck is still being imported ends the run as a later one does (status 130,
no traceback)."""

from __future__ import annotations

import sys

from kerascheck.errors import INTERRUPTED


def main() -> None:  # pragma: no cover - the console script; tests run it in a subprocess
    try:
        from kerascheck.cli import main as run
    except KeyboardInterrupt:
        sys.exit(INTERRUPTED)
    run()
