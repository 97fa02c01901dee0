"""``python -m kerascheck``: the same as the ``kerascheck`` command."""

from kerascheck.isolation import drop_working_folder

drop_working_folder()  # ``python -m`` put it first on sys.path: a module of the checked tree could shadow ours

from kerascheck.console import main  # noqa: E402

main()
