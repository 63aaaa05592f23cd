"""The "Data and formats" page lists every export with its format, standard, schema and a live sample; the schema
links serve the official files the exports are validated against; the samples answer, and the NIST ones validate."""

from __future__ import annotations

import json
import re

import pytest
from tests.referendum import factories
from tests.standards.nist_check import json_schema_errors, xsd_errors

from atazan.standards.nist import JSON_SCHEMA, XSD

pytestmark = pytest.mark.django_db


def test_page_lists_every_export_with_schema_and_working_samples(client, english) -> None:  # type: ignore[no-untyped-def]
    q = factories.question()
    factories.load(q, [factories.protocol("astana-0001")])
    page = client.get("/data/")
    assert page.status_code == 200
    body = page.content.decode()
    for standard in ("NIST SP 1500-100 v2", "Akoma Ntoso 3.0", "OpenAPI 3", "JSON Lines"):
        assert standard in body
    assert client.get("/about/").content.decode().count('href="/data/"') == 1
    schema_json = client.get(f"/data/schemas/{JSON_SCHEMA.name}")
    assert b"".join(schema_json.streaming_content) == JSON_SCHEMA.read_bytes()
    assert b"".join(client.get(f"/data/schemas/{XSD.name}").streaming_content) == XSD.read_bytes()
    assert client.get("/data/schemas/..%2Fsettings.py").status_code == 404
    samples = re.findall(r'<a href="([^"]+)" data-sample>', body)
    nist = [s.replace("&amp;", "&") for s in samples if f"/questions/{q.slug}/nist" in s]
    assert len(nist) == 3
    for url in nist:
        response = client.get(url)
        assert response.status_code == 200, url
        if url.endswith("/nist"):
            assert json_schema_errors(json.loads(response.content)) == []
        else:
            assert xsd_errors(response.content) == []


def test_page_is_translated(client) -> None:  # type: ignore[no-untyped-def]
    for lang, title in (("ru", "Данные и форматы"), ("kk", "Деректер мен форматтар")):
        body = client.get("/data/", HTTP_ACCEPT_LANGUAGE=lang).content.decode()
        assert title in body and "Referendum result" not in body
