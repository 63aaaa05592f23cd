from __future__ import annotations

import json
from collections.abc import Iterator

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from atazan.accounts.domain.roles import Role
from atazan.accounts.services import permission_allowed, user_has_role
from atazan.consultation import activity, open_data, selectors, services
from atazan.consultation.charts import bar_chart
from atazan.consultation.domain.attachments import (
    MAX_ATTACHMENT_BYTES,
    MAX_ATTACHMENTS,
    MIB,
    PDF,
    PNG,
    TEXT,
    AttachmentUpload,
    AttachmentVerdict,
    Rule,
    download_name,
    mib,
)
from atazan.consultation.domain.errors import ConsultationError
from atazan.consultation.domain.intake import registration_number_parse
from atazan.consultation.domain.messages import msg, shown
from atazan.consultation.domain.workflow import Status as WorkflowStatus
from atazan.consultation.domain.workflow import next_step_hint, transitions_from
from atazan.consultation.forms import (
    DECISION_FIELDS,
    REVIEW_FIELDS,
    SUBMIT_FIELDS,
    DecisionForm,
    GroupAnswerForm,
    ReviewForm,
    SubmitForm,
    outcome_refusal,
    permission_text,
    refusal_add,
)
from atazan.consultation.models import (
    REGION_CHOICES,
    AppealKind,
    Attachment,
    Language,
    Proposal,
    Status,
    Theme,
    Visibility,
)
from atazan.consultation.translation import error_text, msg_render
from atazan.standards.names import region_name


def _working_group(request: HttpRequest) -> bool:
    return any(user_has_role(request.user, r) for r in (Role.WORKING_GROUP_SECRETARY, Role.MODERATOR))  # type: ignore[arg-type]


def _number_or_404(number: str) -> str:
    """The registration number of an address, or 404 when it cannot be one (domain.intake's grammar): nothing
    outside the grammar, NUL or 10,000 characters included, reaches the database."""
    try:
        return registration_number_parse(number)
    except ConsultationError:
        raise Http404 from None


def _synthetic_present() -> bool:
    return Proposal.objects.filter(synthetic=True).exists()


def _base(request: HttpRequest, **extra: object) -> dict[str, object]:
    # what the page offers follows the permission matrix; the services check it again
    return {
        "synthetic_present": _synthetic_present(), "working_group": _working_group(request),
        "can_review": permission_allowed(request.user, "consultation.proposal.review"),  # type: ignore[arg-type]
        "can_answer": permission_allowed(request.user, "consultation.proposal.answer"),  # type: ignore[arg-type]
        "can_moderate": permission_allowed(request.user, "consultation.proposal.moderate"),  # type: ignore[arg-type]
        **extra,
    }  # fmt: skip


def index(request: HttpRequest) -> HttpResponse:
    filters = {k: request.GET.get(k, "") for k in ("status", "region", "theme", "article")}
    try:
        page_number = int(request.GET.get("page", "1"))
    except ValueError:
        page_number = 1
    page = selectors.proposals_page(selectors.proposals_public(**filters), page=page_number)
    query = "&".join(f"{k}={v}" for k, v in filters.items() if v)
    return render(request, "consultation/index.html", _base(
        request, page=page, filters=filters, query=query, statuses=Status.choices, regions=REGION_CHOICES,
        themes=_themes_named(page.rows),
    ))  # fmt: skip


def _themes_named(rows: list[Proposal] | None = None) -> list[Theme]:
    """Every theme with ``phrase``, its name in the reader's language (selectors.theme_phrases), also set on the
    themes of ``rows``: a theme is never shown as raw keywords mixing languages."""
    names = selectors.theme_phrases(get_language() or "en")
    themes = list(Theme.objects.all())
    for theme in themes + [p.theme for p in rows or [] if p.theme is not None]:
        theme.phrase = names.get(theme.number, theme.label)  # type: ignore[attr-defined]
    return themes


def detail(request: HttpRequest, number: str) -> HttpResponse:
    proposal = get_object_or_404(Proposal.objects.select_related("theme", "answered_by", "merged_into"),
                                 registration_number=_number_or_404(number))  # fmt: skip
    if proposal.visibility == Visibility.HIDDEN and not _working_group(request):
        raise Http404  # the same answer as for a number that does not exist: a hidden proposal's existence is not told
    return _detail_page(request, proposal)


