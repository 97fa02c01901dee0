"""KER1xx: imports and names — standalone keras, legacy and private module paths, renamed and removed
classes, functions and methods."""

from __future__ import annotations

import ast
from typing import Dict, FrozenSet, Iterator, List, Optional, Set, Tuple, Union

from kerascheck import catalog
from kerascheck.catalog import modules
from kerascheck.catalog.implementations import (
    EAGER_ONLY_STUBS,
    FIT_CALLBACK_STUBS,
    STILL_IMPORTABLE_MODULE_PATHS,
    STUB_MODULE_PATHS,
    STUB_NAME_STATE,
    STUB_NAME_STATES,
    STUB_STATE,
    TENSORFLOW_PYTHON_KERAS,
    stub_name,
)
from kerascheck.catalog.keras1_calls import KERAS1_INITIALIZER_ALIASES
from kerascheck.catalog.methods import GENERATOR_PARAMETER, METHOD_PARAMETERS
from kerascheck.catalog.model import ONLY_TF_KERAS, ModulePath, PathKind, RenamedName, Target, removed_note
from kerascheck.catalog.model import RemovedMethod as RemovedMethodFact
from kerascheck.catalog.model import RemovedName as RemovedNameFact
from kerascheck.context import Context
from kerascheck.findings import Edit, Finding
from kerascheck.names import TF1_COMPAT_KERAS, TF_KERAS, TF_KERAS_PACKAGE, TF_PYTHON_KERAS, Reference, classify
from kerascheck.pins import implementations_differ
from kerascheck.renames import Occurrence, blocked_rename, find
from kerascheck.rules.arguments import _positional_form
from kerascheck.rules.base import FixSafety, Invalid, Rule, Severity, Valid, asks_for, graph_mode_at, traced_at
from kerascheck.rules.calls import (
    callee,
    keras2_model_receiver,
    may_be_own_method,
    model_receiver,
    own_method_called,
    project_method_called,
)
from kerascheck.rules.versions import TF_KERAS_WORLD, mixing_versions, standalone_is_another_keras
from kerascheck.walk import chain_root

# Keras's own packages: their modules import ``keras.src``/``tf_keras.src`` and their own legacy paths by
# design (the export tables are ``from keras.src.layers import Dense``), so the import rules stay silent there.
KERAS_OWN_PACKAGES = frozenset({"keras", "tf_keras"})


def inside_keras_package(ctx: Context) -> bool:
    """Whether the module checked is part of a Keras package itself (``keras.layers.core``,
    ``tf_keras.src.engine.training``): the module's own top-level package is ``keras`` or ``tf_keras``."""
    return (ctx.index.module_name or "").partition(".")[0] in KERAS_OWN_PACKAGES


def import_module_span(ctx: Context, node: ast.ImportFrom) -> Optional[Tuple[int, int, int, int]]:
    """Where the module name of ``from MODULE import …`` is written, found in the statement's text."""
    module = node.module
    if module is None:  # ``from . import x``
        return None
    line = ctx.lines[node.lineno - 1]
    start = ctx.column(node.lineno, node.col_offset)
    at = line.find(module, start + len("from"))
    if at < 0 or line[start:at].strip() != "from":
        return None
    return node.lineno, at, node.lineno, at + len(module)


def alias_span(ctx: Context, node: ast.ImportFrom, alias: ast.alias) -> Tuple[int, int, int, int]:
    """The span of one imported name, without ``as …``. Python >= 3.10 records alias positions;
    on 3.9 the name is found in the statement's tokens."""
    if hasattr(alias, "lineno"):
        line, col = alias.lineno, ctx.column(alias.lineno, alias.col_offset)
        return line, col, line, col + len(alias.name)
    index = node.names.index(alias)
    names = ctx.imported_name_spans(node)
    return names[index] if index < len(names) else ctx.span(node)


def _kept_through_compat(ctx: Context, node: ast.expr, canonical: str) -> bool:
    """Whether the chain's first name is also bound through tf.compat.v1's Keras, which keeps the name on tf.keras
    (``if tf.__version__.startswith('2'): from tensorflow.compat.v1.keras import backend as K``, then
    ``K.get_session()``): the code picks that import where it runs on TF 2."""
    return (
        ctx.target is Target.TF_KERAS
        and canonical in catalog.KEPT_IN_TF_COMPAT_V1
        and any(dotted.startswith(f"{TF1_COMPAT_KERAS}.") for dotted in ctx.bound_alternatives(node))
    )


def _spelled_name(node: Union[ast.Name, ast.Attribute]) -> str:
    return node.attr if isinstance(node, ast.Attribute) else node.id


def _name_span(ctx: Context, node: Union[ast.Name, ast.Attribute]) -> Tuple[int, int, int, int]:
    """The span of the last name of a chain: ``Convolution2D`` in ``keras.layers.Convolution2D``."""
    line, col, end_line, end_col = ctx.span(node)
    return end_line, end_col - len(_spelled_name(node)), end_line, end_col


def _chain_moved(ctx: Context, node: ast.AST, old: str, new: str) -> Tuple[Edit, ...]:
    """The edit moving a chain spelled with the old name's module (``keras.optimizers.legacy.Adam``) to the new
    one's (``keras.optimizers.Adam``), where the target has the result; none for another spelling."""
    if not isinstance(node, ast.Attribute) or node.lineno != node.end_lineno:
        return ()
    spelled = ctx.source_of(node)
    if not spelled.endswith(f".{old}") or not spelled.replace(".", "").replace("_", "").isalnum():
        return ()
    reference = ctx.reference(node)
    moved = f"{spelled[: -len(old)]}{new}"
    if reference is None or not modules.has_name(f"{reference.dotted[: -len(old)]}{new}", ctx.target):
        return ()
    return (Edit(*ctx.span(node), moved),)


def _short(canonical: str) -> str:
    return canonical.rsplit(".", 1)[-1]


