from __future__ import annotations

from typing import Any

import pytest

from atazan.accounts.domain.roles import Role
from atazan.accounts.services import user_create
from atazan.topics.services import tags_compute


@pytest.fixture
def tagged(db: None) -> None:
    """Both Constitutions tagged by rules and suggestions (the tagger reads the packaged official texts, so the
    texts context's tables may stay empty: topic pages still quote and link)."""
    tags_compute()


@pytest.fixture
def editor(db: None) -> Any:
    return user_create(username="ed", password="x-pass-123", roles=[Role.MODERATOR], full_name="Aigul Editor")


@pytest.fixture
def citizen(db: None) -> Any:
    return user_create(username="cit", password="x-pass-123", roles=[Role.CITIZEN], full_name="Dana Citizen")
