from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from atazan.rules.domain.bill import BillFormatError, BillKind, bill_from_dict, bill_to_dict
from atazan.rules.domain.checks import bill_violations

FULL: dict[str, Any] = {
    "title": "On amendments to the Tax Code",
    "initiator": "deputy",
    "kind": "ordinary",
    "date": "2026-10-01",
    "introduced_in": "kurultai",
    "fiscal_effect": {"reduces_revenue": True, "increases_spending": False},
    "government_opinion": "positive",
    "enters_into_force": "2027-01-01",
    "provisions": [{"label": "Art. 1", "applies_from": "2027-01-01", "adds_duties": True}],
    "amends_articles": [],
}


def test_round_trip() -> None:
    bill = bill_from_dict(FULL)
    assert bill.kind is BillKind.ORDINARY
    assert bill.in_force_from == dt.date(2027, 1, 1)
    assert bill_from_dict(bill_to_dict(bill)) == bill


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"initiator": ""}, r"bill.initiator: expected a non-empty string"),
        ({"kind": "decree"}, r"bill.kind: expected one of ordinary, constitutional, amendment"),
        ({"date": "1 Oct 2026"}, r"bill.date: expected a date"),
        ({"fiscal_effect": {"reduces_revenue": "yes"}}, r"bill.fiscal_effect.reduces_revenue: expected true or false"),
        ({"fiscal_effect": {"cuts": True}}, r"bill.fiscal_effect: unknown field\(s\) cuts"),
        ({"provisions": [{"label": "Art. 1"}]}, r"bill.provisions\[0\].applies_from: expected a date"),
        (
            {"provisions": [{"label": "A", "applies_from": "2027-01-01", "retro": True}]},
            r"bill.provisions\[0\]: unknown field\(s\) retro",
        ),
        ({"government_opinion": "maybe"}, r"bill.government_opinion: expected one of positive, negative"),
        ({"amends_articles": "2(7)"}, r"bill.amends_articles: expected a list"),
        ({"sponsor": "x"}, r"bill: unknown field\(s\) sponsor"),
    ],
)
def test_bad_input_names_the_field(change: dict[str, Any], message: str) -> None:
    with pytest.raises(BillFormatError, match=message):
        bill_from_dict({**FULL, **change})


def test_date_is_required_unless_a_default_is_given() -> None:
    raw = {key: value for key, value in FULL.items() if key != "date"}
    with pytest.raises(BillFormatError, match="bill.date: required"):
        bill_from_dict(raw)
    assert bill_from_dict(raw, default_date=dt.date(2026, 11, 2)).date == dt.date(2026, 11, 2)


def test_a_clean_bill_has_no_violations() -> None:
    assert bill_violations(bill_from_dict(FULL)) == []


def test_several_rules_fail_together_each_with_its_article() -> None:
    raw = {
        **FULL,
        "initiator": "akimat",
        "government_opinion": None,
        "provisions": [{"label": "Art. 9", "applies_from": "2026-01-01", "increases_liability": True}],
    }
    found = bill_violations(bill_from_dict(raw))
    assert [(v.rule, v.article) for v in found] == [
        ("legislative_initiative", "60(1)"),
        ("fiscal_opinion", "60(6)"),
        ("no_retroactive_worsening", "5(5)"),
    ]
    assert "Art. 9" in found[2].message and "2026-01-01" in found[2].message


@pytest.mark.parametrize(
    ("date", "body"),
    [
        ("2020-05-01", "the Constitutional Council"),
        ("2023-01-01", "the Constitutional Court"),
        ("2026-07-01", "the Constitutional Court"),
    ],
)
def test_the_review_body_is_the_one_of_the_day(date: str, body: str) -> None:
    """1995 Art. 91(3) named the Constitutional Council until the Court replaced it on 2023-01-01."""
    bill = bill_from_dict({"initiator": "president", "kind": "amendment", "date": date, "amends_articles": ["33(3)"]})
    (violation,) = [v for v in bill_violations(bill) if v.rule == "amendment_court_opinion"]
    assert f"only with an opinion of {body} that" in violation.message


def _index_2026(day: dt.date) -> tuple[str, frozenset[str]]:
    return "2026", frozenset(str(n) for n in range(1, 97))


def test_an_article_the_constitution_does_not_have_is_refused_naming_the_field() -> None:
    """ "97" reads as a reference but the 2026 text has 96 articles: refused, never checked as if it existed."""
    raw = {"initiator": "president", "kind": "amendment", "date": "2026-10-01", "amends_articles": ["2(4)", "97"]}
    with pytest.raises(
        BillFormatError, match=r"bill\.amends_articles\[1\]: the Constitution of 2026 has no Article 97"
    ):
        bill_from_dict(raw, articles=_index_2026)
    assert bill_from_dict({**raw, "amends_articles": ["96"]}, articles=_index_2026).amends_articles == ("96",)


def test_a_constitutional_law_on_a_matter_the_constitution_does_not_reserve_is_a_violation() -> None:
    """Constitution 2026, Art. 61(3): constitutional laws only on the matters the Constitution provides for."""
    base = {"initiator": "president", "kind": "constitutional", "date": "2026-10-01"}
    listed = bill_from_dict({**base, "constitutional_law_matters": ["kurultai_election", "referendum"]})
    assert bill_violations(listed) == []
    found = bill_violations(bill_from_dict({**base, "constitutional_law_matters": ["kurultai_election", "taxes"]}))
    assert [(v.rule, v.article, v.quote) for v in found] == [("constitutional_law_matter", "61(3)", "61(3)")]
    assert "no constitutional law for taxes" in found[0].message
    # an ordinary law is not judged by this list; a bill that does not say its matters is not refused on it
    assert bill_violations(bill_from_dict({**base, "kind": "ordinary", "constitutional_law_matters": ["taxes"]})) == []
    assert bill_violations(bill_from_dict(base)) == []
    with pytest.raises(BillFormatError, match=r"bill\.constitutional_law_matters"):
        bill_from_dict({**base, "constitutional_law_matters": "taxes"})
