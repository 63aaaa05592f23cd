"""The finished contexts' write services refuse a user whose role does not allow the action, and write nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from atazan.accounts.domain.roles import Role
from atazan.accounts.services import PermissionRefused
from atazan.audit.models import AuditEntry
from atazan.legislature.domain.process import Action
from atazan.legislature.models import Bill, BillEvent, PeoplesCouncilMember, VicePresidentNomination, Vote
from atazan.legislature.services import (
    bill_advance,
    bill_submit,
    peoples_council_member_add,
    vice_president_consent_vote,
    vice_president_nominate,
)

D = dt.date(2026, 10, 1)
DRAFT = {"title": "Test bill", "initiator": "deputy", "date": D.isoformat()}
WRONG_ROLES = [r for r in Role if r is not Role.KURULTAI_CLERK]


@pytest.mark.django_db
@pytest.mark.parametrize("role", WRONG_ROLES, ids=[r.value for r in WRONG_ROLES])
def test_only_the_kurultai_clerk_registers_and_moves_bills(role: Role, user_with) -> None:  # type: ignore[no-untyped-def]
    intruder = user_with(role)
    with pytest.raises(PermissionRefused, match="legislature.bill.submit"):
        bill_submit(actor=intruder, number="X-1", draft=DRAFT)
    assert not Bill.objects.exists() and not AuditEntry.objects.exists()

    bill = bill_submit(actor=user_with(Role.KURULTAI_CLERK, username="clerk"), number="X-1", draft=DRAFT)
    with pytest.raises(PermissionRefused, match="legislature.bill.transition"):
        bill_advance(actor=intruder, bill=bill, action=Action.INTRODUCE, on=D)
    bill.refresh_from_db()
    assert bill.stage == "draft" and not BillEvent.objects.exists()


@pytest.mark.django_db
def test_the_clerk_is_recorded_by_name_in_the_event_and_the_audit_chain(user_with) -> None:  # type: ignore[no-untyped-def]
    clerk = user_with(Role.KURULTAI_CLERK, username="clerk-aigerim")
    bill = bill_submit(actor=clerk, number="X-2", draft=DRAFT)
    event = bill_advance(actor=clerk, bill=bill, action=Action.INTRODUCE, on=D)
    assert event.actor == "clerk-aigerim"
    assert list(AuditEntry.objects.values_list("actor", "action")) == [
        ("clerk-aigerim", "legislature.bill.submit"),
        ("clerk-aigerim", "legislature.bill.introduce"),
    ]


@pytest.mark.django_db
def test_peoples_council_and_vice_president_records_need_the_clerk(user_with) -> None:  # type: ignore[no-untyped-def]
    operator = user_with(Role.ELECTION_OPERATOR)
    with pytest.raises(PermissionRefused, match="legislature.peoples_council.record"):
        peoples_council_member_add(actor=operator, name="M", group="public", age=40, term_start=D)
    with pytest.raises(PermissionRefused, match="legislature.vice_president.record"):
        vice_president_nominate(actor=operator, candidate="C", on=D)
    assert not PeoplesCouncilMember.objects.exists() and not VicePresidentNomination.objects.exists()
    clerk = user_with(Role.KURULTAI_CLERK)
    nomination = vice_president_nominate(actor=clerk, candidate="C", on=D)
    with pytest.raises(PermissionRefused):
        # refused before the ballots are even read
        vice_president_consent_vote(actor=operator, nomination=nomination, on=D, ballots=[])
    assert not Vote.objects.filter(nomination=nomination).exists()
