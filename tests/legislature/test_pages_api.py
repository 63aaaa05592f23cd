from __future__ import annotations

import pytest
from django.test import Client
from rich.console import Console

from atazan.legislature import demo
from tests.legislature.factories import kurultai


@pytest.fixture
def demo_data(db: None) -> None:
    kurultai()
    demo.build(console=Console(quiet=True))


@pytest.mark.usefixtures("demo_data", "english")
def test_bill_page_shows_timeline_checks_and_votes_by_party(client: Client) -> None:
    page = client.get("/legislature/bills/KB-2026-002/").content.decode()
    assert "override vote" in page and "Art. 56(2)" in page and "Alpha (test)" in page
    stopped = client.get("/legislature/bills/KB-2026-003/").content.decode()
    assert "no_retroactive_worsening" in stopped and "Art. 5(5)" in stopped and "refused" in stopped
    assert "Synthetic, illustrative bill" in stopped


@pytest.mark.usefixtures("demo_data", "english")
def test_peoples_council_and_vice_president_pages(client: Client) -> None:
    council = client.get("/legislature/peoples-council/").content.decode()
    assert "KB-2026-001" in council and 'data-testid="pc-members">126<' in council
    from atazan.legislature.models import PeoplesCouncilMember

    # the demo records each member's citizenship (Constitution 2026, Art. 70(2)), so it is checked
    assert PeoplesCouncilMember.objects.filter(citizen=True).count() == 126
    vp = client.get("/legislature/vice-president/").content.decode()
    assert "Consent refused" in vp and "Appointed" in vp and "Art. 49(3)" in vp


@pytest.mark.usefixtures("demo_data")
def test_api_bill_and_check(client: Client) -> None:
    bill = client.get("/api/legislature/bills/KB-2026-004").json()
    assert bill["stage"] == "stopped" and bill["checks"][0]["article"] == "43(5)"
    assert [e["refused"] for e in bill["events"]] == [True, False]
    response = client.post(
        "/api/legislature/check",
        {"initiator": "peoples_council", "date": "2026-06-30"},
        content_type="application/json",
    )
    assert response.json()["violations"][0]["article"] == "61(1)"
    bad = client.post(
        "/api/legislature/check", {"initiator": "deputy", "provisions": "x"}, content_type="application/json"
    )
    assert bad.status_code == 422 and "bill.provisions" in bad.json()["detail"]
    council = client.get("/api/legislature/peoples-council").json()
    assert council["members"] == 126 and council["initiatives"][0]["number"] == "KB-2026-001"


@pytest.mark.usefixtures("demo_data", "english")
def test_votes_by_deputy_come_from_the_elections_mandates(client: Client) -> None:
    bill = client.get("/api/legislature/bills/KB-2026-002").json()
    vote_id = bill["votes"][0]["id"]
    vote = client.get(f"/api/legislature/votes/{vote_id}").json()
    assert vote["election"] == "kurultai-test" and vote["seated"] == 145 and vote["vacant"] == 0
    assert len(vote["ballots"]) == 145 and all(b["mandate"] for b in vote["ballots"])
    assert {b["party"] for b in vote["ballots"]} == {"Alpha (test)", "Beta (test)"}
    deputies = client.get("/api/legislature/deputies?on=2026-11-01").json()
    assert (deputies["total"], deputies["seated"], deputies["vacant"]) == (145, 145, 0) and deputies["simulated"]
    page = client.get("/legislature/deputies/?on=2026-11-01").content.decode()
    assert "145 deputies in office of 145 seats" in page and "/elections/kurultai-test/" in page
    rejected = client.get("/legislature/bills/KB-2026-007/").content.decode()
    assert "rejected as a whole" in rejected and "Art. 60(5)" in rejected
    urgent = client.get("/legislature/bills/KB-2027-010/").content.decode()
    assert 'data-testid="urgent"' in urgent and "in force until the law enters into force" in urgent
    amendment = client.get("/legislature/bills/KB-2026-009/").content.decode()
    assert 'data-testid="referendum"' in amendment and 'href="/referendum/"' in amendment
    vp = client.get("/legislature/vice-president/").content.decode()
    assert 'data-testid="dissolution"' in vp and "Art. 62(3)" in vp


