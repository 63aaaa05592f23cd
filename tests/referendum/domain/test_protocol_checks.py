import pytest

from atazan.referendum.domain.adoption import QuestionKind
from atazan.referendum.domain.protocol import ProtocolError, ProtocolRule, protocol_check, protocol_violations
from atazan.referendum.domain.protocol_io import ProtocolFileError, read_csv, read_json
from atazan.referendum.domain.tally import tally

from .helpers import make

HEADER = "precinct,unit,district,registered,took_part,yes,no,invalid,not_counted"


def rules_of(text: str) -> list[tuple[str, ProtocolRule]]:
    parsed = read_csv(text)
    result = tally(parsed.protocols, kind=QuestionKind.CONSTITUTION, prior_rejections=parsed.rejected)
    return [(r.precinct, r.rule) for r in result.rejected]


@pytest.mark.parametrize(
    ("row", "rule"),
    [
        ("7,Astana,,1000,600,500,80,10,11", ProtocolRule.BALANCE),
        ("7,Astana,,500,600,500,80,10,10", ProtocolRule.TOOK_PART_EXCEEDS_REGISTERED),
        ("7,Astana,,1000,600,500,-80,10,10", ProtocolRule.NEGATIVE),
        ("7,Astana,,1000,six hundred,500,80,10,10", ProtocolRule.NOT_INTEGER),
        ("7,Astana,,1000,600.0,500,80,10,10", ProtocolRule.NOT_INTEGER),
        ("7,Astana,,1000,,500,80,10,10", ProtocolRule.MISSING_FIELD),
        ("7,Atlantis,,1000,600,500,80,10,10", ProtocolRule.UNKNOWN_UNIT),
        ("7,Astana,,1000,600,500,80,10", ProtocolRule.MALFORMED_ROW),
        ("7,Astana,,1000,600,500,80,10,10,5", ProtocolRule.MALFORMED_ROW),
    ],
)
def test_each_bad_row_is_rejected_naming_precinct_and_rule(row: str, rule: ProtocolRule) -> None:
    assert rules_of(f"{HEADER}\n1,Astana,,1000,600,500,80,10,10\n{row}\n") == [("7", rule)]


def test_empty_precinct_number_is_rejected() -> None:
    assert rules_of(f"{HEADER}\n,Astana,,1000,600,500,80,10,10\n") == [("", ProtocolRule.EMPTY_PRECINCT)]


def test_ballot_accounting_relations() -> None:
    text = (
        "precinct,unit,registered,took_part,yes,no,invalid,not_counted,ballots_received,ballots_issued,"
        "ballots_unused\n"
        "a,Astana,1000,600,500,80,10,10,1000,590,410\n"
        "b,Astana,1000,600,500,80,10,10,1000,1010,0\n"
        "c,Astana,1000,600,500,80,10,10,1000,700,200\n"
        "d,Astana,1000,600,500,80,10,10,1000,700,300\n"
    )
    assert rules_of(text) == [
        ("a", ProtocolRule.TOOK_PART_EXCEEDS_ISSUED),
        ("b", ProtocolRule.ISSUED_EXCEEDS_RECEIVED),
        ("b", ProtocolRule.BALLOT_ACCOUNT),
        ("c", ProtocolRule.BALLOT_ACCOUNT),
    ]


def test_rejected_rows_are_left_out_of_the_totals() -> None:
    parsed = read_csv(f"{HEADER}\n1,Astana,,1000,600,500,80,10,10\n2,Astana,,1000,600,500,80,10,11\n")
    result = tally(parsed.protocols, kind=QuestionKind.ORDINARY, prior_rejections=parsed.rejected)
    assert result.totals.took_part == 600 and result.totals.precincts == 1


def test_exact_duplicate_counts_once_and_different_one_is_a_conflict() -> None:
    row = "1,Astana,,1000,600,500,80,10,10"
    parsed = read_csv(f"{HEADER}\n{row}\n{row}\n1,Astana,,1000,600,499,81,10,10\n")
    result = tally(parsed.protocols, kind=QuestionKind.ORDINARY)
    assert result.totals.yes == 500 and result.duplicates == 1
    assert [(r.precinct, r.rule) for r in result.rejected] == [("1", ProtocolRule.CONFLICTING_DUPLICATE)]


def test_header_without_a_required_column_is_a_file_error() -> None:
    with pytest.raises(ProtocolFileError, match="not_counted"):
        read_csv("precinct,unit,registered,took_part,yes,no,invalid\n")


def test_units_are_read_in_three_languages_and_abroad_attaches_to_astana() -> None:
    parsed = read_csv(
        f"{HEADER}\n1,Қарағанды облысы,,10,5,5,0,0,0\n2,Карагандинская область,,10,5,5,0,0,0\n"
        f"3,karaganda,,10,5,5,0,0,0\n4,Abroad,,10,5,5,0,0,0\n"
    )
    units = [p.unit for p in parsed.protocols]
    assert units == ["karaganda", "karaganda", "karaganda", "astana"]
    assert parsed.protocols[3].abroad and parsed.protocols[3].district == "Abroad"


def test_extra_columns_are_ignored_and_district_is_optional() -> None:
    parsed = read_csv(
        "precinct,unit,registered,took_part,yes,no,invalid,not_counted,observer_note\n1,Almaty,100,60,50,8,1,1,calm\n"
    )
    assert parsed.protocols[0].unit == "almaty" and not parsed.rejected


def test_json_input_reads_the_same_fields() -> None:
    parsed = read_json(
        '[{"precinct": "9", "unit": "Shymkent", "registered": 100, "took_part": 60, "yes": 50,'
        ' "no": 8, "invalid": 1, "not_counted": 1}, "junk"]'
    )
    assert parsed.protocols[0].unit == "shymkent"
    assert [r.rule for r in parsed.rejected] == [ProtocolRule.MALFORMED_ROW]


def test_protocol_check_raises_with_precinct_and_rule() -> None:
    with pytest.raises(ProtocolError) as err:
        protocol_check(make("42", took_part=601))
    assert err.value.rejection.precinct == "42" and err.value.rejection.rule is ProtocolRule.BALANCE
    assert protocol_violations(make()) == []
