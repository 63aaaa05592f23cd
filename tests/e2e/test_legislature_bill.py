"""Follow a bill in the browser: from the tracker to its timeline, the override vote, and the votes by deputy."""

import pytest
from rich.console import Console

from atazan.legislature import demo

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_following_a_returned_and_overridden_bill(page) -> None:
    demo.build(console=Console(quiet=True))
    page.goto("/legislature/")
    page.get_by_role("link", name="KB-2026-002").click()
    page.wait_for_url("**/legislature/bills/KB-2026-002/")
    assert page.get_by_role("heading", level=1).inner_text().startswith("KB-2026-002")
    timeline = page.get_by_test_id("timeline")
    assert "object" in timeline.inner_text() and "override vote" in timeline.inner_text()
    assert "Art. 56(2)" in timeline.inner_text()
    assert page.get_by_test_id("stage").inner_text() == "published"
    page.get_by_role("link", name="votes by deputy").last.click()
    ballots = page.get_by_test_id("ballots")
    assert "Tulpar (simulated)" in ballots.inner_text()  # the simulated Kurultai election's deputies
    assert "at least 97 needed" in page.content()


def test_a_stopped_bill_shows_the_article_that_stopped_it(page) -> None:
    demo.build(console=Console(quiet=True))
    page.goto("/legislature/bills/KB-2026-003/")
    assert page.get_by_test_id("stage").inner_text() == "stopped"
    violations = page.get_by_test_id("violations")
    assert "Art. 5(5)" in violations.inner_text()
    # the rule's code is for machines (data-code), not shown to the reader
    assert violations.locator("[data-code=no_retroactive_worsening]").count() >= 1
    assert "no_retroactive_worsening" not in violations.inner_text()
    page.goto("/rules/?as_of=2026-07-01")
    assert "Constitution 2026, Art. 5(5)" in page.get_by_test_id("parameters").inner_text()
