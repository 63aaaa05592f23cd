"""The 15 March 2026 national totals through the whole path: model protocols → database → tally → signed bundle →
independent verification → API and NIST export. The one test in the suite that uses all 10,459 protocols."""

import json

import pytest
from rich.console import Console

from atazan.referendum import demo, selectors
from atazan.referendum.domain.integrity import bundle_verify
from atazan.referendum.domain.nist import nist_report
from atazan.referendum.domain.synthetic import OFFICIAL_TOTALS

pytestmark = pytest.mark.django_db


def test_demo_reproduces_official_totals_through_database_bundle_and_api(client) -> None:
    demo.build(console=Console(quiet=True))
    demo.build(console=Console(quiet=True))  # idempotent
    question = selectors.question_get(demo.QUESTION_SLUG)
    result = selectors.result_for(question)
    assert result.totals.as_dict() == OFFICIAL_TOTALS
    assert result.totals.precincts == 10_459
    assert result.outcome.valid and result.outcome.adopted
    assert result.outcome.units_required == 14
    assert selectors.signature_counts(question) == {"valid": 10_459}

    report = bundle_verify(
        selectors.bundle_for(question, authority_key=demo.authority_key()),
        authority_key=bytes(demo.authority_key().verify_key),
    )
    assert report.ok and report.synthetic
    assert report.result is not None and report.result.totals.as_dict() == OFFICIAL_TOTALS

    body = client.get(f"/api/referendum/questions/{demo.QUESTION_SLUG}/result").json()
    assert body["totals"] == OFFICIAL_TOTALS and body["adopted"] is True and body["units_required"] == 14

    nist = nist_report(
        result, election_name="t", question_text_ru="q", date="2026-03-15", generated="x", official=False
    )
    country = next(u for u in nist["GpUnit"] if u["@id"] == "ru-kz")
    assert country["VotersRegistered"] == 12_482_613 and country["VotersParticipated"] == 9_127_192
    contest = nist["Election"][0]["Contest"][0]
    assert contest["@type"] == "ElectionResults.BallotMeasureContest" and contest["Type"] == "referendum"
    yes = next(c for c in contest["ContestSelection"][0]["VoteCounts"] if c["GpUnitId"] == "ru-kz")
    assert yes["Count"] == 7_954_667
    assert json.dumps(nist)  # serialisable as JSON
