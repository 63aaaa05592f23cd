"""A voter finds their polling station by address (issue 17) and opens its page: address, protocol, signature."""

from __future__ import annotations

import pytest
from tests.referendum import factories

from atazan.referendum import services
from atazan.referendum.domain.register import RegisteredPrecinct
from atazan.referendum.domain.units import UNITS

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_voter_finds_a_polling_station_by_address(page, live_server, english) -> None:
    q = factories.question()
    factories.load(q, [factories.protocol(f"{u.code}-1", u.code, yes=500, no=100) for u in UNITS[:3]])
    services.register_load(precincts=[
        RegisteredPrecinct(f"{UNITS[0].code}-1", UNITS[0].code, "", 1000, "Астана, ул. Кенесары, 40, школа № 12"),
        RegisteredPrecinct(f"{UNITS[1].code}-1", UNITS[1].code, "", 1000, "Алматы, пр. Абая, 150, гимназия № 3"),
    ], actor="test", source="test-addresses")  # fmt: skip
    page.goto(f"/referendum/{q.slug}/")
    with page.expect_navigation():
        page.get_by_role("link", name="Find your polling station").click()
    page.get_by_label("Precinct number, settlement or street").fill("кенесары 40")
    with page.expect_navigation():
        page.get_by_role("button", name="Find").click()
    found = page.locator("[data-testid=stations] li")
    assert found.count() == 1 and "Кенесары, 40" in found.first.inner_text()
    with page.expect_navigation():
        found.first.get_by_role("link").click()
    assert "Кенесары, 40" in page.locator("main [data-testid=station-address]").inner_text()
    assert "Signature valid" in page.locator("[data-testid=signature-status]").inner_text()
    assert page.locator("[data-testid=inclusion-proof]").is_visible()
