"""Telling people what happened to what they follow: in the site, and by email, in each recipient's language.

Notifications are made from two streams of recorded events, each read past a stored cursor so that
``notifications_dispatch`` is idempotent and can run anywhere (after a decision's commit, in ``atazan worker``, from
``atazan consultation notify``):

- ``StatusChange`` rows: a followed proposal changed status (``status_changed``) or was answered (``answered``);
- commission ``Decision`` rows: a followed proposal or article was taken up in a Commission decision
  (``commission_decision``).

Who is told: the proposal's author (one follows one's own proposals without asking), whoever follows the proposal,
its theme or one of its articles; never the person who made the change. A notification is stored in no language (a
code and its fields); ``notification_text`` renders it in the language the recipient chose (NoticeSettings.language).
Email goes through Django's email backend (settings: a file backend under var/ in the demo, SMTP in production),
each time or as a daily digest; every message carries a one-click unsubscribe link (a signed token, no sign-in).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth.models import User
from django.core import signing
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext, pgettext_lazy

from atazan.consultation.activity_models import (
    Cursor,
    EmailChoice,
    Follow,
    FollowKind,
    NoticeSettings,
    Notification,
)
from atazan.consultation.models import Proposal, ProposalArticle, Status, StatusChange

UNSUBSCRIBE_SALT = "atazan.consultation.unsubscribe"
ANSWER_STATUSES = {Status.ACCEPTED, Status.PARTLY_ACCEPTED, Status.REJECTED, Status.MERGED, Status.OUT_OF_SCOPE}

# code -> English template (the gettext msgid in consultation/locale); fields are never translated, except
# ``status``, a Status code shown by its label.
TEMPLATES: dict[str, str] = {
    "status_changed": "Proposal {number} is now: {status}.",
    "answered": "Proposal {number} has received an official answer ({status}).",
    "commission_decision": "The Commission's decision {decision} concerns proposal {number}.",
    "commission_decision_article": "The Commission's decision {decision} concerns Article {article}.",
}
SUBJECT = pgettext_lazy("email subject", "atazan: news of what you follow")
LANGUAGES = ("kk", "ru", "en")


def _default_language(user_id: int) -> str:
    """Before a person chooses, they are written to in the language of their latest proposal (else Kazakh, the
    state language)."""
    latest = Proposal.objects.filter(author_id=user_id).order_by("-submitted_at").values_list("language", flat=True)
    found = latest.first()
    return found if found in LANGUAGES else "kk"


def settings_of(user: User) -> NoticeSettings:
    found = NoticeSettings.objects.filter(user=user).first()
    return found or NoticeSettings(user=user, email=EmailChoice.EACH, language=_default_language(user.pk))


def notification_text(notice: Notification, language: str | None = None) -> str:
    """``notice`` as a sentence in ``language`` (default: the active one)."""
    with translation.override(language) if language else translation.override(translation.get_language()):
        values = dict(notice.fields)
        if "status" in values:
            values["status"] = str(Status(values["status"]).label) if values["status"] in Status.values else ""
        template = TEMPLATES.get(notice.code, "{number}")
        try:
            return gettext(template).format_map(values)
        except (KeyError, IndexError, ValueError):
            return template.format_map(defaultdict(str, values))


def unsubscribe_token(user: User) -> str:
    return signing.dumps({"u": user.pk}, salt=UNSUBSCRIBE_SALT)


def unsubscribe(token: str) -> User | None:
    """Stop every email to the token's user (they still see notifications in the site); None for a bad token."""
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    user = User.objects.filter(pk=data.get("u") if isinstance(data, dict) else None).first()
    if user is None:
        return None
    NoticeSettings.objects.update_or_create(user=user, defaults={"email": EmailChoice.NONE})
    return user


def _site(path: str) -> str:
    return settings.ATAZAN_SITE_URL.rstrip("/") + path


def _recipients(proposal: Proposal, articles: Iterable[str]) -> set[int]:
    """Who follows ``proposal`` (its author, its followers, those of its theme and of its articles)."""
    ids = set(Follow.objects.filter(kind=FollowKind.PROPOSAL, key=proposal.registration_number)
              .values_list("user_id", flat=True))  # fmt: skip
    if proposal.theme_id and proposal.theme:
        ids |= set(Follow.objects.filter(kind=FollowKind.THEME, key=str(proposal.theme.number))
                   .values_list("user_id", flat=True))  # fmt: skip
    articles = list(articles)
    if articles:
        ids |= set(Follow.objects.filter(kind=FollowKind.ARTICLE, key__in=articles).values_list("user_id", flat=True))
    if proposal.author_id:
        ids.add(proposal.author_id)
    return ids


def _notify(user_ids: Iterable[int], *, code: str, fields: dict[str, str], proposal: str, source: str,
            at: dt.datetime) -> list[Notification]:  # fmt: skip
    rows = [Notification(user_id=uid, code=code, fields=fields, proposal=proposal, source=source, created_at=at)
            for uid in sorted(set(user_ids))]  # fmt: skip
    return _store(rows)


