"""The shape of a rule: identity, texts, documentation and examples in one small class."""

from __future__ import annotations

import ast
from enum import Enum
from typing import Any, ClassVar, Dict, FrozenSet, Iterable, List, Optional, Set, Tuple, Union

from kerascheck.catalog import releases
from kerascheck.catalog.model import BOTH, Target
from kerascheck.catalog.training import TRACED_MODEL_STEPS
from kerascheck.context import Context, Project
from kerascheck.findings import Edit, Finding, Fix
from kerascheck.names import Reference
from kerascheck.record import Record


def shown_source(text: str, limit: int = 40) -> str:
    """Source text as a message quotes it: whole when short and on one line, else "…"."""
    return text if len(text) <= limit and "\n" not in text else "…"


def string_replaced(ctx: Context, node: ast.Constant, new: str) -> Tuple[Edit, ...]:
    """An edit writing ``new`` for a string literal, in its own quotes; none for one with a prefix."""
    written = ctx.source_of(node)
    return (Edit(*ctx.span(node), written[0] + new + written[0]),) if written[:1] in "'\"" else ()


def module_text(ctx: Context) -> str:
    """The module's text, for the rules' cheap textual gates (a word with no line break in it is in the
    text exactly when it is in one of its lines)."""
    return ctx.text


def asks_for(ctx: Context, name: str) -> bool:
    """Whether the module asks whether something has the name before it reads it (``hasattr(keras, "ops")``,
    ``getattr(model, 'input_names', None)``): code for either Keras, which reads the name only where it is. Where
    some ``hasattr``/``getattr`` is given a variable (``[n for n in ("Session",) if hasattr(tf, n)]``), any quoted
    mention of the name may be what it asks for."""
    index = ctx.index
    if name in index.attributes_asked:
        return True
    return index.asks_by_variable and (f"'{name}'" in ctx.text or f'"{name}"' in ctx.text)


def graph_mode(ctx: Context) -> bool:
    """Whether the module turns eager execution off (``tf.compat.v1.disable_eager_execution()``): its models
    are TF 1 graph-mode ones there, whose learning phase is a placeholder and whose ``compile`` takes more."""
    from kerascheck.catalog.api.statuses import GRAPH_MODE_CALLS  # here: kerascheck starts without the API package

    key = ("graph mode",)
    if key not in ctx.memo:
        text = module_text(ctx)
        ctx.memo[key] = "disable_" in text and any(call in text for call in GRAPH_MODE_CALLS)  # both start so
    return bool(ctx.memo[key])


def graph_mode_at(ctx: Context, node: ast.AST) -> bool:
    """Whether the code at ``node`` runs in graph mode: the module turns eager execution off (:func:`graph_mode`),
    or the node stands in ``with ….Graph().as_default():`` (``tf.Graph()``, ``tf.compat.v1.Graph()``), or in a
    branch that runs only without eager execution, the ``else:`` of ``if tf.executing_eagerly():`` or the body of
    ``if not tf.executing_eagerly():`` (tf_keras's own tests: corpus triage 16). There the learning phase is a
    placeholder again (run on TF 2.15.1: ``K.function([x, K.learning_phase()], …)`` builds in a ``Graph()``)."""
    if graph_mode(ctx):
        return True
    line = getattr(node, "lineno", 0)
    return any(first <= line <= last for first, last in _graph_spans(ctx))


def traced_at(ctx: Context, node: ast.AST) -> bool:
    """Whether the code at ``node`` stands in a function tf.keras traces into a graph: one passed to ``compile`` as a
    loss or metric (also through ``functools.partial``), a ``train_step``/``test_step``/``predict_step``, or one
    decorated with ``tf.function``. There TF 1 graph calls run (held-out probe 21, run on TF 2.15.1: ``K.gradients``
    in a compiled loss trains)."""
    line = getattr(node, "lineno", 0)
    return any(first <= line <= last for first, last in _traced_spans(ctx))


