"""Export of a tally in the NIST SP 1500-100 v2 Election Results Common Data Format (JSON form; the XML form is
`atazan.standards.nist_xml.report_xml` of the same report). Valid against both official schemas.

The question is a `BallotMeasureContest` of type `referendum` with two `BallotMeasureSelection`s, yes and no, whose
`VoteCounts` are of `Type` `total`: a precinct protocol gives one figure per answer, not split by how the ballot was
cast (NIST's `CountItemType` is that split: absentee, early, election-day…). Geography: the country, the 20 units
and, at precinct level, districts and precincts, as `ReportingUnit`s linked by `ComposingGpUnitIds`, each with
`VotersRegistered` and `VotersParticipated`.

The protocol's other figures (Referendum Law, Art. 30(1)):
- invalid ballots (Art. 28(1): wrong form, no commission signature, no answer marked, will unreadable) are
  `BallotCounts.BallotsRejected`; ballots in the box (those who took part) are `BallotsCast`;
- ballots valid but not counted because every answer is marked (Art. 28(2); Art. 29: the voter marks the answer
  they vote for) are `OtherCounts.Overvotes`: NIST's overvote is a contest where the voter made more selections
  than allowed, which is what a ballot with both "yes" and "no" marked is. It is not an undervote (a ballot with
  no answer marked is invalid under Art. 28(1)(3), so undervotes are not reported apart, and none are claimed).

How final the result is, where the standard keeps it:
- `SubUnitsReported`/`TotalSubUnits` ("subunits, e.g. precincts, that have completed reporting" / "total number")
  on the contest and on the country's reporting unit: precincts counted and precincts on the register; on each
  unit too when the register's precincts per unit are given;
- `CountStatus` (`Type` total) `completed` or `in-process` on the contest and the country;
- `ElectionReport.Status` `unofficial-complete` or `unofficial-partial`. Never `certified`: that is the Central
  Commission's act approving the results (Art. 31(4)), which this tally of protocols does not record.
- `Notes`: the same in words (precincts counted, protocols in review, implausible totals).

Identifiers: `@id`s are XML names (`ru-kz`, `ru-<unit>`, `ru-p-<precinct>`); the country carries its registered OCD
id (`atazan.standards.nist`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from atazan.standards.nist import COUNTRY_OCD_ID, VENDOR, count_status, intl, obj, object_id, ocd_identifier

from .tally import TallyResult, Totals
from .units import UnitKind

COUNTRY_ID = "ru-kz"
YES = {"en": "Yes", "kk": "Иә", "ru": "Да"}
NO = {"en": "No", "kk": "Жоқ", "ru": "Нет"}
KAZAKHSTAN = {"en": "Kazakhstan", "kk": "Қазақстан", "ru": "Казахстан"}


def _unit_type(kind: UnitKind) -> dict[str, str]:
    # NIST has no first-level region type outside the United States ("state" is a U.S. state): an oblast is
    # `other`; a city of republican significance and the capital are cities.
    return {"Type": "city"} if kind in {UnitKind.CITY, UnitKind.CAPITAL} else {"Type": "other", "OtherType": "oblast"}


def nist_report(
    result: TallyResult,
    *,
    election_name: str,
    question_text_ru: str,
    date: str,
    generated: str,
    official: bool,
    precincts: bool = False,
    question_id: str = "question",
    question_text: Mapping[str, str] | None = None,
    register_by_unit: Mapping[str, int] | None = None,
) -> dict[str, Any]:
    """Build the ElectionReport. `precincts=True` adds every district and counted precinct as a reporting unit.

    `question_text` is the question by language (default: the Russian text alone); `register_by_unit` the number of
    precincts the register lists per unit code (gives each unit's `TotalSubUnits`). `official` says the precinct
    figures are the commissions' own, not a model (said in `Notes`)."""
    units: list[dict[str, Any]] = []
    counted: list[tuple[str, Totals]] = []

    def reporting_unit(gp_id: str, name: Mapping[str, str] | str, t: Totals, **fields: Any) -> dict[str, Any]:
        unit = obj(
            "ReportingUnit",
            **{"@id": gp_id},
            Name=intl(name),
            VotersRegistered=t.registered,
            VotersParticipated=t.took_part,
            **fields,
        )
        units.append(unit)
        counted.append((gp_id, t))
        return unit

    registry = result.registry
    unit_ids = {code: object_id("ru", code) for code in result.units}
    district_ids: dict[tuple[str, str], str] = {}
    members: dict[tuple[str, str], list[str]] = {}
    if precincts:
        for code, district in result.districts:
            district_ids[(code, district)] = object_id("ru", code, "d", district or "none")
        for p in result.accepted:
            members.setdefault((p.unit, p.district), []).append(object_id("ru-p", p.precinct))

    country = reporting_unit(
        COUNTRY_ID,
        KAZAKHSTAN,
        result.totals,
        ComposingGpUnitIds=list(unit_ids.values()),
        ExternalIdentifier=[ocd_identifier(COUNTRY_OCD_ID)],
        CountStatus=count_status(result.complete),
        SubUnitsReported=result.precincts_reported,
        TotalSubUnits=result.register_size,
        Type="country",
    )
    for code, t in result.units.items():
        unit = registry.by_code[code]
        composing = [district_ids[key] for key in district_ids if key[0] == code]
        reporting_unit(
            unit_ids[code],
            {"en": unit.name_en, "kk": unit.name_kk, "ru": unit.name_ru},
            t,
            ComposingGpUnitIds=composing or None,
            SubUnitsReported=t.precincts,
            TotalSubUnits=None if register_by_unit is None else register_by_unit.get(code, 0),
            **_unit_type(unit.kind),
        )
    if precincts:
        for key, t in result.districts.items():
            reporting_unit(
                district_ids[key],
                key[1] or "(no district)",
                t,
                ComposingGpUnitIds=members.get(key),
                SubUnitsReported=t.precincts,
                Type="other",
                OtherType="district",
            )
        for p in result.accepted:
            t = Totals()
            t.add(p)
            reporting_unit(object_id("ru-p", p.precinct), p.precinct, t, Number=p.precinct, Type="precinct")

    def votes(field: str) -> list[dict[str, Any]]:
        return [obj("VoteCounts", GpUnitId=gp, Type="total", Count=getattr(t, field)) for gp, t in counted]

    notes = [m.render() for m in result.completeness_msgs()]
    if not official:
        notes.insert(0, "Precinct figures are a synthetic model; only national totals are official.")
    texts = dict(question_text) if question_text else {"ru": question_text_ru}
    contest = obj(
        "BallotMeasureContest",
        **{"@id": object_id("ru-q", question_id)},
        BallotTitle=intl(texts),
        ContestSelection=[
            obj(
                "BallotMeasureSelection",
                **{"@id": object_id("ru-q", question_id, "yes")},
                SequenceOrder=1,
                VoteCounts=votes("yes"),
                Selection=intl(YES),
            ),
            obj(
                "BallotMeasureSelection",
                **{"@id": object_id("ru-q", question_id, "no")},
                SequenceOrder=2,
                VoteCounts=votes("no"),
                Selection=intl(NO),
            ),
        ],  # fmt: skip
        CountStatus=count_status(result.complete),
        ElectionDistrictId=COUNTRY_ID,
        Name=election_name,
        OtherCounts=[obj("OtherCounts", GpUnitId=gp, Overvotes=t.not_counted) for gp, t in counted],
        SubUnitsReported=result.precincts_reported,
        TotalSubUnits=result.register_size,
        Type="referendum",
    )
    election = obj(
        "Election",
        BallotCounts=[
            obj("BallotCounts", GpUnitId=gp, Type="total", BallotsCast=t.took_part, BallotsRejected=t.invalid)
            for gp, t in counted
        ],
        Contest=[contest],
        CountStatus=count_status(result.complete),
        ElectionScopeId=COUNTRY_ID,
        Name=intl(election_name),
        StartDate=date,
        EndDate=date,
        Type="other",
        OtherType="nationwide-referendum",
    )
    assert country is units[0]
    return obj(
        "ElectionReport",
        Election=[election],
        Format="precinct-level" if precincts else "summary-contest",
        GeneratedDate=generated,
        GpUnit=units,
        Issuer="atazan",
        IssuerAbbreviation="atazan",
        Notes=" ".join(n if n.endswith(".") else f"{n}." for n in notes),
        SequenceStart=1,
        SequenceEnd=1,
        Status="unofficial-complete" if result.complete else "unofficial-partial",
        VendorApplicationId=VENDOR,
    )
