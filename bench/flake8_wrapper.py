"""Run flake8 exactly as its console script does, optionally hiding installed plugins.

flake8 7.x has no option that stops an installed plugin from running: ``--select``/``--ignore``
only filter what is *reported* (every plugin still runs on every file), and ``--require-plugins``
only checks presence. So the benchmark runs both the "with" and the "without" measure through this
same wrapper, in the same venv; for "without" it filters the named distributions out of flake8's
plugin discovery (``flake8.plugins.finder._find_importlib_plugins``), so flake8 never loads them.

Environment:
    BENCH_FLAKE8_EXCLUDE   comma-separated distribution names whose plugins are hidden (e.g. kerascheck)
    BENCH_MODULES_REPORT   a file to write, at exit, every imported module of the excluded/named
                           distributions' top-level packages (BENCH_MODULES_PREFIX, default kerascheck)

Usage: python flake8_wrapper.py [flake8 arguments]
"""

from __future__ import annotations

import os
import sys


def _normalize(name: str) -> str:
    return name.lower().replace("_", "-").replace(".", "-")


def main() -> int:
    import flake8.plugins.finder as finder
    from flake8.main.cli import main as flake8_main

    excluded = {_normalize(n) for n in os.environ.get("BENCH_FLAKE8_EXCLUDE", "").split(",") if n.strip()}
    if excluded:
        original = finder._find_importlib_plugins

        def filtered():
            for plugin in original():
                if _normalize(plugin.package) not in excluded:
                    yield plugin

        finder._find_importlib_plugins = filtered
    try:
        return flake8_main(sys.argv[1:])
    finally:
        report = os.environ.get("BENCH_MODULES_REPORT")
        if report:
            prefix = os.environ.get("BENCH_MODULES_PREFIX", "kerascheck")
            loaded = sorted(m for m in sys.modules if m == prefix or m.startswith(prefix + "."))
            with open(report, "w") as stream:
                stream.write("\n".join(loaded) + ("\n" if loaded else ""))


if __name__ == "__main__":
    sys.exit(main())