@pytest.mark.django_db
def test_api_check_speaks_the_readers_language_and_quotes_the_article(client: Client) -> None:
    """The contract's keys stay; the message follows ?lang or Accept-Language and the sentence is quoted."""
    amendment = {"initiator": "president", "kind": "amendment", "date": "2026-10-01", "amends_articles": ["43.1"]}
    english = client.post("/api/legislature/check?lang=en", amendment, content_type="application/json").json()
    first = english["violations"][0]
    assert (first["rule"], first["article"]) == ("never_amendable", "43(5)")
    assert first["message"].startswith("Constitution 2026, Art. 43(5): the bill amends Art. 43(1)")
    assert first["quote"] == "Положения пункта 1 настоящей статьи неизменны." and first["constitution"] == "2026"
    assert first["url"] == "/texts/2026/rus/art/43/#art_43__para_5"
    kazakh = client.post(
        "/api/legislature/check", amendment, content_type="application/json", HTTP_ACCEPT_LANGUAGE="kk"
    ).json()["violations"][0]
    assert kazakh["message"] != first["message"] and kazakh["url"].startswith("/texts/2026/kaz/art/43/")
    russian = client.post("/api/legislature/check?lang=ru", amendment, content_type="application/json").json()
    assert "п. 5 ст. 43 Конституции 2026" in russian["violations"][0]["message"]


@pytest.mark.django_db
def test_api_check_refuses_an_article_the_constitution_does_not_have(client: Client) -> None:
    bad = client.post(
        "/api/legislature/check",
        {"initiator": "president", "kind": "amendment", "date": "2026-10-01", "amends_articles": ["97"]},
        content_type="application/json",
    )
    assert bad.status_code == 422 and "bill.amends_articles[0]" in bad.json()["detail"]


@pytest.mark.usefixtures("demo_data")
def test_bill_page_and_api_quote_the_sentence_in_the_readers_language(client: Client) -> None:
    page = client.get("/legislature/bills/KB-2026-004/", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert "Положения пункта 1 настоящей статьи неизменны." in page and "/texts/2026/rus/art/43/#art_43__para_5" in page
    checks = page.split('data-testid="violations"', 1)[1].split("</ul>", 1)[0]
    assert "п. 5 ст. 43 Конституции 2026 г." in checks and "which may never be amended" not in checks
    api = client.get("/api/legislature/bills/KB-2026-004?lang=kk").json()
    assert api["checks"][0]["article"] == "43(5)" and api["checks"][0]["url"].startswith("/texts/2026/kaz/art/43/")


@pytest.mark.usefixtures("demo_data")
@pytest.mark.parametrize(
    ("language", "title", "stage", "kind", "result"),
    [
        ("kk", "Қоғамдық диалог алаңдары туралы", "жарияланды", "заң", "қабылданды"),
        ("ru", "О площадках общественного диалога", "опубликован", "закон", "принято"),
    ],
)
def test_bill_page_in_kazakh_and_russian_shows_the_readers_texts_and_labels_not_codes(
    client: Client, language: str, title: str, stage: str, kind: str, result: str
) -> None:
    # issue 15: the demo keeps the bill's title in kk and ru, and codes are shown through labels
    client.cookies["atazan_language"] = language
    page = client.get("/legislature/bills/KB-2026-001/", HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert f"KB-2026-001: {title}</h1>" in page and stage in page and kind in page and result in page
    shown = page.split("<pre>")[0]  # what follows is the draft as checked (BILL.json), data with its codes
    assert "On public dialogue platforms" not in shown
    for code in ("peoples_council", ">ordinary<", "first_reading", ">passed<"):
        assert code not in shown, code


@pytest.mark.usefixtures("demo_data")
def test_translations_keep_recorded_variants_and_refuse_other_fields() -> None:
    from atazan.legislature.models import Bill
    from atazan.legislature.services import translations_add
    from atazan.rules.domain.institutions import RuleError

    bill = Bill.objects.get(number="KB-2026-005")
    kk_title = bill.translations["kk"]["title"]
    translations_add(actor=demo.ACTOR, record=bill, translations={"kk": {"title": "другое"}})
    bill.refresh_from_db()
    assert bill.translations["kk"]["title"] == kk_title  # a recorded variant is kept
    with pytest.raises(RuleError):
        translations_add(actor=demo.ACTOR, record=bill, translations={"kk": {"number": "X"}})
    with pytest.raises(RuleError):
        translations_add(actor=demo.ACTOR, record=bill, translations={"de": {"title": "X"}})
