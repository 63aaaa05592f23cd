"""Point-in-time expressions of a work built from one official text, one expression per date (as Indigo publishes).

The 1995 text atazan holds is Adilet's revision of 01.01.2023. Three of its provisions are followed by a note giving
the wording the Law of 08.06.2022 assigns them "starting with the elections of the deputies of the Majilis of the
eighth convocation" (Arts. 50(2), 50(3), 51(1)); until then the old wording stays in force and is what the body prints.
Those elections were held on 19.03.2023 (domain/FACTS.md, the Majilis election of 19 March 2023), so the one text
yields two expressions: 2023-01-01 (old wording in the body, the new one in an amendment note) and 2023-03-19 (new
wording in the body). Court interpretations stay notes in both.

An announced wording whose starting event is not in APPLICATION_EVENTS is refused by the parser, never dated by guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from .model import Article, Expression, Note, NoteKind, Paragraph


@dataclass(frozen=True, slots=True)
class ApplicationEvent:
    """An event an amending law names instead of a date, and the day it happened."""

    key: str
    on: date
    pattern: re.Pattern[str]  # how the note names it, in Russian or Kazakh
    source: str


APPLICATION_EVENTS: tuple[ApplicationEvent, ...] = (
    ApplicationEvent(
        key="majilis-8-election",
        on=date(2023, 3, 19),
        pattern=re.compile(
            r"начиная с выборов депутатов Мажилиса Парламента восьмого созыва"
            r"|сегізінші сайланған Парламент М[әə]жілісі депутаттарының сайлауынан бастап"
        ),
        source="Law of the RK of 08.06.2022 (notes to 1995 Arts. 50(2), 50(3), 51(1)); elections of 19.03.2023",
    ),
)


class ExpressionDateError(ValueError):
    """No expression of the work is dated on or before the date asked for."""

    def __init__(self, expr: Expression, on: date) -> None:
        dates = ", ".join(d.isoformat() for d in expression_dates(expr))
        super().__init__(
            f"{expr.work_uri} ({expr.language}): no expression on or before {on.isoformat()}; "
            f"the text held starts on {expr.date.isoformat()} (expressions: {dates})"
        )
        self.on = on


def application_date(note_text: str) -> date | None:
    """The day the wording announced by `note_text` starts to apply, or None when its event is not known."""
    for event in APPLICATION_EVENTS:
        if event.pattern.search(note_text):
            return event.on
    return None


def amendment_notes(expr: Expression) -> tuple[Note, ...]:
    return tuple(n for a in expr.articles() for n in a.notes if n.kind is NoteKind.AMENDMENT)


def expression_dates(expr: Expression) -> tuple[date, ...]:
    """The dates of the expressions `expr` yields: its own and each later day an announced wording applies."""
    later = {n.applies_from for n in amendment_notes(expr) if n.applies_from and n.applies_from > expr.date}
    return tuple(sorted({expr.date, *later}))


def wording_text(note: Note, para: Paragraph) -> str:
    """The note's wording without the paragraph number it repeats ("2. Сенат …" → "Сенат …").

    Raises ValueError when the wording names another paragraph than the one the note follows.
    """
    prefix = f"{para.num}. "
    if not note.wording.startswith(prefix):
        raise ValueError(
            f"{para.eid}: the new wording does not begin with its number {prefix!r}: {note.wording[:40]!r}"
        )
    return note.wording.removeprefix(prefix)


def expression_at(expr: Expression, on: date) -> Expression:
    """The expression in force on `on`: every wording announced to apply by then is in the body, dated by the latest.

    Raises ExpressionDateError when `on` is before the text held, ValueError when a wording cannot be placed.
    """
    if on < expr.date:
        raise ExpressionDateError(expr, on)
    due = [n for n in amendment_notes(expr) if n.applies_from is not None and n.applies_from <= on]
    if not due:
        return expr
    by_provision = {n.provision: n for n in due}
    sections = tuple(
        replace(s, articles=tuple(_article_at(a, by_provision) for a in s.articles)) for s in expr.sections
    )
    placed = {p.eid for a in expr.articles() for p in a.paragraphs}
    missing = sorted(set(by_provision) - placed)
    if missing:
        raise ValueError(f"{expr.expression_uri}: a new wording for {missing}, which is not a paragraph")
    latest = max(n.applies_from for n in due if n.applies_from is not None)
    return replace(expr, date=max(expr.date, latest), sections=sections)


def _article_at(article: Article, wordings: dict[str, Note]) -> Article:
    if not any(p.eid in wordings for p in article.paragraphs):
        return article
    paragraphs = []
    for para in article.paragraphs:
        note = wordings.get(para.eid)
        if note is not None:
            if para.subparagraphs:
                raise ValueError(f"{para.eid}: a new wording for a paragraph with subparagraphs is not supported")
            para = replace(para, text=wording_text(note, para))
        paragraphs.append(para)
    return replace(article, paragraphs=tuple(paragraphs))
