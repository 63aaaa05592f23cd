import json
import subprocess
import sys

import pytest

CSV = (
    "id,text,language\n"
    'P1,"Здравствуйте! Предлагаю изменить статью 53: Курултай из 100 депутатов. С уважением, Ким",ru\n'
    "P2,Land must not be sold to foreigners; see Art. 11.,en\n"
    'P3,"Предлагаю изменить статью 53: Курултай из 100 депутатов",ru\n'
    "P4,Жерді шетелдіктерге сатуға болмайды 11-бап,kk\n"
)


def _run(tmp_path, content, *args):
    path = tmp_path / "proposals.csv"
    path.write_text(content, encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "atazan.cli", "consultation", "analyze", str(path), *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.django_db
def test_analyze_json_contract(tmp_path):
    result = _run(tmp_path, CSV, "--json", "--engine", "ngram")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["duplicate_groups"] == [["P1", "P3"]]
    assert data["articles"] == {"P1": ["53"], "P2": ["11"], "P3": ["53"], "P4": ["11"]}
    assert sorted(p for t in data["themes"] for p in t["proposals"]) == ["P1", "P2", "P3", "P4"]


@pytest.mark.django_db
def test_bad_row_exits_2_naming_row_and_rule(tmp_path):
    result = _run(tmp_path, "id,text\nP1,ok\nP1,again\n", "--json")
    assert result.returncode == 2
    assert "row 3" in result.stderr and "unique" in result.stderr
