"""Measure one version of kerascheck even while its source is being edited.

``make_snapshot`` copies the ``kerascheck`` package that the venv imports into
``bench/.results/snapshot/<hash>/kerascheck``; run with ``PYTHONPATH`` set to that folder, every tool
(the ``kerascheck`` command, the flake8 plugin through its entry point, the pylint plugin) imports the
copy, which nobody edits. ``fingerprint`` names what is imported: a hash of the package's files, its
version and folder.

Standard library only (Python >= 3.9).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Dict, Optional, Tuple

HERE = Path(__file__).resolve().parent
SNAPSHOTS = HERE / ".results" / "snapshot"

FINGERPRINT_SCRIPT = r"""
import hashlib, pathlib, kerascheck
root = pathlib.Path(kerascheck.__file__).parent
digest = hashlib.sha256()
for path in sorted(root.rglob("*.py")):
    digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
print(digest.hexdigest()[:16], getattr(kerascheck, "__version__", "?"), root)
"""


def fingerprint(python: str, env: Optional[Dict[str, str]] = None) -> Tuple[str, str, Path]:
    """(hash, version, package folder) of the kerascheck that ``python`` imports under ``env``."""
    SNAPSHOTS.mkdir(parents=True, exist_ok=True)  # also the working folder: not one holding a kerascheck/
    result = subprocess.run(
        [python, "-c", FINGERPRINT_SCRIPT],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
        cwd=str(SNAPSHOTS),
    )
    fields = result.stdout.split()
    if result.returncode != 0 or len(fields) < 3:
        raise RuntimeError(f"cannot import kerascheck with {python}:\n{result.stdout[-2000:]}")
    return fields[0], fields[1], Path(" ".join(fields[2:]))


def git_head(repo: Path) -> str:
    result = subprocess.run(["git", "-C", str(repo), "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    return result.stdout.strip() if result.returncode == 0 else "?"


def make_snapshot(python: str) -> Tuple[Path, str]:
    """Copy the kerascheck package ``python`` imports; return (folder for PYTHONPATH, description).
    The copy is named by the hash of what was copied, so it is consistent even if the source was being
    edited while it was copied."""
    _, version, package = fingerprint(python)
    SNAPSHOTS.mkdir(parents=True, exist_ok=True)
    temporary = SNAPSHOTS / f".copy-{os.getpid()}"
    shutil.rmtree(temporary, ignore_errors=True)
    shutil.copytree(package, temporary / "kerascheck", ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    digest, _, imported = fingerprint(python, dict(os.environ, PYTHONPATH=str(temporary)))
    if imported.parent != temporary:
        shutil.rmtree(temporary, ignore_errors=True)
        raise RuntimeError(f"PYTHONPATH={temporary} does not win over the installed kerascheck ({imported})")
    target = SNAPSHOTS / digest
    if target.is_dir():
        shutil.rmtree(temporary)
    else:
        os.replace(temporary, target)
    return target, f"{digest} {version}, copied from {package} (git {git_head(package.parent)}) to {target}"
