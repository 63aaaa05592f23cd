"""Topic pages, the rights section, search, review, export, API and CLI."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client
from typer.testing import CliRunner

from atazan.topics.cli import app
from atazan.topics.models import Tag

pytestmark = pytest.mark.django_db
# force_login picks the first backend in AUTHENTICATION_BACKENDS, the login throttle, which cannot load a user back.
MODEL_BACKEND = "atazan.accounts.backends.ThrottledModelBackend"


def test_topic_page_quotes_both_constitutions_and_what_changed(client: Client, tagged: None, english: None) -> None:
    html = client.get("/topics/detention-rights/").content.decode()
    new = html[html.index('data-testid="paragraphs-2026"') : html.index('data-testid="paragraphs-1995"')]
    old = html[html.index('data-testid="paragraphs-1995"') : html.index('data-testid="what-changed"')]
    assert "в момент задержания разъясняются" in new and 'href="/texts/2026/rus/art/18/#art_18__para_3"' in new
    assert "семидесяти двух часов" in old and 'href="/texts/1995/rus/art/16/#art_16__para_2"' in old
    changed = html[html.index('data-testid="what-changed"') :]
    assert "<del>" in changed and "<ins>" in changed
    assert 'data-testid="worked-examples"' in html and "Constitution 2026, Art. 18(2)" in html


def test_never_amendable_marked_wherever_it_appears(client: Client, tagged: None, english: None) -> None:
    for url in ("/topics/sovereignty-independence/", "/topics/never-amendable/", "/topics/president/"):
        html = client.get(url).content.decode()
        assert 'data-testid="never-amendable"' in html, url
    html = client.get("/topics/president/").content.decode()
    assert "Constitution 2026, Art. 43(5)" in html


def test_new_topic_says_it_is_new(client: Client, tagged: None, english: None) -> None:
    html = client.get("/topics/personal-data/").content.decode()
    assert "защиту персональных данных" in html
    old = html[html.index('data-testid="paragraphs-1995"') : html.index('data-testid="what-changed"')]
    assert "tagged by a rule" not in old  # no rule finds personal data in 1995; only similarity suggestions may
    assert not Tag.objects.filter(topic__key="personal-data", year=1995, origin=Tag.Origin.RULE).exists()


def test_index_counts_chart_and_rights_page(client: Client, tagged: None, english: None) -> None:
    html = client.get("/topics/").content.decode()
    assert 'data-testid="topic-chart"' in html and "<svg" in html and "Personal data and digital technologies" in html
    rights = client.get("/topics/rights/").content.decode()
    assert "Procedural guarantees" in rights and "Мы, единый народ Казахстана" in rights


def test_search_by_topic_and_words(client: Client, tagged: None, english: None) -> None:
    html = client.get("/topics/search/", {"q": "цифровых", "topic": "digital"}).content.decode()
    assert "2 paragraphs" in html and "art_21__para_2" in html


def test_review_is_for_editors(client: Client, tagged: None, editor: Any, citizen: Any) -> None:
    client.force_login(citizen, backend=MODEL_BACKEND)
    assert client.get("/topics/review/").status_code == 403
    client.force_login(editor, backend=MODEL_BACKEND)
    tag = Tag.objects.filter(origin=Tag.Origin.SIMILARITY).first()
    response = client.post("/topics/review/", {"tag": [tag.pk], "decision": "confirm"})
    assert response.status_code == 302
    tag.refresh_from_db()
    assert tag.status == Tag.Status.CONFIRMED and tag.decided_by == editor


def test_export_and_api(client: Client, tagged: None) -> None:
    csv_text = client.get("/topics/export.csv").content.decode()
    assert csv_text.startswith("constitution,eid,article,label,topic")
    assert "2026,art_2__para_7,2,Art. 2(7),never-amendable" in csv_text
    data = json.loads(client.get("/topics/export.json").content)
    assert data["constitute_checked"] is False and len(data["tags"]) == Tag.objects.count()
    topics = client.get("/api/topics/").json()
    assert next(t for t in topics if t["key"] == "personal-data")["paragraphs_2026"] >= 2
    detail = client.get("/api/topics/non-retroactivity").json()
    rule_tagged = [p["eid"] for p in detail["paragraphs_2026"] if p["origin"] == "rule"]
    assert rule_tagged == ["art_5__para_5"]
    compare = client.get("/api/topics/non-retroactivity/compare").json()
    assert compare[0]["old_eid"] == "art_77__para_3" and compare[0]["new_eid"] == "art_5__para_5"
    assert client.get("/api/topics/safeguards").json()
    assert client.get("/api/topics/nope").status_code == 404


def test_cli_show_and_export(tagged: None) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["show", "non-retroactivity"])
    assert result.exit_code == 0 and "Art. 5(5)" in result.output
    result = runner.invoke(app, ["export", "--format", "json"])
    assert result.exit_code == 0 and json.loads(result.output)["tags"]
    assert runner.invoke(app, ["safeguards"]).exit_code == 0