def compiled_values(ctx: Context) -> List[ast.expr]:
    """What the module's ``compile`` calls pass as the loss or the metrics, positionally or by keyword."""
    key = ("compiled values",)
    if key not in ctx.memo:
        values: List[ast.expr] = []
        if "compile(" in module_text(ctx):
            compiles = {id(call): call for call in ctx.index.calls + ctx.index.keyword_calls if _is_compile(call)}
            for call in compiles.values():
                values += call.args[1:3] + [k.value for k in call.keywords if k.arg in ("loss", "metrics")]
        ctx.memo[key] = values
    return ctx.memo[key]


def compiled_functions(ctx: Context) -> FrozenSet[str]:
    """The names of the functions the module passes to ``compile`` as a loss or a metric, positionally or by keyword,
    in a list or dict, through ``functools.partial`` or a name bound to one (``gp_loss = partial(gp, …)``)."""
    key = ("compiled functions",)
    if key not in ctx.memo:
        names: Set[str] = set()
        for value in compiled_values(ctx):
            names |= _functions_named(value)
        if names:
            for statement in ctx.index.assigns:
                targets = statement.targets
                if len(targets) == 1 and isinstance(targets[0], ast.Name) and targets[0].id in names:
                    if isinstance(statement.value, ast.Call):
                        names |= _functions_named(statement.value)
        ctx.memo[key] = frozenset(names)
    return ctx.memo[key]


def _traced_spans(ctx: Context) -> Tuple[Tuple[int, int], ...]:
    key = ("traced spans",)
    if key not in ctx.memo:
        names = compiled_functions(ctx)
        spans = []
        for each in ctx.nodes:
            if isinstance(each, (ast.FunctionDef, ast.AsyncFunctionDef)) and (
                each.name in names
                or each.name in TRACED_MODEL_STEPS
                or any(_is_tf_function(decorator) for decorator in each.decorator_list)
            ):
                spans.append((each.lineno, each.end_lineno or each.lineno))
        if spans:
            spans += _traced_helpers(ctx, spans)
        ctx.memo[key] = tuple(spans)
    return ctx.memo[key]


def _traced_helpers(ctx: Context, traced: List[Tuple[int, int]]) -> List[Tuple[int, int]]:
    """The spans of the module's top-level functions (undecorated, defined once) that only traced code calls (a
    WGAN's ``gradient_penalty`` called from the compiled loss): they run inside the same graph. Helpers of helpers
    too, a few calls deep."""
    defined: Dict[str, List[Union[ast.FunctionDef, ast.AsyncFunctionDef]]] = {}
    for statement in ctx.tree.body:
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)):
            defined.setdefault(statement.name, []).append(statement)
    candidates = {name: nodes[0] for name, nodes in defined.items() if len(nodes) == 1 and not nodes[0].decorator_list}
    if not candidates:
        return []
    called: Set[int] = set()
    uses: Dict[str, List[ast.Name]] = {}
    for node in ctx.nodes:  # one pass: the callees of calls, and each mention of a candidate
        if isinstance(node, ast.Call):
            called.add(id(node.func))
        elif isinstance(node, ast.Name) and node.id in candidates:
            uses.setdefault(node.id, []).append(node)
    found: List[Tuple[int, int]] = []
    spans = list(traced)
    for _ in range(3):
        new = [
            (function.lineno, function.end_lineno or function.lineno)
            for name, function in candidates.items()
            if uses.get(name)
            and all(
                type(use.ctx) is ast.Load
                and id(use) in called
                and any(first <= use.lineno <= last for first, last in spans)
                for use in uses[name]
            )
            and (function.lineno, function.end_lineno or function.lineno) not in spans
        ]
        if not new:
            break
        spans += new
        found += new
    return found


def _is_compile(call: ast.Call) -> bool:
    return isinstance(call.func, ast.Attribute) and call.func.attr == "compile"


