"""What a rule may ask about the module being checked: :class:`Context`.

Rules import it for their annotations; the engine builds one per module. It knows names (what a chain
of attributes refers to through the imports), the Keras implementations the module uses, and positions
(columns as editors count them, the source of a node). Nothing here knows the rules.
"""

from __future__ import annotations

import ast
import functools
import io
import os
import tokenize
from typing import Any, Dict, FrozenSet, Iterator, List, Optional, Protocol, Sequence, Set, Tuple, Union

from kerascheck import catalog
from kerascheck.catalog import modules
from kerascheck.catalog.model import Target
from kerascheck.dead_branches import KERAS_HASATTR, VERSION_FUNCTION_TEXTS, branch_spans, within
from kerascheck.names import KERAS_IMPLEMENTATIONS, TF_KERAS, TF_KERAS_PACKAGE, Reference, Resolver, Scope, classify
from kerascheck.record import Record
from kerascheck.renames import NO_EXPOSURE, Exposure
from kerascheck.text import Lines
from kerascheck.walk import ModuleIndex, Where, catches_import_error, chain_root, every_node


class RuleSettings(Protocol):
    """What rules read of the settings (:class:`kerascheck.config.Settings` has it): the target, and
    the project's keras and tensorflow pins when the target was read from them."""

    @property
    def target(self) -> Target: ...

    @property
    def pins(self) -> Tuple[str, ...]: ...


# Handlers that catch any error a Keras call raises: a fallback around it handles its failure too
_BROAD_HANDLERS = frozenset({"Exception", "BaseException"})


