"""NIST SP 1500-100 version 2 (Election Results Common Data Format): the building blocks every export shares.

The JSON form follows the official JSON Schema (`data/nist-1500-100-v2/`): every object names its class as
`"@type": "ElectionResults.<Class>"`, objects that others refer to carry an `@id` (the XML `ObjectId`, an
`xsd:ID`), references are `...Id`/`...Ids` properties. `nist_xml.report_xml` writes the same report as XML.

Identifiers. An `@id` must be an XML NCName (a letter first; letters, digits, '-', '_', '.'), so an OCD division
id (it holds '/' and ':') cannot be one; it goes into the unit's `ExternalIdentifier` of type `ocd-id`, and only
where the Open Civic Data registry lists it: for Kazakhstan that is the country alone
(`ocd-division/country:kz`, identifiers/country-kz/top_level.csv of opencivicdata/ocd-division-ids).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

PREFIX = "ElectionResults."
SCHEMA_DIR = Path(__file__).resolve().parent / "data" / "nist-1500-100-v2"
JSON_SCHEMA = SCHEMA_DIR / "NIST_V2_election_results_reporting.json"
XSD = SCHEMA_DIR / "NIST_V2_election_results_reporting.xsd"
COUNTRY_OCD_ID = "ocd-division/country:kz"  # the only Kazakh division the OCD registry lists
VENDOR = "atazan 0.1.0"

_NCNAME_REST = re.compile(r"[^A-Za-z0-9_.-]+")


def obj(cls: str, **fields: Any) -> dict[str, Any]:
    """An object of NIST class `cls` with the fields given (None values left out)."""
    out: dict[str, Any] = {"@type": PREFIX + cls}
    out.update({k: v for k, v in fields.items() if v is not None})
    return out


def intl(texts: Mapping[str, str] | str) -> dict[str, Any]:
    """InternationalizedText: one LanguageString per language (`{"en": …, "kk": …, "ru": …}`; a plain string is
    English). Empty strings are left out; English first (consumers fall back to it)."""
    if isinstance(texts, str):
        texts = {"en": texts}
    order = sorted(texts, key=lambda lang: (lang != "en", lang))
    return obj(
        "InternationalizedText",
        Text=[obj("LanguageString", Content=texts[lang], Language=lang) for lang in order if texts[lang]],
    )


def object_id(*parts: str) -> str:
    """An `@id` (XML NCName) from parts: characters outside letters, digits, '-', '_' and '.' become '-'."""
    joined = "-".join(_NCNAME_REST.sub("-", p).strip("-") or "x" for p in parts)
    return joined if joined[:1].isalpha() or joined[:1] == "_" else "_" + joined


def ocd_identifier(value: str) -> dict[str, Any]:
    return obj("ExternalIdentifier", Type="ocd-id", Value=value)


def other_identifier(kind: str, value: str) -> dict[str, Any]:
    """An identifier of a type NIST does not list (`Type` other, `OtherType` naming it)."""
    return obj("ExternalIdentifier", Type="other", OtherType=kind, Value=value)


def count_status(complete: bool) -> list[dict[str, Any]]:
    """CountStatus of the whole count (`Type` total): completed, or still in process."""
    return [obj("CountStatus", Status="completed" if complete else "in-process", Type="total")]
