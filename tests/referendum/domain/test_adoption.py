from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from atazan.referendum.domain.adoption import Counts, QuestionKind, adoption_outcome, more_than_half, units_required
from atazan.referendum.domain.tally import tally

from .helpers import make, one_per_unit


def test_two_thirds_of_twenty_units_is_fourteen_and_of_seventeen_twelve() -> None:
    assert units_required(20) == 14
    assert units_required(17) == 12
    assert units_required(3) == 2


def test_exactly_half_is_not_more_than_half() -> None:
    assert not more_than_half(50, 100)
    assert more_than_half(51, 100)
    assert not more_than_half(0, 0)


def test_constitution_adopted_with_fourteen_units_and_refused_with_thirteen() -> None:
    fourteen = tally(one_per_unit(14), kind=QuestionKind.CONSTITUTION)
    thirteen = tally(one_per_unit(13), kind=QuestionKind.CONSTITUTION)
    assert fourteen.outcome.adopted and len(fourteen.outcome.units_with_majority) == 14
    assert not thirteen.outcome.adopted and len(thirteen.outcome.units_with_majority) == 13
    # Nationally both carry a clear majority: only the regional rule separates them.
    assert thirteen.outcome.national_majority and thirteen.outcome.valid


def test_a_unit_split_exactly_in_half_does_not_carry_a_majority() -> None:
    result = tally(one_per_unit(14, yes_in_others=300), kind=QuestionKind.CONSTITUTION)
    assert all(not result.units[code].yes_majority for code in result.outcome.units_without_majority)
    assert len(result.outcome.units_without_majority) == 6
    bumped = tally(one_per_unit(13, yes_in_others=301), kind=QuestionKind.CONSTITUTION)
    assert len(bumped.outcome.units_with_majority) == 20


def test_same_votes_adopt_an_ordinary_question_but_not_a_constitution() -> None:
    protocols = one_per_unit(13)
    assert tally(protocols, kind=QuestionKind.ORDINARY).outcome.adopted
    assert not tally(protocols, kind=QuestionKind.CONSTITUTION).outcome.adopted
    assert tally(protocols, kind=QuestionKind.ORDINARY).outcome.units_required is None


def test_exactly_half_turnout_makes_the_referendum_invalid() -> None:
    half = adoption_outcome(QuestionKind.ORDINARY, Counts(1000, 500, 500), {"astana": Counts(1000, 500, 500)})
    above = adoption_outcome(QuestionKind.ORDINARY, Counts(1000, 501, 501), {"astana": Counts(1000, 501, 501)})
    assert not half.valid and not half.adopted
    assert above.valid and above.adopted


def test_exactly_half_yes_nationally_is_not_adopted() -> None:
    result = tally(
        [make(registered=1000, took_part=600, yes=300, no=300, invalid=0, not_counted=0)], kind=QuestionKind.ORDINARY
    )
    assert result.outcome.valid and not result.outcome.adopted
    assert result.outcome.yes_share == Fraction(1, 2)


def test_explanation_names_the_legal_sources() -> None:
    text = " ".join(tally(one_per_unit(14), kind=QuestionKind.CONSTITUTION).outcome.explanation())
    assert "Art. 92(2)" in text and "Art. 92(3)" in text and "14 required" in text


@given(registered=st.integers(1, 10**7), took=st.integers(0, 10**7), yes=st.integers(0, 10**7))
def test_rule_matches_exact_fractions(registered: int, took: int, yes: int) -> None:
    took = min(took, registered)
    yes = min(yes, took)
    outcome = adoption_outcome(
        QuestionKind.ORDINARY, Counts(registered, took, yes), {"a": Counts(registered, took, yes)}
    )
    assert outcome.valid == (Fraction(took, registered) > Fraction(1, 2))
    assert outcome.adopted == (outcome.valid and took > 0 and Fraction(yes, took) > Fraction(1, 2))


@pytest.mark.parametrize("kind", list(QuestionKind))
def test_units_with_no_protocols_count_as_without_majority(kind: QuestionKind) -> None:
    result = tally([make()], kind=kind)
    assert len(result.outcome.units_with_majority) == 1
    assert len(result.outcome.units_without_majority) == 19
