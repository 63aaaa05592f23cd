"""Linking proposals to articles of a Constitution.

Explicit mentions are parsed in Russian ("статья 53", "ст. 53", "статьи 53 и 54", "пункт 2 статьи 83-1"), Kazakh
("53-бап", "53-бабына", "83-1-бап") and English ("Art. 53", "Article 53", "Articles 53 and 54"). Where a proposal
names no article, the most similar articles of the relevant Constitution are *suggested* with a score; only the
working group confirms a link.

Article numbers are strings: the 1995 text has inserted articles such as "83-1".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

# The new Constitution has 96 articles; the 1995 text, 98 plus inserted ones (shared/domain/FACTS.md, "Structure").
ARTICLE_COUNT = {"2026": 96, "1995": 99}

_NUMBER = r"\d{1,3}(?:-\d{1,2})?"
_JOIN = r"(?:\s*(?:,|;|\bи\b|\bили\b|\band\b|\bor\b|\bжәне\b|\bмен\b|\bнемесе\b|&)\s*)"
_NUMBER_LIST = rf"{_NUMBER}(?:{_JOIN}{_NUMBER})*"

_RU_KEYWORD = re.compile(
    rf"(?:\bстат(?:ья|ьи|ью|ье|ьей|ей|ьям|ьях|ьями)|\bст\.?)\s*№?\s*({_NUMBER_LIST})", re.IGNORECASE
)
_RU_AFTER = re.compile(rf"\b({_NUMBER})\s*-?\s*(?:я|й|ой|ую)?\s+стат(?:ья|ьи|ью|ье|ьей)\b", re.IGNORECASE)
_KK = re.compile(rf"\b({_NUMBER})\s*-?\s*ба[пб]\w*", re.IGNORECASE)
_KK_LIST = re.compile(rf"\b({_NUMBER}(?:\s*-?\s*(?:,|және|мен|немесе)\s*{_NUMBER})+)\s*-?\s*ба[пб]\w*", re.IGNORECASE)
_EN = re.compile(rf"\b(?:articles?|arts?\.?)\s*({_NUMBER_LIST})", re.IGNORECASE)
_SINGLE = re.compile(_NUMBER)
_PARAGRAPH_BEFORE = re.compile(r"(?:пункт\w*|п\.|част\w*|подпункт\w*|пп\.|тармақ\w*|paragraph|para\.?)\s*$", re.I)
# A reference to an article of a *draft* of the Constitution (the Constitutional Commission's drafts, numbered
# their own way): "статья 12 проекта Конституции", "article 12 of the draft Constitution", "Конституция жобасының
# (31.01.2026) 12-бабы". Such a number is not an article of the adopted text, so it is never linked to one.
_DRAFT_REF = re.compile(
    rf"\b(?:стат(?:ья|ьи|ью|ье|ьей)|articles?)\s*№?\s*{_NUMBER}(?:\s*,\s*(?:пункт\w*|paragraph)\s*\d{{1,3}})?"
    rf"\s+(?:проекта\s+конституции|of\s+the\s+draft\s+constitution)"
    rf"|\bконституция\s+жобас\w*\s*(?:\([^)]{{0,20}}\)\s*)?{_NUMBER}\s*-?\s*ба[пб]\w*",
    re.IGNORECASE,
)
_YEAR_1995 = re.compile(r"1995|old\s+constitution|действующ\w+\s+конституци|ескі\s+конституц", re.IGNORECASE)


@dataclass(frozen=True)
class ArticleMention:
    number: str
    constitution: str  # "2026" or "1995"


@dataclass(frozen=True)
class ArticleText:
    number: str
    constitution: str
    text: str


@dataclass(frozen=True)
class ArticleSuggestion:
    number: str
    constitution: str
    score: float  # cosine similarity 0..1, for display and ranking only


def _valid(number: str, constitution: str) -> bool:
    main = int(number.split("-")[0])
    return 1 <= main <= ARTICLE_COUNT[constitution]


def _number_key(number: str) -> tuple[int, int]:
    head, _, tail = number.partition("-")
    return (int(head), int(tail) if tail else 0)


def constitution_of(text: str, default: str = "2026") -> str:
    """Which Constitution a proposal speaks of: 1995 when it says so, otherwise the default."""
    return "1995" if _YEAR_1995.search(text) else default


def article_mentions(text: str, *, default_constitution: str = "2026") -> list[ArticleMention]:
    """Articles named explicitly in the text, in numeric order, each once."""
    constitution = constitution_of(text, default_constitution)
    text = _DRAFT_REF.sub(lambda m: " " * len(m.group()), text)  # a draft's article is not the adopted one's
    found: set[str] = set()
    for pattern in (_RU_KEYWORD, _EN, _KK_LIST):
        for match in pattern.finditer(text):
            found.update(_SINGLE.findall(match.group(1)))
    for pattern in (_RU_AFTER, _KK):
        for match in pattern.finditer(text):
            # "пункт 2 статьи 53": the 2 is a paragraph, not an article
            if not _PARAGRAPH_BEFORE.search(text[max(0, match.start() - 16) : match.start()]):
                found.add(match.group(1))
    numbers = sorted((n for n in found if _valid(n, constitution)), key=_number_key)
    return [ArticleMention(number=n, constitution=constitution) for n in numbers]


def parse_constitution_markdown(markdown: str, *, constitution: str) -> list[ArticleText]:
    """Split an official Markdown text (shared/data/constitution) into articles.

    Headings look like "**Статья 53**", "### Статья 83-1" or "**53-бап**".
    """
    heading = re.compile(
        rf"^(?:#+\s*|\*\*)\s*(?:Статья\s+({_NUMBER})|({_NUMBER})-бап)\b.*$", re.MULTILINE | re.IGNORECASE
    )
    marks = list(heading.finditer(markdown))
    articles: dict[str, list[str]] = {}
    for index, mark in enumerate(marks):
        number = mark.group(1) or mark.group(2)
        end = marks[index + 1].start() if index + 1 < len(marks) else len(markdown)
        body = markdown[mark.end() : end]
        # footnotes ("> *Сноска...") are editorial, not the article's text
        lines = [ln for ln in body.splitlines() if ln.strip() and not ln.lstrip().startswith(">")]
        articles.setdefault(number, []).append(" ".join(lines))
    return [
        ArticleText(number=n, constitution=constitution, text=" ".join(parts))
        for n, parts in sorted(articles.items(), key=lambda kv: _number_key(kv[0]))
    ]


class ArticleSuggester:
    """Nearest articles by character n-gram TF-IDF cosine (works across kk/ru; weakly for en)."""

    def __init__(self, articles: Sequence[ArticleText]) -> None:
        from sklearn.feature_extraction.text import TfidfVectorizer

        self.articles = list(articles)
        self._vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, min_df=1)
        self._matrix = self._vectorizer.fit_transform([a.text.casefold() for a in self.articles]) if articles else None

    def suggest(self, text: str, *, top: int = 3, min_score: float = 0.05) -> list[ArticleSuggestion]:
        if self._matrix is None:
            return []
        query = self._vectorizer.transform([text.casefold()])
        scores = (self._matrix @ query.T).toarray().ravel()
        order = scores.argsort()[::-1][:top]
        return [
            ArticleSuggestion(
                number=self.articles[i].number, constitution=self.articles[i].constitution, score=float(scores[i])
            )
            for i in order
            if scores[i] >= min_score
        ]
