"""Source text in, findings out.

One walk over the tree records scopes, bindings and the nodes rules care about; names are resolved
once all bindings are known (a ``def Dense`` at the bottom of a module still shadows an import at the
top); then each recorded node is offered, in source order, to the rules that asked for its kind.
"""

from __future__ import annotations

import ast
from operator import attrgetter
from typing import FrozenSet, List, Optional, Sequence, Set, Tuple

from kerascheck.catalog.implementations import STUB_NAME_STATE, STUB_STATE
from kerascheck.catalog.model import Target
from kerascheck.config import Settings
from kerascheck.context import Context, Use, callee, is_layer_class
from kerascheck.dead_branches import within
from kerascheck.files import module_name_for
from kerascheck.findings import Finding
from kerascheck.import_graph import imported_modules, imported_modules_in_text
from kerascheck.import_memo import import_findings
from kerascheck.names import TF_KERAS_PACKAGE
from kerascheck.renames import NO_EXPOSURE, Exposure
from kerascheck.report import ModuleReport, Speculation
from kerascheck.rules import ActiveRules, rules_for
from kerascheck.text import split_lines

# Kept importable from here, where callers have long found them.
__all__ = [
    "AnalysisError",
    "Context",
    "ModuleReport",
    "Speculation",
    "Use",
    "analyse_source",
    "analyse_tree",
    "cannot_use_keras",
    "check_source",
    "check_tree",
    "is_layer_class",
    "module_name_for",
    "split_lines",
]


_FINDING_ORDER = attrgetter("line", "col", "code")


def cannot_use_keras(source: str, module_name: Optional[str] = None) -> bool:
    """The cheap gate: a module that never mentions keras cannot use it (unless it lives inside a
    Keras package, where ``from ..layers import Dense`` reaches Keras without naming it)."""
    return "keras" not in source and "keras" not in (module_name or "")


def check_tree(
    tree: ast.Module,
    lines: Sequence[str],
    settings: Settings,
    module_name: Optional[str] = None,
    path: Optional[str] = None,
) -> List[Finding]:
    """Run every applicable rule over a parsed module. ``module_name`` (dotted, see
    :func:`module_name_for`) lets relative imports resolve; ``path`` (its file) lets the project's other
    modules be read."""
    return analyse_tree(tree, lines, settings, module_name, path=path).findings


def analyse_tree(
    tree: ast.Module,
    lines: Sequence[str],
    settings: Settings,
    module_name: Optional[str] = None,
    project_layers: FrozenSet[str] = frozenset(),
    speculate: bool = False,
    exposure: Exposure = NO_EXPOSURE,
    path: Optional[str] = None,
) -> ModuleReport:
    """The module's findings, and what whole-project checks need: the Keras implementations it uses,
    its custom layers, and the imported bases of its other classes. With ``speculate``, also the
    class findings each other class would get if another module made it a custom layer."""
    active = rules_for(settings.target)
    ctx = Context(tree, lines, settings, module_name, project_layers, exposure, methods=active.methods, path=path)
    if settings.target is Target.KERAS3 and set(ctx.first_uses) == {TF_KERAS_PACKAGE}:
        # Only the tf_keras package's Keras (Keras 2, kept for TF >= 2.16): the code runs on the tf.keras target's
        # Keras, whatever Keras 3 the environment also has (``import tf_keras as keras``; corpus triage 15)
        settings = settings._replace(target=Target.TF_KERAS)
        active = rules_for(settings.target)
        ctx = Context(tree, lines, settings, module_name, project_layers, exposure, methods=active.methods, path=path)
        ctx.target_shown = TF_KERAS_PACKAGE_TARGET
    findings = _import_findings(ctx, active) + _reference_findings(ctx, active) + _call_findings(ctx, active)
    class_findings, speculations = _class_findings(ctx, active, speculate)
    findings += class_findings + _module_findings(ctx, active)
    findings = _superseded_dropped(_live(ctx, findings), active)
    findings.sort(key=_FINDING_ORDER)
    facts = tuple((rule.code, found) for rule in active.fact_rules if (found := rule.module_facts(ctx)) is not None)
    report = _report(ctx, findings, speculations, facts)
    ctx.memo.clear()  # what rules keep there may refer to the context: freed now, not by a later garbage collection
    return report


def _live(ctx: Context, findings: List[Finding]) -> List[Finding]:
    """The findings outside the branches that never run on the target (``if keras.__version__ < '2.2.5':`` on
    Keras 3: only a module that reads a version has such a branch; the ``except ImportError:`` fallback of imports
    the target has), outside the blocks a test expects to raise (``with pytest.raises(ValueError):``) and outside the
    code after a ``raise`` or ``return``."""
    spans = (
        ctx.dead_spans + ctx.expected_to_raise + ctx.unneeded_import_fallbacks + ctx.unreachable if findings else None
    )
    if not spans:
        return findings
    return [finding for finding in findings if not within(spans, finding.line, finding.col)]


