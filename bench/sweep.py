"""Crash sweep: run ``kerascheck --no-config -q`` over millions of lines of real code, for both targets.

Sources (each checked in one kerascheck process per target):

* stdlib          the running Python's standard library (``sysconfig.get_paths()['stdlib']``; kerascheck
                  itself skips its site-packages folder);
* corpus          the benchmark corpora of bench/corpus.py (Keras 3, tf-keras 2.15, Keras 1.2.2,
                  Keras 2.2.4, scikit-learn);
* tensorflow-cpu  the Python tree of the tensorflow-cpu 2.15.1 wheel (downloaded, unpacked, never installed);
* site-packages   the installed third-party packages of the venv (jax, scipy, numpy, pylint, …) except
                  keras, which the corpus already holds at the same version. Needed to pass 3 M lines.

A crash is: a Traceback on stderr, an exit status other than 0/1/2, a run that times out, an
``error:`` line that is not a clean one-line message, or an output line that is neither a finding nor
an error line. On a Traceback the culprit files are found by checking every file in-process.
Exit status 1 if anything crashed.

kerascheck skips, before parsing, a module whose text never mentions keras (its cheap gate): most of
the stdlib and site-packages never reach the analysis. ``--ungated`` also runs every source through the
same command line with that gate switched off (the full analysis of every module, ~5 more minutes), and
checks that the gate changes no finding.

    /tmp/venv/bin/python bench/sweep.py [--ungated]
    /tmp/venv/bin/python bench/sweep.py --source stdlib --target keras3

Standard library only (Python >= 3.9).
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import re
import subprocess
import sys
import sysconfig
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Counter, Dict, List, Optional, Sequence, Tuple

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import corpus  # noqa: E402
import snapshot  # noqa: E402

RESULTS = HERE / ".results"
TARGETS = ("tf.keras", "keras3")
SOURCES = ("stdlib", "corpus", "tensorflow-cpu", "site-packages")

FINDING = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<code>KER\d{3}) (?P<text>.+)$")
ERROR_LINE = re.compile(r"^(?P<path>.+?): error: (?P<message>.*)$")
# What a message must not look like to count as clean: a traceback, an object repr, a raw exception repr.
UNCLEAN = re.compile(r"Traceback|object at 0x|<class '|\b\w+(Error|Exception)\(|^\s*$")

# --ungated: the same command line, in a process where the engine's cheap gate (skip a module whose text
# never mentions keras) is switched off, so every module of every source goes through the full analysis.
UNGATED_SCRIPT = r"""
import sys
import kerascheck.engine as engine
if not callable(getattr(engine, "cannot_use_keras", None)):
    sys.exit("sweep: kerascheck.engine.cannot_use_keras is gone; --ungated needs updating")
engine.cannot_use_keras = lambda *args, **kwargs: False
from kerascheck.cli import main
sys.argv = ["kerascheck"] + sys.argv[1:]
main()
"""

LOCATE_SCRIPT = r"""
import os, sys, traceback
if sys.argv[1] == "--ungated":
    import kerascheck.engine as engine
    engine.cannot_use_keras = lambda *args, **kwargs: False
    del sys.argv[1]
from kerascheck.cli import run
args, files = sys.argv[1:sys.argv.index("--")], sys.argv[sys.argv.index("--") + 1:]
if len(files) == 1 and files[0].startswith("@"):
    with open(files[0][1:], encoding="utf-8") as listing:
        files = listing.read().splitlines()
with open(os.devnull, "w") as devnull:
    for path in files:
        try:
            run(args + [path], out=devnull)
        except SystemExit:
            pass
        except BaseException as error:
            last = traceback.extract_tb(error.__traceback__)[-1]
            print(f"{path}\t{type(error).__name__}: {error}\t{last.filename}:{last.lineno} in {last.name}", flush=True)
