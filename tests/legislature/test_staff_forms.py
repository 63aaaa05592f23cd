"""The clerk's forms: register a bill, record votes (CSV by deputy or totals), send to the President, objections,
Court referral; refusals show the rule and the article; the services refuse anyone without the role."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from typer.testing import CliRunner

from atazan.accounts.domain.roles import Role
from atazan.accounts.services import user_create
from atazan.elections.models import Mandate
from atazan.legislature.domain.process import Action, TransitionRefused
from atazan.legislature.models import Bill, BillEvent, Vote
from atazan.legislature.services import BallotRow, Totals, ballots_from_csv, bill_advance, bill_submit
from atazan.rules.domain.institutions import RuleError
from tests.legislature.factories import kurultai

D = dt.date(2026, 10, 20)
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture
def clerk() -> User:
    return user_create(username="clerk-t", password="pw-clerk-123", roles=[Role.KURULTAI_CLERK])


@pytest.fixture
def clerk_client(client: Client, clerk: User) -> Client:
    client.force_login(clerk, backend="atazan.accounts.backends.ThrottledModelBackend")
    return client


def _introduced(number: str = "S-1", **extra: object) -> Bill:
    bill = bill_submit(
        actor="console",
        number=number,
        draft={"title": "Staff test bill", "initiator": "deputy", "date": D.isoformat(), **extra},
    )
    bill_advance(actor="console", bill=bill, action=Action.INTRODUCE, on=D)
    return bill


def _csv(election_rows: list[Mandate], yes: int, no: int = 0) -> bytes:
    rows = election_rows[: yes + no]
    lines = ["mandate,choice"] + [f"{m.pk},{'yes' if i < yes else 'no'}" for i, m in enumerate(rows)]
    return ("\n".join(lines) + "\n").encode()


def test_anonymous_visitors_are_sent_to_log_in_and_citizens_are_refused(client: Client) -> None:
    assert client.get("/legislature/staff/bills/new/").status_code == 302
    citizen = user_create(username="cit", password="pw-citizen-1", roles=[Role.CITIZEN])
    client.force_login(citizen, backend="atazan.accounts.backends.ThrottledModelBackend")
    assert client.get("/legislature/staff/bills/new/").status_code == 403
    kurultai()
    bill = _introduced()
    assert (
        client.post(f"/legislature/bills/{bill.number}/step/", {"action": "reject", "on": "2026-10-21"}).status_code
        == 403
    )


def test_the_service_refuses_a_user_without_the_clerk_role_even_without_a_view() -> None:
    kurultai()
    bill = _introduced()
    citizen = user_create(username="cit2", password="pw-citizen-2", roles=[Role.CITIZEN])
    with pytest.raises(PermissionDenied, match="legislature.bill.transition"):
        bill_advance(actor=citizen, bill=bill, action=Action.ADOPTION_VOTE, on=D, totals=Totals(80, 50, 5, 135))
    with pytest.raises(PermissionDenied, match="legislature.bill.submit"):
        bill_submit(actor=citizen, number="X", draft={"initiator": "deputy", "date": D.isoformat()})


def test_clerk_registers_and_introduces_a_bill_and_a_failing_check_is_shown(clerk_client: Client) -> None:
    form = {
        "number": "S-10",
        "title": "On clean rivers",
        "initiator": "deputy",
        "kind": "ordinary",
        "date": "2026-10-20",
        "introduce": "on",
    }
    response = clerk_client.post("/legislature/staff/bills/new/", form)
    assert response.status_code == 302 and response["Location"] == "/legislature/bills/S-10/"
    assert Bill.objects.get(number="S-10").stage == "introduced"
    urgent = {**form, "number": "S-11", "urgent": "on"}
    clerk_client.post("/legislature/staff/bills/new/", urgent)
    bill = Bill.objects.get(number="S-11")
    assert bill.stage == "draft" and bill.violations[0]["article"] == "60(4)"
    page = clerk_client.get("/legislature/bills/S-11/").content.decode()
    assert "urgent_procedure" in page and "Art. 60(4)" in page and "refused" in page
    dup = clerk_client.post("/legislature/staff/bills/new/", form)
    assert dup.status_code == 422 and "already registered" in dup.content.decode()


def test_clerk_writes_amended_articles_as_a_lawyer_does(clerk_client: Client) -> None:
    """ "Article 43, paragraph 1" is one reference (a comma inside it does not split it); an unreadable or missing
    article is refused naming the field, and nothing is registered."""
    form = {
        "number": "S-20",
        "title": "On the term",
        "initiator": "president",
        "kind": "amendment",
        "date": "2026-10-20",
        "amends_articles": "Article 43, paragraph 1, 2(4)",
    }
    assert clerk_client.post("/legislature/staff/bills/new/", form).status_code == 302
    bill = Bill.objects.get(number="S-20")
    assert bill.draft["amends_articles"] == ["43(1)", "2(4)"]
    assert [v["article"] for v in bill.violations] == ["43(5)", "93"]
    bad = clerk_client.post("/legislature/staff/bills/new/", {**form, "number": "S-21", "amends_articles": "43(1), x"})
    assert bad.status_code == 422 and "Articles of the Constitution amended: cannot read" in bad.content.decode()
    missing = clerk_client.post("/legislature/staff/bills/new/", {**form, "number": "S-22", "amends_articles": "97"})
    assert missing.status_code == 422 and "the Constitution of 2026 has no Article 97" in missing.content.decode()
    assert not Bill.objects.filter(number__in=["S-21", "S-22"]).exists()


def test_clerk_uploads_ballots_by_deputy_and_absentees_are_filled_in(clerk_client: Client) -> None:
    election = kurultai()
    bill = _introduced()
    seated = list(
        Mandate.objects.filter(election=election).order_by("party_list__registration_order", "candidate__position")
    )
    upload = SimpleUploadedFile("ballots.csv", _csv(seated, 80, 50), content_type="text/csv")
    response = clerk_client.post(
        f"/legislature/bills/{bill.number}/step/",
        {"action": "adoption_vote", "on": "2026-10-27", "ballots_csv": upload},
    )
    assert response.status_code == 302
    vote = Vote.objects.get(bill=bill)
    assert (vote.yes, vote.no, vote.present, vote.seated, vote.total, vote.result) == (80, 50, 130, 145, 145, "passed")
    assert vote.ballots.count() == 145 and vote.ballots.filter(choice="absent").count() == 15
    ballot = vote.ballots.get(mandate=seated[0])
    assert ballot.deputy == seated[0].candidate.full_name and ballot.party == "Alpha (test)"
    # The vote page links each deputy to their page, and that page to the election.
    page = clerk_client.get(f"/legislature/votes/{vote.pk}/").content.decode()
    assert f"/legislature/deputies/{seated[0].pk}/" in page and "simulated election" in page
    deputy = clerk_client.get(f"/legislature/deputies/{seated[0].pk}/").content.decode()
    assert "/elections/kurultai-test/" in deputy and bill.number in deputy and "For" in deputy


def test_a_refused_step_shows_the_rule_and_article_and_is_kept(clerk_client: Client) -> None:
    kurultai()
    bill = _introduced()
    response = clerk_client.post(
        f"/legislature/bills/{bill.number}/step/",
        {"action": "reject", "on": "2026-10-22", "yes": "80", "no": "10", "abstain": "0", "present": "95"},
    )
    body = response.content.decode()
    assert response.status_code == 422 and "Art. 58(5)" in body and "quorum" in body
    assert BillEvent.objects.get(bill=bill, refused=True).article == "58(5)"
    # A step the stage does not allow is not offered, and is refused if posted.
    sent = clerk_client.post(f"/legislature/bills/{bill.number}/step/", {"action": "present", "on": "2026-10-22"})
    assert sent.status_code == 422 and "Select a valid choice" in sent.content.decode()


def test_htmx_loads_the_fields_of_a_step_and_redirects_after_recording(clerk_client: Client) -> None:
    kurultai()
    bill = _introduced()
    partial = clerk_client.get(f"/legislature/bills/{bill.number}/step/?action=adoption_vote", HTTP_HX_REQUEST="true")
    html = partial.content.decode()
    assert "<html" not in html and 'name="ballots_csv"' in html and "Art. 58(5)" in html
    done = clerk_client.post(
        f"/legislature/bills/{bill.number}/step/",
        {"action": "adoption_vote", "on": "2026-10-27", "yes": "73", "no": "60", "abstain": "2", "present": "135"},
        HTTP_HX_REQUEST="true",
    )
    assert done["HX-Redirect"] == f"/legislature/bills/{bill.number}/"
    bill.refresh_from_db()
    assert bill.stage == "adopted"
    refused = clerk_client.post(
        f"/legislature/bills/{bill.number}/step/", {"action": "present", "on": "2026-11-20"}, HTTP_HX_REQUEST="true"
    )
    assert refused.status_code == 200 and 'data-testid="refusal"' in refused.content.decode()
    assert "Art. 60(5)" in refused.content.decode()


def test_objection_with_the_presidents_wording_and_court_referral_through_the_forms(clerk_client: Client) -> None:
    kurultai()
    bill = _introduced()
    url = f"/legislature/bills/{bill.number}/step/"
    for data in (
        {"action": "adoption_vote", "on": "2026-10-27", "yes": "100", "no": "30", "abstain": "0", "present": "130"},
        {"action": "present", "on": "2026-10-30"},
    ):
        assert clerk_client.post(url, data).status_code == 302
    too_few = clerk_client.post(
        url, {"action": "court_refer", "on": "2026-11-02", "referred_by": "deputies", "referring_deputies": "28"}
    )
    assert too_few.status_code == 422 and "Art. 73(1)" in too_few.content.decode()
    assert "29 of 145" in too_few.content.decode()
    for data in (
        {"action": "court_refer", "on": "2026-11-02", "referred_by": "deputies", "referring_deputies": "29"},
        {"action": "court_decide", "on": "2026-11-20", "compliant": "yes"},
        {"action": "object", "on": "2026-11-25", "president_wording": "on"},
        {"action": "override_vote", "on": "2026-12-10", "yes": "96", "no": "40", "abstain": "0", "present": "136"},
        {"action": "sign", "on": "2026-12-15"},
    ):
        assert clerk_client.post(url, data).status_code == 302, data
    bill.refresh_from_db()
    assert bill.stage == "signed" and bill.president_wording
    page = clerk_client.get(f"/legislature/bills/{bill.number}/").content.decode()
    assert "adopted in the wording the President proposed" in page and "Art. 56(2)" in page


def test_vacant_seats_count_against_adoption() -> None:
    kurultai(vacant=1)  # one mandate ends on 2026-10-15 with no successor
    bill = _introduced()
    with pytest.raises(RuleError, match="144 hold a mandate"):
        bill_advance(actor="console", bill=bill, action=Action.ADOPTION_VOTE, on=D, totals=Totals(100, 45, 0, 145))
    bill_advance(
        actor="console",
        bill=bill,
        action=Action.ADOPTION_VOTE,
        on=D,
        ballots=[
            BallotRow(choice="yes" if i < 72 else "no", mandate=m.pk)
            for i, m in enumerate(Mandate.objects.filter(ended__isnull=True).order_by("pk"))
        ],
    )
    bill.refresh_from_db()
    vote = bill.votes.get()
    assert bill.stage == "not_adopted" and (vote.seated, vote.vacant, vote.majority_minimum) == (144, 1, 73)
    assert "1 seat(s) vacant" in vote.explanation and "53(1)" in vote.explanation


def test_ballots_must_come_from_deputies_in_office() -> None:
    election = kurultai(vacant=1)
    bill = _introduced()
    gone = Mandate.objects.get(election=election, ended__isnull=False)
    with pytest.raises(RuleError, match="does not hold a mandate"):
        bill_advance(
            actor="console",
            bill=bill,
            action=Action.ADOPTION_VOTE,
            on=D,
            ballots=[BallotRow(choice="yes", mandate=gone.pk)],
        )
    first = Mandate.objects.filter(ended__isnull=True).first()
    assert first is not None
    with pytest.raises(RuleError, match="appears twice"):
        bill_advance(
            actor="console",
            bill=bill,
            action=Action.ADOPTION_VOTE,
            on=D,
            ballots=[
                BallotRow(choice="yes", mandate=first.pk),
                BallotRow(choice="no", party="Alpha (test)", key=first.candidate.key),
            ],
        )
    with pytest.raises(RuleError, match="header"):
        ballots_from_csv("deputy,choice\nX,yes\n")
    with pytest.raises(RuleError, match="line 3"):
        ballots_from_csv("mandate,choice\n1,yes\nabc,no\n")


def test_without_a_kurultai_election_only_totals_can_be_recorded() -> None:
    bill = _introduced()
    with pytest.raises(RuleError, match="no Kurultai election on record"):
        bill_advance(
            actor="console", bill=bill, action=Action.ADOPTION_VOTE, on=D, ballots=[BallotRow(choice="yes", mandate=1)]
        )
    bill_advance(actor="console", bill=bill, action=Action.ADOPTION_VOTE, on=D, totals=Totals(73, 60, 0, 133))
    vote = Vote.objects.get(bill=bill)
    assert vote.result == "passed" and vote.seated is None and not vote.by_deputy


def test_amendment_court_opinion_is_kept_with_the_draft_and_the_referendum_is_linked(clerk_client: Client) -> None:
    bill = bill_submit(
        actor="console",
        number="AM-1",
        draft={"initiator": "president", "kind": "amendment", "date": D.isoformat(), "amends_articles": ["33(5)"]},
    )
    url = f"/legislature/bills/{bill.number}/step/"
    for data in (
        {"action": "court_opinion_request", "on": "2026-10-20"},
        {"action": "court_opinion", "on": "2026-11-20", "compliant": "yes"},
        {"action": "referendum_call", "on": "2026-11-25", "referendum_slug": "amendment-2027"},
    ):
        assert clerk_client.post(url, data).status_code == 302, data
    bill.refresh_from_db()
    assert bill.stage == "referendum_called" and bill.violations == [] and bill.referendum_slug == "amendment-2027"
    page = clerk_client.get(f"/legislature/bills/{bill.number}/").content.decode()
    assert 'href="/referendum/"' in page and "Art. 92(3)" in page
    regions = "\n".join(f"r{i},{600 if i < 14 else 400},1000" for i in range(20))
    done = clerk_client.post(
        url,
        {
            "action": "referendum_result",
            "on": "2027-01-25",
            "eligible": "30000",
            "took_part": "20000",
            "regions": regions,
        },
    )
    assert done.status_code == 302
    bill.refresh_from_db()
    assert bill.stage == "amendment_adopted"
    assert "14 of 20" in bill.events.last().note  # type: ignore[union-attr]


def test_cli_dissolution_reads_the_refusals_on_record() -> None:
    from atazan.legislature.cli import app

    result = CliRunner().invoke(app, ["dissolution", "--as-of", "2027-01-10", "--refusals", "2"])
    assert result.exit_code == 0 and json.loads(result.stdout)["article"] == "62(2)"
    barred = CliRunner().invoke(app, ["dissolution", "--as-of", "2027-01-10", "--refusals", "2", "--emergency"])
    assert barred.exit_code == 1 and json.loads(barred.stdout)["bars"][0]["article"] == "62(3)"
    on_record = CliRunner().invoke(app, ["dissolution", "--as-of", "2027-01-10"])
    assert on_record.exit_code == 1 and json.loads(on_record.stdout)["refusals"] == 0


@pytest.mark.parametrize(
    "office",
    [
        "prime_minister",
        "kurultai_chair",
        "constitutional_court_judge",
        "election_commission_member",
        "audit_chamber_member",
        "vice_president",
    ],
)
def test_cli_dissolution_after_repeated_refusal_for_every_office_of_article_62_2(office: str) -> None:
    """Art. 62(2): "в случае повторного отказа в даче согласия на назначение кандидатуры, предложенной Президентом на
    должность, назначение на которую осуществляется с согласия Курултая, а также в случае повторного отказа в избрании
    Председателя Курултая" — not only the Vice President."""
    from atazan.legislature.cli import app

    once = CliRunner().invoke(app, ["dissolution", "--office", office, "--refusals", "1", "--as-of", "2027-01-10"])
    assert once.exit_code == 1 and json.loads(once.stdout)["bars"][0]["rule"] == "dissolution_refusals"
    twice = CliRunner().invoke(app, ["dissolution", "--office", office, "--refusals", "2", "--as-of", "2027-01-10"])
    assert twice.exit_code == 0 and json.loads(twice.stdout)["office"] == office