def _functions_named(value: ast.expr) -> Set[str]:
    """The plain function names a ``loss=``/``metrics=`` value passes: ``f``, ``[f, 'mae']``, ``{'out': f}``,
    ``partial(f, weight=2)``, and what a lambda calls (``lambda y, p: vae_loss(y, p)``)."""
    if isinstance(value, ast.Name):
        return {value.id}
    if isinstance(value, ast.Lambda):
        body = value.body
        return {body.func.id} if isinstance(body, ast.Call) and isinstance(body.func, ast.Name) else set()
    if isinstance(value, (ast.List, ast.Tuple)):
        return set().union(*(_functions_named(item) for item in value.elts)) if value.elts else set()
    if isinstance(value, ast.Dict):
        return set().union(*(_functions_named(item) for item in value.values)) if value.values else set()
    if isinstance(value, ast.Call) and value.args and _last_name(value.func) == "partial":
        return _functions_named(value.args[0])
    return set()


def _is_tf_function(decorator: ast.expr) -> bool:
    """``@tf.function`` or ``@tf.function(…)``."""
    target = decorator.func if isinstance(decorator, ast.Call) else decorator
    return isinstance(target, ast.Attribute) and target.attr == "function"


def _last_name(node: ast.expr) -> Optional[str]:
    return node.attr if isinstance(node, ast.Attribute) else node.id if isinstance(node, ast.Name) else None


def _graph_spans(ctx: Context) -> Tuple[Tuple[int, int], ...]:
    """The (first, last) lines of the module's graph-mode blocks (see :func:`graph_mode_at`)."""
    key = ("graph spans",)
    if key not in ctx.memo:
        text = module_text(ctx)
        spans = []
        if ".as_default(" in text:
            for statement in ctx.index.withs:
                if any(_makes_graph_default(item.context_expr) for item in getattr(statement, "items", ())):
                    spans.append((statement.lineno, statement.end_lineno or statement.lineno))
        if "executing_eagerly(" in text:
            for node in ctx.nodes:
                if isinstance(node, ast.If):
                    eager = _asks_eager(node.test)
                    branch = node.orelse if eager is True else node.body if eager is False else []
                    if branch:
                        spans.append((branch[0].lineno, branch[-1].end_lineno or branch[-1].lineno))
                for block in (getattr(node, field, None) for field in ("body", "orelse", "finalbody")):
                    if isinstance(block, list):
                        spans += _after_eager_exit(block)
        ctx.memo[key] = tuple(spans)
    return ctx.memo[key]


def _after_eager_exit(block: list) -> List[Tuple[int, int]]:
    """The rest of a block after ``if tf.executing_eagerly(): return`` (or ``raise``, ``self.skipTest(…)``,
    ``pytest.skip(…)``, ``continue``, ``break``) with no ``else``: it runs only without eager execution (tf_keras's
    own tests: ``if tf.executing_eagerly(): self.skipTest(…)``)."""
    for index, statement in enumerate(block[:-1]):
        if (
            isinstance(statement, ast.If)
            and not statement.orelse
            and _asks_eager(statement.test) is True
            and _exits(statement.body[-1])
        ):
            last = block[-1]
            return [(block[index + 1].lineno, last.end_lineno or last.lineno)]
    return []


def _exits(statement: ast.stmt) -> bool:
    if isinstance(statement, (ast.Return, ast.Raise, ast.Continue, ast.Break)):
        return True
    call = statement.value if isinstance(statement, ast.Expr) else None
    if not isinstance(call, ast.Call):
        return False
    func = call.func
    if isinstance(func, ast.Attribute):  # ``self.skipTest(…)``, ``pytest.skip(…)``, ``sys.exit(…)``
        owner = func.value.id if isinstance(func.value, ast.Name) else None
        return func.attr == "skipTest" or (owner, func.attr) in (("pytest", "skip"), ("sys", "exit"))
    return isinstance(func, ast.Name) and func.id in ("exit", "quit")


