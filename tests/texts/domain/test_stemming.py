"""Stems for search (issue 15): every form of a word reduces to one stem, in Kazakh by suffix rules and in Russian
by the Snowball stemmer."""

from __future__ import annotations

import pytest

from atazan.texts.domain.stemming import kazakh_stem, term_forms, term_stem

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


# A final қ, к or п voices before a vowel-initial suffix (қ/ғ, к/г, п/б): every form has the dictionary stem, and the
# search matches both the stem and its voiced form, so that «құқық» finds «құқығы» and «құқығы» finds «құқық».
ALTERNATING = {
    "құқық": ["құқық", "құқығы", "құқығын", "құқығына", "құқықтары", "құқықтарының"],
    "бап": ["бап", "бабы", "бабының", "баптың", "бапта", "баптары"],
    "тілек": ["тілек", "тілегі", "тілектер"],
    "кітап": ["кітап", "кітабы", "кітабын"],
    "топ": ["топ", "тобы", "топтар"],
    "жақ": ["жақ", "жағы", "жағынан"],
}
VOICED = {"құқық": "құқығ", "бап": "баб", "тілек": "тілег", "кітап": "кітаб", "топ": "тоб", "жақ": "жағ"}


@pytest.mark.parametrize(("stem", "forms"), list(ALTERNATING.items()))
def test_alternating_consonant_forms_share_the_stem_and_both_prefixes(stem: str, forms: list[str]) -> None:
    assert {kazakh_stem(f) for f in forms} == {stem}
    assert {term_forms(f, "kaz") for f in forms} == {(stem, VOICED[stem])}
    for form in forms:  # one of the prefixes starts every form as written
        assert any(form.startswith(p) for p in term_forms(stem, "kaz")), form


def test_no_voiced_form_for_other_stems_or_russian() -> None:
    assert term_forms("сотқа", "kaz") == ("сот",)
    assert term_forms("Конституцияның", "kaz") == ("конституция",)
    assert term_forms("закон", "rus") == ("закон",)
    assert kazakh_stem("дауы") == "дауы"  # a one-letter suffix after a vowel still needs a longer stem
