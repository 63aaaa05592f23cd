from __future__ import annotations

from datetime import date

import pytest
from django.test import Client

from atazan.accounts.domain.roles import Role
from atazan.accounts.services import PermissionRefused
from atazan.commission import services as cs
from atazan.commission import services_drafts as ds
from atazan.commission.domain import drafting as dd
from atazan.commission.domain.errors import CommissionError, DraftError
from atazan.commission.selectors import comment_counts
from atazan.commission.texts_link import official_articles, official_expression
from atazan.commission.views import _embed
from atazan.texts.services import official_text_import

from .setup_helpers import proposal_make, small_commission, start_draft, user, vote_all

pytestmark = pytest.mark.django_db


def _published_draft(settings):  # type: ignore[no-untyped-def]
    c = small_commission(settings)
    start_draft(c)
    proposal_make("ЗТ-2025-000777", articles=("2",))
    item = cs.agenda_item_add(
        actor=c.secretary, session=c.session, title="Kurultai", articles=["2"], proposals=["ЗТ-2025-000777"]
    )
    vote_all(c, item, "fffff-")
    cs.decision_record(
        actor=c.secretary,
        item=item,
        kind="modify",
        summary="One chamber",
        changes=[
            dd.ArticleChange(dd.ChangeKind.AMEND, "2", "1. Курултай состоит из одной палаты.\n2. Срок – пять лет.")
        ],
    )
    return c, ds.draft_version_create(actor=c.secretary, date=date(2026, 1, 31), title="Draft 2", publish=True)


def test_comments_are_moderated_and_counted_per_article(settings) -> None:
    c, draft = _published_draft(settings)
    citizen = user("aigerim", Role.CITIZEN)
    moderator = user("mod", Role.MODERATOR)
    first = ds.comment_submit(actor=citizen, version=draft, article="2", paragraph="1", text="Одна палата — хорошо.")
    second = ds.comment_submit(actor=citizen, version=draft, article="2", paragraph="", text="Реклама")
    ds.comment_submit(actor=citizen, version=draft, article="1", paragraph="", text="Согласна.")
    assert comment_counts() == {}  # nothing shows before moderation
    ds.comment_moderate(actor=moderator, comment=first, approve=True)
    with pytest.raises(CommissionError, match="states its reason"):
        ds.comment_moderate(actor=moderator, comment=second, approve=False)
    ds.comment_moderate(actor=c.secretary, comment=second, approve=False, reason="advertising")
    assert comment_counts() == {"2": 1}
    with pytest.raises(PermissionRefused, match="may not commission.comment.moderate"):
        ds.comment_moderate(actor=citizen, comment=first, approve=True)
    with pytest.raises(CommissionError, match="has no paragraph 7"):
        ds.comment_submit(actor=citizen, version=draft, article="2", paragraph="7", text="x")
    with pytest.raises(CommissionError, match="published draft only"):
        ds.comment_submit(actor=citizen, version=draft.base, article="2", paragraph="", text="x")


def test_anonymous_visitors_read_but_cannot_comment_or_vote(settings) -> None:
    c, draft = _published_draft(settings)
    client = Client()
    response = client.post(f"/commission/drafts/{draft.number}/art/2/", {"paragraph": "", "text": "hello"})
    # the refusal in the page's language (Kazakh by default), not the English of the log
    assert response.status_code == 200 and "пікір қалдыру үшін кіріңіз" in response.content.decode()
    response = client.post(
        "/api/commission/sessions/1/items/1/vote", {"choice": "for"}, content_type="application/json"
    )
    assert response.status_code == 401
    client.force_login(user("citizen", Role.CITIZEN), backend="atazan.accounts.backends.ThrottledModelBackend")
    response = client.post(
        "/api/commission/sessions/1/items/1/vote", {"choice": "for"}, content_type="application/json"
    )
    assert response.status_code == 403


def test_the_draft_diff_page_and_api_show_the_change(settings, english) -> None:
    _published_draft(settings)
    page = Client().get("/commission/drafts/compare/?old=1&new=2").content.decode()
    assert "<del>Парламент</del>" in page.replace("\n", "") or "<del>" in page
    assert "<ins>" in page and "Art. 2" in page and "Art. 3" not in page
    data = Client().get("/api/commission/drafts/1/diff/2").json()
    assert [a["article"] for a in data["articles"]] == ["2"]
    assert data["new"].endswith("/constitution/rus@2026-01-31")


def test_the_session_page_embeds_the_broadcast_and_shows_the_vote(settings, english) -> None:
    _published_draft(settings)
    page = Client().get("/commission/sessions/1/").content.decode()
    assert 'src="https://www.youtube-nocookie.com/embed/abcDEF12345"' in page
    assert "6 of 6 members present; quorum 4." in page
    assert "adopted: 5 for, 0 against, 0 abstained; 4 needed" in page
    assert "People&#x27;s Council" in page  # the rule's source is cited where the outcome shows


def test_embed_accepts_youtube_links_only() -> None:
    assert _embed("https://youtu.be/abc_DEF-123") == "https://www.youtube-nocookie.com/embed/abc_DEF-123"
    assert _embed("https://www.youtube.com/live/XyZ123") == "https://www.youtube-nocookie.com/embed/XyZ123"
    assert _embed("https://evil.example/watch?v=abc") == ""
    assert _embed('https://www.youtube.com/watch?v=a"onload') == ""


def test_the_final_version_must_be_reached_by_decisions_from_the_official_text(settings) -> None:
    official_text_import(year=2026, language="rus")
    expression = official_expression(year=2026, language="rus")
    assert expression is not None
    official = official_articles(expression)
    assert len(official) == 96
    c = small_commission(settings)
    old_17 = "1. Каждый имеет право на жизнь.\n2. Никто не вправе произвольно лишать человека жизни."
    draft = [a if a.num != "17" else dd.DraftArticle("17", old_17) for a in official]
    ds.draft_version_start(actor=c.secretary, date=date(2026, 1, 28), title="Consolidated", articles=draft)
    with pytest.raises(DraftError, match="no decision explains Arts. 17"):
        ds.draft_adopt_official(actor=c.secretary, date=date(2026, 2, 12), title="Final", expression=expression)
    item = cs.agenda_item_add(actor=c.secretary, session=c.session, title="Death penalty", articles=["17"])
    vote_all(c, item, "ffffff")
    final_17 = next(a.wording for a in official if a.num == "17")
    cs.decision_record(
        actor=c.secretary,
        item=item,
        kind="accept",
        summary="Abolish",
        changes=[dd.ArticleChange(dd.ChangeKind.AMEND, "17", final_17)],
    )
    final = ds.draft_adopt_official(actor=c.secretary, date=date(2026, 2, 12), title="Final", expression=expression)
    assert final.status == "final" and final.expression == expression
    story = Client().get("/api/commission/articles/17/story").json()
    assert story["adopted"] == final_17
    assert story["origins_1995"][0]["old"] == ["15"]  # the texts aligner: 2026 Art. 17 comes from 1995 Art. 15
    assert [d["changed"] for d in story["drafts"]] == [False, True]
    assert story["drafts"][1]["decisions"] == ["1/1"]
