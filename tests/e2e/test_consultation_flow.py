"""A citizen submits a proposal and sees similar ones first; the working group answers; the citizen sees it."""

from __future__ import annotations

import pytest
from tests.consultation.helpers import PASSWORD, citizen, secretary, submit, valid_iin

from atazan.consultation.demo import pdf_tiny

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

EXISTING = (
    "Предлагаем перейти к однопалатному парламенту — Курултаю из 145 депутатов, избираемых только по "
    "партийным спискам, и упразднить Сенат как лишнее звено."
)


def _log_in(page, username: str) -> None:
    page.goto("/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").first.click()


def test_submit_see_similar_then_answer_reaches_the_citizen(page, browser, live_server, english) -> None:
    existing = submit(EXISTING, serial=11)
    citizen(username="aidos")
    secretary(username="gulnara")

    _log_in(page, "aidos")
    page.goto("/consultation/submit/")
    page.fill("main input[name=surname]", "Сериков")
    page.fill("main input[name=name]", "Айдос")
    iin = valid_iin(21)
    page.fill("main input[name=iin]", iin)
    page.select_option("main select[name=region]", "Karaganda")
    page.select_option("main select[name=language]", "ru")
    page.locator("#text").press_sequentially(
        "Прошу упразднить Сенат и перейти к однопалатному парламенту, Курултаю из 145 депутатов по партийным спискам.",
        delay=5,
    )
    similar = page.locator("#similar a", has_text=existing.registration_number)
    similar.wait_for()
    assert similar.is_visible()
    page.set_input_files("#attachments", files=[
        {"name": "annex.pdf", "mimeType": "application/pdf", "buffer": pdf_tiny("Annex to my proposal")},
    ])  # fmt: skip
    with page.expect_navigation():
        page.get_by_role("button", name="Submit", exact=True).click()
    assert "is registered as" in page.locator(".messages").inner_text()
    mine = page.url
    assert page.locator("[data-status]").inner_text() == "Registered"
    assert page.locator("#attachments a").inner_text() == "annex.pdf"  # the author sees their file

    wg = browser.new_context(base_url=live_server.url, locale="en-US")
    wg_page = wg.new_page()
    _log_in(wg_page, "gulnara")
    wg_page.goto(mine)
    # the working group sees who wrote, with the IIN masked; nobody's page carries it in clear
    assert wg_page.locator("[data-iin]").inner_text() == "**********" + iin[-2:]
    assert iin not in wg_page.content() and iin not in page.content()
    assert wg_page.locator("#attachments a").inner_text() == "annex.pdf"
    wg_page.select_option("main select[name=status]", "under_review")
    with wg_page.expect_navigation():
        wg_page.get_by_role("button", name="Record decision").click()
    wg_page.select_option("main select[name=status]", "partly_accepted")
    wg_page.fill("#answer", "Учтено частично: Курултай однопалатный (статья 52 проекта).")
    with wg_page.expect_navigation():
        wg_page.get_by_role("button", name="Record decision").click()
    wg.close()

    page.goto(mine)
    assert page.locator("[data-status]").inner_text() == "Partly accepted"
    assert "Учтено частично" in page.locator("[data-answer]").inner_text()
    assert "Gulnara Secretary" in page.locator(".timeline").inner_text()  # who decided, by name (not login)
