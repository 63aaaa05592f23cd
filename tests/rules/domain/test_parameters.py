from __future__ import annotations

import datetime as dt
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from atazan.rules.domain.majority import Majority, MajorityBase
from atazan.rules.domain.parameters import ParameterError, ParameterSet, default_parameters

TRANSITION = dt.date(2026, 7, 1)


def test_every_parameter_value_names_its_article_and_constitution() -> None:
    params = default_parameters()
    assert len(params) >= 40
    for parameter in params:
        for dated in parameter.values:
            assert dated.reference.article, parameter.name
            assert dated.reference.constitution in {"1995", "2026"}, parameter.name


def test_switch_from_parliament_to_kurultai_happens_on_1_july_2026() -> None:
    params = default_parameters()
    day_before = TRANSITION - dt.timedelta(days=1)
    assert params.text("legislature.structure", day_before) == "bicameral"
    assert params.text("legislature.structure", TRANSITION) == "unicameral"
    assert params.integer("parliament.majilis.seats", day_before) == 98
    assert params.integer("kurultai.seats", TRANSITION) == 145
    with pytest.raises(ParameterError, match="kurultai.seats.*no value before 2026-07-01"):
        params.integer("kurultai.seats", day_before)
    with pytest.raises(ParameterError, match="not in force on 2026-07-01"):
        params.integer("parliament.majilis.seats", TRANSITION)


def test_majilis_had_107_seats_until_the_eighth_convocation() -> None:
    params = default_parameters()
    assert params.integer("parliament.majilis.seats", dt.date(2023, 3, 18)) == 107
    assert params.integer("parliament.majilis.seats", dt.date(2023, 3, 19)) == 98
    senate = params.integer("parliament.senate.members_per_region", dt.date(2025, 1, 1)) * params.integer(
        "regions.count", dt.date(2025, 1, 1)
    ) + params.integer("parliament.senate.appointed", dt.date(2025, 1, 1))
    assert senate == 50


def test_people_council_is_three_groups_of_42() -> None:
    params = default_parameters()
    on = dt.date(2026, 9, 1)
    groups = params.names("peoples_council.groups", on)
    assert (
        len(groups) * params.integer("peoples_council.group_size", on)
        == params.integer("peoples_council.members", on)
        == 126
    )


def test_unknown_parameter_is_named() -> None:
    with pytest.raises(ParameterError, match="unknown parameter 'kurultai.chairs'"):
        default_parameters().get("kurultai.chairs")


def test_wrong_type_is_refused() -> None:
    with pytest.raises(ParameterError, match="not an integer"):
        default_parameters().integer("legislature.quorum", TRANSITION)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("x:\n  type: int\n  values: {}\n", "no dated values"),
        ("x:\n  type: float\n  values: {2026-07-01: {value: 1, reference: r, article: a}}\n", "unknown type"),
        ("x:\n  type: int\n  values: {2026-07-01: {value: 1}}\n", "no reference and article"),
        ("x:\n  type: int\n  values: {2026-07-01: {value: '145', reference: r, article: a}}\n", "expects an integer"),
        (
            "x:\n  type: majority\n  values: {2026-07-01: {value: {share: '3/2', strict: false, of: all}, "
            "reference: r, article: a}}\n",
            "share must lie in",
        ),
        ("x:\n  type: int\n  values: {July: {value: 1, reference: r, article: a}}\n", "is not a date"),
    ],
)
def test_malformed_parameter_files_are_refused_with_the_parameter_named(
    tmp_path: Path, body: str, message: str
) -> None:
    (tmp_path / "bad.yaml").write_text(body, encoding="utf-8")
    with pytest.raises(ParameterError, match=message):
        ParameterSet.load(tmp_path)


def test_duplicate_parameter_across_files_is_refused(tmp_path: Path) -> None:
    body = "x:\n  type: int\n  values: {2026-07-01: {value: 1, reference: r, article: a}}\n"
    (tmp_path / "a.yaml").write_text(body, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(body, encoding="utf-8")
    with pytest.raises(ParameterError, match="defined twice"):
        ParameterSet.load(tmp_path)


@pytest.mark.parametrize(
    ("share", "strict", "base", "minimum"),
    [
        ("1/2", True, 145, 73),
        ("1/2", True, 144, 73),
        ("2/3", False, 145, 97),
        ("2/3", False, 144, 96),
        ("3/4", False, 145, 109),
        ("3/4", False, 144, 108),
        ("1/5", False, 145, 29),
        ("2/3", False, 126, 84),
        ("1/2", True, 84, 43),
        ("1/2", True, 0, 1),
    ],
)
def test_majority_minimum_at_its_edge(share: str, strict: bool, base: int, minimum: int) -> None:
    rule = Majority(Fraction(share), strict, MajorityBase.ALL)
    assert rule.minimum(base) == minimum
    assert rule.met(minimum, base)
    assert minimum == 0 or not rule.met(minimum - 1, base)


@given(
    st.fractions(min_value=Fraction(1, 100), max_value=1), st.booleans(), st.integers(0, 10_000), st.integers(0, 10_000)
)
def test_majority_met_exactly_from_its_minimum(share: Fraction, strict: bool, base: int, count: int) -> None:
    rule = Majority(share, strict, MajorityBase.ALL)
    assert rule.met(count, base) == (count >= rule.minimum(base))


# --- dissolution of the Kurultai (Constitution 2026, Arts. 46(2), 51(3), 62) ---


def test_dissolution_after_a_repeated_refusal_of_consent_and_its_bars() -> None:
    import datetime as _dt

    from atazan.rules.domain.institutions import DissolutionGround, kurultai_dissolution

    day = _dt.date(2027, 3, 1)
    once = kurultai_dissolution(ground=DissolutionGround.REPEATED_REFUSAL, refusals=1, as_of=day)
    assert not once.allowed and once.bars[0].article == "46(2)"
    twice = kurultai_dissolution(ground=DissolutionGround.REPEATED_REFUSAL, refusals=2, as_of=day)
    assert twice.allowed and twice.article == "46(2)"
    for kwargs, article in (
        ({"emergency": True}, "62(3)"),
        ({"martial_law": True}, "62(3)"),
        ({"president_term_ends": _dt.date(2027, 9, 1)}, "62(3)"),
        ({"previous_dissolution": _dt.date(2026, 3, 2)}, "62(3)"),
        ({"acting_president": True}, "51(3)"),
    ):
        barred = kurultai_dissolution(ground=DissolutionGround.REPEATED_REFUSAL, refusals=2, as_of=day, **kwargs)  # type: ignore[arg-type]
        assert not barred.allowed and [v.article for v in barred.bars] == [article], kwargs
    # The edges: six months and a day before the end of the President's powers, and a year after a dissolution.
    assert kurultai_dissolution(
        ground=DissolutionGround.REPEATED_REFUSAL, refusals=2, as_of=day, president_term_ends=_dt.date(2027, 9, 2)
    ).allowed
    assert kurultai_dissolution(
        ground=DissolutionGround.REPEATED_REFUSAL, refusals=2, as_of=day, previous_dissolution=_dt.date(2026, 3, 1)
    ).allowed
    consult = kurultai_dissolution(ground=DissolutionGround.CONSULTATION, as_of=day)
    assert not consult.allowed and consult.bars[0].article == "62(1)"
    assert kurultai_dissolution(ground=DissolutionGround.CONSULTATION, consulted=True, as_of=day).allowed
