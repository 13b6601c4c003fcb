"""Loading the registry for a read-only command (status, cadence, report).

A 10,000-meeting registry is a few million small dicts, lists and strings, none of them in a
reference cycle. Python's cycle collector does not know that: while they are created it runs
full collections that walk all of them again and again (about half of the 1.2 s load), and
afterwards every collection the command's own work triggers walks them too (0.4-0.6 s of a
report). So the collector is paused while the registry loads, and what was loaded is then
frozen out of its scans (``gc.freeze``) until the command ends, when it is handed back
(``gc.unfreeze``): a command run in a long-lived process (tests, CliRunner) leaks nothing.
Memory is still freed by reference counting as usual.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from protsoc.kernel import collector


@contextlib.contextmanager
def loaded_registry(root: Path) -> Iterator[Any]:
    """``Registry.load(root)``, with the collector kept off the loaded records while in use."""
    from protsoc.registry.loaded import Registry

    with collector.paused():
        registry = Registry.load(root)
        gc.freeze()
    try:
        yield registry
    finally:
        gc.unfreeze()
