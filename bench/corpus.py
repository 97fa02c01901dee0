"""Build the benchmark corpora from PyPI, by pinned version, into a cache (``bench/.corpus/``).

Each corpus is ``pip download --no-deps``-ed (never installed) and only its Python files are
unpacked, under ``bench/.corpus/src/<name>/``. A corpus is built once; a marker file records the
pinned spec, so changing a pin rebuilds it.

    python bench/corpus.py                 # the benchmark corpora
    python bench/corpus.py --with-sweep    # also the tensorflow-cpu wheel's Python tree
    python bench/corpus.py --list          # what is known and where it lives

Standard library only (Python >= 3.9).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path, PurePosixPath
from typing import Dict, List, NamedTuple, Optional, Sequence, Tuple

HERE = Path(__file__).resolve().parent
CACHE = HERE / ".corpus"
DOWNLOADS = CACHE / "downloads"
SOURCES = CACHE / "src"
SUFFIXES = (".py", ".pyi")


class Spec(NamedTuple):
    name: str  # the corpus name used by run.py / sweep.py
    requirement: str  # a pinned pip requirement
    kind: str  # "wheel" or "sdist"
    role: str  # a few words for the report
    fallbacks: Tuple[str, ...] = ()  # other pins to try, in order, if the first is not available


BENCH_CORPORA: Tuple[Spec, ...] = (
    Spec("keras3", "keras==3.15.1", "wheel", "Keras 3 (Keras-heavy)"),
    Spec("tf-keras", "tf-keras==2.15.0", "wheel", "tf.keras 2.15 (Keras 2)"),
    Spec("keras1", "Keras==1.2.2", "sdist", "Keras 1.2.2 (legacy)"),
    Spec("keras2", "keras==2.2.4", "wheel", "Keras 2.2.4 (legacy)"),
    Spec("sklearn", "scikit-learn==1.5.2", "wheel", "scikit-learn (non-Keras control)"),
)
SWEEP_CORPORA: Tuple[Spec, ...] = (
    Spec(
        "tensorflow-cpu",
        "tensorflow-cpu==2.15.1",
        "wheel",
        "TensorFlow 2.15 Python tree",
        fallbacks=("tensorflow-cpu==2.15.0.post1", "tensorflow-cpu==2.15.0", "tensorflow-cpu==2.16.2"),
    ),
)
ALL_CORPORA: Dict[str, Spec] = {spec.name: spec for spec in BENCH_CORPORA + SWEEP_CORPORA}


def log(message: str) -> None:
    print(f"[corpus] {message}", file=sys.stderr, flush=True)


def source_dir(name: str) -> Path:
    return SOURCES / name


def _marker(name: str) -> Path:
    return SOURCES / f"{name}.complete"


def is_built(spec: Spec) -> bool:
    marker = _marker(spec.name)
    return marker.is_file() and marker.read_text().split("\n", 1)[0] in (spec.requirement,) + spec.fallbacks


def built_requirement(spec: Spec) -> Optional[str]:
    marker = _marker(spec.name)
    return marker.read_text().split("\n", 1)[0] if marker.is_file() else None


def _pip_download(requirement: str, kind: str, dest: Path, python: str) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    before = set(dest.iterdir())
    command = [python, "-m", "pip", "download", "--no-deps", "--disable-pip-version-check", "--dest", str(dest)]
    if kind == "wheel":
        command += ["--only-binary=:all:"]
    else:
        # An sdist: pip still prepares its metadata (setup.py egg_info) but installs nothing.
        command += ["--no-binary=:all:"]
    command.append(requirement)
    log(" ".join(command[1:]))
    result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"pip download {requirement} failed:\n{result.stdout[-3000:]}")
    new = sorted(set(dest.iterdir()) - before)
    candidates = new or sorted(dest.iterdir())
    archives = [p for p in candidates if p.name.endswith((".whl", ".tar.gz", ".zip", ".tgz", ".tar.bz2"))]
    if not archives:
        raise RuntimeError(f"pip download {requirement}: no archive in {dest}")
    return archives[-1]


def _safe_relative(member: str) -> Optional[PurePosixPath]:
    path = PurePosixPath(member)
    if path.is_absolute() or ".." in path.parts or not path.parts:
        return None
    return path


def _unpack(archive: Path, target: Path) -> int:
    """Extract only the .py/.pyi files of ``archive`` into ``target``; return how many."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    count = 0
    if archive.name.endswith((".whl", ".zip")):
        with zipfile.ZipFile(archive) as zipped:
            for info in zipped.infolist():
                relative = _safe_relative(info.filename)
                if relative is None or info.is_dir() or not relative.name.endswith(SUFFIXES):
                    continue
                out = target.joinpath(*relative.parts)
                out.parent.mkdir(parents=True, exist_ok=True)
                with zipped.open(info) as src, open(out, "wb") as dst:
                    shutil.copyfileobj(src, dst)
                count += 1
    else:
        with tarfile.open(archive) as tarred:
            for member in tarred.getmembers():
                relative = _safe_relative(member.name)
                if relative is None or not member.isfile() or not relative.name.endswith(SUFFIXES):
                    continue
                out = target.joinpath(*relative.parts)
                out.parent.mkdir(parents=True, exist_ok=True)
                src = tarred.extractfile(member)
                if src is None:
                    continue
                with src, open(out, "wb") as dst:
                    shutil.copyfileobj(src, dst)
                count += 1
    return count


def build(spec: Spec, python: str = sys.executable, force: bool = False) -> Path:
    """Download and unpack one corpus (cached); return its source folder."""
    target = source_dir(spec.name)
    if is_built(spec) and not force and target.is_dir():
        return target
    errors = []
    for requirement in (spec.requirement,) + spec.fallbacks:
        download_dir = DOWNLOADS / spec.name / requirement.replace("==", "-")
        try:
            existing = [p for p in download_dir.iterdir()] if download_dir.is_dir() else []
            archive = existing[0] if len(existing) == 1 else _pip_download(requirement, spec.kind, download_dir, python)
        except RuntimeError as error:
            errors.append(str(error))
            log(f"{requirement}: not available, trying the next pin")
            continue
        count = _unpack(archive, target)
        _marker(spec.name).write_text(f"{requirement}\n{archive.name}\n{count} files\n")
        log(f"{spec.name}: {requirement} -> {target} ({count} Python files)")
        if requirement != spec.requirement:
            log(f"NOTE: {spec.name} uses {requirement} instead of {spec.requirement}")
        return target
    raise RuntimeError(f"{spec.name}: no pin could be downloaded:\n" + "\n".join(errors))


def ensure(names: Sequence[str], python: str = sys.executable) -> Dict[str, Path]:
    return {name: build(ALL_CORPORA[name], python) for name in names}


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--with-sweep", action="store_true", help="also build the sweep-only corpora (tensorflow-cpu)")
    parser.add_argument("--corpus", action="append", choices=sorted(ALL_CORPORA), help="build only these")
    parser.add_argument("--force", action="store_true", help="re-unpack even if cached")
    parser.add_argument("--list", action="store_true", help="list the corpora and their state")
    args = parser.parse_args(argv)
    if args.list:
        for spec in ALL_CORPORA.values():
            state = built_requirement(spec) or "not built"
            print(f"{spec.name:15} {spec.requirement:26} {spec.kind:6} {state:26} {spec.role}")
        return 0
    names: List[str] = args.corpus or [s.name for s in BENCH_CORPORA + (SWEEP_CORPORA if args.with_sweep else ())]
    for name in names:
        build(ALL_CORPORA[name], force=args.force)
    return 0


if __name__ == "__main__":
    sys.exit(main())
