"""Figures of the 1995 → 2026 comparison, computed from the official texts."""

from __future__ import annotations

from fractions import Fraction
from functools import cache

from atazan.texts.domain.diff import new_text, old_text
from atazan.texts.domain.parser import load_official
from atazan.texts.domain.stats import Comparison, compare


@cache
def _rus() -> Comparison:
    return compare(load_official(1995, "rus"), load_official(2026, "rus"))


def test_counts_add_up() -> None:
    s = _rus().stats
    assert s.old_articles == 102 and s.repealed_before == 1 and s.old_in_force == 101
    assert s.new_articles_total == 96
    assert s.unchanged + s.renumbered + s.amended + s.split + s.merged + s.repealed == s.old_in_force
    assert s.articles_changed == s.old_in_force - s.unchanged - s.renumbered
    assert s.renumbered >= 4  # e.g. 89 → 91, word for word
    assert 0 < s.share_old_changed < 1 and isinstance(s.share_old_changed, Fraction)


def test_every_pair_diff_rebuilds_both_articles() -> None:
    from atazan.texts.domain.align import normative_text

    c = _rus()
    old = {a.num: a for a in c.alignment.old.articles()}
    new = {a.num: a for a in c.alignment.new.articles()}
    for d in c.pair_diffs:
        assert old_text(d.segments) == (normative_text(old[d.old]) if d.old else "")
        assert new_text(d.segments) == (normative_text(new[d.new]) if d.new else "")


def test_json_shape_and_official_figure() -> None:
    data = _rus().as_json()
    stats = data["stats"]
    assert isinstance(stats, dict)
    assert stats["official_january_draft"]["articles_changed"] == 77
    assert "104" in stats["why_figures_differ"]
    m = data["mapping"]
    assert isinstance(m, list)
    assert {"old": ["89"], "new": ["91"], "relation": "renumbered", "similarity": 1.0} in m
