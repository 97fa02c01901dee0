"""KER124: a Keras module or name the target's Keras does not have, by the public modules and names
generated from the real packages (catalog/module_tables.py)."""

from __future__ import annotations

import ast
from typing import Iterator, List, Optional, Tuple, Union

from kerascheck import catalog
from kerascheck.binding import nearest_name
from kerascheck.catalog import modules
from kerascheck.catalog.keras1_calls import OPS_BY_NAME
from kerascheck.catalog.model import Target
from kerascheck.catalog.releases import KERAS3_CHECKED
from kerascheck.context import Context
from kerascheck.findings import Finding
from kerascheck.names import TF_KERAS_PACKAGE, Reference, classify
from kerascheck.rules.base import Invalid, Rule, Severity, Valid, asks_for
from kerascheck.rules.imports import alias_span, import_module_span, inside_keras_package
from kerascheck.rules.values import module_values

# the releases the module tables were generated from (scripts/module_tables.py)
_RELEASE = {Target.TF_KERAS: "keras 2.15.0, TF 2.15's tf.keras", Target.KERAS3: f"Keras {KERAS3_CHECKED}"}
# the one module attribute the tables record (keras 2.15's tf.keras has none: ``tf.keras.__version__`` raises)
_VERSION = "__version__"
_OTHER = {Target.TF_KERAS: Target.KERAS3, Target.KERAS3: Target.TF_KERAS}