def test_cli_dissolution_names_an_office_without_consent_and_speaks_russian() -> None:
    from atazan.legislature.cli import app

    minister = CliRunner().invoke(
        app, ["dissolution", "--office", "minister_of_finance", "--refusals", "2", "--as-of", "2027-01-10"]
    )
    assert minister.exit_code == 1 and json.loads(minister.stdout)["bars"][0]["rule"] == "dissolution_office"
    barred = CliRunner().invoke(
        app, ["dissolution", "--office", "prime_minister", "--refusals", "2", "--as-of", "2027-01-10",
              "--martial-law", "--lang", "ru"],
    )  # fmt: skip
    bar = json.loads(barred.stdout)["bars"][0]
    assert barred.exit_code == 1 and bar["article"] == "62(3)" and bar["message"].startswith("Конституция 2026")
    assert bar["quote"].startswith("Курултай не может быть распущен")
    no_record = CliRunner().invoke(app, ["dissolution", "--office", "prime_minister", "--as-of", "2027-01-10"])
    assert no_record.exit_code == 2 and "--refusals" in no_record.stderr


def test_refusal_without_the_transition_raises_with_the_article() -> None:
    kurultai()
    bill = _introduced()
    with pytest.raises(TransitionRefused) as refused:
        bill_advance(actor="console", bill=bill, action=Action.SIGN, on=D)
    assert refused.value.article == "46(3)"
