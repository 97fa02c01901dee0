"""Checking and fixing one module's text as the command line does: the engine, then the user's
selection and ``# noqa`` comments, then fixes to a fixed point."""

from __future__ import annotations

import gc
from collections import Counter
from contextlib import contextmanager
from typing import Callable, Dict, FrozenSet, Iterator, List, Optional, Sequence, Tuple

from kerascheck.config import Settings
from kerascheck.engine import AnalysisError, analyse_source
from kerascheck.findings import UNFIXED_MARK, Finding, fixable
from kerascheck.noqa import file_is_skipped, remove_silenced
from kerascheck.record import Record
from kerascheck.renames import NO_EXPOSURE, Exposure
from kerascheck.report import ModuleReport
from kerascheck.selection import is_selected
from kerascheck.text import Lines, syntax_problem


class CheckError(Exception):
    """A module that cannot be checked (syntax error, null bytes, nesting too deep)."""


def check_text(
    text: str,
    settings: Settings,
    module_name: Optional[str] = None,
    facts: Optional[dict] = None,
    project_layers: FrozenSet[str] = frozenset(),
    speculate: bool = False,
    exposure: Exposure = NO_EXPOSURE,
    path: Optional[str] = None,
) -> List[Finding]:
    """Selected, not silenced findings. ``facts`` (if given) receives the module's report under
    "module": what whole-project checks need (implementations used, custom layers, class bases, and
    with ``speculate`` the findings of classes other modules' layers would make layers); and the
    text's lines under "lines"."""
    lines = Lines(text)  # split only if a rule or a finding reads a line
    if facts is not None:
        facts["lines"] = lines
    if "flake8" in text and file_is_skipped(lines):
        return []
    try:
        report = analyse_source(
            text, settings, module_name, project_layers, lines, speculate and facts is not None, exposure, path
        )
        findings = report.findings
        if facts is not None:
            speculations = report.speculations and tuple(
                speculation._replace(findings=_shown(speculation.findings, settings, lines, report.statement_starts))
                for speculation in report.speculations
            )
            # kept per file: keep it small
            facts["module"] = report._replace(findings=[], statement_starts=(), speculations=speculations)
    except AnalysisError as error:
        raise CheckError(f"kerascheck failed on this module ({error}); please report it") from None
    except SyntaxError as error:
        raise CheckError(f"cannot parse: {syntax_problem(error)}") from None
    except ValueError as error:  # "source code string cannot contain null bytes"
        raise CheckError(f"cannot parse: {error}") from None
    except (RecursionError, MemoryError):
        raise CheckError("cannot parse: the code is nested too deeply") from None
    return _shown(findings, settings, lines, report.statement_starts)


def _shown(findings: List[Finding], settings: Settings, lines: Sequence[str], starts: Sequence[int]) -> List[Finding]:
    """The selected findings that no ``# noqa`` silences."""
    if not findings:
        return []
    selected = {code for code in {f.code for f in findings} if is_selected(code, settings)}
    return remove_silenced([f for f in findings if f.code in selected], lines, starts)


class Outcome(Record):
    findings: List[Finding]  # what remains to report
    module: Optional[ModuleReport] = None  # what whole-project checks need
    lines: Optional[Sequence[str]] = None  # a module's lines, as last checked (after fixes): what findings point at
    fixed: Sequence[Finding] = ()
    new_text: Optional[str] = None  # set when fixing changed the text
    refused: Optional[str] = None  # why fixes were not applied
    unchecked: Optional[str] = None  # what of the file could not be checked (a notebook cell that does not parse)


def check_and_fix(
    text: str,
    settings: Settings,
    *,
    fix: bool,
    unsafe: bool,
    module_name: Optional[str] = None,
    project_layers: FrozenSet[str] = frozenset(),
    project_imports: FrozenSet[str] = frozenset(),
    path: Optional[str] = None,
) -> Outcome:
    facts: dict = {}
    exposure = Exposure(project_imports)
    last: list = [None, [], {}]  # the text last checked, its findings and facts: each text is checked once

    def check(current: str) -> List[Finding]:  # a fix must be made: no speculating (see engine.Speculation)
        if last[0] is not None and last[0] == current:
            facts.update(last[2])
            return list(last[1])
        found = check_text(
            current, settings, module_name, facts, project_layers, speculate=not fix, exposure=exposure, path=path
        )
        last[:] = [current, found, dict(facts)]
        return list(found)

    with collector_paused():
        findings = check(text)
        if not fix or not any(f.fix is not None for f in findings):
            return Outcome(findings=findings, module=facts.get("module"), lines=facts.get("lines"))
        return _fixed(text, findings, check, settings, unsafe, facts)


