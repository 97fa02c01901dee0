"""The rule registry: every rule class of every family, and the active rules for given settings.

Codes, flake8 and pylint messages, documentation and the example tests all derive from this one list.
"""

from __future__ import annotations

from functools import cache
from typing import Dict, FrozenSet, List, Optional, Tuple, Type

from kerascheck import catalog
from kerascheck.catalog.model import Target
from kerascheck.names import Reference
from kerascheck.rules import (
    activation_reload,
    api,
    arguments,
    atrous_calls,
    backend_ops,
    compile_calls,
    config_keys,
    custom_layers,
    defaults,
    dependencies,
    dim_ordering,
    file_utils,
    foreign_layers,
    frozen_models,
    functional,
    imports,
    initializer_lambdas,
    keras_tensors,
    layer_sizes,
    layer_state,
    learning_rate_calls,
    list_data,
    merge_calls,
    metrics,
    mixing,
    multi_output,
    naming,
    optimizers,
    resumed_training,
    saving,
    shape_values,
    shared_optimizer,
    tf1_names,
    unknown_names,
)
from kerascheck.rules.base import FixSafety, Invalid, Rule, Severity, Valid

__all__ = ["RULES", "RULES_BY_CODE", "Rule", "Severity", "FixSafety", "Valid", "Invalid", "rules_for"]

_FAMILIES = (
    imports,
    tf1_names,
    unknown_names,
    merge_calls,
    initializer_lambdas,
    atrous_calls,
    dim_ordering,
    backend_ops,
    arguments,
    saving,
    activation_reload,
    file_utils,
    api,
    metrics,
    compile_calls,
    config_keys,
    shared_optimizer,
    resumed_training,
    frozen_models,
    naming,
    custom_layers,
    shape_values,
    layer_state,
    layer_sizes,
    list_data,
    keras_tensors,
    defaults,
    functional,
    optimizers,
    learning_rate_calls,
    mixing,
    multi_output,
    foreign_layers,
    dependencies,
)


def _collect() -> Tuple[Type[Rule], ...]:
    found = []
    for module in _FAMILIES:
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, Rule) and "code" in vars(value):
                found.append(value)
    return tuple(sorted(found, key=lambda rule: rule.code))


RULES: Tuple[Type[Rule], ...] = _collect()
RULES_BY_CODE: Dict[str, Type[Rule]] = {rule.code: rule for rule in RULES}


_REFERENCE_MEMO_SIZE = 65_536  # distinct references remembered per target (a long-lived editor process)


class ActiveRules:
    """The rules that apply to one target, grouped by the hooks they use."""

    def __init__(self, target: Target, groups: Dict[str, Tuple[Rule, ...]]) -> None:
        self.target = target
        self.import_rules = groups["check_import"]
        self.reference_rules = groups["check_reference"]
        self.call_rules = groups["check_call"]
        self.class_rules = groups["check_class"]
        self.module_rules = groups["check_module"]
        self.project_rules = groups["check_project"]
        # the rules that keep facts of each module for their project check (Rule.module_facts)
        self.fact_rules = tuple(rule for rule in self.project_rules if type(rule).module_facts is not Rule.module_facts)
        # method names whose calls the call rules check (None: every call)
        self.methods: Optional[FrozenSet[str]] = _methods(
            self.call_rules, [rule for group in groups.values() for rule in group]
        )
        # code -> the codes its findings supersede (Rule.supersedes), for the rules that supersede any
        self.superseding: Dict[str, FrozenSet[str]] = {
            rule.code: rule.supersedes for group in groups.values() for rule in group if rule.supersedes
        }
        # code -> the names its superseded findings must be about (Rule.supersedes_names), where it limits them
        self.superseded_names: Dict[str, FrozenSet[str]] = {
            rule.code: rule.supersedes_names for group in groups.values() for rule in group if rule.supersedes_names
        }
        self._by_reference: Dict[Reference, Tuple[Rule, ...]] = {}
        self._by_owner: Dict[str, Tuple[Rule, ...]] = {}  # see call_rules_for

    def call_rules_for(self, owner: str) -> Tuple[Rule, ...]:
        """The call rules that check a call of a callee of ``owner`` ("layers.Dense", ".fit"), in rule
        order; worked out once per owner (``owners`` may be tables that answer ``in`` only)."""
        rules = self._by_owner.get(owner)
        if rules is None:
            rules = tuple(rule for rule in self.call_rules if rule.owners is None or owner in rule.owners)
            self._by_owner[owner] = rules
        return rules

    def reference_rules_for(self, reference: Reference) -> Tuple[Rule, ...]:
        """The reference rules a chain resolving to ``reference`` concerns (usually none)."""
        rules = self._by_reference.get(reference)
        if rules is None:
            if len(self._by_reference) >= _REFERENCE_MEMO_SIZE:
                self._by_reference.clear()
            rules = tuple(rule for rule in self.reference_rules if rule.concerns(reference, self.target))
            self._by_reference[reference] = rules
        return rules


def _methods(call_rules: Tuple[Rule, ...], rules: List[Rule]) -> Optional[FrozenSet[str]]:
    if any(rule.owners is None for rule in call_rules):
        return None
    called = (catalog.method_names(rule.owners) for rule in call_rules)
    return frozenset().union(*called, *(rule.walked_methods for rule in rules))


@cache
def rules_for(target: Target) -> ActiveRules:
    """Instances of the rules that apply to ``target``, grouped by the hooks they use.

    Selection (select/ignore, default-off codes) is the front end's business, so every applicable
    rule runs here."""
    instances = [rule() for rule in RULES if target in rule.targets]
    groups = {hook: tuple(rule for rule in instances if hook in rule.hooks()) for hook in Rule.HOOKS}
    active = ActiveRules(target, groups)
    for rule in instances:
        rule.bind(active)
    return active
