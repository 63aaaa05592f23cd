"""Every kind of official record the log speaks of — official answers to proposals, Commission decisions, bill
stages, seat allocations — is re-read by `atazan audit verify`, which names one changed or deleted behind the log's
back (issue 13, finding 3). Each context's resolver lives in `<context>/audit_records.py`."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from typer.testing import CliRunner

from atazan.cli import build_app

pytestmark = pytest.mark.django_db


def _findings() -> list[tuple[str, str]]:
    result = CliRunner().invoke(build_app(), ["audit", "verify", "--json"])
    report = json.loads(result.stdout)
    assert (result.exit_code == 0) == report["intact"]
    return [(f["code"], f["key"]) for f in report["findings"]]


def test_an_official_answer_edited_in_its_table_is_named() -> None:
    from atazan.consultation import services
    from atazan.consultation.models import Proposal
    from tests.consultation.helpers import secretary, submit

    p = submit("Предлагаю закрепить право на чистую воду в статье 31 Конституции.")
    wg = secretary()
    services.proposal_decide(proposal=p, status="under_review", answer="", decided_by=wg)
    services.proposal_decide(proposal=p, status="rejected", answer="Не относится к Конституции.", decided_by=wg)
    assert _findings() == []
    Proposal.objects.filter(pk=p.pk).update(status="accepted", answer="Принято.")
    assert _findings() == [("record.changed", f"consultation.answer:{p.registration_number}")]


def test_a_commission_decision_edited_or_deleted_is_named(settings) -> None:  # type: ignore[no-untyped-def]
    from atazan.commission import services as cs
    from atazan.commission.models import Decision
    from tests.commission.setup_helpers import small_commission, vote_all

    c = small_commission(settings)
    item = cs.agenda_item_add(actor=c.secretary, session=c.session, title="Kurultai", articles=["2"])
    vote_all(c, item, "ffffff")
    decision = cs.decision_record(actor=c.secretary, item=item, kind="reject", summary="Оставить как есть")
    assert _findings() == []
    Decision.objects.filter(pk=decision.pk).update(kind="accept")
    assert _findings() == [("record.changed", f"commission.decision:{decision.number}")]


def test_a_bill_stage_edited_is_named() -> None:
    from atazan.legislature.domain.process import Action
    from atazan.legislature.models import BillEvent
    from atazan.legislature.services import bill_advance, bill_submit
    from tests.legislature.factories import kurultai

    kurultai()
    on = dt.date(2026, 10, 1)
    bill = bill_submit(actor="clerk", number="T-9", draft={"title": "Test", "initiator": "deputy", "date": str(on)})
    event = bill_advance(actor="clerk", bill=bill, action=Action.INTRODUCE, on=on)
    assert _findings() == []
    BillEvent.objects.filter(pk=event.pk).update(on=on - dt.timedelta(days=30))
    assert _findings() == [("record.changed", f"legislature.bill_event:T-9/{event.seq}")]


def test_a_seat_allocation_edited_or_deleted_is_named() -> None:
    from atazan.elections import models, services
    from tests.elections.factories import ElectionFactory

    election = ElectionFactory(seats=69, took_part=6366441)
    rows = "party,votes,registration_order\nAMANAT,3431510,1\nAuyl,693938,2\nRespublica,547154,3\n"
    parsed = services.rows_from_text(rows, fmt="csv")
    services.lists_register(election=election, rows=parsed, source="register")
    services.results_import(election=election, rows=parsed, source="x")
    row = services.seats_allocate(election=election, actor="cec")
    assert _findings() == []
    seats = dict(row.seats)
    first = sorted(seats)[0]
    seats[first] += 1
    models.SeatAllocation.objects.filter(pk=row.pk).update(seats=seats)
    key = f"elections.seats:{election.slug}/{row.pk}"
    assert _findings() == [("record.changed", key)]
    models.SeatAllocation.objects.filter(pk=row.pk).delete()
    assert _findings() == [("record.deleted", key)]
