"""Run ``kerascheck --fix`` over a copy of a corpus and check every file it changed (issue 12).

For each target (tf.keras, keras3) and mode (safe, ``--unsafe-fixes``): copy the corpus to a temporary
folder, fix it, then for every changed ``.py`` file check that it still compiles (when it did), uses no
name that nothing binds (that was bound before), imports no Keras module or name the target lacks (on
the import statements the fix changed), and binds the same names by its imports, up to the renames
the fix made (an old name gone from the file, a new one in its place).

    python bench/fix_corpus.py [/work/corpus/src] [--kerascheck DIR]   # DIR: another checkout to fix with
"""

from __future__ import annotations

import ast
import filecmp
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Dict, List, Set

from kerascheck.catalog.model import Target
from kerascheck.catalog.modules import missing_import
from kerascheck.guards import compiles, unbound_names


def _imports(tree: ast.AST) -> Dict[str, ast.stmt]:
    return {ast.unparse(node): node for node in ast.walk(tree) if isinstance(node, (ast.Import, ast.ImportFrom))}


def _bound(tree: ast.AST) -> Set[str]:
    return {
        alias.asname or alias.name.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, (ast.Import, ast.ImportFrom))
        for alias in node.names
    }


def check_file(before: str, after: str, target: Target) -> List[str]:
    problems = []
    if compiles(before) is None and compiles(after) is not None:
        problems.append(f"does not compile: {compiles(after)}")
        return problems
    old, new = ast.parse(before), ast.parse(after)
    old_unbound, new_unbound = unbound_names(old), unbound_names(new)
    if old_unbound is not None and new_unbound is not None and new_unbound - old_unbound:
        problems.append(f"gains unbound names {sorted(new_unbound - old_unbound)}")
    old_imports = _imports(old)
    for text, node in _imports(new).items():
        if text not in old_imports and (reason := missing_import(node, target)):
            problems.append(reason)
    gone, added = _bound(old) - _bound(new), _bound(new) - _bound(old)
    used = {node.id for node in ast.walk(new) if isinstance(node, ast.Name)}
    for name in gone & used:
        problems.append(f"`{name}` no longer imported but still used")
    if len(added) > len(gone):
        problems.append(f"imports new names {sorted(added)}")
    return problems


def run(corpus: Path, target: Target, unsafe: bool, environment: dict) -> None:
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "corpus"
        shutil.copytree(corpus, copy, symlinks=True)
        command = [sys.executable, "-m", "kerascheck", "--no-config", "--keras-target", target.value, "--fix"]
        result = subprocess.run(
            command + (["--unsafe-fixes"] if unsafe else []) + ["."],
            cwd=copy,
            capture_output=True,
            text=True,
            env=environment,
        )
        summary = next((line for line in reversed(result.stdout.splitlines()) if line.startswith("Fixed")), "")
        changed, problems = 0, 0
        for path in sorted(corpus.rglob("*.py")):
            fixed = copy / path.relative_to(corpus)
            if not fixed.exists() or filecmp.cmp(path, fixed, shallow=False):
                continue
            changed += 1
            before = path.read_text(encoding="utf-8", errors="replace")
            after = fixed.read_text(encoding="utf-8", errors="replace")
            for problem in check_file(before, after, target):
                problems += 1
                print(f"  {path.relative_to(corpus)}: {problem}")
        mode = "--fix --unsafe-fixes" if unsafe else "--fix"
        print(f"{target.value:9} {mode:21} changed files: {changed:4}  problems: {problems}  ({summary})")


def main() -> None:
    import argparse
    import os

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default="/work/corpus/src")
    parser.add_argument("--kerascheck", help="a checkout whose kerascheck does the fixing (default: this one)")
    args = parser.parse_args()
    environment = dict(os.environ, **({"PYTHONPATH": args.kerascheck} if args.kerascheck else {}))
    for target in (Target.TF_KERAS, Target.KERAS3):
        for unsafe in (False, True):
            run(Path(args.corpus), target, unsafe, environment)


if __name__ == "__main__":
    main()
