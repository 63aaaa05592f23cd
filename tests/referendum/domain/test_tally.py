from hypothesis import given, settings
from hypothesis import strategies as st

from atazan.referendum.domain.adoption import QuestionKind
from atazan.referendum.domain.protocol import Protocol
from atazan.referendum.domain.protocol_io import read_csv, write_csv
from atazan.referendum.domain.synthetic import OFFICIAL_TOTALS, model_precincts
from atazan.referendum.domain.tally import tally
from atazan.referendum.domain.units import UNITS


@st.composite
def protocols(draw: st.DrawFn) -> Protocol:
    yes, no, invalid, nc = (draw(st.integers(0, 500)) for _ in range(4))
    took = yes + no + invalid + nc
    return Protocol(
        precinct=str(draw(st.integers(1, 10**6))),
        unit=draw(st.sampled_from(UNITS)).code,
        district=draw(st.sampled_from(["", "D1", "D2"])),
        registered=took + draw(st.integers(0, 500)),
        took_part=took,
        yes=yes,
        no=no,
        invalid=invalid,
        not_counted=nc,
    )


@settings(max_examples=50)
@given(st.lists(protocols(), max_size=40, unique_by=lambda p: p.precinct))
def test_unit_and_district_totals_add_up_to_the_nation(ps: list[Protocol]) -> None:
    result = tally(ps, kind=QuestionKind.CONSTITUTION)
    for field in ("registered", "took_part", "yes", "no", "invalid", "not_counted", "precincts"):
        assert getattr(result.totals, field) == sum(getattr(t, field) for t in result.units.values())
        assert getattr(result.totals, field) == sum(getattr(t, field) for t in result.districts.values())
    assert result.totals.took_part == sum(p.took_part for p in ps)


@settings(max_examples=30)
@given(st.lists(protocols(), max_size=20, unique_by=lambda p: p.precinct))
def test_csv_round_trip_gives_the_same_tally(ps: list[Protocol]) -> None:
    parsed = read_csv("".join(write_csv(ps)))
    assert parsed.protocols == ps and not parsed.rejected


def test_model_demo_reproduces_the_official_national_totals_exactly() -> None:
    model = model_precincts()
    assert sum(not m.protocol.abroad for m in model) == 10_388
    assert sum(m.protocol.abroad for m in model) == 71
    assert len({m.country for m in model if m.protocol.abroad}) == 54
    result = tally([m.protocol for m in model], kind=QuestionKind.CONSTITUTION)
    assert not result.rejected
    assert result.totals.as_dict() == OFFICIAL_TOTALS
    assert result.outcome.valid and result.outcome.adopted
    assert max(m.protocol.registered for m in model) <= 3000  # Elections Law, Art. 23(2)(1)
    # Unit turnouts follow the published 18:00 ranking: Kyzylorda highest, Almaty city lowest.
    turnouts = {code: t.turnout for code, t in result.units.items()}
    assert max(turnouts, key=lambda c: turnouts[c]) == "kyzylorda"
    assert min(turnouts, key=lambda c: turnouts[c]) == "almaty"


def test_model_is_deterministic() -> None:
    assert model_precincts()[:50] == model_precincts()[:50]
