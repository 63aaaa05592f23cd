"""Pages and JSON API of the procedures: /rules/procedures/ and /rules/procedures/<key>/, /api/rules/procedures.

The domain (``atazan.rules.domain.procedures``) returns templates with codes; here they are rendered in the reader's
language from the rules catalogue (``rules/locale``; the domain marks its templates with ``_`` so that makemessages
finds them). A template with no translation, or whose translation's fields do not fit, is shown in English.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from ninja import Router, Schema, Status

from atazan.api_errors import ApiError, IsoDate, problem
from atazan.messages.render import render as msg_render_shared
from atazan.rules.domain.parameters import ParameterError, default_parameters, format_value
from atazan.rules.domain.procedures.catalogue import (
    Procedure,
    procedure_describe,
    procedure_keys,
    procedure_summary,
)
from atazan.rules.domain.procedures.messages import Citation, Msg, ProcedureError
from atazan.rules.quotes import provision_quote
from atazan.rules.values import reference_render, value_render


def msg_render(message: Msg | str) -> str:
    """``message`` in the active language; English if the translation's fields do not fit (never an error page)."""
    return msg_render_shared(message, domain="rules")


def citation_render(citation: Citation) -> str:
    return msg_render(citation.describe())


def article_url(citation: Citation) -> str | None:
    """The article's page in the stored official text, Kazakh for Kazakh readers, else Russian."""
    number = re.match(r"\d+", citation.article)
    if citation.law or number is None:
        return None
    lang = "kaz" if (get_language() or "").startswith("kk") else "rus"
    url: str = reverse(
        "texts:article", kwargs={"year": int(citation.constitution), "lang": lang, "num": number.group()}
    )
    return url


@dataclass(frozen=True)
class StepView:
    code: str
    actor: str
    text: str
    article: str
    constitution: str
    citation: str
    url: str | None
    quote: str  # the provision's official words in the reader's language (Russian for English readers); "" if none
    quote_language: str


@dataclass(frozen=True)
class ParameterView:
    name: str
    value: str
    reference: str
    assumption: bool


def _as_of(raw: str | None) -> dt.date:
    try:
        return dt.date.fromisoformat(raw or "")
    except ValueError:
        return dt.date.today()


def _describe(key: str, as_of: dt.date) -> Procedure:
    """The procedure with its figures on ``as_of``; 404 naming the reason for an unknown key or a date with none."""
    try:
        return procedure_describe(key, as_of=as_of)
    except ProcedureError as exc:
        raise Http404(str(exc)) from exc


def step_views(procedure: Procedure) -> list[StepView]:
    views = []
    for s in procedure.steps:
        quote = provision_quote(
            constitution=s.citation.constitution, provision=s.citation.article, reader_language=get_language() or "ru"
        )
        views.append(
            StepView(
                s.code,
                msg_render(s.actor_label),
                msg_render(s.text),
                s.citation.article,
                s.citation.constitution,
                citation_render(s.citation),
                quote.url if quote is not None else article_url(s.citation),
                quote.text if quote is not None else "",
                quote.language[:2].replace("ka", "kk") if quote is not None else "",
            )
        )
    return views


def parameter_views(procedure: Procedure, *, localized: bool = True) -> list[ParameterView]:
    """The figures a procedure uses; ``localized``: value and citation in the reader's language (the pages), else
    the stable English forms (the API)."""
    rows = []
    for name in procedure.parameters:
        try:
            dated = default_parameters().at(name, procedure.as_of)
        except ParameterError:
            continue
        rows.append(
            ParameterView(
                name,
                (value_render if localized else format_value)(dated.value, default_parameters().get(name).unit),
                reference_render(dated.reference.text, name=name, start=dated.start)
                if localized
                else dated.reference.text,
                dated.reference.text.startswith("Assumption:"),
            )
        )
    return rows


def procedures_index(request: HttpRequest) -> HttpResponse:
    as_of = _as_of(request.GET.get("as_of"))
    cards = []
    for key in procedure_keys():
        title, summary, _constitution = procedure_summary(key)
        cards.append({"key": key, "title": msg_render(title), "summary": msg_render(summary)})
    return render(request, "rules/procedures/index.html", {"cards": cards, "as_of": as_of})


def procedure_detail(request: HttpRequest, key: str) -> HttpResponse:
    as_of = _as_of(request.GET.get("as_of"))
    procedure = _describe(key, as_of)
    return render(
        request,
        "rules/procedures/detail.html",
        {
            "procedure": procedure,
            "title": msg_render(procedure.title),
            "summary": msg_render(procedure.summary),
            "steps": step_views(procedure),
            "parameters": parameter_views(procedure),
            "as_of": as_of,
        },
    )


# --- JSON API, mounted at /api/rules/procedures -------------------------------------------------------------------

router = Router(tags=["rules"])


class ProcedureStepOut(Schema):
    code: str
    actor: str
    text: str
    template: str
    article: str
    constitution: str


class ParameterUsedOut(Schema):
    name: str
    value: str
    reference: str
    assumption: bool


class ProcedureSummaryOut(Schema):
    key: str
    title: str
    summary: str
    constitution: str


class ProcedureOut(ProcedureSummaryOut):
    as_of: dt.date
    steps: list[ProcedureStepOut]
    parameters: list[ParameterUsedOut]


def _summary(key: str) -> ProcedureSummaryOut:
    title, summary, constitution = procedure_summary(key)
    return ProcedureSummaryOut(key=key, title=msg_render(title), summary=msg_render(summary), constitution=constitution)


@router.get("", response=list[ProcedureSummaryOut], summary="Every procedure the rules encode")
def procedures_api(request: HttpRequest) -> list[ProcedureSummaryOut]:
    return [_summary(key) for key in procedure_keys()]


@router.get(
    "/{key}",
    response={200: ProcedureOut, 404: ApiError},
    summary="One procedure: its steps with articles and the figures in force as of a date",
)
def procedure_api(request: HttpRequest, key: str, as_of: IsoDate | None = None) -> Status[ProcedureOut | ApiError]:
    try:
        procedure = procedure_describe(key, as_of=as_of or dt.date.today())
    except ProcedureError as exc:
        return problem(404, "not_found", str(exc), field="path.key")
    return Status(
        200,
        ProcedureOut(
            **_summary(key).dict(),
            as_of=procedure.as_of,
            steps=[
                ProcedureStepOut(
                    code=s.code,
                    actor=s.actor,
                    text=msg_render(s.text),
                    template=s.text.template,
                    article=s.citation.article,
                    constitution=s.citation.constitution,
                )
                for s in procedure.steps
            ],
            parameters=[ParameterUsedOut(**vars(p)) for p in parameter_views(procedure, localized=False)],
        ),
    )
