"""The XML writer of NIST SP 1500-100 v2 reports: the XSD's element order whatever the JSON's order, ObjectId and
xsi:type, IDREFS, and a property the standard does not have refused rather than dropped. The outside validators
used by the export tests catch a broken document (so their silence on an export means something)."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from atazan.standards.nist import JSON_SCHEMA, XSD, intl, obj, object_id
from atazan.standards.nist_xml import NS, XSI, report_xml

from .nist_check import civics_cdf_findings, dangling_references, json_schema_errors, xsd_errors
from .nist_rules import NOT_FOR_NIST_V2


def _report(**unit_fields: object) -> dict[str, object]:
    unit = obj("ReportingUnit", **{"@id": "ru-kz"}, **unit_fields)
    return obj(
        "ElectionReport",
        VendorApplicationId="t",
        Status="unofficial-partial",
        SequenceEnd=1,
        SequenceStart=1,
        IssuerAbbreviation="t",
        Issuer="t",
        GpUnit=[unit, obj("ReportingUnit", **{"@id": "ru-abai"}, Type="other", OtherType="oblast")],
        GeneratedDate="2026-03-17T10:00:00+00:00",
        Format="summary-contest",
    )


def test_elements_follow_the_xsd_order_whatever_the_json_order() -> None:
    report = _report(VotersRegistered=10, Type="country", Name=intl({"ru": "Казахстан", "en": "Kazakhstan"}),
                     ComposingGpUnitIds=["ru-abai"], IsDistricted=False)  # fmt: skip
    assert json_schema_errors(report) == []
    xml = report_xml(report)
    assert xsd_errors(xml) == []
    root = etree.fromstring(xml)
    unit = root.find(f"{{{NS}}}GpUnit")
    assert unit is not None and unit.get("ObjectId") == "ru-kz" and unit.get(f"{{{XSI}}}type") == "ReportingUnit"
    names = [etree.QName(child).localname for child in unit]
    assert names == ["ComposingGpUnitIds", "Name", "IsDistricted", "Type", "VotersRegistered"]
    assert unit.findtext(f"{{{NS}}}ComposingGpUnitIds") == "ru-abai"
    assert unit.findtext(f"{{{NS}}}IsDistricted") == "false"
    texts = unit.findall(f"{{{NS}}}Name/{{{NS}}}Text")
    assert [(t.get("Language"), t.text) for t in texts] == [("en", "Kazakhstan"), ("ru", "Казахстан")]


def test_a_property_the_standard_does_not_have_is_refused_not_dropped() -> None:
    with pytest.raises(ValueError, match="NumberElected"):
        report_xml(_report(Type="country", NumberElected=145))


def test_object_ids_are_xml_names() -> None:
    assert object_id("ru-p", "abai-0003") == "ru-p-abai-0003"
    assert object_id("2026", "a/b:c") == "_2026-a-b-c"


def test_the_validators_catch_a_broken_report(tmp_path: Path) -> None:
    broken = _report(Type="country", VotersRegistered=10)
    del broken["Issuer"]
    assert any("Issuer" in e for e in json_schema_errors(broken))
    xml = report_xml(broken)
    assert any("Issuer" in e for e in xsd_errors(xml))
    findings = civics_cdf_findings(xml, tmp_path, exclude=NOT_FOR_NIST_V2)
    assert any(line.startswith("Schema:") for line in findings["error"] + findings["fatal"]), findings
    dangling = _report(Type="country", ComposingGpUnitIds=["ru-nowhere"])
    assert dangling_references(dangling) == ["ComposingGpUnitIds ru-nowhere"]


@pytest.mark.parametrize("schema", [JSON_SCHEMA, XSD])
def test_the_schemas_are_nists_unchanged(schema: Path) -> None:
    """The copies the exports are validated against are the project's official ones (../shared/data/standards)."""
    official = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "standards" / schema.name
    if not official.exists():
        pytest.skip("the shared standards folder is not next to this checkout")
    assert schema.read_bytes() == official.read_bytes()
