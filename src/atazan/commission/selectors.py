"""Reads of the Commission: composition, sessions with their votes, drafts and their diffs, the article story."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet

from atazan.texts.domain.diff import Segment

from .domain import drafting as dd
from .domain.composition import Category, CompositionReport, MemberFacts, MemberRole, composition_check
from .domain.messages import Msg, articles_cited, label, phrase
from .domain.voting import Outcome
from .models import AgendaItem, Comment, Decision, DraftVersion, Member, Session
from .proposals_link import ArticleProposals, ProposalRef, article_proposals, proposals_lookup
from .rules import composition_rules, majority_rule, quorum_rule
from .services import item_outcome
from .texts_link import Origin, official_article, origins_1995
from .translation import record_text, said, sentence


def members_list(*, category: str = "", region: str = "", role: str = "") -> QuerySet[Member]:
    qs = Member.objects.all()
    if category:
        qs = qs.filter(category=category)
    if region:
        qs = qs.filter(region=region)
    if role:
        qs = qs.filter(role=role)
    return qs.order_by("seat")


def composition_report() -> CompositionReport:
    facts = [
        MemberFacts(f"member {seat} ({name})", MemberRole(role), Category(category), region)
        for seat, name, role, category, region in Member.objects.order_by("seat").values_list(
            "seat", "full_name", "role", "category", "region"
        )
    ]
    return composition_check(facts, composition_rules())


def sessions_list() -> QuerySet[Session]:
    return Session.objects.annotate(
        items=Count("agenda", distinct=True),
        present=Count("attendance", filter=Q(attendance__present=True), distinct=True),
    ).order_by("number")


@dataclass
class ItemView:
    item: AgendaItem
    outcome: Outcome | None
    decision: Decision | None
    proposals: list[ProposalRef]
    changes: list[dd.ArticleChange]


@dataclass
class SessionView:
    session: Session
    present: int
    members_total: int
    quorum_required: int
    quorum_met: bool
    items: list[ItemView]
    absent: list[Member]
    quorum_source: Msg | str
    majority_text: Msg


def item_view(item: AgendaItem) -> ItemView:
    decision = Decision.objects.filter(item=item).prefetch_related("changes").first()
    outcome = item_outcome(item) if item.votes.exists() or decision else None
    changes = (
        [dd.ArticleChange(dd.ChangeKind(c.kind), c.article, c.wording, c.after) for c in decision.changes.all()]
        if decision
        else []
    )
    return ItemView(item, outcome, decision, list(proposals_lookup(item.proposals).values()), changes)


def session_detail(*, number: int) -> SessionView:
    """Raises Session.DoesNotExist."""
    session = Session.objects.get(number=number)
    members_total = Member.objects.count()
    present = session.attendance.filter(present=True).count()
    q = quorum_rule()
    items = [item_view(item) for item in session.agenda.order_by("order")]
    absent = list(Member.objects.filter(attendance__session=session, attendance__present=False).order_by("seat"))
    return SessionView(
        session,
        present,
        members_total,
        q.required(members_total),
        present >= q.required(members_total),
        items,
        absent,
        q.source,
        majority_rule().describe(),
    )


def drafts_list() -> QuerySet[DraftVersion]:
    return DraftVersion.objects.annotate(n_articles=Count("articles", distinct=True)).order_by("number")


def draft_articles(version: DraftVersion) -> tuple[dd.DraftArticle, ...]:
    return tuple(dd.DraftArticle(a.num, a.wording) for a in version.articles.order_by("order"))


def drafts_compare(*, old: DraftVersion, new: DraftVersion, changed_only: bool = True) -> list[dd.ArticleDiff]:
    diffs = dd.draft_compare(draft_articles(old), draft_articles(new))
    return [d for d in diffs if d.changed or not changed_only]


def comment_counts(*, version: DraftVersion | None = None) -> dict[str, int]:
    """Published (approved) comments per article number."""
    qs = Comment.objects.filter(status=Comment.Status.APPROVED)
    if version is not None:
        qs = qs.filter(version=version)
    return dict(Counter(qs.values_list("article", flat=True)))


def article_decisions(num: str) -> list[Decision]:
    """Decisions whose agenda item or article changes concern the article."""
    ids = set(Decision.objects.filter(changes__article=num).values_list("pk", flat=True))
    for d in Decision.objects.select_related("item").only("pk", "item__articles"):
        if num in (d.item.articles or []):
            ids.add(d.pk)
    return list(
        Decision.objects.filter(pk__in=ids)
        .select_related("item__session")
        .prefetch_related("changes")
        .order_by("item__session__number", "item__order")
    )


@dataclass
class DraftStep:
    version: DraftVersion
    wording: str | None  # None: the article is not in this version
    segments: list[Segment]  # diff against the previous version that had the article ("" for the first)
    changed: bool
    decisions: list[Decision]  # the decisions of this version that changed the article


@dataclass
class ArticleStory:
    num: str
    language: str
    adopted: dd.DraftArticle | None  # the official 2026 wording
    origins: list[Origin]
    wording_1995: list[dd.DraftArticle]
    steps: list[DraftStep]
    decisions: list[Decision]
    items: list[AgendaItem]
    proposals: list[ProposalRef]
    comments: list[Comment]
    comments_by_paragraph: dict[str, int] = field(default_factory=dict)
    behind: ArticleProposals | None = None  # every proposal and campaign consultation links to the article

    @property
    def exists(self) -> bool:
        return self.adopted is not None or any(s.wording is not None for s in self.steps)


def article_story(*, num: str, language: str = "rus") -> ArticleStory:
    """Everything atazan knows about where Art. `num` of the 2026 Constitution came from."""
    adopted = official_article(year=2026, language=language, num=num)
    origins = origins_1995(num=num, language=language)
    old_nums = list(dict.fromkeys(n for o in origins for n in o.old))
    wording_1995 = [a for n in old_nums if (a := official_article(year=1995, language=language, num=n))]
    steps: list[DraftStep] = []
    previous: tuple[dd.DraftArticle, ...] = ()
    for version in DraftVersion.objects.filter(language=language).order_by("number"):
        row = version.articles.filter(num=num).first()
        current = (dd.DraftArticle(num, row.wording),) if row else ()
        diffs = dd.draft_compare(previous, current)
        # The first version is where the story starts: its wording is shown whole, not as an insertion.
        changed = bool(steps) and any(d.changed for d in diffs)
        segments = list(diffs[0].segments) if diffs and steps else []
        by_version = list(
            version.decisions.filter(changes__article=num)
            .distinct()
            .select_related("item__session")
            .order_by("item__session__number", "item__order")
        )
        steps.append(DraftStep(version, row.wording if row else None, segments, changed, by_version))
        previous = current
    decisions = article_decisions(num)
    items = [
        i
        for i in AgendaItem.objects.select_related("session").order_by("session__number", "order")
        if num in (i.articles or [])
    ]
    numbers = [n for i in items for n in i.proposals]
    comments = list(
        Comment.objects.filter(article=num, status=Comment.Status.APPROVED)
        .select_related("version")
        .order_by("created_at", "pk")
    )
    by_para = Counter(c.paragraph for c in comments)
    return ArticleStory(
        num,
        language,
        adopted,
        origins,
        wording_1995,
        steps,
        decisions,
        items,
        list(proposals_lookup(numbers).values()),
        comments,
        dict(by_para),
        article_proposals(num),
    )


@dataclass
class ProposalTrace:
    """What the Commission did with one proposal: the agenda items that listed it, the decisions on them, and the
    decisions on the articles it concerns."""

    proposal: ProposalRef
    articles: list[str]  # 2026 articles the consultation links it to
    items: list[AgendaItem]  # agenda items that list the proposal
    article_items: list[AgendaItem]  # other agenda items on its articles

    @property
    def decisions(self) -> list[Decision]:
        return [i.decision for i in self.items if hasattr(i, "decision")]


def proposal_trace(*, number: str) -> ProposalTrace | None:
    """None when no proposal has the registration number."""
    from atazan.consultation.models import ProposalArticle

    ref = proposals_lookup([number])[number]
    if not ref.known:
        return None
    articles = sorted(
        set(
            ProposalArticle.objects.filter(proposal__registration_number=number, constitution="2026").values_list(
                "article", flat=True
            )
        ),
        key=lambda a: [int(x) for x in a.split("-")],
    )
    all_items = list(AgendaItem.objects.select_related("session", "decision").order_by("session__number", "order"))
    items = [i for i in all_items if number in (i.proposals or [])]
    article_items = [i for i in all_items if i not in items and set(i.articles or []) & set(articles)]
    return ProposalTrace(ref, articles, items, article_items)


def minutes_compose(*, session: Session, language: str = "en") -> str:
    """Minutes of a session, composed from its record (attendance, speakers, votes, decisions), as Markdown in
    ``language`` (English, Kazakh or Russian): the record's own texts in their stored translations, the rest through
    the Commission's catalogue."""

    def say(message: Msg | str) -> str:
        return said(message, language)

    view = session_detail(number=session.number)
    title = (session.titles or {}).get(language) or session.title
    heading = (
        phrase(
            "Minutes of session {number} of the Constitutional Commission (synthetic demo record)",
            number=session.number,
        )
        if session.synthetic
        else phrase("Minutes of session {number} of the Constitutional Commission", number=session.number)
    )
    quorum = (
        phrase(
            "Present: {present} of {total} members; quorum {required} (met). Rule: {rule}.",
            present=view.present, total=view.members_total, required=view.quorum_required,
            rule=quorum_rule(language).source,
        )
        if view.quorum_met
        else phrase(
            "Present: {present} of {total} members; quorum {required} (not met). Rule: {rule}.",
            present=view.present, total=view.members_total, required=view.quorum_required,
            rule=quorum_rule(language).source,
        )
    )  # fmt: skip
    lines = [
        f"# {say(heading)}",
        "",
        say(phrase("Date: {date}. {title}.", date=session.date, title=title)),
        say(quorum),
        "",
        f"## {say(label('Speakers', context='commission minutes'))}",
    ]
    lines += [
        f"{s.order}. {s}: {record_text(s, 'topic', language)}"
        for s in session.speakers.select_related("member").order_by("order")
    ]
    lines += ["", f"## {say(label('Agenda and decisions', context='commission minutes'))}"]
    for iv in view.items:
        item_title = (iv.item.titles or {}).get(language) or iv.item.title
        arts = say(articles_cited(list(iv.item.articles)))
        lines.append(f"### {iv.item.order}. {item_title}" + (f" ({arts})" if arts else ""))
        if iv.item.proposals:
            lines.append(say(phrase("Proposals: {numbers}", numbers=", ".join(iv.item.proposals))))
        if iv.decision is not None:
            d = iv.decision
            lines.append(
                say(
                    phrase(
                        "Vote: {votes_for} for, {votes_against} against, {abstained} abstained ({present} present). "
                        "{explanation}.",
                        votes_for=d.votes_for, votes_against=d.votes_against, abstained=d.abstained,
                        present=d.present, explanation=sentence(record_text(d, "explanation", language)),
                    )
                )
            )  # fmt: skip
            summary = record_text(d, "summary", language)
            decided = (
                phrase("Decision {number}: {summary}", number=d.number, summary=summary)
                if d.adopted
                else phrase("Decision {number}: {summary} — NOT ADOPTED", number=d.number, summary=summary)
            )
            lines.append(say(decided))
            lines += [f"- {say(dd.change_label(c.kind, c.article))}" for c in iv.changes]
        elif iv.outcome is not None:
            lines.append(say(phrase("Vote in progress: {explanation}.", explanation=iv.outcome.explanation)))
        else:
            lines.append(say(label("Not put to the vote.", context="commission minutes")))
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
