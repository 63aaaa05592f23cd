"""The running tally (one protocol at a time) against the full tally of the same current protocols."""

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from atazan.referendum.domain.adoption import QuestionKind
from atazan.referendum.domain.protocol import Protocol, ProtocolRule
from atazan.referendum.domain.synthetic import OFFICIAL_TOTALS, model_precincts
from atazan.referendum.domain.tally import RunningTally, tally
from atazan.referendum.domain.units import UNITS


@st.composite
def protocols(draw: st.DrawFn) -> Protocol:
    yes, no, invalid, nc = (draw(st.integers(0, 300)) for _ in range(4))
    took = yes + no + invalid + nc
    broken = draw(st.sampled_from(["", "", "", "balance", "unit"]))
    return Protocol(
        precinct=str(draw(st.integers(1, 12))),  # few precincts: corrections and drops happen often
        unit="atlantis" if broken == "unit" else draw(st.sampled_from(UNITS)).code,
        district=draw(st.sampled_from(["", "D1", "D2"])),
        registered=took + draw(st.integers(0, 300)),
        took_part=took + (1 if broken == "balance" else 0),
        yes=yes,
        no=no,
        invalid=invalid,
        not_counted=nc,
    )


operations = st.lists(st.one_of(protocols(), st.integers(1, 12).map(str)), max_size=60)


@settings(max_examples=200)
@given(operations, st.sampled_from(list(QuestionKind)))
def test_puts_and_drops_give_exactly_the_full_tally_of_what_is_current(ops: list, kind: QuestionKind) -> None:
    running = RunningTally(kind=kind)
    current: dict[str, Protocol] = {}
    for op in ops:
        if isinstance(op, Protocol):
            running.put(op)
            current[op.precinct] = op
        else:
            running.drop(op)
            current.pop(op, None)
        assert len(running) == len(current)
    expected = tally([current[k] for k in sorted(current)], kind=kind)
    assert running.result() == expected


def test_a_result_is_a_snapshot_that_later_protocols_do_not_change() -> None:
    model = [m.protocol for m in model_precincts()[:50]]
    running = RunningTally(kind=QuestionKind.CONSTITUTION)
    for p in model[:40]:
        running.put(p)
    before = running.result()
    frozen = (before.totals.as_dict(), {c: t.as_dict() for c, t in before.units.items()}, len(before.accepted))
    for p in model[40:]:
        running.put(p)
    running.drop(model[0].precinct)
    assert (before.totals.as_dict(), {c: t.as_dict() for c, t in before.units.items()}, len(before.accepted)) == frozen
    assert running.result().totals.precincts == 49


def test_a_correction_that_breaks_a_rule_takes_the_precinct_out_of_the_totals() -> None:
    model = [m.protocol for m in model_precincts()[:3]]
    running = RunningTally(kind=QuestionKind.CONSTITUTION)
    for p in model:
        running.put(p)
    bad = replace(model[1], yes=model[1].yes + 1)  # no longer balances (Art. 30(1))
    running.put(bad)
    result = running.result()
    assert result.totals.precincts == 2
    assert [r.rule for r in result.rejected] == [ProtocolRule.BALANCE]
    running.put(model[1])  # corrected back
    assert running.result() == tally(sorted(model, key=lambda p: p.precinct), kind=QuestionKind.CONSTITUTION)


def test_the_model_referendum_one_protocol_at_a_time_reaches_the_official_totals() -> None:
    running = RunningTally(kind=QuestionKind.CONSTITUTION)
    for m in model_precincts():
        running.put(m.protocol)
    result = running.result()
    assert result.totals.as_dict() == OFFICIAL_TOTALS
    assert result.outcome.adopted