def _makes_graph_default(node: ast.expr) -> bool:
    """``tf.Graph().as_default()`` (any callee named ``Graph``)."""
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "as_default"):
        return False
    made = node.func.value
    if not isinstance(made, ast.Call):
        return False
    name = made.func.attr if isinstance(made.func, ast.Attribute) else getattr(made.func, "id", None)
    return name == "Graph"


def _asks_eager(test: ast.expr) -> Optional[bool]:
    """True for ``tf.executing_eagerly()``, False for ``not tf.executing_eagerly()``, else None."""
    negated = isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not)
    call = test.operand if negated else test  # type: ignore[attr-defined]
    if not (isinstance(call, ast.Call) and not call.args):
        return None
    name = call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", None)
    if name != "executing_eagerly":
        return None
    return not negated


class Severity(str, Enum):
    ERROR = "error"  # fails at run time, or silently computes something else
    WARNING = "warning"  # deprecated, or works only by accident
    INFO = "info"  # works, but is fragile or unclear


class FixSafety(str, Enum):
    NONE = "none"
    SAFE = "safe"  # same meaning on the target, nothing else to change
    UNSAFE = "unsafe"  # meaning may change, or code elsewhere must change too
    SOMETIMES = "sometimes"  # safe for some findings, unsafe or absent for others


class Valid(Record):
    """Source on which the rule must report nothing."""

    source: str
    target: Target = Target.TF_KERAS


class Invalid(Record):
    """Source on which the rule reports exactly ``at`` (line, column) and nothing else.

    ``fixed`` is the module after all of the rule's fixes (safe and unsafe) are applied."""

    source: str
    at: Tuple[Tuple[int, int], ...]
    target: Target = Target.TF_KERAS
    fixed: Optional[str] = None


