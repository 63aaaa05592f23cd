"""Reads of the elections context: results, seats, deputies, events, "what if" allocations, NIST export."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from fractions import Fraction
from typing import Any

from django.db.models import QuerySet

from atazan.elections import models
from atazan.elections.domain import Allocation, Method, allocate, allocation_steps
from atazan.elections.domain.allocation import AllocationInput, PartyList
from atazan.elections.domain.explain import decimal_text
from atazan.elections.hemicycle import Seat, hemicycle
from atazan.elections.translation import RenderedStep, steps_render


def election_list() -> QuerySet[models.Election]:
    return models.Election.objects.all()


def election_get(*, slug: str) -> models.Election:
    return models.Election.objects.get(slug=slug)


def allocation_latest(*, election: models.Election) -> models.SeatAllocation | None:
    return election.allocations.filter(method=Method.HARE.value).first()


@dataclass(frozen=True)
class SeatRow:
    party: str
    color: str
    registration_order: int
    votes: int
    share: str
    admitted: bool
    admission: str
    quotient: str
    whole: int
    extra: int
    seats: int
    seat_share: str


@dataclass(frozen=True)
class AllocationView:
    """Everything a results or "what if" page shows about one allocation."""

    allocation: Allocation
    rows: list[SeatRow]
    steps: tuple[RenderedStep, ...]  # in the active language
    seats: list[Seat]
    width: float
    height: float
    quota: str


def allocation_view(result: Allocation, colors: Mapping[str, str]) -> AllocationView:
    rows = [
        SeatRow(
            party=o.party,
            color=colors.get(o.party, "#888888"),
            registration_order=o.registration_order,
            votes=o.votes,
            share=decimal_text(Fraction(o.votes * 100, result.took_part)),
            admitted=o.admitted,
            admission=o.admission.value,
            quotient=decimal_text(o.quotient, 4) if o.quotient is not None else "",
            whole=o.whole,
            extra=o.extra,
            seats=o.seats,
            seat_share=decimal_text(Fraction(o.seats * 100, result.seats_total)),
        )
        for o in result.outcomes
    ]
    parties = [(r.party, r.seats, r.color) for r in rows if r.seats]
    seats, width, height = hemicycle(parties, total=result.seats_total)
    quota = decimal_text(result.quota, 4) if result.quota is not None else ""
    return AllocationView(result, rows, steps_render(allocation_steps(result)), seats, width, height, quota)


def election_input(*, election: models.Election) -> AllocationInput:
    lists = tuple(
        PartyList(party=pl.party, votes=pl.votes, registration_order=pl.registration_order)
        for pl in election.party_lists.all()
    )
    return AllocationInput(seats=election.seats, took_part=election.took_part, lists=lists,
                           threshold=election.threshold)  # fmt: skip


def election_colors(*, election: models.Election) -> dict[str, str]:
    return {pl.party: pl.color for pl in election.party_lists.all()}


def election_allocation_view(*, election: models.Election, method: Method = Method.HARE) -> AllocationView:
    return allocation_view(allocate(election_input(election=election), method), election_colors(election=election))


def deputies_by_party(*, election: models.Election) -> list[tuple[models.PartyList, list[models.Mandate]]]:
    out = []
    for plist in election.party_lists.all():
        current = list(plist.mandates.filter(ended__isnull=True).select_related("candidate"))
        if current:
            out.append((plist, current))
    return out


def mandate_events(*, election: models.Election) -> QuerySet[models.MandateEvent]:
    return election.mandate_events.select_related("party_list", "mandate__candidate")


def rejected_rows(*, election: models.Election) -> QuerySet[models.RejectedRow]:
    return election.rejected_rows.all()


# ---------------------------------------------------------------------------------------------------------------------
# NIST SP 1500-100 v2 (Election Results Common Data Format), JSON


def _text(value: str, language: str = "en") -> dict[str, Any]:
    return {"@type": "ElectionResults.InternationalizedText",
            "Text": [{"@type": "ElectionResults.LanguageString", "Content": value, "Language": language}]}  # fmt: skip


def nist_report(*, election: models.Election) -> dict[str, Any]:
    """The election's results as a NIST SP 1500-100 v2 ``ElectionReport`` with one ``PartyContest``."""
    country = "ocd-division/country:kz"
    units: list[dict[str, Any]] = []
    regions: dict[str, str] = {}
    for rr in models.RegionResult.objects.filter(party_list__election=election).order_by("region_code"):
        regions.setdefault(rr.region_code, rr.region_name)
    region_ids = {code: f"{country}/region:{code.lower()}" for code in regions}
    units.append({
        "@type": "ElectionResults.ReportingUnit", "@id": country, "Name": _text("Kazakhstan"), "Type": "country",
        "ComposingGpUnitIds": list(region_ids.values()),
    })  # fmt: skip
    units.extend(
        {"@type": "ElectionResults.ReportingUnit", "@id": region_ids[code], "Name": _text(name), "Type": "state"}
        for code, name in regions.items()
    )
    result = allocate(election_input(election=election))
    parties = []
    selections = []
    for plist in election.party_lists.all():
        pid = f"party-{plist.registration_order}"
        parties.append({"@type": "ElectionResults.Party", "@id": pid, "Name": _text(plist.party),
                        "Color": plist.color.lstrip("#")})  # fmt: skip
        counts = [{"@type": "ElectionResults.VoteCounts", "GpUnitId": country, "CountItemType": "total",
                   "Count": plist.votes}]  # fmt: skip
        counts.extend(
            {
                "@type": "ElectionResults.VoteCounts",
                "GpUnitId": region_ids[rr.region_code],
                "CountItemType": "total",
                "Count": rr.votes,
            }  # fmt: skip
            for rr in plist.region_results.all()
        )
        selections.append({
            "@type": "ElectionResults.PartySelection", "@id": f"selection-{plist.registration_order}",
            "PartyIds": [pid], "SequenceOrder": plist.registration_order, "VoteCounts": counts,
        })  # fmt: skip
    contest = {
        "@type": "ElectionResults.PartyContest",
        "@id": f"contest-{election.slug}",
        "Name": election.title,
        "ElectionDistrictId": country,
        "NumberElected": election.seats,
        "VotesAllowed": 1,
        "ContestSelection": selections,
        "SummaryCounts": [
            {
                "@type": "ElectionResults.SummaryCounts",
                "GpUnitId": country,
                "CountItemType": "total",
                "BallotsCast": election.took_part,
            }
        ],  # fmt: skip
        "ExternalIdentifier": [
            {
                "@type": "ElectionResults.ExternalIdentifier",
                "Type": "other",
                "OtherType": "seats-allocated-art-97-1",
                "Value": ";".join(f"{p}={n}" for p, n in result.seats.items()),
            }
        ],  # fmt: skip
    }
    report: dict[str, Any] = {
        "@type": "ElectionResults.ElectionReport",
        "Format": "summary-contest",
        "GeneratedDate": datetime.now(UTC).replace(microsecond=0).isoformat(),
        "Issuer": "atazan" + (" (simulated data)" if election.simulated else ""),
        "IssuerAbbreviation": "atazan",
        "VendorApplicationId": "atazan",
        "SequenceStart": 1,
        "SequenceEnd": 1,
        "Status": "unofficial-complete",
        "IsTest": election.simulated,
        "Notes": election.source,
        "Election": [
            {
                "@type": "ElectionResults.Election",
                "@id": f"election-{election.slug}",
                "Name": _text(election.title),
                "StartDate": election.election_day.isoformat(),
                "EndDate": election.election_day.isoformat(),
                "Type": "general",
                "ElectionScopeId": country,
                "Contest": [contest],
                "BallotCounts": [
                    {
                        "@type": "ElectionResults.BallotCounts",
                        "GpUnitId": country,
                        "CountItemType": "total",
                        "BallotsCast": election.took_part,
                    }
                ],
            }
        ],  # fmt: skip
        "Party": parties,
        "GpUnit": units,
    }
    if election.simulated:
        report["TestType"] = "simulated"
    return report
