"""The register binds a tally, and the completeness figures a result reports equal a recount done another way."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from atazan.referendum.domain.adoption import QuestionKind
from atazan.referendum.domain.protocol import Protocol, precinct_key, precinct_number_valid
from atazan.referendum.domain.register import (
    ELECTORATE_BOUND,
    PrecinctRegister,
    RegisteredPrecinct,
    read_register_text,
)
from atazan.referendum.domain.tally import tally
from atazan.referendum.domain.units import UNITS

CODES = [u.code for u in UNITS]


def test_numbers_are_matched_after_trimming_and_case_only() -> None:
    assert precinct_key(" ABAI-0003\t") == "abai-0003" == precinct_key("abai-0003")
    assert precinct_key("abai-003") != precinct_key("abai-0003")  # nothing guessed
    assert precinct_key("ＡＢＡＩ-０００３") == "abai-0003"  # full-width forms are the same characters (NFKC)
    for bad in ("<img src=x onerror=alert(7)>", "a/b", "a b", "-1", "x" * 41, "", "a\u202eb", "a\x00"):
        assert not precinct_number_valid(precinct_key(bad)), bad
    assert precinct_number_valid("астана-0001") and precinct_number_valid("12.3_a")


def test_register_rows_are_refused_with_their_line_and_rule() -> None:
    parsed = read_register_text(
        "precinct,unit,district,registered\n"
        "A-1,Astana,,100\n"
        "a-1,Astana,,100\n"
        "<b>,Astana,,100\n"
        "a-2,Atlantis,,100\n"
        "a-3,Astana,,1e3\n"
        f"a-4,Astana,,{'9' * 5000}\n"  # past int()'s digit limit: refused, not a ValueError
    )
    assert [p.number for p in parsed.precincts] == ["a-1"]
    assert [(r.line, r.rule.value) for r in parsed.problems] == [
        (3, "register_duplicate"),
        (4, "precinct_number"),
        (5, "unknown_unit"),
        (6, "not_integer"),
        (7, "figure_out_of_range"),
    ]
    assert ELECTORATE_BOUND == 14_979_135


@st.composite
def scenario(draw):  # type: ignore[no-untyped-def]
    size = draw(st.integers(min_value=1, max_value=25))
    register = [
        RegisteredPrecinct(f"p-{i}", draw(st.sampled_from(CODES)), "", draw(st.integers(100, 1000)))
        for i in range(size)
    ]
    chosen = draw(st.lists(st.integers(0, size + 9), unique=True, max_size=size + 10))
    protocols = []
    for n in chosen:
        entry = register[n] if n < size else None
        unit = entry.unit if entry is not None and draw(st.booleans()) else draw(st.sampled_from(CODES))
        listed = entry.registered if entry is not None else 500
        registered = draw(st.integers(50, listed + 20))
        took = draw(st.integers(0, registered))
        yes = draw(st.integers(0, took))
        invalid = took - yes if draw(st.integers(0, 9)) else took - yes + 1  # one in ten does not add up
        number = f"P-{n}" if draw(st.booleans()) else f" p-{n} "  # case and spaces: the same precinct
        protocols.append(Protocol(number, unit, "", registered, took, yes, 0, invalid, 0))
    return register, protocols


@settings(max_examples=150, deadline=None)
@given(scenario())
def test_completeness_figures_equal_a_recount(case) -> None:  # type: ignore[no-untyped-def]
    register, protocols = case
    listed = {p.number: p for p in register}
    counted = [
        p
        for p in protocols
        if (entry := listed.get(p.precinct.strip().lower())) is not None
        and entry.unit == p.unit
        and p.registered <= entry.registered
        and p.yes + p.no + p.invalid + p.not_counted == p.took_part
        and p.took_part <= p.registered
    ]
    result = tally(protocols, kind=QuestionKind.ORDINARY, register=PrecinctRegister(register))
    assert result.precincts_reported == len(counted)
    assert result.protocols_in_review == len(protocols) - len(counted)
    assert result.register_size == len(register)
    assert result.totals.registered == sum(p.registered for p in counted)
    assert result.complete == (len(counted) == len(protocols) == len(register))
    assert result.as_json()["complete"] is result.complete
    assert {p.precinct for p in result.accepted} <= set(listed)  # always under the register's own number
