"""kerascheck performance benchmark on real code from PyPI (see bench/corpus.py).

Measures, interleaved in ONE run (rounds of A B / B A …, median and min/max reported), every
measure in a fresh subprocess, under a small fork+exec+wait4 launcher (wall and CPU seconds, peak RSS):

1. floor: read + ``ast.parse`` of every file kerascheck would check, in one Python process;
2. ``kerascheck --no-config -q`` on the corpus (plus its default if a ``--jobs`` option exists);
3. flake8 with the kerascheck plugin vs the same flake8 without it (``-j1`` and default jobs),
   on a fixed subset of each flake8 corpus; "without" hides the plugin from flake8's plugin
   discovery (bench/flake8_wrapper.py), which is proven before timing;
4. pylint with ``--load-plugins=kerascheck.pylint_plugin`` vs without, full default checks, ``-j1``,
   on a fixed ~20k-line subset of the Keras 3 corpus;
5. peak memory of 1 and 2.

plus the start-up cost of importing kerascheck. Then a cProfile of kerascheck on the Keras 3 corpus.

Guarding the numbers on a shared 2-core machine: kerascheck is measured from a snapshot copied at the
start (bench/snapshot.py; --live measures the tree as it is), so edits during the run cannot mix
versions; .pyc files are cached under bench/.results/pycache even where PYTHONDONTWRITEBYTECODE is set;
before each sample the run waits for other processes to go quiet, and a sample during which they used
CPU (from /proc/stat) or that failed is retried within a budget, and reported.

Run it with the venv's Python:

    /tmp/venv/bin/python bench/run.py                   # everything, 5 rounds (pylint: 3)
    /tmp/venv/bin/python bench/run.py --rounds 3 --corpus keras3 --corpus sklearn
    /tmp/venv/bin/python bench/run.py --skip pylint --skip profile

Standard library only (Python >= 3.9); the tools measured come from --venv (default: this Python's).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable, Dict, List, Optional, Sequence, Tuple

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
import corpus  # noqa: E402
import snapshot  # noqa: E402

RESULTS = HERE / ".results"
PLAIN_VENV = HERE / ".venv-plain"

FINDING = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<code>KER\d{3}) ")
ERROR_LINE = re.compile(r"^(?P<path>.+?): error: (?P<message>.*)$")
FLAKE8_LINE = re.compile(r"^.+?:\d+:\d+: (?P<code>[A-Z]+\d+) ")
PYLINT_KER = re.compile(r":\d+:\d+: [EWC]7[1-5]\d\d: KER\d{3} ")
PYLINT_MSG = re.compile(r"^.+?:\d+:\d+: [A-Z]\d{4}: ")

FLOOR_SCRIPT = r"""
import ast, sys
parsed = failed = 0
with open(sys.argv[1], encoding="utf-8") as listing:
    paths = listing.read().splitlines()
for path in paths:
    with open(path, "rb") as stream:
        data = stream.read()
    try:
        ast.parse(data, path)
        parsed += 1
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        failed += 1
print(f"parsed {parsed} failed {failed}")
"""

# Every measured command runs under this small launcher, which forks, execs and wait4()s it and writes
# exit status, wall seconds, peak RSS and CPU seconds. Why not wait4() from run.py itself: Linux carries
# the parent's peak RSS into a fork+exec'd child's ru_maxrss, so a child of this (larger) process would
# never report less than this process's own peak; the launcher is ~8 MB, below anything measured here.
LAUNCHER_SCRIPT = r"""
import os, sys, time
report, command = sys.argv[1], sys.argv[2:]
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    try:
        os.execvp(command[0], command)
    finally:
        os._exit(127)
_, status, usage = os.wait4(pid, 0)
seconds = time.perf_counter() - start
with open(report, "w") as stream:
    stream.write(f"{os.waitstatus_to_exitcode(status)} {seconds} {usage.ru_maxrss} {usage.ru_utime + usage.ru_stime}")
"""

PROFILE_SCRIPT = r"""
import cProfile, os, sys
from kerascheck.cli import run
argv = sys.argv[2:]
with open(os.devnull, "w") as devnull:
    profiler = cProfile.Profile()
    profiler.enable()
    status = run(argv, out=devnull)
    profiler.disable()
