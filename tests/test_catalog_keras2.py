"""The keyword catalog, verified against the real Keras 2.2.4 sources (not against our reading of them).

Keras 2.2.4 is the last Keras that still accepted Keras 1 calls: ``keras/legacy/interfaces.py`` defines one
``legacy_*_support`` decorator per call signature (``generate_legacy_interface(conversions=...,
value_conversions=..., preprocessor=...)``) and ``keras/layers/*.py`` and ``keras/engine/*.py`` put them on
``__init__`` methods and model methods. The test downloads the wheel once (``tests/keras_sources.py``;
skipped without network), reads it with ``ast`` -- nothing is imported -- and derives:

* which public class or method each decorator applies to, through inheritance
  (``_GlobalPooling2D.__init__`` carries it for ``GlobalMaxPooling2D``; ``Sequential`` overrides
  ``Network.__init__`` and so does not get ``legacy_model_constructor_support``);
* every (owner, old keyword) -> new keyword, with its value conversions;
* the keywords Keras 2 consumed elsewhere with ``new = kwargs.pop('old')`` (``Model.fit``'s ``nb_epoch``);
* the keywords each ``*_preprocessor`` pops without a plain rename (``RemovedKeyword``).

and asserts that ``KEYWORD_RENAMES`` + ``CHANGED_MEANING_KEYWORDS``, ``REMOVED_KEYWORDS`` and the owners of
``POSITIONAL_FORMS`` say exactly that: nothing missing, nothing invented.
"""

from __future__ import annotations

import ast
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Dict, FrozenSet, List, Optional, Set, Tuple

import pytest

from kerascheck.catalog import (
    CHANGED_MEANING_KEYWORDS,
    KEYWORD_RENAMES,
    POSITIONAL_FORMS,
    REMOVED_KEYWORDS,
)
from kerascheck.catalog.signatures import SIGNATURE_KEYWORD_RENAMES  # noqa: E402
from tests.conftest import fail_listing
from tests.keras_sources import (
    Definition,
    SourceUnavailable,
    StaticPackage,
    classes,
    decorator_names,
    parameters,
    wheel_tree,
)

INTERFACES_MODULE = "keras.legacy.interfaces"
# Public namespaces a Keras 2.2.4 class is canonically named after, in order of preference.
PUBLIC_MODULES = ("layers", "models")

# Renames Keras 2.2.4 made with `new = kwargs.pop("old")` outside the legacy interfaces: they are not in
# KEYWORD_RENAMES (the interfaces' table) but in catalog/signatures.py, with what each target does with the
# old keyword: tf.keras (keras 2.15.0) still accepts them with a warning (keras/src/datasets/imdb.py:99,
# keras/src/datasets/reuters.py:105, keras/src/callbacks.py:3064); Keras 3.15.1 imdb.load_data and
# ReduceLROnPlateau swallow them in **kwargs and ignore them; reuters.load_data raises TypeError.
NOT_CATALOGUED_RENAMES = {
    ("datasets.imdb.load_data", "nb_words"): "num_words",
    ("datasets.reuters.load_data", "nb_words"): "num_words",
    ("callbacks.ReduceLROnPlateau", "epsilon"): "min_delta",
}


@dataclass(frozen=True)
class Interface:
    name: str
    conversions: Tuple[Tuple[str, str], ...]
    value_conversions: Dict[str, Dict[object, object]]
    preprocessor: Optional[str]


@dataclass(frozen=True)
class Rename:
    new: str
    values: FrozenSet[Tuple[object, object]]
    origin: str  # where Keras 2.2.4 does it, for messages


@dataclass
class Keras224:
    package: StaticPackage
    interfaces: Dict[str, Interface]
    interface_owners: Dict[str, Set[str]]  # interface name -> canonical owners
    renames: Dict[Tuple[str, str], Rename]  # (owner, old) -> new
    kwargs_pop_renames: Dict[Tuple[str, str], Rename]
    popped_by_preprocessor: Dict[str, Set[str]]  # preprocessor name -> keywords it pops


# -------------------------------------------------------------------------------------------------
# Reading Keras 2.2.4
# -------------------------------------------------------------------------------------------------


