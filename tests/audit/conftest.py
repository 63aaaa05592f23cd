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