def _store(rows: list[Notification]) -> list[Notification]:
    """Store ``rows``, skipping any already stored (same user and source: the cursor moved back, or two dispatchers
    ran at once); returns those stored now."""
    if not rows:
        return []
    known = set()
    sources = sorted({r.source for r in rows})
    for start in range(0, len(sources), _CHUNK):
        known |= set(Notification.objects.filter(source__in=sources[start : start + _CHUNK])
                     .values_list("user_id", "source"))  # fmt: skip
    fresh = [r for r in rows if (r.user_id, r.source) not in known]
    Notification.objects.bulk_create(fresh, batch_size=1000, ignore_conflicts=True)
    wanted = {(r.user_id, r.source) for r in fresh}
    stored: list[Notification] = []
    fresh_sources = sorted({r.source for r in fresh})
    for start in range(0, len(fresh_sources), _CHUNK):
        stored += [n for n in Notification.objects.filter(source__in=fresh_sources[start : start + _CHUNK])
                   if (n.user_id, n.source) in wanted]  # fmt: skip
    return stored


_CHUNK = 500  # SQLite's bound-parameter limit


def _cursor(name: str) -> Cursor:
    cursor, _created = Cursor.objects.select_for_update().get_or_create(name=name)
    return cursor


def _follows(kind: str, keys: set[str]) -> dict[str, set[int]]:
    found: dict[str, set[int]] = defaultdict(set)
    ordered = sorted(keys)
    for start in range(0, len(ordered), _CHUNK):
        for key, uid in Follow.objects.filter(kind=kind, key__in=ordered[start : start + _CHUNK]).values_list(
            "key", "user_id"
        ):
            found[key].add(uid)
    return found


def _from_status_changes(batch: int) -> list[Notification]:
    """One notification per follower per status change, in a handful of queries whatever the batch's size (a
    10,000-proposal campaign answered at once is 20,000 changes)."""
    cursor = _cursor("status_change")
    fields = ("id", "proposal_id", "to_status", "answer", "decided_by_id", "decided_at")
    changes = list(StatusChange.objects.filter(id__gt=cursor.position).order_by("id").values_list(*fields)[:batch])
    if not changes:
        return []
    pids = sorted({c[1] for c in changes})
    proposals: dict[int, tuple[str, int | None, int | None]] = {}
    articles: dict[int, list[str]] = defaultdict(list)
    for start in range(0, len(pids), _CHUNK):
        chunk = pids[start : start + _CHUNK]
        for pk, number, author, theme in Proposal.objects.filter(pk__in=chunk).values_list(
            "pk", "registration_number", "author_id", "theme__number"
        ):
            proposals[pk] = (number, author, theme)
        for pid, article in ProposalArticle.objects.filter(proposal_id__in=chunk, constitution="2026").values_list(
            "proposal_id", "article"
        ):
            articles[pid].append(article)
    by_proposal = _follows(FollowKind.PROPOSAL, {v[0] for v in proposals.values()})
    by_theme = _follows(FollowKind.THEME, {str(v[2]) for v in proposals.values() if v[2] is not None})
    by_article = _follows(FollowKind.ARTICLE, {a for v in articles.values() for a in v})
    rows = []
    for change_id, pid, to_status, answer, decided_by, at in changes:
        number, author, theme = proposals[pid]
        users = set(by_proposal.get(number, ())) | ({author} if author else set())
        users |= by_theme.get(str(theme), set()) if theme is not None else set()
        for article in articles.get(pid, ()):
            users |= by_article.get(article, set())
        users.discard(decided_by)
        code = "answered" if to_status in ANSWER_STATUSES and answer else "status_changed"
        rows += [Notification(user_id=uid, code=code, fields={"number": number, "status": to_status},
                              proposal=number, source=f"status_change:{change_id}", created_at=at)
                 for uid in sorted(users)]  # fmt: skip
    cursor.position = changes[-1][0]
    cursor.save(update_fields=["position"])
    return _store(rows)


def _from_commission(batch: int) -> list[Notification]:
    from atazan.commission.models import Decision

    cursor = _cursor("commission_decision")
    decisions = list(Decision.objects.filter(id__gt=cursor.position).order_by("id").select_related("item")[:batch])
    made: list[Notification] = []
    for d in decisions:
        at = d.recorded_at or timezone.now()
        for number in d.item.proposals or []:
            p = Proposal.objects.select_related("theme").filter(registration_number=str(number)).first()
            if p is None:
                continue
            made += _notify(_recipients(p, []), code="commission_decision",
                            fields={"number": p.registration_number, "decision": d.number},
                            proposal=p.registration_number, source=f"decision:{d.pk}", at=at)  # fmt: skip
        for article in d.item.articles or []:
            users = Follow.objects.filter(kind=FollowKind.ARTICLE, key=str(article)).values_list("user_id", flat=True)
            made += _notify(users, code="commission_decision_article",
                            fields={"article": str(article), "decision": d.number}, proposal="",
                            source=f"decision:{d.pk}:{article}", at=at)  # fmt: skip
    if decisions:
        cursor.position = decisions[-1].pk
        cursor.save(update_fields=["position"])
    return made