def _read_interfaces(package: StaticPackage) -> Dict[str, Interface]:
    """Every ``legacy_* = generate_legacy_(method_)interface(...)`` with its literal arguments."""
    found = {}
    for statement in package.tree(INTERFACES_MODULE).body:
        if not (isinstance(statement, ast.Assign) and isinstance(statement.value, ast.Call)):
            continue
        call = statement.value
        if not (isinstance(call.func, ast.Name) and call.func.id.startswith("generate_legacy_")):
            continue
        keywords = {keyword.arg: keyword.value for keyword in call.keywords}
        conversions = ast.literal_eval(keywords["conversions"]) if "conversions" in keywords else []
        values = ast.literal_eval(keywords["value_conversions"]) if "value_conversions" in keywords else {}
        preprocessor = keywords.get("preprocessor")
        name = statement.targets[0].id  # type: ignore[attr-defined]
        found[name] = Interface(
            name=name,
            conversions=tuple((old, new) for old, new in conversions),
            value_conversions=values or {},
            preprocessor=preprocessor.id if isinstance(preprocessor, ast.Name) else None,
        )
    return found


def _functions(package: StaticPackage, module: str) -> Dict[str, ast.FunctionDef]:
    return {s.name: s for s in package.tree(module).body if isinstance(s, ast.FunctionDef)}


