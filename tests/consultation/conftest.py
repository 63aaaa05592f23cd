import pytest


@pytest.fixture(autouse=True)
def _fresh_throttle_counts():
    """Submission counts live in the cache (per process with the local-memory cache): each test starts at zero, so
    that a user id reused by another test's rolled-back rows never inherits its count. (The pure domain tests run
    without Django: nothing to clear there.)"""
    from django.conf import settings

    if not settings.configured:
        yield
        return
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