class StandaloneKerasImport(Rule):
    """## What it does
    Finds imports of the standalone `keras` package that break when the code should run on tf.keras:
    a legacy module path (`keras.layers.normalization`), a name the tf.keras package lacks
    (`from keras import ops`), or any import where standalone `keras` is another Keras than tf.keras: the
    project's pins say so (keras <= 2.3, keras-nightly 2.5, Keras 3), or the module runs in the tf_keras
    world (it sets `TF_USE_LEGACY_KERAS` or imports `tf_keras`, where TensorFlow >= 2.16 serves Keras 3
    as `keras`).

    ## Why is this bad?
    With TensorFlow 2.x the Keras to use is the one TensorFlow ships (`tensorflow.keras`). The `keras`
    package is another distribution: Keras 1/2.0–2.3 (multi-backend, broken on TF >= 2.2), keras 2.4 (a
    wrapper of tf.keras), keras-nightly 2.5 (which TF 2.5 installs beside its own tf.keras), the keras 2.x
    that TF 2.6–2.15 load tf.keras from, or Keras 3 once it is installed. The message says in which of
    these the two are one Keras; objects from two Keras installations cannot be combined. A plain
    `import keras` beside TF 2.6–2.15 (no pins saying otherwise) is not reported: it imports the keras
    2.x package tf.keras itself is, and gives the same objects (run on TF 2.15.1).

    ## Example
    ```python
    from keras.layers import Dense
    ```

    ## Use instead
    ```python
    from tensorflow.keras.layers import Dense
    ```

    ## Fix safety
    Safe: the same public names exist under `tensorflow.keras`.
    Imports inside `try`/`except ImportError` are compatibility code; no KER1xx rule reports them.
    """

    code = "KER101"
    name = "standalone-keras-import"
    message = "`{module}` is standalone Keras, not `tensorflow.keras` (target {target}): {versions}"
    fix_title = "Import `{new}` instead"
    targets = ONLY_TF_KERAS
    fix_safety = FixSafety.SOMETIMES
    valid = (
        Valid("from tensorflow import keras\nfrom tensorflow.keras.layers import Dense\n"),
        Valid("try:\n    import keras\nexcept ImportError:\n    from tensorflow import keras\n"),
        Valid("import keras\n", target=Target.KERAS3),
        Valid("import keras\nfrom keras.layers import Dense\nfrom keras import backend as K\n"),  # TF 2.15's keras
        Valid("import keras\nif hasattr(keras, 'ops'):\n    keras.ops.cast(x, 'float32')\n"),  # for either Keras
        # KER111 and KER102 say why these break, and how to mend them
        Valid("from keras.wrappers.scikit_learn import KerasClassifier\n"),
        Valid("import keras\ny = keras.utils.np_utils.to_categorical(labels)\n"),
    )
    invalid = (
        Invalid(
            "import os\nos.environ['TF_USE_LEGACY_KERAS'] = '1'\nimport keras\nfrom keras.layers import Dense\n",
            at=((3, 0), (4, 0)),
            fixed="import os\nos.environ['TF_USE_LEGACY_KERAS'] = '1'\nfrom tensorflow import keras\n"
            "from tensorflow.keras.layers import Dense\n",
        ),
        Invalid(
            "import tf_keras\nfrom keras import backend as K\nimport keras.layers as L\n",
            at=((2, 0), (3, 0)),
            fixed="import tf_keras\nfrom tensorflow.keras import backend as K\n"
            "from tensorflow.keras import layers as L\n",
        ),
        Invalid(
            "from keras.layers.normalization import BatchNormalization\nfrom keras import ops\n",
            at=((1, 0), (2, 0)),
            fixed="from tensorflow.keras.layers import BatchNormalization\nfrom keras import ops\n",
        ),
    )

    def check_import(self, ctx: Context, node: ast.stmt) -> Iterator[Finding]:
        if inside_keras_package(ctx):
            return
        if isinstance(node, ast.ImportFrom):
            if node.level or not node.module or node.module.split(".")[0] != "keras":
                return
            new, carries_over = f"tensorflow.{node.module}", True
            module = classify(node.module)
            if module is None:  # never: every keras.* name is classified
                return
            legacy = catalog.module_path(module.path, ctx.target)
            versions, severity = _versions(ctx), None
            if legacy is not None and legacy.kind is PathKind.LEGACY:  # keras.layers.core: both at once
                new, carries_over = f"tensorflow.{_moved(module, legacy)}", _names_carry_over(ctx, node, legacy)
                if legacy.old not in STILL_IMPORTABLE_MODULE_PATHS[ctx.target]:
                    # the keras 2.6–2.15 package is tf.keras's, and lacks the module as tf.keras does (run on
                    # TF 2.15.1: `from keras.layers.normalization import …` raises ModuleNotFoundError)
                    versions, severity = _LEGACY_STANDALONE, Severity.ERROR
            legacy_names = _legacy_modules_imported(ctx, node)
            if legacy_names and len(legacy_names) == len(node.names):
                return  # `from keras.engine import saving`: KER102 says where each module went, one advice
            missing = _missing_names(new, node, ctx.target)
            explained = _explained_elsewhere(ctx, node)
            breaks = not _all_names(node) <= explained and _breaks(_missing_names(new, node, ctx.target, explained))
            if severity is None and not breaks and not standalone_is_another_keras(ctx):
                return  # keras 2.6–2.15 is tf.keras's own package: the import runs and gives its objects
            if severity is None and breaks and not standalone_is_another_keras(ctx) and missing:
                versions, severity = _lacking_beside_tf215(missing, "the import raises `ImportError`"), Severity.ERROR
            versions = _world(ctx, versions, severity)
            carries_over = carries_over and not legacy_names
            span = import_module_span(ctx, node)
            edits = (Edit(*span, new),) if span and carries_over else ()
            finding = self.finding(
                ctx, node, edits=edits, module=node.module, new=new, versions=versions, severity=severity
            )
            yield finding.unfixed(missing) if edits and missing else finding

    def check_module(self, ctx: Context) -> Iterator[Finding]:
        """``import keras``: its fix depends on what the module reaches through the name, so it is
        worked out here rather than from the import's own lines."""
        if inside_keras_package(ctx):
            return
        for node in ctx.index.imports:
            if isinstance(node, ast.Import) and id(node) not in ctx.index.guarded_imports:
                for alias in node.names:
                    if alias.name.split(".")[0] == "keras":
                        finding = self._plain_import(ctx, node, alias)
                        if finding is not None:
                            yield finding

    def _plain_import(self, ctx: Context, node: ast.Import, alias: ast.alias) -> Optional[Finding]:
        moved: Optional[str] = None  # a legacy module's public home: the public one may lack names, so no fix
        if alias.asname:  # import keras.layers as L -> from tensorflow.keras import layers as L
            module = classify(alias.name)
            legacy = None if module is None else catalog.module_path(module.path, ctx.target)
            if module is not None and legacy is not None and legacy.kind is PathKind.LEGACY:
                moved = _moved(module, legacy)
            parent, _, last = f"tensorflow.{moved or alias.name}".rpartition(".")
            new = f"from {parent} import {last}" + (f" as {alias.asname}" if alias.asname != last else "")
        else:  # import keras / import keras.layers: both bind `keras`
            new = "from tensorflow import keras"
        edits: Tuple[Edit, ...] = ()
        if len(node.names) == 1 and node.lineno == node.end_lineno and moved is None:
            edits = (Edit(*ctx.span(node), new),)
        module = classify(alias.name)
        legacy = None if module is None else catalog.module_path(module.path, ctx.target)
        versions, severity = _versions(ctx), None
        if (
            legacy is not None
            and legacy.kind is PathKind.LEGACY
            and legacy.old not in STILL_IMPORTABLE_MODULE_PATHS[ctx.target]
        ):
            versions, severity = _LEGACY_STANDALONE, Severity.ERROR  # `import keras.utils.vis_utils`
        unimportable = _missing_submodule(alias, ctx.target)
        missing = unimportable or _missing_attribute(ctx, alias)
        breaks = _breaks(missing) and not _asked_for(ctx, missing)
        if severity is None and not breaks and not standalone_is_another_keras(ctx):
            return None  # keras 2.6–2.15 is tf.keras's own package: the import runs and gives its objects
        if severity is None and breaks and not standalone_is_another_keras(ctx) and missing:
            # `import keras.backend as K` imports; `K.tensorflow_backend` is what fails (run on TF 2.15.1)
            raised = "the import raises `ImportError`" if unimportable else "reading it raises `AttributeError`"
            versions, severity = _lacking_beside_tf215(missing, raised), Severity.ERROR
        versions = _world(ctx, versions, severity)
        finding = self.finding(ctx, node, edits=edits, module=alias.name, new=new, versions=versions, severity=severity)
        return finding.unfixed(missing) if edits and missing else finding


def judged_as(target: Target, reference: Reference) -> Target:
    """The target whose facts describe a reference: the tf_keras package (Keras 2.15, kept for TF >= 2.16) is
    tf.keras 2.15's API on the keras3 target too (``tf_keras.layers.LocallyConnected2D`` and
    ``tf_keras.optimizers.legacy`` are there; review 8)."""
    if target is Target.KERAS3 and reference.implementation == TF_KERAS_PACKAGE:
        return Target.TF_KERAS
    return target


def _asked_for(ctx: Context, missing: Optional[str]) -> bool:
    """Whether the module asks for the missing name before it reads it (``if hasattr(keras, "ops"):``): code for
    either Keras (as KER124 judges it; probe 10's dual-target helper runs on TF 2.15.1)."""
    if not missing:
        return False
    return asks_for(ctx, missing.partition("` has no `")[2].split("`", 1)[0])


def _lacking_beside_tf215(missing: str, raised: str) -> str:
    """What the message says of a name neither tf.keras nor the keras 2.15.0 beside TF 2.15 has (``keras.ops``: code
    written for Keras 3; probe 12, run on TF 2.15.1)."""
    return f"{missing.split(' on target')[0]}, nor has keras 2.15.0, the `keras` TF 2.15 installs: {raised}"


def _breaks(missing: Optional[str]) -> bool:
    """Whether a name tf.keras lacks (``missing``, from :func:`modules.lacks`) fails the standalone import beside TF
    2.6–2.15 too: a public one (``keras.ops``, Keras 3's) or a private one of a module (``_obtain_input_shape``)
    does; a module's dunder (``keras.__version__``) and ``keras.src`` are in the keras 2.x package though not in
    ``tensorflow.keras``'s public API (run on TF 2.15.1)."""
    if not missing:
        return False
    module, _, rest = missing.partition("` has no `")
    lacking = rest.split("`", 1)[0]
    dunder = lacking.startswith("__") and lacking.endswith("__")
    return not (dunder or (lacking == "src" and module == "`tensorflow.keras"))


def _world(ctx: Context, versions: str, severity: Optional[Severity]) -> str:
    """What the message says of the versions: the tf_keras world where that is why standalone keras is another."""
    if (
        severity is None
        and ctx.in_tf_keras_world
        and not (ctx.settings.pins and implementations_differ(False, ctx.settings.pins))
    ):
        return TF_KERAS_WORLD
    return versions


def _missing_submodule(alias: ast.alias, target: Target) -> Optional[str]:
    """``import keras.engine.training_utils`` becomes ``from tensorflow import keras`` (``import keras.ops as
    ops`` becomes ``from tensorflow.keras import ops``): why the module it imported is no module of
    ``tensorflow.keras`` on the target, or None."""
    if "." not in alias.name:
        return None
    return modules.lacks(f"tensorflow.{alias.name}", target)


def _homes(module: str, node: ast.ImportFrom, target: Target) -> str:
    """Where the imported names live on the target, for the message: ``module`` when it has them all,
    else the public modules that do (``from keras.engine.topology import Layer, get_source_inputs``:
    ``keras.layers`` and ``keras.utils``); ``module`` when some name has no public home."""
    root = "tensorflow.keras" if module.startswith("tensorflow.keras") else module.split(".")[0]
    homes: List[str] = []
    for alias in node.names:
        if alias.name == "*" or modules.has_name(f"{module}.{alias.name}", target):
            home: Optional[str] = module
        else:
            home = modules.home_of(alias.name, root, target)
        if home is None:
            return module
        if home not in homes:
            homes.append(home)
    return "` and `".join(homes) if homes else module


def _missing_names(
    module: str, node: ast.ImportFrom, target: Target, leaving: FrozenSet[str] = frozenset()
) -> Optional[str]:
    """Why ``from module import <node's names>`` (but those ``leaving``) would fail on the target, or None."""
    return modules.lacks(module, target) or next(
        (
            reason
            for alias in node.names
            if alias.name != "*"
            and alias.name not in leaving
            and (reason := modules.lacks(f"{module}.{alias.name}", target))
        ),
        None,
    )


def _explained_elsewhere(ctx: Context, node: ast.ImportFrom) -> FrozenSet[str]:
    """The imported names the removed- and renamed-name rules (KER111, KER110) report themselves: the import
    breaks for them, and they say why (``from keras.layers import merge``)."""
    return frozenset(
        alias.name
        for alias, reference in ctx.imported_references(node)
        if (ctx.target, catalog.canonical_name(reference)) in catalog.REMOVED_BY_TARGET
        or (ctx.target, catalog.canonical_name(reference)) in catalog.RENAMED_BY_TARGET
    )