profiler.dump_stats(sys.argv[1])
print(status)
"""

# Targets from the brief: (measure, corpus or None for any) -> maximum ratio.
TARGETS: Dict[Tuple[str, Optional[str]], float] = {
    ("kerascheck/floor", "keras3"): 1.0,  # default parallelism
    ("kerascheck/floor single process", "keras3"): 1.5,
    ("kerascheck/floor", "sklearn"): 0.2,
    ("kerascheck/floor single process", "sklearn"): 0.2,
    ("flake8 -j1 with/without", "sklearn"): 1.03,
    ("flake8 -j1 with/without", "keras3"): 1.10,
    ("flake8 -jdefault with/without", "sklearn"): 1.03,
    ("flake8 -jdefault with/without", "keras3"): 1.10,
    ("pylint with/without", None): 1.05,
    ("memory kerascheck/floor", None): 1.2,
}

BENCH_NAMES = [spec.name for spec in corpus.BENCH_CORPORA]


def log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- measuring


@dataclass
class Sample:
    seconds: float
    cpu: float  # user + system of the process and its reaped children
    maxrss_kb: int
    status: int
    counts: Dict[str, int] = field(default_factory=dict)
    valid: bool = True  # expected exit status, no traceback
    foreign_cpu: Optional[float] = None  # CPU seconds other processes used meanwhile (/proc/stat), if known
    contended: bool = False
    problem: str = ""


CLOCK_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def machine_busy_seconds() -> Optional[float]:
    """CPU seconds the whole machine has been busy (all cores), from /proc/stat; None where unknown."""
    try:
        with open("/proc/stat") as stream:
            fields = stream.readline().split()
    except OSError:
        return None
    if not fields or fields[0] != "cpu" or len(fields) < 9:
        return None
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(v) for v in fields[1:9])
    return (user + nice + system + irq + softirq + steal) / CLOCK_TICKS


def wait_for_quiet() -> None:
    """Before a sample: wait (up to SETTINGS.quiet_wait seconds) until other processes use < 10% of a core."""
    deadline = time.perf_counter() + SETTINGS.quiet_wait
    while time.perf_counter() < deadline:
        before = machine_busy_seconds()
        if before is None:
            return
        time.sleep(0.5)
        after = machine_busy_seconds()
        if after is None or after - before < 0.05:
            return
        SETTINGS.waited += 0.5


@dataclass
class Settings:
    pyc_prefix: Optional[Path] = None  # PYTHONPYCACHEPREFIX for every measured process
    pythonpath: Optional[Path] = None  # a snapshot of kerascheck (bench/snapshot.py), first on PYTHONPATH
    retries: int = 2  # extra attempts for a contended or failed sample
    retry_budget: float = 150.0  # seconds that retries may take in all
    retry_spent: float = 0.0
    contention: float = 0.05  # foreign CPU, as a share of one core over the sample's wall time
    quiet_wait: float = 10.0  # seconds to wait, before a sample, for other processes to go quiet
    waited: float = 0.0
    launcher_python: str = sys.executable  # runs LAUNCHER_SCRIPT (with -I -S: about 8 MB)


SETTINGS = Settings()


def bench_env(extra: Optional[Dict[str, str]] = None) -> Dict[str, str]:
    """The environment of every measured process: the caller's, with .pyc files cached (in a prefix
    under bench/.results, so nothing is written next to the sources) even if PYTHONDONTWRITEBYTECODE is set."""
    env = dict(os.environ)
    if SETTINGS.pyc_prefix is not None:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(SETTINGS.pyc_prefix)
    if SETTINGS.pythonpath is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(SETTINGS.pythonpath), env.get("PYTHONPATH")]))
    env.update(extra or {})
    return env


def exit_ok(*statuses: int) -> Callable[[int], bool]:
    return lambda status: status in statuses


def pylint_exit_ok(status: int) -> bool:
    # pylint's exit status is a bit mask: 1 fatal, 32 usage error; 2/4/8/16 are messages found.
    return 0 <= status < 64 and not status & (1 | 32)


@dataclass
class Measure:
    key: str  # e.g. "keras3 floor"
    command: List[str]
    cwd: Path
    env: Optional[Dict[str, str]] = None
    parse: Optional[Callable[[str], Dict[str, int]]] = None
    ok: Callable[[int], bool] = field(default=exit_ok(0, 1))
    samples: List[Sample] = field(default_factory=list)
    retried: int = 0
    warm_command: Optional[List[str]] = None  # run once, untimed, before the rounds

    def run(self, label: str) -> Sample:
        for attempt in range(1 + SETTINGS.retries):
            sample = self._run_once()
            if sample.valid and not sample.contended:
                break
            if attempt < SETTINGS.retries and SETTINGS.retry_spent + sample.seconds <= SETTINGS.retry_budget:
                self.retried += 1
                SETTINGS.retry_spent += sample.seconds
                log(f"{label} {self.key}: {sample.problem}; retrying")
            else:
                break
        self.samples.append(sample)
        foreign = "" if sample.foreign_cpu is None else f"  other {sample.foreign_cpu:5.2f}s"
        log(
            f"{label} {self.key:40} {sample.seconds:8.2f}s  cpu {sample.cpu:7.2f}s"
            f"  rss {sample.maxrss_kb / 1024:7.1f}MB  exit {sample.status}{foreign}"
            + (f"  ** {sample.problem}" if sample.problem else "")
        )
        return sample

    def _run_once(self) -> Sample:
        RESULTS.mkdir(parents=True, exist_ok=True)
        safe = re.sub(r"[^A-Za-z0-9_.-]+", "_", self.key)
        out_path, err_path = RESULTS / f"{safe}.out", RESULTS / f"{safe}.err"
        env = bench_env(self.env)
        usage_path = RESULTS / f"{safe}.usage"
        if usage_path.exists():
            usage_path.unlink()
        launcher = [SETTINGS.launcher_python, "-I", "-S", "-c", LAUNCHER_SCRIPT, str(usage_path)]
        wait_for_quiet()
        with open(out_path, "wb") as out, open(err_path, "wb") as err:
            busy_before = machine_busy_seconds()
            process = subprocess.run(launcher + self.command, cwd=str(self.cwd), stdout=out, stderr=err, env=env)
            busy_after = machine_busy_seconds()
        try:
            fields = usage_path.read_text().split()
            status, seconds, maxrss, cpu = int(fields[0]), float(fields[1]), int(fields[2]), float(fields[3])
        except (OSError, ValueError, IndexError):
            status, seconds, maxrss, cpu = 1000 + process.returncode, float("nan"), 0, 0.0
        text = out_path.read_text(encoding="utf-8", errors="replace")
        counts = self.parse(text) if self.parse else {}
        stderr = err_path.read_text(encoding="utf-8", errors="replace")
        sample = Sample(seconds, cpu, maxrss, status, counts)
        problems = []
        if not self.ok(status):
            sample.valid = False
            problems.append(f"unexpected exit {status}: {' '.join(stderr.split())[-300:]}")
        if "Traceback (most recent call last)" in stderr:
            sample.valid = False
            problems.append(f"traceback: {stderr.strip().splitlines()[-1][:200]}")
        if busy_before is not None and busy_after is not None:
            sample.foreign_cpu = max(0.0, busy_after - busy_before - cpu)
            if sample.foreign_cpu > max(0.1, SETTINGS.contention * seconds):
                sample.contended = True
                problems.append(f"other processes used {sample.foreign_cpu:.2f} CPU s meanwhile")
        sample.problem = "; ".join(problems)
        return sample

    def good(self) -> List[Sample]:
        return [s for s in self.samples if s.valid]

    def median(self, attribute: str = "seconds") -> float:
        values = [getattr(s, attribute) for s in self.good()]
        return statistics.median(values) if values else float("nan")

    def spread(self, attribute: str = "seconds") -> Tuple[float, float]:
        values = [getattr(s, attribute) for s in self.good()] or [float("nan")]
        return min(values), max(values)


def count_kerascheck(text: str) -> Dict[str, int]:
    counts = {"findings": 0, "errors": 0, "other_lines": 0}
    for line in text.splitlines():
        if FINDING.match(line):
            counts["findings"] += 1
        elif ERROR_LINE.match(line):
            counts["errors"] += 1
        elif line.strip():
            counts["other_lines"] += 1
    return counts


def count_flake8(text: str) -> Dict[str, int]:
    counts = {"messages": 0, "KER": 0}
    for line in text.splitlines():
        match = FLAKE8_LINE.match(line)
        if match:
            counts["messages"] += 1
            if match.group("code").startswith("KER"):
                counts["KER"] += 1
    return counts


def count_pylint(text: str) -> Dict[str, int]:
    lines = text.splitlines()
    return {
        "messages": sum(1 for line in lines if PYLINT_MSG.match(line)),
        "KER": sum(1 for line in lines if PYLINT_KER.search(line)),
    }


def count_floor(text: str) -> Dict[str, int]:
    match = re.search(r"parsed (\d+) failed (\d+)", text)
    return {"parsed": int(match.group(1)), "failed": int(match.group(2))} if match else {}


# --------------------------------------------------------------------------- corpora


def discover(paths: Sequence[Path]) -> List[Path]:
    """The files kerascheck checks for these paths (its own discovery, so the floor parses the same set)."""
    try:
        from kerascheck.files import discover as kerascheck_discover
    except ImportError:  # pragma: no cover - run.py is meant for the venv's Python
        sys.exit("run.py needs kerascheck importable: run it with the venv's Python (e.g. /tmp/venv/bin/python)")
    return [path for path, _ in kerascheck_discover([str(p) for p in paths])]


def line_count(path: Path) -> int:
    data = path.read_bytes()
    return data.count(b"\n") + (1 if data and not data.endswith(b"\n") else 0)


def subset(files: Sequence[Path], lines: Dict[Path, int], budget: int) -> List[Path]:
    """A fixed, representative subset: every k-th file of the sorted list, k chosen for ~budget lines."""
    total = sum(lines[f] for f in files)
    if budget <= 0 or total <= budget:
        return list(files)
    stride = max(1, round(total / budget))
    return list(files[::stride])


def write_listing(name: str, files: Sequence[Path]) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    listing = RESULTS / f"{name}.files"
    listing.write_text("\n".join(str(f) for f in files) + "\n", encoding="utf-8")
    return listing


# --------------------------------------------------------------------------- tools


@dataclass
class Tools:
    python: str
    kerascheck: str
    pylint: str
    wrapper: str

    @classmethod
    def from_venv(cls, venv: Path) -> Tools:
        bindir = venv / "bin"
        tools = cls(
            str(bindir / "python"), str(bindir / "kerascheck"), str(bindir / "pylint"), str(HERE / "flake8_wrapper.py")
        )
        for path in (tools.python, tools.kerascheck, tools.pylint):
            if not os.access(path, os.X_OK):
                sys.exit(f"not found: {path} (use --venv)")
        return tools


def capture(
    command: Sequence[str], env: Optional[Dict[str, str]] = None, cwd: Optional[Path] = None
) -> Tuple[int, str]:
    full_env = bench_env(env)
    RESULTS.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        list(command),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=full_env,
        cwd=str(cwd or RESULTS),  # never the repository: `python -c` would import its kerascheck/
    )
    return result.returncode, result.stdout


def kerascheck_jobs_option(tools: Tools) -> Optional[str]:
    _, text = capture([tools.kerascheck, "--help"])
    match = re.search(r"(?<![\w-])(--jobs|-j)\b", text)
    return match.group(1) if match else None


def ensure_plain_venv(tools: Tools) -> Optional[Path]:
    """bench/.venv-plain: the same flake8, pycodestyle, pyflakes, mccabe versions, without kerascheck."""
    python = PLAIN_VENV / "bin" / "python"
    code, versions = capture(
        [
            tools.python,
            "-c",
            "import importlib.metadata as m; print(' '.join(f'{d}=={m.version(d)}' for d in "
            "('flake8', 'pycodestyle', 'pyflakes', 'mccabe')))",
        ]
    )
    wanted = versions.split()
    marker = PLAIN_VENV / "bench-requirements.txt"
    if python.exists() and marker.is_file() and marker.read_text().split() == wanted:
        return PLAIN_VENV
    log(f"creating {PLAIN_VENV} with {' '.join(wanted)}")
    base = capture([tools.python, "-c", "import sys; print(sys._base_executable)"])[1].strip()
    code, text = capture([base, "-m", "venv", "--clear", str(PLAIN_VENV)])
    if code == 0:
        code, text = capture([str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", *wanted])
    if code != 0:
        log(f"could not create the plain venv (skipping that cross-check):\n{text[-1500:]}")
        return None
    marker.write_text("\n".join(wanted) + "\n")
    return PLAIN_VENV


def prove_flake8_without(tools: Tools, plain: Optional[Path]) -> Dict[str, object]:
    """Show, four ways, that the "without" flake8 does not load or run the kerascheck plugin."""
    without_env = {"BENCH_FLAKE8_EXCLUDE": "kerascheck"}
    proof: Dict[str, object] = {}
    RESULTS.mkdir(parents=True, exist_ok=True)
    wrapper = [tools.python, tools.wrapper]

    def version(command, env=None) -> str:
        return " ".join(capture(command + ["--version"], env)[1].split())

    proof["version_with"] = version(wrapper)
    proof["version_without"] = version(wrapper, without_env)
    if plain:
        proof["version_plain_venv"] = version([str(plain / "bin" / "flake8")])
    proof["require_plugins_with"] = capture(wrapper + ["--isolated", "--require-plugins=kerascheck", "--version"])[0]
    code, text = capture(wrapper + ["--isolated", "--require-plugins=kerascheck", "--version"], without_env)
    proof["require_plugins_without"] = code
    proof["require_plugins_without_says"] = " | ".join(line for line in text.splitlines() if line.startswith("-"))
    examples = REPO / "examples"
    for label, env in (("with", {}), ("without", without_env)):
        report = RESULTS / f"flake8-modules-{label}.txt"
        if report.exists():
            report.unlink()
        env = dict(env, BENCH_MODULES_REPORT=str(report))
        _, text = capture(wrapper + ["--isolated", "--select=KER", str(examples)], env)
        proof[f"examples_KER_{label}"] = count_flake8(text)["KER"]
        loaded = report.read_text().split() if report.exists() else ["<no report>"]
        proof[f"kerascheck_modules_imported_{label}"] = len(loaded)
        proof[f"kerascheck_modules_sample_{label}"] = loaded[:3]
    ok = (
        "kerascheck" in str(proof["version_with"])
        and "kerascheck" not in str(proof["version_without"])
        and proof["require_plugins_with"] == 0
        and proof["require_plugins_without"] != 0
        and proof["examples_KER_with"] > 0
        and proof["examples_KER_without"] == 0
        and proof["kerascheck_modules_imported_with"] > 0
        and proof["kerascheck_modules_imported_without"] == 0
    )
    if plain:
        plugins = lambda v: re.sub(r"CPython.*", "", v)  # noqa: E731 - same plugin list, same versions
        ok = ok and plugins(str(proof["version_plain_venv"])) == plugins(str(proof["version_without"]))
    proof["proven"] = ok
    return proof


def fingerprint(tools: Tools) -> str:
    """What kerascheck the measured processes import: hash of its files, version, folder."""
    digest, version, folder = snapshot.fingerprint(tools.python, bench_env())
    return f"{digest} {version} {folder}"


# --------------------------------------------------------------------------- the benchmark


@dataclass
class Group:
    """Measures compared with each other; the first is the baseline. Interleaved, order rotated each round."""

    title: str  # e.g. "kerascheck/floor"
    corpus: str
    measures: List[Measure]
    rounds: int
    note: str = ""


def build_groups(args, tools: Tools, corpora: Dict[str, Path]) -> Tuple[List[Group], Dict[str, dict]]:
    groups: List[Group] = []
    info: Dict[str, dict] = {}
    jobs_option = kerascheck_jobs_option(tools)
    # Start-up: what importing kerascheck costs every process (the flake8 plugin pays it once per run).
    startup = [
        Measure("startup python", [tools.python, "-c", "pass"], RESULTS, ok=exit_ok(0)),
        Measure("startup import kerascheck.cli", [tools.python, "-c", "import kerascheck.cli"], RESULTS, ok=exit_ok(0)),
    ]
    groups.append(Group("startup", "-", startup, args.rounds, "a bare interpreter vs one that imports kerascheck"))
    for name, root in corpora.items():
        files = discover([root])
        lines = {f: line_count(f) for f in files}
        info[name] = {
            "files": len(files),
            "lines": sum(lines.values()),
            "root": str(root),
            "pin": corpus.built_requirement(corpus.ALL_CORPORA[name]),
        }
        listing = write_listing(name, files)
        floor = Measure(
            f"{name} floor", [tools.python, "-c", FLOOR_SCRIPT, str(listing)], root, parse=count_floor, ok=exit_ok(0)
        )
        kerascheck = Measure(
            f"{name} kerascheck",
            [tools.kerascheck, "--no-config", "-q", "."],
            root,
            parse=count_kerascheck,
            ok=exit_ok(0, 1),
        )
        measures = [floor, kerascheck]
        if jobs_option:  # kerascheck grew a --jobs option: its default is the command above; also one job
            measures.append(
                Measure(
                    f"{name} kerascheck {jobs_option} 1",
                    [tools.kerascheck, "--no-config", "-q", jobs_option, "1", "."],
                    root,
                    parse=count_kerascheck,
                    ok=exit_ok(0, 1),
                )
            )
        note = (
            "single process (kerascheck has no --jobs option)"
            if not jobs_option
            else f"default jobs; also {jobs_option} 1"
        )
        groups.append(Group("kerascheck/floor", name, measures, args.rounds, note))

        if "flake8" not in args.skip and name in args.flake8_corpus:
            chosen = subset(files, lines, args.flake8_lines)
            chosen_rel = [str(f.relative_to(root)) for f in chosen]
            info[name]["flake8_subset"] = {"files": len(chosen), "lines": sum(lines[f] for f in chosen)}
            write_listing(f"{name}-flake8", chosen)
            base = [tools.python, tools.wrapper, "--isolated", "--select=E,W,F,KER"]
            for jobs_label, jobs_args in (("-j1", ["-j1"]), ("-jdefault", [])):
                with_plugin = Measure(
                    f"{name} flake8 {jobs_label} with", base + jobs_args + chosen_rel, root, parse=count_flake8
                )
                without = Measure(
                    f"{name} flake8 {jobs_label} without",
                    base + jobs_args + chosen_rel,
                    root,
                    env={"BENCH_FLAKE8_EXCLUDE": "kerascheck"},
                    parse=count_flake8,
                )
                measures = [without, with_plugin]
                if args.plain_venv_timing and PLAIN_VENV.exists() and jobs_label == "-j1":
                    measures.append(
                        Measure(
                            f"{name} flake8 {jobs_label} plain-venv",
                            [str(PLAIN_VENV / "bin" / "flake8"), "--isolated", "--select=E,W,F,KER"]
                            + jobs_args
                            + chosen_rel,
                            root,
                            parse=count_flake8,
                        )
                    )
                groups.append(
                    Group(
                        f"flake8 {jobs_label} with/without",
                        name,
                        measures,
                        args.rounds,
                        f"{len(chosen)} files, {sum(lines[f] for f in chosen)} lines (every "
                        f"{max(1, round(info[name]['lines'] / max(1, sum(lines[f] for f in chosen))))}th file)",
                    )
                )

        if "pylint" not in args.skip and name == args.pylint_corpus:
            chosen = subset(files, lines, args.pylint_lines)
            chosen_rel = [str(f.relative_to(root)) for f in chosen]
            info[name]["pylint_subset"] = {"files": len(chosen), "lines": sum(lines[f] for f in chosen)}
            write_listing(f"{name}-pylint", chosen)
            rcfile = RESULTS / "empty.pylintrc"
            rcfile.write_text("")
            base = [tools.pylint, f"--rcfile={rcfile}", "--persistent=n", "--score=n", "-j1"]
            pylint_rounds = min(args.rounds, args.pylint_rounds)
            with_plugin = [base[0], "--load-plugins=kerascheck.pylint_plugin"] + base[1:]
            pylint_measures = [
                Measure(
                    f"{name} pylint without",
                    base + chosen_rel,
                    root,
                    parse=count_pylint,
                    ok=pylint_exit_ok,
                    warm_command=base + chosen_rel[:4],
                ),
                Measure(
                    f"{name} pylint with",
                    with_plugin + chosen_rel,
                    root,
                    parse=count_pylint,
                    ok=pylint_exit_ok,
                    warm_command=with_plugin + chosen_rel[:4],
                ),
            ]
            note = f"{len(chosen)} files, {sum(lines[f] for f in chosen)} lines, full default checks"
            groups.append(Group("pylint with/without", name, pylint_measures, pylint_rounds, note))
    return groups, info


def warm_up(tools: Tools, corpora: Dict[str, Path], groups: List[Group]) -> None:
    """Page cache and .pyc files, so the first timed round is not the odd one out."""
    for root in corpora.values():
        for path in discover([root]):
            path.read_bytes()
    small = REPO / "examples"
    capture([tools.kerascheck, "--no-config", "-q", str(small)])
    capture([tools.python, "-c", "import ast"])
    capture([tools.python, tools.wrapper, "--isolated", "-j2", str(small)])
    for group in groups:  # e.g. pylint on a few files of its subset, so astroid's brain modules are compiled
        for measure in group.measures:
            if measure.warm_command:
                capture(measure.warm_command, cwd=measure.cwd)


def run_rounds(groups: List[Group], rounds: int) -> None:
    total = max(g.rounds for g in groups) if groups else 0
    for index in range(total):
        log(f"round {index + 1}/{total}")
        for group in groups:
            if index >= group.rounds:
                continue
            shift = index % len(group.measures)
            order = group.measures[shift:] + group.measures[:shift]  # A B, B A, …
            for measure in order:
                measure.run(f"r{index + 1}")


# --------------------------------------------------------------------------- profile


def profile(tools: Tools, root: Path, top: int) -> str:
    """cProfile of one process checking everything (with --jobs, the workers would hide the work)."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    prof = RESULTS / "kerascheck-keras3.prof"
    start = time.perf_counter()
    jobs_option = kerascheck_jobs_option(tools)
    single = [jobs_option, "1"] if jobs_option else []
    code, text = capture([tools.python, "-c", PROFILE_SCRIPT, str(prof), "--no-config", "-q", *single, str(root)])
    seconds = time.perf_counter() - start
    if code != 0 or not prof.exists():
        return f"profile failed (exit {code}):\n{text[-2000:]}"
    import pstats

    stats = pstats.Stats(str(prof))
    entries = stats.stats  # type: ignore[attr-defined]

    def where(func: Tuple[str, int, str]) -> str:
        filename, line, name = func
        if filename == "~":
            return name
        short = filename
        for marker in ("/kerascheck/", "/lib/python3"):
            if marker in filename:
                short = filename[filename.index(marker) + 1 :]
                break
        return f"{short}:{line}({name})"

    total = stats.total_tt  # type: ignore[attr-defined]
    out = [
        f"cProfile of kerascheck on {root.name} ({seconds:.1f}s under the profiler, "
        f"{total:.1f}s profiled; stats in {prof.relative_to(REPO)})"
    ]
    for title, index in (("cumulative", 3), ("own time", 2)):
        ranked = sorted(entries.items(), key=lambda item: item[1][index], reverse=True)[:top]
        out.append(f"\ntop {top} by {title}:")
        out.append(f"{'calls':>10} {'own s':>8} {'cum s':>8}  function")
        for func, (cc, nc, tt, ct, _) in ranked:
            calls = f"{nc}" if nc == cc else f"{nc}/{cc}"
            out.append(f"{calls:>10} {tt:8.2f} {ct:8.2f}  {where(func)}")
    return "\n".join(out)


