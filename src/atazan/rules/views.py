from __future__ import annotations

import datetime as dt
import json
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation

from atazan.rules.articles import articles_in_force
from atazan.rules.domain.bill import BillFormatError, bill_from_dict
from atazan.rules.domain.checks import bill_violations
from atazan.rules.forms import BillCheckForm, ProvisionFormSet, provisions_draft
from atazan.rules.selectors import example_rows, parameter_rows
from atazan.rules.translation import msg_render, violation_render


def index(request: HttpRequest) -> HttpResponse:
    try:
        as_of = dt.date.fromisoformat(request.GET.get("as_of", ""))
    except ValueError:
        as_of = dt.date.today()
    language = translation.get_language() or "en"
    return render(
        request,
        "rules/index.html",
        {"rows": parameter_rows(as_of=as_of), "as_of": as_of, "examples": example_rows(language=language)},
    )


def bill_check(request: HttpRequest) -> HttpResponse:
    """Compose a bill in a form and see every constitutional check on it, each violation in the reader's language
    with the official sentence it rests on. GET, so a composed bill is a link a reader can share."""
    language = translation.get_language() or "en"
    bound = "initiator" in request.GET
    form = BillCheckForm(request.GET if bound else None, initial={"date": dt.date.today(), "kind": "ordinary"})
    provisions = ProvisionFormSet(request.GET if bound else None, prefix="provisions")
    context: dict[str, Any] = {"form": form, "provisions": provisions, "checked": False, "refusal": ""}
    status = 200
    if bound:
        if form.is_valid() and provisions.is_valid():
            draft = form.draft(provisions_draft(provisions))
            try:
                bill = bill_from_dict(draft, articles=articles_in_force)
            except BillFormatError as exc:
                reader = exc.message is not None and not language.startswith("en")
                context["refusal"] = msg_render(exc.message, language) if reader and exc.message else str(exc)
                status = 422
            else:
                context.update(
                    checked=True,
                    bill=bill,
                    violations=[violation_render(v, language=language) for v in bill_violations(bill)],
                    draft_json=json.dumps(draft, ensure_ascii=False, indent=2),
                    lang=language[:2],
                )
        else:
            status = 422
    return render(request, "rules/check.html", context, status=status)
