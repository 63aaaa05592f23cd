import pytest


@pytest.fixture(autouse=True)
def _fresh_throttle_counts():
    """Submission counts live in the cache (per process with the local-memory cache): each test starts at zero, so
    that a user id reused by another test's rolled-back rows never inherits its count."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
