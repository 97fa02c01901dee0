"""Every option, declared once, and the frozen settings the engine sees.

The flake8 plugin, the pylint plugin and the command line all project :data:`OPTIONS` into their own
option systems; none of them declares an option by hand.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Mapping, Tuple

from kerascheck.catalog.model import Target


class OptionError(ValueError):
    """An option value the user must correct."""


def parse_target(value: Any) -> Target:
    if isinstance(value, Target):
        return value
    text = str(value).strip().lower()
    for target in Target:
        if text == target.value:
            return target
    choices = ", ".join(target.value for target in Target)
    raise OptionError(f"unknown Keras target {value!r}: choose one of {choices}")


@dataclass(frozen=True)
class Option:
    name: str  # dashed, as on the command line and in config files: "keras-target"
    default: str
    metavar: str
    help: str
    parse: Callable[[Any], Any]
    choices: Tuple[str, ...] = ()

    @property
    def attribute(self) -> str:
        return self.name.replace("-", "_")


OPTIONS: Tuple[Option, ...] = (
    Option(
        name="keras-target",
        default=Target.TF_KERAS.value,
        metavar="TARGET",
        help="what the checked code should run on: tf.keras (TensorFlow 2.x with Keras 2, the default) "
        "or keras3 (Keras 3, standalone or TensorFlow >= 2.16)",
        parse=parse_target,
        choices=tuple(target.value for target in Target),
    ),
)


@dataclass(frozen=True)
class Settings:
    target: Target = Target.TF_KERAS

    @classmethod
    def from_values(cls, values: Mapping[str, Any]) -> "Settings":
        """Build settings from option values keyed by attribute name; missing ones take defaults."""
        parsed = {}
        for option in OPTIONS:
            raw = values.get(option.attribute)
            parsed[option.attribute] = option.parse(option.default if raw is None else raw)
        return cls(target=parsed["keras_target"])