def _fixed(
    text: str,
    before: List[Finding],
    check: Callable[[str], List[Finding]],
    settings: Settings,
    unsafe: bool,
    facts: dict,
) -> Outcome:
    """Fix ``text`` (whose findings are ``before``) to a fixed point; what remains, and what was fixed."""
    from kerascheck.fix import explain_dropped, fix_until_stable  # here: a check that fixes nothing needs none
    from kerascheck.guards import Guard

    findings = before
    dropped: Dict[Tuple[str, str], str] = {}
    new_text, fixed = fix_until_stable(text, check, unsafe=unsafe, guard=Guard(settings.target), dropped=dropped)
    if not fixed:
        findings = explain_dropped(check(text) if dropped else findings, dropped)
        return Outcome(findings=findings, module=facts.get("module"), lines=facts.get("lines"))
    findings = explain_dropped(check(new_text), dropped)
    return Outcome(
        findings=findings,
        fixed=resolved(before, findings, unsafe),
        new_text=new_text,
        module=facts.get("module"),
        lines=facts.get("lines"),
    )


@contextmanager
def collector_paused(pause: bool = True) -> Iterator[None]:
    """Python's cycle collector paused while a module is checked (and fixed): its syntax trees and index are
    many small objects that hold no cycles and are freed by reference counting, which the collector's passes
    would scan over and over (a fix round parses the module a few times: fixing a big file was superlinear).
    The first allocation after it runs again collects what the module left behind, cycles included: by then
    the trees are gone, so that pass is short."""
    was_enabled = gc.isenabled()
    if pause:
        gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def resolved(before: List[Finding], after: List[Finding], unsafe: bool) -> List[Finding]:
    """The findings fixing resolved: those of ``before`` that were fixable, less as many as remain
    fixable ``after`` (matched by code and message: positions move). So "Fixed N" says of the same
    findings what "N fixable" said before: a fix that also settles another fixable finding (a rewritten
    import that was two findings) counts both, a finding a later round creates and fixes counts none."""
    remaining = Counter(_settled_key(f) for f in after)  # fixable or not: one left unfixed was not fixed
    gone = []
    for finding in fixable(before, unsafe):
        key = _settled_key(finding)
        if remaining[key]:
            remaining[key] -= 1
        else:
            gone.append(finding)
    return gone


def _settled_key(finding: Finding) -> Tuple[str, str, bool]:
    """What tells a finding before a fix round from the same one after it: positions move, and a
    finding whose fix was refused says why. One that never had a fix is another finding, even with the
    same message (two `compiled_loss` calls, one fixable): it does not stand for a fixable one left over."""
    message, refused, _ = finding.message.partition(UNFIXED_MARK)
    return finding.code, message, finding.fix is not None or bool(refused)


def check_and_fix_notebook(
    raw: str,
    settings: Settings,
    *,
    fix: bool,
    unsafe: bool,
    module_name: Optional[str] = None,
    project_layers: FrozenSet[str] = frozenset(),
    project_imports: FrozenSet[str] = frozenset(),
    path: Optional[str] = None,
) -> Outcome:
    """A notebook's findings (in cell coordinates) and, when fixing, its new JSON text."""
    with collector_paused(fix):  # as for a module: each round parses all cells a few times
        return _notebook_outcome(raw, settings, fix, unsafe, module_name, project_layers, project_imports, path)


def _notebook_outcome(raw, settings, fix, unsafe, module_name, project_layers, project_imports, path) -> Outcome:
    from kerascheck import notebooks  # here: checking modules needs neither these nor the fixer
    from kerascheck.fix import MAX_ROUNDS, apply_groups, apply_round, dropped_key, explain_dropped
    from kerascheck.guards import Guard

    notebook = notebooks.load(raw)
    facts: dict = {}

    def check(current: notebooks.Notebook) -> List[Finding]:
        exposure = Exposure(project_imports, notebooks.hidden_text(current))
        return (
            check_text(current.module, settings, module_name, facts, project_layers, exposure=exposure, path=path)
            if current.cells
            else []
        )

    findings, sources, dropped = check(notebook), {}, {}
    first, before = notebook, findings
    guard = Guard(settings.target, notebooks.hidden_text(notebook))
    rounds = MAX_ROUNDS if fix else 0
    for _ in range(rounds):
        candidates = [finding for finding in findings if dropped_key(finding) not in dropped]
        result = apply_round(notebook.module, candidates, unsafe=unsafe, guard=guard)  # the guards see all cells
        dropped.update(result.dropped)
        groups = notebooks.cell_edits(notebook, result.applied)
        if not groups:
            break
        for cell in notebook.cells:
            if cell.index in groups:
                sources[cell.index], _ = apply_groups(cell.text, groups[cell.index])
        notebook = notebooks.load(notebooks.dumps(raw, sources))
        findings = check(notebook)
    new_text = notebooks.dumps(raw, sources) if sources else None
    new_text = None if new_text == raw else new_text
    in_cells = [notebooks.in_cell(notebook, f) for f in explain_dropped(findings, dropped)]
    fixed = [notebooks.in_cell(first, f) for f in resolved(before, findings, unsafe)] if new_text else []
    unchecked = "; ".join(notebook.unparsed) or None
    return Outcome(findings=in_cells, fixed=fixed, new_text=new_text, module=facts.get("module"), unchecked=unchecked)