class Rule:
    """A check. Subclasses override one or more ``check_*`` hooks; the engine calls only those.

    The class docstring is the rule's documentation, with the headings
    What it does / Why is this bad? / Example / Use instead / Fix safety.
    """

    code: ClassVar[str]
    name: ClassVar[str]  # kebab-case; names the pattern, not the fix
    message: ClassVar[str]  # str.format template with named fields
    fix_title: ClassVar[Optional[str]] = None  # template too; names the new thing
    severity: ClassVar[Severity] = Severity.WARNING
    fix_safety: ClassVar[FixSafety] = FixSafety.NONE
    default_enabled: ClassVar[bool] = True
    targets: ClassVar[FrozenSet[Target]] = BOTH
    valid: ClassVar[Tuple[Valid, ...]] = ()
    invalid: ClassVar[Tuple[Invalid, ...]] = ()
    catalog_tables: ClassVar[Tuple[str, ...]] = ()  # the kerascheck.catalog tables it reads, for the docs
    # The callees ``check_call`` looks at ("layers.Conv2D", ".fit" for the method on any object); the
    # engine calls it for no other, the walk keeps calls of those methods. None: every Keras call.
    owners: ClassVar[Optional[FrozenSet[str]]] = None
    # Methods whose calls on any object the rule reads from the walk's calls (``ctx.index.calls``) instead of
    # looking through the whole module: the walk keeps them too.
    walked_methods: ClassVar[FrozenSet[str]] = frozenset()
    # Codes of more general rules whose findings inside one of this rule's spans are the same problem, which this
    # rule explains (KER114's `K.image_dim_ordering()` call holds KER111's `image_dim_ordering`): the engine drops them.
    supersedes: ClassVar[FrozenSet[str]] = frozenset()
    # Only the superseded findings about these names (the first name a message quotes), when not empty: KER113's
    # finding on `from keras.layers import merge, Highway` holds KER111's `merge`, not its `Highway`.
    supersedes_names: ClassVar[FrozenSet[str]] = frozenset()

    HOOKS = ("check_import", "check_reference", "check_call", "check_class", "check_module", "check_project")

    @classmethod
    def message_fields(cls) -> FrozenSet[str]:
        import string  # here: kerascheck starts without it

        templates = [cls.message] + ([cls.fix_title] if cls.fix_title else [])
        return frozenset(
            field for template in templates for _, field, _, _ in string.Formatter().parse(template) if field
        )

    def bind(self, active: object) -> None:
        """Told the rules active with it on its target (an ``ActiveRules``), once, before any check:
        for a rule that stays silent where another explains the problem."""

    @classmethod
    def hooks(cls) -> Tuple[str, ...]:
        return tuple(hook for hook in cls.HOOKS if getattr(cls, hook) is not getattr(Rule, hook))

    def finding(
        self,
        ctx: Context,
        node: ast.AST,
        *,
        span: Optional[Tuple[int, int, int, int]] = None,
        edits: Tuple[Edit, ...] = (),
        safe: bool = True,
        renames: Tuple[Tuple[str, str], ...] = (),
        severity: Optional[Severity] = None,
        **fields: Any,
    ) -> Finding:
        if ctx.target_shown is not None:
            fields.setdefault("target", ctx.target_shown)
        return self.finding_at(
            ctx.target, *(span or ctx.span(node)), edits=edits, safe=safe, renames=renames, severity=severity, **fields
        )

    def finding_at(
        self,
        on: Target,
        line: int,
        col: int,
        end_line: int,
        end_col: int,
        *,
        edits: Tuple[Edit, ...] = (),
        safe: bool = True,
        renames: Tuple[Tuple[str, str], ...] = (),
        severity: Optional[Severity] = None,
        **fields: Any,
    ) -> Finding:
        """``on``: the target judged; ``severity``: this finding's, where it is not the rule's."""
        fields.setdefault("target", on)
        fields.setdefault("keras3_checked", releases.KERAS3_CHECKED)  # "(Keras 3.15.1)": what was run
        return Finding(
            code=self.code,
            symbol=self.name,
            line=line,
            col=col,
            end_line=end_line,
            end_col=end_col,
            message=self.message.format(**fields),
            fix_title=self.fix_title.format(**fields) if self.fix_title else None,
            fix=Fix(edits, safe, renames) if edits else None,
            severity=severity.value if severity is not None and severity is not self.severity else None,
        )

    def concerns(self, reference: Reference, target: Target) -> bool:
        """Whether ``check_reference`` may report some chain that resolves to ``reference``, wherever it
        is written. The engine asks once per distinct reference and target, and offers a chain only
        to the rules its reference concerns (most chains concern no rule)."""
        return True

    # Hooks: each returns an iterable of findings.
    def check_import(self, ctx: Context, node: ast.stmt) -> Iterable[Finding]:
        """What an import statement gives must follow from its own lines, the target and pins, (for a
        relative import) the module's package, whether the module is part of a Keras package itself
        (``keras.*``, ``tf_keras.*``) and :attr:`Context.in_tf_keras_world`: the engine reuses it for each
        repeat of the statement."""
        return ()

    def check_reference(self, ctx: Context, node: ast.expr, reference: Reference) -> Iterable[Finding]:
        return ()

    def check_call(self, ctx: Context, node: ast.Call) -> Iterable[Finding]:
        return ()

    def check_class(self, ctx: Context, node: ast.ClassDef) -> Iterable[Finding]:
        return ()

    def check_module(self, ctx: Context) -> Iterable[Finding]:
        return ()

    def check_project(self, project: Project) -> Iterable[Tuple[str, Finding]]:
        """Whole-project checks (the command line and pylint's end of run): (path, finding) pairs."""
        return ()

    def module_facts(self, ctx: Context) -> Optional[object]:
        """What this rule's ``check_project`` needs to know of a module (a small picklable record, kept for
        the whole run), or None: the project reads it as ``ModuleUses.facts_of(code)``."""
        return None
