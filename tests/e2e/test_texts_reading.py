"""Reading the Constitutions in Chromium: open an article, switch the interface language, search."""

from __future__ import annotations

from typing import Any

import pytest

from atazan.texts.services import official_text_import

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def texts(live_server: Any) -> None:
    # The live server reads the test database, so the official texts are imported into it here.
    for year, lang in ((2026, "rus"), (2026, "kaz"), (1995, "rus")):
        official_text_import(year=year, language=lang)


def test_open_an_article_from_the_index_and_follow_its_permalink(page: Any, texts: None) -> None:
    page.goto("/texts/")
    page.locator('a[href="/texts/2026/rus/"]').click()
    page.wait_for_url("**/texts/2026/rus/")
    page.get_by_role("link", name="Статья 2", exact=True).click()
    page.wait_for_url("**/texts/2026/rus/art/2/")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Статья 2")
    assert "теңге" in page.locator("#art_2__para_6").inner_text()
    assert page.get_by_test_id("no-english-text").is_visible()
    page.get_by_test_id("other-language").click()
    page.wait_for_url("**/texts/2026/kaz/art/2/")
    assert page.get_by_role("heading", level=1).inner_text().startswith("2-бап")
    permalink = page.get_by_test_id("permalink").get_attribute("href")
    assert permalink.endswith("/texts/2026/kaz/art/2/")


def test_switching_the_interface_language_keeps_the_text(page: Any, texts: None) -> None:
    page.goto("/texts/2026/rus/art/1/")
    text = page.locator("#art_1__para_1").inner_text()
    with page.expect_navigation():
        page.select_option("#ui-language", "kk")
    assert page.locator("html").get_attribute("lang") == "kk"
    assert page.url.endswith("/texts/2026/rus/art/1/")
    assert page.locator("#art_1__para_1").inner_text() == text  # the official text stays Russian
    assert page.get_by_test_id("no-english-text").count() == 0


def test_search_highlights_hits_and_links_to_the_paragraph(page: Any, texts: None) -> None:
    page.goto("/texts/search/")
    page.fill("#texts-q", "эмиссии теңге")
    page.select_option("#texts-year", "2026")
    page.select_option("#texts-lang", "rus")
    page.get_by_role("button", name="Search").click()
    hit = page.locator(".search-hit").first
    hit.wait_for()
    assert page.locator(".search-hit").count() == 1
    assert page.locator(".search-hit mark").first.inner_text() == "теңге"
    hit.get_by_role("link").click()
    page.wait_for_url("**/texts/2026/rus/art/2/#art_2__para_6")
