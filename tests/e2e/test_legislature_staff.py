"""The demo clerk follows a bill through the staff forms: registers it, uploads the ballots by deputy, sends it to
the President (a late attempt is refused with its article), records objections with the President's wording and a
failed repeated vote, then the signature; the vote links each deputy to the elections context."""

from __future__ import annotations

import pytest
from tests.legislature.factories import kurultai

from atazan.accounts.demo import DEMO_PASSWORD, DEMO_USERS
from atazan.accounts.services import user_create
from atazan.elections.models import Mandate

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _step(page, action: str, on: str, **fields: str) -> None:
    # htmx swaps in the fields this step needs. Wait for that answer and its swap: the panel shown may already have
    # this step chosen, and fields filled before the swap would be replaced by empty ones (seen on a loaded machine).
    with page.expect_response(lambda r: r.request.method == "GET" and "/step/" in r.url):
        page.select_option("#id_action", action)
    page.wait_for_function("() => !document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling')")
    page.wait_for_selector(f"#id_action option[value={action}][selected]", state="attached")
    page.fill("#step-panel input[name=on]", on)
    for name, value in fields.items():
        page.fill(f"#step-panel input[name={name}]", value)


def test_clerk_follows_a_bill_through_the_staff_forms(page, live_server, english) -> None:
    username, name, roles = next(u for u in DEMO_USERS if u[0] == "clerk")
    user_create(username=username, password=DEMO_PASSWORD, roles=list(roles), full_name=name)
    election = kurultai()
    seated = list(Mandate.objects.filter(election=election).order_by("pk"))
    ballots = "mandate,choice\n" + "".join(f"{m.pk},{'yes' if i < 90 else 'no'}\n" for i, m in enumerate(seated[:130]))

    page.goto("/accounts/login/?next=/legislature/staff/bills/new/")
    page.fill("#id_username", "clerk")
    page.fill("#id_password", "atazan-demo")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/legislature/staff/bills/new/")

    page.fill("#id_number", "E2E-1")
    page.fill("#id_title", "On river protection zones")
    page.select_option("#id_initiator", "deputy")
    page.fill("#id_date", "2026-10-20")
    with page.expect_navigation():
        page.get_by_role("button", name="Register").click()
    page.wait_for_url("**/legislature/bills/E2E-1/")
    assert page.get_by_test_id("stage").inner_text() == "introduced"

    _step(page, "adoption_vote", "2026-10-27")
    page.set_input_files(
        "#step-panel input[name=ballots_csv]",
        files=[{"name": "ballots.csv", "mimeType": "text/csv", "buffer": ballots.encode()}],
    )
    with page.expect_navigation():
        page.get_by_role("button", name="Record").click()
    assert page.get_by_test_id("stage").inner_text() == "adopted"

    _step(page, "present", "2026-11-20")  # more than ten days after adoption
    page.get_by_role("button", name="Record").click()
    refusal = page.get_by_test_id("refusal")
    refusal.wait_for()
    assert "Art. 60(5)" in refusal.inner_text() and refusal.get_attribute("data-code") == "presentation_deadline"
    assert "presentation_deadline" not in refusal.inner_text()  # the code is for machines, not shown to the reader

    _step(page, "present", "2026-10-30")
    with page.expect_navigation():
        page.get_by_role("button", name="Record").click()
    assert page.get_by_test_id("stage").inner_text() == "sent to president"

    _step(page, "object", "2026-11-20")
    page.check("#step-panel input[name=president_wording]")
    with page.expect_navigation():
        page.get_by_role("button", name="Record").click()
    _step(page, "override_vote", "2026-12-01", yes="90", no="45", abstain="0", present="135")
    with page.expect_navigation():
        page.get_by_role("button", name="Record").click()
    assert page.get_by_test_id("stage").inner_text() == "adopted as proposed"
    _step(page, "sign", "2026-12-05")
    with page.expect_navigation():
        page.get_by_role("button", name="Record").click()
    assert page.get_by_test_id("stage").inner_text() == "signed"
    timeline = page.get_by_test_id("timeline").inner_text()
    assert "wording the President proposed" in timeline and "Art. 56(2)" in timeline and "refused" in timeline

    page.get_by_role("link", name="by deputy").first.click()
    page.wait_for_url("**/legislature/votes/*/")
    assert "145 deputies in office of 145 seats" in page.get_by_test_id("seats").inner_text()
    page.get_by_test_id("ballots").get_by_role("link").first.click()
    page.wait_for_url("**/legislature/deputies/*/")
    assert "E2E-1" in page.get_by_test_id("deputy-votes").inner_text()
    assert page.get_by_test_id("election-link").get_attribute("href").startswith("/elections/kurultai-test/")
