"""Writes of the Commission: members, sessions, agenda, attendance, votes, decisions. Drafts and comments are in
services_drafts.py.

Every function takes the acting user and checks it against the accounts permission matrix itself (permissions.py
maps each write onto a `commission.*` action), so the API, the pages and the CLI cannot bypass the rules; a refusal
is accounts' PermissionRefused. Every official action is appended to the audit chain in the same transaction.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction

from atazan.audit.services import audit_append
from atazan.commission.audit_records import decision_audit_record

from .domain import drafting as dd
from .domain.errors import CommissionError, CommissionPermissionError, QuorumError
from .domain.messages import Msg, articles_cited, msg, phrase
from .domain.regions import REGION_CODES
from .domain.voting import Choice, Outcome, rules_source, tally_from_choices, vote_outcome
from .models import AgendaItem, ArticleChange, Attendance, Decision, DraftVersion, Member, Session, Speaker, Vote
from .permissions import Actor, authorize
from .rules import majority_rule, quorum_rule
from .translation import record_text, said, sentence

ARTICLE_NUM = re.compile(r"\d{1,3}(?:-\d{1,2})?")

__all__ = ["Actor"]


@transaction.atomic
def member_appoint(
    *,
    actor: Actor,
    seat: int,
    full_name: str,
    role: str,
    category: str,
    region: str,
    appointed: date,
    position: str = "",
    synthetic: bool = False,
    user: User | None = None,
) -> Member:
    """Add a member under the decree (or return the same member if already stored identically)."""
    label = authorize(actor, "member.appoint")
    record = phrase("member seat {seat} ({name})", seat=seat, name=full_name)
    if region not in REGION_CODES:
        raise CommissionError(
            record=record, rule=msg("member_region", "region must be one of the 20 oblasts and cities")
        )
    if role not in Member.Role.values or category not in Member.Category.values:
        raise CommissionError(
            record=record, rule=msg("member_category", "role and category must come from the decree's lists")
        )
    fields = {
        "full_name": full_name,
        "role": role,
        "category": category,
        "region": region,
        "appointed": appointed,
        "position": position,
        "synthetic": synthetic,
        "user": user,
    }
    existing = Member.objects.filter(seat=seat).first()
    if existing is not None:
        if any(getattr(existing, k) != v for k, v in fields.items()):
            raise CommissionError(
                record=record,
                rule=msg("seat_taken", "a seat is appointed once; the seat is held by {name}", name=existing.full_name),
            )
        return existing
    member = Member.objects.create(seat=seat, **fields)  # type: ignore[arg-type]
    audit_append(
        actor=label,
        action="commission.member.appoint",
        target=f"commission/member/{seat}",
        payload={"full_name": full_name, "role": role, "category": category, "region": region, "synthetic": synthetic},
    )
    return member


@transaction.atomic
def session_schedule(
    *,
    actor: Actor,
    number: int,
    date: date,
    title: str,
    broadcast_url: str = "",
    synthetic: bool = False,
    titles: Mapping[str, str] | None = None,
) -> Session:
    """Schedule session ``number`` (scheduling the same session again with the same date and title returns it)."""
    label = authorize(actor, "session.schedule")
    record = phrase("session {number}", number=number)
    if broadcast_url and not broadcast_url.startswith("https://"):
        raise CommissionError(record=record, rule=msg("broadcast_https", "the broadcast link must be an https URL"))
    if not title.strip():
        raise CommissionError(record=record, rule=msg("session_title", "a session has a title"))
    variants = _titles_check(record, titles)
    session, created = Session.objects.get_or_create(
        number=number,
        defaults={"date": date, "title": title.strip(), "broadcast_url": broadcast_url, "synthetic": synthetic,
                  "titles": variants},
    )  # fmt: skip
    if not created and (session.date, session.title) != (date, title.strip()):
        raise CommissionError(record=record, rule=msg(
            "session_taken", "the number is taken by the session of {date} ({title}); a session is scheduled once",
            date=session.date, title=session.title))  # fmt: skip
    if created:
        audit_append(
            actor=label,
            action="commission.session.schedule",
            target=f"commission/session/{number}",
            payload={"date": date.isoformat(), "title": title, "titles": variants},
        )
    return session


TITLE_LANGUAGES = ("kk", "ru")  # the title itself is in English; these are its variants


def _titles_check(record: Msg, titles: Mapping[str, str] | None) -> dict[str, str]:
    variants = {k: v.strip() for k, v in (titles or {}).items() if v and v.strip()}
    unknown = sorted(set(variants) - set(TITLE_LANGUAGES))
    if unknown:
        raise CommissionError(record=record, rule=msg(
            "title_language", "a title has variants in {languages} only, not {unknown}",
            languages=", ".join(TITLE_LANGUAGES), unknown=", ".join(unknown)))  # fmt: skip
    return variants


@transaction.atomic
def titles_translate(
    *,
    actor: Actor,
    session: Session,
    item: AgendaItem | None = None,
    titles: Mapping[str, str],
    replace: bool = False,
) -> Session | AgendaItem:
    """Add the Kazakh and Russian variants of a session's (or agenda item's) title; variants already recorded are
    kept (corrected when ``replace``). The record's substance does not change, and the change is audited."""
    target = item if item is not None else session
    label = authorize(actor, "agenda.add" if item is not None else "session.schedule")
    record = (
        phrase("session {session}, item {item}", session=session.number, item=item.order)
        if item is not None
        else phrase("session {number}", number=session.number)
    )
    variants = _titles_check(record, titles)
    added = {k: v for k, v in variants.items() if k not in target.titles or (replace and target.titles[k] != v)}
    if added:
        target.titles = {**target.titles, **added}
        target.save(update_fields=["titles"])
        audit_append(actor=label, action="commission.title.translate",
                     target=f"commission/session/{session.number}" + (f"/item/{item.order}" if item else ""),
                     payload={"titles": added})  # fmt: skip
    return target