def _all_names(node: ast.ImportFrom) -> FrozenSet[str]:
    return (
        frozenset(alias.name for alias in node.names if alias.name != "*")
        if node.names[0].name != "*"
        else frozenset("*")
    )


def _chain_explained_elsewhere(ctx: Context, chain: ast.expr) -> bool:
    """Whether KER102 (a legacy module path on the chain), KER111 or KER110 (a removed or renamed name) report the
    chain themselves: ``keras.utils.np_utils.to_categorical`` breaks for the reason they give."""
    reference = ctx.reference(chain)
    if reference is None:
        return False
    name = (ctx.target, catalog.canonical_name(reference))
    if name in catalog.REMOVED_BY_TARGET or name in catalog.RENAMED_BY_TARGET:
        return True
    parts = reference.dotted.split(".")
    for end in range(len(parts), 1, -1):  # the whole chain too: `K.tensorflow_backend` reads the module itself
        module = classify(".".join(parts[:end]))
        fact = None if module is None else catalog.module_path(module.path, ctx.target)
        if fact is not None and fact.kind is PathKind.LEGACY:
            return True
    return False


def _missing_attribute(ctx: Context, alias: ast.alias) -> Optional[str]:
    """Why a chain through the name ``import keras[.x] [as y]`` binds would fail once it is
    ``tensorflow.keras`` (``keras.__version__``), or None; a chain another rule explains is left to it. One that
    breaks the module (``keras.ops``, not asked for with ``hasattr``) is said before one that does not."""
    bound = alias.asname or alias.name.split(".")[0]
    prefix = alias.name if alias.asname else "keras"
    first: Optional[str] = None
    for chain in ctx.index.chains:
        if chain_root(chain) == bound and not _chain_explained_elsewhere(ctx, chain):
            dotted = ctx.dotted(chain)
            if (
                dotted
                and (dotted == prefix or dotted.startswith(prefix + "."))
                and not ctx.set_by_module(chain, dotted)
                and not ctx.caught_if_missing(chain, dotted)
            ):
                reason = modules.lacks(
                    f"tensorflow.{alias.name if alias.asname else 'keras'}{dotted[len(prefix) :]}", ctx.target
                )
                if reason and _breaks(reason) and not _asked_for(ctx, reason):
                    return reason
                first = first or reason
    return first


_LEGACY_STANDALONE = (
    "a legacy module path, which the keras package of TF 2.6–2.15 lacks as tf.keras does (ModuleNotFoundError)"
)


def _versions(ctx: Context) -> str:
    return mixing_versions(False, ctx.settings.pins)


def _legacy_modules_imported(ctx: Context, node: ast.ImportFrom) -> List[str]:
    """``from keras.utils import np_utils``: the imported names that are themselves modules the target
    lacks (KER102 reports them)."""
    found = []
    for alias, reference in ctx.imported_references(node):
        name = (ctx.target, catalog.canonical_name(reference))
        if name in catalog.REMOVED_BY_TARGET or name in catalog.RENAMED_BY_TARGET:
            continue  # `from keras.layers import merge` is the Keras 1 function (KER111), not the module
        fact = catalog.module_path(reference.path, ctx.target)
        if fact is not None and fact.kind is PathKind.LEGACY and len(reference.path) == len(fact.old.split(".")):
            found.append(alias.name)
    return found


def _moved(reference: Reference, fact: ModulePath) -> str:
    """``reference`` rewritten through a module-path fact: keras.layers.core.Dense → keras.layers.Dense."""
    if reference.implementation == TF_PYTHON_KERAS:
        return ".".join([fact.new, *_public_path(reference.path)])
    root = reference.dotted.split(".")[: len(reference.dotted.split(".")) - len(reference.path)]
    if not fact.relocation:
        return ".".join(root + [part for part in fact.new.split(".") if part])
    rest = list(reference.path[len(fact.old.split(".")) :])
    return ".".join(root + [part for part in fact.new.split(".") if part] + rest)


def _public_path(path: Tuple[str, ...]) -> Tuple[str, ...]:
    """A path below ``tensorflow.python.keras`` as public tf.keras spells it: a module public tf.keras
    lacks (``utils.generic_utils``, ``utils.layer_utils``) becomes the public one its names moved to."""
    legacy = catalog.module_path(path, Target.TF_KERAS)
    if legacy is None or legacy.kind is not PathKind.LEGACY or not legacy.relocation:
        return path
    return tuple(part for part in legacy.new.split(".") if part) + path[len(legacy.old.split(".")) :]


# What the stale copy's plain utilities do (run on TF 2.15.1 and 2.21: `slice_arrays`, `backend_config.epsilon()`)
_COPY_VALUES = (
    "; `tensorflow.python.keras` is a stale Keras 2 copy on TF 2.6+: what this imports is a plain value or utility, "
    "which still works there, but the copy is not tf.keras and may go in any release"
)


def _only_values(ctx: Context, node: ast.ImportFrom) -> bool:
    """Whether every name the import brings is a plain value or utility (``slice_arrays``, ``backend_config``)."""
    references = ctx.imported_references(node)
    return (
        bool(references)
        and len(references) == len(node.names)
        and all(catalog.is_value_only(reference) for _, reference in references)
    )


def _listed(names: List[str]) -> str:
    """```a```, ```a` or `b```, ```a`, `b` or `c```."""
    quoted = [f"`{name}`" for name in names]
    return quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} or {quoted[-1]}"


def _names_carry_over(ctx: Context, node: ast.ImportFrom, fact: ModulePath) -> bool:
    """Whether every name ``from OLD import …`` brings in is the same object under the new module
    (``from keras.engine.topology import Container`` has no such home, so it gets no fix)."""
    if not fact.relocation:
        return False
    if fact is TENSORFLOW_PYTHON_KERAS:  # the same module in public tf.keras, not one names moved to
        module = classify(ctx.index.absolute_module(node) or "")
        paths = [module.path] + [(*module.path, alias.name) for alias in node.names] if module else []
        return bool(paths) and all(_public_path(path) == path for path in paths)
    for alias, reference in ctx.imported_references(node):
        expected = ".".join(filter(None, [fact.new, *reference.path[len(fact.old.split(".")) :]]))
        if alias.name == "*" or catalog.canonical_name(reference) != expected:
            return False
    return True


def _read_but_lacking(ctx: Context, bound: str, module: str) -> Optional[str]:
    """Why a name the module reads through ``bound`` (an imported legacy module: ``conv_utils.normalize_tuple``) is
    not in ``module``, the public module that replaces it on the target; None when each is (or none is read)."""
    for chain in ctx.index.chains:
        first = None
        while isinstance(chain, ast.Attribute):
            first, chain = chain, chain.value
        if first is not None and isinstance(chain, ast.Name) and chain.id == bound:
            reason = modules.lacks(f"{module}.{first.attr}", ctx.target)
            if reason is not None:
                return reason
    return None


def _spells(root: Optional[Reference], module: Reference, fact: ModulePath) -> bool:
    """Whether a chain writes out (part of) the module path itself, rather than starting below it."""
    if root is None or root.implementation != module.implementation:
        return True
    return fact is not TENSORFLOW_PYTHON_KERAS and len(root.path) < len(fact.old.split("."))


def _standalone_on_tf_keras(ctx: Context, node: Union[ast.Import, ast.ImportFrom]) -> bool:
    """Whether KER101 reports this import statement (standalone `keras` on target tf.keras)."""
    if ctx.target not in ONLY_TF_KERAS:
        return False
    if isinstance(node, ast.ImportFrom):
        return not node.level and node.module is not None and node.module.split(".")[0] == "keras"
    return any(alias.name.split(".")[0] == "keras" for alias in node.names)


