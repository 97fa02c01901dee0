"""Does migrated code construct? Fix Keras 1 code with kerascheck, then build every Keras call in it.

For each target, copies the given files or folders, runs ``kerascheck --fix --unsafe-fixes
--keras-target T`` on the copy, finds every Keras constructor call (layers, optimizers, callbacks,
regularizers, initializers, constraints, ``Sequential``), resolved through the module's imports by
kerascheck's own name resolution, and constructs each one in the target's real Keras (see
``construct_probe.py``), before and after the fix::

    python scripts/construct_calls.py /work/corpus/src/keras-1.2.2-examples \\
        /work/corpus/src/keras-1.2.2-applications examples/keras1_functional.py

Keras 3 runs in this script's Python; tf.keras in ``$KERASCHECK_TF215_PYTHON`` (default
``/work/venvs/tf215/bin/python``), a Python with ``tensorflow==2.15.*``. ``--show`` lists the calls that
still fail after the fix. Exit status 0; this is a measurement, not a test.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Dict, Iterator, List, NamedTuple, Optional, Sequence, Tuple

from kerascheck import catalog
from kerascheck.catalog.model import Target
from kerascheck.config import Settings
from kerascheck.context import Context
from kerascheck.rules import rules_for
from kerascheck.text import split_lines

PROBE = Path(__file__).resolve().with_name("construct_probe.py")
TF215_ENV = "KERASCHECK_TF215_PYTHON"
DEFAULT_TF215 = "/work/venvs/tf215/bin/python"
_CONSTRUCTED_MODULES = ("layers", "optimizers", "callbacks", "regularizers", "initializers", "constraints")
_FUNCTION_MODULES = ("regularizers", "initializers", "constraints")  # l2(0.01) builds an object too
_CONSTRUCTED_FUNCTIONS = frozenset({"layers.merge"})  # a Keras 1 layer factory: missing is a failure
# Layers whose third positional binds `strides` on tf.keras and Keras 3 (and kernel sizes in Keras 1).
_STRIDE_THIRD = frozenset(
    f"layers.{name}"
    for name in ("Conv2D", "Convolution2D", "SeparableConv2D", "SeparableConvolution2D", "Conv2DTranspose",
                 "Deconvolution2D", "ConvLSTM2D", "LocallyConnected2D", "Conv3D", "Convolution3D")
)  # fmt: skip


class KerasCall(NamedTuple):
    path: str
    line: int
    name: str  # canonical: "layers.Conv2D"
    args: Tuple[Tuple[str, str], ...]  # ("literal", repr) or ("expression", source)
    keywords: Tuple[Tuple[str, Tuple[str, str]], ...]

    def as_json(self) -> dict:
        return {"name": self.name, "args": self.args, "keywords": self.keywords}

    @property
    def positional_stride(self) -> bool:
        """``Conv2D(n, k, k)``: a third positional that the target binds to ``strides``, unless it is
        ``Conv2D(n, 1, 1)`` (kernel 1, stride 1: the same layer as ``Conv2D(n, (1, 1))``)."""
        if self.name not in _STRIDE_THIRD or len(self.args) <= 2:
            return False
        ones = all(argument == ("literal", "1") for argument in self.args[1:3])
        return not (ones and not any(name in ("strides", "subsample") for name, _ in self.keywords))


def _argument(node: ast.expr, source: str) -> Tuple[str, str]:
    try:
        return "literal", repr(ast.literal_eval(node))
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return "expression", ast.get_source_segment(source, node) or ""


def _constructed(name: str) -> bool:
    module, _, short = name.rpartition(".")
    if name in _CONSTRUCTED_FUNCTIONS or name == "models.Sequential":
        return True
    return module in _CONSTRUCTED_MODULES and (short[:1].isupper() or module in _FUNCTION_MODULES)


def keras_calls(source: str, path: str = "<source>", target: Target = Target.KERAS3) -> Iterator[KerasCall]:
    """The Keras constructor calls of a module, resolved through its imports. Calls that unpack
    ``*args`` or ``**kwargs`` are left out: their arguments cannot be known."""
    tree = ast.parse(source)
    ctx = Context(tree, split_lines(source), Settings(target=target), methods=rules_for(target).methods)
    for node in ctx.index.calls:
        reference = ctx.reference(node.func)
        if reference is None or not reference.is_keras:
            continue
        name = catalog.canonical_name(reference)
        if not _constructed(name):
            continue
        if any(isinstance(arg, ast.Starred) for arg in node.args) or any(k.arg is None for k in node.keywords):
            continue
        args = tuple(_argument(arg, source) for arg in node.args)
        keywords = tuple((k.arg, _argument(k.value, source)) for k in node.keywords)
        yield KerasCall(path, node.lineno, name, args, keywords)


def python_files(paths: Sequence[Path]) -> List[Path]:
    found: List[Path] = []
    for path in paths:
        found += sorted(path.rglob("*.py")) if path.is_dir() else [path]
    return found


def calls_in(root: Path, files: Sequence[Path], target: Target) -> List[KerasCall]:
    calls: List[KerasCall] = []
    for file in files:
        try:
            source = file.read_text(encoding="utf-8")
            calls += keras_calls(source, str(file.relative_to(root)), target)
        except SyntaxError:
            continue  # Python 2 code: kerascheck cannot fix it either
    return calls


def construct(calls: Sequence[KerasCall], target: Target, python: str) -> List[dict]:
    """Each call's result in the real Keras of ``target``, run by ``python``."""
    environment = {**os.environ, "KERAS_BACKEND": os.environ.get("KERAS_BACKEND", "numpy")}
    with tempfile.TemporaryDirectory(prefix="kerascheck-construct-") as workdir:
        done = subprocess.run(
            [python, str(PROBE), target.value],
            input=json.dumps([call.as_json() for call in calls]),
            capture_output=True,
            text=True,
            check=True,
            cwd=workdir,
            env=environment,
        )
    return json.loads(done.stdout)