def _superseded_dropped(findings: List[Finding], active: ActiveRules) -> List[Finding]:
    """The findings less those a more specific rule's finding holds, on the same problem (see
    :attr:`Rule.supersedes`)."""
    holders = [finding for finding in findings if finding.code in active.superseding]
    if not holders:
        return findings
    return [
        finding for finding in findings
        if not any(
            finding.code in active.superseding[holder.code]
            and _holds(holder, finding)
            and _named(finding) in active.superseded_names.get(holder.code, (_named(finding),))
            for holder in holders
        )
    ]  # fmt: skip


def _holds(outer: Finding, inner: Finding) -> bool:
    return (outer.line, outer.col) <= (inner.line, inner.col) and (inner.end_line, inner.end_col) <= (
        outer.end_line,
        outer.end_col,
    )


def _import_findings(ctx: Context, active: ActiveRules) -> List[Finding]:
    """An import inside ``try: … except ImportError:`` is compatibility code that handles both worlds."""
    findings: List[Finding] = []
    for node in ctx.index.imports:
        if id(node) not in ctx.index.guarded_imports:
            findings += _one_per_problem(import_findings(ctx, active.import_rules, node))
    return findings


def _one_per_problem(found: List[Finding]) -> List[Finding]:
    """An import's findings, less KER111's on a name that KER102's finding on the module path already accounts for:
    one it names (its fix could not move the name: "`keras.utils` has no `convert_all_kernels_in_model`"), or an
    optimizer of a module whose optimizers all fail when made (`tensorflow.keras.optimizers.legacy` on Keras 3: one
    it lacks altogether still gets its own; corpus triage 15), unless only KER111's carries a fix."""
    paths = [finding for finding in found if finding.code == LEGACY_PATH_CODE]
    if not paths:
        return found
    legacy = " ".join(finding.message for finding in paths)
    stub, fixed = STUB_STATE in legacy, any(finding.fix is not None for finding in paths)
    return [
        finding for finding in found
        if finding.code != REMOVED_NAME_CODE
        or (finding.fix is not None and not fixed)  # the one that carries a fix stays
        or not ((stub and STUB_NAME_STATE in finding.message) or f"`{_named(finding)}`" in legacy)
    ]  # fmt: skip


# The target's name in the messages on a module judged as above, in a keras3 run (corpus triage 16: "on target
# tf.keras" read as the wrong target)
TF_KERAS_PACKAGE_TARGET = "tf.keras (this module uses only tf_keras, Keras 2)"


def _named(finding: Finding) -> str:
    """The name between the first two backquotes of a KER111 message (Adam, in "`Adam` raises …")."""
    return finding.message.partition("`")[2].partition("`")[0]


LEGACY_PATH_CODE, REMOVED_NAME_CODE = "KER102", "KER111"


def _reference_findings(ctx: Context, active: ActiveRules) -> List[Finding]:
    findings: List[Finding] = []
    catching = ctx.index.catches_attribute_error
    for node in ctx.index.chains:
        reference = ctx.reference(node)
        if reference is not None and not (
            catching
            and (ctx.caught_if_missing(node, reference.dotted) or ctx.in_unneeded_fallback(node, reference.dotted))
        ):
            start = len(findings)
            for rule in active.reference_rules_for(reference):
                findings += rule.check_reference(ctx, node, reference)
            if len(findings) > start + 1:  # a chain with two findings: one per problem
                findings[start:] = _one_per_problem(findings[start:])
    return findings


def _call_findings(ctx: Context, active: ActiveRules) -> List[Finding]:
    """Each call rule sees the calls of the callees it knows about (none outside a Keras module)."""
    findings: List[Finding] = []
    if not ctx.imports_keras:
        return findings
    for node in ctx.index.calls:
        target = callee(ctx, node)
        if target is not None:
            for rule in active.call_rules_for(target.owner):
                findings += rule.check_call(ctx, node)
    return findings  # sorted later: a rule's findings keep the calls' order, as they would rule by rule


