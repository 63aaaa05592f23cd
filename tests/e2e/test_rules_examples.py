"""A reader of the rules page follows a worked example to the article whose sentence it quotes."""

import pytest

from atazan.texts.services import official_text_import

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_worked_example_quotes_and_links_the_official_text(page) -> None:
    """No official English text exists: an English reader gets the Russian sentence and its page."""
    official_text_import(year=2026, language="rus")
    page.goto("/rules/?as_of=2026-07-01")
    examples = page.get_by_test_id("examples")
    assert "Положения пункта 1 настоящей статьи неизменны." in examples.inner_text()  # Art. 43(5)
    examples.get_by_role("link", name="Constitution 2026, Art. 43(5)").first.click()
    page.wait_for_url("**/texts/2026/rus/art/43/#art_43__para_5")
    assert "Положения пункта 1 настоящей статьи неизменны." in page.locator("#art_43__para_5").inner_text()
