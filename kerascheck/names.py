"""What a name in a module means, read from the module's own imports.

Resolution is syntactic (as in ruff): ``import keras as K``, ``from keras.layers import Conv2D as C``,
``from keras.layers import *``, ``import tensorflow as tf`` + ``tf.keras.layers.Dense``,
``from tensorflow import keras``, ``tf_keras``, ``tensorflow.python.keras`` and legacy submodules all
become a :class:`Reference`: which Keras implementation the object comes from and its canonical name.
Nothing is imported or inferred, so TensorFlow need not be installed; a name bound by anything but an
import (a ``def``, a ``class``, an assignment, a parameter) is the module's own and never resolves.
"""

from __future__ import annotations

import ast
from functools import lru_cache
from typing import AbstractSet, Dict, List, Optional, Set, Tuple

from kerascheck.record import Record

# The Keras implementations a module can use (FIELD-NOTES section D, "mixing").
KERAS = "keras"  # standalone Keras: 1.x/2.x, or Keras 3
TF_KERAS = "tf.keras"  # tensorflow.keras, tf.keras, tf.compat.v1.keras
TF_KERAS_PACKAGE = "tf_keras"  # the tf_keras package (Keras 2 kept alive for TF >= 2.16)
TF_PYTHON_KERAS = "tensorflow.python.keras"  # TensorFlow's private, stale copy
TENSORFLOW = "tensorflow"  # a TensorFlow object outside Keras (tf.nn.dropout)

KERAS_IMPLEMENTATIONS = (KERAS, TF_KERAS, TF_KERAS_PACKAGE, TF_PYTHON_KERAS)
TF1_COMPAT_KERAS = "tensorflow.compat.v1.keras"  # tf.keras's TF1 API (keras 2.15.0 keras/api/_v1/keras)

# Module prefixes, longest first, and the implementation plus the root their remainder hangs off.
_ROOTS: Tuple[Tuple[Tuple[str, ...], str], ...] = (
    (tuple(TF1_COMPAT_KERAS.split(".")), TF_KERAS),
    (("tensorflow", "compat", "v2", "keras"), TF_KERAS),
    (("tensorflow", "python", "keras"), TF_PYTHON_KERAS),
    (("tensorflow", "keras"), TF_KERAS),
    (("tensorflow",), TENSORFLOW),
    (("tf_keras",), TF_KERAS_PACKAGE),
    (("keras",), KERAS),
)


class Reference(Record):
    """A name that resolved to a Keras (or TensorFlow) object. A named tuple: rules look up catalog
    facts by it many times per module, and a tuple hashes in C."""

    dotted: str  # the full dotted path as imported: "keras.layers.convolutional.Convolution2D"
    implementation: str  # one of KERAS_IMPLEMENTATIONS, or TENSORFLOW
    path: Tuple[str, ...]  # below the implementation's root: ("layers", "convolutional", "Convolution2D")

    @property
    def is_keras(self) -> bool:
        return self.implementation != TENSORFLOW


@lru_cache(maxsize=65536)
def classify(dotted: str) -> Optional[Reference]:
    """The Keras implementation a dotted module path belongs to, or None if it is not Keras/TF."""
    parts = tuple(dotted.split("."))
    for prefix, implementation in _ROOTS:
        if parts[: len(prefix)] == prefix:
            return Reference(dotted, implementation, parts[len(prefix) :])
    return None


class Binding(Record):
    """One way a scope binds a name: an import of ``dotted``, an alias of ``value``, or anything else."""

    dotted: Optional[str] = None
    value: Optional[ast.expr] = None
    guarded: bool = False  # an import (or an alias) inside try/except ImportError
    # ``name = None``, as in ``try: import tensorflow as tf`` / ``except ImportError: tf = None``: a chain
    # through the name only works when another binding holds, so resolution looks past this one
    placeholder: bool = False
    # a module-level class with no decorator: its body's scope, whose aliases (``optimizer = keras.optimizers.Adam``)
    # a chain through the class reads (``Config.optimizer(…)``); the class itself is the module's own
    members: Optional[Scope] = None

    @property
    def is_own(self) -> bool:
        return self.dotted is None and self.value is None and not self.placeholder


OWN = Binding()  # a binding by anything but an import or an alias: a def, a class, an assignment, a parameter
PLACEHOLDER = Binding(placeholder=True)


class Scope:
    """A module, class, function, lambda or comprehension scope, and the names bound in it."""

    __slots__ = ("parent", "is_class", "is_function", "bindings", "star_imports")

    def __init__(self, parent: Optional[Scope], is_class: bool = False, is_function: bool = False) -> None:
        self.parent = parent
        self.is_class = is_class
        self.is_function = is_function
        self.bindings: Dict[str, List[Binding]] = {}
        self.star_imports: List[str] = []

    def bind(self, name: str, binding: Binding) -> None:
        self.bindings.setdefault(name, []).append(binding)


