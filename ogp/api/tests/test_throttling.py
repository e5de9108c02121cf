"""A worker's counts of a client's requests reach the shared cache in batches (one increment per
tenth of the limit or per SYNC_SECONDS), and one by one from nine tenths of the limit: the
limit holds across workers, exact near its end (ogp/api/throttling.py)."""

import time

import pytest
from django.core.cache import cache

from ogp.api import throttling
from ogp.api.throttling import _LocalCounts

KEY = "api-throttle:anon:10.0.0.1:7"
LATER = time.time() + 3600  # the window's end


@pytest.fixture
def increments(monkeypatch):
    seen = []
    add = throttling._add

    def counted(key, delta, duration):
        seen.append(delta)
        return add(key, delta, duration)

    monkeypatch.setattr(throttling, "_add", counted)
    return seen


def _counts(worker, n, limit=1000):
    return [worker.count(KEY, LATER, limit, 60) for _ in range(n)]


def test_a_heavy_clients_requests_are_added_in_batches(increments):
    worker = _LocalCounts()
    assert _counts(worker, 250) == list(range(1, 251))
    # the window's first request at once, then a tenth of the limit at a time
    assert increments == [1, 100, 100]
    assert cache.get(KEY) == 201  # the 49 since are this worker's, not yet added


def test_a_batch_is_added_after_sync_seconds(increments, monkeypatch):
    worker = _LocalCounts()
    _counts(worker, 5)
    monkeypatch.setattr(throttling, "SYNC_SECONDS", 0.0)
    _counts(worker, 2)
    assert increments == [1, 5, 1]
    assert cache.get(KEY) == 7


def test_past_nine_tenths_every_request_is_added_and_the_limit_holds(increments):
    worker = _LocalCounts()
    counts = _counts(worker, 105, limit=100)
    assert counts == list(range(1, 106))  # over 100: refused by the throttle
    # a tenth of the limit at a time up to nine tenths (the 91st), then each request at once
    assert increments == [1] + [10] * 9 + [1] * 14
    assert cache.get(KEY) == 105


def test_two_workers_share_the_count(increments):
    first, second = _LocalCounts(), _LocalCounts()
    _counts(first, 50, limit=100)
    counts = _counts(second, 50, limit=100)
    # the second worker read the first one's added requests at its first increment
    assert counts[0] > 1
    assert (
        cache.get(KEY)
        + sum(  # nothing lost: added, or still kept by a worker
            c.pending for w in (first, second) for c in w.counts.values()
        )
        == 100
    )
    refused = [n for n in _counts(second, 20, limit=100) if n > 100]
    assert len(refused) >= 10  # past the limit in the shared count: refused


def test_ended_windows_are_forgotten_whatever_their_length(monkeypatch):
    worker = _LocalCounts()
    now = time.time()
    worker.count("per-minute:1", now + 30, 1000, 60)
    worker.count("per-hour:1", now + 1800, 1000, 3600)  # another rate's window, longer
    monkeypatch.setattr(throttling.time, "time", lambda: now + 60)
    worker.pruned_at = float("-inf")  # a second has passed
    worker.count("per-minute:2", now + 90, 1000, 60)
    assert set(worker.counts) == {"per-hour:1", "per-minute:2"}


def test_small_limits_are_counted_exactly(increments):
    worker = _LocalCounts()
    assert _counts(worker, 4, limit=3) == [1, 2, 3, 4]
    assert increments == [1, 1, 1, 1] and cache.get(KEY) == 4
