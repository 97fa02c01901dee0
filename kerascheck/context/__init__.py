"""What a rule may ask: about one module (:class:`Context`, callees, custom layers) and about the
whole project (:class:`Project`). Typed, and importable by the rules: nothing here knows a rule."""

from kerascheck.context.callees import Callee, callee, is_layer_class
from kerascheck.context.module import Context, RuleSettings, Use
from kerascheck.context.project import ModuleUses, Project

__all__ = ["Callee", "Context", "ModuleUses", "Project", "RuleSettings", "Use", "callee", "is_layer_class"]