def _class_findings(
    ctx: Context, active: ActiveRules, speculate: bool
) -> Tuple[List[Finding], Optional[List[Speculation]]]:
    """The class rules' findings on the module's custom layers (recorded in ``ctx.layer_classes`` as
    they are found); with ``speculate``, the speculations on its other classes (None: not asked for,
    or the class rules did not run)."""
    findings: List[Finding] = []
    if not (ctx.imports_keras or ctx.project_layers):
        return findings, None
    speculations: Optional[List[Speculation]] = [] if speculate else None
    class_names = {node.name for node in ctx.index.classes}
    for node in ctx.index.classes:
        if is_layer_class(ctx, node):
            ctx.layer_classes[node.name] = node
            for rule in active.class_rules:
                findings += rule.check_class(ctx, node)
        elif speculations is not None:
            speculation = _speculation(ctx, active, node, class_names)
            if speculation is not None:
                speculations.append(speculation)
    return findings, speculations


def _speculation(ctx: Context, active: ActiveRules, node: ast.ClassDef, class_names: Set[str]) -> Optional[Speculation]:
    """What a class not found a layer would be if a base of it were a custom layer: for a class with
    an imported base (another module's layer?) or a base defined in the module (promoted, then)."""
    dotted = tuple(name for base in node.bases if (name := ctx.dotted(base)) is not None)
    local = tuple(base.id for base in node.bases if isinstance(base, ast.Name) and base.id in class_names)
    if not (dotted or local):
        return None
    top_level = ctx.index.scope_of[id(node)] is ctx.index.module_scope
    findings = [finding for rule in active.class_rules for finding in rule.check_class(ctx, node)]
    return Speculation(node.name, top_level, dotted, local, findings)


def _module_findings(ctx: Context, active: ActiveRules) -> List[Finding]:
    return [finding for rule in active.module_rules for finding in rule.check_module(ctx)]


def _report(
    ctx: Context,
    findings: List[Finding],
    speculations: Optional[List[Speculation]],
    facts: Tuple[Tuple[str, object], ...],
) -> ModuleReport:
    """What the run needs of the module beyond its findings: see :class:`ModuleReport`."""
    implementations = {
        name: (use.node.lineno, ctx.column(use.node.lineno, use.node.col_offset))
        for name, use in ctx.first_uses.items()
    }
    top_level = [node for node in ctx.index.classes if ctx.index.scope_of[id(node)] is ctx.index.module_scope]
    layers = tuple(node.name for node in top_level if node.name in ctx.layer_classes)
    bases = tuple(
        dotted for node in top_level if node.name not in ctx.layer_classes for base in node.bases
        if (dotted := ctx.dotted(base)) is not None
    )  # fmt: skip
    return ModuleReport(
        findings,
        implementations,
        layers,
        bases,
        statement_starts=ctx.index.statement_starts,
        layer_names=tuple(ctx.layer_classes),
        speculations=None if speculations is None else tuple(speculations),
        imports=imported_modules(ctx.index.imports, ctx.index.absolute_module),
        facts=facts,
    )


def check_source(source: str, settings: Settings, module_name: Optional[str] = None) -> List[Finding]:
    """Check module text. Raises SyntaxError/ValueError/RecursionError/MemoryError for bad input;
    front ends turn those into messages."""
    return analyse_source(source, settings, module_name).findings


def analyse_source(
    source: str,
    settings: Settings,
    module_name: Optional[str] = None,
    project_layers: FrozenSet[str] = frozenset(),
    lines: Optional[Sequence[str]] = None,
    speculate: bool = False,
    exposure: Exposure = NO_EXPOSURE,
    path: Optional[str] = None,
) -> ModuleReport:
    """``lines``: the source's :func:`split_lines`, if the caller has them already; ``path``: its file."""
    if (
        cannot_use_keras(source, module_name)
        and not project_layers
        and not _star_reaches_keras(source, path, module_name)
    ):
        return ModuleReport([], {}, analysed=False, imports=imported_modules_in_text(source, module_name))
    tree = ast.parse(source)
    lines = split_lines(source) if lines is None else lines
    try:
        return analyse_tree(tree, lines, settings, module_name, project_layers, speculate, exposure, path)
    except (RecursionError, MemoryError):
        raise  # input nested too deeply for the walk: the front ends say so, as for the parse
    except Exception as error:  # a fault of kerascheck's own, never of the code checked
        raise AnalysisError(f"{type(error).__name__}: {error}") from error


def _star_reaches_keras(source: str, path: Optional[str], module_name: Optional[str]) -> bool:
    """Whether the module's star import of a module of the project brings Keras in (``from model import *``)."""
    if path is None or "import" not in source or "*" not in source:
        return False
    from kerascheck.project_classes import reaches_keras  # here: only such a module reads another one

    return reaches_keras(source, path, module_name)


class AnalysisError(Exception):
    """kerascheck failed on a module it could parse: a fault of its own, which the front ends report as one."""
