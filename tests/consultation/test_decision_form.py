"""The working group's decision forms say a refusal next to the field it concerns, in the reader's language, with
what to do next (issue 15): not in a message at the top of the page. The page comes back (422) with what was typed."""

from __future__ import annotations

import re

import pytest
from tests.consultation.helpers import secretary, submit

from atazan.consultation import services
from atazan.web.english_share import page_share

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
