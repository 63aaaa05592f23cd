"""The API's one error shape (issue 16): every error body is an ``ApiError`` with a stable code, a message in the
reader's language and the field at fault; every operation documents it for each error status it can answer; typed
parameters are refused when malformed; no route shadows another; limits are declared and enforced."""

from __future__ import annotations

import json

import pytest

from atazan.api import api
from atazan.api_errors import ApiError

SHAPE = set(ApiError.model_fields)


def _openapi() -> dict:
    return api.get_openapi_schema()


def test_every_operation_documents_the_one_error_shape_for_each_error_status() -> None:
    schema = _openapi()
    error_ref = "#/components/schemas/ApiError"
    for path, operations in schema["paths"].items():
        for method, op in operations.items():
            statuses = {str(status) for status in op["responses"]}
            for status, response in op["responses"].items():
                if int(status) >= 400:
                    body = response["content"]["application/json"]["schema"]
                    assert body == {"$ref": error_ref}, (method, path, status)
            has_input = bool(op.get("parameters")) or "requestBody" in op
            if has_input:
                assert {"400", "422"} <= statuses, (method, path)
            if "{" in path:
                assert "404" in statuses, (method, path)
    assert set(schema["components"]["schemas"]["ApiError"]["required"]) == SHAPE


@pytest.mark.django_db
def test_a_validation_error_names_the_field_in_the_reader_s_language(client) -> None:  # type: ignore[no-untyped-def]
    english = client.get("/api/consultation/proposals", {"page": "x"}, HTTP_ACCEPT_LANGUAGE="en")
    russian = client.get("/api/consultation/proposals", {"page": "x"}, HTTP_ACCEPT_LANGUAGE="ru")
    assert english.status_code == russian.status_code == 422
    body = english.json()
    assert set(body) == SHAPE and body["code"] == "invalid" and body["field"] == "query.page"
    assert body["errors"][0]["code"] == "invalid.int_parsing"
    assert "whole number" in body["detail"] and "целое число" in russian.json()["detail"]


@pytest.mark.django_db
def test_not_found_and_not_signed_in_have_the_same_shape(client) -> None:  # type: ignore[no-untyped-def]
    missing = client.get("/api/topics/nothing-here", HTTP_ACCEPT_LANGUAGE="ru")
    assert missing.status_code == 404 and set(missing.json()) == SHAPE and missing.json()["code"] == "not_found"
    assert missing.json()["detail"] == "Не найдено."
    anonymous = client.post("/api/commission/drafts/1/comments", "{}", content_type="application/json")
    assert anonymous.status_code == 401 and anonymous.json()["code"] == "not_authenticated"
    nul = client.get("/api/topics/tags", {"topic": "a\x00b"})
    assert nul.status_code == 400 and nul.json()["code"] == "nul_refused" and set(nul.json()) == SHAPE


@pytest.mark.django_db
def test_a_date_parameter_takes_only_an_iso_date(client) -> None:  # type: ignore[no-untyped-def]
    # pydantic's lax dates read `2.6e-303` as a Unix time; the API refuses it naming the parameter.
    for value in ("2.6e-303", "0", "1700000000", "2026-13-01"):
        response = client.get("/api/rules/parameters", {"as_of": value})
        assert response.status_code == 422 and response.json()["field"] == "query.as_of", value
    assert client.get("/api/rules/parameters", {"as_of": "2026-07-01"}).status_code == 200


def test_no_route_shadows_another_topic_keys_exclude_the_fixed_routes() -> None:
    key = _openapi()["paths"]["/api/topics/{key}"]["get"]["parameters"][0]["schema"]
    assert key["not"] == {"enum": ["tags", "safeguards"]} and key["maxLength"] == 60


@pytest.mark.django_db
def test_a_reserved_topic_key_is_refused_not_answered_by_the_detail_route(client) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/api/topics/safeguards/compare")
    assert response.status_code == 422 and response.json()["field"] == "path.key"


def test_limits_are_declared() -> None:
    paths = _openapi()["paths"]
    sims = {p["name"]: p for p in paths["/api/referendum/questions/{slug}/forensics"]["get"]["parameters"]}
    assert sims["simulations"]["schema"]["maximum"] == 500 and sims["simulations"]["schema"]["minimum"] == 1
    allocation = paths["/api/elections/allocate"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert (
        set(allocation["required"]) == {"seats", "took_part", "lists"} and allocation["properties"]["seats"]["maximum"]
    )
    bill = paths["/api/legislature/check"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert bill["required"] == ["initiator"] and bill["additionalProperties"] is False


@pytest.mark.django_db
def test_simulations_over_the_limit_are_refused_not_capped(client) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/api/referendum/questions/any/forensics", {"simulations": 501})
    assert response.status_code == 422 and response.json()["field"] == "query.simulations"


@pytest.mark.django_db
def test_a_bill_breaking_its_schema_is_refused_naming_the_field(client) -> None:  # type: ignore[no-untyped-def]
    body = {"initiator": "deputy", "fiscal_effect": 0, "provisions": [{"label": "x"}]}
    response = client.post("/api/legislature/check", json.dumps(body), content_type="application/json")
    assert response.status_code == 422
    fields = {e["field"] for e in response.json()["errors"]}
    assert {"bill.fiscal_effect", "bill.provisions[0]"} <= fields


@pytest.mark.django_db
def test_a_bill_dated_before_every_encoded_rule_is_a_422_not_a_server_error(client) -> None:  # type: ignore[no-untyped-def]
    body = {"initiator": "deputy", "date": "0383-08-03"}
    response = client.post("/api/legislature/check", json.dumps(body), content_type="application/json")
    assert response.status_code == 422 and response.json()["field"] == "bill.date"
