"""Checking many files at once: a pool of worker processes, each checking whole files.

Files are independent until the project passes (custom layers across modules, KER404, pins), which
the command line runs afterwards on the results. Workers are forked where the platform allows it, so
they start with kerascheck already imported; elsewhere they are spawned.
"""

from __future__ import annotations

import os
import sys
from typing import Callable, Iterator, Optional, Sequence, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

# Below this many files per worker, starting the workers costs more than it saves.
MIN_FILES_PER_JOB = 4

_task: Optional[Callable] = None  # the function a worker applies, installed when it starts


def default_jobs() -> int:
    """The CPUs this process may run on (a container's limit, not the machine's)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def map_in_order(task: Callable[[Item], Result], items: Sequence[Item], jobs: int) -> Iterator[Result]:
    """``task`` of each item, in the items' order; in ``jobs`` worker processes when that pays off.
    If the pool breaks (a worker killed for memory, say), the remaining items run in this process."""
    if jobs <= 1 or len(items) < MIN_FILES_PER_JOB * 2:
        yield from map(task, items)
        return
    from concurrent.futures import ProcessPoolExecutor  # here: a run in one process never needs them
    from concurrent.futures.process import BrokenProcessPool

    jobs = min(jobs, len(items) // MIN_FILES_PER_JOB)
    chunk = max(1, min(16, len(items) // (jobs * 8)))  # small chunks keep the workers evenly busy
    done = 0
    try:
        with ProcessPoolExecutor(jobs, mp_context=_context(), initializer=_install, initargs=(task,)) as pool:
            for result in pool.map(_run, items, chunksize=chunk):
                yield result
                done += 1
    except BrokenProcessPool:
        yield from map(task, items[done:])


def _context():
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if sys.platform == "linux" and "fork" in methods else "spawn")


def _install(task: Callable) -> None:
    global _task
    _task = task


def _run(item):
    return _task(item)