_KERAS_RELATIVE = re.compile(r"^(\s*)from \.\.(\w*)", re.MULTILINE)


def _as_user_code(text: str) -> str:
    """Keras's own modules (the applications) import ``from ..layers``: as a user's copy, ``keras.layers``."""
    return _KERAS_RELATIVE.sub(lambda m: f"{m.group(1)}from keras{'.' if m.group(2) else ''}{m.group(2)}", text)


def copy_as_user_code(paths: Sequence[Path], workdir: Path) -> List[Path]:
    copies = []
    for index, path in enumerate(paths):
        copy = workdir / f"{index}-{path.name}"
        if path.is_dir():
            shutil.copytree(path, copy)
        else:
            shutil.copy(path, copy)
        for file in python_files([copy]):
            file.write_text(_as_user_code(file.read_text(encoding="utf-8")), encoding="utf-8")
        copies.append(copy)
    return copies


def fix(copies: Sequence[Path], target: Target) -> None:
    """Fix ``copies`` in place with ``--fix --unsafe-fixes`` for ``target``."""
    command = [sys.executable, "-m", "kerascheck", "--fix", "--unsafe-fixes", "--keras-target", target.value]
    subprocess.run(command + [str(copy) for copy in copies], capture_output=True, text=True, check=False)


class Measure(NamedTuple):
    calls: int
    failing: List[Tuple[KerasCall, str]]
    strided: List[KerasCall]  # Conv2D(n, k, k): a third positional the target binds to strides


def measure(roots: Sequence[Path], target: Target, python: str) -> Measure:
    calls: List[KerasCall] = []
    for root in roots:
        calls += calls_in(root.parent, python_files([root]), target)
    results = construct(calls, target, python)
    failing = [(call, result["error"]) for call, result in zip(calls, results) if not result["ok"]]
    return Measure(len(calls), failing, [call for call in calls if call.positional_stride])


def tf215_python() -> Optional[str]:
    python = os.environ.get(TF215_ENV) or DEFAULT_TF215
    return python if Path(python).exists() else None


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--show", action="store_true", help="list the calls that still fail after the fix")
    options = parser.parse_args(argv)
    pythons: Dict[Target, Optional[str]] = {Target.KERAS3: sys.executable, Target.TF_KERAS: tf215_python()}
    rows = []
    for target, python in pythons.items():
        if python is None:
            print(f"{target.value}: no Python with TensorFlow 2.15 (set {TF215_ENV}); skipped")
            continue
        with tempfile.TemporaryDirectory(prefix="kerascheck-fixed-") as workdir:
            copies = copy_as_user_code(options.paths, Path(workdir))
            before = measure(copies, target, python)
            fix(copies, target)
            after = measure(copies, target, python)
        rows.append((target, before, after))
        if options.show:
            for call, error in after.failing:
                print(f"{target.value}  {call.path}:{call.line}  {call.name}  {error}")
            for call in after.strided:
                print(f"{target.value}  {call.path}:{call.line}  {call.name}  positional strides: {call.args}")
    print("| target | Keras calls | fail before | fail after | positional strides before | after |")
    print("|---|---|---|---|---|---|")
    for target, before, after in rows:
        print(
            f"| {target.value} | {before.calls} / {after.calls} | {len(before.failing)} | {len(after.failing)} "
            f"| {len(before.strided)} | {len(after.strided)} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