def _articles_check(record: Msg, articles: Sequence[str]) -> None:
    bad = [a for a in articles if not ARTICLE_NUM.fullmatch(a)]
    if bad:
        raise CommissionError(
            record=record,
            rule=msg(
                "article_number",
                "an article is named by its number in the 2026 Constitution (such as 53 or 10-1), not {given}",
                given=repr(bad[0]),
            ),
        )


def _proposals_check(record: Msg, proposals: Sequence[str]) -> None:
    """Every proposal linked must be registered in the consultation (by its registration number)."""
    from .proposals_link import proposals_existing

    unknown = sorted(set(proposals) - proposals_existing(proposals))
    if unknown:
        raise CommissionError(
            record=record,
            rule=msg(
                "proposal_unknown",
                "proposals are linked by the registration number of a registered proposal; unknown: {numbers}",
                numbers=", ".join(unknown[:10]),
            ),
        )


@transaction.atomic
def agenda_item_add(
    *,
    actor: Actor,
    session: Session,
    title: str,
    articles: Sequence[str] = (),
    theme: str = "",
    proposals: Sequence[str] = (),
    titles: Mapping[str, str] | None = None,
) -> AgendaItem:
    label = authorize(actor, "agenda.add")
    record = phrase("session {session}, item {item}", session=session.number, item=repr(title))
    variants = _titles_check(record, titles)
    if not title.strip():
        raise CommissionError(
            record=phrase("session {number} agenda", number=session.number),
            rule=msg("item_title", "an agenda item has a title"),
        )
    if not articles and not theme:
        raise CommissionError(
            record=record, rule=msg("item_subject", "an agenda item names articles or a proposal theme")
        )
    _articles_check(record, articles)
    _proposals_check(record, proposals)
    order = (session.agenda.order_by("-order").values_list("order", flat=True).first() or 0) + 1
    item = AgendaItem.objects.create(
        session=session, order=order, title=title.strip(), titles=variants, articles=list(articles), theme=theme,
        proposals=list(proposals),
    )  # fmt: skip
    audit_append(
        actor=label,
        action="commission.agenda.add",
        target=f"commission/session/{session.number}/item/{order}",
        payload={
            "title": title,
            "titles": variants,
            "articles": list(articles),
            "theme": theme,
            "proposals": list(proposals),
        },
    )
    return item


