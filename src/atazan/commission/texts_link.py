"""Reads from the texts context: the official wordings, and which 1995 articles an article of 2026 came from.

Everything degrades to "nothing known" when texts has not imported a text yet: pages still render.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from atazan.texts.domain.align import Alignment, align
from atazan.texts.domain.parser import load_official
from atazan.texts.models import Expression, Provision

from .domain.drafting import DraftArticle


def official_expression(*, year: int, language: str) -> Expression | None:
    return (
        Expression.objects.select_related("work").filter(work__year=year, language=language).order_by("-date").first()
    )


def official_articles(expression: Expression) -> tuple[DraftArticle, ...]:
    """The expression's articles as draft wordings: one line per paragraph, "N. text" (subparagraph lines kept)."""
    lines: dict[str, list[str]] = {}
    order: list[str] = []
    for p in expression.provisions.filter(kind__in=[Provision.Kind.ARTICLE, Provision.Kind.PARAGRAPH]).order_by(
        "order"
    ):
        if p.kind == Provision.Kind.ARTICLE:
            order.append(p.num)
            lines[p.num] = []
        elif p.text:
            lines[p.article_num].append(f"{p.num}. {p.text}" if p.num else p.text)
    return tuple(DraftArticle(num, "\n".join(lines[num])) for num in order)


def official_article(*, year: int, language: str, num: str) -> DraftArticle | None:
    expr = official_expression(year=year, language=language)
    if expr is None:
        return None
    rows = list(expr.provisions.filter(article_num=num, kind=Provision.Kind.PARAGRAPH).order_by("order"))
    if not rows and not expr.provisions.filter(kind=Provision.Kind.ARTICLE, num=num).exists():
        return None
    return DraftArticle(num, "\n".join(f"{p.num}. {p.text}" if p.num else p.text for p in rows if p.text))


@dataclass(frozen=True)
class Origin:
    """Where an article of 2026 came from in 1995, as the texts context's aligner sees it."""

    old: tuple[str, ...]
    relation: str
    similarity: float


@lru_cache(maxsize=2)
def _alignment(language: str) -> Alignment:
    from atazan.texts.services import constitution_dir

    base = constitution_dir()
    return align(load_official(1995, language, base), load_official(2026, language, base))


def origins_1995(*, num: str, language: str) -> list[Origin]:
    """The 1995 articles aligned with Art. `num` of 2026 (empty for a new article or an unknown one)."""
    try:
        entries = _alignment(language).for_new(num)
    except (OSError, ValueError):
        return []
    return [Origin(e.old, e.relation.value, round(e.similarity, 2)) for e in entries if e.old]
