"""Outside validators of NIST SP 1500-100 v2 exports: the official JSON Schema (jsonschema), the official XSD (lxml)
and Google's civics-cdf-validator. Each returns the findings as readable lines; an empty list means valid."""

from __future__ import annotations

import csv
import io
import json
from argparse import Namespace
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
from lxml import etree

from atazan.standards.nist import COUNTRY_OCD_ID, JSON_SCHEMA, XSD

# The Open Civic Data register for Kazakhstan (opencivicdata/ocd-division-ids, identifiers/country-kz/top_level.csv):
# the country alone. Given to civics-cdf-validator as its OCD file, so it runs offline and checks against the
# register as published, not against ids we made up.
OCD_KZ = [{"id": COUNTRY_OCD_ID, "name": "Kazakhstan"}]


@cache
def _json_validator() -> jsonschema.Draft4Validator:
    schema = json.loads(JSON_SCHEMA.read_text(encoding="utf-8"))
    return jsonschema.Draft4Validator(schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)


@cache
def _xsd() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(XSD)))


def json_schema_errors(report: dict[str, Any]) -> list[str]:
    """Every error the JSON Schema validator reports at the top level (a `oneOf` that fails is one error)."""
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message[:200]}" for e in _json_validator().iter_errors(report)]


def xsd_errors(xml: bytes) -> list[str]:
    schema = _xsd()
    doc = etree.fromstring(xml, parser=etree.XMLParser(huge_tree=True))
    if schema.validate(doc):
        return []
    return [f"line {e.line}: {e.message}" for e in schema.error_log]


def civics_cdf_findings(xml: bytes, tmp_path: Path, *, exclude: tuple[str, ...] = ()) -> dict[str, list[str]]:
    """civics-cdf-validator's findings by severity ("error", "warning", "info"), rule set `election_results`,
    offline: the OCD file is the published Kazakh register (`OCD_KZ`)."""
    from civics_cdf_validator import loggers, rules, validator

    ocd = tmp_path / "ocd-kz.csv"
    with ocd.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=["id", "name"])
        writer.writeheader()
        writer.writerows(OCD_KZ)
    options = Namespace(
        c="kz",
        ocdid_file=str(ocd),
        include=None,
        rule_set=rules.RuleSet.ELECTION_RESULTS,
        exclude=list(exclude),
        required_languages=None,
        profile_report=None,
        xsd=XSD.open("r", encoding="utf-8"),
        election_files=[io.BytesIO(xml)],
    )
    options.election_files[0].name = "report.xml"
    try:
        results = validator.feed_validation(options)
    finally:
        options.xsd.close()
    found = results[0][validator._REGISTRY_KEY].exceptions_wrapper.get_all_exceptions()
    out: dict[str, list[str]] = {}
    for severity, kind in (
        ("fatal", loggers.ElectionFatal),
        ("error", loggers.ElectionError),
        ("warning", loggers.ElectionWarning),
        ("info", loggers.ElectionInfo),
    ):
        out[severity] = [f"{rule}: {entry.message}" for rule, entries in found[kind].items() for entry in entries]
    return out


def dangling_references(report: dict[str, Any]) -> list[str]:
    """References (`…Id`, `…Ids`) to no object's `@id`. Neither schema checks this (lxml's XSD validation does not
    resolve IDREFs, the JSON Schema only types them), so the tests do."""
    ref_keys = _reference_properties()
    ids: set[str] = set()
    refs: list[tuple[str, str]] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if "@id" in node:
                ids.add(node["@id"])
            for key, value in node.items():
                if key in ref_keys and isinstance(value, str):
                    refs.append((key, value))
                elif key in ref_keys and isinstance(value, list):
                    refs.extend((key, v) for v in value)
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(report)
    return [f"{key} {value}" for key, value in refs if value not in ids]


@cache
def _reference_properties() -> frozenset[str]:
    """Properties the JSON Schema marks as references (`refTypes`, on the property or its items)."""
    schema = json.loads(JSON_SCHEMA.read_text(encoding="utf-8"))
    out = set()
    for definition in schema["definitions"].values():
        for name, prop in definition.get("properties", {}).items():
            if "refTypes" in prop or "refTypes" in prop.get("items", {}):
                out.add(name)
    return frozenset(out)
