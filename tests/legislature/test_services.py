from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from atazan.audit.models import AuditEntry
from atazan.legislature import demo
from atazan.legislature.domain.process import Action, TransitionRefused
from atazan.legislature.models import (
    Ballot,
    Bill,
    BillEvent,
    PeoplesCouncilDecision,
    PeoplesCouncilMember,
    VicePresidentNomination,
)
from atazan.legislature.services import (
    BallotRow,
    bill_advance,
    bill_submit,
    peoples_council_member_add,
    vice_president_appoint,
    vice_president_consent_vote,
    vice_president_nominate,
)
from atazan.rules.domain.institutions import RuleError
from tests.legislature.factories import kurultai

D = dt.date(2026, 10, 1)


@pytest.fixture(autouse=True)
def _kurultai(db: None) -> None:
    kurultai()


def _bill(number: str = "T-1", **extra: object) -> Bill:
    return bill_submit(
        actor="clerk",
        number=number,
        draft={"title": "Test bill", "initiator": "deputy", "date": D.isoformat(), **extra},
    )


@pytest.mark.django_db
def test_a_bill_walks_its_stages_with_votes_per_deputy_and_audit() -> None:
    bill = _bill()
    bill_advance(actor="clerk", bill=bill, action=Action.INTRODUCE, on=D)
    bill_advance(
        actor="clerk",
        bill=bill,
        action=Action.ADOPTION_VOTE,
        on=D + dt.timedelta(days=7),
        ballots=demo.ballots(D + dt.timedelta(days=7), 73, 60, 5),
    )
    bill.refresh_from_db()
    assert bill.stage == "adopted" and bill.adopted_on == D + dt.timedelta(days=7)
    vote = bill.votes.get()
    assert (vote.yes, vote.no, vote.abstain, vote.present, vote.total) == (73, 60, 5, 138, 145)
    assert vote.result == "passed" and vote.article == "61(4)"
    assert vote.ballots.filter(choice=Ballot.Choice.ABSENT).count() == 7
    assert AuditEntry.objects.filter(action="legislature.bill.adoption_vote", target="bill:T-1").exists()


@pytest.mark.django_db
def test_a_refused_step_is_kept_for_review_and_raised() -> None:
    bill = _bill(provisions=[{"label": "Art. 1", "applies_from": "2026-01-01", "adds_duties": True}])
    with pytest.raises(TransitionRefused) as refused:
        bill_advance(actor="clerk", bill=bill, action=Action.INTRODUCE, on=D)
    assert refused.value.article == "5(5)"
    event = BillEvent.objects.get(bill=bill)
    assert event.refused and event.article == "5(5)" and event.actor == "clerk"
    bill.refresh_from_db()
    assert bill.stage == "draft"
    assert AuditEntry.objects.filter(action="legislature.bill.refused").count() == 1


@pytest.mark.django_db
def test_one_deputy_cannot_vote_twice() -> None:
    bill = _bill()
    bill_advance(actor="clerk", bill=bill, action=Action.INTRODUCE, on=D)
    rows = [*demo.ballots(D, 80), BallotRow(choice="no", party="Alpha (test)", key="A-001")]
    with pytest.raises(RuleError, match="appears twice"):
        bill_advance(actor="clerk", bill=bill, action=Action.ADOPTION_VOTE, on=D, ballots=rows)


@pytest.mark.django_db
def test_people_council_groups_are_capped_at_42() -> None:
    for index in range(42):
        peoples_council_member_add(actor="x", name=f"N{index}", group="ngo", age=30, citizen=True, term_start=D)
    with pytest.raises(RuleError, match="group 'ngo' has 43 members; at most 42"):
        peoples_council_member_add(actor="x", name="N42", group="ngo", age=30, citizen=True, term_start=D)
    with pytest.raises(RuleError, match="at least 18"):
        peoples_council_member_add(actor="x", name="Young", group="ethno_cultural", age=17, citizen=True, term_start=D)


@pytest.mark.django_db
def test_people_council_members_are_citizens_of_kazakhstan() -> None:
    """Constitution 2026, Art. 70(2): the People's Council is formed from citizens; citizenship is never assumed."""
    with pytest.raises(RuleError, match=r"Art\. 70\(2\): .*'Foreigner' is not a citizen of the Republic of Kazakhstan"):
        peoples_council_member_add(actor="x", name="Foreigner", group="ngo", age=40, citizen=False, term_start=D)
    with pytest.raises(RuleError, match=r"'Unknown': citizenship not given.*Art\. 70\(2\)"):
        peoples_council_member_add(actor="x", name="Unknown", group="ngo", age=40, term_start=D)
    assert not PeoplesCouncilMember.objects.exists()
    member = peoples_council_member_add(actor="x", name="Citizen", group="ngo", age=40, citizen=True, term_start=D)
    assert PeoplesCouncilMember.objects.get(pk=member.pk).citizen is True


