"""Article texts for similarity suggestions, read from the official texts shipped in the texts package."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from atazan.consultation.domain.articles import ArticleSuggester, ArticleText, parse_constitution_markdown


@lru_cache(maxsize=2)
def article_suggester(constitution: str = "2026") -> ArticleSuggester:
    """Articles of one Constitution in Russian and Kazakh (the official texts); empty when they are not shipped."""
    articles: list[ArticleText] = []
    for lang in ("rus", "kaz"):
        try:
            source = resources.files("atazan.texts") / "data" / "constitution" / constitution / f"{lang}.md"
            articles += parse_constitution_markdown(source.read_text(encoding="utf-8"), constitution=constitution)
        except (FileNotFoundError, ModuleNotFoundError, OSError):
            continue
    return ArticleSuggester(articles)