@transaction.atomic
def agenda_item_link_proposals(*, actor: Actor, item: AgendaItem, proposals: Sequence[str]) -> AgendaItem:
    """Add proposals (registration numbers) to an agenda item; numbers already linked are kept, none removed."""
    label = authorize(actor, "agenda.link")
    added = [p for p in dict.fromkeys(proposals) if p and p not in item.proposals]
    _proposals_check(phrase("session {session}, item {item}", session=item.session.number, item=item.order), added)
    if added:
        item.proposals = [*item.proposals, *added]
        item.save(update_fields=["proposals"])
        audit_append(
            actor=label,
            action="commission.agenda.link",
            target=f"commission/session/{item.session.number}/item/{item.order}",
            payload={"proposals": added},
        )
    return item


@transaction.atomic
def speaker_add(
    *, actor: Actor, session: Session, member: Member | None = None, name: str = "", topic: str = ""
) -> Speaker:
    label = authorize(actor, "speaker.add")
    if member is None and not name.strip():
        raise CommissionError(
            record=phrase("session {number} speaker", number=session.number),
            rule=msg("speaker_unnamed", "a speaker is a member or is named"),
        )
    order = (session.speakers.order_by("-order").values_list("order", flat=True).first() or 0) + 1
    speaker = Speaker.objects.create(
        session=session, order=order, member=member, name=name.strip(), topic=topic.strip()
    )
    audit_append(
        actor=label,
        action="commission.speaker.add",
        target=f"commission/session/{session.number}",
        payload={
            "order": order,
            "member": member.seat if member else None,
            "name": name.strip(),
            "topic": topic.strip(),
        },
    )
    return speaker


@transaction.atomic
def attendance_record(*, actor: Actor, session: Session, present: Iterable[Member]) -> int:
    """Register who is present (everyone else is absent). Refused once a vote has been cast at the session."""
    label = authorize(actor, "attendance.record")
    if Vote.objects.filter(item__session=session).exists():
        raise CommissionError(
            record=phrase("session {number} attendance", number=session.number),
            rule=msg("attendance_fixed", "attendance is fixed once voting has begun"),
        )
    present_ids = {m.pk for m in present}
    Attendance.objects.filter(session=session).delete()
    Attendance.objects.bulk_create(
        Attendance(session=session, member_id=pk, present=pk in present_ids)
        for pk in Member.objects.values_list("pk", flat=True)
    )
    audit_append(
        actor=label,
        action="commission.attendance.record",
        target=f"commission/session/{session.number}",
        payload={"present": len(present_ids), "members": Member.objects.count()},
    )
    return len(present_ids)


@transaction.atomic
def minutes_publish(
    *, actor: Actor, session: Session, text: str, translations: Mapping[str, str] | None = None
) -> Session:
    """Publish (or publish again) a session's minutes, with their Kazakh and Russian texts when given
    (``{"kk": …, "ru": …}``); minutes published again replace the earlier ones, and each publication is audited."""
    label = authorize(actor, "minutes.publish")
    record = phrase("session {number} minutes", number=session.number)
    if not text.strip():
        raise CommissionError(record=record, rule=msg("minutes_empty", "minutes cannot be empty"))
    variants = {k: v.strip() for k, v in (translations or {}).items() if v and v.strip()}
    unknown = sorted(set(variants) - set(TITLE_LANGUAGES))
    if unknown:
        raise CommissionError(
            record=record,
            rule=msg("translation_language", "a translation is in kk or ru, not {given}", given=", ".join(unknown)),
        )
    session.minutes = text.strip()
    # Variants published before are replaced: they would no longer say what the new minutes say.
    texts = {lang: {f: t for f, t in v.items() if f != "minutes"} for lang, v in session.translations.items()}
    for lang, variant in variants.items():
        texts.setdefault(lang, {})["minutes"] = variant
    session.translations = {lang: v for lang, v in texts.items() if v}
    session.save(update_fields=["minutes", "translations"])
    audit_append(
        actor=label,
        action="commission.minutes.publish",
        target=f"commission/session/{session.number}",
        payload={"chars": len(session.minutes), "languages": ["en", *sorted(variants)]},
    )
    return session


