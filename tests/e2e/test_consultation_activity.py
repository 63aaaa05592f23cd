"""The loop a citizen comes back to (issue 17): propose → the secretary answers → the citizen is told by email (read
from the mail outbox the file backend writes, as in the demo) → "my activity" shows the answer and the deadline."""

from __future__ import annotations

import re

import pytest
from tests.consultation.helpers import PASSWORD, citizen, secretary, valid_iin

from atazan.consultation.activity import proposal_deadline
from atazan.consultation.models import Proposal

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

TEXT = "Прошу закрепить в статье 21 защиту персональных данных граждан, в том числе в цифровой форме."


def _log_in(page, username: str) -> None:
    page.goto("/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").first.click()


def test_a_citizen_proposes_is_answered_is_emailed_and_sees_answer_and_deadline(
    page, browser, live_server, english, settings, tmp_path
) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    settings.EMAIL_FILE_PATH = str(tmp_path)
    settings.ATAZAN_SITE_URL = live_server.url
    aidos = citizen(username="aidos")
    aidos.email = "aidos@example.kz"
    aidos.save(update_fields=["email"])
    secretary(username="gulnara")

    _log_in(page, "aidos")
    page.goto("/consultation/submit/")
    page.fill("main input[name=surname]", "Сериков")
    page.fill("main input[name=name]", "Айдос")
    page.fill("main input[name=iin]", valid_iin(31))
    page.select_option("main select[name=region]", "Karaganda")
    page.select_option("main select[name=language]", "ru")
    page.fill("#text", TEXT)
    with page.expect_navigation():
        page.get_by_role("button", name="Submit", exact=True).click()
    mine = page.url
    number = Proposal.objects.get(author=aidos).registration_number
    due = proposal_deadline(Proposal.objects.get(registration_number=number)).due.isoformat()
    assert page.locator("#deadline").get_attribute("data-deadline") == due
    assert page.locator("form[action$='/support/']").count() == 0  # not offered on one's own proposal

    # my activity: the proposal and its deadline; notifications in Russian, please
    page.goto("/accounts/")
    with page.expect_navigation():
        page.locator("#my-activity").click()
    assert page.locator(f"[data-number='{number}'] [data-deadline]").get_attribute("data-deadline") == due
    page.select_option("#notice-settings select[name=language]", "ru")
    with page.expect_navigation():
        page.locator("#notice-settings button").click()

    wg = browser.new_context(base_url=live_server.url, locale="en-US")
    wg_page = wg.new_page()
    _log_in(wg_page, "gulnara")
    wg_page.goto(mine)
    wg_page.select_option("main select[name=status]", "under_review")
    with wg_page.expect_navigation():
        wg_page.get_by_role("button", name="Record decision").click()
    wg_page.select_option("main select[name=status]", "accepted")
    wg_page.fill("#answer", "Учтено: статья 21 проекта защищает персональные данные, в том числе в цифровой форме.")
    with wg_page.expect_navigation():
        wg_page.get_by_role("button", name="Record decision").click()
    wg.close()

    # the outbox: one message per change, in Russian, for the citizen, with the links
    messages = [p.read_text(encoding="utf-8") for p in sorted(tmp_path.iterdir())]
    answered = [m for m in messages if f"На предложение {number} дан официальный ответ" in m]
    assert len(answered) == 1 and "To: aidos@example.kz" in answered[0]
    activity_link = re.search(r"Ваша активность: (\S+)", answered[0]).group(1)
    unsubscribe_link = re.search(r"один щелчок\): (\S+)", answered[0]).group(1)

    page.goto(activity_link)
    mine_there = page.locator(f"[data-number='{number}']")
    assert "Учтено: статья 21" in mine_there.locator("[data-answer]").inner_text()
    assert mine_there.locator("[data-deadline]").get_attribute("data-deadline") == due
    assert "Under review" in mine_there.locator(".timeline").inner_text()
    assert number in page.locator("#notifications").inner_text()

    stranger = browser.new_context(base_url=live_server.url, locale="en-US")  # no sign-in needed
    other = stranger.new_page()
    other.goto(unsubscribe_link)
    assert other.locator("#unsubscribed").is_visible()
    stranger.close()
