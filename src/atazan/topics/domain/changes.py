"""What changed on a topic between 1995 and 2026: paragraph pairs from the texts alignment, each with a word diff.

The texts aligner matches every paragraph (and subparagraph) of the old text to its most similar one in the new text
(`Alignment.paragraph_matches`). For a topic, a pair is shown for every 2026 paragraph of the topic that an old
paragraph flowed into, and for every 1995 paragraph of the topic wherever it went (so a guarantee that moved to
another part of the Constitution is followed there). A 2026 paragraph no old one flowed into is new text; a 1995
paragraph with no counterpart was dropped.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from enum import StrEnum

from atazan.texts.domain.align import Alignment, same_words
from atazan.texts.domain.diff import Segment, word_diff


class Change(StrEnum):
    UNCHANGED = "unchanged"
    AMENDED = "amended"
    NEW = "new"
    DROPPED = "dropped"


@dataclass(frozen=True, slots=True)
class ParagraphChange:
    change: Change
    old_eid: str  # "" for new text
    new_eid: str  # "" for dropped text
    similarity_permille: int
    segments: tuple[Segment, ...]


def paragraph_of(eid: str) -> str:
    """`art_78__para_3__subpara_5` → `art_78__para_3`: subparagraph matches count for their paragraph."""
    return eid.split("__subpara_")[0]


def article_of(eid: str) -> str:
    return eid.split("__")[0].removeprefix("art_")


def topic_changes(
    alignment: Alignment,
    old_texts: Mapping[str, str],
    new_texts: Mapping[str, str],
    old_eids: Collection[str],
    new_eids: Collection[str],
) -> list[ParagraphChange]:
    """Pairs for a topic's paragraphs (eIds of paragraphs; texts by eId for the diff), new text order first."""
    best_old_for_new: dict[str, tuple[float, str]] = {}
    best_new_for_old: dict[str, tuple[float, str]] = {}
    for m in alignment.paragraph_matches:
        o, n = paragraph_of(m.old_eid), paragraph_of(m.new_eid)
        if m.similarity > best_old_for_new.get(n, (-1.0, ""))[0]:
            best_old_for_new[n] = (m.similarity, o)
        if m.similarity > best_new_for_old.get(o, (-1.0, ""))[0]:
            best_new_for_old[o] = (m.similarity, n)
    pairs: list[tuple[str, str, float]] = []
    seen_old: set[str] = set()
    for n in new_eids:
        if n in best_old_for_new:
            sim, o = best_old_for_new[n]
            pairs.append((o, n, sim))
            seen_old.add(o)
        else:
            pairs.append(("", n, 0.0))
    for o in old_eids:
        if o in seen_old:
            continue
        if o in best_new_for_old:
            sim, n = best_new_for_old[o]
            if (o, n) not in {(p[0], p[1]) for p in pairs}:
                pairs.append((o, n, sim))
        else:
            pairs.append((o, "", 0.0))
    out = []
    for o, n, sim in pairs:
        old_text, new_text = old_texts.get(o, ""), new_texts.get(n, "")
        if not o:
            change = Change.NEW
        elif not n:
            change = Change.DROPPED
        else:
            change = Change.UNCHANGED if same_words(old_text, new_text) else Change.AMENDED
        out.append(ParagraphChange(change, o, n, round(sim * 1000), tuple(word_diff(old_text, new_text))))
    return out