def _present_count(session: Session) -> int:
    return Attendance.objects.filter(session=session, present=True).count()


@transaction.atomic
def vote_cast(*, actor: Actor, item: AgendaItem, choice: str) -> Vote:
    """The acting member's own vote on an agenda item: once, while present, before the decision is recorded."""
    label = authorize(actor, "vote.cast")
    record = phrase(
        "vote on session {session}, item {item} by {voter}", session=item.session.number, item=item.order, voter=label
    )
    member = Member.objects.filter(user=actor).first() if isinstance(actor, User) else None
    if member is None:
        raise CommissionPermissionError(
            record=record, rule=msg("vote_not_member", "only a member of the Commission votes, for themself")
        )
    if choice not in {c.value for c in Choice}:
        raise CommissionError(record=record, rule=msg("vote_choice", "a vote is for, against or abstain"))
    if Decision.objects.filter(item=item).exists():
        raise CommissionError(record=record, rule=msg("vote_closed", "voting closed: the decision is recorded"))
    if not Attendance.objects.filter(session=item.session, member=member, present=True).exists():
        raise CommissionError(record=record, rule=msg("vote_absent", "only members registered present vote"))
    try:
        with transaction.atomic():
            vote = Vote.objects.create(item=item, member=member, choice=choice)
    except IntegrityError:
        raise CommissionError(record=record, rule=msg("vote_twice", "each member votes once on an item")) from None
    audit_append(
        actor=label,
        action="commission.vote.cast",
        target=f"commission/session/{item.session.number}/item/{item.order}",
        payload={"member": member.seat, "choice": choice},
    )
    return vote


def outcome_texts(outcome: Outcome) -> dict[str, dict[str, str]]:
    """A vote's explanation and the source of its rules, in English (the record) and in Kazakh and Russian (the
    record's translations): {"en": {"explanation": …, "rule_source": …}, "kk": {…}, "ru": {…}}."""
    return {
        lang: {
            "explanation": said(outcome.explanation, lang),
            "rule_source": said(rules_source(quorum_rule(lang), majority_rule(lang)), lang),
        }
        for lang in ("en", *TITLE_LANGUAGES)
    }


def item_outcome(item: AgendaItem) -> Outcome:
    """The vote's outcome under the configured rules, from the votes and attendance stored."""
    choices = [Choice(c) for c in item.votes.values_list("choice", flat=True)]
    tally = tally_from_choices(choices, members_total=Member.objects.count(), present=_present_count(item.session))
    chair_vote = item.votes.filter(member__role=Member.Role.CHAIR).values_list("choice", flat=True).first()
    return vote_outcome(
        tally,
        quorum=quorum_rule(),
        majority=majority_rule(),
        chair_choice=Choice(chair_vote) if chair_vote else None,
        record=phrase("session {session}, item {item}", session=item.session.number, item=item.order),
    )


