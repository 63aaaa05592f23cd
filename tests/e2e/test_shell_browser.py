import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_switching_the_interface_language_in_the_browser(page) -> None:
    page.goto("/")
    # The browser asks for English (Accept-Language: en-US); the switch then overrides it with a cookie.
    assert page.locator("html").get_attribute("lang") == "en"
    with page.expect_navigation():
        page.select_option("#ui-language", "kk")
    assert page.locator("html").get_attribute("lang") == "kk"
    with page.expect_navigation():
        page.select_option("#ui-language", "ru")
    assert page.locator("html").get_attribute("lang") == "ru"
    with page.expect_navigation():
        page.select_option("#ui-language", "en")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("navigation", name="Main navigation").is_visible()
