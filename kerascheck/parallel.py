"""Checking many files at once: a pool of worker processes, each checking whole files.

Files are independent until the project passes (custom layers across modules, KER404, pins), which
the command line runs afterwards on the results. Workers are forked where the platform allows it, so
they start with kerascheck already imported; elsewhere they are spawned.
"""

from __future__ import annotations

import os
import sys
from itertools import chain, islice
from typing import Any, Callable, Iterable, Iterator, List, Optional, Set, Sized, Tuple, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

# Below this many files per worker, starting the workers costs more than it saves.
MIN_FILES_PER_JOB = 4
# Files per task while a folder's search still finds them (its total unknown): small enough that no
# worker waits long for the other at the end, large enough that handing out costs little.
STREAMED_CHUNK = 8
# Handed out costliest first (see map_in_order's ``cost``): chunks of about 1/COST_CHUNKS of a worker's share,
# at most MAX_CHUNK items: the largest files go alone, the small ones together.
COST_CHUNKS = 32
# Items per worker handed out as they come, before the costliest-first order: work for the workers while this process
# finds the rest.
EARLY_ITEMS_PER_JOB = 12
MAX_CHUNK = 16

_task: Optional[Callable] = None  # the function a worker applies, installed when it starts


def default_jobs() -> int:
    """The CPUs this process may run on (a container's limit, not the machine's)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def map_in_order(
    task: Callable[[Item], Result],
    items: Iterable[Item],
    jobs: int,
    meanwhile: Optional[Callable[[], None]] = None,
    cost: Optional[Callable[[Item], int]] = None,
) -> Iterator[Result]:
    """``task`` of each item, in the items' order; in ``jobs`` worker processes when that pays off.
    ``items`` may be found as the work goes (a folder's search): the workers start on the first ones
    while this process finds the rest. If the pool breaks (a worker killed for memory, say), the
    remaining items run in this process. ``meanwhile``: work of this process's own, done once the
    workers have started and every item is handed out (first, without them). ``cost``: what an item
    costs (a file's size); the rest are then handed out costliest first, in chunks of like cost."""
    pending = [meanwhile] if meanwhile is not None else []  # done once, whatever becomes of the pool
    stream = iter(items)
    first = list(islice(stream, max(jobs, 1) * MIN_FILES_PER_JOB))  # enough to tell whether workers pay off
    if jobs <= 1 or len(first) < MIN_FILES_PER_JOB * 2:
        _run_once(pending)
        yield from map(task, chain(first, stream))
        return
    from concurrent.futures import ProcessPoolExecutor  # here: a run in one process never needs them
    from concurrent.futures.process import BrokenProcessPool

    jobs = min(jobs, len(first) // MIN_FILES_PER_JOB)
    total = len(items) if isinstance(items, Sized) else None
    # small chunks keep the workers evenly busy; a search still going says nothing of the total
    chunk = max(1, min(16, total // (jobs * 8))) if total is not None else STREAMED_CHUNK
    handed: List[Item] = []  # the items given to the workers, kept for a fallback
    done = 0
    pool = ProcessPoolExecutor(jobs, mp_context=_context(), initializer=_install, initargs=(task,))
    try:
        held = _hold_signals()  # until a worker has set its own handlers (see _install)
        try:
            pool.submit(int)  # starts the workers: forked now, all of them, with kerascheck imported
        finally:
            _release_signals(held)
        results: Iterable[Result]
        if cost is not None:
            results = _costliest_first(pool, first, stream, handed, cost, jobs, pending)
        else:
            results = pool.map(_run, _kept(chain(first, stream), handed), chunksize=chunk)  # finds the rest meanwhile
            _run_once(pending)  # the workers are busy: this process would only wait for them
        for result in results:
            yield result
            done += 1
    except BrokenProcessPool:
        pool.shutdown()
        _run_once(pending)
        yield from map(task, chain(handed[done:], stream))
    except BaseException:  # Ctrl-C, a SIGTERM (see cli.main), an error finding the items, or the caller stopped
        try:
            _stop(pool)
        except Exception:  # noqa: S110 - the pool's own pipes, closing as it ends: what stops the run is the cause
            pass
        raise
    else:
        pool.shutdown()


def _costliest_first(
    pool,
    first: List[Item],
    stream: Iterator[Item],
    handed: List[Item],
    cost: Callable[[Item], int],
    jobs: int,
    pending: List[Callable[[], None]],
) -> Iterator[Result]:
    """The results in the items' order, the items handed out costliest first (the first ones as they came, while
    this process finds the rest): no worker is left with a large file at the end while the others wait, and a
    worker's largest file meets the least it has kept from earlier ones. ``handed`` gets every item, in order,
    for the fallback of :func:`map_in_order`."""
    # the workers start on the first items, and a few more, while this process finds the rest (a large tree takes a
    # while: the workers would wait for it)
    first = first + list(islice(stream, jobs * EARLY_ITEMS_PER_JOB))
    handed.extend(first)
    futures = [pool.submit(_run_each, [item]) for item in first]
    rest = list(stream)
    handed.extend(rest)
    costs = [cost(item) for item in rest]
    budget = max(1, sum(costs) // (jobs * COST_CHUNKS))
    chunks: List[List[int]] = []
    size = budget
    for index in sorted(range(len(rest)), key=costs.__getitem__, reverse=True):
        if size >= budget or len(chunks[-1]) >= MAX_CHUNK:
            chunks.append([])
            size = 0
        chunks[-1].append(index)
        size += costs[index]
    where: List[Tuple[Any, int]] = [(future, 0) for future in futures] + [(None, 0)] * len(rest)
    for chunk in chunks:
        future = pool.submit(_run_each, [rest[index] for index in chunk])
        for position, index in enumerate(chunk):
            where[len(first) + index] = (future, position)
    _run_once(pending)  # the workers are busy: this process would only wait for them
    for future, position in where:
        yield future.result()[position]


def _kept(items: Iterator[Item], handed: List[Item]) -> Iterator[Item]:
    for item in items:
        handed.append(item)
        yield item


def _run_once(pending: List[Callable[[], None]]) -> None:
    while pending:
        pending.pop()()


def _hold_signals() -> Optional[Set[int]]:
    """Hold Ctrl-C and SIGTERM: a worker forked now starts with them held, not handled by Python.
    Returns what :func:`_release_signals` needs."""
    import signal  # here, as are the pool's modules: a run in one process needs none of them

    if not hasattr(signal, "pthread_sigmask"):  # pragma: no cover - Windows
        return None
    return signal.pthread_sigmask(signal.SIG_BLOCK, (signal.SIGINT, signal.SIGTERM))


def _release_signals(held: Optional[Set[int]]) -> None:
    import signal

    if held is not None:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def _stop(pool) -> None:
    """End the workers now: they are terminated first, then the queued files are dropped, a file being checked is
    abandoned. The caller never lets an error raised here (the pool's pipes may be closing) take the place of what
    stopped the run. The pool's
    manager thread is waited for too: it closes its wake-up pipe as it ends, and had it still been ending
    when the interpreter exits, CPython's exit hook (concurrent.futures.process._python_exit, 3.11) could
    write to the pipe as it closed and print an ignored ``OSError: Bad file descriptor`` traceback."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    manager = getattr(pool, "_executor_manager_thread", None)
    for process in processes:  # first: nothing below may wait on a worker still checking a file
        process.terminate()
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.join(timeout=5)
    if manager is not None:
        manager.join(timeout=5)


def _context():
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if sys.platform == "linux" and "fork" in methods else "spawn")


def _install(task: Callable) -> None:
    """A worker's start. Ctrl-C reaches every process of the terminal's group: the main process stops
    the run (and its workers), so a worker ignores it rather than print a traceback; SIGTERM (from
    the main process, or anyone) ends a worker at once."""
    import signal

    global _task
    _task = task
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, (signal.SIGINT, signal.SIGTERM))


def _run(item):
    return _task(item)


def _run_each(items: list) -> list:
    task = _task
    assert task is not None  # set by _install when the worker started
    return [task(item) for item in items]