def _detail_page(
    request: HttpRequest, proposal: Proposal, *, decision_form: DecisionForm | None = None,
    group_form: GroupAnswerForm | None = None, status: int = 200,
) -> HttpResponse:  # fmt: skip
    """The proposal's page; with a refused decision's form (its errors next to their fields) when given."""
    group = selectors.group_members(proposal)
    working_group = _working_group(request)
    if proposal.theme is not None:
        proposal.theme.phrase = selectors.theme_phrases(get_language() or "en").get(  # type: ignore[attr-defined]
            proposal.theme.number, proposal.theme.label
        )
    # the working group sees who wrote (name, masked IIN) and how many appeals came from the same IIN (by its
    # keyed hash); the public never does
    same_applicant = (Proposal.objects.filter(applicant_iin_hash=proposal.applicant_iin_hash).count()
                      if working_group and proposal.applicant_iin_hash else 0)  # fmt: skip
    linked = selectors.campaign_links(proposal.duplicate_group) if proposal.duplicate_group else []
    return render(request, "consultation/detail.html", _base(
        request, proposal=proposal, history=proposal.history.select_related("decided_by"),
        articles=proposal.articles.order_by("source", "article"), group_size=group.count(),
        group_sample=group[:10], linked=linked, **_decision_form(request, proposal),
        supported=request.user.is_authenticated and proposal.supports.filter(citizen=request.user).exists(),
        **activity.detail_extra(request, proposal, group),
        same_applicant=same_applicant, attachments=selectors.attachments_of(proposal, request.user),
        attachment_count=proposal.attachments.count(),
        decision_form=decision_form or DecisionForm(), group_form=group_form or GroupAnswerForm(),
    ), status=status)  # fmt: skip


def _decision_form(request: HttpRequest, proposal: Proposal) -> dict[str, object]:
    """What the decision form offers: only the statuses the workflow allows next (domain.workflow) that this user may
    decide (review or answer), what must come first, and the group answer when the proposal is in a group."""
    current = WorkflowStatus(proposal.status)
    can_review = permission_allowed(request.user, "consultation.proposal.review")  # type: ignore[arg-type]
    can_answer = permission_allowed(request.user, "consultation.proposal.answer")  # type: ignore[arg-type]
    names = dict(Status.choices)
    outcomes = [(s.value, names[s.value]) for s in transitions_from(current)
                if (can_review if s is WorkflowStatus.UNDER_REVIEW else can_answer)]  # fmt: skip
    hint = next_step_hint(current)
    group = proposal.duplicate_group
    open_in_group = (Proposal.objects.filter(duplicate_group=group, status__in=[Status.REGISTERED, Status.UNDER_REVIEW])
                     .count() if group and can_answer else 0)  # fmt: skip
    return {
        "outcomes": outcomes,
        "next_step": msg_render(hint) if hint else "",
        "group_open": open_in_group,
        "group_outcomes": [(v, names[v]) for v in GROUP_OUTCOMES],
        "answer_templates": answer_templates(),
    }


# One official answer for many proposals: the outcomes a group or a selection may be given at once.
GROUP_OUTCOMES = [Status.ACCEPTED, Status.PARTLY_ACCEPTED, Status.REJECTED, Status.OUT_OF_SCOPE]


def answer_templates() -> list[tuple[str, str, str]]:
    """(key, status, text) of the working group's standard answers, in the reader's language; the secretary may
    edit the text before sending. An answer is the working group's, never the platform's: no template decides."""
    return [
        ("accepted", Status.ACCEPTED, _("Your proposal has been considered by the working group and taken into account "
                                        "in the draft submitted to the Constitutional Commission.")),
        ("partly", Status.PARTLY_ACCEPTED, _("Your proposal has been considered by the working group; part of it is "
                                             "reflected in the draft submitted to the Constitutional Commission.")),
        ("rejected", Status.REJECTED, _("Your proposal has been considered by the working group and was not "
                                        "supported. Thank you for taking part in the consultation.")),
        ("out_of_scope", Status.OUT_OF_SCOPE, _("Your appeal does not concern the text of the Constitution; it is "
                                                "considered under the general procedure for appeals.")),
    ]  # fmt: skip


