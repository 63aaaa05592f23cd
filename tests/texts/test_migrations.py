"""Rows imported by the earlier parser get the corrected structure from migration 0003, their words unchanged."""

from __future__ import annotations

from importlib import import_module
from typing import Any

import pytest
from django.apps import apps

from atazan.texts.models import Provision

pytestmark = pytest.mark.django_db

migration = import_module("atazan.texts.migrations.0003_stored_rows_follow_the_corrected_parse")


def _as_the_earlier_parser_stored_them() -> None:
    """2026 Art. 46: the sentences after 2), 4), 8) as lead-ins of lists 2–4; 1995 new wordings as Court notes."""
    subs = list(
        Provision.objects.filter(expression__work__year=2026, kind="subparagraph", article_num="46").order_by("order")
    )
    lists = dict.fromkeys((3, 4), 2) | dict.fromkeys(range(5, 9), 3) | dict.fromkeys(range(9, 23), 4)
    for n, row in enumerate(subs, 1):
        if n in (2, 4, 8):
            row.text, subs[n].heading = row.text.split("\n")
        if n in lists:
            row.eid = f"art_46__para_1__list_{lists[n]}__subpara_{n}"
        row.save()
    art50 = Provision.objects.get(expression__work__year=1995, kind="article", num="50")
    art50.notes = [dict(n, kind="court_note") if n["kind"] == "amendment" else n for n in art50.notes]
    art50.save()


def test_earlier_rows_follow_the_corrected_parse(load_texts: Any) -> None:
    load_texts((2026, "rus"), (1995, "rus"))
    fresh = {p.pk: (p.eid, p.text, p.heading, p.notes) for p in Provision.objects.all()}
    _as_the_earlier_parser_stored_them()
    item3 = Provision.objects.get(expression__work__year=2026, article_num="46", num="3)")
    assert item3.eid == "art_46__para_1__list_2__subpara_3" and item3.heading.startswith("Президент")
    assert {p.pk: (p.eid, p.text, p.heading, p.notes) for p in Provision.objects.all()} != fresh

    migration.rows_follow_parse(apps, None)

    assert {p.pk: (p.eid, p.text, p.heading, p.notes) for p in Provision.objects.all()} == fresh
    item2 = Provision.objects.get(expression__work__year=2026, article_num="46", num="2)")
    assert item2.eid == "art_46__para_1__subpara_2" and "вправе распустить Курултай" in item2.text
    migration.rows_follow_parse(apps, None)  # a second run changes nothing
    assert {p.pk: (p.eid, p.text, p.heading, p.notes) for p in Provision.objects.all()} == fresh
