"""wIds of the 2026 articles from the 1995 → 2026 alignment: one name per provision, the same in every language.

Akoma Ntoso keeps in `wId` "the identifier the structure used to have in the original version", needed only where a
renumbering occurred (AKN 3.0 schema, attribute group idreq). atazan names the 1995 article a 2026 article continues
word for word under another number (the alignment's `renumbered`) by that article's 1995 eId: 2026 Art. 79 has
wId `art_78`. That name must stay unique within the expression, so a 2026 article whose own eId another article now
carries as its wId (2026 Art. 78, split off 1995 Art. 77, while 1995 Art. 78 lives on as Art. 79) gets its eId with
the new work's year: `art_78-2026`. Every other article's wId is its eId. A provision inside an article takes its
article's wId as prefix (`art_78__para_1`), which `akn.expression_to_akn` does.

The map is computed from one alignment and applied to every language of the expression: the names follow the
provisions, not the wording of one translation.
"""

from __future__ import annotations

from collections.abc import Iterator

from .align import Alignment, Relation
from .model import Article


def _descendant_suffixes(article: Article) -> set[str]:
    def walk() -> Iterator[str]:
        for para in article.paragraphs:
            yield para.eid.removeprefix(article.eid)
            for sub in para.subparagraphs:
                yield sub.eid.removeprefix(article.eid)

    return set(walk())


def article_wids(alignment: Alignment, *, year: int) -> dict[str, str]:
    """Article eId → wId for every article of `alignment.new` (2026 Constitution, adopted in `year`).

    Precondition: the alignment's expressions are the ones whose eIds the caller will name (any language: the eIds of
    the Russian and Kazakh texts are the same, `test_kazakh_and_russian_have_the_same_structure`).
    """
    inherited: dict[str, str] = {}
    for entry in alignment.entries:
        if entry.relation is not Relation.RENUMBERED or len(entry.old) != 1 or len(entry.new) != 1:
            continue
        old = alignment.old.article(entry.old[0])
        new = alignment.new.article(entry.new[0])
        # Same words under another number; its parts keep their old names only if they are numbered alike.
        if _descendant_suffixes(old) == _descendant_suffixes(new):
            inherited[new.eid] = old.eid
    taken = set(inherited.values())
    wids: dict[str, str] = {}
    for article in alignment.new.articles():
        if article.eid in inherited:
            wids[article.eid] = inherited[article.eid]
        elif article.eid in taken:
            wids[article.eid] = f"{article.eid}-{year}"
        else:
            wids[article.eid] = article.eid
    return wids
