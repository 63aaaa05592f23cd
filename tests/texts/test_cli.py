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
