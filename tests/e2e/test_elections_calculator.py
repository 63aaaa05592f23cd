"""In a real browser: change a party's votes in the "what if" calculator and watch the hemicycle change."""

import os

import pytest

from atazan.elections import demo

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_changing_votes_in_the_calculator_recolours_the_hemicycle(page) -> None:  # type: ignore[no-untyped-def]
    from rich.console import Console

    demo._majilis_2023(Console(quiet=True))
    page.goto("/elections/majilis-2023/")
    hemicycle = page.locator("#whatif-hemicycle")
    assert hemicycle.locator("circle").count() == 69
    assert hemicycle.locator('circle[data-party="Baitaq"]').count() == 0
    before = hemicycle.get_attribute("data-seats")

    # Baitaq (below 5% with 146,431 votes) gets 900,000: it passes the threshold and takes seats from the others.
    page.locator('input[data-party="Baitaq"]').fill("900000")
    page.wait_for_function("before => document.querySelector('#whatif-hemicycle').dataset.seats !== before", arg=before)
    hemicycle = page.locator("#whatif-hemicycle")
    assert hemicycle.locator("circle").count() == 69
    assert hemicycle.locator('circle[data-party="Baitaq"]').count() >= 5
    assert "Baitaq" in page.locator("#whatif-result").inner_text()
    # The official result above the calculator does not move.
    assert page.locator('#hemicycle circle[data-party="Baitaq"]').count() == 0
    if os.environ.get("ATAZAN_SCREENSHOTS"):
        page.screenshot(path=os.path.join(os.environ["ATAZAN_SCREENSHOTS"], "elections-calculator.png"), full_page=True)