class UnknownKerasName(Rule):
    """## What it does
    Finds an import or an attribute chain naming a Keras module or name that the target's Keras does not
    have: `from tensorflow.keras import ops` on tf.keras (TF 2.15 has no `tf.keras.ops`: it is Keras 3's),
    Keras 2.2's `from keras.applications.resnet50 import identity_block` (standalone `keras` beside TF 2.15 is
    keras 2.15, with tf.keras's API; a Keras 3 name there is KER101's), or a misspelt `keras.layers.Conv2d`.
    The modules and the names each binds are read from the real packages (keras 2.15.0 for tf.keras, Keras
    3.15.1).

    ## Why is this bad?
    The import raises `ImportError` (`ModuleNotFoundError` for a module), the attribute `AttributeError`.
    A name the catalog says more about is reported by its own rule instead: removed names with a
    replacement (KER111), Keras 1 aliases (KER110), legacy and private module paths (KER102, KER103),
    backend functions with a `keras.ops` twin (KER115).

    ## Example
    ```python
    from tensorflow.keras import ops  # on tf.keras
    ```

    ## Use instead
    ```python
    import tensorflow as tf  # TF 2.15: TensorFlow's own ops (or target Keras 3, which has keras.ops)
    ```

    ## Fix safety
    None: what to use instead depends on the program.
    """

    code = "KER124"
    name = "unknown-keras-name"
    message = "`{spelled}`: `{module}` has no `{missing}` on target {target} ({release}), so {effect}{elsewhere}"
    fix_title = "{remedy}"
    severity = Severity.ERROR
    valid = (
        Valid("from tensorflow.keras import layers\nfrom tensorflow.keras.layers import Dense\nx = layers.Dropout\n"),
        Valid("import keras\nfrom keras import ops\ny = keras.ops.sum\n", target=Target.KERAS3),
        Valid(
            "import tensorflow as tf\ntry:\n    from tensorflow.keras import ops\nexcept ImportError:\n    ops = None\n"
        ),
        Valid("from tensorflow.keras import ops\ny = ops.sum\n", target=Target.KERAS3),
        Valid("import keras\ny = keras.layers.Dense.unknown_attribute\n", target=Target.KERAS3),
        Valid("import keras\nprint(keras.__name__, keras.__version__)\n", target=Target.KERAS3),
        Valid(
            "from tensorflow import keras\nif hasattr(keras, 'version') and keras.version().startswith('3.'):\n"
            "    pass\n"
        ),
        Valid(
            "from keras import backend as K\nif K.backend() == 'theano':\n    y = K.pattern_broadcast(x, (True,))\n",
            target=Target.KERAS3,
        ),
    )
    invalid = (
        Invalid(
            "from tensorflow.keras import layers, ops\nimport tensorflow as tf\ny = ops.sum(tf.keras.ops.ones(2))\n",
            at=((1, 37), (3, 12)),
        ),
        Invalid(
            "import keras\nfrom keras.layers import Conv2d\nblock = keras.layers.Conv2d(8, 3)\n",
            at=((2, 25), (3, 8)),
            target=Target.KERAS3,
        ),
    )

    def check_import(self, ctx: Context, node: ast.stmt) -> Iterator[Finding]:
        if inside_keras_package(ctx):
            return
        if isinstance(node, ast.Import):
            for alias in node.names:
                problem = self._problem(ctx.target, alias.name, 0)
                if problem is not None and not _imported_at_run_time(ctx, node, problem[1]):
                    yield self._report(ctx, node, ctx.span(node), alias.name, *problem, alias.name, module_missing=True)
            return
        if not isinstance(node, ast.ImportFrom) or node.level or not node.module:
            return
        problem = self._problem(ctx.target, node.module, 0)
        if problem is not None and _imported_at_run_time(ctx, node, problem[1]):
            return
        if problem is not None and not any(
            _explained(f"{node.module}.{alias.name}", ctx.target) for alias in node.names
        ):
            span = import_module_span(ctx, node) or ctx.span(node)
            yield self._report(ctx, node, span, node.module, *problem, node.module, module_missing=True)
        if problem is not None:
            return
        for alias in node.names:
            if alias.name == "*":
                continue
            dotted = f"{node.module}.{alias.name}"
            problem = self._problem(ctx.target, dotted, len(dotted.split(".")) - 1)
            if problem is not None and not _imported_at_run_time(ctx, node, problem[1]):
                yield self._report(ctx, node, alias_span(ctx, node, alias), alias.name, *problem, dotted, imported=True)

    def concerns(self, reference: Reference, target: Target) -> bool:
        if reference.implementation == TF_KERAS_PACKAGE:
            return False  # tf.keras is tf_keras where the module sets TF_USE_LEGACY_KERAS: Keras 2's names
        return self._problem(target, reference.dotted, 0) is not None

    def check_reference(self, ctx: Context, node: ast.expr, reference: Reference) -> Iterator[Finding]:
        if not isinstance(node, ast.Attribute) or inside_keras_package(ctx):
            return
        attributes = 0
        root: ast.expr = node
        while isinstance(root, ast.Attribute):
            attributes += 1
            root = root.value
        parts = len(reference.dotted.split("."))
        # the part the target lacks is spelled in this chain (not in the import that bound its first name,
        # which is where it is reported)
        problem = self._problem(ctx.target, reference.dotted, parts - attributes)
        if problem is None or problem[1] in ctx.index.attributes_set or _never_evaluated(ctx, node):
            return  # the module sets the name itself (``tf.keras.layers.Foo = Foo``), or never reads it
        if not _chosen_at_run_time(ctx, node, problem[1]):
            spelled = ctx.source_of(node)
            yield self._report(ctx, node, ctx.span(node), spelled, *problem, reference.dotted)

    def _problem(self, target: Target, dotted: str, first: int) -> Optional[Tuple[str, str]]:
        """(the module, the name it lacks) when ``dotted`` names nothing on the target at a part from
        ``first`` on, and no other rule speaks of it; else None."""
        standalone = target is Target.TF_KERAS and (dotted == "keras" or dotted.startswith("keras."))
        # standalone ``keras`` beside TF 2.15 is keras 2.15, whose API is tf.keras's (KER101 speaks of the import)
        missing = modules.missing_part(f"tensorflow.{dotted}" if standalone else dotted, target)
        if missing is None or missing[1] - standalone < first:
            return None
        module, index = missing
        if standalone:
            module, index = module[len("tensorflow.") :], index - 1
        parts = dotted.split(".")
        if standalone and modules.has_name(".".join(parts[: index + 1]), Target.KERAS3):
            return None  # Keras 3 code: KER101 says standalone `keras` is not tf.keras, once per import
        # the tables hold public names; a module's own (``__name__``) or private ones may be there; but TF 2.15's
        # tf.keras has no ``__version__`` (standalone keras 2.15 has)
        if parts[index].startswith("_") and (parts[index] != _VERSION or standalone):
            return None
        if _explained(".".join(parts[: index + 1]), target) or _explained(dotted, target):
            return None
        return module, parts[index]

    def _report(
        self,
        ctx: Context,
        node: ast.AST,
        span: Tuple[int, int, int, int],
        spelled: str,
        module: str,
        missing: str,
        dotted: str,
        module_missing: bool = False,
        imported: bool = False,
    ) -> Finding:
        target = ctx.target
        if module_missing:
            effect = "the import raises `ModuleNotFoundError`"
        elif imported:
            effect = "the import raises `ImportError`"
        else:
            effect = "reading it raises `AttributeError`"
        other = _OTHER[target]
        elsewhere = ""
        if modules.has_name(f"{module}.{missing}", other) or modules.has_name(_on(f"{module}.{missing}", other), other):
            elsewhere = f" (target {other} has it)"
        # a near name, when the missing one ends what is written (``vgg16.vgg16.WEIGHTS_PATH`` wants no ``VGG16``),
        # and not for a name the other target has: no typo, the nearest name here is another thing (`silu`, `selu`)
        ends = dotted == f"{module}.{missing}"
        listed = modules.names_in(module, target) or modules.names_in(f"tensorflow.{module}", target)
        close = nearest_name(missing, sorted(listed)) if ends and not elsewhere else None
        if missing == _VERSION and module == "tensorflow.keras":
            remedy = "Read `tf.__version__` (TF 2.15 serves keras 2.15 as tf.keras)"
        elif close:
            remedy = f"Did you mean `{close}`?"
        elif elsewhere:
            remedy = f"Write it with what `{module}` has on target {target}, or target {other}"
        else:
            remedy = f"Write it with what `{module}` has on target {target}"
        return self.finding(
            ctx, node, span=span, spelled=spelled, module=module, missing=missing, release=_RELEASE[target],
            effect=effect, elsewhere=elsewhere, remedy=remedy,
        )  # fmt: skip