class _ModulePathRule(Rule):
    """Shared mechanics of KER102 and KER103: report imports and spelled chains through a module path."""

    kind: PathKind

    def _fact(self, target: Target, module: Optional[Reference]) -> Optional[ModulePath]:
        if module is None:
            return None
        target = judged_as(target, module)
        fact: Optional[ModulePath]
        if module.implementation == TF_PYTHON_KERAS:
            fact = TENSORFLOW_PYTHON_KERAS
        else:
            fact = catalog.module_path(module.path, target)
        return fact if fact is not None and fact.kind is self.kind else None

    def concerns(self, reference: Reference, target: Target) -> bool:
        return (
            self._fact(target, classify(reference.dotted.rpartition(".")[0])) is not None
            or self._fact(target, classify(reference.dotted)) is not None
        )

    def _fields(self, ctx: Context, fact: ModulePath, node: Optional[ast.stmt] = None) -> dict:
        """The message's fields beside the module and its replacement (``node``: the import statement, when one)."""
        return {}

    def check_import(self, ctx: Context, node: ast.stmt) -> Iterator[Finding]:
        if inside_keras_package(ctx) or not isinstance(node, (ast.Import, ast.ImportFrom)):
            return
        if self.kind is PathKind.LEGACY and _standalone_on_tf_keras(ctx, node):
            if isinstance(node, ast.ImportFrom):  # KER101 moves the module off the legacy path
                yield from self._imported_modules(ctx, node)
            return
        if isinstance(node, ast.Import):
            for alias in node.names:
                reference = classify(alias.name)
                fact = self._fact(ctx.target, reference)
                if fact and reference is not None:
                    new = _moved(reference, fact)
                    finding = self.finding(ctx, node, module=alias.name, new=new, **self._fields(ctx, fact))
                    yield self._on_target(ctx, finding, alias.name)
            return
        absolute = ctx.index.absolute_module(node)
        module = classify(absolute) if absolute else None
        fact = self._fact(ctx.target, module)
        if not fact or module is None:
            yield from self._imported_modules(ctx, node)
            return
        new_module = _moved(module, fact)
        span = None if node.level else import_module_span(ctx, node)  # relative imports: no fix
        edits = (Edit(*span, new_module),) if span and _names_carry_over(ctx, node, fact) else ()
        new = new_module if edits else _homes(new_module, node, ctx.target)
        finding = self.finding(ctx, node, edits=edits, module=absolute, new=new, **self._fields(ctx, fact, node))
        finding = self._on_target(ctx, finding, absolute or "")
        missing = edits and _missing_names(new_module, node, ctx.target)
        if missing:
            finding = finding.unfixed(missing)
        elif not edits:  # ``from tensorflow.keras.layers.experimental import SyncBatchNormalization``
            references = ctx.imported_references(node)
            lacking = [  # names no public module of the target has
                alias.name
                for alias, _ in references
                if alias.name != "*"
                and not modules.has_name(f"{new_module}.{alias.name}", ctx.target)
                and modules.home_of(alias.name, new_module.split(".")[0], ctx.target) is None
            ]
            if lacking:
                either = f"`{new_module}` has no {_listed(lacking)} on target {ctx.target} either"
                if not all(  # KER111 says what replaces a removed name
                    removed_fact(ctx.target, catalog.canonical_name(reference), reference) is not None
                    for alias, reference in references
                    if alias.name in lacking
                ):
                    either += ": keep a copy of what the code uses"
                finding = finding._replace(
                    fix_title=either if len(lacking) == len(node.names) else f"Import from `{new}`; {either}"
                )
        yield finding

    def _on_target(self, ctx: Context, finding: Finding, module: str, read: bool = False) -> Finding:
        """The finding of an import of ``module`` (``read``: of a chain that reads it as attributes), as what that does
        on the target makes it."""
        return finding

    def _imported_modules(self, ctx: Context, node: ast.ImportFrom) -> Iterator[Finding]:
        """``from keras.utils import np_utils``: the imported name is itself a legacy module."""
        for alias, reference in ctx.imported_references(node):
            name = (ctx.target, catalog.canonical_name(reference))
            if name in catalog.REMOVED_BY_TARGET or name in catalog.RENAMED_BY_TARGET:
                continue  # `from keras.layers import merge` is the Keras 1 function, not the module
            fact = self._fact(ctx.target, reference)
            if fact and (fact is TENSORFLOW_PYTHON_KERAS or len(reference.path) == len(fact.old.split("."))):
                span = alias_span(ctx, node, alias)
                new = _moved(reference, fact)
                if _standalone_on_tf_keras(ctx, node):
                    new = f"tensorflow.{new}"  # as KER101 says for the statement
                finding = self.finding(
                    ctx, node, span=span, module=reference.dotted, new=new, **self._fields(ctx, fact)
                )
                lacking = _read_but_lacking(ctx, alias.asname or alias.name, new)
                if lacking is not None:  # ``conv_utils.normalize_tuple``: the public module has no such name
                    finding = finding._replace(
                        fix_title=f"{lacking}: keep a copy of what the code uses of `{reference.dotted}`"
                    )
                yield self._on_target(ctx, finding, reference.dotted)

    def _module_read(self, ctx: Context, reference: Reference) -> Tuple[Optional[Reference], Optional[ModulePath]]:
        """The module a chain ends at, when it is one of this rule's and the target's parent module has no such name:
        reading it raises `AttributeError` (``keras.backend.tensorflow_backend``, run on TF 2.15.1 and Keras 3)."""
        module = classify(reference.dotted)
        fact = self._fact(ctx.target, module) if self.kind is PathKind.LEGACY else None
        if fact is None or module is None or fact is TENSORFLOW_PYTHON_KERAS:
            return None, None
        public = "tensorflow.keras" if judged_as(ctx.target, module) is Target.TF_KERAS else "keras"
        if len(module.path) != len(fact.old.split(".")) or not modules.lacks(f"{public}.{fact.old}", ctx.target):
            return None, None
        return module, fact

    def check_reference(self, ctx: Context, node: ast.expr, reference: Reference) -> Iterator[Finding]:
        if not isinstance(node, ast.Attribute) or inside_keras_package(ctx):
            return
        module = classify(reference.dotted.rpartition(".")[0])
        fact = self._fact(ctx.target, module)
        if fact is None:  # `K.tensorflow_backend`: the module itself, read as an attribute of its parent
            module, fact = self._module_read(ctx, reference)
        if fact is None or module is None or not _spells(ctx.root_reference(node), module, fact):
            return  # the import that bound the chain's root is where the path is written
        stub = fact.old in STUB_MODULE_PATHS[ctx.target]  # there, so `hasattr` finds it: it guards nothing
        if self.kind is PathKind.LEGACY and not stub and asks_for(ctx, module.dotted.rpartition(".")[2]):
            return  # `if hasattr(K, "tensorflow_backend"):` code for either Keras (held-out probe 22)
        if fact.old in STUB_MODULE_PATHS[ctx.target] and id(node) in only_named(ctx):
            return  # a class of a stub module in `isinstance(…)` or an annotation: only making one fails
        finding = self.finding(ctx, node, module=module.dotted, new=_moved(module, fact), **self._fields(ctx, fact))
        read = reference.dotted.rpartition(".")[2]
        if module.dotted == reference.dotted:  # the module itself, read off its parent
            parent, new = module.dotted.rpartition(".")[0], _moved(module, fact)
            finding = finding._replace(
                fix_title=f"`{parent}` has no `{read}`: reading it raises `AttributeError`; use what `{new}` has"
            )
        elif fact.old == "backend.tensorflow_backend" and read in _GPU_LISTING:
            finding = finding._replace(fix_title=_GPU_LISTING[read][ctx.target])
        elif len(reference.path) == len(module.path) + 1:  # `K.tensorflow_backend.get_session`: is it there?
            new = _moved(module, fact)
            public = f"tensorflow.{new}" if ctx.target is Target.TF_KERAS and new.startswith("keras.") else new
            if modules.lacks(f"{public}.{read}", ctx.target):  # (TF 2.15's get_session is tf.compat.v1's: probe 22)
                if removed_fact(ctx.target, catalog.canonical_name(reference), reference) is not None:
                    return  # KER111 reports it, with what replaces it (``layers.experimental.SyncBatchNormalization``)
                finding = finding._replace(fix_title=f"`{new}` has no `{read}` on target {ctx.target} either")
        yield self._on_target(ctx, finding, module.dotted, read=True)


# Keras 2.2.4 keras/backend/tensorflow_backend.py `_get_available_gpus()` (the multi-GPU idiom): no backend of
# keras 2.15.0 or 3.15.1 has it (held-out probe 17, run on both); what lists the GPUs there instead (TF 2.15.1
# tf.config.list_logical_devices; keras 3.15.1 keras/distribution list_devices(), ['cpu:0'] on a CPU; with JAX,
# list_devices('gpu') raises RuntimeError where there is no GPU).
_GPU_LISTING = {
    "_get_available_gpus": {
        Target.TF_KERAS: "`_get_available_gpus` is gone from every backend: list the GPUs with "
        "`tf.config.list_logical_devices('GPU')`",
        Target.KERAS3: "`_get_available_gpus` is gone from every backend: list the GPUs with "
        "`[d for d in keras.distribution.list_devices() if d.startswith('gpu')]` (`list_devices('gpu')` raises "
        "where there is none)",
    },
}


class LegacyModulePath(_ModulePathRule):
    """## What it does
    Finds imports from Keras modules that were reorganised away, such as `keras.layers.convolutional`,
    `keras.engine.topology` or `keras.utils.np_utils`.

    ## Why is this bad?
    These modules were implementation details of Keras 1/2.x. tf.keras and Keras 3 do not have them
    (or keep them only as aliases), so the import fails with `ModuleNotFoundError`. A legacy path the
    target still has as an alias of the public module, which it imports with no warning
    (`tf.keras.layers.experimental.preprocessing` and `tf.keras.optimizers.experimental` on TF 2.15.1), is
    not reported there; on Keras 3, which lacks them, it is.

    ## Example
    ```python
    from keras.layers.convolutional import Conv2D
    ```

    ## Use instead
    ```python
    from keras.layers import Conv2D
    ```

    ## Fix safety
    Safe when every imported name lives in the one public module; otherwise there is no fix.
    """

    code = "KER102"
    name = "legacy-keras-module"
    catalog_tables = ("MODULE_PATHS",)
    message = "`{module}` is a legacy Keras module path, {state} on target {target}"
    fix_title = "Import from `{new}`"
    fix_safety = FixSafety.SOMETIMES
    kind = PathKind.LEGACY

    def _fact(self, target: Target, module: Optional[Reference]) -> Optional[ModulePath]:
        fact = super()._fact(target, module)
        if (
            fact is not None
            and module is not None
            and fact.old in STILL_IMPORTABLE_MODULE_PATHS[judged_as(target, module)]
        ):
            return None  # an alias the target imports with no warning (run on TF 2.15.1): nothing breaks there
        return fact

    def _fields(self, ctx: Context, fact: ModulePath, node: Optional[ast.stmt] = None) -> dict:
        if fact.old in STUB_MODULE_PATHS[ctx.target]:
            return {"state": STUB_STATE, "severity": Severity.ERROR}
        return {"state": "missing", "severity": Severity.ERROR}  # ImportError, or AttributeError on a chain

    valid = (
        Valid("from tensorflow.keras.layers import Conv2D\nfrom keras import layers\n"),
        Valid("from theano.tensor.nnet.convolutional import conv2d\n"),
        Valid(  # aliases TF 2.15.1 imports with no warning
            "import tensorflow as tf\nfrom tensorflow.keras.layers.experimental import preprocessing\n"
            "from tensorflow.keras.layers.experimental.preprocessing import Rescaling\n"
            "opt = tf.keras.optimizers.experimental.AdamW(weight_decay=1e-4)\n"
        ),
    )
    invalid = (
        Invalid(
            "from tensorflow.keras.layers.convolutional import Conv2D\n",
            at=((1, 0),),
            fixed="from tensorflow.keras.layers import Conv2D\n",
        ),
        Invalid(
            "import tensorflow as tf\ny = tf.keras.utils.np_utils.to_categorical([1], 2)\n",
            at=((2, 4),),
        ),
        Invalid(
            "import keras\nfrom keras.layers.experimental.preprocessing import Rescaling\n"
            "opt = keras.optimizers.experimental.AdamW(weight_decay=1e-4)\n",
            at=((2, 0), (3, 6)),
            target=Target.KERAS3,
            fixed=(  # a chain gets no fix
                "import keras\nfrom keras.layers import Rescaling\n"
                "opt = keras.optimizers.experimental.AdamW(weight_decay=1e-4)\n"
            ),
        ),
    )