def dotted_chain(node: ast.expr) -> Optional[Tuple[str, List[str]]]:
    """``a.b.c`` as ("a", ["b", "c"]); None when the chain does not start at a plain name."""
    attrs: List[str] = []
    while isinstance(node, ast.Attribute):
        attrs.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    attrs.reverse()
    return node.id, attrs


class Resolver:
    """Resolves names and attribute chains, scope by scope, after all bindings are known."""

    _MAX_ALIAS_DEPTH = 8

    def __init__(
        self,
        is_known_star_name,
        star_binds=None,
        attributes_set: AbstractSet[str] = frozenset(),
        own_package: Optional[str] = None,
    ) -> None:
        """``is_known_star_name(reference)``: whether a star import of its module binds the name in some Keras;
        ``star_binds(module, name)``: whether that module binds the name on the target (None: not known);
        ``attributes_set``: the attribute names the module sets on some object (a class's member among them may
        not be what its body says); ``own_package``: the top-level package of the module (what its imports of
        the project's own modules start with: ``from keras_cv.src.backend import keras`` re-exports Keras)."""
        self._is_known_star_name = is_known_star_name
        self._star_binds = star_binds or (lambda module, name: None)
        self._attributes_set = attributes_set
        self._own_package = own_package
        self._names: Dict[Tuple[int, str], Optional[str]] = {}  # (id(scope), name) -> dotted, at depth 0
        # (id(scope), name) of names bound to two Keras implementations: ``if …: import keras`` /
        # ``else: from tensorflow import keras``, or an alias of such a name. Resolution picks the first,
        # but a use of the name is a use of either Keras, never of both.
        self._either: Set[Tuple[int, str]] = set()

    def resolve(self, node: ast.expr, scope: Scope, _depth: int = 0) -> Optional[Reference]:
        dotted = self.dotted(node, scope, _depth)
        return None if dotted is None else classify(dotted)

    def dotted(self, node: ast.expr, scope: Scope, _depth: int = 0) -> Optional[str]:
        """The full dotted name a chain stands for through the imports, of any package, or None."""
        chain = dotted_chain(node)
        if chain is None or _depth > self._MAX_ALIAS_DEPTH:
            return None
        root, attrs = chain
        if _depth:
            base = self._resolve_name(root, scope, _depth)
        else:
            key = (id(scope), root)
            if key not in self._names:
                self._names[key] = self._resolve_name(root, scope, 0)
            base = self._names[key]
        if base is None:
            if not attrs:
                return None
            base = self._class_member(root, attrs[0], scope, _depth)
            if base is None:
                return None
            attrs = attrs[1:]
        return ".".join([base, *attrs]) if attrs else base

    def _class_member(self, name: str, member: str, scope: Scope, depth: int) -> Optional[str]:
        """What ``name.member`` stands for when ``name`` is only a module-level class (see ``Binding.members``) whose
        body binds ``member`` once, to an alias (``class Config: optimizer = keras.optimizers.Adam``), and nothing
        in the module sets an attribute of that name: the alias's value."""
        owner = _binding_scope(name, scope)
        if owner is None or member in self._attributes_set:
            return None
        bindings = owner.bindings[name]
        members = bindings[0].members if len(bindings) == 1 else None
        found = members.bindings.get(member) if members is not None else None
        if members is None or found is None or len(found) != 1 or found[0].value is None:
            return None
        return self.dotted(found[0].value, members, depth + 1)

    def is_imported(self, name: str, scope: Scope) -> bool:
        """Whether ``name`` is bound by an import (of anything, Keras or not) where it is used."""
        owner = _binding_scope(name, scope)
        return owner is not None and any(binding.dotted is not None for binding in owner.bindings[name])

    def is_guarded(self, name: str, scope: Scope) -> bool:
        """Whether ``name`` is bound only by imports inside try/except ImportError."""
        owner = _binding_scope(name, scope)
        return owner is not None and all(binding.guarded for binding in owner.bindings[name] if not binding.placeholder)

    def has_none_fallback(self, name: str, scope: Scope) -> bool:
        """Whether ``name`` is bound only by imports inside try/except ImportError and by a ``name = None`` fallback
        (``try: from keras.preprocessing.text import Tokenizer`` / ``except ImportError: Tokenizer = None``)."""
        owner = _binding_scope(name, scope)
        if owner is None:
            return False
        bindings = owner.bindings[name]
        return any(binding.placeholder for binding in bindings) and all(
            binding.guarded for binding in bindings if not binding.placeholder
        )

    def guarded_alternatives(self, name: str, scope: Scope) -> List[str]:
        """What ``name`` is imported as, in order, when only imports inside try/except ImportError bind it (``try:
        from keras.layers import CuDNNLSTM`` / ``except ImportError: from keras.layers import LSTM as CuDNNLSTM``);
        none when anything else binds it."""
        owner = _binding_scope(name, scope)
        if owner is None:
            return []
        bindings = [binding for binding in owner.bindings[name] if not binding.placeholder]
        if not all(binding.guarded and binding.dotted is not None for binding in bindings):
            return []
        return [binding.dotted for binding in bindings if binding.dotted is not None]

    def is_either_keras(self, node: ast.expr, scope: Scope) -> bool:
        """Whether a resolved chain's first name is bound to two Keras implementations (see _either)."""
        if not self._either:  # almost always: a module imports one Keras
            return False
        root = dotted_chain(node)
        if root is None:
            return False
        owner = _binding_scope(root[0], scope)
        return owner is not None and (id(owner), root[0]) in self._either

    def alternatives(self, node: ast.expr, scope: Scope) -> List[str]:
        """What a chain whose first name is bound to either Keras (see :meth:`is_either_keras`) stands for through
        each import that binds the name, in order (``keras.backend.sqrt``, ``tensorflow.keras.backend.sqrt``)."""
        chain = dotted_chain(node)
        owner = None if chain is None else _binding_scope(chain[0], scope)
        if chain is None or owner is None:
            return []
        rest = chain[1]
        found: List[str] = []
        for binding in owner.bindings[chain[0]]:
            if binding.dotted is not None:
                dotted = ".".join([binding.dotted, *rest])
                if dotted not in found:
                    found.append(dotted)
        return found

    def _resolve_name(self, name: str, scope: Scope, depth: int) -> Optional[str]:
        owner = _binding_scope(name, scope)
        if owner is not None:
            dotted, implementations = self._from_bindings(owner.bindings[name], owner, depth)
            if len(implementations) > 1:
                self._either.add((id(owner), name))
            return dotted
        module_scope = scope
        while module_scope.parent is not None:
            module_scope = module_scope.parent
        return self._from_star_imports(name, module_scope)

    def _from_bindings(self, bindings: List[Binding], scope: Scope, depth: int) -> Tuple[Optional[str], Set[str]]:
        """The dotted name the bindings agree on (the first, when imports differ), and the Keras
        implementations they bind."""
        resolved, implementations = None, set()
        # an import, outside try/except ImportError, of another package's name (no Keras or TensorFlow one, nor one
        # of the module's own package, which may re-export Keras)
        foreign = False
        for binding in bindings:
            if binding.is_own:
                return None, set()
            if binding.placeholder:
                continue
            dotted: Optional[str]
            if binding.dotted is not None:
                dotted = binding.dotted
                if not binding.guarded and classify(dotted) is None and dotted.split(".")[0] != self._own_package:
                    foreign = True
            else:
                value = binding.value
                if value is None:  # never: a binding with neither is the scope's own (is_own)
                    return None, set()
                dotted = self.dotted(value, scope, depth + 1)
                if dotted is None:
                    return None, set()
                if self.is_either_keras(value, scope):
                    implementations |= {KERAS, TF_KERAS}  # an alias of a name bound to either Keras
            reference = classify(dotted)
            if reference is not None and reference.implementation in KERAS_IMPLEMENTATIONS:
                implementations.add(reference.implementation)
            resolved = resolved or dotted
        if foreign and resolved is not None and classify(resolved) is not None:
            # ``from tensorflow.keras import metrics`` … ``from sklearn import metrics``: which one a use sees depends
            # on where it stands, as for a name the module assigns itself (triage 14)
            return None, set()
        return resolved, implementations

    def _from_star_imports(self, name: str, module_scope: Scope) -> Optional[str]:
        """The last star import that binds the name on the target (a later one rebinds it), else the last that
        bound it in some Keras (a name the target lost: what the code meant)."""
        meant = None
        for module in reversed(module_scope.star_imports):
            candidate = f"{module}.{name}"
            reference = classify(candidate)
            if reference is None:
                return None  # a star import of another module may bind any name: unknown, never guessed
            binds = self._star_binds(module, name)
            if binds:
                return candidate
            if binds is None and self._is_known_star_name(reference):
                return candidate
            if binds is False and meant is None and self._is_known_star_name(reference):
                meant = candidate  # ``keras.models.Input`` (Keras 2.0–2.3) after ``from keras.layers import *``
        return meant


def _binding_scope(name: str, scope: Scope) -> Optional[Scope]:
    """The scope whose binding of ``name`` a use in ``scope`` sees (class bodies are skipped by
    nested functions, as in Python)."""
    current: Optional[Scope] = scope
    first = True
    while current is not None:
        if (first or not current.is_class) and name in current.bindings:
            return current
        first = False
        current = current.parent
    return None
