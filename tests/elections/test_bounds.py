"""Input beyond the country's bounds is refused at every door (CLI, API, calculator page) with the rule named.

Bounds (elections/domain/bounds.py): at most 145 seats (Constitution 2026, Art. 53(1)); at most 25,000,000 voters or
votes (twice the 12,482,613 citizens entitled to vote in March 2026, FACTS.md); JSON at most 16 levels deep.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.utils import translation
from typer.testing import CliRunner

from atazan.elections.cli import app
from atazan.elections.domain import allocation_input_from_mapping
from atazan.elections.domain.bounds import MAX_JSON_DEPTH, json_nesting_check, nesting_depth_check
from atazan.elections.domain.errors import (
    JsonTooDeepError,
    PlaceAboveBoundError,
    SeatsAboveKurultaiError,
    UnregisteredPartyError,
    VotersAboveElectorateError,
)
from atazan.elections.domain.message import msg
from atazan.elections.translation import error_render
from tests.elections.factories import ElectionFactory, PartyListFactory

GOOD = {"seats": 10, "took_part": 1000, "lists": [{"party": "A", "votes": 600}, {"party": "B", "votes": 350}]}


def _cli(tmp_path: Path, text: str) -> object:
    src = tmp_path / "in.json"
    src.write_text(text)
    return CliRunner().invoke(app, ["allocate", str(src), "--json"])


def test_deeply_nested_json_exits_2_naming_the_rule_not_a_recursion_error(tmp_path: Path) -> None:
    deep = '{"seats": 10, "took_part": 1000, "lists": ' + "[" * 100_000 + "]" * 100_000 + "}"
    out = _cli(tmp_path, deep)
    assert out.exit_code == 2, out.output  # type: ignore[attr-defined]
    assert out.exception is None or isinstance(out.exception, SystemExit)  # type: ignore[attr-defined]
    assert "nests more than 16 levels" in out.output and "JSON input may nest at most 16 levels" in out.output  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("body", "says"),
    [
        ({**GOOD, "seats": 10**9}, "at most 145 seats"),
        ({**GOOD, "seats": 146}, "Art. 53(1)"),
        ({**GOOD, "took_part": 10**40, "lists": [{"party": "A", "votes": 10**40}]}, "at most 25000000 voters"),
        ({**GOOD, "lists": [{"party": "A", "votes": 10**40}]}, "25000000"),
    ],
)
def test_absurd_figures_exit_2_naming_the_rule(tmp_path: Path, body: dict[str, object], says: str) -> None:
    out = _cli(tmp_path, json.dumps(body))
    assert out.exit_code == 2, out.output  # type: ignore[attr-defined]
    assert says in out.output  # type: ignore[attr-defined]


def test_the_country_s_own_figures_are_accepted(tmp_path: Path) -> None:
    body = {"seats": 145, "took_part": 12_482_613, "lists": [{"party": "A", "votes": 7_954_667},
                                                              {"party": "B", "votes": 898_099}]}  # fmt: skip
    out = _cli(tmp_path, json.dumps(body))
    assert out.exit_code == 0, out.output  # type: ignore[attr-defined]
    assert sum(json.loads(out.stdout)["seats"].values()) == 145  # type: ignore[attr-defined]


def test_nesting_is_measured_outside_strings_and_on_parsed_values() -> None:
    json_nesting_check('{"party": "' + "[" * 1000 + '"}', record="f")  # brackets inside a string do not nest
    json_nesting_check('{"a": "\\"[[[[", "b": [[1]]}', record="f")
    with pytest.raises(JsonTooDeepError):
        json_nesting_check("[" * (MAX_JSON_DEPTH + 1), record="f")
    nested: object = 1
    for _ in range(MAX_JSON_DEPTH):
        nested = [nested]
    nesting_depth_check(nested, record="body")
    with pytest.raises(JsonTooDeepError) as caught:
        nesting_depth_check({"lists": nested}, record="body")
    assert caught.value.record == "body"
    with pytest.raises(JsonTooDeepError):
        allocation_input_from_mapping({**GOOD, "extra": nested})


@pytest.mark.django_db
def test_the_api_refuses_the_same_with_400_and_the_rule(client) -> None:  # type: ignore[no-untyped-def]
    for body, rule in (
        ({**GOOD, "seats": 10**9}, "Art. 53(1)"),
        ({**GOOD, "took_part": 10**40}, "25000000"),
        ({**GOOD, "x": json.loads("[" * 40 + "]" * 40)}, "16 levels"),
    ):
        r = client.post("/api/elections/allocate", data=json.dumps(body), content_type="application/json")
        assert r.status_code == 400 and rule in r.json()["rule"], r.content


@pytest.mark.django_db
def test_the_calculator_page_refuses_the_same_in_the_reader_s_language(client) -> None:  # type: ignore[no-untyped-def]
    election = ElectionFactory(seats=10, took_part=1000)
    PartyListFactory(election=election, votes=600, registration_order=1)
    r = client.get(f"/elections/{election.slug}/whatif/?seats=1000000000", HTTP_HX_REQUEST="true",
                   HTTP_ACCEPT_LANGUAGE="en")  # fmt: skip
    assert "at most 145 seats" in r.content.decode()
    r = client.get(f"/elections/{election.slug}/whatif/?votes_1={10**40}", HTTP_HX_REQUEST="true",
                   HTTP_ACCEPT_LANGUAGE="ru")  # fmt: skip
    body = r.content.decode()
    assert "25000000" in body and "at most 25000000" not in body  # said in Russian


@pytest.mark.parametrize("language", ["kk", "ru"])
@pytest.mark.parametrize(
    "error",
    [
        SeatsAboveKurultaiError(msg("{seats} seats; at most {limit} can be allocated", seats=9, limit=5), record="s"),
        VotersAboveElectorateError(msg("{figure} is more than {limit}", figure=9, limit=5), record="s"),
        JsonTooDeepError(msg("the JSON nests more than {limit} levels deep", limit=16), record="s"),
        UnregisteredPartyError(msg("{party} is not a list registered for this election", party="X"), record="s"),
        PlaceAboveBoundError(msg("{figure} is more than {limit}", figure=9, limit=5), record="s"),
    ],
)
def test_every_bound_and_register_refusal_is_translated(language: str, error: object) -> None:
    with translation.override("en"):
        english = error_render(error)  # type: ignore[arg-type]
    with translation.override(language):
        shown = error_render(error)  # type: ignore[arg-type]
    assert shown.message != english.message and shown.rule != english.rule
    assert shown.code == english.code and shown.record == "s"