def attachment_download(request: HttpRequest, number: str, attachment_id: int) -> HttpResponse:
    """The file as a download only, under its sniffed type: a browser never renders it in the site's origin."""
    try:
        attachment = selectors.attachment_get(number=_number_or_404(number), attachment_id=attachment_id,
                                              user=request.user)  # fmt: skip
    except Attachment.DoesNotExist:
        raise Http404 from None  # the same answer whether the file is someone else's or does not exist
    charset = "; charset=utf-8" if attachment.content_type == TEXT else ""
    response = HttpResponse(bytes(attachment.content), content_type=attachment.content_type + charset)
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=download_name(attachment.name, attachment.content_type)
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response


def _uploads(files: list[UploadedFile]) -> list[AttachmentUpload]:
    """Files as the domain checks them. At most MAX_ATTACHMENTS files are read into memory; the rest are passed
    unread (refused as one too many), and a file over the size limit is never read."""
    uploads, read = [], 0
    for upload in files:
        size = upload.size or 0
        content = None
        if 0 < size <= MAX_ATTACHMENT_BYTES and read < MAX_ATTACHMENTS:
            content = upload.read()
            read += 1
        uploads.append(AttachmentUpload(name=upload.name or "", size=size, content=content))
    return uploads


def attachment_refusal(verdict: AttachmentVerdict) -> str:
    """The refusal of one file in the reader's language, naming the file and the rule."""
    values = {"name": verdict.name, "size": mib(verdict.size), "limit": MAX_ATTACHMENT_BYTES // MIB,
              "count": MAX_ATTACHMENTS}  # fmt: skip
    if verdict.rule is Rule.TYPE:
        return _("%(name)s: only PDF, PNG, JPEG or text files are accepted") % values
    if verdict.rule is Rule.DAMAGED:
        if verdict.content_type == PDF:
            return _("%(name)s: not a complete PDF file (damaged or cut short)") % values
        if verdict.content_type == PNG:
            return _("%(name)s: not a complete PNG image (damaged or cut short)") % values
        return _("%(name)s: not a complete JPEG image (damaged or cut short)") % values
    if verdict.rule is Rule.TOO_LARGE:
        return _("%(name)s: too large: %(size)s MiB, the limit is %(limit)s MiB") % values
    if verdict.rule is Rule.TOO_MANY:
        return _("%(name)s: at most %(count)s files") % values
    return _("%(name)s: the file is empty") % values