def _imported_at_run_time(ctx: Context, node: ast.stmt, missing: str) -> bool:
    """Whether an import stands in a branch chosen at run time (:func:`_chosen_at_run_time`); an import in no
    ``if`` is judged on its own text (the import memo keeps the findings of such a statement)."""
    where = ctx.index.where.get(id(node))
    return where is not None and bool(where.branches) and _chosen_at_run_time(ctx, node, missing)


def _chosen_at_run_time(ctx: Context, node: Union[ast.expr, ast.stmt], missing: str) -> bool:
    """Whether the module reads the name only where it has it: asks for it first (``hasattr(keras,
    "version")``), reads it inside ``try: … except ImportError``, or in a branch (``if`` or ``… if … else
    …``) that tests the backend or the version (``if K.backend() == "theano":``), directly or through a
    flag set from them (``KERAS3 = keras.__version__.startswith("3")``, then ``if KERAS3:``)."""
    if asks_for(ctx, missing):
        return True
    where = ctx.index.where.get(id(node))
    if where is None or where.guarded:
        return where is not None
    key = ("KER124 tests",)
    tests = ctx.memo.get(key)
    if tests is None:
        tests = ctx.memo[key] = (
            {id(each): each.test for each in ctx.nodes if type(each) is ast.If},
            [each for each in ctx.nodes if type(each) is ast.IfExp],
        )
    ifs, choices = tests
    branch_tests = [ifs[branch] for branch, _ in where.branches if branch in ifs]
    start = (node.lineno, node.col_offset)
    branch_tests += [
        choice.test
        for choice in choices
        for part in (choice.body, choice.orelse)
        if (part.lineno, part.col_offset) <= start
        and (node.end_lineno, node.end_col_offset) <= (part.end_lineno, part.end_col_offset)
    ]
    return any(_tests_run_time(ctx, test) for test in branch_tests)


