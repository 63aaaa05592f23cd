"""My activity: a citizen's proposals with their history, answer and answer deadline; what they follow; their
notifications and how they receive them; and, for the working group, the answers past their deadline."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from atazan.accounts.services import permission_allowed
from atazan.consultation import notifications
from atazan.consultation.activity_models import EmailChoice, Follow, FollowKind, NoticeSettings, Notification
from atazan.consultation.domain.deadline import (
    CalendarUnknown,
    Deadline,
    answer_deadline,
    last_arrival_overdue,
    registration_day,
)
from atazan.consultation.models import Proposal, Status
from atazan.consultation.translation import msg_render

OPEN = (Status.REGISTERED, Status.UNDER_REVIEW)


def local_date(at: dt.datetime) -> dt.date:
    return timezone.localtime(at).date()


def proposal_deadline(proposal: Proposal) -> Deadline | None:
    """The answer's due date (APPC Art. 76), or None where the calendar of the year is not known."""
    try:
        return answer_deadline(registration_day(local_date(proposal.submitted_at)))
    except CalendarUnknown:
        return None


@dataclass
class MyProposal:
    proposal: Proposal
    deadline: Deadline | None
    overdue: bool
    days_left: int | None


def my_proposals(user: object, *, today: dt.date) -> list[MyProposal]:
    rows = []
    for p in (Proposal.objects.filter(author=user).select_related("answered_by", "theme")
              .prefetch_related("history").order_by("-submitted_at")):  # fmt: skip
        deadline = proposal_deadline(p)
        answered_on = local_date(p.answered_at) if p.answered_at else None
        overdue = bool(deadline and deadline.overdue_on(today, answered_on=answered_on))
        left = deadline.working_days_left(today) if deadline and p.status in OPEN else None
        rows.append(MyProposal(proposal=p, deadline=deadline, overdue=overdue, days_left=left))
    return rows


@login_required
def activity(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    notices = list(Notification.objects.filter(user=request.user)[:50])
    shown = [(n, notifications.notification_text(n)) for n in notices]
    prefs = notifications.settings_of(request.user)  # type: ignore[arg-type]
    try:
        rows = my_proposals(request.user, today=today)
        calendar_note = ""
    except CalendarUnknown as error:  # pragma: no cover - only for a year missing from the table
        rows, calendar_note = [], msg_render(error.message)
    response = render(request, "consultation/activity.html", {
        "rows": rows, "notices": shown, "unread": sum(1 for n in notices if n.read_at is None),
        "follows": Follow.objects.filter(user=request.user), "prefs": prefs, "email_choices": EmailChoice.choices,
        "notice_languages": [("kk", "Қазақша"), ("ru", "Русский"), ("en", "English")], "today": today,
        "calendar_note": calendar_note,
    })  # fmt: skip
    Notification.objects.filter(user=request.user, read_at=None, pk__in=[n.pk for n in notices]).update(
        read_at=timezone.now()
    )
    return response


def _back(request: HttpRequest) -> HttpResponse:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect("consultation:activity")


@login_required
@require_POST
def follow(request: HttpRequest) -> HttpResponse:
    """Follow, or with ``stop`` stop following, a proposal, an article or a theme (the keys are checked)."""
    kind, key = request.POST.get("kind", ""), request.POST.get("key", "").strip()[:40]
    valid = (
        (kind == FollowKind.PROPOSAL and Proposal.objects.filter(registration_number=key).exists())
        or (kind == FollowKind.THEME and key.isdigit())
        or (kind == FollowKind.ARTICLE and key.replace("-", "").isdigit())
    )
    if not valid:
        messages.error(request, _("Nothing to follow: %(kind)s %(key)s is not a proposal, an article or a theme.")
                       % {"kind": kind or "?", "key": key or "?"})  # fmt: skip
        return _back(request)
    if request.POST.get("stop"):
        Follow.objects.filter(user=request.user, kind=kind, key=key).delete()
        messages.success(request, _("You no longer follow it."))
    else:
        Follow.objects.get_or_create(user=request.user, kind=kind, key=key)
        if not NoticeSettings.objects.filter(user=request.user).exists():
            NoticeSettings.objects.create(user=request.user, language=request.LANGUAGE_CODE or "kk")
        messages.success(request, _("You follow it: you will be told when it changes."))
    return _back(request)


@login_required
@require_POST
def notice_settings(request: HttpRequest) -> HttpResponse:
    email = request.POST.get("email", "")
    language = request.POST.get("language", "")
    if email not in EmailChoice.values or language not in notifications.LANGUAGES:
        messages.error(request, _("These notification settings are not among the choices offered."))
        return redirect("consultation:activity")
    NoticeSettings.objects.update_or_create(user=request.user, defaults={"email": email, "language": language})
    messages.success(request, _("Notification settings saved."))
    return redirect("consultation:activity")


@csrf_exempt  # RFC 8058 one-click: the mail client POSTs with no session; the signed token is the authority
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """One click from an email, no sign-in: the signed token names the person; every email to them stops."""
    user = notifications.unsubscribe(token)
    return render(request, "consultation/unsubscribed.html", {"done": user is not None},
                  status=200 if user is not None else 400)  # fmt: skip


@login_required
def overdue(request: HttpRequest) -> HttpResponse:
    """The working group's list of open proposals whose answer is past its deadline (APPC Art. 76)."""
    if not permission_allowed(request.user, "consultation.proposal.review"):  # type: ignore[arg-type]
        raise PermissionDenied
    today = timezone.localdate()
    cutoff = last_arrival_overdue(today)  # arrived on or before it and still open: overdue
    end = timezone.make_aware(dt.datetime.combine(cutoff + dt.timedelta(days=1), dt.time.min))
    qs = Proposal.objects.filter(status__in=OPEN, submitted_at__lt=end).order_by("submitted_at")
    rows = [(p, proposal_deadline(p)) for p in qs[:200]]
    return render(request, "consultation/overdue.html", {"rows": rows, "count": qs.count(), "today": today})


def detail_extra(request: HttpRequest, proposal: Proposal, group: object) -> dict[str, object]:
    """What a proposal's page adds for its reader: whether it is their own (no "Support" on one's own proposal),
    how many of its duplicate group were sent by someone else (one's own repeats are not "sent by others"), the
    answer's deadline while it is open, and whether the reader follows it."""
    user = request.user
    own = bool(user.is_authenticated and proposal.author_id == user.pk)
    members = group.exclude(pk=proposal.pk) if hasattr(group, "exclude") else Proposal.objects.none()
    if proposal.author_id is not None:
        others = members.exclude(author_id=proposal.author_id).count()
        own_repeats = members.filter(author_id=proposal.author_id).count() + 1 if own else 0
    else:
        others, own_repeats = members.count(), 0
    deadline = proposal_deadline(proposal) if proposal.status in OPEN or proposal.answered_at else None
    answered_on = local_date(proposal.answered_at) if proposal.answered_at else None
    overdue = bool(deadline and deadline.overdue_on(timezone.localdate(), answered_on=answered_on))
    following = bool(user.is_authenticated and Follow.objects.filter(
        user=user, kind=FollowKind.PROPOSAL, key=proposal.registration_number).exists())  # fmt: skip
    return {
        "own": own,
        "others_in_group": others,
        "own_in_group": own_repeats,
        "deadline": deadline,
        "overdue": overdue and proposal.status in OPEN,
        "following": following,
    }
