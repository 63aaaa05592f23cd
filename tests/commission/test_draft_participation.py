"""From the text to participation and back (issue 17), on the Constitutional Commission's draft: every article and
paragraph of a draft offers "propose a change", and the proposal names the draft rather than the adopted text."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from atazan.accounts.domain.roles import Role

from .setup_helpers import user
from .test_drafts_comments_pages import _published_draft

pytestmark = pytest.mark.django_db


def test_every_article_and_paragraph_of_a_draft_offers_a_proposal_naming_the_draft(settings) -> None:
    _c, draft = _published_draft(settings)
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    page = client.get(reverse("commission:draft_article", args=[draft.number, "2"])).content.decode()
    submit = reverse("consultation:submit")
    assert f'href="{submit}?draft={draft.number}&amp;article=2" data-testid="propose-article"' in page
    assert page.count('data-testid="propose-paragraph"') == 2  # the amended Article 2 has two paragraphs
    assert f"{submit}?draft={draft.number}&amp;article=2&amp;paragraph=2" in page
    client.force_login(user("aigerim", Role.CITIZEN))
    form = client.get(f"{submit}?draft={draft.number}&article=2&paragraph=2").content.decode()
    assert "Article 2, paragraph 2 of the draft Constitution (31.01.2026): " in form
    assert "of the Constitution: " not in form
    ru = client.get(f"{submit}?draft={draft.number}&article=2", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert "Статья 2 проекта Конституции (31.01.2026): " in ru
    # a draft or article that does not exist prefills nothing rather than guessing
    assert "Article 2" not in client.get(f"{submit}?draft=99&article=2").content.decode()
    assert "Article 77" not in client.get(f"{submit}?draft={draft.number}&article=77").content.decode()


def test_the_draft_page_offers_a_proposal_on_every_article(settings) -> None:
    _c, draft = _published_draft(settings)
    page = Client().get(reverse("commission:draft", args=[draft.number])).content.decode()
    nums = list(draft.articles.order_by("order").values_list("num", flat=True))
    assert len(nums) >= 2 and page.count('data-testid="propose-article"') == len(nums)
    for num in nums:
        assert f'?draft={draft.number}&amp;article={num}"' in page


def test_the_final_version_is_the_adopted_text_so_its_prefill_names_the_constitution(settings) -> None:
    """The final version is the official text itself (services_drafts): its numbering is the adopted one."""
    _c, draft = _published_draft(settings)
    draft.status = draft.Status.FINAL
    draft.save(update_fields=["status"])
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user("aigerim", Role.CITIZEN))
    form = client.get(f"{reverse('consultation:submit')}?draft={draft.number}&article=2&paragraph=1").content.decode()
    assert "Article 2, paragraph 1 of the Constitution: " in form and "draft Constitution" not in form
