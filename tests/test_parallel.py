"""``--jobs``: worker processes check the same files with the same result, in the same order; a broken
pool falls back to checking in this process."""

from __future__ import annotations

import functools
import multiprocessing
import os
import shutil
from pathlib import Path

from kerascheck.parallel import EARLY_ITEMS_PER_JOB, MIN_FILES_PER_JOB, default_jobs, map_in_order
from tests.conftest import run_process
from tests.test_cli import KERAS1, ROOT


def kerascheck(*args, cwd):
    """The real command: its workers are forked from it, not from the test process."""
    return run_process("-m", "kerascheck", *args, cwd=cwd)


def _project(folder: Path) -> Path:
    shutil.copytree(ROOT / "examples", folder / "examples")
    package = folder / "examples" / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "base.py").write_text(
        "from tensorflow import keras\nclass Base(keras.layers.Layer):\n    def call(self, x):\n        return x\n"
    )
    for index in range(3 * MIN_FILES_PER_JOB):  # enough files for workers to be started
        (package / f"m{index}.py").write_text(
            KERAS1 + "from .base import Base\nclass Noisy(Base):\n    def call(self, x):\n"
            "        return keras.backend.dropout(x, 0.5)\nimport keras\n"
        )
    return folder / "examples"


def test_workers_report_what_one_process_reports(tmp_path):
    folder = _project(tmp_path)
    one = kerascheck("-j", "1", "--format", "json", ".", cwd=folder)
    two = kerascheck("-j", "2", "--format", "json", ".", cwd=folder)
    default = kerascheck("--format", "json", ".", cwd=folder)
    assert one[0] == 1 and "KER301" in one[1]  # across modules: Noisy derives from pkg.base.Base
    assert one == two == default


def test_workers_fix_the_same_way(tmp_path):
    first, second = _project(tmp_path / "a"), _project(tmp_path / "b")
    kerascheck("-j", "1", "--fix", ".", cwd=first)
    kerascheck("-j", "2", "--fix", ".", cwd=second)
    for path in sorted(first.rglob("*.py")):
        assert path.read_text() == (second / path.relative_to(first)).read_text()


def test_jobs_must_be_a_count(tmp_path):
    code, _, err = kerascheck("-j", "two", ".", cwd=tmp_path)
    assert code == 2 and "'two' is not a number of processes" in err


def _kill_workers(item: int) -> int:
    if os.getpid() != PARENT:
        os._exit(3)  # a worker dies, as when the kernel kills it for memory
    return item * 2


PARENT = os.getpid()


def test_a_broken_pool_falls_back_to_this_process():
    items = list(range(4 * MIN_FILES_PER_JOB))
    done: list = []
    results = map_in_order(_kill_workers, items, jobs=2, meanwhile=functools.partial(_note_process, done))
    assert list(results) == [item * 2 for item in items]
    assert len(done) == 1  # the work of this process's own, once
    assert default_jobs() >= 1


def _worker_pid(item: int) -> int:
    return os.getpid()


def _note_process(done: list) -> None:
    done.append((os.getpid(), len(multiprocessing.active_children())))


def test_work_of_its_own_is_done_once_while_the_workers_check():
    items = list(range(4 * MIN_FILES_PER_JOB))
    for jobs in (1, 2):
        done: list = []
        meanwhile = functools.partial(_note_process, done)
        pids = list(map_in_order(_worker_pid, items, jobs, meanwhile=meanwhile))
        assert [pid for pid, _ in done] == [os.getpid()]  # in this process, once
        assert (done[0][1] > 0) is (jobs > 1)  # with the workers started
        assert (os.getpid() in pids) is (jobs == 1)


def _found_as_checked(started: list, count: int):
    """Items as a folder's search finds them, noting for each whether workers run by then."""
    for item in range(count):
        started.append(len(multiprocessing.active_children()))
        yield item


def test_workers_start_on_the_first_files_while_the_search_finds_the_rest():
    started: list = []
    count = 10 * MIN_FILES_PER_JOB
    results = list(map_in_order(_worker_pid, _found_as_checked(started, count), jobs=2))
    assert len(results) == count and os.getpid() not in results
    assert started[-1] > 0  # the last file was found with the workers at work
    assert started[0] == 0


def test_a_broken_pool_checks_the_files_still_to_find_here():
    items = range(6 * MIN_FILES_PER_JOB)
    assert list(map_in_order(_kill_workers, (item for item in items), jobs=2)) == [item * 2 for item in items]


def test_a_bad_configuration_found_with_the_workers_running_is_one_line(tmp_path):
    folder = _project(tmp_path)
    late = folder / "zz"  # searched last, after the workers have started
    late.mkdir()
    (late / "m.py").write_text(KERAS1)
    (late / "pyproject.toml").write_text('[tool.kerascheck]\nextend-select = ["KER3O7"]\n')
    code, out, err = kerascheck("-j", "2", ".", cwd=folder)
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and "'KER3O7' selects no kerascheck code" in err and "Traceback" not in err


def _started(item: int) -> tuple:
    import time

    began = time.monotonic()
    time.sleep(0.002)
    return item, began


def test_the_costliest_items_are_handed_out_first_and_the_results_keep_the_order():
    first = 2 * (MIN_FILES_PER_JOB + EARLY_ITEMS_PER_JOB)  # handed out as they came, while the search goes on
    items = list(range(first + 10 * MIN_FILES_PER_JOB))
    results = list(map_in_order(_started, iter(items), jobs=2, cost=lambda item: item))
    assert [item for item, _ in results] == items
    began = dict(results)
    later = items[first:]
    assert began[later[-1]] < began[later[0]]  # the costliest of the rest before the cheapest
    assert began[later[-1]] < began[later[len(later) // 2]]


def test_a_broken_pool_handing_out_the_costliest_first_falls_back_in_order():
    items = list(range(6 * MIN_FILES_PER_JOB))
    assert list(map_in_order(_kill_workers, iter(items), jobs=2, cost=lambda item: -item)) == [i * 2 for i in items]


def test_an_error_stopping_the_pool_never_takes_the_place_of_what_stopped_the_run(monkeypatch):
    """A Ctrl-C in the middle of a run: stopping the pool may meet the pool's own pipes closing (an OSError), which
    must not replace the KeyboardInterrupt (the command would end with status 1, as for a broken output pipe)."""
    from kerascheck import parallel

    stop = parallel._stop

    def failing(pool) -> None:
        stop(pool)
        raise BrokenPipeError("the pool's pipe closed")

    monkeypatch.setattr(parallel, "_stop", failing)
    results = map_in_order(_worker_pid, range(MIN_FILES_PER_JOB * 8), jobs=2)
    next(results)
    try:
        results.throw(KeyboardInterrupt)
    except KeyboardInterrupt:
        pass
    else:  # pragma: no cover - the assertion's message
        raise AssertionError("the KeyboardInterrupt was lost")
