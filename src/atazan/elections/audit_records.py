"""Seat allocations as the audit log sees them: each stored allocation (Constitutional Law on Elections,
Art. 97-1), keyed `elections.seats:<election slug>/<allocation id>`, with its method, exact quota and seats.
`atazan audit verify` names an allocation changed or deleted in its table after it was computed."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from atazan.audit.domain.log import content_digest

SEATS_KIND = "elections.seats"


def seats_record(
    *, election: str, allocation: int, method: str, quota: str, seats: Mapping[str, int]
) -> tuple[str, str]:
    """(key, digest) of one seat allocation."""
    body = {"method": method, "quota": quota, "seats": dict(seats)}
    return f"{SEATS_KIND}:{election}/{allocation}", content_digest(body)


def seats_resolve(locators: Sequence[str]) -> dict[str, str | None]:
    from atazan.elections.models import SeatAllocation

    found: dict[str, str | None] = dict.fromkeys(locators)
    ids = [int(pk) for pk in (loc.rpartition("/")[2] for loc in locators) if pk.isdigit()]
    for slug, pk, method, quota, seats in SeatAllocation.objects.filter(pk__in=ids).values_list(
        "election__slug", "pk", "method", "quota", "seats"
    ):
        locator = f"{slug}/{pk}"
        if locator in found:
            found[locator] = seats_record(election=slug, allocation=pk, method=method, quota=quota, seats=seats)[1]
    return found


RESOLVERS = {SEATS_KIND: seats_resolve}
