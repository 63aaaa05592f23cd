from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from atazan.audit.domain.log import Finding
from atazan.audit.selectors import audit_entries, audit_verify_recent
from atazan.messages.render import render as msg_render


def finding_render(finding: Finding) -> str:
    """A finding in the reader's language, from the audit catalogue; English if a translation's fields do not fit
    (never an error page)."""
    return msg_render(finding.message, domain="audit")


def index(request: HttpRequest) -> HttpResponse:
    from atazan.audit.keys import AuditKeyError
    from atazan.audit.selectors import AuditLogBroken, audit_checkpoint

    action = request.GET.get("action", "")[:100]
    entries = audit_entries(action_prefix=action).order_by("-seq")
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    verdict = audit_verify_recent()
    checkpoint, no_key = None, False
    try:
        checkpoint = audit_checkpoint() if verdict.chain_break is None else None
    except AuditKeyError:
        no_key = True
    except AuditLogBroken:
        checkpoint = None
    return render(
        request,
        "audit/index.html",
        {
            "page": page,
            "count": verdict.entries,
            "chain_break": verdict.chain_break,
            "findings": [finding_render(f) for f in verdict.findings],
            "verified_at": verdict.verified_at,
            "checkpoint": checkpoint.as_dict() if checkpoint else None,
            "no_key": no_key,
            "action": action,
        },
    )
