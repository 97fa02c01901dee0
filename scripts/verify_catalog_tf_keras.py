"""Verify the catalog's tf.keras facts against the real keras 2.15.0 (the Keras of TensorFlow 2.15).

Run from the repository root (needs network the first time; nothing but pip and the standard library):

    python scripts/verify_catalog_tf_keras.py            # summary, and every failure
    python scripts/verify_catalog_tf_keras.py --verbose  # also every fact checked

It downloads the ``keras==2.15.0`` wheel with ``pip download --no-deps`` into the cache of
``tests/keras_sources.py`` (``$KERASCHECK_TEST_CACHE``, default ``~/.cache/kerascheck-tests``), and reads
it with ``ast`` -- TensorFlow is not needed. ``tf.keras`` is the generated tree ``keras/api/_v2/keras/``:
a canonical name ``layers.Conv2D`` exists when ``keras/api/_v2/keras/layers/__init__.py`` binds it; its
class, ``__init__`` signature and bases are read from ``keras/src``. For every fact whose targets
include tf.keras it checks what ``tests/test_catalog_keras3.py`` checks for Keras 3:

* renamed names are aliases of their new names; removed names are absent, replacements present;
* removed methods are absent from Model, Sequential and Layer, or deprecated there (warn or raise);
* module paths lead to public modules; a relocation that still exists holds the same objects;
* every KeywordRename: where the owner exists, the new keyword is accepted (a parameter, or one of
  the keywords base ``Layer.__init__`` allows through ``**kwargs``) and the old one is not;
* positional forms; optimizers (``learning_rate`` accepted; the optimizer base class pops ``lr``
  and raises ValueError for ``decay``); training-dependent layers (``call`` takes ``training``);
* an owner missing from tf.keras is catalogued as removed on tf.keras.

Exit status: 0 when every check passes, 1 on failures, 2 when keras 2.15.0 cannot be obtained.
"""

from __future__ import annotations

import argparse
import ast
import sys
from pathlib import Path
from typing import Callable, Dict, List, Optional, Set

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kerascheck.catalog import (  # noqa: E402
    CANONICAL_OVERRIDES,
    KEYWORD_RENAMES,
    MODULE_PATHS,
    OPTIMIZERS,
    POSITIONAL_FORMS,
    REMOVED_BY_TARGET,
    REMOVED_METHODS,
    REMOVED_METHODS_BY_TARGET,
    REMOVED_NAMES,
    RENAMED_BY_TARGET,
    RENAMED_NAMES,
    TRAINING_DEPENDENT_LAYERS,
)
from kerascheck.catalog.implementations import stub_name  # noqa: E402
from kerascheck.catalog.model import PathKind, Target  # noqa: E402
from tests.keras_sources import (  # noqa: E402
    Definition,
    ModuleRef,
    SourceUnavailable,
    StaticPackage,
    parameters,
    wheel_tree,
)

VERSION = "2.15.0"
API = "keras.api._v2.keras"
TF = Target.TF_KERAS

# tf.keras's Model(inputs, outputs) is built by Functional: keras 2.15.0 keras/src/engine/training.py
# Model.__new__ dispatches to functional.Functional, and Model.__init__ is (*args, **kwargs).
SIGNATURE_OVERRIDES = {"models.Model": "keras.src.engine.functional.Functional"}

# (owner, new keyword) pairs tf.keras does not accept. Real: Keras 2.2.4's legacy_recurrent_support
# converts inner_activation= for SimpleRNN, GRU and LSTM alike, but SimpleRNN has no gate and no
# recurrent_activation in any Keras (keras 2.15.0 keras/src/layers/rnn/simple_rnn.py; base Layer rejects it).
# Likewise legacy_generator_methods_support converts nb_epoch= for all three generator methods, but only
# fit_generator has epochs (keras 2.2.4 and 2.15.0 keras/src/engine/training.py; Keras 1.2.2's
# evaluate_generator/predict_generator never took nb_epoch).
NEW_KEYWORD_REJECTED = {
    ("layers.SimpleRNN", "recurrent_activation"),
    (".evaluate_generator", "epochs"),
    (".predict_generator", "epochs"),
}


