"""The flake8 front end: findings as flake8 tuples. No rule logic lives here.

The plugin reads flake8's ``tree`` and ``lines`` (never the file), so it works on stdin for editors.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any, Callable, ClassVar, Iterator, List, Tuple

from kerascheck import __version__
from kerascheck.config import FLAKE8, OPTIONS, Option, OptionError, Settings
from kerascheck.engine import cannot_use_keras, check_tree, module_name_for
from kerascheck.rules import RULES


def _checked(option: Option) -> Callable[[str], str]:
    """The option's value as given, once its parser accepts it: else argparse's one-line error."""

    def check(value: str) -> str:
        try:
            option.parse(value)
        except OptionError as error:
            raise argparse.ArgumentTypeError(str(error)) from None
        return value

    check.__name__ = option.name  # argparse names the converter in some messages
    return check


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
                type=_checked(option),  # flake8 passes a config file's value here, never to ``choices``
                parse_from_config=True,
                help=f"kerascheck: {option.help} (default: %(default)s)",
            )
        manager.extend_default_ignore([rule.code for rule in RULES if not rule.default_enabled])

    @classmethod
    def parse_options(cls, options: Any) -> None:
        cls.settings = Settings.from_values({"keras_target": options.keras_target})
        for problem in cls.settings.target_problems:
            print(f"kerascheck: warning: {problem} (not used to decide the keras target)", file=sys.stderr)

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
