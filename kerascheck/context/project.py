"""What a whole-project rule may ask: :class:`Project`, the checked modules' Keras uses and the
project's dependency pins (what no single module shows)."""

from __future__ import annotations

from typing import Dict, List, Optional, Tuple

from kerascheck.context.module import RuleSettings
from kerascheck.pins import Pins
from kerascheck.record import Record


class ModuleUses(Record):
    path: str
    implementations: Dict[str, Tuple[int, int]]  # Keras implementation -> first (line, col)
    name: str = ""  # the name other modules import it by (import_graph.graph_name)
    imports: Tuple[str, ...] = ()  # the modules it imports that may be the project's
    facts: Tuple[Tuple[str, object], ...] = ()  # what rules kept of it, by code (Rule.module_facts)

    def facts_of(self, code: str) -> Optional[object]:
        return next((found for kept, found in self.facts if kept == code), None)


class Project:
    """What the whole-project rules read: the checked modules' Keras uses and the dependency pins."""

    def __init__(
        self,
        settings: RuleSettings,
        modules: Optional[List[ModuleUses]] = None,
        pins: Optional[Pins] = None,
        target_was_chosen: bool = False,  # the user named the target (not the default, not auto)
    ) -> None:
        self.settings = settings
        self.modules = [] if modules is None else modules
        self.pins = Pins() if pins is None else pins
        self.target_was_chosen = target_was_chosen
