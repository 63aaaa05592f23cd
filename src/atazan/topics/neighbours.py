"""Citizen proposals (consultation) and public comments (commission) on a topic, by the 2026 articles they concern.

Only what the public may see: proposals that moderation has not flagged or hidden, and comments a moderator
published. Most supported proposals first; comments in the order they were made.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.urls import reverse


@dataclass(frozen=True)
class Mention:
    title: str
    article: str
    url: str = ""
    source: str = ""  # "consultation.Proposal", "commission.Comment"
    language: str = ""  # the language the text is written in ("kk", "ru", "en"), for the page's lang attribute


def _excerpt(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def proposals_on(articles: Iterable[str], *, limit: int = 20) -> list[Mention]:
    """Visible citizen proposals linked to any of these articles of the 2026 Constitution, one line per proposal."""
    from atazan.consultation.models import ProposalArticle, Visibility

    wanted = sorted(set(articles))
    if not wanted:
        return []
    links = (
        ProposalArticle.objects.filter(constitution="2026", article__in=wanted, proposal__visibility=Visibility.VISIBLE)
        .select_related("proposal")
        .order_by("-proposal__support_count", "-proposal__submitted_at", "proposal_id")
    )
    out: list[Mention] = []
    seen: set[int] = set()
    for link in links[: limit * 4]:
        if link.proposal_id in seen:
            continue
        seen.add(link.proposal_id)
        p = link.proposal
        out.append(Mention(_excerpt(p.text), link.article, p.get_absolute_url(), "consultation.Proposal", p.language))
        if len(out) == limit:
            break
    return out


def comments_on(articles: Iterable[str], *, limit: int = 20) -> list[Mention]:
    """Published public comments on any of these articles of the Commission's drafts of the 2026 Constitution."""
    from atazan.commission.models import Comment

    wanted = sorted(set(articles))
    if not wanted:
        return []
    comments = (
        Comment.objects.filter(article__in=wanted, status=Comment.Status.APPROVED)
        .select_related("version")
        .order_by("created_at", "pk")[:limit]
    )
    return [
        Mention(
            _excerpt(c.text),
            c.article,
            reverse("commission:draft_article", kwargs={"number": c.version.number, "num": c.article}),
            "commission.Comment",
        )
        for c in comments
    ]
