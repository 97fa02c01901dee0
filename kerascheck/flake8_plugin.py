"""The flake8 front end: findings as flake8 tuples. No rule logic lives here.

The plugin reads flake8's ``tree`` and ``lines`` (never the file), so it works on stdin for editors.
"""

from __future__ import annotations

from typing import Any, ClassVar, Iterator, List, Tuple

from kerascheck import __version__
from kerascheck.config import FLAKE8, OPTIONS, Settings
from kerascheck.engine import cannot_use_keras, check_tree, module_name_for
from kerascheck.rules import RULES


class KerascheckPlugin:
    name = "kerascheck"
    version = __version__
    settings: ClassVar[Settings] = Settings()

    def __init__(self, tree: Any, lines: List[str], filename: str) -> None:
        self.tree = tree
        self.lines = lines
        self.filename = filename

    @classmethod
    def add_options(cls, manager: Any) -> None:
        for option in OPTIONS:
            if FLAKE8 not in option.frontends:
                continue
            manager.add_option(
                f"--{option.name}",
                default=option.default,
                metavar=option.metavar,
                choices=option.choices or None,
                parse_from_config=True,
                help=f"kerascheck: {option.help} (default: %(default)s)",
            )
        manager.extend_default_ignore([rule.code for rule in RULES if not rule.default_enabled])

    @classmethod
    def parse_options(cls, options: Any) -> None:
        cls.settings = Settings.from_values({"keras_target": options.keras_target})

    def run(self) -> Iterator[Tuple[int, int, str, type]]:
        module_name = module_name_for(self.filename)
        if cannot_use_keras("".join(self.lines), module_name):
            return
        try:
            findings = check_tree(self.tree, self.lines, self.settings, module_name)
        except RecursionError:
            return  # flake8 itself reports what it cannot handle; a plugin must not crash the run
        for finding in findings:
            yield finding.line, finding.col, f"{finding.code} {finding.text}", type(self)
