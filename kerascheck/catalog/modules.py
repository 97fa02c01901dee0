"""Which Keras modules and names each target has: what a fixed import may name.

A fix that rewrites an import must land on a module the target has, and every name it imports must
be bound there (``tensorflow.keras`` has no ``__version__``; ``tensorflow.keras.src`` never existed;
TF 2.15 has no ``tensorflow.keras.ops``). Only the Keras of the target is checked: ``tensorflow.keras``
for tf.keras, ``keras`` and ``tensorflow.keras`` for Keras 3; other imports are not the fixer's.
"""

from __future__ import annotations

import ast
from functools import cache
from typing import Dict, FrozenSet, List, Optional, Tuple, Union

from kerascheck.catalog.model import Target
from kerascheck.catalog.module_tables import KERAS3_MODULES, TF_KERAS_MODULES

_ROOTS = {Target.TF_KERAS: ("tensorflow.keras",), Target.KERAS3: ("keras", "tensorflow.keras")}


@cache
def _table(target: Target) -> Dict[str, FrozenSet[str]]:
    raw = TF_KERAS_MODULES if target is Target.TF_KERAS else KERAS3_MODULES
    return {module: frozenset(names.split()) for module, names in raw.items()}


def _checked(module: str, target: Target) -> bool:
    return any(module == root or module.startswith(root + ".") for root in _ROOTS[target])


def module_exists(module: str, target: Target) -> Optional[bool]:
    """Whether the target has the Keras module; None for a module that is not the target's Keras."""
    return module in _table(target) if _checked(module, target) else None


def missing_import(node: Union[ast.Import, ast.ImportFrom], target: Target) -> Optional[str]:
    """Why an import statement would fail on the target, or None (also for modules not its Keras)."""
    table = _table(target)
    if isinstance(node, ast.Import):
        for alias in node.names:
            if _checked(alias.name, target) and alias.name not in table:
                return f"`{alias.name}` does not exist on target {target}"
        return None
    if node.level or not node.module or not _checked(node.module, target):
        return None
    names = table.get(node.module)
    if names is None:
        return f"`{node.module}` does not exist on target {target}"
    for alias in node.names:
        if alias.name != "*" and alias.name not in names:
            return f"`{node.module}` has no `{alias.name}` on target {target}"
    return None


def missing_part(dotted: str, target: Target) -> Optional[Tuple[str, int]]:
    """Where ``a.b.c`` stops naming anything on the target: (the deepest module of it the target has, the
    index of the part that module lacks), or None (all there, or not the target's Keras). Past the first
    name that is no module (a class, a function) nothing is checked."""
    if not _checked(dotted, target):
        return None
    table = _table(target)
    parts = dotted.split(".")
    for end in range(len(parts), 0, -1):
        module = ".".join(parts[:end])
        if module in table:
            return (module, end) if end < len(parts) and parts[end] not in table[module] else None
    return None  # never: the target's Keras roots are in its table


def lacks(dotted: str, target: Target) -> Optional[str]:
    """Why ``a.b.c`` names nothing on the target (a module it lacks, a name its module lacks), or None."""
    missing = missing_part(dotted, target)
    if missing is None:
        return None
    module, index = missing
    return f"`{module}` has no `{dotted.split('.')[index]}` on target {target}"


def has_name(dotted: str, target: Target) -> bool:
    """Whether the target's Keras has ``a.b.c`` (a module, or a name a module binds)."""
    module, _, name = dotted.rpartition(".")
    table = _table(target)
    return dotted in table or name in table.get(module, ())


def names_in(module: str, target: Target) -> FrozenSet[str]:
    """The names the target's module binds (none for a module it lacks)."""
    return _table(target).get(module, frozenset())


def home_of(name: str, under: str, target: Target) -> Optional[str]:
    """The shallowest public module below ``under`` (``keras``, ``tensorflow.keras``) that binds ``name`` on the
    target (ties broken by name), or None; None for the name of a module too (``saving``: which of the modules
    so named the code means is not known)."""
    module_names, homes = _homes(target)
    if name in module_names:
        return None
    return next((module for module in homes.get(name, ()) if module.startswith(f"{under}.")), None)


@cache
def _homes(target: Target) -> Tuple[FrozenSet[str], Dict[str, List[str]]]:
    """The last parts of the target's module names, and for each name the public modules that bind it, shallowest
    first (then by name): a module re-exporting a package (an ``__init__``) asks :func:`home_of` for hundreds."""
    homes: Dict[str, List[str]] = {}
    for module, names in sorted(_table(target).items(), key=lambda item: (item[0].count("."), item[0])):
        if "._" not in module and ".experimental" not in module:
            for name in names:
                homes.setdefault(name, []).append(module)
    return frozenset(module.rpartition(".")[2] for module in _table(target) if "." in module), homes


_PRIVATE_ROOT = "keras.src"


@cache
def _private(target: Target) -> FrozenSet[str]:
    from kerascheck.catalog import private_modules  # here: only a module importing keras.src needs them

    return frozenset(
        (private_modules.TF_KERAS_SRC if target is Target.TF_KERAS else private_modules.KERAS3_SRC).split()
    )


# Keras 3.0's generated public API package, which later releases dropped: the keras 3.15.1 wheel has no keras/api
# folder (its public modules are keras/layers/__init__.py and the like), so `import keras.api.layers` raises
# ModuleNotFoundError there (corpus triage 11).
_KERAS3_API_ROOT = "keras.api"


def private_module_exists(module: str, target: Target) -> Optional[bool]:
    """Whether the target has the private module ``keras.src.…`` (on tf.keras: the keras 2.15.0 TensorFlow 2.15
    installs), or on keras3 ``keras.api.…`` (never); None for any other module."""
    if target is Target.KERAS3 and (module == _KERAS3_API_ROOT or module.startswith(_KERAS3_API_ROOT + ".")):
        return False
    if module == _PRIVATE_ROOT:
        return True
    if not module.startswith(_PRIVATE_ROOT + "."):
        return None
    return module[len(_PRIVATE_ROOT) + 1 :] in _private(target)
