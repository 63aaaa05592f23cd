"""The working group's decision forms say a refusal next to the field it concerns, in the reader's language, with
what to do next (issue 15): not in a message at the top of the page. The page comes back (422) with what was typed."""

from __future__ import annotations

import re

import pytest

from atazan.consultation import services
from atazan.web.english_share import page_share
from tests.consultation.helpers import secretary, submit

pytestmark = pytest.mark.django_db
TEXT = "Предлагаю уточнить порядок публикации законов в статье 53."
ANSWER_NEEDED = {"kk": "автор алатын жауапты жазыңыз", "ru": "напишите ответ, который получит автор"}


def _error(page: str, form: str, field: str) -> str:
    """The text of the error shown next to ``field`` of the form ``form`` ('' when there is none)."""
    body = page[page.index(f'id="{form}"') :]
    body = body[: body.index("</form>")]
    found = re.search(rf'<span class="field-error" id="[\w-]+" data-error-for="{field}">(.*?)</span>', body, re.S)
    return found.group(1) if found else ""


def _post(client, language: str, number: str, data: dict[str, str]):
    client.cookies["atazan_language"] = language
    return client.post(f"/consultation/p/{number}/decide/", data)


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_an_outcome_without_an_answer_is_refused_next_to_the_answer(client, language):
    proposal = submit(TEXT)
    services.proposal_decide(proposal=proposal, status="under_review", answer="", decided_by=secretary())
    client.force_login(secretary())
    response = _post(client, language, proposal.registration_number, {"status": "rejected", "answer": "  "})
    page = response.content.decode()
    assert response.status_code == 422
    error = _error(page, "decision", "answer")
    assert ANSWER_NEEDED[language] in error and error[0].isupper()
    assert page_share("/", f'<html lang="{language}"><p>{error}</p></html>').english == ()
    assert not _error(page, "decision", "status") and 'class="messages"' not in page
    assert 'aria-describedby="decision-answer-error"' in page
    proposal.refresh_from_db()
    assert proposal.status == "under_review"


@pytest.mark.parametrize(
    ("language", "said"),
    [("kk", "тіркелген ұсыныс бірден «қабылданбады» бола алмайды"), ("ru", "не может сразу получить статус")],
)
def test_a_step_the_workflow_forbids_is_refused_next_to_the_status_and_the_answer_is_kept(client, language, said):
    proposal = submit(TEXT)
    client.force_login(secretary())
    response = _post(client, language, proposal.registration_number, {"status": "rejected", "answer": "Ответ."})
    page = response.content.decode()
    assert said in _error(page, "decision", "status").lower()
    assert not _error(page, "decision", "answer")
    assert ">Ответ.</textarea>" in page  # what was typed comes back


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_a_merge_without_its_target_is_refused_next_to_the_merge_field(client, language):
    proposal = submit(TEXT)
    services.proposal_decide(proposal=proposal, status="under_review", answer="", decided_by=secretary())
    client.force_login(secretary())
    response = _post(client, language, proposal.registration_number, {"status": "merged", "answer": "Объединено."})
    error = _error(response.content.decode(), "decision", "merged_into")
    assert error and "merged" not in error
    assert page_share("/", f'<html lang="{language}"><p>{error}</p></html>').english == ()


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_a_group_answer_without_text_is_refused_next_to_its_answer(client, language):
    from tests.consultation.test_secretary import campaign

    numbers = campaign(3)
    client.force_login(secretary())
    response = _post(client, language, numbers[0], {"scope": "group", "status": "rejected", "answer": ""})
    page = response.content.decode()
    assert response.status_code == 422
    assert ANSWER_NEEDED[language] in _error(page, "group-decision", "answer")


def _submit_error(page: str, field: str) -> str:
    found = re.search(
        rf'<span class="field-error" id="submit-{field}-error" data-error-for="{field}">(.*?)</span>', page
    )
    return found.group(1) if found else ""


@pytest.mark.parametrize(
    ("language", "iin_said", "text_said"),
    [
        ("kk", "бақылау цифры (12-ші)", "не ұсынатыныңызды жазыңыз"),
        ("ru", "контрольная цифра (12-я)", "напишите, что вы предлагаете"),
    ],
)
def test_the_submit_form_says_each_refusal_next_to_its_field(client, language, iin_said, text_said):
    from tests.consultation.helpers import citizen, valid_iin

    client.force_login(citizen())
    client.cookies["atazan_language"] = language
    form = {"kind": "proposal", "surname": "Серіков", "name": "Айдос", "region": "Astana", "language": "ru"}
    wrong = valid_iin()[:11] + str((int(valid_iin()[11]) + 1) % 10)
    response = client.post("/consultation/submit/", {**form, "iin": wrong, "text": TEXT})
    page = response.content.decode()
    assert response.status_code == 422 and 'class="messages"' not in page
    assert iin_said in _submit_error(page, "iin").lower() and not _submit_error(page, "text")
    assert TEXT in page  # the typed text comes back
    empty = client.post("/consultation/submit/", {**form, "iin": valid_iin(), "text": "   "}).content.decode()
    said = _submit_error(empty, "text")
    assert text_said in said and not _submit_error(empty, "iin")
    assert page_share("/", f'<html lang="{language}"><p>{said}</p></html>').english == ()


@pytest.mark.parametrize(
    ("language", "note_said", "role_said"),
    [
        ("kk", "ескертпе", "мұны тек модератор жасай алады (сіздің рөліңіз: жұмыс тобының хатшысы)"),
        ("ru", "примечани", "это может сделать только модератор (ваша роль: секретарь рабочей группы)"),
    ],
)
def test_the_review_queue_says_a_refused_action_next_to_its_field(client, language, note_said, role_said):
    from tests.consultation.helpers import moderator

    proposal = submit(TEXT)
    client.cookies["atazan_language"] = language
    client.force_login(moderator())
    hide = {"action": "hide", "note": "", "selected": [proposal.registration_number]}
    page = client.post("/consultation/review/", hide).content.decode()
    said = _error(page, "review-form", "note")
    assert note_said in said.lower() and 'class="messages"' not in page
    assert f'value="{proposal.registration_number}" checked' in page  # the selection is kept
    assert page_share("/", f'<html lang="{language}"><p>{said}</p></html>').english == ()
    client.force_login(secretary())
    refused = client.post("/consultation/review/", hide)
    assert refused.status_code == 422
    assert role_said in _error(refused.content.decode(), "review-form", "action").lower()