class PrivateModulePath(_ModulePathRule):
    """## What it does
    Finds imports from Keras's private implementation modules: `keras.src`, `keras.api._v2`, and
    TensorFlow's copy `tensorflow.python.keras`.

    ## Why is this bad?
    Private modules change layout between releases. `tensorflow.python.keras` is worse: up to TF 2.5 it is
    tf.keras itself, but from TF 2.6 it is a stale copy that is *not* the Keras behind `tf.keras`, so its
    layers and optimizers fail `isinstance` checks against everything else (run on TF 2.15.1: the
    functional API rejects its layers, `compile` cannot interpret its optimizers). A `keras.src` import is an error
    where the target lacks the module (Keras 3 has no `keras.src.engine`: `ModuleNotFoundError`), and a warning where
    it runs (the generated tables of each target's private modules say which).

    ## Example
    ```python
    from tensorflow.python.keras.layers import Dense
    ```

    ## Use instead
    ```python
    from tensorflow.keras.layers import Dense
    ```

    ## Fix safety
    Safe when every imported name lives in the one public module; otherwise there is no fix.
    """

    code = "KER103"
    name = "private-keras-module"
    catalog_tables = ("MODULE_PATHS",)
    message = "`{module}` is a private Keras module, not public API{detail}"
    fix_title = "Import from `{new}`"
    severity = Severity.ERROR
    fix_safety = FixSafety.SOMETIMES
    kind = PathKind.PRIVATE

    def _fields(self, ctx: Context, fact: ModulePath, node: Optional[ast.stmt] = None) -> dict:
        if fact is TENSORFLOW_PYTHON_KERAS:
            if isinstance(node, ast.ImportFrom) and _only_values(ctx, node):
                return {"detail": _COPY_VALUES}
            return {"detail": f"; {mixing_versions(True, ctx.settings.pins, ctx.target)}"}
        return {"detail": ""}

    def _on_target(self, ctx: Context, finding: Finding, module: str, read: bool = False) -> Finding:
        """``keras.src.…``: an error where the target lacks the module (Keras 3 has no ``keras.src.engine``), a
        warning where the import runs (keras 2.15.0, which TF 2.15 installs, has it: probe 12 FP-3). A chain read
        through a module the target lacks may still find an attribute of that name (Keras 3.15.1's
        ``keras.src.backend`` sets ``nn`` to its backend's module, which no ``import`` finds: corpus triage 11):
        a warning that says so."""
        exists = modules.private_module_exists(module, ctx.target)
        if exists is None:
            return finding
        if read and not exists:
            parent, _, name = module.rpartition(".")
            while "." in parent and modules.private_module_exists(parent, ctx.target) is False:
                parent, _, name = parent.rpartition(".")
            said = (
                f" (target {ctx.target} has no module `{module}`: the read works only where `{parent}` sets `{name}`"
                " as an attribute)"
            )
            return finding._replace(message=finding.message + said, severity=Severity.WARNING.value)
        if exists:
            said = (
                f" (it exists on target {ctx.target}, where the import runs; a private module may move in any release)"
            )
            return finding._replace(message=finding.message + said, severity=Severity.WARNING.value)
        said = f"; target {ctx.target} has no such module: the import raises `ModuleNotFoundError`"
        return finding._replace(message=finding.message + said)

    valid = (Valid("from tensorflow.keras import layers\nimport keras\n"),)
    invalid = (
        Invalid(
            "from tensorflow.python.keras.layers import Dense\n",
            at=((1, 0),),
            fixed="from tensorflow.keras.layers import Dense\n",
        ),
        Invalid("from keras.src.layers import Dense\n", at=((1, 0),), target=Target.KERAS3),
    )


_THROUGH_MEMO_SIZE = 65_536  # references remembered (a long-lived editor process)


class _NameRule(Rule):
    """Shared mechanics of KER110 and KER111: report a catalogued name where it is written.

    A name bound by ``from m import Old`` is renamed only together with every other binding and use
    of ``Old`` in the module (one rename, see :mod:`kerascheck.renames`); when one cannot follow, the
    import keeps the old name bound (``from m import New as Old``) and the uses stay as they are."""

    # whether the new name is the same object as the old (an alias): then ``import New as Old`` changes
    # nothing; a replacement (``CuDNNLSTM`` → ``LSTM``) is right only where each use is rewritten
    keeps_meaning = False

    def _fact(self, target: Target, canonical: str, reference: Reference):
        raise NotImplementedError

    def concerns(self, reference: Reference, target: Target) -> bool:
        return self._fact(target, catalog.canonical_name(reference), reference) is not None

    def _report(
        self,
        ctx: Context,
        node: ast.AST,
        span: Tuple[int, int, int, int],
        fact,
        replacement: Optional[str] = None,
        **extra: object,
    ) -> Finding:
        new = fact.new and _short(fact.new)
        text = replacement if replacement is not None else new
        edits: Tuple[Edit, ...] = (Edit(*span, text),) if new and text else ()
        fields = {**self._fields(fact, ctx.target), **extra}
        if edits and text == _short(fact.old):  # the name stays, its module changes: the whole chain is rewritten
            edits = _chain_moved(ctx, node, fact.old, fact.new)
            if not edits and isinstance(node, ast.Attribute):
                finding = self.finding(ctx, node, span=span, old=_short(fact.old), new=new, **fields)
                return finding._replace(
                    message=f"{finding.message} (not fixed here: `{_short(fact.old)}` is not "
                    f"spelled with its module, `{fact.old}`)"
                )
        return self.finding(ctx, node, span=span, edits=edits, old=_short(fact.old), new=new, **fields)

    def _fields(self, fact, target: Target) -> dict:
        return {}

    def _used_only(self, target: Target, fact) -> bool:
        """Whether the name is reported where it is used only, not where it is imported."""
        return False

    def check_import(self, ctx: Context, node: ast.stmt) -> Iterator[Finding]:
        yield from self._imports(ctx, node, bound=False)

    def check_module(self, ctx: Context) -> Iterator[Finding]:
        """Imports that bind the old name itself: whether they can be renamed depends on the whole
        module, not on the import's own lines (which is all ``check_import`` may look at)."""
        for node in ctx.index.imports:
            if id(node) not in ctx.index.guarded_imports:
                yield from self._imports(ctx, node, bound=True)

    def _imports(self, ctx: Context, node: ast.stmt, bound: bool) -> Iterator[Finding]:
        if not isinstance(node, ast.ImportFrom):
            return
        for alias, reference in ctx.imported_references(node):
            fact = self._fact(ctx.target, catalog.canonical_name(reference), reference)
            if fact is None or alias.name == "*" or self._used_only(ctx.target, fact):
                continue
            new = fact.new and _short(fact.new)
            # ``import Convolution2D as C`` too: its uses are ``C``, left as they are, so the import is all
            # that marks ``C(8, k, k)`` as a Keras 1 call (see _unfit)
            if bound != (bool(new) and (alias.asname is None or self.keeps_meaning)):
                continue
            span = alias_span(ctx, node, alias)
            if not bound:
                yield self._report(ctx, node, span, fact)
                continue
            if alias.asname is not None:
                unfit = self._unfit_use(ctx, alias.asname)
                finding = self._report(ctx, node, span, fact)
                yield finding.unfixed(unfit) if unfit else finding
                continue
            blocked = self._blocked(ctx, alias.name, new)
            if blocked is None:
                yield self._report(ctx, node, span, fact, renames=((alias.name, new),))
            elif self.keeps_meaning and not self._unfit_use(ctx, alias.name):  # keep the old name bound
                yield self._report(ctx, node, span, fact, f"{new} as {alias.name}")
            else:
                yield self._report(ctx, node, span, fact).unfixed(blocked)

    def check_reference(self, ctx: Context, node: ast.expr, reference: Reference) -> Iterator[Finding]:
        if not isinstance(node, (ast.Name, ast.Attribute)):  # (the chains the engine offers are)
            return
        canonical = catalog.canonical_name(reference)
        fact = self._fact(ctx.target, canonical, reference)
        if fact is None or _spelled_name(node) != _short(fact.old) or ctx.allows_absence(node):
            return
        if _kept_through_compat(ctx, node, canonical):
            return
        span = _name_span(ctx, node)
        new = fact.new and _short(fact.new)
        unfit = new and self._unfit(ctx, node, reference)
        if unfit:
            yield self._report(ctx, node, span, fact).unfixed(unfit)
            return
        if not isinstance(node, ast.Name) or not new:  # an attribute binds nothing: rename it here
            yield self._report(ctx, node, span, fact)
            return
        blocked = self._blocked(ctx, node.id, new)
        if blocked is None:
            yield self._report(ctx, node, span, fact, renames=((node.id, new),))
        else:
            finding = self._report(ctx, node, span, fact, "")
            yield finding._replace(message=f"{finding.message} (not fixed here: {blocked})")

    def _unfit(self, ctx: Context, node: ast.expr, reference: Reference) -> Optional[str]:
        """Why this use of the old name may not become the new one, or None."""
        return None

    def _unfit_use(self, ctx: Context, old: str) -> Optional[str]:
        """Why some use of the old name may not become the new one (the first such), or None."""
        key = ("unfit use", self.code, old)
        if key not in ctx.memo:
            ctx.memo[key] = next(
                (
                    f"{why} (line {found.line})"
                    for found in find(ctx.tree, old)
                    if found.kind == "load"
                    and isinstance(found.node, ast.Name)
                    and (reference := ctx.reference(found.node)) is not None
                    and (why := self._unfit(ctx, found.node, reference))
                ),
                None,
            )
        return ctx.memo[key]

    def _blocked(self, ctx: Context, old: str, new: str) -> Optional[str]:
        """Why the bound name ``old`` cannot become ``new`` everywhere in the module, or None."""
        unfit = self._unfit_use(ctx, old)
        if unfit:
            return unfit
        return blocked_rename(ctx, old, new, lambda found: self._renamed(ctx, found, new))

    def _renamed(self, ctx: Context, found: Occurrence, new: str) -> bool:
        """Whether this rule rewrites an occurrence of the old name to ``new``."""
        node = found.node  # a Name where it is loaded, an alias where it is imported
        if found.kind == "load" and isinstance(node, ast.Name):
            reference = ctx.reference(node)
        elif found.kind == "import" and isinstance(node, ast.alias):
            statement = ctx.import_of(node)
            if not isinstance(statement, (ast.Import, ast.ImportFrom)) or id(statement) in ctx.index.guarded_imports:
                return False  # compatibility imports are left as they are
            reference = dict((id(a), r) for a, r in ctx.imported_references(statement)).get(id(node))
        else:
            return False
        if reference is None or (isinstance(node, ast.Name) and self._unfit(ctx, node, reference)):
            return False
        fact = self._fact(ctx.target, catalog.canonical_name(reference), reference)
        return fact is not None and bool(fact.new) and _short(fact.new) == new


