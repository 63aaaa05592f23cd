from __future__ import annotations

import pytest

from atazan.topics.domain.entrenchment import ENTRENCHED, Role, entrenchment_of
from atazan.topics.domain.taxonomy import ArticleRef, Taxonomy, TaxonomyError, taxonomy_from_mapping

NAMES = {"en": "A", "ru": "А", "kk": "Ә"}


def test_shipped_taxonomy_is_shallow_and_named_in_three_languages(taxonomy: Taxonomy) -> None:
    assert 30 <= len(taxonomy.topics) <= 80
    assert all(not taxonomy.get(t.parent).parent for t in taxonomy.topics if t.parent)
    assert all(t.names["kk"] and t.names["ru"] and t.names["en"] for t in taxonomy.topics)
    assert taxonomy.get("non-retroactivity").constitute == ("expost",)
    assert taxonomy.constitute_checked is False  # written from memory, flagged as such in the export


def test_article_refs() -> None:
    r = ArticleRef.parse("83..85", topic="t")
    assert r.covers("83-1", "art_83-1__para_1") and not r.covers("86", "art_86__para_1")
    p = ArticleRef.parse("18(3)", topic="t")
    assert p.covers("18", "art_18__para_3") and not p.covers("18", "art_18__para_4")
    with pytest.raises(TaxonomyError, match="article-range"):
        ArticleRef.parse("51..42", topic="t")


@pytest.mark.parametrize(
    ("topics", "rule"),
    [
        ([{"key": "a", "name": NAMES}, {"key": "a", "name": NAMES}], "key-unique"),
        ([{"key": "a", "name": {"en": "A"}}], "names"),
        (
            [
                {"key": "a", "name": NAMES},
                {"key": "b", "parent": "a", "name": NAMES},
                {"key": "c", "parent": "b", "name": NAMES},
            ],
            "shallow",
        ),
        ([{"key": "a", "name": NAMES, "patterns": {"rus": ["(unclosed"]}}], "patterns-regex"),
        ([{"key": "a", "name": NAMES, "articles": {1993: ["1"]}}], "articles-year"),
    ],
)
def test_bad_taxonomy_names_topic_and_rule(topics: list[dict[str, object]], rule: str) -> None:
    with pytest.raises(TaxonomyError) as err:
        taxonomy_from_mapping({"topics": topics})
    assert err.value.rule == rule


def test_never_amendable_marks() -> None:
    assert entrenchment_of(2026, "art_2__para_7").role == Role.DECLARES  # type: ignore[union-attr]
    assert entrenchment_of(2026, "art_43__para_1").source == "Constitution 2026, Art. 43(5)"  # type: ignore[union-attr]
    assert entrenchment_of(1995, "art_91__para_2") is not None
    assert entrenchment_of(2026, "art_21__para_1") is None
    assert {e.year for e in ENTRENCHED} == {1995, 2026}
