"""A student composes a bill on /rules/check/ on a phone and sees each check with the sentence it rests on."""

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_compose_a_bill_on_a_375_px_screen_and_follow_the_quote(page) -> None:
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto("/rules/")
    with page.expect_navigation():
        page.locator('a[href="/rules/check/"]').first.click()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    page.get_by_label("Initiator").select_option("president")
    page.get_by_label("Kind").select_option("amendment")
    page.get_by_label("Date of introduction").fill("2026-10-01")
    page.get_by_label("Articles of the Constitution amended").fill("Article 43, paragraph 1")
    with page.expect_navigation():
        page.get_by_role("button", name="Check the bill").click()
    result = page.get_by_test_id("result")
    assert "the bill amends Art. 43(1), which may never be amended" in result.inner_text()
    assert "Положения пункта 1 настоящей статьи неизменны." in result.inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    # the form keeps what was typed, so the reader corrects it: a liability made retroactive, then none
    page.get_by_label("Kind").select_option("ordinary")
    page.get_by_label("Articles of the Constitution amended").fill("")
    page.locator('[name="provisions-0-label"]').fill("Art. 2")
    page.locator('[name="provisions-0-applies_from"]').fill("2026-09-01")
    page.locator('[name="provisions-0-increases_liability"]').check()
    with page.expect_navigation():
        page.get_by_role("button", name="Check the bill").click()
    assert page.locator('[data-rule="no_retroactive_worsening"]').is_visible()
    page.locator('[name="provisions-0-applies_from"]').fill("2026-10-01")
    with page.expect_navigation():
        page.get_by_role("button", name="Check the bill").click()
    assert page.get_by_test_id("no-violation").is_visible()
    page.get_by_label("Kind").select_option("amendment")
    page.get_by_label("Articles of the Constitution amended").fill("43(5)")
    page.get_by_label("The Constitutional Court's opinion on the amendment (Art. 93)").select_option("compliant")
    with page.expect_navigation():
        page.get_by_role("button", name="Check the bill").click()
    link = page.locator('[data-rule="never_amendable"] a')
    with page.expect_navigation():
        link.click()
    page.wait_for_url("**/texts/2026/rus/art/43/#art_43__para_5")


def test_the_kazakh_page_fits_a_375_px_screen_and_quotes_the_kazakh_text(page, live_server) -> None:
    page.context.add_cookies([{"name": "atazan_language", "value": "kk", "url": live_server.url}])
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(
        "/rules/check/?initiator=deputy&kind=ordinary&date=2026-10-01&introduced_in=kurultai"
        "&provisions-TOTAL_FORMS=3&provisions-INITIAL_FORMS=0&provisions-0-label=2-бап"
        "&provisions-0-applies_from=2026-09-01&provisions-0-increases_liability=on"
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    quote = page.locator('[data-rule="no_retroactive_worsening"] blockquote')
    assert quote.get_attribute("lang") == "kk" and "кері күші болмайды" in quote.inner_text()
    assert page.get_by_role("button", name="Заң жобасын тексеру").is_visible()
