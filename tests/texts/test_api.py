"""The reading API under /api/texts/."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_works_expressions_sections_and_articles(client: Client, load_texts: Any) -> None:
    load_texts((2026, "rus"), (1995, "kaz"))
    works = client.get("/api/texts/works").json()
    assert [w["year"] for w in works] == [1995, 2026]
    assert works[1]["expressions"] == ["/akn/kz/act/2026-03-15/constitution/rus@2026-07-01"]
    exprs = client.get("/api/texts/expressions").json()
    assert {(e["year"], e["language"]) for e in exprs} == {(1995, "kaz"), (2026, "rus")}
    sections = client.get("/api/texts/expressions/2026/rus/sections").json()
    assert len(sections) == 11 and sum(len(s["articles"]) for s in sections) == 96
    art = client.get("/api/texts/expressions/1995/kaz/articles/44").json()
    assert art["eid"] == "art_44" and art["section"] == "III"
    subs = art["paragraphs"][0]["subparagraphs"]
    assert [s["num"] for s in subs][9:11] == ["10)", "10-1)"]
    assert client.get("/api/texts/expressions/1995/kaz/articles/84").json()["repealed"] is True
    assert client.get("/api/texts/expressions/1995/rus/articles/1").status_code == 404


def test_search_endpoint(client: Client, load_texts: Any) -> None:
    load_texts((2026, "rus"))
    hits = client.get("/api/texts/search", {"q": "эмиссии теңге"}).json()
    assert [h["eid"] for h in hits] == ["art_2__para_6"]
    assert ["теңге", True] in hits[0]["highlighted"]