@transaction.atomic
def decision_record(
    *, actor: Actor, item: AgendaItem, kind: str, summary: str, changes: Sequence[dd.ArticleChange] = ()
) -> Decision:
    """Record the decision on an agenda item from its vote. Without a quorum nothing is recorded (QuorumError);
    a vote that fails is recorded as not adopted and its article changes never reach a draft."""
    label = authorize(actor, "decision.record")
    number = f"{item.session.number}/{item.order}"
    record = phrase("decision {number}", number=number)
    if Decision.objects.filter(item=item).exists():
        raise CommissionError(record=record, rule=msg("decision_twice", "a decision is recorded once"))
    if kind not in Decision.Kind.values:
        raise CommissionError(record=record, rule=msg("decision_kind", "accept, modify or reject"))
    if kind == Decision.Kind.REJECT and changes:
        raise CommissionError(record=record, rule=msg("rejection_changes", "a rejection changes no article"))
    outcome = item_outcome(item)
    if not outcome.quorum_met:
        raise QuorumError(
            record=record, rule=msg("decision_no_quorum", "no decision without a quorum"), detail=outcome.explanation
        )
    if changes and outcome.adopted:
        from .services_drafts import pending_draft

        current = pending_draft()
        if current is not None:  # refuse now what could not be applied to the draft later
            dd.draft_apply(current, changes, record=record)
    t = outcome.tally
    texts = outcome_texts(outcome)
    decision = Decision.objects.create(
        item=item,
        number=number,
        kind=kind,
        summary=summary,
        adopted=outcome.adopted,
        votes_for=t.votes_for,
        votes_against=t.votes_against,
        abstained=t.abstained,
        present=t.present,
        members_total=t.members_total,
        explanation=texts["en"]["explanation"],
        rule_source=texts["en"]["rule_source"],
        recorded_by=label,
        translations={lang: texts[lang] for lang in TITLE_LANGUAGES},
    )
    ArticleChange.objects.bulk_create(
        ArticleChange(
            decision=decision, order=k, kind=c.kind.value, article=c.article, wording=c.wording, after=c.after
        )
        for k, c in enumerate(changes, start=1)
    )
    roll_call = dict(item.votes.values_list("member__seat", "choice"))
    audit_append(
        actor=label,
        action="commission.decision.record",
        target=f"commission/decision/{number}",
        payload={
            "kind": kind,
            "adopted": outcome.adopted,
            "for": t.votes_for,
            "against": t.votes_against,
            "abstained": t.abstained,
            "present": t.present,
            "rule": texts["en"]["rule_source"],
            "changes": [{"kind": c.kind.value, "article": c.article} for c in changes],
            "roll_call": {str(k): v for k, v in sorted(roll_call.items())},
        },
        records=[decision_audit_record(decision)],
    )
    return decision


# The proposal's status that an adopted decision of each kind answers with (consultation's workflow).
PROPOSAL_STATUS = {"accept": "accepted", "modify": "partly_accepted", "reject": "rejected"}


@dataclass
class AnswerReport:
    decision: str
    status: str
    answered: list[str] = field(default_factory=list)
    skipped: dict[str, str] = field(default_factory=dict)  # number → why


def decision_answer_text(decision: Decision, language: str = "en") -> str:
    """The official answer citing the Commission's decision, in ``language`` (English, Kazakh or Russian: the
    language of the proposal it answers), with the record's references."""
    from django.utils import translation

    item = decision.item

    def say(message: Msg | str) -> str:
        return said(message, language)

    title = (item.titles or {}).get(language) or item.title
    with translation.override(language):
        kind = str(decision.get_kind_display())
    fields: dict[str, str | int | date | Msg] = {
        "number": decision.number, "date": item.session.date, "session": item.session.number, "item": item.order,
        "title": title, "kind": kind,
    }  # fmt: skip
    heading = (
        phrase(
            "Constitutional Commission, decision {number} of {date} (session {session}, agenda item {item}: {title}; "
            "{articles}): {kind}.",
            articles=articles_cited(list(item.articles)),
            **fields,
        )
        if item.articles
        else phrase(
            "Constitutional Commission, decision {number} of {date} (session {session}, agenda item {item}: "
            "{title}): {kind}.",
            **fields,
        )
    )
    lines = [
        say(heading),
        record_text(decision, "summary", language),
        say(
            phrase(
                "Vote: {votes_for} for, {votes_against} against, {abstained} abstained, {present} of {members} "
                "present. {explanation}.",
                votes_for=decision.votes_for, votes_against=decision.votes_against, abstained=decision.abstained,
                present=decision.present, members=decision.members_total,
                explanation=sentence(record_text(decision, "explanation", language)),
            )
        ),
    ]  # fmt: skip
    changed = sorted({c.article for c in decision.changes.all()}, key=lambda a: [int(x) for x in a.split("-")])
    if changed:
        lines.append(say(phrase("The draft changed: {articles}.", articles=articles_cited(changed))))
    url = f"/commission/sessions/{item.session.number}/#item-{item.order}"
    lines.append(say(phrase("Record: {url}", url=url)))
    return "\n".join(line for line in lines if line)


