"""Writes: the taxonomy into the database, computed tags, and an editor's decisions on them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db import transaction

from atazan.accounts.domain import permissions
from atazan.accounts.services import user_roles
from atazan.audit.services import audit_append

from . import corpus
from .models import Tag, Topic

CONFIRM_ACTION = "topics.tag.confirm"  # who may decide on tags: the permission matrix (accounts/domain/permissions.py)


class EditorRequiredError(PermissionDenied):
    """Only a moderator or an administrator may decide on tags."""


class UnknownParagraphError(ValueError):
    """A tag was asked for a paragraph that is not in the Constitution named."""


def is_editor(user: AbstractBaseUser | AnonymousUser | None) -> bool:
    return permissions.allowed(user_roles(user), CONFIRM_ACTION)  # type: ignore[arg-type]


def _require_editor(user: AbstractBaseUser | AnonymousUser | None, action: str) -> None:
    if not is_editor(user):
        name = getattr(user, "username", "") or "anonymous"
        needed = " or ".join(sorted(r.value for r in permissions.roles_for(CONFIRM_ACTION)))
        raise EditorRequiredError(f"{name} may not {action}: tags are decided by a {needed}")


@transaction.atomic
def taxonomy_sync() -> int:
    """Create or update one Topic row per taxonomy entry (parents first); returns the number of topics."""
    tax = corpus.taxonomy()
    rows: dict[str, Topic] = {}
    for t in tax.topics:
        row, _ = Topic.objects.update_or_create(
            key=t.key,
            defaults={
                "parent": rows.get(t.parent),
                "order": t.order,
                "name_en": t.names["en"],
                "name_ru": t.names["ru"],
                "name_kk": t.names["kk"],
                "constitute": list(t.constitute),
            },
        )
        rows[t.key] = row
    return len(rows)


@dataclass(frozen=True)
class ComputeOutcome:
    rule_tags: int
    suggestions: int
    created: int
    updated: int
    removed: int
    kept_decided: int  # rows an editor already decided on, left as they were


@transaction.atomic
def tags_compute() -> ComputeOutcome:
    """Run the rules and the similarity model over both Constitutions and store the proposals.

    Idempotent: running it again on the same texts and taxonomy changes nothing. A tag an editor confirmed or rejected
    is never touched; a proposal the rules no longer make is removed.
    """
    taxonomy_sync()
    rules, suggestions = corpus.computed()
    index = corpus.unit_index()
    topics = {t.key: t for t in Topic.objects.all()}
    wanted: dict[tuple[str, int, str], dict[str, object]] = {}
    for r in rules:
        wanted[(r.topic, r.year, r.eid)] = {"origin": Tag.Origin.RULE, "reason": r.reason, "score_permille": None}
    for s in suggestions:
        wanted.setdefault(
            (s.topic, s.year, s.eid),
            {"origin": Tag.Origin.SIMILARITY, "reason": s.reason, "score_permille": s.score_permille},
        )
    existing = {(t.topic.key, t.year, t.eid): t for t in Tag.objects.select_related("topic")}
    created = updated = removed = kept = 0
    to_create = []
    for key, values in wanted.items():
        row = existing.get(key)
        if row is None:
            topic, year, eid = key
            to_create.append(
                Tag(topic=topics[topic], year=year, eid=eid, article_num=index[(year, eid)].article, **values)
            )  # type: ignore[arg-type]
        elif row.status != Tag.Status.PROPOSED:
            kept += 1
        elif any(getattr(row, f) != v for f, v in values.items()):
            for f, v in values.items():
                setattr(row, f, v)
            row.save(update_fields=list(values))
            updated += 1
    Tag.objects.bulk_create(to_create, batch_size=500)
    created = len(to_create)
    stale = [
        t.pk
        for k, t in existing.items()
        if k not in wanted and t.status == Tag.Status.PROPOSED and t.origin != Tag.Origin.EDITOR
    ]
    if stale:
        removed, _ = Tag.objects.filter(pk__in=stale).delete()
    return ComputeOutcome(len(rules), len(suggestions), created, updated, removed, kept)


def _decide(*, actor: AbstractBaseUser, tags: Iterable[Tag], status: str, action: str, note: str) -> int:
    rows = [t for t in tags if t.status != status]
    if not rows:
        return 0
    now = datetime.now(UTC)
    for t in rows:
        t.status, t.decided_by, t.decided_at = status, actor, now  # type: ignore[assignment]
    Tag.objects.bulk_update(rows, ["status", "decided_by", "decided_at"], batch_size=500)
    refs = sorted(t.ref for t in rows)
    audit_append(
        actor=actor.get_username(),
        action=action,
        target=refs[0] if len(refs) == 1 else f"{len(refs)} tags",
        payload={"tags": refs, "note": note},
    )
    return len(rows)


@transaction.atomic
def tags_confirm(*, actor: AbstractBaseUser, tags: Iterable[Tag], note: str = "") -> int:
    """An editor confirms tags (one audit entry for the batch); returns how many changed. Refuses non-editors."""
    _require_editor(actor, "confirm tags")
    return _decide(actor=actor, tags=list(tags), status=Tag.Status.CONFIRMED, action="topics.tag.confirm", note=note)


@transaction.atomic
def tags_reject(*, actor: AbstractBaseUser, tags: Iterable[Tag], note: str = "") -> int:
    """An editor rejects tags: they stay stored as rejected, so the rules do not propose them again."""
    _require_editor(actor, "reject tags")
    return _decide(actor=actor, tags=list(tags), status=Tag.Status.REJECTED, action="topics.tag.reject", note=note)


@transaction.atomic
def tag_add(*, actor: AbstractBaseUser, topic: Topic, year: int, eid: str) -> Tag:
    """An editor puts a paragraph under a topic the rules missed; the tag is confirmed at once."""
    _require_editor(actor, "add tags")
    unit = corpus.unit_index().get((year, eid))
    if unit is None:
        raise UnknownParagraphError(f"tag {year}:{eid}:{topic.key}: the {year} Constitution has no paragraph {eid}")
    tag, _ = Tag.objects.get_or_create(
        topic=topic,
        year=year,
        eid=eid,
        defaults={"article_num": unit.article, "origin": Tag.Origin.EDITOR, "reason": "added by an editor"},
    )
    _decide(actor=actor, tags=[tag], status=Tag.Status.CONFIRMED, action="topics.tag.add", note="")
    return tag
