"""Writes: importing the official texts.

An expression is written once. Importing the same text again changes nothing; importing a different text for an
expression that already exists (same work, language and date) is refused, because official state never changes
silently — a corrected text is a new expression with its own date.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import transaction

from atazan.audit.services import audit_append

from .domain import model as dm
from .domain.akn import work_date
from .domain.parser import WORK_BY_YEAR, official_path, parse_expression
from .models import Expression, Provision, Work

OFFICIAL = tuple((year, lang) for year in (1995, 2026) for lang in ("rus", "kaz"))


class ExpressionChangedError(Exception):
    """An expression already stored from a different text: refused, never overwritten."""

    def __init__(self, uri: str, stored: str, offered: str) -> None:
        super().__init__(
            f"{uri}: already imported from a text with SHA-256 {stored[:12]}…; the offered text ({offered[:12]}…) "
            "differs. Stored expressions are immutable; import a corrected text as a new expression date."
        )
        self.uri = uri


@dataclass(frozen=True)
class ImportOutcome:
    expression: Expression
    created: bool
    provisions: int


def constitution_dir() -> Path | None:
    """`ATAZAN_CONSTITUTION_DIR` in settings overrides the texts packaged with atazan."""
    value = getattr(settings, "ATAZAN_CONSTITUTION_DIR", None)
    return Path(value) if value else None


def _note_rows(notes: tuple[dm.Note, ...]) -> list[dict[str, str]]:
    return [{"kind": n.kind.value, "text": n.text, "provision": n.provision} for n in notes]


def _work_for(expr: dm.Expression) -> Work:
    year = next(y for y, uri in WORK_BY_YEAR.items() if uri == expr.work_uri)
    work, _ = Work.objects.get_or_create(
        uri=expr.work_uri, defaults={"year": year, "adopted": work_date(expr.work_uri)}
    )
    return work


def expression_import(
    *, expression: dm.Expression, text_sha256: str, progress: Callable[[int], None] | None = None
) -> ImportOutcome:
    """Store a parsed expression with its provisions; idempotent for the same text.

    Raises ExpressionChangedError when the expression exists with a different text digest.
    `progress`, when given, is called with the number of provisions written so far (per article).
    """
    with transaction.atomic():
        work = _work_for(expression)
        existing = Expression.objects.filter(work=work, language=expression.language, date=expression.date).first()
        if existing is not None:
            if existing.text_sha256 != text_sha256:
                raise ExpressionChangedError(existing.uri, existing.text_sha256, text_sha256)
            return ImportOutcome(existing, created=False, provisions=existing.provisions.count())
        row = Expression.objects.create(
            work=work,
            language=expression.language,
            date=expression.date,
            title=expression.title,
            source=expression.source,
            preamble=expression.preamble,
            notes=_note_rows(expression.notes),
            text_sha256=text_sha256,
        )
        count = _provisions_create(row, expression, progress)
        audit_append(
            actor="system:texts-import",
            action="texts.expression.import",
            target=row.uri,
            payload={"sha256": text_sha256, "provisions": count, "source": expression.source},
        )
    return ImportOutcome(row, created=True, provisions=count)


def _provisions_create(row: Expression, expression: dm.Expression, progress: Callable[[int], None] | None) -> int:
    order = 0

    def make(kind: str, eid: str, parent: Provision | None, **fields: object) -> Provision:
        nonlocal order
        order += 1
        return Provision.objects.create(expression=row, kind=kind, eid=eid, order=order, parent=parent, **fields)

    for section in expression.sections:
        sec = make(
            Provision.Kind.SECTION,
            section.eid,
            None,
            num=section.num,
            heading=section.heading,
            notes=_note_rows(section.notes),
        )
        for article in section.articles:
            art = make(
                Provision.Kind.ARTICLE,
                article.eid,
                sec,
                num=article.num,
                text=article.full_text(),
                article_num=article.num,
                repealed=article.repealed,
                notes=_note_rows(article.notes),
            )
            children: list[Provision] = []
            for para in article.paragraphs:
                p = make(
                    Provision.Kind.PARAGRAPH,
                    para.eid,
                    art,
                    num=para.num,
                    text=para.full_text(),
                    article_num=article.num,
                )
                children.append(p)
                subs = [
                    Provision(
                        expression=row,
                        kind=Provision.Kind.SUBPARAGRAPH,
                        eid=s.eid,
                        num=s.num,
                        text=s.text,
                        heading=s.lead_in,
                        parent=p,
                        article_num=article.num,
                        order=order + k + 1,
                    )
                    for k, s in enumerate(para.subparagraphs)
                ]
                order += len(subs)
                Provision.objects.bulk_create(subs)
            if progress is not None:
                progress(order)
    return order


def official_text_import(*, year: int, language: str) -> ImportOutcome:
    """Parse and store one of the four official texts (from the package, or ATAZAN_CONSTITUTION_DIR)."""
    base = constitution_dir()
    raw = official_path(year, language, base).read_bytes()
    expression = parse_expression(raw.decode("utf-8"), work=WORK_BY_YEAR[year], language=language)
    return expression_import(expression=expression, text_sha256=hashlib.sha256(raw).hexdigest())
