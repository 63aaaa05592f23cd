"""Follow one article in the browser: from the proposal on the agenda, through the vote and the draft diffs, to
the adopted text and the referendum."""

from __future__ import annotations

from datetime import date

import pytest
from tests.commission.setup_helpers import small_commission, start_draft, vote_all

from atazan.commission import services as cs
from atazan.commission import services_drafts as ds
from atazan.commission.domain import drafting as dd

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

WORDING = "1. Курултай состоит из одной палаты.\n2. Срок полномочий – пять лет."


def test_open_an_articles_story_and_see_its_draft_diff_and_decision(page, settings) -> None:
    c = small_commission(settings)
    start_draft(c)
    item = cs.agenda_item_add(actor=c.secretary, session=c.session, title="A unicameral parliament",
                              articles=["2"], theme="Parliamentary reform", proposals=["ЗТ-2025-000123"])
    vote_all(c, item, "ffffa-")
    cs.decision_record(actor=c.secretary, item=item, kind="modify", summary="One chamber",
                       changes=[dd.ArticleChange(dd.ChangeKind.AMEND, "2", WORDING)])
    ds.draft_version_create(actor=c.secretary, date=date(2026, 1, 31), title="First draft published", publish=True)

    page.goto("/commission/articles/2/")
    assert "Article 2 of the Constitution of 2026" in page.locator("h1").inner_text()
    assert "ЗТ-2025-000123" in page.locator("#proposals").inner_text()
    step = page.locator('#drafts .story-step[data-version="2"]')
    assert step.locator("ins").first.is_visible()
    assert "Курултай" in step.locator("ins").all_inner_texts()[0]
    assert "Парламент" in " ".join(step.locator("del").all_inner_texts())
    decisions = page.locator("#decisions").inner_text()
    assert "1/1" in decisions and "adopted" in decisions
    assert page.locator("#referendum a[href='/referendum/']").count() == 1

    with page.expect_navigation():
        step.get_by_role("link", name="decision 1/1").click()
    assert page.url.endswith("/commission/sessions/1/#item-1")
    item_section = page.locator("#item-1")
    assert "4 for, 1 against, 0 abstained" in item_section.inner_text()
    assert page.locator("iframe.broadcast").get_attribute("src").startswith("https://www.youtube-nocookie.com/embed/")