class LegacyAlias(_NameRule):
    """## What it does
    Finds Keras 1 class names that Keras 2 kept only as aliases: `Convolution1D`, `Convolution2D`,
    `Convolution3D`, `SeparableConvolution2D` and the like.

    ## Why is this bad?
    Nothing breaks: the alias still resolves on both targets (keras 2.15 and Keras 3.15.1 keep
    `Convolution2D` and the others). It marks code written against the Keras 1 signature, whose calls
    (`Convolution2D(64, 3, 3, border_mode='same')`) fail or mean something else today: KER201 and KER203
    report those calls themselves. Off by default, as a style change: select it to move to the Keras 2
    names.

    ## Example
    ```python
    from keras.layers import Convolution2D
    ```

    ## Use instead
    ```python
    from keras.layers import Conv2D
    ```

    ## Fix safety
    Safe: the alias and the new name are the same class. A name bound by `from … import Convolution2D`
    is renamed with every binding and use of it in the module; when one cannot follow (a compatibility
    import in `try`/`except`, a rebinding, `global`, `del`, a class attribute, `__all__`, another module
    of the project importing it, a notebook magic line) the import keeps the old name bound
    (`from keras.layers import Conv2D as Convolution2D`). A call still in the Keras 1 positional form
    (KER203) keeps the Keras 1 name, which marks it.
    """

    code = "KER110"
    name = "keras1-class-alias"
    catalog_tables = ("RENAMED_NAMES",)
    message = "`{old}` is {what} of `{new}`{when}; it still works on target {target}"
    fix_title = "Use `{new}`"
    severity = Severity.INFO
    fix_safety = FixSafety.SOMETIMES
    # Off by default: every name it reports still works on both targets (corpus triage 16: 211 findings per
    # target, none predicting a break); the Keras 1 calls that do break are KER201's and KER203's.
    default_enabled = False
    valid = (
        Valid("from tensorflow.keras.layers import Conv2D\nConv2D(8, 3)\n"),
        Valid("from mylib import Convolution2D\nConvolution2D(8, 3)\n"),
    )
    invalid = (
        Invalid(
            "from keras.layers import Convolution2D\nlayer = Convolution2D(8, (3, 3))\n",
            at=((1, 25), (2, 8)),
            target=Target.KERAS3,
            fixed="from keras.layers import Conv2D\nlayer = Conv2D(8, (3, 3))\n",
        ),
    )

    keeps_meaning = True

    def _fact(self, target: Target, canonical: str, reference: Reference) -> Optional[RenamedName]:
        return catalog.RENAMED_BY_TARGET.get((judged_as(target, reference), canonical))

    def _fields(self, fact: RenamedName, target: Target) -> dict:
        """What the old name is, and since when, as the catalog records it."""
        if fact.origin is None:
            return {
                "what": "an alias, in the Keras 1 spelling,",
                "when": f" (added in {fact.since})" if fact.since else "",
            }
        return {"what": f"the {fact.origin} name", "when": f" (renamed in {fact.since})" if fact.since else ""}

    def _unfit(self, ctx: Context, node: ast.expr, reference: Reference) -> Optional[str]:
        """A call still in the Keras 1 positional form keeps its Keras 1 name, the one evidence that
        ``Convolution2D(8, k, k)`` means a kernel (k, k) and not strides k (see KER203)."""
        call = _called_with(ctx, node)
        target = None if call is None else callee(ctx, call)
        found = None if call is None or target is None else _positional_form(ctx, call, target)
        if found and found[1] != "safe":
            return "the call keeps its Keras 1 positional form (KER203), which the Keras 1 name marks"
        return None


def removed_fact(target: Target, canonical: str, reference: Reference) -> Optional[RemovedNameFact]:
    """The removal KER111 reports for the name on the target, or None."""
    target = judged_as(target, reference)
    if target is Target.KERAS3 and reference.implementation == TF_PYTHON_KERAS:
        # TensorFlow's private copy (tensorflow.python.keras) is Keras 2 code whatever Keras is installed: Keras
        # 3's removals are not its own (triage 13 FALSE-1: attention_keras's K.dot/K.rnn train on TF 2.15.1)
        target = Target.TF_KERAS
    fact = catalog.REMOVED_BY_TARGET.get((target, canonical))
    if fact is not None and fact.kept_in_tf_keras and reference.implementation in (TF_KERAS, TF_KERAS_PACKAGE):
        return None  # TensorFlow >= 2.16 serves keras/_tf_keras/keras as tf.keras, which keeps it
    if (
        fact is not None
        and target is Target.TF_KERAS
        and canonical in catalog.KEPT_IN_TF_COMPAT_V1
        and reference.dotted.startswith(f"{TF1_COMPAT_KERAS}.")
    ):
        return None  # TF1-style code through tf.compat.v1.keras, which still has it
    return fact


