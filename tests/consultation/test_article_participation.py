"""From the text to participation and back (issue 17): "propose a change" on every article and paragraph of the 2026
text, prefilled; the article page lists the proposals, campaigns and Commission decisions about it, with counts."""

from __future__ import annotations

import pytest
from django.urls import reverse

from atazan.consultation.models import Proposal, ProposalArticle
from atazan.texts.services import official_text_import
from tests.consultation.helpers import citizen, submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def texts_2026():
    official_text_import(year=2026, language="rus")


def test_every_paragraph_offers_a_prefilled_proposal_and_the_form_is_prefilled(client, english, texts_2026):
    page = client.get(reverse("texts:article", args=[2026, "rus", "53"])).content.decode()
    assert 'data-testid="propose-article"' in page and "/consultation/submit/?article=53" in page
    assert page.count('data-testid="propose-paragraph"') >= 2 and "article=53&amp;paragraph=2" in page
    client.force_login(citizen())
    form = client.get(reverse("consultation:submit") + "?article=53&paragraph=2").content.decode()
    assert "Article 53, paragraph 2 of the Constitution: " in form
    refused = client.get(reverse("consultation:submit") + "?article=53%3Cscript%3E").content.decode()
    assert "53<script>" not in refused and "Article 53" not in refused


def test_the_prefill_links_the_proposal_to_the_article_in_russian_and_kazakh(client):
    client.force_login(citizen())
    for lang in ("ru", "kk"):
        form = client.get(reverse("consultation:submit") + "?article=53&paragraph=2", HTTP_ACCEPT_LANGUAGE=lang)
        text = form.content.decode().split('name="text"', 1)[1].split(">", 1)[1].split("<", 1)[0]
        assert "53" in text and "Article" not in text
        p = submit(text + "прошу дополнить право на информацию.", serial=3 if lang == "ru" else 4)
        assert ProposalArticle.objects.filter(proposal=p, article="53", source="mentioned").exists(), text


def test_the_article_page_lists_proposals_campaigns_and_decisions_with_counts(client, english, texts_2026):
    numbers = [submit("Прошу изменить статью 53: право на доступ к информации.", serial=i).registration_number
               for i in range(1, 4)]  # fmt: skip
    Proposal.objects.filter(registration_number__in=numbers).update(duplicate_group=numbers[0])
    submit("Статья 53 должна гарантировать свободу собраний.", serial=5)
    submit("Статья 10 о гражданстве.", serial=6)
    page = client.get(reverse("texts:article", args=[2026, "rus", "53"])).content.decode()
    counts = page.split('data-testid="participation-counts">', 1)[1].split("</p>", 1)[0]
    assert "4 proposals" in counts and "1 campaign" in counts and "0 Commission decisions" in counts
    assert f"/consultation/p/{numbers[0]}/" in page and "3 identical proposals" in page
    old = client.get(reverse("texts:article", args=[1995, "rus", "53"]))
    assert "propose-article" not in old.content.decode()


def test_a_draft_article_is_named_as_the_drafts_and_not_linked_to_the_adopted_article(client):
    """A draft's numbering may differ from the adopted text's (issue 17): the prefill names the draft and its date,
    and the proposal is not linked to the 2026 article of the same number."""
    import datetime as dt

    from atazan.commission.models import DraftVersion

    draft = DraftVersion.objects.create(number=3, date=dt.date(2026, 1, 31), title="Draft 3", status="published",
                                        created_by="test")  # fmt: skip
    draft.articles.create(order=1, num="12", wording="1. Первый пункт.\n2. Второй пункт.")
    client.force_login(citizen())
    for serial, lang, para in ((7, "ru", "2"), (8, "kk", "2"), (9, "ru", ""), (11, "en", "2")):
        query = "?draft=3&article=12" + (f"&paragraph={para}" if para else "")
        form = client.get(reverse("consultation:submit") + query, HTTP_ACCEPT_LANGUAGE=lang)
        text = form.content.decode().split('name="text"', 1)[1].split(">", 1)[1].split("<", 1)[0]
        assert "31.01.2026" in text and "12" in text and any(w in text for w in ("проекта", "жобас", "draft")), text
        p = submit(text + "прошу дополнить право на информацию.", serial=serial)
        assert not ProposalArticle.objects.filter(proposal=p, article="12", source="mentioned").exists(), text
    # the adopted text's own prefill still links
    p = submit("Статья 12, пункт 2 Конституции: прошу дополнить.", serial=10)
    assert ProposalArticle.objects.filter(proposal=p, article="12", source="mentioned").exists()
