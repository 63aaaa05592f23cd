"""Thin views: read through selectors, write through services (which check roles themselves)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import selectors
from . import services as cs
from . import services_drafts as ds
from .domain.errors import CommissionError
from .domain.regions import REGIONS, region_get
from .models import AgendaItem, Comment, Decision, DraftVersion, Member
from .permissions import can_edit, can_moderate
from .texts_link import official_expression


def _language(request: HttpRequest) -> str:
    lang = request.GET.get("lang", "rus")
    return lang if lang in ("rus", "kaz") else "rus"


def _region_names(language: str) -> dict[str, str]:
    return {r.code: r.name(language) for r in REGIONS}


def index(request: HttpRequest) -> HttpResponse:
    report = selectors.composition_report()
    return render(request, "commission/index.html", {
        "report": report,
        "sessions": selectors.sessions_list(),
        "drafts": selectors.drafts_list(),
        "decisions": Decision.objects.select_related("item__session").order_by("item__session__number",
                                                                                "item__order"),
        "members_total": report.total,
    })


def members(request: HttpRequest) -> HttpResponse:
    category = request.GET.get("category", "")
    region = request.GET.get("region", "")
    names = _region_names(request.LANGUAGE_CODE)
    report = selectors.composition_report()
    return render(request, "commission/members.html", {
        "members": selectors.members_list(category=category, region=region),
        "report": report,
        "categories": Member.Category.choices,
        "category_rows": [(code, label, report.by_category.get(code, 0)) for code, label in Member.Category.choices],
        "region_rows": [(code, names.get(code, code), n) for code, n in report.by_region.items()],
        "region_names": names,
        "selected_category": category,
        "selected_region": region,
    })


def session(request: HttpRequest, number: int) -> HttpResponse:
    try:
        view = selectors.session_detail(number=number)
    except ObjectDoesNotExist:
        raise Http404(f"no session {number}") from None
    me = Member.objects.filter(user=request.user).first() if request.user.is_authenticated else None
    my_votes = dict(me.votes.filter(item__session=view.session).values_list("item_id", "choice")) if me else {}
    for iv in view.items:
        iv.my_choice = my_votes.get(iv.item.pk, "")  # type: ignore[attr-defined]
    return render(request, "commission/session.html", {
        "view": view,
        "embed_url": _embed(view.session.broadcast_url),
        "me": me,
        "can_edit": can_edit(request.user),
        "speakers": view.session.speakers.select_related("member").order_by("order"),
    })


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
    text = s.minutes or selectors.minutes_compose(session=s)
    response = HttpResponse(text, content_type="text/markdown; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="commission-session-{number}-minutes.md"'
    return response


@require_POST
def vote(request: HttpRequest, number: int, order: int) -> HttpResponse:
    item = get_object_or_404(AgendaItem, session__number=number, order=order)
    try:
        cs.vote_cast(actor=request.user, item=item, choice=request.POST.get("choice", ""))
        messages.success(request, _("Your vote is recorded."))
    except CommissionError as e:
        messages.error(request, str(e))
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
    return render(request, "commission/compare.html", {
        "versions": versions, "old": old, "new": new, "diffs": diffs, "show_all": show_all,
    })


def draft(request: HttpRequest, number: int) -> HttpResponse:
    version = get_object_or_404(DraftVersion, number=number)
    counts = selectors.comment_counts(version=version)
    articles = [(a, counts.get(a.num, 0)) for a in version.articles.order_by("order")]
    return render(request, "commission/draft.html", {
        "version": version, "articles": articles, "decisions": version.decisions.select_related("item__session"),
    })


def draft_article(request: HttpRequest, number: int, num: str) -> HttpResponse:
    version = get_object_or_404(DraftVersion, number=number)
    article = get_object_or_404(version.articles, num=num)
    if request.method == "POST":
        try:
            ds.comment_submit(actor=request.user, version=version, article=num,
                              paragraph=request.POST.get("paragraph", ""), text=request.POST.get("text", ""))
            messages.success(request, _("Thank you: your comment will appear once a moderator approves it."))
            return redirect(request.path)
        except CommissionError as e:
            messages.error(request, str(e))
    from .domain.drafting import paragraphs

    comments = Comment.objects.filter(version=version, article=num, status=Comment.Status.APPROVED)
    return render(request, "commission/draft_article.html", {
        "version": version, "article": article, "paragraphs": paragraphs(article.wording), "comments": comments,
        "open_for_comment": version.status != DraftVersion.Status.WORKING,
    })


def moderation(request: HttpRequest) -> HttpResponse:
    if not can_moderate(request.user):
        return render(request, "commission/forbidden.html", status=403)
    pending = Comment.objects.filter(status=Comment.Status.PENDING).select_related("version")
    return render(request, "commission/moderation.html", {"pending": pending})


@require_POST
def moderate(request: HttpRequest, pk: int) -> HttpResponse:
    comment = get_object_or_404(Comment, pk=pk)
    try:
        ds.comment_moderate(actor=request.user, comment=comment, approve=request.POST.get("approve") == "1",
                            reason=request.POST.get("reason", ""))
        messages.success(request, _("Moderation recorded."))
    except CommissionError as e:
        messages.error(request, str(e))
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
    return render(request, "commission/story.html", {
        "story": story, "language": language, "region_get": region_get,
    })
