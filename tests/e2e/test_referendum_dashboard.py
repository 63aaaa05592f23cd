"""The referendum dashboard in Chromium: the outcome explained, the tile map, live updates while protocols arrive,
and the drill-down from a unit to one precinct's protocol with its versions and signature."""

import pytest
from playwright.sync_api import expect
from tests.referendum import factories

from atazan.referendum import services
from atazan.referendum.domain.units import UNITS

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def referendum():
    q = factories.question()
    protocols = [
        factories.protocol(f"{u.code}-1", u.code, yes=500 if i < 14 else 300, no=100 if i < 14 else 300)
        for i, u in enumerate(UNITS)
    ]
    factories.load(q, protocols)
    services.protocol_correct(
        question=q, protocol=factories.protocol("astana-1", "astana", yes=299, no=301), reason="recount", author="tec"
    )
    return q


def test_dashboard_outcome_map_live_update_and_precinct_drill_down(page, english, referendum) -> None:
    page.goto(f"/referendum/{referendum.slug}/")
    assert page.get_by_test_id("outcome").inner_text() == "Adopted"
    steps = page.get_by_test_id("rule-steps").inner_text()
    assert "14 of 20" in steps and "Art. 92(3)" in steps
    assert page.locator('[data-testid="tile-map"] svg a').count() == 20
    assert page.get_by_test_id("model-notice").is_visible()

    # A protocol arrives while the page is open: the htmx poll brings it in without a reload.
    factories.load(referendum, [factories.protocol("almaty-2", "almaty")])
    expect(page.get_by_test_id("precincts-counted")).to_have_text("21", timeout=15_000)

    # Drill down: the Astana tile → the unit page → precinct astana-1 → its protocol versions.
    page.locator('[data-testid="tile-map"] a[data-unit="astana"]').click()
    page.wait_for_url("**/units/astana/")
    page.get_by_test_id("precincts-table").get_by_role("link", name="astana-1").click()
    page.wait_for_url("**/precincts/astana-1/")
    assert page.get_by_role("heading", level=1).inner_text() == "Precinct astana-1"
    rows = page.get_by_test_id("versions").locator("tbody tr")
    assert rows.count() == 2
    assert "recount" in rows.nth(0).inner_text() and "current" in rows.nth(0).inner_text()
    # The recount was filed without the commission's signature: the page says so.
    assert "Not signed" in page.get_by_test_id("signature-status").inner_text()
    assert "Signature valid" in rows.nth(1).inner_text()