class RemovedName(_NameRule):
    """## What it does
    Finds Keras classes and functions that do not exist on the target: `merge`/`Merge`, `MaxoutDense`,
    `Highway`, `AtrousConvolution2D`, `CuDNNLSTM`, `set_image_dim_ordering`, the Keras 2.2 lowercase
    optimizers (`adam`, `rmsprop`) and others, also where a longer chain goes through one
    (`K.tf.nn.relu`, `keras.losses.Reduction.NONE`) or an alias takes one (`f = K.int_shape`).

    ## Why is this bad?
    The import fails with `ImportError`, or the attribute access with `AttributeError`, as soon as the
    module runs on the target.

    ## Example
    ```python
    from keras.layers import CuDNNLSTM
    ```

    ## Use instead
    ```python
    from tensorflow.keras.layers import LSTM  # picks the cuDNN kernel by itself
    ```

    ## Fix safety
    Safe where the catalog names a drop-in replacement and every binding and use of the name can be
    renamed (see KER110); otherwise the message says what to write. Calls of the Keras 1 initializer
    functions (`normal(shape, scale)`) are not renamed: the class takes other arguments.
    """

    code = "KER111"
    name = "removed-keras-name"
    catalog_tables = ("REMOVED_NAMES",)
    message = "`{old}` {state} on target {target}{removed}"
    fix_title = "{guideline}"
    severity = Severity.ERROR
    fix_safety = FixSafety.SOMETIMES
    valid = (
        Valid("from tensorflow.keras.layers import LSTM\nLSTM(4)\n"),
        Valid("import tensorflow as tf\ntf.keras.layers.ThresholdedReLU(1.0)\n", target=Target.KERAS3),
        Valid("import tensorflow as tf\nsession = tf.compat.v1.keras.backend.get_session()\n"),
        Valid(  # a fallback for the missing name, tested before use (held-out probe 19)
            "try:\n    from keras.layers import CuDNNLSTM\nexcept ImportError:\n    CuDNNLSTM = None\n"
            "from keras.layers import LSTM\nlayer = CuDNNLSTM(64) if CuDNNLSTM is not None else LSTM(64)\n",
            target=Target.KERAS3,
        ),
        Valid(  # TF's private Keras 2 copy keeps its backend whatever Keras is installed; KER103 reports the import
            "from tensorflow.python.keras import backend as K\ny = K.expand_dims(K.dot(a, b), 1)\n",
            target=Target.KERAS3,
        ),
    )
    invalid = (
        Invalid(  # the name stays, its module goes: the chain is moved (probe 11 FIX-1, runs on both targets)
            "import keras\ncb = keras.callbacks.experimental.BackupAndRestore(backup_dir='b')\n"
            "opt = keras.optimizers.legacy.Adam(learning_rate=1e-3)\n",
            at=((2, 34), (3, 30)),
            target=Target.KERAS3,
            fixed="import keras\ncb = keras.callbacks.BackupAndRestore(backup_dir='b')\n"
            "opt = keras.optimizers.Adam(learning_rate=1e-3)\n",
        ),
        Invalid("import keras\nkeras.layers.ThresholdedReLU(1.0)\n", at=((2, 13),), target=Target.KERAS3),
        Invalid(
            "from keras.layers import CuDNNLSTM\nCuDNNLSTM(4)\n",
            at=((1, 25), (2, 0)),
            fixed="from keras.layers import LSTM\nLSTM(4)\n",
        ),
        Invalid(
            "import keras\nfrom keras import backend as K\nshape_of = K.int_shape\n"
            "none = keras.losses.Reduction.NONE\ny = K.control_flow_ops.while_loop(c, b, [x])\n",
            at=((3, 13), (4, 20), (5, 6)),
            target=Target.KERAS3,
        ),
        Invalid(
            "from keras.optimizers import adam\nopt = adam(learning_rate=0.1)\n",
            at=((1, 29), (2, 6)),
            fixed="from keras.optimizers import Adam\nopt = Adam(learning_rate=0.1)\n",
        ),
    )

    def __init__(self) -> None:
        super().__init__()
        self._throughs: Dict[Tuple[Reference, Target], Optional[Tuple[int, RemovedNameFact]]] = {}

    def concerns(self, reference: Reference, target: Target) -> bool:
        return super().concerns(reference, target) or self._through(reference, target) is not None

    def _through(self, reference: Reference, target: Target) -> Optional[Tuple[int, RemovedNameFact]]:
        """A removed name that a longer chain goes through (``K.tf`` of ``K.tf.nn.relu``,
        ``losses.Reduction`` of ``losses.Reduction.NONE``): (how many names follow it, its fact). Worked
        out once per reference and target (each import and chain of every module asks)."""
        key = (reference, target)
        if key not in self._throughs:
            if len(self._throughs) >= _THROUGH_MEMO_SIZE:
                self._throughs.clear()
            self._throughs[key] = self._through_uncached(reference, target)
        return self._throughs[key]

    def _through_uncached(self, reference: Reference, target: Target) -> Optional[Tuple[int, RemovedNameFact]]:
        parts = reference.dotted.split(".")
        canonical = catalog.canonical_name(reference)
        for below in range(1, len(parts) - 1):
            prefix = classify(".".join(parts[:-below]))
            if prefix is None or not prefix.is_keras:
                return None
            name = catalog.canonical_name(prefix)
            if canonical.startswith(f"{name}."):  # the same object spelled shorter, not a relocated module
                fact = self._fact(target, name, prefix)
                if fact is not None:
                    return below, fact
        return None

    def check_import(self, ctx: Context, node: ast.stmt) -> Iterator[Finding]:
        yield from super().check_import(ctx, node)
        if isinstance(node, ast.ImportFrom):
            for alias, reference in ctx.imported_references(node):
                if alias.name != "*" and self._fact(ctx.target, catalog.canonical_name(reference), reference) is None:
                    through = self._through(reference, ctx.target)
                    if through is not None:
                        yield self._report_through(ctx, node, alias_span(ctx, node, alias), through[1])

    def check_reference(self, ctx: Context, node: ast.expr, reference: Reference) -> Iterator[Finding]:
        canonical = catalog.canonical_name(reference)
        if (ctx.target, canonical) in EAGER_ONLY_STUBS and (graph_mode_at(ctx, node) or traced_at(ctx, node)):
            return  # eager execution is off there (the module, a graph block, a compiled loss), where the name works
        if (ctx.target, canonical) in FIT_CALLBACK_STUBS and id(_called_with(ctx, node)) not in _fit_callbacks(ctx):
            return  # only one passed to fit fails: not `class Logger(BaseLogger)`, nor the module's own loop's
        if stub_name(ctx.target, canonical) and id(node) in only_named(ctx):
            return  # `isinstance(opt, legacy.Optimizer)`, an annotation: a stub fails only when made (triage 14)
        if self._fact(ctx.target, canonical, reference) is not None:
            if _ops_call(ctx, node):
                return  # KER115 reports `K.square(x)` and fixes it to `ops.square(x)`: one finding per problem
            yield from super().check_reference(ctx, node, reference)
            return
        through = self._through(reference, ctx.target)
        if through is None:
            return
        below, fact = through
        for _ in range(below):
            node = node.value if isinstance(node, ast.Attribute) else node
        if isinstance(node, ast.Attribute) and node.attr == _short(fact.old):
            yield self._report_through(ctx, node, _name_span(ctx, node), fact)

    def _used_only(self, target: Target, fact) -> bool:
        """A stub imports fine: its uses are where it fails, and are reported there."""
        return stub_name(target, fact.old)

    def _report_through(
        self, ctx: Context, node: ast.AST, span: Tuple[int, int, int, int], fact: RemovedNameFact
    ) -> Finding:
        """No fix: what follows the removed name belongs to it, not to its replacement."""
        return self.finding(ctx, node, span=span, old=_short(fact.old), **self._fields(fact, ctx.target))

    def _fact(self, target: Target, canonical: str, reference: Reference) -> Optional[RemovedNameFact]:
        return removed_fact(target, canonical, reference)

    def _fields(self, fact: RemovedNameFact, target: Target) -> dict:
        return {
            "guideline": fact.guideline, "state": _state(fact, target), "removed": removed_note(target, fact.removed_in)
        }  # fmt: skip

    def _unfit(self, ctx: Context, node: ast.expr, reference: Reference) -> Optional[str]:
        canonical = catalog.canonical_name(reference)
        if canonical.startswith("optimizers.legacy.") and any(
            base is node for klass in ctx.index.classes for base in klass.bases
        ):
            return (
                "a subclass of a legacy optimizer is written for its protocol (`_resource_apply_dense`, "
                "`super().__init__(name)`), which the new optimizer does not have: port the class first"
            )  # triage 14: tensorflow/recommenders' CompositeOptimizer
        if canonical not in KERAS1_INITIALIZER_ALIASES:
            return None
        call = _called_with(ctx, node)
        if call is not None and not call.args and not call.keywords:
            return None  # `normal()`: Keras 2 made the name an alias of the class
        replacement = catalog.REMOVED_BY_TARGET[(ctx.target, canonical)].new
        if replacement is None:
            return None  # nothing replaces it: no rename to be unfit for
        new = _short(replacement)
        return (
            f"Keras 1's `{_short(canonical)}` is a function of the shape, `{new}` a class whose arguments "
            f"mean something else: write `{new}(...)(shape)` or pass `{new}()`"
        )


def _state(fact: RemovedNameFact, target: Target) -> str:
    """What the removed name is on the target."""
    if stub_name(target, fact.old):
        return STUB_NAME_STATES.get((target, fact.old), STUB_NAME_STATE)
    return "does not exist"


def _ops_call(ctx: Context, node: ast.expr) -> bool:
    """Whether ``node`` is the callee of a call KER115 reports (``K.square(x)`` on Keras 3)."""
    if ctx.target is not Target.KERAS3 or not isinstance(node, ast.Attribute):
        return False
    call = _called_with(ctx, node)
    if call is None:
        return False
    from kerascheck.rules import backend_ops

    return backend_ops.reported(ctx, call)


_FITS = frozenset({"fit", "fit_generator"})


def _fit_callbacks(ctx: Context) -> FrozenSet[int]:
    """The ids of the expressions the module passes to ``….fit(…, callbacks=…)``: the argument's items, and those
    of a list (or a callback) named there, bound with ``=``/``+=`` or grown with ``.append``/``.extend``."""
    key = "fit callbacks"
    if key not in ctx.memo:
        found: Set[int] = set()
        pending = [
            keyword.value
            for call in ctx.index.calls
            if isinstance(call.func, ast.Attribute) and call.func.attr in _FITS
            for keyword in call.keywords
            if keyword.arg == "callbacks"
        ]
        names: Set[str] = set()
        while pending:
            value = pending.pop()
            found.add(id(value))
            if isinstance(value, (ast.List, ast.Tuple)):
                pending += value.elts
            elif isinstance(value, ast.BinOp) and isinstance(value.op, ast.Add):
                pending += [value.left, value.right]
            elif isinstance(value, (ast.Starred, ast.BoolOp)):
                pending += [value.value] if isinstance(value, ast.Starred) else value.values
            elif isinstance(value, ast.Name) and value.id not in names:
                names.add(value.id)
                pending += _grown(ctx, value.id)
        ctx.memo[key] = frozenset(found)
    return ctx.memo[key]


def _grown(ctx: Context, name: str) -> List[ast.expr]:
    """What the module binds to ``name`` (``=``, ``+=``) or adds to it (``name.append(x)``, ``name.extend(xs)``)."""
    values: List[ast.expr] = []
    for node in ctx.nodes:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
            values.append(node.value)
        elif isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name) and node.target.id == name:
            values.append(node.value)
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("append", "extend")
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == name
        ):
            values += node.args
    return values


def only_named(ctx: Context) -> Set[int]:
    """ids of the nodes that stand where a class is only named, never made: annotations (of parameters, returns
    and annotated assignments) and the class argument of ``isinstance``/``issubclass``."""
    key = "only named"
    if key not in ctx.memo:
        roots: List[ast.AST] = []
        for node in ctx.nodes:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                arguments = node.args
                every = arguments.posonlyargs + arguments.args + arguments.kwonlyargs
                every += [argument for argument in (arguments.vararg, arguments.kwarg) if argument is not None]
                roots += [argument.annotation for argument in every if argument.annotation is not None]
                if node.returns is not None:
                    roots.append(node.returns)
            elif isinstance(node, ast.AnnAssign):
                roots.append(node.annotation)
            elif (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("isinstance", "issubclass")
                and len(node.args) == 2
            ):
                roots.append(node.args[1])
        ctx.memo[key] = {id(inner) for root in roots for inner in ast.walk(root)}
    return ctx.memo[key]


