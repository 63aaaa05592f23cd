"""`atazan texts import` and `atazan texts akn`."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from atazan.texts.cli import app
from atazan.texts.models import Expression

pytestmark = pytest.mark.django_db


def test_import_twice_then_export_akn(tmp_path: Path) -> None:
    runner = CliRunner()
    first = runner.invoke(app, ["import", "--year", "2026", "--lang", "kaz"])
    assert first.exit_code == 0, first.output
    assert "imported, " in first.output
    second = runner.invoke(app, ["import", "--year", "2026", "--lang", "kaz"])
    assert "already stored" in second.output
    assert Expression.objects.count() == 1
    out = tmp_path / "c.xml"
    result = runner.invoke(app, ["akn", "--year", "2026", "--lang", "kaz", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert b"/akn/kz/act/2026-03-15/constitution/kaz@2026-07-01" in out.read_bytes()
    missing = runner.invoke(app, ["akn", "--year", "1995", "--lang", "rus"])
    assert missing.exit_code == 1


def test_akn_on_a_date_is_the_expression_in_force_that_day(tmp_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(app, ["import", "--year", "1995", "--lang", "rus"]).exit_code == 0
    out = tmp_path / "c.xml"
    later = runner.invoke(app, ["akn", "--year", "1995", "--lang", "rus", "--date", "2024-05-01", "-o", str(out)])
    assert later.exit_code == 0, later.output
    xml = out.read_text(encoding="utf-8")
    assert "/akn/kz/act/1995-08-30/constitution/rus@2023-03-19" in xml
    assert "<p>Мажилис состоит из девяноста восьми депутатов" in xml
    before = runner.invoke(app, ["akn", "--year", "1995", "--lang", "rus", "--date", "2023-03-18"])
    assert before.exit_code == 0
    assert "rus@2023-01-01" in before.output and "<p>Мажилис состоит из ста семи депутатов" in before.output
    without = runner.invoke(app, ["akn", "--year", "1995", "--lang", "rus"])
    assert without.output == before.output  # the stored expression, as before --date existed
    refused = runner.invoke(app, ["akn", "--year", "1995", "--lang", "rus", "--date", "2022-12-31"])
    assert refused.exit_code == 1 and "no expression on or before 2022-12-31" in refused.output
    malformed = runner.invoke(app, ["akn", "--year", "1995", "--lang", "rus", "--date", "31.12.2022"])
    assert malformed.exit_code == 2
