"""Python's cycle collector, paused while protsoc builds records.

A large registry is millions of small dicts, lists and strings, none of them in a reference
cycle. The collector does not know that: while they are being created it runs full collections
that walk all of them again and again (half of a 10,000-meeting load). Memory is still freed by
reference counting while it is paused.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """No cycle collection inside the block; the collector's previous state afterwards."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
