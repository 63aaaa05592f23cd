"""Writes of the consultation: submit, support, decide, moderate, import, analyse."""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from atazan.audit.services import audit_append
from atazan.consultation.domain.analysis import group_representatives
from atazan.consultation.domain.articles import article_mentions
from atazan.consultation.domain.duplicates import DuplicateIndex
from atazan.consultation.domain.errors import ConsultationError
from atazan.consultation.domain.iin import iin_validate
from atazan.consultation.domain.normalize import normalize_text
from atazan.consultation.domain.themes import Embedder, embedder_available
from atazan.consultation.domain.workflow import Status as DomainStatus
from atazan.consultation.domain.workflow import status_change_check
from atazan.consultation.models import (
    REGION_CHOICES,
    AppealKind,
    CampaignLink,
    ImportRejection,
    Language,
    Proposal,
    ProposalArticle,
    StatusChange,
    Support,
    Theme,
    Visibility,
)

REGION_CODES = {code for code, _ in REGION_CHOICES}


class ProposalRefused(ConsultationError):
    """A proposal the law on appeals does not let the working group consider."""


def registration_number_new(at: dt.datetime) -> str:
    return f"EO-{at:%Y%m%d}-{secrets.token_hex(4).upper()}"


@dataclass(frozen=True)
class Applicant:
    surname: str
    name: str
    iin: str
    patronymic: str = ""
    address: str = ""
    phone: str = ""


def _check(record: str, *, applicant: Applicant, region: str, language: str, text: str, kind: str) -> None:
    # Anonymous appeals and appeals with no stated essence are not considered (Law on appeals; FACTS.md).
    if not applicant.surname.strip() or not applicant.name.strip():
        raise ProposalRefused(record=record, rule="anonymous appeals are not considered: surname and name required")
    iin_validate(applicant.iin, today=timezone.now().date())
    if not text.strip():
        raise ProposalRefused(record=record, rule="an appeal with no stated essence is not considered")
    if region not in REGION_CODES:
        raise ProposalRefused(record=record, rule="region must be one of the 20 units or abroad", detail=region)
    if language not in Language.values:
        raise ProposalRefused(record=record, rule="language must be kk, ru or en", detail=language)
    if kind not in AppealKind.values:
        raise ProposalRefused(record=record, rule="type must be an e-Otinish appeal type", detail=kind)


def _link_articles(proposal: Proposal) -> None:
    """Named articles are linked; otherwise the nearest articles are suggested with a score for the working group
    to confirm."""
    mentions = article_mentions(proposal.text)
    links = [ProposalArticle(proposal=proposal, constitution=m.constitution, article=m.number,
                             source=ProposalArticle.Source.MENTIONED) for m in mentions]  # fmt: skip
    if not mentions:
        from atazan.consultation.article_source import article_suggester

        links = [ProposalArticle(proposal=proposal, constitution=s.constitution, article=s.number,
                                 source=ProposalArticle.Source.SUGGESTED, score=round(s.score, 3))
                 for s in article_suggester("2026").suggest(proposal.text, top=3, min_score=0.08)]  # fmt: skip
    ProposalArticle.objects.bulk_create(links, ignore_conflicts=True)


def _assign_incrementally(proposal: Proposal) -> None:
    """Put a new proposal into an existing duplicate group and theme without recomputing: its nearest verified
    neighbour decides (see DuplicateIndex for the verification thresholds)."""
    from atazan.consultation.domain.duplicates import DuplicateParams, shingle_similarity, shingles_of
    from atazan.consultation.selectors import proposals_similar

    nearest = proposals_similar(proposal.text, limit=1, exclude=proposal.registration_number)
    if not nearest:
        return
    other, score = nearest[0]
    params = DuplicateParams()
    jaccard, containment = shingle_similarity(shingles_of(proposal.normal_text, params.shingle_size),
                                              shingles_of(other.normal_text, params.shingle_size))  # fmt: skip
    if jaccard >= params.min_jaccard or (containment >= params.min_containment
                                         and jaccard >= params.containment_min_jaccard):  # fmt: skip
        group = other.duplicate_group or other.registration_number
        Proposal.objects.filter(pk__in=[other.pk, proposal.pk]).update(duplicate_group=group)
        proposal.duplicate_group = group
    theme_id = Proposal.objects.filter(pk=other.pk).values_list("theme_id", flat=True).first()
    if theme_id and score >= 0.2:
        Proposal.objects.filter(pk=proposal.pk).update(theme_id=theme_id)


