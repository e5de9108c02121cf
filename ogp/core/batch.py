"""Work that a batch of writes does once, at its end, instead of once per saved row.

A service that saves many rows in one transaction (an eligibility publication moving dozens of
countries' statuses) opens `deferred()`; an app above that reacts to each save (the search
index) registers its work with `defer(...)`, which collects the items per key. When the
outermost block ends without an error, each key's function runs once with all its items, still
inside the caller's transaction (so it commits or rolls back with the rows). Outside a block,
`defer` returns False and the caller does its work at once, as before.

`gc_paused()` is for the same kind of bulk work: it keeps Python's cyclic garbage collector
from walking the objects the work keeps alive, again and again, while it runs.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from typing import Any


class _State(threading.local):
    depth = 0
    pending: dict[Hashable, tuple[Callable[[list[Any]], None], list[Any]]]

    def __init__(self) -> None:
        self.pending = {}


_state = _State()


@contextmanager
def deferred() -> Iterator[None]:
    """Collect deferred work inside the block; run it once per key at the outermost end."""
    _state.depth += 1
    try:
        yield
        if _state.depth == 1:
            while _state.pending:  # the work may defer more (in order of registration)
                key = next(iter(_state.pending))
                fn, items = _state.pending.pop(key)
                fn(items)
    finally:
        _state.depth -= 1
        if _state.depth == 0:
            _state.pending.clear()  # an error: nothing deferred runs (the writes roll back)


def defer(key: Hashable, fn: Callable[[list[Any]], None], item: Any) -> bool:
    """Add `item` to the work `fn` does for `key` at the end of the open block. Returns False
    (and registers nothing) when no block is open."""
    if not _state.depth:
        return False
    found = _state.pending.get(key)
    if found is None:
        _state.pending[key] = (fn, [item])
    else:
        found[1].append(item)
    return True


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector during one bulk operation (an import of tens of
    thousands of observations, the computation or publication of a cycle); usable as a decorator.

    Such work keeps many small objects alive until it ends (parsed rows, cached observation
    rows, results), and every full collection on the way walks all of them again: in
    bench/eligibility.py that was about a third of the time. Reference counting still frees
    every object as soon as it is unused; only reference cycles made inside wait, and the
    collector runs again, on its usual thresholds, when the block ends (error or not). The
    collector belongs to the process, so another thread's work is not collected either for the
    second or so this lasts. Inside a block, or with the collector already off, nothing changes.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
