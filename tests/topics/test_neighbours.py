"""A topic page lists the citizens' proposals and public comments on its articles — only what the public may see."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from atazan.commission.models import Comment, DraftVersion
from atazan.consultation.models import Proposal, ProposalArticle, Visibility
from atazan.topics.neighbours import comments_on, proposals_on

pytestmark = pytest.mark.django_db


def _proposal(number: str, text: str, *, article: str, visibility: str = Visibility.VISIBLE) -> Proposal:
    p = Proposal.objects.create(
        registration_number=number, applicant_surname="Test", applicant_name="Synthetic", region="astana",
        language="ru", text=text, normal_text=text.lower(), submitted_at=timezone.now(), visibility=visibility,
        synthetic=True,
    )  # fmt: skip
    ProposalArticle.objects.create(proposal=p, constitution="2026", article=article, source="mentioned")
    return p


def test_visible_proposals_on_the_articles_are_listed_and_hidden_ones_are_not() -> None:
    _proposal("ZT-1", "Защитить персональные данные граждан в цифровой среде", article="21")
    _proposal("ZT-2", "Скрытое модератором предложение", article="21", visibility=Visibility.HIDDEN)
    _proposal("ZT-3", "Про выборы в Курултай", article="53")
    found = proposals_on(["21"])
    assert [m.title for m in found] == ["Защитить персональные данные граждан в цифровой среде"]
    assert found[0].url == "/consultation/proposals/ZT-1/" or found[0].url.endswith("ZT-1/")


def test_only_published_comments_are_listed() -> None:
    version = DraftVersion.objects.create(
        number=91,
        date=dt.date(2026, 2, 1),
        title="Test draft (synthetic)",
        status="published",
        created_by="test",
        synthetic=True,
    )
    for status, text in [
        (Comment.Status.APPROVED, "Опубликованный комментарий"),
        (Comment.Status.PENDING, "Ждёт модерации"),
        (Comment.Status.REJECTED, "Отклонён"),
    ]:
        Comment.objects.create(version=version, article="21", author_name="Synthetic", text=text, status=status)
    found = comments_on(["21"])
    assert [m.title for m in found] == ["Опубликованный комментарий"]
    assert found[0].url.endswith("/drafts/91/art/21/")
