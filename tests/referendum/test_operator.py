"""The operator's work: enter or upload protocols (checked by the control relations, errors naming the rule), file a
correction after a recount (reason required, the old version stays), resolve the review queue (accept a corrected
protocol, or dismiss with a reason) — each action audited, the public result following."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from atazan.accounts.domain.roles import Role
from atazan.accounts.services import user_create
from atazan.audit.models import AuditEntry
from atazan.referendum import selectors, services
from atazan.referendum.domain.electorate import ElectorateEntry, list_compare, read_electorate_text
from atazan.referendum.domain.protocol_io import read_csv
from atazan.referendum.domain.units import UnitRegistry
from atazan.referendum.models import ProtocolReview, ProtocolVersion

from . import factories

pytestmark = pytest.mark.django_db

GOOD = {"precinct": "new-1", "unit": "karaganda", "district": "", "registered": "900", "took_part": "600"}
GOOD |= {"yes": "500", "no": "80", "invalid": "10", "not_counted": "10"}


@pytest.fixture
def q():  # type: ignore[no-untyped-def]
    question = factories.question()
    factories.load(question, [factories.protocol("astana-1")], signed=False)
    # the precincts these tests file protocols for are on the register
    factories.register(
        [
            factories.protocol("new-1", "karaganda", registered=900, district=""),
            factories.protocol("up-1", registered=1000, district=""),
            factories.protocol("up-2", registered=1000, district=""),
            factories.protocol("r-1", registered=200, district=""),
            factories.protocol("astana-2", registered=700),
        ]
    )
    return question


@pytest.fixture
def operator(client):  # type: ignore[no-untyped-def]
    user = user_create(username="operator", password="atazan-demo-long", roles=[Role.ELECTION_OPERATOR])
    client.force_login(user)
    return user


def test_an_entered_protocol_breaking_a_relation_names_the_rule_and_stores_nothing(client, english, q, operator):  # type: ignore[no-untyped-def]
    url = f"/referendum/{q.slug}/operator/protocol/"
    response = client.post(url, {**GOOD, "yes": "501"})
    assert response.status_code == 422
    page = response.content.decode()
    assert 'data-rule="balance"' in page and "Referendum Law, Art. 30(1)" in page
    assert "citizens who took part (600) must equal the votes for (501)" in page and "Check these five figures" in page
    assert "<code>balance</code>" not in page  # the code is a machine attribute, never the text
    assert not ProtocolVersion.objects.filter(precinct__number="new-1").exists()
    assert not ProtocolReview.objects.exists()

    response = client.post(url, GOOD)
    assert response.status_code == 200
    assert selectors.result_for(q).totals.precincts == 2
    entry = AuditEntry.objects.get(action="referendum.protocol.accept")
    assert entry.actor == "operator" and entry.payload["accepted"] == 1


def test_negative_and_absurd_figures_in_the_form_are_refused(client, english, q, operator):  # type: ignore[no-untyped-def]
    url = f"/referendum/{q.slug}/operator/protocol/"
    negative = client.post(url, {**GOOD, "no": "-1"}).content.decode()
    assert 'data-rule="negative"' in negative
    assert client.post(url, {**GOOD, "registered": str(10**30)}).status_code == 422
    assert not ProtocolVersion.objects.filter(precinct__number="new-1").exists()


def test_an_upload_sends_bad_rows_to_review_with_the_rule_and_a_second_upload_changes_nothing(  # type: ignore[no-untyped-def]
    client, english, q, operator
):
    csv = (
        b"precinct,unit,district,registered,took_part,yes,no,invalid,not_counted\n"
        b"up-1,Astana,,1000,600,500,80,10,10\n"
        b"up-2,Astana,,1000,600,500,80,10,11\n"
    )
    url = f"/referendum/{q.slug}/operator/upload/"
    page = client.post(url, {"file": SimpleUploadedFile("day1.csv", csv, "text/csv")}).content.decode()
    assert 'data-rule="balance"' in page and "up-2" in page
    assert ProtocolReview.objects.get().source == "upload:day1.csv:3"
    again = client.post(url, {"file": SimpleUploadedFile("day1.csv", csv, "text/csv")})
    assert again.status_code == 200
    assert ProtocolReview.objects.count() == 1 and ProtocolVersion.objects.filter(precinct__number="up-1").count() == 1
    wrong = client.post(url, {"file": SimpleUploadedFile("x.csv", "a;b\n".encode("cp1251"), "text/csv")})
    assert wrong.status_code == 422 and "header lacks column" in wrong.content.decode()


def test_a_correction_needs_a_reason_and_keeps_the_old_version(client, english, q, operator):  # type: ignore[no-untyped-def]
    url = f"/referendum/{q.slug}/precincts/astana-1/correct/"
    form = client.get(url).content.decode()
    assert 'value="500"' in form  # prefilled with the current figures
    figures = {"registered": "1000", "took_part": "600", "yes": "499", "no": "81", "invalid": "10"}
    figures |= {"not_counted": "10", "ballots_received": "1005", "ballots_issued": "600", "ballots_unused": "405"}
    assert client.post(url, figures).status_code == 422
    assert ProtocolVersion.objects.filter(precinct__number="astana-1").count() == 1
    broken = client.post(url, {**figures, "yes": "300", "reason": "recount"}).content.decode()
    assert 'data-rule="balance"' in broken
    response = client.post(url, {**figures, "reason": "Recount by decision 12 of the district commission"})
    assert response.status_code == 302
    versions = list(ProtocolVersion.objects.filter(precinct__number="astana-1").order_by("version"))
    assert [(v.version, v.is_current, v.yes) for v in versions] == [(1, False, 500), (2, True, 499)]
    assert versions[1].author == "operator" and versions[1].reason.startswith("Recount")
    assert AuditEntry.objects.get(action="referendum.protocol.correct").payload["before"]["yes"] == 500
    page = client.get(f"/referendum/{q.slug}/precincts/astana-1/").content.decode()
    assert "Correction filed as version 2" in page and "Recount by decision 12" in page


def test_resolving_by_accepting_a_corrected_protocol_counts_it_and_closes_every_rule_of_the_record(  # type: ignore[no-untyped-def]
    client, english, q, operator
):
    csv = "precinct,unit,registered,took_part,yes,no,invalid,not_counted\nr-1,Astana,100,150,100,40,5,6\n"
    services.protocols_import(question=q, parsed=read_csv(csv), source="f.csv", actor="console")
    rules = set(ProtocolReview.objects.values_list("rule", flat=True))
    assert rules == {"balance", "took_part_exceeds_registered"}
    item = ProtocolReview.objects.filter(rule="balance").get()
    url = f"/referendum/{q.slug}/review/{item.pk}/"
    page = client.get(url).content.decode()
    assert "no accepted protocol yet" in page and 'value="150"' in page
    fixed = {"action": "accept", "unit": "astana", "registered": "200", "took_part": "150", "yes": "100"}
    fixed |= {"no": "40", "invalid": "5", "not_counted": "5", "note": "Recount: 5 not counted"}
    still = client.post(url, {**fixed, "not_counted": "6"})
    assert still.status_code == 422 and 'data-rule="balance"' in still.content.decode()
    assert client.post(url, fixed).status_code == 302
    assert selectors.result_for(q).totals.took_part == 600 + 150
    assert set(ProtocolReview.objects.values_list("status", "resolution")) == {("resolved", "accepted")}
    entry = AuditEntry.objects.get(action="referendum.review.resolve")
    assert entry.actor == "operator" and entry.payload["resolution"] == "accepted"
    assert sorted(entry.payload["rules"]) == ["balance", "took_part_exceeds_registered"]
    queue = client.get(f"/referendum/{q.slug}/review/").content.decode()
    assert "Nothing awaits review." in queue and "Recount: 5 not counted" in queue


def test_resolving_a_conflict_files_a_correction_and_dismissing_needs_a_reason(client, english, q, operator):  # type: ignore[no-untyped-def]
    changed = factories.protocol("astana-1", yes=490, no=90)
    services.protocol_accept(question=q, protocol=changed, actor="console")
    conflict = ProtocolReview.objects.get(rule="conflicting_duplicate")
    url = f"/api/referendum/questions/{q.slug}/review/{conflict.pk}/resolve"
    body = {"action": "accept", "note": "recount confirmed the second protocol", "protocol": {**changed.as_dict()}}
    body["protocol"]["unit"] = "Astana"
    response = client.post(url, body, content_type="application/json")
    assert response.status_code == 200, response.content
    assert response.json()["resolution"] == "accepted"
    current = ProtocolVersion.objects.get(precinct__number="astana-1", is_current=True)
    assert (current.version, current.yes, current.reason) == (2, 490, "recount confirmed the second protocol")
    assert client.post(url, body, content_type="application/json").status_code == 409

    services.protocol_accept(question=q, protocol=factories.protocol("astana-1", yes=1, no=579), actor="console")
    other = ProtocolReview.objects.get(status="open")
    page = f"/referendum/{q.slug}/review/{other.pk}/"
    assert client.post(page, {"action": "dismiss", "note": ""}).status_code == 422
    assert client.post(page, {"action": "dismiss", "note": "sent by mistake"}).status_code == 302
    other.refresh_from_db()
    assert (other.status, other.resolution, other.resolved_by) == ("resolved", "dismissed", "operator")
    assert ProtocolVersion.objects.get(precinct__number="astana-1", is_current=True).yes == 490


def test_the_unit_page_compares_the_published_lists_with_the_protocols(client, english, q) -> None:  # type: ignore[no-untyped-def]
    services.protocol_accept(question=q, protocol=factories.protocol("astana-2", registered=700), actor="console")
    entries = [
        ElectorateEntry("astana-1", "Astana", "", 990, date(2026, 3, 1), "Akimat list, 1 March"),
        ElectorateEntry("astana-2", "Astana", "", 650, date(2026, 3, 1), "Akimat list, 1 March"),
    ]
    services.electorate_record(question=q, entries=entries, actor="console", registry=UnitRegistry())
    page = client.get(f"/referendum/{q.slug}/units/astana/").content.decode()
    assert 'data-testid="electorate-published">1\u2009640<' in page
    assert 'data-testid="electorate-registered">1\u2009700<' in page
    assert 'data-testid="electorate-difference">+60<' in page
    assert "Akimat list, 1 March" in page and "not in our legal sources" in page
    assert "electorate-beyond" not in page  # no allowance configured: differences shown, not judged
    q.day_additions_limit_bp = 200
    q.save()
    page = client.get(f"/referendum/{q.slug}/units/astana/").content.decode()
    # astana-2: 50 over 650 is beyond 2 %; astana-1 (10 over 990) is not
    assert 'data-testid="electorate-beyond">1<' in page


def test_list_comparison_is_exact_at_the_allowance() -> None:
    assert not list_compare(published=1000, registered=1020, limit_bp=200).beyond_limit  # exactly 2 %
    assert list_compare(published=1000, registered=1021, limit_bp=200).beyond_limit
    assert not list_compare(published=1000, registered=5000, limit_bp=None).beyond_limit
    assert list_compare(published=1000, registered=990, limit_bp=0).difference == -10


def test_electorate_file_problems_name_the_line() -> None:
    parsed = read_electorate_text(
        "precinct,unit,voters,published_on,source\n"
        "a,Astana,100,2026-03-01,list\n"
        "b,Astana,1e3,2026-03-01,list\n"
        "c,Astana,100,1 March,list\n"
        "a,Astana,100,2026-03-01,list\n"
    )
    assert [e.precinct for e in parsed.entries] == ["a"]
    assert [p.message for p in parsed.problems] == [
        "line 3: voters = '1e3' is not a whole number",
        "line 4: published_on = '1 March' is not a date",
        "line 5: precinct a listed twice",
    ]


def test_the_question_page_says_the_kazakh_wording_is_not_in_our_sources(client, q) -> None:  # type: ignore[no-untyped-def]
    client.cookies["django_language"] = "kk"
    page = client.get(f"/referendum/{q.slug}/", HTTP_ACCEPT_LANGUAGE="kk").content.decode()
    assert 'data-testid="kazakh-missing"' in page
    assert "Принимаете ли Вы?" in page  # the Russian wording, not an invented Kazakh one


def test_model_districts_are_labelled_as_a_model() -> None:
    from atazan.referendum.domain.synthetic import model_precincts

    districts = {m.protocol.district for m in model_precincts() if not m.protocol.abroad}
    assert all(d.startswith("Model district ") and " of " in d for d in districts)
    assert "Model district 01 of Abai Region" in districts


@pytest.mark.parametrize(("language", "heading"), [("kk", "Оператор орны"), ("ru", "Рабочее место оператора")])
def test_the_operator_desk_speaks_kazakh_and_russian(client, q, operator, settings, language, heading):  # type: ignore[no-untyped-def]
    settings.LANGUAGE_CODE = language
    page = client.get(f"/referendum/{q.slug}/operator/", HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert heading in page


def test_the_unit_api_carries_the_electorate_comparison(client, q) -> None:  # type: ignore[no-untyped-def]
    entries = [ElectorateEntry("astana-1", "Astana", "", 990, date(2026, 3, 1), "Akimat list")]
    services.electorate_record(question=q, entries=entries, actor="console", registry=UnitRegistry())
    body = client.get(f"/api/referendum/questions/{q.slug}/units/astana").json()
    assert body["electorate"]["published"] == 990 and body["electorate"]["difference"] == 10
    assert body["precincts"][0]["published_list"] == 990


def _visible(page: str) -> str:
    """The page's text as a reader sees it: no markup, no attributes."""
    import re

    return re.sub(r"<[^>]+>", " ", page.split("<body", 1)[-1])


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("ru", "число принявших участие граждан (600) должно равняться сумме голосов «за» (501)"),
        ("kk", "дауыс беруге қатысқан азаматтар (600) «иә» дауыстары (501)"),
    ],
)
def test_a_rejected_protocol_is_explained_next_to_its_field_in_the_reader_s_language(  # type: ignore[no-untyped-def]
    client, q, operator, language, said
):
    import re

    client.cookies["atazan_language"] = language
    response = client.post(f"/referendum/{q.slug}/operator/protocol/", {**GOOD, "yes": "501"})
    assert response.status_code == 422
    page = response.content.decode()
    took_part = re.search(r'<p><label for="id_took_part">.*?</p>', page, re.S)
    assert took_part is not None and said in took_part.group()  # next to the field it concerns
    assert 'data-rule="balance"' in page and 'href="#id_took_part"' in page  # the summary links to the field
    rules = re.search(r'<ul class="rule-errors".*?</ul>', page, re.S)
    assert rules is not None
    text = _visible(rules.group())
    assert said in text and ("Сверьте" in text or "салыстырып" in text)  # what to do next
    assert ("Закон о референдуме" in text) or ("Референдум туралы заң" in text)  # the source, translated too
    assert not re.search(r"[A-Za-z]{3,}", text.replace("new-1", "")), text  # no English, no rule code
