from __future__ import annotations

from datetime import date

import pytest

from atazan.accounts.services import PermissionRefused
from atazan.audit.models import AuditEntry
from atazan.commission import services as cs
from atazan.commission import services_drafts as ds
from atazan.commission.domain import drafting as dd
from atazan.commission.domain.errors import CommissionError, DraftError, QuorumError
from atazan.commission.selectors import article_story, composition_report, session_detail

from .setup_helpers import proposal_make, small_commission, start_draft, vote_all

pytestmark = pytest.mark.django_db

NEW_WORDING = "1. Курултай состоит из одной палаты.\n2. Срок полномочий – пять лет."


def test_quorum_edge_three_of_six_cannot_decide_four_can(settings) -> None:
    c = small_commission(settings, present=3)
    item = cs.agenda_item_add(actor=c.secretary, session=c.session, title="Kurultai", articles=["2"])
    vote_all(c, item, "fff")
    with pytest.raises(QuorumError, match=r"decision 1/1: no decision without a quorum.*3 present, 4 needed"):
        cs.decision_record(actor=c.secretary, item=item, kind="accept", summary="x")
    assert session_detail(number=1).quorum_required == 4


def test_majority_edge_half_of_those_present_is_not_enough(settings) -> None:
    c = small_commission(settings, present=4)
    start_draft(c)
    item = cs.agenda_item_add(actor=c.secretary, session=c.session, title="Kurultai", articles=["2"])
    vote_all(c, item, "ffax")  # 2 of 4 present: exactly half, not more
    change = dd.ArticleChange(dd.ChangeKind.AMEND, "2", NEW_WORDING)
    decision = cs.decision_record(actor=c.secretary, item=item, kind="accept", summary="x", changes=[change])
    assert not decision.adopted and "3 needed" in decision.explanation
    # A decision that failed never reaches a draft.
    with pytest.raises(DraftError, match="needs at least one adopted decision"):
        ds.draft_version_create(actor=c.secretary, date=date(2026, 1, 31), title="Draft 2")


def test_a_decision_changes_the_draft_and_the_article_story_shows_it(settings) -> None:
    c = small_commission(settings)
    start_draft(c)
    proposal_make("ЗТ-2025-000123", articles=("2",), group="ЗТ-2025-000123")
    proposal_make("ЗТ-2025-000124", articles=("2",), group="ЗТ-2025-000123")
    proposal_make("ЗТ-2025-000125", group="ЗТ-2025-000123")  # a copy of the campaign that names no article
    proposal_make("ЗТ-2025-000200", articles=("2",))
    item = cs.agenda_item_add(
        actor=c.secretary,
        session=c.session,
        title="A unicameral parliament",
        articles=["2"],
        theme="Parliamentary reform",
        proposals=["ЗТ-2025-000123"],
    )
    vote_all(c, item, "fffax-")  # 3 of 6 present: not more than half
    assert not cs.item_outcome(item).adopted
    cs.vote_cast(actor=c.member_user(5), item=item, choice="for")  # 4 of 6: adopted
    decision = cs.decision_record(
        actor=c.secretary,
        item=item,
        kind="modify",
        summary="One chamber",
        changes=[dd.ArticleChange(dd.ChangeKind.AMEND, "2", NEW_WORDING)],
    )
    assert decision.adopted and (decision.votes_for, decision.votes_against, decision.abstained) == (4, 1, 1)
    v2 = ds.draft_version_create(actor=c.secretary, date=date(2026, 1, 31), title="Draft 2", publish=True)
    assert v2.articles.get(num="2").wording == NEW_WORDING
    assert v2.articles.get(num="1").wording == "1. Республика Казахстан – унитарное государство."
    story = article_story(num="2")
    assert [s.changed for s in story.steps] == [False, True]
    assert story.steps[1].decisions == [decision]
    inserted = "".join(s.text for s in story.steps[1].segments if s.op == "insert")
    assert "Курултай" in inserted and "одной палаты" in inserted
    assert [(p.number, p.campaign_size) for p in story.proposals] == [("ЗТ-2025-000123", 3)]
    behind = story.behind
    assert behind is not None
    assert (behind.total, behind.campaigns_total, behind.in_campaigns, behind.individual) == (3, 1, 2, 1)
    assert [(c.key, c.size) for c in behind.campaigns] == [("ЗТ-2025-000123", 3)]  # the copy without the article too
    actions = list(AuditEntry.objects.values_list("action", flat=True))
    assert "commission.decision.record" in actions and "commission.draft.create" in actions
    roll_call = AuditEntry.objects.get(action="commission.decision.record").payload["roll_call"]
    assert roll_call == {"1": "for", "2": "for", "3": "for", "4": "against", "5": "abstain", "6": "for"}


