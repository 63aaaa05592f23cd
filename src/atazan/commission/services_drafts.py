"""Writes on the draft: versions made by applying Commission decisions, the official final text, public comments.

A draft version is frozen when created. The next version is the previous one with every adopted decision recorded
since applied in session order; nothing else changes a draft. The final version is the official text of
12 February 2026 (the one adopted by referendum, imported by the texts context); creating it checks that the
decisions recorded since the last draft turn that draft into exactly the official text, and refuses otherwise.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime

from django.contrib.auth.models import AnonymousUser, User
from django.db import transaction

from atazan.audit.services import audit_append
from atazan.texts.models import Expression

from .domain import drafting as dd
from .domain.errors import CommissionError, DraftError
from .domain.messages import msg, phrase
from .models import Comment, Decision, DraftArticle, DraftVersion
from .permissions import Actor, authorize
from .texts_link import official_articles

COMMENT_MAX_CHARS = 5000


def version_articles(version: DraftVersion) -> tuple[dd.DraftArticle, ...]:
    return tuple(dd.DraftArticle(a.num, a.wording) for a in version.articles.order_by("order"))


def decision_changes(decision: Decision) -> list[dd.ArticleChange]:
    return [dd.ArticleChange(dd.ChangeKind(c.kind), c.article, c.wording, c.after) for c in decision.changes.all()]


def pending_decisions(*, until: date | None = None) -> list[Decision]:
    """Adopted decisions with article changes that no draft version has applied yet, in session order."""
    qs = (
        Decision.objects.filter(adopted=True, changes__isnull=False, draft_versions__isnull=True)
        .select_related("item__session")
        .distinct()
        .order_by("item__session__number", "item__order")
    )
    if until is not None:
        qs = qs.filter(item__session__date__lte=until)
    return list(qs)


def pending_draft() -> tuple[dd.DraftArticle, ...] | None:
    """The latest version with the pending decisions applied; None when there is no draft yet."""
    latest = DraftVersion.objects.order_by("-number").first()
    if latest is None:
        return None
    articles = version_articles(latest)
    for d in pending_decisions():
        articles = dd.draft_apply(articles, decision_changes(d), record=phrase("decision {number}", number=d.number))
    return articles


def _store(version: DraftVersion, articles: Sequence[dd.DraftArticle]) -> None:
    DraftArticle.objects.bulk_create(
        DraftArticle(version=version, order=k, num=a.num, wording=a.wording) for k, a in enumerate(articles, start=1)
    )


@transaction.atomic
def draft_version_start(
    *,
    actor: Actor,
    date: date,
    title: str,
    articles: Sequence[dd.DraftArticle],
    synthetic: bool = False,
    note: str = "",
) -> DraftVersion:
    """The first version: the consolidated draft as the working group handed it to the Commission."""
    label = authorize(actor, "draft.start")
    if DraftVersion.objects.exists():
        raise DraftError(
            record=phrase("draft version {number}", number=1),
            rule=msg("draft_start_once", "the consolidated draft is entered once; later versions come from decisions"),
        )
    nums = [a.num for a in articles]
    if not articles or len(set(nums)) != len(nums):
        raise DraftError(
            record=phrase("draft version {number}", number=1),
            rule=msg("draft_articles", "a draft has articles, each number once"),
        )
    version = DraftVersion.objects.create(
        number=1,
        date=date,
        title=title,
        status=DraftVersion.Status.WORKING,
        synthetic=synthetic,
        note=note,
        created_by=label,
    )
    _store(version, articles)
    audit_append(
        actor=label,
        action="commission.draft.start",
        target=version.uri,
        payload={"version": 1, "articles": len(articles), "synthetic": synthetic},
    )
    return version


@transaction.atomic
def draft_version_create(
    *, actor: Actor, date: date, title: str, publish: bool = False, synthetic: bool = False, note: str = ""
) -> DraftVersion:
    """The next version: the latest one with every adopted decision of sessions up to `date` applied."""
    label = authorize(actor, "draft.create")
    base = DraftVersion.objects.order_by("-number").first()
    if base is None:
        raise DraftError(
            record=phrase("draft of {date}", date=date),
            rule=msg("draft_no_base", "start with the consolidated draft (draft_version_start)"),
        )
    if date < base.date:
        raise DraftError(
            record=phrase("draft of {date}", date=date),
            rule=msg("draft_predates", "must not predate draft {number} of {date}", number=base.number, date=base.date),
        )
    decisions = pending_decisions(until=date)
    if not decisions:
        raise DraftError(
            record=phrase("draft of {date}", date=date),
            rule=msg("draft_no_decision", "a new version needs at least one adopted decision"),
        )
    articles = version_articles(base)
    for d in decisions:
        articles = dd.draft_apply(articles, decision_changes(d), record=phrase("decision {number}", number=d.number))
    status = DraftVersion.Status.PUBLISHED if publish else DraftVersion.Status.WORKING
    version = DraftVersion.objects.create(
        number=base.number + 1,
        date=date,
        title=title,
        status=status,
        base=base,
        synthetic=synthetic,
        note=note,
        created_by=label,
    )
    version.decisions.set(decisions)
    _store(version, articles)
    audit_append(
        actor=label,
        action="commission.draft.create",
        target=version.uri,
        payload={
            "version": version.number,
            "base": base.number,
            "status": status,
            "decisions": [d.number for d in decisions],
        },
    )
    return version


@transaction.atomic
def draft_version_publish(*, actor: Actor, version: DraftVersion) -> DraftVersion:
    label = authorize(actor, "draft.publish")
    if version.status != DraftVersion.Status.WORKING:
        return version
    version.status = DraftVersion.Status.PUBLISHED
    version.save(update_fields=["status"])
    audit_append(
        actor=label, action="commission.draft.publish", target=version.uri, payload={"version": version.number}
    )
    return version


@transaction.atomic
def draft_adopt_official(*, actor: Actor, date: date, title: str, expression: Expression) -> DraftVersion:
    """The final version: the official text, reached from the last draft by the decisions recorded since.

    Raises DraftError naming every article where the decisions and the official text disagree."""
    label = authorize(actor, "draft.final")
    base = DraftVersion.objects.order_by("-number").first()
    if base is None:
        raise DraftError(
            record=phrase("final draft of {date}", date=date),
            rule=msg("final_no_base", "start with the consolidated draft"),
        )
    decisions = pending_decisions(until=date)
    reached = version_articles(base)
    for d in decisions:
        reached = dd.draft_apply(reached, decision_changes(d), record=phrase("decision {number}", number=d.number))
    official = official_articles(expression)
    differing = [d.num for d in dd.draft_compare(reached, official) if d.changed]
    if differing:
        raise DraftError(
            record=phrase("final draft from {uri}", uri=expression.uri),
            rule=msg(
                "final_unexplained",
                "every change to the draft is made by a decision; no decision explains Arts. {articles}",
                articles=", ".join(differing[:20]) + (" …" if len(differing) > 20 else ""),
            ),
        )
    version = DraftVersion.objects.create(
        number=base.number + 1,
        date=date,
        title=title,
        base=base,
        status=DraftVersion.Status.FINAL,
        expression=expression,
        created_by=label,
    )
    version.decisions.set(decisions)
    _store(version, official)
    audit_append(
        actor=label,
        action="commission.draft.final",
        target=version.uri,
        payload={"version": version.number, "expression": expression.uri, "decisions": [d.number for d in decisions]},
    )
    return version


@transaction.atomic
def comment_submit(
    *,
    actor: User | AnonymousUser,
    version: DraftVersion,
    article: str,
    paragraph: str,
    text: str,
    synthetic: bool = False,
) -> Comment:
    """A verified citizen's (or a member's) comment on an article (or one paragraph) of a published draft; it awaits
    moderation. The matrix action is commission.comment.post."""
    record = phrase("comment on draft {number}, Art. {article}", number=version.number, article=article)
    if not isinstance(actor, User) or not actor.is_authenticated:
        raise CommissionError(record=record, rule=msg("comment_sign_in", "sign in to comment"))
    authorize(actor, "comment.post")
    if version.status == DraftVersion.Status.WORKING:
        raise CommissionError(
            record=record, rule=msg("comment_unpublished", "comments are taken on a published draft only")
        )
    art = version.articles.filter(num=article).first()
    if art is None:
        raise CommissionError(record=record, rule=msg("comment_article", "the article is not in this draft"))
    if paragraph and paragraph not in {num for num, _ in dd.paragraphs(art.wording)}:
        raise CommissionError(
            record=record,
            rule=msg(
                "comment_paragraph", "Art. {article} has no paragraph {paragraph}", article=article, paragraph=paragraph
            ),
        )
    text = text.strip()
    if not text or len(text) > COMMENT_MAX_CHARS:
        raise CommissionError(
            record=record,
            rule=msg("comment_length", "a comment has 1 to {most} characters", most=COMMENT_MAX_CHARS),
        )
    name = actor.get_full_name() or actor.username
    return Comment.objects.create(
        version=version,
        article=article,
        paragraph=paragraph,
        author=actor,
        author_name=name,
        text=text,
        synthetic=synthetic,
    )


@transaction.atomic
def comment_moderate(*, actor: Actor, comment: Comment, approve: bool, reason: str = "") -> Comment:
    label = authorize(actor, "comment.moderate")
    if comment.status != Comment.Status.PENDING:
        raise CommissionError(
            record=phrase("comment {pk}", pk=comment.pk), rule=msg("comment_moderated", "a comment is moderated once")
        )
    if not approve and not reason.strip():
        raise CommissionError(
            record=phrase("comment {pk}", pk=comment.pk), rule=msg("rejection_reason", "a rejection states its reason")
        )
    comment.status = Comment.Status.APPROVED if approve else Comment.Status.REJECTED
    comment.moderated_by = label
    comment.moderated_at = datetime.now(UTC)
    comment.moderation_reason = reason.strip()
    comment.save(update_fields=["status", "moderated_by", "moderated_at", "moderation_reason"])
    audit_append(
        actor=label,
        action="commission.comment.moderate",
        target=f"commission/comment/{comment.pk}",
        payload={"status": comment.status, "article": comment.article, "reason": comment.moderation_reason},
    )
    return comment
