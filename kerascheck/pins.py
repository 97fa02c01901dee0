"""The ``auto`` Keras target: read the project's keras / tensorflow pins and say what they mean.

Looked at, nearest folder first: ``pyproject.toml`` (``[project]`` dependencies and optional
dependencies, ``[tool.poetry]`` dependencies), ``setup.cfg`` (``install_requires``) and
``requirements*.txt``. A pin that admits only Keras 3 (keras >= 3, tensorflow >= 2.16) means
``keras3``; one that admits only Keras 2 means ``tf.keras``; nothing decisive means ``tf.keras``.
Requirement strings are parsed with ``packaging``; lines it cannot read are skipped here (the
dependency checks report them).
"""
from __future__ import annotations

import configparser
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, List, Optional, Tuple

from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name

from kerascheck.catalog.model import Target
from kerascheck.catalog.releases import (
    KERAS_2_RELEASES,
    KERAS_3_RELEASES,
    TENSORFLOW_DISTRIBUTIONS,
    TENSORFLOW_KERAS_2_RELEASES,
    TENSORFLOW_KERAS_3_RELEASES,
)


@dataclass(frozen=True)
class Pin:
    requirement: Requirement
    where: str  # "requirements.txt:3"


@dataclass(frozen=True)
class Decision:
    target: Target
    reason: str  # said to the user: "tensorflow==2.16.1 (requirements.txt:3)"


def _requirement(text: str) -> Optional[Requirement]:
    try:
        return Requirement(text)
    except InvalidRequirement:
        return None


def _requirements_file(path: Path) -> Iterator[Pin]:
    for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), start=1):
        text = line.split(" #", 1)[0].strip()
        if text and not text.startswith(("#", "-")):
            requirement = _requirement(text)
            if requirement:
                yield Pin(requirement, f"{path.name}:{number}")


def _pyproject(path: Path) -> Iterator[Pin]:
    from kerascheck.config import _read_toml  # one TOML reader for the project

    data = _read_toml(path)
    project = data.get("project", {})
    texts = list(project.get("dependencies", []))
    for extra in project.get("optional-dependencies", {}).values():
        texts += list(extra)
    for name, spec in data.get("tool", {}).get("poetry", {}).get("dependencies", {}).items():
        version = spec.get("version", "") if isinstance(spec, dict) else str(spec)
        texts.append(f"{name}{_poetry_specifier(version)}")
    for text in texts:
        requirement = _requirement(text)
        if requirement:
            yield Pin(requirement, path.name)


def _poetry_specifier(version: str) -> str:
    """Poetry's ``^2.15`` / ``~2.15`` / ``2.15.*`` / ``*`` in PEP 440 terms (enough to judge a major line)."""
    version = version.strip()
    if version in ("", "*"):
        return ""
    if version.startswith("^"):
        parts = version[1:].split(".")
        upper = f"{int(parts[0]) + 1}" if parts[0] != "0" else f"0.{int(parts[1]) + 1}"
        return f">={version[1:]},<{upper}"
    if version.startswith("~") and not version.startswith("~="):
        parts = version[1:].split(".")
        return f">={version[1:]},<{parts[0]}.{int(parts[1]) + 1}" if len(parts) > 1 else f"=={parts[0]}.*"
    if version[0].isdigit():
        return f"=={version}"
    return version


def _setup_cfg(path: Path) -> Iterator[Pin]:
    parser = configparser.ConfigParser()
    try:
        parser.read(path, encoding="utf-8")
        lines = parser.get("options", "install_requires", fallback="").splitlines()
    except configparser.Error:
        return
    for line in lines:
        requirement = _requirement(line.strip()) if line.strip() else None
        if requirement:
            yield Pin(requirement, path.name)


def project_pins(start: Path) -> List[Pin]:
    """Pins of the nearest folder at or above ``start`` that declares any."""
    for directory in [start, *start.parents]:
        pins: List[Pin] = []
        if (directory / "pyproject.toml").is_file():
            pins += _pyproject(directory / "pyproject.toml")
        if (directory / "setup.cfg").is_file():
            pins += _setup_cfg(directory / "setup.cfg")
        for path in sorted(directory.glob("requirements*.txt")):
            pins += _requirements_file(path)
        if pins:
            return pins
    return []


def _admits(requirement: Requirement, versions: Tuple[str, ...]) -> bool:
    return any(requirement.specifier.contains(version, prereleases=True) for version in versions)


def decide(pins: List[Pin]) -> Decision:
    for pin in pins:
        requirement = pin.requirement
        name = canonicalize_name(requirement.name)
        if name == "keras":
            two, three = KERAS_2_RELEASES, KERAS_3_RELEASES
        elif name in TENSORFLOW_DISTRIBUTIONS:
            two, three = TENSORFLOW_KERAS_2_RELEASES, TENSORFLOW_KERAS_3_RELEASES
        else:
            continue
        if not str(requirement.specifier):
            continue
        reason = f"{requirement} ({pin.where})"
        if _admits(requirement, three) and not _admits(requirement, two):
            return Decision(Target.KERAS3, reason)
        if _admits(requirement, two) and not _admits(requirement, three):
            return Decision(Target.TF_KERAS, reason)
    return Decision(Target.TF_KERAS, "no keras or tensorflow pin decides it; the default")


def auto_target(start: Path) -> Decision:
    return decide(project_pins(start))
