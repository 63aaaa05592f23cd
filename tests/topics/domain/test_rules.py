"""The tagging rules find the paragraphs a reader would expect (a hand-made list), and cover every article."""

from __future__ import annotations

import pytest

from atazan.topics.domain.tagging import RuleTag, Suggestion, Unit, coverage, rule_tags, suggest
from atazan.topics.domain.taxonomy import Taxonomy

# (Constitution, paragraph eId, topic a reader would look it up under). Hand-made from reading the texts.
EXPECTED = [
    (2026, "art_5__para_5", "non-retroactivity"),
    (1995, "art_77__para_3", "non-retroactivity"),
    (2026, "art_21__para_1", "personal-data"),
    (2026, "art_21__para_2", "personal-data"),
    (2026, "art_21__para_1", "privacy"),
    (1995, "art_18__para_1", "privacy"),
    (2026, "art_2__para_7", "never-amendable"),
    (2026, "art_43__para_5", "never-amendable"),
    (1995, "art_91__para_2", "never-amendable"),
    (2026, "art_19__para_1", "presumption-of-innocence"),
    (2026, "art_78__para_3", "presumption-of-innocence"),
    (2026, "art_19__para_3", "double-jeopardy"),
    (1995, "art_77__para_3", "double-jeopardy"),
    (2026, "art_18__para_3", "detention-rights"),
    (2026, "art_18__para_4", "detention-rights"),
    (1995, "art_16__para_2", "detention-rights"),
    (2026, "art_19__para_2", "self-incrimination"),
    (2026, "art_86__para_1", "legal-profession"),
    (2026, "art_18__para_4", "legal-profession"),
    (2026, "art_23__para_2", "intellectual-property"),
    (2026, "art_17__para_3", "death-penalty"),
    (2026, "art_20__para_2", "torture-ban"),
    (2026, "art_1__para_1", "secular-state"),
    (2026, "art_7__para_1", "secular-state"),
    (2026, "art_33__para_5", "secular-state"),
    (2026, "art_25__para_1", "freedom-of-conscience"),
    (2026, "art_9__para_1", "languages"),
    (2026, "art_9__para_2", "languages"),
    (1995, "art_7__para_1", "languages"),
    (2026, "art_22__para_2", "languages"),
    (2026, "art_2__para_2", "territory"),
    (2026, "art_2__para_2", "sovereignty-independence"),
    (2026, "art_2__para_1", "unitary-state"),
    (2026, "art_41__para_2", "interethnic-harmony"),
    (2026, "preamble", "interethnic-harmony"),
    (2026, "preamble", "national-unity"),
    (2026, "art_3__para_2", "science-innovation"),
    (2026, "art_33__para_1", "education"),
    (2026, "art_8__para_3", "land-resources"),
    (1995, "art_6__para_3", "land-resources"),
    (2026, "art_49__para_1", "vice-president"),
    (2026, "art_53__para_1", "kurultai"),
    (1995, "art_50__para_1", "kurultai"),
    (2026, "art_70__para_1", "peoples-council"),
    (2026, "art_60__para_1", "peoples-council"),
    (2026, "art_63__para_1", "government"),
    (2026, "art_72__para_1", "constitutional-court"),
    (2026, "art_76__para_1", "courts"),
    (2026, "art_84__para_1", "prosecution"),
    (2026, "art_85__para_1", "ombudsman"),
    (2026, "art_88__para_1", "local-government"),
    (2026, "art_54__para_1", "elections"),
    (2026, "art_92__para_2", "referendums"),
    (2026, "art_92__para_1", "amendment"),
    (2026, "art_34__para_1", "political-rights"),
    (2026, "art_27__para_1", "social-rights"),
    (2026, "art_16__para_2", "equality"),
    (2026, "art_13__para_2", "citizenship"),
    (2026, "art_30__para_2", "family"),
    (2026, "art_12__para_2", "procedural-rights"),
]