@login_required
def submit(request: HttpRequest) -> HttpResponse:
    values = {k: request.POST.get(k, "") for k in
              ("kind", "surname", "name", "patronymic", "iin", "region", "language", "text")}  # fmt: skip
    allowed = permission_allowed(request.user, "consultation.proposal.submit")
    status = 200
    attachment_errors: list[str] = []
    form = SubmitForm(request.POST if request.method == "POST" else None)
    form.is_valid()  # the domain checks the appeal; the form carries the refusals to their fields
    if request.method == "POST":
        if not allowed:
            raise PermissionDenied(_("Only verified citizens submit proposals."))
        try:
            proposal = services.proposal_submit(
                author=request.user,  # type: ignore[arg-type]
                applicant=services.Applicant(surname=values["surname"], name=values["name"], iin=values["iin"],
                                             patronymic=values["patronymic"]),
                region=values["region"], language=values["language"], text=values["text"],
                kind=values["kind"] or AppealKind.PROPOSAL,
                attachments=_uploads(request.FILES.getlist("attachments")),
            )  # fmt: skip
        except services.AttachmentsRefused as error:
            # shown next to the file field; the typed text comes back in the form
            attachment_errors = [attachment_refusal(v) for v in error.verdicts]
            status = 422
        except services.SubmissionThrottled as error:
            form.add_error(
                None,
                _("Too many proposals from this account: at most %(limit)s an hour. Try again in %(minutes)s minutes.")
                % {"limit": services.SUBMIT_LIMIT, "minutes": max(1, -(-error.retry_after_s // 60))},
            )
            status = 429
        except ConsultationError as error:
            refusal_add(form, error, fields=SUBMIT_FIELDS, default=None)
            status = 422
        else:
            messages.success(request, _("Your proposal is registered as %(number)s.") %
                             {"number": proposal.registration_number})  # fmt: skip
            return redirect(proposal)
    else:
        values["surname"] = values["surname"] or request.user.last_name  # type: ignore[union-attr]
        values["name"] = values["name"] or request.user.first_name  # type: ignore[union-attr]
        values["text"] = values["text"] or _article_prefill(request.GET.get("article", ""),
                                                            request.GET.get("paragraph", ""),
                                                            draft=request.GET.get("draft", ""))  # fmt: skip
    values["iin"] = ""  # an IIN is never written back into a page (docs/security.md)
    return render(request, "consultation/submit.html", _base(
        request, values=values, kinds=AppealKind.choices, regions=REGION_CHOICES, language_choices=Language.choices,
        allowed=allowed, attachment_errors=attachment_errors, max_attachments=MAX_ATTACHMENTS, form=form,
        max_attachment_mib=MAX_ATTACHMENT_BYTES // MIB,
        iin_verified=bool(request.user.is_authenticated and services.verified_iin_hash(request.user)),  # type: ignore[arg-type]
    ), status=status)  # fmt: skip


def _article_prefill(article: str, paragraph: str, *, draft: str = "") -> str:
    """The start of a proposal on an article (and paragraph) of the 2026 Constitution, from the article's page
    ("propose a change to this article"); the numbers are checked by the article grammar, anything else is ignored.
    The article named in the text is what links the proposal to it (services._link_articles).

    With ``draft`` (a draft version's number, from the Commission's draft pages) the article is the draft's: a
    draft's numbering may differ from the adopted text's, so the text names the draft and its date, and that
    phrasing is never linked to an article of the adopted text (domain.articles._DRAFT_REF). The final version
    is the official text itself, so its articles are the adopted ones."""
    from atazan.consultation.domain.intake import article_number_parse

    try:
        number = article_number_parse(article, record=msg("record", "article {number}", number=shown(article)))
    except ConsultationError:
        return ""
    para = paragraph if paragraph.isdigit() and len(paragraph) <= 3 else ""
    if draft:
        from atazan.commission.models import DraftVersion

        version = (DraftVersion.objects.filter(number=draft, articles__num=number).first()
                   if draft.isdigit() and len(draft) <= 4 else None)  # fmt: skip
        if version is None:
            return ""  # no such draft or article: nothing is guessed
        if version.status != DraftVersion.Status.FINAL:
            fields = {"article": number, "paragraph": para, "date": version.date.strftime("%d.%m.%Y")}
            if para:
                return _("Article %(article)s, paragraph %(paragraph)s of the draft Constitution (%(date)s): ") % fields
            return _("Article %(article)s of the draft Constitution (%(date)s): ") % fields
    if para:
        return _("Article %(article)s, paragraph %(paragraph)s of the Constitution: ") % {
            "article": number,
            "paragraph": para,
        }
    return _("Article %(article)s of the Constitution: ") % {"article": number}


def similar(request: HttpRequest) -> HttpResponse:
    text = request.POST.get("text", "") or request.GET.get("text", "")
    return render(request, "consultation/_similar.html", {"similar": selectors.proposals_similar(text)})


@login_required
@require_POST
def support(request: HttpRequest, number: str) -> HttpResponse:
    visible = Proposal.objects.exclude(visibility=Visibility.HIDDEN)  # a hidden one answers as a missing one
    proposal = get_object_or_404(visible, registration_number=_number_or_404(number))
    try:
        counted = services.proposal_support(proposal=proposal, citizen=request.user)  # type: ignore[arg-type]
    except ConsultationError as error:
        messages.error(request, error_text(error))
        return redirect(proposal)
    if counted:
        messages.success(request, _("Your support is counted."))
    else:
        messages.info(request, _("You already support this proposal."))
    return redirect(proposal)


@login_required
@require_POST
def decide(request: HttpRequest, number: str) -> HttpResponse:
    """Record a decision (or one answer for the proposal's whole group). A refusal shows the page again with what
    was typed and the refusal next to the field it concerns (forms.refusal_add), status 422."""
    if not _working_group(request):
        raise PermissionDenied
    proposal = get_object_or_404(Proposal, registration_number=_number_or_404(number))
    try:
        merged_number = registration_number_parse(request.POST.get("merged_into", ""))
    except ConsultationError:
        merged_number = ""  # none named, or not a number: the workflow then says what a merge needs
    merged = Proposal.objects.filter(registration_number=merged_number).first() if merged_number else None
    if request.POST.get("scope") == "group" and proposal.duplicate_group:
        group_form = GroupAnswerForm(request.POST)
        group_form.is_valid()
        try:
            result = services.group_answer(
                group=proposal.duplicate_group, status=request.POST.get("status", ""),
                answer=request.POST.get("answer", ""), decided_by=request.user,  # type: ignore[arg-type]
                with_linked=request.POST.get("with_linked") == "1", merged_into=merged,
            )  # fmt: skip
        except ConsultationError as error:
            refusal_add(group_form, error, fields=DECISION_FIELDS, default="status")
        except ValueError:
            outcome_refusal(group_form)
        else:
            messages.success(request, _("One answer recorded for %(n)s proposals of the group (%(reviewed)s taken "
                                        "into review first; %(skipped)s already answered, left as they were).")
                             % {"n": result.answered, "reviewed": result.reviewed,
                                "skipped": len(result.skipped)})  # fmt: skip
            return redirect(proposal)
        return _detail_page(request, proposal, group_form=group_form, status=422)
    decision_form = DecisionForm(request.POST)
    decision_form.is_valid()
    try:
        services.proposal_decide(proposal=proposal, status=request.POST.get("status", ""),
                                 answer=request.POST.get("answer", ""), decided_by=request.user,  # type: ignore[arg-type]
                                 merged_into=merged)  # fmt: skip
    except ConsultationError as error:
        refusal_add(decision_form, error, fields=DECISION_FIELDS, default="status")
    except ValueError:
        outcome_refusal(decision_form)
    else:
        messages.success(request, _("Decision recorded."))
        return redirect(proposal)
    proposal.refresh_from_db()
    return _detail_page(request, proposal, decision_form=decision_form, status=422)


@login_required
@require_POST
def confirm_article(request: HttpRequest, number: str) -> HttpResponse:
    if not _working_group(request):
        raise PermissionDenied
    proposal = get_object_or_404(Proposal, registration_number=_number_or_404(number))
    try:
        services.article_link_confirm(proposal=proposal, article=request.POST.get("article", ""),
                                      constitution=request.POST.get("constitution", "2026"),
                                      confirmed_by=request.user)  # type: ignore[arg-type]  # fmt: skip
    except ConsultationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("Article link confirmed."))
    return redirect(proposal)


def _template_answer(key: str, edited: str) -> tuple[str, str]:
    """The status and text of a standard answer (the text as the secretary edited it, when given)."""
    for template_key, status, text in answer_templates():
        if template_key == key:
            return str(status), edited.strip() or text
    raise ValueError(key)


@login_required
def review(request: HttpRequest) -> HttpResponse:
    """The working group's queue and its bulk actions. A refused action shows the queue again with the refusal next
    to the field it concerns (the note, the assignee, the answer…) and the selection kept, status 422."""
    if not _working_group(request):
        raise PermissionDenied
    if request.method != "POST":
        return _review_page(request, ReviewForm())
    numbers = request.POST.getlist("selected")
    action = request.POST.get("action", "")
    if action == "analyse":
        from atazan.consultation.tasks import analysis_run

        analysis_run.enqueue()
        messages.success(request, _("Recomputing duplicate groups and themes in the background."))
        return redirect("consultation:review")
    form = ReviewForm(request.POST)
    form.is_valid()
    try:
        if action == "review":
            n = services.proposals_review_start(numbers=numbers, reviewer=request.user)  # type: ignore[arg-type]
        elif action == "assign":
            n = services.proposals_assign(numbers=numbers, assignee=request.POST.get("assignee", ""),
                                          by=request.user)  # type: ignore[arg-type]  # fmt: skip
        elif action == "answer":
            status, text = _template_answer(request.POST.get("template", ""), request.POST.get("answer", ""))
            n = services.proposals_answer(numbers=numbers, status=status, answer=text,
                                          decided_by=request.user).answered  # type: ignore[arg-type]  # fmt: skip
        else:
            n = services.proposals_moderate(numbers=numbers, action=action, moderator=request.user,  # type: ignore[arg-type]
                                            note=request.POST.get("note", ""))  # fmt: skip
    except ConsultationError as error:
        refusal_add(form, error, fields=REVIEW_FIELDS, default="action")
    except ValueError:
        form.add_error("template", _("Choose one of the standard answers offered."))
    except PermissionDenied as error:
        # the service's check is the one that counts: a secretary may review, only a moderator may hide
        form.add_error("action", permission_text(error))
    else:
        messages.success(request, _("%(n)s proposals changed.") % {"n": n})
        return redirect("consultation:review")
    return _review_page(request, form, selected=set(numbers), status=422)


def _review_page(
    request: HttpRequest, form: ReviewForm, *, selected: set[str] | None = None, status: int = 200
) -> HttpResponse:  # fmt: skip
    queue_status = request.GET.get("status", Status.REGISTERED)
    queue = Proposal.objects.filter(status=queue_status).order_by("submitted_at", "id")
    if request.GET.get("visibility"):
        queue = queue.filter(visibility=request.GET["visibility"])
    try:
        page_number = int(request.GET.get("page", "1"))
    except ValueError:
        page_number = 1
    page = selectors.proposals_page(queue, page=page_number)
    return render(request, "consultation/review.html", _base(
        request, page=page, status=queue_status, statuses=Status.choices, answer_templates=answer_templates(),
        assignees=services.assignees(), form=form, selected=selected or set(),
    ), status=status)  # fmt: skip


def dashboard(request: HttpRequest) -> HttpResponse:
    counts = selectors.dashboard_counts_shared()
    status_names = dict(Status.choices)
    themes = _themes_named()
    phrase_of = {t.label: t.phrase for t in themes}  # type: ignore[attr-defined]
    charts = [
        (_("By status"), bar_chart([(str(status_names.get(k, k)), n) for k, n in counts["status"]],
                                       title=_("By status"))),
        (_("By theme"), bar_chart([(phrase_of.get(k, k), n) for k, n in counts["theme"]], title=_("By theme"))),
        (_("By article of the Constitution"), bar_chart([(_("Art. %s") % k, n) for k, n in counts["article"]],
                                                            title=_("By article"))),
        (_("By region"), bar_chart([(region_name(k, get_language()), n) for k, n in counts["region"]],
                                       title=_("By region"))),
        (_("By month"), bar_chart([(k[:7], n) for k, n in counts["month"]], title=_("By month"))),
    ]  # fmt: skip
    return render(request, "consultation/dashboard.html", _base(request, charts=charts, themes=themes))


def export_csv(request: HttpRequest) -> StreamingHttpResponse:
    """Open data as CSV, streamed, with a UTF-8 byte-order mark; ``;``-separated at open-data-semicolon.csv. Every
    cell goes through csv_row: a proposal starting with "=" (or +, -, @) is written with a leading apostrophe so that
    no spreadsheet runs it as a formula (docs/security.md, T3)."""
    delimiter = ";" if request.resolver_match and request.resolver_match.url_name == "export_csv_semicolon" else ","
    response = StreamingHttpResponse(open_data.csv_lines(delimiter), content_type="text/csv; charset=utf-8")
    name = "proposals-open-data" + ("-semicolon" if delimiter == ";" else "")
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    return response


def export_xlsx(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(open_data.xlsx_bytes(), content_type=open_data.FORMATS["xlsx"][1])
    response["Content-Disposition"] = 'attachment; filename="proposals-open-data.xlsx"'
    return response


def export_datapackage(request: HttpRequest) -> HttpResponse:
    """The Frictionless datapackage.json describing every form of the open data (absolute URLs)."""
    base = request.build_absolute_uri(reverse("consultation:index"))
    return HttpResponse(json.dumps(open_data.datapackage(base), ensure_ascii=False, indent=2),
                        content_type="application/json")  # fmt: skip


def export_json(request: HttpRequest) -> StreamingHttpResponse:
    def chunks() -> Iterator[str]:
        yield "["
        first = True
        for row in selectors.open_data_rows():
            yield ("" if first else ",") + json.dumps(row, ensure_ascii=False)
            first = False
        yield "]"

    response = StreamingHttpResponse(chunks(), content_type="application/json")
    response["Content-Disposition"] = 'attachment; filename="proposals-open-data.json"'
    return response
