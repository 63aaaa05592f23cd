"""The Commission's secretary signs in, schedules a session, sets its agenda (an article and a proposal theme),
records attendance and a speaker; a member votes on the public session page; the secretary records the decision,
which changes the draft. Every step goes through the secretariat's pages (htmx swaps the parts)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from tests.commission.setup_helpers import proposal_make, small_commission, start_draft

from atazan.accounts.demo import DEMO_PASSWORD
from atazan.audit.models import AuditEntry
from atazan.commission import services as cs
from atazan.commission.models import AgendaItem, Decision
from atazan.consultation.models import Theme

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _sign_in(page, username: str, next_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"/accounts/login/?next={next_url}")
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").first.click()
    page.wait_for_url(f"**{next_url}")


def test_the_secretary_records_a_session_and_its_decision(page, browser, live_server, settings, english) -> None:  # type: ignore[no-untyped-def]
    c = small_commission(settings, present=0)
    start_draft(c)
    c.secretary.set_password(DEMO_PASSWORD)
    c.secretary.save()
    member = c.member_user(0)
    member.set_password(DEMO_PASSWORD)
    member.save()
    proposal_make("SYN-T000001", articles=("2",), group="SYN-T000001")
    proposal_make("SYN-T000002", articles=("2",), group="SYN-T000001")
    Theme.objects.create(
        number=7,
        label="Однопалатный парламент",
        size=2,
        representatives=["SYN-T000001"],
        engine="test",
        computed_at=datetime(2026, 1, 1, tzinfo=UTC),
    )

    _sign_in(page, "sec", "/commission/secretariat/")
    page.fill("#id_number", "2")
    page.fill("#id_date", "2026-01-27")
    page.fill("#id_title", "Парламент: одна палата")
    with page.expect_navigation():
        page.get_by_role("button", name="Schedule the session").click()
    page.wait_for_url("**/commission/sessions/2/manage/")

    agenda = page.locator("#agenda")
    page.fill("#id_title", "Однопалатный Курултай")
    page.fill("#id_articles", "2")
    page.select_option("#id_theme_number", "7")
    page.get_by_role("button", name="Add to the agenda").click()
    agenda.get_by_text("Agenda item added.").wait_for()  # swapped in by htmx
    assert "SYN-T000001" in agenda.inner_text()

    for m in c.members[:5]:
        page.locator(f'#attendance input[value="{m.pk}"]').check()
    page.locator(f'#attendance input[value="{c.members[5].pk}"]').uncheck()
    page.get_by_role("button", name="Record attendance").click()
    page.locator("#attendance").get_by_text("Attendance recorded: 5 present.").wait_for()
    assert "quorum met" in page.locator("#quorum").inner_text()

    page.fill("#id_seat", "1")
    page.fill("#id_topic", "Доклад о проекте")
    page.get_by_role("button", name="Add the speaker").click()
    page.locator("#speakers li", has_text="Доклад о проекте").wait_for()

    # a member votes on the public page of the session, in a browser of their own
    context = browser.new_context(base_url=live_server.url, locale="en-US")
    member_page = context.new_page()
    _sign_in(member_page, member.username, "/commission/sessions/2/")
    member_page.locator("#item-1").get_by_role("button", name="For").click()
    member_page.locator("#item-1").get_by_text("Your vote is recorded.").wait_for()
    assert "Your vote: For" in member_page.locator("#item-1").inner_text()
    context.close()
    item = AgendaItem.objects.get(session__number=2)
    for k, choice in ((1, "for"), (2, "for"), (3, "abstain")):
        cs.vote_cast(actor=c.member_user(k), item=item, choice=choice)

    page.reload()
    page.locator("#manage-item-1 summary").click()
    page.select_option("#kind-1", "modify")
    page.fill("#summary-1", "Курултай из одной палаты")
    page.select_option("#change-kind-1", "amend")
    page.fill("#change-wording-1", "1. Курултай состоит из одной палаты.\n2. Срок полномочий – пять лет.")
    page.get_by_role("button", name="Record the decision from the vote").click()
    decision = page.get_by_test_id("decision-2/1")
    decision.wait_for()
    assert "adopted" in decision.inner_text()
    assert "Decision 2/1 recorded." in page.locator("#agenda").inner_text()
    d = Decision.objects.get(number="2/1")
    assert (d.votes_for, d.votes_against, d.abstained, d.present, d.adopted) == (3, 0, 1, 5, True)
    assert AuditEntry.objects.filter(action="commission.decision.record", actor="sec").count() == 1

    page.goto("/commission/sessions/2/")
    public = page.locator("#item-1").inner_text()
    assert "Decision 2/1" in public and "For: 3 · Against: 0 · Abstained: 1" in public
