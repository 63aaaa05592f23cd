"""Follow one article in the browser, on the demo data: a citizen's proposal that concerns Art. 53 → the working
group's answer citing the Commission's decision → the decision and its vote at the session → the change it made in
the draft → the article's story with the adopted 2026 text and the proposals and campaigns behind it → the
referendum that adopted it."""

from __future__ import annotations

import os
import re

import pytest
from rich.console import Console

from atazan.commission import demo as commission_demo
from atazan.commission.models import Decision
from atazan.consultation import demo as consultation_demo
from atazan.consultation.domain.themes import embedder_available
from atazan.consultation.models import Proposal
from atazan.consultation.services import analysis_apply

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo_data() -> None:
    """A smaller synthetic consultation (600 proposals, the n-gram engine) and the Commission's whole demo."""
    consultation_demo.load(count=600)
    analysis_apply(embedder=embedder_available("ngram"), max_embedded=100)
    commission_demo.build(console=Console(quiet=True))


def test_from_a_proposal_to_the_adopted_text_and_the_referendum(page, english, demo_data) -> None:  # type: ignore[no-untyped-def]
    decision = Decision.objects.select_related("item__session").get(number="3/2")  # Art. 53, the Kurultai
    assert decision.adopted and decision.item.articles == ["53"] and decision.item.proposals
    number = decision.item.proposals[0]  # the largest campaign on Art. 53 comes first
    proposal = Proposal.objects.get(registration_number=number)
    assert proposal.duplicate_group == number  # a campaign's first member

    # 1. the proposal, in the consultation
    page.goto(proposal.get_absolute_url())
    assert "Art. 53 of the 2026 Constitution" in page.locator("#articles").inner_text()
    answer = page.locator("[data-answer]").inner_text()
    assert "Constitutional Commission, decision 3/2" in answer
    assert page.locator('[data-status="partly_accepted"]').count() == 1
    record = re.search(r"Record: (/commission/\S+)", answer)
    assert record is not None and record.group(1) == "/commission/sessions/3/#item-2"

    # 2. what the Commission did with it
    page.goto(f"/commission/proposals/{number}/")
    assert "Art. 53 of the 2026 Constitution" in page.locator("#proposal-articles").inner_text()
    with page.expect_navigation():
        page.get_by_role("link", name="Decision 3/2").click()
    assert page.url.endswith("/commission/sessions/3/#item-2")
    item = page.locator("#item-2")
    assert f"Decision 3/2" in item.inner_text() and "adopted" in item.inner_text()
    assert f"For: {decision.votes_for} · Against: {decision.votes_against}" in item.inner_text()
    assert number in item.locator(".item-proposals").inner_text()

    # 3. the change it made in the draft
    with page.expect_navigation():
        item.locator("a.draft-diff").first.click()
    assert "/commission/drafts/compare/?old=1&new=2" in page.url
    change = page.locator("#art-53")
    assert change.locator("del").count() >= 1  # the paragraph the decision removed from the 1995 wording's successor

    # 4. the article's story: drafts, the adopted 2026 wording, the proposals and campaigns behind it
    with page.expect_navigation():
        change.get_by_role("link", name="Art. 53").click()
    assert page.url.endswith("/commission/articles/53/")
    adopted = page.locator("#adopted .wording").inner_text()
    assert adopted.startswith("1. ") and "Курултай" in adopted
    assert page.locator('#drafts .story-step[data-version="3"]').count() == 1
    counts = page.locator("#proposal-counts").inner_text()
    total = Proposal.objects.filter(articles__constitution="2026", articles__article="53").count()
    assert f"{total} proposals in the consultation concern this article" in counts
    campaign = page.locator(f'#campaigns tr[data-campaign="{number}"]')
    size = Proposal.objects.filter(duplicate_group=number).count()
    assert campaign.locator("td.num").inner_text() == str(size) and size > 1
    assert page.locator("#agenda-proposals").get_by_role("link", name=number).count() == 1

    # 5. the referendum that adopted it
    if os.environ.get("ATAZAN_SCREENSHOTS"):
        page.screenshot(path=os.path.join(os.environ["ATAZAN_SCREENSHOTS"], "commission-story.png"), full_page=True)
    with page.expect_navigation():
        page.locator("#referendum a[href='/referendum/']").click()
    assert "/referendum/" in page.url
