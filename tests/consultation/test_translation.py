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
