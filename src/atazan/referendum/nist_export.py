"""The NIST SP 1500-100 v2 export of a question, as the API, the page and `atazan referendum export-nist` serve it:
the current tally (`selectors.result_for`), the question in its three languages and the register's precincts per
unit (each unit's `TotalSubUnits`). JSON or XML (`atazan.standards.nist_xml`)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, Literal

from django.db.models import Count

from atazan.referendum import selectors
from atazan.referendum.domain.nist import nist_report
from atazan.referendum.models import Precinct, Question
from atazan.standards.nist_xml import report_xml

NistFormat = Literal["json", "xml"]


def register_by_unit() -> dict[str, int]:
    """Precincts on the register per unit code (a row without `registered` is not on it)."""
    rows = Precinct.objects.filter(registered__isnull=False).values("unit__code").annotate(n=Count("pk"))
    return {row["unit__code"]: row["n"] for row in rows}


def question_nist_report(question: Question, *, precincts: bool = False) -> dict[str, Any]:
    """The question's result as a NIST ElectionReport (JSON form)."""
    texts = {"en": question.text_en, "kk": question.text_kk, "ru": question.text_ru}
    return nist_report(
        selectors.result_for(question, protocols=precincts),
        election_name=question.title,
        question_text_ru=question.text_ru,
        question_text={lang: text for lang, text in texts.items() if text},
        question_id=question.slug,
        date=question.voting_date.isoformat(),
        generated=datetime.now(UTC).isoformat(timespec="seconds"),
        official=not question.synthetic,
        precincts=precincts,
        register_by_unit=register_by_unit(),
    )


def question_nist_xml(question: Question, *, precincts: bool = False) -> bytes:
    return report_xml(question_nist_report(question, precincts=precincts))
