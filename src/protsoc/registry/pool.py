"""Parse many registry files on every core, when there are enough of them to pay for it.

Parsing YAML is CPU-bound and each file is independent, so a fork-based pool of worker processes
can divide a cold load of a large registry by the number of idle cores. Workers send each file's
load back as marshalled plain data (pickling the records cost more than the second core saved).
It pays when a core is idle (N = 10,000, 2 cores: 2.7 s instead of 4.7 s) and costs when none
is, so the pool is used only for large loads and only on cores no other process is running on
right now. ``PROTSOC_WORKERS`` overrides both: that many processes, whatever the number of files
(1: in this process; the tests set 2 to run the pool on small registries).
The result is exactly ``[registry.load_record(f) for f in files]``, in the same order.
"""

from __future__ import annotations

import marshal
import multiprocessing
import os
import signal
from typing import TYPE_CHECKING, Any, Callable

from protsoc.kernel import collector
from protsoc.kernel.findings import finding_from_tuple, finding_to_tuple

if TYPE_CHECKING:
    from protsoc.kernel.findings import Finding
    from protsoc.registry.layout import RecordFile
    from protsoc.registry.records import Record

THRESHOLD = 400  # files; below this one process is as fast (measured: benchmarks/README.md)
CHUNK = 200
ENV_WORKERS = "PROTSOC_WORKERS"


def workers(count: int) -> int:
    """How many processes to use for ``count`` files (1 = in-process)."""
    if "fork" not in multiprocessing.get_all_start_methods():  # the pool forks (Linux, macOS)
        return 1
    given = os.environ.get(ENV_WORKERS)
    if given and given.isdigit():
        return max(1, int(given))
    if count < THRESHOLD:
        return 1
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        cores = os.cpu_count() or 1
    free = cores - _busy_cores()
    return max(1, min(cores, free, 4))


def _busy_cores() -> int:
    """Cores that other processes are using right now.

    The kernel's count of runnable tasks (``/proc/loadavg``, fourth field) is an instant reading:
    the one-minute load average still counts the process that ran just before (a script validating
    twice in a row would never get the second core). This process is one of the runnable tasks.
    """
    try:
        with open("/proc/loadavg", encoding="ascii") as stream:
            return max(0, int(stream.read().split()[3].split("/")[0]) - 1)
    except (OSError, ValueError, IndexError):  # not Linux
        try:
            return int(os.getloadavg()[0] + 0.5)
        except OSError:  # pragma: no cover - no load average on this system
            return 0


def _load_chunk(files: list[RecordFile]) -> list[tuple[Record, list[Finding]]]:
    from protsoc.registry.records import load_record

    with collector.paused():
        return [load_record(record_file) for record_file in files]


def _packed_chunk(files: list[RecordFile]) -> list[bytes]:
    """In a worker: each file's load as marshalled plain data (much cheaper to send than
    pickles)."""
    from protsoc.registry import yamlio  # loaded by load_record in this process already

    packed = []
    for record, findings in _load_chunk(files):
        document = record.document
        parts = None
        if document is not None:
            parts = (
                document.data,
                document.text,
                list(document.implicit.items()),
                [yamlio.problem_to_tuple(p) for p in document.problems],
            )
        packed.append(
            marshal.dumps((record.data is not None, parts, [finding_to_tuple(f) for f in findings]))
        )
    return packed


def _unpack(record_file: RecordFile, blob: bytes) -> tuple[Record, list[Finding]]:
    from protsoc.registry import yamlio
    from protsoc.registry.records import Record

    has_data, parts, findings = marshal.loads(blob)
    document = None
    if parts is not None:
        data, text, implicit, problems = parts
        document = yamlio.Document(
            data=data,
            text=text,
            implicit=dict(implicit),
            problems=[yamlio.YamlProblem(*p) for p in problems],
        )
    display = record_file.display()
    return (
        Record(record_file, document.data if has_data and document else None, document),
        [finding_from_tuple(item, display) for item in findings],
    )


def load_all(files: list[RecordFile]) -> list[tuple[Record, list[Finding]]]:
    """``registry.load_record`` of every file, in order; on several cores when there are many."""
    if workers(len(files)) <= 1 or len(files) < 2:
        return _load_chunk(files)
    blobs = map_chunks(_packed_chunk, files)
    if blobs is None:
        return _load_chunk(files)
    return [_unpack(record_file, blob) for record_file, blob in zip(files, blobs)]


def _pool(context: Any, count: int) -> Any:
    """A pool whose workers ignore Ctrl-C: the terminal sends SIGINT to the whole process group,
    and workers interrupted mid-task printed their tracebacks or left the pool waiting for results
    that never came. Only this process handles it (KeyboardInterrupt, then the pool's ``with``
    terminates the workers). SIGINT stays blocked while the workers are forked, so none of them
    can be interrupted before it ignores the signal; one that arrives meanwhile is delivered here
    when the block is lifted."""
    if not hasattr(signal, "pthread_sigmask"):  # pragma: no cover - not POSIX
        return context.Pool(count, initializer=_ignore_interrupts)
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        # The pool's own threads are started here too, so the workers they fork later to replace
        # one that ended are born with SIGINT blocked as well.
        return context.Pool(count, initializer=_ignore_interrupts)
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def _ignore_interrupts() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def map_chunks(function: Callable[[list[Any]], list[Any]], items: list[Any]) -> list[Any] | None:
    """``function`` on chunks of ``items`` in worker processes, the results joined in order.

    ``function`` runs in a forked child and its results are pickled back: return plain data
    (marshalled bytes are cheapest). None when no pool is used here (one core, few items, or no
    processes can be started: a sandbox or a process limit): the caller then does the work
    itself. An exception raised in a worker is raised here, with the worker's traceback as its
    cause: it is a bug to report (the CLI exits 3 and writes the log), never work to redo.
    """
    count = workers(len(items))
    if count <= 1 or len(items) < 2:
        return None
    # Chunks of CHUNK items, or smaller when there are too few items to give every worker one.
    size = min(CHUNK, -(-len(items) // count))
    chunks = [items[start : start + size] for start in range(0, len(items), size)]
    context = multiprocessing.get_context("fork")
    with collector.paused():
        try:
            pool = _pool(context, min(count, len(chunks)))
        except OSError:  # no processes can be started here (sandbox, limits): work in-process
            return None
        with pool:
            done = pool.map(function, chunks, chunksize=1)
    return [result for results in done for result in results]
