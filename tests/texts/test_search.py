"""Full-text search over both Constitutions (FTS5 on SQLite, tsvector on PostgreSQL)."""

from __future__ import annotations

from typing import Any

import pytest

from atazan.texts.selectors import highlight, provisions_search, search_terms

pytestmark = pytest.mark.django_db


def test_all_words_must_match_and_hits_are_highlighted(load_texts: Any) -> None:
    load_texts((2026, "rus"), (1995, "rus"))
    hits = provisions_search("эмиссии теңге", "rus", 2026)
    assert [(h.year, h.eid) for h in hits] == [(2026, "art_2__para_6")]
    marked = [s.text for s in hits[0].segments if s.hit]
    assert marked == ["теңге", "эмиссии", "теңге"]
    assert hits[0].url == "/texts/2026/rus/art/2/#art_2__para_6"


def test_a_word_finds_its_longer_forms_in_any_case(load_texts: Any) -> None:
    load_texts((1995, "rus"))
    hits = provisions_search("ПРЕЗИДЕНТ", "rus", 1995)
    words = {s.text for h in hits for s in h.segments if s.hit}
    assert {"Президент", "Президента"} <= words
    assert all(h.year == 1995 for h in hits)


def test_search_filters_by_year_and_language(load_texts: Any) -> None:
    load_texts((2026, "rus"), (2026, "kaz"), (1995, "rus"))
    assert {h.language for h in provisions_search("Құрылтай", None, None)} == {"kaz"}
    # The Kurultai exists only in the 2026 Constitution.
    assert provisions_search("Курултай", "rus", 1995) == []
    assert provisions_search("Курултай", "rus", 2026)
    assert provisions_search("   ", "rus", 2026) == []


def test_query_operators_are_treated_as_words(load_texts: Any) -> None:
    load_texts((2026, "rus"))
    assert search_terms('"NEAR(a b)" OR * -x') == ["near", "a", "b", "or", "x"]
    provisions_search('"теңге* OR NOT', "rus", 2026)  # must not raise an FTS syntax error


def test_highlight_keeps_all_text() -> None:
    text = "Президент Республики и президентский срок"
    segs = highlight(text, ["президент"])
    assert "".join(s.text for s in segs) == text
    assert [s.text for s in segs if s.hit] == ["Президент", "президентский"]


def test_remembered_results_follow_the_stored_texts(load_texts: Any) -> None:
    """Each process keeps search results and articles it has built; storing another text is seen at once."""
    from atazan.texts.models import Expression
    from atazan.texts.selectors import article_get

    load_texts((2026, "rus"))
    assert provisions_search("Курултай", "rus", 2026)
    expr = Expression.objects.get(work__year=2026, language="rus")
    assert article_get(expression=expr, num="50").paragraphs
    assert provisions_search("Курултай", "kaz", None) == []  # remembered as empty for kaz
    load_texts((2026, "kaz"))
    assert provisions_search("Құрылтай", "kaz", None)
    # a re-loaded text (new digest) is read again, not served from memory
    assert provisions_search("маяк", "rus", 2026) == []
    expr.provisions.filter(article_num="2", kind="paragraph").update(text="слово-маяк для проверки памяти")
    assert provisions_search("маяк", "rus", 2026) == []  # same stored texts: the remembered result stands
    Expression.objects.filter(pk=expr.pk).update(text_sha256="0" * 64)
    assert [h.eid for h in provisions_search("маяк", "rus", 2026)]


def test_a_flood_of_distinct_searches_stays_within_its_pool(load_texts: Any) -> None:
    from atazan.texts import selectors

    load_texts((2026, "rus"))
    for n in range(selectors._MEMO_SIZE["search"] * 2 + 3):
        provisions_search(f"слово{n}", "rus", 2026)
    assert 0 < len(selectors._MEMO["search"]) <= selectors._MEMO_SIZE["search"]
