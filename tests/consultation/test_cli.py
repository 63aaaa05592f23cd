import json

import pytest
from typer.testing import CliRunner

from atazan.consultation.cli import app

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
    return CliRunner().invoke(app, ["analyze", str(path), *args])


@pytest.mark.django_db
def test_analyze_json_contract(tmp_path):
    result = _run(tmp_path, CSV, "--json", "--engine", "ngram")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["duplicate_groups"] == [["P1", "P3"]]
    assert data["articles"] == {"P1": ["53"], "P2": ["11"], "P3": ["53"], "P4": ["11"]}
    assert sorted(p for t in data["themes"] for p in t["proposals"]) == ["P1", "P2", "P3", "P4"]


@pytest.mark.django_db
def test_bad_row_exits_2_naming_row_and_rule(tmp_path):
    result = _run(tmp_path, "id,text\nP1,ok\nP1,again\n", "--json")
    assert result.exit_code == 2
    assert "row 3" in result.stderr and "unique" in result.stderr


@pytest.mark.django_db
def test_import_xlsx_twice_is_idempotent_and_reports_bad_rows(tmp_path):
    from openpyxl import Workbook

    from atazan.consultation.models import ImportRejection, Proposal
    from tests.consultation.helpers import valid_iin

    book = Workbook()
    sheet = book.active
    sheet.append(["registration_number", "kind", "surname", "name", "patronymic", "iin", "region", "language", "text",
                  "submitted_at"])  # fmt: skip
    sheet.append(["ЗТ-2025-000010", "proposal", "Омарова", "Асель", "", valid_iin(5), "Shymkent", "kk",
                  "Жер халыққа тиесілі (11-бап).", "2025-11-02T09:30:00"])  # fmt: skip
    sheet.append(["ЗТ-2025-000011", "proposal", "Ким", "Ольга", "", valid_iin(6), "Mars", "ru", "Текст", None])
    path = tmp_path / "export.xlsx"
    book.save(path)
    runner = CliRunner()
    first = runner.invoke(app, ["import", str(path)])
    second = runner.invoke(app, ["import", str(path)])
    # a refused row makes the exit status 1 (0 all taken, 1 some refused, 2 unreadable); the rest is imported
    assert first.exit_code == 1 and "created 1" in first.stdout and "rejected 1" in first.stdout
    assert "row 3" in first.stdout and "region" in first.stdout
    assert second.exit_code == 1 and "created 0, already present 1" in second.stdout
    assert Proposal.objects.get(registration_number="ЗТ-2025-000010").articles.get().article == "11"
    assert ImportRejection.objects.count() == 1


@pytest.mark.django_db
def test_analyze_reads_a_russian_file_in_windows_1251_and_refuses_a_kazakh_one_naming_the_encodings(tmp_path):
    path = tmp_path / "proposals.csv"
    path.write_bytes("id,text\nP1,Предлагаю изменить статью 53\n".encode("cp1251"))
    result = CliRunner().invoke(app, ["analyze", str(path), "--json", "--engine", "ngram"])
    assert result.exit_code == 0 and json.loads(result.stdout)["articles"] == {"P1": ["53"]}, result.output
    path.write_bytes("id,text\nP1,Жер халыққа тиесілі\n".encode("kz1048"))
    refused = CliRunner().invoke(app, ["analyze", str(path), "--json"])
    assert refused.exit_code == 2 and "KZ-1048" in refused.stderr and "windows-1251" in refused.stderr
