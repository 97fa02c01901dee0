"""TensorFlow 1 names read beside Keras (KER125): ``tf.Session``, ``tf.ConfigProto``, ``tf.get_default_graph()``,
``tf.set_random_seed``, ``tf.train.AdamOptimizer``, which TensorFlow 2 removed from ``tf`` (catalog/tf1_names.py)."""

from __future__ import annotations

import ast
from typing import Iterator, List, Optional, Tuple

from kerascheck.catalog.model import BOTH, Target
from kerascheck.catalog.tf1_names import NO_COMPAT_V1, TENSORFLOW_OF_TARGET, TF1_NAMES, TF1_REMEDIES
from kerascheck.context import Context
from kerascheck.findings import Edit, Finding
from kerascheck.names import TENSORFLOW, Reference
from kerascheck.rules.base import FixSafety, Invalid, Rule, Severity, Valid, asks_for, module_text
from kerascheck.rules.imports import alias_span, import_module_span

_COMPAT_V1 = "tensorflow.compat.v1."


def _removed(path: Tuple[str, ...]) -> Optional[str]:
    """The TF 1 name a reference's path below ``tf`` starts with (``train.AdamOptimizer``, ``contrib``), or None."""
    for size in (2, 1):
        name = ".".join(path[:size])
        if len(path) >= size and name in TF1_NAMES:
            return name
    return None


def _remedy(name: str) -> str:
    """What to write instead of the TF 1 name ``name`` (a key of TF1_NAMES), as a sentence."""
    new, compat = TF1_NAMES[name], f"tf.compat.v1.{name}"
    if name in NO_COMPAT_V1:
        remedy = TF1_REMEDIES[name]
    elif new is not None:
        remedy = (
            f"use `tf.{new}`, its TF 2 counterpart (check the arguments it takes), or `{compat}` in TF 1-style code"
        )
    elif name in TF1_REMEDIES:
        remedy = f"{TF1_REMEDIES[name]} (or `{compat}` in TF 1-style graph code)"
    else:
        remedy = f"use `{compat}` in TF 1-style graph code (`tf.compat.v1.disable_eager_execution()`)"
    return remedy[:1].upper() + remedy[1:]


