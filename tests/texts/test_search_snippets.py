"""The search pages show a short passage around each match with the matched word forms marked, never the whole
paragraph (issue 15), and the passage is escaped like any text from the database."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

SNIPPET = re.compile(r'<p class="search-snippet">(.*?)</p>', re.S)


def _words(html_fragment: str) -> int:
    return len(re.sub(r"<[^>]+>", "", html_fragment).split())


def test_texts_search_shows_short_snippets_with_every_word_form_marked(client: Client, load_texts: Any) -> None:
    load_texts((2026, "rus"))
    html = client.get("/texts/search/", {"q": "Курултай", "lang": "rus"}).content.decode()
    snippets = SNIPPET.findall(html)
    assert len(snippets) >= 10
    assert all(_words(s) <= 32 for s in snippets)  # about 30 words, with an ellipsis at either end
    marked = {m for s in snippets for m in re.findall(r"<mark>(\w+)</mark>", s)}
    assert "Курултая" in marked and "Курултай" in marked  # «Курултай» finds and marks its inflected forms
    # some paragraph is longer than its snippet: the page does not carry whole articles
    assert any(s.lstrip().startswith("…") or s.rstrip().endswith("…") for s in snippets)


def test_snippet_text_stays_escaped(client: Client, load_texts: Any) -> None:
    from atazan.texts.models import Expression, Provision

    load_texts((2026, "rus"))
    para = Provision.objects.filter(expression__work__year=2026, kind="paragraph", article_num="50").first()
    para.text = 'Курултая <script>alert("x")</script> <b onmouseover=1>решение</b> ' + "слово " * 40
    para.save()
    Expression.objects.filter(pk=para.expression_id).update(text_sha256="e" * 64)  # stored anew: searched again
    html = client.get("/texts/search/", {"q": "Курултаю"}).content.decode()
    assert "<mark>Курултая</mark> &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &lt;b onmouseover=1&gt;" in html
    assert "<script>alert" not in html and "<b onmouseover" not in html


def test_topics_search_finds_word_forms_and_shows_snippets(client: Client) -> None:
    html = client.get("/topics/search/", {"q": "Курултая", "lang": "rus"}).content.decode()
    snippets = SNIPPET.findall(html)
    assert snippets and all(_words(s) <= 32 for s in snippets)
    marked = {m for s in snippets for m in re.findall(r"<mark>(\w+)</mark>", s)}
    assert {"Курултай", "Курултая"} <= marked
