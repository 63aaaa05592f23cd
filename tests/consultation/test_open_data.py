"""Open data people can open (issue 17): CSV with a BOM, a ';' variant, XLSX, a Frictionless datapackage.json, and
sign-offs redacted while the working group keeps the original."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from atazan.consultation.models import Proposal
from atazan.consultation.selectors import OPEN_DATA_FIELDS
from tests.consultation.helpers import secretary, submit

pytestmark = pytest.mark.django_db

SIGNED = "Прошу закрепить в статье 53 право граждан на доступ к информации. Рахмет! Омарова Н."
FORMULA = '=HYPERLINK("http://evil", "click") прошу изменить статью 10'


def _body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_csv_has_a_bom_and_a_semicolon_variant_and_the_signature_is_redacted(client):
    signed = submit(SIGNED, serial=1)
    submit(FORMULA, serial=2)
    raw = _body(client.get(reverse("consultation:export_csv")))
    assert raw.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert list(rows[0]) == list(OPEN_DATA_FIELDS)
    by_number = {r["registration_number"]: r for r in rows}
    assert by_number[signed.registration_number]["text"].endswith("Рахмет! […]")
    assert by_number[signed.registration_number]["text_redacted"] == "True"
    assert "Омарова" not in raw.decode("utf-8-sig")
    assert any(r["text"].startswith("'=HYPERLINK") for r in rows)
    semi = _body(client.get(reverse("consultation:export_csv_semicolon")))
    assert semi.startswith("\ufeff".encode())
    rows_semi = list(csv.DictReader(io.StringIO(semi.decode("utf-8-sig")), delimiter=";"))
    assert [r["text"] for r in rows_semi] == [r["text"] for r in rows]
    assert semi.decode("utf-8-sig").splitlines()[0].count(";") == len(OPEN_DATA_FIELDS) - 1
    # the working group keeps the original
    assert Proposal.objects.get(pk=signed.pk).text == SIGNED
    client.force_login(secretary())
    assert "Омарова Н." in client.get(signed.get_absolute_url()).content.decode()


def test_json_and_xlsx_carry_the_same_redacted_rows(client):
    signed = submit(SIGNED, serial=1)
    submit(FORMULA, serial=2)
    rows = json.loads(_body(client.get(reverse("consultation:export_json"))))
    assert {r["registration_number"]: r["text"] for r in rows}[signed.registration_number].endswith("[…]")
    response = client.get(reverse("consultation:export_xlsx"))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content), read_only=True).active
    table = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert table[0] == list(OPEN_DATA_FIELDS)
    text = OPEN_DATA_FIELDS.index("text")
    texts = [r[text] for r in table[1:]]
    assert any(t.endswith("Рахмет! […]") for t in texts) and not any("Омарова" in t for t in texts)
    assert any(t.startswith("'=HYPERLINK") for t in texts)  # text, never a formula
    assert all(isinstance(r[OPEN_DATA_FIELDS.index("support_count")], int) for r in table[1:])


def test_datapackage_describes_every_export_with_its_schema(client):
    package = client.get(reverse("consultation:datapackage")).json()
    assert package["profile"] == "tabular-data-package" and package["licenses"]
    paths = {r["name"]: r for r in package["resources"]}
    assert set(paths) == {"proposals-csv", "proposals-csv-semicolon", "proposals-xlsx", "proposals-json"}
    assert paths["proposals-csv-semicolon"]["dialect"]["delimiter"] == ";"
    assert paths["proposals-csv"]["encoding"] == "utf-8-sig"
    fields = [f["name"] for f in paths["proposals-csv"]["schema"]["fields"]]
    assert fields == list(OPEN_DATA_FIELDS)
    for resource in package["resources"]:
        path = resource["path"].split("testserver", 1)[1]
        assert client.get(path).status_code == 200, path