"""


ENV = dict(os.environ)  # the environment of every kerascheck run; main() puts a snapshot first on PYTHONPATH


def log(message: str) -> None:
    print(f"[sweep] {message}", file=sys.stderr, flush=True)


@dataclass
class RunResult:
    source: str
    target: str
    files: int
    lines: int
    seconds: float
    status: int
    findings: Counter = field(default_factory=collections.Counter)
    errors: Counter = field(default_factory=collections.Counter)  # normalized clean error messages
    crashes: List[str] = field(default_factory=list)
    stderr_other: List[str] = field(default_factory=list)


def source_paths(name: str, python: str) -> List[Path]:
    if name == "stdlib":
        return [Path(sysconfig.get_paths()["stdlib"])]
    if name == "corpus":
        return list(corpus.ensure([s.name for s in corpus.BENCH_CORPORA], python).values())
    if name == "tensorflow-cpu":
        return list(corpus.ensure(["tensorflow-cpu"], python).values())
    if name == "site-packages":
        purelib = Path(sysconfig.get_paths()["purelib"])
        entries = []
        for entry in sorted(purelib.iterdir()):
            if entry.name in ("keras", "__pycache__") or entry.name.endswith((".dist-info", ".egg-info", ".data")):
                continue
            if entry.is_dir() or entry.name.endswith((".py", ".pyi")):
                entries.append(entry)
        return entries
    raise ValueError(name)


def discover(paths: Sequence[Path]) -> List[Path]:
    from kerascheck.files import discover as kerascheck_discover

    return [path for path, _ in kerascheck_discover([str(p) for p in paths])]


def line_count(path: Path) -> Tuple[int, bool]:
    """(lines, whether the engine's gate lets the file through: "keras" in its text or its path)."""
    try:
        data = path.read_bytes()
    except OSError:
        return 0, False
    lines = data.count(b"\n") + (1 if data and not data.endswith(b"\n") else 0)
    return lines, b"keras" in data or "keras" in str(path)


def normalize(message: str) -> str:
    message = re.sub(r"line \d+", "line N", message)
    message = re.sub(r"offset \d+", "offset N", message)
    message = re.sub(r"byte 0x[0-9a-f]+", "byte 0x..", message)
    return message


def run_one(
    source: str,
    target: str,
    paths: Sequence[Path],
    files: Sequence[Path],
    lines: int,
    kerascheck: str,
    python: str,
    timeout: float,
    ungated: bool = False,
) -> RunResult:
    RESULTS.mkdir(parents=True, exist_ok=True)
    label = f"{source}{' (ungated)' if ungated else ''}"
    stem = RESULTS / f"sweep-{source}-{target}{'-ungated' if ungated else ''}"
    out_path, err_path = Path(f"{stem}.out"), Path(f"{stem}.err")
    program = [python, "-c", UNGATED_SCRIPT] if ungated else [kerascheck]
    command = program + ["--no-config", "-q", "--keras-target", target] + [str(p) for p in paths]
    start = time.perf_counter()
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        try:
            status = subprocess.run(
                command, stdout=out, stderr=err, cwd=str(RESULTS), env=ENV, timeout=timeout
            ).returncode
        except subprocess.TimeoutExpired:
            status = -999
    seconds = time.perf_counter() - start
    result = RunResult(label, target, len(files), lines, seconds, status)
    if status == -999:
        result.crashes.append(f"timed out after {timeout:.0f}s")
    elif status not in (0, 1, 2):
        result.crashes.append(f"exit status {status}")
    for line in out_path.read_text(encoding="utf-8", errors="replace").splitlines():
        match = FINDING.match(line)
        if match:
            result.findings[match.group("code")] += 1
            continue
        match = ERROR_LINE.match(line)
        if match:
            message = match.group("message")
            if UNCLEAN.search(message):
                result.crashes.append(f"unclean error line: {line}")
            else:
                result.errors[normalize(message)] += 1
            continue
        if line.strip():
            result.crashes.append(f"unexpected output line: {line[:300]}")
    if result.errors and status != 2:
        result.crashes.append(f"error lines but exit status {status} (expected 2)")
    if not result.errors and status == 2:
        result.crashes.append("exit status 2 without any error line")
    stderr = err_path.read_text(encoding="utf-8", errors="replace")
    if "Traceback (most recent call last)" in stderr:
        tail = [line for line in stderr.strip().splitlines() if line.strip()][-1:]
        result.crashes.append(f"Traceback on stderr: {tail[0] if tail else ''}")
        result.crashes += locate(files, target, python, ungated)
    else:
        result.stderr_other = [line for line in stderr.splitlines() if line.strip()]
    log(
        f"{label:26} {target:9} {len(files):6} files {lines:9} lines {sum(result.findings.values()):7} findings "
        f"{sum(result.errors.values()):4} errors {seconds:7.1f}s exit {status}"
        + (f"  CRASH x{len(result.crashes)}" if result.crashes else "")
    )
    return result


def locate(files: Sequence[Path], target: str, python: str, ungated: bool = False, limit: int = 20) -> List[str]:
    """Check every file in one process, catching what escapes kerascheck, to name the culprits."""
    log(f"locating the crashing files among {len(files)} (target {target})")
    listing = RESULTS / "sweep-locate.files"
    listing.write_text("\n".join(str(f) for f in files) + "\n", encoding="utf-8")
    result = subprocess.run(
        [python, "-c", LOCATE_SCRIPT]
        + (["--ungated"] if ungated else [])
        + ["--no-config", "-q", "--keras-target", target, "--", f"@{listing}"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        cwd=str(RESULTS),
        env=ENV,
    )
    culprits = [f"crashing file: {line}" for line in result.stdout.splitlines() if "\t" in line]
    if not culprits:
        return ["crashing file: not found by checking files one at a time (a cross-file crash?)"]
    return culprits[:limit] + ([f"... and {len(culprits) - limit} more"] if len(culprits) > limit else [])


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", action="append", choices=SOURCES, help="only these sources (repeatable)")
    parser.add_argument("--target", action="append", choices=TARGETS, help="only these targets (repeatable)")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds per kerascheck run")
    parser.add_argument("--top", type=int, default=10, help="codes to list per target")
    parser.add_argument(
        "--ungated",
        action="store_true",
        help="also run every source with the engine's keras-text gate switched off (full analysis of every module)",
    )
    parser.add_argument("--live", action="store_true", help="check with the source tree, not a snapshot of it")
    parser.add_argument("--venv", type=Path, default=Path(sys.prefix), help="the venv with kerascheck")
    args = parser.parse_args(argv)
    kerascheck = str(args.venv / "bin" / "kerascheck")
    python = str(args.venv / "bin" / "python")
    if not os.access(kerascheck, os.X_OK):
        sys.exit(f"not found: {kerascheck} (use --venv)")
    started = time.perf_counter()
    if not args.live:
        folder, described = snapshot.make_snapshot(python)
        ENV["PYTHONPATH"] = os.pathsep.join(filter(None, [str(folder), ENV.get("PYTHONPATH")]))
        log(f"kerascheck snapshot: {described}")
    measured = " ".join(str(v) for v in snapshot.fingerprint(python, ENV))

    results: List[RunResult] = []
    gate_counts: Dict[str, int] = {}
    totals_files = totals_lines = 0
    for source in args.source or SOURCES:
        paths = source_paths(source, python)
        files = discover(paths)
        counted = [line_count(f) for f in files]
        lines = sum(n for n, _ in counted)
        gated_in = sum(1 for _, through in counted if through)
        log(f"{source}: {len(files)} files, {lines} lines; {gated_in} files mention keras (full analysis when gated)")
        gate_counts[source] = gated_in
        totals_files += len(files)
        totals_lines += lines
        for target in args.target or TARGETS:
            results.append(run_one(source, target, paths, files, lines, kerascheck, python, args.timeout))
        if args.ungated:
            for target in args.target or TARGETS:
                results.append(run_one(source, target, paths, files, lines, kerascheck, python, args.timeout, True))

    elapsed = time.perf_counter() - started
    crashes = [(r.source, r.target, c) for r in results for c in r.crashes]
    out = ["\n== sweep summary", f"kerascheck: {measured}"]
    out.append(
        f"{'source':26} {'target':9} {'files':>7} {'lines':>10} {'findings':>9} {'errors':>7} {'seconds':>8} "
        f"{'exit':>5} {'crashes':>7}"
    )
    for r in results:
        out.append(
            f"{r.source:26} {r.target:9} {r.files:7} {r.lines:10} {sum(r.findings.values()):9} "
            f"{sum(r.errors.values()):7} {r.seconds:8.1f} {r.status:5} {len(r.crashes):7}"
        )
    out.append(
        f"\ntotal: {totals_files} files, {totals_lines} lines (per target); "
        f"{sum(r.seconds for r in results):.1f}s in kerascheck, {elapsed:.1f}s in all"
    )
    out.append(
        "files that get the full analysis with the gate on (they mention keras): "
        + ", ".join(f"{source} {count}" for source, count in gate_counts.items())
        + ("; with --ungated every file does" if args.ungated else "")
    )
    if totals_lines < 3_000_000:
        out.append(f"NOTE: fewer than 3 M lines ({totals_lines})")
    for target in args.target or TARGETS:
        codes: Counter = collections.Counter()
        for r in results:
            if r.target == target and not r.source.endswith("(ungated)"):
                codes.update(r.findings)
        top = ", ".join(f"{code} {count}" for code, count in codes.most_common(args.top))
        out.append(f"findings, {target} (the kerascheck command): {sum(codes.values())} — top {args.top}: {top}")
    if args.ungated:  # the gate must only save time: the same findings with it and without it
        gated = {(r.source, r.target): r.findings for r in results if not r.source.endswith("(ungated)")}
        differ = [
            f"{r.source} {r.target}: {dict(r.findings - gated[(r.source[: -len(' (ungated)')], r.target)])} more, "
            f"{dict(gated[(r.source[: -len(' (ungated)')], r.target)] - r.findings)} fewer"
            for r in results
            if r.source.endswith("(ungated)") and r.findings != gated.get((r.source[: -len(" (ungated)")], r.target))
        ]
        out.append("findings without the gate: " + ("the same as with it" if not differ else "; ".join(differ)))
    errors: Counter = collections.Counter()
    for r in results:
        errors.update(r.errors)
    if errors:
        out.append(f"\nclean error lines (both targets), by message ({sum(errors.values())} in all):")
        out += [f"  {count:5}  {message}" for message, count in errors.most_common(15)]
    noise = [(r.source, r.target, line) for r in results for line in r.stderr_other]
    if noise:
        out.append(f"\nother stderr lines (not crashes): {len(noise)}; first ones:")
        out += [f"  {s}/{t}: {line[:200]}" for s, t, line in noise[:10]]
    out.append(f"\ncrashes: {len(crashes)}")
    out += [f"  {s}/{t}: {c}" for s, t, c in crashes]
    text = "\n".join(out)
    print(text)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"sweep-{time.strftime('%Y%m%d-%H%M%S')}.json").write_text(
        json.dumps(
            [
                {
                    "source": r.source,
                    "target": r.target,
                    "files": r.files,
                    "lines": r.lines,
                    "seconds": r.seconds,
                    "status": r.status,
                    "findings": dict(r.findings),
                    "errors": dict(r.errors),
                    "crashes": r.crashes,
                    "stderr_other": r.stderr_other[:50],
                }
                for r in results
            ],
            indent=1,
        )
    )
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
