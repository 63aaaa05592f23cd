"""Thin views: read through selectors, write through services (which check roles themselves)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import forms, selectors
from . import services as cs
from . import services_drafts as ds
from .domain.drafting import ArticleChange, ChangeKind
from .domain.errors import CommissionError
from .domain.regions import REGIONS, region_get
from .models import AgendaItem, Comment, Decision, DraftVersion, Member, Session
from .permissions import can, can_edit, can_moderate
from .proposals_link import theme_get, theme_names, themes_list
from .rules import quorum_rule
from .texts_link import official_expression
from .translation import refusal_text


def _language(request: HttpRequest) -> str:
    lang = request.GET.get("lang", "rus")
    return lang if lang in ("rus", "kaz") else "rus"


def _region_names(language: str) -> dict[str, str]:
    return {r.code: r.name(language) for r in REGIONS}


def index(request: HttpRequest) -> HttpResponse:
    report = selectors.composition_report()
    return render(
        request,
        "commission/index.html",
        {
            "report": report,
            "sessions": selectors.sessions_list(),
            "drafts": selectors.drafts_list(),
            "decisions": Decision.objects.select_related("item__session").order_by(
                "item__session__number", "item__order"
            ),
            "members_total": report.total,
        },
    )


def members(request: HttpRequest) -> HttpResponse:
    category = request.GET.get("category", "")
    region = request.GET.get("region", "")
    names = _region_names(request.LANGUAGE_CODE)
    report = selectors.composition_report()
    return render(
        request,
        "commission/members.html",
        {
            "members": selectors.members_list(category=category, region=region),
            "report": report,
            "categories": Member.Category.choices,
            "category_rows": [
                (code, label, report.by_category.get(code, 0)) for code, label in Member.Category.choices
            ],
            "region_rows": [(code, names.get(code, code), n) for code, n in report.by_region.items()],
            "region_names": names,
            "selected_category": category,
            "selected_region": region,
        },
    )


def session(request: HttpRequest, number: int) -> HttpResponse:
    try:
        view = selectors.session_detail(number=number)
    except ObjectDoesNotExist:
        raise Http404(f"no session {number}") from None
    me = Member.objects.filter(user=request.user).first() if request.user.is_authenticated else None
    my_votes = dict(me.votes.filter(item__session=view.session).values_list("item_id", "choice")) if me else {}
    for iv in view.items:
        iv.my_choice = my_votes.get(iv.item.pk, "")  # type: ignore[attr-defined]
    return render(
        request,
        "commission/session.html",
        {
            "view": view,
            "embed_url": _embed(view.session.broadcast_url),
            "me": me,
            "can_edit": can_edit(request.user),
            "speakers": view.session.speakers.select_related("member").order_by("order"),
        },
    )


def _embed(url: str) -> str:
    """A YouTube watch/short link as a privacy-enhanced embed URL (the site's CSP frames youtube-nocookie)."""
    from urllib.parse import parse_qs, urlparse

    if not url:
        return ""
    parsed = urlparse(url)
    video = ""
    if parsed.hostname in {"www.youtube.com", "youtube.com", "m.youtube.com"}:
        if parsed.path == "/watch":
            video = parse_qs(parsed.query).get("v", [""])[0]
        elif parsed.path.startswith(("/live/", "/embed/")):
            video = parsed.path.split("/")[2]
    elif parsed.hostname == "youtu.be":
        video = parsed.path.lstrip("/")
    if not video or not video.replace("-", "").replace("_", "").isalnum():
        return ""
    return f"https://www.youtube-nocookie.com/embed/{video}"


def session_minutes(request: HttpRequest, number: int) -> HttpResponse:
    s = get_object_or_404(selectors.Session, number=number)
    language = (request.LANGUAGE_CODE or "en").split("-")[0]
    variant = (s.translations.get(language) or {}).get("minutes", "") if s.minutes else ""
    text = variant or s.minutes or selectors.minutes_compose(session=s, language=language)
    response = HttpResponse(text, content_type="text/markdown; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="commission-session-{number}-minutes.md"'
    return response


def _my_member(request: HttpRequest) -> Member | None:
    return Member.objects.filter(user=request.user).first() if request.user.is_authenticated else None


def _item_context(request: HttpRequest, item: AgendaItem, *, error: str = "", notice: str = "") -> dict[str, object]:
    iv = selectors.item_view(item)
    me = _my_member(request)
    iv.my_choice = (me.votes.filter(item=item).values_list("choice", flat=True).first() or "") if me else ""  # type: ignore[attr-defined]
    session = item.session
    members_total = Member.objects.count()
    present = session.attendance.filter(present=True).count()
    return {
        "iv": iv,
        "s": session,
        "me": me,
        "error": error,
        "notice": notice,
        "quorum_met": present >= quorum_rule().required(members_total),
    }


@require_POST
def vote(request: HttpRequest, number: int, order: int) -> HttpResponse:
    """A member's own vote. With htmx the agenda item is swapped in place; without, the page reloads."""
    item = get_object_or_404(AgendaItem.objects.select_related("session"), session__number=number, order=order)
    error, notice = "", ""
    try:
        cs.vote_cast(actor=request.user, item=item, choice=request.POST.get("choice", ""))
        notice = _("Your vote is recorded.")
    except (CommissionError, PermissionDenied) as e:
        error = refusal_text(e)
    if request.headers.get("HX-Request"):
        return render(request, "commission/_item.html", _item_context(request, item, error=error, notice=notice))
    if error:
        messages.error(request, error)
    else:
        messages.success(request, notice)
    return redirect(f"{item.session.get_absolute_url()}#item-{order}")


def drafts(request: HttpRequest) -> HttpResponse:
    versions = list(selectors.drafts_list())
    return render(request, "commission/drafts.html", {"versions": versions})


def drafts_compare(request: HttpRequest) -> HttpResponse:
    versions = list(selectors.drafts_list())
    try:
        old = DraftVersion.objects.get(number=int(request.GET.get("old", "1")))
        new = DraftVersion.objects.get(number=int(request.GET.get("new", str(len(versions)))))
    except (ValueError, DraftVersion.DoesNotExist):
        raise Http404("no such draft version") from None
    show_all = request.GET.get("all") == "1"
    diffs = selectors.drafts_compare(old=old, new=new, changed_only=not show_all)
    return render(
        request,
        "commission/compare.html",
        {
            "versions": versions,
            "old": old,
            "new": new,
            "diffs": diffs,
            "show_all": show_all,
        },
    )


def draft(request: HttpRequest, number: int) -> HttpResponse:
    version = get_object_or_404(DraftVersion, number=number)
    counts = selectors.comment_counts(version=version)
    articles = [(a, counts.get(a.num, 0)) for a in version.articles.order_by("order")]
    return render(
        request,
        "commission/draft.html",
        {
            "version": version,
            "articles": articles,
            "decisions": version.decisions.select_related("item__session"),
        },
    )


def draft_article(request: HttpRequest, number: int, num: str) -> HttpResponse:
    version = get_object_or_404(DraftVersion, number=number)
    article = get_object_or_404(version.articles, num=num)
    if request.method == "POST":
        try:
            ds.comment_submit(
                actor=request.user,
                version=version,
                article=num,
                paragraph=request.POST.get("paragraph", ""),
                text=request.POST.get("text", ""),
            )
            messages.success(request, _("Thank you: your comment will appear once a moderator approves it."))
            return redirect(request.path)
        except (CommissionError, PermissionDenied) as e:
            messages.error(request, refusal_text(e))
    from .domain.drafting import paragraphs

    comments = Comment.objects.filter(version=version, article=num, status=Comment.Status.APPROVED)
    return render(
        request,
        "commission/draft_article.html",
        {
            "version": version,
            "article": article,
            "paragraphs": paragraphs(article.wording),
            "comments": comments,
            "open_for_comment": version.status != DraftVersion.Status.WORKING,
        },
    )


def moderation(request: HttpRequest) -> HttpResponse:
    if not can_moderate(request.user):
        return render(request, "commission/forbidden.html", status=403)
    pending = Comment.objects.filter(status=Comment.Status.PENDING).select_related("version")
    return render(request, "commission/moderation.html", {"pending": pending})


@require_POST
def moderate(request: HttpRequest, pk: int) -> HttpResponse:
    comment = get_object_or_404(Comment, pk=pk)
    try:
        ds.comment_moderate(
            actor=request.user,
            comment=comment,
            approve=request.POST.get("approve") == "1",
            reason=request.POST.get("reason", ""),
        )
        messages.success(request, _("Moderation recorded."))
    except (CommissionError, PermissionDenied) as e:
        messages.error(request, refusal_text(e))
    return redirect("commission:moderation")


def articles(request: HttpRequest) -> HttpResponse:
    expr = official_expression(year=2026, language="rus")
    nums = list(expr.provisions.filter(kind="article").order_by("order").values_list("num", flat=True)) if expr else []
    decided: dict[str, int] = {}
    for item_articles in AgendaItem.objects.filter(decision__isnull=False).values_list("articles", flat=True):
        for n in item_articles or []:
            decided[n] = decided.get(n, 0) + 1
    counts = selectors.comment_counts()
    rows = [(n, decided.get(n, 0), counts.get(n, 0)) for n in nums]
    return render(request, "commission/articles.html", {"rows": rows})


def article_story(request: HttpRequest, num: str) -> HttpResponse:
    language = _language(request)
    story = selectors.article_story(num=num, language=language)
    if not story.exists:
        raise Http404(f"no Article {num} in the 2026 Constitution or its drafts")
    return render(
        request,
        "commission/story.html",
        {
            "story": story,
            "language": language,
            "region_get": region_get,
        },
    )


# --- What the Commission did with a proposal --------------------------------------------------------------------


def proposal(request: HttpRequest, number: str) -> HttpResponse:
    trace = selectors.proposal_trace(number=number)
    if trace is None:
        raise Http404(f"no proposal {number} in the consultation")
    return render(request, "commission/proposal.html", {"trace": trace})


# --- The secretariat's pages (Role.COMMISSION_SECRETARY; the services check the matrix again) -----------------------


def _forbidden(request: HttpRequest) -> HttpResponse:
    return render(request, "commission/forbidden.html", status=403)


def secretariat(request: HttpRequest) -> HttpResponse:
    if not can_edit(request.user):
        return _forbidden(request)
    next_number = (Session.objects.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    form = forms.SessionForm(request.POST or None, initial={"number": next_number})
    if request.method == "POST" and form.is_valid():
        try:
            data = dict(form.cleaned_data)
            titles = forms.titles_pop(data)
            session = cs.session_schedule(actor=request.user, titles=titles, **data)  # type: ignore[arg-type]
            messages.success(request, _("Session scheduled."))
            return redirect("commission:manage", number=session.number)
        except (CommissionError, PermissionDenied) as e:
            form.add_error(None, refusal_text(e))
    return render(
        request,
        "commission/secretariat.html",
        {
            "form": form,
            "sessions": selectors.sessions_list(),
            "pending": Comment.objects.filter(status=Comment.Status.PENDING).count(),
        },
    )


def _themes() -> list[tuple[int, str]]:
    """The themes for the agenda form, named in the page's language (as the consultation names them)."""
    from django.utils.translation import get_language

    names = theme_names((get_language() or "en").split("-")[0])
    return [(t.number, f"{names.get(t.number) or t.label} ({t.size})") for t in themes_list()]


def _manage_context(request: HttpRequest, session: Session, **extra: object) -> dict[str, object]:
    view = selectors.session_detail(number=session.number)
    present = set(session.attendance.filter(present=True).values_list("member_id", flat=True))
    recorded = session.attendance.exists()
    members = list(Member.objects.order_by("seat"))
    return {
        "view": view,
        "s": session,
        "members": members,
        "present_ids": present if recorded else {m.pk for m in members},
        "attendance_recorded": recorded,
        "voting_started": session.agenda.filter(votes__isnull=False).exists(),
        "agenda_form": extra.pop("agenda_form", None) or forms.AgendaItemForm(themes=_themes()),
        "speaker_form": extra.pop("speaker_form", None) or forms.SpeakerForm(),
        "decision_form": forms.DecisionForm(),
        "speakers": session.speakers.select_related("member").order_by("order"),
        **extra,
    }


def _manage_response(request: HttpRequest, session: Session, part: str, **extra: object) -> HttpResponse:
    """With htmx only the part changed is sent back; without, the whole page."""
    context = _manage_context(request, session, **extra)
    if request.headers.get("HX-Request"):
        return render(request, f"commission/_manage_{part}.html", context)
    return render(request, "commission/manage.html", context)


def session_manage(request: HttpRequest, number: int) -> HttpResponse:
    if not can_edit(request.user):
        return _forbidden(request)
    session = get_object_or_404(Session, number=number)
    return render(request, "commission/manage.html", _manage_context(request, session))


@require_POST
def agenda_add(request: HttpRequest, number: int) -> HttpResponse:
    if not can(request.user, "agenda.add"):
        return _forbidden(request)
    session = get_object_or_404(Session, number=number)
    form = forms.AgendaItemForm(request.POST, themes=_themes())
    if form.is_valid():
        data = form.cleaned_data
        theme_label, proposals = data["theme"].strip(), forms.split_list(data["proposals"])
        if data["theme_number"] is not None:
            theme = theme_get(data["theme_number"])
            if theme is not None:
                theme_label = theme_label or theme.label
                proposals += list(theme.representatives)
        try:
            cs.agenda_item_add(
                actor=request.user,
                session=session,
                title=data["title"].strip(),
                articles=forms.split_list(data["articles"]),
                theme=theme_label,
                proposals=list(dict.fromkeys(proposals)),
                titles={"kk": data["title_kk"], "ru": data["title_ru"]},
            )
            return _manage_response(request, session, "agenda", notice=_("Agenda item added."))
        except (CommissionError, PermissionDenied) as e:
            form.add_error(None, refusal_text(e))
    return _manage_response(request, session, "agenda", agenda_form=form)


@require_POST
def attendance(request: HttpRequest, number: int) -> HttpResponse:
    if not can(request.user, "attendance.record"):
        return _forbidden(request)
    session = get_object_or_404(Session, number=number)
    ids = {int(v) for v in request.POST.getlist("present") if v.isdigit()}
    try:
        n = cs.attendance_record(actor=request.user, session=session, present=Member.objects.filter(pk__in=ids))
        return _manage_response(
            request, session, "attendance", attendance_notice=_("Attendance recorded: %(n)d present.") % {"n": n}
        )
    except (CommissionError, PermissionDenied) as e:
        return _manage_response(request, session, "attendance", attendance_error=refusal_text(e))


@require_POST
def speaker(request: HttpRequest, number: int) -> HttpResponse:
    if not can(request.user, "speaker.add"):
        return _forbidden(request)
    session = get_object_or_404(Session, number=number)
    form = forms.SpeakerForm(request.POST)
    if form.is_valid():
        seat = form.cleaned_data["seat"]
        member = Member.objects.filter(seat=seat).first() if seat else None
        if seat and member is None:
            form.add_error("seat", _("No member holds seat %(seat)d.") % {"seat": seat})
        else:
            try:
                cs.speaker_add(
                    actor=request.user,
                    session=session,
                    member=member,
                    name=form.cleaned_data["name"],
                    topic=form.cleaned_data["topic"],
                )
                return _manage_response(request, session, "speakers")
            except (CommissionError, PermissionDenied) as e:
                form.add_error(None, refusal_text(e))
    return _manage_response(request, session, "speakers", speaker_form=form)


@require_POST
def decision(request: HttpRequest, number: int, order: int) -> HttpResponse:
    if not can(request.user, "decision.record"):
        return _forbidden(request)
    item = get_object_or_404(AgendaItem.objects.select_related("session"), session__number=number, order=order)
    form = forms.DecisionForm(request.POST)
    error = ""
    if form.is_valid():
        data = form.cleaned_data
        changes = []
        if data["change_kind"]:
            changes.append(
                ArticleChange(
                    ChangeKind(data["change_kind"]),
                    data["change_article"].strip(),
                    data["change_wording"].strip(),
                    data["change_after"].strip(),
                )
            )
        try:
            cs.decision_record(
                actor=request.user, item=item, kind=data["kind"], summary=data["summary"].strip(), changes=changes
            )
        except (CommissionError, PermissionDenied) as e:
            error = refusal_text(e)
    else:
        # each field by its label in the page's language, not by its code
        error = "; ".join(
            f"{form.fields[k].label if k in form.fields else ''}: {' '.join(v)}".lstrip(": ")
            for k, v in form.errors.items()
        )
    notice = "" if error else _("Decision %(n)s recorded.") % {"n": f"{number}/{order}"}
    return _manage_response(request, item.session, "agenda", decision_error=error, notice=notice)
