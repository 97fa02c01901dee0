"""The settings that apply to each checked file, as ruff and black find them: the nearest
``pyproject.toml`` with a ``[tool.kerascheck]`` table at or above the file, and for ``keras-target =
"auto"`` the nearest pins at or above the file that decide a target. The three front ends use this
one finder, so an editor's flake8 or pylint judges a file as the ``kerascheck`` command does.

Values given to the front end itself (command line, flake8's or pylint's own options) win over the
file's; missing values take the options' defaults. Each folder is resolved once per run.
"""

from __future__ import annotations

import fnmatch
import os
import sys
from pathlib import Path
from typing import Any, Callable, Dict, Mapping, Optional, Set, Tuple

from kerascheck.config import AUTO, OPTIONS, OptionError, Settings, find_pyproject, parse_values, pyproject_values
from kerascheck.record import Record


class Resolved(Record):
    settings: Settings
    config: Optional[Path]  # the pyproject.toml the settings came from


class SettingsFinder:
    """Settings per folder and per file, from ``given`` values (attribute -> raw value, None: not
    given) over the nearest ``[tool.kerascheck]``. ``config``: one file for every checked file
    (``--config``); ``use_config=False``: none (``--no-config``)."""

    def __init__(
        self,
        given: Mapping[str, Any],
        *,
        config: Optional[Path] = None,
        use_config: bool = True,
        warn: Optional[Callable[[str], None]] = None,
    ) -> None:
        self._given = parse_values(given)
        self._warn = warn  # told what an ``auto`` target could not read, as each folder is resolved
        self._config = config
        self._use_config = use_config
        self._folders: Dict[Path, Resolved] = {}
        self._as_given: Dict[str, Resolved] = {}  # the same, by the folder as callers name it, made absolute
        self._configs: Dict[Path, Tuple[Optional[Path], Dict[str, Any]]] = {}
        self._pins: dict = {}  # the pins' decision per folder, for ``auto``
        self._nearest: Dict[Path, Optional[Path]] = {}

    def _nearest_config(self, folder: Path) -> Optional[Path]:
        if not self._use_config:
            return None
        if self._config is not None:
            return self._config
        if folder not in self._nearest:
            found = find_pyproject(folder, stop=self._nearest)
            for directory in [folder, *folder.parents]:
                self._nearest[directory] = found
                if found is not None and directory == found.parent:
                    break
        return self._nearest[folder]

    def _values(self, config: Optional[Path]) -> Dict[str, Any]:
        key = config or Path()
        if key not in self._configs:
            try:
                values = parse_values(pyproject_values(config))
            except OptionError as error:
                text = str(error)
                raise OptionError(
                    text if config is None or text.startswith(str(config)) else f"{config}: {text}"
                ) from None
            self._configs[key] = (config, values)
        return self._configs[key][1]

    def resolve(self, folder: Path) -> Resolved:
        """The settings for the files of ``folder``, and the configuration they came from."""
        given = os.path.join(os.getcwd(), folder)  # a long-lived caller may change folders between calls
        found = self._as_given.get(given)
        if found is None:
            found = self._as_given[given] = self._resolve(Path(os.path.normpath(given)))
        return found

    def _resolve(self, folder: Path) -> Resolved:
        if folder not in self._folders:
            config = self._nearest_config(folder)
            values = {**self._values(config), **self._given}
            settings = Settings.from_values(values, root=folder, pins_memo=self._pins)
            self._folders[folder] = Resolved(settings, config)
            warn = self._warn
            if warn is not None:
                for problem in settings.target_problems:
                    warn(problem)
        return self._folders[folder]

    def for_folder(self, folder: Path) -> Settings:
        return self.resolve(folder).settings

    def for_file(self, path: Path) -> Settings:
        """The settings of the file's folder, with what ``per-file-ignores`` says of the file."""
        settings, config = self.resolve(path.parent)
        if not settings.per_file_ignores:
            return settings
        root = config.parent if config is not None else Path.cwd()
        ignored = tuple(
            code for glob, codes in settings.per_file_ignores if _matches(path, root, glob) for code in codes
        )
        return settings._replace(file_ignore=ignored) if ignored else settings

    def target_was_chosen(self, folder: Path) -> bool:
        """Whether the user named the target (not the default, not ``auto``) for ``folder``."""
        value = self._given.get("keras_target")
        if value is None:
            value = self._values(self.resolve(folder).config).get("keras_target")
        return value is not None and value != AUTO


def _matches(path: Path, root: Path, glob: str) -> bool:
    """A per-file-ignores glob against the file's path relative to the configuration's folder (or
    its name, for a glob without ``/``), as flake8 and ruff match them."""
    absolute = Path(os.path.abspath(path))
    try:
        relative = absolute.relative_to(Path(os.path.abspath(root))).as_posix()
    except ValueError:
        relative = absolute.as_posix()
    return fnmatch.fnmatch(relative, glob) or ("/" not in glob and fnmatch.fnmatch(absolute.name, glob))


_SAID: Set[str] = set()


def warn_once(problem: str) -> None:
    """Say on stderr what an ``auto`` target could not read, once per process (and once across the
    workers forked after it was said)."""
    if problem not in _SAID:
        _SAID.add(problem)
        print(f"kerascheck: warning: {problem} (not used to decide the keras target)", file=sys.stderr)


def given_values(namespace: Any) -> Dict[str, Any]:
    """The option values a front end's parsed options hold, None where the option was not given."""
    return {option.attribute: getattr(namespace, option.attribute, None) for option in OPTIONS}