@pytest.mark.django_db
def test_vice_president_needs_consent_of_a_majority_of_all_deputies() -> None:
    refused = vice_president_nominate(actor="president", candidate="A", on=D)
    vice_president_consent_vote(actor="kurultai", nomination=refused, on=D, ballots=demo.ballots(D, 72, 60))
    refused.refresh_from_db()
    assert refused.status == VicePresidentNomination.Status.REFUSED
    with pytest.raises(RuleError, match="49\\(1\\)"):
        vice_president_appoint(actor="president", nomination=refused, on=D)
    ok = vice_president_nominate(actor="president", candidate="B", on=D)
    vice_president_consent_vote(actor="kurultai", nomination=ok, on=D, ballots=demo.ballots(D, 73, 60))
    vice_president_appoint(actor="president", nomination=ok, on=D)
    ok.refresh_from_db()
    assert ok.status == VicePresidentNomination.Status.APPOINTED
    with pytest.raises(RuleError, match="political party"):
        vice_president_nominate(actor="president", candidate="C", on=D, party_member=True)
    with pytest.raises(RuleError, match="no office of Vice President"):
        vice_president_nominate(actor="president", candidate="D", on=dt.date(2026, 6, 30))


@pytest.mark.django_db
def test_demo_has_the_four_required_bills_and_is_idempotent() -> None:
    demo.build(console=Console(quiet=True))
    demo.build(console=Console(quiet=True))
    assert Bill.objects.count() == 10 and all(b.synthetic for b in Bill.objects.all())
    pc = Bill.objects.get(number="KB-2026-001")
    assert (
        pc.stage == "published"
        and pc.peoples_council_decision.kind == PeoplesCouncilDecision.Kind.LEGISLATIVE_INITIATIVE
    )
    overridden = Bill.objects.get(number="KB-2026-002")
    assert [e.action for e in overridden.events.all()][-4:] == ["object", "override_vote", "sign", "publish"]
    retro = Bill.objects.get(number="KB-2026-003")
    assert retro.stage == "stopped" and retro.violations[0]["article"] == "5(5)"
    amendment = Bill.objects.get(number="KB-2026-004")
    assert amendment.stage == "stopped" and amendment.violations[0] == {
        "rule": "never_amendable",
        "article": "43(5)",
        "message": "Constitution 2026, Art. 43(5): the bill amends Art. 43(1), which may never be amended",
    }


def test_cli_check_prints_the_contract(tmp_path: Path) -> None:
    from atazan.legislature.cli import app

    bill = tmp_path / "BILL.json"
    bill.write_text(
        json.dumps(
            {
                "title": "T",
                "initiator": "deputy",
                "date": "2026-10-01",
                "provisions": [{"label": "Art. 1", "applies_from": "2026-09-30", "increases_liability": True}],
            }
        ),
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["check", str(bill), "--json"])
    assert result.exit_code == 1
    printed = json.loads(result.stdout)["violations"]
    # The contract's three keys, unchanged; the rules context adds the constitution and the quoted sentence.
    assert [{k: v[k] for k in ("rule", "article", "message")} for v in printed] == [
        {
            "rule": "no_retroactive_worsening",
            "article": "5(5)",
            "message": "Constitution 2026, Art. 5(5): provision 'Art. 1' increases liability and would apply from "
            "2026-09-30, before the law takes effect on 2026-10-01",
        }
    ]
    assert printed[0]["quote"] == "Законы, устанавливающие или усиливающие ответственность, обратной силы не имеют."
    bill.write_text(json.dumps({"initiator": "deputy", "date": "2026-10-01"}), encoding="utf-8")
    clean = CliRunner().invoke(app, ["check", str(bill), "--json"])
    assert clean.exit_code == 0 and json.loads(clean.stdout) == {"violations": []}
    bill.write_text(json.dumps({"initiator": "deputy", "kind": "decree"}), encoding="utf-8")
    assert CliRunner().invoke(app, ["check", str(bill), "--json"]).exit_code == 2


def test_cli_check_refuses_an_article_the_constitution_does_not_have(tmp_path: Path) -> None:
    """ "97" reads as a reference but the 2026 text has 96 articles; "100" under 1995 has 99 (and 83-1…)."""
    from atazan.legislature.cli import app

    bill = tmp_path / "BILL.json"
    for date, article in (("2026-10-01", "97"), ("2026-06-30", "Art. 100")):
        raw = {"initiator": "president", "kind": "amendment", "date": date, "amends_articles": [article]}
        bill.write_text(json.dumps(raw), encoding="utf-8")
        result = CliRunner().invoke(app, ["check", str(bill), "--json"])
        assert result.exit_code == 2 and "bill.amends_articles[0]" in result.stderr
    bill.write_text(json.dumps({**raw, "amends_articles": ["83-1"]}), encoding="utf-8")
    assert CliRunner().invoke(app, ["check", str(bill), "--json"]).exit_code == 1  # exists; no court opinion
