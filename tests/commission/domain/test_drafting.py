from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from atazan.commission.domain.drafting import (
    ArticleChange,
    ArticleStatus,
    ChangeKind,
    DraftArticle,
    draft_apply,
    draft_compare,
    paragraphs,
)
from atazan.commission.domain.errors import DraftError
from atazan.commission.domain.messages import phrase
from atazan.texts.domain.diff import new_text, old_text

DRAFT = (
    DraftArticle("1", "1. Казахстан является демократическим государством."),
    DraftArticle("2", "1. Суверенитет распространяется на всю территорию.\n2. Государство обеспечивает целостность."),
    DraftArticle("3", "1. Народ является источником власти."),
)


def test_changes_amend_insert_and_repeal_in_order() -> None:
    after = draft_apply(
        DRAFT,
        [
            ArticleChange(ChangeKind.AMEND, "1", "1. Казахстан является демократическим и светским государством."),
            ArticleChange(ChangeKind.INSERT, "2-1", "1. Новая статья.", after="2"),
            ArticleChange(ChangeKind.REPEAL, "3"),
        ],
    )
    assert [a.num for a in after] == ["1", "2", "2-1"]
    assert "светским" in after[0].wording


def test_a_change_that_does_not_fit_the_draft_is_refused_naming_it() -> None:
    with pytest.raises(
        DraftError, match=r"decision 7, change 1 \(amend Art. 9\): only an article of the draft"
    ) as refused:
        draft_apply(
            DRAFT, [ArticleChange(ChangeKind.AMEND, "9", "1. x")], record=phrase("decision {number}", number="7")
        )
    assert refused.value.code == "amend_unknown"
    with pytest.raises(DraftError, match="number the draft does not use"):
        draft_apply(DRAFT, [ArticleChange(ChangeKind.INSERT, "2", "1. x")])
    with pytest.raises(DraftError, match="needs a wording"):
        draft_apply(DRAFT, [ArticleChange(ChangeKind.AMEND, "2", "  ")])


def test_compare_lists_amended_inserted_and_repealed_articles() -> None:
    new = draft_apply(
        DRAFT,
        [
            ArticleChange(ChangeKind.AMEND, "1", "1. Казахстан является демократическим и светским государством."),
            ArticleChange(ChangeKind.REPEAL, "2"),
            ArticleChange(ChangeKind.INSERT, "4", "1. Новая статья.", after="3"),
        ],
    )
    diffs = {d.num: d for d in draft_compare(DRAFT, new)}
    assert [d.num for d in draft_compare(DRAFT, new)] == ["1", "2", "3", "4"]
    assert diffs["1"].status == ArticleStatus.AMENDED
    assert "".join(s.text for s in diffs["1"].segments if s.op == "insert").strip() == "и светским"
    assert diffs["2"].status == ArticleStatus.REPEALED and diffs["4"].status == ArticleStatus.INSERTED
    assert not diffs["3"].changed


@given(st.text(min_size=1), st.text(min_size=1))
def test_an_amendment_diff_rebuilds_both_wordings(old: str, new: str) -> None:
    a = (DraftArticle("1", old.strip() or "x"),)
    b = (DraftArticle("1", new.strip() or "y"),)
    [diff] = draft_compare(a, b)
    assert old_text(diff.segments) == a[0].wording and new_text(diff.segments) == b[0].wording


def test_paragraphs_keep_subparagraph_lines_with_their_paragraph() -> None:
    wording = "1. Парламент:\n1) принимает законы;\n2) утверждает бюджет.\n2. Иное."
    assert paragraphs(wording) == [("1", "Парламент:\n1) принимает законы;\n2) утверждает бюджет."), ("2", "Иное.")]
    assert paragraphs("Текст без пунктов.") == [("", "Текст без пунктов.")]
