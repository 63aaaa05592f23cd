"""Comparison API under /api/texts/compare/…: mapping with stats, stats alone, and the word diff of one pair."""

from __future__ import annotations

from typing import Any

from ninja import Router, Schema
from ninja.errors import HttpError

from .comparison import ComparisonNotOffered, comparison_get, segments_json
from .domain.stats import Comparison

router = Router(tags=["texts"])


class MappingEntryOut(Schema):
    old: list[str]
    new: list[str]
    relation: str
    similarity: float


class ComparisonOut(Schema):
    mapping: list[MappingEntryOut]
    stats: dict[str, Any]


class SegmentOut(Schema):
    op: str
    text: str


class PairDiffOut(Schema):
    old: str | None
    new: str | None
    relation: str
    similarity: float
    segments: list[SegmentOut]


def _get(from_year: int, to_year: int, lang: str) -> Comparison:
    try:
        return comparison_get(from_year, to_year, lang)
    except ComparisonNotOffered as exc:
        raise HttpError(404, str(exc)) from exc


@router.get("/compare/{from_year}/{to_year}/{lang}", response=ComparisonOut)
def comparison_mapping(request: Any, from_year: int, to_year: int, lang: str) -> dict[str, Any]:
    """Every 1995 article mapped to what it became in 2026 (same shape as `atazan texts compare --json`)."""
    return _get(from_year, to_year, lang).as_json()


@router.get("/compare/{from_year}/{to_year}/{lang}/stats", response=dict[str, Any])
def comparison_stats(request: Any, from_year: int, to_year: int, lang: str) -> dict[str, object]:
    """Articles changed, share of the old text changed by words, new and repealed, next to the official figure."""
    return _get(from_year, to_year, lang).stats.as_json()


@router.get("/compare/{from_year}/{to_year}/{lang}/diff", response=PairDiffOut)
def comparison_pair_diff(
    request: Any, from_year: int, to_year: int, lang: str, old: str = "", new: str = ""
) -> dict[str, Any]:
    """Word diff (equal/insert/delete segments) of an aligned pair: `?old=77&new=19`; one side empty for
    a repealed or new article."""
    c = _get(from_year, to_year, lang)
    if not old and not new:
        raise HttpError(400, "give old=<1995 article> and/or new=<2026 article>")
    for d in c.pair_diffs:
        if d.old == old and d.new == new:
            entry = c.alignment.for_old(old) if old else c.alignment.for_new(new)[0]
            sim = next((p.similarity for p in entry.pairs if p.old == old and p.new == new), entry.similarity)
            return {
                "old": old or None,
                "new": new or None,
                "relation": entry.relation.value,
                "similarity": round(sim, 2),
                "segments": segments_json(d.segments),
            }
    raise HttpError(404, f"articles {old or '—'} ({from_year}) and {new or '—'} ({to_year}) are not an aligned pair")
