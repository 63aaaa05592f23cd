"""Reads of the consultation: the list without COUNT(*), similar proposals, dashboards, open data."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from django.db import models
from django.db.models import Count, QuerySet
from django.db.models.functions import TruncMonth

from atazan.consultation.domain.duplicates import shingle_similarity, shingles_of
from atazan.consultation.domain.normalize import normalize_text
from atazan.consultation.domain.themes import STOPWORDS
from atazan.consultation.models import Attachment, Proposal, ProposalArticle, Visibility

PAGE_SIZE = 50
MAX_PAGE = 100_000  # 5,000,000 proposals: beyond any real list; a larger number is read as the last one allowed


@dataclass
class Page:
    rows: list[Proposal]
    number: int
    has_next: bool


def proposals_public(*, status: str = "", region: str = "", theme: str = "", article: str = "") -> QuerySet[Proposal]:
    qs = Proposal.objects.filter(visibility=Visibility.VISIBLE)
    if status:
        qs = qs.filter(status=status)
    if region:
        qs = qs.filter(region=region)
    if theme:
        # a theme is named by its number; anything else matches no theme
        qs = (
            qs.filter(theme__number=int(theme))
            if theme.isascii() and theme.isdigit() and len(theme) < 10
            else qs.none()
        )
    if article:
        qs = qs.filter(articles__article=article)
    return qs


def proposals_page(qs: QuerySet[Proposal], *, page: int) -> Page:
    """One page, fetched as PAGE_SIZE + 1 rows to know whether another follows: no COUNT(*) over 100,000 rows."""
    page = min(max(1, page), MAX_PAGE)
    start = (page - 1) * PAGE_SIZE
    rows = list(
        qs.select_related("theme").only(
            "registration_number", "text", "region", "language", "status", "submitted_at", "support_count",
            "duplicate_group", "synthetic", "theme__label", "theme__number",
        )[start : start + PAGE_SIZE + 1]
    )  # fmt: skip
    return Page(rows=rows[:PAGE_SIZE], number=page, has_next=len(rows) > PAGE_SIZE)


def proposals_similar(text: str, *, limit: int = 5, exclude: str = "") -> list[tuple[Proposal, float]]:
    """Existing proposals most like a draft: candidates by its rarest long words, ranked by shingle similarity."""
    normal = normalize_text(text[:20_000])  # a draft longer than any proposal may be is cut, not refused
    words = sorted({w for w in normal.split() if len(w) >= 6 and w not in STOPWORDS}, key=lambda w: (-len(w), w))
    if not words:
        return []
    candidates: dict[int, Proposal] = {}
    for word in words[:4]:
        stem = word[: max(6, len(word) - 2)]  # tolerate endings
        for p in Proposal.objects.filter(visibility=Visibility.VISIBLE, normal_text__contains=stem).only(
            "registration_number", "text", "normal_text", "status", "support_count", "duplicate_group"
        )[:200]:
            candidates[p.pk] = p
    draft = shingles_of(normal, 5)
    scored = []
    for p in candidates.values():
        if p.registration_number == exclude:
            continue
        jaccard, containment = shingle_similarity(draft, shingles_of(p.normal_text, 5))
        score = max(jaccard, 0.8 * containment)
        if score >= 0.15:
            scored.append((p, score))
    scored.sort(key=lambda ps: (-ps[1], ps[0].registration_number))
    return scored[:limit]


def attachments_readable(proposal: Proposal, user: object) -> bool:
    """Attachments may hold personal data (Constitution 2026, Art. 21): the proposal's author reads their own, the
    working group's secretary reads any (matrix: consultation.attachment.view). A hidden proposal's files only the
    latter, as its page."""
    from atazan.accounts.services import permission_allowed

    if permission_allowed(user, "consultation.attachment.view"):  # type: ignore[arg-type]
        return True
    own = bool(getattr(user, "is_authenticated", False)) and proposal.author_id == getattr(user, "pk", None)
    return own and proposal.visibility != Visibility.HIDDEN


def attachments_of(proposal: Proposal, user: object) -> QuerySet[Attachment] | None:
    """The proposal's attachments without their bytes, or None for a reader who may see only their count."""
    if not attachments_readable(proposal, user):
        return None
    return proposal.attachments.defer("content").order_by("uploaded_at", "id")


