"""The parsed official texts the tagger and the comparison read, parsed once per process.

The same files the texts context imports (its `constitution_dir()` setting included), so tags, quotes and diffs
describe the same wording as the reading pages.
"""

from __future__ import annotations

from functools import lru_cache

from atazan.texts.domain.align import Alignment, align
from atazan.texts.domain.model import Expression
from atazan.texts.domain.parser import load_official
from atazan.texts.services import constitution_dir

from .domain.tagging import RuleTag, Suggestion, Unit, rule_tags, suggest, units_of
from .domain.taxonomy import YEARS, Taxonomy, load_taxonomy


@lru_cache(maxsize=8)
def expression(year: int, language: str) -> Expression:
    return load_official(year, language, constitution_dir())


@lru_cache(maxsize=1)
def units() -> tuple[Unit, ...]:
    """Every paragraph of both Constitutions (1995 first), each with its Russian and Kazakh wording."""
    out: list[Unit] = []
    for year in YEARS:
        out.extend(units_of(year, expression(year, "rus"), expression(year, "kaz")))
    return tuple(out)


@lru_cache(maxsize=1)
def unit_index() -> dict[tuple[int, str], Unit]:
    return {(u.year, u.eid): u for u in units()}


@lru_cache(maxsize=2)
def alignment(language: str) -> Alignment:
    """The texts context's 1995 → 2026 alignment in one language (a couple of seconds, so computed once)."""
    return align(expression(1995, language), expression(2026, language))


@lru_cache(maxsize=1)
def taxonomy() -> Taxonomy:
    return load_taxonomy()


@lru_cache(maxsize=1)
def computed() -> tuple[tuple[RuleTag, ...], tuple[Suggestion, ...]]:
    """The rules' tags and the similarity suggestions over both Constitutions (deterministic, so computed once)."""
    tax = taxonomy()
    rules = tuple(rule_tags(tax, units()))
    return rules, tuple(suggest(tax, units(), rules))
