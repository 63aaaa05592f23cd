"""The secretary answers a whole campaign at once from one of its proposals (issue 17): the form offers only what
the workflow allows, and one answer reaches every proposal of the duplicate group."""

from __future__ import annotations

import pytest
from tests.consultation.helpers import PASSWORD, secretary
from tests.consultation.test_secretary import campaign

from atazan.consultation.models import Proposal, StatusChange

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_the_secretary_answers_a_whole_campaign_at_once(page, live_server, english) -> None:
    numbers = campaign(40)
    secretary(username="gulnara")
    page.goto("/accounts/login/")
    page.fill("#id_username", "gulnara")
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").first.click()
    page.goto(f"/consultation/p/{numbers[7]}/")
    # a registered proposal: no "accepted" or "rejected" on the single decision form, and it says why
    single = page.locator("main form select[name=status]").first
    assert "accepted" not in single.locator("option").evaluate_all("os => os.map(o => o.value)")
    assert page.locator("#next-step").is_visible()
    page.locator("#group-answer-text").fill("Рабочая группа рассмотрела предложение и учла его в статье 53.")
    page.locator("form:has(#group-answer-text) select[name=status]").select_option("partly_accepted")
    with page.expect_navigation():
        page.get_by_role("button", name="Answer 40 proposals").click()
    assert page.get_by_text("One answer recorded for 40 proposals").is_visible()
    assert Proposal.objects.filter(status="partly_accepted").count() == 40
    assert StatusChange.objects.filter(to_status="partly_accepted").count() == 40
    page.goto(f"/consultation/p/{numbers[0]}/")
    assert page.get_by_text("учла его в статье 53").first.is_visible()