class Context:
    """What rules may ask about the module being checked."""

    def __init__(
        self,
        tree: ast.Module,
        lines: Sequence[str],
        settings: RuleSettings,
        module_name: Optional[str] = None,
        project_layers: FrozenSet[str] = frozenset(),
        exposure: Exposure = NO_EXPOSURE,
        methods: Optional[FrozenSet[str]] = None,
        path: Optional[str] = None,
    ) -> None:
        """``methods``: the method names whose calls the active rules check (None: every method); ``path``: the
        module's file, when it has one (the project's other modules are found beside it)."""
        self.path = path
        self.project_layers = project_layers  # "pkg.mod.Class" of custom layers in other modules
        self.exposure = exposure  # what runs with the module but is not in it (see renames.py)
        self.tree = tree
        self.lines = lines
        # the text as given (a Lines splits it only when a line is read; flake8's lines are joined once), and
        # whether every column is a byte's
        self._text: Optional[str] = lines.text if isinstance(lines, Lines) else "".join(lines)
        self._ascii = self._text.isascii()
        self.settings = settings
        self.target: Target = settings.target
        self._imported_twice: Optional[Dict[Tuple[int, str], List[Union[ast.Import, ast.ImportFrom]]]] = None
        # how the messages name the target, where it is not the one the run was asked for (see engine.analyse_tree)
        self.target_shown: Optional[str] = None
        stars = None
        if path is not None and "import" in self._text and "*" in self._text:
            from kerascheck.project_classes import star_exports  # here: only a star import reads another module

            stars = functools.partial(star_exports, path=path, module_name=module_name)
        self.index = ModuleIndex(module_name, methods, stars).build(tree)
        self._resolver = Resolver(
            catalog.is_known_star_name,
            functools.partial(_star_binds, target=self.target),
            self.index.attributes_set,
            own_package=module_name.split(".")[0] if module_name else None,
        )
        self._references: Dict[int, Optional[Reference]] = {}
        self._imported: Dict[int, List[Tuple[ast.alias, Reference]]] = {}  # see imported_references
        self.layer_classes: Dict[str, ast.ClassDef] = {}  # module-level custom layers, by name
        self.memo: Dict[object, Any] = {}  # what rules work out once per node and share
        self.callees: Dict[int, object] = {}  # id(call) -> its Callee or None (context/callees.py)
        self._imports_keras: Optional[bool] = None
        self._implementation_uses: Optional[Dict[str, List[Use]]] = None
        self._nodes: Optional[List[ast.AST]] = None
        # ``os.environ["TF_USE_LEGACY_KERAS"] = "1"``: TensorFlow's lazy loader makes ``tf.keras`` the tf_keras
        # package (tensorflow/python/util/lazy_loader.py; run on TF 2.15.1 with tf_keras 2.15.1: corpus triage 8)
        # So does tf_keras's own code (its tests run with ``TF_USE_LEGACY_KERAS``): there ``tf.keras`` is the package
        # itself, and an integration test of tf_keras mixes nothing (corpus triage 16: 13 KER402 findings per target)
        text = self._text
        self.legacy_tf_keras = (
            (module_name or "").startswith(f"{TF_KERAS_PACKAGE}.")
            or (path is not None and _in_package_tree(os.path.dirname(os.path.abspath(path)), TF_KERAS_PACKAGE))
            or ("TF_USE_LEGACY_KERAS" in text and sets_legacy_tf_keras(tree))
        )
        # implementation -> its first use in the module: what most modules need (one Keras, nothing to mix)
        self.first_uses: Dict[str, Use] = self._find_first_uses()

    @property
    def nodes(self) -> List[ast.AST]:
        """Every node of the module but contexts and operators, depth first in source order
        (:func:`every_node`): listed once, when a rule first looks through the whole module, and shared
        by the rules that do (the index keeps only what most rules need)."""
        if self._nodes is None:
            self._nodes = every_node(self.tree)
        return self._nodes

    # -- names -------------------------------------------------------------------------------
    def reference(self, node: ast.expr) -> Optional[Reference]:
        """What a recorded Name/Attribute chain refers to, or None if it is not Keras/TF."""
        key = id(node)
        if key not in self._references:
            scope = self.index.scope_of.get(key)
            found = None if scope is None else self._resolver.resolve(node, scope)
            if (
                found is not None
                and type(node) is ast.Attribute
                and node.attr in self.index.attributes_set
                and self.set_by_module(node, found.dotted)
            ):
                found = None  # the module's own value, not Keras's
            if found is not None and scope is not None and self._resolver.is_either_keras(node, scope):
                found = self._present_alternative(node, scope, found)
            self._references[key] = self._as_used(found)
        return self._references[key]

    def _present_alternative(self, node: ast.expr, scope: Scope, found: Reference) -> Reference:
        """For a chain whose first name branches bind to either Keras (``if tf_version == 1: from keras import backend
        as K`` / ``else: from tensorflow.keras import backend as K``, deepface): what an import the target has makes
        of it, where the first one's names nothing there. The code picks the Keras it runs on; which branch runs is
        not known, and a chain that works through one of them is not reported (corpus triage 16)."""
        if not modules.lacks(self._as_package(found.dotted), self.target):
            return found
        for dotted in self._resolver.alternatives(node, scope):
            other = classify(dotted)
            if other is not None and not modules.lacks(self._as_package(dotted), self.target):
                return other
        return found

    @property
    def dead_spans(self) -> List[Tuple[int, int, int, int]]:
        """The branches that never run on the target (``if keras.__version__ < '2.2.5':`` on Keras 3), as
        :func:`kerascheck.dead_branches.dead_spans` finds them; none in a module that reads no version."""
        key = ("context", "dead spans")
        spans = self.memo.get(key)
        if spans is None:
            text = self._text if self._text is not None else "".join(self.lines)
            reads = (
                "__version__" in text
                or any(call in text for call in VERSION_FUNCTION_TEXTS)
                or (
                    "hasattr(" in text
                    and any(asked.group(1) in self.index.relevant for asked in KERAS_HASATTR.finditer(text))
                )
            )
            spans, gated = (
                branch_spans(self.tree, self.target, self._any_dotted, text, lambda: self.nodes) if reads else ([], [])
            )
            self.memo[key], self.memo[("context", "version-gated spans")] = spans, gated
        return spans

    @property
    def expected_to_raise(self) -> List[Tuple[int, int, int, int]]:
        """The spans of the bodies of ``with pytest.raises(…):`` and ``with self.assertRaises…(…):``: code a test
        expects to fail (Keras's own tests of its errors, corpus triage 11), whose failure is no break."""
        key = ("context", "expected to raise")
        if key not in self.memo:
            spans: List[Tuple[int, int, int, int]] = []
            text = self.text
            if "raises" in text or "assertRaises" in text:
                for node in self.index.withs:
                    if any(
                        self._expects_raise(item.context_expr)
                        for item in node.items  # type: ignore[attr-defined]
                    ):
                        first, last = node.body[0], node.body[-1]  # type: ignore[attr-defined]
                        spans.append((first.lineno, 0, last.end_lineno or last.lineno, 1 << 30))
            self.memo[key] = spans
        return self.memo[key]

    def _expects_raise(self, manager: ast.expr) -> bool:
        if not isinstance(manager, ast.Call):
            return False
        func = manager.func
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id == "self":
            return func.attr.startswith("assertRaises")
        return isinstance(func, (ast.Name, ast.Attribute)) and self._any_dotted(func) == "pytest.raises"

    def version_gated(self, node: ast.AST) -> bool:
        """Whether the node stands in a branch that runs on the target where a test of which Keras there is says so
        (``if hasattr(tf.keras, "version"): … else: from tf_keras import …``): code that picks the objects of the
        Keras it finds, as ``try: … except ImportError:`` does."""
        _ = self.dead_spans  # the version-gated ones are worked out with them
        spans = self.memo[("context", "version-gated spans")]
        return bool(spans) and within(spans, node.lineno, node.col_offset)  # type: ignore[attr-defined]

    def imported_dotted(self, node: ast.expr) -> Optional[str]:
        """What a chain stands for through the imports, of any package, recorded or not (see :meth:`_any_dotted`)."""
        return self._any_dotted(node)

    def _any_dotted(self, node: ast.expr) -> Optional[str]:
        """What a chain stands for through the imports, recorded or not (``keras.__version__`` inside
        ``keras.__version__.startswith``): one the walk did not keep is read in the module's scope."""
        return self._resolver.dotted(node, self.index.scope_of.get(id(node)) or self.index.module_scope)

    def never_runs(self, node: ast.AST) -> bool:
        """Whether the node stands in a branch that never runs on the target."""
        spans = self.dead_spans
        return bool(spans) and within(spans, node.lineno, node.col_offset)  # type: ignore[attr-defined]

    def handles_attribute_error(self, node: ast.AST) -> bool:
        """Whether the node runs in the body of a ``try`` that has an ``except AttributeError:`` (not in a function
        defined there, which runs when called): the module handles a missing attribute there itself (horovod's
        ``try: for u in self.updates: … except AttributeError: pass``, corpus triage 15)."""
        line = node.lineno  # type: ignore[attr-defined]
        for statement, _ in self.index.attribute_fallbacks:
            body = statement.body  # type: ignore[attr-defined]
            if not body[0].lineno <= line <= (body[-1].end_lineno or body[-1].lineno):
                continue
            deferred = any(
                isinstance(inner, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
                and inner.lineno <= line <= (inner.end_lineno or inner.lineno)
                for part in body
                for inner in ast.walk(part)
            )
            if not deferred:
                return True
        return False

    def handles(self, node: ast.AST, error: str) -> bool:
        """Whether ``node`` stands in the body of a ``try`` whose handler names ``error`` (``except TypeError:``), or
        catches everything (``except Exception:``, a bare ``except:``): the
        program tries the call and handles that failure itself, a fallback for the other Keras (NNPDF's
        ``try: save_weights(f, save_format="h5") except TypeError: save_weights(f.with_suffix(".weights.h5"))``)."""
        line = getattr(node, "lineno", 0)
        return any(
            first <= line <= last and (error in named or not named.isdisjoint(_BROAD_HANDLERS))
            for first, last, named in self.index.handled
        )

    def caught_if_missing(self, node: ast.expr, dotted: str) -> bool:
        """Whether a recorded chain (standing for ``dotted``) names nothing on the target and stands in the body of
        ``try: … except AttributeError:``: the module reads it only to handle its absence (efficientnet's
        ``try: keras.utils.generic_utils.get_custom_objects() … except AttributeError: keras.utils.…``)."""
        where = self.index.where.get(id(node))
        if where is None or not where.catches_attribute_error:
            return False
        if self.target is Target.TF_KERAS and (dotted == "keras" or dotted.startswith("keras.")):
            dotted = f"tensorflow.{dotted}"  # standalone keras beside TF 2.15 is tf.keras's package
        return modules.lacks(dotted, self.target) is not None

    def in_unneeded_fallback(self, node: ast.expr, dotted: str) -> bool:
        """Whether a recorded chain (standing for ``dotted``) that names nothing on the target stands in an ``except
        AttributeError:`` handler whose ``try`` body reads only Keras names the target has: the fallback for an older
        Keras, which never runs there (larq's ``try: mixed_precision.LossScaleOptimizer(…) except AttributeError:
        mixed_precision.experimental.LossScaleOptimizer(…)``)."""
        line = node.lineno
        for statement, handlers in self.index.attribute_fallbacks:
            if not any(handler.body[0].lineno <= line <= (handler.end_lineno or line) for handler in handlers):
                continue
            if modules.lacks(self._as_package(dotted), self.target) is None:
                return False
            body = statement.body  # type: ignore[attr-defined]
            first, last = body[0].lineno, body[-1].end_lineno or body[-1].lineno
            for chain in self.index.chains:
                if first <= chain.lineno <= last:
                    reference = self.reference(chain)
                    if reference is not None and modules.lacks(self._as_package(reference.dotted), self.target):
                        return False  # the body may raise on the target, and the fallback then runs
            return True
        return False

    @property
    def unneeded_import_fallbacks(self) -> List[Tuple[int, int, int, int]]:
        """The spans of the ``except ImportError:`` handlers that never run on the target: their ``try`` body only
        imports Keras and TensorFlow names the target has (``try: from keras import ops`` / ``except ImportError:
        from keras import backend as K …`` on Keras 3, held-out probe 17). On a target without one of them the
        fallback is what runs, and is checked as any code."""
        key = ("context", "unneeded import fallbacks")
        if key not in self.memo:
            spans: List[Tuple[int, int, int, int]] = []
            for statement in self.index.import_fallbacks:
                body = statement.body  # type: ignore[attr-defined]
                if all(type(node) in (ast.Import, ast.ImportFrom) and self._imports_present(node) for node in body):
                    for handler in statement.handlers:  # type: ignore[attr-defined]
                        if catches_import_error(handler):
                            last = handler.body[-1]
                            spans.append((handler.body[0].lineno, 0, last.end_lineno or last.lineno, 1 << 30))
            self.memo[key] = spans
        return self.memo[key]

    @property
    def unreachable(self) -> List[Tuple[int, int, int, int]]:
        """The spans of the statements that follow a ``raise``, ``return``, ``continue`` or ``break`` in their block:
        they never run (wavenet's code after ``raise DeprecationWarning(…)``, corpus triage 15)."""
        key = ("context", "unreachable")
        if key not in self.memo:
            spans: List[Tuple[int, int, int, int]] = []
            for block, statement in self.index.unreachable:
                after, last = block[block.index(statement) + 1], block[-1]
                spans.append((after.lineno, 0, last.end_lineno or last.lineno, 1 << 30))
            self.memo[key] = spans
        return self.memo[key]

    def _imports_present(self, node: Union[ast.Import, ast.ImportFrom]) -> bool:
        """Whether every name the import binds is a Keras or TensorFlow one the target has (never ``*``)."""
        if isinstance(node, ast.ImportFrom):
            module = self.index.absolute_module(node)
            if not module or any(alias.name == "*" for alias in node.names):
                return False
            dotted = [f"{module}.{alias.name}" for alias in node.names]
        else:
            dotted = [alias.name for alias in node.names]
        return all(
            classify(name) is not None and modules.has_name(self._as_package(name), self.target) for name in dotted
        )

    def _as_package(self, dotted: str) -> str:
        """Standalone ``keras`` beside TF 2.15 is tf.keras's package."""
        if self.target is Target.TF_KERAS and (dotted == "keras" or dotted.startswith("keras.")):
            return f"tensorflow.{dotted}"
        return dotted

    def set_by_module(self, node: ast.expr, dotted: str) -> bool:
        """Whether a recorded chain (standing for ``dotted``) is a Keras attribute that the module's top level
        sets itself (``K.flatten = flatten``: bert4keras patches ``keras.backend`` so, corpus triage 9): the
        setting itself, a read in a function's body (which runs after the module has set it), or a top-level
        read below the line that sets it; such a read gets the module's value, never Keras's."""
        if type(node) is not ast.Attribute or node.attr not in self.index.attributes_set:
            return False
        line = self._patches().get(dotted)
        if line is None:
            return False
        scope = self.index.scope_of.get(id(node))
        while scope is not None and not scope.is_function:
            scope = scope.parent
        return scope is not None or node.lineno > line or type(node.ctx) is ast.Store

    def _patches(self) -> Dict[str, int]:
        """The dotted names of the Keras attributes the module's top level assigns (outside functions and
        classes), each with the line of its first assignment."""
        key = ("context", "patched attributes")
        patches = self.memo.get(key)
        if patches is None:
            patches = self.memo[key] = {}
            blocks: List[List[ast.stmt]] = [self.tree.body]
            while blocks:
                for statement in blocks.pop():
                    if type(statement) is ast.Assign:
                        for target in statement.targets:
                            dotted = None
                            if type(target) is ast.Attribute:
                                dotted = self._resolver.dotted(target, self.index.module_scope)
                            if dotted is not None and classify(dotted) is not None:
                                patches.setdefault(dotted, statement.lineno)
                    elif isinstance(statement, (ast.If, ast.Try, ast.With, ast.For, ast.While)):
                        blocks += [getattr(statement, field, []) for field in ("body", "orelse", "finalbody")]
                        blocks += [handler.body for handler in getattr(statement, "handlers", [])]
        return patches

    def _as_used(self, reference: Optional[Reference]) -> Optional[Reference]:
        """A tf.keras reference is tf_keras's in a module that sets ``TF_USE_LEGACY_KERAS``."""
        if reference is not None and self.legacy_tf_keras and reference.implementation == TF_KERAS:
            return reference._replace(implementation=TF_KERAS_PACKAGE)
        return reference

    @property
    def in_tf_keras_world(self) -> bool:
        """Whether the module runs where tf.keras is the tf_keras package (Keras 2 kept for TF >= 2.16): it sets
        ``TF_USE_LEGACY_KERAS`` or imports tf_keras (compatibility imports included). There standalone ``keras``
        is Keras 3, and tf_keras's models save and load as Keras 2's did."""
        key = ("context", "tf_keras world")
        if key not in self.memo:
            self.memo[key] = self.legacy_tf_keras or any(
                any(reference.implementation == TF_KERAS_PACKAGE for _, reference in self.imported_references(node))
                and not (self.index.where[id(node)].branches and self.never_runs(node))  # only an if's body never runs
                for node in self.index.imports
            )
        return bool(self.memo[key])

    def keras2_on_keras3(self, node: ast.expr) -> bool:
        """Whether a chain names an object of the tf_keras package (Keras 2, kept for TF >= 2.16) on the keras3
        target, directly or as ``tf.keras`` in a module that sets ``TF_USE_LEGACY_KERAS``: what it does is
        Keras 2's (run on TF 2.15.1 with tf_keras 2.15.1: corpus triage 8)."""
        if self.target is not Target.KERAS3 or not isinstance(node, (ast.Name, ast.Attribute)):
            return False
        reference = self.reference(node)
        return reference is not None and reference.implementation == TF_KERAS_PACKAGE

    def import_of(self, alias: ast.alias) -> Optional[ast.stmt]:
        """The import statement an alias belongs to."""
        key = ("import of", id(alias))
        if key not in self.memo:
            for node in self.index.imports:
                for each in node.names:
                    self.memo[("import of", id(each))] = node
        found = self.memo.get(key)
        return found if isinstance(found, ast.stmt) else None

    def bound_alternatives(self, node: ast.expr) -> List[str]:
        """What a recorded chain stands for through each import that binds its first name, in order, where the
        imports differ (``import tensorflow as tf``, then ``if tf.__version__.startswith('2'): import
        tensorflow.compat.v1 as tf``: ``tensorflow.Session``, ``tensorflow.compat.v1.Session``); else []."""
        scope = self.index.scope_of.get(id(node))
        found = [] if scope is None else self._resolver.alternatives(node, scope)
        return found if len(found) > 1 else []

    def root_reference(self, node: ast.expr) -> Optional[Reference]:
        """What the first name of a recorded chain refers to: ``keras`` in ``keras.layers.Dense``. The
        chain's dotted name is its first name's with one part per attribute, so it is read off that."""
        reference = self.reference(node)
        attributes = 0
        while isinstance(node, ast.Attribute):
            attributes += 1
            node = node.value
        if reference is None or not attributes:
            return reference
        return classify(reference.dotted.rsplit(".", attributes)[0])

    def receiver_is_imported(self, node: ast.Attribute) -> bool:
        """Whether the first name of ``a.b.method`` is bound by an import (of any module)."""
        root, scope = chain_root(node), self.index.scope_of.get(id(node))
        return root is not None and scope is not None and self._resolver.is_imported(root, scope)

    def dotted(self, node: ast.expr) -> Optional[str]:
        """The dotted name a recorded chain stands for through the imports, of any package."""
        scope = self.index.scope_of.get(id(node))
        return None if scope is None else self._resolver.dotted(node, scope)

    def canonical(self, node: ast.expr) -> Optional[str]:
        reference = self.reference(node)
        return None if reference is None else catalog.canonical_name(reference)

    @property
    def imports_keras(self) -> bool:
        """Whether the module uses some Keras: an import of one, or a name that resolves to one. Unlike
        :attr:`implementation_uses`, compatibility imports (``try``/``except ImportError``) count: the
        Keras they bring in is called and subclassed like any other."""
        if self._imports_keras is None:
            self._imports_keras = bool(self.first_uses) or any(
                reference is not None and reference.implementation in KERAS_IMPLEMENTATIONS
                for reference in self._guarded_references()
            )
        return self._imports_keras

    def _guarded_references(self) -> Iterator[Optional[Reference]]:
        for node in self.index.imports:
            if id(node) in self.index.guarded_imports:
                yield from (reference for _, reference in self.imported_references(node))
        yield from map(self.reference, self.index.chains)

    def imported_references(self, node: Union[ast.Import, ast.ImportFrom]) -> List[Tuple[ast.alias, Reference]]:
        """Each name an import statement binds, with what it refers to (Keras/TF names only); worked out
        once per statement, as several rules ask."""
        found = self._imported.get(id(node))
        if found is None:
            found = self._imported[id(node)] = list(self._imported_references(node))
        return found

    def _imported_references(self, node: Union[ast.Import, ast.ImportFrom]) -> Iterator[Tuple[ast.alias, Reference]]:
        if isinstance(node, ast.ImportFrom):
            module = self.index.absolute_module(node)
            if not module:
                return
            for alias in node.names:
                dotted = module if alias.name == "*" else f"{module}.{alias.name}"
                reference = self._as_used(classify(dotted))
                if reference is not None:
                    yield alias, reference
            return
        for alias in node.names:
            reference = self._as_used(classify(alias.name))
            if reference is not None:
                yield alias, reference

    @property
    def implementation_uses(self) -> Dict[str, List[Use]]:
        """Where the module uses each Keras implementation, place by place (see
        :meth:`_find_implementation_uses`); worked out when first asked (a module that uses two Kerases)."""
        if self._implementation_uses is None:
            self._implementation_uses = self._find_implementation_uses() if len(self.first_uses) > 1 else {
                implementation: [use] for implementation, use in self.first_uses.items()
            }  # fmt: skip
        return self._implementation_uses

    def _find_first_uses(self) -> Dict[str, Use]:
        """Each implementation's first use, as :meth:`_find_implementation_uses` would list it first: the
        earliest of its imports and of the chains that count as a use (in source order, so the first
        chain that counts ends the search for that implementation)."""
        first: Dict[str, Tuple[Tuple[int, int], Union[ast.stmt, ast.expr]]] = {}
        for node, implementation in self._mixing_imports():
            position = (node.lineno, node.col_offset)
            if implementation not in first or position < first[implementation][0]:
                first[implementation] = (position, node)
        settled: Set[str] = set()
        for chain in self.index.chains:
            used = self.reference(chain)
            if used is None or used.implementation not in KERAS_IMPLEMENTATIONS or used.implementation in settled:
                continue
            implementation, position = used.implementation, (chain.lineno, chain.col_offset)
            if implementation in first and first[implementation][0] <= position:
                settled.add(implementation)  # an import comes first; chains only come later
            elif not self.never_runs(chain) and self._counts_as_use(chain, used):
                first[implementation] = (position, chain)
                settled.add(implementation)
        scope_of, where_of = self.index.scope_of, self.index.where
        return {
            implementation: Use(node, _function_of(scope_of[id(node)]), where_of[id(node)])
            for implementation, (_, node) in sorted(first.items(), key=lambda item: item[1][0])
        }

    def _counts_as_use(self, chain: ast.expr, used: Reference) -> bool:
        """Whether a chain resolving to a Keras implementation is a use of it (see _find_implementation_uses)."""
        return (
            not catalog.is_value_only(used)
            and not self._resolver.is_either_keras(chain, self.index.scope_of[id(chain)])  # a name of either Keras
            and not self._bound_by_guarded_import(chain)
        )

    def _find_implementation_uses(self) -> Dict[str, List[Use]]:
        """Where the module uses each Keras implementation: the first use in each distinct place
        (function, and branches of ``if`` statements), in source order. Compatibility imports inside
        ``try``/``except ImportError`` and the names they bind are not uses, nor is a name that
        branches bind to one Keras or the other (the imports in those branches are)."""
        first: Dict[Tuple[str, Optional[int], tuple], Tuple[Tuple[int, int], Union[ast.stmt, ast.expr]]] = {}
        scope_of, where_of = self.index.scope_of, self.index.where
        # (id(scope), id(where)) -> (its function's scope id, its branches): a block's nodes share both objects
        places: Dict[Tuple[int, int], Tuple[Optional[int], tuple]] = {}

        def place(node: Union[ast.stmt, ast.expr], implementation: str) -> Tuple[tuple, Tuple[int, int]]:
            scope, where = scope_of[id(node)], where_of[id(node)]
            known = places.get((id(scope), id(where)))
            if known is None:
                known = places[id(scope), id(where)] = (_function_of(scope), where.branches)
            return (implementation, *known), (node.lineno, node.col_offset)

        for node, implementation in self._mixing_imports():  # in source order: the first of each place wins
            key, position = place(node, implementation)
            if key not in first or position < first[key][0]:
                first[key] = (position, node)
        for chain in self.index.chains:
            used = self.reference(chain)
            if used is None or used.implementation not in KERAS_IMPLEMENTATIONS or self.never_runs(chain):
                continue
            key, position = place(chain, used.implementation)
            if key in first and first[key][0] <= position:
                continue  # an earlier use holds this place (most chains): no need to ask more
            if self._counts_as_use(chain, used):
                first[key] = (position, chain)
        uses: Dict[str, List[Use]] = {}
        for (implementation, function, _), (_, used_at) in sorted(first.items(), key=lambda item: item[1][0]):
            uses.setdefault(implementation, []).append(Use(used_at, function, self.index.where[id(used_at)]))
        return uses

    def _mixing_imports(self) -> Iterator[Tuple[Union[ast.Import, ast.ImportFrom], str]]:
        """Each import of a Keras object that can meet another Keras's, with its implementation: not one of the
        compatibility imports, inside ``try: … except ImportError:`` or a branch that a test of which Keras there is
        picks."""
        for node in self.index.imports:
            if id(node) in self.index.guarded_imports:
                continue
            mixing = [reference.implementation for _, reference in self.imported_references(node) if _mixes(reference)]
            # only the body of an ``if`` can never run or be picked by a test of which Keras there is
            if mixing and self.index.where[id(node)].branches and (self.never_runs(node) or self.version_gated(node)):
                continue
            if mixing and self._rebound_unread(node):
                continue
            for implementation in mixing:
                yield node, implementation

    def _rebound_unread(self, node: Union[ast.Import, ast.ImportFrom]) -> bool:
        """Whether every name the import binds is bound again by a later import of the same block, with no read of
        the name anywhere in between: ``from tensorflow import keras`` then ``import tf_keras as keras`` (the recipe
        for keeping Keras 2 on TF >= 2.16, added below an old import) leaves nothing of the first Keras to mix."""
        bound_by = self._imported_twice
        if bound_by is None:
            bound_by = self._imported_twice = self._names_imported_twice()
        if not bound_by:
            return False  # almost always: no name is imported twice in one block
        scope, where = self.index.scope_of[id(node)], self.index.where[id(node)]
        end = node.end_lineno or node.lineno
        rebound: Dict[str, int] = {}  # name -> the line of the import that binds it again
        for alias in node.names:
            name = alias.asname or alias.name.split(".")[0]
            later = [
                other.lineno
                for other in bound_by.get((id(scope), name), ())
                if other.lineno > end and self.index.where[id(other)] == where
            ]
            if name == "*" or not later:
                return False
            rebound[name] = min(later)
        return not any(end < chain.lineno <= rebound.get(chain_root(chain) or "", 0) for chain in self.index.chains)

    def _names_imported_twice(self) -> Dict[Tuple[int, str], List[Union[ast.Import, ast.ImportFrom]]]:
        """(id(scope), name) -> the imports binding the name in that scope, for the names two imports bind there."""
        found: Dict[Tuple[int, str], List[Union[ast.Import, ast.ImportFrom]]] = {}
        for node in self.index.imports:
            scope = id(self.index.scope_of[id(node)])
            for alias in node.names:
                found.setdefault((scope, alias.asname or alias.name.split(".")[0]), []).append(node)
        return {key: nodes for key, nodes in found.items() if len(nodes) > 1}

    def allows_absence(self, node: ast.expr) -> bool:
        """Whether the module plans for the chain's first name to be missing: it is bound only by guarded imports, one
        of them a fallback that binds what the target has (held-out probe 21), or by guarded imports and a
        ``name = None`` fallback, and this use cannot fail for it (a bare read, not called: ``x = Tokenizer``,
        ``Tokenizer is not None``), or the module tests the name (``if Tokenizer is not None:``) before it uses it
        (held-out probe 19)."""
        root = chain_root(node)
        scope = self.index.scope_of.get(id(node))
        if root is None or scope is None:
            return False
        alternatives = self._resolver.guarded_alternatives(root, scope)
        if len(set(alternatives)) > 1 and not self._present(alternatives[0]):
            if any(self._present(dotted) for dotted in alternatives[1:]):
                return True  # the first import fails there, and a fallback binds what the target has: the use finds it
        if not self._resolver.has_none_fallback(root, scope):
            return False
        if isinstance(node, ast.Name) and id(node) not in self._called_names:
            return True
        return _tests_none(self.text, root)

    def _present(self, dotted: str) -> bool:
        """Whether an imported name is there on the target, as far as the catalog tells: another package's is."""
        reference = classify(dotted)
        if reference is None:
            return True
        return (self.target, catalog.canonical_name(reference)) not in catalog.REMOVED_BY_TARGET

    @property
    def _called_names(self) -> Set[int]:
        key = ("context", "called names")
        if key not in self.memo:
            self.memo[key] = {id(call.func) for call in self.index.calls}
        return self.memo[key]

    def _bound_by_guarded_import(self, node: ast.expr) -> bool:
        """Whether a chain's first name comes only from imports inside try/except ImportError (an
        import statement itself is never; guarded ones are left out before)."""
        root = chain_root(node)
        return root is not None and self._resolver.is_guarded(root, self.index.scope_of[id(node)])

    # -- positions ---------------------------------------------------------------------------
    def imported_name_spans(self, node: ast.ImportFrom) -> List[Tuple[int, int, int, int]]:
        """The span of each imported name of ``from m import a, b as c`` (for Python 3.9, whose ast
        has no alias positions), read from the statement's tokens."""
        text = "".join(self.lines[node.lineno - 1 : node.end_lineno])
        spans: List[Tuple[int, int, int, int]] = []
        try:
            tokens = list(tokenize.generate_tokens(io.StringIO(text).readline))
        except (tokenize.TokenError, SyntaxError):
            return spans
        after_import, skip_next = False, False
        for token in tokens:
            if token.type != tokenize.NAME:
                continue
            if not after_import:
                after_import = token.string == "import"
            elif skip_next:
                skip_next = False
            elif token.string == "as":
                skip_next = True
            else:
                line = node.lineno + token.start[0] - 1
                spans.append((line, token.start[1], line, token.end[1]))
        return spans

    @property
    def text(self) -> str:
        """The module's text (joined from its lines once, where it was given as lines)."""
        if self._text is None:
            self._text = "".join(self.lines)
        return self._text

    def column(self, line: int, byte_col: int) -> int:
        """The stdlib ast counts UTF-8 bytes; editors and flake8's users count characters."""
        if self._ascii:
            return byte_col  # one byte per character
        if 0 < line <= len(self.lines):
            text = self.lines[line - 1]
            if not text.isascii():
                return len(text.encode("utf-8")[:byte_col].decode("utf-8", errors="replace"))
        return byte_col

    def span(self, node: ast.AST) -> Tuple[int, int, int, int]:
        line = getattr(node, "lineno", 1)
        end_line = getattr(node, "end_lineno", None) or line
        col = self.column(line, getattr(node, "col_offset", 0))
        end_col = self.column(end_line, getattr(node, "end_col_offset", None) or 0)
        return line, col, end_line, end_col

    def source_of(self, node: ast.AST) -> str:
        line, col, end_line, end_col = self.span(node)
        if line == end_line:
            return self.lines[line - 1][col:end_col]
        parts = [self.lines[line - 1][col:]] + list(self.lines[line : end_line - 1])
        return "".join(parts + [self.lines[end_line - 1][:end_col]])


class Use(Record):
    """A use of one Keras implementation: an import of it, or a name that resolves to it."""

    node: Union[ast.stmt, ast.expr]
    function: Optional[int]  # id of the enclosing function's scope; None at module level
    where: Where

    def meets(self, other: Use) -> bool:
        """Whether the two can run together: not local to two different functions, and not in two
        branches of one ``if`` (both patterns are how libraries support either Keras on purpose)."""
        apart = None not in (self.function, other.function) and self.function != other.function
        return not apart and not self.where.excludes(other.where)


@functools.lru_cache(maxsize=1024)
def _in_package_tree(folder: str, package: str) -> bool:
    """Whether ``folder`` is, or is below, a folder named ``package`` that is a package (tf_keras's integration
    tests live below ``tf_keras/`` in folders of no ``__init__.py``, and import it as ``tf_keras.integration_test``)."""
    while True:
        head, name = os.path.split(folder)
        if name == package and os.path.isfile(os.path.join(folder, "__init__.py")):
            return True
        if not name or head == folder:
            return False
        folder = head


def _tests_none(text: str, name: str) -> bool:
    """Whether the text compares ``name`` with None or tests it (``if Tokenizer is not None:``, ``if not x:``)."""
    import re  # here: few modules have a fallback to test

    pattern = rf"\b{re.escape(name)}\s+is\s+(not\s+)?None\b|\bif\s+(not\s+)?{re.escape(name)}\s*(:|and\b|or\b)"
    return re.search(pattern, text) is not None


def _mixes(reference: Optional[Reference]) -> bool:
    """Whether a name is a Keras object that can meet another Keras's (not a plain-value utility)."""
    return (
        reference is not None
        and reference.implementation in KERAS_IMPLEMENTATIONS
        and not catalog.is_value_only(reference)
    )


def _function_of(scope: Scope) -> Optional[int]:
    while scope.parent is not None and not scope.is_function:
        scope = scope.parent
    return id(scope) if scope.is_function else None


_TRUE_VALUES = ("1", "true", "True")  # what TensorFlow's lazy loader takes as set


def sets_legacy_tf_keras(tree: ast.Module) -> bool:
    """Whether the module sets ``TF_USE_LEGACY_KERAS`` to a true value: ``os.environ["TF_USE_LEGACY_KERAS"] = "1"``,
    ``os.environ.setdefault("TF_USE_LEGACY_KERAS", "1")`` or ``os.environ.update(TF_USE_LEGACY_KERAS="1")``."""

    def environ(node: ast.expr) -> bool:
        return isinstance(node, ast.Attribute) and node.attr == "environ"

    def named(node: ast.expr) -> bool:
        return isinstance(node, ast.Constant) and node.value == "TF_USE_LEGACY_KERAS"

    def true(node: Optional[ast.expr]) -> bool:
        return isinstance(node, ast.Constant) and node.value in _TRUE_VALUES

    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and true(node.value):
            if any(isinstance(t, ast.Subscript) and environ(t.value) and named(t.slice) for t in node.targets):
                return True
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and environ(node.func.value):
            if node.func.attr == "setdefault" and len(node.args) == 2 and named(node.args[0]) and true(node.args[1]):
                return True
            if node.func.attr == "update" and any(
                k.arg == "TF_USE_LEGACY_KERAS" and true(k.value) for k in node.keywords
            ):
                return True
    return False


def _star_binds(module: str, name: str, target: Target) -> Optional[bool]:
    """Whether ``from module import *`` binds ``name`` on the target; None when the module is not the target's
    Keras (the tables know only that). On tf.keras, ``keras`` is keras 2.15, which TF 2.15 serves as
    ``tensorflow.keras``."""
    if target is Target.TF_KERAS and (module == "keras" or module.startswith("keras.")):
        module = f"tensorflow.{module}"
    exists = modules.module_exists(module, target)
    return None if exists is None else exists and name in modules.names_in(module, target) and not name.startswith("_")
