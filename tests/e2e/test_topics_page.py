"""From the home page to a topic's comparison: 2026 and 1995 paragraphs side by side, and what changed."""

from __future__ import annotations

from typing import Any

import pytest

from atazan.topics.services import tags_compute

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_open_a_topic_and_see_what_changed(page: Any) -> None:
    tags_compute()
    page.goto("/")
    with page.expect_navigation():
        page.locator('nav[aria-label="Main navigation"] a[data-context="topics"]').click()
    assert page.get_by_test_id("topic-chart").is_visible()
    with page.expect_navigation():
        page.locator('a[data-topic="detention-rights"]').click()
    assert page.get_by_test_id("topic-title").inner_text() == "Rights on detention"
    new = page.get_by_test_id("paragraphs-2026")
    old = page.get_by_test_id("paragraphs-1995")
    assert "в момент задержания разъясняются" in new.inner_text()
    assert "семидесяти двух часов" in old.inner_text()
    changed = page.get_by_test_id("what-changed")
    assert changed.locator("del").count() > 0 and changed.locator("ins").count() > 0
    # A quoted paragraph links to its reading page in the texts context.
    link = new.locator('a[href="/texts/2026/rus/art/18/#art_18__para_3"]')
    assert link.count() == 1
    examples = page.get_by_test_id("worked-examples")
    assert "Constitution 2026, Art. 18(2)" in examples.inner_text()
