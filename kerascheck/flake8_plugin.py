"""The flake8 front end: findings as flake8 tuples. No rule logic lives here.

The plugin reads flake8's ``tree`` and ``lines`` (never the file), so it works on stdin for editors. Loading it
imports the options only; the rules come with the first file checked.
Settings come from the same finder as the command line's (the nearest ``[tool.kerascheck]`` of each
file); flake8's own options win where given: ``--keras-target``, and ``--select``/``--ignore`` (and
their ``extend-`` forms) once they name a ``KER`` selector, in which case flake8 alone decides which
``KER`` codes show. An off-by-default rule (KER307) is reported only when named by its full code, as
flake8-bugbear does for B9 (see :mod:`kerascheck.selection`).
"""

from __future__ import annotations

import argparse
import gc
import sys
from pathlib import Path
from typing import Any, Callable, ClassVar, FrozenSet, Iterator, List, Tuple

from kerascheck import __version__
from kerascheck.config import FLAKE8, OPTIONS, Option, OptionError
from kerascheck.files import module_name_for
from kerascheck.selection import PREFIX, is_selected
from kerascheck.settings_finder import SettingsFinder, warn_once


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
    finder: ClassVar[SettingsFinder] = SettingsFinder({})
    named: ClassVar[FrozenSet[str]] = frozenset()  # what flake8's --select/--extend-select name
    flake8_decides: ClassVar[bool] = False  # flake8's own selection names KER selectors
    _warned: ClassVar[bool] = False

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
                default=None,  # not given: from [tool.kerascheck], else the option's default
                metavar=option.metavar,
                choices=option.choices or None,
                type=_checked(option),  # flake8 passes a config file's value here, never to ``choices``
                parse_from_config=True,
                help=f"kerascheck: {option.help} (default: from [tool.kerascheck], else {option.default})",
            )

    @classmethod
    def parse_options(cls, options: Any) -> None:
        cls.finder = SettingsFinder({"keras_target": options.keras_target}, warn=warn_once)
        try:  # here, before flake8 starts its workers: a bad configuration stops the run, once
            cls.finder.for_folder(Path.cwd())
        except OptionError as error:
            sys.exit(f"kerascheck: error: {error}")
        chosen = [*(options.select or []), *(options.extend_select or [])]
        ignored = [*(options.ignore or []), *(options.extend_ignore or [])]
        cls.named = frozenset(code.upper() for code in chosen)
        cls.flake8_decides = any(code.upper().startswith(PREFIX) for code in chosen + ignored)

    def _reported(self, code: str, settings) -> bool:
        if code in self.named:
            return True
        if self.flake8_decides:
            from kerascheck.rules import RULES_BY_CODE

            return RULES_BY_CODE[code].default_enabled
        return is_selected(code, settings)

    def run(self) -> Iterator[Tuple[int, int, str, type]]:
        # The rules are imported by the first file's check, not with the plugin: flake8 imports every plugin in its
        # main process before it starts its workers (each then imports them at once, side by side), and the
        # options need none of them.
        from kerascheck.engine import cannot_use_keras, check_tree

        module_name = module_name_for(self.filename)
        if cannot_use_keras("".join(self.lines), module_name):
            return
        try:
            settings = self.finder.for_file(Path(self.filename))
        except OptionError as error:
            self._warn(error)
            return
        # The cycle collector paused while checking, as the command line keeps it from rescanning the
        # syntax tree and the index (acyclic, freed by reference counting) pass after pass.
        collecting = gc.isenabled()
        gc.disable()
        try:
            findings = check_tree(self.tree, self.lines, settings, module_name, path=self.filename)
        except RecursionError:
            return  # flake8 itself reports what it cannot handle; a plugin must not crash the run
        finally:
            if collecting:
                gc.enable()
        for finding in findings:
            if self._reported(finding.code, settings):
                yield finding.line, finding.col, f"{finding.code} {finding.text}", type(self)

    @classmethod
    def _warn(cls, error: OptionError) -> None:
        if not cls._warned:  # once per process: every file under the configuration would say it again
            cls._warned = True
            print(f"kerascheck: error: {error}", file=sys.stderr)
