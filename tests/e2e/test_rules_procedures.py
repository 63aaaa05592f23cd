"""The procedure pages on a 375 px phone: no sideways scrolling, the steps and the official words readable."""

import pytest

from atazan.rules.domain.procedures.catalogue import procedure_keys

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_every_procedure_page_fits_a_375_px_screen(page) -> None:
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto("/rules/")
    with page.expect_navigation():
        page.locator('a[href="/rules/procedures/"]').click()
    assert page.locator('[data-testid="procedures"] li').count() == len(procedure_keys())
    for key in procedure_keys():
        page.goto(f"/rules/procedures/{key}/?as_of=2026-12-01")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 375, f"{key}: the page is {width} px wide"
        assert page.locator('[data-testid="steps"] li').first.is_visible()
    page.goto("/rules/procedures/removal/?as_of=2026-12-01")
    page.locator('[data-step="initiative"] summary').click()
    assert page.locator('[data-step="initiative"] blockquote').is_visible()
