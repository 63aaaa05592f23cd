"""The catalogue of the "Data and formats" page: every export atazan publishes, its format, the standard it follows,
the schema it validates against and a live sample. The schema files of NIST SP 1500-100 v2 are served from the
copies the tests validate against (`atazan.standards`)."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from atazan.standards.nist import JSON_SCHEMA, XSD

SCHEMA_FILES = {JSON_SCHEMA.name: (JSON_SCHEMA, "application/schema+json"), XSD.name: (XSD, "application/xml")}
AKN_SCHEMA = "https://docs.oasis-open.org/legaldocml/akn-core/v1.0/os/part2-specs/schemas/"


@dataclass(frozen=True)
class Export:
    data: Promise | str
    format: str
    standard: str
    schema: str  # a URL, or "" where the format is atazan's own
    samples: tuple[tuple[str, str], ...]  # (label, URL)
    command: str


def _schema(name: str) -> str:
    return str(reverse("web:schema", args=[name]))


def exports() -> list[Export]:
    """Every export, with samples from what the database holds (the demo's question and elections)."""
    from atazan.elections.models import Election
    from atazan.referendum.models import Question

    questions = list(Question.objects.order_by("voting_date").values_list("slug", flat=True))
    elections = list(Election.objects.order_by("election_day").values_list("slug", flat=True))
    nist_json, nist_xsd = _schema(JSON_SCHEMA.name), _schema(XSD.name)
    out = [
        Export(_("Referendum result, national and by unit"), "JSON", "NIST SP 1500-100 v2", nist_json,
               tuple((q, f"/api/referendum/questions/{q}/nist") for q in questions),
               "atazan referendum export-nist OUT --format json"),
        Export(_("Referendum result, national and by unit"), "XML", "NIST SP 1500-100 v2", nist_xsd,
               tuple((q, f"/api/referendum/questions/{q}/nist.xml") for q in questions),
               "atazan referendum export-nist OUT --format xml"),
        Export(_("Referendum result with every district and precinct"), "JSON / XML", "NIST SP 1500-100 v2",
               nist_xsd, tuple((q, f"/api/referendum/questions/{q}/nist.xml?precincts=true") for q in questions),
               "atazan referendum export-nist OUT --precincts --format xml"),
        Export(_("Signed precinct protocols (verifiable bundle)"), "JSON Lines", "atazan", "",
               tuple((q, f"/api/referendum/questions/{q}/bundle") for q in questions),
               "atazan referendum bundle OUT && atazan referendum verify OUT"),
        Export(_("Election results and seats"), "JSON", "NIST SP 1500-100 v2", nist_json,
               tuple((e, f"/elections/{e}/nist.json") for e in elections), "atazan elections export-nist SLUG"),
        Export(_("Election results and seats"), "XML", "NIST SP 1500-100 v2", nist_xsd,
               tuple((e, f"/elections/{e}/nist.xml") for e in elections),
               "atazan elections export-nist SLUG OUT --format xml"),
        Export(_("Constitution texts (1995, 2026; Kazakh, Russian)"), "XML", "Akoma Ntoso 3.0", AKN_SCHEMA,
               (("2026 kaz", "/texts/2026/kaz/akn.xml"), ("2026 rus", "/texts/2026/rus/akn.xml")),
               "atazan texts akn --year 2026 --lang kaz"),
        Export(_("The Constitution by topic"), "CSV / JSON", "atazan", "",
               (("csv", "/topics/export.csv"), ("json", "/topics/export.json")), "atazan topics export --format json"),
        Export(_("The API"), "JSON", "OpenAPI 3", "/api/openapi.json", (("docs", "/api/docs"),), ""),
    ]  # fmt: skip
    return out
