"""An election's results as a NIST SP 1500-100 v2 ElectionReport (JSON form; `report_xml` writes it as XML), valid
against both official schemas.

One `PartyContest` whose `PartySelection`s (one per list, `PartyIds` its `Party`) carry the list's votes as
`VoteCounts` of `Type` `total` in the country and in each of the 20 units, and the seats the list takes under
Art. 97-1 of the Constitutional Law on Elections as `VoteCounts` of `Type` `seats` (NIST's count type for seats won
in a party contest; their sum is the number of seats). Those who took part are the country's `BallotCounts`
(`BallotsCast`). Geography: the country (with its registered OCD id) composed of the units that report results.

How final: `Status` `unofficial-partial` and `CountStatus` `in-process` while refused register or results rows wait
for review (they may hold votes the totals leave out), `unofficial-complete`/`completed` otherwise. A simulated
election is a test report (`IsTest`, `TestType` simulated).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from atazan.elections import models
from atazan.elections.domain import allocate
from atazan.elections.selectors import election_input, review_pending
from atazan.referendum.domain.units import DEFAULT_REGISTRY, UnitKind
from atazan.standards.nist import COUNTRY_OCD_ID, VENDOR, count_status, intl, obj, object_id, ocd_identifier

COUNTRY_ID = "el-kz"


def _region_unit(code: str, name: str) -> dict[str, Any]:
    unit = DEFAULT_REGISTRY.by_code.get(code)
    names: dict[str, str] = {"en": name}
    kind: dict[str, str] = {"Type": "other", "OtherType": "region"}
    if unit is not None:
        names = {"en": unit.name_en, "kk": unit.name_kk, "ru": unit.name_ru}
        city = unit.kind in {UnitKind.CITY, UnitKind.CAPITAL}
        kind = {"Type": "city"} if city else {"Type": "other", "OtherType": "oblast"}
    return obj("ReportingUnit", **{"@id": object_id("el", code)}, Name=intl(names), **kind)


def nist_report(*, election: models.Election) -> dict[str, Any]:
    """The election's results as a NIST SP 1500-100 v2 ``ElectionReport`` with one ``PartyContest``."""
    regions: dict[str, str] = {}
    for rr in models.RegionResult.objects.filter(party_list__election=election).order_by("region_code"):
        regions.setdefault(rr.region_code, rr.region_name)
    region_ids = {code: object_id("el", code) for code in regions}
    units = [
        obj(
            "ReportingUnit",
            **{"@id": COUNTRY_ID},
            ComposingGpUnitIds=list(region_ids.values()) or None,
            ExternalIdentifier=[ocd_identifier(COUNTRY_OCD_ID)],
            Name=intl({"en": "Kazakhstan", "kk": "Қазақстан", "ru": "Казахстан"}),
            Type="country",
            VotersParticipated=election.took_part,
            VotersRegistered=election.registered_voters,
        ),
        *(_region_unit(code, name) for code, name in regions.items()),
    ]
    seats = allocate(election_input(election=election)).seats
    complete = not review_pending(election=election)
    parties = []
    selections = []
    for plist in election.party_lists.prefetch_related("region_results"):
        party_id = object_id("el", election.slug, "party", str(plist.registration_order))
        parties.append(
            obj(
                "Party",
                **{"@id": party_id},
                Color=plist.color.lstrip("#").lower() or None,
                Name=intl(plist.party),
                PartyScopeGpUnitIds=[COUNTRY_ID],
            )
        )
        counts = [obj("VoteCounts", GpUnitId=COUNTRY_ID, Type="total", Count=plist.votes)]
        counts.extend(
            obj("VoteCounts", GpUnitId=region_ids[rr.region_code], Type="total", Count=rr.votes)
            for rr in plist.region_results.all()
        )
        counts.append(obj("VoteCounts", GpUnitId=COUNTRY_ID, Type="seats", Count=seats.get(plist.party, 0)))
        selections.append(
            obj(
                "PartySelection",
                **{"@id": object_id("el", election.slug, "list", str(plist.registration_order))},
                SequenceOrder=plist.registration_order,
                VoteCounts=counts,
                PartyIds=[party_id],
            )
        )
    contest = obj(
        "PartyContest",
        **{"@id": object_id("el", election.slug, "lists")},
        ContestSelection=selections,
        CountStatus=count_status(complete),
        ElectionDistrictId=COUNTRY_ID,
        Name=election.title,
    )
    report = obj(
        "ElectionReport",
        Election=[
            obj(
                "Election",
                BallotCounts=[obj("BallotCounts", GpUnitId=COUNTRY_ID, Type="total", BallotsCast=election.took_part)],
                Contest=[contest],
                CountStatus=count_status(complete),
                ElectionScopeId=COUNTRY_ID,
                Name=intl(election.title),
                StartDate=election.election_day.isoformat(),
                EndDate=election.election_day.isoformat(),
                Type="general",
            )
        ],
        Format="summary-contest",
        GeneratedDate=datetime.now(UTC).replace(microsecond=0).isoformat(),
        GpUnit=units,
        Issuer="atazan" + (" (simulated data)" if election.simulated else ""),
        IssuerAbbreviation="atazan",
        IsTest=election.simulated,
        Notes=election.source or None,
        Party=parties,
        SequenceStart=1,
        SequenceEnd=1,
        # NIST SP 1500-100 ResultsStatus: partial while refused rows wait for review (they may be missing votes).
        Status="unofficial-complete" if complete else "unofficial-partial",
        TestType="simulated" if election.simulated else None,
        VendorApplicationId=VENDOR,
    )
    return report