@transaction.atomic
def proposal_submit(
    *, author: User | None, applicant: Applicant, region: str, language: str, text: str,
    kind: str = AppealKind.PROPOSAL, submitted_at: dt.datetime | None = None, registration_number: str = "",
) -> Proposal:  # fmt: skip
    """Register an appeal: validate the applicant (no anonymous appeals, IIN check digit), link named articles."""
    at = submitted_at or timezone.now()
    number = registration_number or registration_number_new(at)
    _check(number, applicant=applicant, region=region, language=language, text=text, kind=kind)
    proposal = Proposal.objects.create(
        registration_number=number, kind=kind, author=author, applicant_surname=applicant.surname.strip(),
        applicant_name=applicant.name.strip(), applicant_patronymic=applicant.patronymic.strip(),
        applicant_iin=applicant.iin.strip(), applicant_address=applicant.address, applicant_phone=applicant.phone,
        region=region, language=language, text=text.strip(), normal_text=normalize_text(text), submitted_at=at,
    )  # fmt: skip
    _link_articles(proposal)
    _assign_incrementally(proposal)
    audit_append(actor=author.username if author else "import", action="consultation.proposal.register",
                 target=number, payload={"region": region, "language": language, "kind": kind})  # fmt: skip
    return proposal


def proposal_support(*, proposal: Proposal, citizen: User) -> bool:
    """One support per citizen; returns False when this citizen already supports it."""
    try:
        with transaction.atomic():
            Support.objects.create(proposal=proposal, citizen=citizen)
            Proposal.objects.filter(pk=proposal.pk).update(support_count=F("support_count") + 1)
    except IntegrityError:
        return False
    return True


@transaction.atomic
def proposal_decide(
    *, proposal: Proposal, status: str, answer: str, decided_by: User, merged_into: Proposal | None = None
) -> Proposal:
    """Move a proposal along the workflow, with the official answer and who decided when; audited."""
    locked = Proposal.objects.select_for_update().get(pk=proposal.pk)
    status_change_check(
        record=locked.registration_number, current=DomainStatus(locked.status), target=DomainStatus(status),
        answer=answer, merged_into=merged_into.registration_number if merged_into else None,
    )  # fmt: skip
    now = timezone.now()
    StatusChange.objects.create(proposal=locked, from_status=locked.status, to_status=status, answer=answer,
                                decided_by=decided_by, decided_at=now)  # fmt: skip
    locked.status = status
    if answer.strip():
        locked.answer, locked.answered_by, locked.answered_at = answer.strip(), decided_by, now
    locked.merged_into = merged_into
    locked.save(update_fields=["status", "answer", "answered_by", "answered_at", "merged_into"])
    audit_append(
        actor=decided_by.username,
        action=f"consultation.proposal.{status}",
        target=locked.registration_number,
        payload={"answer": answer, "merged_into": merged_into.registration_number if merged_into else None},
    )
    return locked


MODERATION = {"flag": Visibility.FLAGGED, "hide": Visibility.HIDDEN, "restore": Visibility.VISIBLE}


@transaction.atomic
def proposals_moderate(*, numbers: list[str], action: str, moderator: User, note: str = "") -> int:
    """Flag, hide or restore proposals in bulk; nothing is deleted. Returns how many changed."""
    if action not in MODERATION:
        raise ConsultationError(record=action, rule="moderation action is flag, hide or restore")
    changed = Proposal.objects.filter(registration_number__in=numbers).update(
        visibility=MODERATION[action], moderation_note=note[:300]
    )
    audit_append(actor=moderator.username, action=f"consultation.moderation.{action}", target=",".join(numbers[:50]),
                 payload={"count": changed, "note": note})  # fmt: skip
    return changed


@transaction.atomic
def proposals_review_start(*, numbers: list[str], reviewer: User) -> int:
    """Bulk: registered → under review."""
    count = 0
    for proposal in Proposal.objects.filter(registration_number__in=numbers, status=DomainStatus.REGISTERED.value):
        proposal_decide(proposal=proposal, status=DomainStatus.UNDER_REVIEW.value, answer="", decided_by=reviewer)
        count += 1
    return count


@dataclass
class ImportSummary:
    created: int = 0
    unchanged: int = 0
    rejected: int = 0


IMPORT_COLUMNS = ("registration_number", "kind", "surname", "name", "patronymic", "iin", "region", "language",
                  "text", "submitted_at")  # fmt: skip


