"""`atazan referendum tally FILE --kind K [--register REGISTER.csv] [--json]` fails closed: exit 0 only when every
protocol was accepted, 1 when any was refused (the JSON still printed, `complete` false), 2 when a file cannot be read
at all; `rejected` lists protocols with every rule each broke; absurd totals and a register bind the count."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from atazan.referendum.cli import app
from atazan.referendum.domain.units import UNITS

runner = CliRunner()
HEADER = "precinct,unit,district,registered,took_part,yes,no,invalid,not_counted\n"


def _rows(n: int = 20) -> list[str]:
    return [f"p-{i + 1:02d},{UNITS[i % 20].name_en},D1,1000,600,500,80,10,10\n" for i in range(n)]


def _tally(tmp_path: Path, text: str, *extra: str, name: str = "protocols.csv"):  # type: ignore[no-untyped-def]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return runner.invoke(app, ["tally", str(path), "--kind", "constitution", *extra])


def _register(tmp_path: Path, rows: list[str]) -> Path:
    path = tmp_path / "register.csv"
    path.write_text("precinct,unit,district,registered,address\n" + "".join(rows), encoding="utf-8")
    return path


def test_eight_of_twenty_refused_exits_1_and_the_result_is_provisional_not_valid(tmp_path: Path) -> None:
    rows = _rows()
    for i in range(8):  # eight protocols that do not add up
        rows[i] = rows[i].replace(",10\n", ",11\n")
    result = _tally(tmp_path, HEADER + "".join(rows), "--json")
    assert result.exit_code == 1
    body = json.loads(result.stdout)
    assert body["complete"] is False and len(body["rejected"]) == 8
    assert body["precincts_reported"] == 12 and body["protocols_in_review"] == 8
    assert body["totals"]["took_part"] == 12 * 600  # the refused ones are left out
    text = _tally(tmp_path, HEADER + "".join(rows))
    assert text.exit_code == 1
    assert "the referendum is valid (" not in text.stdout  # never said as final on part of the data
    assert "PROVISIONAL" in text.stdout and "8 protocol(s) rejected" in text.stdout


def test_a_protocol_breaking_three_rules_is_one_rejected_entry_with_three_rules(tmp_path: Path) -> None:
    bad = "x-1,Atlantis,,ten,600,-5,80,10,10\n"  # unknown unit, not a number, negative: one protocol
    result = _tally(tmp_path, HEADER + "".join(_rows()) + bad, "--json")
    assert result.exit_code == 1
    rejected = json.loads(result.stdout)["rejected"]
    assert len(rejected) == 1
    assert rejected[0]["precinct"] == "x-1" and rejected[0]["line"] == 22
    assert [r["rule"] for r in rejected[0]["rules"]] == ["unknown_unit", "not_integer", "negative"]
    human = _tally(tmp_path, HEADER + "".join(_rows()) + bad)
    assert "1 protocol(s) rejected" in human.stdout


def test_a_header_only_file_or_no_file_at_all_exits_2_and_never_says_valid(tmp_path: Path) -> None:
    result = _tally(tmp_path, HEADER, "--json")
    assert result.exit_code == 2 and result.stdout == ""
    assert "holds no protocols" in result.output
    for path in (tmp_path, tmp_path / "missing.csv"):
        gone = runner.invoke(app, ["tally", str(path), "--kind", "ordinary", "--json"])
        assert gone.exit_code == 2 and not isinstance(gone.exception, (TypeError, IsADirectoryError))
    binary = tmp_path / "binary.csv"
    binary.write_bytes(HEADER.encode() + b"\x00\x01\x02\xff\xfe" * 50)
    assert runner.invoke(app, ["tally", str(binary), "--kind", "ordinary"]).exit_code == 2
    cp1251 = tmp_path / "cp1251.csv"
    cp1251.write_bytes((HEADER + "p-1,Астана,,100,50,40,5,5,0\n").encode("cp1251"))
    refused = runner.invoke(app, ["tally", str(cp1251), "--kind", "ordinary"])
    assert refused.exit_code == 2 and "UTF-8" in refused.output


def test_totals_beyond_the_countrys_electorate_are_not_a_result(tmp_path: Path) -> None:
    # 606,577,659 citizens entitled, as in the 50 MB file of the finding (here 20,220 protocols, each consistent)
    path = tmp_path / "huge.csv"
    with path.open("w", encoding="utf-8") as out:
        out.write(HEADER)
        for i in range(20_219):
            out.write(f"h{i},{UNITS[i % 20].name_en},,30000,20000,19000,500,300,200\n")
        out.write("h-last,Astana,,7659,1000,900,50,30,20\n")
    result = runner.invoke(app, ["tally", str(path), "--kind", "constitution", "--json"])
    body = json.loads(result.stdout)
    assert body["totals"]["registered"] == 606_577_659
    assert result.exit_code == 1 and body["complete"] is False
    assert [p["rule"] for p in body["problems"]] == ["electorate_bound"]
    assert "12482613" in body["problems"][0]["message"]


def test_a_register_binds_the_count_typos_markup_and_inflated_lists_are_refused(tmp_path: Path) -> None:
    register = _register(
        tmp_path,
        [
            "abai-0003,Abai Region,D1,1000,School 3\n",
            "abai-0004,Abai Region,D1,1000,School 4\n",
            "astana-0001,Astana,D2,900,School 1\n",
            "astana-0002,Astana,D2,900,School 2\n",
        ],
    )
    protocols = (
        HEADER
        + "ABAI-0003 ,Abai Region,D1,1000,600,500,80,10,10\n"  # the register's abai-0003 after normalisation
        + "abai-004,Abai Region,D1,1000,600,500,80,10,10\n"  # a typo: no such precinct
        + '"<img src=x onerror=alert(7)>",Astana,,100,60,50,5,5,0\n'  # markup is never a precinct
        + "astana-0001,Astana,D2,950,600,500,80,10,10\n"  # more entitled than the register lists
        + "astana-0002,Almaty,D2,900,600,500,80,10,10\n"  # the register puts it in Astana
    )
    result = _tally(tmp_path, protocols, "--register", str(register), "--json")
    assert result.exit_code == 1
    body = json.loads(result.stdout)
    assert body["totals"]["registered"] == 1000 and body["precincts_reported"] == 1
    assert body["precincts_registered"] == 4 and body["complete"] is False
    rules = {r["precinct"]: [x["rule"] for x in r["rules"]] for r in body["rejected"]}
    assert rules == {
        "abai-004": ["unregistered_precinct"],
        "<img src=x onerror=alert(7)>": ["unregistered_precinct", "precinct_number"],
        "astana-0001": ["exceeds_register"],
        "astana-0002": ["register_unit"],
    }


def test_with_a_register_every_precinct_must_report_for_a_complete_result(tmp_path: Path) -> None:
    register = _register(tmp_path, [f"p-{i + 1:02d},{UNITS[i % 20].name_en},D1,1000,\n" for i in range(21)])
    result = _tally(tmp_path, HEADER + "".join(_rows()), "--register", str(register), "--json")
    assert result.exit_code == 0  # every protocol was accepted …
    body = json.loads(result.stdout)
    assert body["complete"] is False and (body["precincts_reported"], body["precincts_registered"]) == (20, 21)
    register.write_text(register.read_text(encoding="utf-8").rsplit("p-21", 1)[0], encoding="utf-8")
    whole = json.loads(_tally(tmp_path, HEADER + "".join(_rows()), "--register", str(register), "--json").stdout)
    assert whole["complete"] is True  # … and with the 20 of 20 precincts reported, it is final


def test_a_register_that_cannot_be_read_or_is_implausible_exits_2(tmp_path: Path) -> None:
    text = HEADER + "".join(_rows())
    bad_header = tmp_path / "bad.csv"
    bad_header.write_text("precinct,voters\np-01,1000\n", encoding="utf-8")
    assert _tally(tmp_path, text, "--register", str(bad_header)).exit_code == 2
    huge = _register(tmp_path, [f"r-{i},Astana,,90000000,\n" for i in range(3)])
    refused = _tally(tmp_path, text, "--register", str(huge))
    assert refused.exit_code == 2 and "electorate" not in refused.stdout and "plausible" in refused.output
