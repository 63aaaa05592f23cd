"""Stems for search (issue 15): every form of a word reduces to one stem, in Kazakh by suffix rules and in Russian
by the Snowball stemmer."""

from __future__ import annotations

import pytest

from atazan.texts.domain.stemming import kazakh_stem, term_stem

KAZAKH_FORMS = {
    "құрылтай": ["Құрылтай", "Құрылтайда", "Құрылтайдың", "Құрылтайға", "Құрылтайдан", "Құрылтаймен"],
    "азамат": ["азамат", "азаматтар", "азаматтардың", "азаматтың", "азаматтарға", "азаматтары"],
    "заң": ["заң", "заңдар", "заңдарды", "заңның", "заңда", "заңға"],
    "құқық": ["құқық", "құқығы", "құқықтары", "құқықтарын", "құқықтарының"],
    "сот": ["сот", "соттар", "сотқа", "соттың", "сотта"],
    "мемлекет": ["мемлекет", "мемлекеттің", "мемлекетке", "мемлекетте", "мемлекеттер"],
    "конституция": ["Конституция", "Конституцияның", "Конституцияға", "Конституцияда", "Конституцияны"],
    "кітап": ["кітап", "кітабы"],
}


@pytest.mark.parametrize(("stem", "forms"), list(KAZAKH_FORMS.items()))
def test_every_kazakh_form_has_the_dictionary_stem(stem: str, forms: list[str]) -> None:
    assert {kazakh_stem(f) for f in forms} == {stem}


def test_a_stem_is_never_cut_below_three_letters() -> None:
    assert kazakh_stem("ата") == "ата"
    assert kazakh_stem("сотта") == "сот"


@pytest.mark.parametrize(
    "forms",
    [
        ["Курултай", "Курултаю", "Курултаем", "Курултае"],
        ["Президент", "Президента", "Президентом", "Президенту"],
        ["Конституция", "Конституции", "Конституцию", "Конституцией"],
        ["закон", "закона", "законом", "законы", "законов"],
    ],
)
def test_russian_forms_share_a_snowball_stem(forms: list[str]) -> None:
    assert len({term_stem(f, "rus") for f in forms}) == 1


def test_latin_and_numbers_are_left_as_they_are() -> None:
    assert term_stem("NIST", None) == "nist"
    assert term_stem("2026", "rus") == "2026"
