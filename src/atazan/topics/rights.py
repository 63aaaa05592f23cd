"""The rights section as it reads: the 2026 Preamble and Section II, each right with its procedural guarantees."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from . import corpus, selectors
from .domain.guarantees import GENERAL_2026, guarantees_of
from .domain.taxonomy import PREAMBLE


@dataclass
class RightView:
    paragraph: selectors.ParagraphView
    guarantees: list[selectors.ParagraphView] = field(default_factory=list)


@dataclass
class ArticleRights:
    num: str
    rights: list[RightView]


def rights_page(*, lang: str) -> dict[str, Any]:
    """Preamble, Section II article by article (topic chips on each paragraph), and the guarantees of every right."""
    expr = corpus.expression(2026, lang)
    section = next(s for s in expr.sections if s.num == "II")
    eids = [p.eid for a in section.articles for p in a.paragraphs]
    topics = selectors.paragraph_topics(year=2026, eids=[*eids, PREAMBLE])
    articles = []
    for a in section.articles:
        rights = []
        for p in a.paragraphs:
            view = selectors.paragraph_view(2026, p.eid, lang)
            if view is None:
                continue
            view.other_topics = topics.get(p.eid, [])
            guards = [g for e in guarantees_of(p.eid) if (g := selectors.paragraph_view(2026, e, lang)) is not None]
            rights.append(RightView(view, guards))
        articles.append(ArticleRights(a.num, rights))
    preamble = selectors.paragraph_view(2026, PREAMBLE, lang)
    if preamble is not None:
        preamble.other_topics = topics.get(PREAMBLE, [])
    general = [g for e in GENERAL_2026 if (g := selectors.paragraph_view(2026, e, lang)) is not None]
    return {"preamble": preamble, "section": section, "articles": articles, "general": general}
