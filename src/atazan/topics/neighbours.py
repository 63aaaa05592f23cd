"""Citizen proposals (consultation) and public comments (commission) on a topic, by the articles they concern.

Those contexts are built alongside this one and their models may not exist yet, or hold no rows. So this module only
reads what it finds: any model of theirs with an article reference (a `Provision` foreign key, or an article number
field, optionally with the Constitution's year) is searched for the topic's 2026 articles. Nothing found → empty
lists, and the topic page says so.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.db import DatabaseError
from django.db.models import Model

_ARTICLE_FIELDS = ("article_num", "article", "article_number")
_YEAR_FIELDS = ("year", "constitution_year", "constitution")
_TITLE_FIELDS = ("title", "summary", "essence", "text", "body")
_OWNER_FIELDS = ("proposal", "comment")


@dataclass(frozen=True)
class Mention:
    title: str
    article: str
    url: str = ""
    source: str = ""  # "consultation.Proposal"


def _field_names(model: type[Model]) -> set[str]:
    return {f.name for f in model._meta.get_fields()}


def _title(obj: Any) -> str:
    for name in _TITLE_FIELDS:
        value = getattr(obj, name, None)
        if isinstance(value, str) and value.strip():
            return value.strip()[:300]
    return str(obj)[:300]


def _url(obj: Any) -> str:
    try:
        return str(obj.get_absolute_url())
    except Exception:  # noqa: BLE001 - a neighbour's model without (or with a failing) get_absolute_url
        return ""


def _mentions(app_label: str, articles: Iterable[str], *, kinds: tuple[str, ...], limit: int) -> list[Mention]:
    try:
        config = apps.get_app_config(app_label)
    except LookupError:
        return []
    wanted = sorted(set(articles))
    if not wanted:
        return []
    out: list[Mention] = []
    for model in config.get_models():
        if not any(k in model.__name__.lower() for k in kinds):
            continue
        names = _field_names(model)
        try:
            qs: Any
            if "provision" in names:
                qs = model._default_manager.filter(
                    provision__expression__work__year=2026, provision__article_num__in=wanted
                )
                art_of = lambda o: o.provision.article_num  # noqa: E731
            else:
                field = next((f for f in _ARTICLE_FIELDS if f in names), None)
                if field is None:
                    continue
                qs = model._default_manager.filter(**{f"{field}__in": wanted})
                year_field = next((f for f in _YEAR_FIELDS if f in names), None)
                if year_field is not None:
                    qs = qs.filter(**{year_field: 2026})
                art_of = lambda o, f=field: str(getattr(o, f))  # noqa: E731
            for row in qs[:limit]:
                owner = next(
                    (getattr(row, o) for o in _OWNER_FIELDS if o in names and o != model.__name__.lower()), row
                )
                out.append(Mention(_title(owner), art_of(row), _url(owner), f"{app_label}.{model.__name__}"))
        except (DatabaseError, ValueError, TypeError, AttributeError):
            continue  # a neighbour's table not migrated yet, or a field of another shape
        if len(out) >= limit:
            break
    return out[:limit]


def proposals_on(articles: Iterable[str], *, limit: int = 20) -> list[Mention]:
    """Citizen proposals linked to any of these 2026 articles."""
    return _mentions("consultation", articles, kinds=("proposal",), limit=limit)


def comments_on(articles: Iterable[str], *, limit: int = 20) -> list[Mention]:
    """Public comments (the Commission's or the consultation's) on any of these 2026 articles."""
    arts = list(articles)
    return (
        _mentions("commission", arts, kinds=("comment",), limit=limit)
        + _mentions("consultation", arts, kinds=("comment",), limit=limit)
    )[:limit]
