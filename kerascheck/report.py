"""What checking one module tells the rest of a run: its findings, and what whole-project checks need."""

from __future__ import annotations

from typing import Dict, List, Optional, Sequence, Tuple

from kerascheck.findings import Finding
from kerascheck.record import Record


class Speculation(Record):
    """A class that is no custom layer by what its module shows, but would be one if a base of it were
    a custom layer of another module of the project; and the findings the class rules give it then.
    The command line settles these once it knows every module's layers, instead of checking again."""

    name: str
    top_level: bool
    dotted_bases: Tuple[str, ...]  # its bases, through the imports: a custom layer of the project?
    local_bases: Tuple[str, ...]  # its bases written as plain names: a class of the module found a layer?
    findings: List[Finding]


class ModuleReport(Record):
    findings: List[Finding]
    implementations: Dict[str, Tuple[int, int]]  # Keras implementation -> (line, col) of its first use
    layer_classes: Tuple[str, ...] = ()  # module-level custom layers and models
    class_bases: Tuple[str, ...] = ()  # dotted names of other classes' imported bases (for the project)
    analysed: bool = True  # False: the text gate skipped the module (it never mentions keras)
    # lines where statements start: noqa.py reads a finding's statement from the nearest one
    statement_starts: Sequence[int] = ()
    layer_names: Tuple[str, ...] = ()  # every class found a custom layer, nested ones too
    # None: not asked for, or the class rules did not run (a check with the project's layers must decide)
    speculations: Optional[Tuple[Speculation, ...]] = None
    imports: Tuple[str, ...] = ()  # modules it imports that may be the project's (import_graph.py)
    # what rules want to know of the module in the project pass, by code (Rule.module_facts): small records
    facts: Tuple[Tuple[str, object], ...] = ()
