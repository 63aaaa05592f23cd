from __future__ import annotations

import pytest

from atazan.texts.domain.parser import load_official
from atazan.topics.domain.tagging import RuleTag, Suggestion, Unit, rule_tags, suggest, units_of
from atazan.topics.domain.taxonomy import Taxonomy, load_taxonomy


@pytest.fixture(scope="session")
def taxonomy() -> Taxonomy:
    return load_taxonomy()


@pytest.fixture(scope="session")
def units() -> list[Unit]:
    out: list[Unit] = []
    for year in (1995, 2026):
        out += units_of(year, load_official(year, "rus"), load_official(year, "kaz"))
    return out


@pytest.fixture(scope="session")
def tags(taxonomy: Taxonomy, units: list[Unit]) -> list[RuleTag]:
    return rule_tags(taxonomy, units)


@pytest.fixture(scope="session")
def suggestions(taxonomy: Taxonomy, units: list[Unit], tags: list[RuleTag]) -> list[Suggestion]:
    return suggest(taxonomy, units, tags)


@pytest.fixture(scope="session")
def topics_of(tags: list[RuleTag]) -> dict[tuple[int, str], set[str]]:
    out: dict[tuple[int, str], set[str]] = {}
    for t in tags:
        out.setdefault((t.year, t.eid), set()).add(t.topic)
    return out
