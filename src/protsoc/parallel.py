"""Parse many registry files on every core, when there are enough of them to pay for it.

Parsing YAML is CPU-bound and each file is independent, so a fork-based pool of worker processes
can divide a cold load of a large registry by the number of idle cores. Sending the parsed
records back to the parent costs about a quarter of the parse (measured: benchmarks/README.md),
so the pool is used only for large loads and only on cores that are idle: on a machine whose load
average already fills the cores (a busy CI runner), one process is faster.
The result is exactly ``[registry.load_record(f) for f in files]``, in the same order.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .findings import Finding
    from .registry import Record, RecordFile

THRESHOLD = 400  # files; below this one process is as fast (measured: benchmarks/README.md)
CHUNK = 200
ENV_WORKERS = "PROTSOC_WORKERS"


def workers(count: int) -> int:
    """How many processes to use for ``count`` files (1 = in-process)."""
    given = os.environ.get(ENV_WORKERS)
    if given and given.isdigit():
        return max(1, int(given))
    if count < THRESHOLD or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        cores = os.cpu_count() or 1
    try:
        busy = os.getloadavg()[0]
    except OSError:  # pragma: no cover - no load average on this system
        busy = 0.0
    idle = int(cores - busy + 0.5)  # this process needs one core of its own
    return max(1, min(idle, 4))


def _load_chunk(files: list["RecordFile"]) -> list[tuple["Record", list["Finding"]]]:
    from .registry import load_record

    # Each chunk's records hold no reference cycles: the collector would only rescan them.
    gc.disable()
    try:
        return [load_record(record_file) for record_file in files]
    finally:
        gc.enable()


def load_all(files: list["RecordFile"]) -> list[tuple["Record", list["Finding"]]]:
    """``registry.load_record`` of every file, in order; on several cores when there are many."""
    count = workers(len(files))
    if count <= 1 or len(files) < 2:
        return _load_chunk(files)
    chunks = [files[start:start + CHUNK] for start in range(0, len(files), CHUNK)]
    context = multiprocessing.get_context("fork")
    enabled_gc = gc.isenabled()
    gc.disable()
    try:
        with context.Pool(count) as pool:
            loaded = pool.map(_load_chunk, chunks, chunksize=1)
    except (OSError, RuntimeError):  # no processes allowed here (sandbox, limits): one core it is
        return _load_chunk(files)
    finally:
        if enabled_gc:
            gc.enable()
    return [item for chunk in loaded for item in chunk]