class Checks:
    def __init__(self, package: StaticPackage, verbose: bool):
        self.package = package
        self.verbose = verbose
        self.counts: Dict[str, int] = {}
        self.failures: List[str] = []

    def check(self, section: str, subject: str, problem: Optional[str]) -> None:
        self.counts[section] = self.counts.get(section, 0) + 1
        if problem:
            self.failures.append(f"[{section}] {subject}: {problem}")
        elif self.verbose:
            print(f"  ok [{section}] {subject}")

    # --- the public API ----------------------------------------------------------------------

    def public(self, name: str):
        """The Definition or ModuleRef a canonical name has in tf.keras, or None (``""`` = the root)."""
        found = ModuleRef(API)
        for part in [p for p in name.split(".") if p]:
            if not isinstance(found, ModuleRef) or not found.module.startswith(API):
                return None
            if part.startswith("_"):
                return None
            found = self.package.resolve(found.module, part)
            if found is None:
                return None
        return found

    def is_public_module(self, name: str) -> bool:
        found = self.public(name)
        return isinstance(found, ModuleRef) and found.module.startswith(API)

    def exported(self, module: str) -> Set[str]:
        """Names a public module binds (its imports and definitions)."""
        names = set()
        for statement in self.package.tree(module).body:
            if isinstance(statement, ast.ImportFrom):
                names |= {alias.asname or alias.name for alias in statement.names}
            elif isinstance(statement, (ast.ClassDef, ast.FunctionDef)):
                names.add(statement.name)
        return {n for n in names if not n.startswith("_")}

    def cls(self, name: str) -> Optional[Definition]:
        found = self.public(name)
        if isinstance(found, Definition) and isinstance(found.node, ast.ClassDef):
            return found
        return None

    def function(self, owner: str) -> Optional[ast.FunctionDef]:
        """``.fit`` -> Model.fit; ``layers.Dense`` -> Dense.__init__ (through the bases)."""
        if owner.startswith("."):
            found = self.package.method(self.cls("models.Model"), owner[1:])
        else:
            if self.public(owner) is None:
                return None
            override = SIGNATURE_OVERRIDES.get(owner)
            cls = self.package.resolve_dotted(override) if override else self.cls(owner)
            if not isinstance(cls, Definition):
                return None
            found = self.package.method(cls, "__init__")
        return None if found is None else found[1]

    def layer_allowed_kwargs(self) -> Set[str]:
        """The keywords base Layer.__init__ lets through **kwargs (its ``allowed_kwargs`` set)."""
        _, init = self.package.method(self.cls("layers.Layer"), "__init__")
        for node in ast.walk(init):
            if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", None) == "allowed_kwargs":
                return set(ast.literal_eval(node.value))
        raise AssertionError("keras 2.15.0 Layer.__init__ has no allowed_kwargs")

    def removed_on_tf_keras(self, owner: str) -> bool:
        table = REMOVED_METHODS_BY_TARGET if owner.startswith(".") else REMOVED_BY_TARGET
        return (TF, owner) in table

    # --- sections ----------------------------------------------------------------------------

    def renamed_names(self) -> None:
        for fact in RENAMED_NAMES:
            if TF not in fact.targets:
                continue
            old, new = self.public(fact.old), self.public(fact.new)
            problem = None
            if not isinstance(new, Definition):
                problem = f"the new name {fact.new} is missing"
            elif not isinstance(old, Definition):
                problem = "missing (a removed name, not an alias)"
            elif old.node is not new.node:
                problem = f"is {old.qualname}, not {new.qualname}"
            self.check("RenamedName", f"{fact.old} -> {fact.new}", problem)

    def removed_names(self) -> None:
        for fact in REMOVED_NAMES:
            if TF not in fact.targets:
                # A removal for keras3 only, with no tf.keras fact of its own: tf.keras must have the name.
                if (TF, fact.old) not in REMOVED_BY_TARGET and (TF, fact.old) not in RENAMED_BY_TARGET:
                    self.check(
                        "keras3-only RemovedName",
                        fact.old,
                        None if self.public(fact.old) is not None else "absent from tf.keras too: target it there",
                    )
                continue
            problems = []
            found = self.public(fact.old)
            # A stub that raises when called (model_from_yaml: RuntimeError since TF 2.6) is removed in effect, and
            # so is one the catalog shows failing once used (BaseLogger: fit raises; catalog/implementations.py).
            if found is not None and not self._stub(found) and not stub_name(TF, fact.old):
                problems.append(f"present ({getattr(found, 'qualname', None) or found.module})")
            if fact.new is not None and self.public(fact.new) is None:
                problems.append(f"the replacement {fact.new} is missing")
            self.check("RemovedName", fact.old, "; ".join(problems))

    @staticmethod
    def _raises_at_once(function: ast.AST) -> bool:
        """The function's first statement (after the docstring) is a ``raise``."""
        body = [s for s in function.body if not (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant))]
        return bool(body) and isinstance(body[0], ast.Raise)

    def _stub(self, found) -> bool:
        """A name still bound to a function or class that raises whenever it is called."""
        if not isinstance(found, Definition):
            return False
        if isinstance(found.node, ast.FunctionDef):
            return self._raises_at_once(found.node)
        if isinstance(found.node, ast.ClassDef):
            init = self.package.method(found, "__init__")
            return init is not None and self._raises_at_once(init[1])
        return False

    def _deprecated(self, function: ast.FunctionDef) -> bool:
        """The method warns that it is deprecated, or raises straight away."""
        if self._raises_at_once(function):
            return True
        for node in ast.walk(function):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", None) in ("warn", "warning"):
                text = " ".join(
                    str(n.value) for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)
                )
                if "deprecated" in text.lower() or "no longer" in text.lower():
                    return True
        return False

    def removed_methods(self) -> None:
        bases = {name: self.cls(name) for name in ("models.Model", "models.Sequential", "layers.Layer")}
        for fact in REMOVED_METHODS:
            if TF not in fact.targets:
                # Removed for keras3 only: tf.keras must still have it, and not as a deprecated stub.
                if (TF, fact.old) not in REMOVED_METHODS_BY_TARGET:
                    found = self.package.method(bases["models.Model"], fact.old[1:])
                    self.check(
                        "keras3-only RemovedMethod",
                        fact.old,
                        None if found and not self._deprecated(found[1]) else "missing or deprecated on tf.keras too",
                    )
                continue
            problems = []
            for name, cls in bases.items():
                found = self.package.method(cls, fact.old[1:])
                if found is not None and not self._deprecated(found[1]):
                    problems.append(f"present and not deprecated on {name} ({found[0].qualname})")
            if fact.new is not None and self.package.method(bases["models.Model"], fact.new[1:]) is None:
                problems.append(f"Model has no {fact.new[1:]}")
            self.check("RemovedMethod", fact.old, "; ".join(problems))

    def module_paths(self) -> None:
        for fact in MODULE_PATHS:
            if TF not in fact.targets:
                continue
            problems = []
            if not self.is_public_module(fact.new):
                problems.append(f"{fact.new!r} is not a public tf.keras module")
            elif fact.kind is PathKind.LEGACY and fact.relocation and self.is_public_module(fact.old):
                old_module, new_module = self.public(fact.old).module, self.public(fact.new).module
                for name in sorted(self.exported(old_module)):
                    if CANONICAL_OVERRIDES.get(f"{fact.old}.{name}") == f"{fact.old}.{name}":
                        continue  # catalogued as not moving: the rewrite leaves it alone
                    old = self.package.resolve(old_module, name)
                    new = self.package.resolve(new_module, name)
                    if isinstance(old, Definition) and not (isinstance(new, Definition) and new.node is old.node):
                        problems.append(f"{fact.old}.{name} is not {fact.new}.{name} (relocation=True)")
            if len(problems) > 5:
                problems[5:] = [f"... {len(problems) - 5} more"]
            self.check("ModulePath", f"{fact.old} -> {fact.new!r}", "; ".join(problems))

    def keywords(self) -> None:
        allowed = self.layer_allowed_kwargs()
        for fact in KEYWORD_RENAMES:
            for owner in fact.owners:
                function = self.function(owner)
                if function is None:
                    self.check(
                        "KeywordRename owner",
                        owner,
                        None if self.removed_on_tf_keras(owner) else "missing from tf.keras, not catalogued removed",
                    )
                    continue
                accepted = parameters(function)
                through_kwargs = accepted.varkw and not owner.startswith(".")
                problems = []
                if (owner, fact.new) in NEW_KEYWORD_REJECTED:
                    if fact.new in accepted or (through_kwargs and fact.new in allowed):
                        problems.append(f"accepts {fact.new}= now: drop it from NEW_KEYWORD_REJECTED")
                elif not (fact.new in accepted or (through_kwargs and fact.new in allowed)):
                    problems.append(f"no {fact.new}=")
                if fact.old in accepted or (through_kwargs and fact.old in allowed):
                    problems.append(f"still accepts {fact.old}=")
                self.check("KeywordRename", f"{owner}({fact.old}= -> {fact.new}=)", "; ".join(problems))

    def positional_forms(self) -> None:
        for form in POSITIONAL_FORMS:
            for owner in form.owners:
                function = self.function(owner)
                if function is None:
                    self.check(
                        "PositionalForm owner",
                        owner,
                        None if self.removed_on_tf_keras(owner) else "missing from tf.keras, not catalogued removed",
                    )
                    continue
                bound = parameters(function).positional[1 : 1 + len(form.keras2)]
                self.check(
                    "PositionalForm",
                    f"{owner}{form.keras1}",
                    None if bound == form.keras2 else f"positions bind {bound}, catalog says {form.keras2}",
                )

    def optimizers(self) -> None:
        base = self.package.resolve_dotted("keras.src.optimizers.optimizer.Optimizer")
        _, process = self.package.method(base, "_process_kwargs")
        popped = {
            node.args[0].value
            for node in ast.walk(process)
            if isinstance(node, ast.Call)
            and getattr(node.func, "attr", None) == "pop"
            and node.args
            and isinstance(node.args[0], ast.Constant)
        }
        raising = set()
        for node in ast.walk(process):
            if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", None) == "legacy_kwargs":
                raising = set(ast.literal_eval(node.value))
        # OPTIMIZER_KEYWORDS: lr "is ignored" (popped, only logged), decay "raises ValueError".
        self.check("OptimizerKeyword", "lr", None if "lr" in popped else "_process_kwargs does not pop lr")
        self.check(
            "OptimizerKeyword",
            "decay",
            None if "decay" in raising and "decay" not in popped else "_process_kwargs does not raise for decay",
        )
        for name in sorted(OPTIMIZERS):
            cls = self.cls(name)
            if cls is None:
                self.check("Optimizer", name, "missing from tf.keras optimizers")
                continue
            problems = []
            if "learning_rate" not in parameters(self.package.method(cls, "__init__")[1]):
                problems.append("no learning_rate=")
            if not any(d.node is base.node for d in self.package.mro(cls)):
                problems.append(f"does not derive from {base.qualname} (so lr/decay handling differs)")
            self.check("Optimizer", name, "; ".join(problems))

    def training_layers(self) -> None:
        for name in sorted(TRAINING_DEPENDENT_LAYERS):
            cls = self.cls(name)
            if cls is None:
                self.check(
                    "TrainingLayer",
                    name,
                    None if self.removed_on_tf_keras(name) else "missing from tf.keras, not catalogued removed",
                )
                continue
            found = self.package.method(cls, "call")
            self.check(
                "TrainingLayer",
                name,
                None if found and "training" in parameters(found[1]) else "call takes no training",
            )


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list every fact checked")
    arguments = parser.parse_args(argv)
    try:
        root = wheel_tree("keras", VERSION)
    except SourceUnavailable as error:
        print(f"cannot verify: keras {VERSION} unavailable: {error}", file=sys.stderr)
        return 2
    checks = Checks(StaticPackage(root), arguments.verbose)
    sections: List[Callable[[], None]] = [
        checks.renamed_names,
        checks.removed_names,
        checks.removed_methods,
        checks.module_paths,
        checks.keywords,
        checks.positional_forms,
        checks.optimizers,
        checks.training_layers,
    ]
    for section in sections:
        section()
    print(f"catalog vs keras {VERSION} (tf.keras, {root}):")
    for section, count in checks.counts.items():
        failed = sum(1 for f in checks.failures if f.startswith(f"[{section}]"))
        print(f"  {section:<26} {count:>4} checked  {failed:>3} failed")
    total = sum(checks.counts.values())
    print(f"  {'total':<26} {total:>4} checked  {len(checks.failures):>3} failed")
    for failure in checks.failures:
        print(f"FAIL {failure}")
    return 1 if checks.failures else 0


if __name__ == "__main__":
    sys.exit(main())
