"""Every sentence the procedures can show has a Kazakh and a Russian translation with the same fields."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest
from django.utils import translation

import atazan.rules.domain.procedures as package

SOURCES = sorted(Path(package.__file__).parent.glob("*.py"))


def _templates() -> list[str]:
    found: list[str] = []
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("_", "msg")
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.append(node.args[0].value)
    return sorted(set(found))


def _fields(template: str) -> list[str]:
    return sorted(name for _, name, _, _ in string.Formatter().parse(template) if name)


def test_the_domain_has_templates_to_check() -> None:
    assert len(_templates()) > 200


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_every_procedure_template_is_translated_with_the_same_fields(language: str) -> None:
    missing, wrong = [], []
    with translation.override(language):
        for template in _templates():
            translated = translation.gettext(template)
            if translated == template:
                missing.append(template)
            elif _fields(translated) != _fields(template):
                wrong.append((template, translated))
    assert not missing, f"{language}: no translation for {missing}"
    assert not wrong, f"{language}: fields differ in {wrong}"
