"""The demo election operator logs in, records the end of a deputy's mandate on a ground of Constitution 2026,
Art. 55(4), sees the next candidate take the seat (Art. 97-1(6), keeping the 30% rule) and finds the successor among
the deputies on the public results page and on the party's list page."""

from __future__ import annotations

import os

import pytest
from rich.console import Console

from atazan.accounts.demo import DEMO_PASSWORD, DEMO_USERS
from atazan.accounts.services import user_create
from atazan.audit.models import AuditEntry
from atazan.elections import demo
from atazan.elections.models import Election, Mandate

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SIM = "kurultai-2026-simulated"


def test_operator_ends_a_mandate_and_the_successor_appears_on_the_results_page(page, english) -> None:  # type: ignore[no-untyped-def]
    username, name, roles = next(u for u in DEMO_USERS if u[0] == "operator")
    user_create(username=username, password=DEMO_PASSWORD, roles=list(roles), full_name=name)
    demo.build(console=Console(quiet=True))
    election = Election.objects.get(slug=SIM)
    leaving = (
        Mandate.objects.filter(election=election, party_list__registration_order=1, ended__isnull=True)
        .select_related("candidate")
        .order_by("candidate__position")
        .first()
    )

    page.goto(f"/accounts/login/?next=/elections/{SIM}/operator/")
    page.fill("#id_username", "operator")
    page.fill("#id_password", DEMO_PASSWORD)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").first.click()
    page.wait_for_url(f"**/elections/{SIM}/operator/")

    page.select_option("#id_mandate", str(leaving.pk))
    page.select_option("#id_ground", "resignation")
    page.fill("#id_on", "2027-05-05")
    page.get_by_role("button", name="Record the end of the mandate").click()
    report = page.get_by_test_id("terminate-report")
    report.wait_for()  # swapped in by htmx
    assert leaving.candidate.full_name in report.inner_text()
    successor = Mandate.objects.select_related("candidate").get(predecessor=leaving)
    assert successor.candidate.full_name in page.get_by_test_id("successor").inner_text()
    # the list of deputies to choose from is fresh: the one who left is gone, the successor is there
    assert page.locator(f'#id_mandate option[value="{leaving.pk}"]').count() == 0
    assert page.locator(f'#id_mandate option[value="{successor.pk}"]').count() == 1
    assert AuditEntry.objects.filter(action="elections.mandate.vacate", actor="operator").count() == 1

    page.get_by_role("link", name="Deputies on the results page").click()
    page.wait_for_url(f"**/elections/{SIM}/**")
    deputies = page.locator(f"#mandate-{successor.pk}")
    assert deputies.inner_text() == successor.candidate.full_name
    assert page.locator(f"#mandate-{leaving.pk}").count() == 0
    timeline = page.locator("#mandate-timeline")
    assert timeline.locator('[data-day="2027-05-05"]').count() == 2  # ended and passed on, the same day

    page.goto(f"/elections/{SIM}/lists/1/")
    assert page.locator(f"#candidate-{successor.candidate.key}").get_attribute("data-status") == "sitting"
    assert page.locator(f"#candidate-{leaving.candidate.key}").get_attribute("data-status") == "ended"
    if os.environ.get("ATAZAN_SCREENSHOTS"):
        page.screenshot(path=os.path.join(os.environ["ATAZAN_SCREENSHOTS"], "elections-party.png"), full_page=True)
