"""Names of regions, parties and bodies in the page's language, from the one source (atazan.standards.names).

{% load names %}
{{ proposal.region|region_name }}     → "Абай облысы" on a Kazakh page, "Abai Region" on an English one
{{ party_list.party|party_name }}     → "Ақ жол"
{{ "cec"|body_name }}                 → "Орталық сайлау комиссиясы"
{{ bill|in_language:"title" }}        → the Kazakh or Russian variant a record keeps in ``translations``
"""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.translation import get_language

from atazan.standards import names

register = template.Library()

__all__ = ["body_name", "in_language", "local_variant", "party_name", "region_name"]


@register.filter
def region_name(value: object) -> str:
    return names.region_name(str(value or ""), get_language())


@register.filter
def party_name(value: object) -> str:
    return names.party_name(str(value or ""), get_language())


@register.filter
def body_name(value: object) -> str:
    return names.body_name(str(value or ""), get_language())


def local_variant(default: str, variants: Any, field: str | None = None) -> str:
    """The page language's variant of a record's text: ``variants`` is ``{"kk": …, "ru": …}`` (one text), or
    ``{"kk": {field: …}, "ru": {field: …}}`` (several); the text as recorded when there is no variant."""
    language = (get_language() or "").split("-")[0]
    if not isinstance(variants, dict):
        return default
    found = variants.get(language)
    if field is not None and isinstance(found, dict):
        found = found.get(field)
    return str(found) if isinstance(found, str) and found else default


@register.filter
def in_language(record: object, field: str) -> str:
    """``record.<field>`` in the page's language, read from ``record.translations`` when it holds a variant."""
    default = getattr(record, field, "")
    return local_variant("" if default is None else str(default), getattr(record, "translations", None), field)
