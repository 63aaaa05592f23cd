"""Export of a tally in the NIST SP 1500-100 v2 Election Results Common Data Format (JSON).

The referendum question is a `BallotMeasureContest` of type `referendum` with two `BallotMeasureSelection`s (yes,
no). Geography: the country, the 20 units, optionally districts and precincts, as `ReportingUnit`s linked by
`ComposingGpUnitIds`, with `VotersRegistered` and `VotersParticipated`. Ballots valid but not counted (all options
marked, Referendum Law Art. 28(2)) are `Overvotes`; invalid ballots (Art. 28(1)) are `BallotsRejected`.
OCD ids: only `ocd-division/country:kz` is registered; below it we use `region:<unit code>`, `district:<slug>` and
`precinct:<number>` consistently.

How final the result is: an incomplete result (a registered precinct not yet counted, a protocol refused or in
review, implausible totals) is reported with `Status` `unofficial-partial` (the format's value for partial results)
and the country's `CountStatus` `in-process`; `Notes` says how many precincts of the register are counted and how
many protocols wait in review.
"""

from __future__ import annotations

import re
from typing import Any

from .tally import TallyResult, Totals

COUNTRY_OCD = "ocd-division/country:kz"


def _text(value: str, language: str = "en") -> dict[str, Any]:
    return {
        "@type": "InternationalizedText",
        "Text": [{"@type": "LanguageString", "Language": language, "Content": value}],
    }


def _slug(value: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-") or "x"


def nist_report(
    result: TallyResult,
    *,
    election_name: str,
    question_text_ru: str,
    date: str,
    generated: str,
    official: bool,
    precincts: bool = False,
) -> dict[str, Any]:
    """Build the ElectionReport. `precincts=True` adds every district and precinct as a reporting unit."""
    units: list[dict[str, Any]] = []
    counted: list[tuple[str, Totals]] = []

    def reporting_unit(gp_id: str, kind: str, name: str, ocd: str, t: Totals, composing: list[str]) -> None:
        unit: dict[str, Any] = {
            "@type": "ReportingUnit",
            "@id": gp_id,
            "Name": _text(name),
            "ExternalIdentifiers": {
                "@type": "ExternalIdentifiers",
                "ExternalIdentifier": [{"@type": "ExternalIdentifier", "Type": "ocd-id", "Value": ocd}],
            },
            "VotersRegistered": t.registered,
            "VotersParticipated": t.took_part,
        }
        if kind in {"country", "city", "precinct"}:
            unit["Type"] = kind
        else:
            unit["Type"] = "other"
            unit["OtherType"] = kind
        if composing:
            unit["ComposingGpUnitIds"] = composing
        units.append(unit)
        counted.append((gp_id, t))

    unit_ids = [f"gpu-{code}" for code in result.units]
    reporting_unit("gpu-kz", "country", "Kazakhstan", COUNTRY_OCD, result.totals, unit_ids)
    units[0]["CountStatus"] = [
        {"@type": "CountStatus", "Type": "total", "Status": "completed" if result.complete else "in-process"}
    ]
    for code, t in result.units.items():
        unit = result.registry.by_code[code]
        kind = "city" if unit.kind.value in {"city", "capital"} else "oblast"
        composing: list[str] = []
        if precincts:
            composing = [f"gpu-{code}-{_slug(d)}" for (u, d) in result.districts if u == code]
        reporting_unit(f"gpu-{code}", kind, unit.name_en, f"{COUNTRY_OCD}/region:{code}", t, composing)
    if precincts:
        members: dict[tuple[str, str], list[str]] = {}
        for p in result.accepted:
            members.setdefault((p.unit, p.district), []).append(p.precinct)
        for (code, district), t in result.districts.items():
            gp = f"gpu-{code}-{_slug(district)}"
            reporting_unit(
                gp,
                "district",
                district or "(no district)",
                f"{COUNTRY_OCD}/region:{code}/district:{_slug(district)}",
                t,
                [f"gpu-p-{_slug(n)}" for n in members.get((code, district), [])],
            )
        for p in result.accepted:
            t = Totals()
            t.add(p)
            reporting_unit(
                f"gpu-p-{_slug(p.precinct)}",
                "precinct",
                p.precinct,
                f"{COUNTRY_OCD}/region:{p.unit}/precinct:{_slug(p.precinct)}",
                t,
                [],
            )

    def counts(field: str) -> list[dict[str, Any]]:
        return [
            {"@type": "VoteCounts", "GpUnitId": gp, "CountItemType": "total", "Count": getattr(t, field)}
            for gp, t in counted
        ]

    notes = [m.render() for m in result.completeness_msgs()]
    if not official:
        notes.insert(0, "Precinct figures are a synthetic model; only national totals are official.")
    status = "unofficial-partial"  # an incomplete result is never reported as complete, official or not
    if result.complete:
        status = "official-complete" if official else "unofficial-complete"
    contest = {
        "@type": "BallotMeasureContest",
        "@id": "contest-1",
        "Name": _text(election_name),
        "Type": "referendum",
        "ElectionDistrictId": "gpu-kz",
        "FullText": _text(question_text_ru, "ru"),
        "ContestSelection": [
            {
                "@type": "BallotMeasureSelection",
                "@id": "selection-yes",
                "Selection": _text("Yes"),
                "VoteCounts": counts("yes"),
            },
            {
                "@type": "BallotMeasureSelection",
                "@id": "selection-no",
                "Selection": _text("No"),
                "VoteCounts": counts("no"),
            },
        ],
        "OtherCounts": [{"@type": "OtherCounts", "GpUnitId": gp, "Overvotes": t.not_counted} for gp, t in counted],
    }
    return {
        "@type": "ElectionReport",
        "Format": "precinct-level" if precincts else "summary-contest",
        "GeneratedDate": generated,
        "Issuer": "atazan",
        "IssuerAbbreviation": "atazan",
        "SequenceStart": 1,
        "SequenceEnd": 1,
        "Status": status,
        "VendorApplicationId": "atazan",
        "Notes": " ".join(f"{n}." if not n.endswith(".") else n for n in notes),
        "Election": [
            {
                "@type": "Election",
                "@id": "election-1",
                "Name": _text(election_name),
                "StartDate": date,
                "EndDate": date,
                "Type": "special",
                "ElectionScopeId": "gpu-kz",
                "Contest": [contest],
                "BallotCounts": [
                    {
                        "@type": "BallotCounts",
                        "GpUnitId": gp,
                        "Type": "total",
                        "BallotsCast": t.took_part,
                        "BallotsRejected": t.invalid,
                    }
                    for gp, t in counted
                ],
            }
        ],
        "GpUnit": units,
    }