def decision_answer_proposals(*, actor: User, decision: Decision) -> AnswerReport:
    """The working group answers the proposals on a decided agenda item with the Commission's decision, through the
    consultation context's own workflow services (proposals_review_start, proposal_decide): the Commission does not
    write consultation's tables. Answering citizens is the working group's (matrix: consultation.proposal.answer),
    not the Commission secretariat's.

    Only an adopted decision answers; proposals already answered are left as they are (reported as skipped)."""
    from atazan.accounts.services import permission_require
    from atazan.consultation import services as consultation
    from atazan.consultation.models import Proposal

    permission_require(actor, "consultation.proposal.answer")
    record = phrase("decision {number}", number=decision.number)
    if not decision.adopted:
        raise CommissionError(
            record=record, rule=msg("answer_not_adopted", "a decision that was not adopted answers no proposal")
        )
    status = PROPOSAL_STATUS[decision.kind]
    report = AnswerReport(decision=decision.number, status=status)
    numbers = list(decision.item.proposals)
    if not numbers:
        return report
    texts: dict[str, str] = {}  # each proposal is answered in its own language
    with transaction.atomic():
        consultation.proposals_review_start(numbers=numbers, reviewer=actor)
        for proposal in Proposal.objects.filter(registration_number__in=numbers).order_by("registration_number"):
            if proposal.status != "under_review":
                report.skipped[proposal.registration_number] = f"already {proposal.status}"
                continue
            language = proposal.language if proposal.language in TITLE_LANGUAGES else "en"
            if language not in texts:
                texts[language] = decision_answer_text(decision, language)
            consultation.proposal_decide(proposal=proposal, status=status, answer=texts[language], decided_by=actor)
            report.answered.append(proposal.registration_number)
    for number in numbers:
        if number not in report.answered and number not in report.skipped:
            report.skipped[number] = "not registered in the consultation"
    return report


# The texts of a record a reader sees, with the permission that records them; their Kazakh and Russian variants are
# added under the same permission (issue 15).
TRANSLATABLE: dict[type, tuple[str, tuple[str, ...]]] = {
    Decision: ("decision.record", ("summary", "explanation", "rule_source")),
    Member: ("member.appoint", ("position",)),
    Speaker: ("speaker.add", ("topic",)),
    AgendaItem: ("agenda.add", ("theme",)),
}


def texts_translate(
    *,
    actor: Actor,
    record: Decision | Speaker | AgendaItem | DraftVersion | Member,
    translations: Mapping[str, Mapping[str, str]],
    replace: bool = False,
) -> None:
    """Add a record's texts in Kazakh and Russian ({"kk": {field: …}, "ru": {…}}); variants already recorded are kept
    (corrected when ``replace``), the record's substance does not change, and the change is audited."""
    permission, fields = (
        ("draft.create", ("title", "note")) if isinstance(record, DraftVersion) else TRANSLATABLE[type(record)]
    )
    label = authorize(actor, permission)
    name = phrase("{kind} {pk}", kind=type(record).__name__, pk=record.pk)
    added: dict[str, dict[str, str]] = {}
    for language, texts in translations.items():
        if language not in ("kk", "ru"):
            raise CommissionError(
                record=name,
                rule=msg("translation_language", "a translation is in kk or ru, not {given}", given=repr(language)),
            )
        for field_name, text in texts.items():
            if field_name not in fields or not str(text).strip():
                raise CommissionError(
                    record=name,
                    rule=msg(
                        "translation_field", "{field} is not a text of this record to translate", field=repr(field_name)
                    ),
                )
            recorded = record.translations.get(language, {}).get(field_name)
            if recorded is None or (replace and recorded != str(text).strip()):
                added.setdefault(language, {})[field_name] = str(text).strip()
    if not added:
        return
    merged = {lang: {**record.translations.get(lang, {}), **added.get(lang, {})} for lang in ("kk", "ru")}
    record.translations = {lang: texts for lang, texts in merged.items() if texts}
    record.save(update_fields=["translations"])
    target = f"commission/{type(record).__name__.lower()}/{record.pk}"
    audit_append(actor=label, action="commission.text.translate", target=target, payload={"translations": added})
