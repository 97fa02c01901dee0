"""``python -m kerascheck``: the same as the ``kerascheck`` command."""

from kerascheck.cli import main

main()
