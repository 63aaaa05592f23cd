"""One grammar for article references: every common way of writing a provision reads back to the same provision."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from atazan.rules.domain.article_ref import (
    STYLES,
    ArticleRef,
    ArticleRefError,
    format_article_ref,
    parse_article_ref,
    split_article_refs,
)
from atazan.rules.domain.bill import BillFormatError, bill_from_dict
from atazan.rules.domain.checks import bill_violations

ART_43_1 = ArticleRef("43", "1")


@pytest.mark.parametrize(
    "written",
    [
        "43(1)",
        "Art. 43(1)",
        "Article 43(1)",
        "art 43 (1)",
        "43.1",
        "Art. 43, para. 1",
        "Article 43, paragraph 1",
        "paragraph 1 of Article 43",
        "ст. 43 п. 1",
        "Ст.43, п.1",
        "статья 43 пункт 1",
        "пункт 1 статьи 43",
        "п. 1 ст. 43",
        "43-баптың 1-тармағы",
        "43 бап 1 тармақ",
        "43-бап, 1-тармақ",
    ],
)
def test_the_forms_lawyers_write_all_mean_article_43_paragraph_1(written: str) -> None:
    assert parse_article_ref(written) == ART_43_1


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("43", ArticleRef("43")),
        ("Article 43", ArticleRef("43")),
        ("статья 43", ArticleRef("43")),
        ("43-бап", ArticleRef("43")),
        ("43(1)(2)", ArticleRef("43", "1", "2")),
        ("43.1.2", ArticleRef("43", "1", "2")),
        ("Art. 43(1), subpara. 2", ArticleRef("43", "1", "2")),
        ("пп. 2) п. 1 ст. 43", ArticleRef("43", "1", "2")),
        ("подпункт 2) пункта 1 статьи 43", ArticleRef("43", "1", "2")),
        ("43-баптың 1-тармағының 2) тармақшасы", ArticleRef("43", "1", "2")),
        ("83-1", ArticleRef("83-1")),  # an inserted article of the 1995 text
        ("2(3-1)", ArticleRef("2", "3-1")),  # an inserted paragraph (1995 Art. 2(3-1))
    ],
)
def test_articles_paragraphs_and_subparagraphs(written: str, meant: ArticleRef) -> None:
    assert parse_article_ref(written) == meant


@pytest.mark.parametrize(
    "written", ["", "43(1", "43)(1", "forty-three", "Art.", "43,1", "1000", "ст. 43 п.", "43(a)", "2(7) and 43(5)"]
)
def test_anything_else_is_refused_not_guessed(written: str) -> None:
    with pytest.raises(ArticleRefError, match="cannot read"):
        parse_article_ref(written)


_numbers = st.builds(
    lambda major, minor: f"{major}-{minor}" if minor else str(major),
    st.integers(min_value=1, max_value=999),
    st.one_of(st.none(), st.integers(min_value=1, max_value=99)),
)
_refs = st.one_of(
    st.builds(ArticleRef, _numbers),
    st.builds(ArticleRef, _numbers, _numbers),
    st.builds(ArticleRef, _numbers, _numbers, _numbers),
)


@given(ref=_refs, style=st.sampled_from(sorted(STYLES)))
def test_every_style_reads_back_to_the_same_provision(ref: ArticleRef, style: str) -> None:
    written = format_article_ref(ref, style)
    assert parse_article_ref(written) == ref
    assert parse_article_ref(written.upper()) == ref
    assert parse_article_ref(str(ref)) == ref


@given(outer=_refs, inner=_refs)
def test_a_provision_overlaps_its_parts_and_only_them(outer: ArticleRef, inner: ArticleRef) -> None:
    shared = outer.parts()[: len(inner.parts())] == inner.parts()[: len(outer.parts())]
    assert outer.overlaps(inner) == shared == inner.overlaps(outer)


@pytest.mark.parametrize("written", ["Art. 43(1)", "43.1", "ст. 43 п. 1", "43", "43-баптың 1-тармағы", "43(1)(2)"])
def test_an_amendment_of_the_presidents_term_is_caught_however_it_is_written(written: str) -> None:
    """Constitution 2026, Art. 43(5): «Положения пункта 1 настоящей статьи неизменны.» Only "43(1)" was caught."""
    bill = bill_from_dict(
        {
            "initiator": "president",
            "kind": "amendment",
            "date": "2026-11-01",
            "amends_articles": [written],
            "constitutional_court_opinion": "compliant",
        }
    )
    found = [(v.rule, v.article) for v in bill_violations(bill)]
    assert ("never_amendable", "43(5)") in found


def test_an_unreadable_reference_is_refused_naming_the_field() -> None:
    with pytest.raises(BillFormatError, match=r"bill.amends_articles\[1\]: cannot read 'Art. forty-three'"):
        bill_from_dict(
            {
                "initiator": "president",
                "kind": "amendment",
                "date": "2026-11-01",
                "amends_articles": ["2(4)", "Art. forty-three"],
            }
        )


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("Article 43, paragraph 1", ["Article 43, paragraph 1"]),
        ("Article 43, paragraph 1, 2(4)", ["Article 43, paragraph 1", "2(4)"]),
        ("43(1), 2(4)", ["43(1)", "2(4)"]),
        ("ст. 43, п. 1\n33(5)", ["ст. 43, п. 1", "33(5)"]),
        ("43-баптың 1-тармағы; 2", ["43-баптың 1-тармағы", "2"]),
        ("", []),
        (" ,\n", []),
    ],
)
def test_a_field_of_several_references_splits_only_between_references(typed: str, read: list[str]) -> None:
    """A comma inside "Article 43, paragraph 1" continues the reference; one before "2(4)" starts another."""
    assert split_article_refs(typed) == read


def test_a_piece_that_starts_no_reference_is_named() -> None:
    with pytest.raises(ArticleRefError, match="'the preamble'"):
        split_article_refs("43(1), the preamble")
