"""Every sentence the consultation's domain can say has a Kazakh and a Russian translation with the same fields
(the domain returns templates; consultation.translation renders them with the catalogue)."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest
from django.utils import translation

import atazan.consultation
from atazan.consultation.domain import intake
from atazan.consultation.domain.errors import InputRefused
from atazan.consultation.domain.messages import msg
from atazan.consultation.translation import error_text, msg_render

PACKAGE = Path(atazan.consultation.__file__).parent
SOURCES = [*sorted((PACKAGE / "domain").glob("*.py")), PACKAGE / "import_read.py", PACKAGE / "services.py"]


def _templates() -> list[str]:
    """The literal templates of every ``msg(code, template, …)`` and ``TextRule(label, …)`` in the sources."""
    found = []
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
                continue
            index = {"msg": 1, "TextRule": 0}.get(node.func.id)
            if index is not None and len(node.args) > index and isinstance(node.args[index], ast.Constant):
                found.append(node.args[index].value)
    return sorted(set(found))


TEMPLATES = _templates()


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_the_scan_finds_the_domain_s_templates():
    assert (
        len(TEMPLATES) > 25
        and "surname" in TEMPLATES
        and "{field} is at most {limit} characters ({given} given)" in TEMPLATES
    )


@pytest.mark.parametrize("language", ["kk", "ru"])
@pytest.mark.parametrize("template", TEMPLATES)
def test_every_template_is_translated_with_the_same_fields(language, template):
    with translation.override(language):
        translated = translation.gettext(template)
    assert translated != template, f"{language}: no translation for {template!r}"
    assert _fields(translated) == _fields(template)


def test_a_refusal_is_rendered_in_the_reader_s_language():
    record = intake.record_of(row=7, number="ЖТ-2025-1")
    try:
        intake.text_clean(intake.SURNAME, "А" * 101, record=record)
    except InputRefused as error:
        refusal = error
    with translation.override("ru"):
        assert (
            error_text(refusal)
            == "строка 7, регистрационный номер ЖТ-2025-1: фамилия — не более 100 символов (дано 101)"
        )
    with translation.override("kk"):
        assert "7-жол" in error_text(refusal) and "тегі" in error_text(refusal)
    assert str(refusal) == "row 7, registration number ЖТ-2025-1: surname is at most 100 characters (101 given)"
    with translation.override("en"):
        assert msg_render(msg("x", "{a} and {b}", a="1", b=intake.NAME.name())) == "1 and given name"
    with translation.override("kk"):
        assert msg_render(msg("x", "{a} and {b}", a="1", b=intake.NAME.name())) == "1 and аты"


def test_a_workflow_refusal_says_what_to_do_in_the_reader_s_language():
    from atazan.consultation.domain.workflow import IllegalTransition, Status, status_change_check

    def refusal(current: Status, target: Status, answer: str = "Ответ") -> IllegalTransition:
        with pytest.raises(IllegalTransition) as caught:
            status_change_check(record="ЖТ-2026-1", current=current, target=target, answer=answer)
        return caught.value

    early = refusal(Status.REGISTERED, Status.ACCEPTED)
    assert early.code == "workflow_review_first"
    assert str(early) == (
        "ЖТ-2026-1: a registered proposal cannot become accepted at once: take it into review first, then record "
        "the outcome"
    )
    with translation.override("ru"):
        assert error_text(early) == (
            "ЖТ-2026-1: зарегистрированное предложение не может сразу получить статус «принято»: сначала возьмите "
            "его на рассмотрение, затем запишите итог"
        )
    with translation.override("kk"):
        assert error_text(early) == (
            "ЖТ-2026-1: тіркелген ұсыныс бірден «қабылданды» бола алмайды: алдымен оны қарауға алыңыз, содан кейін "
            "нәтижесін жазыңыз"
        )
    answered = refusal(Status.ACCEPTED, Status.REJECTED)
    with translation.override("ru"):
        shown = error_text(answered)
    assert "уже есть официальный ответ («принято»)" in shown and "«отклонено»" in shown
    no_answer = refusal(Status.UNDER_REVIEW, Status.REJECTED, answer=" ")
    with translation.override("kk"):
        assert "автор алатын жауапты жазыңыз" in error_text(no_answer)
    for error in (early, answered, no_answer):
        for language in ("kk", "ru"):
            with translation.override(language):
                shown = error_text(error)
            assert error.code not in shown and not any(s.value in shown for s in Status), shown


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("ru", "зарегистрированное предложение не может сразу получить статус «отклонено»"),
        ("kk", "тіркелген ұсыныс бірден «қабылданбады» бола алмайды"),
    ],
)
def test_the_decision_page_shows_a_workflow_refusal_in_the_reader_s_language(client, language, said):
    from tests.consultation.helpers import secretary, submit

    proposal = submit("Предлагаю уточнить порядок публикации законов в статье 53.")
    client.force_login(secretary())
    client.cookies["atazan_language"] = language
    response = client.post(
        f"/consultation/p/{proposal.registration_number}/decide/",
        {"status": "rejected", "answer": "Не относится к делу."},
        follow=True,
    )
    page = response.content.decode()
    assert response.status_code == 422
    assert said in page.lower()
    assert "cannot become" not in page and "workflow_review_first" not in page
