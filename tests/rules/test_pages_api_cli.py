from __future__ import annotations

import json

import pytest
from django.test import Client
from typer.testing import CliRunner

from atazan.rules.cli import app


@pytest.mark.django_db
@pytest.mark.usefixtures("english")
def test_rules_page_lists_every_dated_parameter_with_its_article(client: Client) -> None:
    page = client.get("/rules/?as_of=2026-07-01").content.decode()
    assert "kurultai.seats" in page and "Constitution 2026, Art. 53(1)" in page
    assert "parliament.majilis.seats" in page and "Constitution 1995, Art. 50(3)" in page


@pytest.mark.django_db
def test_rules_api(client: Client) -> None:
    seats = client.get("/api/rules/parameters/kurultai.seats?as_of=2026-07-01").json()
    assert seats["in_force"]["value"] == "145" and seats["in_force"]["article"] == "53(1)"
    before = client.get("/api/rules/parameters/kurultai.seats?as_of=2026-06-30").json()
    assert before["in_force"] is None
    assert client.get("/api/rules/parameters/nope").status_code == 404


def test_rules_show_as_of() -> None:
    result = CliRunner().invoke(app, ["show", "--as-of", "2026-06-30", "--json"])
    assert result.exit_code == 0
    rows = {row["name"]: row for row in json.loads(result.stdout)["parameters"]}
    assert rows["parliament.majilis.seats"]["value"] == "98" and "kurultai.seats" not in rows
    assert CliRunner().invoke(app, ["show", "--as-of", "30/06/2026"]).exit_code != 0