def notifications_dispatch(*, batch: int = 5000, email: bool = True) -> int:
    """Make the notifications of every event recorded since the last run, and mail those whose recipients want an
    email each time. Returns how many notifications were made. Idempotent."""
    with transaction.atomic():
        made = _from_status_changes(batch) + _from_commission(batch)
    if email and made:
        by_user: dict[int, list[Notification]] = defaultdict(list)
        for n in made:
            by_user[n.user_id].append(n)
        emails_send(by_user, digest=False)
    return len(made)


def _body(user: User, notices: list[Notification], language: str) -> str:
    with translation.override(language):
        lines = [gettext("Hello, %(name)s.") % {"name": user.get_full_name() or user.get_username()}, ""]
        for n in notices:
            lines.append("- " + notification_text(n, language))
            if n.proposal:
                lines.append("  " + _site(reverse("consultation:detail", args=[n.proposal])))
        lines += ["", gettext("Your activity: %(url)s") % {"url": _site(reverse("consultation:activity"))},
                  gettext("Stop these emails (one click): %(url)s")
                  % {"url": _site(reverse("consultation:unsubscribe", args=[unsubscribe_token(user)]))}]  # fmt: skip
        return "\n".join(lines) + "\n"


def emails_send(by_user: dict[int, list[Notification]], *, digest: bool) -> int:
    """Mail each user their notifications (one message each), in their language, if their settings want it
    (``digest``: those who chose the daily digest; otherwise those who chose each time). Returns messages sent."""
    users = {u.pk: u for u in User.objects.filter(pk__in=by_user)}
    chosen = {s.user_id: s for s in NoticeSettings.objects.filter(user_id__in=by_user)}
    want = EmailChoice.DIGEST if digest else EmailChoice.EACH
    messages = []
    sent_ids: list[int] = []
    for uid, notices in sorted(by_user.items()):
        user = users.get(uid)
        prefs = chosen.get(uid) or NoticeSettings(user_id=uid, language=_default_language(uid))
        if user is None or not user.email or prefs.email != want:
            continue
        language = prefs.language if prefs.language in LANGUAGES else "kk"
        with translation.override(language):
            subject = str(SUBJECT)
        token_url = _site(reverse("consultation:unsubscribe", args=[unsubscribe_token(user)]))
        messages.append(EmailMessage(subject=subject, body=_body(user, notices, language), to=[user.email],
                                     headers={"List-Unsubscribe": f"<{token_url}>",
                                              "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                                              "Content-Language": language}))  # fmt: skip
        sent_ids += [n.pk for n in notices]
    if messages:
        get_connection().send_messages(messages)
        Notification.objects.filter(pk__in=sent_ids).update(emailed_at=timezone.now())
    return len(messages)


def digest_send(*, now: dt.datetime | None = None) -> int:
    """The daily digest: every notification not yet emailed to those who chose the digest, one message each."""
    now = now or timezone.now()
    users = NoticeSettings.objects.filter(email=EmailChoice.DIGEST).values_list("user_id", flat=True)
    by_user: dict[int, list[Notification]] = defaultdict(list)
    for n in Notification.objects.filter(user_id__in=list(users), emailed_at=None).order_by("created_at", "id"):
        by_user[n.user_id].append(n)
    sent = emails_send(by_user, digest=True)
    NoticeSettings.objects.filter(user_id__in=list(by_user)).update(digest_sent_at=now)
    return sent


INLINE_LIMIT = 200  # more status changes than this at once (a campaign answered in one action) go to the worker


def dispatch_on_commit(count: int = 1) -> None:
    """Dispatch once the current transaction commits (a decision's notifications go out with it, not before); a large
    batch is left to ``atazan worker`` (a task), so that answering a campaign does not wait for thousands of emails."""
    if count > INLINE_LIMIT:
        from atazan.consultation.tasks import notifications_run

        transaction.on_commit(lambda: notifications_run.enqueue())
    else:
        transaction.on_commit(lambda: notifications_dispatch())


def _on_recorded(sender: object, created: bool = False, **kwargs: object) -> None:
    if created:
        dispatch_on_commit()


def receivers_connect() -> None:
    """Dispatch after each recorded status change or Commission decision (called from ConsultationConfig.ready).
    Bulk writes (proposals_answer) bypass signals and call dispatch_on_commit themselves."""
    from django.db.models.signals import post_save

    from atazan.commission.models import Decision

    post_save.connect(_on_recorded, sender=StatusChange, dispatch_uid="consultation.notify.status_change")
    post_save.connect(_on_recorded, sender=Decision, dispatch_uid="consultation.notify.decision")
