"""Follow one article in the browser, on the demo data: a citizen's proposal that concerns Art. 70 → the working
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
    consultation_demo.load(count=600)  # the synthetic campaign C2 on Art. 70 is among them (about 50 copies)
    analysis_apply(embedder=embedder_available("ngram"), max_embedded=100)
    commission_demo.build(console=Console(quiet=True))


def test_from_a_proposal_to_the_adopted_text_and_the_referendum(page, english, demo_data) -> None:  # type: ignore[no-untyped-def]
    # Art. 70, the People's Council: a new article inserted by decision 2/2 (the demo's synthetic campaign C2 is on it)
    decision = Decision.objects.select_related("item__session").get(number="2/2")
    assert decision.adopted and decision.item.articles == ["70"] and decision.item.proposals
    number = decision.item.proposals[0]  # the largest campaign on the article comes first
    proposal = Proposal.objects.get(registration_number=number)
    assert proposal.duplicate_group == number  # a campaign's first member

    # 1. the proposal, in the consultation
    page.goto(proposal.get_absolute_url())
    assert "Art. 70 of the 2026 Constitution" in page.locator("#articles").inner_text()
    answer = page.locator("[data-answer]").inner_text()
    # the answer is written in the proposal's own language (Kazakh, Russian or English), citing the decision
    assert "2/2" in answer and any(cited in answer for cited in ("Art. 70", "ст. 70", "70-бап"))
    assert page.locator('[data-status="partly_accepted"]').count() == 1
    record = re.search(r"(?:Record|Запись|Жазба): (/commission/\S+)", answer)
    assert record is not None and record.group(1) == "/commission/sessions/2/#item-2"

    # 2. what the Commission did with it
    page.goto(f"/commission/proposals/{number}/")
    assert "Art. 70 of the 2026 Constitution" in page.locator("#proposal-articles").inner_text()
    with page.expect_navigation():
        page.get_by_role("link", name="Decision 2/2").click()
    assert page.url.endswith("/commission/sessions/2/#item-2")
    item = page.locator("#item-2")
    assert "Decision 2/2" in item.inner_text() and "adopted" in item.inner_text()
    assert f"For: {decision.votes_for} · Against: {decision.votes_against}" in item.inner_text()
    assert number in item.locator(".item-proposals").inner_text()

    # 3. the change it made in the draft
    with page.expect_navigation():
        item.locator("a.draft-diff").first.click()
    assert "/commission/drafts/compare/?old=1&new=2" in page.url
    change = page.locator("#art-70")
    assert change.locator("ins").count() >= 1 and change.locator("del").count() == 0  # a new article

    # 4. the article's story: drafts, the adopted 2026 wording, the proposals and campaigns behind it
    with page.expect_navigation():
        change.get_by_role("link", name="Art. 70").click()
    assert page.url.endswith("/commission/articles/70/")
    adopted = page.locator("#adopted .wording").inner_text()
    assert adopted.startswith("1. Қазақстан Халық Кеңесі (Народный Совет Казахстана)")
    assert "Not in this version." in page.locator('#drafts .story-step[data-version="1"]').inner_text()
    assert page.locator('#drafts .story-step[data-version="2"].changed').count() == 1
    assert page.locator('#drafts .story-step[data-version="3"] .wording').inner_text() == adopted  # the final text
    counts = page.locator("#proposal-counts").inner_text()
    total = Proposal.objects.filter(articles__constitution="2026", articles__article="70").count()
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
