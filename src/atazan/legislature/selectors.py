"""Reads of the legislature context."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q, QuerySet

from atazan.elections.models import Election, Mandate
from atazan.legislature.domain.process import BillState, Stage, allowed_actions, temporary_acts_open
from atazan.legislature.models import (
    Ballot,
    Bill,
    PeoplesCouncilMember,
    PeoplesCouncilSession,
    VicePresidentNomination,
    Vote,
)
from atazan.rules.domain.bill import bill_from_dict
from atazan.rules.domain.checks import Violation, bill_violations
from atazan.rules.domain.parameters import default_parameters
from atazan.rules.domain.procedures.kurultai import dissolution_after_refusals
from atazan.rules.domain.procedures.model import Outcome
from atazan.rules.translation import violation_render


@dataclass(frozen=True)
class Seat:
    """A deputy holding a Kurultai mandate on a given day (the elections context's Mandate)."""

    mandate: int
    key: str
    name: str
    party: str


def kurultai_election_on(*, on: dt.date) -> Election | None:
    """The Kurultai election whose deputies sit on ``on``: the latest one held on or before that day."""
    return (
        Election.objects.filter(kind=Election.Kind.KURULTAI, election_day__lte=on)
        .order_by("-election_day", "-pk")
        .first()
    )


def deputies_on(*, on: dt.date) -> tuple[Election | None, list[Seat]]:
    """Deputies in office on ``on`` (mandate started, not yet ended), in party-list then candidate order.

    A mandate that ends on a day is not held that day; the successor's, starting that day, is.
    """
    election = kurultai_election_on(on=on)
    if election is None:
        return None, []
    mandates = (
        Mandate.objects.filter(election=election, started__lte=on)
        .filter(Q(ended__isnull=True) | Q(ended__gt=on))
        .select_related("candidate", "party_list")
        .order_by("party_list__registration_order", "candidate__position")
    )
    return election, [Seat(m.pk, m.candidate.key, m.candidate.full_name, m.party_list.party) for m in mandates]


def deputy_get(*, mandate_id: int) -> Mandate:
    return Mandate.objects.select_related("candidate", "party_list", "election").get(pk=mandate_id)


def deputy_ballots(*, mandate: Mandate) -> QuerySet[Ballot]:
    return Ballot.objects.filter(mandate=mandate).select_related("vote", "vote__bill").order_by("vote__held_on")


def deputies_overview(*, on: dt.date) -> dict[str, object]:
    election, seats = deputies_on(on=on)
    total = default_parameters().integer("kurultai.seats", on) if on >= dt.date(2026, 7, 1) else 0
    parties: dict[str, list[Seat]] = defaultdict(list)
    for seat in seats:
        parties[seat.party].append(seat)
    return {
        "election": election,
        "on": on,
        "seated": len(seats),
        "total": total,
        "vacant": max(total - len(seats), 0),
        "parties": list(parties.items()),
    }


@dataclass(frozen=True)
class PartyCount:
    party: str
    yes: int
    no: int
    abstain: int
    absent: int


def bills_list(*, stage: str | None = None) -> QuerySet[Bill]:
    bills = Bill.objects.all()
    if stage:
        bills = bills.filter(stage=stage)
    return bills


def bill_get(*, number: str) -> Bill:
    return Bill.objects.get(number=number)


def bill_checks(*, bill: Bill) -> list[Violation]:
    """The constitutional checks on the bill as of its date of introduction, run again from its stored draft."""
    return bill_violations(bill_from_dict(bill.draft))


def bill_checks_rendered(*, bill: Bill, language: str) -> list[dict[str, Any]]:
    """The bill's checks for a reader: each message in ``language`` with the official sentence it rests on and the
    path of its article (``atazan.rules.translation.violation_render``)."""
    return [violation_render(v, language=language) for v in bill_checks(bill=bill)]


def bill_next_actions(*, bill: Bill) -> list[str]:
    state = BillState(kind=bill_from_dict(bill.draft).kind, stage=Stage(bill.stage))
    return [action.value for action in allowed_actions(state)]


def bill_referendum_question(*, bill: Bill) -> object | None:
    """The referendum question an amendment was put to, if the referendum context has it (Art. 92(1))."""
    if not bill.referendum_slug:
        return None
    from atazan.referendum.models import Question

    return Question.objects.filter(slug=bill.referendum_slug).first()


def bill_temporary_acts_open(*, bill: Bill) -> bool:
    """Constitution 2026, Art. 60(4): may the Government still rely on temporary acts for this urgent bill?"""
    return temporary_acts_open(
        BillState(kind=bill_from_dict(bill.draft).kind, stage=Stage(bill.stage), urgent=bill.urgent)
    )


def vote_by_party(*, vote: Vote) -> list[PartyCount]:
    counts: dict[str, dict[str, int]] = defaultdict(lambda: {"yes": 0, "no": 0, "abstain": 0, "absent": 0})
    for row in vote.ballots.values("party", "choice").annotate(n=Count("id")):
        counts[row["party"]][row["choice"]] = row["n"]
    return [PartyCount(party, c["yes"], c["no"], c["abstain"], c["absent"]) for party, c in sorted(counts.items())]


def peoples_council_overview() -> dict[str, object]:
    params = default_parameters()
    groups = dict(PeoplesCouncilMember.Group.choices)
    by_group = {row["group"]: row["n"] for row in PeoplesCouncilMember.objects.values("group").annotate(n=Count("id"))}
    sessions = PeoplesCouncilSession.objects.prefetch_related("decisions")
    latest = sessions.order_by("-held_on").first()
    as_of = latest.held_on if latest else None
    group_size = params.integer("peoples_council.group_size", as_of) if as_of else 42
    return {
        "groups": [(key, label, by_group.get(key, 0), group_size) for key, label in groups.items()],
        "members": sum(by_group.values()),
        "sessions": sessions,
        "initiatives": Bill.objects.filter(initiator="peoples_council"),
    }


def vice_president_overview() -> QuerySet[VicePresidentNomination]:
    return VicePresidentNomination.objects.prefetch_related("votes", "delegations")


def vice_president_refusals(*, on: dt.date) -> int:
    """Refusals of consent to the Vice President's appointment since the last appointment, on record on ``on``."""
    rows = VicePresidentNomination.objects.filter(nominated_on__lte=on)
    last_appointed = rows.filter(status=VicePresidentNomination.Status.APPOINTED).order_by("-nominated_on").first()
    if last_appointed is not None:
        rows = rows.filter(nominated_on__gt=last_appointed.nominated_on)
    return rows.filter(status=VicePresidentNomination.Status.REFUSED).count()


def vice_president_dissolution(*, on: dt.date) -> tuple[int, Outcome]:
    """Refusals of consent since the last appointment, and whether the President may dissolve the Kurultai on that
    ground (Constitution 2026, Arts. 46(2), 62(2)-(3); the rule of ``procedures.kurultai.dissolution_after_refusals``,
    which holds for every office filled with the Kurultai's consent). Only the facts on record are used: a state of
    emergency, the end of the President's powers or an earlier dissolution are not recorded here, so they are not
    assumed."""
    refusals = vice_president_refusals(on=on)
    return refusals, dissolution_after_refusals(office_code="vice_president", refusals=refusals, as_of=on)