def test_a_change_that_cannot_apply_is_refused_when_the_decision_is_recorded(settings) -> None:
    c = small_commission(settings)
    start_draft(c)
    item = cs.agenda_item_add(actor=c.secretary, session=c.session, title="Art. 9", articles=["9"])
    vote_all(c, item, "ffffff")
    with pytest.raises(DraftError, match="decision 1/1, change 1 \\(amend Art. 9\\): only an article of the draft"):
        cs.decision_record(
            actor=c.secretary,
            item=item,
            kind="accept",
            summary="x",
            changes=[dd.ArticleChange(dd.ChangeKind.AMEND, "9", "1. x")],
        )


def test_each_member_votes_once_only_for_themself_and_only_while_present(settings) -> None:
    c = small_commission(settings, present=5)
    item = cs.agenda_item_add(actor=c.secretary, session=c.session, title="x", theme="Procedure")
    vote = cs.vote_cast(actor=c.member_user(0), item=item, choice="for")
    assert vote.member == c.members[0]  # the member is the actor: there is no way to name another
    with pytest.raises(CommissionError, match="each member votes once"):
        cs.vote_cast(actor=c.member_user(0), item=item, choice="against")
    with pytest.raises(CommissionError, match="only members registered present vote"):
        cs.vote_cast(actor=c.member_user(5), item=item, choice="for")
    with pytest.raises(PermissionRefused, match="may not commission.vote.cast: it requires the role commission_member"):
        cs.vote_cast(actor=c.secretary, item=item, choice="for")
    with pytest.raises(CommissionError, match="for, against or abstain"):
        cs.vote_cast(actor=c.member_user(1), item=item, choice="maybe")


def test_voting_closes_with_the_decision(settings) -> None:
    c = small_commission(settings)
    item = cs.agenda_item_add(actor=c.secretary, session=c.session, title="x", theme="Procedure")
    vote_all(c, item, "ffff--")
    cs.decision_record(actor=c.secretary, item=item, kind="accept", summary="x")
    with pytest.raises(CommissionError, match="voting closed"):
        cs.vote_cast(actor=c.member_user(5), item=item, choice="against")
    with pytest.raises(CommissionError, match="recorded once"):
        cs.decision_record(actor=c.secretary, item=item, kind="accept", summary="x")


def test_only_the_secretariat_edits(settings) -> None:
    c = small_commission(settings)
    member = c.member_user(3)
    for call in (
        lambda: cs.session_schedule(actor=member, number=2, date=date(2026, 1, 25), title="x"),
        lambda: cs.agenda_item_add(actor=member, session=c.session, title="x", theme="y"),
        lambda: cs.attendance_record(actor=member, session=c.session, present=[]),
        lambda: cs.minutes_publish(actor=member, session=c.session, text="x"),
        lambda: cs.member_appoint(
            actor=member,
            seat=7,
            full_name="x",
            role="member",
            category="media",
            region="astana",
            appointed=date(2026, 1, 21),
        ),
        lambda: start_draft(type(c)(member, c.members, c.session)),
    ):
        with pytest.raises(PermissionRefused, match="it requires the role commission_secretary"):
            call()


def test_composition_report_against_the_configured_rules(settings) -> None:
    small_commission(settings)
    assert composition_report().complies
    settings.ATAZAN_COMMISSION_RULES = {"composition": {"members": 130}}
    report = composition_report()
    messages = [str(v.message) for v in report.violations]
    assert "members: 6, the rule requires 130" in messages
    assert "region abai has no member" in messages  # every region represented is the default rule