def _tests_run_time(ctx: Context, test: ast.expr) -> bool:
    """Whether a branch's test reads the backend or the version, itself or through the names it reads."""
    sources = [ctx.source_of(test)]
    values = module_values(ctx)
    for name in ast.walk(test):
        if type(name) is ast.Name and type(name.ctx) is ast.Load:
            binding = values.binding(name)
            if binding is not None and isinstance(binding.value, ast.expr):
                sources.append(ctx.source_of(binding.value))
    return any(word in source.lower() for source in sources for word in _RUN_TIME_WORDS)


_RUN_TIME_WORDS = ("backend", "theano", "version", "hasattr")


def _never_evaluated(ctx: Context, node: ast.expr) -> bool:
    """Whether ``node`` stands in an annotation Python never evaluates: any, under ``from __future__ import
    annotations``; a local variable's (``x: tf.keras.Layer = …`` in a function) in any case."""
    key = ("KER124 annotations",)
    spans = ctx.memo.get(key)
    if spans is None:
        postponed = any(
            type(statement) is ast.ImportFrom
            and statement.module == "__future__"
            and any(alias.name == "annotations" for alias in statement.names)
            for statement in ctx.tree.body
        )
        unevaluated: List[ast.expr] = []
        for each in ctx.nodes:
            if isinstance(each, (ast.FunctionDef, ast.AsyncFunctionDef)):
                if postponed:
                    arguments = each.args
                    every = arguments.posonlyargs + arguments.args + arguments.kwonlyargs
                    every += [arg for arg in (arguments.vararg, arguments.kwarg) if arg is not None]
                    unevaluated += [arg.annotation for arg in every if arg.annotation is not None]
                    unevaluated += [each.returns] if each.returns is not None else []
                else:
                    unevaluated += [inner.annotation for inner in _local_annotations(each)]
            elif isinstance(each, ast.AnnAssign) and postponed:
                unevaluated.append(each.annotation)
        spans = ctx.memo[key] = [
            ((each.lineno, each.col_offset), (each.end_lineno, each.end_col_offset)) for each in unevaluated
        ]
    start, end = (node.lineno, node.col_offset), (node.end_lineno, node.end_col_offset)
    return any(first <= start and end <= last for first, last in spans)


def _local_annotations(function: ast.AST) -> List[ast.AnnAssign]:
    """The ``name: annotation`` statements of a function's own body and of its nested functions (a class
    body's are evaluated)."""
    found: List[ast.AnnAssign] = []
    stack = list(ast.iter_child_nodes(function))
    while stack:
        node = stack.pop()
        if type(node) is ast.AnnAssign and node.simple:
            found.append(node)
        elif type(node) is not ast.ClassDef:
            stack += ast.iter_child_nodes(node)
    return found


def _on(dotted: str, target: Target) -> str:
    """The same name under the root ``target`` serves it from (``keras.ops`` for ``tensorflow.keras.ops``)."""
    if target is Target.KERAS3 and dotted.startswith("tensorflow.keras"):
        return dotted[len("tensorflow.") :]
    if target is Target.TF_KERAS and (dotted == "keras" or dotted.startswith("keras.")):
        return f"tensorflow.{dotted}"
    return dotted


def _explained(dotted: str, target: Target) -> bool:
    """Whether another rule reports the name: a legacy or private module path, a removed or renamed name,
    a backend function with a ``keras.ops`` twin."""
    reference = classify(dotted)
    if reference is None:
        return True
    if catalog.module_path(reference.path, target) is not None:
        return True
    canonical = catalog.canonical_name(reference)
    names = canonical.split(".")
    if any(
        (target, ".".join(names[:end])) in catalog.REMOVED_BY_TARGET
        or (target, ".".join(names[:end])) in catalog.RENAMED_BY_TARGET
        for end in range(1, len(names) + 1)
    ):
        return True
    return canonical in OPS_BY_NAME