# --------------------------------------------------------------------------- report


def target_for(title: str, corpus_name: str) -> Optional[float]:
    return TARGETS.get((title, corpus_name), TARGETS.get((title, None)))


def quality(measure: Measure) -> str:
    """Samples left out (failed), kept although contended, and retries, if any."""
    parts = []
    failed = [s for s in measure.samples if not s.valid]
    if failed:
        parts.append(f"{len(failed)} failed sample(s) left out: {failed[-1].problem}")
    contended = [s for s in measure.good() if s.contended]
    if contended:
        parts.append(f"{len(contended)} sample(s) kept although other processes were busy")
    if measure.retried:
        parts.append(f"{measure.retried} retr{'y' if measure.retried == 1 else 'ies'}")
    return f"{measure.key}: " + ", ".join(parts) if parts else ""


def last_counts(measure: Measure) -> Dict[str, int]:
    samples = measure.good() or measure.samples
    return samples[-1].counts if samples else {}


def report(
    groups: List[Group], info: Dict[str, dict], proof: Optional[dict], context: Sequence[str]
) -> Tuple[str, List[dict]]:
    rows: List[dict] = []
    text: List[str] = ["== environment"] + list(context)
    for group in groups:
        base = group.measures[0]
        if not base.samples:
            continue
        for other in group.measures[1:]:
            ratio = other.median() / base.median()
            title = group.title
            single = other is not group.measures[1] or len(group.measures) == 2  # --jobs 1, or no --jobs
            if title == "kerascheck/floor" and single:
                title = "kerascheck/floor single process"
            rows.append(
                {
                    "measure": title,
                    "corpus": group.corpus,
                    "baseline": base.key,
                    "measured": other.key,
                    "baseline_median": base.median(),
                    "measured_median": other.median(),
                    "baseline_range": base.spread(),
                    "measured_range": other.spread(),
                    "ratio": ratio,
                    "target": target_for(title, group.corpus) if other is group.measures[1] or single else None,
                    "rounds": len(base.good()),
                    "note": group.note,
                    "counts": last_counts(other),
                    "baseline_counts": last_counts(base),
                    "status": sorted({s.status for s in other.samples}),
                    "quality": [q for q in (quality(base), quality(other)) if q],
                }
            )
        if group.title == "kerascheck/floor":
            floor, kerascheck = group.measures[0], group.measures[1]
            ratio = kerascheck.median("maxrss_kb") / floor.median("maxrss_kb")
            rows.append(
                {
                    "measure": "memory kerascheck/floor",
                    "corpus": group.corpus,
                    "baseline": floor.key,
                    "measured": kerascheck.key,
                    "baseline_median": floor.median("maxrss_kb") / 1024,
                    "measured_median": kerascheck.median("maxrss_kb") / 1024,
                    "baseline_range": tuple(v / 1024 for v in floor.spread("maxrss_kb")),
                    "measured_range": tuple(v / 1024 for v in kerascheck.spread("maxrss_kb")),
                    "ratio": ratio,
                    "target": target_for("memory kerascheck/floor", group.corpus),
                    "rounds": len(floor.good()),
                    "note": "peak RSS, MB",
                    "counts": {},
                    "baseline_counts": {},
                    "status": [],
                    "quality": [],
                }
            )

    text.append("\n== corpora")
    for name, data in info.items():
        extra = ""
        if "flake8_subset" in data:
            extra += f"; flake8 subset {data['flake8_subset']['files']} files / {data['flake8_subset']['lines']} lines"
        if "pylint_subset" in data:
            extra += f"; pylint subset {data['pylint_subset']['files']} files / {data['pylint_subset']['lines']} lines"
        text.append(f"{name:9} {data['pin']:22} {data['files']:6} files {data['lines']:8} lines{extra}")

    text.append("\n== results (median [min-max] over rounds; seconds unless MB)")
    for row in rows:
        unit = "MB" if row["measure"].startswith("memory") else "s"
        target = row["target"]
        verdict = (
            "" if target is None else (f"  target <= {target:.2f}: " + ("MET" if row["ratio"] <= target else "MISSED"))
        )
        lo, hi = row["baseline_range"]
        lo2, hi2 = row["measured_range"]
        text.append(
            f"{row['measure']:30} {row['corpus']:9} {row['measured']:32} {row['measured_median']:8.2f}{unit} "
            f"[{lo2:.2f}-{hi2:.2f}] / {row['baseline_median']:8.2f}{unit} [{lo:.2f}-{hi:.2f}] "
            f"= {row['ratio']:.3f}{verdict}"
        )
        details = []
        if row["counts"]:
            details.append(f"measured {row['counts']}")
        if row["baseline_counts"]:
            details.append(f"baseline {row['baseline_counts']}")
        if row["status"]:
            details.append(f"exit {row['status']}")
        details.append(f"{row['rounds']} rounds")
        if row["note"]:
            details.append(row["note"])
        text.append(f"{'':30} {'; '.join(details)}")
        for line in row["quality"]:
            text.append(f"{'':30} NOTE {line}")

    if proof is not None:
        text.append('\n== proof that flake8 "without" does not load the kerascheck plugin')
        for key, value in proof.items():
            text.append(f"{key}: {value}")
        flake8 = [m for g in groups if g.title.startswith("flake8") for m in g.measures]
        without = [
            s.counts.get("KER", 0) for m in flake8 if m.key.endswith(("without", "plain-venv")) for s in m.samples
        ]
        with_ker = {
            m.key: sorted({s.counts.get("KER", 0) for s in m.samples}) for m in flake8 if m.key.endswith(" with")
        }
        text.append(
            f"KER messages in every timed flake8 run without the plugin ({len(without)} runs): {sorted(set(without))}"
        )
        text.append(f"KER messages in the runs with it: {with_ker}")

    text.append("\n== markdown")
    text.append(markdown(rows, info))
    return "\n".join(text), rows


