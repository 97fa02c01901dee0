"""The errors a user can correct: option values and configuration files."""

from __future__ import annotations

from pathlib import Path


class OptionError(ValueError):
    """An option value the user must correct."""


class WrongType(OptionError):
    """A value of the wrong type (``select = 5``); the message is completed with the option's name."""


class TomlError(OptionError):
    """A TOML file that cannot be read; ``reason`` says why without naming the file."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.reason = reason


INTERRUPTED = 130  # the exit status of a run a Ctrl-C ended: 128 + SIGINT, as shells report it
