from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def audit_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test signs with its own key, in a file outside the database (never the developer's var/ key)."""
    path = tmp_path / "audit-signing.key"
    monkeypatch.setenv("ATAZAN_AUDIT_KEY_FILE", str(path))
    from atazan.audit.keys import audit_key_create

    audit_key_create()
    return path


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    """The audit page keeps its verdict per log head for a minute; two tests' logs can share a head (same actions in
    the same second), so each test starts with an empty cache."""
    from django.core.cache import cache

    cache.clear()