def markdown(rows: List[dict], info: Dict[str, dict]) -> str:
    out = [
        "| measure | corpus (lines) | measured, median | baseline, median | ratio | target |",
        "|---|---|---|---|---|---|",
    ]
    names = {
        "kerascheck/floor": ("`kerascheck`", "read + `ast.parse`"),
        "memory kerascheck/floor": ("`kerascheck` peak RSS", "read + `ast.parse` peak RSS"),
        "flake8 -j1 with/without": ("flake8 `-j1` with plugin", "without"),
        "flake8 -jdefault with/without": ("flake8 default jobs with plugin", "without"),
        "pylint with/without": ("pylint `-j1` with plugin", "without"),
    }
    for row in rows:
        measured_name, base_name = names.get(row["measure"], (row["measured"], row["baseline"]))
        if "plain-venv" in row["measured"]:
            measured_name, base_name = "flake8 `-j1` in a plain venv", "without (wrapper)"
        data = info.get(row["corpus"], {})
        if row["measure"] == "startup":
            out.append(
                f"| `import kerascheck.cli` ÷ bare `python` start-up | — | {row['measured_median']:.2f} s | "
                f"{row['baseline_median']:.2f} s | **{row['ratio']:.2f}** |  |"
            )
            continue
        lines = data.get("lines", 0)
        if row["measure"].startswith("flake8"):
            lines = data.get("flake8_subset", {}).get("lines", lines)
        elif row["measure"].startswith("pylint"):
            lines = data.get("pylint_subset", {}).get("lines", lines)
        unit = " MB" if row["measure"].startswith("memory") else " s"
        target = row["target"]
        target_text = "" if target is None else f"≤ {target:.2f} " + ("✅" if row["ratio"] <= target else "❌")
        out.append(
            f"| {measured_name} ÷ {base_name} | {row['corpus']} ({lines / 1000:.0f}k) | "
            f"{row['measured_median']:.2f}{unit} | {row['baseline_median']:.2f}{unit} | "
            f"**{row['ratio']:.3f}** | {target_text} |"
        )
    return "\n".join(out)


