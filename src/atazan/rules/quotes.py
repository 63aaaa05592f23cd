"""The sentence a rule rests on, quoted from the official text in the reader's language, with a link to its page.

Quotes come from the texts context: the stored expression when the database holds it (what the site shows), else the
official files parsed by the texts domain parser (``ATAZAN_CONSTITUTION_DIR`` or the packaged copy), so the CLI
quotes without a database. There is no official English text (data/constitution/SOURCES.md): an English reader gets
the Russian text, marked as such by ``language``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from django.db import DatabaseError

from atazan.rules.domain.article_ref import ArticleRef, ArticleRefError, parse_article_ref
from atazan.texts.domain.model import Expression as ParsedExpression
from atazan.texts.domain.parser import eid_part, load_official

# Reader's language (Django code) -> language of the official text quoted (AKN code).
TEXT_LANGUAGE = {"kk": "kaz", "ru": "rus", "en": "rus"}
YEARS = ("1995", "2026")


@dataclass(frozen=True)
class Quote:
    text: str
    language: str  # "rus" or "kaz": the official text quoted
    constitution: str
    provision: str  # "60(1)"
    url: str  # the article's page, anchored at the provision

    def as_dict(self) -> dict[str, str]:
        return {
            "quote": self.text,
            "quote_language": self.language,
            "quote_provision": self.provision,
            "url": self.url,
        }


def provision_eid(ref: ArticleRef) -> str:
    """The Akoma Ntoso eId the texts context gives the provision (``art_60__para_1__subpara_2``)."""
    eid = f"art_{ref.article}"
    if ref.paragraph is not None:
        eid += f"__para_{eid_part(ref.paragraph)}"
    if ref.subparagraph is not None:
        eid += f"__subpara_{eid_part(ref.subparagraph)}"
    return eid


# A sentence ends with a full stop (or a semicolon closing a list item) before a capital letter or a numbered item.
_SENTENCE_END = re.compile(r"(?<=[.;])\s+(?=[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ«]|\d+\))")


def provision_sentences(text: str) -> list[str]:
    """The sentences of a provision's text: each line, split at sentence ends."""
    return [part for line in text.split("\n") for part in _SENTENCE_END.split(line.strip()) if part]


@functools.lru_cache(maxsize=8)
def _parsed(year: int, language: str, base: str) -> ParsedExpression:
    from pathlib import Path

    return load_official(year, language, Path(base) if base else None)


def _from_files(year: int, language: str, ref: ArticleRef) -> str | None:
    from atazan.texts.services import constitution_dir

    base = constitution_dir()
    try:
        article = _parsed(year, language, str(base) if base else "").article(ref.article)
    except (KeyError, OSError, ValueError):
        return None
    if ref.paragraph is None:
        return article.full_text()
    paragraph = next((p for p in article.paragraphs if p.num == ref.paragraph), None)
    sub_num = ref.subparagraph
    if paragraph is None and ref.subparagraph is None and [p.num for p in article.paragraphs] == [""]:
        # An article without numbered paragraphs (2026 Art. 46, 56) is cited by its sub-paragraphs: "46(2)".
        paragraph, sub_num = article.paragraphs[0], ref.paragraph
    if paragraph is None:
        return None
    if sub_num is None:
        return paragraph.full_text()
    sub = next((s for s in paragraph.subparagraphs if s.num.rstrip(")") == sub_num), None)
    return None if sub is None else f"{sub.num} {sub.text}"


def _from_database(year: int, language: str, ref: ArticleRef) -> str | None:
    from atazan.texts.models import Expression, Provision
    from atazan.texts.selectors import expression_get

    try:
        expression = expression_get(year=year, lang=language)
        rows = Provision.objects.filter(expression=expression).only("kind", "num", "text")
        row = rows.filter(eid=provision_eid(ref)).first()
        if row is None and ref.paragraph is not None and ref.subparagraph is None:
            body = rows.filter(eid=f"art_{ref.article}__para_1", num="").first()
            if body is not None:  # an article without numbered paragraphs, cited by its sub-paragraphs
                row = rows.filter(eid=f"{body.eid}__subpara_{eid_part(ref.paragraph)}").first()
    except (Expression.DoesNotExist, DatabaseError):
        return None
    if row is None:
        return None
    if row.kind == Provision.Kind.SUBPARAGRAPH:
        return f"{row.num} {row.text}"
    return row.text


def provision_text(constitution: str, provision: str, language: str, *, stored: bool = False) -> str | None:
    """The whole official text of ``provision`` ("60(1)") of the ``constitution`` in ``language`` ("rus"/"kaz")."""
    try:
        ref = parse_article_ref(provision)
    except ArticleRefError:
        return None
    if constitution not in YEARS:
        return None
    text = _from_database(int(constitution), language, ref) if stored else None
    return text if text is not None else _from_files(int(constitution), language, ref)


def _url(year: int, language: str, ref: ArticleRef) -> str:
    # The reading page of texts/urls_reading.py ("texts:article"), written out rather than reversed so that the CLI
    # needs no URL configuration; tests/rules/test_translation.py resolves it against the real one.
    page = f"/texts/{year}/{language}/art/{ref.article}/"
    return f"{page}#{provision_eid(ref)}" if ref.paragraph is not None else page


def provision_quote(
    *, constitution: str, provision: str, reader_language: str, sentence: int | None = None, stored: bool = True
) -> Quote | None:
    """The official words of ``provision`` of the ``constitution`` ("1995"/"2026"), in the text that matches
    ``reader_language`` ("kk", "ru", "en"); only its sentence ``sentence`` (0-based) when given and present. None
    when the provision cannot be found."""
    if constitution not in YEARS or not provision:
        return None
    try:
        ref = parse_article_ref(provision)
    except ArticleRefError:
        return None
    year, language = int(constitution), TEXT_LANGUAGE.get(reader_language[:2], "rus")
    text = _from_database(year, language, ref) if stored else None
    if text is None:
        text = _from_files(year, language, ref)
    if text is None:
        return None
    sentences = provision_sentences(text)
    if sentence is not None and 0 <= sentence < len(sentences):
        text = sentences[sentence]
    return Quote(" ".join(text.split()), language, constitution, str(ref), _url(year, language, ref))