def _popped_keywords(function: ast.FunctionDef, functions: Dict[str, ast.FunctionDef], seen=()) -> Set[str]:
    """String keys of ``kwargs.pop('key', ...)`` in the function and the preprocessors it calls."""
    popped = set()
    for node in ast.walk(function):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if (
            isinstance(func, ast.Attribute)
            and func.attr == "pop"
            and isinstance(func.value, ast.Name)
            and func.value.id == "kwargs"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            popped.add(node.args[0].value)
        elif isinstance(func, ast.Name) and func.id in functions and func.id not in seen:
            popped |= _popped_keywords(functions[func.id], functions, seen + (function.name,))
    return popped


def _calls(function: ast.FunctionDef, functions: Dict[str, ast.FunctionDef]) -> Set[str]:
    """Names of the module's functions that ``function`` calls, transitively, itself included."""
    called = {function.name}
    for node in ast.walk(function):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in functions:
            if node.func.id not in called:
                called |= _calls(functions[node.func.id], functions)
    return called


def _canonical_class(package: StaticPackage, definition: Definition) -> Optional[str]:
    """``layers.Conv2D`` when the public ``keras.layers`` binds exactly this class, else ``models.X``/None."""
    name = definition.node.name  # type: ignore[attr-defined]
    for public in PUBLIC_MODULES:
        found = package.resolve(f"keras.{public}", name)
        if isinstance(found, Definition) and found.node is definition.node:
            return f"{public}.{name}"
    return None


def _all_classes(package: StaticPackage) -> List[Definition]:
    return [Definition(module, cls) for module in package.modules("keras") for cls in classes(package.tree(module))]


def _kwargs_pop_renames(package: StaticPackage) -> Dict[Tuple[str, str], Rename]:
    """``new = kwargs.pop('old')`` where ``new`` is a parameter of the enclosing function: a rename."""
    renames = {}
    for module in package.modules("keras"):
        if module == INTERFACES_MODULE:
            continue
        tree = package.tree(module)
        scopes: List[Tuple[Optional[ast.ClassDef], ast.FunctionDef]] = []
        for statement in tree.body:
            if isinstance(statement, ast.FunctionDef):
                scopes.append((None, statement))
            elif isinstance(statement, ast.ClassDef):
                scopes.extend((statement, s) for s in statement.body if isinstance(s, ast.FunctionDef))
        for cls, function in scopes:
            accepted = parameters(function)
            for node in ast.walk(function):
                if not (isinstance(node, ast.Assign) and isinstance(node.value, ast.Call)):
                    continue
                call = node.value
                if not (
                    isinstance(call.func, ast.Attribute)
                    and call.func.attr == "pop"
                    and isinstance(call.func.value, ast.Name)
                    and call.func.value.id == "kwargs"
                    and call.args
                    and isinstance(call.args[0], ast.Constant)
                ):
                    continue
                target = node.targets[0]
                if not (isinstance(target, ast.Name) and target.id in accepted):
                    continue
                relative = module[len("keras.") :]
                if cls is None:
                    owner = f"{relative}.{function.name}"
                elif function.name == "__init__":
                    owner = _canonical_class(package, Definition(module, cls)) or f"{relative}.{cls.name}"
                else:
                    owner = f".{function.name}"
                where = f"keras 2.2.4 {module.replace('.', '/')}.py:{node.lineno}"
                renames[(owner, call.args[0].value)] = Rename(target.id, frozenset(), where)
    return renames


def _read_keras224() -> Keras224:
    try:
        root = wheel_tree("keras", "2.2.4")
    except SourceUnavailable as error:
        pytest.skip(f"Keras 2.2.4 sources unavailable: {error}")
    package = StaticPackage(root)
    interfaces = _read_interfaces(package)

    # Which public owner each decorated method ends up on, through inheritance.
    all_classes = _all_classes(package)
    # id(the __init__ a public class runs) -> the public classes running it
    constructors: Dict[int, Set[str]] = defaultdict(set)
    for cls in all_classes:
        public = _canonical_class(package, cls)
        found = package.method(cls, "__init__") if public else None
        if found is not None:
            constructors[id(found[1])].add(public)
    owners: Dict[str, Set[str]] = defaultdict(set)
    for cls in all_classes:
        for statement in cls.node.body:  # type: ignore[attr-defined]
            if not isinstance(statement, ast.FunctionDef):
                continue
            for decorator in decorator_names(statement):
                if decorator not in interfaces:
                    continue
                if statement.name == "__init__":
                    owners[decorator] |= constructors.get(id(statement), set())
                else:
                    owners[decorator].add(f".{statement.name}")

    renames: Dict[Tuple[str, str], Rename] = {}
    for name, interface in interfaces.items():
        for owner in owners.get(name, ()):
            for old, new in interface.conversions:
                values = frozenset(interface.value_conversions.get(old, {}).items())
                renames[(owner, old)] = Rename(new, values, f"keras 2.2.4 {INTERFACES_MODULE} {name}")

    functions = _functions(package, INTERFACES_MODULE)
    popped = {
        name: _popped_keywords(function, functions)
        for name, function in functions.items()
        if name.endswith(("_preprocessor", "_preprocessing"))
    }
    return Keras224(package, interfaces, dict(owners), renames, _kwargs_pop_renames(package), popped)


@pytest.fixture(scope="module")
def keras224() -> Keras224:
    return _read_keras224()


def _catalogued_renames() -> Dict[Tuple[str, str], Tuple[str, FrozenSet, str]]:
    table = {}
    for fact in KEYWORD_RENAMES:
        for owner in fact.owners:
            table[(owner, fact.old)] = (fact.new, frozenset(fact.values), "KEYWORD_RENAMES")
    for fact in CHANGED_MEANING_KEYWORDS:
        for owner in fact.owners:
            table[(owner, fact.old)] = (fact.new, frozenset(), "CHANGED_MEANING_KEYWORDS")
    return table


# -------------------------------------------------------------------------------------------------
# The reading itself is sound
# -------------------------------------------------------------------------------------------------


def test_every_legacy_interface_is_read_and_applied(keras224):
    source = keras224.package.module_file(INTERFACES_MODULE).read_text(encoding="utf-8")
    declared = set(re.findall(r"^(legacy_\w+_support) = ", source, re.MULTILINE))
    assert declared and declared == set(keras224.interfaces), "interfaces parsed differ from those declared"
    unapplied = sorted(name for name in declared if not keras224.interface_owners.get(name))
    assert not unapplied, f"interfaces applied to no public class or method: {unapplied}"
    # A few owners the reading must find, or it is broken (inheritance, methods, engine classes).
    owners = keras224.interface_owners
    assert "layers.GlobalMaxPooling3D" in owners["legacy_global_pooling_support"]
    assert "models.Model" in owners["legacy_model_constructor_support"]
    assert "models.Sequential" not in owners["legacy_model_constructor_support"]
    assert owners["legacy_generator_methods_support"] == {".fit_generator", ".evaluate_generator", ".predict_generator"}
    assert owners["legacy_conv2d_support"] == {"layers.Conv2D", "layers.LocallyConnected2D"}


def test_kwargs_pop_renames_found_are_exactly_the_known_ones(keras224):
    """Keras 2.2.4's renames outside the interfaces: Model.fit's nb_epoch plus the allow-listed ones."""
    found = {key: rename.new for key, rename in keras224.kwargs_pop_renames.items()}
    expected = {(".fit", "nb_epoch"): "epochs", **NOT_CATALOGUED_RENAMES}
    assert found == expected
    signatures = {(owner, fact.old): fact.new for fact in SIGNATURE_KEYWORD_RENAMES for owner in fact.owners}
    assert all(signatures.get(key) == new for key, new in NOT_CATALOGUED_RENAMES.items())


# -------------------------------------------------------------------------------------------------
# The catalog against Keras 2.2.4
# -------------------------------------------------------------------------------------------------


def _expected_renames(keras224) -> Dict[Tuple[str, str], Rename]:
    expected = dict(keras224.renames)
    for key, rename in keras224.kwargs_pop_renames.items():
        if key not in NOT_CATALOGUED_RENAMES:
            expected[key] = rename
    return expected


def test_every_keras2_conversion_is_catalogued(keras224):
    catalogued = _catalogued_renames()
    problems = []
    for (owner, old), rename in _expected_renames(keras224).items():
        fact = catalogued.get((owner, old))
        if fact is None:
            problems.append(f"{owner}({old}=) -> {rename.new}=: missing ({rename.origin})")
        elif fact[0] != rename.new:
            problems.append(f"{owner}({old}=) -> {rename.new}=: catalogued as {fact[0]}= ({rename.origin})")
    fail_listing("Keras 2.2.4 keyword conversions missing from the catalog", problems)


def test_no_catalogued_rename_is_invented(keras224):
    expected = _expected_renames(keras224)
    problems = [
        f"{owner}({old}=) -> {new}= in {table}: Keras 2.2.4 does no such conversion"
        for (owner, old), (new, _, table) in _catalogued_renames().items()
        if (owner, old) not in expected
    ]
    fail_listing("catalogued renames without a Keras 2.2.4 source", problems)


def test_value_conversions_are_keras2s(keras224):
    problems = []
    expected = _expected_renames(keras224)
    for (owner, old), (_new, values, table) in _catalogued_renames().items():
        if (owner, old) in expected and table == "KEYWORD_RENAMES" and values != expected[(owner, old)].values:
            problems.append(
                f"{owner}({old}=): catalog values {sorted(values, key=repr)}, "
                f"Keras 2.2.4 {sorted(expected[(owner, old)].values, key=repr)}"
            )
    fail_listing("value conversions that differ from Keras 2.2.4", problems)


def test_no_keyword_is_both_renamed_and_changed_in_meaning():
    renamed = {(owner, f.old) for f in KEYWORD_RENAMES for owner in f.owners}
    changed = {(owner, f.old) for f in CHANGED_MEANING_KEYWORDS for owner in f.owners}
    assert not renamed & changed


def test_changed_meaning_keywords_are_the_ones_keras2_warns_about(keras224):
    """The preprocessor of the interface warns that these keywords changed meaning (samples -> steps)."""
    functions = _functions(keras224.package, INTERFACES_MODULE)
    problems = []
    for fact in CHANGED_MEANING_KEYWORDS:
        interfaces = {name for name, owners in keras224.interface_owners.items() if set(fact.owners) <= owners}
        preprocessors = [keras224.interfaces[name].preprocessor for name in interfaces]
        mentioned = set()
        for preprocessor in filter(None, preprocessors):
            mentioned |= {
                node.value
                for node in ast.walk(functions[preprocessor])
                if isinstance(node, ast.Constant) and isinstance(node.value, str)
            }
        text = " ".join(mentioned)
        if fact.old not in mentioned or fact.new not in text:
            problems.append(f"{fact.owners} {fact.old} -> {fact.new}: not in the warning of {preprocessors}")
    fail_listing("changed-meaning keywords Keras 2.2.4 does not warn about", problems)


def test_removed_keywords_are_exactly_what_the_preprocessors_pop(keras224):
    """A keyword a preprocessor pops, and that no conversion renames, is a RemovedKeyword -- and back."""
    expected = set()
    for name, interface in keras224.interfaces.items():
        if interface.preprocessor is None:
            continue
        renamed = {old for old, _ in interface.conversions}
        for owner in keras224.interface_owners.get(name, ()):
            for keyword in keras224.popped_by_preprocessor[interface.preprocessor] - renamed:
                expected.add((owner, keyword))
    catalogued = {(owner, fact.name) for fact in REMOVED_KEYWORDS for owner in fact.owners}
    problems = [f"{owner}({name}=): popped by Keras 2.2.4, not catalogued" for owner, name in expected - catalogued]
    problems += [f"{owner}({name}=): catalogued, but no preprocessor pops it" for owner, name in catalogued - expected]
    fail_listing("RemovedKeyword mismatches against Keras 2.2.4 preprocessors", problems)


def test_positional_forms_apply_where_their_preprocessor_runs(keras224):
    functions = _functions(keras224.package, INTERFACES_MODULE)
    problems = []
    for form in POSITIONAL_FORMS:
        preprocessor = re.search(r"\b(\w+_args_preprocessor)\b", form.source).group(1)
        owners = set()
        for name, interface in keras224.interfaces.items():
            if interface.preprocessor and preprocessor in _calls(functions[interface.preprocessor], functions):
                owners |= keras224.interface_owners.get(name, set())
        if set(form.owners) != owners:
            problems.append(
                f"{form.keras1} via {preprocessor}: catalog owners {sorted(form.owners)}, Keras 2.2.4 {sorted(owners)}"
            )
    fail_listing("positional forms whose owners differ from Keras 2.2.4", problems)