def attachment_get(*, number: str, attachment_id: int, user: object) -> Attachment:
    """One attachment with its bytes, for a reader allowed by attachments_readable; Attachment.DoesNotExist for
    anyone else too, so that a stranger cannot tell a file that exists from one that does not."""
    attachment = Attachment.objects.select_related("proposal").get(
        pk=attachment_id, proposal__registration_number=number
    )
    if not attachments_readable(attachment.proposal, user):
        raise Attachment.DoesNotExist
    return attachment


def group_members(proposal: Proposal) -> QuerySet[Proposal]:
    if not proposal.duplicate_group:
        return Proposal.objects.none()
    return Proposal.objects.filter(duplicate_group=proposal.duplicate_group).order_by("submitted_at", "id")


def campaign_links(group: str) -> list[tuple[str, float]]:
    """Groups carrying the same campaign in another language: (first member's number, similarity)."""
    from atazan.consultation.models import CampaignLink

    pairs = CampaignLink.objects.filter(models.Q(group_a=group) | models.Q(group_b=group))
    return [(link.group_b if link.group_a == group else link.group_a, link.score) for link in pairs]


DASHBOARD_MAX_AGE = 60  # seconds: a change the version below cannot see (a theme renamed) shows within a minute


def dashboard_version() -> str:
    """What the dashboard's counts depend on, read from indexes: the newest proposal, how many are visible, the newest
    status change, the newest article link, the newest theme assignment run."""
    from django.db.models import Max, Q

    from atazan.consultation.models import StatusChange, Theme

    p = Proposal.objects.aggregate(last=Max("id"), visible=Count("id", filter=Q(visibility=Visibility.VISIBLE)))
    changes = StatusChange.objects.aggregate(last=Max("id"))["last"]
    links = ProposalArticle.objects.aggregate(last=Max("id"))["last"]
    themes = Theme.objects.aggregate(last=Max("id"), n=Count("id"))
    return f"{p['last']}.{p['visible']}.{changes}.{links}.{themes['last']}.{themes['n']}"


def dashboard_counts_shared() -> dict[str, list[tuple[str, int]]]:
    """`dashboard_counts`, computed once per version of the data and shared by every reader and process (five GROUP
    BY queries over every proposal took about 0.3 s a request with the demo's 10,000)."""
    from django.core.cache import cache

    key = f"consultation-dashboard:{dashboard_version()}"
    counts = cache.get(key)
    if counts is None:
        counts = dashboard_counts()
        cache.set(key, counts, timeout=DASHBOARD_MAX_AGE)
    return counts  # type: ignore[no-any-return]


def dashboard_counts() -> dict[str, list[tuple[str, int]]]:
    """Counts by status, region, theme, article (top 20) and month — each one GROUP BY query."""
    visible = Proposal.objects.filter(visibility=Visibility.VISIBLE)

    def pairs(qs: QuerySet, key: str) -> list[tuple[str, int]]:  # type: ignore[type-arg]
        return [(str(row[key]), int(row["n"])) for row in qs]

    return {
        "status": pairs(visible.values("status").annotate(n=Count("id")).order_by("-n"), "status"),
        "region": pairs(visible.values("region").annotate(n=Count("id")).order_by("-n"), "region"),
        "theme": pairs(visible.exclude(theme=None).values("theme__label").annotate(n=Count("id")).order_by("-n")[:15],
                       "theme__label"),
        "article": pairs(ProposalArticle.objects.filter(proposal__visibility=Visibility.VISIBLE)
                         .values("article").annotate(n=Count("id")).order_by("-n")[:20], "article"),
        "month": pairs(visible.annotate(m=TruncMonth("submitted_at")).values("m").annotate(n=Count("id"))
                       .order_by("m"), "m"),
    }  # fmt: skip


# fmt: off
OPEN_DATA_FIELDS = ("registration_number", "kind", "region", "language", "submitted_at", "status", "text",
                    "answer", "answered_at", "duplicate_group", "theme", "articles", "support_count", "synthetic",
                    "text_redacted")
# fmt: on


def open_data_rows() -> Iterator[dict[str, str]]:
    """Every visible proposal without personal data (no name, IIN, address, phone, account), streamed in chunks. A
    signature at the end of the text is redacted (domain.redaction; ``text_redacted`` says where); the working group
    keeps the original in the database."""
    qs = (
        Proposal.objects.filter(visibility=Visibility.VISIBLE)
        .order_by("id")
        .values_list("id", "registration_number", "kind", "region", "language", "submitted_at", "status", "text",
                     "answer", "answered_at", "duplicate_group", "theme__label", "support_count", "synthetic")
    )  # fmt: skip
    batch: list[tuple] = []  # type: ignore[type-arg]
    for row in qs.iterator(chunk_size=2000):
        batch.append(row)
        if len(batch) == 2000:
            yield from _with_articles(batch)
            batch = []
    if batch:
        yield from _with_articles(batch)


