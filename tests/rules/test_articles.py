"""The articles a bill may amend come from the official texts, the Constitution chosen by the bill's date."""

from __future__ import annotations

import datetime as dt

import pytest

from atazan.rules.articles import articles_in_force, constitution_articles
from atazan.rules.domain.bill import BillFormatError, bill_from_dict


def test_each_constitution_has_the_articles_its_official_text_prints() -> None:
    assert len(constitution_articles("2026")) == 96 and "96" in constitution_articles("2026")
    assert "97" not in constitution_articles("2026")
    nineteen95 = constitution_articles("1995")
    assert {"99", "83-1", "94-1"} <= nineteen95 and "100" not in nineteen95


def test_the_constitution_in_force_changes_on_1_july_2026() -> None:
    before = articles_in_force(dt.date(2026, 6, 30))
    after = articles_in_force(dt.date(2026, 7, 1))
    assert before is not None and before[0] == "1995" and "83-1" in before[1]
    assert after is not None and after[0] == "2026" and "83-1" not in after[1]


@pytest.mark.parametrize(
    ("date", "article"), [("2026-10-01", "97"), ("2026-06-30", "100"), ("2026-07-01", "83-1"), ("2026-10-01", "ст. 97")]
)
def test_a_readable_article_that_does_not_exist_is_refused(date: str, article: str) -> None:
    raw = {"initiator": "president", "kind": "amendment", "date": date, "amends_articles": [article]}
    with pytest.raises(BillFormatError, match=r"bill\.amends_articles\[0\]: the Constitution of \d{4} has no Article"):
        bill_from_dict(raw, articles=articles_in_force)


def test_an_existing_article_passes_on_both_sides_of_the_boundary() -> None:
    for date, article in (("2026-06-30", "83-1"), ("2026-06-30", "99"), ("2026-07-01", "96")):
        raw = {"initiator": "president", "kind": "amendment", "date": date, "amends_articles": [article]}
        assert bill_from_dict(raw, articles=articles_in_force).amends_articles == (article,)
