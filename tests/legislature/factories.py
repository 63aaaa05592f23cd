"""A Kurultai election with mandates, built directly as rows (fast), for the legislature's tests."""

from __future__ import annotations

import datetime as dt

from atazan.elections.models import Candidate, Election, Mandate, PartyList

ELECTION_DAY = dt.date(2026, 8, 30)
STARTED = dt.date(2026, 9, 13)


def kurultai(
    *,
    parties: tuple[tuple[str, int], ...] = (("Alpha (test)", 80), ("Beta (test)", 65)),
    vacant: int = 0,
    slug: str = "kurultai-test",
    title: str = "Test Kurultai election (synthetic)",
    deputy: str = "Deputy",
) -> Election:
    """An election whose parties hold ``seats`` mandates each; the last ``vacant`` mandates end on 2026-10-15 with no
    successor (the seats stay vacant)."""
    election = Election.objects.create(
        slug=slug,
        title=title,
        kind=Election.Kind.KURULTAI,
        election_day=ELECTION_DAY,
        seats=145,
        simulated=True,
    )
    mandates: list[Mandate] = []
    for order, (party, seats) in enumerate(parties, start=1):
        plist = PartyList.objects.create(election=election, party=party, registration_order=order)
        prefix = party[0].upper()
        candidates = Candidate.objects.bulk_create(
            Candidate(
                party_list=plist,
                key=f"{prefix}-{i:03d}",
                position=i,
                full_name=f"{party[:5]} {deputy} {i:03d}",
                birth_date=dt.date(1980, 1, 1),
                gender=Candidate.Gender.FEMALE if i % 3 == 0 else Candidate.Gender.MALE,
            )
            for i in range(1, seats + 1)
        )
        mandates += Mandate.objects.bulk_create(
            Mandate(election=election, party_list=plist, candidate=c, started=STARTED) for c in candidates
        )
    for mandate in mandates[len(mandates) - vacant :] if vacant else []:
        mandate.ended = dt.date(2026, 10, 15)
        mandate.end_ground = "resignation"
        mandate.save(update_fields=["ended", "end_ground"])
    return election
