from __future__ import annotations

from collections.abc import Callable

import pytest

from atazan.texts.services import ImportOutcome, official_text_import


@pytest.fixture
def load_texts(db: None) -> Callable[..., list[ImportOutcome]]:
    """Import official texts into the test database: load_texts((2026, "rus"), (1995, "kaz"))."""

    def load(*which: tuple[int, str]) -> list[ImportOutcome]:
        return [official_text_import(year=y, language=lang) for y, lang in which]

    return load
