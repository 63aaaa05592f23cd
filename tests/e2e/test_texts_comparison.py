"""Opening an article's comparison in Chromium: counterpart with the diff, then the comparative table."""

from __future__ import annotations

from typing import Any

import pytest

from atazan.texts.services import official_text_import

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def texts(live_server: Any) -> None:
    for year, lang in ((1995, "rus"), (2026, "rus")):
        official_text_import(year=year, language=lang)


def test_article_shows_its_2026_counterparts_and_opens_the_table(page: Any, texts: None) -> None:
    page.goto("/texts/1995/rus/art/77/")
    items = page.get_by_test_id("counterpart")
    assert items.count() >= 2  # old Art. 77 went to Art. 78 (courts) and Art. 19 (rights)
    assert page.locator('[data-relation="split"]').first.is_visible()
    first = items.first
    assert first.locator("del").count() > 0 and first.locator("ins").count() > 0
    page.get_by_test_id("counterpart-link").nth(1).click()
    page.wait_for_url("**/texts/2026/rus/art/19/")
    assert "невиновным" in page.locator("article").inner_text()
    assert page.get_by_test_id("counterpart-link").first.get_attribute("href") == "/texts/1995/rus/art/77/"
    page.get_by_test_id("compare-table-link").click()
    page.wait_for_url("**/texts/compare/1995/2026/rus/")
    assert page.get_by_test_id("compare-table").is_visible()
    page.locator('input[name="relation"][value="split"]').check()
    with page.expect_navigation():
        page.get_by_role("button", name="Filter").click()
    rows = page.locator('[data-testid="compare-table"] tbody tr')
    assert rows.count() >= 1
    assert all(r == "split" for r in rows.evaluate_all("rs => rs.map(r => r.dataset.relation)"))
    # a section at a time: the next section holding a split article, the filter kept
    shown = page.get_by_test_id("compare-table").get_attribute("data-section")
    with page.expect_navigation():
        page.get_by_test_id("compare-sections").locator('a[href*="relation=split"]').first.click()
    assert page.get_by_test_id("compare-table").get_attribute("data-section") != shown
    assert rows.count() >= 1
    assert all(r == "split" for r in rows.evaluate_all("rs => rs.map(r => r.dataset.relation)"))
