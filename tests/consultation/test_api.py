"""POST /api/consultation/analyze: the CLI contract over HTTP, bounded; bad input gets 400/422 naming the rule."""

import json

import pytest

from atazan.consultation import api

pytestmark = pytest.mark.django_db

URL = "/api/consultation/analyze"


def _post(client, body):
    return client.post(URL, data=json.dumps(body), content_type="application/json")


def test_duplicate_ids_and_empty_texts_are_refused_naming_the_record(client):
    response = _post(client, {"proposals": [{"id": "P1", "text": "Курултай из 145 депутатов"},
                                            {"id": "P1", "text": "Другое"}]})  # fmt: skip
    assert response.status_code == 400
    assert response.json()["record"] == "proposals[1] (id 'P1')" and "unique" in response.json()["rule"]
    blank = _post(client, {"proposals": [{"id": "P1", "text": "   "}]})
    assert blank.status_code == 400 and "no essence" in blank.json()["rule"]


def test_size_bounds(client):
    too_many = [{"id": f"P{i}", "text": "x"} for i in range(api.ANALYZE_MAX_PROPOSALS + 1)]
    assert _post(client, {"proposals": too_many}).status_code == 422
    assert _post(client, {"proposals": [{"id": "P", "text": "a" * (api.ANALYZE_MAX_TEXT + 1)}]}).status_code == 422
    assert _post(client, {"proposals": [{"id": "x" * 65, "text": "a"}]}).status_code == 422
    assert _post(client, {"proposals": []}).status_code == 422
    big = [{"id": f"P{i}", "text": "слово " * 1600} for i in range(api.ANALYZE_MAX_TOTAL // 9600 + 1)]
    response = _post(client, {"proposals": big})
    assert response.status_code == 400 and "1,000,000 characters" in response.json()["rule"]


def test_odd_but_valid_texts_are_analysed(client):
    response = _post(client, {"proposals": [{"id": "a", "text": "!!!"}, {"id": "b", "text": "\u0000"},
                                            {"id": "c", "text": "🇰🇿"}, {"id": "d", "text": "!!!"}]})  # fmt: skip
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"duplicate_groups", "themes", "articles"}
    assert sorted(m for t in body["themes"] for m in t["proposals"]) == ["a", "b", "c", "d"]


def test_lone_surrogate_is_refused(client):
    raw = '{"proposals": [{"id": "a", "text": "\\ud800 статья 53"}]}'
    response = client.post(URL, data=raw, content_type="application/json")
    assert response.status_code == 422  # pydantic refuses it before the view sees it