def _with_articles(batch: list[tuple]) -> Iterator[dict[str, str]]:  # type: ignore[type-arg]
    ids = [row[0] for row in batch]
    links: dict[int, list[str]] = {}
    for pid, article in ProposalArticle.objects.filter(proposal_id__in=ids).values_list("proposal_id", "article"):
        links.setdefault(pid, []).append(article)
    from atazan.consultation.domain.redaction import signoff_redact

    for row in batch:
        redaction = signoff_redact(row[7])
        values = list(row[1:7]) + [redaction.text] + list(row[8:12])
        values += [";".join(links.get(row[0], [])), row[12], row[13], redaction.redacted]
        yield {k: "" if v is None else (v.isoformat() if hasattr(v, "isoformat") else str(v))
               for k, v in zip(OPEN_DATA_FIELDS, values, strict=True)}  # fmt: skip


def article_participation(article: str, *, constitution: str = "2026", limit: int = 10) -> dict[str, object]:
    """What the public consultation and the Commission did about one article (its page in texts): the visible
    proposals linked to it (named, suggested or confirmed), the campaigns (duplicate groups) among them, and the
    Commission's decisions on agenda items about the article, each with counts."""
    from django.db.models import Count, Min

    linked = Proposal.objects.filter(visibility=Visibility.VISIBLE, articles__article=article,
                                     articles__constitution=constitution).distinct()  # fmt: skip
    campaigns = list(linked.exclude(duplicate_group="").values("duplicate_group")
                     .annotate(size=Count("id", distinct=True), first=Min("registration_number"))
                     .filter(size__gt=1).order_by("-size", "duplicate_group")[:limit])  # fmt: skip
    decisions = []
    try:
        from atazan.commission.models import Decision

        for d in Decision.objects.select_related("item__session").order_by("number"):
            if article in [str(a) for a in (d.item.articles or [])]:
                decisions.append(d)
    except ImportError:  # the Commission's part not installed
        pass
    return {"article": article, "proposals": linked.count(), "campaigns_count": len(campaigns),
            "campaigns": campaigns, "latest": list(linked.order_by("-submitted_at", "-id")[:limit]),
            "decisions": decisions}  # fmt: skip


def theme_phrases(language: str) -> dict[int, str]:
    """Each theme's name for a reader of ``language`` (kk, ru, en): the first sentence of its most central
    representative in that language (domain.theme_phrases), else of its most supported proposal in that language,
    else of its most central representative in any language; the keyword label only for a theme with no text."""
    from django.core.cache import cache
    from django.db.models import Max

    from atazan.consultation.models import Theme

    # remembered until the themes are recomputed (analysis_apply replaces every Theme row): the list page asks often
    state = Theme.objects.aggregate(at=Max("computed_at"), n=Count("id"), last=Max("id"))
    at = state["at"].strftime("%Y%m%dT%H%M%S%f") if state["at"] else "none"  # no spaces: memcached refuses them
    key = f"consultation.theme_phrases:{language}:{at}:{state['n']}:{state['last']}"
    names = cache.get(key)
    if names is None:
        names = _theme_phrases(language)
        cache.set(key, names, timeout=3600)
    return names


def _theme_phrases(language: str) -> dict[int, str]:
    from atazan.consultation.domain.theme_phrases import theme_phrase
    from atazan.consultation.models import Theme

    themes = list(Theme.objects.only("id", "number", "label", "representatives"))
    numbers = sorted({n for t in themes for n in (t.representatives or [])})
    reps: dict[str, tuple[str, str]] = {}
    for start in range(0, len(numbers), 500):
        for number, lang, text in Proposal.objects.filter(
            registration_number__in=numbers[start : start + 500]
        ).values_list("registration_number", "language", "text"):
            reps[number] = (lang, text)  # fmt: skip
    names: dict[int, str] = {}
    for theme in themes:
        ordered = [reps[n] for n in (theme.representatives or []) if n in reps]
        own = next((text for lang, text in ordered if lang == language), None)
        if own is None:
            own = (Proposal.objects.filter(theme=theme, language=language, visibility=Visibility.VISIBLE)
                   .order_by("-support_count", "submitted_at", "id")
                   .values_list("text", flat=True).first())  # fmt: skip
        if own is None and ordered:
            own = ordered[0][1]
        names[theme.number] = theme_phrase(own) if own else theme.label
    return names
