"""Every option, declared once, and the frozen settings the engine and front ends see.

The flake8 plugin, the pylint plugin and the command line all project :data:`OPTIONS` into their own
option systems (each option says which front ends have it); none of them declares an option by hand.
The command line also reads ``[tool.kerascheck]`` from the nearest ``pyproject.toml``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Dict, Mapping, Optional, Tuple

from kerascheck.catalog.model import Target
from kerascheck.errors import OptionError as OptionError  # re-exported: the front ends catch it from here
from kerascheck.errors import WrongType
from kerascheck.files import read_toml
from kerascheck.isolation import trusted_import
from kerascheck.record import Record

FLAKE8, PYLINT, CLI = "flake8", "pylint", "cli"


AUTO = "auto"


def parse_target(value: Any) -> Any:
    """A :class:`Target`, or ``"auto"``, which :meth:`Settings.from_values` resolves from the pins."""
    if isinstance(value, Target):
        return value
    text = str(value).strip().lower()
    for target in Target:
        if text == target.value:
            return target
    if text == AUTO:
        return AUTO
    choices = ", ".join([target.value for target in Target] + [AUTO])
    raise OptionError(f"unknown Keras target {value!r}: choose one of {choices}")


def parse_list(value: Any) -> Tuple[str, ...]:
    """A comma-separated string (command line, flake8) or a list (TOML)."""
    if value is not None and not isinstance(value, (str, list, tuple)):
        raise WrongType(f"expected a list of strings or a comma-separated string, not {value!r}")
    items = value.split(",") if isinstance(value, str) else list(value or ())
    return tuple(str(item).strip() for item in items if str(item).strip())


def parse_codes(value: Any) -> Tuple[str, ...]:
    """Selectors (``ALL``, ``KER``, ``KER2``, ``KER201``), each checked against the real codes."""
    from kerascheck.selection import check_selector

    return tuple(check_selector(code) for code in parse_list(value))


def parse_per_file_ignores(value: Any) -> Tuple[Tuple[str, Tuple[str, ...]], ...]:
    """``{"tests/*" = ["KER201"]}`` (TOML) as ((glob, selectors), ...), in the order written."""
    if not value:
        return ()
    if isinstance(value, tuple):  # already parsed
        return value
    if not isinstance(value, Mapping):
        raise OptionError(f"per-file-ignores must be a table of globs to codes, not {value!r}")
    return tuple((str(glob), parse_codes(codes)) for glob, codes in value.items())


def parse_flag(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    raise WrongType(f"expected true or false, not {value!r}")


class Option(Record):
    name: str  # dashed, as on the command line and in config files: "keras-target"
    default: Any
    metavar: str
    help: str
    parse: Callable[[Any], Any]
    choices: Tuple[str, ...] = ()
    frontends: Tuple[str, ...] = (FLAKE8, PYLINT, CLI)

    @property
    def attribute(self) -> str:
        return self.name.replace("-", "_")


OPTIONS: Tuple[Option, ...] = (
    Option(
        name="keras-target",
        default=Target.TF_KERAS.value,
        metavar="TARGET",
        help="what the checked code should run on: tf.keras (TensorFlow 2.x with Keras 2, the default), "
        "keras3 (Keras 3, standalone or TensorFlow >= 2.16), or auto (read from the project's keras and "
        "tensorflow pins in pyproject.toml, setup.cfg, requirements*.txt)",
        parse=parse_target,
        choices=tuple(target.value for target in Target) + (AUTO,),
    ),
    Option(
        "select",
        (),
        "CODES",
        "codes or prefixes to report, replacing the default set (KER2,KER301)",
        parse_codes,
        frontends=(CLI,),
    ),
    Option(
        "extend-select",
        (),
        "CODES",
        "codes or prefixes to report in addition, e.g. the off-by-default KER307",
        parse_codes,
        frontends=(CLI,),
    ),
    Option("ignore", (), "CODES", "codes or prefixes not to report", parse_codes, frontends=(CLI,)),
    Option(
        "exclude", (), "GLOBS", "file or folder patterns to skip when searching folders", parse_list, frontends=(CLI,)
    ),
    Option(
        "per-file-ignores",
        (),
        "",
        "codes not to report in the files a glob matches (relative to the configuration's folder), as in "
        'flake8 and ruff: [tool.kerascheck.per-file-ignores] "tests/*" = ["KER201"]',
        parse_per_file_ignores,
        frontends=(),  # configuration only: flake8 has its own --per-file-ignores
    ),
    Option(
        "respect-gitignore",
        True,
        "",
        "skip what .gitignore files ignore when searching folders (--no-respect-gitignore: search everything)",
        parse_flag,
        frontends=(),  # the command line has the --no- flag
    ),
)


class Settings(Record):
    target: Target = Target.TF_KERAS
    select: Tuple[str, ...] = ()
    extend_select: Tuple[str, ...] = ()
    ignore: Tuple[str, ...] = ()
    exclude: Tuple[str, ...] = ()
    per_file_ignores: Tuple[Tuple[str, Tuple[str, ...]], ...] = ()
    respect_gitignore: bool = True
    file_ignore: Tuple[str, ...] = ()  # what per-file-ignores say of the one file these settings are for

    target_reason: str = ""  # how an ``auto`` target was decided
    pins: Tuple[str, ...] = ()  # with ``auto``: the project's keras and tensorflow pins, for the messages
    target_problems: Tuple[str, ...] = ()  # what an ``auto`` target could not read, one line each

    @classmethod
    def from_values(
        cls, *layers: Mapping[str, Any], root: Optional[Path] = None, pins_memo: Optional[dict] = None
    ) -> Settings:
        """Settings from option values keyed by attribute name; an earlier layer wins over a later one
        (command line, then config file), a missing value takes the option's default. An ``auto``
        target is decided from the pins found at or above ``root`` (default: the working folder);
        ``pins_memo`` keeps each folder's decision across calls."""
        parsed: Dict[str, Any] = {}
        for option in OPTIONS:
            raw = next((layer[option.attribute] for layer in layers if layer.get(option.attribute) is not None), None)
            parsed[option.attribute] = _parsed(option, option.default if raw is None else raw)
        target, reason, problems, pins = parsed["keras_target"], "", (), ()
        if target == AUTO:
            pin_reader = trusted_import("kerascheck.pins")  # and what it imports in turn
            decision = pin_reader.auto_target((root or Path.cwd()).absolute(), pins_memo)
            target, reason, problems = decision.target, decision.reason, decision.problems
            pins = pin_reader.pinned_versions((root or Path.cwd()).absolute())
        return cls(
            target_reason=reason,
            target_problems=problems,
            pins=pins,
            target=target,
            select=parsed["select"],
            extend_select=parsed["extend_select"],
            ignore=parsed["ignore"],
            exclude=parsed["exclude"],
            per_file_ignores=parsed["per_file_ignores"],
            respect_gitignore=parsed["respect_gitignore"],
        )


