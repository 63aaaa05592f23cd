"""Reads of the legislature context."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, QuerySet

from atazan.legislature.domain.process import BillState, Stage, allowed_actions
from atazan.legislature.models import (
    Bill,
    PeoplesCouncilMember,
    PeoplesCouncilSession,
    VicePresidentNomination,
    Vote,
)
from atazan.rules.domain.bill import bill_from_dict
from atazan.rules.domain.checks import Violation, bill_violations
from atazan.rules.domain.parameters import default_parameters


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


def bill_next_actions(*, bill: Bill) -> list[str]:
    state = BillState(kind=bill_from_dict(bill.draft).kind, stage=Stage(bill.stage))
    return [action.value for action in allowed_actions(state)]


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