# --------------------------------------------------------------------------- main


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5, help="interleaved rounds (default 5)")
    parser.add_argument(
        "--pylint-rounds",
        type=int,
        default=3,
        help="rounds for pylint, the slowest measure (default 3, at most --rounds)",
    )
    parser.add_argument("--corpus", action="append", choices=BENCH_NAMES, help="only these corpora (repeatable)")
    parser.add_argument(
        "--flake8-corpus",
        action="append",
        choices=BENCH_NAMES,
        help="corpora to run flake8 on (default keras3 and sklearn)",
    )
    parser.add_argument(
        "--flake8-lines",
        type=int,
        default=20000,
        help="lines of the fixed flake8 subset per corpus (0: whole corpus; default 20000)",
    )
    parser.add_argument("--pylint-corpus", default="keras3", choices=BENCH_NAMES)
    parser.add_argument("--pylint-lines", type=int, default=20000, help="lines of the fixed pylint subset")
    parser.add_argument(
        "--skip", action="append", default=[], choices=["flake8", "pylint", "profile", "proof"], help="leave out a part"
    )
    parser.add_argument(
        "--plain-venv-timing",
        action="store_true",
        help="also time flake8 -j1 from bench/.venv-plain (flake8 installed without kerascheck)",
    )
    parser.add_argument("--profile-top", type=int, default=15)
    parser.add_argument(
        "--retries",
        type=int,
        default=2,
        help="extra attempts for a sample that failed or ran while other processes were busy",
    )
    parser.add_argument(
        "--retry-budget",
        type=float,
        default=150.0,
        help="seconds that retries may take in all (default 150)",
    )
    parser.add_argument(
        "--live",
        action="store_true",
        help="measure the kerascheck source tree as it is, not a snapshot copied at the start",
    )
    parser.add_argument(
        "--quiet-wait",
        type=float,
        default=10.0,
        help="seconds to wait before each sample for other processes on the machine to go quiet",
    )
    parser.add_argument(
        "--no-pyc-prefix",
        action="store_true",
        help="keep the caller's .pyc settings (default: cache .pyc files under bench/.results/pycache)",
    )
    parser.add_argument("--venv", type=Path, default=Path(sys.prefix), help="the venv with kerascheck, flake8, pylint")
    args = parser.parse_args(argv)
    args.flake8_corpus = args.flake8_corpus or ["keras3", "sklearn"]
    started = time.perf_counter()

    tools = Tools.from_venv(args.venv)
    SETTINGS.retries = args.retries
    SETTINGS.retry_budget = args.retry_budget
    SETTINGS.launcher_python = tools.python
    SETTINGS.quiet_wait = args.quiet_wait
    SETTINGS.pyc_prefix = None if args.no_pyc_prefix else RESULTS / "pycache"
    context = [
        f"python {sys.version.split()[0]}, {os.cpu_count()} cores; tools from {args.venv}",
        (
            ".pyc cache: PYTHONPYCACHEPREFIX=" + str(SETTINGS.pyc_prefix)
            if SETTINGS.pyc_prefix
            else ".pyc: as the caller's environment"
        )
        + (
            "; PYTHONDONTWRITEBYTECODE was set and is lifted for the measured processes"
            if os.environ.get("PYTHONDONTWRITEBYTECODE") and SETTINGS.pyc_prefix
            else ""
        ),
    ]
    if not args.live:
        SETTINGS.pythonpath, described = snapshot.make_snapshot(tools.python)
        context.append(f"kerascheck snapshot: {described}")
    context.append(f"kerascheck measured (start): {fingerprint(tools)}")
    names = args.corpus or BENCH_NAMES
    needed = sorted(set(names) | ({"keras3"} if "profile" not in args.skip else set()), key=BENCH_NAMES.index)
    built = corpus.ensure(needed, tools.python)
    corpora = {name: built[name] for name in names}

    proof = None
    plain = None
    if "flake8" not in args.skip and "proof" not in args.skip:
        plain = ensure_plain_venv(tools)
        proof = prove_flake8_without(tools, plain)
        log(f"flake8 'without' proven to exclude the plugin: {proof['proven']}")
        if not proof["proven"]:
            log(json.dumps(proof, indent=1))
            log("refusing to time flake8 without a proof; use --skip flake8")
            return 2
    elif args.plain_venv_timing:
        plain = ensure_plain_venv(tools)

    groups, info = build_groups(args, tools, corpora)
    log("warming up (page cache, .pyc)")
    warm_up(tools, corpora, groups)
    run_rounds(groups, args.rounds)

    context.append(f"kerascheck measured (end):   {fingerprint(tools)}")
    if context[-1].split(":", 1)[1].split()[0] != context[-2].split(":", 1)[1].split()[0]:
        context.append("WARNING: kerascheck's source changed during the run: the results mix versions")
    contended = sum(s.contended for g in groups for m in g.measures for s in m.samples)
    failed = sum(not s.valid for g in groups for m in g.measures for s in m.samples)
    retried = sum(m.retried for g in groups for m in g.measures)
    context.append(
        f"samples: {sum(len(m.samples) for g in groups for m in g.measures)} kept, {retried} retried, "
        f"{failed} failed (left out), {contended} kept although the machine was busy elsewhere; "
        f"{SETTINGS.waited:.0f}s spent waiting for other processes to go quiet"
    )
    text, rows = report(groups, info, proof, context)
    profile_text = ""
    if "profile" not in args.skip:
        log("profiling kerascheck on keras3")
        profile_text = profile(tools, built["keras3"], args.profile_top)
    elapsed = time.perf_counter() - started
    print(text)
    if profile_text:
        print("\n== profile")
        print(profile_text)
    print(f"\n(total benchmark time {elapsed / 60:.1f} min; python {sys.version.split()[0]}; {os.cpu_count()} cores)")
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    (RESULTS / f"run-{stamp}.json").write_text(
        json.dumps(
            {
                "rows": rows,
                "corpora": info,
                "proof": proof,
                "seconds": elapsed,
                "samples": {m.key: [asdict(s) for s in m.samples] for g in groups for m in g.measures},
            },
            indent=1,
            default=str,
        )
    )
    (RESULTS / f"run-{stamp}.txt").write_text(text + "\n\n" + profile_text + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