def parse_values(layer: Mapping[str, Any]) -> Dict[str, Any]:
    """The values ``layer`` gives (not None), parsed: an :class:`OptionError` names the first bad one."""
    return {
        option.attribute: _parsed(option, layer[option.attribute])
        for option in OPTIONS
        if layer.get(option.attribute) is not None
    }


def _parsed(option: Option, value: Any) -> Any:
    try:
        return option.parse(value)
    except WrongType as error:
        raise OptionError(f"{option.name}: {error}") from None


def find_pyproject(start: Path, stop: Optional[Mapping[Path, Optional[Path]]] = None) -> Optional[Path]:
    """The nearest ``pyproject.toml`` at or above ``start`` that has a ``[tool.kerascheck]`` table;
    ``stop`` gives the answer already known for some folders."""
    for directory in [start, *start.parents]:
        if stop is not None and directory in stop:
            return stop[directory]
        candidate = directory / "pyproject.toml"
        tool = read_toml(candidate).get("tool", {}) if candidate.is_file() else {}
        if isinstance(tool, dict) and "kerascheck" in tool:
            return candidate
    return None


def pyproject_values(path: Optional[Path]) -> Dict[str, Any]:
    """``[tool.kerascheck]`` keyed by attribute name; unknown keys are an error the user can fix."""
    if path is None:
        return {}
    table = read_toml(path)["tool"]["kerascheck"]
    if not isinstance(table, dict):
        raise OptionError(f"{path}: [tool.kerascheck] must be a table of options, not {table!r}")
    known = {option.attribute: option for option in OPTIONS if CLI in option.frontends or not option.frontends}
    values = {}
    for key, value in table.items():
        attribute = key.replace("-", "_")
        if attribute not in known:
            raise OptionError(f"{path}: unknown option {key!r} in [tool.kerascheck]; known: {', '.join(sorted(known))}")
        values[attribute] = value
    return values
