"""The topic taxonomy: a shallow tree of topics with names in three languages and transparent tagging rules.

The taxonomy is data (`topics/data/taxonomy.yaml`); this module reads and checks it. A bad entry raises
`TaxonomyError` naming the topic and the rule it broke, never a half-read taxonomy.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

YEARS = (1995, 2026)
LANGUAGES = ("rus", "kaz")
NAME_LANGUAGES = ("en", "ru", "kk")
PREAMBLE = "preamble"
"""The eId a preamble is tagged under (it is not a numbered provision in either text)."""

_KEY = re.compile(r"^[a-z][a-z0-9-]*$")
_ART = r"\d+(?:-\d+)?"
_RANGE = re.compile(rf"^({_ART})\.\.({_ART})$")
_ONE = re.compile(rf"^({_ART})$")
_PARA = re.compile(rf"^({_ART})\((\d+(?:-\d+)?)\)$")


class TaxonomyError(ValueError):
    """The taxonomy breaks a rule; `topic` is the key of the entry at fault ("" for the file itself)."""

    def __init__(self, topic: str, rule: str, message: str) -> None:
        super().__init__(f"topic {topic or '(file)'}: [{rule}] {message}")
        self.topic = topic
        self.rule = rule


def article_key(num: str) -> tuple[int, int]:
    """`"83-1"` → (83, 1), so inserted articles sort and range after their base article."""
    major, _, minor = num.partition("-")
    return int(major), int(minor or 0)


@dataclass(frozen=True, slots=True)
class ArticleRef:
    """One article reference of a rule: a range of articles, one article, one paragraph, or the preamble."""

    text: str  # as written in the YAML: "42..51", "83-1", "18(3)", "preamble"
    first: str = ""
    last: str = ""
    paragraph: str = ""  # the paragraph number for "18(3)"

    @classmethod
    def parse(cls, text: str, *, topic: str) -> ArticleRef:
        text = str(text).strip()
        if text == PREAMBLE:
            return cls(text)
        if m := _RANGE.match(text):
            if article_key(m.group(1)) > article_key(m.group(2)):
                raise TaxonomyError(topic, "article-range", f"range {text!r} runs backwards")
            return cls(text, m.group(1), m.group(2))
        if m := _ONE.match(text):
            return cls(text, m.group(1), m.group(1))
        if m := _PARA.match(text):
            return cls(text, m.group(1), m.group(1), m.group(2))
        raise TaxonomyError(topic, "article-ref", f"{text!r} is not 'N', 'N..M', 'N(p)' or 'preamble'")

    def covers(self, article: str, paragraph_eid: str) -> bool:
        """Whether the paragraph (its article number and eId) falls under this reference."""
        if self.text == PREAMBLE:
            return paragraph_eid == PREAMBLE
        if not article:
            return False
        if not (article_key(self.first) <= article_key(article) <= article_key(self.last)):
            return False
        if self.paragraph:
            return paragraph_eid == f"art_{article}__para_{self.paragraph}"
        return True


@dataclass(frozen=True, slots=True)
class Topic:
    key: str
    names: Mapping[str, str]  # en, ru, kk
    parent: str = ""
    order: int = 0
    constitute: tuple[str, ...] = ()
    articles: Mapping[int, tuple[ArticleRef, ...]] = field(default_factory=dict)
    patterns: Mapping[str, tuple[re.Pattern[str], ...]] = field(default_factory=dict)

    def name(self, language: str) -> str:
        """The name in an interface language ("kk", "ru", "en"; anything else falls back to English)."""
        return self.names.get(language[:2], self.names["en"])

    @property
    def is_group(self) -> bool:
        return not self.parent


@dataclass(frozen=True, slots=True)
class Taxonomy:
    topics: tuple[Topic, ...]
    constitute_checked: bool

    def get(self, key: str) -> Topic:
        for t in self.topics:
            if t.key == key:
                return t
        raise KeyError(f"no topic {key!r}")

    def children(self, key: str) -> tuple[Topic, ...]:
        return tuple(t for t in self.topics if t.parent == key)

    def groups(self) -> tuple[Topic, ...]:
        return tuple(t for t in self.topics if t.is_group)

    def keys(self) -> tuple[str, ...]:
        return tuple(t.key for t in self.topics)


def _names(raw: Any, key: str) -> dict[str, str]:
    if not isinstance(raw, Mapping):
        raise TaxonomyError(key, "names", "name must map en/ru/kk to text")
    names = {str(k): str(v).strip() for k, v in raw.items()}
    missing = [lang for lang in NAME_LANGUAGES if not names.get(lang)]
    if missing:
        raise TaxonomyError(key, "names", f"missing name in {', '.join(missing)}")
    return names


def _articles(raw: Any, key: str) -> dict[int, tuple[ArticleRef, ...]]:
    if raw is None:
        return {}
    if not isinstance(raw, Mapping):
        raise TaxonomyError(key, "articles", "articles must map a year to a list of references")
    out: dict[int, tuple[ArticleRef, ...]] = {}
    for year, refs in raw.items():
        if int(year) not in YEARS:
            raise TaxonomyError(key, "articles-year", f"no Constitution of {year}; known: {YEARS}")
        if not isinstance(refs, Sequence) or isinstance(refs, str):
            raise TaxonomyError(key, "articles", f"{year}: a list of references is expected")
        out[int(year)] = tuple(ArticleRef.parse(str(r), topic=key) for r in refs)
    return out


def _patterns(raw: Any, key: str) -> dict[str, tuple[re.Pattern[str], ...]]:
    if raw is None:
        return {}
    if not isinstance(raw, Mapping):
        raise TaxonomyError(key, "patterns", "patterns must map rus/kaz to a list of expressions")
    out: dict[str, tuple[re.Pattern[str], ...]] = {}
    for lang, items in raw.items():
        if lang not in LANGUAGES:
            raise TaxonomyError(key, "patterns-language", f"unknown text language {lang!r}; known: {LANGUAGES}")
        compiled = []
        for p in items:
            try:
                compiled.append(re.compile(str(p)))
            except re.error as exc:
                raise TaxonomyError(key, "patterns-regex", f"{p!r}: {exc}") from exc
        out[str(lang)] = tuple(compiled)
    return out


def taxonomy_from_mapping(data: Mapping[str, Any]) -> Taxonomy:
    """Build and check a taxonomy: unique keys, known parents that are themselves groups (one level only)."""
    raw_topics = data.get("topics")
    if not isinstance(raw_topics, Sequence) or not raw_topics:
        raise TaxonomyError("", "topics", "the file must list topics")
    topics: list[Topic] = []
    seen: set[str] = set()
    for order, raw in enumerate(raw_topics):
        key = str(raw.get("key", ""))
        if not _KEY.match(key):
            raise TaxonomyError(key, "key", "a key is lower-case letters, digits and hyphens")
        if key in seen:
            raise TaxonomyError(key, "key-unique", "the key is used twice")
        seen.add(key)
        topics.append(
            Topic(
                key=key,
                names=_names(raw.get("name"), key),
                parent=str(raw.get("parent") or ""),
                order=order,
                constitute=tuple(str(c) for c in raw.get("constitute") or ()),
                articles=_articles(raw.get("articles"), key),
                patterns=_patterns(raw.get("patterns"), key),
            )
        )
    by_key = {t.key: t for t in topics}
    for t in topics:
        if t.parent:
            parent = by_key.get(t.parent)
            if parent is None:
                raise TaxonomyError(t.key, "parent", f"unknown parent {t.parent!r}")
            if parent.parent:
                raise TaxonomyError(t.key, "shallow", f"parent {t.parent!r} is itself a child: one level only")
            if parent.order > t.order:
                raise TaxonomyError(t.key, "parent-order", "a child must follow its parent")
    return Taxonomy(tuple(topics), bool(data.get("constitute_checked", False)))


def default_path() -> Path:
    return Path(__file__).resolve().parent.parent / "data" / "taxonomy.yaml"


def load_taxonomy(path: Path | None = None) -> Taxonomy:
    """Read the taxonomy YAML (the packaged one by default)."""
    raw = yaml.safe_load((path or default_path()).read_text(encoding="utf-8"))
    if not isinstance(raw, Mapping):
        raise TaxonomyError("", "file", "the taxonomy file must be a mapping")
    return taxonomy_from_mapping(raw)