class TensorFlow1Name(Rule):
    """## What it does
    Finds TensorFlow 1 names read or imported in a module that uses Keras: `tf.Session`, `tf.ConfigProto`,
    `tf.get_default_graph()`, `tf.placeholder`, `tf.set_random_seed`, `tf.log`, `tf.train.AdamOptimizer`,
    `tf.logging`, `tf.enable_eager_execution()`, `tf.contrib`…, and `from tensorflow import Session`,
    `from tensorflow.contrib import slim` (the table in `catalog/tf1_names.py`, each name checked on TensorFlow 2.15.1).

    ## Why is this bad?
    Keras 2.2 ran on TensorFlow 1, and its scripts set up a session, a GPU config or a default graph beside the
    model. TensorFlow 2 (tf.keras up to TF 2.15, and TF 2.16+ under Keras 3) removed these names from `tf`: the
    first read raises `AttributeError: module 'tensorflow' has no attribute 'Session'`, before any Keras code runs;
    importing one fails at once (`ImportError: cannot import name 'Session' from 'tensorflow'`, or
    `ModuleNotFoundError: No module named 'tensorflow.contrib'` for a module below one).
    Most live on in `tf.compat.v1` (not `tf.contrib`); many have a TF 2 counterpart (`tf.math.log`,
    `tf.random.set_seed`), whose arguments may differ.

    ## Example
    ```python
    import tensorflow as tf
    tf.set_random_seed(42)
    graph = tf.get_default_graph()
    ```

    ## Use instead
    ```python
    import tensorflow as tf
    tf.random.set_seed(42)
    ```

    ## Fix safety
    Unsafe: `tf.compat.v1.` is written before the name (an import is made from `tensorflow.compat.v1`, when all
    the names it imports are TF 1 ones), the same TF 1 object, which may still need graph mode
    (`tf.compat.v1.disable_eager_execution()`) to do what it did; the TF 2 name, where the message gives one, is
    the better change, made by hand. None for `tf.contrib`.
    """

    code = "KER125"
    name = "tensorflow1-name"
    message = "`{old}` is TensorFlow 1 API, gone from TensorFlow 2's `tf`: {effect} on target {target} ({tensorflow})"
    fix_title = "{remedy}"
    severity = Severity.ERROR
    targets = BOTH
    fix_safety = FixSafety.UNSAFE
    catalog_tables = ("TF1_NAMES",)
    valid = (
        Valid(
            "import tensorflow as tf\nimport keras\ntf.random.set_seed(1)\nsession = tf.compat.v1.Session()\n"
            "x = tf.math.log(2.0)\nopt = tf.compat.v1.train.AdamOptimizer(0.1)\n"
        ),
        Valid("import tensorflow.compat.v1 as tf\nimport keras\ntf.disable_v2_behavior()\nsession = tf.Session()\n"),
        Valid("import keras\ntry:\n    from tensorflow import Session\nexcept ImportError:\n    Session = None\n"),
        Valid("import tensorflow as tf\nsession = tf.Session()\n"),  # no Keras here: out of kerascheck's scope
        Valid(
            "import tensorflow as tf\nimport keras\ntry:\n    session = tf.Session()\nexcept AttributeError:\n"
            "    session = None\nif hasattr(tf, 'set_random_seed'):\n    tf.set_random_seed(1)\n"
        ),
    )
    invalid = (
        Invalid(
            "import tensorflow as tf\nfrom keras.models import load_model\n"
            "config = tf.ConfigProto()\nconfig.gpu_options.allow_growth = True\n"
            "session = tf.Session(config=config)\ngraph = tf.get_default_graph()\n",
            at=((3, 9), (5, 10), (6, 8)),
            fixed="import tensorflow as tf\nfrom keras.models import load_model\n"
            "config = tf.compat.v1.ConfigProto()\nconfig.gpu_options.allow_growth = True\n"
            "session = tf.compat.v1.Session(config=config)\ngraph = tf.compat.v1.get_default_graph()\n",
        ),
        Invalid(
            "import tensorflow as tf\nfrom tensorflow import keras\ntf.set_random_seed(0)\n"
            "optimizer = tf.train.AdamOptimizer(0.001)\ntf.logging.set_verbosity(tf.logging.ERROR)\n",
            at=((3, 0), (4, 12), (5, 0), (5, 25)),
            target=Target.KERAS3,
            fixed="import tensorflow as tf\nfrom tensorflow import keras\ntf.compat.v1.set_random_seed(0)\n"
            "optimizer = tf.compat.v1.train.AdamOptimizer(0.001)\n"
            "tf.compat.v1.logging.set_verbosity(tf.compat.v1.logging.ERROR)\n",
        ),
        Invalid(
            "from keras.models import Sequential\nfrom tensorflow import ConfigProto, Session\n"
            "from tensorflow.contrib import slim\nconfig = ConfigProto()\nsession = Session(config=config)\n",
            at=((2, 23), (2, 36), (3, 0)),
            fixed="from keras.models import Sequential\nfrom tensorflow.compat.v1 import ConfigProto, Session\n"
            "from tensorflow.contrib import slim\nconfig = ConfigProto()\nsession = Session(config=config)\n",
        ),
    )

    def concerns(self, reference: Reference, target: Target) -> bool:
        return reference.implementation == TENSORFLOW and _removed(reference.path) is not None

    def check_reference(self, ctx: Context, node: ast.expr, reference: Reference) -> Iterator[Finding]:
        name = _removed(reference.path)
        if name is None or not ctx.imports_keras or ctx.never_runs(node) or asks_for(ctx, name.rpartition(".")[2]):
            return
        if ctx.handles(node, "AttributeError"):
            return  # tried, the missing name handled: code for either TensorFlow
        if any(dotted.startswith(_COMPAT_V1) for dotted in ctx.bound_alternatives(node)):
            return  # `tf` is also `tensorflow.compat.v1`, where the code runs on TF 2 (`if tf.__version__ …`)
        read = node
        for _ in range(len(reference.path) - name.count(".") - 1):  # `tf.contrib` of `tf.contrib.layers.flatten`
            read = read.value if isinstance(read, ast.Attribute) else read
        if not isinstance(read, ast.Attribute):
            return  # a name imported from it (`from tensorflow.contrib import slim`): the import fails, not this read
        old = ctx.source_of(read)
        yield self.finding(
            ctx,
            read,
            edits=() if name in NO_COMPAT_V1 else self._compat_edit(ctx, node, read),
            safe=False,
            old=old,
            tensorflow=TENSORFLOW_OF_TARGET[ctx.target],
            effect="reading it raises `AttributeError`",
            remedy=_remedy(name),
        )

    def check_module(self, ctx: Context) -> Iterator[Finding]:
        """``from tensorflow import Session``, ``from tensorflow.contrib import slim``, ``import tensorflow.logging``:
        the import itself fails (the uses of the names it would bind are not reported again)."""
        if "tensorflow" not in module_text(ctx):
            return
        for node in ctx.index.imports:
            if isinstance(node, ast.Import):
                for alias in node.names:
                    name = _removed(tuple(alias.name.split(".")[1:])) if alias.name.startswith("tensorflow.") else None
                    if name is not None and self._fails(ctx, node):
                        yield self._import_finding(ctx, node, ctx.span(node), alias.name, name, (), module_gone=True)
                continue
            module = ctx.index.absolute_module(node)
            if module != "tensorflow" and not (module or "").startswith("tensorflow."):
                continue
            below = tuple(module.split(".")[1:])  # type: ignore[union-attr]
            gone = _removed(below)
            if gone is not None:  # `from tensorflow.contrib import slim`: the module itself is gone
                if self._fails(ctx, node):
                    edits = self._compat_import_edit(ctx, node, [gone])
                    yield self._import_finding(ctx, node, ctx.span(node), module, gone, edits, module_gone=True)  # type: ignore[arg-type]
                continue
            found = [(alias, _removed((*below, alias.name))) for alias in node.names]
            if all(name is None for _, name in found) or not self._fails(ctx, node):
                continue
            edits = self._compat_import_edit(ctx, node, [name for _, name in found])
            for alias, name in found:
                if name is not None and not asks_for(ctx, alias.name):
                    old = f"{module}.{alias.name}"
                    yield self._import_finding(ctx, node, alias_span(ctx, node, alias), old, name, edits)

    @staticmethod
    def _fails(ctx: Context, node: ast.stmt) -> bool:
        """Whether an import of a TF 1 name fails where it stands: in a module that uses Keras, outside the
        compatibility code of ``try … except ImportError`` and the branches that never run on the target."""
        return (
            ctx.imports_keras
            and id(node) not in ctx.index.guarded_imports
            and not ctx.never_runs(node)
            and not ctx.handles(node, "ImportError")
        )

    def _import_finding(
        self,
        ctx: Context,
        node: ast.stmt,
        span: Tuple[int, int, int, int],
        old: str,
        name: str,
        edits: Tuple[Edit, ...],
        module_gone: bool = False,
    ) -> Finding:
        """``module_gone``: the import names a module below the TF 1 name (``tensorflow.contrib.slim``), else a name
        imported from a module TF 2 still has (run on TF 2.15.1: ``ModuleNotFoundError: No module named
        'tensorflow.logging'``, ``ImportError: cannot import name 'Session' from 'tensorflow'``)."""
        effect = (
            "importing it raises `ModuleNotFoundError`"
            if module_gone
            else f"importing it raises `ImportError: cannot import name '{name.rpartition('.')[2]}'`"
        )
        remedy = _remedy(name)
        if edits:
            remedy += "; import it from `tensorflow.compat.v1` to keep the TF 1 object"
        return self.finding(
            ctx,
            node,
            span=span,
            edits=edits,
            safe=False,
            old=old,
            tensorflow=TENSORFLOW_OF_TARGET[ctx.target],
            effect=effect,
            remedy=remedy,
        )

    @staticmethod
    def _compat_import_edit(ctx: Context, node: ast.ImportFrom, names: List[Optional[str]]) -> Tuple[Edit, ...]:
        """``from tensorflow import Session, ConfigProto`` -> ``from tensorflow.compat.v1 import …``: when every name it
        imports is a TF 1 name that ``tf.compat.v1`` keeps, at the same place below it."""
        if any(name is None or name in NO_COMPAT_V1 for name in names) or node.level:
            return ()
        span = import_module_span(ctx, node)
        if span is None:
            return ()
        line, col, _, _ = span
        return (Edit(line, col, line, col + len("tensorflow"), "tensorflow.compat.v1"),)

    @staticmethod
    def _compat_edit(ctx: Context, chain: ast.expr, read: ast.expr) -> Tuple[Edit, ...]:
        """``tf.Session`` -> ``tf.compat.v1.Session``: where the chain starts at a name bound to ``tensorflow``
        itself, followed at once by a dot."""
        root = read
        while isinstance(root, ast.Attribute):
            root = root.value
        bound = ctx.root_reference(chain)
        if not isinstance(root, ast.Name) or bound is None or bound.dotted != "tensorflow" or root is read:
            return ()
        line, _, end_line, end_col = ctx.span(root)
        text = ctx.lines[line - 1] if line == end_line and line <= len(ctx.lines) else ""
        if text[end_col : end_col + 1] != ".":
            return ()
        return (Edit(line, end_col + 1, line, end_col + 1, "compat.v1."),)
