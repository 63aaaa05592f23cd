"""Cross-language copies of one campaign (the same text in Kazakh and Russian, say), found through the
multilingual embedding: character shingles cannot see them.

Only representatives of the shingle-based groups are compared, and only across languages; a pair is proposed when
the cosine similarity of their courtesy-free texts reaches ``threshold``. These are *proposed links* for the working
group to confirm, kept apart from the verified same-language groups.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .normalize import strip_courtesies
from .themes import Embedder

KAZAKH_LETTERS = frozenset("әғқңөұүһі")


def language_guess(text: str) -> str:
    """kk when a Kazakh-specific letter appears, ru for other Cyrillic, else en."""
    lowered = text.casefold()
    if any(c in KAZAKH_LETTERS for c in lowered):
        return "kk"
    if any("а" <= c <= "я" for c in lowered):
        return "ru"
    return "en"


def cross_language_links(
    keys: Sequence[str],
    texts: Sequence[str],
    *,
    embedder: Embedder,
    languages: Sequence[str] | None = None,
    threshold: float = 0.88,
) -> list[tuple[str, str, float]]:
    """(key, key, cosine) for texts in different languages whose embeddings are at least ``threshold`` alike."""
    if len(keys) < 2:
        return []
    langs = list(languages) if languages else [language_guess(t) for t in texts]
    vectors = embedder.fit(texts).embed([strip_courtesies(t) for t in texts])
    links: list[tuple[str, str, float]] = []
    for start in range(0, len(keys), 2000):
        block = vectors[start : start + 2000] @ vectors.T
        rows, cols = np.nonzero(block >= threshold)
        for r, c in zip(rows.tolist(), cols.tolist(), strict=True):
            i = start + r
            if i < c and langs[i] != langs[c]:
                links.append((keys[i], keys[c], float(block[r, c])))
    links.sort(key=lambda link: (-link[2], link[0], link[1]))
    return links
