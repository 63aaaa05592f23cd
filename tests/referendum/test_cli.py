import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from atazan.referendum.cli import app
from atazan.referendum.domain.adoption import QuestionKind
from atazan.referendum.domain.integrity import BundleMeta, bundle_build, derive_signing_key, sign_all
from atazan.referendum.domain.units import UNITS

runner = CliRunner()
HEADER = "precinct,unit,district,registered,took_part,yes,no,invalid,not_counted,ballots_issued"


def units_csv(majority: int) -> str:
    rows = [HEADER]
    for i, unit in enumerate(UNITS):
        yes = 400 if i < majority else 300
        rows.append(f"{i + 1},{unit.name_en},D1,1000,600,{yes},{600 - yes},0,0,600")
    return "\n".join(rows) + "\n"


def tally_json(tmp_path: Path, text: str, kind: str = "constitution", *, status: int = 0) -> dict:
    path = tmp_path / "protocols.csv"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["tally", str(path), "--kind", kind, "--json"])
    assert result.exit_code == status, result.output
    return json.loads(result.stdout)


def test_tally_json_contract(tmp_path: Path) -> None:
    body = tally_json(tmp_path, units_csv(14))
    assert set(body) == {
        "valid",
        "adopted",
        "complete",
        "totals",
        "units",
        "units_with_majority",
        "units_required",
        "precincts_reported",
        "precincts_registered",
        "protocols_in_review",
        "problems",
        "rejected",
    }
    assert body["valid"] is True and body["adopted"] is True and body["complete"] is True
    assert (body["precincts_reported"], body["precincts_registered"], body["protocols_in_review"]) == (20, None, 0)
    assert body["totals"] == {
        "registered": 20_000,
        "took_part": 12_000,
        "yes": 14 * 400 + 6 * 300,
        "no": 14 * 200 + 6 * 300,
        "invalid": 0,
        "not_counted": 0,
    }
    assert body["units"]["Astana"] == {
        "registered": 1000,
        "took_part": 600,
        "yes": 300,
        "no": 300,
        "invalid": 0,
        "not_counted": 0,
        "yes_majority": False,
    }
    assert set(body["units"]) == {u.name_en for u in UNITS}
    assert body["units_with_majority"] == 14 and body["units_required"] == 14 and body["rejected"] == []


def test_tally_thirteen_units_refuses_a_constitution_but_adopts_an_ordinary_question(tmp_path: Path) -> None:
    assert tally_json(tmp_path, units_csv(13))["adopted"] is False
    assert tally_json(tmp_path, units_csv(13), "ordinary")["adopted"] is True


def test_tally_reports_rejected_rows_and_counts_duplicates_once(tmp_path: Path) -> None:
    text = units_csv(14) + "1,Abai Region,D1,1000,600,400,200,0,0,600\n99,Astana,D1,10,60,60,0,0,0,60\n"
    body = tally_json(tmp_path, text, status=1)  # one protocol refused: exit 1, the JSON still printed
    assert body["totals"]["took_part"] == 12_000 and body["complete"] is False
    assert body["rejected"] == [
        {
            "precinct": "99",
            "line": 23,
            "rules": [
                {
                    "rule": "took_part_exceeds_registered",
                    "code": "took_part_exceeds_registered",
                    "message": "citizens who took part (60) are more than the citizens entitled to take part (10). "
                    "Check both figures against the signed protocol.",
                    "source": "Referendum Law, Art. 30(1)(1),(3): took part <= entitled",
                }
            ],
        }
    ]


def test_tally_bad_header_exits_with_an_error(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text("precinct,unit,yes\n1,Astana,5\n", encoding="utf-8")
    result = runner.invoke(app, ["tally", str(path), "--kind", "ordinary"])
    assert result.exit_code == 2


@pytest.fixture
def bundle_path(tmp_path: Path) -> Path:
    secret = b"cli"
    rows = units_csv(14).splitlines()[1:]
    from atazan.referendum.domain.protocol_io import read_csv

    protocols = read_csv(HEADER + "\n" + "\n".join(rows) + "\n").protocols
    meta = BundleMeta("t", "2026-03-15", "q", QuestionKind.CONSTITUTION, synthetic=True)
    path = tmp_path / "bundle.jsonl"
    path.write_bytes(bundle_build(sign_all(protocols, secret), meta, derive_signing_key(secret, "cec")))
    return path


def test_verify_passes_an_intact_bundle_and_fails_a_tampered_one(bundle_path: Path) -> None:
    ok = runner.invoke(app, ["verify", str(bundle_path), "--json"])
    assert ok.exit_code == 0 and json.loads(ok.stdout)["ok"] is True
    data = bundle_path.read_bytes()
    bundle_path.write_bytes(data.replace(b'"yes":400', b'"yes":399', 1))
    bad = runner.invoke(app, ["verify", str(bundle_path), "--json"])
    assert bad.exit_code == 1
    kinds = {p["kind"] for p in json.loads(bad.stdout)["problems"]}
    assert "changed" in kinds


def test_abroad_precincts_count_in_astana_unless_configured_otherwise(tmp_path: Path) -> None:
    text = HEADER + "\nemb-1,Abroad,,100,80,70,10,0,0,80\n"
    assert tally_json(tmp_path, text)["units"]["Astana"]["took_part"] == 80
    path = tmp_path / "abroad.csv"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["tally", str(path), "--kind", "ordinary", "--json", "--abroad-unit", "almaty"])
    body = json.loads(result.stdout)
    assert body["units"]["Almaty"]["took_part"] == 80 and body["units"]["Astana"]["took_part"] == 0


def test_tally_json_gives_each_refusal_its_stable_code(tmp_path: Path) -> None:
    text = units_csv(14) + "98,Atlantis,D1,10,6,6,0,0,0,6\n"  # not one of the 20 regions and cities
    rules = tally_json(tmp_path, text, status=1)["rejected"][0]["rules"]
    assert [(r["rule"], r["code"]) for r in rules] == [("unknown_unit", "unknown_unit_line")]
    assert "unknown unit 'Atlantis'" in rules[0]["message"]  # the JSON speaks English, as the CLI does