def _called_with(ctx: Context, node: ast.expr) -> Optional[ast.Call]:
    """The call whose callee is ``node``, if it is one."""
    key = "calls by callee"
    if key not in ctx.memo:
        ctx.memo[key] = {id(call.func): call for call in ctx.index.calls}
    return ctx.memo[key].get(id(node))


class RemovedMethod(Rule):
    """## What it does
    Finds calls of model methods that the target removed or deprecated, such as `fit_generator`,
    `evaluate_generator` and `predict_generator`.

    ## Why is this bad?
    Since TensorFlow 2.1 `fit`, `evaluate` and `predict` accept generators and `keras.utils.Sequence`
    directly; the `*_generator` methods only warn in tf.keras and are gone in Keras 3
    (`AttributeError`). A finding is an error where the target's models have no such method (the
    generated API tables say), a warning where the method is only deprecated.

    ## Example
    ```python
    model.fit_generator(batches, steps_per_epoch=100, epochs=5)
    ```

    ## Use instead
    ```python
    model.fit(batches, steps_per_epoch=100, epochs=5)
    ```

    ## Fix safety
    Offered when the call passes at most the generator positionally and every keyword is one the new
    method takes on the target (`generator=` becomes `x=`); in tf.keras the `*_generator` methods
    only forward to the new ones. Safe when the receiver is certainly a Keras model (every assignment
    of its name makes one: `model = Sequential()`, `load_model(…)`); unsafe when nothing says what it
    is; none when it is called on `self`. Always unsafe on keras3: Keras 3's `fit`, `evaluate` and
    `predict` take a Python generator only if it yields tuples (`(x,)`, `(x, y)`), where the
    `*_generator` methods also took lists and bare input arrays (`ValueError` on Keras 3.15.1).
    A module that defines its own method of that name gets no finding on its calls: the call may be
    that method. Nor does a call on an instance of a class that another module of the project defines
    with that method (read from the module's file, found as the checked module imports it). Only
    modules that import Keras are checked, so another library's `fit_generator` is left alone.
    """

    code = "KER112"
    name = "removed-model-method"
    catalog_tables = ("REMOVED_METHODS",)
    message = "`{old}()` {state} on target {target}{removed}"
    fix_title = "{guideline}"
    severity = Severity.WARNING  # an error where the target's model has no such method
    fix_safety = FixSafety.SOMETIMES
    valid = (
        Valid("from tensorflow import keras\nmodel.fit(batches, epochs=5)\n"),
        Valid("model.fit_generator(batches)\n"),
        Valid(
            "import keras\nif hasattr(model, 'predict_classes'):\n    labels = model.predict_classes(x)\n"
            "else:\n    labels = model.predict(x).argmax(-1)\n",
            target=Target.KERAS3,
        ),
    )
    invalid = (
        Invalid(
            "from tensorflow import keras\nmodel.fit_generator(batches, epochs=5, workers=2)\n",
            at=((2, 6),),
            fixed="from tensorflow import keras\nmodel.fit(batches, epochs=5, workers=2)\n",
        ),
        Invalid(
            "import keras\nmodel.predict_generator(generator=batches, workers=2)\n",
            at=((2, 6),),
            target=Target.KERAS3,
        ),
        Invalid(
            "import keras\nmodel.evaluate_generator(generator=batches, steps=3)\n",
            at=((2, 6),),
            target=Target.KERAS3,
            fixed="import keras\nmodel.evaluate(x=batches, steps=3)\n",
        ),
    )

    owners = frozenset(fact.old for fact in catalog.REMOVED_METHODS)

    def check_call(self, ctx: Context, node: ast.Call) -> Iterator[Finding]:
        func = node.func
        if not isinstance(func, ast.Attribute) or ctx.reference(func) is not None:
            return
        judged = Target.TF_KERAS if keras2_model_receiver(ctx, node) else ctx.target  # a tf_keras model's
        fact = catalog.REMOVED_METHODS_BY_TARGET.get((judged, f".{func.attr}"))
        if fact is not None:
            span = _name_span(ctx, func)
            edits = _method_edits(ctx, node, span, fact, judged)
            if own_method_called(ctx, node) or may_be_own_method(ctx, node) or project_method_called(ctx, node):
                return  # the module's (or the project's) own method of that name may be the one called: never guessed
            if asks_for(ctx, func.attr):
                return  # ``if hasattr(model, "predict_classes"):``: called only where the model has it
            if func.attr in _SHARED_METHOD_NAMES and not _keras_receiver(ctx, node):
                return  # another object's method of that name (Keras 3's own StatelessScope.add_update)
            model = model_receiver(ctx, node)
            gone = _method_gone(judged, func.attr)
            if gone and ctx.index.attribute_fallbacks and ctx.handles_attribute_error(node):
                return  # called where the module catches the AttributeError itself
            inexact = dict(fact.inexact_on).get(judged)
            guideline = f"{fact.guideline} {inexact}." if inexact else fact.guideline
            refused = _refused_by_new(node, fact, judged) if not edits else []
            if refused and fact.new:  # held-out probe: `fit(generator=…, use_multiprocessing=True)` failed on Keras 3
                guideline = guideline.rstrip(".")
                them = "them" if len(refused) > 1 else "it"
                guideline += f"; `{fact.new.lstrip('.')}` on target {judged} takes no {_listed(refused)}: drop {them}"
            finding = self.finding(
                ctx, func, span=span, edits=edits, safe=model is True and not inexact, old=func.attr,
                guideline=guideline,
                removed=removed_note(ctx.target, fact.removed_in) if gone else "",
                state="is removed (AttributeError)" if gone else "is deprecated (it still runs, with a warning)",
                severity=Severity.ERROR if gone else None,
            )  # fmt: skip
            yield finding.unfixed(_NOT_KERAS_MODEL.format(method=func.attr)) if model is False and edits else finding


_NOT_KERAS_MODEL = "`{method}` is called on `self`, which may not be a Keras model"

# Removed methods whose names other objects' methods have too (keras 3.15.1 keras/src/backend/common/
# stateless_scope.py StatelessScope.add_update, which Keras's own variables.py calls: corpus triage 11): reported
# only on a receiver shown to be a Keras layer or model.
_SHARED_METHOD_NAMES = frozenset({"add_update"})


def _keras_receiver(ctx: Context, node: ast.Call) -> bool:
    """Whether ``receiver.method(…)`` is called on a Keras model the module makes, or on ``self`` (``super()``) in
    a method of one of its Keras classes."""
    from kerascheck.rules.objects import keras_classes  # here: only such a call needs them

    if model_receiver(ctx, node) is True:
        return True
    receiver = node.func.value if isinstance(node.func, ast.Attribute) else None
    is_self = isinstance(receiver, ast.Name) and receiver.id == "self"
    is_super = isinstance(receiver, ast.Call) and isinstance(receiver.func, ast.Name) and receiver.func.id == "super"
    if not (is_self or is_super):
        return False
    around = [klass for klass in ctx.index.classes if klass.lineno <= node.lineno <= (klass.end_lineno or 0)]
    innermost = max(around, key=lambda klass: klass.lineno, default=None)
    return innermost is not None and any(klass is innermost for klass, _ in keras_classes(ctx))


def _method_gone(target: Target, method: str) -> bool:
    """Whether the target's models and layers lack the method (calling it raises AttributeError), as
    the generated API tables say; tf.keras 2.15 still has the deprecated ``fit_generator`` family."""
    from kerascheck.catalog import api

    return method not in api.attributes(target, "Model", frozenset({"Model"})) | api.attributes(
        target, "Layer", frozenset({"Layer"})
    )


def _refused_by_new(node: ast.Call, fact: RemovedMethodFact, target: Target) -> List[str]:
    """The keywords of the call that the method replacing ``fact``'s takes nowhere on ``target`` (``generator=`` is
    renamed ``x=`` by the fix)."""
    accepted = METHOD_PARAMETERS.get((target, fact.new)) if fact.new else None
    if accepted is None:
        return []
    old = f".{node.func.attr}" if isinstance(node.func, ast.Attribute) else ""
    return [
        f"{k.arg}="
        for k in node.keywords
        if k.arg
        and k.arg != GENERATOR_PARAMETER
        and k.arg not in accepted
        and (old, k.arg) not in catalog.KEYWORDS_BY_OWNER  # a Keras 1 keyword: KER201/KER204 say what it became
    ]


def _method_edits(
    ctx: Context, node: ast.Call, span: Tuple[int, int, int, int], fact: RemovedMethodFact, target: Target
) -> Tuple[Edit, ...]:
    """Rename the method when the new one accepts the call as written on ``target``; else no fix."""
    if fact.new is None:  # removed with no replacement
        return ()
    accepted = METHOD_PARAMETERS.get((target, fact.new))
    if accepted is None or len(node.args) > 1 or any(isinstance(arg, ast.Starred) for arg in node.args):
        return ()
    edits = [Edit(*span, fact.new.lstrip("."))]
    for keyword in node.keywords:
        if keyword.arg == GENERATOR_PARAMETER:
            line, col = keyword.lineno, ctx.column(keyword.lineno, keyword.col_offset)
            edits.append(Edit(line, col, line, col + len(keyword.arg), "x"))
        elif keyword.arg not in accepted:
            return ()
    return tuple(edits)
