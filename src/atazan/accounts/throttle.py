"""Counting attempts per key in the cache: sign-in failures, submissions, anything a script could flood.

With the default local-memory cache each server process counts on its own; set REDIS_URL so that every process
shares one count (production).
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass

from django.core.cache import cache


class Throttled(Exception):  # noqa: N818 - the name reads as the outcome, as Django REST's does
    """Too many attempts for ``key`` within the window; ``retry_after_s`` says when to try again."""

    def __init__(self, *, key: str, limit: int, window_s: int, retry_after_s: int) -> None:
        self.key = key
        self.limit = limit
        self.window_s = window_s
        self.retry_after_s = retry_after_s
        super().__init__(f"too many attempts ({limit} per {window_s} s) for {key}; retry in {retry_after_s} s")


@dataclass(frozen=True)
class ThrottleState:
    count: int
    limit: int
    retry_after_s: int

    @property
    def exceeded(self) -> bool:
        return self.count >= self.limit


def _cache_key(key: str) -> str:
    # Keys may carry user names and addresses; the cache sees only a digest of them.
    return "atazan:throttle:" + hashlib.sha256(key.encode()).hexdigest()


def throttle_peek(*, key: str, limit: int, window_s: int) -> ThrottleState:
    """How many attempts ``key`` has made in the current window, without counting one more."""
    base = _cache_key(key)
    values = cache.get_many([base + ":n", base + ":t0"])
    count = int(values.get(base + ":n", 0))
    started = float(values.get(base + ":t0", time.time()))
    retry = max(0, int(started + window_s - time.time()) + 1) if count else 0
    return ThrottleState(count=count, limit=limit, retry_after_s=retry)


def throttle_hit(*, key: str, window_s: int) -> int:
    """Count one attempt for ``key``; the window starts at the first attempt. Returns the count so far."""
    base = _cache_key(key)
    if cache.add(base + ":n", 0, timeout=window_s):
        cache.set(base + ":t0", time.time(), timeout=window_s)
    try:
        return int(cache.incr(base + ":n"))
    except ValueError:  # expired between add and incr
        cache.set(base + ":n", 1, timeout=window_s)
        cache.set(base + ":t0", time.time(), timeout=window_s)
        return 1


def throttle_check(*, key: str, limit: int, window_s: int) -> int:
    """Count an attempt for ``key`` and raise ``Throttled`` if it is beyond ``limit`` in ``window_s`` seconds.

    Call it before doing the work, e.g. ``throttle_check(key=f"proposal:{user.pk}", limit=5, window_s=3600)``.
    A refused attempt is not counted again, so waiting out the window always lets the caller back in.
    """
    if limit < 1 or window_s < 1:
        raise ValueError("limit and window_s must be positive")
    state = throttle_peek(key=key, limit=limit, window_s=window_s)
    if state.exceeded:
        raise Throttled(key=key, limit=limit, window_s=window_s, retry_after_s=state.retry_after_s)
    return throttle_hit(key=key, window_s=window_s)


def throttle_reset(*, key: str) -> None:
    base = _cache_key(key)
    cache.delete_many([base + ":n", base + ":t0"])
