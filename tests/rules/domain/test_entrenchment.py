"""Entrenchment by content: each never-amendable clause protects the provisions that say what it names.

Constitution 1995, Art. 91(2) (revision of 2023-01-01): «Установленные Конституцией независимость государства,
унитарность и территориальная целостность Республики, форма ее правления, основополагающие принципы деятельности
Республики, положения о том, что Президент Республики избирается сроком на семь лет и одно и то же лицо не может быть
избрано Президентом Республики более одного раза, являются неизменными.»
Constitution 2026, Art. 2(7): «Суверенитет, Независимость, унитарность, территориальная целостность, форма правления
Республики Казахстан неизменны.» Art. 43(5): «Положения пункта 1 настоящей статьи неизменны.»
"""

from __future__ import annotations

import datetime as dt

import pytest

from atazan.rules.domain.article_ref import parse_article_ref
from atazan.rules.domain.bill import bill_from_dict
from atazan.rules.domain.checks import bill_violations
from atazan.rules.domain.parameters import default_parameters
from atazan.texts.domain.model import Expression
from atazan.texts.domain.parser import load_official

LAST_1995 = dt.date(2026, 6, 30)
FIRST_2026 = dt.date(2026, 7, 1)


def _amend(articles: list[str], on: dt.date) -> list[tuple[str, str]]:
    bill = bill_from_dict(
        {
            "initiator": "president",
            "kind": "amendment",
            "date": on.isoformat(),
            "amends_articles": articles,
            "constitutional_court_opinion": "compliant",
        }
    )
    return [(v.rule, v.article) for v in bill_violations(bill) if v.rule == "never_amendable"]


def _protected(on: dt.date) -> list[tuple[str, str]]:
    return [(p.provision, p.clause) for p in default_parameters().protections("constitution.never_amendable", on)]


@pytest.mark.parametrize(("provision", "clause"), _protected(LAST_1995))
def test_every_provision_entrenched_by_the_1995_constitution_is_caught_on_its_last_day(
    provision: str, clause: str
) -> None:
    assert _amend([provision], LAST_1995) == [("never_amendable", clause)]


@pytest.mark.parametrize(("provision", "clause"), _protected(FIRST_2026))
def test_every_provision_entrenched_by_the_2026_constitution_is_caught_on_its_first_day(
    provision: str, clause: str
) -> None:
    assert _amend([provision], FIRST_2026) == [("never_amendable", clause)]


def test_the_presidents_single_term_under_1995_on_the_boundary_day() -> None:
    """1995 Art. 42(5) «Одно и то же лицо не может быть избрано Президентом Республики более одного раза» is
    protected by 91(2) until 30 June 2026; from 1 July the 2026 text applies, where 42(5) is another provision and the
    single term is 43(1), protected by 43(5)."""
    assert _amend(["42(5)"], LAST_1995) == [("never_amendable", "91(2)")]
    assert _amend(["ст. 41 п. 1"], LAST_1995) == [("never_amendable", "91(2)")]
    assert _amend(["42(5)"], FIRST_2026) == []
    assert _amend(["43(1)"], FIRST_2026) == [("never_amendable", "43(5)")]
    assert _amend(["43(1)"], LAST_1995) == []


def test_a_whole_article_covers_its_protected_paragraphs() -> None:
    assert _amend(["43"], FIRST_2026) == [("never_amendable", "43(5)")]
    assert _amend(["Article 2"], FIRST_2026) == [("never_amendable", "2(7)")]
    assert _amend(["2(4)", "2(6)"], FIRST_2026) == []  # the capital, the currency: amendable
    assert _amend(["Art. 2"], LAST_1995) == [("never_amendable", "91(2)")]
    assert _amend(["1(1)"], LAST_1995) == []


def test_the_1995_term_clause_was_added_in_2022() -> None:
    """Law No. 142-VII of 2022-09-17 added the seven-year single term to Art. 91(2)."""
    assert _amend(["42(5)"], dt.date(2022, 9, 16)) == []
    assert _amend(["42(5)"], dt.date(2022, 9, 17)) == [("never_amendable", "91(2)")]
    assert _amend(["1(2)"], dt.date(2017, 3, 9)) == []  # fundamental principles protected from 2017-03-10
    assert _amend(["1(2)"], dt.date(2017, 3, 10)) == [("never_amendable", "91(2)")]


def _official(year: int) -> Expression:
    return load_official(year, "rus")


def _text(expression: Expression, short: str) -> str:
    ref = parse_article_ref(short)
    article = expression.article(ref.article)
    paragraph = next(p for p in article.paragraphs if p.num == ref.paragraph)
    return paragraph.full_text()


@pytest.mark.parametrize(("year", "on"), [(1995, LAST_1995), (2026, FIRST_2026)])
def test_the_mapping_matches_the_official_text(year: int, on: dt.date) -> None:
    """Every clause says «неизмен…» in the official Russian text, and every protected provision exists in it and
    says what the mapping claims it says."""
    expression = _official(year)
    says = {
        # provision: a word of what the clause protects, as the provision writes it
        "2(1)": "унитар",
        "2(2)": "целостност",
        "1(2)": "Основополагающими принципами",
        "41(1)": "сроком на семь лет",
        "42(5)": "более одного раза",
        "43(1)": "более одного раза",
    }
    for provision, clause in _protected(on):
        assert "неизмен" in _text(expression, clause)
        if provision in says:
            assert says[provision] in _text(expression, provision), (year, provision)
