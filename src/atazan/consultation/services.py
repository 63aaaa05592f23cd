"""Writes of the consultation: submit, support, decide, moderate, import, analyse."""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.db import IntegrityError, connection, transaction
from django.db.models import F
from django.utils import timezone

from atazan.accounts.domain.iin import IinError, iin_parse
from atazan.accounts.services import Throttled, actor_authorize, iin_hash, permission_require, throttle_check
from atazan.audit.services import audit_append
from atazan.consultation.audit_records import answer_record
from atazan.consultation.domain import intake
from atazan.consultation.domain.analysis import group_representatives
from atazan.consultation.domain.articles import article_mentions
from atazan.consultation.domain.attachments import AttachmentUpload, AttachmentVerdict, Outcome, attachments_check
from atazan.consultation.domain.duplicates import DuplicateIndex
from atazan.consultation.domain.errors import ConsultationError, InputRefused, InvalidIin
from atazan.consultation.domain.import_file import EXTRA_CELLS
from atazan.consultation.domain.intake import record_of, registration_number_parse, text_clean
from atazan.consultation.domain.messages import Msg, msg, shown
from atazan.consultation.domain.normalize import normalize_text
from atazan.consultation.domain.themes import Embedder, embedder_available
from atazan.consultation.domain.workflow import Status as DomainStatus
from atazan.consultation.domain.workflow import status_change_check
from atazan.consultation.models import (
    REGION_CHOICES,
    AppealKind,
    Attachment,
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
# A platform bound, not a legal one (domain.intake.TEXT): one appeal's text fits a page of the review queue.
MAX_TEXT = intake.TEXT.limit


class ProposalRefused(ConsultationError):
    """A proposal the law on appeals does not let the working group consider."""


class SubmissionThrottled(ConsultationError):
    """Too many proposals from one account in a short time (a script flooding the consultation)."""

    def __init__(self, *, record: str, limit: int, window_s: int, retry_after_s: int) -> None:
        self.retry_after_s = retry_after_s
        minutes = max(1, -(-retry_after_s // 60))
        super().__init__(
            record=record,
            rule=f"at most {limit} proposals per account in {window_s // 60} minutes",
            detail=f"try again in {minutes} min",
        )


class AttachmentsRefused(ConsultationError):
    """One or more attachments broke a rule (domain.attachments); ``verdicts`` names each refused file and its rule.
    Raised before anything is stored: the proposal and its files are registered together or not at all."""

    def __init__(self, *, record: str, verdicts: Sequence[AttachmentVerdict]) -> None:
        self.verdicts = list(verdicts)
        super().__init__(record=record, rule="; ".join(str(v) for v in self.verdicts))


# A citizen submits at most this many proposals per hour (docs/security.md, "Submissions"); imports are not limited.
SUBMIT_LIMIT = 10
SUBMIT_WINDOW_S = 3600


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


def _appeal_clean(
    record: Msg, *, applicant: Applicant, region: str, language: str, text: str, kind: str, iin_optional: bool = False
) -> tuple[Applicant, str]:
    """The applicant and text as they are stored (domain.intake: trimmed, bidi controls removed, lengths within the
    columns), or ConsultationError naming ``record`` and the rule. One check for the form, the import and the API."""
    clean = Applicant(
        surname=text_clean(intake.SURNAME, applicant.surname, record=record),
        name=text_clean(intake.NAME, applicant.name, record=record),
        patronymic=text_clean(intake.PATRONYMIC, applicant.patronymic, record=record),
        address=text_clean(intake.ADDRESS, applicant.address, record=record),
        phone=text_clean(intake.PHONE, applicant.phone, record=record),
        iin="".join(ch for ch in applicant.iin if not ch.isspace()),  # as iin_parse and the stored hash read it
    )  # fmt: skip
    body = text_clean(intake.TEXT, text, record=record)
    # Anonymous appeals and appeals with no stated essence are not considered (Law on appeals; FACTS.md).
    if not clean.surname or not clean.name:
        raise ProposalRefused(record=record, rule=msg(
            "anonymous", "anonymous appeals are not considered: surname and name required; enter your surname and "
            "name"))  # fmt: skip
    try:
        # IIN check digit, century digit and birth date (accounts.domain.iin; Law on national registers of IINs);
        # a citizen whose account was verified with an IIN need not type it again (``iin_optional``)
        if clean.iin or not iin_optional:
            iin_parse(clean.iin, today=timezone.now().date())
    except IinError as error:
        raise InvalidIin(record=msg("record_iin", "{record}: IIN {iin}", record=record, iin=error.masked),
                         rule=error.rule_msg) from None  # fmt: skip
    if not body:
        raise ProposalRefused(record=record, rule=msg(
            "no_essence", "an appeal with no stated essence is not considered: write what you propose"))  # fmt: skip
    if region not in REGION_CODES:
        raise ProposalRefused(record=record, rule=msg(
            "region", "region must be one of the 20 units or abroad: choose one from the list"),
            detail=shown(region))  # fmt: skip
    if language not in Language.values:
        raise ProposalRefused(record=record, rule=msg(
            "language", "language must be kk, ru or en: choose one from the list"), detail=shown(language))  # fmt: skip
    if kind not in AppealKind.values:
        raise ProposalRefused(record=record, rule=msg(
            "kind", "type must be an e-Otinish appeal type: choose one from the list"), detail=shown(kind))  # fmt: skip
    return clean, body


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


def verified_iin_hash(user: User) -> str | None:
    """The keyed hash of the IIN ``user``'s account was verified with, or None."""
    from atazan.accounts.models import Profile

    return Profile.objects.filter(user=user).exclude(iin_hash=None).values_list("iin_hash", flat=True).first()


def _own_iin_check(record: str, *, author: User, iin: str) -> None:
    """A citizen submits in their own name (matrix: consultation.proposal.submit): where the account was verified
    with an IIN, the applicant's IIN must be that one (compared by keyed hash; the clear number is not kept)."""
    from atazan.accounts.models import Profile

    verified = Profile.objects.filter(user=author).exclude(iin_hash=None).values_list("iin_hash", flat=True).first()
    if verified and verified != iin_hash(iin):
        raise ProposalRefused(record=record, rule=msg(
            "own_iin", "a proposal is submitted in one's own name: the IIN differs from the one this account was "
            "verified with; enter your own IIN"))  # fmt: skip


@transaction.atomic
def proposal_submit(
    *, author: User | str | None, applicant: Applicant, region: str, language: str, text: str,
    kind: str = AppealKind.PROPOSAL, submitted_at: dt.datetime | None = None, registration_number: str = "",
    attachments: Sequence[AttachmentUpload] = (),
) -> Proposal:  # fmt: skip
    """Register an appeal: validate the applicant (no anonymous appeals, IIN check digit), link named articles.

    ``attachments`` are checked by domain.attachments (type by magic bytes, size, count) before anything is
    written and stored in the same transaction: one refused file raises AttachmentsRefused and nothing is stored.

    ``author`` is the citizen submitting through the web or the API (a ``User``: checked against the permission
    matrix, ``consultation.proposal.submit``, and throttled to SUBMIT_LIMIT an hour), or, for an appeal received
    through e-Otinish and entered from the console, a plain label (``None`` reads as "import"). Only the keyed
    hash and a masked form of the applicant's IIN are stored.
    """
    console = author is None or isinstance(author, str)
    label = actor_authorize(author or "import", "consultation.proposal.submit")
    at = submitted_at if console and submitted_at else timezone.now()
    given = registration_number if console else ""
    number = registration_number_parse(given) if given else registration_number_new(at)
    verified = None if console else verified_iin_hash(author)  # type: ignore[arg-type]
    applicant, text = _appeal_clean(record_of(number=number), applicant=applicant, region=region,
                                    language=language, text=text, kind=kind, iin_optional=bool(verified))  # fmt: skip
    verdicts = attachments_check(attachments)
    refused = [v for v in verdicts if v.outcome is Outcome.REFUSED]
    if refused:
        raise AttachmentsRefused(record=number, verdicts=refused)
    if not console:
        assert isinstance(author, User)  # noqa: S101 - narrowed above
        if applicant.iin:
            _own_iin_check(number, author=author, iin=applicant.iin)
        try:
            throttle_check(key=f"consultation.submit:{author.pk}", limit=SUBMIT_LIMIT, window_s=SUBMIT_WINDOW_S)
        except Throttled as error:
            raise SubmissionThrottled(
                record=f"user {author.get_username()!r}", limit=SUBMIT_LIMIT, window_s=SUBMIT_WINDOW_S,
                retry_after_s=error.retry_after_s,
            ) from None  # fmt: skip
    proposal = Proposal.objects.create(
        registration_number=number, kind=kind, author=None if console else author,
        applicant_surname=applicant.surname, applicant_name=applicant.name,
        applicant_patronymic=applicant.patronymic, applicant_iin=applicant.iin,
        applicant_address=applicant.address, applicant_phone=applicant.phone, region=region, language=language,
        text=text, normal_text=normalize_text(text), submitted_at=at,
    )  # fmt: skip
    if verified and not applicant.iin:  # the account's verified IIN, by its hash (no clear number, so no mask)
        Proposal.objects.filter(pk=proposal.pk).update(applicant_iin_hash=verified)
        proposal.applicant_iin_hash = verified
    stored = _attachments_store(proposal, verdicts, attachments, by=None if console else author, at=at)
    _link_articles(proposal)
    _assign_incrementally(proposal)
    audit_append(actor=label, action="consultation.proposal.register", target=number,
                 payload={"region": region, "language": language, "kind": kind, "attachments": stored})  # fmt: skip
    return proposal


def _attachments_store(
    proposal: Proposal, verdicts: Sequence[AttachmentVerdict], uploads: Sequence[AttachmentUpload], *,
    by: User | str | None, at: dt.datetime,
) -> int:  # fmt: skip
    """Store the accepted files (verdicts and uploads in the same order); returns how many."""
    rows = [
        Attachment(proposal=proposal, name=v.name, content_type=v.content_type, size=v.size, sha256=v.sha256,
                   content=u.content, uploaded_at=at, uploaded_by=by if isinstance(by, User) else None)
        for v, u in zip(verdicts, uploads, strict=True) if v.outcome is Outcome.ACCEPTED
    ]  # fmt: skip
    Attachment.objects.bulk_create(rows)
    return len(rows)


@transaction.atomic
def attachments_add(
    *, proposal: Proposal, uploads: Sequence[AttachmentUpload], actor: str | User
) -> list[AttachmentVerdict]:
    """Attach files to a registered proposal, e.g. from an e-Otinish export (matrix:
    ``consultation.attachments.import``; a string actor is the server's console). Idempotent: a file already
    attached (same sha256) changes nothing. Unlike submission, each file stands alone: a refused one is reported
    and the others are stored. Returns one verdict per upload, in order; audited when something was added."""
    label = actor_authorize(actor, "consultation.attachments.import")
    locked = Proposal.objects.select_for_update().get(pk=proposal.pk)  # two imports at once count the limit once
    present = list(Attachment.objects.filter(proposal=locked).values_list("sha256", flat=True))
    verdicts = attachments_check(uploads, present=present)
    added = _attachments_store(locked, verdicts, uploads, by=actor, at=timezone.now())
    if added:
        audit_append(actor=label, action="consultation.attachments.add", target=locked.registration_number,
                     payload={"added": added, "sha256": [v.sha256 for v in verdicts
                                                         if v.outcome is Outcome.ACCEPTED]})  # fmt: skip
    return verdicts


def proposal_support(*, proposal: Proposal, citizen: User) -> bool:
    """One support per citizen (matrix: consultation.proposal.support), for another citizen's proposal; returns
    False when this citizen already supports it."""
    permission_require(citizen, "consultation.proposal.support")
    if proposal.author_id is not None and proposal.author_id == citizen.pk:
        raise ProposalRefused(record=proposal.registration_number,
                              rule="a citizen supports another citizen's proposal, not their own")  # fmt: skip
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
    """Move a proposal along the workflow, with the official answer and who decided when; audited.

    Taking a proposal into review needs ``consultation.proposal.review``; every other decision (accept, partly
    accept, reject, merge, out of scope) is an answer, ``consultation.proposal.answer``.
    """
    review = status == DomainStatus.UNDER_REVIEW.value
    permission_require(decided_by, "consultation.proposal.review" if review else "consultation.proposal.answer")
    answer = text_clean(intake.ANSWER, answer, record=record_of(number=proposal.registration_number))
    return _decide(proposal=proposal, status=status, answer=answer, decided_by=decided_by, merged_into=merged_into)


def _decide(
    *, proposal: Proposal, status: str, answer: str, decided_by: User, merged_into: Proposal | None = None
) -> Proposal:
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
        records=[
            answer_record(
                number=locked.registration_number,
                status=status,
                answer=locked.answer,
                merged_into=merged_into.registration_number if merged_into else None,
            )
        ],
    )
    return locked


MODERATION = {"flag": Visibility.FLAGGED, "hide": Visibility.HIDDEN, "restore": Visibility.VISIBLE}


def _numbers_valid(numbers: Iterable[str]) -> list[str]:
    """The registration numbers of a bulk action that can be numbers at all (the rest match nothing anyway)."""
    valid = []
    for number in numbers:
        try:
            valid.append(registration_number_parse(number))
        except ConsultationError:
            continue
    return valid


@transaction.atomic
def proposals_moderate(*, numbers: list[str], action: str, moderator: User, note: str = "") -> int:
    """Flag, hide or restore proposals in bulk (matrix: consultation.proposal.moderate); nothing is deleted.
    Returns how many changed."""
    permission_require(moderator, "consultation.proposal.moderate")
    if action not in MODERATION:
        raise ConsultationError(record=shown(action), rule=msg(
            "moderation_action", "a moderation action is flag, hide or restore: choose one from the list"))  # fmt: skip
    numbers = _numbers_valid(numbers)
    record = msg("record", "moderation of {count} proposals", count=len(numbers))
    note = text_clean(intake.NOTE, note, record=record)
    if action == "hide" and not note:
        # a hidden proposal leaves the public record: the reason is kept and audited (docs/security.md, moderation)
        raise ConsultationError(record=record, rule=msg("hide_reason", "a proposal is hidden with a reason: write "
                                                        "it in the note"))  # fmt: skip
    changed = Proposal.objects.filter(registration_number__in=numbers).update(
        visibility=MODERATION[action], moderation_note=note
    )
    audit_append(actor=moderator.username, action=f"consultation.moderation.{action}", target=",".join(numbers[:50]),
                 payload={"count": changed, "note": note})  # fmt: skip
    return changed


@transaction.atomic
def proposals_review_start(*, numbers: list[str], reviewer: User) -> int:
    """Bulk: registered → under review (matrix: consultation.proposal.review)."""
    permission_require(reviewer, "consultation.proposal.review")
    numbers = _numbers_valid(numbers)
    count = 0
    for proposal in Proposal.objects.filter(registration_number__in=numbers, status=DomainStatus.REGISTERED.value):
        _decide(proposal=proposal, status=DomainStatus.UNDER_REVIEW.value, answer="", decided_by=reviewer)
        count += 1
    return count


def assignees() -> list[User]:
    """Who may be assigned a proposal: the members of the working group who answer (matrix:
    consultation.proposal.answer)."""
    from atazan.accounts.domain.roles import Role

    return list(User.objects.filter(groups__name=Role.WORKING_GROUP_SECRETARY.value, is_active=True)
                .order_by("username").distinct())  # fmt: skip


@transaction.atomic
def proposals_assign(*, numbers: list[str], assignee: str, by: User) -> int:
    """Bulk: assign proposals to a member of the working group who prepares their answer (matrix:
    consultation.proposal.review); audited. Returns how many were assigned."""
    permission_require(by, "consultation.proposal.review")
    numbers = _numbers_valid(numbers)
    member = next((u for u in assignees() if u.username == assignee), None)
    if member is None:
        raise ConsultationError(
            record=msg("record", "user {name}", name=shown(assignee)),
            rule=msg("assignee", "proposals are assigned to a member of the working group"),
        )
    count = 0
    for start in range(0, len(numbers), _CHUNK):
        count += Proposal.objects.filter(registration_number__in=numbers[start : start + _CHUNK]).update(
            assigned_to=member
        )
    audit_append(actor=by.username, action="consultation.proposals.assign", target=",".join(numbers[:50]),
                 payload={"count": count, "assignee": member.username})  # fmt: skip
    return count


def group_numbers(group: str, *, with_linked: bool = False) -> list[str]:
    """The registration numbers of a duplicate group (a campaign), and with ``with_linked`` of the groups linked to
    it in other languages (CampaignLink)."""
    groups = {group}
    if with_linked:
        for b in CampaignLink.objects.filter(group_a=group).values_list("group_b", flat=True):
            groups.add(b)
        for a in CampaignLink.objects.filter(group_b=group).values_list("group_a", flat=True):
            groups.add(a)
    numbers = list(Proposal.objects.filter(duplicate_group__in=sorted(groups)).values_list("registration_number",
                                                                                          flat=True))  # fmt: skip
    if not numbers and Proposal.objects.filter(registration_number=group).exists():
        numbers = [group]  # a proposal in no group answers alone
    return sorted(numbers)


@dataclass
class GroupAnswer:
    answered: int  # proposals that received the answer
    reviewed: int  # of them, taken into review first (registered → under review), recorded as such
    skipped: list[str]  # already answered, or an outcome the workflow forbids from their status


_CHUNK = 500  # SQLite's bound-parameter limit


def proposals_answer(
    *, numbers: Sequence[str], status: str, answer: str, decided_by: User, merged_into: Proposal | None = None,
    label: str = "",
) -> GroupAnswer:  # fmt: skip
    """One official answer for many proposals at once (a duplicate group, a campaign, or a selection of the review
    queue), recorded per proposal: each gets its own StatusChange rows, its answer, who and when, and one audit entry
    vouches for every answer's digest (audit_records.answer_record).

    The workflow is the one of proposal_decide (domain.workflow): a registered proposal is first taken into review
    (a recorded step, needing ``consultation.proposal.review``) and then answered (``consultation.proposal.answer``);
    "out of scope" and "merged" may follow registration directly. Proposals already answered are left as they are
    and listed in ``skipped``. Bulk statements: a 10,000-proposal campaign is a handful of queries (benchmark
    benchmarks/consultation_answer.py)."""
    from atazan.consultation.domain.workflow import OUTCOMES, TRANSITIONS

    target = DomainStatus(status)  # ValueError for a status that is none
    permission_require(decided_by, "consultation.proposal.answer")
    numbers = _numbers_valid(numbers)
    record = msg("record", "answer to {count} proposals", count=len(numbers))
    if target not in OUTCOMES:
        raise ConsultationError(record=record, rule=msg(
            "group_outcome", "a group is answered with an outcome (accepted, partly accepted, rejected, merged or "
            "out of scope), not taken into review"))  # fmt: skip
    answer = text_clean(intake.ANSWER, answer, record=record).strip()
    merged_number = merged_into.registration_number if merged_into else None
    # the rules that do not depend on a proposal's status, checked once (answer present, merge target named)
    status_change_check(record=label or str(record), current=DomainStatus.UNDER_REVIEW, target=target,
                        answer=answer, merged_into=merged_number)  # fmt: skip
    direct = target in TRANSITIONS[DomainStatus.REGISTERED]
    if not direct:
        permission_require(decided_by, "consultation.proposal.review")
    with transaction.atomic():
        rows: list[tuple[int, str, str]] = []
        for start in range(0, len(numbers), _CHUNK):
            rows += list(Proposal.objects.select_for_update().filter(
                registration_number__in=numbers[start : start + _CHUNK]
            ).values_list("id", "registration_number", "status"))  # fmt: skip
        rows.sort(key=lambda r: r[1])
        eligible = [r for r in rows if r[2] in (DomainStatus.REGISTERED.value, DomainStatus.UNDER_REVIEW.value)
                    and (merged_into is None or r[0] != merged_into.pk)]  # fmt: skip
        taken = {r[0] for r in eligible}
        skipped = sorted(set(numbers) - {r[1] for r in eligible})
        now = timezone.now()
        changes: list[tuple[int, str, str, str, int, object]] = []
        reviewed = 0
        at = StatusChange._meta.get_field("decided_at").get_db_prep_save(now, connection)
        for pk, _number, current in eligible:
            if current == DomainStatus.REGISTERED.value and not direct:
                changes.append((pk, current, DomainStatus.UNDER_REVIEW.value, "", decided_by.pk, at))
                current = DomainStatus.UNDER_REVIEW.value
                reviewed += 1
            changes.append((pk, current, status, answer, decided_by.pk, at))
        _status_changes_insert(changes)
        from atazan.consultation.notifications import dispatch_on_commit

        dispatch_on_commit(len(changes))  # bulk_create sends no post_save: followers are told once this commits
        ids = sorted(taken)
        for start in range(0, len(ids), _CHUNK):
            Proposal.objects.filter(id__in=ids[start : start + _CHUNK]).update(
                status=status, answer=answer, answered_by=decided_by, answered_at=now, merged_into=merged_into
            )
        answered = [r[1] for r in eligible]
        if answered:
            audit_append(
                actor=decided_by.username, action=f"consultation.proposals.{status}",
                target=label or (answered[0] if len(answered) == 1 else f"{answered[0]}…({len(answered)})"),
                payload={"answer": answer, "merged_into": merged_number, "count": len(answered),
                         "reviewed": reviewed},
                records=[answer_record(number=n, status=status, answer=answer, merged_into=merged_number)
                         for n in answered],
            )  # fmt: skip
    return GroupAnswer(answered=len(answered), reviewed=reviewed, skipped=skipped)


def _status_changes_insert(rows: Sequence[tuple[object, ...]]) -> None:
    """StatusChange rows (proposal_id, from_status, to_status, answer, decided_by_id, decided_at as the database
    takes it) in one prepared statement: a 10,000-proposal campaign's 20,000 rows through the ORM's bulk_create cost
    seconds of model instantiation alone (benchmarks/consultation_answer.py)."""
    meta = StatusChange._meta
    columns = ("proposal_id", "from_status", "to_status", "answer", "decided_by_id", "decided_at")
    quote = connection.ops.quote_name
    names = ", ".join(quote(c) for c in columns)
    # names come from the model, never from input; every value is bound
    sql = f"INSERT INTO {quote(meta.db_table)} ({names}) VALUES ({', '.join(['%s'] * len(columns))})"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.executemany(sql, list(rows))


@transaction.atomic
def group_answer(
    *, group: str, status: str, answer: str, decided_by: User, with_linked: bool = False,
    merged_into: Proposal | None = None,
) -> GroupAnswer:  # fmt: skip
    """Answer a whole duplicate group (a campaign of identical appeals) in one action; see proposals_answer."""
    numbers = group_numbers(group, with_linked=with_linked)
    if not numbers:
        raise ConsultationError(record=msg("record", "group {group}", group=shown(group)),
                                rule=msg("no_group", "no duplicate group or proposal has this number"))  # fmt: skip
    return proposals_answer(numbers=numbers, status=status, answer=answer, decided_by=decided_by,
                            merged_into=merged_into, label=f"group {group}")  # fmt: skip


@dataclass
class ImportSummary:
    created: int = 0
    unchanged: int = 0
    rejected: int = 0  # every refused row, conflicts included
    conflicts: int = 0  # rows whose registration number is registered with different content


IMPORT_COLUMNS = ("registration_number", "kind", "surname", "name", "patronymic", "iin", "region", "language",
                  "text", "submitted_at")  # fmt: skip
# What of a refused row is kept for review: each value at most this many characters (a 100,000-character surname is
# kept as its beginning and its length).
REVIEW_VALUE_MAX = 2_000


def _raw_for_review(row: Mapping[str, str]) -> dict[str, str]:
    """The row as kept for review: the IIN masked (the clear number is never stored), NUL shown as ␀ (PostgreSQL
    cannot store it), anything that is not Unicode text replaced, long values cut with their length said."""
    from atazan.accounts.domain.iin import iin_mask

    def kept(value: str) -> str:
        value = value.encode("utf-8", "replace").decode("utf-8").replace("\x00", "\u2400")
        if len(value) > REVIEW_VALUE_MAX:
            return f"{value[:REVIEW_VALUE_MAX]}… ({len(value)} characters)"
        return value

    return {kept(str(k))[:100]: (iin_mask(v) if k == "iin" and v else kept(v)) for k, v in row.items()}


def _submitted_at(row_record: Msg, text: str) -> dt.datetime | None:
    try:
        when = dt.datetime.fromisoformat(text) if text else None
    except ValueError:
        raise ProposalRefused(record=str(row_record), rule="submitted_at must be an ISO 8601 date-time",
                              detail=shown(text)) from None  # fmt: skip
    if when is not None and when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return when


def _differences(
    existing: Proposal, *, applicant: Applicant, region: str, language: str, text: str, kind: str,
    submitted_at: dt.datetime | None,
) -> list[str]:  # fmt: skip
    """Which of an imported appeal's fields differ from the registered one with the same number (names only: the
    values are personal data)."""
    pairs = [
        ("kind", existing.kind, kind), ("surname", existing.applicant_surname, applicant.surname),
        ("name", existing.applicant_name, applicant.name),
        ("patronymic", existing.applicant_patronymic, applicant.patronymic),
        ("iin", existing.applicant_iin_hash, iin_hash(applicant.iin)), ("region", existing.region, region),
        ("language", existing.language, language), ("text", existing.text, text),
    ]  # fmt: skip
    if applicant.address:
        pairs.append(("address", existing.applicant_address, applicant.address))
    if applicant.phone:
        pairs.append(("phone", existing.applicant_phone, applicant.phone))
    if submitted_at is not None:
        pairs.append(("submitted_at", existing.submitted_at, submitted_at))
    return [name for name, stored, given in pairs if stored != given]


def _import_row(row: Mapping[str, str], *, row_number: int, label: str) -> bool:
    """Take in one row; True when it registered a new appeal, False when the same appeal is already registered.
    ConsultationError naming the row and the rule otherwise; nothing registered is ever changed by an import."""
    if EXTRA_CELLS in row:
        raise InputRefused(record=record_of(row=row_number), rule=msg(
            "extra_cells", "the row has more cells than the header: {cells}", cells=row[EXTRA_CELLS],
        ))  # fmt: skip
    number = registration_number_parse(row.get("registration_number", ""), record=record_of(row=row_number))
    record = record_of(row=row_number, number=number)
    when = _submitted_at(record, row.get("submitted_at", ""))
    kind = row.get("kind", "") or AppealKind.PROPOSAL
    applicant, text = _appeal_clean(
        record, applicant=Applicant(surname=row.get("surname", ""), name=row.get("name", ""), iin=row.get("iin", ""),
                                    patronymic=row.get("patronymic", ""), address=row.get("address", ""),
                                    phone=row.get("phone", "")),
        region=row.get("region", ""), language=row.get("language", ""), text=row.get("text", ""), kind=kind,
    )  # fmt: skip
    existing = Proposal.objects.filter(registration_number=number).first()
    if existing is not None:
        differ = _differences(existing, applicant=applicant, region=row.get("region", ""),
                              language=row.get("language", ""), text=text, kind=kind, submitted_at=when)  # fmt: skip
        if differ:
            raise InputRefused(record=record, rule=msg(
                "conflict", "registration number {number} is already registered with a different {fields}; the "
                "registered appeal is kept as it was and this row is kept for review",
                number=number, fields=", ".join(differ),
            ))  # fmt: skip
        return False
    proposal_submit(
        author=f"import:{label}", applicant=applicant, region=row.get("region", ""),
        language=row.get("language", ""), text=text, kind=kind, submitted_at=when, registration_number=number,
    )  # fmt: skip
    return True


def proposals_import(
    rows: Iterable[Mapping[str, object]], *, source: str, actor: str | User,
    on_row: Callable[[], None] | None = None,
) -> ImportSummary:  # fmt: skip
    """Import e-Otinish exports (rows as dicts; the header is row 1; blank rows are skipped but counted, so that row
    numbers match the file). Idempotent by registration number: a row identical to the registered appeal changes
    nothing; one with the same number and different content is a conflict, refused and kept for review, and the
    registered appeal is left as it was. A bad row is kept in ImportRejection with its row number, code and rule
    (domain.intake, services._appeal_clean), and the import goes on.

    ``actor``: a ``User`` must hold ``consultation.proposals.import`` (the working-group secretary); a string is a
    command run from the server's console and is recorded as given."""
    label = actor_authorize(actor, "consultation.proposals.import")
    summary = ImportSummary()
    source = source[:200]
    for row_number, raw in enumerate(rows, start=2):
        row = {str(k): ("" if v is None else str(v)).strip() for k, v in raw.items()}
        try:
            if not any(row.values()):
                continue
            with transaction.atomic():
                if _import_row(row, row_number=row_number, label=label):
                    summary.created += 1
                else:
                    summary.unchanged += 1
        except ConsultationError as error:
            # kept once per file, row and rule: importing the same export again adds nothing
            record = error.record if error.record.startswith("row ") else f"row {row_number}, {error.record}"
            ImportRejection.objects.get_or_create(
                source=source, row=row_number, rule=f"{record}: {error.rule}"[:300],
                defaults={"raw": _raw_for_review(row), "code": error.code[:40]},
            )  # fmt: skip
            summary.rejected += 1
            summary.conflicts += error.code == "conflict"
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
    index.add_many((number, text) for _, number, text in rows)
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
    """The working group confirms (or adds) the article a proposal concerns (part of review, matrix:
    consultation.proposal.review); audited."""
    permission_require(confirmed_by, "consultation.proposal.review")
    record = record_of(number=proposal.registration_number)
    article = intake.article_number_parse(article, record=record)
    if constitution not in {"1995", "2026"}:
        raise InputRefused(record=record, rule=msg("constitution", "the Constitution is the one of 1995 or 2026"))
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
