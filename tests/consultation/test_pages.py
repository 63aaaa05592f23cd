import json

import pytest
from django.urls import reverse

from atazan.consultation.demo import load
from tests.consultation.helpers import citizen, moderator, secretary, submit, valid_iin

pytestmark = pytest.mark.django_db


def test_list_detail_dashboard_and_synthetic_label(client, english):
    load(count=120)
    listing = client.get(reverse("consultation:index"))
    assert listing.status_code == 200
    assert b"Synthetic demo data" in listing.content and b"synthetic" in listing.content
    assert b'rel="next"' in listing.content  # 120 rows: a second page, found without counting them all
    detail = client.get(reverse("consultation:detail", args=["SYN-S000001"]))
    assert detail.status_code == 200 and b"Synthetic demo data" in detail.content
    dashboard = client.get(reverse("consultation:dashboard"))
    assert dashboard.status_code == 200 and b'<table class="bar-chart">' in dashboard.content


def test_submit_form_registers_and_shows_similar(client, english):
    first = submit("Предлагаю упразднить Сенат и сделать парламент однопалатным, Курултай из 145 депутатов.")
    user = citizen()
    client.force_login(user)
    similar = client.post(
        reverse("consultation:similar"), {"text": "Упразднить Сенат, парламент однопалатный, Курултай 145 депутатов"}
    )
    assert first.registration_number.encode() in similar.content
    response = client.post(
        reverse("consultation:submit"),
        {
            "kind": "proposal",
            "surname": "Серiков",
            "name": "Айдос",
            "iin": valid_iin(9),
            "region": "Astana",
            "language": "ru",
            "text": "Прошу закрепить светский характер образования (ст. 33).",
        },
    )
    assert response.status_code == 302
    refused = client.post(
        reverse("consultation:submit"),
        {
            "kind": "proposal",
            "surname": "А",
            "name": "Б",
            "iin": "900101300018",
            "region": "Astana",
            "language": "ru",
            "text": "Текст",
        },
    )
    assert b"check digit" in refused.content


def test_review_queue_is_for_the_working_group_only(client):
    submit("Предложение о местном самоуправлении и выборах акимов")
    c = citizen()
    client.force_login(c)
    assert client.get(reverse("consultation:review")).status_code == 403
    wg = secretary()
    client.force_login(wg)
    page = client.get(reverse("consultation:review"))
    assert page.status_code == 200


def test_open_data_exports_stream_without_personal_data(client):
    p = submit("Земля принадлежит народу (статья 11).")
    csv_response = client.get(reverse("consultation:export_csv"))
    assert csv_response.streaming
    body = b"".join(csv_response.streaming_content).decode()
    assert p.registration_number in body and valid_iin() not in body and "Серiков" not in body
    json_response = client.get(reverse("consultation:export_json"))
    rows = json.loads(b"".join(json_response.streaming_content))
    assert rows[0]["articles"] == "11" and "applicant_iin" not in rows[0]


def test_api_lists_proposals_and_analyzes(client):
    submit("Земля принадлежит народу (статья 11).")
    rows = client.get("/api/consultation/proposals").json()
    assert rows[0]["articles"] == ["11"] and "applicant_iin" not in rows[0]
    result = client.post(
        "/api/consultation/analyze",
        data=json.dumps(
            {
                "proposals": [
                    {"id": "P1", "text": "Предлагаю изменить статью 53: Курултай из 100 депутатов"},
                    {"id": "P2", "text": "Здравствуйте! Предлагаю изменить статью 53: Курултай из 100 депутатов. Ким"},
                ]
            }
        ),
        content_type="application/json",
    ).json()
    assert result["duplicate_groups"] == [["P1", "P2"]] and result["articles"] == {"P1": ["53"], "P2": ["53"]}


def test_working_group_bulk_actions_and_background_analysis(client, english):
    from django_tasks_db.models import DBTaskResult

    a = submit("Предложение о местном самоуправлении и выборах акимов", serial=1)
    b = submit("Предложение о суде присяжных по тяжким преступлениям", serial=2)
    client.force_login(secretary())
    client.post(
        reverse("consultation:review"), {"action": "review", "selected": [a.registration_number, b.registration_number]}
    )
    a.refresh_from_db()
    assert a.status == "under_review"
    refused = client.post(reverse("consultation:review"), {"action": "hide", "selected": [b.registration_number]},
                          follow=True)  # fmt: skip
    b.refresh_from_db()
    assert b.visibility == "visible" and b"Only the moderator may do this" in refused.content
    client.force_login(moderator())
    client.post(reverse("consultation:review"), {"action": "hide", "selected": [b.registration_number], "note": "spam"})
    b.refresh_from_db()
    assert b.visibility == "hidden"
    client.force_login(secretary())
    client.post(reverse("consultation:review"), {"action": "analyse"})
    assert DBTaskResult.objects.filter(task_path__endswith="analysis_run").exists()


def test_working_group_confirms_a_suggested_article(client, english):
    p = submit("Смертная казнь должна быть запрещена навсегда, никто не может быть лишён жизни.")
    assert p.articles.filter(source="suggested", article="17").exists()
    client.force_login(secretary())
    page = client.get(p.get_absolute_url())
    assert b"Confirm" in page.content
    client.post(reverse("consultation:confirm_article", args=[p.registration_number]),
                {"article": "17", "constitution": "2026"})  # fmt: skip
    assert p.articles.get(article="17").source == "confirmed"


def test_list_survives_hostile_query_strings(client):
    submit("Земля принадлежит народу (статья 11).")
    for query in ("page=" + "9" * 30, "page=-5", "theme=abc", "theme=" + "9" * 30, "article=<script>", "status=x"):
        assert client.get(reverse("consultation:index") + "?" + query).status_code == 200, query
    client.force_login(secretary())
    assert client.get(reverse("consultation:review") + "?page=" + "9" * 30).status_code == 200
