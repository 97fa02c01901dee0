"""Check a fixed copy of a corpus against the real Keras of its target (issue 12), independently of
kerascheck's own tables: every changed ``.py`` file (and notebook code cell) must compile under the
target's Python when the original did, and every import statement the fix added or changed must run
in a real environment of the target (TF 2.15's ``tensorflow.keras``; Keras 3 with the jax backend).
A name an import no longer binds must no longer be used (a rename followed every use). For target keras3
``tensorflow.keras`` is run as ``keras._tf_keras.keras``, the module TensorFlow >= 2.16 serves it from when
Keras 3 is installed (no TensorFlow is needed for the check).

    python bench/fix_corpus_real.py ORIGINAL FIXED --target tf.keras --python /work/venvs/tf215/bin/python
    python bench/fix_corpus_real.py ORIGINAL FIXED --target keras3 --python .venv/bin/python
"""

from __future__ import annotations

import argparse
import ast
import filecmp
import json
import os
import re
import subprocess
from pathlib import Path
from typing import Dict, List, Set, Tuple

# Run by the target's Python: compile each file, run each import, print what failed as JSON.
PROBE = r"""
import json, sys, warnings
warnings.simplefilter("ignore")
job = json.load(sys.stdin)
out = {"compile": {}, "imports": {}}
for name, text in job["sources"].items():
    try:
        compile(text, name, "exec", dont_inherit=True)
    except (SyntaxError, ValueError) as error:
        out["compile"][name] = f"{type(error).__name__}: {error}"
for statement in job["imports"]:
    try:
        exec(statement, {})
    except Exception as error:
        out["imports"][statement] = f"{type(error).__name__}: {error}"
print(json.dumps(out))
"""
KERAS_ROOTS = ("keras", "tensorflow", "tf_keras")


def _code(path: Path) -> List[str]:
    """A ``.py`` file's text, or a notebook's code cells (magics and shell lines blanked)."""
    text = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix != ".ipynb":
        return [text]
    try:
        cells = json.loads(text).get("cells", [])
    except ValueError:
        return []
    found = []
    for cell in cells:
        if cell.get("cell_type") == "code":
            source = cell.get("source", "")
            source = "".join(source) if isinstance(source, list) else source
            found.append("\n".join("" if line.lstrip().startswith(("%", "!")) else line for line in source.split("\n")))
    return found


def _imports(tree: ast.AST) -> Set[str]:
    return {ast.unparse(node) for node in ast.walk(tree) if isinstance(node, (ast.Import, ast.ImportFrom))}


def _bound_by_imports(tree: ast.AST) -> Set[str]:
    return {
        alias.asname or alias.name.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, (ast.Import, ast.ImportFrom))
        for alias in node.names
    }


def _parse(text: str):
    try:
        return ast.parse(text)
    except (SyntaxError, ValueError):
        return None


def compare(original: Path, fixed: Path) -> Tuple[Dict[str, str], Dict[str, str], Set[str], List[str]]:
    """(original sources, fixed sources, new Keras import statements, problems found here)."""
    before, after, new_imports, problems = {}, {}, set(), []
    for path in sorted(original.rglob("*")):
        if path.suffix not in (".py", ".ipynb") or not path.is_file():
            continue
        other = fixed / path.relative_to(original)
        if not other.exists() or filecmp.cmp(path, other, shallow=False):
            continue
        old_parts, new_parts = _code(path), _code(other)
        for index, (old, new) in enumerate(zip(old_parts, new_parts)):
            if old == new:
                continue
            name = f"{path.relative_to(original)}" + (f"[cell {index}]" if path.suffix == ".ipynb" else "")
            before[name], after[name] = old, new
            old_tree, new_tree = _parse(old), _parse(new)
            if old_tree is None or new_tree is None:
                continue
            for statement in _imports(new_tree) - _imports(old_tree):
                root = statement.split()[1].split(".")[0]
                if statement.startswith("from .") or root not in KERAS_ROOTS:
                    problems.append(f"{name}: a non-Keras import changed: {statement}")
                else:
                    new_imports.add(statement)
            used = {node.id for node in ast.walk(new_tree) if isinstance(node, ast.Name)}
            for gone in sorted((_bound_by_imports(old_tree) - _bound_by_imports(new_tree)) & used):
                problems.append(f"{name}: `{gone}` is no longer imported but still used")
    return before, after, new_imports, problems


def probe(python: str, sources: Dict[str, str], imports: Set[str], target: str = "") -> dict:
    if target == "keras3":  # TF >= 2.16's tf.keras is Keras 3's keras._tf_keras.keras
        imports = {re.sub(r"\btensorflow\.keras\b", "keras._tf_keras.keras", each) for each in imports}
    job = json.dumps({"sources": sources, "imports": sorted(imports)})
    environment = dict(os.environ, KERAS_BACKEND="jax", TF_CPP_MIN_LOG_LEVEL="3")
    result = subprocess.run([python, "-c", PROBE], input=job, capture_output=True, text=True, env=environment)
    if result.returncode:
        raise SystemExit(f"the probe failed: {result.stderr[-2000:]}")
    return json.loads(result.stdout.splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("original", type=Path)
    parser.add_argument("fixed", type=Path)
    parser.add_argument("--target", required=True, choices=["tf.keras", "keras3"])
    parser.add_argument("--python", required=True, help="a Python with the target's real Keras installed")
    args = parser.parse_args()
    before, after, imports, problems = compare(args.original, args.fixed)
    old_run, new_run = probe(args.python, before, set()), probe(args.python, after, imports, args.target)
    failed_compiles = sorted(set(new_run["compile"]) - set(old_run["compile"]))
    files = {name.split("[cell")[0] for name in after}
    print(f"target {args.target}: {len(files)} changed files ({len(after)} changed sources)")
    print(f"  compile failures (compiled before): {len(failed_compiles)}")
    for name in failed_compiles:
        print(f"    {name}: {new_run['compile'][name]}")
    print(f"  new Keras import statements: {len(imports)}, failing on the target: {len(new_run['imports'])}")
    for statement, error in sorted(new_run["imports"].items()):
        print(f"    {statement}: {error}")
    print(f"  other problems: {len(problems)}")
    for problem in problems:
        print(f"    {problem}")


if __name__ == "__main__":
    main()
