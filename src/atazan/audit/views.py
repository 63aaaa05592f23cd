from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from atazan.audit.selectors import audit_chain_verify, audit_entries


def index(request: HttpRequest) -> HttpResponse:
    action = request.GET.get("action", "")[:100]
    entries = audit_entries(action_prefix=action).order_by("-seq")
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    count, chain_break = audit_chain_verify()
    return render(
        request, "audit/index.html", {"page": page, "count": count, "chain_break": chain_break, "action": action}
    )
