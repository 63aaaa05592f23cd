from __future__ import annotations

import json

import pytest
from django.test import Client
from django.utils.html import escape
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


def test_rules_show_words_the_referendum_rule_as_the_constitution_does() -> None:
    """Art. 92(3): more than half of the citizens who took part, in at least two thirds of the oblasts, cities of
    republican significance and the capital (not "of all members", not "of those present")."""
    result = CliRunner().invoke(app, ["show", "--as-of", "2026-07-01", "--json"])
    rows = {row["name"]: row for row in json.loads(result.stdout)["parameters"]}
    assert rows["referendum.amendment_regions_share"]["value"] == (
        "at least two thirds of the oblasts, cities of republican significance and the capital"
    )
    assert (
        rows["referendum.amendment_region_yes"]["value"] == "more than half of the citizens who took part in the vote"
    )
    assert rows["referendum.validity_turnout"]["value"] == "more than half of the citizens entitled to vote"
    assert rows["legislature.quorum"]["value"] == "at least two thirds of all members"


def test_rules_show_cites_the_peoples_council_law_not_the_constitution() -> None:
    result = CliRunner().invoke(app, ["show", "--as-of", "2026-07-01", "--json"])
    rows = {row["name"]: row for row in json.loads(result.stdout)["parameters"]}
    age = rows["peoples_council.min_age"]
    assert (age["article"], age["act"]) == ("13(1)", "cl_peoples_council")
    assert age["cite"] == "Constitutional Law on the People's Council of 2026-06-05, Art. 13(1)"
    assert rows["peoples_council.citizenship_required"]["cite"] == "Constitution 2026, Art. 70(2)"


def test_rules_show_names_the_constitutional_council_before_2023() -> None:
    result = CliRunner().invoke(app, ["show", "--as-of", "2022-12-31", "--json"])
    rows = {row["name"]: row for row in json.loads(result.stdout)["parameters"]}
    assert rows["constitution.review_body"]["value"] == "constitutional_council"
    assert "Constitutional Council" in rows["constitution.amendment_court_opinion_required"]["reference"]


@pytest.mark.django_db
@pytest.mark.usefixtures("english")
def test_rules_page_lists_the_worked_examples_with_their_sentences(client: Client) -> None:
    page = client.get("/rules/?as_of=2026-07-01").content.decode()
    assert "Worked examples" in page
    assert "Положения пункта 1 настоящей статьи неизменны." in page  # Art. 43(5), quoted for an English reader
    assert 'href="/texts/2026/rus/art/43/#art_43__para_5"' in page
    assert "Constitutional Law on the People&#x27;s Council of 2026-06-05, Art. 13(1)" in page


@pytest.mark.django_db
def test_rules_page_quotes_the_kazakh_text_for_a_kazakh_reader(client: Client) -> None:
    page = client.get("/rules/?as_of=2026-07-01", HTTP_ACCEPT_LANGUAGE="kk").content.decode()
    assert "Талданған мысалдар" in page
    assert "Осы баптың 1-тармағының ережелері өзгермейді." in page
    assert 'href="/texts/2026/kaz/art/43/#art_43__para_5"' in page


@pytest.mark.django_db
def test_rules_page_lists_the_procedures_worked_cases_too(client: Client, english: None) -> None:
    """The procedures' cases (data/procedure_cases) are worked examples like the others: every one that quotes a
    sentence is listed, with the sentence and a link to its article."""
    from atazan.rules.domain.cases import procedure_examples

    page = client.get("/rules/?as_of=2026-07-01").content.decode()
    quoted = [e for e in procedure_examples() if e.quote]
    assert len(quoted) >= 30
    for example in quoted:
        assert escape(example.name) in page, example.name
    assert "Treason charge initiated by 48 of 145 deputies is refused (a third is 49)" in page
    assert 'href="/texts/2026/rus/art/50/#art_50__para_3"' in page
    assert "result: refused; findings: [&#x27;removal_initiative&#x27;]" in page


@pytest.mark.django_db
def test_a_procedure_case_quotes_the_kazakh_sentence_for_a_kazakh_reader(client: Client) -> None:
    page = client.get("/rules/?as_of=2026-07-01", HTTP_ACCEPT_LANGUAGE="kk").content.decode()
    row = page.split("145 депутаттың 48-і бастама жасаған", 1)[0].rsplit("<tr>", 1)[1]  # the case's name in Kazakh
    assert 'href="/texts/2026/kaz/art/50/#art_50__para_3"' in row and 'lang="kk"' in row
    assert "Инициатива о предъявлении обвинения" not in row