def proposals_import(
    rows: Iterable[Mapping[str, object]], *, source: str, on_row: Callable[[], None] | None = None
) -> ImportSummary:
    """Import e-Otinish exports (rows as dicts; the header is row 1). Idempotent by registration number; a bad row
    is kept in ImportRejection with its row number and the rule it broke, and the import goes on."""
    summary = ImportSummary()
    for row_number, raw in enumerate(rows, start=2):
        row = {k: ("" if v is None else str(v)).strip() for k, v in raw.items()}
        try:
            number = row.get("registration_number", "")
            if not number:
                raise ProposalRefused(record=f"row {row_number}", rule="registration_number is required")
            if Proposal.objects.filter(registration_number=number).exists():
                summary.unchanged += 1
                continue
            when_text = row.get("submitted_at", "")
            try:
                when = dt.datetime.fromisoformat(when_text) if when_text else None
            except ValueError:
                raise ProposalRefused(
                    record=f"row {row_number}", rule="submitted_at must be an ISO 8601 date-time", detail=when_text
                ) from None
            if when is not None and when.tzinfo is None:
                when = when.replace(tzinfo=dt.UTC)
            proposal_submit(
                author=None,
                applicant=Applicant(surname=row.get("surname", ""), name=row.get("name", ""), iin=row.get("iin", ""),
                                    patronymic=row.get("patronymic", "")),
                region=row.get("region", ""), language=row.get("language", ""), text=row.get("text", ""),
                kind=row.get("kind", "") or AppealKind.PROPOSAL, submitted_at=when, registration_number=number,
            )  # fmt: skip
            summary.created += 1
        except ConsultationError as error:
            # kept once per file, row and rule: importing the same export again adds nothing
            ImportRejection.objects.get_or_create(source=source, row=row_number, rule=f"{error.record}: {error.rule}",
                                                  defaults={"raw": row})  # fmt: skip
            summary.rejected += 1
        finally:
            if on_row:
                on_row()
    return summary


@dataclass
class AnalysisSummary:
    proposals: int
    groups: int
    themes: int
    engine: str


def campaign_links_find(
    groups: list[list[str]], text_of: dict[str, str], embedder: Embedder, *, limit: int = 1500
) -> list[tuple[str, str, float]]:
    """Cross-language links between the largest campaigns (groups), only with the multilingual model: the
    character n-gram fallback cannot see a translation."""
    from atazan.consultation.domain.crosslingual import cross_language_links
    from atazan.consultation.domain.themes import E5Embedder

    if not isinstance(embedder, E5Embedder):
        return []
    biggest = sorted(groups, key=lambda g: (-len(g), g[0]))[:limit]
    reps = [g[0] for g in biggest]
    return cross_language_links(reps, [text_of[r] for r in reps], embedder=embedder)


def analysis_apply(*, embedder: Embedder | None = None, max_embedded: int = 3000) -> AnalysisSummary:
    """Recompute duplicate groups and themes over every proposal and store them (a background job)."""
    from atazan.consultation.domain.analysis import themes_for_corpus

    embedder = embedder or embedder_available("auto")
    rows = list(Proposal.objects.order_by("submitted_at", "id").values_list("id", "registration_number", "text"))
    index = DuplicateIndex()
    for _, number, text in rows:
        index.add(number, text)
    groups = index.groups()
    keys = [number for _, number, _ in rows]
    text_of = {number: text for _, number, text in rows}
    reps, members = group_representatives(keys, groups)
    model = themes_for_corpus(reps, [text_of[r] for r in reps], [len(members[r]) for r in reps],
                              embedder=embedder, max_embedded=max_embedded)  # fmt: skip
    now = timezone.now()
    links = campaign_links_find(groups, text_of, embedder)
    id_of = {number: pk for pk, number, _ in rows}
    with transaction.atomic():
        CampaignLink.objects.all().delete()
        CampaignLink.objects.bulk_create([CampaignLink(group_a=a, group_b=b, score=round(score, 4), found_at=now)
                                          for a, b, score in links])  # fmt: skip
        Proposal.objects.update(duplicate_group="", theme=None)
        Theme.objects.all().delete()
        for members_of_group in groups:
            ids = [id_of[n] for n in members_of_group]
            for start in range(0, len(ids), 900):
                Proposal.objects.filter(id__in=ids[start : start + 900]).update(duplicate_group=members_of_group[0])
        for number, theme in enumerate(model.themes, start=1):
            row = Theme.objects.create(
                number=number,
                label=theme.label[:200],
                size=theme.weight,
                representatives=theme.representatives,
                engine=embedder.name,
                computed_at=now,
            )
            ids = [id_of[m] for rep in theme.members for m in members[rep]]
            for start in range(0, len(ids), 900):
                Proposal.objects.filter(id__in=ids[start : start + 900]).update(theme=row)
    audit_append(actor="system", action="consultation.analysis.apply", target="proposals",
                 payload={"proposals": len(rows), "groups": len(groups), "themes": len(model.themes),
                          "engine": embedder.name})  # fmt: skip
    return AnalysisSummary(proposals=len(rows), groups=len(groups), themes=len(model.themes), engine=embedder.name)


@transaction.atomic
def article_link_confirm(*, proposal: Proposal, article: str, constitution: str, confirmed_by: User) -> ProposalArticle:
    """The working group confirms (or adds) the article a proposal concerns; audited."""
    link, _ = ProposalArticle.objects.update_or_create(
        proposal=proposal, constitution=constitution, article=article,
        defaults={"source": ProposalArticle.Source.CONFIRMED},
    )  # fmt: skip
    audit_append(
        actor=confirmed_by.username,
        action="consultation.article.confirm",
        target=proposal.registration_number,
        payload={"article": article, "constitution": constitution},
    )
    return link