# Paragraphs that mention a word of a pattern in another sense, and must not be tagged with it.
NOT_EXPECTED = [
    (2026, "art_12__para_1", "defence"),  # "необходимая оборона" is self-defence, not national defence
    (2026, "art_24__para_1", "elections"),  # "свободный выбор места жительства"
    (2026, "art_19__para_3", "local-government"),  # Kazakh "әкімшілік" (administrative) is not "әкім"
    (2026, "art_70__para_3", "education"),  # "порядок образования" is formation, not education
    (2026, "art_88__para_6", "privacy"),  # "мәслихаттардың" contains "хаттардың"
    (1995, "art_21__para_1", "personal-data"),  # the 1995 text has no personal-data provision at all
]


def test_expected_paragraphs_found(topics_of: dict[tuple[int, str], set[str]]) -> None:
    assert len(EXPECTED) >= 30
    missing = [(y, e, t) for y, e, t in EXPECTED if t not in topics_of.get((y, e), set())]
    assert missing == []


@pytest.mark.parametrize(("year", "eid", "topic"), NOT_EXPECTED)
def test_false_friends_are_not_tagged(
    topics_of: dict[tuple[int, str], set[str]], year: int, eid: str, topic: str
) -> None:
    assert topic not in topics_of.get((year, eid), set())


def test_rules_say_why(tags: list[RuleTag]) -> None:
    by_key = {(t.year, t.eid, t.topic): t for t in tags}
    assert "pattern rus: обратн\\w* сил" in by_key[(2026, "art_5__para_5", "non-retroactivity")].reasons
    assert "pattern kaz: кері күш" in by_key[(2026, "art_5__para_5", "non-retroactivity")].reasons
    assert by_key[(2026, "art_44__para_1", "president")].reason == "articles 2026: 42..51"
    assert "articles 2026: 2(7)" in by_key[(2026, "art_2__para_7", "never-amendable")].reasons


def test_personal_data_is_new_in_2026(topics_of: dict[tuple[int, str], set[str]]) -> None:
    years = {y for (y, _), topics in topics_of.items() if "personal-data" in topics}
    assert years == {2026}


def test_every_article_of_both_texts_has_a_topic(
    units: list[Unit], tags: list[RuleTag], suggestions: list[Suggestion], capsys: pytest.CaptureFixture[str]
) -> None:
    with capsys.disabled():
        print()
        for year in (1995, 2026):
            c = coverage(year, units, tags, suggestions)
            print(
                f"coverage {year}: {c.by_rules}/{c.units} paragraphs by rules ({float(c.share_rules):.1%}), "
                f"{c.by_any}/{c.units} with suggestions; articles {c.articles_tagged}/{c.articles}"
            )
            assert c.articles_tagged == c.articles
            assert c.by_rules == c.units


def test_suggestions_are_deterministic_and_new(
    taxonomy: Taxonomy, units: list[Unit], tags: list[RuleTag], suggestions: list[Suggestion]
) -> None:
    assert suggest(taxonomy, units, tags) == suggestions
    ruled = {(t.year, t.eid, t.topic) for t in tags}
    assert suggestions and all((s.year, s.eid, s.topic) not in ruled for s in suggestions)
    assert all(s.score_permille >= 180 for s in suggestions)
    assert not any(taxonomy.children(s.topic) for s in suggestions)  # only leaf topics are suggested


def test_similarity_fills_in_what_rules_miss(taxonomy: Taxonomy, units: list[Unit], tags: list[RuleTag]) -> None:
    # Drop the death-penalty rule's own tag on 2026 Art. 17(3); the 1995 Art. 15(2) tag still teaches the model,
    # which then suggests the topic for the paragraph the rules no longer reach.
    kept = [t for t in tags if not (t.year == 2026 and t.eid == "art_17__para_3" and t.topic == "death-penalty")]
    found = {(s.year, s.eid, s.topic) for s in suggest(taxonomy, units, kept)}
    assert (2026, "art_17__para_3", "death-penalty") in found


def test_rules_are_reproducible(taxonomy: Taxonomy, units: list[Unit], tags: list[RuleTag]) -> None:
    assert rule_tags(taxonomy, units) == tags
