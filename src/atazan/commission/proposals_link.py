"""Reads from the consultation context, by registration number. Consultation may not be installed with data (or
its models may not exist yet): then proposals are shown by their number alone."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.db import DatabaseError

_NUMBER_FIELDS = ("registration_number", "reg_number", "number")
_TITLE_FIELDS = ("title", "summary", "essence", "text")
_CAMPAIGN_FIELDS = ("campaign", "cluster", "duplicate_group")


@dataclass(frozen=True)
class ProposalRef:
    number: str
    title: str = ""
    campaign: str = ""
    url: str = ""


def _model() -> Any:
    try:
        return apps.get_model("consultation", "Proposal")
    except LookupError:
        return None


def _field(model: Any, names: Iterable[str]) -> str | None:
    fields = {f.name for f in model._meta.get_fields()}
    return next((n for n in names if n in fields), None)


def proposals_lookup(numbers: Iterable[str]) -> dict[str, ProposalRef]:
    """ProposalRef for each registration number; unknown numbers get a bare ref."""
    wanted = [n for n in dict.fromkeys(numbers) if n]
    refs = {n: ProposalRef(n) for n in wanted}
    model = _model()
    if model is None or not wanted:
        return refs
    key = _field(model, _NUMBER_FIELDS)
    if key is None:
        return refs
    title = _field(model, _TITLE_FIELDS)
    campaign = _field(model, _CAMPAIGN_FIELDS)
    try:
        for row in model.objects.filter(**{f"{key}__in": wanted}):
            number = str(getattr(row, key))
            text = str(getattr(row, title) or "") if title else ""
            camp = getattr(row, campaign, None) if campaign else None
            url = row.get_absolute_url() if hasattr(row, "get_absolute_url") else ""
            refs[number] = ProposalRef(number, text[:200], str(camp) if camp else "", url)
    except DatabaseError:
        return refs
    return refs


def proposals_for_articles(articles: Iterable[str], *, limit: int = 12) -> list[ProposalRef]:
    """Demo helper and story fallback: proposals the consultation context linked to these 2026 articles."""
    model = _model()
    if model is None:
        return []
    key = _field(model, _NUMBER_FIELDS)
    if key is None:
        return []
    try:
        link = apps.get_model("consultation", "ProposalArticle")
    except LookupError:
        return []
    fields = {f.name for f in link._meta.get_fields()}
    art_field = next((n for n in ("article_num", "article", "number") if n in fields), None)
    if art_field is None or "proposal" not in fields:
        return []
    try:
        rows = (link.objects.filter(**{f"{art_field}__in": list(articles)}).select_related("proposal")
                .order_by("proposal__pk")[:limit])
        numbers = [str(getattr(r.proposal, key)) for r in rows]
    except DatabaseError:
        return []
    found = proposals_lookup(numbers)
    return [found[n] for n in numbers]
