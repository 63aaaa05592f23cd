"""`atazan rules procedure`: the figures of a procedure page, reproduced from the command line."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from atazan.rules.cli import app


def test_procedure_json_has_the_steps_and_figures_of_the_page() -> None:
    result = CliRunner().invoke(app, ["procedure", "no_confidence", "--as-of", "2026-12-01", "--json"])
    assert result.exit_code == 0
    out = json.loads(result.stdout)
    assert out["steps"][0]["article"] == "56(13)" and "At least 29 deputies" in out["steps"][0]["text"]
    assert "kurultai.no_confidence_majority" in out["parameters"]


def test_procedure_list_text_and_refusals() -> None:
    runner = CliRunner()
    assert "transition" in runner.invoke(app, ["procedure"]).stdout.split()
    text = runner.invoke(app, ["procedure", "removal", "--as-of", "2026-12-01"]).stdout
    assert "Final decision by 109 votes" in text and "[Art. 50(3)]" in text
    assert runner.invoke(app, ["procedure", "nope"]).exit_code == 2
    assert runner.invoke(app, ["procedure", "amendment_1995", "--as-of", "2000-01-01"]).exit_code == 2


def test_procedure_list_as_json() -> None:
    result = CliRunner().invoke(app, ["procedure", "--json"])
    assert result.exit_code == 0
    keys = json.loads(result.stdout)["procedures"]
    assert {"initiative", "veto", "removal", "dissolution", "transition"} <= set(keys)
